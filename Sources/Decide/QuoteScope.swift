import Foundation
import Vocabulary

/// What rules see as `quote`: the understood request lines (`fields.lines`) matched to the product
/// catalogue (`rules/catalogue.csv`) and priced. Part of Decide's pure function: the same message,
/// understanding and rule files (the catalogue is one) give the same `quote`.
///
/// ```
/// quote.lines       the matched lines: line, sku, description (the catalogue's name), requested (the
///                   customer's words), quantity, unit, unit_price, currency, line_total, confidence (0…1),
///                   matched_by (sku | alias | fuzzy), matched_text
/// quote.unmatched   lines a person must look at: line, description, sku, quantity, confidence, best_guess,
///                   reason ("line 2 '5 × unicorn saddle': nothing in the catalogue resembles …")
/// quote.total       the sum of the matched lines' line_total
/// quote.currency    the catalogue currency of the matched lines
/// ```
public enum QuoteScope {
    /// The request lines of an understanding: every row of `fields.lines` (description, or else the SKU, as
    /// the text; quantity 0 when none was understood, which sends the line to review).
    public static func requestLines(_ understanding: Understanding) -> [QuoteRequestLine]? {
        guard case .list(let rows)? = understanding.fields["lines"] else { return nil }
        return rows.map { row in
            let sku = text(row["sku"])
            let description = text(row["description"]) ?? sku ?? ""
            return QuoteRequestLine(sku: sku, description: description, quantity: number(row["quantity"]) ?? 0,
                                    unit: text(row["unit"]))
        }
    }

    public static func draft(for understanding: Understanding, catalogue: ProductCatalogue) -> QuoteDraft? {
        guard let lines = requestLines(understanding) else { return nil }
        return QuoteDraft(lines: lines, catalogue: catalogue)
    }

    package static func text(_ value: FieldValue?) -> String? {
        switch value {
        case .text(let s)?, .date(let s)?: return s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s
        case .number(let d)?: return RuleValue.numberText(d)
        default: return nil
        }
    }

    package static func number(_ value: FieldValue?) -> Double? {
        switch value {
        case .number(let d)?, .money(let d, _)?: return NSDecimalNumber(decimal: d).doubleValue
        case .text(let s)?: return Double(s.replacingOccurrences(of: ",", with: "."))
        default: return nil
        }
    }

    package static func decimal(_ v: Double, places: Int) -> RuleValue {
        .number(Decimal(string: String(format: "%.\(places)f", v), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(v))
    }

    /// A price or total as money with two decimals ("1712.00" in templates and action parameters).
    package static func money(_ v: Double) -> RuleValue {
        let d = Decimal(string: String(format: "%.2f", v), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(v)
        return .money(d, scale: 2)
    }

    package static func quantity(_ v: Double) -> String {
        v == v.rounded() ? String(Int64(v)) : RuleValue.numberText(Decimal(v))
    }

    /// "line 2 '5 × unicorn saddle'"
    package static func label(_ index: Int, _ line: QuoteRequestLine) -> String {
        var text = "line \(index + 1) '\(quantity(line.quantity)) × \(line.description)'"
        if let sku = line.sku, sku != line.description { text += " (SKU \(sku))" }
        return text
    }

    /// Why a line waits for a person, naming the line.
    public static func reason(_ index: Int, _ line: MatchedLine) -> String {
        "\(label(index, line.request)): \(line.reason ?? "the match is not sure enough")"
    }

    /// `quote` as rules read it; with no draft (no `lines` understood), empty lists and a total of 0.
    public static func value(_ draft: QuoteDraft?) -> RuleValue {
        guard let draft else {
            return .object(["lines": .list([]), "unmatched": .list([]), "total": .number(0), "currency": .null])
        }
        var lines: [RuleValue] = []
        var unmatched: [RuleValue] = []
        for (i, line) in draft.lines.enumerated() {
            if line.needsReview || line.product == nil {
                unmatched.append(.object([
                    "line": .number(Decimal(i + 1)),
                    "description": .string(line.request.description),
                    "sku": line.request.sku.map(RuleValue.string) ?? .null,
                    "quantity": decimal(line.request.quantity, places: 4),
                    "confidence": decimal(line.confidence, places: 3),
                    "best_guess": line.product.map { .string($0.sku) } ?? .null,
                    "reason": .string(reason(i, line)),
                ]))
                continue
            }
            let product = line.product!
            lines.append(.object([
                "line": .number(Decimal(i + 1)),
                "sku": .string(product.sku),
                "description": .string(product.name),
                "requested": .string(line.request.description),
                "quantity": decimal(line.request.quantity, places: 4),
                "unit": .string(product.unit),
                "unit_price": money(product.unitPrice),
                "currency": .string(product.currency),
                "line_total": money(line.lineTotal ?? 0),
                "confidence": decimal(line.confidence, places: 3),
                "matched_by": .string(line.method.rawValue),
                "matched_text": line.matchedText.map(RuleValue.string) ?? .null,
            ]))
        }
        return .object(["lines": .list(lines), "unmatched": .list(unmatched), "total": money(draft.total),
                        "currency": draft.currency.map(RuleValue.string) ?? .null])
    }

    /// The draft for the audit trail: every line with what it matched, how, and how sure.
    public static func auditJSON(_ draft: QuoteDraft, catalogue: ProductCatalogue) -> JSONValue {
        .object([
            "catalogue": .optional(catalogue.file),
            "catalogue_sha256": .optional(catalogue.sha256),
            "total": .number(draft.total),
            "currency": .optional(draft.currency),
            "needs_review": .bool(draft.needsReview),
            "lines": .array(draft.lines.enumerated().map { i, line in
                .object([
                    "line": .integer(i + 1),
                    "requested": .string(line.request.description),
                    "requested_sku": .optional(line.request.sku),
                    "quantity": .number(line.request.quantity),
                    "sku": .optional(line.product?.sku),
                    "matched_by": .string(line.method.rawValue),
                    "matched_text": .optional(line.matchedText),
                    "confidence": .number(line.confidence),
                    "unit_price": line.unitPrice.map { .number($0) } ?? .null,
                    "line_total": line.lineTotal.map { .number($0) } ?? .null,
                    "needs_review": .bool(line.needsReview),
                    "reason": line.needsReview ? .string(reason(i, line)) : .null,
                ])
            }),
        ])
    }
}

extension RuleSet {
    /// True when a rule reads `quote` (its condition, a parameter or its review reason).
    public var readsQuote: Bool { rules.contains(where: \.readsQuote) }
}

extension Rule {
    public var readsQuote: Bool {
        if when.rootNames.contains("quote") { return true }
        if let review, review.expressions.contains(where: { $0.rootNames.contains("quote") }) { return true }
        return actions.contains { action in
            action.parameters.values.contains { p in p.templates.contains { t in t.expressions.contains { $0.rootNames.contains("quote") } } }
        }
    }
}

