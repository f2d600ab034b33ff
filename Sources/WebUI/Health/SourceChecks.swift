import Foundation
import Vocabulary
import Store
import Daemon

/// Whether each configured source can deliver mail now, for `/readyz` and `mailroom_source_up`.
///
/// An IMAP folder is up when the daemon's last report (the store's source health, as `mailroom status` reads it)
/// says it is connected and the report is fresh; a Maildir or drop folder is up when its folders are there.
package struct SourceCheck: Sendable, Equatable {
    /// The source's name as the store knows it (`maildir:inbox`, `drop:scans`, `imap:office/INBOX`): from the
    /// configuration, never from a mail.
    package var source: String
    package var up: Bool
    /// IMAP: seconds since the last contact with the server; folders: age of the oldest mail waiting in them.
    /// Nil when not known (never connected).
    package var lagSeconds: Double?
    /// Why it is not up.
    package var problem: String?

    package static func gather(config: MailroomConfig, store: MailStore, now: Date = Date()) throws -> [SourceCheck] {
        var out: [SourceCheck] = []
        for maildir in config.sources.maildir {
            let missing = ["new", "cur"].filter { !isDirectory(maildir.path + "/" + $0) }
            out.append(SourceCheck(
                source: maildir.sourceName, up: missing.isEmpty,
                lagSeconds: missing.isEmpty ? oldestFileAge(in: maildir.path + "/new", now: now) : nil,
                problem: missing.isEmpty ? nil : "the Maildir \(maildir.path) has no \(missing.joined(separator: "/")) folder"))
        }
        for drop in config.sources.drop {
            let there = isDirectory(drop.path)
            out.append(SourceCheck(
                source: drop.sourceName, up: there,
                lagSeconds: there ? oldestFileAge(in: drop.path, now: now) : nil,
                problem: there ? nil : "the drop folder \(drop.path) is missing"))
        }
        for line in try TriggerLine.gather(config: config, store: store, now: now) {
            let connected = line.verdict == SourceHealth.Verdict.healthy.rawValue
                || line.verdict == SourceHealth.Verdict.suspicious.rawValue
            out.append(SourceCheck(
                source: line.source, up: connected,
                lagSeconds: line.lastContact.map { max(0, now.timeIntervalSince($0)) },
                problem: connected ? nil : "\(line.state), \(line.verdict)" + (line.detail.map { ": \($0)" } ?? "")))
        }
        return out
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// Seconds since the oldest visible file in `folder` was written; 0 when it holds none.
    private static func oldestFileAge(in folder: String, now: Date) -> Double {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var oldest: Date?
        for name in names where !name.hasPrefix(".") {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date else { continue }
            if oldest == nil || modified < oldest! { oldest = modified }
        }
        return oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }
}
