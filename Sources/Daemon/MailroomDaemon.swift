import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import Vocabulary
import Store
import Ingest
import Understand
import Act
import Audit

/// The daemon: the configured sources feed the store, the pipeline drives every message to a terminal
/// state, and swift-service-lifecycle starts and stops it all.
///
/// `serve()` runs until SIGTERM or SIGINT. Graceful shutdown goes in the reverse order of start-up: the
/// sources stop taking new mail first (a file being taken is finished: spooled, committed, acknowledged),
/// then the pipeline finishes every message it has started — driven to a terminal state — and starts no
/// new one; then the process exits 0. Whatever was not started stays in its committed state for the next
/// start.
///
/// `runOnce()` ingests what is in every source now, drives every message to a terminal state and reports
/// what happened to each.
public final class MailroomDaemon: Sendable {
    public let config: MailroomConfig
    public let store: MailStore
    public let spool: Spool
    public let pipeline: Pipeline
    public let maildirs: [MaildirSource]
    public let dropFolders: [DropFolderSource]
    public let imapAccounts: [IMAPAccountSource]
    /// Carries out decided actions; its own service retries and settles waiting messages.
    public let outbox: Outbox
    /// Mails approvers when an action starts waiting for their role (rules/approvers.yaml `notify_via`); follows
    /// the rule set when it is reloaded.
    public var approvalRequests: ApprovalRequests? { approvalRequestsBox.value }
    private let approvalRequestsBox: LockedBox<ApprovalRequests?>
    /// The rule set the Understand and Decide stages read per message, reloaded on SIGHUP (`mailroom reload`).
    /// Nil when the stages were given.
    public let liveRules: LiveRules?
    /// The classifier the Understand stage uses; `serve()` retrains it in the background when the examples
    /// change (every `rules.examples_check_seconds`). Nil when the stages were given or no kinds are declared.
    public let liveClassifier: LiveClassifier?
    package let logger: Logger
    /// The counters and timers the pipeline and the rule reloads move.
    public let metrics: MailroomMetrics

    /// How often the running daemon records its heartbeat in the store (`mailroom status` calls a heartbeat
    /// older than three intervals stale).
    public static let heartbeatInterval: Duration = .seconds(10)

    /// Signs checkpoints of the audit trail into the configured folder (`audit.checkpoints`).
    package var auditCheckpoints: AuditCheckpointWriter {
        AuditCheckpointWriter(anchor: config.auditAnchor, store: store, logger: logger)
    }

    package var heartbeat: DaemonHeartbeatRecorder {
        DaemonHeartbeatRecorder(store: store, pid: getpid(), interval: Self.heartbeatInterval, logger: logger)
    }

