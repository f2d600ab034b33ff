// The one wrapper around libxml2: nothing else in Mailroom imports CLibXML2.
//
// A `MarkupDocument` owns one parsed tree (HTML or XML) and frees it when the last reference goes away.
// `MarkupNode`s are cheap views into that tree that keep their document alive. Neither is Sendable: parse,
// read and drop a document on one task.

internal import CLibXML2
import Foundation
import Vocabulary

/// Why a document could not be parsed or queried, in words an operator can act on.
public enum MarkupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is larger than the limit the caller allowed.
    case tooLarge(size: Int, limit: Int)
    /// The input is empty (or only whitespace), so there is no XML document in it.
    case empty
    /// The XML is not well-formed; `line` is 1-based (0 when libxml2 did not say).
    case notWellFormed(line: Int, message: String)
    /// The XML declares entities in a DTD. Mailroom refuses those (entity expansion and external entities are
    /// the classic XML attacks; no business document needs them).
    case entityDeclarationsRefused
    /// The XPath expression could not be compiled or evaluated.
    case invalidXPath(expression: String, message: String)

    public var description: String {
        switch self {
        case let .tooLarge(size, limit):
            return "document is \(size) bytes, more than the limit of \(limit) bytes"
        case .empty:
            return "document is empty"
        case let .notWellFormed(line, message):
            return line > 0 ? "XML is not well-formed (line \(line)): \(message)" : "XML is not well-formed: \(message)"
        case .entityDeclarationsRefused:
            return "XML declares entities in a DTD; refused (entity expansion and external entities are not allowed)"
        case let .invalidXPath(expression, message):
            return "XPath `\(expression)` failed: \(message)"
        }
    }
}

/// The value an XPath expression evaluates to.
public enum XPathValue {
    case nodes([MarkupNode])
    case string(String)
    case number(Double)
    case boolean(Bool)

    /// The value as strings: the string-value of each node, or the single string, number or boolean.
    public var strings: [String] {
        switch self {
        case .nodes(let nodes): return nodes.map(\.text)
        case .string(let s): return [s]
        case .number(let n): return [XPathValue.format(n)]
        case .boolean(let b): return [b ? "true" : "false"]
        }
    }

    package static func format(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n > 0 ? "Infinity" : "-Infinity" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

/// Everything libxml2 needs once per process: the parser initialised, and an external-entity loader that
/// refuses every load (no file:// or http:// fetch can ever happen while parsing mail content).
private let libxml2Ready: Bool = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
    return true
}()

/// A parsed HTML or XML document (libxml2 tree). Freed deterministically when the last reference
/// (the document or any of its nodes) goes away.
public final class MarkupDocument {
    public enum Flavour: Sendable { case html, xml }

    /// Default size limits: mail HTML rarely passes a few MB; e-invoices are far smaller than 32 MB.
    public static let defaultHTMLLimit = 64 << 20
    public static let defaultXMLLimit = 32 << 20

    fileprivate let doc: xmlDocPtr
    public let flavour: Flavour
    /// For HTML: the charset the bytes were read in (iconv name, e.g. `GB18030`, `UTF-8`, `WINDOWS-1252`).
    /// For XML: the encoding the document declared, if any.
    public let charset: String?

    /// Parses HTML leniently (libxml2's HTML parser in recover mode, no network, no error output); never fails
    /// on garbage. The charset comes from, in order: a byte-order mark, `charset` (the MIME part's label,
    /// unless it claims ASCII/UTF-8 and the bytes are not), `<meta charset>` / `<meta http-equiv>`, UTF-8
    /// when the bytes are valid UTF-8, else Windows-1252.
    public init(html data: Data, charset hint: String? = nil, maxBytes: Int = MarkupDocument.defaultHTMLLimit) throws(MarkupError) {
        guard data.count <= maxBytes else { throw .tooLarge(size: data.count, limit: maxBytes) }
        _ = libxml2Ready
        let bytes = [UInt8](data)
        let (charsetName, bomLength) = MarkupDocument.htmlCharset(of: bytes, hint: hint)
        let body = bytes[bomLength...]
        var utf8: [UInt8]
        if charsetName == "UTF-8" || charsetName == "US-ASCII" {
            utf8 = Array(String(decoding: body, as: UTF8.self).utf8)
        } else if let converted = DocumentTextDecoder.convertToUTF8(Array(body), from: charsetName) {
            utf8 = converted
        } else {
            utf8 = Array(String(decoding: body, as: UTF8.self).utf8)
        }
        utf8 = MarkupDocument.normaliseForHTMLParser(utf8)

        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let parsed: xmlDocPtr? = utf8.isEmpty ? nil : utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        if let parsed {
            self.doc = parsed
        } else {
            // Empty input (or input libxml2 gives up on entirely): an empty HTML document.
            let minimal = "<html><body></body></html>"
            guard let empty = htmlReadMemory(minimal, Int32(minimal.utf8.count), nil, "UTF-8", options) else {
                fatalError("libxml2 could not allocate a document")
            }
            self.doc = empty
        }
        self.flavour = .html
        self.charset = charsetName
    }

