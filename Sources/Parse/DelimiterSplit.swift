import Foundation

/// Splitting a multipart body at its delimiter lines (RFC 2046 §5.1.1), for the cases where
/// libetpan 1.9.4 gives up on a multipart that is fine: it rejects the whole multipart when one of its
/// parts is empty ("--b" directly followed by "--b"). libetpan remains the splitter for everything
/// else; this runs only when libetpan found no part although delimiter lines are there.
package enum DelimiterSplit {
    package struct Part {
        /// Where the part starts (its header block) and ends, excluding the line break that belongs to
        /// the next delimiter.
        package var start: Int
        package var end: Int
    }

    /// Whether the line at `start` is a delimiter (or close delimiter) line of `boundary`.
    package static func startsWithDelimiter(_ buffer: UnsafeRawBufferPointer, at start: Int, end: Int, boundary: String) -> Bool {
        let delimiter = Array("--\(boundary)".utf8)
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), start >= 0, end <= buffer.count,
              end - start >= delimiter.count, memcmp(base + start, delimiter, delimiter.count) == 0 else { return false }
        var i = start + delimiter.count
        if i + 1 < end, base[i] == UInt8(ascii: "-"), base[i + 1] == UInt8(ascii: "-") { i += 2 }
        while i < end, base[i] != 0x0A {
            guard HeaderBlock.isSpace(base[i]) else { return false }
            i += 1
        }
        return true
    }

    /// The parts of `body` (offsets into `buffer`), or nil when no delimiter line occurs.
    package static func parts(of buffer: UnsafeRawBufferPointer, body: Range<Int>, boundary: String) -> [Part]? {
        let delimiter = Array("--\(boundary)".utf8)
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), !body.isEmpty else { return nil }

        enum LineKind { case delimiter, close, other }
        func kind(_ lineStart: Int, _ lineEnd: Int) -> LineKind {
            guard lineEnd - lineStart >= delimiter.count,
                  memcmp(base + lineStart, delimiter, delimiter.count) == 0 else { return .other }
            var i = lineStart + delimiter.count
            var close = false
            if i + 1 < lineEnd, base[i] == UInt8(ascii: "-"), base[i + 1] == UInt8(ascii: "-") {
                close = true
                i += 2
            }
            while i < lineEnd {
                // Only transport padding may follow; "--abc-2" is not a delimiter of "abc".
                guard HeaderBlock.isSpace(base[i]) else { return .other }
                i += 1
            }
            return close ? .close : .delimiter
        }

        var parts: [Part] = []
        var openPart: Int?
        var lineStart = body.lowerBound
        var previousLineBreak = body.lowerBound  // where the line break before this line starts
        var sawDelimiter = false
        while lineStart < body.upperBound {
            let remaining = body.upperBound - lineStart
            var lineEnd = body.upperBound
            var next = body.upperBound
            if let hit = memchr(base + lineStart, 0x0A, remaining) {
                let lf = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                lineEnd = lf
                next = lf + 1
            }
            let k = kind(lineStart, lineEnd)
            if k != .other {
                sawDelimiter = true
                if let start = openPart {
                    parts.append(Part(start: start, end: max(start, previousLineBreak)))
                }
                if k == .close {
                    openPart = nil
                    break
                }
                openPart = next
            }
            // The line break of this line (CRLF or LF) belongs to a delimiter that may follow.
            var breakStart = lineEnd
            if breakStart > lineStart, base[breakStart - 1] == 0x0D { breakStart -= 1 }
            previousLineBreak = lineEnd < body.upperBound ? breakStart : body.upperBound
            lineStart = next
        }
        if let start = openPart, start <= body.upperBound {
            parts.append(Part(start: start, end: body.upperBound))  // no closing delimiter: runs to the end
        }
        return sawDelimiter && !parts.isEmpty ? parts : nil
    }
}
