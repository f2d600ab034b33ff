import ArgumentParser
import Foundation
import Vocabulary
import Parse
import Daemon

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show how Mailroom reads one mail file (nothing is stored).",
        discussion: """
            Prints the decoded headers, addresses, date, attachments, warnings and the readable text. \
            With --json: the normalised message as Mailroom stores it (sorted keys). Any file is accepted: \
            what is odd shows up under warnings. Exit status 1 only when the file cannot be read.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print the normalised message as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("The mail file (RFC 822 / .eml).", valueName: "file"))
    var file: String

    func run() async throws {
        try await operatorCommand {
            let raw: Data
            do {
                raw = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw OperatorInputError(message: "cannot read \(file): \(FileProblem.describe(error))")
            }
            let parsed = MessageParser.parse(raw)
            Terminal.out(json ? OperatorJSON.encode(parsed.normalised) : ParsedMessageText.render(parsed.normalised))
        }
    }
}
