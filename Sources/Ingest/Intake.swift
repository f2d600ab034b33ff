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
