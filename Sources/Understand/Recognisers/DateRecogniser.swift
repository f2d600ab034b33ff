import Patterns
import Foundation

/// A calendar date without a time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year),
              (1900...2199).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2026-11-23".
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// "2026-11-23".
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Finds dates written in the usual ways: `23.11.2026`, `11/23/2026`, `2026-11-23`, `2026年11月23日`,
/// `115年12月31日` (Minguo calendar), `23 Nov 2026`, `23. November 2026`, `November 23, 2026`, German and
/// English month names and abbreviations.
///
/// Slashed dates are month first (`11/23/2026`) unless the first number cannot be a month (`23/11/2026`) or
/// the caller says the text puts the day first.
public enum DateRecogniser {
    package static let monthNames: [String: Int] = {
        var names: [String: Int] = [:]
        // English, German, French, Italian, Spanish, Portuguese, Dutch; full names and the usual abbreviations.
        let lists: [[String]] = [
            ["january", "jan", "januar", "jänner", "jaenner", "janvier", "janv", "gennaio", "gen", "enero", "ene", "janeiro", "januari"],
            ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "febbraio", "febrero", "fevereiro", "fev", "februari"],
            ["march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "aprile", "abril", "abr"],
            ["may", "mai", "maggio", "mag", "mayo", "may", "maio", "mei"],
            ["june", "jun", "juni", "juin", "giugno", "giu", "junio", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "luglio", "lug", "julio", "julho"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "settembre", "set", "septiembre", "setiembre", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "ottobre", "ott", "octubre", "outubro", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "dicembre", "dic", "diciembre", "dezembro", "dezembro"],
        ]
        for (i, list) in lists.enumerated() { for name in list { names[name] = i + 1 } }
        return names
    }()

    package static let monthAlternatives: String = monthNames.keys.sorted { $0.count > $1.count }
        .map { TextPattern.escaped($0) }.joined(separator: "|")

    package static let patterns: [(TextPattern, Form)] = [
        (TextPattern(known: #"(?<!\d)(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)"#), .ymd),
        (TextPattern(known: #"(?<![\d])(?<era>令和|平成)?(?<y>\d{1,4}|元)\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号號]"#), .cjk),
        (TextPattern(known: #"(?<![\d.])(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?(?<y>\d{4}|\d{2})(?![\d])"#), .dmy),
        (TextPattern(known: #"(?<![\d/])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>\d{4})(?![\d/])"#), .slashed),
        (TextPattern(known: #"(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})(?![\d/])"#), .ymd),
        (TextPattern(known: #"(?<![\p{L}\d])(?<d>\d{1,2})(?:\.|st|nd|rd|th|º|°|er)?\s*(?:of\s+|de\s+)?(?<mn>"# + monthAlternatives
                     + #")\.?,?\s+(?:de\s+|del\s+)?(?<y>\d{4})(?!\d)"#, caseInsensitive: true), .dayMonthName),
        (TextPattern(known: #"(?<![\p{L}])(?<mn>"# + monthAlternatives + #")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)"#,
                     caseInsensitive: true), .monthNameDay),
    ]

    package enum Form { case ymd, cjk, dmy, slashed, dayMonthName, monthNameDay }

    /// Whether slashed dates in `text` put the day first: they do, except in US mail (a dollar amount or
    /// "USD" and no sign of another country's money, or a US state and ZIP code).
    public static func dayFirst(for text: String) -> Bool {
        if usState.contains(text) { return false }
        let currencies = Set(AmountRecogniser.all(in: text, requireCurrency: true).prefix(50).compactMap(\.value.currency))
        if currencies.contains("USD") && currencies.isDisjoint(with: ["EUR", "GBP", "CHF", "CNY", "JPY", "INR", "AUD", "CAD"]) { return false }
        return true
    }

    package static let usState = TextPattern(known: #"(?<=\p{L}, |\p{L} )(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY) \d{5}(?:-\d{4})?(?!\d)"#)

    /// Every date in `text`, in text order.
    public static func all(in text: String, dayFirst: Bool = false) -> [Recognised<CalendarDate>] {
        var found: [Recognised<CalendarDate>] = []
        var taken: [Range<Int>] = []
        for (pattern, form) in patterns {
            for match in pattern.matches(in: text) {
                let range = match.utf16Offset..<(match.utf16Offset + match.utf16Length)
                if taken.contains(where: { $0.overlaps(range) }) { continue }
                guard let date = date(match, form: form, dayFirst: dayFirst) else { continue }
                taken.append(range)
                found.append(Recognised(value: date, excerpt: match.value, offset: match.utf16Offset))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    public static func first(in text: String, dayFirst: Bool = false) -> Recognised<CalendarDate>? {
        all(in: text, dayFirst: dayFirst).first
    }

    package static func date(_ m: TextMatch, form: Form, dayFirst: Bool) -> CalendarDate? {
        func int(_ name: String) -> Int? { m.group(named: name).flatMap { Int($0) } }
        switch form {
        case .ymd:
            guard let y = int("y"), let mo = int("m"), let d = int("d") else { return nil }
            return CalendarDate(year: y, month: mo, day: d)
        case .cjk:
            guard let mo = int("m"), let d = int("d"), var y = int("y") ?? (m.group(named: "y") == "元" ? 1 : nil) else { return nil }
            switch m.group(named: "era") {
            case "令和": y += 2018  // Japanese eras: 令和8年 = 2026, 元年 = the first year
            case "平成": y += 1988
            default:
                guard m.group(named: "y") != "元" else { return nil }
                if y < 200 { y += 1911 }  // Republic of China (Minguo) years: 115年 = 2026
            }
            return CalendarDate(year: y, month: mo, day: d)
        case .dmy:
            guard var y = int("y"), let mo = int("m"), let d = int("d") else { return nil }
            if y < 100 { y += 2000 }
            return CalendarDate(year: y, month: mo, day: d)
        case .slashed:
            guard let y = int("y"), let a = int("a"), let b = int("b") else { return nil }
            if a > 12 || (dayFirst && b <= 12) { return CalendarDate(year: y, month: b, day: a) }
            return CalendarDate(year: y, month: a, day: b)
        case .dayMonthName, .monthNameDay:
            guard let y = int("y"), let d = int("d"), let name = m.group(named: "mn"),
                  let mo = monthNames[name.lowercased()] else { return nil }
            return CalendarDate(year: y, month: mo, day: d)
        }
    }
}
