import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A character set as a mail declares it (`charset=` parameter or RFC 2047 word), resolved to a way of
/// decoding it. Aliases seen in real mail map to the superset that decoders in the wild use
/// (GB2312 → GB18030, Shift_JIS → Windows-31J, EUC-KR/KS C 5601 → CP949, ISO-8859-1 → Windows-1252).
package struct MailCharset: Hashable, Sendable {
    package enum Decoding: Hashable, Sendable {
        case utf8
        case ascii
        /// ISO-8859-1 and Windows-1252 (a superset in practice): decoded in Swift without iconv.
        case windows1252
        /// glibc iconv names, tried in order; the first that decodes the bytes without error wins.
        case iconv([String])
        /// A label nobody knows; decoded with the undeclared fallback.
        case unknown
    }

    /// The label, lower-cased and trimmed, as the mail gave it.
    package let label: String
    package let decoding: Decoding

    /// A readable name for warnings.
    package var displayName: String { label.isEmpty ? "(empty)" : label }

    package static let utf8 = MailCharset(label: "utf-8", decoding: .utf8)
    package static let windows1252 = MailCharset(label: "windows-1252", decoding: .windows1252)

    private init(label: String, decoding: Decoding) {
        self.label = label
        self.decoding = decoding
    }

    package init(label raw: String) {
        if let cached = MailCharset.cache.lookup(raw) {
            self = cached
            return
        }
        let label = MailCharset.normalisedLabel(raw)
        self.label = label
        self.decoding = MailCharset.resolve(label)
        MailCharset.cache.store(raw, self)
    }

    /// Resolved labels, so the aliases are worked out once per label and not per header or part.
    private static let cache = LabelCache()

    private final class LabelCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: MailCharset] = [:]

        func lookup(_ raw: String) -> MailCharset? {
            lock.lock()
            defer { lock.unlock() }
            return entries[raw]
        }

        func store(_ raw: String, _ charset: MailCharset) {
            lock.lock()
            defer { lock.unlock() }
            if entries.count >= 1024 { entries.removeAll(keepingCapacity: true) }  // hostile input cannot grow it
            entries[raw] = charset
        }
    }

    package static func normalisedLabel(_ raw: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for b in raw.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x20, 0x09, 0x0D, 0x0A: continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(b + 32)
            default: bytes.append(b)
            }
        }
        // RFC 2231 allows a language after `*` inside an encoded word's charset: "us-ascii*en".
        if let star = bytes.firstIndex(of: UInt8(ascii: "*")) { bytes.removeSubrange(star...) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let known: [String: Decoding] = {
        var m: [String: Decoding] = [:]
        for a in ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8", "utf-8-bom"] {
            m[a] = .utf8
        }
        for a in ["us-ascii", "ascii", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso646-us", "iso_646.irv:1991",
                  "us", "ibm367", "cp367", "csascii", "iso-ir-6", "646", "7bit", "8bit"] {
            m[a] = .ascii
        }
        for a in ["iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "iso-8859-1:1987", "latin1",
                  "latin-1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso88591", "8859-1",
                  "windows-1252", "cp1252", "win-1252", "x-cp1252", "windows1252", "ms-ansi", "ansi", "x-ansi"] {
            m[a] = .windows1252
        }
        // ISO-8859-x and their nicknames.
        let latinNames: [Int: [String]] = [
            2: ["latin2", "l2", "csisolatin2"], 3: ["latin3", "l3"], 4: ["latin4", "l4"],
            5: ["cyrillic", "csisolatincyrillic"], 6: ["arabic", "asmo-708", "ecma-114"],
            7: ["greek", "greek8", "ecma-118", "elot_928"], 8: ["hebrew", "iso-8859-8-i", "iso-8859-8-e", "visual", "logical"],
            9: ["latin5", "l5"], 10: ["latin6", "l6"], 11: [], 13: ["latin7", "l7"], 14: ["latin8", "l8"],
            15: ["latin9", "latin-9", "l9", "latin0"], 16: ["latin10", "l10"],
        ]
        for (n, nick) in latinNames {
            let target: Decoding
            switch n {
            case 9: target = .iconv(["CP1254", "ISO-8859-9"])      // Windows-1254 is the Turkish superset
            case 11: target = .iconv(["CP874", "TIS-620"])
            default: target = .iconv(["ISO-8859-\(n)"])
            }
            for a in ["iso-8859-\(n)", "iso8859-\(n)", "iso_8859-\(n)",
                      "8859-\(n)", "iso-8859-\(n):1987", "iso_8859-\(n):1987"] + nick {
                m[a] = target
            }
            m["iso8859\(n)"] = target
        }
        m["tis-620"] = .iconv(["CP874", "TIS-620"])
        m["tis620"] = .iconv(["CP874", "TIS-620"])
        m["windows-874"] = .iconv(["CP874", "TIS-620"])
        m["cp874"] = .iconv(["CP874", "TIS-620"])
        for n in 1250...1258 where n != 1252 {
            for a in ["windows-\(n)", "cp\(n)", "win-\(n)", "x-cp\(n)", "windows\(n)", "ms-\(n)", "cp-\(n)"] {
                m[a] = .iconv(["CP\(n)"])
            }
        }
        m["ms-ee"] = .iconv(["CP1250"])
        m["ms-cyrl"] = .iconv(["CP1251"])
        m["ms-greek"] = .iconv(["CP1253"])
        m["ms-turk"] = .iconv(["CP1254"])
        m["ms-hebr"] = .iconv(["CP1255"])
        m["ms-arab"] = .iconv(["CP1256"])
        // Chinese: GB2312 and GBK are subsets of GB18030; mails labelled gb2312 routinely carry GBK characters.
        for a in ["gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "euccn", "x-euc-cn", "csgb2312",
                  "chinese", "gb_2312-80", "gb_2312", "gb2312-80", "iso-ir-58", "csiso58gb231280", "ms936",
                  "windows-936", "gb-2312", "cn-gb", "x-gb2312", "gb18030-2000", "gb18030-2005", "gb"] {
            m[a] = .iconv(["GB18030"])
        }
        m["hz-gb-2312"] = .iconv(["HZ-GB-2312", "GB18030"])
        for a in ["big5", "big-5", "cn-big5", "x-x-big5", "csbig5", "big5-hkscs", "big5hkscs", "cp950",
                  "x-big5", "windows-950", "ms950", "big5-eten", "tca-big5"] {
            m[a] = .iconv(["BIG5-HKSCS", "BIG5", "CP950"])
        }
        // Japanese.
        for a in ["iso-2022-jp", "csiso2022jp", "iso2022jp", "iso-2022-jp-2", "iso-2022-jp-1", "jis",
                  "x-iso-2022-jp", "cp50220", "cp50221", "cp50222", "iso-2022-jp-3", "iso-2022-jp-ms"] {
            m[a] = .iconv(["ISO-2022-JP-2", "ISO-2022-JP-3"])
        }
        for a in ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j",
                  "cp932", "ms932", "x-ms-cp932", "shiftjis", "s-jis", "shift_jisx0213", "x-shift_jis", "mskanji"] {
            m[a] = .iconv(["CP932", "SHIFT_JIS", "SHIFT_JISX0213"])
        }
        for a in ["euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "x-eucjp", "euc-jp-ms", "eucjp-ms",
                  "ujis", "x-euc"] {
            m[a] = .iconv(["EUC-JP", "EUC-JP-MS", "EUC-JISX0213"])
        }
        // Korean: KS C 5601 labels mean EUC-KR; CP949 (UHC) is its superset.
        for a in ["euc-kr", "euckr", "x-euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601",
                  "ks_c_5601-1989", "ksc_5601", "korean", "iso-ir-149", "csksc56011987", "cp949", "uhc",
                  "windows-949", "x-windows-949", "ms949", "ks_c_5601_1987"] {
            m[a] = .iconv(["CP949", "EUC-KR"])
        }
        m["iso-2022-kr"] = .iconv(["ISO-2022-KR"])
        m["csiso2022kr"] = .iconv(["ISO-2022-KR"])
        // Cyrillic.
        for a in ["koi8-r", "koi8r", "cskoi8r", "koi", "koi8", "koi8_r"] { m[a] = .iconv(["KOI8-R", "KOI8-U"]) }
        for a in ["koi8-u", "koi8u", "koi8-ru", "koi8_u"] { m[a] = .iconv(["KOI8-U", "KOI8-RU"]) }
        for a in ["ibm866", "cp866", "866", "csibm866", "dos-866"] { m[a] = .iconv(["CP866"]) }
        for a in ["x-mac-cyrillic", "mac-cyrillic", "x-mac-ukrainian"] { m[a] = .iconv(["MAC-CYRILLIC", "MACCYRILLIC"]) }
        // Western odds and ends.
        for a in ["macintosh", "mac", "x-mac-roman", "csmacintosh", "macroman", "mac-roman"] { m[a] = .iconv(["MACINTOSH"]) }
        for a in ["ibm850", "cp850", "850"] { m[a] = .iconv(["CP850"]) }
        for a in ["ibm437", "cp437", "437"] { m[a] = .iconv(["CP437"]) }
        for a in ["utf-7", "utf7", "unicode-1-1-utf-7", "x-unicode20utf7", "csunicode11utf7"] { m[a] = .iconv(["UTF-7"]) }
        for a in ["utf-16", "utf16", "unicode", "ucs-2", "iso-10646-ucs-2", "csunicode"] { m[a] = .iconv(["UTF-16"]) }
        for a in ["utf-16le", "utf-16-le", "unicodefffe"] { m[a] = .iconv(["UTF-16LE"]) }
        for a in ["utf-16be", "utf-16-be", "unicodefeff"] { m[a] = .iconv(["UTF-16BE"]) }
        for a in ["utf-32", "utf32"] { m[a] = .iconv(["UTF-32"]) }
        m["utf-32le"] = .iconv(["UTF-32LE"])
        m["utf-32be"] = .iconv(["UTF-32BE"])
        m["viscii"] = .iconv(["VISCII"])
        m["armscii-8"] = .iconv(["ARMSCII-8"])
        m["georgian-ps"] = .iconv(["GEORGIAN-PS"])
        for a in ["unknown-8bit", "x-unknown", "unknown", "default", "charset", "x-user-defined", "", "none",
                  "iso", "x-unknown-8bit", "binary", "_autodetect", "_autodetect_all", "auto", "x-binary"] {
            m[a] = .unknown
        }
        return m
    }()

    private static func resolve(_ label: String) -> Decoding {
        if let d = known[label] { return d }
        // Common misspellings: "iso8859_15", "utf_8", "windows_1252".
        let tidied = String(label.map { $0 == "_" ? "-" : $0 })
        if tidied != label, let d = known[tidied] { return d }
        if label.hasPrefix("x-"), let d = known[String(label.dropFirst(2))] { return d }
        // Anything else glibc knows by that name.
        let upper = label.uppercased()
        if !upper.isEmpty, upper.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), IconvPool.shared.isAvailable(upper) {
            return .iconv([upper])
        }
        return .unknown
    }
}

