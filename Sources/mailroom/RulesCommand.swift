import ArgumentParser
import Foundation
import Vocabulary
import Understand
import Decide
import Daemon
import Parse

/// `--rules DIR` / `--connectors DIR`, defaulting to the configuration's `rules:` section.
struct RuleFolderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The rules folder (default: rules.path from the configuration, ./rules).", valueName: "dir"))
    var rules: String?

    @Option(help: ArgumentHelp("The connectors folder (default: rules.connectors from the configuration, ./connectors).", valueName: "dir"))
    var connectors: String?

    func folders(_ config: MailroomConfig) -> (rules: URL, connectors: URL) {
        (URL(fileURLWithPath: rules ?? config.rules.path), URL(fileURLWithPath: connectors ?? config.rules.connectors))
    }

    func load(_ config: MailroomConfig) -> RuleEnvironment {
        let (r, c) = folders(config)
        return RuleEnvironment.load(rulesDirectory: r, connectorsDirectory: c, config: config)
    }
}

struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check the rule, kind and connector files, run the rule tests, or try the rules on one mail.",
        subcommands: [RulesCheckCommand.self, RulesTestCommand.self, RulesTryCommand.self])
}

struct RulesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read every rule, kind and connector file and report every problem with file:line:column.",
        discussion: """
            Field types come from the kind files: a number or money field compared with text \
            (`fields.gross_total > "1000"`), a text field compared with a number, or `- * /` on text is an error. \
            Exits 1 when there is an error (warnings alone exit 0), so it can guard a commit or a CI job.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var folders: RuleFolderOptions

    @Flag(help: "Print the problems as JSON lines.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let environment = folders.load(config)
            if json {
                for p in environment.problems {
                    Terminal.out(JSONValue.object([
                        "file": .string(p.file), "line": p.line.map { .integer($0) } ?? .null,
                        "column": p.column.map { .integer($0) } ?? .null, "severity": .string(p.severity.rawValue),
                        "message": .string(p.message), "suggestion": .optional(p.suggestion),
                    ]).canonicalJSON + "\n")
                }
            } else {
                for p in environment.problems { Terminal.out(p.description + "\n") }
                let errors = environment.errors.count
                let warnings = environment.problems.count - errors
                Terminal.out("\(environment.rules.rules.count) rule(s) in \(environment.rules.files.count) file(s), "
                    + "\(environment.kinds?.kinds.count ?? 0) kind(s), \(environment.connectors.connectors.count) connector(s): "
                    + (errors == 0 ? "no errors" : "\(errors) error(s)") + (warnings > 0 ? ", \(warnings) warning(s)" : "") + ".\n")
            }
            if !environment.errors.isEmpty { throw ExitCode.failure }
        }
    }
}

struct RulesTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the fixtures in rules/tests/ (a mail and the expected kind, fields and actions).",
        discussion: """
            Without PATH every *.yaml in rules/tests/ runs; with PATHs only those test files (a folder: its \
            *.yaml). Expected fields and parameters are compared only for the names given, at any depth \
            (`lines: [{sku: PMP-100}]` ignores a line's other keys; lists must be as long). Nothing is stored \
            and nothing is executed. Exits 1 when a test fails or the rules have errors.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var folders: RuleFolderOptions

    @Argument(help: ArgumentHelp("Test files (or folders of them) to run instead of all of rules/tests/.", valueName: "path"))
    var paths: [String] = []

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let environment = folders.load(config)
            if !environment.errors.isEmpty {
                for p in environment.errors { Terminal.out(p.description + "\n") }
                throw OperatorInputError(message: "the rules have errors; fix them first (`mailroom rules check`)")
            }
            let testsFolder = folders.folders(config).rules.appendingPathComponent("tests")
            // Fixtures with `given:` state the understanding; the others are understood as the daemon would.
            var understandConfig = config
            understandConfig.rules.path = folders.folders(config).rules.path
            let understander = environment.kinds.map {
                Understander(catalogue: $0, classifier: RulesSetup.classifier(understandConfig, catalogue: $0))
            }
            var files: [URL] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw OperatorInputError(message: "no test file \(path); name a test (rules/tests/NAME.yaml) or a folder of them")
                }
                let url = URL(fileURLWithPath: path)
                files += isDirectory.boolValue ? RuleTestRunner.testFiles(in: url) : [url]
            }
            if paths.isEmpty { files = RuleTestRunner.testFiles(in: testsFolder) }
            let outcomes = await RuleTestRunner.run(files: files, decider: environment.decider, understand: { raw in
                guard let understander else { return nil }
                return await understander.understand(MessageContent.read(raw: raw))
            })
            for o in outcomes {
                Terminal.out("\(o.passed ? "PASS" : "FAIL")  \(o.file)\n")
                for f in o.failures { Terminal.out("      \(f)\n") }
            }
            let failed = outcomes.filter { !$0.passed }.count
            Terminal.out("\(outcomes.count) test(s): \(outcomes.count - failed) passed, \(failed) failed.\n")
            if outcomes.isEmpty { Terminal.note("no tests in \(paths.isEmpty ? testsFolder.path : paths.joined(separator: ", "))") }
            if failed > 0 { throw ExitCode.failure }
        }
    }
}

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Decide stored mail again with the given rules and print how the actions would differ.",
        discussion: """
            Never executes anything and never changes the store: it compares the actions the rules would \
            decide now with those recorded when each message was decided (`+` new, `-` no longer, `~` other \
            parameters). Use it before a rule change goes live.

            When the kind files differ from those that understood a message (their hash is in its `understood` \
            audit event), the message is understood anew from its stored parse — offline: rules, structured data \
            and the built-in classifier, no language model is asked — and a new kind is shown as `[old → new]`. \
            A mail that was held for a person before any rule ran is replayed when it is now understood without \
            a reason to hold it. --reunderstand does this for every message, --recorded never. Messages that \
            cannot be replayed (not decided yet, failed, held for a person, no parse) are listed with the reason.
            """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var folders: RuleFolderOptions

    @Option(help: ArgumentHelp("Messages received since then: an age (7d, 12h) or a UTC date.", valueName: "duration"))
    var since: String

    @Flag(help: "Understand every message anew with the kind files on disk, changed or not.")
    var reunderstand = false

    @Flag(help: "Decide with the understanding recorded for each message, even where the kind files changed.")
    var recorded = false

    @Flag(help: "One JSON object per changed message, then a summary line; no progress bar.")
    var json = false

    func validate() throws {
        if reunderstand && recorded { throw ValidationError("--reunderstand and --recorded exclude each other") }
    }

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let sinceDate = try OperatorTime.parse(since)
            let environment = folders.load(config)
            if !environment.errors.isEmpty {
                for p in environment.errors { Terminal.note(p.description) }
                throw OperatorInputError(message: "the rules have errors; fix them first (`mailroom rules check`)")
            }
            let store = try options.openExistingStore(config)
            var understander: Understander?
            if !recorded, let kinds = environment.kinds {
                var understandConfig = config
                understandConfig.rules.path = folders.folders(config).rules.path
                understander = Understander(catalogue: kinds, classifier: RulesSetup.classifier(understandConfig, catalogue: kinds))
            }
            let kindsNow = environment.kinds?.filesSHA256
            let always = reunderstand
            let progress = ProgressLine(enabled: !json)
            let report = try await Replay.run(
                store: store, decider: environment.decider, since: sinceDate,
                understandingOf: { (message: StoredMessage) async throws -> Replay.ReplayUnderstanding? in
                    let recordedUnderstanding = try StoredUnderstanding.read(message, store: store)
                    guard let understander else { return recordedUnderstanding.map { Replay.ReplayUnderstanding(understanding: $0) } }
                    let kindsThen = try StoredUnderstanding.recordedKindsSHA256(message, store: store)
                    let changed = kindsThen != nil && kindsThen != kindsNow
                    guard always || changed, var content = try MessageContent.stored(message, in: store) else {
                        return recordedUnderstanding.map { Replay.ReplayUnderstanding(understanding: $0) }
                    }
                    content.answersOurMail = try UnderstandStage.answeredPurpose(content.message, in: store)
                    let understanding = await understander.understand(content)
                    return Replay.ReplayUnderstanding(understanding: understanding, reunderstood: true,
                                                      recordedKind: recordedUnderstanding?.kind ?? message.kind)
                },
                progress: { done, total in
                    let width = 30
                    let filled = total == 0 ? width : done * width / total
                    progress.update("replaying [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)")
                })
            progress.finish()
            if json {
                for d in report.differences { Terminal.out(d.json.canonicalJSON + "\n") }
                Terminal.out(report.summaryJSON.canonicalJSON + "\n")
            } else {
                Terminal.out(Replay.text(report))
            }
        }
    }
}
