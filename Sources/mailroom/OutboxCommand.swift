import ArgumentParser
import Foundation
import Vocabulary
import Act
import Daemon

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List the actions Mailroom carries out, retry a dead letter, or drop an action.",
        subcommands: [OutboxListCommand.self, OutboxRetryCommand.self, OutboxDropCommand.self],
        defaultSubcommand: OutboxListCommand.self)
}

enum OutboxText {
    static func table(_ entries: [OutboxEntry]) -> String {
        var out = ""
        for e in entries {
            out += "#\(e.id)  message \(e.messageID)  \(e.state.rawValue)  \(e.action.connector) \(e.action.action)  rule '\(e.action.rule)'"
            out += "  attempts \(e.attempts)"
            if let r = e.approvalReference, e.state == .awaitingApproval { out += "  \(r) (approval: \(e.action.approval ?? "?"))" }
            if let n = e.nextAttemptAt, e.state == .retryWait { out += "  next \(ISO8601.utcString(n))" }
            if let err = e.lastError, e.state != .done { out += "\n      \(err)" }
            if let by = e.decidedBy { out += "\n      decided by \(by)" + (e.decisionReason.map { ": \($0)" } ?? "") }
            out += "\n"
        }
        return out
    }
}

struct OutboxListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List outbox actions, oldest first.")

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Only these states, comma-separated: awaiting_approval, queued, sending, retry_wait, blocked, done, dead, rejected, dropped, skipped.",
                               valueName: "states"))
    var state: String?

    @Flag(help: "One JSON object per action per line.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let states = try (state ?? "").split(separator: ",").map { part -> OutboxState in
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let s = OutboxState(rawValue: name) else {
                    throw OperatorInputError(message: "'\(name)' is not an outbox state; use " + OutboxState.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return s
            }
            let entries = try store.outboxEntries(states: states)
            if json {
                for e in entries { Terminal.out(e.json.canonicalJSON + "\n") }
            } else if entries.isEmpty {
                Terminal.out("The outbox is empty" + (state.map { " in state \($0)" } ?? "") + ".\n")
            } else {
                Terminal.out(OutboxText.table(entries))
            }
        }
    }
}

struct OutboxRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a dead letter again (its attempts start from zero); the daemon carries it out.")

    @OptionGroup var options: ConfigOptions
    @Option(help: ArgumentHelp("Who retries it (default: the operator's login).", valueName: "name")) var by: String?
    @Argument(help: ArgumentHelp("The outbox action id.", valueName: "id")) var id: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let e = try Approvals.retry(id, by: AuditActor.commandLine(by: by), store: store)
            Terminal.out("action #\(e.id): dead → queued\n")
        }
    }
}

struct OutboxDropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop", abstract: "Drop an action that is not done: it will never be carried out.")

    @OptionGroup var options: ConfigOptions
    @Option(help: ArgumentHelp("Why.", valueName: "text")) var reason: String?
    @Option(help: ArgumentHelp("Who drops it (default: the operator's login).", valueName: "name")) var by: String?
    @Argument(help: ArgumentHelp("The outbox action id.", valueName: "id")) var id: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let e = try Approvals.drop(id, reason: reason, by: AuditActor.commandLine(by: by), store: store)
            Terminal.out("action #\(e.id): dropped\n")
        }
    }
}

struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals", abstract: "List the actions waiting for a person's approval.",
        subcommands: [ApprovalsListCommand.self], defaultSubcommand: ApprovalsListCommand.self)
}

struct ApprovalsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List pending approvals, oldest first.",
        discussion: """
            Parameters are shown as they will be sent: values earlier actions captured are filled in; one not \
            captured yet reads "<filled from erp create_quotation when it runs>". --json adds them as \
            "parameters_as_sent" beside the rule's "parameters".
            """)

    @OptionGroup var options: ConfigOptions
    @Flag(help: "One JSON object per action per line.") var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let pending = try Approvals.pending(store: store)
            if json {
                for e in pending {
                    var object = e.json.objectValue ?? [:]
                    object["parameters_as_sent"] = .object(Approvals.parametersAsSent(e, store: store))
                    Terminal.out(JSONValue.object(object).canonicalJSON + "\n")
                }
                return
            }
            if pending.isEmpty { Terminal.out("Nothing waits for approval.\n"); return }
            for e in pending {
                let subject = (try? store.message(id: e.messageID))?.subject ?? "(no subject)"
                Terminal.out("\(e.approvalReference ?? "#\(e.id)")  role \(e.action.approval ?? "?")  message \(e.messageID) \"\(subject)\"\n")
                Terminal.out("    \(e.action.connector) \(e.action.action) (rule '\(e.action.rule)') \(JSONValue.object(Approvals.parametersAsSent(e, store: store)).canonicalJSON)\n")
            }
            Terminal.out("Approve with `mailroom approve REF [--by NAME]`, reject with `mailroom reject REF --reason \"…\"`.\n")
        }
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a pending action (by its id or APR-… reference); the daemon carries it out.")

    @OptionGroup var options: ConfigOptions
    @Option(help: ArgumentHelp("Who approves (default: the operator's login; with rules/approvers.yaml only the login itself, which must be listed for the action's role).", valueName: "name")) var by: String?
    @Argument(help: ArgumentHelp("The action's id or approval reference.", valueName: "id")) var id: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let e = try Approvals.approve(id, localUser: Approvals.localUser(), claimedName: by, approvers: try approverDirectory(config),
                                          store: store)
            Terminal.out("action #\(e.id) (\(e.approvalReference ?? "")) approved by \(e.decidedBy ?? "?"): queued for \(e.action.connector) \(e.action.action)\n")
        }
    }
}

struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a pending action (by its id or APR-… reference); it is never carried out.")

    @OptionGroup var options: ConfigOptions
    @Option(help: ArgumentHelp("Why (required; recorded in the audit trail).", valueName: "text")) var reason: String
    @Option(help: ArgumentHelp("Who rejects (default: the operator's login; with rules/approvers.yaml only the login itself, which must be listed for the action's role).", valueName: "name")) var by: String?
    @Argument(help: ArgumentHelp("The action's id or approval reference.", valueName: "id")) var id: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let e = try Approvals.reject(id, reason: reason, localUser: Approvals.localUser(), claimedName: by,
                                         approvers: try approverDirectory(config), store: store)
            Terminal.out("action #\(e.id) (\(e.approvalReference ?? "")) rejected by \(e.decidedBy ?? "?")\n")
        }
    }
}

/// rules/approvers.yaml of the configured rules folder (nil when there is none); its errors stop the command.
func approverDirectory(_ config: MailroomConfig) throws -> ApproverDirectory? {
    let (directory, problems) = ApproverDirectory.load(rulesDirectory: URL(fileURLWithPath: config.rules.path))
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty {
        throw OperatorInputError(message: "the approvers file has errors (`mailroom rules check`):\n" + errors.map(\.description).joined(separator: "\n"))
    }
    return directory
}
