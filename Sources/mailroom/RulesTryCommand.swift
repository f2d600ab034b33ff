import ArgumentParser
import Foundation
import Vocabulary
import Parse
import Understand
import Decide
import Daemon

/// `mailroom rules try FILE`: one mail through Understand and Decide exactly as the daemon would, with every
/// rule's outcome and the actions as they would be enqueued. Nothing is executed, nothing is stored.
struct RulesTryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "try",
        abstract: "Show what the rules would do with one mail or document (nothing is executed or stored).",
        discussion: """
            FILE is a mail (.eml) or a bare document (PDF, XML e-invoice, DOCX, …), understood as the daemon \
            would (the kinds and the classifier from the rules folder). Prints the kind, confidence, method, the \
            fields with where each was found, the review reasons; then every rule in priority order: matched, \
            not matched with the part of its `when:` that was false and the values it read, or skipped and why, \
            and the rule whose `stop:` ended the evaluation; then the actions that would be enqueued, with their \
            connector, approval role and parameters filled exactly as they would be sent. A value only an \
            earlier action captures is shown as <captured by erp find_or_create_party>. No store is needed. \
            --json prints one object: {"kind", "confidence", "method", "fields", "groundings", "review", \
            "rules": [{"name", "file", "line", "priority", "stop", "outcome", "reasons"}], "stopped_by", \
            "decision_review", "problems", "actions": [{"rule", "connector", "action", "approval", "parameters"}]}. \
            Exits 1 when the file cannot be read or the rules have errors.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var folders: RuleFolderOptions
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: ArgumentHelp("The source the mail is taken to come from, as rules read it in `source`.", valueName: "name"))
    var source = "try"
    @Argument(help: ArgumentHelp("A mail file or a document.", valueName: "file")) var file: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let raw = try Self.readFile(file)
            let environment = folders.load(config)
            if !environment.errors.isEmpty {
                for p in environment.errors { Terminal.note(p.description) }
                throw OperatorInputError(message: "the rules have errors; fix them first (`mailroom rules check`)")
            }
            guard let kinds = environment.kinds else {
                throw OperatorInputError(message: "there are no kinds in \(folders.folders(config).rules.path)/kinds, so the mail cannot be understood; "
                    + "give --rules the rules folder")
            }
            var understandConfig = config
            understandConfig.rules.path = folders.folders(config).rules.path
            let content = MessageContent.looksLikeMail(raw) ? MessageContent.read(raw: raw)
                : MessageContent.read(document: raw, filename: URL(fileURLWithPath: file).lastPathComponent)
            let understanding = await Understander(catalogue: kinds, classifier: RulesSetup.classifier(understandConfig, catalogue: kinds))
                .understand(content)
            let now = Date()
            let input = DecisionInput(messageID: 0, message: content.message, understanding: understanding, source: source,
                                      receivedAt: content.message.date ?? now, now: now)
            let preview = environment.decider.preview(input)
            let (decision, traces, actions, stoppedBy) = (preview.decision, preview.rules, preview.actions, preview.stoppedBy)
            if json {
                var object = understanding.summaryJSON.objectValue ?? [:]
                object["file"] = .string(file)
                object["groundings"] = .object(understanding.groundings.mapValues {
                    .object(["location": .string($0.location), "excerpt": .string($0.excerpt)])
                })
                object["rules"] = .array(traces.map(Self.json))
                object["stopped_by"] = stoppedBy.map { .string($0.rule) } ?? .null
                object["decision_review"] = .array(decision.review.map { .string($0) })
                object["problems"] = .array(decision.problems.map { .string("\($0.file):\($0.line): rule '\($0.rule)': \($0.message)") })
                object["actions"] = .array(actions.map { a, parameters in
                    .object(["rule": .string(a.rule), "connector": .string(a.connector), "action": .string(a.action),
                             "approval": .optional(a.approval), "parameters": .object(parameters)])
                })
                Terminal.out(JSONValue.object(object).canonicalJSON + "\n")
                return
            }
            var out = ClassifyCommand.text(understanding, content: content, file: file, steps: false)
            while out.hasSuffix("\n") { out.removeLast() }
            out += "\n"
            if !understanding.review.isEmpty {
                out += "\nThe daemon would send this mail to review before any rule runs (the reasons above); below is what the rules "
                    + "would do once a person accepts it (`mailroom review accept ID`).\n"
            }
            out += "\nRules, in priority order:\n"
            if traces.isEmpty { out += "  (no rules)\n" }
            for (i, t) in traces.enumerated() {
                out += "  \(i + 1). \(t.outcome.label.uppercased()): \(t.rule)  (\(t.file):\(t.line), priority \(t.priority)\(t.stop ? ", stop" : ""))\n"
                switch t.outcome {
                case .matched: out += "       when: \(t.condition)\n"
                case .notMatched(let reasons):
                    out += "       when: \(t.condition)\n"
                    for r in reasons { out += "       \(r)\n" }
                case .skipped(let why), .failed(let why), .review(let why): out += "       \(why)\n"
                }
            }
            if let stoppedBy { out += "Stopped by: rule '\(stoppedBy.rule)' (stop: true): the rules after it were not tried.\n" }
            if !decision.problems.isEmpty {
                out += "\nA rule could not be evaluated, so the daemon would send the mail to review:\n"
                for p in decision.problems { out += "  \(p.file):\(p.line): rule '\(p.rule)': \(p.message)\n" }
            }
            if !decision.review.isEmpty {
                out += "\nThe rules send the mail to review; nothing would be enqueued:\n"
                for r in decision.review { out += "  \(r)\n" }
            }
            out += "\nActions that would be enqueued (nothing is executed):\n"
            if actions.isEmpty { out += "  none\n" }
            for (i, pair) in actions.enumerated() {
                let (a, parameters) = pair
                let type = environment.connectors.connector(named: a.connector).map { " (\($0.type))" } ?? ""
                out += "  \(i + 1). \(a.connector) \(a.action)  connector \(a.connector)\(type), rule '\(a.rule)', "
                    + (a.approval.map { "waits for approval by role \($0)" } ?? "no approval") + "\n"
                for name in parameters.keys.sorted() { out += "       \(name): \(parameters[name]!.canonicalJSON)\n" }
            }
            Terminal.out(out)
        }
    }

    /// The file's bytes, or a message that says what to do.
    static func readFile(_ file: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw OperatorInputError(message: "\(file) does not exist; give the path of a mail (.eml) or a document")
        }
        guard !isDirectory.boolValue else {
            throw OperatorInputError(message: "\(file) is a folder; give the path of one mail (.eml) or document in it")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw OperatorInputError(message: "cannot read \(file): \(FileProblem.describe(error)); check its permissions")
        }
        guard !data.isEmpty else {
            throw OperatorInputError(message: "\(file) is empty; give a mail (.eml, as saved from a mail program) or a document")
        }
        return data
    }

    static func json(_ t: RuleTrace) -> JSONValue {
        var reasons: [String] = []
        switch t.outcome {
        case .matched: break
        case .notMatched(let r): reasons = r
        case .skipped(let why), .failed(let why), .review(let why): reasons = [why]
        }
        return .object(["name": .string(t.rule), "file": .string(t.file), "line": .int(Int64(t.line)), "priority": .int(Int64(t.priority)),
                        "stop": .bool(t.stop), "when": .string(t.condition),
                        "outcome": .string(t.outcome.label.replacingOccurrences(of: " ", with: "_")), "reasons": .array(reasons.map { .string($0) })])
    }
}
