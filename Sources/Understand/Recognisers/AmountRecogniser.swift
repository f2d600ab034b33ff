import Foundation

/// An amount of money as written in a mail: the value and, when the text says, the ISO 4217 currency.
public struct MoneyAmount: Sendable, Hashable {
    public var value: Decimal
    public var currency: String?
    public init(value: Decimal, currency: String?) {
        self.value = value
        self.currency = currency
    }
}

/// Finds amounts in local formats: `1.234,56 €`, `$1,234.56`, `¥1,234.56`, `1 234,56`, `CHF 1'234.50`,
/// `EUR 12.50`, `12,50 EUR`, `46 669,00 元`.
///
/// How a number is read: when both `.` and `,` occur, the last one is the decimal separator; a single
/// separator followed by exactly three digits groups thousands ("1.234" and "1,234" are 1234), one or two
/// digits make a decimal fraction ("12,5" is 12.5); spaces, no-break spaces and apostrophes always group.
public enum AmountRecogniser {
    /// Currency words and symbols → ISO 4217. `¥`/`￥` is decided by the text (see `yenCurrency`).
    package static let currencyWords: [String: String] = [
        "€": "EUR", "EUR": "EUR", "EURO": "EUR", "EUROS": "EUR", "$": "USD", "US$": "USD", "USD": "USD",
        "£": "GBP", "GBP": "GBP", "CHF": "CHF", "SFR": "CHF", "FR.": "CHF", "JPY": "JPY", "円": "JPY",
        "CNY": "CNY", "RMB": "CNY", "元": "CNY", "人民币": "CNY", "CAD": "CAD", "C$": "CAD", "AUD": "AUD", "A$": "AUD",
        "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "ZŁ": "PLN", "CZK": "CZK", "KČ": "CZK",
        "HKD": "HKD", "HK$": "HKD", "TWD": "TWD", "NT$": "TWD", "SGD": "SGD", "KRW": "KRW", "₩": "KRW",
        "INR": "INR", "₹": "INR", "HUF": "HUF", "RON": "RON", "¥": "¥", "￥": "¥",
    ]

    package static let currencyAlternatives: String = {
        let words = currencyWords.keys.sorted { $0.count > $1.count }
        return words.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    }()

    package static let number = #"\d{1,3}(?:(?:[.,'’\u00A0\u202F]| (?=\d{3}\b))\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)"#

    package static let pattern: TextPattern = {
        let cur = currencyAlternatives
        let source = #"(?<![\p{L}\d.,\-/])(?:(?<pre>"# + cur + #")\s?)?(?<num>"# + number + #")(?!\s?%)(?:\s?(?<post>"# + cur
            + #")(?![\p{Ll}\p{Lu}]))?"#
        return TextPattern(known: source, caseInsensitive: true)
    }()

    /// Every amount in `text`. `requireCurrency`: only amounts written with a currency (fewer false finds
    /// in free text; grounding asks for all).
    public static func all(in text: String, requireCurrency: Bool = false) -> [Recognised<MoneyAmount>] {
        let yen = yenCurrency(for: text)
        var out: [Recognised<MoneyAmount>] = []
        for match in pattern.matches(in: text) {
            guard let num = match.group(named: "num"), let value = parseNumber(num) else { continue }
            let symbol = match.group(named: "pre") ?? match.group(named: "post")
            var currency = symbol.flatMap { currencyWords[$0.uppercased()] ?? currencyWords[$0] }
            if currency == "¥" { currency = yen }
            if requireCurrency && currency == nil { continue }
            // A year or a bare small integer next to nothing is no amount when a currency is demanded;
            // without a currency every number counts (grounding compares values).
            out.append(Recognised(value: MoneyAmount(value: value, currency: currency),
                                  excerpt: match.value.trimmingCharacters(in: .whitespaces), offset: match.utf16Offset))
        }
        return out
    }

    /// The first amount in `text` (preferring one written with a currency).
    public static func first(in text: String) -> Recognised<MoneyAmount>? {
        let found = all(in: text)
        return found.first { $0.value.currency != nil } ?? found.first
    }

    /// `¥` means yuan in Chinese text and yen in Japanese text (kana present).
    package static func yenCurrency(for text: String) -> String {
        for scalar in text.unicodeScalars where (0x3040...0x30FF).contains(scalar.value) { return "JPY" }
        return "CNY"
    }

    /// Reads a number written with local separators; nil when it is not one.
    public static func parseNumber(_ raw: String) -> Decimal? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("−") {
            negative = true
            text.removeFirst()
        }
        // Grouping marks that are never decimal separators.
        text = String(text.filter { !["'", "’", " ", "\u{00A0}", "\u{202F}"].contains($0) })
        let dots = text.filter { $0 == "." }.count
        let commas = text.filter { $0 == "," }.count
        var normalised = text
        if dots > 0 && commas > 0 {
            let lastDot = text.lastIndex(of: ".")!, lastComma = text.lastIndex(of: ",")!
            let decimal: Character = lastDot > lastComma ? "." : ","
            let grouping: Character = decimal == "." ? "," : "."
            normalised = text.filter { $0 != grouping }.replacingOccurrences(of: String(decimal), with: ".")
        } else if dots + commas == 1 {
            let sep: Character = dots == 1 ? "." : ","
            let after = text.split(separator: sep, omittingEmptySubsequences: false).last ?? ""
            if after.count == 3 {
                normalised = text.filter { $0 != sep }
            } else {
                normalised = text.replacingOccurrences(of: String(sep), with: ".")
            }
        } else if dots + commas > 1 {
            // "1.234.567" or "1,234,567": grouping only.
            let sep: Character = dots > 0 ? "." : ","
            let groups = text.split(separator: sep, omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            normalised = text.filter { $0 != sep }
        }
        guard !normalised.isEmpty, normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              normalised.filter({ $0 == "." }).count <= 1,
              let value = Decimal(string: normalised, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return negative ? -value : value
    }
}
