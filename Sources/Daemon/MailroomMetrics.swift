import Foundation
import Metrics
import Vocabulary

/// The counters and timers the daemon moves where things happen (swift-metrics; `/metrics` exposes them, see the
/// WebUI target's `Health` folder). Facts of the store — queue depths, outbox by state, spending — are not kept
/// here: they are read from the store when `/metrics` is scraped, so they cannot drift after a restart.
///
/// `factory` nil: the process's `MetricsSystem` (bootstrapped once by `mailroom run`; a no-op elsewhere). Tests
/// pass a factory of their own instead of fighting over the global bootstrap.
public struct MailroomMetrics: Sendable {
    public let factory: (any MetricsFactory)?

    public init(factory: (any MetricsFactory)? = nil) { self.factory = factory }

    /// Metric names, in Prometheus style.
    public enum Name {
        public static let messages = "mailroom_messages_total"
        public static let stageDuration = "mailroom_stage_duration_seconds"
        public static let ruleReloads = "mailroom_rule_reloads_total"
    }

    /// A message moved from one stage to `state`. `kind` is the kind Understand gave it (from the kind files),
    /// "none" before Understand ran.
    public func messageMoved(stage: String, to state: MessageState, kind: String?) {
        let dimensions = [("stage", stage), ("state", state.rawValue), ("kind", Self.boundedKind(kind))]
        if let factory {
            Counter(label: Name.messages, dimensions: dimensions, factory: factory).increment()
        } else {
            Counter(label: Name.messages, dimensions: dimensions).increment()
        }
    }

    /// How long one stage took for one message.
    public func stageTook(_ stage: String, _ duration: Duration) {
        let dimensions = [("stage", stage)]
        let timer = factory.map { Metrics.Timer(label: Name.stageDuration, dimensions: dimensions, factory: $0) }
            ?? Metrics.Timer(label: Name.stageDuration, dimensions: dimensions)
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// A reload of the rule set: `result` is "reloaded" or "refused".
    public func ruleReload(result: String) {
        let dimensions = [("result", result)]
        if let factory {
            Counter(label: Name.ruleReloads, dimensions: dimensions, factory: factory).increment()
        } else {
            Counter(label: Name.ruleReloads, dimensions: dimensions).increment()
        }
    }

    /// Kind names come from the kind files (`[a-z0-9_-]`, short); anything else — which would mean a value
    /// that did not come from them — is counted as "other", so a label never carries text from a mail.
    package static func boundedKind(_ kind: String?) -> String {
        guard let kind, !kind.isEmpty else { return "none" }
        guard kind.count <= 64,
              kind.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
        else { return "other" }
        return kind
    }
}
