import Patterns
import Foundation

/// An amount of money as written in a mail: the value, its scale (the decimals as written: "1.712,00" has
/// scale 2, "¥123,456" scale 0) and, when the text says, the ISO 4217 currency.
public struct MoneyAmount: Sendable, Hashable {
    public var value: Decimal
    public var currency: String?
    /// Digits after the decimal separator as written.
    public var scale: Int
    public init(value: Decimal, currency: String?, scale: Int? = nil) {
        self.value = value
        self.currency = currency
        self.scale = scale ?? max(0, -Int(value.exponent))
    }
}

/// What the rest of a message says about ambiguous currency signs: `¥` (yuan or yen), `$` (US or another
/// dollar), `kr` (Danish, Swedish or Norwegian krone).
public struct CurrencyContext: Sendable, Hashable {
    public var yen: String
    public var dollar: String
    /// nil when the text does not tell which krone.
    public var krone: String?

    public init(yen: String = "CNY", dollar: String = "USD", krone: String? = nil) {
        self.yen = yen
        self.dollar = dollar
        self.krone = krone
    }
}

/// Finds amounts in local formats: `1.234,56 €`, `$1,234.56`, `¥1,234.56`, `1 234,56` (space, no-break or
/// narrow no-break space), `CHF 1'234.50`, `1’234.50`, `EUR 12.50`, `12,50 EUR`, `46 669,00 元`, `R$ 1.234,56`,
/// `-119,00`, `€ -119,00`, `(119.00)` (accounting negative), `119,-`.
///
/// How a number is read: when both `.` and `,` occur, the last one is the decimal separator; a single
/// separator followed by exactly three digits groups thousands ("1.234" and "1,234" are 1234), one or two
/// digits make a decimal fraction ("12,5" is 12.5); spaces, no-break spaces and apostrophes always group.
public enum AmountRecogniser {
    /// Currency words and symbols (upper-cased) → ISO 4217. `¥`, `$` and `kr` are decided by the text
    /// (`context(for:)`): they map to the markers "¥", "$" and "KR".
    package static let currencyWords: [String: String] = [
        "€": "EUR", "EUR": "EUR", "EURO": "EUR", "EUROS": "EUR", "$": "$", "US$": "USD", "USD": "USD", "U$S": "USD",
        "£": "GBP", "GBP": "GBP", "CHF": "CHF", "SFR": "CHF", "SFR.": "CHF", "FR.": "CHF", "JPY": "JPY", "円": "JPY",
        "CNY": "CNY", "RMB": "CNY", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "CAD": "CAD", "C$": "CAD", "CA$": "CAD",
        "AUD": "AUD", "A$": "AUD", "AU$": "AUD", "NZD": "NZD", "NZ$": "NZD",
        "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "KR": "KR", "KR.": "KR", "PLN": "PLN", "ZŁ": "PLN", "CZK": "CZK", "KČ": "CZK",
        "HKD": "HKD", "HK$": "HKD", "TWD": "TWD", "NT$": "TWD", "SGD": "SGD", "S$": "SGD", "KRW": "KRW", "₩": "KRW",
        "INR": "INR", "₹": "INR", "RS.": "INR", "HUF": "HUF", "FT": "HUF", "RON": "RON", "BRL": "BRL", "R$": "BRL",
        "MXN": "MXN", "ZAR": "ZAR", "TRY": "TRY", "₺": "TRY", "RUB": "RUB", "₽": "RUB", "ILS": "ILS", "₪": "ILS",
        "AED": "AED", "THB": "THB", "฿": "THB", "¥": "¥", "￥": "¥",
    ]

    /// The ISO codes the table knows.
    package static let isoCodes: Set<String> = Set(currencyWords.values.filter { $0.count == 3 && $0.allSatisfy(\.isLetter) })

    package static let currencyAlternatives: String = {
        let words = currencyWords.keys.sorted { $0.count > $1.count }
        return words.map { TextPattern.escaped($0) }.joined(separator: "|")
    }()

    /// The number and what may follow it, as ICU read them with lookahead (kept as `icuPattern`, the reference
    /// the tests compare with): a number not followed by a digit (nor by a dash after `12,-`) nor by `%`, then
    /// a currency not followed by a letter, then a closing parenthesis. RE2 has no lookahead, so each way the
    /// match can end is an alternative, in ICU's order, and the characters it only looks at are the group
    /// `lookahead`, which is not part of the match.
    package static let icuNumber = #"\d{1,3}(?:(?:[.,'’\u00A0\u202F]| (?=\d{3}(?!\d)))\d{3}){1,5}(?:[.,](?:\d{1,2}|[-–]{1,2}(?![\d\-–])))?(?!\d)|\d{1,15}(?:[.,](?:\d{1,2}|[-–]{1,2}(?![\d\-–])))?(?!\d)"#

