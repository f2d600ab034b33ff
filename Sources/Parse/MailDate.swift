import Foundation

/// The Date header (RFC 5322 §3.3) and the broken forms seen in real mail: no seconds, two- or
/// three-digit years, named zones (EST, PST, CET, …), zones written as "GMT+0100", no zone at all,
/// asctime order ("Mon Jan  2 15:04:05 2006"), ISO 8601-ish dates, day and month swapped in order.
package enum MailDate {
    package struct Parsed {
        package var date: Date?
        package var problems: [String] = []
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "sept": 9,
        "september": 9, "october": 10, "november": 11, "december": 12,
        // German and French abbreviations that some mailers localise.
        "mär": 3, "mrz": 3, "mai": 5, "okt": 10, "dez": 12, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juin": 6,
        "juil": 7, "aoû": 8, "aout": 8, "déc": 12,
    ]

    /// Zone offsets in minutes east of UTC.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "ist": 60, "west": 60,
        "edt": -240, "est": -300, "cdt": -300, "cst": -360, "mdt": -360, "mst": -420, "pdt": -420, "pst": -480,
        "akdt": -480, "akst": -540, "hst": -600, "hdt": -540, "adt": -180, "ast": -240, "ndt": -150, "nst": -210,
        "cet": 60, "cest": 120, "met": 60, "mest": 120, "mez": 60, "mesz": 120, "eet": 120, "eest": 180,
        "msk": 180, "msd": 240, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "awst": 480, "acst": 570,
        "acdt": 630, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780, "pht": 480, "wib": 420,
    ]

    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "tues", "thur", "thurs", "weds",
    ]

    package static func parse(_ text: String) -> Parsed {
        var result = Parsed()
        // Drop comments, lower-case ASCII, split into tokens at whitespace and commas.
        var tokens: [String] = []
        var current: [UInt8] = []
        var depth = 0
        func flush() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        for b in text.utf8 {
            if b == UInt8(ascii: "(") { depth += 1; flush(); continue }
            if b == UInt8(ascii: ")") { depth = max(0, depth - 1); flush(); continue }
            if depth > 0 { continue }
            switch b {
            case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ","): flush()
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(b | 0x20)
            default: current.append(b)
            }
        }
        flush()

        // ISO 8601-ish: 2024-03-01T10:00:00Z or "2024-03-01 10:00:00 +0100".
        if let first = tokens.first, first.utf8.count >= 10, let iso = isoDate(first) {
            var rest = Array(tokens.dropFirst())
            if let timePart = iso.time, !timePart.isEmpty {
                rest.insert(contentsOf: timePart.split(separator: " ").map(String.init), at: 0)
            }
            tokens = ["\(iso.day)", monthNames[iso.month - 1], "\(iso.year)"] + rest
        }

        var day: Int?
        var month: Int?
        var year: Int?
        var yearDigits = 0
        var hour = 0, minute = 0, second = 0
        var haveTime = false
        var offset: Int?
        var numbers: [String] = []

        var pm = false
        for token in tokens {
            let bare = token.hasSuffix(".") ? String(token.dropLast()) : token
            if weekdays.contains(bare) { continue }
            if let m = months[bare] { month = m; continue }
            if bare == "pm" || bare == "p.m" { pm = true; continue }
            if bare == "am" || bare == "a.m" { continue }
            // "01-Jan-2024" (dashes).
            if token.utf8.contains(UInt8(ascii: "-")), !token.hasPrefix("-"), !token.hasPrefix("+") {
                let parts = token.split(separator: "-").map(String.init)
                if parts.count == 3, let m = months[parts[1]], let d = Int(parts[0]), let y = Int(parts[2]) {
                    day = d; month = m; year = y; yearDigits = parts[2].count
                    continue
                }
            }
            if token.utf8.contains(UInt8(ascii: ":")) {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false)
                if parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let mi = Int(parts[1]) {
                    var s = 0
                    if parts.count == 3 {
                        // Seconds may carry a fraction: "05.123".
                        let secText = parts[2].split(separator: ".").first.map(String.init) ?? ""
                        guard let sv = Int(secText) else { continue }
                        s = sv
                    }
                    hour = h; minute = mi; second = s; haveTime = true
                    continue
                }
            }
            if token.hasPrefix("+") || token.hasPrefix("-") {
                if let o = numericOffset(token.dropFirst(), negative: token.hasPrefix("-")) { offset = o; continue }
            }
            if let z = zones[token] { offset = z; continue }
            if token.hasPrefix("gmt") || token.hasPrefix("utc") {
                let rest = token.dropFirst(3)
                if rest.hasPrefix("+") || rest.hasPrefix("-"),
                   let o = numericOffset(rest.dropFirst(), negative: rest.hasPrefix("-")) { offset = o; continue }
            }
            if !bare.isEmpty, bare.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                numbers.append(bare)  // also "1." (a German day)
                continue
            }
        }

        // Assign bare numbers: a 4-digit (or > 31) number is the year, the rest the day, then month.
        for num in numbers {
            guard let v = Int(num) else { continue }
            if year == nil && (num.count >= 3 || v > 31) {
                year = v; yearDigits = num.count
            } else if day == nil {
                day = v
            } else if month == nil && v >= 1 && v <= 12 {
                month = v
            } else if year == nil {
                year = v; yearDigits = num.count
            }
        }

        if pm && hour < 12 && haveTime { hour += 12 }
        guard let d = day, let m = month, var y = year else {
            result.problems.append("the date \"\(text)\" could not be read")
            return result
        }
        if yearDigits <= 2 {
            y += y < 50 ? 2000 : 1900
            result.problems.append("the date has a two-digit year")
        } else if yearDigits == 3 {
            y += 1900
        }
        guard (1...31).contains(d), (1...12).contains(m), (1000...9999).contains(y),
              (0...24).contains(hour), (0...59).contains(minute), (0...61).contains(second) else {
            result.problems.append("the date \"\(text)\" has out-of-range fields")
            return result
        }
        if !haveTime { result.problems.append("the date has no time of day; midnight was assumed") }
        if offset == nil {
            result.problems.append("the date has no known time zone; UTC was assumed")
        }
        let days = daysFromCivil(year: y, month: m, day: d)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - (offset ?? 0) * 60
        result.date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return result
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private struct ISOParts { var year: Int; var month: Int; var day: Int; var time: String? }

    private static func isoDate(_ token: String) -> ISOParts? {
        let u = Array(token.utf8)
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Int(String(decoding: u[0..<4], as: UTF8.self)),
              let m = Int(String(decoding: u[5..<7], as: UTF8.self)),
              let d = Int(String(decoding: u[8..<10], as: UTF8.self)), (1...12).contains(m) else { return nil }
        var time: String?
        if u.count > 11, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") {
            var t = String(decoding: u[11...], as: UTF8.self)
            // Split a glued zone: 10:00:00Z, 10:00:00+01:00.
            if t.hasSuffix("Z") || t.hasSuffix("z") { t = String(t.dropLast()) + " +0000" }
            else if let idx = t.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                t = String(t[..<idx]) + " " + String(t[idx...].filter { $0 != ":" })
            }
            time = t
        }
        return ISOParts(year: y, month: m, day: d, time: time)
    }

    private static func numericOffset(_ digits: Substring, negative: Bool) -> Int? {
        let clean = String(digits.filter { $0 != ":" })
        guard !clean.isEmpty, clean.utf8.count <= 4, clean.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let v = Int(clean) else { return nil }
        let minutes: Int
        if clean.count <= 2 { minutes = v * 60 } else { minutes = (v / 100) * 60 + v % 100 }
        guard minutes <= 18 * 60 else { return nil }
        return negative ? -minutes : minutes
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