    /// Convenience for HTML already held as a Swift string.
    public convenience init(htmlString: String) throws(MarkupError) {
        try self.init(html: Data(htmlString.utf8), charset: "UTF-8")
    }

    /// Parses XML safely: no network, no DTD loading, no entity substitution, and documents that declare
    /// entities are refused (XXE and "billion laughs" cannot happen). With `recover` libxml2 salvages what it
    /// can from a broken document instead of throwing `.notWellFormed`.
    public init(xml data: Data, maxBytes: Int = MarkupDocument.defaultXMLLimit, recover: Bool = false) throws(MarkupError) {
        guard data.count <= maxBytes else { throw .tooLarge(size: data.count, limit: maxBytes) }
        guard data.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { throw .empty }
        _ = libxml2Ready
        guard let ctxt = xmlNewParserCtxt() else { fatalError("libxml2 could not allocate a parser context") }
        defer { xmlFreeParserCtxt(ctxt) }
        var optionBits = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        if recover { optionBits |= XML_PARSE_RECOVER.rawValue }
        let options = Int32(bitPattern: optionBits)
        // The first error is the one that explains the problem (later ones are consequences): a structured
        // error handler keeps it, reached through the context's private pointer.
        let firstError = UnsafeMutablePointer<FirstParseError>.allocate(capacity: 1)
        firstError.initialize(to: FirstParseError())
        defer {
            firstError.deinitialize(count: 1)
            firstError.deallocate()
        }
        ctxt.pointee._private = UnsafeMutableRawPointer(firstError)
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let slot = context.pointee._private?.assumingMemoryBound(to: FirstParseError.self),
                  slot.pointee.message == nil else { return }
            slot.pointee.message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            slot.pointee.line = Int(error.pointee.line)
        }
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
            let chars = raw.bindMemory(to: CChar.self)
            return xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, nil, options)
        }
        let wellFormed = ctxt.pointee.wellFormed != 0
        guard let parsed, wellFormed || recover else {
            if let parsed { xmlFreeDoc(parsed) }
            // Entity loops and amplification are caught by libxml2 as syntax errors; say what they are.
            if MarkupDocument.declaresEntities(data) { throw .entityDeclarationsRefused }
            let last = ctxt.pointee.lastError
            let message = firstError.pointee.message
                ?? last.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            throw .notWellFormed(line: firstError.pointee.message != nil ? firstError.pointee.line : Int(last.line),
                                 message: message ?? "libxml2 could not parse it")
        }
        if let dtd = parsed.pointee.intSubset, dtd.pointee.entities != nil || dtd.pointee.pentities != nil {
            xmlFreeDoc(parsed)
            throw .entityDeclarationsRefused
        }
        self.doc = parsed
        self.flavour = .xml
        self.charset = parsed.pointee.encoding.map { String(cString: $0) }
    }

    deinit {
        xmlFreeDoc(doc)
    }

    private struct FirstParseError {
        var message: String?
        var line = 0
    }

    /// Whether the bytes contain an entity declaration (`<!ENTITY`), ASCII case-insensitively.
    package static func declaresEntities(_ data: Data) -> Bool {
        let needle = Array("<!entity".utf8)
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= needle.count else { return false }
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == 0x3C {
                    var k = 1
                    while k < needle.count, (bytes[i + k] | (k >= 2 ? 0x20 : 0)) == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The root element (`<html>` for HTML), nil for an empty document.
    public var root: MarkupNode? {
        xmlDocGetRootElement(doc).map { MarkupNode(node: $0, document: self) }
    }

    /// Evaluates an XPath 1.0 expression against the document. `namespaces` maps the prefixes used in the
    /// expression to namespace URIs (XPath has no default namespace: elements in a namespace need a prefix).
    public func evaluate(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> XPathValue {
        try evaluateXPath(xpath, namespaces: namespaces, context: nil)
    }

    /// The nodes an XPath expression selects (empty when it selects none or yields a non-node value).
    public func nodes(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> [MarkupNode] {
        if case .nodes(let nodes) = try evaluate(xpath: xpath, namespaces: namespaces) { return nodes }
        return []
    }

    /// The string-values an XPath expression yields, in document order (see `XPathValue.strings`).
    public func strings(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> [String] {
        try evaluate(xpath: xpath, namespaces: namespaces).strings
    }

    /// The first string-value an XPath expression yields, or nil when it selects nothing.
    public func firstString(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> String? {
        try strings(xpath: xpath, namespaces: namespaces).first
    }

    fileprivate func evaluateXPath(_ expression: String, namespaces: [String: String], context: xmlNodePtr?) throws(MarkupError) -> XPathValue {
        guard let ctx = xmlXPathNewContext(doc) else { fatalError("libxml2 could not allocate an XPath context") }
        defer { xmlXPathFreeContext(ctx) }
        ctx.pointee.error = { _, _ in }  // keep libxml2 quiet; the error is read from lastError below
        for (prefix, uri) in namespaces {
            _ = withXMLChars(prefix) { p in withXMLChars(uri) { u in xmlXPathRegisterNs(ctx, p, u) } }
        }
        if let context { ctx.pointee.node = context }
        let object = withXMLChars(expression) { xmlXPathEvalExpression($0, ctx) }
        guard let object else {
            let message = ctx.pointee.lastError.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            throw .invalidXPath(expression: expression, message: message ?? "could not evaluate")
        }
        defer { xmlXPathFreeObject(object) }
        switch object.pointee.type {
        case XPATH_NODESET:
            var result: [MarkupNode] = []
            if let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab {
                result.reserveCapacity(Int(set.pointee.nodeNr))
                for i in 0..<Int(set.pointee.nodeNr) {
                    // Namespace nodes are copies owned by the result object; they cannot outlive it.
                    guard let node = table[i], node.pointee.type != XML_NAMESPACE_DECL else { continue }
                    result.append(MarkupNode(node: node, document: self))
                }
            }
            return .nodes(result)
        case XPATH_BOOLEAN:
            return .boolean(object.pointee.boolval != 0)
        case XPATH_NUMBER:
            return .number(object.pointee.floatval)
        case XPATH_STRING:
            return .string(object.pointee.stringval.map { String(cString: $0) } ?? "")
        default:
            throw .invalidXPath(expression: expression, message: "unsupported result type")
        }
    }

    /// Prepares UTF-8 HTML for libxml2's HTML parser, which mis-reads four things mail HTML is full of:
    /// NUL bytes (they end text nodes early: dropped), `</body>`/`</html>` followed by more content (dropped,
    /// so the content stays), namespaced Office tags (`<o:p>` would become a `<p>`
    /// because the parser drops the prefix: renamed `<o-p>`, an unknown inline element), and Outlook's
    /// downlevel-revealed conditionals (`<![if !supportLists]>`, `<![endif]>`, which would show as text: removed,
    /// keeping what they enclose, as every non-IE reader does).
    package static func normaliseForHTMLParser(_ input: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        let n = input.count
        var i = 0
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        @inline(__always) func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }
        while i < n {
            let b = input[i]
            if b == 0 {
                i += 1
                continue
            }
            guard b == UInt8(ascii: "<"), i + 2 < n else {
                out.append(b)
                i += 1
                continue
            }
            // <![if …]> and <![endif]>
            if input[i + 1] == UInt8(ascii: "!"), input[i + 2] == UInt8(ascii: "["), i + 4 < n {
                let word = input[(i + 3)..<min(n, i + 8)].map { $0 | 0x20 }
                if word.starts(with: Array("if".utf8)) && (i + 5 < n) && !isAlnum(input[i + 5])
                    || word.starts(with: Array("endif".utf8)) {
                    // Up to the first "]", which must close the marker at once ("<![endif]-->" ends a
                    // comment instead and is left alone).
                    var j = i + 3
                    while j < min(n, i + 256), input[j] != UInt8(ascii: "]"), input[j] != UInt8(ascii: "<"),
                          input[j] != UInt8(ascii: ">") { j += 1 }
                    if j + 1 < n, input[j] == UInt8(ascii: "]"), input[j + 1] == UInt8(ascii: ">") {
                        i = j + 2
                        continue
                    }
                }
            }
            // </body> and </html>: libxml2 stops reading at </html> when the document has a DOCTYPE, but
            // mail has content after it (mailing-list footers); browsers keep such content in the body.
            if input[i + 1] == UInt8(ascii: "/"), i + 6 < n {
                var j = i + 2
                while j < n, j < i + 7, isLetter(input[j]) { j += 1 }
                let name = input[(i + 2)..<j].map { $0 | 0x20 }
                if name == Array("body".utf8) || name == Array("html".utf8) {
                    var k = j
                    while k < n, input[k] == 0x20 || input[k] == 0x0A || input[k] == 0x0D || input[k] == 0x09 { k += 1 }
                    if k < n, input[k] == UInt8(ascii: ">") {
                        i = k + 1
                        continue
                    }
                }
            }
            // <prefix:name …> and </prefix:name>
            var j = i + 1
            if input[j] == UInt8(ascii: "/") { j += 1 }
            if j < n, isLetter(input[j]) {
                var k = j
                while k < n, isAlnum(input[k]) { k += 1 }
                if k + 1 < n, input[k] == UInt8(ascii: ":"), isLetter(input[k + 1]) {
                    out.append(contentsOf: input[i..<k])
                    out.append(UInt8(ascii: "-"))
                    i = k + 1
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// Finds the declared charset of HTML bytes (see `init(html:charset:)`). Returns the iconv name and the
    /// length of a byte-order mark to skip.
    package static func htmlCharset(of bytes: [UInt8], hint: String?) -> (String, Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        lazy var validUTF8 = DocumentTextDecoder.isValidUTF8(bytes)
        if let hint, let name = DocumentTextDecoder.iconvName(forLabel: hint) {
            if name == "UTF-8" || name == "US-ASCII" {
                if validUTF8 { return ("UTF-8", 0) }
                // A label that lies: fall through to the document's own declaration.
            } else if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") {
                return (name, 0)
            } else if DocumentTextDecoder.convertToUTF8([], from: name) != nil {
                return (name, 0)
            }
        }
        if let declared = metaCharset(in: bytes), let name = DocumentTextDecoder.iconvName(forLabel: declared),
           DocumentTextDecoder.convertToUTF8([], from: name) != nil {
            // A meta that says UTF-16 was found by reading ASCII, so the bytes are not UTF-16 (HTML spec).
            if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") { return validUTF8 ? ("UTF-8", 0) : ("WINDOWS-1252", 0) }
            if name == "US-ASCII" { return validUTF8 ? ("UTF-8", 0) : ("WINDOWS-1252", 0) }
            if name == "UTF-8", !validUTF8 { return ("UTF-8", 0) }  // repaired with U+FFFD
            return (name, 0)
        }
        return validUTF8 ? ("UTF-8", 0) : ("WINDOWS-1252", 0)
    }

    /// The charset a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` declares
    /// within the first 64 KB (mail HTML often has long style blocks before its meta).
    package static func metaCharset(in bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 65_536)
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func matches(_ word: String, at i: Int) -> Bool {
            var j = i
            for c in word.utf8 {
                guard j < limit, lower(bytes[j]) == c else { return false }
                j += 1
            }
            return true
        }
        var i = 0
        while i + 5 < limit {
            guard bytes[i] == UInt8(ascii: "<"), matches("meta", at: i + 1) else {
                i += 1
                continue
            }
            var j = i + 5
            while j < limit, bytes[j] != UInt8(ascii: ">") {
                if matches("charset", at: j) {
                    var k = j + 7
                    while k < limit, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D { k += 1 }
                    if k < limit, bytes[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < limit, [0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27].contains(bytes[k]) { k += 1 }
                        var end = k
                        while end < limit, end - k < 40 {
                            let b = bytes[end]
                            let ok = (b >= 0x30 && b <= 0x39) || (lower(b) >= 0x61 && lower(b) <= 0x7A)
                                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
                            guard ok else { break }
                            end += 1
                        }
                        if end > k { return String(decoding: bytes[k..<end].map(lower), as: UTF8.self) }
                    }
                    j += 7
                    continue
                }
                j += 1
            }
            i = j
        }
        return nil
    }
}

/// One node of a `MarkupDocument` (element, text, attribute, …). Holds its document alive.
public struct MarkupNode {
    public enum Kind: Sendable, Equatable { case element, text, cdata, comment, attribute, document, other }

    fileprivate let node: xmlNodePtr
    /// The document that owns this node.
    public let document: MarkupDocument

    fileprivate init(node: xmlNodePtr, document: MarkupDocument) {
        self.node = node
        self.document = document
    }

    public var kind: Kind {
        switch node.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_COMMENT_NODE: return .comment
        case XML_ATTRIBUTE_NODE: return .attribute
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE: return .document
        default: return .other
        }
    }

    /// True for an element node.
    public var isElement: Bool { node.pointee.type == XML_ELEMENT_NODE }

    /// The local name of an element or attribute (lower-case for HTML); "text", "comment", … for other nodes.
    public var name: String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace prefix of an element or attribute as written, if any.
    public var prefix: String? {
        guard node.pointee.type == XML_ELEMENT_NODE || node.pointee.type == XML_ATTRIBUTE_NODE,
              let ns = node.pointee.ns, let p = ns.pointee.prefix else { return nil }
        return String(cString: p)
    }

    /// The namespace URI of an element or attribute, if any.
    public var namespaceURI: String? {
        guard node.pointee.type == XML_ELEMENT_NODE || node.pointee.type == XML_ATTRIBUTE_NODE,
              let ns = node.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The line the node starts on in the source (1-based; 0 when unknown).
    public var line: Int { Int(xmlGetLineNo(node)) }

    public var parent: MarkupNode? {
        guard let p = node.pointee.parent, p.pointee.type != XML_DOCUMENT_NODE, p.pointee.type != XML_HTML_DOCUMENT_NODE
        else { return nil }
        return MarkupNode(node: p, document: document)
    }

    public var firstChild: MarkupNode? {
        guard let c = node.pointee.children else { return nil }
        return MarkupNode(node: c, document: document)
    }

    public var nextSibling: MarkupNode? {
        node.pointee.next.map { MarkupNode(node: $0, document: document) }
    }

    /// All child nodes, in order.
    public var children: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = node.pointee.children
        while let c = child {
            result.append(MarkupNode(node: c, document: document))
            child = c.pointee.next
        }
        return result
    }

    /// The child elements, in order.
    public var childElements: [MarkupNode] { children.filter(\.isElement) }

    /// The element's attributes, in source order (names as written without prefix; lower-case for HTML).
    public var attributes: [(name: String, value: String)] {
        guard node.pointee.type == XML_ELEMENT_NODE else { return [] }
        var result: [(String, String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            let name = a.pointee.name.map { String(cString: $0) } ?? ""
            result.append((name, MarkupNode.attributeValue(a)))
            attr = a.pointee.next
        }
        return result
    }

    /// The value of the attribute with this (local) name, or nil when absent. An attribute present without
    /// a value (HTML `<div hidden>`) gives "".
    public func attribute(_ name: String) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE else { return nil }
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, MarkupNode.equals(n, name) {
                return MarkupNode.attributeValue(a)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// Whether the element has an attribute with this (local) name.
    public func hasAttribute(_ name: String) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE else { return false }
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, MarkupNode.equals(n, name) { return true }
            attr = a.pointee.next
        }
        return false
    }

    /// The text of the node: for text and CDATA nodes their content, for elements and documents the
    /// concatenated text of all descendants (XPath string-value), for attributes their value.
    public var text: String {
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
            || node.pointee.type == XML_COMMENT_NODE {
            return node.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { mr_xml_free(content) }
        return String(cString: content)
    }

    /// Calls `body` with the UTF-8 bytes of a text, CDATA or comment node without copying them (an empty
    /// buffer for other nodes). The buffer is valid only during the call.
    public func withContentBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let type = node.pointee.type
        guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE || type == XML_COMMENT_NODE,
              let content = node.pointee.content else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }

    /// Evaluates an XPath expression with this node as the context node (`.//cbc:ID`, `cac:Price/cbc:PriceAmount`).
    public func evaluate(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> XPathValue {
        try document.evaluateXPath(xpath, namespaces: namespaces, context: node)
    }

    public func nodes(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> [MarkupNode] {
        if case .nodes(let nodes) = try evaluate(xpath: xpath, namespaces: namespaces) { return nodes }
        return []
    }

    public func strings(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> [String] {
        try evaluate(xpath: xpath, namespaces: namespaces).strings
    }

    public func firstString(xpath: String, namespaces: [String: String] = [:]) throws(MarkupError) -> String? {
        try strings(xpath: xpath, namespaces: namespaces).first
    }

    private static func equals(_ cName: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var i = 0
        for byte in name.utf8 {
            if cName[i] != byte { return false }
            i += 1
        }
        return cName[i] == 0
    }

    private static func attributeValue(_ attr: xmlAttrPtr) -> String {
        guard let children = attr.pointee.children else { return "" }
        if children.pointee.next == nil, children.pointee.type == XML_TEXT_NODE, let content = children.pointee.content {
            return String(cString: content)
        }
        guard let value = xmlNodeListGetString(attr.pointee.doc, children, 1) else { return "" }
        defer { mr_xml_free(value) }
        return String(cString: value)
    }
}

extension MarkupNode: Equatable {
    /// Two values are equal when they denote the same node of the same document.
    public static func == (lhs: MarkupNode, rhs: MarkupNode) -> Bool { lhs.node == rhs.node }
}

private func withXMLChars<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    string.withCString { chars in
        chars.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
    }
}
