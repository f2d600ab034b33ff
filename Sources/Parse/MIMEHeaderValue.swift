import Foundation

/// A structured MIME header value: `Content-Type: text/plain; charset="utf-8"` or
/// `Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC.pdf`.
/// Parameters are decoded: quoted strings unquoted, RFC 2231 extended values and continuations
/// assembled and converted from their charset, RFC 2047 words inside values decoded.
package struct MIMEHeaderValue: Sendable {
    /// The main value, lower-cased, comments and whitespace removed ("text/plain", "attachment").
    package var value: String
    /// Decoded parameter values by lower-cased name.
    package var parameters: [String: String]
    /// Parameter values unquoted but not decoded (RFC 2047 left alone), for tokens such as
    /// `boundary` and `charset` where decoding would be wrong.
    package var rawParameters: [String: String]
    package var problems: [String]

    package subscript(_ name: String) -> String? { parameters[name] }

    /// `fallback` decodes raw 8-bit parameter bytes that are not UTF-8 (usually the part's charset).
    package static func parse(_ raw: [UInt8], fallback: MailCharset? = nil) -> MIMEHeaderValue {
        var problems: [String] = []
        let n = raw.count
        var i = 0

        // Main value up to the first ';' outside quotes, without comments.
        var main: [UInt8] = []
        var depth = 0
        while i < n {
            let c = raw[i]
            if depth > 0 {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") { depth -= 1 }
                i += 1
                continue
            }
            if c == UInt8(ascii: ";") { break }
            if c == UInt8(ascii: "(") { depth = 1; i += 1; continue }
            if c == UInt8(ascii: "\"") { i += 1; continue }
            if c > 0x20 {
                main.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            } else if let slash = main.firstIndex(of: UInt8(ascii: "/")), slash < main.count - 1 {
                // "text/plain charset=x": a missing ';' after a complete type/subtype.
                var j = i
                while j < n, HeaderBlock.isSpace(raw[j]) { j += 1 }
                if j < n, raw[j] != UInt8(ascii: ";"), raw[j] != UInt8(ascii: "(") {
                    problems.append("a ';' is missing after \"\(String(decoding: main, as: UTF8.self))\"")
                    break
                }
            }
            i += 1
        }
        let value = String(decoding: main, as: UTF8.self)

        // Parameters.
        struct Piece { var section: Int?; var extended: Bool; var bytes: [UInt8] }
        var pieces: [String: [Piece]] = [:]
        var order: [String] = []
        while i < n {
            // Skip separators, whitespace and comments.
            while i < n, raw[i] == UInt8(ascii: ";") || HeaderBlock.isSpace(raw[i]) { i += 1 }
            if i < n, raw[i] == UInt8(ascii: "(") {
                var d = 0
                while i < n {
                    if raw[i] == UInt8(ascii: "\\") { i += 2; continue }
                    if raw[i] == UInt8(ascii: "(") { d += 1 }
                    if raw[i] == UInt8(ascii: ")") { d -= 1; if d == 0 { i += 1; break } }
                    i += 1
                }
                continue
            }
            guard i < n else { break }
            // Attribute.
            var attr: [UInt8] = []
            while i < n, raw[i] != UInt8(ascii: "="), raw[i] != UInt8(ascii: ";") {
                let c = raw[i]
                if c > 0x20 { attr.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
                i += 1
            }
            guard i < n, raw[i] == UInt8(ascii: "=") else {
                if !attr.isEmpty {
                    problems.append("a parameter \"\(String(decoding: attr, as: UTF8.self))\" has no value; it was ignored")
                }
                continue
            }
            i += 1
            while i < n, raw[i] == 0x20 || raw[i] == 0x09 { i += 1 }
            var val: [UInt8] = []
            if i < n, raw[i] == UInt8(ascii: "\"") {
                i += 1
                var closed = false
                while i < n {
                    let c = raw[i]
                    if c == UInt8(ascii: "\\"), i + 1 < n {
                        // Keep a backslash before anything but a quote or backslash: Windows paths in
                        // file names are written unescaped far more often than escapes are meant.
                        let next = raw[i + 1]
                        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
                            val.append(next)
                            i += 2
                            continue
                        }
                        val.append(c)
                        i += 1
                        continue
                    }
                    if c == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    if c == 0x0D || c == 0x0A { i += 1; continue }
                    val.append(c)
                    i += 1
                }
                if !closed { problems.append("a quoted parameter value is not closed; it was read to the end of the header") }
                // Anything after the closing quote up to ';' is junk (sometimes a second quoted piece).
                while i < n, raw[i] != UInt8(ascii: ";") { i += 1 }
            } else {
                while i < n, raw[i] != UInt8(ascii: ";") {
                    val.append(raw[i])
                    i += 1
                }
                val = HeaderBlock.trimmed(val)
                // A trailing comment after a token value: "7bit (comment)".
                if let paren = val.firstIndex(of: UInt8(ascii: "(")), paren > 0, val.last == UInt8(ascii: ")") {
                    val = HeaderBlock.trimmed(Array(val[..<paren]))
                }
            }
            guard !attr.isEmpty else { continue }
            // RFC 2231: name*, name*0, name*0*, name*1 …
            var name = attr
            var extended = false
            var section: Int?
            if name.last == UInt8(ascii: "*") {
                extended = true
                name.removeLast()
            }
            if let star = name.lastIndex(of: UInt8(ascii: "*")) {
                let digits = name[(star + 1)...]
                if !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    section = Int(String(decoding: digits, as: UTF8.self))
                    name = Array(name[..<star])
                }
            }
            let key = String(decoding: name, as: UTF8.self)
            if pieces[key] == nil { order.append(key) }
            pieces[key, default: []].append(Piece(section: section, extended: extended, bytes: val))
        }

        var parameters: [String: String] = [:]
        var rawParameters: [String: String] = [:]
        for key in order {
            guard let list = pieces[key] else { continue }
            let rfc2231 = list.filter { $0.extended || $0.section != nil }
            if rfc2231.isEmpty {
                rawParameters[key] = String(decoding: list[0].bytes, as: UTF8.self)
                // Plain value; RFC 2047 words inside quoted values are common (Outlook, Thunderbird).
                let d = EncodedWords.decode(list[0].bytes, fallback: fallback)
                parameters[key] = d.text
                problems += d.problems.map { "parameter \(key): \($0)" }
                continue
            }
            // Sections in order; duplicates keep the first.
            var seen = Set<Int>()
            let sorted = rfc2231.sorted { ($0.section ?? 0) < ($1.section ?? 0) }.filter { seen.insert($0.section ?? 0).inserted }
            if let firstSection = sorted.first?.section, firstSection != 0 {
                problems.append("parameter \(key): RFC 2231 continuation does not start at section 0")
            }
            var bytes: [UInt8] = []
            var charset: MailCharset?
            for (index, piece) in sorted.enumerated() {
                var segment = piece.bytes[...]
                if piece.extended {
                    if index == 0 {
                        // charset'language'value
                        if let q1 = segment.firstIndex(of: UInt8(ascii: "'")),
                           let q2 = segment[(q1 + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                            let label = String(decoding: segment[segment.startIndex..<q1], as: UTF8.self)
                            if !label.isEmpty { charset = MailCharset(label: label) }
                            segment = segment[(q2 + 1)...]
                        }
                    }
                    percentDecode(segment, into: &bytes)
                } else {
                    bytes.append(contentsOf: segment)
                }
            }
            let decoded: String
            if let charset {
                let d = TextDecoding.decode(bytes, charset: charset)
                decoded = d.text
                if let p = d.problem { problems.append(p.sentence(for: "parameter \(key)")) }
            } else {
                let d = EncodedWords.decode(bytes, fallback: fallback)
                decoded = d.text
                problems += d.problems.map { "parameter \(key): \($0)" }
            }
            parameters[key] = decoded
            rawParameters[key] = decoded
        }
        return MIMEHeaderValue(value: value, parameters: parameters, rawParameters: rawParameters, problems: problems)
    }

    package static func percentDecode(_ s: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "%"), i + 2 < s.endIndex,
               let hi = TransferDecoding.hexValue(s[i + 1]), let lo = TransferDecoding.hexValue(s[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
    }
}
