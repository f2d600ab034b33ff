import Foundation
import Testing
@testable import Parse

/// An informal speed measurement, run only on request:
///   MAILROOM_PARSE_BENCH_DIR=/path/to/mails swift test -c release --filter ParseSpeedMeasurement
/// Parses every file in the directory (repeating the set until about 50 MB were parsed) and prints
/// MB/s and messages/s. The formal benchmark is `mailroom bench parse`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MAILROOM_PARSE_BENCH_DIR"] != nil,
                "set MAILROOM_PARSE_BENCH_DIR to measure parse speed"))
struct ParseSpeedMeasurement {
    @Test func parseThroughput() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["MAILROOM_PARSE_BENCH_DIR"]!)
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        let mails = files.compactMap { try? Data(contentsOf: $0) }.filter { !$0.isEmpty }
        try #require(!mails.isEmpty)
        let setBytes = mails.reduce(0) { $0 + $1.count }
        let rounds = max(1, 50_000_000 / setBytes)
        for m in mails { _ = MessageParser.parse(m) }  // warm up (iconv converters, tables)
        var bytes = 0
        var messages = 0
        var attachments = 0
        let start = Date()
        for _ in 0..<rounds {
            for m in mails {
                let p = MessageParser.parse(m)
                bytes += m.count
                messages += 1
                attachments += p.attachmentData.count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let mbps = Double(bytes) / 1_000_000 / seconds
        print(String(format: "parse speed: %d messages, %.1f MB, %.2f s: %.1f MB/s, %.0f messages/s, %d attachments",
                     messages, Double(bytes) / 1_000_000, seconds, mbps, Double(messages) / seconds, attachments))
        #expect(mbps > 5, "parsing ran at \(mbps) MB/s")
    }
}
