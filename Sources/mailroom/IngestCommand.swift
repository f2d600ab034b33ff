import ArgumentParser
import Foundation
import Store
import Ingest
import Daemon

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Take .eml files, folders (Maildir folders too) and mbox files into the store.",
        discussion: """
            Each mail is stored once: importing the same paths again, or a mail that is already in the \
            store under another name, adds nothing. The imported mails wait in state `received`; the daemon \
            (`mailroom run`, or `mailroom run --once`) processes them. A symbolic link inside a folder is not \
            followed (it is listed); name its target to import it.

            Exit status: 0 when everything was taken, 1 when some items could not be (they are listed).
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("The source name to record for these mails (not imap:…, maildir:… or drop:…: those name configured sources, "
        + "and imported mail never counts as an answer to an approval request).", valueName: "name"))
    var source = "file"

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("Files and folders to import.", valueName: "path"))
    var paths: [String]

    func run() async throws {
        try await operatorCommand {
            try FileImport.checkSourceName(source)
            let config = try options.load()
            _ = Terminal.startLogging(level: .warning)
            let spool = try Spool(directory: config.spool.path)
            let store = try MailStore(path: config.store.path)
            let fileImport = FileImport(intake: Intake(store: store, spool: spool), source: source)
            let progress = ProgressLine(enabled: !json)
            let tally = fileImport.run(paths: paths) { tally, path in
                progress.update("\(tally.handled) mail(s), \(tally.bytes / 1_000_000) MB … \(path)")
            }
            progress.finish()
            if json {
                Terminal.out(OperatorJSON.encode(tally))
            } else {
                Terminal.out("\(tally.stored) new, \(tally.duplicates) duplicate(s), \(tally.alreadyKnown) already known"
                    + (tally.failures.isEmpty ? "" : ", \(tally.failures.count) could not be taken") + "\n")
                if tally.stored > 0 {
                    Terminal.out("The new mails wait in state `received`: `mailroom run --once` (or the daemon) processes them.\n")
                }
                for failure in tally.failures { Terminal.error(failure) }
            }
            if !tally.failures.isEmpty { throw ExitCode.failure }
        }
    }
}
