import Foundation
import Vocabulary

/// One line of a quote request, as Understand extracts it (`quote_request.lines`).
public struct QuoteRequestLine: Sendable, Hashable, Codable {
    public var sku: String?
    public var description: String
    public var quantity: Double
    public var unit: String?

    public init(sku: String? = nil, description: String, quantity: Double, unit: String? = nil) {
        self.sku = sku
        self.description = description
        self.quantity = quantity
        self.unit = unit
    }
}

/// A request line with the catalogue product it was matched to (or none), how sure the match is, and its price.
public struct MatchedLine: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable { case sku, alias, fuzzy, none }

    public var request: QuoteRequestLine
    public var product: CatalogueProduct?
    /// 0…1: 1 for a SKU, 0.97 for an exact name or alias, the similarity for a fuzzy match.
    public var confidence: Double
    public var method: Method
    /// The alias or name that matched best.
    public var matchedText: String?
    /// True when a person must look at the line before a quotation is made (no match, weak or ambiguous match).
    public var needsReview: Bool
    public var reason: String?
    public var unitPrice: Double?
    public var lineTotal: Double?
}

/// A quote request's lines matched to the catalogue and priced. Lines that match nothing (or too weakly)
/// are flagged for review; the total covers the priced lines.
public struct QuoteDraft: Sendable, Hashable, Codable {
    public var lines: [MatchedLine]
    public var currency: String?
    public var total: Double
    public var needsReview: Bool { lines.contains { $0.needsReview } }

    /// Below this similarity a fuzzy match goes to review.
    public static let reviewThreshold = 0.55

    public init(lines requestLines: [QuoteRequestLine], catalogue: ProductCatalogue, threshold: Double = QuoteDraft.reviewThreshold) {
        var matched = QuoteDraft.match(lines: requestLines, catalogue: catalogue, threshold: threshold)
        // One quotation has one currency: the first priced line's; a line priced in another goes to review.
        let first = matched.first { !$0.needsReview && $0.product != nil }?.product?.currency
        for i in matched.indices where !matched[i].needsReview {
            if let c = matched[i].product?.currency, let first, c != first {
                matched[i].needsReview = true
                matched[i].reason = "\(matched[i].product!.sku) is priced in \(c), the other lines in \(first)"
                matched[i].unitPrice = nil
                matched[i].lineTotal = nil
            }
        }
        lines = matched
        currency = first
        total = QuoteText.money(lines.compactMap(\.lineTotal).reduce(0, +))
    }

    /// The parameters of the tryton connector's `create_quotation` lines.
    public var quotationLines: [JSONValue] {
        lines.compactMap { line in
            guard let product = line.product, !line.needsReview else { return nil }
            return ["sku": .string(product.sku), "description": .string(product.name),
                    "quantity": .number(line.request.quantity), "unit_price": .number(product.unitPrice)]
        }
    }

    public static func match(lines: [QuoteRequestLine], catalogue: ProductCatalogue,
                             threshold: Double = QuoteDraft.reviewThreshold) -> [MatchedLine] {
        let index = catalogue.products.map { product in
            (product, ([product.name] + product.aliases).map { ($0, QuoteText.features($0)) })
        }
        return lines.map { match($0, catalogue: catalogue, index: index, threshold: threshold) }
    }

    package static func match(_ line: QuoteRequestLine, catalogue: ProductCatalogue,
                      index: [(CatalogueProduct, [(String, Set<String>)])], threshold: Double) -> MatchedLine {
        func result(_ product: CatalogueProduct?, _ confidence: Double, _ method: MatchedLine.Method, _ text: String?,
                    review: Bool, reason: String?) -> MatchedLine {
            let priced = review ? nil : product
            return MatchedLine(request: line, product: product, confidence: (confidence * 1000).rounded() / 1000, method: method,
                               matchedText: text, needsReview: review, reason: reason, unitPrice: priced?.unitPrice,
                               lineTotal: priced.map { QuoteText.money($0.unitPrice * line.quantity) })
        }
        guard line.quantity > 0 else {
            return result(nil, 0, .none, nil, review: true, reason: "the quantity \(line.quantity) is not positive")
        }
        // 1. The SKU, given or written in the description.
        if let sku = line.sku, let product = catalogue.product(sku: sku) {
            return result(product, 1, .sku, product.sku, review: false, reason: nil)
        }
        let descriptionSKU = catalogue.products.first { p in
            QuoteText.tokens(line.description).contains(QuoteText.normalisedSKU(p.sku).lowercased())
                || QuoteText.normalisedSKU(line.description).contains(QuoteText.normalisedSKU(p.sku)) && p.sku.count >= 6
        }
        if let product = descriptionSKU { return result(product, 0.99, .sku, product.sku, review: false, reason: nil) }
        // 2. An exact name or alias.
        let folded = QuoteText.folded(line.description)
        for (product, names) in index {
            if let hit = names.first(where: { QuoteText.folded($0.0) == folded }) {
                return result(product, 0.97, .alias, hit.0, review: false, reason: nil)
            }
        }
        // 3. Fuzzy: trigram (CJK: bigram) similarity against every name and alias.
        let features = QuoteText.features(line.description)
        var scored: [(product: CatalogueProduct, text: String, score: Double)] = []
        for (product, names) in index {
            var best: (String, Double) = ("", 0)
            for (text, f) in names {
                let s = QuoteText.similarity(features, f)
                if s > best.1 { best = (text, s) }
            }
            scored.append((product, best.0, best.1))
        }
        scored.sort { $0.score > $1.score }
        guard let top = scored.first, top.score > 0 else {
            return result(nil, 0, .none, nil, review: true, reason: "nothing in the catalogue resembles '\(line.description)'")
        }
        if top.score < threshold {
            return result(top.product, top.score, .fuzzy, top.text, review: true,
                          reason: "best guess \(top.product.sku) '\(top.text)' is only \(Int(top.score * 100)) % similar")
        }
        if scored.count > 1, top.score - scored[1].score < 0.04 {
            return result(top.product, top.score, .fuzzy, top.text, review: true,
                          reason: "ambiguous: \(top.product.sku) and \(scored[1].product.sku) match about equally")
        }
        return result(top.product, top.score, .fuzzy, top.text, review: false, reason: nil)
    }
}

