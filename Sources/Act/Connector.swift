import Foundation
import Vocabulary
import Decide

/// An action taken out of the outbox, as a connector receives it.
public struct OutboxAction: Sendable, Hashable {
    /// The outbox row.
    public var id: Int64
    public var messageID: Int64
    /// Sent as `Idempotency-Key` to HTTP targets; stored with the created record where the target has no
    /// such header (a Tryton record's reference, a ticket's custom field, a file row's key column, …).
    public var idempotencyKey: String
    public var action: IntendedAction
    /// 1 for the first try.
    public var attempt: Int
    /// Values captured by earlier actions of the same message (e.g. `party_id` from a `find_or_create_party`),
    /// keyed by "<connector>.<name>", for templates that refer to them.
    public var captured: [String: JSONValue]
    /// The mail the action is about, for connectors that reply to it, forward it, move it or attach it.
    /// Nil only where a caller has no store (some unit tests).
    public var original: OriginalMessage?

    public init(id: Int64, messageID: Int64, idempotencyKey: String, action: IntendedAction, attempt: Int,
                captured: [String: JSONValue] = [:], original: OriginalMessage? = nil) {
        self.id = id
        self.messageID = messageID
        self.idempotencyKey = idempotencyKey
        self.action = action
        self.attempt = attempt
        self.captured = captured
        self.original = original
    }
}

/// The mail an outbox action is about, as a connector sees it.
public struct OriginalMessage: Sendable, Hashable {
    /// Where it came from: `maildir:<name>`, `imap:<account>/<folder>`, `drop:<name>`, `import`.
    public var source: String
    /// Where that source keeps it: the Maildir unique name, `<UIDVALIDITY>:<UID>` for IMAP, a file name.
    public var location: String
    /// Headers, addresses, threading (Message-ID, In-Reply-To, References), text.
    public var normalised: NormalisedMessage?
    /// The understood kind ("quote_request", "auto_reply", …), for loop safety and templates.
    public var kind: String?
    /// The raw bytes in the spool, exactly as received.
    public var rawPath: String?

    public init(source: String, location: String, normalised: NormalisedMessage?, kind: String?, rawPath: String?) {
        self.source = source
        self.location = location
        self.normalised = normalised
        self.kind = kind
        self.rawPath = rawPath
    }

    /// The raw mail as received.
    public func raw() throws -> Data {
        guard let rawPath else {
            throw ConnectorError.permanent("the original mail's bytes are not available (no spool was given to the outbox)")
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: rawPath)) } catch {
            throw ConnectorError.permanent("the original mail could not be read from the spool (\(rawPath)): \(error.localizedDescription)")
        }
    }
}

public enum ConnectorError: Error, Sendable, Equatable, CustomStringConvertible {
    case transient(String, retryAfter: Double? = nil)
    case permanent(String)

    public var description: String {
        switch self {
        case .transient(let m, _): return m
        case .permanent(let m): return m
        }
    }
}

/// A way to reach one business system. Every connector honours the outbox's exactly-once contract: it
/// either passes `idempotencyKey` to a target that deduplicates by it, or looks for its own earlier result
/// (`earlierResult`) before acting again.
public protocol Connector: Sendable {
    /// The name in `connectors/*.yaml`.
    var name: String { get }
    /// "http", "tryton", "smtp", "mailbox", "file", "exec", "webform", "redmine", …
    var type: String { get }
    /// The actions this connector offers.
    var actions: [ConnectorActionSpec] { get }
    /// Looks for the result of an earlier attempt of the same action (same idempotency key). Called before
    /// every retry and after a crash between "sent" and "recorded"; nil = nothing was done before.
    func earlierResult(of action: OutboxAction) async throws -> ConnectorResult?
    /// Carries the action out once. Throws `ConnectorError`.
    func perform(_ action: OutboxAction) async throws -> ConnectorResult
    /// Why the connector cannot work with the configuration it was started with (a secret's variable is not
    /// set), or nil. The outbox parks such actions as `blocked` without using an attempt.
    var blockedReason: String? { get }
}

extension Connector {
    public var blockedReason: String? { nil }
}
