import ArgumentParser
import Foundation
import Logging
import Vocabulary
import Store
import Daemon

@main
struct MailroomCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailroom",
        abstract: "Reads a company mailbox, understands each mail, acts on it, and audits every step.",
        discussion: """
            Configuration: one YAML file, from --config FILE, else $MAILROOM_CONFIG, else \
            /etc/mailroom/mailroom.yaml, else the embedded default (./Maildir, ./mailroom.sqlite, ./spool, ./rules, ./connectors).

            Start with `mailroom run` (the daemon) or `mailroom run --once`; see what happened with \
            `mailroom status`, `mailroom messages` and `mailroom audit show ID`.
            """,
        version: MailroomVersion.string,
        subcommands: [RunCommand.self, IngestCommand.self, ParseCommand.self, MessagesCommand.self,
                      StatusCommand.self, AuditCommand.self, BenchCommand.self, RulesCommand.self, ReplayCommand.self,
                      OutboxCommand.self, ApprovalsCommand.self, ApproveCommand.self, RejectCommand.self,
                      TrainCommand.self, ClassifyCommand.self, ReviewCommand.self, EvalCommand.self,
                      CostsCommand.self, ReloadCommand.self, UserCommand.self]
    )
}

/// `--config FILE`, shared by every command.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (default: $MAILROOM_CONFIG, /etc/mailroom/mailroom.yaml, or the embedded default).",
        valueName: "file"))
    var config: String?

    func load() throws -> MailroomConfig {
        try MailroomConfig.load(explicitPath: config)
    }

    /// Opens the configured store for reading commands; refuses to create an empty one by accident.
    func openExistingStore(_ config: MailroomConfig) throws -> MailStore {
        guard FileManager.default.fileExists(atPath: config.store.path) else {
            let origin = config.file ?? "the embedded default configuration"
            throw OperatorInputError(message: "there is no store at \(config.store.path) yet (store.path from "
                + "\(origin)); run `mailroom run` or `mailroom ingest` first, or pass --config")
        }
        return try MailStore(path: config.store.path)
    }
}

/// Runs a command body; any error becomes one line on stderr and exit code 1.
func operatorCommand(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Terminal.error(describe(error))
        throw ExitCode.failure
    }
}

func describe(_ error: Error) -> String {
    if let localized = error as? LocalizedError, let text = localized.errorDescription { return text }
    if type(of: error) is NSError.Type || error is CocoaError { return (error as NSError).localizedDescription }
    return String(describing: error)
}

enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(shown("mailroom: \(message)\n", on: STDERR_FILENO).utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data(shown("\(message)\n", on: STDERR_FILENO).utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(shown(text, on: STDOUT_FILENO).utf8))
    }

    /// Text bound for a terminal with its control characters made visible (`^[` for ESC, as `cat -v` shows
    /// them): mail text printed by `review show`, `messages show` and the rest cannot move the cursor, retitle
    /// the window or hide what follows. Piped into a file or another program, the text stays as it is.
    static func shown(_ text: String, on fd: Int32) -> String {
        guard isatty(fd) == 1 else { return text }
        return printable(text)
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isControl(scalar) {
                out.append(scalar)
            } else if scalar.value < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            } else if scalar.value == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else {
                out.append("\u{FFFD}")  // C1 controls (CSI 0x9B among them)
            }
        }
        return String(out)
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Logs go to stderr at the configured level (commands other than `run` stay at warning and above).
    static func startLogging(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "mailroom")
        logger.logLevel = level
        return logger
    }
}

/// A one-line progress display on a terminal's stderr, redrawn at most five times a second.
final class ProgressLine {
    private let enabled: Bool
    private var last = ContinuousClock.now - .seconds(1)
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled && Terminal.stderrIsTerminal }

    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - last >= .milliseconds(200) else { return }
        last = now
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text())".utf8))
        shown = true
    }

    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
