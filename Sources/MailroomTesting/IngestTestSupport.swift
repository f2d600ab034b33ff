import Crypto
import Foundation
import Logging
import Vocabulary
import Store
import Ingest

/// A scratch folder with a store, a spool and room for sources; removed by `remove()`.
package struct IngestScratch {
    package let root: String

    package init(_ label: String) throws {
        root = FileManager.default.temporaryDirectory.path + "/mailroom-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    package func remove() { try? FileManager.default.removeItem(atPath: root) }

    package func path(_ relative: String) -> String { root + "/" + relative }

    package func makeStore() throws -> MailStore { try MailStore(path: path("mailroom.sqlite")) }
    package func makeSpool() throws -> Spool { try Spool(directory: path("spool")) }
    package func makeIntake() throws -> Intake { Intake(store: try makeStore(), spool: try makeSpool()) }

    /// A Maildir with new/, cur/, tmp/.
    package func makeMaildir(_ name: String = "Maildir") throws -> String {
        let dir = path(name)
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        return dir
    }

    package func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    package func write(_ data: Data, to relative: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    package func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []).sorted()
    }

    package func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
}

package enum SampleMail {
    /// The smallest PDF a drop folder takes as a document.
    package static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// A small, well-formed mail that differs by `n`.
    package static func text(_ n: Int, subject: String? = nil) -> String {
        """
        From: Customer \(n) <customer\(n)@example.com>
        To: office@brightwater.example
        Subject: \(subject ?? "Order question \(n)")
        Date: Mon, 23 Nov 2026 08:\(String(format: "%02d", n % 60)):00 +0000
        Message-ID: <sample-\(n)@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hello, this is mail number \(n).
        Regards

        """
    }

    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

package enum TestLog {
    package static let logger: Logger = {
        var logger = Logger(label: "mailroom.test")
        logger.logLevel = .critical
        return logger
    }()
}

extension MessageStore {
    /// All messages, oldest first.
    package func allMessages() throws -> [StoredMessage] {
        try messages(matching: MessageFilter(states: MessageState.allCases, limit: 1_000_000))
    }

    /// The audit trail of the same store (the SQLite store behind an `Intake` keeps both).
    package var auditLog: any AuditLogStore { self as! any AuditLogStore }

    package func events(of id: Int64) throws -> [AuditEvent] {
        try auditLog.auditEvents(matching: AuditFilter(messageID: id))
    }
}
