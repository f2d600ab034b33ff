import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
import MailroomTesting

/// The real `mailroom run` process on an IMAP account, killed with SIGKILL in the middle of fetching.
@Suite("IMAP: mailroom killed mid-fetch", .serverLogsOnFailure, .serialized)
struct IMAPDaemonProcessTests {
    static func configuration(server: DovecotTestServer, chunk: Int) -> String {
        """
        store:
          path: mailroom.sqlite
        spool:
          path: spool
        sources:
          imap:
            - name: office
              host: 127.0.0.1
              port: \(server.imapPort)
              tls: plaintext
              allow_plaintext: true
              user: alice
              password_env: MAILROOM_TEST_IMAP_PASSWORD
              folders: [INBOX]
              on_stored:
                flag_seen: true
                keyword: Stored
              fetch_chunk_bytes: \(chunk)
              reconnect_max_seconds: 1
        log:
          level: info

        """
    }

    @Test("killed mid-fetch and restarted: nothing lost, nothing duplicated, each flag set once; large mails streamed")
    func killedMidFetch() async throws {
        let server = try DovecotTestServer(label: "kill")
        defer { server.stopAndRemove() }
        setenv("MAILROOM_TEST_IMAP_PASSWORD", server.password, 1)
        let scratch = try IngestScratch("imap-kill")
        defer { scratch.remove() }
        try scratch.write(Self.configuration(server: server, chunk: 16384), to: "mailroom.yaml")

        // 200 mails of ~60 KB: each is fetched in four pieces of 16 KB, so a kill lands mid-message too; enough
        // of them that the kill, sent once 15 are stored, comes before the last even on a loaded machine.
        let count = 200
        let delivery = IMAPTestDelivery(server: server)
        var hashes = Set<String>()
        for n in 1...count {
            let mail = IMAPSampleMail.data(n, tag: "kill", size: 60_000)
            hashes.insert(SampleMail.sha256(mail))
            try delivery.append(mail)
        }
        delivery.close()

        let storePath = scratch.path("mailroom.sqlite")
        let storedCount: @Sendable () -> Int = {
            guard FileManager.default.fileExists(atPath: storePath),
                  let store = try? MailStore(path: storePath) else { return 0 }
            return (try? store.countMessages(matching: MessageFilter())) ?? 0
        }
        let first = try MailroomProcess.start(["run", "--config", "mailroom.yaml"], in: scratch.root, label: "first")
        let killed = await first.signal(SIGKILL, timeout: .seconds(60)) { storedCount() >= 15 }
        #expect(killed, "the daemon never got going: \(first.stderr)")
        _ = await first.waitForExit(timeout: .seconds(10))
        let atKill = storedCount()
        #expect(atKill < count, "the kill came too late to interrupt anything (\(atKill) stored)")

        let second = try MailroomProcess.start(["run", "--config", "mailroom.yaml"], in: scratch.root, label: "second")
        let all = await eventually(timeout: .seconds(180)) { storedCount() >= count }
        second.signal(SIGTERM)
        _ = await second.waitForExit(timeout: .seconds(30))
        #expect(all, "after the restart only \(storedCount()) of \(count) stored; stderr: \(second.stderr)")

        let store = try MailStore(path: storePath)
        #expect(try store.countMessages(matching: MessageFilter()) == count)
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "received")).count == count, "each mail recorded once")
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "duplicate")).isEmpty)
        let spool = try Spool(directory: scratch.path("spool"))
        for sha in hashes {
            #expect(spool.verify(sha256: sha), "the spooled bytes of \(sha) are exactly the delivered mail")
        }
        #expect(try server.uids(of: "alice", in: "INBOX", flagged: "\\Seen").count == count)
        #expect(try server.uids(of: "alice", in: "INBOX", flagged: "Stored").count == count)
        // Dovecot's mail_log: each UID's system flags changed exactly once and its keywords exactly once (Dovecot
        // logs the two kinds of change as separate flag_change lines for one STORE).
        let flagChanges = server.log.split(separator: "\n").filter { $0.contains("flag_change: box=INBOX") }
        var perUID: [String: Int] = [:]
        for line in flagChanges {
            if let r = line.range(of: "uid=") {
                let uid = line[r.upperBound...].prefix { $0.isNumber }
                perUID[String(uid), default: 0] += 1
            }
        }
        #expect(perUID.count == count)
        #expect(perUID.values.allSatisfy { $0 == 2 }, "some UID's flags changed more than once: \(perUID.filter { $0.value != 2 })")
        #expect(try store.imapCheckpoint(source: "imap:office/INBOX")?.highestUID == UInt32(count))
    }
}
