import Patterns
import Foundation

/// IBANs (ISO 13616): country, check digits, account; checked with mod-97 and the country's length.
public enum IBANRecogniser {
    /// Lengths per country (the SEPA countries and a few others that write to European companies).
    package static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
        "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23, "GL": 18, "GR": 27,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
        "MC": 27, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "RS": 22,
        "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29, "VA": 22, "XK": 20,
    ]

    package static let pattern = TextPattern(known: #"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]){11,30}"#)

    /// The IBAN without spaces, upper-case, when `text` is a valid one.
    public static func normalise(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return isValid(compact) ? compact : nil
    }

    public static func isValid(_ compact: String) -> Bool {
        let chars = Array(compact)
        guard chars.count >= 15, chars.count <= 34, chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              chars[0].isLetter, chars[1].isLetter, chars[2].isNumber, chars[3].isNumber else { return false }
        if let expected = lengths[String(chars[0...1])], expected != chars.count { return false }
        return mod97(chars[4...] + chars[0..<4]) == 1
    }

    package static func mod97(_ chars: some Sequence<Character>) -> Int {
        var remainder = 0
        for c in chars {
            if let digit = c.wholeNumberValue, c.isASCII {
                remainder = (remainder * 10 + digit) % 97
            } else if let ascii = c.asciiValue, c.isLetter {
                let value = Int(ascii) - 55  // A = 10
                remainder = (remainder * 100 + value) % 97
            } else {
                return -1
            }
        }
        return remainder
    }

    public static func all(in text: String) -> [Recognised<String>] {
        var out: [Recognised<String>] = []
        for match in pattern.matches(in: text) {
            let raw = match.value
            let compact = raw.filter { !$0.isWhitespace }
            let country = String(compact.prefix(2))
            var candidates: [Int] = []
            if let length = lengths[country] { candidates = [length] } else { candidates = Array((15...min(34, compact.count)).reversed()) }
            for length in candidates where length <= compact.count {
                let iban = String(compact.prefix(length))
                if isValid(iban) {
                    // The excerpt is the written form up to the last character of the IBAN.
                    var taken = 0
                    var excerpt = ""
                    for ch in raw {
                        excerpt.append(ch)
                        if !ch.isWhitespace { taken += 1 }
                        if taken == length { break }
                    }
                    out.append(Recognised(value: iban, excerpt: excerpt, offset: match.utf16Offset))
                    break
                }
            }
        }
        return out
    }
}

/// The Luhn check digit (credit cards, Italian VAT numbers, Swedish organisation numbers).
public enum Luhn {
    public static func isValid(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == digits.count, values.count >= 2 else { return false }
        var sum = 0
        for (i, d) in values.reversed().enumerated() {
            if i % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum % 10 == 0
    }
}

/// EU VAT identification numbers: the country's format, and its check digits where the algorithm is
/// published and stable (AT, BE, DE, DK, FI, FR, IT, LU, NL, PL, PT, SE; also the UK's GB/XI). Other member
/// states: format only.
public enum VATRecogniser {
    package static let formats: [String: String] = [
        "AT": #"U\d{8}"#, "BE": #"[01]\d{9}"#, "BG": #"\d{9,10}"#, "CY": #"\d{8}[A-Z]"#, "CZ": #"\d{8,10}"#,
        "DE": #"\d{9}"#, "DK": #"\d{8}"#, "EE": #"\d{9}"#, "EL": #"\d{9}"#, "ES": #"[A-Z0-9]\d{7}[A-Z0-9]"#,
        "FI": #"\d{8}"#, "FR": #"[A-HJ-NP-Z0-9]{2}\d{9}"#, "HR": #"\d{11}"#, "HU": #"\d{8}"#, "IE": #"\d[A-Z0-9+*]\d{5}[A-Z]{1,2}"#,
        "IT": #"\d{11}"#, "LT": #"\d{9}|\d{12}"#, "LU": #"\d{8}"#, "LV": #"\d{11}"#, "MT": #"\d{8}"#,
        "NL": #"\d{9}B\d{2}"#, "PL": #"\d{10}"#, "PT": #"\d{9}"#, "RO": #"\d{2,10}"#, "SE": #"\d{10}01"#,
        "SI": #"\d{8}"#, "SK": #"\d{10}"#, "XI": #"\d{9}|\d{12}"#, "GB": #"\d{9}|\d{12}|GD\d{3}|HA\d{3}"#,
    ]

