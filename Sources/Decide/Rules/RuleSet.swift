import Crypto
import Foundation
import Yams
import Vocabulary
import Understand

/// One rule from a rule file: when its condition holds for a message, its actions are intended.
public struct Rule: Sendable {
    public var name: String
    /// The file as the author knows it ("rules/quotes.yaml") and the SHA-256 of its bytes.
    public var file: String
    public var fileSHA256: String
    public var line: Int
    public var column: Int
    public var when: Expression
    public var whenSource: String
    /// Higher runs first; equal priorities run in file order (files sorted by name).
    public var priority: Int
    /// No later rule runs for a message this rule matched.
    public var stop: Bool
    public var approval: String?
    public var actions: [RuleAction]
    /// Kinds the condition names (`kind == "auto_reply"`): a rule fires for a non-business kind only then.
    public var namedKinds: Set<String>
    /// `review: "…"`: when the rule holds, the message goes to the review queue with this reason (a template)
    /// instead of acting; no later rule runs.
    public var review: Template? = nil
}

/// One action of a rule, its parameters still templates.
public struct RuleAction: Sendable {
    public var connector: String
    public var action: String
    public var parameters: [String: ParameterTemplate]
    /// Overrides the rule's `approval` for this action.
    public var approval: String?
    public var line: Int
    public var column: Int
}

/// A parameter as written: text with `{{ … }}`, a plain value, or a list / mapping of them.
public indirect enum ParameterTemplate: Sendable {
    case template(Template)
    case value(JSONValue)
    case list([ParameterTemplate])
    case mapping([String: ParameterTemplate])

    /// Every template inside.
    package var templates: [Template] {
        switch self {
        case .template(let t): return [t]
        case .value: return []
        case .list(let items): return items.flatMap(\.templates)
        case .mapping(let m): return m.values.flatMap(\.templates)
        }
    }
}

/// Where a rule file came from: its path as shown and the SHA-256 of its bytes (recorded with every decision).
public struct RuleFileInfo: Sendable, Hashable, Codable {
    public var file: String
    public var sha256: String

    package init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }
}

/// The rules of a rules folder, in the order Decide tries them.
public struct RuleSet: Sendable {
    public var rules: [Rule]
    public var files: [RuleFileInfo]
    /// The product catalogue (`rules/catalogue.csv`) that prices `quote`; its file is among `files`.
    public var catalogue: ProductCatalogue?

