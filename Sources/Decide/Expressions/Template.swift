import Foundation

/// An action parameter template: text with `{{ expression }}` parts, rendered over the same values as a
/// condition. A parameter that is exactly one `{{ … }}` keeps the value's type (`{{ fields.lines }}` gives
/// the list itself, `{{ fields.gross_total }}` a number); anything else renders as text.
///
/// Mailroom renders templates itself instead of using a Mustache library: the parts between the braces are
/// expressions of the rule language (arithmetic, functions, `captured.…`), errors must point at the column
/// inside the file, and typed values must survive into JSON bodies — Mustache has none of these.
public struct Template: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        /// The expression and the character offset of its text within the template.
        case expression(Expression, source: String)
    }

    public var source: String
    public var parts: [Part]

    public static func parse(_ source: String) throws(ExpressionError) -> Template {
        let chars = Array(source)
        var parts: [Part] = []
        var text = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                var j = i + 2
                var closed = false
                while j + 1 < chars.count {
                    if chars[j] == "}", chars[j + 1] == "}" { closed = true; break }
                    j += 1
                }
                guard closed else {
                    throw ExpressionError(offset: i, message: "'{{' is not closed", suggestion: "add '}}' after the expression")
                }
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                let inner = String(chars[(i + 2)..<j])
                let expression: Expression
                do throws(ExpressionError) {
                    expression = try ExpressionParser.parse(inner)
                } catch {
                    throw ExpressionError(offset: error.offset + i + 2, message: error.message, suggestion: error.suggestion)
                }
                parts.append(.expression(Template.shift(expression, by: i + 2), source: inner.trimmingCharacters(in: .whitespaces)))
                i = j + 2
                continue
            }
            if chars[i] == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                throw ExpressionError(offset: i, message: "'}}' without an opening '{{'")
            }
            text.append(chars[i])
            i += 1
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return Template(source: source, parts: parts)
    }

    /// True when the template has no `{{ … }}` at all.
    public var isPlainText: Bool { parts.allSatisfy { if case .text = $0 { return true } else { return false } } }

    /// Every expression in the template.
    public var expressions: [Expression] {
        parts.compactMap { if case .expression(let e, _) = $0 { return e } else { return nil } }
    }

    public func render(_ evaluator: ExpressionEvaluator, in scope: EvaluationScope) throws(ExpressionError) -> RuleValue {
        if parts.count == 1, case .expression(let e, _) = parts[0] {
            return try evaluator.evaluate(e, in: scope)
        }
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .expression(let e, _): out += try evaluator.evaluate(e, in: scope).text
            }
        }
        return .string(out)
    }

    /// Moves every position of an expression by `delta` characters (an expression parsed out of a larger text).
    package static func shift(_ e: Expression, by delta: Int) -> Expression {
        func s(_ x: Expression) -> Expression { shift(x, by: delta) }
        let node: Expression.Node
        switch e.node {
        case .literal, .name: node = e.node
        case .member(let b, let n): node = .member(s(b), n)
        case .index(let b, let i): node = .index(s(b), s(i))
        case .list(let items): node = .list(items.map(s))
        case .not(let o): node = .not(s(o))
        case .negate(let o): node = .negate(s(o))
        case .binary(let op, let l, let r): node = .binary(op, s(l), s(r))
        case .call(let n, let args): node = .call(n, args.map(s))
        case .lambda(let p, let b): node = .lambda(p, s(b))
        }
        return Expression(node, at: e.offset + delta)
    }
}

extension Expression {
    /// The top-level names an expression reads (lambda parameters excluded).
    public var rootNames: Set<String> {
        var out: Set<String> = []
        func walk(_ e: Expression, _ bound: Set<String>) {
            switch e.node {
            case .literal: break
            case .name(let n): if !bound.contains(n) { out.insert(n) }
            case .member(let b, _): walk(b, bound)
            case .index(let b, let i): walk(b, bound); walk(i, bound)
            case .list(let items): items.forEach { walk($0, bound) }
            case .not(let o), .negate(let o): walk(o, bound)
            case .binary(_, let l, let r): walk(l, bound); walk(r, bound)
            case .call(_, let args): args.forEach { walk($0, bound) }
            case .lambda(let p, let b): walk(b, bound.union([p]))
            }
        }
        walk(self, [])
        return out
    }

    /// Kind names the condition compares `kind` with (`kind == "invoice"`, `kind in ["a", "b"]`).
    public var namedKinds: Set<String> {
        var out: Set<String> = []
        func literals(_ e: Expression) -> [String] {
            switch e.node {
            case .literal(.string(let s)): return [s]
            case .list(let items): return items.flatMap(literals)
            default: return []
            }
        }
        func isKind(_ e: Expression) -> Bool { if case .name("kind") = e.node { return true } else { return false } }
        func walk(_ e: Expression) {
            switch e.node {
            case .binary(let op, let l, let r):
                if op == .equal || op == .notEqual {
                    if isKind(l) { out.formUnion(literals(r)) }
                    if isKind(r) { out.formUnion(literals(l)) }
                }
                if op == .in || op == .notIn, isKind(l) { out.formUnion(literals(r)) }
                if op == .contains, isKind(r) { out.formUnion(literals(l)) }
                walk(l); walk(r)
            case .not(let o), .negate(let o): walk(o)
            case .call(_, let args): args.forEach(walk)
            case .list(let items): items.forEach(walk)
            case .member(let b, _): walk(b)
            case .index(let b, let i): walk(b); walk(i)
            case .lambda(_, let b): walk(b)
            case .literal, .name: break
            }
        }
        walk(self)
        return out
    }
}
