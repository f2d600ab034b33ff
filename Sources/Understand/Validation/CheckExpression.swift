import Foundation
import Vocabulary

/// The small arithmetic language of cross-field checks in kind files:
/// `net_total + tax_total == gross_total`, `sum(lines.line_total) == net_total`, `count(lines) >= 1`,
/// `due_date >= issue_date`. Numbers, `+ - * /`, parentheses, field names, `sum(list.field)`,
/// `count(list)`, and one comparison (`== != < <= > >=`). No loops, no I/O.
public indirect enum CheckExpression: Sendable, CustomStringConvertible {
    case number(Decimal)
    case field(String)
    case sum(list: String, field: String)
    case count(list: String)
    /// `abs(field)`: a deduction written either way ("-360,00" or "360,00").
    case magnitude(String)
    case unary(Expression)
    case binary(Character, CheckExpression, CheckExpression)
    case comparison(String, CheckExpression, CheckExpression)

    public struct Expression: Sendable { let inner: CheckExpression }

    public var description: String {
        switch self {
        case .number(let d): return FieldValue.decimalString(d, minimumFractionDigits: 0)
        case .field(let f): return f
        case .sum(let l, let f): return "sum(\(l).\(f))"
        case .count(let l): return "count(\(l))"
        case .magnitude(let f): return "abs(\(f))"
        case .unary(let e): return "-\(e.inner)"
        case .binary(let op, let a, let b): return "\(a) \(op) \(b)"
        case .comparison(let op, let a, let b): return "\(a) \(op) \(b)"
        }
    }

    /// Field names the expression reads (for `sum(lines.x)`: "lines").
    public var fieldNames: [String] {
        switch self {
        case .number: return []
        case .field(let f), .magnitude(let f): return [f]
        case .sum(let l, _), .count(let l): return [l]
        case .unary(let e): return e.inner.fieldNames
        case .binary(_, let a, let b), .comparison(_, let a, let b): return a.fieldNames + b.fieldNames
        }
    }

    /// Item field names read from lists, as (list, field).
    public var itemReferences: [(list: String, field: String)] {
        switch self {
        case .sum(let l, let f): return [(l, f)]
        case .unary(let e): return e.inner.itemReferences
        case .binary(_, let a, let b), .comparison(_, let a, let b): return a.itemReferences + b.itemReferences
        default: return []
        }
    }

    // MARK: Parsing

    public struct ParseError: Error, Sendable {
        public var message: String
        /// 0-based character offset in the expression.
        public var offset: Int
    }

    public static func parse(_ text: String) throws(ParseError) -> CheckExpression {
        var parser = Parser(chars: Array(text))
        let e = try parser.comparison()
        parser.skipSpace()
        if parser.index < parser.chars.count {
            throw ParseError(message: "unexpected '\(parser.chars[parser.index])'", offset: parser.index)
        }
        guard case .comparison = e else {
            throw ParseError(message: "a check must compare two values (==, !=, <, <=, >, >=)", offset: 0)
        }
        return e
    }

    package struct Parser {
        package let chars: [Character]
        package var index = 0

        package mutating func skipSpace() { while index < chars.count, chars[index].isWhitespace { index += 1 } }

        package mutating func comparison() throws(ParseError) -> CheckExpression {
            let left = try sum()
            skipSpace()
            for op in ["==", "!=", "<=", ">=", "<", ">"] where matches(op) {
                index += op.count
                let right = try sum()
                return .comparison(op, left, right)
            }
            return left
        }

        package func matches(_ s: String) -> Bool {
            let a = Array(s)
            guard index + a.count <= chars.count else { return false }
            return Array(chars[index..<(index + a.count)]) == a
        }

        package mutating func sum() throws(ParseError) -> CheckExpression {
            var left = try term()
            while true {
                skipSpace()
                guard index < chars.count, chars[index] == "+" || chars[index] == "-" else { return left }
                let op = chars[index]
                index += 1
                left = .binary(op, left, try term())
            }
        }

        package mutating func term() throws(ParseError) -> CheckExpression {
            var left = try factor()
            while true {
                skipSpace()
                guard index < chars.count, chars[index] == "*" || chars[index] == "/" else { return left }
                let op = chars[index]
                index += 1
                left = .binary(op, left, try factor())
            }
        }

        package mutating func factor() throws(ParseError) -> CheckExpression {
            skipSpace()
            guard index < chars.count else { throw ParseError(message: "the expression ends too early", offset: index) }
            let c = chars[index]
            if c == "(" {
                index += 1
                let inner = try sum()
                skipSpace()
                guard index < chars.count, chars[index] == ")" else { throw ParseError(message: "')' expected", offset: index) }
                index += 1
                return inner
            }
            if c == "-" {
                index += 1
                return .unary(Expression(inner: try factor()))
            }
            if c.isNumber {
                let start = index
                while index < chars.count, chars[index].isNumber || chars[index] == "." { index += 1 }
                guard let d = Decimal(string: String(chars[start..<index]), locale: Locale(identifier: "en_US_POSIX")) else {
                    throw ParseError(message: "'\(String(chars[start..<index]))' is not a number", offset: start)
                }
                return .number(d)
            }
            if c.isLetter || c == "_" {
                let start = index
                while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" || chars[index] == "." {
                    index += 1
                }
                let name = String(chars[start..<index])
                skipSpace()
                if index < chars.count, chars[index] == "(" {
                    index += 1
                    skipSpace()
                    let argStart = index
                    while index < chars.count, chars[index] != ")" { index += 1 }
                    guard index < chars.count else { throw ParseError(message: "')' expected", offset: index) }
                    let argument = String(chars[argStart..<index]).trimmingCharacters(in: .whitespaces)
                    index += 1
                    switch name {
                    case "sum":
                        let parts = argument.split(separator: ".")
                        guard parts.count == 2 else {
                            throw ParseError(message: "sum() takes a list field and an item field, e.g. sum(lines.line_total)", offset: argStart)
                        }
                        return .sum(list: String(parts[0]), field: String(parts[1]))
                    case "count":
                        guard !argument.isEmpty, !argument.contains(".") else {
                            throw ParseError(message: "count() takes a list field, e.g. count(lines)", offset: argStart)
                        }
                        return .count(list: argument)
                    case "abs":
                        guard !argument.isEmpty, !argument.contains("."), !argument.contains(" ") else {
                            throw ParseError(message: "abs() takes a field, e.g. abs(withholding_total)", offset: argStart)
                        }
                        return .magnitude(argument)
                    default:
                        throw ParseError(message: "unknown function '\(name)' (known: sum, count, abs)", offset: start)
                    }
                }
                if name.contains(".") {
                    throw ParseError(message: "'\(name)' reads a list item; use sum(\(name))", offset: start)
                }
                return .field(name)
            }
            throw ParseError(message: "unexpected '\(c)'", offset: index)
        }
    }

    // MARK: Evaluation

    /// A value in an expression: a number, or a date (compared as days).
    package enum Operand { case number(Decimal), date(CalendarDate) }

    /// The outcome of a comparison: nil when a field it reads has no value (the check does not apply).
    public func holds(fields: [String: FieldValue], tolerance: Decimal) -> (holds: Bool, left: String, right: String)? {
        guard case .comparison(let op, let a, let b) = self,
              let l = a.evaluate(fields), let r = b.evaluate(fields) else { return nil }
        switch (l, r) {
        case (.number(let x), .number(let y)):
            let diff = x - y
            let absDiff = diff < 0 ? -diff : diff
            let result: Bool
            switch op {
            case "==": result = absDiff <= tolerance
            case "!=": result = absDiff > tolerance
            case "<": result = x < y
            case "<=": result = x <= y + tolerance
            case ">": result = x > y
            default: result = x + tolerance >= y
            }
            return (result, FieldValue.decimalString(x), FieldValue.decimalString(y))
        case (.date(let x), .date(let y)):
            let result: Bool
            switch op {
            case "==": result = x == y
            case "!=": result = x != y
            case "<": result = x < y
            case "<=": result = x <= y
            case ">": result = x > y
            default: result = x >= y
            }
            return (result, x.description, y.description)
        default:
            return nil
        }
    }

    package func evaluate(_ fields: [String: FieldValue]) -> Operand? {
        switch self {
        case .number(let d): return .number(d)
        case .field(let name):
            switch fields[name] {
            case .number(let d), .money(let d, _): return .number(d)
            case .date(let s): return CalendarDate(iso: s).map { .date($0) }
            default: return nil
            }
        case .sum(let list, let field):
            guard case .list(let rows) = fields[list], !rows.isEmpty else { return nil }
            var total = Decimal(0)
            for row in rows {
                switch row[field] {
                case .number(let d), .money(let d, _): total += d
                default: return nil
                }
            }
            return .number(total)
        case .count(let list):
            guard case .list(let rows) = fields[list] else { return .number(0) }
            return .number(Decimal(rows.count))
        case .magnitude(let name):
            switch fields[name] {
            case .number(let d), .money(let d, _): return .number(d < 0 ? -d : d)
            default: return nil
            }
        case .unary(let e):
            guard case .number(let d) = e.inner.evaluate(fields) else { return nil }
            return .number(-d)
        case .binary(let op, let a, let b):
            guard case .number(let x) = a.evaluate(fields), case .number(let y) = b.evaluate(fields) else { return nil }
            switch op {
            case "+": return .number(x + y)
            case "-": return .number(x - y)
            case "*": return .number(x * y)
            default: return y == 0 ? nil : .number(x / y)
            }
        case .comparison: return nil
        }
    }
}
