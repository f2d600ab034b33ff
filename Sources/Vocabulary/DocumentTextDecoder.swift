import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a document (an HTML part, a TNEF string) into Swift text, leniently: bytes that are not
/// valid in the charset become U+FFFD instead of failing the whole document. Charset labels are mapped the way
/// mail clients and browsers read them (GB2312 is read as GB18030, ISO-8859-1 as Windows-1252, Shift_JIS as
/// Windows-31J), because senders routinely label text with the smaller charset and use the larger one.
package enum DocumentTextDecoder {
    /// The iconv name Mailroom uses for a charset label, or nil when the label says nothing usable
    /// (`unknown-8bit`, empty). Unknown labels are passed through upper-cased for iconv to judge.
    package static func iconvName(forLabel label: String) -> String? {
        var l = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if l.hasPrefix("\"") || l.hasPrefix("'") { l = String(l.dropFirst()) }
        if l.hasSuffix("\"") || l.hasSuffix("'") { l = String(l.dropLast()) }
        if l.isEmpty { return nil }
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8": return "UTF-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us": return "US-ASCII"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
             "windows-1252", "cp1252", "x-cp1252", "iso-ir-100", "csisolatin1":
            return "WINDOWS-1252"
        case "gb2312", "gb_2312-80", "gb_2312", "gbk", "cp936", "x-gbk", "euc-cn", "csgb2312", "chinese",
             "iso-ir-58", "gb18030", "windows-936", "ms936", "x-euc-cn":
            return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "cp950", "x-big5", "windows-950":
            return "BIG5-HKSCS"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis",
             "x-ms-cp932", "ms932":
            return "CP932"
        case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese": return "EUC-JP"
        case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2": return "ISO-2022-JP-2"
        case "ks_c_5601-1987", "ks_c_5601", "euc-kr", "korean", "cp949", "windows-949", "csksc56011987",
             "iso-ir-149", "ksc5601", "ksc_5601", "x-windows-949":
            return "CP949"
        case "iso-8859-9", "latin5", "windows-1254", "cp1254": return "WINDOWS-1254"
        case "iso-8859-11", "tis-620", "windows-874", "cp874": return "CP874"
        case "unknown-8bit", "x-unknown", "unknown", "default", "x-user-defined", "8bit", "binary": return nil
        default:
            return l.uppercased()
        }
    }

    /// The iconv name for a Windows code page number (TNEF's attOemCodepage, RTF's \ansicpg).
    package static func iconvName(forCodePage codePage: Int) -> String? {
        switch codePage {
        case 0: return nil
        case 65001: return "UTF-8"
        case 20127: return "US-ASCII"
        case 1200: return "UTF-16LE"
        case 1201: return "UTF-16BE"
        case 28591, 1252: return "WINDOWS-1252"
        case 936, 54936, 20936: return "GB18030"
        case 950: return "BIG5-HKSCS"
        case 932: return "CP932"
        case 949: return "CP949"
        case 874: return "CP874"
        case 20866: return "KOI8-R"
        case 21866: return "KOI8-U"
        case 50220, 50221, 50222: return "ISO-2022-JP-2"
        case 51932, 20932: return "EUC-JP"
        case 51949: return "EUC-KR"
        case 10000: return "MACINTOSH"
        case 28592...28599: return "ISO-8859-\(codePage - 28590)"
        case 28603: return "ISO-8859-13"
        case 28605: return "ISO-8859-15"
        case 1250...1258: return "WINDOWS-\(codePage)"
        default: return "CP\(codePage)"
        }
    }

    /// True when the bytes are entirely valid UTF-8 (ASCII included).
    package static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Decodes bytes in the named iconv charset; invalid sequences become U+FFFD. Returns nil when the
    /// charset is unknown to iconv (the caller then chooses a fallback).
    package static func decode(_ bytes: some Collection<UInt8>, iconvName name: String) -> String? {
        switch name {
        case "UTF-8", "US-ASCII":
            return String(decoding: bytes, as: UTF8.self)
        default:
            guard let utf8 = convertToUTF8(Array(bytes), from: name) else { return nil }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    /// Decodes with a charset label (MIME or meta), falling back to UTF-8 (when valid) or Windows-1252.
    package static func decode(_ bytes: some Collection<UInt8>, label: String?) -> String {
        if let label, let name = iconvName(forLabel: label), let text = decode(bytes, iconvName: name) {
            return text
        }
        if isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return decode(bytes, iconvName: "WINDOWS-1252") ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Converts to UTF-8 with iconv, replacing undecodable bytes by U+FFFD (EF BF BD). Nil when iconv does
    /// not know the charset.
    package static func convertToUTF8(_ input: [UInt8], from charset: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", charset)
        if cd == nil || Int(bitPattern: cd) == -1 { return nil }
        defer { iconv_close(cd) }
        if input.isEmpty { return [] }

        var output = [UInt8]()
        output.reserveCapacity(input.count * 2 + 16)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var chunk = [UInt8](repeating: 0, count: max(4096, min(input.count * 3, 1 << 20)))
        var source = input
        source.withUnsafeMutableBufferPointer { src in
            chunk.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = src.count
                while true {
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = dst.count
                    let result = inLeft > 0
                        ? iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                        : iconv(cd, nil, nil, &outPtr, &outLeft)  // flush a stateful encoding's shift state
                    let savedErrno = errno
                    output.append(contentsOf: UnsafeBufferPointer(start: dst.baseAddress!, count: dst.count - outLeft))
                    if result != -1 {
                        if inLeft == 0 { break }
                        continue
                    }
                    switch savedErrno {
                    case E2BIG:
                        continue
                    case EILSEQ:
                        output.append(contentsOf: replacement)
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                        if inLeft == 0 { break }
                    case EINVAL:
                        // Incomplete sequence at the end of the input.
                        output.append(contentsOf: replacement)
                        inLeft = 0
                    default:
                        output.append(contentsOf: replacement)
                        inLeft = 0
                    }
                    if inLeft == 0 {
                        var flushPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!)
                            .assumingMemoryBound(to: CChar.self)
                        var flushLeft = dst.count
                        _ = iconv(cd, nil, nil, &flushPtr, &flushLeft)
                        output.append(contentsOf: UnsafeBufferPointer(start: dst.baseAddress!, count: dst.count - flushLeft))
                        break
                    }
                }
            }
        }
        return output
    }
}
