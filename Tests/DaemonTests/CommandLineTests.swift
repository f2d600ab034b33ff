import Foundation
import Testing
@testable import Vocabulary
@testable import Ingest
@testable import Daemon
import MailroomTesting

/// The CLI as an operator meets it: exit codes, one-line errors, JSON that scripts can rely on.
@Suite(.serialized) struct CommandLineTests {
    func scratchWithConfig(_ label: String, extra: String = "") throws -> (IngestScratch, String) {
        let scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        try scratch.write("""
            store:
              path: mailroom.sqlite
            spool:
              path: spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
            \(extra)
            """, to: "mailroom.yaml")
        return (scratch, scratch.path("mailroom.yaml"))
    }

    @Test func errorsAreOneLineOnStderrWithANonZeroExit() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let (scratch, _) = try scratchWithConfig("cli-errors")
        defer { scratch.remove() }
        try scratch.write("store:\n  path: x.sqlite\nsoruces: {}\n", to: "bad.yaml")

        let missing = try await MailroomProcess.run(["status", "--config", scratch.path("nope.yaml")], in: scratch.root)
        #expect(missing.status == 1)
        #expect(missing.stderr == "mailroom: \(scratch.path("nope.yaml")): cannot read the configuration file: no such file\n")

        let bad = try await MailroomProcess.run(["run", "--once", "--config", scratch.path("bad.yaml")], in: scratch.root)
        #expect(bad.status == 1)
        #expect(bad.stderr == "mailroom: \(scratch.path("bad.yaml")):3:1: unknown key 'soruces'; did you mean 'sources'?\n")
        #expect(bad.stdout.isEmpty)

