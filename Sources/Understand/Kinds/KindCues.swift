import Foundation

/// The cue words of every kind (`cues:` in the kind files), ready to look for in a message's text.
///
/// A cue is a word or phrase a rule author declares for a kind: `purchase order`, `Bestellung`, `订单`. It is
/// found as whole words (so `order` is not found in `disorder`, and `in order to` is a phrase of its own); a
/// cue ending in `*` is a word prefix (`bestell*` finds `Bestellnummer` and `bestellen`, for languages that
/// compound and inflect); a cue with Chinese, Japanese or Korean characters is found anywhere in the text,
/// since those scripts do not separate words.
///
/// Looking costs one pass over the text to cut it into words, then one dictionary lookup per cue: linear in
/// the text, whatever the cues are. Cues come from the rule files, never from mail.
public struct KindCueSet: Sendable, Hashable, Codable {
    package struct Cue: Sendable, Hashable {
        /// The cue as declared (lower-case).
        package var phrase: String
        /// Its words, for Latin-script (and other space-separated) cues; empty for a CJK cue.
        package var words: [String]
        /// The last word is a prefix (`bestell*`).
        package var lastIsPrefix: Bool
        /// The cue's text for CJK cues (found as a substring of the lower-cased text), else nil.
        package var substring: String?

        package init(_ phrase: String) {
            let lower = phrase.lowercased().trimmingCharacters(in: .whitespaces)
            self.phrase = lower
            if lower.unicodeScalars.contains(where: ClassifierFeatures.isCJK) {
                substring = lower
                words = []
                lastIsPrefix = false
            } else {
                substring = nil
                lastIsPrefix = lower.hasSuffix("*")
                words = KindCueSet.words(of: lastIsPrefix ? String(lower.dropLast()) : lower)
            }
        }
    }

    /// Kind name → its cues, in declaration order; kinds without cues are left out.
    package private(set) var cuesByKind: [String: [Cue]]

    public static let none = KindCueSet(declared: [:])

    package init(declared: [String: [String]]) {
        cuesByKind = declared.mapValues { phrases in
            var seen = Set<String>()
            return phrases.map(Cue.init).filter { ($0.words.isEmpty == false || $0.substring != nil) && seen.insert($0.phrase).inserted }
        }.filter { !$0.value.isEmpty }
    }

    public init(catalogue: KindCatalogue) {
        self = catalogue.cues
    }

    package init(kinds: [KindDefinition]) {
        self.init(declared: Dictionary(kinds.map { ($0.name, $0.cues) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The kinds' `not_cues:` — signs that a mail is not the kind it reads like.
    package init(notCuesOf kinds: [KindDefinition]) {
        self.init(declared: Dictionary(kinds.map { ($0.name, $0.notCues) }, uniquingKeysWith: { first, _ in first }))
    }

    package var isEmpty: Bool { cuesByKind.isEmpty }
    package var kinds: [String] { cuesByKind.keys.sorted() }

    /// The declared phrases, for the cache key and the model file.
    package var declared: [String: [String]] { cuesByKind.mapValues { $0.map(\.phrase) } }

    public init(from decoder: Decoder) throws {
        self.init(declared: try decoder.singleValueContainer().decode([String: [String]].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(declared)
    }

    /// A text cut into words once, to look for any number of cues in it.
    package struct Text {
        let words: [String]
        let positions: [String: [Int]]
        let lowercased: String

        package init(_ text: String) {
            lowercased = text.lowercased()
            words = KindCueSet.words(of: lowercased)
            var positions: [String: [Int]] = [:]
            for (i, w) in words.enumerated() { positions[w, default: []].append(i) }
            self.positions = positions
        }

        package func contains(_ cue: Cue) -> Bool {
            if let substring = cue.substring { return lowercased.contains(substring) }
            guard let first = cue.words.first else { return false }
            let last = cue.words.count - 1
            if cue.lastIsPrefix && last == 0 {
                return words.contains { $0.hasPrefix(first) }
            }
            for start in positions[first] ?? [] where start + last < words.count {
                var matches = true
                for k in 1..<cue.words.count {
                    let word = words[start + k]
                    if k == last && cue.lastIsPrefix ? !word.hasPrefix(cue.words[k]) : word != cue.words[k] {
                        matches = false
                        break
                    }
                }
                if matches { return true }
            }
            return false
        }
    }

    /// The cues of each kind found in `text`: kind → the phrases found (kinds with none are left out).
    package func found(in text: Text) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (kind, cues) in cuesByKind {
            let hits = cues.filter { text.contains($0) }.map(\.phrase)
            if !hits.isEmpty { out[kind] = hits }
        }
        return out
    }

    /// Lower-case words: runs of letters and digits (CJK characters are left to substring cues).
    package static func words(of lowercased: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in lowercased.unicodeScalars {
            if (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && !ClassifierFeatures.isCJK(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }
}