    package static let compiled: [String: TextPattern] = formats.mapValues { TextPattern(known: "^(?:" + $0 + ")$") }

    package static let pattern = TextPattern(known: #"(?<![A-Za-z0-9])(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB)[ \u00A0.-]?[A-Z0-9][A-Z0-9 .+*]{6,14}[A-Z0-9](?![A-Za-z0-9])"#)

    /// The VAT id without spaces or dots, upper-case, when it is valid.
    public static func normalise(_ text: String) -> String? {
        var compact = text.uppercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        if compact.hasPrefix("GR") { compact = "EL" + compact.dropFirst(2) }
        return isValid(compact) ? compact : nil
    }

    public static func isValid(_ compact: String) -> Bool {
        guard compact.count > 4 else { return false }
        let country = String(compact.prefix(2))
        let body = String(compact.dropFirst(2))
        guard let format = compiled[country], format.contains(body) else { return false }
        let digits = body.compactMap(\.wholeNumberValue)
        switch country {
        case "DE":
            // ISO 7064 MOD 11,10 over the first eight digits.
            var product = 10
            for d in digits.prefix(8) {
                var sum = (d + product) % 10
                if sum == 0 { sum = 10 }
                product = (2 * sum) % 11
            }
            var check = 11 - product
            if check == 10 { check = 0 }
            return check == digits[8]
        case "AT":
            // U + 7 digits + check digit.
            let d = Array(body.dropFirst()).compactMap(\.wholeNumberValue)
            guard d.count == 8 else { return false }
            var sum = 0
            for i in 0..<7 {
                if i % 2 == 1 {
                    let p = d[i] * 2
                    sum += p / 10 + p % 10
                } else {
                    sum += d[i]
                }
            }
            let check = (10 - (sum + 4) % 10) % 10
            return check == d[7]
        case "BE":
            let n = Int(body.prefix(8))!, check = Int(body.suffix(2))!
            return 97 - n % 97 == check
        case "DK":
            let weights = [2, 7, 6, 5, 4, 3, 2, 1]
            return zip(digits, weights).map(*).reduce(0, +) % 11 == 0
        case "FI":
            let weights = [7, 9, 10, 5, 8, 4, 2]
            let sum = zip(digits.prefix(7), weights).map(*).reduce(0, +)
            let r = sum % 11
            if r == 1 { return false }
            return (r == 0 ? 0 : 11 - r) == digits[7]
        case "FR":
            let key = body.prefix(2)
            guard let siren = Int(body.dropFirst(2)), let keyValue = Int(key) else { return true }  // letter keys: format only
            return (12 + 3 * (siren % 97)) % 97 == keyValue
        case "IT":
            return Luhn.isValid(body)
        case "LU":
            let n = Int(body.prefix(6))!, check = Int(body.suffix(2))!
            return n % 89 == check
        case "NL":
            // Old sole-trader-free numbers: weighted mod 11 over the nine digits; since 2020 also mod 97 of "NL"+body.
            let nine = Array(digits.prefix(9))
            let weighted = zip(nine.prefix(8), [9, 8, 7, 6, 5, 4, 3, 2]).map(*).reduce(0, +) - nine[8]
            if weighted % 11 == 0 { return true }
            return IBANRecogniser.mod97(Array("NL" + body)) == 1
        case "PL":
            let weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
            let r = zip(digits.prefix(9), weights).map(*).reduce(0, +) % 11
            return r != 10 && r == digits[9]
        case "PT":
            let weights = [9, 8, 7, 6, 5, 4, 3, 2]
            let r = 11 - zip(digits.prefix(8), weights).map(*).reduce(0, +) % 11
            return (r >= 10 ? 0 : r) == digits[8]
        case "SE":
            return Luhn.isValid(String(body.prefix(10)))
        case "GB", "XI":
            // UK (and Northern Ireland) VAT numbers: weights 8…2 on the first seven digits plus the last two.
            guard digits.count == 9 || digits.count == 12 else { return true }  // government departments: format only
            let sum = zip(digits.prefix(7), [8, 7, 6, 5, 4, 3, 2]).map(*).reduce(0, +) + digits[7] * 10 + digits[8]
            return sum % 97 == 0 || (sum + 55) % 97 == 0
        default:
            return true
        }
    }

    public static func all(in text: String) -> [Recognised<String>] {
        var out: [Recognised<String>] = []
        for match in pattern.matches(in: text) {
            var raw = match.value
            // Shrink from the right over trailing words ("DE247853016 BIC") until it is a valid id.
            while raw.count > 4 {
                if let id = normalise(raw) {
                    out.append(Recognised(value: id, excerpt: raw, offset: match.utf16Offset))
                    break
                }
                raw.removeLast()
                while raw.last?.isWhitespace == true || raw.last == "." { raw.removeLast() }
            }
        }
        return out
    }
}

/// E-mail addresses (lower-cased).
public enum EmailRecogniser {
    package static let pattern = TextPattern(known: #"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#)

    public static func normalise(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " <>\t\"'")).lowercased()
        guard let m = pattern.firstMatch(in: trimmed), m.value == trimmed else { return nil }
        return trimmed
    }

