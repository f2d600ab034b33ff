import Foundation

/// One header field as written: the name, and the value unfolded (line breaks of folding removed,
/// the whitespace after them kept, RFC 5322 §2.2.3) with surrounding whitespace trimmed.
package struct RawHeaderField: Sendable {
    package var name: String
    /// `name` in ASCII lower case, for lookups.
    package var key: String
    package var value: [UInt8]

    package var valueString: String { String(decoding: value, as: UTF8.self) }
}

/// The header block of a message or a MIME part.
package struct HeaderBlock: Sendable {
    package var fields: [RawHeaderField] = []
    /// Offset of the first body byte within the bytes that were split.
    package var bodyStart: Int = 0
    /// Oddities in operator words.
    package var problems: [String] = []
    /// Whether the block ended with the blank line that RFC 5322 asks for.
    package var endedWithBlankLine = false

    /// Index of fields by lower-cased name, first occurrence wins.
    package func first(_ lowercasedName: String) -> RawHeaderField? {
        fields.first { $0.key == lowercasedName }
    }

    package func all(_ lowercasedName: String) -> [RawHeaderField] {
        fields.filter { $0.key == lowercasedName }
    }

    /// Splits `bytes` into header fields and finds where the body starts.
    /// `allowMboxFromLine`: skip a leading "From " separator line (mbox), as mail tools do.
    package static func split(_ bytes: UnsafeRawBufferPointer, allowMboxFromLine: Bool = true) -> HeaderBlock {
        var block = HeaderBlock()
        let n = bytes.count
        guard let base = bytes.baseAddress, n > 0 else { return block }
        let p = base.assumingMemoryBound(to: UInt8.self)

        func lineEnd(from start: Int) -> (contentEnd: Int, next: Int) {
            // memchr for the LF; a CR before it is not content.
            let remaining = n - start
            if let hit = memchr(p + start, 0x0A, remaining) {
                let lf = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p
                var end = lf
                if end > start, p[end - 1] == 0x0D { end -= 1 }
                return (end, lf + 1)
            }
            var end = n
            if end > start, p[end - 1] == 0x0D { end -= 1 }
            return (end, n)
        }

        var i = 0
        if allowMboxFromLine, n >= 5, p[0] == UInt8(ascii: "F"), p[1] == UInt8(ascii: "r"), p[2] == UInt8(ascii: "o"),
           p[3] == UInt8(ascii: "m"), p[4] == 0x20 {
            i = lineEnd(from: 0).next
        }

        var currentName: String?
        var currentKey = ""
        var currentValue: [UInt8] = []
        func finishField() {
            if let name = currentName {
                block.fields.append(RawHeaderField(name: name, key: currentKey, value: trimmed(currentValue)))
            }
            currentName = nil
            currentValue.removeAll(keepingCapacity: true)
        }

        while i < n {
            let (contentEnd, next) = lineEnd(from: i)
            if contentEnd == i {
                // Blank line: the header block ends here.
                finishField()
                block.bodyStart = next
                block.endedWithBlankLine = true
                return block
            }
            let first = p[i]
            if first == 0x20 || first == 0x09 {
                if currentName != nil {
                    // Unfolding removes the line break (RFC 5322 §2.2.3). A single space or tab after it
                    // stays as written; a longer run of indentation is read as one space, as mail
                    // programs display it ("Die Hasen und\r\n   die Frösche").
                    var k = i
                    while k < contentEnd, p[k] == 0x20 || p[k] == 0x09 { k += 1 }
                    if k - i > 1 {
                        currentValue.append(0x20)
                        currentValue.append(contentsOf: UnsafeBufferPointer(start: p + k, count: contentEnd - k))
                    } else {
                        currentValue.append(contentsOf: UnsafeBufferPointer(start: p + i, count: contentEnd - i))
                    }
                } else if block.fields.isEmpty && i == 0 {
                    block.problems.append("the header block starts with a continuation line; it was ignored")
                } else {
                    block.problems.append("a continuation line follows a line that is not a header; it was ignored")
                }
                i = next
                continue
            }
            // A header line: name (printable ASCII but colon), optional whitespace, colon.
            var j = i
            while j < contentEnd, p[j] > 0x20, p[j] < 0x7F, p[j] != UInt8(ascii: ":") { j += 1 }
            let nameEnd = j
            while j < contentEnd, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
            if nameEnd > i, j < contentEnd, p[j] == UInt8(ascii: ":") {
                finishField()
                let nameBytes = UnsafeBufferPointer(start: p + i, count: nameEnd - i)
                currentName = String(decoding: nameBytes, as: UTF8.self)
                currentKey = String(decoding: nameBytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                currentValue.append(contentsOf: UnsafeBufferPointer(start: p + j + 1, count: contentEnd - j - 1))
                i = next
                continue
            }
            if allowMboxFromLine, block.fields.isEmpty, contentEnd - i >= 5,
               memcmp(p + i, ">From", 5) == 0 || memcmp(p + i, "From ", 5) == 0 {
                i = next  // a second mbox separator line; skip it
                continue
            }
            // Not a header: the body starts here without the blank line.
            finishField()
            block.bodyStart = i
            if !block.fields.isEmpty {
                block.problems.append("a line in the header block is not a header field; the header block was taken to end there")
            }
            return block
        }
        finishField()
        block.bodyStart = n
        return block
    }

    /// Trims spaces, tabs, CR and LF at both ends.
    package static func trimmed(_ v: [UInt8]) -> [UInt8] {
        var lo = 0
        var hi = v.count
        while lo < hi, isSpace(v[lo]) { lo += 1 }
        while hi > lo, isSpace(v[hi - 1]) { hi -= 1 }
        if lo == 0 && hi == v.count { return v }
        return Array(v[lo..<hi])
    }

    @inline(__always) package static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A
    }
}

/// Finding byte strings in byte buffers (memchr for the first byte, memcmp for the rest).
package enum ByteSearch {
    package static func firstIndex(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard let h = haystack.baseAddress, let nd = needle.baseAddress, needle.count > 0 else { return nil }
        let first = Int32(needle[0])
        var i = start
        while i + needle.count <= haystack.count {
            guard let hit = memchr(h + i, first, haystack.count - needle.count - i + 1) else { return nil }
            let at = UnsafeRawPointer(hit) - h
            if memcmp(h + at, nd, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces, tabs, CR and LF (a byte scan; no Foundation).
    package var trimmingMailWhitespace: String {
        let u = utf8
        guard let first = u.firstIndex(where: { !HeaderBlock.isSpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !HeaderBlock.isSpace($0) })!
        if first == u.startIndex && last == u.index(before: u.endIndex) { return self }
        return String(self[first...last])
    }

    /// ASCII letters lower-cased, everything else as it is.
    package var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
