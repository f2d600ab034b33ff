import ArgumentParser
import Foundation
import Vocabulary
import Audit
import Daemon

struct MessagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "List stored messages, or show one (`messages show ID`).",
        discussion: """
            `mailroom messages [--state STATES] [--since TIME] [--limit N] [--json] [--config FILE]` lists \
            messages (the `list` subcommand is the default; `mailroom messages list --help` explains the \
            options). The states: received, parsed, understood, decided (on the way); acted (done, with \
            actions), no_action (done, no rule asked for an action); waiting (an action waits for a retry), \
            approval (for an approver); and what needs someone — review (a person must look), blocked (an \
            action waits for configuration, e.g. a secret), dead_letter (an action was given up: `mailroom \
            outbox retry ID` once the cause is fixed), failed. `mailroom messages --state \
            review,failed,dead_letter,blocked` lists those with the reason.
            """,
        subcommands: [MessagesListCommand.self, MessagesShowCommand.self, MessagesRetryCommand.self],
        defaultSubcommand: MessagesListCommand.self
    )
}

struct MessagesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List stored messages, newest first.")

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Only these states, comma-separated: received, parsed, understood, decided, acted, no_action, waiting, approval, blocked, dead_letter, review, failed.",
                               valueName: "states"))
    var state: String?

    @Option(help: ArgumentHelp("Only messages received since then: an age (30m, 2h, 7d) or a UTC date (2026-11-23).",
                               valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("At most this many messages.", valueName: "n"))
    var limit: Int?

    @Flag(help: "One JSON object per message per line.")
    var json = false

    @Flag(help: "Show every column in full (no cell cut with …).") var wide = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let states = try parseStates(state)
            let sinceDate = try since.map { try OperatorTime.parse($0) }
            let store = try options.openExistingStore(config)
            let messages = try store.messages(matching: MessageFilter(states: states, since: sinceDate, limit: limit,
                                                                      newestFirst: true))
            if json {
                Terminal.out(AuditReport.messagesJSONLines(messages))
            } else if messages.isEmpty {
                Terminal.out("No messages" + (state.map { " in state \($0)" } ?? "") + ".\n")
            } else {
                Terminal.out(AuditReport.messagesTable(messages, wide: wide))
            }
        }
    }
}

func parseStates(_ text: String?) throws -> [MessageState] {
    guard let text else { return [] }
    return try text.split(separator: ",").map { part in
        let name = part.trimmingCharacters(in: .whitespaces).lowercased()
        guard let state = MessageState(rawValue: name) else {
            throw OperatorInputError(message: "'\(name)' is not a state; use "
                + MessageState.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return state
    }
}

struct MessagesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one message: state, why it is flagged, its normalised content and its audit timeline.")

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print the message and its events as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("The message id (first column of `mailroom messages`).", valueName: "id"))
    var id: Int64

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            guard let timeline = try AuditTimeline.load(store: store, messageID: id) else {
                throw OperatorInputError(message: "there is no message \(id) in the store")
            }
            Terminal.out(json ? MessageDetail.json(timeline) : MessageDetail.text(timeline))
        }
    }
}

struct MessagesRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Send failed messages back to the start of the pipeline, once their problem is fixed.",
        discussion: """
            The flag reason of a failed message (`mailroom messages show ID`) says what went wrong. Fix that \
            first (restore a spool file, free disk space, …), then retry: the message goes back to state \
            received and the daemon (or `mailroom run --once`) takes it again. The audit trail records who \
            retried it.
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: ArgumentHelp("Message ids.", valueName: "id")) var ids: [Int64]

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            for id in ids {
                try OperatorActions.retry(id, store: store)
                Terminal.out("message \(id): failed → received\n")
            }
        }
    }
}
