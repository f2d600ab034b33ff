import ArgumentParser
import Foundation
import Daemon
import WebUI

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the configured sources and drive every mail through the pipeline.",
        discussion: """
            Every mail is made durable (spool file and store row) before its source is acknowledged, and \
            each pipeline step is committed with its audit event, so a crash at any point loses nothing: the \
            next start resumes every message from its last committed state.

            SIGTERM or SIGINT stop the daemon gracefully: no new mail is taken, the messages already started \
            are finished, and the process exits 0.

            With --once: take what every source holds now, drive every message to a final state (acted, \
            review or failed), print what happened to each message and exit.

            One daemon per store: both forms hold an exclusive lock on the file <store>.lock (its pid is \
            written there) for as long as they run. A second one on the same store refuses to start, names \
            the pid holding the lock, and exits 1 without doing anything. The kernel releases the lock when \
            the process ends, even after a crash or SIGKILL. While it runs, the daemon records a heartbeat \
            in the store every 10 s; `mailroom status` shows whether it is running.

            With a web: section in the configuration, the daemon also serves the web UI on web.listen \
            (users: `mailroom user add`); a port already in use stops the start with an error naming web.listen.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Process what is there now, print a summary per message, and exit.")
    var once = false

    @Flag(help: "With --once: print the summary as JSON.")
    var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            // Before the store is opened: a second daemon on the same store touches nothing.
            let lock = try StoreLock.acquire(forStore: config.store.path)
            defer { withExtendedLifetime(lock) {} }
            let logger = Terminal.startLogging(level: once && json ? .warning : config.log.loggerLevel)
            let daemon = try MailroomDaemon(config: config, logger: logger, holdsStoreLock: true)
            if once {
                let report = try await daemon.runOnce()
                Terminal.out(json ? report.summaryJSON : report.summaryText)
            } else {
                // The web UI (web: in the configuration) runs beside the pipeline; `run --once` serves nothing.
                try await daemon.serve(extraServices: try WebServer.services(
                    config: config, environment: WebEnvironment(config: config, store: daemon.store, logger: logger)))
            }
        }
    }
}
