import Foundation

/// "Did you mean …?" for every file Mailroom reads (configuration, kinds, rules, connectors, approvers) and
/// every name a person types (fields, kinds, commands): one rule, so the same typo gets the same answer
/// everywhere.
public enum Suggestion {
    /// The allowed name closest to a mistyped one: the same letters ignoring case and `-`/`_`; else the only
    /// allowed name that starts with what was typed (three letters or more); else the nearest one within a
    /// few edits (one for short words, at most three for long ones; a swap of neighbours is one edit).
    public static func closest(to typed: String, among allowed: some Sequence<String>) -> String? {
        func squash(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }
        let allowed = Array(allowed)
        let t = squash(typed)
        guard !t.isEmpty else { return nil }
        if let same = allowed.first(where: { squash($0) == t }) { return same }
        let extending = allowed.filter { t.count >= 3 && squash($0).hasPrefix(t) }
        if extending.count == 1 { return extending[0] }
        let limit = max(1, min(3, t.count / 3))
        var best: (name: String, distance: Int)?
        for name in allowed {
            let d = editDistance(t, squash(name))
            if d <= limit, d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best?.name
    }

    /// `"did you mean 'x'?"`, or nil when nothing is close.
    public static func didYouMean(_ typed: String, among allowed: some Sequence<String>) -> String? {
        closest(to: typed, among: allowed).map { "did you mean '\($0)'?" }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
