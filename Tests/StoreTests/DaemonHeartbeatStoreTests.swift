import Foundation
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

@Suite struct DaemonHeartbeatStoreTests {
    @Test func recordsStartHeartbeatAndStopOfTheLatestDaemon() throws {
        let dir = try StoreScratch.directory("heartbeat")
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("mailroom.sqlite").path)
        #expect(try store.daemonHeartbeat() == nil)

        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let first = DaemonHeartbeat(pid: 41, host: "mail1", version: "0.1.0", startedAt: start, lastHeartbeat: start,
                                    intervalSeconds: 10)
        try store.recordDaemonStart(first)
        #expect(try store.daemonHeartbeat() == first)

        try store.recordDaemonHeartbeat(pid: 41, at: start.addingTimeInterval(10))
        #expect(try store.daemonHeartbeat()?.lastHeartbeat == start.addingTimeInterval(10))
        // Another pid's beat does not touch the record of the daemon that owns it.
        try store.recordDaemonHeartbeat(pid: 99, at: start.addingTimeInterval(20))
        #expect(try store.daemonHeartbeat()?.lastHeartbeat == start.addingTimeInterval(10))

        try store.recordDaemonStop(pid: 41, at: start.addingTimeInterval(15))
        let stopped = try #require(try store.daemonHeartbeat())
        #expect(stopped.stoppedAt == start.addingTimeInterval(15))
        #expect(stopped.lastHeartbeat == start.addingTimeInterval(15))

        // The next daemon replaces the record.
        let second = DaemonHeartbeat(pid: 42, host: "mail1", version: "0.1.1", startedAt: start.addingTimeInterval(60),
                                     lastHeartbeat: start.addingTimeInterval(60), intervalSeconds: 10)
        try store.recordDaemonStart(second)
        #expect(try store.daemonHeartbeat() == second)
    }

    @Test func staleAfterThreeMissedBeatsAndNeverBefore30Seconds() {
        let t = Date(timeIntervalSince1970: 1_790_000_000)
        let hb = DaemonHeartbeat(pid: 1, host: "h", version: "v", startedAt: t, lastHeartbeat: t, intervalSeconds: 10)
        #expect(!hb.isStale(now: t.addingTimeInterval(30)))
        #expect(hb.isStale(now: t.addingTimeInterval(31)))
        var fast = hb
        fast.intervalSeconds = 1
        #expect(!fast.isStale(now: t.addingTimeInterval(29)))
    }
}
