import Foundation
import Patterns
import Vocabulary
import Understand

/// Checks an expression before any mail arrives: names, functions and their argument counts, members of
/// `message`, `thread`, and fields against the kinds' schemas (those the condition names, else every kind).
package struct ExpressionChecker: Sendable {
    package indirect enum Shape: Sendable {
        case any
        case value
        case record([String: Shape], what: String)
        case list(Shape)
        /// A value whose type is known before any mail arrives: a field of a kind, a written-out value, what a
        /// function returns. `what` names it for a rule author ("money", "the text \"1000\"").
        case typed(ValueType, what: String)
    }

    package enum ValueType: Sendable { case number, text }

    /// How a field of a kind is typed in the rule language (dates are text "YYYY-MM-DD").
    package static func fieldShape(_ type: FieldType) -> Shape {
        switch type {
        case .money: return .typed(.number, what: "money")
        case .number: return .typed(.number, what: "a number")
        case .text: return .typed(.text, what: "text")
        case .date: return .typed(.text, what: "a date (text like \"2026-03-31\")")
        case .email: return .typed(.text, what: "an e-mail address (text)")
        case .phone: return .typed(.text, what: "a phone number (text)")
        case .iban: return .typed(.text, what: "an IBAN (text)")
        case .vatID: return .typed(.text, what: "a VAT id (text)")
        case .reference: return .typed(.text, what: "a reference (text)")
        case .currency: return .typed(.text, what: "a currency code (text)")
        case .enumeration: return .typed(.text, what: "one of the kind's words (text)")
        case .bool, .list: return .value
        }
    }

    package let kinds: KindCatalogue?

    package static let messageShape: [String: Shape] = [
        "subject": .value, "sender": .value, "sender_name": .value, "from": .list(.value), "to": .list(.value),
        "cc": .list(.value), "reply_to": .list(.value), "date": .value, "id": .value, "text": .value,
        "headers": .any,
        "attachments": .list(.record(["filename": .value, "content_type": .value, "size": .value, "sha256": .value,
                                      "disposition": .value], what: "an attachment")),
    ]
    package static let threadShape: [String: Shape] = ["in_reply_to": .value, "references": .list(.value), "is_reply": .value]
    /// `quote` (Decide/QuoteScope.swift): the request lines matched to rules/catalogue.csv.
    package static let quoteShape: [String: Shape] = [
        "lines": .list(.record(["line": .value, "sku": .value, "description": .value, "requested": .value, "quantity": .value,
                                "unit": .value, "unit_price": .value, "currency": .value, "line_total": .value,
                                "confidence": .value, "matched_by": .value, "matched_text": .value], what: "a quote line")),
        "unmatched": .list(.record(["line": .value, "description": .value, "sku": .value, "quantity": .value,
                                    "confidence": .value, "best_guess": .value, "reason": .value], what: "an unmatched quote line")),
        "total": .value, "currency": .value,
    ]

    /// The top-level names and what they hold (the rule author's reference is rules/README.md).
    package static let rootNames = ["message", "sender", "subject", "kind", "confidence", "fields", "thread", "source", "quote", "captured"]

    package func fieldsShape(for namedKinds: Set<String>) -> (Shape, String) {
        guard let kinds else { return (.any, "") }
        let relevant = kinds.kinds.filter { namedKinds.isEmpty || namedKinds.contains($0.name) }
        guard !relevant.isEmpty else { return (.any, "") }
        func shape(_ f: FieldDefinition) -> Shape {
            if case .list = f.type {
                var items: [String: Shape] = [:]
                for item in f.items { items[item.name] = shape(item) }
                return .list(.record(items, what: "a line of '\(f.name)'"))
            }
            return Self.fieldShape(f.type)
        }
        var fields: [String: Shape] = [:]
        for kind in relevant {
            for f in kind.fields {
                if let existing = fields[f.name], case .list(.record(let a, let w)) = existing, case .list(.record(let b, _)) = shape(f) {
                    fields[f.name] = .list(.record(a.merging(b) { x, y in Self.agreeing(x, y) }, what: w))
                } else if let existing = fields[f.name] {
                    fields[f.name] = Self.agreeing(existing, shape(f))
                } else {
                    fields[f.name] = shape(f)
                }
            }
        }
        let what = namedKinds.isEmpty ? "any kind" : relevant.map(\.name).sorted().joined(separator: " or ")
        return (.record(fields, what: what), what)
    }

    /// Two kinds define a field of the same name: its type is known only when they agree.
    private static func agreeing(_ a: Shape, _ b: Shape) -> Shape {
        switch (a, b) {
        case (.typed(let x, let w), .typed(let y, _)): return x == y ? .typed(x, what: w) : .value
        case (.typed, _), (_, .typed): return .value
        default: return a
        }
    }

    package func check(_ expression: Expression, namedKinds: Set<String>, allowCaptured: Bool) -> [ExpressionError] {
        var issues: [ExpressionError] = []
        if let kinds {
            let known = kinds.kinds.map(\.name)
            for k in namedKinds.sorted() where !known.contains(k) {
                let offset = kindLiteralOffset(expression, k) ?? expression.offset
                issues.append(ExpressionError(offset: offset, message: "unknown kind '\(k)'",
                                              suggestion: Suggestion.closest(to: k, among: known).map { "did you mean '\($0)'?" }
                                                  ?? "the kinds are: \(known.joined(separator: ", "))"))
            }
        }
        let (fields, _) = fieldsShape(for: namedKinds.filter { k in kinds?.kind(named: k) != nil })
        var roots: [String: Shape] = [
            "message": .record(Self.messageShape, what: "message"), "sender": .value, "subject": .value,
            "kind": .typed(.text, what: "the kind (text)"), "confidence": .typed(.number, what: "the confidence (a number from 0 to 1)"), "fields": fields, "thread": .record(Self.threadShape, what: "thread"), "source": .value,
            "quote": .record(Self.quoteShape, what: "quote"),
        ]
        if allowCaptured { roots["captured"] = .any }
        _ = shape(expression, roots: roots, issues: &issues)
        return issues
    }

    private func kindLiteralOffset(_ e: Expression, _ kind: String) -> Int? {
        switch e.node {
        case .literal(.string(let s)) where s == kind: return e.offset
        case .binary(_, let l, let r): return kindLiteralOffset(l, kind) ?? kindLiteralOffset(r, kind)
        case .list(let items): return items.lazy.compactMap { kindLiteralOffset($0, kind) }.first
        case .not(let o): return kindLiteralOffset(o, kind)
        case .call(_, let args): return args.lazy.compactMap { kindLiteralOffset($0, kind) }.first
        default: return nil
        }
    }

    private func shape(_ e: Expression, roots: [String: Shape], issues: inout [ExpressionError]) -> Shape {
        switch e.node {
        case .literal(.number(let d)): return .typed(.number, what: "the number \(RuleValue.numberText(d))")
        case .literal(.string(let t)): return .typed(.text, what: "the text \(Expression.literalText(.string(t)))")
        case .literal: return .value
        case .name(let n):
            if let s = roots[n] { return s }
            if n == "captured" {
                issues.append(ExpressionError(offset: e.offset, message: "`captured` values exist only when actions run",
                                              suggestion: "use them in action parameters, not in `when`"))
                return .any
            }
            issues.append(ExpressionError(offset: e.offset, message: "unknown name '\(n)'",
                                          suggestion: Suggestion.closest(to: n, among: roots.keys).map { "did you mean '\($0)'?" }
                                              ?? "names are: \(Self.rootNames.joined(separator: ", "))"))
            return .any
        case .member(let base, let name):
            return member(shape(base, roots: roots, issues: &issues), name, at: e.offset, issues: &issues)
        case .index(let base, let i):
            let b = shape(base, roots: roots, issues: &issues)
            _ = shape(i, roots: roots, issues: &issues)
            if case .list(let item) = b { return item }
            return .any
        case .list(let items):
            items.forEach { _ = shape($0, roots: roots, issues: &issues) }
            return .value
        case .not(let o), .negate(let o):
            _ = shape(o, roots: roots, issues: &issues)
            return .value
        case .binary(let op, let l, let r):
            let left = shape(l, roots: roots, issues: &issues)
            let right = shape(r, roots: roots, issues: &issues)
            if let issue = Self.typeMismatch(op, l, left, r, right, at: e.offset) {
                issues.append(issue)
            } else if [.plus, .minus, .times, .divide].contains(op),
                      case .typed(.number, _) = left, case .typed(.number, _) = right {
                return .typed(.number, what: "a number (`\(e.sourceText)`)")
            }
            if op == .matches {
                if case .literal(.string(let pattern)) = r.node {
                    do { _ = try TextPattern(pattern, multiline: false) } catch {
                        // A refused construct is pointed at inside the quotes; a syntax error at the pattern.
                        issues.append(ExpressionError(offset: error.offset.map { r.offset + 1 + $0 } ?? r.offset,
                                                      message: error.sentence(for: pattern)))
                    }
                } else {
                    issues.append(ExpressionError(offset: r.offset, message: "the pattern of 'matches' must be written in quotes in the rule",
                                                  suggestion: "a pattern is never made from a value (a subject, a sender's name): write it as a literal, e.g. subject matches '(?i)invoice'"))
                }
            }
            return .value
        case .call(let name, let args):
            guard let arity = ExpressionEvaluator.functionNames[name] else {
                issues.append(ExpressionError(offset: e.offset, message: "unknown function '\(name)'",
                                              suggestion: Suggestion.closest(to: name, among: ExpressionEvaluator.functionNames.keys).map { "did you mean '\($0)'?" }))
                args.forEach { _ = shape($0, roots: roots, issues: &issues) }
                return .any
            }
            if !arity.contains(args.count) {
                let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
                issues.append(ExpressionError(offset: e.offset, message: "\(name)(…) takes \(expected) argument(s), not \(args.count)"))
            }
            var first: Shape = .any
            for (i, a) in args.enumerated() {
                if case .lambda(let p, let body) = a.node {
                    guard ExpressionEvaluator.lambdaFunctions.contains(name), i == 1 else {
                        issues.append(ExpressionError(offset: a.offset, message: "'=>' is only allowed as the second argument of any(…), all(…) or count(…)"))
                        continue
                    }
                    var inner = roots
                    if case .list(let item) = first { inner[p] = item } else { inner[p] = .any }
                    _ = shape(body, roots: inner, issues: &issues)
                } else {
                    let s = shape(a, roots: roots, issues: &issues)
                    if i == 0 { first = s }
                }
            }
            if name == "first" || name == "last", case .list(let item) = first { return item }
            if ["len", "count", "sum", "round", "number", "age"].contains(name) { return .typed(.number, what: "a number (`\(e.sourceText)`)") }
            if ["lower", "upper", "trim", "domain", "text", "join"].contains(name) { return .typed(.text, what: "text (`\(e.sourceText)`)") }
            return .value
        case .lambda:
            issues.append(ExpressionError(offset: e.offset, message: "'=>' is only allowed inside any(…), all(…) or count(…)"))
            return .any
        }
    }

    private func member(_ base: Shape, _ name: String, at offset: Int, issues: inout [ExpressionError]) -> Shape {
        switch base {
        case .any: return .any
        case .value, .typed:
            return .any  // a record inside a value we know nothing about
        case .list(let item):
            let inner = member(item, name, at: offset, issues: &issues)
            if case .list = inner { return inner }
            return .list(inner)
        case .record(let members, let what):
            if let s = members[name] { return s }
            let subject = what.hasPrefix("a ") || what.hasPrefix("an ") ? what : (["message", "thread", "quote"].contains(what) ? "`\(what)`" : "kind \(what)")
            issues.append(ExpressionError(offset: offset, message: what == "any kind" ? "no kind has a field '\(name)'" : "\(subject) has no field '\(name)'",
                                          suggestion: Suggestion.closest(to: name, among: members.keys).map { "did you mean '\($0)'?" }
                                              ?? "its fields are: \(members.keys.sorted().joined(separator: ", "))"))
            return .any
        }
    }

    /// A comparison of a number with text (always false, or an error on every mail), or arithmetic on text: the
    /// rule cannot mean it. `fields.total > "1000"` → "`fields.total` is money, compared with the text "1000":
    /// write 1000 without quotes".
    private static func typeMismatch(_ op: Expression.BinaryOperator, _ l: Expression, _ left: Shape,
                                     _ r: Expression, _ right: Shape, at offset: Int) -> ExpressionError? {
        if [.minus, .times, .divide].contains(op) {
            for (side, shape) in [(l, left), (r, right)] {
                guard case .typed(.text, let what) = shape else { continue }
                if case .typed(.number, _) = (side.offset == l.offset ? right : left) { break }  // the message below names both
                return ExpressionError(offset: side.offset, message: "\(side.isLiteral ? what : "`\(side.sourceText)` is \(what)"); '\(op.rawValue)' needs numbers",
                                       suggestion: "use number(\(side.sourceText)) to read a number from the text")
            }
        }
        guard case .typed(let lt, let lw) = left, case .typed(let rt, let rw) = right, lt != rt else { return nil }
        let (numberSide, numberWhat, textSide, textWhat) = lt == .number ? (l, lw, r, rw) : (r, rw, l, lw)
        func named(_ e: Expression, _ what: String) -> String { e.isLiteral ? what : "`\(e.sourceText)` is \(what)" }
        let quotedNumber: String? = {
            guard case .literal(.string(let s)) = textSide.node else { return nil }
            let t = s.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) != nil,
                  t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
            return t
        }()
        let at = textSide.isLiteral ? textSide.offset : (numberSide.isLiteral ? numberSide.offset : offset)
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if let n = quotedNumber, !numberSide.isLiteral {
                return ExpressionError(offset: at, message: "\(named(numberSide, numberWhat)), compared with \(textWhat): write \(n) without quotes")
            }
            if numberSide.isLiteral, !textSide.isLiteral, case .literal(.number(let d)) = numberSide.node {
                return ExpressionError(offset: at, message: "\(named(textSide, textWhat)), compared with \(numberWhat): write \"\(RuleValue.numberText(d))\" in quotes, or number(\(textSide.sourceText)) to compare numbers")
            }
            if textSide.isLiteral {
                return ExpressionError(offset: at, message: "\(named(numberSide, numberWhat)), compared with \(textWhat): a number is never equal to text",
                                       suggestion: "compare it with a number")
            }
            return ExpressionError(offset: at, message: "`\(numberSide.sourceText)` is \(numberWhat), compared with `\(textSide.sourceText)`, which is \(textWhat)",
                                   suggestion: "use number(\(textSide.sourceText)) to read a number from the text")
        case .minus, .times, .divide, .plus:
            // `+` joins text ("Order " + fields.number) unless the text is a number in quotes: then it was meant as one.
            if op == .plus && quotedNumber == nil { return nil }
            if let n = quotedNumber {
                return ExpressionError(offset: at, message: "\(named(numberSide, numberWhat)), and '\(op.rawValue)' is given \(textWhat): write \(n) without quotes")
            }
            return ExpressionError(offset: textSide.offset, message: "`\(textSide.sourceText)` is \(textWhat); '\(op.rawValue)' needs numbers",
                                   suggestion: "use number(\(textSide.sourceText)) to read a number from the text")
        default:
            return nil
        }
    }
}
