import Foundation
import Vocabulary

/// What became of one rule on one message (`mailroom rules try`): matched, not matched and which part of
/// its `when:` was false, skipped and why, or could not be evaluated.
public struct RuleTrace: Sendable {
    public enum Outcome: Sendable, Hashable {
        case matched
        /// The condition was false; each reason names a false part and the values it read.
        case notMatched([String])
        /// Not evaluated: an earlier rule stopped, the mail goes to review, the kind is not a business kind.
        case skipped(String)
        /// The condition or a parameter could not be evaluated on this message.
        case failed(String)
        /// The rule's `review:` held: the mail goes to a person with this reason.
        case review(String)

        public var label: String {
            switch self {
            case .matched: return "matched"
            case .notMatched: return "not matched"
            case .skipped: return "skipped"
            case .failed: return "failed"
            case .review: return "review"
            }
        }
    }

    public var rule: String
    public var file: String
    public var line: Int
    public var priority: Int
    public var stop: Bool
    public var condition: String
    public var outcome: Outcome
}

extension Expression {
    /// The expression written back as rule-language text (`fields.total > 1000 and kind == "invoice"`), with
    /// parentheses only where the order of operations needs them. Durations appear as seconds.
    public var sourceText: String { text(parentPower: 0) }

    private static func power(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .plus, .minus: return 5
        case .times, .divide: return 6
        default: return 4
        }
    }

    private func text(parentPower: Int) -> String {
        switch node {
        case .literal(let v): return Expression.literalText(v)
        case .name(let n): return n
        case .member(let base, let name): return base.text(parentPower: 8) + "." + name
        case .index(let base, let i): return base.text(parentPower: 8) + "[" + i.text(parentPower: 0) + "]"
        case .list(let items): return "[" + items.map { $0.text(parentPower: 0) }.joined(separator: ", ") + "]"
        case .not(let o):
            let t = "not " + o.text(parentPower: 3)
            return parentPower > 3 ? "(\(t))" : t
        case .negate(let o): return "-" + o.text(parentPower: 7)
        case .binary(let op, let l, let r):
            let p = Expression.power(op)
            let t = l.text(parentPower: p) + " \(op.rawValue) " + r.text(parentPower: p + 1)
            return parentPower > p ? "(\(t))" : t
        case .call(let name, let args): return name + "(" + args.map { $0.text(parentPower: 0) }.joined(separator: ", ") + ")"
        case .lambda(let p, let body): return p + " => " + body.text(parentPower: 0)
        }
    }

    static func literalText(_ v: RuleValue) -> String {
        switch v {
        case .string(let s): return JSONValue.string(s).canonicalJSON
        case .null: return "null"
        default: return v.text
        }
    }

    var isLiteral: Bool { if case .literal = node { return true } else { return false } }
}

/// Says which part of a condition was false on a message, with the values that part read.
package struct ConditionExplainer {
    package let evaluator: ExpressionEvaluator
    package let scope: EvaluationScope

    package func whyFalse(_ e: Expression) -> [String] {
        switch e.node {
        case .binary(.and, let l, let r):
            return truthy(l) == false ? whyFalse(l) : whyFalse(r)
        case .binary(.or, let l, let r):
            return whyFalse(l) + whyFalse(r)
        case .not(let o):
            return ["`\(e.sourceText)` is false: `\(o.sourceText)` holds" + readings(of: o, includeSelf: true)]
        default:
            return ["`\(e.sourceText)` is false" + readings(of: e, includeSelf: false)]
        }
    }

    private func truthy(_ e: Expression) -> Bool? {
        try? evaluator.evaluate(e, in: scope).isTruthy
    }

    /// ": fields.total is 500.00, kind is \"invoice\"" for the parts of `e` that are not written-out values.
    private func readings(of e: Expression, includeSelf: Bool) -> String {
        var parts: [Expression] = []
        switch e.node {
        case .binary(_, let l, let r): parts = [l, r]
        case .call(_, let args): parts = args.filter { if case .lambda = $0.node { return false } else { return true } }
            if parts.isEmpty || includeSelf { parts.append(e) }
        default: parts = [e]
        }
        let shown = parts.filter { !$0.isLiteral }.map { p -> String in
            do throws(ExpressionError) {
                return "\(p.sourceText) is \(Self.display(try evaluator.evaluate(p, in: scope)))"
            } catch {
                return "\(p.sourceText) could not be evaluated (\(error.message))"
            }
        }
        return shown.isEmpty ? "" : ": " + shown.joined(separator: ", ")
    }

    /// A value as a rule author reads it, shortened when long.
    package static func display(_ v: RuleValue) -> String {
        let text: String
        switch v {
        case .null: return "null (not there)"
        case .string(let s): text = JSONValue.string(s.count > 80 ? String(s.prefix(80)) + "…" : s).canonicalJSON
        case .list(let items) where items.isEmpty: return "an empty list"
        case .list, .object:
            let j = v.json.canonicalJSON
            text = j.count > 120 ? String(j.prefix(120)) + "…" : j
        default: text = v.text
        }
        return text
    }
}
