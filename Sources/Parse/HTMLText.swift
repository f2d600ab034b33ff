import Foundation
import Markup

/// HTML mail bodies turned into readable plain text, for people reading the audit and for classifiers.
public enum HTMLText {
    /// Readable plain text from HTML (libxml2 HTML parser): block elements become line breaks, lists get
    /// bullets, links keep their URL when it differs from the text, script/style/head dropped, entities decoded,
    /// whitespace folded. `charset` is a hint from the MIME part (nil = detect from meta or assume UTF-8).
    ///
    /// Details: paragraphs and headings are separated by one blank line (never more than one in a row); table
    /// cells of a row are joined with " | "; unordered list items start with "- ", ordered ones with "1. ",
    /// nested lists are indented by two spaces; quoted text (`<blockquote>`) starts with "> "; a link whose
    /// visible text differs from its http(s)/mailto URL is followed by the URL in angle brackets; images give
    /// their alt text, tracking pixels nothing; hidden elements (`hidden`, `display:none`, `visibility:hidden`,
    /// `mso-hide:all`, collapsed preheaders) are dropped; `<pre>` keeps its line breaks. Never fails: input that
    /// is not HTML at all still gives its text.
    public static func plainText(fromHTML html: Data, charset: String?) -> String {
        if html.isEmpty { return "" }
        let limit = MarkupDocument.defaultHTMLLimit
        let input = html.count > limit ? Data(html.prefix(limit)) : html
        guard let document = try? MarkupDocument(html: input, charset: charset), let root = document.root else {
            return ""
        }
        var renderer = HTMLTextRenderer()
        renderer.render(root)
        return renderer.finish()
    }

    /// Convenience for HTML already held as a Swift string.
    public static func plainText(fromHTML html: String) -> String {
        plainText(fromHTML: Data(html.utf8), charset: "UTF-8")
    }
}

