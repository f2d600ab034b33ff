import Foundation

// TEMPORARY PLACEHOLDER — delete this file when main carries the parse-docs branch (HTMLText, TNEF).
// It holds the agreed contract signatures from notes/CONTEXT.md with a deliberately crude body, so the
// MIME parser builds and its tests run before the colleague's libxml2/TNEF work is merged.

public enum HTMLText {
    /// Placeholder: drops tags, script and style, decodes a few entities. The real one uses libxml2.
    public static func plainText(fromHTML html: Data, charset: String?) -> String {
        let decoded = TextDecoding.decode(Array(html), charset: charset.map { MailCharset(label: $0) }).text
        var out = ""
        var inTag = false
        var tagName = ""
        var skipping: String?
        for ch in decoded {
            if inTag {
                if ch == ">" {
                    inTag = false
                    let name = tagName.lowercased()
                    if name == "script" || name == "style" { skipping = name }
                    if let s = skipping, name == "/" + s { skipping = nil }
                    if ["br", "p", "/p", "div", "/div", "tr", "li", "h1", "h2", "h3"].contains(name) { out += "\n" }
                } else if ch == " " || ch == "/" && !tagName.isEmpty {
                    if ch == "/" { tagName += "/" }
                    tagName += "\u{0}"
                } else if !tagName.contains("\u{0}") {
                    tagName.append(ch)
                }
                continue
            }
            if ch == "<" { inTag = true; tagName = ""; continue }
            if skipping != nil { continue }
            out.append(ch)
        }
        out = out.replacingOccurrences(of: "\u{0}", with: "")
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public struct TNEFAttachment: Sendable {
    public var filename: String?
    public var data: Data
    public var contentType: String?
    public init(filename: String?, data: Data, contentType: String?) {
        self.filename = filename
        self.data = data
        self.contentType = contentType
    }
}

public struct PendingTNEFError: Error, CustomStringConvertible {
    public var description: String { "TNEF unpacking is not merged into this branch yet" }
}

public enum TNEF {
    /// Placeholder: the real reader comes from parse-docs.
    public static func attachments(in data: Data) throws -> [TNEFAttachment] {
        throw PendingTNEFError()
    }

    public static func bodyText(in data: Data) -> String? { nil }
}
