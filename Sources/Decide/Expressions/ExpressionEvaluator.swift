import Foundation
import Patterns
import Vocabulary

/// The values a condition or template sees, and the clock it reads. Evaluation is pure: the same scope
/// gives the same result (`age()` reads `now` from here, never the system clock).
public struct EvaluationScope: Sendable {
    /// Top-level names: message, sender, subject, kind, confidence, fields, thread, source, captured.
    public var names: [String: RuleValue]
    /// The time the decision is taken for (`age()`).
    public var now: Date
    /// When the message was received (`age()` without an argument).
    public var receivedAt: Date

    public init(names: [String: RuleValue], now: Date, receivedAt: Date) {
        self.names = names
        self.now = now
        self.receivedAt = receivedAt
    }
}

/// Compiled patterns of `matches`, shared by every evaluation of a rule set (a pattern is compiled once).
/// Patterns are only ever the literals written in rule files (`rules check` refuses any other right-hand
/// side), so the cache holds a rule set's worth; it is bounded all the same: past `capacity` patterns the
/// least recently used one is dropped.
public final class RegexCache: @unchecked Sendable {
    public static let capacity = 256
    private let lock = NSLock()
    private var compiled: [String: (pattern: TextPattern, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    public init() {}

    package var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return compiled.count
    }

    package func pattern(_ source: String) throws(PatternProblem) -> TextPattern {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let entry = compiled[source] {
            compiled[source] = (entry.pattern, clock)
            return entry.pattern
        }
        let p = try TextPattern(source, multiline: false)
        if compiled.count >= Self.capacity, let oldest = compiled.min(by: { $0.value.used < $1.value.used })?.key {
            compiled[oldest] = nil
        }
        compiled[source] = (p, clock)
        return p
    }
}

/// Evaluates expressions with a step budget: no loops exist in the language, and lists are finite, so the
/// budget only guards against huge inputs (a list of 100 000 lines in `any(…)`).
public struct ExpressionEvaluator: Sendable {
    public static let stepLimit = 200_000
    /// `matches` looks at no more than this many characters of a text (RE2's work is linear in it).
    public static let matchTextLimit = 65_536

    public let regexes: RegexCache

    public init(regexes: RegexCache = RegexCache()) { self.regexes = regexes }

    public static let functionNames: [String: ClosedRange<Int>] = [
        "len": 1...1, "lower": 1...1, "upper": 1...1, "trim": 1...1, "domain": 1...1, "age": 0...1,
        "sum": 1...1, "min": 1...1, "max": 1...1, "count": 1...2, "any": 1...2, "all": 1...2,
        "round": 1...2, "exists": 1...1, "starts_with": 2...2, "ends_with": 2...2, "number": 1...1,
        "text": 1...1, "first": 1...1, "last": 1...1, "join": 1...2,
    ]
    package static let lambdaFunctions: Set<String> = ["any", "all", "count"]

    public func evaluate(_ expression: Expression, in scope: EvaluationScope) throws(ExpressionError) -> RuleValue {
        var run = EvaluationRun(scope: scope, regexes: regexes)
        return try run.value(expression)
    }
}

private struct EvaluationRun {
    var scope: EvaluationScope
    let regexes: RegexCache
    var steps = 0
    var locals: [String: RuleValue] = [:]

    init(scope: EvaluationScope, regexes: RegexCache) {
        self.scope = scope
        self.regexes = regexes
    }

    mutating func step(_ at: Int) throws(ExpressionError) {
        steps += 1
        if steps > ExpressionEvaluator.stepLimit {
            throw ExpressionError(offset: at, message: "the expression needed more than \(ExpressionEvaluator.stepLimit) steps on this message and was stopped")
        }
    }

