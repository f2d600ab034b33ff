import Foundation
import Vocabulary

/// A value in the rule language: what a condition or a template computes with. Numbers are decimals (so
/// money adds up exactly), dates are "YYYY-MM-DD" text (text order is date order), durations are numbers
/// of seconds (`2h` is 7200).
public indirect enum RuleValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Decimal)
    /// An amount of money: a number that keeps its scale when it leaves as text or JSON ("1712.00").
    case money(Decimal, scale: Int)
    case string(String)
    case list([RuleValue])
    case object([String: RuleValue])

    /// The name a rule author reads in an error ("text", "number", …).
    public var typeName: String {
        switch self {
        case .null: return "nothing (null)"
        case .bool: return "true/false"
        case .number, .money: return "number"
        case .string: return "text"
        case .list: return "list"
        case .object: return "record"
        }
    }

    /// Truthiness for `and`/`or`/`not` and conditions: false, null, 0, "" and [] are false.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .number(let d), .money(let d, _): return !d.isZero
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// Text for string interpolation in templates: numbers without exponent, null as "".
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return RuleValue.numberText(d)
        case .money(let d, let scale): return RuleValue.moneyText(d, scale: scale)
        case .string(let s): return s
        case .list, .object: return json.canonicalJSON
        }
    }

    package static func numberText(_ d: Decimal) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 10, .plain)
        return NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Money as a decimal string rounded to its scale ("1712.00"; "190.00" for 1000 × 0.19).
    package static func moneyText(_ d: Decimal, scale: Int) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, scale, .plain)
        return FieldValue.decimalString(rounded, minimumFractionDigits: scale)
    }

    /// Money as a plain number, for comparing and computing; other values as they are.
    public var numeric: RuleValue {
        if case .money(let d, _) = self { return .number(d) }
        return self
    }

    /// The value as JSON for action parameters: whole numbers as integers, others as JSON numbers, money as a
    /// decimal string with its scale ("1712.00").
    public var json: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let d):
            if let i = Int64(exactly: NSDecimalNumber(decimal: d).doubleValue), Decimal(i) == d { return .int(i) }
            return .number(Double(RuleValue.numberText(d)) ?? NSDecimalNumber(decimal: d).doubleValue)
        case .money(let d, let scale): return .string(RuleValue.moneyText(d, scale: scale))
        case .string(let s): return .string(s)
        case .list(let l): return .array(l.map(\.json))
        case .object(let o): return .object(o.mapValues(\.json))
        }
    }

    /// A JSON value read back (captured values, stored parameters).
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .number(Decimal(i))
        case .number(let d): self = .number(Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(d))
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(RuleValue.init(json:)))
        case .object(let o): self = .object(o.mapValues(RuleValue.init(json:)))
        }
    }

    /// An extracted field as the rule language sees it: numbers as numbers, money as money (a number that keeps
    /// its scale), dates as text.
    public init(field: FieldValue) {
        switch field {
        case .text(let s): self = .string(s)
        case .number(let d): self = .number(d)
        case .money(let d, let currency): self = .money(d, scale: FieldValue.moneyScale(currency: currency))
        case .date(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .list(let rows): self = .list(rows.map { .object($0.mapValues(RuleValue.init(field:))) })
        }
    }
}
