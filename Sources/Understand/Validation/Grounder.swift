import Patterns
import Foundation
import Vocabulary

/// Finds where a value occurs in a message: the value itself, or its normalised form (1234.56 is grounded by
/// "1.234,56", 2026-11-23 by "23.11.2026" or "20261123", an IBAN with or without its spaces).
public enum Grounder {
    /// A number with four to six decimals and no grouping (standing alone: checked where it is used).
    static let preciseNumber = TextPattern(known: #"\d{1,12}[.,]\d{4,6}"#)

    /// Where `value` occurs in `sources`, or nil when it occurs nowhere (then it was made up or mistyped).
    public static func ground(_ value: FieldValue, type: FieldType, in sources: [SourceText]) -> Grounding? {
        for source in sources {
            if let g = ground(value, type: type, in: source) { return g }
        }
        return nil
    }

    package static func ground(_ value: FieldValue, type: FieldType, in source: SourceText) -> Grounding? {
        let text = source.text
        switch value {
        case .money(let d, _), .number(let d):
            if let r = AmountRecogniser.all(in: text).first(where: { $0.value.value == d }) {
                return Grounding(location: source.location, offset: r.offset, excerpt: r.excerpt)
            }
            // A unit price written with four to six decimals ("14.3500", "0,12345") is no amount of money as
            // the recogniser reads amounts, but it is the value.
            let ns = text as NSString
            func joins(_ i: Int) -> Bool {
                guard i >= 0, i < ns.length, let u = UnicodeScalar(ns.character(at: i)) else { return false }
                return CharacterSet.decimalDigits.contains(u) || u == "." || u == ","
            }
            for match in Self.preciseNumber.matches(in: text) where !joins(match.utf16Offset - 1)
                && !joins(match.utf16Offset + match.utf16Length) {
                let decimal = match.value.replacingOccurrences(of: ",", with: ".")
                if Decimal(string: decimal, locale: Locale(identifier: "en_US_POSIX")) == d {
                    return Grounding(location: source.location, offset: match.utf16Offset, excerpt: match.value)
                }
            }
            return nil
        case .date(let iso):
            guard let date = CalendarDate(iso: iso) else { return nil }
            // A slashed date reads either way round ("07/12/2026"): whichever reading the extractor chose.
            let readings = DateRecogniser.all(in: text) + DateRecogniser.all(in: text, dayFirst: true)
            if let r = readings.first(where: { $0.value == date }) {
                return Grounding(location: source.location, offset: r.offset, excerpt: r.excerpt)
            }
            let compact = String(format: "%04d%02d%02d", date.year, date.month, date.day)
            return find(compact, in: source)
        case .text(let s):
            switch type {
            case .iban:
                if let r = IBANRecogniser.all(in: text.uppercased()).first(where: { $0.value == s }) {
                    return Grounding(location: source.location, offset: r.offset, excerpt: r.excerpt)
                }
                return find(s, in: source)
            case .vatID:
                if let r = VATRecogniser.all(in: text.uppercased()).first(where: { $0.value == s }) {
                    return Grounding(location: source.location, offset: r.offset, excerpt: r.excerpt)
                }
                return find(s, in: source)
            case .phone:
                if let r = PhoneRecogniser.all(in: text).first(where: { phoneEquivalent($0.value, s) }) {
                    return Grounding(location: source.location, offset: r.offset, excerpt: r.excerpt)
                }
                return nil
            case .currency:
                return currency(s, in: source)
            default:
                if let g = find(s, in: source) { return g }
                // A currency kept in a text field: "USD" is grounded by "$" where the mail writes that.
                return AmountRecogniser.isoCodes.contains(s) ? currency(s, in: source) : nil
            }
        case .bool:
            return nil
        case .list:
            return nil
        }
    }

    /// Where the currency `code` is written in the source: the code itself, or a sign or word that stands for
    /// it there ("$" for USD in US mail, "¥" for CNY in Chinese mail, "元", "Fr.", "zł", "kr").
    package static func currency(_ code: String, in source: SourceText) -> Grounding? {
        let context = AmountRecogniser.context(for: source.text)
        for word in CurrencyRecogniser.all(in: source.text, context: context) where word.value == code {
            return Grounding(location: source.location, offset: word.offset, excerpt: word.excerpt)
        }
        return nil
    }

    /// "+4940709011840" and "040709011840" are the same number written internationally and nationally.
    package static func phoneEquivalent(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let da = a.filter(\.isNumber), db = b.filter(\.isNumber)
        let shorter = da.count < db.count ? da : db, longer = da.count < db.count ? db : da
        let national = shorter.hasPrefix("0") ? String(shorter.dropFirst()) : shorter
        return national.count >= 6 && longer.hasSuffix(national)
    }

    /// Case-insensitive; runs of white space count as one space.
    package static func find(_ needle: String, in source: SourceText) -> Grounding? {
        let trimmed = needle.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let ns = source.text as NSString
        let direct = ns.range(of: trimmed, options: [.caseInsensitive])
        if direct.location != NSNotFound {
            return Grounding(location: source.location, offset: direct.location, excerpt: ns.substring(with: direct))
        }
        let words = trimmed.split(whereSeparator: \.isWhitespace).map { TextPattern.escaped(String($0)) }
        guard words.count > 1, let pattern = try? TextPattern(words.joined(separator: #"\s+"#), caseInsensitive: true),
              let m = pattern.firstMatch(in: source.text) else { return nil }
        return Grounding(location: source.location, offset: m.utf16Offset, excerpt: m.value)
    }

    /// True when a recorded grounding still holds: its excerpt occurs in the named source and reads as the value.
    public static func confirms(_ grounding: Grounding, value: FieldValue, type: FieldType, in sources: [SourceText]) -> Bool {
        if grounding.location.hasPrefix("rule:") || grounding.location.hasPrefix("xml:") { return true }
        guard let source = sources.first(where: { $0.location == grounding.location }),
              source.text.range(of: grounding.excerpt) != nil else { return false }
        if case .enumeration = type { return true }  // a keyword stands for its value
        return ground(value, type: type, in: SourceText(location: source.location, text: grounding.excerpt)) != nil
    }
}