    mutating func value(_ e: Expression) throws(ExpressionError) -> RuleValue {
        try step(e.offset)
        switch e.node {
        case .literal(let v):
            return v
        case .name(let n):
            if let v = locals[n] { return v }
            if let v = scope.names[n] { return v }
            throw ExpressionError(offset: e.offset, message: "unknown name '\(n)'",
                                  suggestion: Suggestion.closest(to: n, among: Array(scope.names.keys) + Array(locals.keys)).map { "did you mean '\($0)'?" })
        case .member(let base, let name):
            let b = try value(base)
            return try member(of: b, name, at: e.offset)
        case .index(let base, let indexExpression):
            let b = try value(base)
            let i = try value(indexExpression)
            return try index(b, i, at: e.offset)
        case .list(let items):
            var out: [RuleValue] = []
            for item in items { out.append(try value(item)) }
            return .list(out)
        case .not(let operand):
            return .bool(!(try value(operand)).isTruthy)
        case .negate(let operand):
            switch try value(operand) {
            case .number(let d): return .number(-d)
            case .money(let d, let scale): return .money(-d, scale: scale)
            case .null: return .null
            case let other: throw ExpressionError(offset: e.offset, message: "'-' needs a number, not \(other.typeName)")
            }
        case .binary(let op, let l, let r):
            return try binary(op, l, r, at: e.offset)
        case .call(let name, let arguments):
            return try call(name, arguments, at: e.offset)
        case .lambda:
            throw ExpressionError(offset: e.offset, message: "'=>' is only allowed inside any(…), all(…) or count(…)")
        }
    }

    mutating func member(of base: RuleValue, _ name: String, at: Int) throws(ExpressionError) -> RuleValue {
        switch base {
        case .object(let o): return o[name] ?? .null
        case .null: return .null
        case .list(let items):
            // `fields.lines.quantity`: the member of every element, as a list.
            var out: [RuleValue] = []
            for item in items {
                try step(at)
                let v = try member(of: item, name, at: at)
                if case .list(let inner) = v, case .list = item { out.append(contentsOf: inner) } else { out.append(v) }
            }
            return .list(out)
        default:
            throw ExpressionError(offset: at, message: "\(base.typeName) has no member '\(name)'")
        }
    }

    func index(_ base: RuleValue, _ i: RuleValue, at: Int) throws(ExpressionError) -> RuleValue {
        switch (base, i) {
        case (.null, _), (_, .null): return .null
        case (.list(let items), .number(let d)):
            guard let n = Int(exactly: NSDecimalNumber(decimal: d).doubleValue) else {
                throw ExpressionError(offset: at, message: "a list position must be a whole number")
            }
            let position = n < 0 ? items.count + n : n
            return items.indices.contains(position) ? items[position] : .null
        case (.object(let o), .string(let key)):
            if let v = o[key] { return v }
            // Header names are case-insensitive.
            return o.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value ?? .null
        case (.string(let s), .number(let d)):
            let chars = Array(s)
            guard let n = Int(exactly: NSDecimalNumber(decimal: d).doubleValue) else { return .null }
            let position = n < 0 ? chars.count + n : n
            return chars.indices.contains(position) ? .string(String(chars[position])) : .null
        default:
            throw ExpressionError(offset: at, message: "cannot take [\(i.typeName)] of \(base.typeName)")
        }
    }

