import Foundation
import Testing
@testable import Store
@testable import Ingest
@testable import Act
import MailroomTesting

@Suite("mailbox connector", .serverLogsOnFailure)
struct MailboxConnectorTests {
    static let unique = "1795000000.M7P7.office"

    func maildirConnector(_ scratch: IngestScratch) -> MailboxConnector {
        MailboxConnector(name: "mailbox", maildirs: [.init(name: "inbox", path: scratch.path("Maildir"))], imapAccounts: [])
    }

    func original(_ location: String = unique, source: String = "maildir:inbox") -> OriginalMessage {
        OriginalMessage(source: source, location: location, normalised: nil, kind: nil, rawPath: nil)
    }

    func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("Maildir: moved into a Maildir++ subfolder with flags and a keyword; a second move finds it there")
    func maildirMove() async throws {
        let scratch = try IngestScratch("mailbox-maildir")
        defer { scratch.remove() }
        let root = try scratch.makeMaildir()
        try scratch.write(OfficeFixtures.mail(subject: "x"), to: "Maildir/cur/\(Self.unique):2,S")
        let c = maildirConnector(scratch)
        let move = OfficeFixtures.action(connector: "mailbox", action: "move",
                                         parameters: ["folder": "Archive/Invoices", "flags": ["flagged"], "keywords": ["Invoice"]],
                                         original: original())
        let first = try await c.perform(move)
        #expect(!first.foundEarlierResult)
        #expect(list(root + "/cur").isEmpty)
        #expect(list(root + "/.Archive.Invoices/cur") == ["\(Self.unique):2,FSa"])
        #expect(FileManager.default.fileExists(atPath: root + "/.Archive.Invoices/maildirfolder"))
        #expect(try String(contentsOfFile: root + "/.Archive.Invoices/dovecot-keywords", encoding: .utf8) == "0 Invoice\n")

        let again = try await c.perform(move)
        #expect(again.foundEarlierResult)
        #expect(list(root + "/.Archive.Invoices/cur") == ["\(Self.unique):2,FSa"])

        // Gone from everywhere: refused, nothing touched.
        let other = OfficeFixtures.action(connector: "mailbox", action: "move", parameters: ["folder": "Done"],
                                          original: original("1795000001.M1P1.none"))
        await #expect(throws: ConnectorError.self) { try await c.perform(other) }
        // A folder name that would climb out of the Maildir is refused.
        let climb = OfficeFixtures.action(connector: "mailbox", action: "move", parameters: ["folder": "../x"], original: original())
        await #expect(throws: ConnectorError.self) { try await c.perform(climb) }
    }

    @Test("Maildir: flagging a mail still in new/ puts it in cur/ with the info part; flagging twice changes nothing")
    func maildirFlag() async throws {
        let scratch = try IngestScratch("mailbox-flag")
        defer { scratch.remove() }
        let root = try scratch.makeMaildir()
        try scratch.write(OfficeFixtures.mail(subject: "x"), to: "Maildir/new/\(Self.unique)")
        let c = maildirConnector(scratch)
        let flag = OfficeFixtures.action(connector: "mailbox", action: "flag", parameters: ["flags": ["seen", "answered"]],
                                         original: original())
        _ = try await c.perform(flag)
        #expect(list(root + "/new").isEmpty)
        #expect(list(root + "/cur") == ["\(Self.unique):2,RS"])
        let again = try await c.perform(flag)
        #expect(again.response["steps"] == .array(["nothing to change"]))
        let bad = OfficeFixtures.action(connector: "mailbox", action: "flag", parameters: ["flags": ["deleted"]], original: original())
        await #expect(throws: ConnectorError.self) { try await c.perform(bad) }
    }

    @Test("IMAP (real Dovecot): flag, keyword and move; the second attempt finds the mail gone and changes nothing")
    func imapMove() async throws {
        try DovecotTestServer.requireAvailable()
        let server = try DovecotTestServer(label: "mailbox-move")
        defer { server.stopAndRemove() }
        try server.doveadm(["mailbox", "create", "-u", "alice", "Done"])
        try server.doveadm(["save", "-u", "alice", "-m", "INBOX"], input: OfficeFixtures.mail(subject: "IMAP move"))
        try server.doveadm(["save", "-u", "alice", "-m", "INBOX"], input: OfficeFixtures.mail(subject: "stays"))
        let account = server.account()
        let status = try await IMAPMailbox(account: account, environment: server.environment).status(of: "INBOX")
        let uid = try #require(try server.uids(of: "alice", in: "INBOX").min())
        let location = "\(status.uidValidity):\(uid)"
        let c = MailboxConnector(name: "mailbox", maildirs: [], imapAccounts: [account], environment: server.environment)
        let move = OfficeFixtures.action(connector: "mailbox", action: "move",
                                         parameters: ["folder": "Done", "flags": ["seen"], "keywords": ["Handled"]],
                                         original: original(location, source: "imap:office/INBOX"))
        let first = try await c.perform(move)
        #expect(first.response["was_present"] == .bool(true))
        #expect(try server.uids(of: "alice", in: "INBOX").count == 1)
        #expect(try server.uids(of: "alice", in: "Done", flagged: "Handled").count == 1)
        #expect(try server.uids(of: "alice", in: "Done", flagged: "\\Seen").count == 1)

        let again = try await c.perform(move)
        #expect(again.foundEarlierResult)
        #expect(again.response["was_present"] == .bool(false))
        #expect(try server.uids(of: "alice", in: "Done").count == 1)
        #expect(try server.uids(of: "alice", in: "INBOX").count == 1)

        // A stale UIDVALIDITY is refused: the UID may name another mail.
        let stale = OfficeFixtures.action(connector: "mailbox", action: "label", parameters: ["keywords": ["X"]],
                                          original: original("\(status.uidValidity &+ 1):\(uid + 1)", source: "imap:office/INBOX"))
        await #expect(throws: ConnectorError.self) { try await c.perform(stale) }
        #expect(try server.uids(of: "alice", in: "INBOX", flagged: "X").isEmpty)
    }

    @Test("Daemon killed between sent and recorded: restarted, the mail is moved once and not looked for in vain")
    func killedBetweenSentAndRecorded() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let run = try OfficeDaemonScratch("mailbox-kill", rule: """
            rules:
              - name: file handled orders
                when: kind == "unknown" and subject contains "Kill test"
                actions:
                  - connector: mailbox
                    action: move
                    params:
                      folder: Done
                      flags: [flagged]
            """, connectorFile: "type: mailbox\n", connectorName: "mailbox")
        defer { run.remove() }
        try run.deliver(OfficeFixtures.mail(subject: "Kill test, move me"), unique: Self.unique)
        let (first, second) = try await run.killThenRestart(connector: "mailbox")
        #expect(first.status == 86, "the fail point did not stop the daemon: \(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(list(run.path("Maildir/new")).isEmpty)
        #expect(list(run.path("Maildir/cur")).isEmpty)
        #expect(list(run.path("Maildir/.Done/cur")) == ["\(Self.unique):2,FS"])
        let entries = try run.outbox()
        #expect(entries.count == 1)
        #expect(entries.first?.state == .done)
        #expect(entries.first?.result?["found_earlier_result"]?.boolValue == true)
        // The Maildir source still knows the mail by its unique name: a second run takes nothing new.
        let store = try MailStore(path: run.path("state/mailroom.sqlite"))
        #expect(try store.isKnown(source: "maildir:inbox", location: Self.unique))
    }
}
