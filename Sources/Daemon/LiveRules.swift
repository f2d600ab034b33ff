import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import Vocabulary
import Understand
import Decide
import Act

/// One rule set as the daemon loaded it: rules, kinds, connectors, approvers and catalogue
/// (``RuleEnvironment``), their version, and the Understand and Decide stages built from them.
public struct LoadedRules: Sendable {
    public let environment: RuleEnvironment
    public let version: RuleSetVersion
    public let loadedAt: Date
    /// The stages that read the rule set, by the state they take (`parsed`: Understand, `understood`: Decide).
    package let stages: [MessageState: any PipelineStage]
}

/// Why a rule set could not be loaded: every error with its file:line:col.
public struct RuleSetLoadFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [RuleFileProblem]
    public var message: String
    public var description: String {
        ([message] + problems.map(\.description)).joined(separator: "\n")
    }
}

/// The rule set the running daemon decides mail with, swapped whole on SIGHUP or `mailroom reload`.
///
/// The stages that read rules (``LiveRuleStage``) take ``current`` once per message, so a message is
/// understood, and decided, with one rule set — never half of an old and half of a new one. ``reload(reason:)``
/// loads everything through the same code the start uses (``load(rulesDirectory:connectorsDirectory:config:)``);
/// when any file has an error the old set stays in use, the errors are logged, recorded for `mailroom status`
/// and audited as `rules_reload_failed`; otherwise the outbox's connectors and the approval notices are
/// replaced first, then the stages, and `rules_reloaded` names the old and the new version.
public final class LiveRules: Sendable {
    public let rulesDirectory: URL
    public let connectorsDirectory: URL
    package let config: MailroomConfig?
    package let store: (any AuditLogStore & RuleSetStateStore)?
    package let pid: Int32
    package let logger: Logger
    /// Counts reloads by result (`mailroom_rule_reloads_total`).
    package let metrics: MailroomMetrics
    /// Builds the stages for an environment (the start's own code).
    private let build: @Sendable (RuleEnvironment) -> [MessageState: any PipelineStage]
    /// What else follows the rule set (the outbox's connectors, the approval notices); called before the swap.
    private let install: @Sendable (RuleEnvironment) -> Void
    private let loaded: LockedBox<LoadedRules>
    /// Reloads one at a time.
    private let reloading = AsyncSerial()

    package init(initial environment: RuleEnvironment, version: RuleSetVersion, rulesDirectory: URL, connectorsDirectory: URL,
                 config: MailroomConfig?, store: (any AuditLogStore & RuleSetStateStore)?, pid: Int32 = getpid(), logger: Logger,
                 build: @escaping @Sendable (RuleEnvironment) -> [MessageState: any PipelineStage],
                 install: @escaping @Sendable (RuleEnvironment) -> Void = { _ in }, metrics: MailroomMetrics = MailroomMetrics()) {
        self.metrics = metrics
        self.rulesDirectory = rulesDirectory
        self.connectorsDirectory = connectorsDirectory
        self.config = config
        self.store = store
        self.pid = pid
        self.logger = logger
        self.build = build
        self.install = install
        loaded = LockedBox(LoadedRules(environment: environment, version: version, loadedAt: Date(), stages: build(environment)))
    }

    /// The rule set to handle the next message with.
    public var current: LoadedRules { loaded.value }

