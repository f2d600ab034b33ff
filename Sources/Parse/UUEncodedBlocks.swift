import Foundation

/// Files uuencoded into the plain text of a mail ("begin 644 name" … "end"), as old mail programs
/// (Outlook, Eudora, Usenet tools) attach them without MIME.
package enum UUEncodedBlocks {
    package struct Block {
        package var filename: String?
        package var data: Data
        /// The lines of the block, "begin" to "end" inclusive, within the text.
        package var range: Range<Int>
    }

    /// Blocks found in `text`, in order. A block counts only when it has its "end" line and its first
    /// data line has the length its count character announces.
    package static func find(in text: UnsafeRawBufferPointer) -> [Block] {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self), text.count > 10 else { return [] }
        let n = text.count
        // Quick rejection: no line starts with "begin ".
        let begin = Array("begin ".utf8)
        var candidates: [Int] = []
        var from = 0
        while let at = begin.withUnsafeBytes({ ByteSearch.firstIndex(of: $0, in: text, from: from) }) {
            if at == 0 || base[at - 1] == 0x0A { candidates.append(at) }
            from = at + 1
        }
        guard !candidates.isEmpty else { return [] }

        func line(at start: Int) -> (content: Range<Int>, next: Int) {
            var end = start
            while end < n, base[end] != 0x0A { end += 1 }
            let next = end < n ? end + 1 : n
            if end > start, base[end - 1] == 0x0D { end -= 1 }
            return (start..<end, next)
        }

        var blocks: [Block] = []
        var consumedUpTo = 0
        for start in candidates where start >= consumedUpTo {
            let header = line(at: start)
            // "begin" SP mode SP name
            var i = start + begin.count
            var digits = 0
            while i < header.content.upperBound, base[i] >= 0x30, base[i] <= 0x37 { i += 1; digits += 1 }
            guard digits >= 3, digits <= 4, i < header.content.upperBound, base[i] == 0x20 else { continue }
            let nameBytes = UnsafeRawBufferPointer(rebasing: text[(i + 1)..<header.content.upperBound])
            let name = String(decoding: nameBytes, as: UTF8.self).trimmingMailWhitespace

            // The first data line must be well formed.
            let first = line(at: header.next)
            guard first.content.count > 0 else { continue }
            let count = Int((base[first.content.lowerBound] &- 0x20) & 0x3F)
            let needed = 1 + (count + 2) / 3 * 4
            guard count == 0 || first.content.count >= needed - 1 else { continue }

            // Find the "end" line.
            var cursor = header.next
            var endLine: (content: Range<Int>, next: Int)?
            var lines = 0
            while cursor < n, lines < 2_000_000 {
                let l = line(at: cursor)
                let trimmed = UnsafeRawBufferPointer(rebasing: text[l.content])
                if trimmed.count >= 3, trimmed.count <= 4, trimmed.starts(with: Array("end".utf8)) {
                    endLine = l
                    break
                }
                cursor = l.next
                lines += 1
            }
            guard let end = endLine else { continue }
            let range = start..<end.next
            let decoded = TransferDecoding.uudecode(UnsafeRawBufferPointer(rebasing: text[range]))
            blocks.append(Block(filename: name.isEmpty ? nil : name, data: Data(decoded.bytes), range: range))
            consumedUpTo = end.next
        }
        return blocks
    }
}
