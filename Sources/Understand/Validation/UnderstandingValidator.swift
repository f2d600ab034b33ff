import Foundation
import Vocabulary

/// Type checks, the kind's checks, and grounding: what turns extracted values into an Understanding a
/// person can trust, or into review reasons when they cannot be trusted.
public enum UnderstandingValidator {
    public struct Result: Sendable {
        public var fields: [String: FieldValue]
        public var groundings: [String: Grounding]
        /// Reasons for review, in operator words.
        public var problems: [String]
    }

    /// Checks every value of `fields` against `kind`. A value that fails its type is dropped (and said so);
    /// a value that does not occur in `sources` stays but is reported as not grounded.
    public static func validate(kind: KindDefinition, fields input: [String: FieldValue], groundings given: [String: Grounding],
                                sources: [SourceText], requireGrounding: Bool = true) -> Result {
        var fields: [String: FieldValue] = [:]
        var groundings: [String: Grounding] = [:]
        var problems: [String] = []
        for (name, value) in input.sorted(by: { $0.key < $1.key }) {
            guard let field = kind.field(named: name) else {
                problems.append("`\(name)` is not a field of the kind \(kind.name) (value \(display(value)) ignored)")
                continue
            }
            switch typeCheck(value, field: field) {
            case .failure(let why):
                problems.append("`\(name)`: \(why)")
                continue
            case .success(let normalised):
                fields[name] = normalised
                problems += fieldChecks(normalised, field: field).map { "`\(name)` \(display(normalised)): \($0)" }
                guard requireGrounding else { continue }
                if case .list(let rows) = normalised {
                    for (i, row) in rows.enumerated() {
                        for (itemName, itemValue) in row.sorted(by: { $0.key < $1.key }) {
                            let key = "\(name)[\(i)].\(itemName)"
                            let itemType = field.items.first { $0.name == itemName }?.type ?? .text
                            if let g = grounding(itemValue, type: itemType, given: given[key], sources: sources) {
                                groundings[key] = g
                            } else {
                                problems.append("`\(key)` \(display(itemValue)) does not occur in the mail or its attachments (not grounded)")
                            }
                        }
                    }
                } else if let g = grounding(normalised, type: field.type, given: given[name], sources: sources) {
                    groundings[name] = g
                } else {
                    problems.append("`\(name)` \(display(normalised)) does not occur in the mail or its attachments (not grounded)")
                }
            }
        }
        for field in kind.fields where field.required && fields[field.name] == nil {
            problems.append("the required field `\(field.name)` was not found")
        }
        problems += kind.unmetAlternatives { fields[$0] != nil }
        var checked = fields
        for field in kind.fields where checked[field.name] == nil {
            if let d = field.checkDefault { checked[field.name] = .number(d) }
        }
        for check in kind.checks {
            guard let outcome = check.expression.holds(fields: checked, tolerance: check.tolerance) else { continue }
            if !outcome.holds {
                problems.append(check.message.map { "\($0) (\(check.source): \(outcome.left) vs \(outcome.right))" }
                    ?? "the check `\(check.source)` fails: \(outcome.left) vs \(outcome.right)")
            }
        }
        return Result(fields: fields, groundings: groundings, problems: problems)
    }

    package static func grounding(_ value: FieldValue, type: FieldType, given: Grounding?, sources: [SourceText]) -> Grounding? {
        if let given, Grounder.confirms(given, value: value, type: type, in: sources) { return given }
        return Grounder.ground(value, type: type, in: sources)
    }

