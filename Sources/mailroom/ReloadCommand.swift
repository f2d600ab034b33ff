import ArgumentParser
import Foundation
import Vocabulary
import Daemon

struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Asks the running daemon to re-read its rules, kinds, connectors, approvers and catalogue (SIGHUP).",
        discussion: """
            Finds the daemon holding the store's lock (the pid `mailroom status` shows), sends it SIGHUP, and \
            waits for its answer in the store. The daemon reads every file with the same checks as at start: \
            only when all are free of errors does it switch to them, between two messages (a mail is decided \
            with one rule set, never half of each); the audit trail records `rules_reloaded` with the old and \
            the new version, and every `decided` event names the version that decided it (`rule_set_version`). \
            With any error the old rules stay in use, the errors (file:line:col) are logged and audited \
            (`rules_reload_failed`), and `mailroom status` shows "rules NOT reloaded at TIME". Check before \
            with `mailroom rules check`.

            Connector changes apply to actions carried out after the reload. The classifier's examples are \
            not part of it: the daemon retrains when they change.

            Exit status: 0 reloaded; 1 the daemon is not running, refused the files, or did not answer.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("How long to wait for the daemon's answer, in seconds (0: do not wait).", valueName: "seconds"))
    var wait: Double = 30

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let daemon = try DaemonLiveness.gather(storePath: config.store.path, store: store)
            guard [.running, .stuck].contains(daemon.state), daemon.lockHeld, let pid = daemon.pid else {
                if daemon.state == .starting {
                    throw OperatorInputError(message: "the daemon is starting: try again when `mailroom status` says it is running")
                }
                throw OperatorInputError(message: "the daemon is not running (\(daemon.summary)); its next start reads the rule files")
            }
            // Only a daemon that recorded its rule set traps SIGHUP; to anything else (`run --once`, a daemon of
            // an older version) the signal would be fatal.
            guard let loaded = try store.ruleSetState(), loaded.pid == pid else {
                throw OperatorInputError(message: "the process holding the store (pid \(pid)) does not reload rules (a `mailroom "
                    + "run --once`, or a daemon of an older version): nothing was sent; its next start reads the rule files")
            }
            let requested = Date()
            guard kill(pid, SIGHUP) == 0 else {
                throw OperatorInputError(message: "could not signal the daemon (pid \(pid)): \(String(cString: strerror(errno)))")
            }
            Terminal.out("reload requested (pid \(pid))\n")
            guard wait > 0 else { return }
            let deadline = Date().addingTimeInterval(wait)
            // The daemon records every attempt (millisecond times): wait for one at or after the request.
            while Date() < deadline {
                if let state = try store.ruleSetState(), state.pid == pid,
                   state.attemptedAt.timeIntervalSince(requested) > -0.001 {
                    if let error = state.error {
                        Terminal.error("rules NOT reloaded: version \(state.version.prefix(12)) stays in use:\n\(error)")
                        throw ExitCode.failure
                    }
                    Terminal.out("rules reloaded: version \(state.version.prefix(12)) in use since \(ISO8601.utcString(state.loadedAt))\n")
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw OperatorInputError(message: "the daemon (pid \(pid)) did not answer within \(Int(wait)) s; see `mailroom status` and its log")
        }
    }
}