    mutating func binary(_ op: Expression.BinaryOperator, _ l: Expression, _ r: Expression, at: Int) throws(ExpressionError) -> RuleValue {
        switch op {
        case .and:
            guard try value(l).isTruthy else { return .bool(false) }
            return .bool(try value(r).isTruthy)
        case .or:
            if try value(l).isTruthy { return .bool(true) }
            return .bool(try value(r).isTruthy)
        default: break
        }
        if op == .matches, !Self.isPatternLiteral(r) {
            // Never a pattern made from a value (a mail's subject, a sender's name): `rules check` refuses it too.
            throw ExpressionError(offset: r.offset, message: "the pattern of 'matches' must be written in quotes in the rule")
        }
        let x = try value(l)
        let y = try value(r)
        let a = x.numeric
        let b = y.numeric
        switch op {
        case .plus, .minus, .times, .divide:
            // Money stays money (with the larger scale) through arithmetic with numbers and money.
            let scales = [x, y].compactMap { v -> Int? in if case .money(_, let s) = v { return s }; return nil }
            let result = try arithmetic(op, a, b, at: at)
            if let scale = scales.max(), case .number(let d) = result { return .money(d, scale: scale) }
            return result
        default: break
        }
        switch op {
        case .equal: return .bool(RuleValues.equal(a, b))
        case .notEqual: return .bool(!RuleValues.equal(a, b))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: ComparisonResult
            switch (a, b) {
            case (.null, _), (_, .null): return .bool(false)
            case (.number(let x), .number(let y)): order = x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
            case (.string(let x), .string(let y)): order = x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
            default:
                throw ExpressionError(offset: at, message: "cannot compare \(a.typeName) with \(b.typeName) using '\(op.rawValue)'",
                                      suggestion: a.typeName == "text" || b.typeName == "text" ? "use number(…) to read a number from text" : nil)
            }
            switch op {
            case .less: return .bool(order == .orderedAscending)
            case .lessOrEqual: return .bool(order != .orderedDescending)
            case .greater: return .bool(order == .orderedDescending)
            default: return .bool(order != .orderedAscending)
            }
        case .in: return .bool(try contains(b, a, at: at))
        case .notIn: return .bool(!(try contains(b, a, at: at)))
        case .contains: return .bool(try contains(a, b, at: at))
        case .matches:
            switch (a, b) {
            case (.null, _): return .bool(false)
            case (.string(let text), .string(let pattern)):
                let compiled: TextPattern
                do { compiled = try regexes.pattern(pattern) } catch {
                    throw ExpressionError(offset: r.offset, message: error.sentence(for: pattern))
                }
                return .bool(compiled.contains(String(text.prefix(ExpressionEvaluator.matchTextLimit))))
            case (.list(let items), .string):
                for item in items {
                    try step(at)
                    if case .string = item, try binaryValues(.matches, item, b, patternOffset: r.offset, at: at).isTruthy { return .bool(true) }
                }
                return .bool(false)
            default:
                throw ExpressionError(offset: at, message: "'matches' needs text on the left and a pattern in quotes on the right, not \(a.typeName) and \(b.typeName)")
            }
        case .plus, .minus, .times, .divide:
            return try arithmetic(op, a, b, at: at)
        case .and, .or:
            preconditionFailure("handled above")
        }
    }

    /// A pattern written in the rule: a quoted literal (or one placed there by `binaryValues`).
    static func isPatternLiteral(_ e: Expression) -> Bool {
        if case .literal(.string) = e.node { return true }
        return false
    }

    mutating func binaryValues(_ op: Expression.BinaryOperator, _ a: RuleValue, _ b: RuleValue, patternOffset: Int, at: Int) throws(ExpressionError) -> RuleValue {
        try binary(op, Expression(.literal(a), at: at), Expression(.literal(b), at: patternOffset), at: at)
    }

    func arithmetic(_ op: Expression.BinaryOperator, _ a: RuleValue, _ b: RuleValue, at: Int) throws(ExpressionError) -> RuleValue {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            switch op {
            case .plus: return .number(x + y)
            case .minus: return .number(x - y)
            case .times: return .number(x * y)
            default:
                guard !y.isZero else { throw ExpressionError(offset: at, message: "division by zero") }
                return .number(x / y)
            }
        case (.null, _), (_, .null):
            if op == .plus, case .string(let s) = a { return .string(s) }
            if op == .plus, case .string(let s) = b { return .string(s) }
            return .null
        case (.string(let x), .string(let y)) where op == .plus: return .string(x + y)
        case (.string(let x), .number) where op == .plus: return .string(x + b.text)
        case (.number, .string(let y)) where op == .plus: return .string(a.text + y)
        case (.list(let x), .list(let y)) where op == .plus: return .list(x + y)
        default:
            throw ExpressionError(offset: at, message: "cannot use '\(op.rawValue)' with \(a.typeName) and \(b.typeName)")
        }
    }