        let noStore = try await MailroomProcess.run(["messages", "--config", scratch.path("mailroom.yaml")], in: scratch.root)
        #expect(noStore.status == 1)
        #expect(noStore.stderr.hasPrefix("mailroom: there is no store at \(scratch.path("mailroom.sqlite")) yet"))
        #expect(noStore.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("mailroom.sqlite")))
    }

    @Test func ingestThenRunOnceThenInspect() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let (scratch, config) = try scratchWithConfig("cli-flow")
        defer { scratch.remove() }
        try scratch.write(SampleMail.text(1), to: "import/one.eml")
        try scratch.write("From x@example.com Mon Nov 23 08:00:00 2026\n" + SampleMail.text(2) + "\n"
            + "From y@example.com Mon Nov 23 09:00:00 2026\n" + SampleMail.text(3), to: "import/box.mbox")
        try scratch.write("no headers here, just words\n", to: "import/junk.txt")

        let ingest = try await MailroomProcess.run(["ingest", "--config", config, "--json", scratch.path("import")],
                                                   in: scratch.root)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let tally = try JSONDecoder().decode(IngestTally.self, from: Data(ingest.stdout.utf8))
        #expect(tally.stored == 4)

        let again = try await MailroomProcess.run(["ingest", "--config", config, scratch.path("import")], in: scratch.root)
        #expect(again.stdout.hasPrefix("0 new, 0 duplicate(s), 4 already known"))

        let once = try await MailroomProcess.run(["run", "--once", "--json", "--config", config], in: scratch.root)
        #expect(once.status == 0, "\(once.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(once.stdout.utf8)) as? [String: Any])
        let lines = try #require(summary["messages"] as? [[String: Any]])
        #expect(lines.count == 4)
        #expect(lines.filter { $0["state"] as? String == "no_action" }.count == 3)
        let flagged = try #require(lines.first { $0["state"] as? String == "review" })
        #expect((flagged["flag_reason"] as? String)?.contains("no header fields") == true)

        let review = try await MailroomProcess.run(["messages", "--state", "review", "--config", config], in: scratch.root)
        #expect(review.status == 0)
        #expect(review.stdout.contains("no header fields"))

        let status = try await MailroomProcess.run(["status", "--json", "--config", config], in: scratch.root)
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(status.stdout.utf8))
        #expect(report.total == 4 && report.flagged == 1 && report.counts["no_action"] == 3)
        #expect(report.sources.map(\.name) == ["maildir:inbox"])

        let id = try #require(flagged["id"] as? Int)
        let show = try await MailroomProcess.run(["messages", "show", "\(id)", "--json", "--config", config], in: scratch.root)
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(detail["state"] as? String == "review")
        #expect((detail["events"] as? [Any])?.count == 2)

        let query = try await MailroomProcess.run(["audit", "query", "--stage", "parse", "--csv", "--config", config],
                                                  in: scratch.root)
        #expect(query.status == 0)
        #expect(query.stdout.split(separator: "\r\n").count == 5)  // header + 4 parse events

        let head = try await MailroomProcess.run(["audit", "head", "--config", config], in: scratch.root)
        let noted = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(AuditHead(noted) != nil)
        let verify = try await MailroomProcess.run(["audit", "verify", "--expect-head", noted, "--config", config],
                                                   in: scratch.root)
        #expect(verify.status == 0, "\(verify.stdout)")
        let wrongHead = "1:" + String(repeating: "0", count: 64)
        let broken = try await MailroomProcess.run(["audit", "verify", "--expect-head", wrongHead, "--config", config],
                                                   in: scratch.root)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("event 1"))

        let badState = try await MailroomProcess.run(["messages", "--state", "done", "--config", config], in: scratch.root)
        #expect(badState.status == 1)
        #expect(badState.stderr.contains("'done' is not a state"))
    }

    @Test func parsePrintsSortedJSONAndNeverFailsOnOddInput() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("cli-parse")
        defer { scratch.remove() }
        try scratch.write(SampleMail.text(1), to: "mail.eml")
        try scratch.write(Data((0..<2000).map { UInt8(($0 * 7919) % 256) }), to: "noise.bin")

        let json = try await MailroomProcess.run(["parse", "--json", scratch.path("mail.eml")], in: scratch.root)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        for key in ["subject", "from", "to", "cc", "reply_to", "date", "message_id", "in_reply_to", "references",
                    "text", "attachments", "warnings"] {
            #expect(object.keys.contains(key), "missing key \(key)")
        }
        let keyOrder = json.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        #expect(keyOrder == keyOrder.sorted())

        let text = try await MailroomProcess.run(["parse", scratch.path("mail.eml")], in: scratch.root)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Subject:"))

        let noise = try await MailroomProcess.run(["parse", "--json", scratch.path("noise.bin")], in: scratch.root)
        #expect(noise.status == 0)
        let missing = try await MailroomProcess.run(["parse", scratch.path("absent.eml")], in: scratch.root)
        #expect(missing.status == 1)
        #expect(missing.stderr == "mailroom: cannot read \(scratch.path("absent.eml")): no such file\n")
    }

    @Test func benchParseJSONIsExactlyTheThreeNumbers() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("cli-bench")
        defer { scratch.remove() }
        for n in 0..<5 { try scratch.write(SampleMail.text(n), to: "corpus/sub\(n % 2)/m\(n).eml") }
        try scratch.write("ignored", to: "corpus/.hidden")
        let bytes = (0..<5).reduce(0) { $0 + SampleMail.text($1).utf8.count }
        let result = try await MailroomProcess.run(["bench", "parse", scratch.path("corpus"), "--json"], in: scratch.root)
        #expect(result.status == 0)
        let pattern = #"^\{"messages": 5, "bytes": \#(bytes), "seconds": [0-9.e-]+\}\n$"#
        #expect(result.stdout.range(of: pattern, options: .regularExpression) != nil, "got: \(result.stdout)")
        #expect(result.stderr.isEmpty)
    }

    @Test func everyCommandHasHelpForAnOperator() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("cli-help")
        defer { scratch.remove() }
        for command in [["run"], ["ingest"], ["parse"], ["messages", "list"], ["messages", "show"], ["status"],
                        ["audit", "verify"], ["audit", "query"], ["audit", "show"], ["audit", "head"], ["bench", "parse"]] {
            let help = try await MailroomProcess.run(command + ["--help"], in: scratch.root)
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("--config"), "\(command) lacks --config")
        }
    }
}