    /// Loads and checks rules, kinds, connectors, approvers and catalogue, with the version of exactly the files
    /// read (the files are hashed before and after loading; if they changed meanwhile, they are read again).
    public static func load(rulesDirectory: URL, connectorsDirectory: URL, config: MailroomConfig?,
                            environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<(RuleEnvironment, RuleSetVersion), RuleSetLoadFailure> {
        for _ in 0..<3 {
            let before = RuleSetVersion.onDisk(rulesDirectory: rulesDirectory, connectorsDirectory: connectorsDirectory)
            let env = RuleEnvironment.load(rulesDirectory: rulesDirectory, connectorsDirectory: connectorsDirectory,
                                           environment: environment, requireRules: false, config: config)
            let after = RuleSetVersion.onDisk(rulesDirectory: rulesDirectory, connectorsDirectory: connectorsDirectory)
            guard before == after else { continue }
            if !env.errors.isEmpty {
                return .failure(RuleSetLoadFailure(problems: env.errors,
                                                   message: "the rule files have errors; fix them (`mailroom rules check`):"))
            }
            return .success((env, after))
        }
        return .failure(RuleSetLoadFailure(problems: [], message: "the rule files kept changing while they were read; "
            + "reload again when they are written"))
    }

    public enum Outcome: Sendable, Equatable {
        case reloaded(from: String, to: String)
        case refused(String)
    }

    /// Reloads now; see the type's description. `reason` goes into the log and the audit ("SIGHUP").
    @discardableResult
    public func reload(reason: String = "SIGHUP") async -> Outcome {
        await reloading.run { await self.reloadNow(reason: reason) }
    }

    private func reloadNow(reason: String) async -> Outcome {
        let (rules, connectors, config) = (rulesDirectory, connectorsDirectory, self.config)
        let before = current
        let result: Result<(RuleEnvironment, RuleSetVersion), RuleSetLoadFailure>
        do {
            result = try await BlockingIO.run { Self.load(rulesDirectory: rules, connectorsDirectory: connectors, config: config) }
        } catch {
            result = .failure(RuleSetLoadFailure(problems: [], message: "the rule files could not be read: \(error)"))
        }
        let now = Date()
        switch result {
        case .failure(let failure):
            // One line per problem (file:line:col first), so that each is found in the log as it is.
            logger.error("rules NOT reloaded (\(reason)); version \(before.version.short) stays in use: \(failure.message)")
            for problem in failure.problems { logger.error("\(problem.description)") }
            do {
                try store?.recordRuleSetReloadFailed(pid: pid, error: failure.description, at: now)
            } catch {
                logger.error("could not record the refused reload in the store: \(error)")
            }
            record(AuditDraft(messageID: nil, stage: "decide", actor: AuditActor.mailroom, eventType: "rules_reload_failed", details: [
                "reason": .string(reason), "version_in_use": .string(before.version.sha256),
                "error": .string(failure.message), "problems": .array(failure.problems.map { .string($0.description) }),
            ]))
            metrics.ruleReload(result: "refused")
            return .refused(failure.description)
        case .success(let (environment, version)):
            for warning in environment.problems where warning.severity != .error {
                logger.warning("\(warning.description)")
            }
            install(environment)
            let after = LoadedRules(environment: environment, version: version, loadedAt: now, stages: build(environment))
            loaded.value = after
            let changed = version.differences(from: before.version)
            let what = changed.isEmpty ? " (no file changed)" : ": " + changed.joined(separator: ", ")
            logger.notice("rules reloaded (\(reason)): version \(before.version.short) → \(version.short)\(what)")
            do {
                try store?.recordRuleSetLoaded(pid: pid, version: version.sha256, at: now)
            } catch {
                logger.error("could not record the reloaded rule set in the store: \(error)")
            }
            record(AuditDraft(messageID: nil, stage: "decide", actor: AuditActor.mailroom, eventType: "rules_reloaded", details: [
                "reason": .string(reason), "old_version": .string(before.version.sha256), "new_version": .string(version.sha256),
                "changed_files": .array(changed.map { .string($0) }), "rules": .integer(environment.rules.rules.count),
                "connectors": .integer(environment.connectors.connectors.count),
            ]))
            metrics.ruleReload(result: "reloaded")
            return .reloaded(from: before.version.sha256, to: version.sha256)
        }
    }

    /// Records that this daemon decides with the current set from now on (its start).
    package func recordStart() {
        let now = current
        do {
            try store?.recordRuleSetLoaded(pid: pid, version: now.version.sha256, at: now.loadedAt)
        } catch {
            logger.error("could not record the rule set in use in the store: \(error)")
        }
    }

    private func record(_ draft: AuditDraft) {
        do {
            _ = try store?.appendAudit(draft)
        } catch {
            logger.error("could not record \(draft.eventType) in the audit trail: \(error)")
        }
    }
}

/// A stage that reads the rule set: takes the live set once per message and hands the message to that set's
/// stage. Decide's outcome carries the version that decided (`rule_set_version` in the audit event).
package struct LiveRuleStage: PipelineStage {
    package let name: String
    package let input: MessageState
    package let live: LiveRules

    package func process(_ message: StoredMessage) async throws -> StageOutcome {
        let rules = live.current
        guard let stage = rules.stages[input] else {
            throw PipelineError(message: "the loaded rule set has no \(name) stage")
        }
        var outcome = try await stage.process(message)
        if input == .understood { outcome.details["rule_set_version"] = .string(rules.version.sha256) }
        return outcome
    }
}

/// Reloads the rule set on every SIGHUP until graceful shutdown. The signal is trapped before the service
/// group starts (``MailroomDaemon/serve()``), so a SIGHUP never stops the daemon.
package struct RuleReloadService: Service {
    package let live: LiveRules
    package let signals: UnixSignalsSequence
    /// Told RELOADING=1 before and READY=1 after each reload (Type=notify).
    package var systemd: SystemdNotifier? = nil
    package var status: @Sendable () -> String? = { nil }

    package func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            systemd?.reloading(status: "reloading the rules")
            let outcome = await live.reload(reason: "SIGHUP")
            guard let systemd else { continue }
            let said: String
            switch outcome {
            case .reloaded: said = "rules \(live.current.version.short) loaded"
            case .refused: said = "rules NOT reloaded (errors; see the log): \(live.current.version.short) stays in use"
            }
            systemd.send(["READY=1", "STATUS=\(said); " + (status() ?? "running")])
        }
    }
}

/// Runs async bodies one after the other.
package actor AsyncSerial {
    private var tail: Task<Void, Never>?

    package func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        let previous = tail
        let task = Task { () -> T in
            await previous?.value
            return await body()
        }
        tail = Task { _ = await task.value }
        return await task.value
    }
}
