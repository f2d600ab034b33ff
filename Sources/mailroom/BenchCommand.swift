import ArgumentParser
import Foundation
import Mailroom

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure Mailroom's speed.", subcommands: [BenchParseCommand.self, BenchTokensCommand.self])
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
