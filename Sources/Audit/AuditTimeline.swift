import Foundation
import Vocabulary

/// Everything the trail says about one message: what `mailroom audit show MESSAGE` prints.
public struct AuditTimeline: Sendable {
    public var message: StoredMessage
    /// Every place the message was seen at, first one first.
    public var sources: [MessageSourceRecord]
    /// The message's events in sequence order.
    public var events: [AuditEvent]

    public init(message: StoredMessage, sources: [MessageSourceRecord], events: [AuditEvent]) {
        self.message = message
        self.sources = sources
        self.events = events
    }

    /// Nil when there is no such message.
    public static func load(store: any AuditStore, messageID: Int64) throws -> AuditTimeline? {
        guard let message = try store.message(id: messageID) else { return nil }
        return AuditTimeline(message: message, sources: try store.sources(ofMessage: messageID),
                             events: try store.auditEvents(matching: AuditFilter(messageID: messageID)))
    }

    /// The states the message went through, as its events recorded them ("to" of each transition).
    public var statePath: [String] {
        events.compactMap { $0.detailsValue?["to"]?.stringValue }
    }
}
