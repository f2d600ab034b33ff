import Foundation
import Logging
import Prometheus
import Testing
@testable import Vocabulary
@testable import Store
@testable import Daemon
@testable import WebUI
import MailroomTesting

/// The metrics without a process: each test has a registry of its own (no global bootstrap to fight over).
@Suite struct MetricsLabelTests {
    @Test func aKindThatDidNotComeFromTheKindFilesIsCountedAsOther() {
        let registry = PrometheusCollectorRegistry()
        let metrics = MailroomMetrics(factory: HealthEndpoints.metricsFactory(registry: registry))
        // What a label would carry if a kind were ever taken from a mail: a line break and a forged series.
        metrics.messageMoved(stage: "understand", to: .review, kind: "invoice\"} 1\nmailroom_pwned_total 1")
        metrics.messageMoved(stage: "understand", to: .understood, kind: "quote_request")
        metrics.messageMoved(stage: "parse", to: .parsed, kind: nil)
        let text = registry.emitToString()
        #expect(text.contains(#"mailroom_messages_total{stage="understand",state="review",kind="other"} 1"#), "\(text)")
        #expect(text.contains(#"mailroom_messages_total{stage="understand",state="understood",kind="quote_request"} 1"#), "\(text)")
        #expect(text.contains(#"mailroom_messages_total{stage="parse",state="parsed",kind="none"} 1"#), "\(text)")
        #expect(!text.contains("pwned"))
    }

    @Test func stageDurationsAreAHistogramInSeconds() {
        let registry = PrometheusCollectorRegistry()
        let metrics = MailroomMetrics(factory: HealthEndpoints.metricsFactory(registry: registry))
        metrics.stageTook("parse", .milliseconds(40))
        let text = registry.emitToString()
        #expect(text.contains(#"mailroom_stage_duration_seconds_bucket{stage="parse",le="0.025"} 0"#), "\(text)")
        #expect(text.contains(#"mailroom_stage_duration_seconds_bucket{stage="parse",le="0.1"} 1"#), "\(text)")
        #expect(text.contains(#"mailroom_stage_duration_seconds_count{stage="parse"} 1"#), "\(text)")
    }

    @Test func storeFactsAreReadFromTheStoreAndSurviveARestart() async throws {
        let scratch = try IngestScratch("metrics-store")
        defer { scratch.remove() }
        let store = try scratch.makeStore()
        let endpoints = HealthEndpoints(registry: PrometheusCollectorRegistry(), store: store, config: MailroomConfig(),
                                        ruleSetVersion: { "0123456789ab" }, rulesProblem: { nil },
                                        logger: Logger(label: "test"), refreshInterval: .zero)
        let text = await endpoints.metricsText()
        #expect(text.contains("mailroom_review_queue_depth 0"), "\(text)")
        #expect(text.contains(#"mailroom_outbox_depth{state="queued"} 0"#), "\(text)")
        #expect(text.contains(#"mailroom_info{version="\#(MailroomVersion.string)",rule_set="0123456789ab"} 1"#), "\(text)")
        #expect(await endpoints.readinessProblems().isEmpty)
        // The write check leaves nothing behind: its table would be there the second time otherwise.
        try store.checkWritable()
        try store.checkWritable()
    }
}
