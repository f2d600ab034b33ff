import Foundation

/// A compiled regular expression (ICU syntax, as rule authors write them in `rules/kinds/*.yaml`), safe to
/// share between tasks: an `NSRegularExpression` is immutable once made.
public struct TextPattern: @unchecked Sendable {
    public let source: String
    let regex: NSRegularExpression

    public init(_ source: String, caseInsensitive: Bool = false, multiline: Bool = true) throws {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        if multiline { options.insert(.anchorsMatchLines) }
        self.source = source
        regex = try NSRegularExpression(pattern: source, options: options)
    }

    /// For patterns written in Swift source, known to compile.
    init(known source: String, caseInsensitive: Bool = false) {
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
            out.append(TextMatch(text: text, result: result))
            if out.count >= limit { stop.pointee = true }
        }
        return out
    }

    public func firstMatch(in text: String) -> TextMatch? {
        let ns = text as NSString
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length))
            .map { TextMatch(text: text, result: $0) }
    }

    public func contains(_ text: String) -> Bool { firstMatch(in: text) != nil }
}

/// One match of a `TextPattern`, with its groups.
public struct TextMatch: @unchecked Sendable {
    let text: String
    let result: NSTextCheckingResult

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
        substring(result.range(withName: name))
    }

    public func groupOffset(named name: String) -> Int? {
        let r = result.range(withName: name)
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