    /// `holdsStoreLock`: the caller holds the store's lock (``StoreLock``), so no other process that carries out
    /// actions is alive: leases on outbox rows left by a stopped one are released at once instead of running out.
    /// `metrics`: where the counters and timers go (nil factory: the process's `MetricsSystem`).
    public init(config: MailroomConfig, logger: Logger, stages: [any PipelineStage]? = nil, holdsStoreLock: Bool = false,
                metrics: MailroomMetrics = MailroomMetrics()) throws {
        self.config = config
        self.metrics = metrics
        self.logger = logger
        // Refused before anything is created: a mistyped folder is an error, not an empty folder watched for ever.
        let startProblems = config.startProblems()
        if !startProblems.isEmpty {
            throw PipelineError(message: "the configuration cannot be used; fix it:\n"
                + startProblems.map(\.description).joined(separator: "\n"))
        }
        spool = try Spool(directory: config.spool.path)
        store = try MailStore(path: config.store.path)
        let intake = Intake(store: store, spool: spool)
        // Rule files, kinds and connectors: a daemon does not start on rules with errors (`mailroom rules check`).
        // A reload reads them with the same code (`LiveRules.load`).
        let rulesDirectory = URL(fileURLWithPath: config.rules.path)
        let connectorsDirectory = URL(fileURLWithPath: config.rules.connectors)
        let environment: RuleEnvironment
        let version: RuleSetVersion
        switch LiveRules.load(rulesDirectory: rulesDirectory, connectorsDirectory: connectorsDirectory, config: config) {
        case .success(let loaded): (environment, version) = loaded
        case .failure(let failure): throw PipelineError(message: failure.description)
        }
        for warning in environment.problems where warning.severity != .error {
            logger.warning("\(warning.description)")
        }
        if FileStatus.info(config.rules.path)?.isDirectory != true {
            logger.warning("there is no rules folder at \(config.rules.path): every mail is kept as kind `unknown` and nothing is acted on; set rules.path")
        }
        outbox = Outbox(store: store, connectors: environment.connectors, policy: config.rules.retryPolicy, spool: spool, logger: logger)
        let approvalRequestsBox = LockedBox(ApprovalRequests(store: store, approvers: environment.approvers,
                                                             connectors: environment.connectors, logger: logger))
        self.approvalRequestsBox = approvalRequestsBox
        let standard: [any PipelineStage]
        if let stages {
            standard = stages
            liveClassifier = nil
            liveRules = nil
        } else {
            let understand = try UnderstandStage.load(
                store: store, rulesDirectory: config.rules.path,
                cacheDirectory: config.classifierCacheDirectory,
                logger: logger,
                gateway: config.gateway.providers.isEmpty ? nil : ModelGateway(settings: config.gateway, store: store))
            liveClassifier = understand.liveClassifier
            let (spool, store, outbox, logger) = (spool, store, outbox, logger)
            // The stages that read the rule set, built the same way at start and at every reload. Reloaded kinds
            // reach Understand when it understands at all (a kinds folder existed at start); its classifier
            // stays the one trained from the examples (retrained when they change).
            let build: @Sendable (RuleEnvironment) -> [any PipelineStage] = { environment in
                var understandWith = understand
                if let kinds = environment.kinds, let understander = understand.understander {
                    understandWith = UnderstandStage(
                        store: store,
                        understander: Understander(catalogue: kinds, classifier: understander.classifier, gateway: understander.gateway),
                        liveClassifier: understand.liveClassifier)
                    understandWith.sentMail = understand.sentMail
                }
                return Pipeline.standardStages(spool: spool, store: store, understand: understandWith,
                                               rules: environment.rules, kinds: environment.kinds, outbox: outbox,
                                               approvers: environment.approvers, mailSources: config.approvalMailSources,
                                               budget: config.messageBudget)
            }
            let live = LiveRules(
                initial: environment, version: version, rulesDirectory: rulesDirectory, connectorsDirectory: connectorsDirectory,
                config: config, store: store, logger: logger,
                build: { environment in
                    Dictionary(build(environment).filter { [.parsed, .understood].contains($0.input) }.map { ($0.input, $0) },
                               uniquingKeysWith: { first, _ in first })
                },
                install: { environment in
                    // Actions carried out from now on use the new connectors; approval notices the new approvers.
                    outbox.replaceConnectors(environment.connectors)
                    approvalRequestsBox.value = ApprovalRequests(store: store, approvers: environment.approvers,
                                                                 connectors: environment.connectors, logger: logger)
                }, metrics: metrics)
            liveRules = live
            standard = build(environment).map { stage in
                [.parsed, .understood].contains(stage.input) ? LiveRuleStage(name: stage.name, input: stage.input, live: live) : stage
            }
        }
        pipeline = Pipeline(store: store, stages: standard,
                            workers: config.pipeline.workers, logger: logger, metrics: metrics)
        maildirs = config.sources.maildir.map { MaildirSource(settings: $0, intake: intake, logger: logger) }
        dropFolders = config.sources.drop.map {
            DropFolderSource(settings: $0, intake: intake, logger: logger, maximumBytes: config.messageBudget.rawBytes)
        }
        imapAccounts = config.sources.imap.map { IMAPAccountSource(account: $0, intake: intake, logger: logger) }
        if holdsStoreLock { try outbox.releaseLeasesOfStoppedProcesses() }
    }

