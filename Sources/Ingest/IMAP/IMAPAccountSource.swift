import Foundation
import Logging
import Vocabulary
import LibEtpan

/// An IMAP account as a source: at most two connections, each on its own OS thread (libetpan blocks).
///
/// The first connection watches the first folder — with IDLE when the server offers it, else by polling.
/// The second, present only when more folders are configured, watches the second folder the same way, or,
/// when there are three or more, polls the rest in turn. Each connection:
/// - takes what arrived while Mailroom was down, then waits in IDLE; IDLE is ended and a NOOP sent every
///   `keepalive_seconds` (≤ 25 min), which also proves the connection alive;
/// - after any network error reconnects with exponential backoff and jitter (0.5 s doubling up to
///   `reconnect_max_seconds`); after refused credentials waits `auth_retry_seconds`, doubling up to six
///   hours, and the account's other connection waits too, so a wrong password never becomes a lock-out storm;
/// - reports its state to the store (`source_health`) with a promise of when it will report next, so a hung
///   or dead connection is shown as such by `mailroom status`.
public final class IMAPAccountSource: Sendable {
    public let account: IMAPAccountSettings
    public let intake: Intake
    package let environment: [String: String]
    package let logger: Logger
    package let authGate = AuthenticationGate()

    public init(account: IMAPAccountSettings, intake: Intake, logger: Logger,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.account = account
        self.intake = intake
        self.environment = environment
        var logger = logger
        logger[metadataKey: "imap"] = "\(account.name)"
        self.logger = logger
    }

    public var sourceNames: [String] { account.sourceNames }

    /// The folders each connection watches (one or two connections).
    package var connectionPlan: [[String]] {
        let folders = account.folders
        if folders.count == 1 { return [folders] }
        return [[folders[0]], Array(folders.dropFirst())]
    }

    /// Reports (content SHA-256, time stored) of each new message; for the benchmark.
    public typealias ArrivalObserver = @Sendable (_ sha256: String, _ storedAt: Date) -> Void

    /// Runs the connections until `stop` is set; returns when their threads have ended.
    public func watch(stop: StopFlag, onArrival: @escaping @Sendable () -> Void,
                      observer: ArrivalObserver? = nil) async {
        logger.info("watching IMAP account \(account.name) at \(account.host):\(account.port) (\(account.tls.rawValue)): \(account.folders.joined(separator: ", "))")
        await withTaskGroup(of: Void.self) { group in
            for (i, folders) in connectionPlan.enumerated() {
                group.addTask {
                    await DedicatedThread.run(name: "imap-\(self.account.name)-\(i + 1)") {
                        let connection = IMAPConnectionLoop(source: self, folders: folders, stop: stop,
                                                            onArrival: onArrival, observer: observer)
                        connection.run()
                    }
                }
            }
        }
        logger.info("stopped watching IMAP account \(account.name)")
    }

    /// One pass for `run --once`: connect, take the new mail of every folder, disconnect.
    public func takeOnce(stop: StopFlag) async throws -> [(source: String, tally: IngestTally)] {
        let result = LockedBox<Result<[(source: String, tally: IngestTally)], Error>?>(nil)
        await DedicatedThread.run(name: "imap-\(account.name)-once") {
            result.value = Result {
                let session = try IMAPLogin(account: self.account, environment: self.environment).open()
                defer { session.logout() }
                var out: [(source: String, tally: IngestTally)] = []
                for folder in self.account.folders {
                    let sync = IMAPFolderSync(account: self.account, folder: folder, intake: self.intake, logger: self.logger)
                    _ = try sync.select(session)
                    let pass = try sync.takeNew(session, stop: stop) { _ in }
                    out.append((sync.source, pass.tally))
                }
                return out
            }
        }
        return try result.value!.get()
    }
}