    /// The value in the field's normalised form, or why it is not of the field's type.
    public static func typeCheck(_ value: FieldValue, field: FieldDefinition) -> TypeCheckOutcome {
        switch (field.type, value) {
        case (.text, .text), (.reference, .text):
            return .success(value)
        case (.currency, .text(let s)):
            let code = s.trimmingCharacters(in: .whitespaces).uppercased()
            return code.count == 3 && code.allSatisfy({ $0.isASCII && $0.isLetter }) ? .success(.text(code))
                : .failure("'\(s)' is not an ISO 4217 currency code (such as EUR, USD, CNY)")
        case (.number, .number):
            return .success(value)
        case (.number, .money(let d, _)):
            return .success(.number(d))
        case (.money, .money):
            return .success(value)
        case (.money, .number(let d)):
            return .success(.money(d, currency: nil))
        case (.date, .date(let s)):
            return CalendarDate(iso: s) != nil ? .success(value) : .failure("'\(s)' is not a calendar date (YYYY-MM-DD)")
        case (.email, .text(let s)):
            return EmailRecogniser.normalise(s).map { .success(.text($0)) } ?? .failure("'\(s)' is not an e-mail address")
        case (.iban, .text(let s)):
            return IBANRecogniser.normalise(s).map { .success(.text($0)) }
                ?? .failure("'\(s)' is not a valid IBAN (wrong length for its country or wrong check digits)")
        case (.vatID, .text(let s)):
            return VATRecogniser.normalise(s).map { .success(.text($0)) }
                ?? .failure("'\(s)' is not a valid EU VAT id (format or check digits)")
        case (.phone, .text(let s)):
            return PhoneRecogniser.normalise(s).map { .success(.text($0)) } ?? .failure("'\(s)' is not a telephone number")
        case (.enumeration(let values), .text(let s)):
            return values.contains(s) ? .success(value) : .failure("'\(s)' is not one of \(values.joined(separator: ", "))")
        case (.bool, .bool):
            return .success(value)
        case (.list, .list(let rows)):
            var out: [[String: FieldValue]] = []
            for (i, row) in rows.enumerated() {
                var checked: [String: FieldValue] = [:]
                for (name, v) in row {
                    guard let item = field.items.first(where: { $0.name == name }) else {
                        return .failure("row \(i + 1) has '\(name)', which is not an item field of \(field.name)")
                    }
                    switch typeCheck(v, field: item) {
                    case .success(let n): checked[name] = n
                    case .failure(let why): return .failure("row \(i + 1), \(name): \(why)")
                    }
                }
                for item in field.items where item.required && checked[item.name] == nil {
                    return .failure("row \(i + 1) lacks the required item field '\(item.name)'")
                }
                out.append(checked)
            }
            return .success(.list(out))
        default:
            return .failure("\(display(value)) is not of type \(field.type)")
        }
    }

    public enum TypeCheckOutcome: Sendable {
        case success(FieldValue)
        case failure(String)
    }

    /// The field's own checks; the failures, in words.
    package static func fieldChecks(_ value: FieldValue, field: FieldDefinition) -> [String] {
        var out: [String] = []
        for check in field.checks {
            switch check {
            case .pattern(let pattern):
                if case .text(let s) = value, !pattern.contains(s) { out.append("does not match the pattern \(pattern.source)") }
            case .range(let min, let max):
                var number: Decimal?
                if case .number(let d) = value { number = d }
                if case .money(let d, _) = value { number = d }
                guard let n = number else { continue }
                if let min, n < min { out.append("is below the minimum \(FieldValue.decimalString(min, minimumFractionDigits: 0))") }
                if let max, n > max { out.append("is above the maximum \(FieldValue.decimalString(max, minimumFractionDigits: 0))") }
            case .checksum(let sum):
                guard case .text(let s) = value else { continue }
                let ok: Bool
                switch sum {
                case .iban: ok = IBANRecogniser.normalise(s) != nil
                case .vat: ok = VATRecogniser.normalise(s) != nil
                case .luhn: ok = Luhn.isValid(s.filter(\.isNumber))
                }
                if !ok { out.append("fails the \(sum.rawValue) checksum") }
            }
        }
        return out
    }

    /// A value as a person reads it in a reason ("1234.56 EUR", "'RE-2026-11873'").
    public static func display(_ value: FieldValue) -> String {
        switch value {
        case .text(let s): return "'\(s)'"
        case .number(let d): return FieldValue.decimalString(d, minimumFractionDigits: 0)
        case .money(let d, let c): return FieldValue.decimalString(d) + (c.map { " \($0)" } ?? "")
        case .date(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .list(let rows): return "\(rows.count) row(s)"
        }
    }
}
