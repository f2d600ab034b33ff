import Foundation

/// What makes an understood message one particular business document: for an invoice the seller and the
/// invoice number, for a purchase order the buyer and the order number (the fields a kind file names in
/// `identity:`), and the SHA-256 of each document it carries (PDF, XML, office files).
///
/// The same document that arrives twice — by mail and through the drop folder, resent, forwarded by a
/// colleague — has the same identity, so it is acted on once.
public struct DocumentIdentity: Sendable, Hashable {
    /// The kind whose `identity:` made the keys ("invoice").
    public var kind: String
    /// Normalised keys, "invoice|invoice_number=r20260042|seller=alsterspedition"; one per combination of
    /// the alternatives present. Empty when a named field is missing (then only the documents identify it).
    public var keys: [String]
    /// Lower-case hex SHA-256 of each document's bytes, sorted, without repeats.
    public var documentSHA256: [String]
    /// How a person reads it: "invoice R-2026-0042 from Alster Spedition GmbH".
    public var label: String
    /// File names of the documents by hash, for the reason a person reads.
    public var documentNames: [String: String]

    public init(kind: String, keys: [String], documentSHA256: [String], label: String, documentNames: [String: String] = [:]) {
        self.kind = kind
        self.keys = keys
        self.documentSHA256 = Array(Set(documentSHA256)).sorted()
        self.label = label
        self.documentNames = documentNames
    }

    /// Nothing identifies the message.
    public var isEmpty: Bool { keys.isEmpty && documentSHA256.isEmpty }

    /// The store's key of a document hash.
    public static func documentKey(_ sha256: String) -> String { "sha256:" + sha256 }
}

/// An earlier message that holds one of a message's identities and was acted on (or is being acted on).
public struct DocumentIdentityConflict: Sendable, Hashable {
    /// The key that matched: a business key, or "sha256:…" for a document.
    public var key: String
    public var earlierMessageID: Int64
    /// The earlier message's label ("invoice R-2026-0042 from Alster Spedition GmbH").
    public var earlierLabel: String
    public var earlierKind: String
    public var earlierState: MessageState
    public var earlierReceivedAt: Date

    public init(key: String, earlierMessageID: Int64, earlierLabel: String, earlierKind: String,
                earlierState: MessageState, earlierReceivedAt: Date) {
        self.key = key
        self.earlierMessageID = earlierMessageID
        self.earlierLabel = earlierLabel
        self.earlierKind = earlierKind
        self.earlierState = earlierState
        self.earlierReceivedAt = earlierReceivedAt
    }

    /// Whether the match was on a document's bytes rather than on the business key.
    public var isDocument: Bool { key.hasPrefix("sha256:") }
}

/// One recorded identity: the key and the first message that was acted on with it.
public struct DocumentIdentityRecord: Sendable, Hashable {
    public var key: String
    public var kind: String
    public var label: String
    public var messageID: Int64
    public var recordedAt: Date

    public init(key: String, kind: String, label: String, messageID: Int64, recordedAt: Date) {
        self.key = key
        self.kind = kind
        self.label = label
        self.messageID = messageID
        self.recordedAt = recordedAt
    }
}
