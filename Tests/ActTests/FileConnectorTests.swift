import Foundation
import Testing
@testable import Vocabulary
@testable import Act
import MailroomTesting

@Suite("file connector")
struct FileConnectorTests {
    func connector(_ scratch: IngestScratch, delimiter: Character = ",") -> FileConnector {
        FileConnector(name: "archive", directory: URL(fileURLWithPath: scratch.path("exports")), delimiter: delimiter,
                      columns: ["invoice", "seller", "total"])
    }

    @Test("CSV: header once, RFC 4180 quoting, key column; the same key is not appended twice")
    func csvRows() async throws {
        let scratch = try IngestScratch("file-csv")
        defer { scratch.remove() }
        let c = connector(scratch)
        let one = OfficeFixtures.action(connector: "archive", action: "append_csv", parameters: [
            "file": "invoices-{year}.csv",
            "values": ["invoice": "R-1", "seller": "Müller, Schmidt & \"Partner\"", "total": .number(1234.5)],
        ], key: "mr-1-aaa")
        let two = OfficeFixtures.action(connector: "archive", action: "append_csv", parameters: [
            "file": "invoices-{year}.csv",
            "values": ["invoice": "R-2", "seller": "Line\nbreak", "total": "=HYPERLINK(\"x\")"],
        ], key: "mr-2-bbb")
        #expect(try await c.earlierResult(of: one) == nil)
        let first = try await c.perform(one)
        #expect(!first.foundEarlierResult)
        _ = try await c.perform(two)
        let again = try await c.perform(one)
        #expect(again.foundEarlierResult)
        let found = try await c.earlierResult(of: two)
        #expect(found?.foundEarlierResult == true)

        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let text = try String(contentsOfFile: scratch.path("exports/invoices-\(year).csv"), encoding: .utf8)
        #expect(text == "mailroom_key,invoice,seller,total\r\n"
            + "mr-1-aaa,R-1,\"Müller, Schmidt & \"\"Partner\"\"\",1234.5\r\n"
            + "mr-2-bbb,R-2,\"Line\nbreak\",\"'=HYPERLINK(\"\"x\"\")\"\r\n")
        let records = CSVText.records(Data(text.utf8), delimiter: ",")
        #expect(records.count == 3)
        #expect(records[1][2] == "Müller, Schmidt & \"Partner\"")
        #expect(records[2][2] == "Line\nbreak")
    }

    @Test("CSV: a row cut short by a crash is removed before the next append; unknown columns are refused")
    func csvRepairAndColumns() async throws {
        let scratch = try IngestScratch("file-csv-repair")
        defer { scratch.remove() }
        let c = connector(scratch, delimiter: ";")
        try FileManager.default.createDirectory(atPath: scratch.path("exports"), withIntermediateDirectories: true)
        try scratch.write("mailroom_key;invoice;total\r\nmr-9-zzz;R-9;10\r\nmr-1-aa", to: "exports/a.csv")
        let one = OfficeFixtures.action(connector: "archive", action: "append_csv",
                                        parameters: ["file": "a.csv", "values": ["invoice": "R-1", "total": 5]], key: "mr-1-aaa")
        _ = try await c.perform(one)
        let text = try String(contentsOfFile: scratch.path("exports/a.csv"), encoding: .utf8)
        #expect(text == "mailroom_key;invoice;total\r\nmr-9-zzz;R-9;10\r\nmr-1-aaa;R-1;5\r\n")
        let bad = OfficeFixtures.action(connector: "archive", action: "append_csv",
                                        parameters: ["file": "a.csv", "values": ["vat": "x"]], key: "mr-3-ccc")
        await #expect(throws: ConnectorError.self) { try await c.perform(bad) }
    }

    @Test("JSON: written atomically under a name carrying the key; a second write finds it; paths stay inside")
    func jsonDocuments() async throws {
        let scratch = try IngestScratch("file-json")
        defer { scratch.remove() }
        let c = connector(scratch)
        let write = OfficeFixtures.action(connector: "archive", action: "write_json", parameters: [
            "file": "orders/{date}/order.json", "document": ["order": "PO-7", "lines": [["sku": "A", "qty": 2]]],
        ], key: "mr-7-ddd")
        #expect(try await c.earlierResult(of: write) == nil)
        let result = try await c.perform(write)
        let path = result.captured["file"]?.stringValue ?? ""
        #expect(path.hasSuffix("/order-mr-7-ddd.json"))
        let parsed = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(parsed["order"]?.stringValue == "PO-7")
        #expect(try await c.earlierResult(of: write)?.foundEarlierResult == true)
        #expect(try await c.perform(write).foundEarlierResult)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["order-mr-7-ddd.json"])  // no temp file left

        for name in ["../escape.json", "/etc/passwd", "a/../../b.json", ".hidden.json"] {
            let escape = OfficeFixtures.action(connector: "archive", action: "write_json",
                                               parameters: ["file": .string(name), "document": ["x": 1]])
            await #expect(throws: ConnectorError.self, "\(name) was accepted") { try await c.perform(escape) }
        }
        // A symbolic link inside the directory that points out of it is refused too.
        try FileManager.default.createSymbolicLink(atPath: scratch.path("exports/out"), withDestinationPath: scratch.root)
        let viaLink = OfficeFixtures.action(connector: "archive", action: "write_json", parameters: ["file": "out/x.json", "document": ["x": 1]])
        await #expect(throws: ConnectorError.self) { try await c.perform(viaLink) }
    }

    @Test("a symbolic link as the file itself is refused: nothing is written through it (issue 14, finding 7)")
    func symbolicLinkAsTheTargetIsRefused() async throws {
        let scratch = try IngestScratch("file-symlink-target")
        defer { scratch.remove() }
        let c = connector(scratch)
        try scratch.write("do not touch\n", to: "outside/victim.csv")
        try scratch.write("{}\n", to: "outside/victim.json")
        try FileManager.default.createDirectory(atPath: scratch.path("exports"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("exports/orders.csv"),
                                                   withDestinationPath: scratch.path("outside/victim.csv"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("exports/order-mr-9-eee.json"),
                                                   withDestinationPath: scratch.path("outside/victim.json"))
        let append = OfficeFixtures.action(connector: "archive", action: "append_csv", parameters: [
            "file": "orders.csv", "values": ["invoice": "R-9"],
        ], key: "mr-9-eee")
        let write = OfficeFixtures.action(connector: "archive", action: "write_json", parameters: [
            "file": "order.json", "document": ["order": "PO-9"],
        ], key: "mr-9-eee")
        for action in [append, write] {
            do {
                _ = try await c.perform(action)
                Issue.record("\(action.action.action) wrote through a symbolic link")
            } catch let error as ConnectorError {
                #expect("\(error)".contains("symbolic link"), "\(error)")
            }
            await #expect(throws: ConnectorError.self) { try await c.earlierResult(of: action) }
        }
        #expect(try String(contentsOfFile: scratch.path("outside/victim.csv"), encoding: .utf8) == "do not touch\n")
        #expect(try String(contentsOfFile: scratch.path("outside/victim.json"), encoding: .utf8) == "{}\n")
    }

    @Test("Daemon killed between sent and recorded: restarted, no second CSV row")
    func killedBetweenSentAndRecorded() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let run = try OfficeDaemonScratch("file-kill", rule: """
            rules:
              - name: archive every order
                when: kind == "unknown" and subject contains "Kill test"
                actions:
                  - connector: archive
                    action: append_csv
                    params:
                      file: orders.csv
                      columns: [subject, sender]
                      values:
                        subject: "{{ subject }}"
                        sender: "{{ sender }}"
            """, connectorFile: "type: file\ndirectory: ../exports\n", connectorName: "archive")
        defer { run.remove() }
        try run.deliver(OfficeFixtures.mail(subject: "Kill test, order 1"))
        let (first, second) = try await run.killThenRestart(connector: "archive")
        #expect(first.status == 86, "the fail point did not stop the daemon: \(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        let text = try String(contentsOfFile: run.path("exports/orders.csv"), encoding: .utf8)
        let rows = CSVText.records(Data(text.utf8), delimiter: ",")
        #expect(rows.count == 2, "expected header + one row: \(text)")
        #expect(rows.first == ["mailroom_key", "subject", "sender"])
        #expect(rows.last?[1] == "Kill test, order 1")
        let entries = try run.outbox()
        #expect(entries.count == 1)
        #expect(entries.first?.state == .done)
        #expect(entries.first?.result?["found_earlier_result"]?.boolValue == true)
    }
}
