import Foundation
import Logging
import Metrics
import Prometheus
import Vocabulary
import Store
import Daemon

/// What `/metrics`, `/healthz` and `/readyz` answer, apart from HTTP: the web UI's listener and the separate
/// metrics listener (``MetricsListener``) both mount them with ``HealthRoutes``.
public final class HealthEndpoints: Sendable {
    /// Where the daemon's counters go and from where `/metrics` is written.
    public let registry: PrometheusCollectorRegistry
    package let collector: StoreMetricsCollector
    package let store: MailStore
    package let config: MailroomConfig
    /// Why the rules are not usable, or nil when they are.
    package let rulesProblem: @Sendable () -> String?
    /// One scrape at a time: the store-kept totals are reset and set again just before they are written.
    private let exposing = LockedBox(())

    /// `Content-Type` of the text exposition format 0.0.4.
    public static let metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

    package init(registry: PrometheusCollectorRegistry, store: MailStore, config: MailroomConfig,
                 ruleSetVersion: @escaping @Sendable () -> String?, rulesProblem: @escaping @Sendable () -> String?,
                 logger: Logger, refreshInterval: Duration = .seconds(3)) {
        self.registry = registry
        self.store = store
        self.config = config
        self.rulesProblem = rulesProblem
        collector = StoreMetricsCollector(registry: registry, store: store, config: config, ruleSetVersion: ruleSetVersion,
                                          minimumInterval: refreshInterval, logger: logger)
    }

    /// The endpoints of a running daemon: its store, configuration and live rule set; `registry` is the one its
    /// metrics go to (``bootstrapProcessMetrics()``).
    public convenience init(daemon: MailroomDaemon, registry: PrometheusCollectorRegistry) {
        let live = daemon.liveRules
        self.init(registry: registry, store: daemon.store, config: daemon.config,
                  ruleSetVersion: { live?.current.version.short },
                  rulesProblem: { nil },  // the daemon does not start without a usable rule set; a refused reload keeps the old one
                  logger: daemon.logger)
    }

    /// Makes a registry the process's `MetricsSystem` (swift-metrics) writes to, with the stage-duration buckets.
    /// Call once per process (`mailroom run` does); tests build their own registry and `MailroomMetrics(factory:)`.
    public static func bootstrapProcessMetrics() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(metricsFactory(registry: registry))
        return registry
    }

    /// A swift-metrics factory writing to `registry`, with buckets for stage durations (5 ms to 5 min).
    public static func metricsFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[MailroomMetrics.Name.stageDuration] = [
            .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300),
        ]
        return factory
    }

    /// The exposition text: the store's facts refreshed (at most once per refresh interval), then every metric.
    public func metricsText() async -> String {
        let (collector, registry, exposing) = (collector, registry, exposing)
        return (try? await BlockingIO.run {
            exposing.withLock { _ in
                collector.refreshIfDue()
                return registry.emitToString()
            }
        }) ?? ""
    }

    /// What keeps the daemon from doing its work now; empty when it is ready. Checks that the store takes a write
    /// (a write rolled back), that the rules are loaded and that every configured source is up.
    public func readinessProblems() async -> [String] {
        let (store, config, rulesProblem) = (store, config, rulesProblem)
        do {
            return try await BlockingIO.run {
                var problems: [String] = []
                do {
                    try store.checkWritable()
                } catch {
                    problems.append("store: cannot write: \(error)")
                }
                if let problem = rulesProblem() { problems.append("rules: \(problem)") }
                do {
                    for check in try SourceCheck.gather(config: config, store: store) where !check.up {
                        problems.append("source \(check.source): \(check.problem ?? "not connected")")
                    }
                } catch {
                    problems.append("sources: cannot read their health from the store: \(error)")
                }
                return problems
            }
        } catch {
            return ["readiness: \(error)"]
        }
    }
}
