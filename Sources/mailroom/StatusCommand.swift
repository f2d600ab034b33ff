import ArgumentParser
import Foundation
import Mailroom

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Counts per state, flagged mail, the oldest unfinished message, sources and the audit head.",
        discussion: """
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
        }
    }
}
