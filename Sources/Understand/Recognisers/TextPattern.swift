import Foundation

/// A compiled regular expression (ICU syntax, as rule authors write them in `rules/kinds/*.yaml`), safe to
/// share between tasks: an `NSRegularExpression` is immutable once made.
///
/// Group names may contain `_` (`(?<unit_price>…)`, as field names do); ICU allows only letters and digits,
/// so such names are renamed inside and looked up by their written name.
public struct TextPattern: @unchecked Sendable {
    public let source: String
    package let regex: NSRegularExpression
    /// Written group name → the name ICU knows.
    package let groupAliases: [String: String]

    public init(_ source: String, caseInsensitive: Bool = false, multiline: Bool = true) throws {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        if multiline { options.insert(.anchorsMatchLines) }
        self.source = source
        var aliases: [String: String] = [:]
        var rewritten = source
        if source.contains("_") {
            let finder = try NSRegularExpression(pattern: #"\(\?<([A-Za-z][A-Za-z0-9_]*)>"#)
            let ns = source as NSString
            var out = ""
            var last = 0
            for (i, m) in finder.matches(in: source, range: NSRange(location: 0, length: ns.length)).enumerated() {
                let name = ns.substring(with: m.range(at: 1))
                guard name.contains("_") else { continue }
                let icuName = "mr\(i)x" + name.filter { $0 != "_" }
                aliases[name] = icuName
                out += ns.substring(with: NSRange(location: last, length: m.range(at: 1).location - last)) + icuName
                last = m.range(at: 1).location + m.range(at: 1).length
            }
            rewritten = out + ns.substring(from: last)
        }
        groupAliases = aliases
        regex = try NSRegularExpression(pattern: rewritten, options: options)
    }

    /// For patterns written in Swift source, known to compile.
    package init(known source: String, caseInsensitive: Bool = false) {
        // swiftlint:disable:next force_try
        try! self.init(source, caseInsensitive: caseInsensitive)
    }

    /// Names of the pattern's named groups, in order of appearance.
    public var groupNames: [String] {
        let finder = TextPattern(known: #"\(\?<([A-Za-z][A-Za-z0-9_]*)>"#)
        return finder.matches(in: source).compactMap { $0.group(1) }
    }

    public func matches(in text: String, limit: Int = .max) -> [TextMatch] {
        let ns = text as NSString
        var out: [TextMatch] = []
        regex.enumerateMatches(in: text, range: NSRange(location: 0, length: ns.length)) { result, _, stop in
            guard let result else { return }
            out.append(TextMatch(text: text, result: result, groupAliases: groupAliases))
            if out.count >= limit { stop.pointee = true }
        }
        return out
    }

    public func firstMatch(in text: String) -> TextMatch? {
        let ns = text as NSString
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length))
            .map { TextMatch(text: text, result: $0, groupAliases: groupAliases) }
    }

    public func contains(_ text: String) -> Bool { firstMatch(in: text) != nil }
}

/// One match of a `TextPattern`, with its groups.
public struct TextMatch: @unchecked Sendable {
    package let text: String
    package let result: NSTextCheckingResult
    package var groupAliases: [String: String] = [:]

    /// The whole match.
    public var value: String { substring(result.range) ?? "" }
    /// UTF-16 offset of the match.
    public var utf16Offset: Int { result.range.location }
    public var utf16Length: Int { result.range.length }

    public func group(_ index: Int) -> String? {
        guard index < result.numberOfRanges else { return nil }
        return substring(result.range(at: index))
    }

    public func group(named name: String) -> String? {
        substring(result.range(withName: groupAliases[name] ?? name))
    }

    public func groupOffset(named name: String) -> Int? {
        let r = result.range(withName: groupAliases[name] ?? name)
        return r.location == NSNotFound ? nil : r.location
    }

    private func substring(_ range: NSRange) -> String? {
        guard range.location != NSNotFound else { return nil }
        return (text as NSString).substring(with: range)
    }
}

/// A value found in a text, with where it was found.
public struct Recognised<Value: Sendable>: Sendable {
    public var value: Value
    /// The text as written in the source ("1.234,56 €").
    public var excerpt: String
    /// UTF-16 offset in the searched text.
    public var offset: Int

    public init(value: Value, excerpt: String, offset: Int) {
        self.value = value
        self.excerpt = excerpt
        self.offset = offset
    }
}
