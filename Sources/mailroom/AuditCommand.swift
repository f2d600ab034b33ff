import ArgumentParser
import Foundation
import Vocabulary
import Audit
import Daemon

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify, search and read the tamper-evident audit trail.",
        discussion: """
            Every step Mailroom takes is an event chained to the one before by its hash. `audit verify` \
            proves that nothing was edited, removed or reordered; note the head (`audit head`) somewhere \
            else and pass it to `audit verify --expect-head` later to also prove nothing was cut off the end.
            """,
        subcommands: [AuditVerifyCommand.self, AuditQueryCommand.self, AuditShowCommand.self, AuditHeadCommand.self]
    )
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole chain. Exit 0 when intact; 1 naming the first broken event otherwise.")

    @OptionGroup var options: ConfigOptions

    @Option(name: .customLong("expect-head"),
            help: ArgumentHelp("A head noted earlier (`audit head`): it must still be in the trail, unchanged.",
                               valueName: "seq:hash"))
    var expectHead: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            var expected: AuditHead?
            if let expectHead {
                guard let head = AuditHead(expectHead) else {
                    throw OperatorInputError(message: "'\(expectHead)' is not a head: expected SEQUENCE:HASH as "
                        + "`mailroom audit head` prints it")
                }
                expected = head
            }
            let store = try options.openExistingStore(config)
            let result = AuditVerifier.verify(store: store, expectedHead: expected)
            Terminal.out(json ? AuditReport.verificationJSON(result) : AuditReport.verification(result))
            if let problem = result.firstProblem {
                if json { Terminal.error("audit trail NOT intact: \(problem)") }
                throw ExitCode.failure
            }
        }
    }
}

struct AuditQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Find audit events; all filters combine. A table, --json or --csv.")

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Events of this message id.", valueName: "id")) var message: Int64?
    @Option(help: ArgumentHelp("Messages whose sender contains this text.", valueName: "text")) var sender: String?
    @Option(help: ArgumentHelp("Messages of this kind.", valueName: "kind")) var kind: String?
    @Option(help: ArgumentHelp("Events of this stage (ingest, parse, understand, decide, act, …).", valueName: "stage"))
    var stage: String?
    @Option(help: ArgumentHelp("Events by this actor (e.g. mailroom/0.1.0).", valueName: "actor")) var actor: String?
    @Option(help: ArgumentHelp("Events of this type (received, parsed, review, …).", valueName: "type")) var event: String?
    @Option(help: ArgumentHelp("Events at or after: an age (2h, 7d) or a UTC date.", valueName: "time")) var since: String?
    @Option(help: ArgumentHelp("Events before: an age (2h, 7d) or a UTC date.", valueName: "time")) var until: String?
    @Option(help: ArgumentHelp("Events whose details contain this text.", valueName: "text")) var text: String?
    @Flag(help: "Print a JSON array.") var json = false
    @Flag(help: "Print CSV (RFC 4180).") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let filter = AuditFilter(messageID: message, sender: sender, kind: kind, stage: stage, actor: actor,
                                     eventType: event, since: try since.map { try OperatorTime.parse($0) },
                                     until: try until.map { try OperatorTime.parse($0) }, text: text)
            let store = try options.openExistingStore(config)
            let events = try store.auditEvents(matching: filter)
            if json {
                Terminal.out(AuditReport.jsonArray(events))
            } else if csv {
                Terminal.out(AuditReport.csv(events))
            } else if events.isEmpty {
                Terminal.out("No audit events match.\n")
            } else {
                Terminal.out(AuditReport.table(events))
            }
        }
    }
}

struct AuditShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One message's timeline: where it came from and every step taken.")

    @OptionGroup var options: ConfigOptions
    @Flag(help: "Print the timeline as JSON.") var json = false
    @Argument(help: ArgumentHelp("The message id.", valueName: "message")) var message: Int64

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            guard let timeline = try AuditTimeline.load(store: store, messageID: message) else {
                throw OperatorInputError(message: "there is no message \(message) in the store")
            }
            Terminal.out(json ? AuditReport.timelineJSON(timeline) : AuditReport.timeline(timeline))
        }
    }
}

struct AuditHeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the last event as SEQUENCE:HASH, to note elsewhere for `audit verify --expect-head`.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            if let head = try store.auditHead() {
                Terminal.out("\(head)\n")
            } else {
                Terminal.note("the audit trail is empty")
            }
        }
    }
}