/// What went wrong while turning bytes into text, for the caller to phrase a warning in context.
package enum CharsetProblem: Hashable, Sendable {
    /// The declared charset is unknown; the text was read with the named fallback.
    case unknownCharset(declared: String, usedInstead: String)
    /// Some bytes were not valid in the charset and became U+FFFD.
    case invalidBytes(charset: String, count: Int)
    /// The bytes did not fit the declared charset at all; read with the named fallback.
    case mislabelled(declared: String, usedInstead: String)

    /// A sentence for `warnings`: `what` says whose text it is ("the subject", "part 1").
    package func sentence(for what: String) -> String {
        switch self {
        case .unknownCharset(let declared, let used):
            return "\(what) declares charset \"\(declared)\", which Mailroom does not know; it was read as \(used)"
        case .invalidBytes(let charset, let count):
            return count == 1
                ? "\(what) has 1 byte sequence that is not valid \(charset); it was replaced by \u{FFFD}"
                : "\(what) has \(count) byte sequences that are not valid \(charset); they were replaced by \u{FFFD}"
        case .mislabelled(let declared, let used):
            return "\(what) is not valid \(declared) as declared; it was read as \(used)"
        }
    }
}

package struct DecodedText {
    package var text: String
    package var problem: CharsetProblem?
}

