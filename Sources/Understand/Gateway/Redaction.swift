import Foundation
import Patterns
import Vocabulary

/// Personal data replaced by stable placeholders before a call to an external provider, and put back into
/// the answer afterwards. The same value gets the same placeholder within one mail ("[EMAIL_1]" every time),
/// so the model can still tell that two mentions are the same person.
///
/// What is replaced, in this order (earlier kinds win where patterns overlap):
/// e-mail addresses; IBANs (ISO 13616 mod-97 checked); payment card numbers (13–19 digits, Luhn checked);
/// national ID numbers: the 18-digit Chinese resident ID (ISO 7064 MOD 11-2 check character) and the US SSN
/// form ddd-dd-dddd; phone numbers (international "+…" forms, a leading 0 with 8+ digits, Chinese mobile
/// numbers 1[3-9]xxxxxxxxx, and any number after a phone label); the names in the mail's From, To, Cc,
/// Reply-To and Sender headers (the whole name and each part of three letters or more).
public struct Redaction: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable, Codable {
        case email = "EMAIL", iban = "IBAN", card = "CARD", nationalID = "ID", phone = "PHONE", person = "PERSON"
    }

    /// Placeholder → original value.
    public private(set) var originals: [String: String] = [:]
    private var placeholders: [String: String] = [:]
    private var counters: [Category: Int] = [:]
    /// Values replaced per category (distinct values, not occurrences).
    public private(set) var counts: [Category: Int] = [:]

    public init() {}

    /// How many distinct values were replaced in total.
    public var total: Int { counts.values.reduce(0, +) }

    /// Replaces the personal data in `text`; `names` are the display names from the mail's headers.
    public mutating func redact(_ text: String, names: [String]) -> String {
        var out = text
        out = replace(Redaction.email, in: out, category: .email)
        out = replace(Redaction.iban, in: out, category: .iban) { Redaction.isValidIBAN($0) }
        out = replace(Redaction.cardNumber, in: out, category: .card) { Redaction.isLuhnValid($0) }
        out = replace(Redaction.chineseID, in: out, category: .nationalID) { Redaction.isValidChineseID($0) }
        out = replace(Redaction.ssn, in: out, category: .nationalID)
        out = replace(Redaction.labelledPhone, in: out, category: .phone, group: 1)
        out = replace(Redaction.phone, in: out, category: .phone) { $0.filter(\.isNumber).count >= 8 }
        out = replace(Redaction.chineseMobile, in: out, category: .phone)
        var parts: [String] = []
        for name in names {
            let cleaned = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ").union(.whitespaces))
            guard cleaned.count >= 2, !cleaned.contains("@") else { continue }
            parts.append(cleaned)
        }
        // Whole names first, then their parts (longest first so "Annemarie" is not cut by "Anne").
        var pieces = parts
        for name in parts {
            for piece in name.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }) where piece.count >= 3 {
                pieces.append(String(piece))
            }
            // Chinese names are written without spaces: the family name alone is too short to replace safely,
            // the given name (all but the first character) is not.
            if name.count >= 3, name.unicodeScalars.allSatisfy({ TokenEstimate.isCJK($0) }) { pieces.append(String(name.dropFirst())) }
        }
        for piece in Set(pieces).sorted(by: { $0.count > $1.count }) {
            out = replaceLiteral(piece, in: out, category: .person)
        }
        return out
    }

    /// Puts the original values back into a text of the answer.
    public func restore(_ text: String) -> String {
        guard text.contains("[") else { return text }
        var out = text
        for (placeholder, original) in originals.sorted(by: { $0.key.count > $1.key.count }) {
            out = out.replacingOccurrences(of: placeholder, with: original)
        }
        return out
    }

    /// Puts the original values back into every string of a JSON answer.
    public func restore(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(restore(s))
        case .array(let items): return .array(items.map(restore))
        case .object(let members): return .object(members.mapValues(restore))
        default: return value
        }
    }

    private mutating func placeholder(for value: String, category: Category) -> String {
        if let existing = placeholders[category.rawValue + "\u{0}" + value] { return existing }
        let n = (counters[category] ?? 0) + 1
        counters[category] = n
        counts[category, default: 0] += 1
        let p = "[\(category.rawValue)_\(n)]"
        placeholders[category.rawValue + "\u{0}" + value] = p
        originals[p] = value
        return p
    }

    private mutating func replace(_ pattern: TextPattern, in text: String, category: Category, group: Int = 0,
                                  accept: (String) -> Bool = { _ in true }) -> String {
        let ns = text as NSString
        var out = ""
        var last = 0
        for m in pattern.matches(in: text) {
            guard let range = m.utf16Range(ofGroup: group), range.lowerBound >= last else { continue }
            let r = NSRange(location: range.lowerBound, length: range.count)
            let value = ns.substring(with: r)
            guard accept(value) else { continue }
            out += ns.substring(with: NSRange(location: last, length: r.location - last))
            out += placeholder(for: value, category: category)
            last = r.location + r.length
        }
        out += ns.substring(from: last)
        return out
    }

    private mutating func replaceLiteral(_ value: String, in text: String, category: Category) -> String {
        guard text.contains(value) else { return text }
        let escaped = TextPattern.escaped(value)
        let isWordy = value.unicodeScalars.first.map { CharacterSet.letters.contains($0) && !TokenEstimate.isCJK($0) } ?? false
        let pattern = isWordy ? "(?<![\\p{L}\\[_])" + escaped + "(?![\\p{L}\\]_])" : escaped
        guard let compiled = try? TextPattern(builtIn: pattern) else { return text }
        return replace(compiled, in: text, category: category)
    }

    // MARK: Patterns and checksums

    package static let email = TextPattern(known: #"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#)
    package static let iban = TextPattern(known: #"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"#)
    package static let cardNumber = TextPattern(known: #"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])"#)
    package static let chineseID = TextPattern(known: #"(?<!\d)\d{17}[\dXx](?![\dA-Za-z])"#)
    package static let ssn = TextPattern(known: #"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"#)
    package static let labelledPhone = TextPattern(known: #"(?i:tel|phone|telefon|fon|mobile|mobil|handy|fax|电话|手机|传真)\.?\s*[:：]?\s*(\+?[\d(][\d\s()/.-]{5,}\d)"#)
    package static let phone = TextPattern(known: #"(?<![\w+])(?:\+\d{1,3}[\s./-]?|\(0\d{1,4}\)\s?|0\d{1,4}[\s./-])[\d\s()./-]{5,}\d(?![\d])"#)
    package static let chineseMobile = TextPattern(known: #"(?<!\d)1[3-9]\d{9}(?!\d)"#)

    /// ISO 13616: move the first four characters to the end, letters to numbers, mod 97 = 1.
    public static func isValidIBAN(_ text: String) -> Bool {
        let s = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard (15...34).contains(s.count) else { return false }
        let rearranged = s.dropFirst(4) + s.prefix(4)
        var remainder = 0
        for ch in rearranged {
            if let d = ch.wholeNumberValue {
                remainder = (remainder * 10 + d) % 97
            } else if let ascii = ch.asciiValue, ch.isLetter {
                remainder = (remainder * 100 + Int(ascii) - 55) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// The Luhn checksum of a card number (spaces and dashes ignored).
    public static func isLuhnValid(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard (13...19).contains(digits.count) else { return false }
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 { sum += d * 2 > 9 ? d * 2 - 9 : d * 2 } else { sum += d }
        }
        return sum % 10 == 0
    }

    /// GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits; check character "10X98765432"[sum mod 11].
    public static func isValidChineseID(_ text: String) -> Bool {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard let d = chars[i].wholeNumberValue else { return false }
            sum += d * weights[i]
        }
        let check = Array("10X98765432")[sum % 11]
        return chars[17] == check
    }
}
