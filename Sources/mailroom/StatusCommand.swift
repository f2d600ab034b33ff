import ArgumentParser
import Foundation
import Understand
import Daemon

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Whether the daemon runs; counts per state, flagged mail, the oldest unfinished message, sources and the audit head.",
        discussion: """
            The daemon line asks the kernel whether the store's lock file (<store>.lock) is held and reads \
            the daemon's heartbeat in the store: "running (pid P on HOST, up for …, version V)"; "stuck?" \
            when the lock is held but the heartbeat is overdue (three missed beats, at least 30 s); "not \
            running since TIME" (its clean stop, or its last heartbeat after a crash or kill); or "never ran".

            The rules line names the rule-set version the running daemon decides with (the first 12 hex \
            digits of a SHA-256 over its rule files, kinds, approvers, catalogue and connectors) and when it \
            was loaded; "rules NOT reloaded at TIME: ERROR" when the last reload was refused (the old rules \
            stay in use); and a warning when the files on disk now differ from the loaded set: run \
            `mailroom reload`.

            A message that stays unfinished (not acted, review or failed) for long while the daemon runs \
            means something is stuck: look at it with `mailroom messages show ID`.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let report = try StatusReport.gather(config: config, store: store)
            Terminal.out(json ? OperatorJSON.encode(report) : report.text)
            // Model budgets: a reached cap means mail is not sent to that provider (it goes to review instead).
            if !json && !config.gateway.providers.isEmpty {
                var text = "\nModel gateway budgets (today / this month, UTC):\n"
                for line in try ModelGateway(settings: config.gateway, store: store).budgetStatus() {
                    text += "  \(line.scope): \(line.today.tokens) / \(line.thisMonth.tokens) tokens, "
                        + String(format: "%.4f / %.4f", line.today.cost, line.thisMonth.cost) + " \(config.gateway.currency)"
                        + (line.reached.map { "  — \($0) budget REACHED: no calls" } ?? "") + "\n"
                }
                Terminal.out(text)
            }
        }
    }
}