    /// `container contains element`: list membership, text inside text (ignoring case), key of a record.
    func contains(_ container: RuleValue, _ element: RuleValue, at: Int) throws(ExpressionError) -> Bool {
        switch (container, element) {
        case (.null, _): return false
        case (.list(let items), _): return items.contains { RuleValues.equal($0, element) }
        case (.string(let s), .string(let t)): return s.range(of: t, options: [.caseInsensitive]) != nil
        case (.string, .null): return false
        case (.object(let o), .string(let k)): return o[k] != nil
        default:
            throw ExpressionError(offset: at, message: "cannot look for \(element.typeName) in \(container.typeName)")
        }
    }

    mutating func call(_ name: String, _ arguments: [Expression], at: Int) throws(ExpressionError) -> RuleValue {
        guard let arity = ExpressionEvaluator.functionNames[name] else {
            throw ExpressionError(offset: at, message: "unknown function '\(name)'",
                                  suggestion: Suggestion.closest(to: name, among: ExpressionEvaluator.functionNames.keys).map { "did you mean '\($0)'?" })
        }
        guard arity.contains(arguments.count) else {
            throw ExpressionError(offset: at, message: "\(name)(…) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)") argument(s), not \(arguments.count)")
        }
        if ExpressionEvaluator.lambdaFunctions.contains(name) {
            return try lambdaCall(name, arguments, at: at)
        }
        var values: [RuleValue] = []
        for a in arguments {
            if case .lambda = a.node {
                throw ExpressionError(offset: a.offset, message: "\(name)(…) takes no 'x => …' argument")
            }
            values.append(try value(a))
        }
        func needText(_ v: RuleValue) throws(ExpressionError) -> String? {
            switch v {
            case .null: return nil
            case .string(let s): return s
            case .list(let l) where l.isEmpty: return nil
            case .list(let l):
                if case .string(let s) = l[0] { return s }
                throw ExpressionError(offset: at, message: "\(name)(…) needs text, not a list of \(l[0].typeName)")
            default: throw ExpressionError(offset: at, message: "\(name)(…) needs text, not \(v.typeName)")
            }
        }
        func numbers(_ v: RuleValue) throws(ExpressionError) -> [Decimal] {
            switch v {
            case .null: return []
            case .number(let d), .money(let d, _): return [d]
            case .list(let items):
                var out: [Decimal] = []
                for item in items {
                    switch item {
                    case .number(let d), .money(let d, _): out.append(d)
                    case .null: continue
                    default: throw ExpressionError(offset: at, message: "\(name)(…) needs numbers, but the list holds \(item.typeName)")
                    }
                }
                return out
            default: throw ExpressionError(offset: at, message: "\(name)(…) needs a list of numbers, not \(v.typeName)")
            }
        }
        switch name {
        case "len":
            switch values[0] {
            case .null: return .number(0)
            case .string(let s): return .number(Decimal(s.count))
            case .list(let l): return .number(Decimal(l.count))
            case .object(let o): return .number(Decimal(o.count))
            case let v: throw ExpressionError(offset: at, message: "len(…) needs text or a list, not \(v.typeName)")
            }
        case "lower": return try needText(values[0]).map { RuleValue.string($0.lowercased()) } ?? .null
        case "upper": return try needText(values[0]).map { RuleValue.string($0.uppercased()) } ?? .null
        case "trim": return try needText(values[0]).map { RuleValue.string($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? .null
        case "domain":
            guard let address = try needText(values[0]) else { return .null }
            guard let atSign = address.lastIndex(of: "@") else { return .null }
            return .string(String(address[address.index(after: atSign)...]).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "> ")))
        case "age":
            var since = scope.receivedAt
            if values.count == 1 {
                guard let text = try needText(values[0]) else { return .null }
                if let d = ISO8601.date(from: text) {
                    since = d
                } else if let d = ISO8601.date(from: text + "T00:00:00Z") {
                    since = d
                } else {
                    throw ExpressionError(offset: at, message: "age(…) needs a date such as \"2026-11-23\", not \"\(text)\"")
                }
            }
            let seconds = scope.now.timeIntervalSince(since).rounded(.down)
            return .number(Decimal(Int64(seconds)))
        case "sum":
            let total = try numbers(values[0]).reduce(0, +)
            if case .list(let items) = values[0] {
                let scales = items.compactMap { v -> Int? in if case .money(_, let s) = v { return s }; return nil }
                if let scale = scales.max() { return .money(total, scale: scale) }
            }
            return .number(total)
        case "min": return try numbers(values[0]).min().map(RuleValue.number) ?? .null
        case "max": return try numbers(values[0]).max().map(RuleValue.number) ?? .null
        case "round":
            guard case .number(var d) = values[0].numeric else {
                if case .null = values[0] { return .null }
                throw ExpressionError(offset: at, message: "round(…) needs a number, not \(values[0].typeName)")
            }
            var places = 0
            if values.count == 2 {
                guard case .number(let p) = values[1], let n = Int(exactly: NSDecimalNumber(decimal: p).doubleValue), (0...10).contains(n) else {
                    throw ExpressionError(offset: at, message: "round(x, places): places must be a whole number from 0 to 10")
                }
                places = n
            }
            var r = Decimal()
            NSDecimalRound(&r, &d, places, .plain)
            return .number(r)
        case "exists":
            if case .null = values[0] { return .bool(false) }
            return .bool(true)
        case "starts_with", "ends_with":
            guard let s = try needText(values[0]), let p = try needText(values[1]) else { return .bool(false) }
            let a = s.lowercased(), b = p.lowercased()
            return .bool(name == "starts_with" ? a.hasPrefix(b) : a.hasSuffix(b))
        case "number":
            switch values[0] {
            case .number, .money: return values[0]
            case .null: return .null
            case .string(let s):
                let cleaned = s.trimmingCharacters(in: .whitespaces)
                guard let d = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX")),
                      cleaned.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else { return .null }
                return .number(d)
            case let v: throw ExpressionError(offset: at, message: "number(…) needs text, not \(v.typeName)")
            }
        case "text": return .string(values[0].text)
        case "first":
            if case .list(let l) = values[0] { return l.first ?? .null }
            return values[0]
        case "last":
            if case .list(let l) = values[0] { return l.last ?? .null }
            return values[0]
        case "join":
            guard case .list(let l) = values[0] else { return values[0] }
            let separator = values.count == 2 ? values[1].text : ", "
            return .string(l.map(\.text).joined(separator: separator))
        default:
            throw ExpressionError(offset: at, message: "unknown function '\(name)'")
        }
    }