    public init(rules: [Rule], files: [RuleFileInfo], catalogue: ProductCatalogue? = nil) {
        self.files = files
        self.catalogue = catalogue
        self.rules = rules.enumerated().sorted { a, b in
            if a.element.priority != b.element.priority { return a.element.priority > b.element.priority }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Reads `DIR/*.yaml` (not the kinds/, examples/ and tests/ subfolders). Returns the rules and every
    /// problem found; a rule with a problem is left out. Pass kinds and connectors to have field, kind,
    /// connector and action names checked.
    /// Who may approve what (read by Act's `ApproverDirectory`): in the rules folder, but not a rule file.
    public static let approversFileName = "approvers.yaml"

    public static func load(directory: URL, kinds: KindCatalogue?, connectors: ConnectorOffers?) -> (RuleSet, [RuleFileProblem]) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (RuleSet(rules: [], files: []), [RuleFileProblem(file: displayPath(directory), line: nil, column: nil,
                                                                    message: "there is no rules folder here")])
        }
        let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != RuleSet.approversFileName }.sorted()
        var rules: [Rule] = []
        var files: [RuleFileInfo] = []
        var problems: [RuleFileProblem] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let display = displayPath(url)
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                problems.append(RuleFileProblem(file: display, line: nil, column: nil, message: "cannot read this file as UTF-8 text"))
                continue
            }
            let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            let (fileRules, fileProblems) = RuleFileReader.read(yaml: text, file: display, sha256: sha, kinds: kinds, connectors: connectors)
            rules += fileRules
            // In the order of the file, as an editor walks them.
            problems += fileProblems.enumerated().sorted { a, b in
                let l = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
                let r = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
                return l < r
            }.map(\.element)
            files.append(RuleFileInfo(file: display, sha256: sha))
        }
        var seen: [String: Rule] = [:]
        for rule in rules {
            if let first = seen[rule.name] {
                problems.append(RuleFileProblem(file: rule.file, line: rule.line, column: rule.column,
                                                message: "a second rule is named '\(rule.name)' (the first is at \(first.file):\(first.line))",
                                                suggestion: "give every rule its own name"))
            } else {
                seen[rule.name] = rule
            }
        }
        return (RuleSet(rules: rules, files: files), problems)
    }

    /// A path as the rule author knows it: relative to the working directory when it lies below it.
    package static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    /// The set's identity for the audit: every file with its hash, and one hash over all of them.
    public var combinedSHA256: String {
        let material = files.map { "\($0.file)\u{1F}\($0.sha256)" }.joined(separator: "\u{1E}")
        return SHA256.hash(data: Data(material.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Reads one rule file into rules, collecting every problem with its line and column.
package enum RuleFileReader {
    package static let ruleKeys = ["name", "when", "actions", "review", "approval", "stop", "priority", "description"]
    package static let actionKeys = ["connector", "action", "params", "approval"]

    package static func read(yaml: String, file: String, sha256: String, kinds: KindCatalogue?,
                     connectors: ConnectorOffers?) -> ([Rule], [RuleFileProblem]) {
        var reader = YAMLFileReader(file: file)
        guard case .success(let composed) = reader.compose(yaml) else { return ([], reader.problems) }
        guard let root = composed else { return ([], []) }  // an empty file holds no rules
        var problems: [RuleFileProblem] = []
        let sourceLines = yaml.components(separatedBy: "\n")
        func problem(_ node: Node?, _ message: String, _ suggestion: String? = nil) {
            problems.append(RuleFileProblem(file: file, at: node, message: message, suggestion: suggestion))
        }
        var list: Node.Sequence?
        if let seq = root.sequence {
            list = seq
        } else if let map = root.mapping {
            for (key, _) in map where key.string != "rules" {
                problem(key, "unknown key '\(key.string ?? "?")' at the top of a rule file", "a rule file holds `rules:` followed by a list of rules")
            }
            if let rulesNode = map["rules"] {
                guard let seq = rulesNode.sequence else {
                    problem(rulesNode, "`rules` must be a list of rules (each starting with `- name: …`)")
                    return ([], problems)
                }
                list = seq
            } else {
                problem(root, "this rule file has no `rules:` list")
            }
        } else {
            problem(root, "a rule file holds `rules:` followed by a list of rules")
        }
        guard let list else { return ([], problems) }

        let checker = ExpressionChecker(kinds: kinds)
        var rules: [Rule] = []
        for item in list {
            guard let map = item.mapping else {
                problem(item, "each rule must be a mapping with name, when and actions")
                continue
            }
            let before = problems.count
            for (key, _) in map {
                let k = key.string ?? ""
                if !ruleKeys.contains(k) {
                    problem(key, "unknown key '\(k)' in a rule", Suggestion.closest(to: k, among: ruleKeys).map { "did you mean '\($0)'?" }
                                ?? "a rule has: \(ruleKeys.joined(separator: ", "))")
                }
            }
            let name = map["name"]?.string ?? ""
            if map["name"] == nil { problem(item, "this rule has no `name`") } else if name.isEmpty { problem(map["name"], "the rule's name is empty") }

            var when: Expression?
            var whenSource = ""
            if let whenNode = map["when"] {
                if let scalar = whenNode.scalar {
                    whenSource = scalar.string
                    do throws(ExpressionError) {
                        let e = try ExpressionParser.parse(scalar.string)
                        when = e
                    } catch {
                        problems.append(locate(error, in: whenNode, file: file, lines: sourceLines))
                    }
                } else {
                    problem(whenNode, "`when` must be one condition (text), e.g. `kind == \"invoice\"`")
                }
            } else {
                problem(item, "rule '\(name)' has no `when` condition", "add e.g. `when: kind == \"invoice\"`")
            }

            var priority = 0
            if let p = map["priority"] {
                if let v = p.int { priority = v } else { problem(p, "`priority` must be a whole number (higher runs first)") }
            }
            var stop = false
            if let s = map["stop"] {
                if let v = s.bool { stop = v } else { problem(s, "`stop` must be true or false") }
            }
            var approval: String?
            if let a = map["approval"] {
                if let v = a.string, !v.isEmpty, a.scalar != nil { approval = v } else { problem(a, "`approval` must name a role, e.g. `approval: sales`") }
            }

            var namedKinds: Set<String> = []
            if let when {
                namedKinds = when.namedKinds
                for issue in checker.check(when, namedKinds: namedKinds, allowCaptured: false) {
                    problems.append(locate(issue, in: map["when"]!, file: file, lines: sourceLines))
                }
            }

            var review: Template?
            if let reviewNode = map["review"] {
                if let scalar = reviewNode.scalar, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
                    do throws(ExpressionError) {
                        let template = try Template.parse(scalar.string)
                        for e in template.expressions {
                            for issue in checker.check(e, namedKinds: namedKinds, allowCaptured: false) {
                                problems.append(locate(issue, in: reviewNode, file: file, lines: sourceLines))
                            }
                        }
                        review = template
                    } catch {
                        problems.append(locate(error, in: reviewNode, file: file, lines: sourceLines))
                    }
                } else {
                    problem(reviewNode, "`review` must be the reason a person reads (text, may hold `{{ … }}`)")
                }
                if let actionsNode = map["actions"] {
                    problem(actionsNode, "a rule with `review` sends the mail to a person and takes no actions",
                            "move the actions into a rule of their own")
                }
            }

            var actions: [RuleAction] = []
            if map["review"] != nil {
                // no actions
            } else if let actionsNode = map["actions"] {
                if let seq = actionsNode.sequence, !seq.isEmpty {
                    for actionNode in seq {
                        if let action = readAction(actionNode, ruleApproval: approval, checker: checker, namedKinds: namedKinds,
                                                   connectors: connectors, file: file, lines: sourceLines, problems: &problems) {
                            actions.append(action)
                        }
                    }
                } else {
                    problem(actionsNode, "`actions` must be a list with at least one action (`- connector: …`)")
                }
            } else {
                problem(item, "rule '\(name)' has no `actions`", "add `actions:`, or `review: \"reason\"` to send the mail to a person")
            }

            // Warnings (an unused parameter, …) keep the rule; only errors leave it out.
            if !problems[before...].contains(where: { $0.severity == .error }), let when {
                rules.append(Rule(name: name, file: file, fileSHA256: sha256, line: item.mark?.line ?? 0,
                                  column: item.mark?.column ?? 0, when: when, whenSource: whenSource, priority: priority,
                                  stop: stop || review != nil, approval: approval, actions: actions, namedKinds: namedKinds,
                                  review: review))
            }
        }
        return (rules, problems)
    }

    package static func readAction(_ node: Node, ruleApproval: String?, checker: ExpressionChecker, namedKinds: Set<String>,
                           connectors: ConnectorOffers?, file: String, lines: [String],
                           problems: inout [RuleFileProblem]) -> RuleAction? {
        func problem(_ node: Node?, _ message: String, _ suggestion: String? = nil) {
            problems.append(RuleFileProblem(file: file, at: node, message: message, suggestion: suggestion))
        }
        guard let map = node.mapping else {
            problem(node, "each action must be a mapping with connector, action and params")
            return nil
        }
        let before = problems.count
        for (key, _) in map {
            let k = key.string ?? ""
            if !actionKeys.contains(k) {
                problem(key, "unknown key '\(k)' in an action", Suggestion.closest(to: k, among: actionKeys).map { "did you mean '\($0)'?" }
                            ?? "an action has: \(actionKeys.joined(separator: ", "))")
            }
        }
        let connectorName = map["connector"]?.string ?? ""
        let actionName = map["action"]?.string ?? ""
        if map["connector"] == nil { problem(node, "this action names no `connector`") }
        if map["action"] == nil { problem(node, "this action names no `action`") }
        var spec: ConnectorActionSpec?
        if let connectors, !connectorName.isEmpty {
            if let connector = connectors.connector(named: connectorName) {
                if !actionName.isEmpty {
                    spec = connector.actions.first { $0.name == actionName }
                    if spec == nil {
                        let names = connector.actions.map(\.name)
                        problem(map["action"], "the \(connector.type) connector '\(connectorName)' has no action '\(actionName)'",
                                Suggestion.closest(to: actionName, among: names).map { "did you mean '\($0)'?" }
                                    ?? "its actions are: \(names.joined(separator: ", "))")
                    }
                }
            } else {
                let names = connectors.connectors.map(\.name)
                problem(map["connector"], "unknown connector '\(connectorName)'",
                        Suggestion.closest(to: connectorName, among: names).map { "did you mean '\($0)'?" }
                            ?? (names.isEmpty ? "no connector is defined in connectors/" : "the connectors are: \(names.joined(separator: ", "))"))
            }
        }
        var parameters: [String: ParameterTemplate] = [:]
        if let paramsNode = map["params"] {
            if let paramsMap = paramsNode.mapping {
                for (key, value) in paramsMap {
                    let k = key.string ?? ""
                    parameters[k] = readParameter(value, checker: checker, namedKinds: namedKinds, file: file, lines: lines, problems: &problems)
                    if let spec, !spec.requiredParameters.contains(k), !spec.optionalParameters.contains(k) {
                        let known = spec.requiredParameters + spec.optionalParameters
                        problems.append(RuleFileProblem(file: file, at: key, severity: .warning,
                                                        message: "action '\(actionName)' does not use a parameter '\(k)'",
                                                        suggestion: Suggestion.closest(to: k, among: known).map { "did you mean '\($0)'?" }))
                    }
                }
            } else {
                problem(paramsNode, "`params` must be a mapping of parameter names to values")
            }
        }
        if let spec {
            for required in spec.requiredParameters where parameters[required] == nil {
                problem(map["params"] ?? node, "action '\(actionName)' needs the parameter '\(required)'")
            }
        }
        var approval = ruleApproval
        if let a = map["approval"] {
            if let v = a.string, !v.isEmpty { approval = v } else { problem(a, "`approval` must name a role") }
        }
        let errors = problems[before...].filter { $0.severity == .error }
        guard errors.isEmpty else { return nil }
        return RuleAction(connector: connectorName, action: actionName, parameters: parameters, approval: approval,
                          line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    package static func readParameter(_ node: Node, checker: ExpressionChecker, namedKinds: Set<String>, file: String,
                              lines: [String], problems: inout [RuleFileProblem]) -> ParameterTemplate {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if text.contains("{{") || text.contains("}}") {
                do throws(ExpressionError) {
                    let template = try Template.parse(text)
                    for e in template.expressions {
                        for issue in checker.check(e, namedKinds: namedKinds, allowCaptured: true) {
                            problems.append(locate(issue, in: node, file: file, lines: lines))
                        }
                    }
                    if template.expressions.contains(where: { $0.rootNames.contains("captured") }),
                       template.expressions.contains(where: { !$0.rootNames.subtracting(["captured"]).isEmpty }) {
                        problems.append(RuleFileProblem(file: file, at: node, message: "a parameter that uses `captured` values can use nothing else (they are filled in when the action runs)",
                                                        suggestion: "split it into two parameters"))
                    }
                    return .template(template)
                } catch {
                    problems.append(locate(error, in: node, file: file, lines: lines))
                    return .value(.string(text))
                }
            }
            if scalar.style == .plain {
                switch text {
                case "true", "True", "TRUE": return .value(.bool(true))
                case "false", "False", "FALSE": return .value(.bool(false))
                case "null", "~", "": return .value(.null)
                default:
                    if let i = Int64(text) { return .value(.int(i)) }
                    if let d = Double(text), text.contains(".") { return .value(.number(d)) }
                }
            }
            return .value(.string(text))
        case .sequence(let seq):
            return .list(seq.map { readParameter($0, checker: checker, namedKinds: namedKinds, file: file, lines: lines, problems: &problems) })
        case .mapping(let map):
            var out: [String: ParameterTemplate] = [:]
            for (k, v) in map {
                out[k.string ?? ""] = readParameter(v, checker: checker, namedKinds: namedKinds, file: file, lines: lines, problems: &problems)
            }
            return .mapping(out)
        case .alias:
            return .value(.null)
        }
    }

    /// Turns an offset inside a scalar's text into the file's line and column.
    package static func locate(_ error: ExpressionError, in node: Node, file: String, lines: [String]) -> RuleFileProblem {
        let (line, column) = position(ofOffset: error.offset, in: node, lines: lines)
        return RuleFileProblem(file: file, line: line, column: column, message: error.message, suggestion: error.suggestion)
    }

    package static func position(ofOffset offset: Int, in node: Node, lines: [String]) -> (Int?, Int?) {
        guard let mark = node.mark else { return (nil, nil) }
        guard let scalar = node.scalar else { return (mark.line, mark.column) }
        switch scalar.style {
        case .literal, .folded:
            // Block scalars: the text starts on the next line, at that line's indentation.
            let text = Array(scalar.string)
            var lineIndex = 0
            var lineStart = 0
            for i in 0..<min(offset, text.count) where text[i] == "\n" {
                lineIndex += 1
                lineStart = i + 1
            }
            let fileLine = mark.line + 1 + lineIndex
            // The block's indentation is that of its first line; deeper lines keep their extra spaces in the text.
            let first = mark.line < lines.count ? lines[mark.line] : ""
            let indent = first.prefix { $0 == " " }.count
            return (fileLine, indent + (offset - lineStart) + 1)
        case .singleQuoted, .doubleQuoted:
            return (mark.line, mark.column + 1 + offset)
        default:
            // Plain scalars: one line as written, or folded over several (line breaks became spaces).
            if !scalar.string.contains("\n") {
                var remaining = offset
                var lineNumber = mark.line
                var column = mark.column
                // A plain scalar continued on later lines: walk the source lines.
                while lineNumber - 1 < lines.count {
                    let source = Array(lines[lineNumber - 1])
                    let startIndex = lineNumber == mark.line ? column - 1 : source.prefix { $0 == " " }.count
                    let available = max(0, source.count - startIndex)
                    let trimmedAvailable = String(source[min(startIndex, source.count)...]).trimmingCharacters(in: .whitespaces).count
                    if remaining <= trimmedAvailable || lineNumber == lines.count {
                        return (lineNumber, startIndex + remaining + 1)
                    }
                    _ = available
                    remaining -= trimmedAvailable + 1
                    lineNumber += 1
                    column = 1
                }
            }
            return (mark.line, mark.column + offset)
        }
    }

}
