internal import CRE2Shim
import Foundation

/// A compiled regular expression, run by RE2: matching takes time linear in the text, whatever the pattern and
/// whatever the text, so no mail can make a pattern backtrack for minutes. Every pattern Mailroom runs over mail
/// text goes through this type: kind field patterns, the rule language's `matches`, the recognisers.
///
/// Patterns are written as rule authors know them (ICU/Perl style, `rules/README.md`); `PatternSyntax` turns
/// them into RE2's: `(?<name>…)` named groups, `\uFFFF`, and `\d` `\s` `\w` `.` keeping their Unicode meaning.
/// What RE2 cannot run — lookaround, backreferences, atomic groups, possessive quantifiers — is refused with a
/// `PatternProblem` saying what to write instead. Patterns written in Swift source (`init(known:)`) may also
/// begin with a lookbehind and end with a lookahead of one character (`(?<![\p{L}\d])…(?![\p{L}])`): those are
/// matched as one consumed character (or the text's edge) outside the reported match. A Swift-source pattern
/// that needs lookaround elsewhere runs in ICU instead (`NSRegularExpression`): those are written with bounded
/// repetitions only (`\d{1,15}`, `[^\n]{0,160}`), so each start position costs a bounded amount of work and the
/// whole search stays linear. Nothing a rule file or a mail says can reach that engine.
///
/// A Swift-source pattern may also name a group `lookahead` (in several alternatives): what it matches was only
/// looked at, so the match ends where that group begins, and the next search starts there — lookahead that
/// depends on how the match ended, written as alternatives.
///
/// Offsets a caller sees are UTF-16 (`NSString`/`NSRange` positions), as before.
public struct TextPattern: Sendable {
    /// The pattern as written.
    public let source: String
    /// Names of the named groups, in order of appearance.
    public let groupNames: [String]
    let engine: Engine
    /// Written group number → RE2 group number (1 more when the match itself is a group).
    let groupShift: Int
    /// A leading lookbehind became a consumed character: the next search starts one character earlier.
    let consumedPrefix: Bool

    /// RE2's memory budget per pattern (its compiled program and the DFA's cache); a pattern too large for it
    /// is refused when compiled, and a DFA that fills it falls back to RE2's NFA, still linear.
    public static let memoryBudget: Int64 = 8 << 20
    /// The budget of a Swift-source pattern: the recognisers' alternations (every currency, every month name)
    /// make large DFA states, and a DFA that keeps running out of memory leaves the search to the slower NFA.
    package static let builtInMemoryBudget: Int64 = 64 << 20

    public init(_ source: String, caseInsensitive: Bool = false, multiline: Bool = true) throws(PatternProblem) {
        try self.init(source, caseInsensitive: caseInsensitive, multiline: multiline, edgeLookaround: false)
    }

    /// For patterns written in Swift source, known to compile: RE2 when it can run them (edge lookaround
    /// included), else ICU — for patterns whose repetitions are all bounded (see the type's comment).
    package init(known source: String, caseInsensitive: Bool = false) {
        do {
            try self.init(builtIn: source, caseInsensitive: caseInsensitive)
        } catch {
            preconditionFailure("built-in pattern does not compile: \(error.message) — \(source)")
        }
    }

    /// A pattern built in Swift source around escaped literals (labels and keywords of kind files, values to
    /// redact): as `init(known:)`, but a literal that does not compile is the caller's to handle.
    package init(builtIn source: String, caseInsensitive: Bool = false) throws(PatternProblem) {
        do {
            try self.init(source, caseInsensitive: caseInsensitive, multiline: true, edgeLookaround: true)
        } catch {
            var options: NSRegularExpression.Options = [.anchorsMatchLines]
            if caseInsensitive { options.insert(.caseInsensitive) }
            guard let regex = try? NSRegularExpression(pattern: source, options: options) else { throw error }
            let groups = PatternSyntax.groupNumbers(source)
            let names: [String: [Int]] = Dictionary(groups.map { ($0.name, [$0.number]) }, uniquingKeysWith: { (a: [Int], b: [Int]) in a + b })
            self.init(source: source, groupNames: groups.map(\.name), engine: .icu(ICUPattern(regex: regex, names: names)),
                      groupShift: 0, consumedPrefix: false)
        }
    }

    /// `text` with every match replaced by `replacement` (taken literally).
    public func replacingMatches(in text: String, with replacement: String) -> String {
        let found = matches(in: text)
        guard let first = found.first else { return text }
        let base = first.text
        var out = ""
        var last = base.startIndex
        for m in found {
            guard let r = m.ranges[0], r.lowerBound >= last else { continue }
            out += String(base.unicodeScalars[last..<r.lowerBound]) + replacement
            last = r.upperBound
        }
        return out + String(base.unicodeScalars[last...])
    }

