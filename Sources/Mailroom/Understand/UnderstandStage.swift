import Foundation

/// parsed → understood. Decides the kind of business request and extracts its fields.
///
/// Kinds are declared in `rules/`, and no kinds are configured yet: every message is recorded honestly as
/// kind "unclassified" by method "none". Classification (rules, structured data, the offline classifier,
/// a language model) replaces this in a later issue.
public struct UnderstandStage: PipelineStage {
    public var name: String { "understand" }
    public var input: MessageState { .parsed }

    public init() {}

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        StageOutcome(next: .understood, update: MessageUpdate(kind: "unclassified"), details: [
            "kind": "unclassified",
            "method": "none",
            "reason": "no kinds are configured",
            "fields": .object([:]),
        ])
    }
}
