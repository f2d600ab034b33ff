import Foundation

/// A mistake in a file a rule author or operator edits (`rules/`, `connectors/`, the configuration), with
/// where it is and what to do about it. Printed as `rules/quotes.yaml:14:9: unknown field 'totl'; did you
/// mean 'total'?` — the form editors and CI logs turn into links.
public struct RuleFileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    /// The file as the author knows it (relative to the project or rules folder where possible).
    public var file: String
    /// 1-based line and column; nil when the problem concerns the whole file.
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String
    /// What to change, when Mailroom can tell ("did you mean 'total'?", "add `currency: EUR`").
    public var suggestion: String?

    public init(file: String, line: Int?, column: Int?, severity: Severity = .error, message: String,
                suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): \(severity == .warning ? "warning: " : "")\(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text
    }

    /// The closest of `candidates` to `word` (edit distance ≤ 2, or ≤ a third of the word's length), for
    /// "did you mean …?" suggestions.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            let d = editDistance(target, c)
            let limit = max(2, target.count / 3)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Several problems found in one pass (`rules check` reports them all, not only the first).
public struct RuleFileProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [RuleFileProblem]
    public init(_ problems: [RuleFileProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