/// Text normalisation and similarity for matching quote lines.
package enum QuoteText {
    package static func money(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    package static func normalisedSKU(_ s: String) -> String {
        String(s.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    package static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x3040...0x30FF).contains(s.value)
            || (0xAC00...0xD7AF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
    }

    /// Lower case, diacritics removed, ß → ss, full-width forms folded; punctuation becomes space.
    package static func folded(_ text: String) -> String {
        let base = text.replacingOccurrences(of: "ß", with: "ss")
            .applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
        let stripped = base.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for s in stripped.unicodeScalars {
            if CharacterSet.alphanumerics.contains(s) || s == "." {
                // a decimal point between digits stays ("0.75"), other dots become spaces below
                out.append(s)
                lastSpace = false
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        return String(out).split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    package static let stopWords: Set<String> = ["the", "a", "an", "of", "for", "with", "and", "pcs", "pc", "piece", "pieces", "x",
                                         "der", "die", "das", "und", "mit", "fur", "stk", "stuck", "stueck", "bitte", "please"]

    /// Latin tokens (without stop words) and CJK runs.
    package static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        for word in folded(text).split(separator: " ") {
            // split a word into its CJK and non-CJK runs ("DN25不锈钢" → "dn25", "不锈钢")
            var run = "", runIsCJK = false
            for s in word.unicodeScalars {
                let cjk = isCJK(s)
                if !run.isEmpty, cjk != runIsCJK { result.append(run); run = "" }
                run.unicodeScalars.append(s)
                runIsCJK = cjk
            }
            if !run.isEmpty { result.append(run) }
        }
        return result.filter { !stopWords.contains($0) }
    }

    /// Character trigrams of each padded Latin token (plus the whole token), character bigrams of CJK runs.
    package static func features(_ text: String) -> Set<String> {
        var f = Set<String>()
        for token in tokens(text) {
            let chars = Array(token)
            if chars.contains(where: { $0.unicodeScalars.contains(where: isCJK) }) {
                if chars.count == 1 { f.insert(String(chars)) }
                for i in 0..<max(0, chars.count - 1) { f.insert(String(chars[i...i + 1])) }
                continue
            }
            f.insert("w:" + token)
            let padded = Array(" " + token + " ")
            for i in 0..<max(0, padded.count - 2) { f.insert(String(padded[i...i + 2])) }
        }
        return f
    }

    package static func isCJKFeature(_ f: String) -> Bool { f.unicodeScalars.contains(where: isCJK) }

    /// Half Dice coefficient, half coverage of the catalogue text by the request (extra words in a request
    /// cost less than missing words of the product name).
    package static func similarity(_ request: Set<String>, _ candidate: Set<String>) -> Double {
        guard !request.isEmpty, !candidate.isEmpty else { return 0 }
        // A request written only in CJK is compared with the CJK part of a mixed name ("压力变送器 0-10 bar").
        var candidate = candidate
        if !request.contains(where: { !isCJKFeature($0) }) {
            let cjk = candidate.filter(isCJKFeature)
            if !cjk.isEmpty { candidate = cjk }
        }
        let common = Double(request.intersection(candidate).count)
        let dice = 2 * common / Double(request.count + candidate.count)
        let coverage = common / Double(candidate.count)
        return 0.5 * dice + 0.5 * coverage
    }
}
