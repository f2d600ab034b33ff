import Foundation
import Vocabulary

/// Address headers (From, Sender, To, Cc, Bcc, Reply-To) as lists of mailboxes (RFC 5322 §3.4), read
/// leniently: groups are flattened to their members, comments serve as names when there is no other,
/// RFC 2047 words are decoded in names (also inside quoted strings), and broken forms still give the
/// address when one can be found.
package enum AddressList {
    package struct Parsed {
        package var addresses: [MailAddress] = []
        package var problems: [String] = []
    }

    private enum Token {
        case word([UInt8])        // atom or dot-atom text, may hold encoded words
        case quoted([UInt8])      // quoted-string content, unescaped
        case comment([UInt8])     // comment content
        case angle([UInt8])       // what was between < and >
        case special(UInt8)       // , ; : @
        case space
    }

    package static func parse(_ raw: [UInt8], fallback: MailCharset? = nil) -> Parsed {
        var result = Parsed()
        let tokens = tokenize(raw, problems: &result.problems)

        var current: [Token] = []
        var inGroup = false

        func finishMailbox() {
            defer { current.removeAll() }
            guard current.contains(where: { if case .space = $0 { return false }; return true }) else { return }
            result.addresses += mailboxes(from: current, fallback: fallback, problems: &result.problems)
        }

        for token in tokens {
            switch token {
            case .special(UInt8(ascii: ",")):
                finishMailbox()
            case .special(UInt8(ascii: ";")):
                finishMailbox()
                if inGroup { inGroup = false }
            case .special(UInt8(ascii: ":")):
                // A group name ends at ':' when no address has started yet.
                let startedAddress = current.contains {
                    switch $0 {
                    case .angle: return true
                    case .special(UInt8(ascii: "@")): return true
                    default: return false
                    }
                }
                if !startedAddress && !inGroup {
                    inGroup = true
                    current.removeAll()
                } else {
                    current.append(token)
                }
            default:
                current.append(token)
            }
        }
        finishMailbox()
        return result
    }

    private static func tokenize(_ raw: [UInt8], problems: inout [String]) -> [Token] {
        var tokens: [Token] = []
        let n = raw.count
        var i = 0
        var word: [UInt8] = []
        func flushWord() {
            if !word.isEmpty { tokens.append(.word(word)); word.removeAll() }
        }
        while i < n {
            let c = raw[i]
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A:
                flushWord()
                if case .space? = tokens.last {} else { tokens.append(.space) }
                i += 1
            case UInt8(ascii: "\""):
                flushWord()
                var content: [UInt8] = []
                i += 1
                var closed = false
                while i < n {
                    if raw[i] == UInt8(ascii: "\\"), i + 1 < n { content.append(raw[i + 1]); i += 2; continue }
                    if raw[i] == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    if raw[i] != 0x0D && raw[i] != 0x0A { content.append(raw[i]) }
                    i += 1
                }
                if !closed { problems.append("a quoted name is not closed") }
                tokens.append(.quoted(content))
            case UInt8(ascii: "("):
                flushWord()
                var content: [UInt8] = []
                var depth = 0
                var closed = false
                while i < n {
                    let d = raw[i]
                    if d == UInt8(ascii: "\\"), i + 1 < n { content.append(raw[i + 1]); i += 2; continue }
                    if d == UInt8(ascii: "(") {
                        depth += 1
                        if depth > 1 { content.append(d) }
                    } else if d == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { closed = true; i += 1; break }
                        content.append(d)
                    } else {
                        content.append(d)
                    }
                    i += 1
                }
                if !closed { problems.append("a comment in an address is not closed") }
                tokens.append(.comment(content))
            case UInt8(ascii: "<"):
                flushWord()
                var content: [UInt8] = []
                i += 1
                var closed = false
                while i < n {
                    let d = raw[i]
                    if d == UInt8(ascii: ">") { closed = true; i += 1; break }
                    if d == UInt8(ascii: "\"") {
                        // A quoted local part inside the angle brackets.
                        content.append(d)
                        i += 1
                        while i < n, raw[i] != UInt8(ascii: "\"") {
                            if raw[i] == UInt8(ascii: "\\"), i + 1 < n { content.append(raw[i]); i += 1 }
                            content.append(raw[i])
                            i += 1
                        }
                        if i < n { content.append(raw[i]); i += 1 }
                        continue
                    }
                    content.append(d)
                    i += 1
                }
                if !closed { problems.append("an address has '<' without '>'") }
                tokens.append(.angle(content))
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "@"):
                flushWord()
                tokens.append(.special(c))
                i += 1
            case UInt8(ascii: ">"):
                // A stray '>' is noise.
                flushWord()
                i += 1
            default:
                word.append(c)
                i += 1
            }
        }
        flushWord()
        return tokens
    }

    /// One mailbox, or several when commas are missing between bare addresses.
    private static func mailboxes(from tokens: [Token], fallback: MailCharset?, problems: inout [String]) -> [MailAddress] {
        var firstAngle: [UInt8]?
        var phrase: [UInt8] = []
        var comments: [[UInt8]] = []
        var afterAngle = false
        var pendingSpace = false

        for token in tokens {
            switch token {
            case .angle(let content):
                if firstAngle == nil { firstAngle = content }
                afterAngle = true
            case .comment(let content):
                comments.append(content)
            case .space:
                pendingSpace = true
            case .word(let w):
                if afterAngle { continue }
                if pendingSpace && !phrase.isEmpty { phrase.append(0x20) }
                phrase.append(contentsOf: w)
                pendingSpace = false
            case .quoted(let q):
                if afterAngle { continue }
                if pendingSpace && !phrase.isEmpty { phrase.append(0x20) }
                phrase.append(contentsOf: q)
                pendingSpace = false
            case .special(let s):
                if afterAngle { continue }
                // '@' and ':' stay glued to their neighbours in an addr-spec.
                phrase.append(s)
                pendingSpace = false
            }
        }

        if let angle = firstAngle {
            let address = cleanAddress(angle)
            var name = decodeName(phrase, fallback: fallback, problems: &problems)
            if name == nil, let c = comments.first { name = decodeName(c, fallback: fallback, problems: &problems) }
            return [MailAddress(name: name, address: address)]
        }

        // No angle brackets: an addr-spec, possibly with a comment for a name, or a broken
        // "Name address@domain" form.
        let words = splitWords(tokens)
        let addressWords = words.filter { $0.contains(UInt8(ascii: "@")) }
        if addressWords.count > 1 {
            problems.append("addresses are not separated by commas; each was taken as an address")
            return addressWords.map { MailAddress(name: nil, address: cleanAddress($0)) }
        }
        if words.count > 1, let at = words.lastIndex(where: { $0.contains(UInt8(ascii: "@")) }) {
            let address = cleanAddress(words[at])
            var nameBytes: [UInt8] = []
            for (k, w) in words.enumerated() where k != at {
                if !nameBytes.isEmpty { nameBytes.append(0x20) }
                nameBytes.append(contentsOf: w)
            }
            problems.append("an address without angle brackets also had a name (\"\(String(decoding: nameBytes, as: UTF8.self))\"); the name was kept apart")
            var name = decodeName(nameBytes, fallback: fallback, problems: &problems)
            if name == nil, let c = comments.first { name = decodeName(c, fallback: fallback, problems: &problems) }
            return [MailAddress(name: name, address: address)]
        }
        let address = cleanAddress(phrase)
        let name = comments.first.flatMap { decodeName($0, fallback: fallback, problems: &problems) }
        if address.isEmpty && name == nil { return [] }
        return [MailAddress(name: name, address: address)]
    }

    /// Words of an addr-spec form: runs of word/quoted/special tokens separated by spaces, where a
    /// space next to '@' or '.' does not separate (`john @ example.com`).
    private static func splitWords(_ tokens: [Token]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var spaceSeen = false
        for token in tokens {
            switch token {
            case .space:
                spaceSeen = true
            case .comment, .angle:
                continue
            case .word(let w), .quoted(let w):
                if spaceSeen, !current.isEmpty, current.last != UInt8(ascii: "@"), current.last != UInt8(ascii: "."),
                   w.first != UInt8(ascii: ".") {
                    words.append(current)
                    current = []
                }
                current.append(contentsOf: w)
                spaceSeen = false
            case .special(let s):
                current.append(s)
                spaceSeen = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The address as written, without whitespace, comments, a source route, or a "mailto:" prefix.
    private static func cleanAddress(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var depth = 0
        var inQuote = false
        for c in raw {
            if inQuote {
                out.append(c)
                if c == UInt8(ascii: "\"") { inQuote = false }
                continue
            }
            if c == UInt8(ascii: "(") { depth += 1; continue }
            if c == UInt8(ascii: ")") { if depth > 0 { depth -= 1 }; continue }
            if depth > 0 { continue }
            if c == UInt8(ascii: "\"") { inQuote = true; out.append(c); continue }
            if c <= 0x20 { continue }
            out.append(c)
        }
        // Obsolete source route: "@relay1,@relay2:user@domain".
        if out.first == UInt8(ascii: "@"), let colon = out.firstIndex(of: UInt8(ascii: ":")) {
            out.removeSubrange(...colon)
        }
        if out.count > 7, out[0..<7].map({ $0 | 0x20 }) == Array("mailto:".utf8) {
            out.removeSubrange(0..<7)
        }
        if TextDecoding.isASCII(out) {
            return String(decoding: out, as: UTF8.self)
        }
        return out.withUnsafeBytes { TextDecoding.decodeUndeclared($0).text }
    }

    private static func decodeName(_ bytes: [UInt8], fallback: MailCharset?, problems: inout [String]) -> String? {
        guard !bytes.isEmpty else { return nil }
        let d = EncodedWords.decode(bytes, fallback: fallback)
        problems += d.problems
        let name = collapseWhitespace(d.text.utf8.contains(0) ? String(decoding: d.text.utf8.filter { $0 != 0 }, as: UTF8.self) : d.text)
        return name.isEmpty ? nil : name
    }

    package static func collapseWhitespace(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\t" || ch == "\r" || ch == "\n" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
