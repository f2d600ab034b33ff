import Foundation
import Vocabulary

/// Readable text from an RTF body (what Outlook puts in winmail.dat). Not a layout engine: it keeps the words,
/// paragraphs, tabs and Unicode, honours code pages (`\ansicpg`, font charsets for `\'hh` bytes), skips
/// destinations that are not text (font and colour tables, pictures, field instructions, `\*` groups), and
/// unwraps HTML that Outlook encapsulated in RTF (`\fromhtml1`, [MS-OXRTFEX]) and turns that HTML into text.
package enum RTFText {
    package static func plainText(fromRTF rtf: [UInt8]) -> String {
        var extractor = RTFExtractor(rtf)
        extractor.run()
        if extractor.fromHTML {
            let html = extractor.html
            // The extractor already decoded every byte with the RTF's code pages: the HTML is UTF-8 now.
            return HTMLText.plainText(fromHTML: Data(html.utf8), charset: "UTF-8")
        }
        return tidy(extractor.text)
    }

    /// Trailing spaces removed, at most one blank line in a row, trimmed.
    package static func tidy(_ s: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            if l.isEmpty {
                blank += 1
                if blank > 1 { continue }
            } else {
                blank = 0
            }
            lines.append(l)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

private struct RTFExtractor {
    struct Group {
        var skip = false
        var ucSkip = 1
        var codePage: Int?
        var inFontTable = false
        var htmlSuppressed = false
        var inHTMLTag = false
    }

    let input: [UInt8]
    var position = 0
    var group = Group()
    var stack: [Group] = []
    var ansiCodePage = 1252
    var fromHTML = false
    var fontCodePages: [Int: Int] = [:]
    var fontBeingDefined: Int?
    var pendingBytes: [UInt8] = []
    var pendingCodePage = 1252
    var skipChars = 0
    /// Text output (plain RTF) or HTML source (encapsulated HTML); both accumulate here.
    var output = String()
    var nextIsIgnorableDestination = false

    init(_ input: [UInt8]) { self.input = input }

    var text: String { output }
    var html: String { output }

    private static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
        "footer", "footerl", "footerr", "footerf", "themedata", "colorschememapping", "latentstyles", "datastore",
        "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator", "filetbl", "revtbl", "fldinst",
        "private", "mmathPr", "pgdsctbl", "operator", "author", "company", "title", "nonshppict", "shpinst",
        "mhtmltag", "htmlbase", "bkmkstart", "bkmkend", "xe", "tc", "footnote", "annotation", "atnid", "atnauthor",
        "objdata", "blipuid", "wgrffmtfilter", "pnseclvl", "pntxta", "pntxtb", "defchp", "defpap", "userprops",
        "docvar", "panose", "fname", "falt", "leveltext", "levelnumbers", "listname", "template", "background",
    ]

    mutating func run() {
        let n = input.count
        while position < n {
            let b = input[position]
            switch b {
            case UInt8(ascii: "{"):
                position += 1
                flush()
                stack.append(group)
                if stack.count > 4096 { group.skip = true }  // absurd nesting: stop reading text
            case UInt8(ascii: "}"):
                position += 1
                flush()
                if let previous = stack.popLast() { group = previous }
                fontBeingDefined = nil
            case UInt8(ascii: "\\"):
                position += 1
                controlSequence()
            case 0x0D, 0x0A:
                position += 1
            default:
                position += 1
                emitByte(b)
            }
        }
        flush()
    }

    private var emitting: Bool {
        if group.skip && !group.inHTMLTag { return false }
        if fromHTML { return group.inHTMLTag || !group.htmlSuppressed }
        return true
    }

    private mutating func emitByte(_ b: UInt8) {
        if skipChars > 0 {
            skipChars -= 1
            return
        }
        guard emitting else { return }
        let cp = currentCodePage
        if cp != pendingCodePage { flush() }
        pendingCodePage = cp
        pendingBytes.append(b)
    }

    private mutating func emit(_ s: String) {
        guard emitting else { return }
        flush()
        output += s
    }

    private var currentCodePage: Int { group.codePage ?? ansiCodePage }

    private mutating func flush() {
        guard !pendingBytes.isEmpty else { return }
        let name = DocumentTextDecoder.iconvName(forCodePage: pendingCodePage) ?? "WINDOWS-1252"
        output += DocumentTextDecoder.decode(pendingBytes, iconvName: name)
            ?? DocumentTextDecoder.decode(pendingBytes, label: nil)
        pendingBytes.removeAll(keepingCapacity: true)
    }

    private mutating func controlSequence() {
        guard position < input.count else { return }
        let c = input[position]
        let isLetter = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
        if !isLetter {
            position += 1
            switch c {
            case UInt8(ascii: "'"):
                guard position + 1 < input.count, let hi = hexValue(input[position]), let lo = hexValue(input[position + 1]) else { return }
                position += 2
                emitByte(hi << 4 | lo)
            case UInt8(ascii: "*"):
                nextIsIgnorableDestination = true
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                emitByte(c)
            case UInt8(ascii: "~"):
                emit(fromHTML ? "&nbsp;" : " ")
            case UInt8(ascii: "_"):
                emit("-")
            case 0x0A, 0x0D:
                emit(fromHTML ? "\r\n" : "\n")
            case UInt8(ascii: "-"):
                break
            default:
                break
            }
            return
        }
        var word = [UInt8]()
        while position < input.count {
            let ch = input[position]
            guard (ch >= 0x61 && ch <= 0x7A) || (ch >= 0x41 && ch <= 0x5A), word.count < 32 else { break }
            word.append(ch)
            position += 1
        }
        var parameter: Int?
        var negative = false
        if position < input.count, input[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var digits = 0
        var value = 0
        while position < input.count, input[position] >= 0x30, input[position] <= 0x39, digits < 10 {
            value = value * 10 + Int(input[position] - 0x30)
            digits += 1
            position += 1
        }
        if digits > 0 { parameter = negative ? -value : value }
        if position < input.count, input[position] == 0x20 { position += 1 }
        handle(String(decoding: word, as: UTF8.self), parameter)
    }

    private mutating func handle(_ word: String, _ parameter: Int?) {
        let ignorable = nextIsIgnorableDestination
        nextIsIgnorableDestination = false
        if ignorable {
            if fromHTML && word == "htmltag" {
                flush()
                group.inHTMLTag = true
                group.skip = false
                return
            }
            flush()
            group.skip = true
            return
        }
        switch word {
        case "fromhtml":
            fromHTML = (parameter ?? 1) != 0
        case "fonttbl":
            flush()
            group.skip = true
            group.inFontTable = true
        case _ where RTFExtractor.skippedDestinations.contains(word):
            flush()
            group.skip = true
        case "ansicpg":
            if let p = parameter, p > 0 { ansiCodePage = p }
        case "f":
            guard let p = parameter else { break }
            if group.inFontTable {
                fontBeingDefined = p
            } else {
                flush()
                group.codePage = fontCodePages[p]
            }
        case "fcharset":
            if group.inFontTable, let font = fontBeingDefined, let p = parameter, let cp = RTFExtractor.codePage(forCharset: p) {
                fontCodePages[font] = cp
            }
        case "cpg":
            if group.inFontTable, let font = fontBeingDefined, let p = parameter, p > 0 { fontCodePages[font] = p }
        case "uc":
            group.ucSkip = max(0, parameter ?? 1)
        case "u":
            // N is a signed 16-bit number; anything else (up to ten digits are read) is no character. Found by
            // the rtf fuzz target: `\u8666666666` trapped in UInt32(_:) (Tests/Fuzz/Corpus/rtf/crash-d1b7e559…).
            guard var p = parameter, (-32_768...65_535).contains(p) else { skipChars = group.ucSkip; break }
            if p < 0 { p += 65536 }
            if let scalar = Unicode.Scalar(UInt32(p)) {
                emit(String(Character(scalar)))
            } else if (0xD800...0xDBFF).contains(p) || (0xDC00...0xDFFF).contains(p) {
                emitSurrogate(UInt16(p))
            }
            skipChars = group.ucSkip
        case "htmlrtf":
            group.htmlSuppressed = (parameter ?? 1) != 0
        case "par", "line", "sect", "page", "row":
            emit(fromHTML ? "\r\n" : "\n")
        case "tab":
            emit("\t")
        case "cell":
            emit(fromHTML ? "" : "\t")
        case "emdash": emit("\u{2014}")
        case "endash": emit("\u{2013}")
        case "bullet": emit("\u{2022}")
        case "lquote": emit("\u{2018}")
        case "rquote": emit("\u{2019}")
        case "ldblquote": emit("\u{201C}")
        case "rdblquote": emit("\u{201D}")
        case "emspace", "enspace", "qmspace": emit(" ")
        case "bin":
            // Binary data follows: skip it without interpreting.
            let count = max(0, parameter ?? 0)
            position = min(input.count, position + count)
        default:
            break
        }
    }

    private var pendingHighSurrogate: UInt16?

    private mutating func emitSurrogate(_ unit: UInt16) {
        if UTF16.isLeadSurrogate(unit) {
            pendingHighSurrogate = unit
        } else if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            emit(String(decoding: [high, unit], as: UTF16.self))
        }
    }

    private func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    /// Windows code page for an RTF font charset (`\fcharsetN`).
    static func codePage(forCharset charset: Int) -> Int? {
        switch charset {
        case 0, 1, 2: return 1252
        case 77: return 10000
        case 128: return 932
        case 129: return 949
        case 130: return 1361
        case 134: return 936
        case 136: return 950
        case 161: return 1253
        case 162: return 1254
        case 163: return 1258
        case 177: return 1255
        case 178: return 1256
        case 186: return 1257
        case 204: return 1251
        case 222: return 874
        case 238: return 1250
        case 254: return 437
        default: return nil
        }
    }
}
