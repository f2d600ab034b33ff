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
}

/// Several problems found in one pass (`rules check` reports them all, not only the first).
public struct RuleFileProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [RuleFileProblem]
    public init(_ problems: [RuleFileProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
