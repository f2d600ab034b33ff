import Foundation
import Vocabulary

/// The one door every raw message comes through: make the bytes durable in the spool, then record the
/// message in the store — both before the caller acknowledges the source (renames a Maildir file, moves a
/// dropped file to `done/`). A crash after the commit and before the acknowledgement is harmless: the next
/// scan finds the location already known and simply acknowledges it.
public struct Intake: Sendable {
    public let store: any IntakeStore
    public let spool: Spool
    public let actor: String

    public init(store: any IntakeStore, spool: Spool, actor: String = AuditActor.mailroom) {
        self.store = store
        self.spool = spool
        self.actor = actor
    }

    public enum Outcome: Sendable, Equatable {
        /// A new message, now in state `received`.
        case stored(messageID: Int64)
        /// The same bytes were already stored under another location; this location is now recorded too.
        case duplicate(messageID: Int64)
        /// This (source, location) was recorded before: nothing was spooled or recorded again.
        case alreadyKnown

        public var messageID: Int64? {
            switch self {
            case .stored(let id), .duplicate(let id): return id
            case .alreadyKnown: return nil
            }
        }
    }

    /// Receives bytes held in memory.
    public func receive(_ raw: Data, source: String, location: String, receivedAt: Date = Date()) throws -> Outcome {
        if try store.isKnown(source: source, location: location) { return .alreadyKnown }
        let spooled = try spool.store(raw)
        return try record(source: source, location: location, sha256: spooled.sha256, size: raw.count,
                          receivedAt: receivedAt)
    }

    /// Receives a file without holding it in memory (the spool streams it).
    public func receive(contentsOf file: URL, source: String, location: String, receivedAt: Date = Date(),
                        followLinks: Bool = true) throws -> Outcome {
        if try store.isKnown(source: source, location: location) { return .alreadyKnown }
        let spooled = try spool.store(contentsOf: file, followLinks: followLinks)
        return try record(source: source, location: location, sha256: spooled.sha256, size: spooled.size,
                          receivedAt: receivedAt)
    }

    /// Several files at once, for a scan that finds many: each is spooled on a thread of its own (so their fsyncs
    /// overlap instead of queueing), then all are recorded in one transaction (one commit), in the given order. The
    /// same promise as `receive`: when a file's result is an outcome, its bytes and its row are durable; a file
    /// whose result is an error must not be acknowledged (it is taken again on the next scan).
    public func receiveTogether(_ files: [(file: URL, location: String)], source: String, receivedAt: Date = Date(),
                                followLinks: Bool = true) -> [Result<Outcome, any Error>] {
        guard !files.isEmpty else { return [] }
        let slots = LockedBox([Result<(sha256: String, size: Int)?, any Error>](repeating: .success(nil), count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result = Result { () throws -> (sha256: String, size: Int)? in
                if try store.isKnown(source: source, location: files[i].location) { return nil }
                let s = try spool.store(contentsOf: files[i].file, followLinks: followLinks)
                return (s.sha256, s.size)
            }
            slots.withLock { $0[i] = result }
        }
        let spooled = slots.value
        var toRecord: [(index: Int, message: ReceivedMessage)] = []
        for (i, result) in spooled.enumerated() {
            if case .success(let s?) = result {
                toRecord.append((i, ReceivedMessage(source: source, location: files[i].location, contentSHA256: s.sha256,
                                                    size: s.size, receivedAt: receivedAt)))
            }
        }
        var outcomes = spooled.map { result -> Result<Outcome, any Error> in
            switch result {
            case .success(nil): return .success(.alreadyKnown)
            case .success: return .failure(IngestError(message: "not recorded"))  // replaced below
            case .failure(let error): return .failure(error)
            }
        }
        guard !toRecord.isEmpty else { return outcomes }
        do {
            let recorded = try store.recordReceived(toRecord.map(\.message), actor: actor)
            for (entry, outcome) in zip(toRecord, recorded) {
                switch outcome {
                case .stored(let id): outcomes[entry.index] = .success(.stored(messageID: id))
                case .duplicate(let id): outcomes[entry.index] = .success(.duplicate(messageID: id))
                }
            }
        } catch {
            // One file must not hold back the others: each alone, in a transaction of its own.
            for entry in toRecord {
                outcomes[entry.index] = Result { () throws -> Outcome in
                    switch try store.recordReceived(entry.message, actor: actor) {
                    case .stored(let id): return .stored(messageID: id)
                    case .duplicate(let id): return .duplicate(messageID: id)
                    }
                }
            }
        }
        return outcomes
    }

    private func record(source: String, location: String, sha256: String, size: Int, receivedAt: Date) throws -> Outcome {
        let outcome = try store.recordReceived(
            ReceivedMessage(source: source, location: location, contentSHA256: sha256, size: size, receivedAt: receivedAt),
            actor: actor)
        switch outcome {
        case .stored(let id): return .stored(messageID: id)
        case .duplicate(let id): return .duplicate(messageID: id)
        }
    }
}

/// What one pass over a source (or one `mailroom ingest`) did.
public struct IngestTally: Sendable, Equatable, Codable {
    /// New messages recorded.
    public var stored = 0
    /// Mails whose bytes were already stored under another location.
    public var duplicates = 0
    /// Locations recorded before (e.g. after a crash between commit and acknowledgement).
    public var alreadyKnown = 0
    /// Items that could not be ingested, with the reason.
    public var failures: [String] = []
    /// Bytes of the raw messages handled.
    public var bytes = 0
    /// Ids of the messages stored or found duplicate, in the order handled.
    public var messageIDs: [Int64] = []

    public init() {}

    public var handled: Int { stored + duplicates + alreadyKnown }

    public mutating func count(_ outcome: Intake.Outcome, bytes: Int) {
        switch outcome {
        case .stored(let id):
            stored += 1
            messageIDs.append(id)
        case .duplicate(let id):
            duplicates += 1
            messageIDs.append(id)
        case .alreadyKnown:
            alreadyKnown += 1
        }
        self.bytes += bytes
    }

    public mutating func add(_ other: IngestTally) {
        stored += other.stored
        duplicates += other.duplicates
        alreadyKnown += other.alreadyKnown
        failures += other.failures
        bytes += other.bytes
        messageIDs += other.messageIDs
    }

    package enum CodingKeys: String, CodingKey {
        case stored, duplicates, alreadyKnown = "already_known", failures, bytes, messageIDs = "message_ids"
    }
}

/// What Ingest records: received messages and where each source stands.
public typealias IntakeStore = MessageStore & SourceCheckpointStore