    public static func all(in text: String) -> [Recognised<String>] {
        pattern.matches(in: text).map { Recognised(value: $0.value.lowercased(), excerpt: $0.value, offset: $0.utf16Offset) }
    }
}

/// Telephone numbers: international (`+49 40 7090 118-40`, `0049 …`) and national (`0574-8688 2316`,
/// `(04) 2350-1188`). Normalised to `+` and digits when the country code is written, else digits only.
public enum PhoneRecogniser {
    package static let pattern = TextPattern(known: #"(?<![\p{L}\d])(?:\+|00)?\(?\d[\d \u00A0\-/().]{5,22}\d(?![\d])"#)

    public static func normalise(_ text: String) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces)
        t = t.replacingOccurrences(of: "(0)", with: "")
        let international = t.hasPrefix("+") || t.hasPrefix("00")
        var digits = t.filter { $0.isASCII && $0.isNumber }
        if t.hasPrefix("00") { digits.removeFirst(2) }
        guard digits.count >= 7, digits.count <= 15 else { return nil }
        return international ? "+" + digits : digits
    }

    public static func all(in text: String) -> [Recognised<String>] {
        pattern.matches(in: text).compactMap { m in
            let raw = m.value.trimmingCharacters(in: CharacterSet(charactersIn: " .-/"))
            // Dates and amounts look like digit runs too: a phone number has at least 7 digits and no decimals.
            guard let phone = normalise(raw), DateRecogniser.first(in: raw) == nil else { return nil }
            return Recognised(value: phone, excerpt: raw, offset: m.utf16Offset)
        }
    }
}

/// Order, quote, invoice and ticket references: `Q-2026-1187`, `APR-2026-0041`, `PO-GLC-77120`,
/// `RE-2026-11873`, `HT-RFQ-2611-03`, `4500123456`, `2026-40517`.
public enum ReferenceRecogniser {
    package static let pattern = TextPattern(known: #"(?<![\p{L}\d\-/])(?:[A-Z][A-Z0-9]{0,9}(?:[-/_.][A-Z0-9]+)*[-/_.]?\d[A-Z0-9]*(?:[-/_.][A-Z0-9]+)*|\d{4,}(?:[-/][A-Z0-9]+)*)(?![\p{L}\d])"#)

    public static func all(in text: String) -> [Recognised<String>] {
        pattern.matches(in: text).compactMap { m in
            let value = m.value.trimmingCharacters(in: CharacterSet(charactersIn: ".-/_"))
            guard value.count >= 3, value.contains(where: \.isNumber) else { return nil }
            return Recognised(value: value, excerpt: value, offset: m.utf16Offset)
        }
    }

    public static func first(in text: String) -> Recognised<String>? { all(in: text).first }
}
