import Foundation

/// Outlook's compressed RTF (PR_RTF_COMPRESSED), written from [MS-OXRTFCP]: a 16-byte header (compressed size,
/// raw size, type `LZFu` or `MELA`, CRC-32 of the compressed bytes), then an LZ77 stream over a 4 KB ring
/// dictionary preloaded with common RTF words. Control bytes say, bit by bit from the lowest, whether the next
/// item is a literal byte or a 2-byte big-endian reference (12-bit offset, 4-bit length − 2); a reference to
/// the current write position ends the stream.
package enum CompressedRTF {
    package static let compressedType: UInt32 = 0x7546_5A4C  // "LZFu"
    package static let uncompressedType: UInt32 = 0x414C_454D  // "MELA"

    package static let preload = Array(("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
        + "\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
        + "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").utf8)

    /// Largest RTF body Mailroom will inflate (a header may claim anything).
    package static let maxRawSize = 64 << 20

    package static func decompress(_ input: ArraySlice<UInt8>) throws(TNEFError) -> [UInt8] {
        let bytes = Array(input)
        guard bytes.count >= 16 else { throw TNEFError("compressed RTF shorter than its 16-byte header") }
        let h = bytes[...]
        let compSize = Int(TNEFReader.u32(h, at: 0))
        let rawSize = Int(TNEFReader.u32(h, at: 4))
        let type = TNEFReader.u32(h, at: 8)
        let crc = TNEFReader.u32(h, at: 12)
        guard rawSize <= maxRawSize else { throw TNEFError("compressed RTF claims \(rawSize) bytes uncompressed, over the limit") }
        // COMPSIZE counts the bytes after itself: the rest of the header (12) and the data.
        let end = min(bytes.count, 4 + compSize)
        guard end >= 16 else { throw TNEFError("compressed RTF size field \(compSize) is smaller than its header") }

        if type == uncompressedType {
            return Array(bytes[16..<min(end, 16 + rawSize)])
        }
        guard type == compressedType else {
            throw TNEFError(String(format: "compressed RTF has unknown type 0x%08X", type))
        }
        guard crc32(bytes[16..<end]) == crc else {
            throw TNEFError("compressed RTF fails its CRC check (corrupt body)")
        }

        var dictionary = [UInt8](repeating: 0, count: 4096)
        for (i, b) in preload.enumerated() { dictionary[i] = b }
        var writePosition = preload.count
        var output = [UInt8]()
        output.reserveCapacity(rawSize)
        var i = 16
        while i < end {
            let control = bytes[i]
            i += 1
            for bit in 0..<8 {
                guard i < end else { break }
                if control & (1 << bit) == 0 {
                    let b = bytes[i]
                    i += 1
                    output.append(b)
                    dictionary[writePosition] = b
                    writePosition = (writePosition + 1) & 0xFFF
                } else {
                    guard i + 1 < end else { throw TNEFError("compressed RTF ends inside a dictionary reference") }
                    let reference = Int(bytes[i]) << 8 | Int(bytes[i + 1])
                    i += 2
                    let offset = reference >> 4
                    let length = (reference & 0xF) + 2
                    if offset == writePosition { return output }  // the end marker
                    for k in 0..<length {
                        let b = dictionary[(offset + k) & 0xFFF]
                        output.append(b)
                        dictionary[writePosition] = b
                        writePosition = (writePosition + 1) & 0xFFF
                    }
                    guard output.count <= maxRawSize else { throw TNEFError("compressed RTF inflates past the limit") }
                }
            }
        }
        // No end marker: the data ran out. Keep what was decoded if it is what the header promised.
        if output.count >= rawSize { return Array(output.prefix(rawSize)) }
        throw TNEFError("compressed RTF ends early (\(output.count) of \(rawSize) bytes)")
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 as [MS-OXRTFCP] defines it: the usual table, but starting from 0 and without the final inversion.
    package static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0
        for b in bytes { crc = crcTable[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc
    }
}
