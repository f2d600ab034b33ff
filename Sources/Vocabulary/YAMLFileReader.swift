import Foundation
import Yams

/// Reading one YAML file a person wrote — a kind, a rule file, a connector, the approvers, a rule test — with
/// every problem placed at its file:line:column and worded the same way for every kind of file. The
/// configuration file is read through `Codable` (`ConfigurationReading.swift`) and words its syntax errors
/// with the same `syntaxProblem`.
public struct YAMLFileReader {
    /// The file as shown to the person (relative to the working folder where possible).
    public let file: String
    public var problems: [RuleFileProblem] = []

    public init(file: String) { self.file = file }

    /// Records a problem at a node (its line and column), with an optional suggestion.
    public mutating func problem(_ node: Node?, _ message: String, suggestion: String? = nil,
                                 severity: RuleFileProblem.Severity = .error) {
        problems.append(RuleFileProblem(file: file, at: node, severity: severity, message: message, suggestion: suggestion))
    }

    public mutating func append(_ more: [RuleFileProblem]) { problems += more }

    /// "unknown key 'x' in a rule; did you mean 'y'?" — or the keys allowed there when nothing is close.
    public mutating func unknownKey(_ keyNode: Node, _ key: String, allowed: [String], place: String? = nil) {
        problem(keyNode, "unknown key '\(key)'" + (place.map { " \($0)" } ?? ""),
                suggestion: Suggestion.didYouMean(key, among: allowed) ?? "allowed here: " + allowed.joined(separator: ", "))
    }

    /// The file's text, or nil (with a problem) when it cannot be read or is not UTF-8.
    public mutating func text(of url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else {
            problem(nil, "cannot read the file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problem(nil, "the file is not UTF-8 text", suggestion: "save it as UTF-8")
            return nil
        }
        return text
    }

    /// The node tree of `text`: `.success(nil)` for an empty file, `.failure` (already recorded) for text that
    /// is not YAML.
    public mutating func compose(_ text: String) -> Result<Node?, RuleFileProblem> {
        do {
            return .success(try Yams.compose(yaml: text))
        } catch {
            let p = YAMLFileReader.syntaxProblem(error, file: file)
            problems.append(p)
            return .failure(p)
        }
    }

    /// A YAML syntax error as a problem at its line and column.
    public static func syntaxProblem(_ error: Error, file: String) -> RuleFileProblem {
        guard let error = error as? YamlError else {
            return RuleFileProblem(file: file, line: nil, column: nil, message: "this is not valid YAML: \(error)")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return RuleFileProblem(file: file, line: mark.line, column: mark.column, message: "this is not valid YAML: \(what)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return RuleFileProblem(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "the key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appear more than once")
        default:
            return RuleFileProblem(file: file, line: nil, column: nil, message: "this is not valid YAML: \(error)")
        }
    }
}

extension RuleFileProblem {
    /// A problem at a YAML node's line and column (the file's start when there is no node).
    public init(file: String, at node: Node?, severity: Severity = .error, message: String, suggestion: String? = nil) {
        self.init(file: file, line: node?.mark?.line, column: node?.mark?.column, severity: severity,
                  message: message, suggestion: suggestion)
    }
}
