import Foundation
import Logging
import Prometheus
import Synchronization
import Vocabulary
import Store
import Understand
import Daemon

/// The gauges (and store-kept totals) that are facts of the store, set from it when `/metrics` is scraped — at
/// most once per `minimumInterval`, so a scraper hammering the endpoint cannot load the store.
///
/// Every label value comes from the configuration or from an enum (states, outbox states, sources, providers,
/// connectors), never from a mail.
package final class StoreMetricsCollector: Sendable {
    package let registry: PrometheusCollectorRegistry
    package let store: MailStore
    package let config: MailroomConfig
    /// The rule set version in use (12 hex digits); nil when the daemon runs without rule files.
    package let ruleSetVersion: @Sendable () -> String?
    package let minimumInterval: Duration
    package let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var lastRefresh: ContinuousClock.Instant?
        var infoGauge: Gauge?
        var infoRuleSet: String?
    }

    package init(registry: PrometheusCollectorRegistry, store: MailStore, config: MailroomConfig,
                 ruleSetVersion: @escaping @Sendable () -> String?, minimumInterval: Duration = .seconds(3),
                 logger: Logger) {
        self.registry = registry
        self.store = store
        self.config = config
        self.ruleSetVersion = ruleSetVersion
        self.minimumInterval = minimumInterval
        self.logger = logger
    }

    /// Reads the store and sets the gauges unless that was done less than `minimumInterval` ago. A store that
    /// cannot be read leaves the last values (and says so in the log).
    package func refreshIfDue(now: Date = Date()) {
        let due = state.withLock { state -> Bool in
            let clock = ContinuousClock.now
            if let last = state.lastRefresh, clock - last < minimumInterval { return false }
            state.lastRefresh = clock
            return true
        }
        guard due else { return }
        do {
            try refresh(now: now)
        } catch {
            logger.error("/metrics: cannot read the store: \(error)")
        }
    }

    private func refresh(now: Date) throws {
        let snapshot = try store.metricsSnapshot()
        registry.makeGauge(name: "mailroom_review_queue_depth", help: "Messages waiting in review.")
            .set(to: Double(snapshot.messageStates[.review] ?? 0))
        registry.makeGauge(name: "mailroom_review_oldest_age_seconds",
                           help: "Seconds the message waiting longest in review has waited (0: queue empty).")
            .set(to: snapshot.oldestReviewSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        registry.makeGauge(name: "mailroom_dead_letters", help: "Messages whose actions were given up (dead_letter).")
            .set(to: Double(snapshot.messageStates[.deadLetter] ?? 0))
        for (outboxState, count) in snapshot.outboxStates {
            registry.makeGauge(name: "mailroom_outbox_depth", labels: [("state", outboxState.rawValue)],
                               help: "Outbox rows by state.").set(to: Double(count))
        }
        // Totals kept in the store's rows: exact across restarts. Reset and set under the exposition's lock.
        for (connector, retries) in snapshot.outboxRetries {
            let counter = registry.makeCounter(name: "mailroom_outbox_retries_total", labels: [("connector", connector)],
                                               help: "Attempts at actions beyond the first, by connector.")
            counter.reset()
            counter.increment(by: Int64(retries))
        }
        for (provider, usage) in snapshot.modelUsage {
            for (direction, tokens) in [("input", usage.inputTokens), ("output", usage.outputTokens)] {
                let counter = registry.makeCounter(name: "mailroom_model_tokens_total",
                                                   labels: [("provider", provider), ("direction", direction)],
                                                   help: "Tokens sent to (input) and received from (output) model providers.")
                counter.reset()
                counter.increment(by: Int64(tokens))
            }
            let cost = registry.makeCounter(name: "mailroom_model_cost_total", labels: [("provider", provider)],
                                            help: "What model calls cost, in the gateway's currency.")
            cost.reset()
            cost.increment(by: usage.cost)
        }
        for (provider, remaining) in try budgetRemaining(now: now) {
            registry.makeGauge(name: "mailroom_model_budget_remaining", labels: [("provider", provider)],
                               help: "Share (0 to 1) of the tightest model budget cap still unspent; (all) is the overall budget.")
                .set(to: remaining)
        }
        for check in try SourceCheck.gather(config: config, store: store, now: now) {
            registry.makeGauge(name: "mailroom_source_up", labels: [("source", check.source)],
                               help: "1 when the source can deliver mail now (IMAP connected, folders present).")
                .set(to: check.up ? 1.0 : 0.0)
            if let lag = check.lagSeconds {
                registry.makeGauge(name: "mailroom_source_lag_seconds", labels: [("source", check.source)],
                                   help: "IMAP: seconds since the last contact with the server; folders: age of the oldest mail waiting.")
                    .set(to: lag)
            }
        }
        setInfo(ruleSet: ruleSetVersion() ?? "none")
    }

    /// `mailroom_info{version,rule_set} 1`; the series of a rule set no longer in use is removed.
    private func setInfo(ruleSet: String) {
        state.withLock { state in
            if state.infoRuleSet == ruleSet, state.infoGauge != nil { return }
            if let old = state.infoGauge { registry.unregisterGauge(old) }
            let gauge = registry.makeGauge(name: "mailroom_info", labels: [("version", MailroomVersion.string), ("rule_set", ruleSet)],
                                           help: "The running Mailroom version and rule set (value always 1).")
            gauge.set(to: 1.0)
            state.infoGauge = gauge
            state.infoRuleSet = ruleSet
        }
    }

    /// Per provider with caps (and "(all)" for the overall budget): the smallest unspent share of its caps.
    private func budgetRemaining(now: Date) throws -> [(String, Double)] {
        let gateway = config.gateway
        let (day, month) = ModelGateway.periodStarts(now)
        var out: [(String, Double)] = []
        for (label, budget, provider) in [("(all)", gateway.budget, String?.none)]
            + gateway.providers.map({ ($0.name, $0.budget, Optional($0.name)) }) where !budget.isUnlimited {
            let today = try store.modelSpending(provider: provider, since: day)
            let thisMonth = try store.modelSpending(provider: provider, since: month)
            var shares: [Double] = []
            func share(_ spent: Double, _ cap: Double?) {
                guard let cap else { return }
                shares.append(cap <= 0 ? 0 : min(1, max(0, 1 - spent / cap)))
            }
            share(Double(today.tokens), budget.dailyTokens.map(Double.init))
            share(Double(thisMonth.tokens), budget.monthlyTokens.map(Double.init))
            share(today.cost, budget.dailyCost)
            share(thisMonth.cost, budget.monthlyCost)
            out.append((label, shares.min() ?? 1))
        }
        return out
    }
}