/// Shared by an account's connections: once the server refused the credentials, nobody tries again before
/// `notBefore`.
package final class AuthenticationGate: Sendable {
    private struct State { var notBefore = Date.distantPast; var failures = 0 }
    private let state = LockedBox(State())

    package var notBefore: Date { state.withLock { $0.notBefore } }

    /// Records a refusal; returns the wait before the next attempt.
    package func refused(firstWait: Double) -> Double {
        state.withLock { s in
            s.failures += 1
            let wait = min(firstWait * pow(2, Double(s.failures - 1)), 6 * 3600)
            s.notBefore = max(s.notBefore, Date().addingTimeInterval(wait))
            return s.notBefore.timeIntervalSinceNow
        }
    }

    package func accepted() { state.withLock { $0 = State() } }
}

/// One connection's life: connect, sync, idle or poll, reconnect. Runs on its own thread.
package final class IMAPConnectionLoop {
    package let source: IMAPAccountSource
    package let folders: [String]
    package let stop: StopFlag
    package let onArrival: @Sendable () -> Void
    package let observer: IMAPAccountSource.ArrivalObserver?
    package var account: IMAPAccountSettings { source.account }
    package var logger: Logger { source.logger }
    package let syncs: [IMAPFolderSync]
    private var health: [String: SourceHealth] = [:]
    private var networkFailures = 0
    private var lastLoggedError: String?

    package init(source: IMAPAccountSource, folders: [String], stop: StopFlag, onArrival: @escaping @Sendable () -> Void,
         observer: IMAPAccountSource.ArrivalObserver?) {
        self.source = source
        self.folders = folders
        self.stop = stop
        self.onArrival = onArrival
        self.observer = observer
        syncs = folders.map { IMAPFolderSync(account: source.account, folder: $0, intake: source.intake, logger: source.logger) }
        for s in syncs {
            health[s.source] = SourceHealth(source: s.source, state: .connecting,
                                            silenceWindowSeconds: source.account.silenceWindowSeconds)
        }
    }

    package func run() {
        while !stop.isSet {
            let gate = source.authGate.notBefore
            if gate > Date() {
                sleep(until: gate)
                continue
            }
            report(.connecting, detail: nil, promise: account.timeoutSeconds * 3 + 30)
            do {
                let session = try IMAPLogin(account: account, environment: source.environment).open()
                source.authGate.accepted()
                let now = Date()
                for s in syncs {
                    health[s.source]?.connectedSince = now
                    health[s.source]?.lastContact = now
                }
                if lastLoggedError != nil { logger.notice("connected again to \(account.host):\(account.port)") }
                lastLoggedError = nil
                networkFailures = 0
                try serve(session)
                session.logout()
            } catch let error as IMAPProtocolError {
                handle(error)
            } catch {
                // Store or spool trouble: the mail stays on the server; retry like a network error.
                handle(IMAPProtocolError(kind: .connection, operation: "store new mail", detail: "\(error)"))
            }
        }
        report(.stopped, detail: "the daemon stopped", promise: nil)
    }

    /// Serves one connected session until an error or stop.
    private func serve(_ session: IMAPSession) throws {
        let idle = syncs.count == 1 && session.offersIdle
        if syncs.count == 1 && !session.offersIdle {
            logger.notice("\(account.host) does not offer IDLE: polling \(folders[0]) every \(Int(account.pollSeconds)) s")
        }
        for s in syncs {
            _ = try s.select(session)
            try take(s, session)
        }
        if idle {
            try idleLoop(session, syncs[0])
        } else {
            try pollLoop(session)
        }
    }

    private func idleLoop(_ session: IMAPSession, _ sync: IMAPFolderSync) throws {
        let keepalive = account.keepaliveSeconds
        while !stop.isSet {
            let reportedAlready = try session.startIdle()
            touch(sync)
            report(.idle, detail: nil, promise: keepalive + account.timeoutSeconds + 30)
            let started = Date()
            var wake = reportedAlready ? IMAPSession.IdleWake.serverSpoke : .timedOut
            while !stop.isSet && !reportedAlready {
                let left = keepalive - Date().timeIntervalSince(started)
                if left <= 0 { break }
                wake = try session.waitIdle(seconds: Int(min(1, left).rounded(.up)))
                if wake == .serverSpoke { break }
            }
            try session.finishIdle()
            touch(sync)
            if stop.isSet { return }
            if wake == .timedOut {
                try session.noop()
                touch(sync)
            }
            // Again until a pass finds nothing: a mail that arrives while one pass runs is announced inside
            // that pass's responses (and consumed there), not in the next IDLE.
            while try take(sync, session) > 0 && !stop.isSet {}
        }
    }

    private func pollLoop(_ session: IMAPSession) throws {
        while !stop.isSet {
            report(.polling, detail: syncs.count > 1 ? "polling \(syncs.count) folders on one connection" : nil,
                   promise: account.pollSeconds + account.timeoutSeconds * Double(syncs.count + 1) + 30)
            sleep(until: Date().addingTimeInterval(account.pollSeconds))
            if stop.isSet { return }
            for s in syncs {
                if stop.isSet { return }
                if syncs.count > 1 {
                    _ = try s.select(session)
                } else {
                    try session.noop()
                }
                touch(s)
                try take(s, session)
            }
        }
    }

    /// Takes a folder's new mail; returns how many messages the pass handled.
    @discardableResult
    private func take(_ sync: IMAPFolderSync, _ session: IMAPSession) throws -> Int {
        let pass = try sync.takeNew(session, stop: stop) { _ in self.onArrival() }
        let now = Date()
        health[sync.source]?.lastContact = now
        health[sync.source]?.lag = pass.lag
        if pass.tally.stored > 0 { health[sync.source]?.lastNewMail = now }
        if let observer { for a in pass.arrivals { observer(a.sha256, a.at) } }
        if pass.tally.stored + pass.tally.duplicates > 0 {
            try? source.intake.store.recordSourceHealth(health[sync.source]!)
        }
        return pass.tally.handled
    }

    private func touch(_ sync: IMAPFolderSync) {
        health[sync.source]?.lastContact = Date()
    }

    private func handle(_ error: IMAPProtocolError) {
        let wait: Double
        let state: TriggerState
        switch error.kind {
        case .authentication:
            wait = source.authGate.refused(firstWait: account.authRetrySeconds)
            state = .authFailed
        case .tls:
            networkFailures += 1
            wait = backoff(cap: max(account.reconnectMaxSeconds, 60))
            state = .tlsRefused
        default:
            networkFailures += 1
            wait = backoff(cap: account.reconnectMaxSeconds)
            state = .reconnecting
        }
        let text = "\(error)"
        if text != lastLoggedError {
            let next = String(format: "%.1f", wait)
            if state == .reconnecting {
                logger.warning("IMAP \(account.name): \(text); reconnecting in \(next) s")
            } else {
                logger.error("IMAP \(account.name): \(text); next attempt in \(next) s")
            }
            lastLoggedError = text
        }
        for s in syncs { health[s.source]?.connectedSince = nil }
        report(state, detail: text, promise: wait + account.timeoutSeconds * 3 + 30)
        sleep(until: Date().addingTimeInterval(wait))
    }

    /// 0.5 s doubling per consecutive failure up to `cap`, with ±25 % jitter.
    private func backoff(cap: Double) -> Double {
        let base = min(0.5 * pow(2, Double(min(networkFailures - 1, 30))), cap)
        return base * Double.random(in: 0.75...1.25)
    }

    private func report(_ state: TriggerState, detail: String?, promise: Double?) {
        let now = Date()
        for s in syncs {
            guard var h = health[s.source] else { continue }
            h.state = state
            h.detail = detail
            h.updatedAt = now
            h.freshUntil = promise.map { now.addingTimeInterval($0) }
            health[s.source] = h
            do {
                try source.intake.store.recordSourceHealth(h)
            } catch {
                logger.error("cannot record the health of \(s.source): \(error)")
            }
        }
    }

    /// Sleeps in short steps so that a stop is noticed within a quarter second.
    private func sleep(until date: Date) {
        while !stop.isSet {
            let left = date.timeIntervalSinceNow
            if left <= 0 { return }
            usleep(UInt32(min(left, 0.25) * 1_000_000))
        }
    }
}