    mutating func lambdaCall(_ name: String, _ arguments: [Expression], at: Int) throws(ExpressionError) -> RuleValue {
        let listValue = try value(arguments[0])
        let items: [RuleValue]
        switch listValue {
        case .null: items = []
        case .list(let l): items = l
        default: throw ExpressionError(offset: arguments[0].offset, message: "\(name)(…) needs a list first, not \(listValue.typeName)")
        }
        var test: (String, Expression)?
        if arguments.count == 2 {
            guard case .lambda(let parameter, let body) = arguments[1].node else {
                throw ExpressionError(offset: arguments[1].offset, message: "the second argument of \(name)(…) must look like `line => line.quantity > 10`")
            }
            test = (parameter, body)
        }
        var hits = 0
        for item in items {
            let ok: Bool
            if let lambda = test {
                let (parameter, body) = lambda
                let saved = locals[parameter]
                locals[parameter] = item
                ok = try value(body).isTruthy
                locals[parameter] = saved
            } else {
                try step(at)
                ok = item.isTruthy
            }
            if ok { hits += 1 }
            if name == "any", ok { return .bool(true) }
            if name == "all", !ok { return .bool(false) }
        }
        switch name {
        case "any": return .bool(false)
        case "all": return .bool(true)
        default: return .number(Decimal(hits))
        }
    }
}

package enum RuleValues {
    /// Equality: numbers by value, text exactly, lists and records element by element.
    package static func equal(_ a: RuleValue, _ b: RuleValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)), (.money(let x, _), .money(let y, _)), (.number(let x), .money(let y, _)),
             (.money(let x, _), .number(let y)): return x == y
        default: return a == b
        }
    }
}
