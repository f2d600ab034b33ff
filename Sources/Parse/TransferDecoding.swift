import Foundation

/// Content-Transfer-Encoding of a MIME part (RFC 2045 §6), as far as decoding is concerned.
package enum TransferEncoding: Equatable, Sendable {
    case identity          // 7bit, 8bit, binary, or none
    case quotedPrintable
    case base64
    case uuencode
    case unknown(String)

    package init(headerValue: String?) {
        guard let raw = headerValue else { self = .identity; return }
        var token = raw.trimmingMailWhitespace.asciiLowercased
        if token.hasPrefix("\""), token.hasSuffix("\""), token.utf8.count >= 2 { token = String(token.dropFirst().dropLast()) }
        if let semi = token.utf8.firstIndex(where: { $0 == UInt8(ascii: ";") || $0 == 0x20 || $0 == UInt8(ascii: "(") }) {
            token = String(token[..<semi])
        }
        switch token {
        case "", "7bit", "8bit", "binary", "7-bit", "8-bit", "none", "text", "plain", "ascii", "7bits", "8bits", "identity":
            self = .identity
        case "quoted-printable", "quoted_printable", "qp", "quotedprintable", "quoted-printed", "x-quoted-printable":
            self = .quotedPrintable
        case "base64", "base-64", "x-base64", "base_64", "b64":
            self = .base64
        case "x-uuencode", "uuencode", "x-uue", "uue", "x-uu", "uu":
            self = .uuencode
        default:
            self = .unknown(token)
        }
    }
}

