import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Daemon
import Logging
import MailroomTesting

/// The store lock in-process, and the verdict `mailroom status` draws from the lock and the heartbeat.
@Suite struct DaemonLivenessTests {
    let t = Date(timeIntervalSince1970: 1_790_000_000)

    func beat(pid: Int32 = 4242, startedAgo: Double = 600, lastAgo: Double = 5, stoppedAgo: Double? = nil)
        -> DaemonHeartbeat {
        DaemonHeartbeat(pid: pid, host: "mail1", version: "0.1.0", startedAt: t.addingTimeInterval(-startedAgo),
                        lastHeartbeat: t.addingTimeInterval(-lastAgo), intervalSeconds: 10,
                        stoppedAt: stoppedAgo.map { t.addingTimeInterval(-$0) })
    }

    func judge(held: Bool, pid: Int32? = 4242, _ hb: DaemonHeartbeat?) -> DaemonLiveness {
        DaemonLiveness.judge(lockFile: "/s.lock", lockHeld: held, lockPID: pid, heartbeat: hb, now: t, thisHost: "mail1")
    }

    @Test func runningWhenTheLockIsHeldAndTheHeartbeatFresh() {
        let v = judge(held: true, beat())
        #expect(v.state == .running)
        #expect(v.summary == "running (pid 4242 on mail1, up for 10 min, version 0.1.0)")
        #expect(v.uptimeSeconds == 600)
    }

    @Test func stuckWhenTheLockIsHeldButTheHeartbeatIsOverdue() {
        let v = judge(held: true, beat(lastAgo: 300))
        #expect(v.state == .stuck)
        #expect(v.summary.contains("seems stuck"))
        #expect(v.summary.contains("pid 4242"))
    }

    @Test func notRunningSinceTheStopOrTheLastHeartbeatWhenNobodyHoldsTheLock() {
        let clean = judge(held: false, pid: 4242, beat(lastAgo: 60, stoppedAgo: 60))
        #expect(clean.state == .stopped)
        #expect(clean.summary.hasPrefix("not running since \(ISO8601.utcString(t.addingTimeInterval(-60))) (stopped cleanly"))
        // A heartbeat without a stop, and no lock: it crashed or was killed; the pid file alone proves nothing.
        let crashed = judge(held: false, pid: 4242, beat(lastAgo: 5))
        #expect(crashed.state == .stopped)
        #expect(crashed.summary.contains("did not stop cleanly"))
        #expect(judge(held: false, pid: nil, nil).summary == "never ran")
    }

    @Test func startingWhenTheHolderHasNotBeatenYet() {
        let v = judge(held: true, pid: 5000, beat(pid: 4242, stoppedAgo: 100))
        #expect(v.state == .starting)
        #expect(v.pid == 5000)
        #expect(v.summary.contains("pid 5000"))
    }

    @Test func aSecondLockOnTheSameStoreIsRefusedWithTheHoldersPid() throws {
        let scratch = try IngestScratch("lock")
        defer { scratch.remove() }
        let store = scratch.path("state/mailroom.sqlite")
        #expect(StoreLock.probe(forStore: store).held == false)

        var first: StoreLock? = try StoreLock.acquire(forStore: store)
        let probe = StoreLock.probe(forStore: store)
        #expect(probe.held)
        #expect(probe.pid == getpid())
        let attributes = try FileManager.default.attributesOfItem(atPath: store + ".lock")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(throws: StoreLockError.held(store: store, path: store + ".lock", pid: getpid())) {
            try StoreLock.acquire(forStore: store)
        }
        withExtendedLifetime(first) {}
        first = nil
        #expect(StoreLock.probe(forStore: store).held == false)
        _ = try StoreLock.acquire(forStore: store)
    }

    @Test func theHeartbeatBeatsUntilStoppedAndTheCleanStopIsRecorded() async throws {
        let scratch = try IngestScratch("heartbeat")
        defer { scratch.remove() }
        let store = try scratch.makeStore()
        let recorder = DaemonHeartbeatRecorder(store: store, pid: 777, interval: .milliseconds(20),
                                               logger: Logger(label: "test"))
        try recorder.start()
        let started = try #require(try store.daemonHeartbeat())
        #expect(started.pid == 777 && started.stoppedAt == nil && started.version == MailroomVersion.string)
        #expect(started.host == LocalHost.name)

        let stop = StopFlag()
        let bell = Doorbell()
        let beating = Task { await recorder.beat(until: stop, bell: bell) }
        let beat = try await eventually(timeout: .seconds(60)) {
            (try store.daemonHeartbeat()?.lastHeartbeat).map { $0 > started.lastHeartbeat } ?? false
        }
        stop.set()
        bell.ring()
        await beating.value
        #expect(beat, "no heartbeat after the start")

        recorder.stopped()
        let stopped = try #require(try store.daemonHeartbeat())
        #expect(stopped.stoppedAt != nil)
        #expect(stopped.startedAt == started.startedAt)
    }
}
