import Foundation
import Testing
@testable import Vocabulary
@testable import Audit
import MailroomTesting

@Suite struct AuditReportTests {
    private let events: [AuditEvent] = [
        AuditEvent(sequence: 1, time: "2026-09-21T14:13:20.000Z", messageID: 7, stage: "ingest", actor: "intake",
                   eventType: "received", details: #"{"source":"maildir:inbox","to":"received"}"#,
                   previousHash: AuditChain.genesisHash, hash: String(repeating: "a", count: 64)),
        AuditEvent(sequence: 2, time: "2026-09-21T14:13:21.000Z", messageID: 7, stage: "parse", actor: "parser",
                   eventType: "parsed", details: #"{"subject":"报价请求, \"急\"\nline two","to":"parsed"}"#,
                   previousHash: String(repeating: "a", count: 64), hash: String(repeating: "b", count: 64)),
        AuditEvent(sequence: 10, time: "2026-09-21T14:13:22.000Z", messageID: nil, stage: "daemon",
                   actor: "mailroom/0.1.0", eventType: "started", details: "not json {",
                   previousHash: String(repeating: "b", count: 64), hash: String(repeating: "c", count: 64)),
    ]

    @Test func tableColumnsLineUpEvenWithChineseText() {
        let lines = AuditReport.table(events).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 6)  // header, rule, three rows, trailing empty
        #expect(lines[0].hasPrefix("SEQ  TIME (UTC)                MSG  STAGE   ACTOR           EVENT     DETAILS"))
        #expect(lines[1].hasPrefix("---  ------------------------  ---"))
        // The details start at the same terminal column on every line.
        let detailsColumn = FixedWidthTable.displayWidth(String(lines[0][..<lines[0].range(of: "DETAILS")!.lowerBound]))
        #expect(Self.text(of: lines[2], fromColumn: detailsColumn).hasPrefix("source=maildir:inbox"))
        #expect(Self.text(of: lines[3], fromColumn: detailsColumn).hasPrefix("subject="))
        #expect(Self.text(of: lines[4], fromColumn: detailsColumn) == "not json {")
        #expect(lines[2].hasPrefix("  1  2026-09-21T14:13:20.000Z    7  ingest  intake          received  source=maildir:inbox to=received"))
        #expect(lines[4].hasPrefix(" 10  2026-09-21T14:13:22.000Z    -  daemon  mailroom/0.1.0  started   not json {"))
        // The newline inside the subject does not break the row.
        #expect(lines[3].contains(#"subject="报价请求, \"急\"\nline two""#))
    }

    /// What a line shows from a terminal column on.
    static func text(of line: String, fromColumn column: Int) -> String {
        var used = 0
        var index = line.startIndex
        while index < line.endIndex, used < column {
            used += FixedWidthTable.characterWidth(line[index])
            index = line.index(after: index)
        }
        return String(line[index...])
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(FixedWidthTable.displayWidth("报价") == 4)
        #expect(FixedWidthTable.displayWidth("Grüße") == 5)
        #expect(FixedWidthTable.truncate("报价请求单", to: 6) == "报价…")
        let table = FixedWidthTable(header: ["A", "B"], rows: [["报价", "x"], ["ab", "y"]], rightAligned: [],
                                    maxWidths: [nil, nil]).render()
        #expect(table == "A     B\n----  -\n报价  x\nab    y\n")
    }

    @Test func wideShowsEveryCellInFullWhereTheDefaultCutsIt() {
        let long = String(repeating: "需要人工确认的原因 ", count: 12) + "END"
        let event = AuditEvent(sequence: 3, time: "2026-09-21T14:13:23.000Z", messageID: 7, stage: "understand",
                               actor: "understander", eventType: "review", details: "{\"reason\":\"\(long)\"}",
                               previousHash: String(repeating: "b", count: 64), hash: String(repeating: "d", count: 64))
        let cut = AuditReport.table([event])
        #expect(cut.contains("…") && !cut.contains("END"))
        let full = AuditReport.table([event], wide: true)
        #expect(full.contains(long.trimmingCharacters(in: .whitespaces)) && !full.contains("…"))
        // Still aligned: the rule under the header is as wide as the widest cell of each column.
        let lines = full.split(separator: "\n").map(String.init)
        #expect(FixedWidthTable.displayWidth(lines[1]) == FixedWidthTable.displayWidth(lines[2]))
    }

    @Test func controlCharactersCannotDriveTheTerminal() {
        let table = FixedWidthTable(header: ["X"], rows: [["red\u{1B}[31m\nnext"]], rightAligned: [],
                                    maxWidths: [nil]).render()
        #expect(!table.contains("\u{1B}"))
        #expect(table.split(separator: "\n").count == 3)
    }

    @Test func csvFollowsRFC4180() {
        let csv = AuditReport.csv(events)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "sequence,time,message_id,stage,actor,event_type,details,previous_hash,hash")
        #expect(lines[1].hasPrefix(#"1,2026-09-21T14:13:20.000Z,7,ingest,intake,received,"{""source"":""maildir:inbox"",""to"":""received""}","#))
        // A field with a newline stays one quoted field spanning two physical lines.
        #expect(csv.contains("\"{\"\"subject\"\":\"\"报价请求, \\\"\"急\\\"\"\\nline two\"\",\"\"to\"\":\"\"parsed\"\"}\""))
        #expect(lines[3].hasPrefix("10,2026-09-21T14:13:22.000Z,,daemon,mailroom/0.1.0,started,not json {,"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(AuditReport.csvRow(["a\"b", "c,d", "e\nf", "plain"]) == "\"a\"\"b\",\"c,d\",\"e\nf\",plain\r\n")
    }

    @Test func jsonLinesAndArrayParseBack() throws {
        let lines = AuditReport.jsonLines(events).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let first = try JSONValue(parsing: lines[0])
        #expect(first["sequence"] == 1)
        #expect(first["details"]?["source"] == "maildir:inbox")
        #expect(first["message_id"] == 7)
        #expect(try JSONValue(parsing: lines[2])["details"] == "not json {")  // tampered text stays a string
        #expect(try JSONValue(parsing: lines[2])["message_id"] == .null)
        #expect(lines[0].hasPrefix(#"{"sequence":1,"time":"2026-09-21T14:13:20.000Z","message_id":7,"stage":"ingest""#))

        let array = try #require(try JSONValue(parsing: AuditReport.jsonArray(events)).arrayValue)
        #expect(array.count == 3)
        #expect(array[1]["details"]?["subject"] == "报价请求, \"急\"\nline two")
        #expect(AuditReport.jsonArray([]) == "[]\n")

        // The Codable form uses the same keys.
        let decoded = try JSONDecoder().decode(AuditEvent.self, from: try JSONEncoder().encode(events[0]))
        #expect(decoded == events[0])
        #expect(String(decoding: try JSONEncoder().encode(events[0]), as: UTF8.self).contains("\"previous_hash\""))
    }

    /// An auditor with only the JSON export can recompute every hash: the embedded details, written
    /// canonically, are exactly the stored text.
    @Test func jsonExportIsEnoughToRecomputeTheChain() throws {
        let dir = try StoreScratch.directory("report")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 3, extraEvents: 5)
        try fixture.store.appendAudit(AuditDraft(messageID: nil, stage: "act", actor: "tryton", eventType: "quoted",
                                                 details: ["total": 1234.5, "lines": [["qty": 40, "item": "Stuhl \"Wien\""]],
                                                           "currency": "EUR", "approved": true, "note": nil]))
        var previous = AuditChain.genesisHash
        for line in AuditReport.jsonLines(try fixture.store.auditEvents(matching: AuditFilter())).split(separator: "\n") {
            let o = try JSONValue(parsing: String(line))
            let recomputed = AuditChain.hash(
                sequence: try #require(o["sequence"]?.intValue), time: try #require(o["time"]?.stringValue),
                messageID: o["message_id"]?.intValue, stage: try #require(o["stage"]?.stringValue),
                actor: try #require(o["actor"]?.stringValue), eventType: try #require(o["event_type"]?.stringValue),
                details: try #require(o["details"]).canonicalJSON, previousHash: previous)
            #expect(recomputed == o["hash"]?.stringValue)
            previous = recomputed
        }
        #expect(previous == (try fixture.store.auditHead())?.hash)
    }

    @Test func verificationReportNamesTheFirstBrokenEvent() throws {
        let broken = AuditVerification(eventsChecked: 24, head: AuditHead(sequence: 40, hash: String(repeating: "d", count: 64)),
                                       problems: [
                                           AuditProblem(kind: .edited, sequence: 25, message: "its contents no longer match its hash: edited after it was written"),
                                           AuditProblem(kind: .protectionRemoved, sequence: nil, message: "triggers dropped"),
                                       ])
        let text = AuditReport.verification(broken)
        #expect(text.hasPrefix("audit trail NOT intact: event 25: its contents no longer match its hash: edited after it was written [edited]\n"))
        #expect(text.contains("  also: triggers dropped [protection-removed]\n"))
        let json = try JSONValue(parsing: AuditReport.verificationJSON(broken))
        #expect(json["intact"] == false)
        #expect(json["problems"]?.arrayValue?.first?["sequence"] == 25)
        #expect(json["head"]?["sequence"] == 40)
    }

    @Test func messageListingIsReadable() throws {
        let messages = [
            StoredMessage(id: 3, contentSHA256: String(repeating: "e", count: 64), size: 1200, state: .review,
                          source: "maildir:inbox", location: "x", receivedAt: Date(timeIntervalSince1970: 1_790_000_000),
                          updatedAt: Date(timeIntervalSince1970: 1_790_000_100), subject: "Rechnung 2026-114",
                          sender: "buchhaltung@example.de", kind: "invoice", flagReason: "total does not add up"),
        ]
        let table = AuditReport.messagesTable(messages)
        #expect(table.hasPrefix("ID  STATE   RECEIVED (UTC)       KIND     SENDER                  SUBJECT            FLAG\n"))
        #expect(table.contains(" 3  review  2026-09-21 14:13:20  invoice  buchhaltung@example.de  Rechnung 2026-114  total does not add up\n"))
        let json = try JSONValue(parsing: AuditReport.messagesJSONLines(messages))
        #expect(json["state"] == "review")
        #expect(json["flag_reason"] == "total does not add up")
        #expect(AuditReport.stateCounts([.received: 2, .acted: 5])
            == "received 2  parsed 0  understood 0  decided 0  acted 5  no_action 0  waiting 0  approval 0  blocked 0  dead_letter 0  review 0  failed 0\n")
    }
}
