import ArgumentParser
import Foundation
import Vocabulary
import Daemon
import Store

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure Mailroom's speed.", subcommands: [BenchParseCommand.self, BenchIMAPCommand.self, BenchAuditCommand.self,
                                                                               BenchTokensCommand.self])
}

struct BenchParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse and normalise every mail under a folder; report messages, bytes, seconds, MB/s, msgs/s.",
        discussion: """
            Every regular file under the folder (recursively, names starting with a dot skipped) is read into \
            memory first; only parsing is timed. With --json exactly {"messages": N, "bytes": B, "seconds": S} \
            is printed. Use a release build (`swift build -c release`) for meaningful numbers.
            """
    )

    @OptionGroup var options: ConfigOptions
    @Flag(help: "Print {\"messages\": N, \"bytes\": B, \"seconds\": S} and nothing else.") var json = false
    @Argument(help: ArgumentHelp("The folder of mails.", valueName: "dir")) var directory: String

    func run() async throws {
        try await operatorCommand {
            let paths = try ParseBenchmark.files(in: directory)
            let progress = ProgressLine(enabled: !json)
            var messages: [Data] = []
            messages.reserveCapacity(paths.count)
            for (i, path) in paths.enumerated() {
                do {
                    messages.append(try Data(contentsOf: URL(fileURLWithPath: path)))
                } catch {
                    throw OperatorInputError(message: "cannot read \(path): \(FileProblem.describe(error))")
                }
                progress.update("reading \(i + 1)/\(paths.count)")
            }
            progress.update("parsing \(messages.count) mail(s)…")
            let result = ParseBenchmark.run(messages: messages)
            progress.finish()
            if json {
                Terminal.out("{\"messages\": \(result.messages), \"bytes\": \(result.bytes), \"seconds\": \(result.seconds)}\n")
            } else {
                Terminal.out(String(format: "%d messages, %d bytes in %.3f s: %.1f MB/s, %.0f msgs/s (%d attachments found)\n",
                                    result.messages, result.bytes, result.seconds, result.megabytesPerSecond,
                                    result.messagesPerSecond, result.attachments))
            }
        }
    }
}

struct BenchIMAPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imap",
        abstract: "Deliver mails one by one into an IMAP folder and report arrival-to-stored latency (p50, p99).",
        discussion: """
            Uses the account from the configuration's sources.imap (--account NAME, default the first) and its \
            first folder. Each mail is appended over IMAP; the time from the server's confirmation to Mailroom \
            having stored it durably (spool fsync + store commit), taken by an IDLE-ing source, is measured. A \
            scratch store and spool are used, never the configured ones; the mails stay on the server, flagged \
            \\Seen. scripts/bench-imap.sh runs this against a private Dovecot.
            """
    )

    @OptionGroup var options: ConfigOptions
    @Option(help: "The IMAP account (sources.imap[].name); default: the first.") var account: String?
    @Option(help: "How many mails to deliver.") var count = 100
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            guard let settings = account.map({ name in config.sources.imap.first { $0.name == name } })
                ?? config.sources.imap.first else {
                throw OperatorInputError(message: account.map { "no IMAP account named '\($0)' in sources.imap" }
                    ?? "the configuration has no sources.imap account to benchmark")
            }
            guard count > 0 else { throw OperatorInputError(message: "--count must be at least 1") }
            let progress = ProgressLine(enabled: !json)
            let total = count
            let result = try await IMAPLatencyBenchmark(account: settings, count: count).run { n in
                progress.update("delivered \(n)/\(total)")
            }
            progress.finish()
            Terminal.out(json ? OperatorJSON.encode(result) : result.text + "\n")
            if result.stored < result.mails { throw ExitCode.failure }
        }
    }
}

struct BenchAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Fill a scratch store with a large audit trail and time filtered audit queries on it.",
        discussion: """
            STORE is a scratch store file: when it does not exist it is created and filled with the history of \
            made-up messages (5 audit events each: received, parsed, understood, decided, finished; the real hash \
            chain and Merkle leaves, written in large transactions) until it holds --events events; a store filled \
            by an earlier run is reused. A store holding other messages is refused. Then each filter of `mailroom \
            audit query` is timed (median of --runs); time `mailroom audit verify` on the same store separately \
            (scripts/bench.py does both). Use a release build for meaningful numbers.
            """
    )

    @Option(help: "Audit events the store must hold.") var events = 1_000_000
    @Option(help: "Timings per filter (the median is reported).") var runs = 5
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(help: ArgumentHelp("The scratch store file.", valueName: "store")) var store: String

    func run() async throws {
        try await operatorCommand {
            guard events > 0 else { throw OperatorInputError(message: "--events must be at least 1") }
            let existed = FileManager.default.fileExists(atPath: store)
            let mailStore = try MailStore(path: store)
            if existed {
                let sources = try mailStore.sourceNames()
                if !sources.isSubset(of: ["maildir:bench"]) {
                    throw OperatorInputError(message: "\(store) holds real messages (sources \(sources.sorted().joined(separator: ", "))); give a new file")
                }
            }
            let progress = ProgressLine(enabled: !json)
            let total = events
            let fill = try AuditBenchmark.fill(mailStore, events: events) { n in progress.update("filled \(n)/\(total) events") }
            progress.update("timing the queries…")
            let queries = try AuditBenchmark.queries(mailStore, runs: runs)
            progress.finish()
            let (have, messages) = try mailStore.auditAndMessageCounts()
            let result = AuditBenchmark.Result(events: have, messages: messages, fillSeconds: fill, queries: queries)
            if json {
                Terminal.out(OperatorJSON.encode(result))
            } else {
                var text = "\(have) audit events of \(messages) messages"
                    + (fill.map { String(format: " (filled in %.1f s)", $0) } ?? " (reused)") + "\n"
                for q in queries {
                    text += String(format: "%9.2f ms  %7d events  ", q.milliseconds, q.matched)
                        + "mailroom audit query \(q.arguments)\n"
                }
                Terminal.out(text)
            }
        }
    }
}