    package static let icuPattern: String = #"(?<![\p{L}\d.,\-−/])(?<open>\()?(?<sign>[-−](?=\S))?(?:(?<pre>"# + currencyAlternatives
        + #")\s?)?(?<sign2>[-−])?(?<num>"# + icuNumber + #")(?!\s?%)(?:\s?(?<post>"# + currencyAlternatives
        + #")(?![\p{Ll}\p{Lu}]))?(?<close>\))?"#

    package static let pattern: TextPattern = {
        let cur = currencyAlternatives
        let grouped = #"\d{1,3}(?:[.,'’\u00A0\u202F ]\d{3}){1,5}"#
        let plain = #"\d{1,15}"#
        /// After a number: a currency (then a parenthesis, or no letter), a parenthesis, or `end`.
        func tail(_ end: String) -> String {
            #"(?:\s?(?<post>"# + cur + #")(?:(?<close>\))|(?<lookahead>[^\p{Ll}\p{Lu}]|\z))|(?<close>\))|(?<lookahead>"# + end + "))"
        }
        let afterNumber = #"\z|[^\d%\s]|\s(?:\z|[^%])"#
        let afterDash = #"\z|[^\d%\s\-–]|\s(?:\z|[^%])"#
        let endings = [grouped + #"[.,]\d{1,2}"#, grouped + "[.,][-–]{1,2}", grouped,
                       plain + #"[.,]\d{1,2}"#, plain + "[.,][-–]{1,2}", plain]
            .map { "(?<num>" + $0 + ")" + tail($0.hasSuffix("{1,2}") && $0.contains("–") ? afterDash : afterNumber) }
        // A sign touches the number or the currency; "(119.00)" is an accounting negative.
        let source = #"(?<![\p{L}\d.,\-−/])(?<open>\()?(?<sign>[-−])?(?:(?<pre>"# + cur + #")\s?)?(?<sign2>[-−])?(?:"#
            + endings.joined(separator: "|") + ")"
        return TextPattern(known: source, caseInsensitive: true)
    }()

    /// Which currency `¥`, `$` and `kr` stand for in `text`: the ISO code or the word written elsewhere in it
    /// (元/RMB/CNY/人民币 or 円/JPY; CAD/AUD/…; DKK/SEK/NOK), else its script (kana: yen; Han only: yuan;
    /// otherwise yen, as `¥` is the yen in Latin-script mail).
    public static func context(for text: String) -> CurrencyContext {
        var context = CurrencyContext()
        let upper = text.uppercased()
        func mentions(_ words: [String]) -> Bool {
            words.contains { w in
                var search = upper.startIndex..<upper.endIndex
                while let r = upper.range(of: w, range: search) {
                    let before = r.lowerBound > upper.startIndex ? upper[upper.index(before: r.lowerBound)] : " "
                    let after = r.upperBound < upper.endIndex ? upper[r.upperBound] : " "
                    let ascii = w.unicodeScalars.allSatisfy(\.isASCII)
                    if !ascii || (!before.isLetter && !after.isLetter) { return true }
                    search = r.upperBound..<upper.endIndex
                }
                return false
            }
        }
        let yuan = mentions(["CNY", "RMB", "元", "人民币", "人民幣"])
        let yenWord = mentions(["JPY", "円"])
        let kana = text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
        let han = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        if yuan && !yenWord { context.yen = "CNY" } else if yenWord && !yuan { context.yen = "JPY" } else if kana { context.yen = "JPY" }
        else if han { context.yen = "CNY" } else { context.yen = "JPY" }
        let dollars = ["CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"].filter { mentions([$0]) }
        if dollars.count == 1 && !mentions(["USD", "US$"]) { context.dollar = dollars[0] }
        let krone = ["DKK", "SEK", "NOK"].filter { mentions([$0]) }
        if krone.count == 1 { context.krone = krone[0] }
        return context
    }

    /// The ISO code a written currency sign or word stands for (nil for `kr` when the context does not say).
    public static func isoCode(of symbol: String, context: CurrencyContext) -> String? {
        guard let code = currencyWords[symbol.uppercased()] ?? currencyWords[symbol] else { return nil }
        switch code {
        case "¥": return context.yen
        case "$": return context.dollar
        case "KR": return context.krone
        default: return code
        }
    }

    /// Every amount in `text`. `requireCurrency`: only amounts written with a currency (fewer false finds
    /// in free text; grounding asks for all). `context`: how ambiguous signs are read (default: from `text`).
    public static func all(in text: String, requireCurrency: Bool = false, context: CurrencyContext? = nil) -> [Recognised<MoneyAmount>] {
        let context = context ?? Self.context(for: text)
        var out: [Recognised<MoneyAmount>] = []
        for match in pattern.matches(in: text) {
            guard let num = match.group(named: "num"), var value = parseNumber(num) else { continue }
            let symbol = match.group(named: "pre") ?? match.group(named: "post")
            let currency = symbol.flatMap { isoCode(of: $0, context: context) }
            if requireCurrency && currency == nil { continue }
            let parenthesised = match.group(named: "open") != nil && match.group(named: "close") != nil
            if match.group(named: "sign") != nil || match.group(named: "sign2") != nil || parenthesised { value = -value }
            var excerpt = match.value
            var offset = match.utf16Offset
            if match.group(named: "open") != nil && !parenthesised {
                excerpt.removeFirst()
                offset += 1
            }
            // "Totale nota di credito    - 366,00 €": a minus standing apart before the amount, where a table
            // cell or a label's value begins, is its sign (not "10 - 12,50", a range).
            if value > 0, match.group(named: "open") == nil, currency != nil || scale(of: num) > 0,
               let at = detachedMinus(before: offset, in: text,
                                      alone: text.trimmingCharacters(in: .whitespacesAndNewlines).utf16.count == (text as NSString).length
                                          && match.utf16Offset + match.utf16Length == (text as NSString).length) {
                value = -value
                excerpt = (text as NSString).substring(with: NSRange(location: at, length: offset - at)) + excerpt
                offset = at
            }
            if match.group(named: "close") != nil && !parenthesised { excerpt.removeLast() }
            let trimmed = excerpt.trimmingCharacters(in: .whitespaces)
            out.append(Recognised(value: MoneyAmount(value: value, currency: currency, scale: scale(of: num)),
                                  excerpt: trimmed, offset: offset))
        }
        return out
    }

    /// The offset of a minus sign that stands one space before `offset` and begins a table cell or a label's
    /// value: after a tab, two spaces, `|`, `:` or `=` with text before it on the line (a minus at the start of
    /// a line is a bullet). nil when there is none.
    /// `alone`: the text is nothing but the amount (a grounding's excerpt "- 366,00 €"), so a minus at its
    /// start is the sign too.
    package static func detachedMinus(before offset: Int, in text: String, alone: Bool = false) -> Int? {
        let ns = text as NSString
        if alone, offset == 2, ns.character(at: 1) == 0x20, [0x2D, 0x2212, 0x2013].contains(ns.character(at: 0)) { return 0 }
        guard offset >= 3 else { return nil }
        let space = ns.character(at: offset - 1)
        guard space == 0x20 || space == 0xA0 else { return nil }
        let minus = ns.character(at: offset - 2)
        guard minus == 0x2D || minus == 0x2212 || minus == 0x2013 else { return nil }
        let at = offset - 2
        var i = at - 1, spaces = 0, tab = false
        while i >= 0 {
            let c = ns.character(at: i)
            if c == 0x20 || c == 0xA0 { spaces += 1 } else if c == 0x09 { tab = true } else { break }
            i -= 1
        }
        guard i >= 0 else { return nil }
        let c = ns.character(at: i)
        if c == 0x0A || c == 0x0D { return nil }
        if c == 0x3A || c == 0x3D || c == 0x7C || c == 0xFF1A || c == 0x2502 { return at }
        return tab || spaces >= 2 ? at : nil
    }

    /// The first amount in `text` (preferring one written with a currency).
    public static func first(in text: String, context: CurrencyContext? = nil) -> Recognised<MoneyAmount>? {
        let found = all(in: text, context: context)
        return found.first { $0.value.currency != nil } ?? found.first
    }

    /// `¥` means yuan in Chinese text and yen in Japanese text (kana present).
    package static func yenCurrency(for text: String) -> String { context(for: text).yen }

    /// Digits after the decimal separator of a number as `parseNumber` reads it.
    package static func scale(of raw: String) -> Int {
        guard let value = parseNumber(raw) else { return 0 }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("-") || text.hasSuffix("–") { return 2 }
        // The digits after the last separator, when that separator is the decimal one.
        guard let last = text.lastIndex(where: { $0 == "." || $0 == "," }) else { return 0 }
        let after = text[text.index(after: last)...]
        let grouped = Decimal(string: text.filter(\.isNumber)) == value.magnitude
        return grouped ? 0 : after.count
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
        // "119,-" and "119.–": whole units.
        while text.hasSuffix("-") || text.hasSuffix("–") { text.removeLast() }
        if text.hasSuffix(",") || text.hasSuffix(".") { text.removeLast() }
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

/// Currencies as a mail writes them, as ISO 4217 codes: the sign or word of an amount (`$1,234.56`,
/// `12,50 €`, `1.234 kr`, `¥123,456`, `Fr. 80.–`), and on their own an ISO code (`USD`), an unambiguous sign
/// (`€`, `£`, `₹`, `R$`, `US$`, `$`, `¥`) or a name (`Euro`, `US dollars`, `Schweizer Franken`, `人民币`, `日本円`).
/// Signs that are also ordinary words or parts of words (`Fr.`, `kr`, `Ft`, `Rs.`, `元`, `円`) count only
/// next to a number.
public enum CurrencyRecogniser {
    package static let names: [String: String] = [
        "EURO": "EUR", "EUROS": "EUR", "US DOLLAR": "USD", "US DOLLARS": "USD", "U.S. DOLLARS": "USD",
        "POUND STERLING": "GBP", "POUNDS STERLING": "GBP", "SWISS FRANC": "CHF", "SWISS FRANCS": "CHF",
        "SCHWEIZER FRANKEN": "CHF", "FRANCS SUISSES": "CHF", "ZŁOTY": "PLN", "ZLOTY": "PLN", "ZŁOTYCH": "PLN",
        "JAPANESE YEN": "JPY", "CHINESE YUAN": "CNY", "RENMINBI": "CNY", "人民币": "CNY", "人民幣": "CNY", "日本円": "JPY",
        "REAIS": "BRL", "RUPEES": "INR", "INDIAN RUPEES": "INR",
        "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "฿": "THB",
        "US$": "USD", "R$": "BRL", "HK$": "HKD", "NT$": "TWD", "C$": "CAD", "A$": "AUD", "$": "$", "¥": "¥", "￥": "¥",
    ]

    package static let pattern: TextPattern = {
        let alternatives = names.keys.sorted { $0.count > $1.count }.map { TextPattern.escaped($0).replacingOccurrences(of: " ", with: #"\s+"#) }
            .joined(separator: "|")
        let codes = AmountRecogniser.isoCodes.sorted().joined(separator: "|")
        return TextPattern(known: #"(?<![\p{L}\d$])(?:(?<code>"# + codes + #")|(?i:(?<name>"# + alternatives + #")))(?![\p{L}])"#)
    }()

    public static func all(in text: String, context: CurrencyContext? = nil) -> [Recognised<String>] {
        let context = context ?? AmountRecogniser.context(for: text)
        var out: [Recognised<String>] = []
        var taken: [Range<Int>] = []
        for amount in AmountRecogniser.all(in: text, requireCurrency: true, context: context) {
            guard let code = amount.value.currency else { continue }
            out.append(Recognised(value: code, excerpt: amount.excerpt, offset: amount.offset))
            taken.append(amount.offset..<(amount.offset + (amount.excerpt as NSString).length))
        }
        for match in pattern.matches(in: text) {
            let range = match.utf16Offset..<(match.utf16Offset + match.utf16Length)
            if taken.contains(where: { $0.overlaps(range) }) { continue }
            var code: String?
            if let c = match.group(named: "code") { code = c }
            if let n = match.group(named: "name") {
                let key = n.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                code = names[key].flatMap { AmountRecogniser.isoCode(of: $0, context: context) ?? (AmountRecogniser.isoCodes.contains($0) ? $0 : nil) }
            }
            guard let code else { continue }
            out.append(Recognised(value: code, excerpt: match.value, offset: match.utf16Offset))
        }
        return out.sorted { $0.offset < $1.offset }
    }

    /// The currency an amount or a standalone code names first in `text`.
    public static func first(in text: String, context: CurrencyContext? = nil) -> Recognised<String>? {
        all(in: text, context: context).first
    }
}