    // MARK: - Long-running

    /// Runs until SIGTERM/SIGINT (graceful) and returns when everything in flight is finished.
    /// `extraServices` run beside the pipeline and stop before it (the web UI and /metrics listeners).
    /// `systemd` is told readiness, status, reloads, the stop and watchdog pings (nil: not started by systemd).
    public func serve(extraServices: [ServiceGroupConfiguration.ServiceConfiguration] = [],
                      systemd: SystemdNotifier? = SystemdNotifier()) async throws {
        let waiting = try store.countMessages(matching: MessageFilter(states: Pipeline.workStates))
        logger.info("mailroom \(MailroomVersion.string) starting", metadata: [
            "store": "\(config.store.path)", "spool": "\(config.spool.path)",
            "sources": "\(config.sourceNames.joined(separator: ", "))", "workers": "\(config.pipeline.workers)",
        ])
        if waiting > 0 { logger.info("resuming \(waiting) message(s) from their last committed state") }
        if config.sourceNames.isEmpty { logger.warning("no sources are configured: only stored messages are processed") }

        let heartbeat = self.heartbeat
        let bell = Doorbell()
        // SIGHUP reloads the rule set. Trapped here, before the heartbeat says "running": from then on a
        // SIGHUP (`mailroom reload`) never stops the daemon.
        let reloadSignals = liveRules == nil ? nil : await UnixSignalsSequence(trapping: .sighup)
        liveRules?.recordStart()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            // First, so it is shut down last.
            .init(service: DaemonHeartbeatService(recorder: heartbeat), serviceName: "heartbeat"),
            .init(service: PipelineService(pipeline: pipeline, bell: bell), serviceName: "pipeline"),
            .init(service: OutboxService(outbox: outbox, approvalRequests: { [approvalRequestsBox] in approvalRequestsBox.value }, poll: config.rules.outboxPollSeconds, logger: logger),
                  serviceName: "outbox"),
        ]
        let checkpoints = auditCheckpoints
        await checkpoints.write()
        if config.audit.checkpointMinutes > 0 {
            services.append(.init(service: RepeatingService(every: .milliseconds(Int64(config.audit.checkpointMinutes * 60_000))) {
                await checkpoints.write()
            }, serviceName: "audit-checkpoints"))
        }
        if let liveRules, let reloadSignals {
            services.append(.init(service: RuleReloadService(live: liveRules, signals: reloadSignals, systemd: systemd,
                                                             status: { [store] in Self.systemdStatus(store: store) }),
                                  serviceName: "rules"))
        }
        if let liveClassifier, config.rules.examplesCheckSeconds > 0 {
            // Looks whether the examples changed and, if so, retrains the classifier off the pipeline's path and
            // swaps it in. On graceful shutdown a training in progress finishes on its own thread, unused.
            let (audit, logger) = (store as any AuditLogStore, logger)
            services.append(.init(service: RepeatingService(every: .milliseconds(Int64(config.rules.examplesCheckSeconds * 1000))) {
                await liveClassifier.refresh(audit: audit, logger: logger)
            }, serviceName: "classifier"))
        }
        for source in maildirs {
            services.append(.init(service: SourceService { stop, sourceBell in
                await source.watch(stop: stop, bell: sourceBell) { bell.ring() }
            }, serviceName: source.sourceName))
        }
        for source in dropFolders {
            services.append(.init(service: SourceService { stop, sourceBell in
                await source.watch(stop: stop, bell: sourceBell) { bell.ring() }
            }, serviceName: source.sourceName))
        }
        for account in imapAccounts {
            services.append(.init(service: SourceService { stop, _ in
                await account.watch(stop: stop) { bell.ring() }
            }, serviceName: "imap:\(account.account.name)"))
        }
        services.append(contentsOf: extraServices)
        if let systemd {
            // Last, so it starts after everything else and hears of the shutdown first (STOPPING=1).
            let store = self.store
            let stallLimit = Duration.seconds(max(60, 2 * config.messageBudget.seconds + 60))
            services.append(.init(service: SystemdNotifyService(
                notifier: systemd, pulse: pipeline.pulse, stallLimit: stallLimit, statusInterval: Self.heartbeatInterval,
                status: { try? await BlockingIO.run { Self.systemdStatus(store: store) } }, logger: logger),
                serviceName: "systemd-notify"))
            let watchdog = systemd.watchdogPingInterval.map { ", watchdog ping every \($0)" } ?? ""
            logger.info("systemd: notifying \(systemd.socketName)\(watchdog)")
        }
        var groupConfig = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                    logger: logger)
        // Below systemd's TimeoutStopSec (60 s in deploy/mailroom.service): after this, cancellation stops the
        // workers between stages, so the process still exits before it is killed.
        groupConfig.maximumGracefulShutdownDuration = .seconds(45)
        do {
            try await ServiceGroup(configuration: groupConfig).run()
        } catch {
            heartbeat.stopped()
            throw error
        }
        // After the pipeline finished: the last checkpoint covers every event of this run.
        await checkpoints.write()
        heartbeat.stopped()
        logger.info("mailroom stopped")
    }

    /// The daemon's STATUS line for systemd (`systemctl status mailroom`): "12 messages waiting, 0 dead letters".
    package static func systemdStatus(store: MailStore) -> String? {
        guard let waiting = try? store.countMessages(matching: MessageFilter(states: Pipeline.workStates)),
              let dead = try? store.outboxEntries(states: [.dead]).count else { return nil }
        let review = (try? store.countMessages(matching: MessageFilter(states: [.review]))) ?? 0
        return "\(waiting) message\(waiting == 1 ? "" : "s") waiting, \(review) for review, "
            + "\(dead) dead letter\(dead == 1 ? "" : "s")"
    }

    // MARK: - Once

    /// What `run --once` did.
    public struct OnceReport: Sendable {
        public var sources: [(name: String, tally: IngestTally)] = []
        /// Every message ingested or driven in this run, as it stands now.
        public var messages: [StoredMessage] = []
        /// Messages a stage or the store failed on (they stay in their last committed state).
        public var errors: [Int64: String] = [:]
        /// True when a signal cut the run short.
        public var interrupted = false
    }

    /// Ingests what every source holds now, drives every message that is not terminal, and reports. A
    /// SIGTERM/SIGINT stops taking mail and finishes the messages already started.
    public func runOnce() async throws -> OnceReport {
        let result = LockedBox<OnceReport?>(nil)
        let failure = LockedBox<String?>(nil)
        let service = OnceService { stop in
            do {
                result.value = try await self.once(stop: stop)
            } catch {
                failure.value = "\(error)"
            }
        }
        let heartbeat = self.heartbeat
        let groupConfig = ServiceGroupConfiguration(
            services: [.init(service: DaemonHeartbeatService(recorder: heartbeat), serviceName: "heartbeat"),
                       .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup,
                             failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: "once")],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await ServiceGroup(configuration: groupConfig).run()
        } catch {
            heartbeat.stopped()
            throw error
        }
        await auditCheckpoints.write()
        heartbeat.stopped()
        if let failure = failure.value { throw PipelineError(message: failure) }
        return result.value ?? OnceReport(interrupted: true)
    }

    /// The work of `runOnce`, without the signal handling (tests call it directly).
    public func once(stop: StopFlag = StopFlag()) async throws -> OnceReport {
        var report = OnceReport()
        var ingested: [Int64] = []
        for source in maildirs {
            try source.prepare()
            let tally = try await BlockingIO.run { source.scan(includingCur: source.settings.includeCur, stop: stop) }
            report.sources.append((source.sourceName, tally))
            ingested += tally.messageIDs
        }
        for source in dropFolders {
            try source.prepare()
            var tally = IngestTally()
            // Files dropped just now get their settle time, once; then whatever still changes is left.
            var rounds = 0
            while !stop.isSet {
                let scan = try await BlockingIO.run { source.scan(stop: stop) }
                tally.add(scan.tally)
                rounds += 1
                guard let again = scan.lookAgainIn, rounds < 3 else { break }
                try? await Task.sleep(for: .milliseconds(Int64(min(again, source.settings.settleSeconds) * 1000) + 50))
            }
            report.sources.append((source.sourceName, tally))
            ingested += tally.messageIDs
        }
        for account in imapAccounts where !stop.isSet {
            do {
                for (source, tally) in try await account.takeOnce(stop: stop) {
                    report.sources.append((source, tally))
                    ingested += tally.messageIDs
                }
            } catch {
                // The mail stays on the server for the next run; say why it was not taken.
                var tally = IngestTally()
                tally.failures.append("\(error)")
                logger.error("IMAP account \(account.account.name): \(error)")
                report.sources.append(("imap:\(account.account.name)", tally))
            }
        }
        let drained = await pipeline.drain(stop: stop)
        report.errors = drained.errors
        // Approved actions and due retries, then messages whose actions are all final.
        do {
            try await outbox.runDue()
            try outbox.settleWaitingMessages()
        } catch {
            logger.error("the outbox could not finish its work: \(error)")
        }
        await approvalRequests?.notifyPending()
        report.interrupted = stop.isSet
        var seen = Set<Int64>()
        let ids = (ingested + drained.driven.map(\.id) + drained.errors.keys.sorted()).filter { seen.insert($0).inserted }
        let store = self.store
        report.messages = try await BlockingIO.run { try ids.compactMap { try store.message(id: $0) } }
            .sorted { $0.id < $1.id }
        return report
    }
}