package enum TextDecoding {
    /// Decodes bytes in a declared charset (nil: undeclared) to a String. Never fails: invalid input is
    /// replaced and reported in `problem`.
    package static func decode(_ bytes: UnsafeRawBufferPointer, charset: MailCharset?) -> DecodedText {
        guard let charset else { return decodeUndeclared(bytes) }
        switch charset.decoding {
        case .utf8:
            if let s = validUTF8(bytes) { return DecodedText(text: s) }
            return decodeBrokenUTF8(bytes, declared: charset.displayName)
        case .ascii:
            if isASCII(bytes) { return DecodedText(text: String(decoding: bytes, as: UTF8.self)) }
            // 8-bit bytes under an ASCII label: the sender lied; read what it most likely is.
            if let s = validUTF8(bytes) { return DecodedText(text: s) }
            return DecodedText(text: windows1252String(bytes))
        case .windows1252:
            return DecodedText(text: windows1252String(bytes))
        case .iconv(let names):
            if isASCII(bytes), !names.contains(where: MailCharset.isNotASCIICompatible) {
                return DecodedText(text: String(decoding: bytes, as: UTF8.self))
            }
            var firstAvailable: String?
            for name in names {
                switch IconvPool.shared.convert(bytes, from: name, strict: true) {
                case .some(.some(let s)): return DecodedText(text: s)
                case .some(.none): if firstAvailable == nil { firstAvailable = name }
                case .none: continue
                }
            }
            guard let primary = firstAvailable else {
                var d = decodeUndeclared(bytes)
                d.problem = .unknownCharset(declared: charset.displayName, usedInstead: d.problem == nil ? "UTF-8" : "Windows-1252")
                return d
            }
            // Not valid in any candidate. Text that is valid UTF-8 was simply mislabelled.
            if let s = validUTF8(bytes) {
                return DecodedText(text: s, problem: .mislabelled(declared: charset.displayName, usedInstead: "UTF-8"))
            }
            let (s, bad) = IconvPool.shared.convertReplacing(bytes, from: primary)
            return DecodedText(text: s, problem: bad > 0 ? .invalidBytes(charset: charset.displayName, count: bad) : nil)
        case .unknown:
            let d = decodeUndeclared(bytes)
            if isASCII(bytes) { return DecodedText(text: d.text, problem: .unknownCharset(declared: charset.displayName, usedInstead: "ASCII")) }
            return DecodedText(text: d.text, problem: .unknownCharset(declared: charset.displayName,
                                                                     usedInstead: validUTF8(bytes) != nil ? "UTF-8" : "Windows-1252"))
        }
    }

    package static func decode(_ bytes: [UInt8], charset: MailCharset?) -> DecodedText {
        bytes.withUnsafeBytes { decode($0, charset: charset) }
    }

    package static func decode(_ data: Data, charset: MailCharset?) -> DecodedText {
        data.withUnsafeBytes { decode($0, charset: charset) }
    }

    /// No charset declared: UTF-8 when the bytes are valid UTF-8 (RFC 6532), else Windows-1252.
    /// `problem` is set only when the Windows-1252 fallback was needed.
    package static func decodeUndeclared(_ bytes: UnsafeRawBufferPointer) -> DecodedText {
        if let s = validUTF8(bytes) { return DecodedText(text: s) }
        return DecodedText(text: windows1252String(bytes),
                           problem: .mislabelled(declared: "UTF-8", usedInstead: "Windows-1252"))
    }

    package static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Eight bytes at a time: any byte with its top bit set makes the word non-ASCII.
        var i = 0
        let n = bytes.count
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
        }
        while i < n {
            if bytes[i] & 0x80 != 0 { return false }
            i += 1
        }
        return true
    }

    package static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isASCII($0) }
    }

    package static func validUTF8(_ bytes: UnsafeRawBufferPointer) -> String? {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// Declared UTF-8 but invalid: mostly UTF-8 with stray bytes gets U+FFFD for the strays; text with
    /// no valid multi-byte sequence at all is really a single-byte charset and is read as Windows-1252.
    package static func decodeBrokenUTF8(_ bytes: UnsafeRawBufferPointer, declared: String) -> DecodedText {
        var validMultibyte = 0
        var invalid = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            var ok = len > 0 && i + len <= n
            if ok { for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { ok = false; break } }
            if ok { validMultibyte += 1; i += len } else { invalid += 1; i += 1 }
        }
        if validMultibyte == 0 {
            return DecodedText(text: windows1252String(bytes),
                               problem: .mislabelled(declared: declared, usedInstead: "Windows-1252"))
        }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self),
                           problem: .invalidBytes(charset: declared, count: invalid))
    }

    /// Windows-1252 (the de-facto meaning of ISO-8859-1 in mail): 0x80–0x9F are typographic characters;
    /// the five undefined positions map to the C1 controls as WHATWG does.
    package static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    package static func windows1252String(_ bytes: UnsafeRawBufferPointer) -> String {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2 + 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                let scalar = b < 0xA0 ? UInt32(windows1252High[Int(b) - 0x80]) : UInt32(b)
                appendUTF8(scalar, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}

extension MailCharset {
    /// Charsets whose ASCII bytes do not mean ASCII (so the all-ASCII shortcut must not be taken).
    package static func isNotASCIICompatible(_ iconvName: String) -> Bool {
        // ISO-2022 and HZ switch character sets with 7-bit escape sequences; UTF-7 is 7-bit too.
        iconvName.hasPrefix("UTF-16") || iconvName.hasPrefix("UTF-32") || iconvName == "UTF-7"
            || iconvName.hasPrefix("HZ") || iconvName.hasPrefix("ISO-2022")
    }
}

/// glibc iconv converters to UTF-8, opened once per charset and reused. A converter is handed to one
/// caller at a time (iconv state is per handle), so several threads can parse in parallel.
package final class IconvPool: @unchecked Sendable {
    package static let shared = IconvPool()

    private let lock = NSLock()
    private var idle: [String: [UnsafeMutableRawPointer]] = [:]
    private var unavailable: Set<String> = []
    private let maxIdlePerCharset = 8

    package func isAvailable(_ name: String) -> Bool {
        guard let cd = checkOut(name) else { return false }
        checkIn(name, cd)
        return true
    }

    private func checkOut(_ name: String) -> UnsafeMutableRawPointer? {
        lock.lock()
        if unavailable.contains(name) { lock.unlock(); return nil }
        if var list = idle[name], let cd = list.popLast() {
            idle[name] = list
            lock.unlock()
            return cd
        }
        lock.unlock()
        let opened = iconv_open("UTF-8", name)
        guard let cd = opened, Int(bitPattern: cd) != -1 else {
            lock.lock()
            unavailable.insert(name)
            lock.unlock()
            return nil
        }
        return cd
    }

    private func checkIn(_ name: String, _ cd: UnsafeMutableRawPointer) {
        _ = iconv(cd, nil, nil, nil, nil)  // back to the initial shift state
        lock.lock()
        if idle[name, default: []].count < maxIdlePerCharset {
            idle[name, default: []].append(cd)
            lock.unlock()
        } else {
            lock.unlock()
            iconv_close(cd)
        }
    }

    /// nil: the charset is unknown to iconv. `.some(nil)`: strict and the bytes are not valid.
    package func convert(_ bytes: UnsafeRawBufferPointer, from name: String, strict: Bool) -> String?? {
        guard let cd = checkOut(name) else { return nil }
        defer { checkIn(name, cd) }
        let (s, bad) = run(cd, bytes, strict: strict)
        if strict && bad > 0 { return .some(nil) }
        return .some(s)
    }

    /// Converts with invalid sequences replaced by U+FFFD; returns how many were replaced.
    package func convertReplacing(_ bytes: UnsafeRawBufferPointer, from name: String) -> (String, Int) {
        guard let cd = checkOut(name) else {
            return (TextDecoding.windows1252String(bytes), 0)
        }
        defer { checkIn(name, cd) }
        return run(cd, bytes, strict: false)
    }

    private func run(_ cd: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer, strict: Bool) -> (String, Int) {
        guard let inBase = bytes.baseAddress, bytes.count > 0 else { return ("", 0) }
        _ = iconv(cd, nil, nil, nil, nil)
        var capacity = bytes.count * 3 + 16
        var out = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { out.deallocate() }
        var written = 0
        var invalid = 0

        func grow(_ needed: Int) {
            guard capacity - written < needed else { return }
            let bigger = max(capacity * 2, written + needed + 64)
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            fresh.update(from: out, count: written)
            out.deallocate()
            out = fresh
            capacity = bigger
        }

        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: CChar.self))
        var inLeft = bytes.count
        while inLeft > 0 {
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + written).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - written
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            let err = errno
            written = capacity - outLeft
            if r != -1 { break }
            switch err {
            case E2BIG:
                grow(capacity)
            case EILSEQ, EINVAL:
                invalid += 1
                if strict { return ("", invalid) }
                grow(8)
                out[written] = 0xEF; out[written + 1] = 0xBF; out[written + 2] = 0xBD
                written += 3
                if err == EINVAL {
                    inLeft = 0  // a sequence cut off at the end of the input
                } else {
                    inPtr = inPtr!.advanced(by: 1)
                    inLeft -= 1
                }
                _ = iconv(cd, nil, nil, nil, nil)
            default:
                invalid += 1
                inLeft = 0
            }
        }
        // Flush a pending shift state (stateful encodings such as ISO-2022-JP).
        while true {
            grow(16)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + written).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - written
            let r = iconv(cd, nil, nil, &outPtr, &outLeft)
            let err = errno
            written = capacity - outLeft
            if r == -1 && err == E2BIG { grow(capacity); continue }
            break
        }
        return (String(decoding: UnsafeBufferPointer(start: out, count: written), as: UTF8.self), invalid)
    }
}
