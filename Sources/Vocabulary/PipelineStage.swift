import Foundation

/// One step of the pipeline: takes a message in its `input` state and says where it goes next. The
/// pipeline commits the outcome (state, fields, audit event) in one transaction before the next stage runs,
/// so a crash at any point resumes from the last committed state.
///
/// A stage returns an outcome for everything that concerns the message itself (including "this is not a
/// mail": `review`, "the raw bytes are gone": `failed`); it throws only for trouble around the message
/// (the store is locked, a disk is full) — then nothing is committed and the message is tried again later.
public protocol PipelineStage: Sendable {
    /// The stage name in the audit trail: "parse", "understand", "decide", "act".
    var name: String { get }
    /// The state a message must be in for this stage.
    var input: MessageState { get }
    func process(_ message: StoredMessage) async throws -> StageOutcome
}

/// What a stage concluded about one message.
public struct StageOutcome: Sendable {
    public var next: MessageState
    public var update: MessageUpdate
    /// The audit event type; by default the state reached ("parsed", "review", …).
    public var eventType: String
    public var details: [String: JSONValue]

    public init(next: MessageState, update: MessageUpdate = MessageUpdate(), eventType: String? = nil,
                details: [String: JSONValue] = [:]) {
        self.next = next
        self.update = update
        self.eventType = eventType ?? next.rawValue
        self.details = details
    }

    /// Send the message to a person (`review`) or mark it `failed`, with the reason an operator reads.
    public static func flag(_ state: MessageState, reason: String, update: MessageUpdate = MessageUpdate(),
                            details: [String: JSONValue] = [:]) -> StageOutcome {
        var update = update
        update.flagReason = reason
        var details = details
        details["reason"] = .string(reason)
        return StageOutcome(next: state, update: update, details: details)
    }
}