/// The pipeline as a service: on graceful shutdown, starts no new message and finishes the started ones.
package struct PipelineService: Service {
    package let pipeline: Pipeline
    package let bell: Doorbell

    package func run() async throws {
        let stop = StopFlag()
        await withGracefulShutdownHandler {
            await pipeline.run(stop: stop, bell: bell)
        } onGracefulShutdown: {
            stop.set()
            bell.ring()
        }
    }
}

/// The outbox as a service: carries out approved actions and due retries, and moves messages whose actions
/// are all final from review to acted. Stops between two actions on graceful shutdown.
package struct OutboxService: Service {
    package let outbox: Outbox
    /// Read each round: a reload may replace them.
    package let approvalRequests: @Sendable () -> ApprovalRequests?
    package let poll: Double
    package let logger: Logger

    package func run() async throws {
        let stop = StopFlag()
        let bell = Doorbell()
        await withGracefulShutdownHandler {
            while !stop.isSet {
                do {
                    try await outbox.runDue()
                    try outbox.settleWaitingMessages()
                } catch {
                    logger.error("outbox: \(error)")
                }
                await approvalRequests()?.notifyPending()
                await bell.wait(timeout: .milliseconds(Int64(poll * 1000)), unless: stop)
            }
        } onGracefulShutdown: {
            stop.set()
            bell.ring()
        }
    }
}

/// A source as a service: on graceful shutdown, finishes the file at hand and stops watching.
package struct SourceService: Service {
    package let watch: @Sendable (StopFlag, Doorbell) async -> Void

    package func run() async throws {
        let stop = StopFlag()
        let bell = Doorbell()
        await withGracefulShutdownHandler {
            await watch(stop, bell)
        } onGracefulShutdown: {
            stop.set()
            bell.ring()
        }
    }
}

/// `run --once` as a service, so that SIGTERM/SIGINT stop it gracefully too.
package struct OnceService: Service {
    package let work: @Sendable (StopFlag) async -> Void

    package func run() async throws {
        let stop = StopFlag()
        await withGracefulShutdownHandler {
            await work(stop)
        } onGracefulShutdown: {
            stop.set()
        }
    }
}
