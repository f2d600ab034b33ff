import Foundation
import Vocabulary

/// Text files (plain text, CSV) in whatever charset they came in. The decoding itself is Parse's
/// (`TextDecoding` with `MailCharset`); this only decides which charset to ask for when the mail did not say.
package enum PlainDocumentText {
    package struct Decoded {
        package var text: String
        /// The charset the text was read as (for tests and warnings).
        package var charset: String
        package var warnings: [String]
    }

    /// Decodes a text file. `declared` is the `charset` parameter of the part, if any. Order: a byte-order
    /// mark, the declared charset, UTF-8 when the bytes are valid UTF-8, GB18030 when the non-ASCII bytes
    /// come in the pairs of a double-byte Chinese encoding (and decode cleanly), else Windows-1252.
    package static func decode(_ data: Data, declared: String?) -> Decoded {
        let bytes = [UInt8](data)
        var warnings: [String] = []
        // Byte-order marks win over any label.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decoded(Array(bytes.dropFirst(3)), label: "utf-8", what: "the file", warnings: &warnings)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return decoded(Array(bytes.dropFirst(2)), label: "utf-16le", what: "the file", warnings: &warnings)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return decoded(Array(bytes.dropFirst(2)), label: "utf-16be", what: "the file", warnings: &warnings)
        }
        if let declared, !declared.isEmpty, case let charset = MailCharset(label: declared), charset.decoding != .unknown {
            return decoded(bytes, label: declared, what: "the file", warnings: &warnings)
        }
        if TextDecoding.isASCII(bytes) || DocumentTextDecoder.isValidUTF8(bytes) {
            return decoded(bytes, label: "utf-8", what: "the file", warnings: &warnings)
        }
        if looksLikeUTF16(bytes) {
            return decoded(bytes, label: looksLikeUTF16LittleEndian(bytes) ? "utf-16le" : "utf-16be", what: "the file", warnings: &warnings)
        }
        if looksLikeDoubleByteChinese(bytes), case .some(.some(let text)) = bytes.withUnsafeBytes({
            IconvPool.shared.convert($0, from: "GB18030", strict: true)
        }) {
            return Decoded(text: text, charset: "GB18030", warnings: [])
        }
        return decoded(bytes, label: "windows-1252", what: "the file", warnings: &warnings)
    }

    private static func decoded(_ bytes: [UInt8], label: String, what: String, warnings: inout [String]) -> Decoded {
        let charset = MailCharset(label: label)
        let result = TextDecoding.decode(bytes, charset: charset)
        if let problem = result.problem { warnings.append(problem.sentence(for: what)) }
        return Decoded(text: result.text, charset: charset.displayName, warnings: warnings)
    }

    /// Double-byte Chinese text (GBK/GB18030) has its non-ASCII bytes in lead/trail pairs; Windows-1252 text
    /// has single accented letters between ASCII ones.
    package static func looksLikeDoubleByteChinese(_ bytes: [UInt8]) -> Bool {
        var pairs = 0
        var singles = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0x81, b <= 0xFE, i + 1 < bytes.count, bytes[i + 1] >= 0x40, bytes[i + 1] != 0x7F, bytes[i + 1] != 0xFF {
                pairs += 1
                i += 2
            } else {
                singles += 1
                i += 1
            }
        }
        return pairs >= 2 && singles == 0 && hasPairedHighBytes(bytes)
    }

    /// Most non-ASCII bytes sit next to another non-ASCII byte (true of CJK double-byte text, rarely of
    /// Western text, where "ü" or "é" stand between ASCII letters).
    private static func hasPairedHighBytes(_ bytes: [UInt8]) -> Bool {
        var high = 0
        var paired = 0
        for i in bytes.indices where bytes[i] >= 0x80 {
            high += 1
            if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { paired += 1 }
        }
        return high > 0 && Double(paired) / Double(high) > 0.8
    }

    /// UTF-16 without a byte-order mark: many NUL bytes in alternate positions.
    package static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return false }
        let sample = bytes.prefix(4096)
        let zeros = sample.filter { $0 == 0 }.count
        return zeros * 3 >= sample.count  // ASCII-heavy UTF-16 is ~50 % NUL
    }

    package static func looksLikeUTF16LittleEndian(_ bytes: [UInt8]) -> Bool {
        let sample = Array(bytes.prefix(4096))
        var evenZeros = 0
        var oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 { if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 } }
        return oddZeros >= evenZeros
    }

    /// Whether bytes of an undeclared file are text at all (no NUL, few control characters).
    package static func looksLikeText(_ data: Data) -> Bool {
        let sample = data.prefix(8192)
        if sample.isEmpty { return true }
        var controls = 0
        for b in sample {
            if b == 0 { return false }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { controls += 1 }
        }
        return controls * 100 < sample.count
    }
}