    /// Whether RE2 runs this pattern (false: a Swift-source pattern with lookaround, run by ICU).
    package var isLinearEngine: Bool {
        if case .re2 = engine { return true }
        return false
    }

    init(_ source: String, caseInsensitive: Bool, multiline: Bool, edgeLookaround: Bool) throws(PatternProblem) {
        let translated = try PatternSyntax.translate(source, edgeLookaround: edgeLookaround)
        let re2 = (multiline ? "(?m)" : "") + translated.pattern
        var error = [CChar](repeating: 0, count: 512)
        let handle: OpaquePointer? = re2.utf8CString.withUnsafeBufferPointer { p in
            mr_pattern_compile(p.baseAddress, p.count - 1, caseInsensitive ? 1 : 0,
                               edgeLookaround ? Self.builtInMemoryBudget : Self.memoryBudget, &error, error.count)
        }
        guard let handle else {
            let message = String(decoding: error.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PatternProblem(message: PatternSyntax.explain(message), offset: nil)
        }
        var names: [String: [Int]] = [:]
        for i in 0..<Int(mr_pattern_named_group_count(handle)) {
            var group: Int32 = 0
            guard let raw = mr_pattern_named_group(handle, Int32(i), &group) else { continue }
            let name = String(cString: raw)
            let written = name.range(of: PatternSyntax.duplicateMark).map { String(name[..<$0.lowerBound]) } ?? name
            names[written, default: []].append(Int(group))
        }
        names = names.mapValues { $0.sorted() }
        self.init(source: source, groupNames: translated.groupNames,
                  engine: .re2(CompiledPattern(handle: handle, groupCount: Int(mr_pattern_group_count(handle)), names: names,
                                               lookaheadGroups: edgeLookaround ? names["lookahead"] ?? [] : [])),
                  groupShift: translated.matchIsGroup ? 1 : 0, consumedPrefix: translated.consumedPrefix)
    }

    private init(source: String, groupNames: [String], engine: Engine, groupShift: Int, consumedPrefix: Bool) {
        self.source = source
        self.groupNames = groupNames
        self.engine = engine
        self.groupShift = groupShift
        self.consumedPrefix = consumedPrefix
    }

    /// `literal` with every character that means something in a pattern escaped.
    public static func escaped(_ literal: String) -> String {
        var out = ""
        for scalar in literal.unicodeScalars {
            if scalar.isASCII, !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " || scalar == "_") {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    public func matches(in text: String, limit: Int = .max) -> [TextMatch] {
        guard limit > 0 else { return [] }
        switch engine {
        case .re2(let compiled): return Self.matches(compiled, in: text, limit: limit, shift: groupShift, consumedPrefix: consumedPrefix)
        case .icu(let icu): return icu.matches(in: text, limit: limit)
        }
    }

    static func matches(_ compiled: CompiledPattern, in text: String, limit: Int, shift m: Int, consumedPrefix: Bool) -> [TextMatch] {
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { bytes -> [TextMatch] in
            var out: [TextMatch] = []
            var searchFrom = 0
            var minBegin = 0
            while out.count < limit, searchFrom <= bytes.count {
                guard var offsets = compiled.match(bytes, from: searchFrom) else { break }
                if offsets[2 * m] < minBegin {
                    // An edge lookbehind matched the text's start and found again what the last match covered:
                    // look again from where the last match ended.
                    guard searchFrom < minBegin, let again = compiled.match(bytes, from: minBegin),
                          again[2 * m] >= minBegin else { break }
                    offsets = again
                }
                // Characters matched only to look at them end the match where they begin.
                if let g = compiled.lookaheadGroups.first(where: { offsets[2 * $0] >= 0 }) { offsets[2 * m + 1] = offsets[2 * g] }
                out.append(TextMatch(text: copy, utf8Offsets: offsets, shift: m, names: compiled.names))
                let (begin, end) = (offsets[2 * m], offsets[2 * m + 1])
                // After an empty match the next one starts a character further on, as ICU's did.
                minBegin = end == begin ? Self.characterEnd(bytes, end) : end
                // A consumed lookbehind character may be the last one of this match.
                searchFrom = consumedPrefix && minBegin > 0 && minBegin <= bytes.count
                    ? Self.characterStart(bytes, minBegin - 1) : minBegin
            }
            return out
        } ?? []
    }

    public func firstMatch(in text: String) -> TextMatch? { matches(in: text, limit: 1).first }

    public func contains(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// The byte after the UTF-8 character that starts at `i`.
    static func characterEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i + 1
        while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    /// The first byte of the UTF-8 character that byte `i` belongs to.
    static func characterStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }
}

enum Engine: Sendable {
    case re2(CompiledPattern)
    case icu(ICUPattern)
}

/// The RE2 program, freed with the last pattern that shares it. RE2 objects are safe to use from any thread.
final class CompiledPattern: @unchecked Sendable {
    let handle: OpaquePointer
    let groupCount: Int
    let names: [String: [Int]]

    /// The groups named `lookahead` of a Swift-source pattern (see `TextPattern`).
    let lookaheadGroups: [Int]

    init(handle: OpaquePointer, groupCount: Int, names: [String: [Int]], lookaheadGroups: [Int] = []) {
        self.handle = handle
        self.groupCount = groupCount
        self.names = names
        self.lookaheadGroups = lookaheadGroups
    }

    deinit { mr_pattern_free(handle) }

    func match(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int]? {
        let pairs = groupCount + 1
        var raw = [Int64](repeating: -1, count: 2 * pairs)
        let found = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(bytes.count, 1)) { text in
            mr_pattern_match(handle, text, bytes.count, start, &raw, Int32(pairs))
        }
        return found == 1 ? raw.map(Int.init) : nil
    }
}

/// A Swift-source pattern with lookaround, run by ICU (`NSRegularExpression` is immutable, so shareable).
final class ICUPattern: @unchecked Sendable {
    let regex: NSRegularExpression
    let names: [String: [Int]]

