import Foundation
import Vocabulary

/// Where the audit trail is anchored outside the store: the signing key and the checkpoints it signed.
///
/// - The key: `audit-signing-key` in the state folder (the folder of the store file), mode 0600, made at first
///   need. Not in the store, so someone who rewrites the store file cannot sign a matching checkpoint unless
///   they can also read this file. The trade-off: the daemon's own user can read it, so the key protects
///   against edits of the store (a copied or restored file, another account with write access to the store,
///   a careless `sqlite3`), not against the daemon's account itself; for that, copy each checkpoint elsewhere
///   (another machine, a ticket, a mail) and verify against the copy with the public key (`audit key`).
/// - The checkpoints: a folder (default `audit-checkpoints/` beside the store) with `checkpoints.log`
///   (append-only: every checkpoint written, each followed by a blank line) and `latest` (the last one).
public struct AuditAnchor: Sendable {
    public var keyPath: String
    public var folder: String

    public init(keyPath: String, folder: String) {
        self.keyPath = keyPath
        self.folder = folder
    }

    /// The standard places for a store: the key and (unless `folder` is given) the checkpoints beside it.
    public static func beside(storePath: String, folder: String? = nil) -> AuditAnchor {
        let state = (storePath as NSString).deletingLastPathComponent
        let base = state.isEmpty ? "." : state
        return AuditAnchor(keyPath: (base as NSString).appendingPathComponent("audit-signing-key"),
                           folder: folder ?? (base as NSString).appendingPathComponent("audit-checkpoints"))
    }

    public var logPath: String { (folder as NSString).appendingPathComponent("checkpoints.log") }
    public var latestPath: String { (folder as NSString).appendingPathComponent("latest") }

    // MARK: - The key

    /// The signing key; made (with a new origin name) when there is none and `create` is true.
    public func signingKey(create: Bool) throws -> AuditSigningKey? {
        if let text = try? String(contentsOfFile: keyPath, encoding: .utf8) {
            guard let key = AuditSigningKey(encoded: text) else {
                throw CheckpointProblem("\(keyPath) is not a Mailroom signing key (PRIVATE+KEY+name+hash+key)")
            }
            return key
        }
        if FileManager.default.fileExists(atPath: keyPath) {
            throw CheckpointProblem("cannot read the signing key \(keyPath): it belongs to another user or is not readable "
                + "(run the command as the user the daemon runs as)")
        }
        guard create else { return nil }
        let key = AuditSigningKey(name: Self.newOrigin())
        let parent = (keyPath as NSString).deletingLastPathComponent
        if !parent.isEmpty { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        // O_EXCL: two processes making a key at the same time keep the first one's.
        let fd = open(keyPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST { return try signingKey(create: false) }
            throw CheckpointProblem("cannot create the signing key \(keyPath): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let bytes = Array((key.encoded + "\n").utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw CheckpointProblem("cannot write the signing key \(keyPath): \(String(cString: strerror(errno)))")
        }
        return key
    }

    /// "<host>/mailroom-audit/<8 random hex digits>": unique per key, so two stores never share an origin.
    static func newOrigin() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        var host = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        host = String(host.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-") })
        let random = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        return (host.isEmpty ? "localhost" : host) + "/mailroom-audit/" + random
    }

    // MARK: - Checkpoints

    /// The last checkpoint written, as its signed note; nil when none was.
    public func latestNote() -> String? {
        try? String(contentsOfFile: latestPath, encoding: .utf8)
    }

    /// Every checkpoint in the log, oldest first, as signed notes.
    public func loggedNotes() -> [String] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return Self.splitNotes(text)
    }

    /// Splits concatenated signed notes (each: text lines, a blank line, signature lines; then a blank line).
    public static func splitNotes(_ text: String) -> [String] {
        var notes: [String] = []
        var current: [Substring] = []
        var inSignatures = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !inSignatures && !current.isEmpty {
                    inSignatures = true
                    current.append(line)
                } else if inSignatures {
                    notes.append(current.joined(separator: "\n") + "\n")
                    current = []
                    inSignatures = false
                }
            } else {
                current.append(line)
            }
        }
        if inSignatures, current.last?.isEmpty == false { notes.append(current.joined(separator: "\n") + "\n") }
        return notes
    }

    /// The logged checkpoint of `size` signed by `key`, when there is one (the last one written).
    public func loggedCheckpoint(size: UInt64, key: AuditVerifierKey) -> (note: String, checkpoint: AuditCheckpoint)? {
        for note in loggedNotes().reversed() {
            if let checkpoint = try? key.verify(note: note), checkpoint.size == size { return (note, checkpoint) }
        }
        return nil
    }

    /// What `writeCheckpoint` did.
    public enum Written: Sendable, Equatable {
        /// A new checkpoint was signed and written.
        case written(AuditCheckpoint)
        /// The trail has not grown since the latest checkpoint: nothing written.
        case unchanged(AuditCheckpoint)
    }

    /// Signs the tree as it stands and appends the checkpoint to the log and `latest` — after checking that the
    /// tree still has the latest checkpoint's root at its size: a rewritten trail is refused, not signed.
    @discardableResult
    public func writeCheckpoint(store: any AuditLogStore) throws -> Written {
        guard let key = try signingKey(create: true) else { throw CheckpointProblem("no signing key") }
        var previous: AuditCheckpoint?
        if let note = latestNote() {
            do {
                previous = try key.verifier.verify(note: note)
            } catch {
                throw CheckpointProblem("the latest checkpoint \(latestPath) does not verify with the signing key "
                    + "\(key.name) (\(error)); move it aside after finding out why, then sign again")
            }
        }
        var builder = MerkleTreeBuilder()
        var rootAtPrevious: [UInt8]?
        if previous?.size == 0 { rootAtPrevious = builder.root }
        try store.forEachAuditLeafHash(count: nil) { leaf in
            builder.append(leaf)
            if builder.size == previous?.size { rootAtPrevious = builder.root }
        }
        if let previous {
            guard let rootAtPrevious else {
                throw CheckpointProblem("the audit trail holds \(builder.size) event(s) but the latest checkpoint "
                    + "(\(previous.summary)) covered \(previous.size): events were removed; not signing")
            }
            guard rootAtPrevious == previous.root else {
                throw CheckpointProblem("the audit trail's first \(previous.size) event(s) no longer have the root of "
                    + "the latest checkpoint (\(previous.summary)): the trail was rewritten; not signing")
            }
            if previous.size == builder.size { return .unchanged(previous) }
        }
        let checkpoint = AuditCheckpoint(origin: key.name, size: builder.size, root: builder.root)
        let note = try key.sign(checkpoint)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.append(note + "\n", to: logPath)
        try Self.replace(latestPath, with: note)
        return .written(checkpoint)
    }

    private static func append(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw CheckpointProblem("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw CheckpointProblem("cannot append to \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func replace(_ path: String, with text: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CheckpointProblem("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