/// CSV and other delimited text: the delimiter is sniffed (comma, semicolon, tab or pipe: whichever splits
/// the first lines into the same number of fields), quoted fields are unquoted ("" inside quotes is one "),
/// and each record becomes one line with its fields separated by tabs.
package enum DelimitedText {
    package static let candidates: [Character] = [";", ",", "\t", "|"]

    package static func sniffDelimiter(_ text: String) -> Character {
        let sample = String(text.prefix(64 * 1024))
        var best: Character = ","
        var bestScore = -1.0
        for delimiter in candidates {
            let records = parse(sample, delimiter: delimiter, maxRecords: 30)
            // Drop a last record cut off by the sample.
            let rows = records.count > 1 && sample.count < text.count ? Array(records.dropLast()) : records
            let counts = rows.filter { !($0.count == 1 && $0[0].isEmpty) }.map(\.count)
            guard let first = counts.first else { continue }
            var tally: [Int: Int] = [:]
            for count in counts { tally[count, default: 0] += 1 }
            var mode = first
            var modeVotes = 0
            for (count, votes) in tally where votes > modeVotes || (votes == modeVotes && count > mode) {
                mode = count
                modeVotes = votes
            }
            guard mode > 1 else { continue }
            let consistency = Double(counts.filter { $0 == mode }.count) / Double(counts.count)
            // Consistency matters most; more fields break ties (a comma inside "1,5" makes fewer lines agree).
            let score = consistency * 1000 + Double(min(mode, 100))
            if score > bestScore {
                bestScore = score
                best = delimiter
            }
        }
        return best
    }

    /// RFC 4180 records (lenient: a stray quote inside an unquoted field is kept as text).
    package static func parse(_ text: String, delimiter: Character, maxRecords: Int = .max) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var iterator = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let ch = next() {
            if inQuotes {
                if ch == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case delimiter:
                record.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                record.append(field)
                records.append(record)
                if records.count >= maxRecords { return records }
                record = []
                field = ""
                fieldStarted = false
            default:
                field.append(ch)
                fieldStarted = true
            }
        }
        if fieldStarted || !record.isEmpty || !field.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    /// The records as tab-separated lines (fields' own tabs and line breaks become spaces), and the delimiter.
    package static func text(of content: String, maxCharacters: Int) -> (text: String, delimiter: Character, truncated: Bool) {
        let delimiter = sniffDelimiter(content)
        var lines: [String] = []
        var characters = 0
        var truncated = false
        for record in parse(content, delimiter: delimiter) {
            let cleaned = record.map {
                $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r\n", with: " ")
                    .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                    .trimmingCharacters(in: .whitespaces)
            }
            guard cleaned.contains(where: { !$0.isEmpty }) else { continue }
            var line = cleaned.joined(separator: "\t")
            while line.hasSuffix("\t") { line.removeLast() }
            characters += line.count + 1
            if characters > maxCharacters { truncated = true; break }
            lines.append(line)
        }
        return (lines.joined(separator: "\n"), delimiter, truncated)
    }
}