/// Walks an HTML tree once (iteratively: deeply nested garbage cannot overflow the stack) and writes text.
package struct HTMLTextRenderer {
    private enum Frame {
        case inline
        case block(after: Int, outCount: Int, nbsp: Int)
        case anchor(href: String)
        case list(after: Int)
        case listItem
        case blockquote
        case pre
        case row
        case cell(start: Int)
    }

    private struct ListState {
        var ordered: Bool
        var counter: Int
        var items = 0
    }

    private var out: [UInt8] = []
    private var pendingNewlines = 0
    private var pendingSpace = false
    private var pendingSeparator = false
    private var atLineStart = true
    private var prefixUnits: [[UInt8]] = []
    private var pendingBullet: (unit: Int, bullet: [UInt8])?
    private var preDepth = 0
    private var nbspSeen = 0
    private var frames: [Frame] = []
    private var rows: [Int] = []
    private var cells: [Int] = []
    private var lists: [ListState] = []
    /// Output offsets where the visible text of each open link starts (-1 until its first word).
    private var anchorStarts: [Int] = []
    /// Quote depth of the last line written: a blank line between two lines is quoted as deep as both are.
    private var quoteDepthOfLastLine = 0
    /// How many of the innermost open links still wait for their first word (they are always the last ones).
    private var anchorsAwaitingStart = 0

    package init() {
        out.reserveCapacity(16_384)
    }

    package mutating func render(_ root: MarkupNode) {
        var current: MarkupNode? = root
        while let node = current {
            var descended = false
            switch node.kind {
            case .text, .cdata:
                node.withContentBytes { writeText($0) }
            case .element:
                descended = enter(node)
            default:
                break
            }
            if descended, let child = node.firstChild {
                current = child
                continue
            }
            if descended { exitElement() }
            // Climb to the next sibling, closing every element we leave.
            var n = node
            current = nil
            while n != root {
                if let next = n.nextSibling {
                    current = next
                    break
                }
                guard let parent = n.parent else { break }
                n = parent
                exitElement()
            }
        }
    }

    /// The text, with trailing spaces removed from every line, at most one blank line in a row, trimmed.
    package mutating func finish() -> String {
        var result = [UInt8]()
        result.reserveCapacity(out.count)
        var newlines = 0
        var spaces: [UInt8] = []
        for b in out {
            if b == 0x0A {
                spaces.removeAll(keepingCapacity: true)
                newlines += 1
            } else if b == 0x20 || b == 0x09 {
                spaces.append(b)
            } else {
                if !result.isEmpty && newlines > 0 {
                    result.append(0x0A)
                    if newlines > 1 { result.append(0x0A) }
                }
                newlines = 0
                result.append(contentsOf: spaces)
                spaces.removeAll(keepingCapacity: true)
                result.append(b)
            }
        }
        // Leading spaces of the very first line are layout, not content.
        let firstNonSpace = result.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? result.endIndex
        return String(decoding: result[firstNonSpace...], as: UTF8.self)
    }

    // MARK: Elements

    package static let maxPrefixUnits = 12

    private static let droppedElements: Set<String> = [
        "script", "style", "head", "title", "noscript", "template", "xml", "svg", "math", "iframe", "object",
        "embed", "select", "textarea", "audio", "video", "canvas", "map", "datalist", "frameset", "applet",
    ]

    private static let lineBlocks: Set<String> = [
        "div", "section", "article", "header", "footer", "nav", "aside", "main", "address", "figure",
        "figcaption", "form", "fieldset", "legend", "center", "caption", "details", "summary", "dt", "dd",
        "dl", "table", "tbody", "thead", "tfoot", "body", "html", "hgroup", "menu", "dir", "option", "output",
    ]

    /// Enters an element; true when its children are to be walked (a frame was pushed and must be exited).
    private mutating func enter(_ node: MarkupNode) -> Bool {
        let name = node.name
        if HTMLTextRenderer.droppedElements.contains(name) { return false }
        if HTMLTextRenderer.isHidden(node) { return false }
        switch name {
        case "br":
            lineBreak()
            return false
        case "hr":
            blockBreak(2)
            return false
        case "img", "area":
            writeImageAlt(node)
            return false
        case "input":
            return false
        case "a":
            frames.append(.anchor(href: node.attribute("href") ?? ""))
            anchorStarts.append(-1)
            anchorsAwaitingStart += 1
        case "p":
            // Word/Outlook paragraphs (MsoNormal, MsoListParagraph…) have no margins: one line each.
            let isOutlookLine = (node.attribute("class") ?? "").contains("Mso")
            let gap = isOutlookLine ? 1 : 2
            blockBreak(gap)
            frames.append(.block(after: gap, outCount: out.count, nbsp: nbspSeen))
        case "h1", "h2", "h3", "h4", "h5", "h6":
            blockBreak(2)
            frames.append(.block(after: 2, outCount: out.count, nbsp: nbspSeen))
        case "ul", "ol":
            let gap = lists.isEmpty ? 2 : 1
            blockBreak(gap)
            let start = node.attribute("start").flatMap { Int(HTMLTextRenderer.trimmedASCII($0)) } ?? 1
            lists.append(ListState(ordered: name == "ol", counter: start))
            frames.append(.list(after: gap))
        case "li":
            // Between items a single line break, even when the previous item ended with a paragraph.
            if let last = lists.indices.last {
                if lists[last].items > 0 { pendingNewlines = min(pendingNewlines, 1) }
                lists[last].items += 1
            }
            blockBreak(1)
            var bullet: [UInt8]
            if let last = lists.indices.last, lists[last].ordered {
                bullet = Array("\(lists[last].counter). ".utf8)
                lists[last].counter += 1
            } else {
                bullet = Array("- ".utf8)
            }
            prefixUnits.append([UInt8](repeating: 0x20, count: bullet.count))
            pendingBullet = (prefixUnits.count - 1, bullet)
            frames.append(.listItem)
        case "blockquote":
            blockBreak(2)
            prefixUnits.append(Array("> ".utf8))
            frames.append(.blockquote)
        case "pre", "listing", "xmp", "plaintext":
            blockBreak(2)
            preDepth += 1
            frames.append(.pre)
        case "tr":
            blockBreak(1)
            rows.append(0)
            frames.append(.row)
        case "td", "th":
            if let last = rows.indices.last {
                if rows[last] > 0 { pendingSeparator = true }
                rows[last] += 1
            } else {
                pendingSpace = true
            }
            cells.append(out.count)
            frames.append(.cell(start: out.count))
        default:
            if HTMLTextRenderer.lineBlocks.contains(name) {
                blockBreak(1)
                frames.append(.block(after: 1, outCount: out.count, nbsp: nbspSeen))
            } else {
                frames.append(.inline)
            }
        }
        return true
    }

    private mutating func exitElement() {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .inline:
            break
        case let .block(after, outCount, nbsp):
            // An Outlook/Apple blank line: a paragraph holding nothing but &nbsp;.
            if out.count == outCount && nbspSeen > nbsp {
                if !out.isEmpty { pendingNewlines = 2 }
            } else {
                requestBreak(after)
            }
        case .anchor(let href):
            let start = anchorStarts.popLast() ?? -1
            if start < 0 {
                anchorsAwaitingStart -= 1
                break
            }
            // A link label longer than this is not a label; comparing a bounded prefix keeps nested-link
            // garbage linear.
            let visible = String(decoding: out[start..<min(out.count, start + 2048)], as: UTF8.self)
            appendLinkTarget(href: href, visibleText: visible)
        case .list(let after):
            lists.removeLast()
            requestBreak(after)
        case .listItem:
            prefixUnits.removeLast()
            if let b = pendingBullet, b.unit >= prefixUnits.count { pendingBullet = nil }
            requestBreak(1)
        case .blockquote:
            prefixUnits.removeLast()
            requestBreak(2)
        case .pre:
            preDepth -= 1
            requestBreak(2)
        case .row:
            rows.removeLast()
            requestBreak(1)
        case .cell(let start):
            cells.removeLast()
            // Paragraphs inside a cell do not break the row after the cell's last text.
            if out.count > start { pendingNewlines = 0 }
        }
    }

    private static func isHidden(_ node: MarkupNode) -> Bool {
        if node.hasAttribute("hidden") { return true }
        if let type = node.attribute("type"), type.utf8.count == 6, type.lowercased() == "hidden" { return true }
        guard let style = node.attribute("style"), !style.isEmpty else { return false }
        let css = cssProperties(style)
        if css["display"] == "none" || css["visibility"] == "hidden" || css["mso-hide"] == "all" { return true }
        // Preheaders collapsed to nothing: zero (max-)height with overflow hidden, or zero opacity.
        let collapsed = css["max-height"].map(isZeroLength) == true || css["height"].map(isZeroLength) == true
        return collapsed && (css["overflow"] == "hidden" || css["opacity"].map(isZeroLength) == true)
    }

    /// The declarations of a style attribute, names and values lower-cased (ASCII) without whitespace or
    /// `!important`; a later declaration of the same property wins, as in CSS.
    private static func cssProperties(_ style: String) -> [String: String] {
        func compact(_ bytes: ArraySlice<UInt8>) -> String {
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            for b in bytes where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            }
            if out.count >= 10, out.suffix(10).elementsEqual("!important".utf8) { out.removeLast(10) }
            return String(decoding: out, as: UTF8.self)
        }
        var result: [String: String] = [:]
        let bytes = Array(style.utf8)
        for declaration in bytes.split(separator: UInt8(ascii: ";")) {
            guard let colon = declaration.firstIndex(of: UInt8(ascii: ":")) else { continue }
            result[compact(declaration[..<colon])] = compact(declaration[(colon + 1)...])
        }
        return result
    }

    /// The leading number of a CSS length or plain number ("0", "0px", "1.5em"), and its unit.
    private static func cssNumber(_ value: String) -> (Double, Substring)? {
        let numeric = value.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let number = Double(numeric) else { return nil }
        return (number, value[numeric.endIndex...])
    }

    private static func isZeroLength(_ value: String) -> Bool {
        cssNumber(value).map { $0.0 == 0 } ?? false
    }

    private static func isAtMostOnePixel(_ value: String) -> Bool {
        guard let (number, unit) = cssNumber(value) else { return false }
        return number <= 1 && (unit.isEmpty || unit == "px")
    }

    private mutating func writeImageAlt(_ node: MarkupNode) {
        guard let alt = node.attribute("alt"), !alt.isEmpty else { return }
        if HTMLTextRenderer.isTrackingPixel(node) { return }
        var bytes = Array(alt.utf8)
        bytes.withUnsafeMutableBufferPointer { writeText(UnsafeBufferPointer($0)) }
    }

    /// An image of at most 1×1 pixel (by attribute or style): a read-receipt beacon, never content.
    private static func isTrackingPixel(_ node: MarkupNode) -> Bool {
        for name in ["width", "height"] {
            if let value = node.attribute(name), isAtMostOnePixel(value.filter { $0 != " " }.lowercased()) { return true }
        }
        if let style = node.attribute("style") {
            let css = cssProperties(style)
            if css["width"].map(isAtMostOnePixel) == true || css["height"].map(isAtMostOnePixel) == true { return true }
        }
        return false
    }

    private mutating func appendLinkTarget(href: String, visibleText: String) {
        let url = HTMLTextRenderer.trimmedASCII(href)
        let scheme = url.prefix(8).lowercased()
        guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://") || scheme.hasPrefix("mailto:") else { return }
        let text = HTMLTextRenderer.trimmedASCII(visibleText)
        guard !text.isEmpty else { return }
        let normalisedURL = HTMLTextRenderer.comparableLink(url)
        let normalisedText = HTMLTextRenderer.comparableLink(text)
        if normalisedText == normalisedURL || normalisedText.contains(normalisedURL) { return }
        if url.contains(where: { $0 == " " || $0 == "\n" }) { return }
        pendingSpace = true
        beginWord()
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: url.utf8)
        out.append(UInt8(ascii: ">"))
    }

    private static func trimmedASCII(_ s: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        let utf8 = s.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return s }
        return String(s[first...last])
    }

    private static func comparableLink(_ s: String) -> String {
        var t = s.lowercased()
        for scheme in ["mailto:", "https://", "http://"] where t.hasPrefix(scheme) {
            t.removeFirst(scheme.count)
            break
        }
        if t.hasPrefix("www.") { t.removeFirst(4) }
        while t.hasSuffix("/") { t.removeLast() }
        return t
    }

    // MARK: Writing

    private mutating func requestBreak(_ n: Int) {
        guard !out.isEmpty else { return }
        pendingNewlines = max(pendingNewlines, n)
    }

    /// A break where a block starts; inside a table cell that has no text yet it would only push the cell's
    /// text onto its own line, so it is skipped there.
    private mutating func blockBreak(_ n: Int) {
        if let cellStart = cells.last, cellStart == out.count { return }
        requestBreak(n)
    }

    private mutating func lineBreak() {
        guard !out.isEmpty else { return }
        pendingNewlines = min(2, pendingNewlines + 1)
        pendingSpace = false
    }

    /// Everything that must precede the next visible character: line breaks, the line prefix (quote marks,
    /// list indentation and bullet), a cell separator or a folded space.
    private mutating func beginWord() {
        if pendingNewlines > 0 {
            if !out.isEmpty {
                out.append(0x0A)
                if pendingNewlines > 1 {
                    // A blank line inside quoted text stays quoted (">"), so the quote reads as one block.
                    let depth = min(quoteDepthOfLastLine, currentQuoteDepth())
                    out.append(contentsOf: [UInt8](repeating: UInt8(ascii: ">"), count: depth))
                    out.append(0x0A)
                }
                atLineStart = true
            }
            pendingNewlines = 0
        }
        if atLineStart {
            // Indentation and quote marks of at most `maxPrefixUnits` levels (the innermost ones): deeper
            // nesting adds nothing readable, and unbounded prefixes would make output quadratic in depth.
            quoteDepthOfLastLine = currentQuoteDepth()
            let first = max(0, prefixUnits.count - HTMLTextRenderer.maxPrefixUnits)
            for i in first..<prefixUnits.count {
                if let b = pendingBullet, b.unit == i { out.append(contentsOf: b.bullet) } else { out.append(contentsOf: prefixUnits[i]) }
            }
            if let b = pendingBullet, b.unit >= prefixUnits.count { out.append(contentsOf: b.bullet) }
            pendingBullet = nil
            atLineStart = false
            pendingSpace = false
            pendingSeparator = false
        } else if pendingSeparator {
            out.append(contentsOf: [0x20, 0x7C, 0x20])  // " | "
            pendingSeparator = false
            pendingSpace = false
        } else if pendingSpace {
            out.append(0x20)
            pendingSpace = false
        }
        if anchorsAwaitingStart > 0 {
            var i = anchorStarts.count - 1
            while i >= 0, anchorStarts[i] < 0 {
                anchorStarts[i] = out.count
                i -= 1
            }
            anchorsAwaitingStart = 0
        }
    }

    /// How many blockquotes are open (bounded like the prefix).
    private func currentQuoteDepth() -> Int {
        prefixUnits.suffix(HTMLTextRenderer.maxPrefixUnits).reduce(0) { $0 + ($1.first == UInt8(ascii: ">") ? 1 : 0) }
    }

    private mutating func foldedSpace() {
        if !atLineStart || pendingNewlines > 0 { pendingSpace = true }
    }

    /// Writes a text node's UTF-8 bytes: whitespace runs (including no-break and other Unicode spaces) fold
    /// into one space, invisible characters (zero-width, soft hyphen, BOM, bidi marks) are dropped.
    private mutating func writeText(_ text: UnsafeBufferPointer<UInt8>) {
        if preDepth > 0 {
            writePreformatted(text)
            return
        }
        let n = text.count
        var i = 0
        var inWord = false
        while i < n {
            let b = text[i]
            if b < 0x80 {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    inWord = false
                    foldedSpace()
                    i += 1
                    continue
                }
                if b < 0x20 || b == 0x7F {  // other control characters
                    i += 1
                    continue
                }
            } else if i + 1 < n {
                let c = text[i + 1]
                if b == 0xC2 && c == 0xA0 {  // no-break space
                    nbspSeen += 1
                    inWord = false
                    foldedSpace()
                    i += 2
                    continue
                }
                if (b == 0xC2 && c == 0xAD) || (b == 0xCD && c == 0x8F) {  // soft hyphen, grapheme joiner
                    i += 2
                    continue
                }
                if b == 0xC2 && c >= 0x80 && c <= 0x9F {  // C1 controls
                    i += 2
                    continue
                }
                if i + 2 < n {
                    let d = text[i + 2]
                    if b == 0xE2 && c == 0x80 {
                        if (0x8B...0x8F).contains(d) || (0xAA...0xAE).contains(d) {  // zero-width, bidi marks
                            i += 3
                            continue
                        }
                        if d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF {  // U+2000–200A, separators, U+202F
                            inWord = false
                            foldedSpace()
                            i += 3
                            continue
                        }
                    } else if b == 0xE2 && c == 0x81 {
                        if (0xA0...0xA4).contains(d) || (0xA6...0xAF).contains(d) {  // word joiner, invisible ops
                            i += 3
                            continue
                        }
                        if d == 0x9F {  // medium mathematical space
                            inWord = false
                            foldedSpace()
                            i += 3
                            continue
                        }
                    } else if b == 0xEF && c == 0xBB && d == 0xBF {  // BOM / zero-width no-break space
                        i += 3
                        continue
                    }
                }
            }
            if !inWord {
                beginWord()
                inWord = true
            }
            out.append(b)
            i += 1
        }
    }

    private mutating func writePreformatted(_ text: UnsafeBufferPointer<UInt8>) {
        for b in text {
            if b == 0x0A {
                if !out.isEmpty {
                    if pendingNewlines > 0 { beginWordNewlinesOnly() }
                    out.append(0x0A)
                    atLineStart = true
                }
                pendingSpace = false
            } else if b == 0x0D {
                continue
            } else {
                if atLineStart || pendingNewlines > 0 || pendingSpace || pendingSeparator || anchorsAwaitingStart > 0 {
                    pendingSpace = false
                    beginWord()
                }
                out.append(b)
            }
        }
    }

    private mutating func beginWordNewlinesOnly() {
        for _ in 0..<pendingNewlines { out.append(0x0A) }
        pendingNewlines = 0
    }
}