/// Decoders for transfer encodings. All are lenient: they decode what can be decoded and count what
/// could not, so the caller can say so in a warning.
package enum TransferDecoding {
    package struct Result {
        package var bytes: [UInt8]
        /// Human words about what was broken, nil when the input was clean.
        package var problem: String?
    }

    package struct DataResult {
        package var data: Data
        package var problem: String?
    }

    /// Like `decode`, but the bytes land in a `Data` without an extra copy (attachments can be large).
    package static func decodeToData(_ input: UnsafeRawBufferPointer, encoding: TransferEncoding) -> DataResult {
        switch encoding {
        case .identity:
            return DataResult(data: Data(input))
        case .base64:
            let capacity = input.count / 4 * 3 + 3
            guard let memory = malloc(capacity) else { return DataResult(data: Data(), problem: "out of memory") }
            let dst = memory.assumingMemoryBound(to: UInt8.self)
            var state = Base64State()
            let written: Int
            if let src = input.baseAddress?.assumingMemoryBound(to: UInt8.self) {
                written = base64Table.withUnsafeBufferPointer { table in
                    base64PairTable.withUnsafeBufferPointer { pairs in
                        decodeBase64(src, count: input.count, into: dst, table: table.baseAddress!, pairs: pairs.baseAddress!,
                                     state: &state)
                    }
                }
            } else {
                written = 0
            }
            let data = written > 0 ? Data(bytesNoCopy: memory, count: written, deallocator: .free) : Data()
            if written == 0 { free(memory) }
            return DataResult(data: data, problem: base64Problem(state))
        default:
            let r = decode(input, encoding: encoding)
            return DataResult(data: Data(r.bytes), problem: r.problem)
        }
    }

    package static func decode(_ input: UnsafeRawBufferPointer, encoding: TransferEncoding) -> Result {
        switch encoding {
        case .identity: return Result(bytes: Array(input))
        case .base64: return base64(input)
        case .quotedPrintable: return quotedPrintable(input)
        case .uuencode: return uudecode(input)
        case .unknown(let token):
            return Result(bytes: Array(input),
                          problem: "unknown transfer encoding \"\(token)\"; the bytes were taken as they are")
        }
    }

    // MARK: base64

    /// 0–63: digit value; 64: ignorable (whitespace); 65: padding; 66: not base64.
    private static let base64Table: [UInt8] = {
        var t = [UInt8](repeating: 66, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        for c in [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C] { t[c] = 64 }
        t[Int(UInt8(ascii: "="))] = 65
        // URL-safe variants turn up in mails written by web applications.
        t[Int(UInt8(ascii: "-"))] = 62
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    package static func base64(_ input: UnsafeRawBufferPointer) -> Result {
        let n = input.count
        var state = Base64State()
        let out = [UInt8](unsafeUninitializedCapacity: n / 4 * 3 + 3) { buffer, written in
            guard let src = input.baseAddress?.assumingMemoryBound(to: UInt8.self), let dst = buffer.baseAddress else {
                written = 0
                return
            }
            written = base64Table.withUnsafeBufferPointer { table in
                base64PairTable.withUnsafeBufferPointer { pairs in
                    decodeBase64(src, count: n, into: dst, table: table.baseAddress!, pairs: pairs.baseAddress!, state: &state)
                }
            }
        }
        return Result(bytes: out, problem: base64Problem(state))
    }

    private static func base64Problem(_ state: Base64State) -> String? {
        var problems: [String] = []
        if state.have == 1 {
            problems.append("the base64 data ends in the middle of a byte")
        } else if state.have > 1 {
            problems.append("the base64 data is not padded to a full quantum")
        }
        if state.junk == 1 { problems.append("1 character that is not base64 was skipped") }
        if state.junk > 1 { problems.append("\(state.junk) characters that are not base64 were skipped") }
        if state.dataAfterPadding { problems.append("data continues after base64 padding") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private struct Base64State {
        var have = 0
        var junk = 0
        var dataAfterPadding = false
    }

    /// The decoding loop, with everything in locals so it stays in registers. Returns bytes written.
    /// Two base64 characters at once: index (first << 8 | second) gives their 12 bits, or 0xFFFF when
    /// either is not in the alphabet.
    private static let base64PairTable: [UInt16] = {
        var t = [UInt16](repeating: 0xFFFF, count: 65536)
        for a in 0..<256 where base64Table[a] < 64 {
            for b in 0..<256 where base64Table[b] < 64 {
                t[a << 8 | b] = UInt16(base64Table[a]) << 6 | UInt16(base64Table[b])
            }
        }
        return t
    }()

    private static func decodeBase64(_ src: UnsafePointer<UInt8>, count n: Int, into dst: UnsafeMutablePointer<UInt8>,
                                     table: UnsafePointer<UInt8>, pairs: UnsafePointer<UInt16>,
                                     state: inout Base64State) -> Int {
        var w = 0
        var i = 0
        var have = 0
        var quantum: UInt32 = 0
        var junk = 0
        var sawPadding = false
        var dataAfterPadding = false
        while i < n {
            // Fast path: four alphabet characters in a row make three bytes.
            if have == 0 && i + 4 <= n {
                let hi = pairs[Int(src[i]) << 8 | Int(src[i + 1])]
                let lo = pairs[Int(src[i + 2]) << 8 | Int(src[i + 3])]
                if (hi | lo) & 0xF000 == 0 {
                    let q = UInt32(hi) << 12 | UInt32(lo)
                    dst[w] = UInt8(truncatingIfNeeded: q >> 16)
                    dst[w + 1] = UInt8(truncatingIfNeeded: q >> 8)
                    dst[w + 2] = UInt8(truncatingIfNeeded: q)
                    w += 3
                    i += 4
                    if sawPadding { dataAfterPadding = true; sawPadding = false }
                    // A whole line of quanta (76 characters) without further checks on its length.
                    while i + 4 <= n {
                        let h = pairs[Int(src[i]) << 8 | Int(src[i + 1])]
                        let l = pairs[Int(src[i + 2]) << 8 | Int(src[i + 3])]
                        guard (h | l) & 0xF000 == 0 else { break }
                        let q2 = UInt32(h) << 12 | UInt32(l)
                        dst[w] = UInt8(truncatingIfNeeded: q2 >> 16)
                        dst[w + 1] = UInt8(truncatingIfNeeded: q2 >> 8)
                        dst[w + 2] = UInt8(truncatingIfNeeded: q2)
                        w += 3
                        i += 4
                    }
                    continue
                }
            }
            let v = table[Int(src[i])]
            i += 1
            if v < 64 {
                if sawPadding { dataAfterPadding = true; sawPadding = false }
                quantum = quantum << 6 | UInt32(v)
                have += 1
                if have == 4 {
                    dst[w] = UInt8(truncatingIfNeeded: quantum >> 16)
                    dst[w + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                    dst[w + 2] = UInt8(truncatingIfNeeded: quantum)
                    w += 3
                    quantum = 0
                    have = 0
                }
            } else if v == 64 {
                continue
            } else if v == 65 {
                // Padding ends a quantum early; keep what it holds.
                w += flushPartial(dst + w, quantum: quantum, have: have)
                quantum = 0
                have = 0
                sawPadding = true
            } else {
                junk += 1
            }
        }
        if have > 1 { w += flushPartial(dst + w, quantum: quantum, have: have) }
        state.have = have
        state.junk = junk
        state.dataAfterPadding = dataAfterPadding
        return w
    }

    /// Writes the bytes of an incomplete quantum; returns how many.
    private static func flushPartial(_ out: UnsafeMutablePointer<UInt8>, quantum: UInt32, have: Int) -> Int {
        switch have {
        case 2:
            out[0] = UInt8(truncatingIfNeeded: quantum >> 4)
            return 1
        case 3:
            out[0] = UInt8(truncatingIfNeeded: quantum >> 10)
            out[1] = UInt8(truncatingIfNeeded: quantum >> 2)
            return 2
        default:
            return 0
        }
    }

    // MARK: quoted-printable

    @inline(__always) package static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    package static func quotedPrintable(_ input: UnsafeRawBufferPointer) -> Result {
        let n = input.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var bad = 0
        var i = 0
        // Start of trailing whitespace on the current output line (removed before a line break, RFC 2045 §6.7).
        var lineWhitespaceStart = -1
        while i < n {
            let b = input[i]
            switch b {
            case UInt8(ascii: "="):
                if i + 2 < n, let hi = hexValue(input[i + 1]), let lo = hexValue(input[i + 2]) {
                    out.append(hi << 4 | lo)
                    lineWhitespaceStart = -1
                    i += 3
                    continue
                }
                // Soft line break: "=" then optional whitespace then CRLF / LF / end.
                var j = i + 1
                while j < n, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                if j >= n { i = n; continue }
                if input[j] == 0x0A { i = j + 1; continue }
                if input[j] == 0x0D {
                    i = j + 1
                    if i < n, input[i] == 0x0A { i += 1 }
                    continue
                }
                // A lone "=" that encodes nothing: keep it as written.
                bad += 1
                out.append(b)
                lineWhitespaceStart = -1
                i += 1
            case 0x20, 0x09:
                if lineWhitespaceStart < 0 { lineWhitespaceStart = out.count }
                out.append(b)
                i += 1
            case 0x0D, 0x0A:
                if lineWhitespaceStart >= 0 {
                    out.removeSubrange(lineWhitespaceStart...)
                    lineWhitespaceStart = -1
                }
                out.append(b)
                i += 1
            default:
                out.append(b)
                lineWhitespaceStart = -1
                i += 1
            }
        }
        return Result(bytes: out, problem: bad > 0
                      ? (bad == 1 ? "1 \"=\" sign in the quoted-printable data did not start an escape and was kept as written"
                         : "\(bad) \"=\" signs in the quoted-printable data did not start an escape and were kept as written")
                      : nil)
    }

    // MARK: uuencode

    package static func uudecode(_ input: UnsafeRawBufferPointer) -> Result {
        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 4)
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0..<input.count where input[i] == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < input.count { lines.append(start..<input.count) }
        var inBody = false
        var sawBegin = false
        for r in lines {
            var end = r.upperBound
            if end > r.lowerBound, input[end - 1] == 0x0D { end -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: input[r.lowerBound..<end])
            if !inBody {
                if line.starts(with: Array("begin ".utf8)) { inBody = true; sawBegin = true }
                continue
            }
            if line.starts(with: Array("end".utf8)) { break }
            guard let first = line.first else { continue }
            let count = Int((first &- 0x20) & 0x3F)
            if count == 0 { continue }
            var produced = 0
            var k = 1
            while produced < count, k + 3 < line.count + 1 {
                func v(_ idx: Int) -> UInt32 { idx < line.count ? UInt32((line[idx] &- 0x20) & 0x3F) : 0 }
                let q = v(k) << 18 | v(k + 1) << 12 | v(k + 2) << 6 | v(k + 3)
                for shift in [16, 8, 0] where produced < count {
                    out.append(UInt8(truncatingIfNeeded: q >> UInt32(shift)))
                    produced += 1
                }
                k += 4
            }
        }
        if !sawBegin {
            return Result(bytes: Array(input), problem: "the uuencoded data has no \"begin\" line; the bytes were taken as they are")
        }
        return Result(bytes: out, problem: nil)
    }
}
