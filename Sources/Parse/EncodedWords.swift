import Foundation

/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) and raw 8-bit header text (RFC 6532) turned into
/// Swift strings.
package enum EncodedWords {
    package struct Decoded {
        package var text: String
        /// Oddities in operator words, without saying which header they came from.
        package var problems: [String] = []
    }

    /// Decodes unstructured header text (Subject, a display name, a file name, …).
    /// `fallback` is the charset to try for raw 8-bit bytes that are not UTF-8 (the part's charset).
    package static func decode(_ bytes: ArraySlice<UInt8>, fallback: MailCharset? = nil) -> Decoded {
        bytes.withUnsafeBytes { decode($0, fallback: fallback) }
    }

    package static func decode(_ bytes: [UInt8], fallback: MailCharset? = nil) -> Decoded {
        bytes.withUnsafeBytes { decode($0, fallback: fallback) }
    }

    package static func decode(_ input: UnsafeRawBufferPointer, fallback: MailCharset? = nil) -> Decoded {
        if !containsEncodedWordStart(input) {
            var problems: [String] = []
            let text = rawText(input, fallback: fallback, problems: &problems)
            return Decoded(text: text, problems: problems)
        }
        var out = ""
        var problems: [String] = []
        // Consecutive encoded words in one charset are joined as bytes before decoding, so a character
        // split across two words (common with UTF-8 and base64) comes out whole.
        var pendingBytes: [UInt8] = []
        var pendingCharset: MailCharset?
        var lastWasWord = false

        func flushPending() {
            guard let cs = pendingCharset else { return }
            let d = TextDecoding.decode(pendingBytes, charset: cs)
            out += d.text
            if let p = d.problem { problems.append(p.sentence(for: "an encoded word")) }
            pendingBytes.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }

        let n = input.count
        var i = 0
        var literalStart = 0
        var nextClose = -1
        while i < n {
            if input[i] == UInt8(ascii: "="), i + 1 < n, input[i + 1] == UInt8(ascii: "?"),
               let word = parseWord(input, at: i, nextClose: &nextClose) {
                // Text before the word.
                if literalStart < i {
                    let between = UnsafeRawBufferPointer(rebasing: input[literalStart..<i])
                    if lastWasWord && isAllWhitespace(between) {
                        // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
                    } else {
                        flushPending()
                        out += rawText(between, fallback: fallback, problems: &problems)
                    }
                }
                if let decodedBytes = word.decodedBytes {
                    let cs = MailCharset(label: word.charset)
                    if pendingCharset != nil && pendingCharset != cs { flushPending() }
                    pendingCharset = cs
                    pendingBytes.append(contentsOf: decodedBytes)
                    if let p = word.problem { problems.append(p) }
                } else {
                    flushPending()
                    out += String(decoding: UnsafeRawBufferPointer(rebasing: input[i..<word.end]), as: UTF8.self)
                    problems.append(word.problem ?? "a malformed encoded word was left as written")
                }
                lastWasWord = true
                i = word.end
                literalStart = i
                continue
            }
            i += 1
        }
        if literalStart < n {
            flushPending()
            out += rawText(UnsafeRawBufferPointer(rebasing: input[literalStart..<n]), fallback: fallback, problems: &problems)
        } else {
            flushPending()
        }
        return Decoded(text: out, problems: problems)
    }

    package static func containsEncodedWordStart(_ input: UnsafeRawBufferPointer) -> Bool {
        guard input.count >= 2 else { return false }
        var i = 0
        let last = input.count - 1
        while i < last {
            if input[i] == UInt8(ascii: "="), input[i + 1] == UInt8(ascii: "?") { return true }
            i += 1
        }
        return false
    }

    private static func isAllWhitespace(_ b: UnsafeRawBufferPointer) -> Bool {
        b.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    /// Plain header text: ASCII, UTF-8 (RFC 6532), or legacy 8-bit in the fallback charset.
    package static func rawText(_ b: UnsafeRawBufferPointer, fallback: MailCharset?, problems: inout [String]) -> String {
        if TextDecoding.isASCII(b) {
            // 7-bit charsets that are not ASCII, written raw into a header by old mail programs:
            // ISO-2022-JP (escape sequences) and, when the message declares it, UTF-7.
            if b.count > 0, memchr(b.baseAddress!, 0x1B, b.count) != nil,
               case .some(.some(let s)) = IconvPool.shared.convert(b, from: "ISO-2022-JP-2", strict: true) {
                problems.append("raw ISO-2022-JP text (without encoded words) was decoded")
                return s
            }
            if b.count > 0, let fallback, case .iconv(let names) = fallback.decoding, names.first == "UTF-7",
               memchr(b.baseAddress!, Int32(UInt8(ascii: "+")), b.count) != nil,
               case .some(.some(let s)) = IconvPool.shared.convert(b, from: "UTF-7", strict: true) {
                problems.append("raw UTF-7 text (without encoded words) was read in the message's charset")
                return s
            }
            return String(decoding: b, as: UTF8.self)
        }
        if let s = TextDecoding.validUTF8(b) { return s }
        if let fallback, fallback.decoding != .utf8, fallback.decoding != .ascii, fallback.decoding != .unknown {
            let d = TextDecoding.decode(b, charset: fallback)
            if d.problem == nil {
                problems.append("raw 8-bit text that is not UTF-8 was read as \(fallback.displayName), the part's charset")
                return d.text
            }
        }
        problems.append("raw 8-bit text that is not UTF-8 was read as Windows-1252")
        return TextDecoding.windows1252String(b)
    }

    package struct Word {
        package var charset: String
        package var decodedBytes: [UInt8]?
        package var problem: String?
        package var end: Int
    }

    /// Parses `=?charset?enc?text?=` starting at `start` (which points at "=?"). Returns nil when the
    /// bytes there do not form an encoded word at all (then they are ordinary text).
    package static func parseWord(_ input: UnsafeRawBufferPointer, at start: Int, nextClose: inout Int) -> Word? {
        let n = input.count
        var i = start + 2
        let charsetStart = i
        while i < n, input[i] != UInt8(ascii: "?") {
            let c = input[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == UInt8(ascii: "=") { return nil }
            i += 1
            if i - charsetStart > 64 { return nil }
        }
        guard i < n, i > charsetStart else { return nil }
        let charset = String(decoding: UnsafeRawBufferPointer(rebasing: input[charsetStart..<i]), as: UTF8.self)
        i += 1
        guard i + 1 < n, input[i + 1] == UInt8(ascii: "?") else { return nil }
        let encoding = input[i] | 0x20
        i += 2
        let textStart = i
        // The text runs to the next "?=". Spaces are not allowed by RFC 2047 but some mailers write them.
        // The position of that "?=" is remembered across calls, so text full of "=?" stays linear.
        if nextClose < textStart {
            nextClose = n
            var k = textStart
            while k + 1 < n {
                if input[k] == UInt8(ascii: "?"), input[k + 1] == UInt8(ascii: "=") { nextClose = k; break }
                k += 1
            }
        }
        guard nextClose + 1 < n else { return nil }  // never closed: not an encoded word
        i = nextClose
        let text = UnsafeRawBufferPointer(rebasing: input[textStart..<i])
        let end = i + 2
        switch encoding {
        case UInt8(ascii: "b"):
            let r = TransferDecoding.base64(text)
            return Word(charset: charset, decodedBytes: r.bytes,
                        problem: r.problem.map { "an encoded word was damaged (\($0)); it was decoded as far as possible" },
                        end: end)
        case UInt8(ascii: "q"):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count)
            var k = 0
            var bad = false
            while k < text.count {
                let c = text[k]
                if c == UInt8(ascii: "_") {
                    bytes.append(0x20)
                } else if c == UInt8(ascii: "="), k + 2 < text.count,
                          let hi = TransferDecoding.hexValue(text[k + 1]), let lo = TransferDecoding.hexValue(text[k + 2]) {
                    bytes.append(hi << 4 | lo)
                    k += 3
                    continue
                } else {
                    if c == UInt8(ascii: "=") { bad = true }
                    bytes.append(c)
                }
                k += 1
            }
            return Word(charset: charset, decodedBytes: bytes,
                        problem: bad ? "an encoded word has a stray \"=\"; it was kept as written" : nil, end: end)
        default:
            return Word(charset: charset, decodedBytes: nil,
                        problem: "an encoded word uses the unknown encoding \"\(Character(Unicode.Scalar(input[textStart - 2])))\"; it was left as written",
                        end: end)
        }
    }
}
