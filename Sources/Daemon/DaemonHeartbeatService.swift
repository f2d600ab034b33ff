import Foundation
import Logging
import ServiceLifecycle
import Vocabulary

/// The running daemon's heartbeat in the store (`DaemonHeartbeatStore`): recorded at start, every
/// `MailroomDaemon.heartbeatInterval` while it runs, and at a clean stop. `mailroom status` reads it together
/// with the store's lock (`StoreLock`).
package struct DaemonHeartbeatRecorder: Sendable {
    package let store: any DaemonHeartbeatStore
    package let pid: Int32
    package let interval: Duration
    package let logger: Logger

    package var intervalSeconds: Double {
        Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
    }

    package func start() throws {
        let now = Date()
        try store.recordDaemonStart(DaemonHeartbeat(
            pid: pid, host: LocalHost.name, version: MailroomVersion.string, startedAt: now, lastHeartbeat: now,
            intervalSeconds: intervalSeconds))
    }

    package func beat() async {
        let (store, pid) = (self.store, self.pid)
        do {
            try await BlockingIO.run { try store.recordDaemonHeartbeat(pid: pid, at: Date()) }
        } catch {
            logger.warning("could not record the daemon's heartbeat: \(error)")
        }
    }

    /// Beats every `interval` until `stop` is set (ring `bell` after setting it to end the wait at once).
    package func beat(until stop: StopFlag, bell: Doorbell) async {
        while !stop.isSet {
            await bell.wait(timeout: interval, unless: stop)
            if stop.isSet { break }
            await beat()
        }
    }

    package func stopped() {
        do {
            try store.recordDaemonStop(pid: pid, at: Date())
        } catch {
            logger.warning("could not record the daemon's stop: \(error)")
        }
    }
}

/// Records the start, then beats until graceful shutdown. The start is recorded inside the service group,
/// after it trapped SIGTERM and SIGINT: once `status` says "running", a SIGTERM stops the daemon gracefully.
/// First in the service group, so it is shut down last: the heartbeat goes on while the pipeline finishes
/// what it started.
package struct DaemonHeartbeatService: Service {
    package let recorder: DaemonHeartbeatRecorder

    package func run() async throws {
        try recorder.start()
        let stop = StopFlag()
        let bell = Doorbell()
        await withGracefulShutdownHandler {
            await recorder.beat(until: stop, bell: bell)
        } onGracefulShutdown: {
            stop.set()
            bell.ring()
        }
    }
}