    init(regex: NSRegularExpression, names: [String: [Int]]) {
        self.regex = regex
        self.names = names
    }

    func matches(in text: String, limit: Int) -> [TextMatch] {
        var out: [TextMatch] = []
        regex.enumerateMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) { result, _, stop in
            guard let result else { return }
            let ranges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
            out.append(TextMatch(text: text, ranges: ranges, names: self.names))
            if out.count >= limit { stop.pointee = true }
        }
        return out
    }
}

/// One match of a `TextPattern`, with its groups.
public struct TextMatch: Sendable {
    let text: String
    /// Per group as written (0: the match); nil where a group took no part.
    let ranges: [Range<String.Index>?]
    /// Group name → indices in `ranges` (more than one when the name is given in two alternatives).
    let names: [String: [Int]]

    init(text: String, ranges: [Range<String.Index>?], names: [String: [Int]]) {
        self.text = text
        self.ranges = ranges
        self.names = names
    }

    /// From RE2's UTF-8 offsets; `shift` groups before the written ones are dropped.
    init(text: String, utf8Offsets offsets: [Int], shift: Int, names: [String: [Int]]) {
        let utf8 = text.utf8
        func index(_ byte: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: byte) }
        var ranges: [Range<String.Index>?] = []
        for g in stride(from: shift, to: offsets.count / 2, by: 1) {
            ranges.append(offsets[2 * g] < 0 ? nil : index(offsets[2 * g])..<index(offsets[2 * g + 1]))
        }
        self.init(text: text, ranges: ranges, names: names.mapValues { $0.map { $0 - shift } })
    }

    /// The whole match.
    public var value: String { ranges.first.flatMap { $0 }.map(substring) ?? "" }
    /// UTF-16 offset of the match.
    public var utf16Offset: Int { ranges.first.flatMap { $0 }.map { utf16($0.lowerBound) } ?? 0 }
    public var utf16Length: Int { ranges.first.flatMap { $0 }.map { text.utf16.distance(from: $0.lowerBound, to: $0.upperBound) } ?? 0 }

    public func group(_ index: Int) -> String? {
        guard index >= 0, index < ranges.count else { return nil }
        return ranges[index].map(substring)
    }

    public func group(named name: String) -> String? { namedRange(name).map(substring) }

    /// The range of the group called `name` that took part in the match.
    private func namedRange(_ name: String) -> Range<String.Index>? {
        for g in names[name] ?? [] where g < ranges.count {
            if let r = ranges[g] { return r }
        }
        return nil
    }

    /// UTF-16 offsets of group `index` (0: the match) in the searched text.
    public func utf16Range(ofGroup index: Int) -> Range<Int>? {
        guard index >= 0, index < ranges.count, let r = ranges[index] else { return nil }
        return utf16(r.lowerBound)..<utf16(r.upperBound)
    }

    /// UTF-16 offset of a named group in the searched text.
    public func groupOffset(named name: String) -> Int? {
        namedRange(name).map { utf16($0.lowerBound) }
    }

    private func substring(_ r: Range<String.Index>) -> String { String(text.unicodeScalars[r]) }

    private func utf16(_ i: String.Index) -> Int { text.utf16.distance(from: text.utf16.startIndex, to: i) }
}

/// Why a pattern cannot be used, for the person who wrote it.
public struct PatternProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Character offset in the written pattern, when known.
    public var offset: Int?

    public init(message: String, offset: Int?) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }

    /// The sentence for a rule author: a syntax error says the pattern is not valid, a refused construct
    /// (with its place) says what to write instead.
    public func sentence(for source: String) -> String {
        guard let offset else { return "'\(source)' is not a valid regular expression: \(message)" }
        return "'\(source)' cannot be used as a pattern (at character \(offset + 1)): \(message)"
    }
}
