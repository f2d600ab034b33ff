import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import ServiceLifecycle
import Testing
@testable import Vocabulary
@testable import Daemon
import MailroomTesting

/// A Unix datagram socket the test binds, standing in for systemd's notification socket.
final class NotifySocket {
    let fd: Int32
    /// What goes into NOTIFY_SOCKET: `@name` (abstract) or a path.
    let name: String
    private var pending: [String] = []

    init(abstract: Bool, directory: String = NSTemporaryDirectory()) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw PipelineError(message: "socket: errno \(errno)") }
        let tag = UUID().uuidString.prefix(8)
        name = abstract ? "@mailroom-test-notify-\(tag)" : (directory as NSString).appendingPathComponent("notify-\(tag).sock")
        let bytes: [UInt8] = abstract ? [0] + Array(name.utf8.dropFirst()) : Array(name.utf8)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (i, b) in bytes.enumerated() { raw[i] = b } }
        let length = socklen_t((MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2) + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw PipelineError(message: "bind \(name): errno \(errno)") }  // deinit closes it
    }

    deinit {
        close(fd)
        if !name.hasPrefix("@") { unlink(name) }
    }

    /// The next datagram, waiting up to `timeout`; nil when none came.
    func receive(timeout: Duration) -> String? {
        if !pending.isEmpty { return pending.removeFirst() }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &buffer, buffer.count, 0)
                if n > 0 { return String(decoding: buffer[..<n], as: UTF8.self) }
            }
        }
        return nil
    }

    /// Reads datagrams until one satisfies `match` (returned) or `timeout` passes (nil); the others are kept in `seen`.
    /// `alive`: stop waiting as soon as it is false (the process that should send has ended).
    func waitFor(timeout: Duration, seen: inout [String], alive: () -> Bool = { true }, _ match: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let message = receive(timeout: min(.milliseconds(500), deadline - ContinuousClock.now)) else {
                if alive() { continue } else { break }
            }
            seen.append(message)
            if match(message) { return message }
        }
        return nil
    }
}

private func lines(_ message: String) -> [String] { message.split(separator: "\n").map(String.init) }

@Suite(.serialized) struct SystemdNotifyTests {
    @Test func withoutNotifySocketThereIsNoNotifier() {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "vsock:2:1234"]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/" + String(repeating: "x", count: 200)]) == nil)
    }

    @Test func theWatchdogIntervalIsHalfOfWatchdogUsecAndOnlyForTheNamedProcess() throws {
        let mine = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "4000000"], pid: 42))
        #expect(mine.watchdogPingInterval == .seconds(2))
        let ours = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "42"], pid: 42))
        #expect(ours.watchdogPingInterval == .seconds(2))
        let theirs = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "7"], pid: 42))
        #expect(theirs.watchdogPingInterval == nil)
        let none = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x"], pid: 42))
        #expect(none.watchdogPingInterval == nil)
    }

    @Test(arguments: [true, false]) func sendsDatagramsToAPathOrAnAbstractSocket(abstract: Bool) throws {
        let socket = try NotifySocket(abstract: abstract)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.name]))
        // A newline inside a value (a status naming a mail's subject, say) cannot add a line of its own.
        #expect(notifier.send(["READY=1", "STATUS=3 waiting\nWATCHDOG=trigger"]))
        #expect(socket.receive(timeout: .seconds(5)) == "READY=1\nSTATUS=3 waiting WATCHDOG=trigger")
        #expect(notifier.reloading(status: "reloading"))
        let reload = lines(socket.receive(timeout: .seconds(5)) ?? "")
        #expect(reload.first == "RELOADING=1")
        let usec = reload.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }
        #expect((usec ?? 0) > 0)
    }

    @Test func noSocketListeningIsNotAnError() throws {
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@mailroom-test-nobody-\(UUID().uuidString.prefix(8))"]))
        #expect(notifier.send("READY=1") == false)
    }

    /// A pipeline whose workers show no life gets no watchdog pings (systemd then restarts the daemon), but the
    /// service still says READY=1 and STOPPING=1.
    @Test func aStalledPipelineGetsNoWatchdogPings() async throws {
        let socket = try NotifySocket(abstract: true)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.name, "WATCHDOG_USEC": "100000"]))
        let service = SystemdNotifyService(notifier: notifier, pulse: PipelinePulse(), stallLimit: .zero,
                                           statusInterval: .seconds(60), status: { "0 messages waiting" },
                                           logger: Logger(label: "test"))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service)], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        var seen: [String] = []
        #expect(socket.waitFor(timeout: .seconds(10), seen: &seen) { lines($0).contains("READY=1") } != nil)
        // Ten ping intervals pass; a stalled pipeline gets none, and the stall is said once.
        _ = socket.waitFor(timeout: .milliseconds(500), seen: &seen) { _ in false }
        await group.triggerGracefulShutdown()
        #expect(socket.waitFor(timeout: .seconds(10), seen: &seen) { lines($0).contains("STOPPING=1") } != nil)
        try await running.value
        #expect(!seen.contains { lines($0).contains("WATCHDOG=1") }, "\(seen)")
        #expect(seen.filter { $0.contains("pipeline stalled") }.count == 1, "\(seen)")
    }

    /// The daemon as systemd runs it: started with NOTIFY_SOCKET and WATCHDOG_USEC, it says READY=1 with its
    /// status, pings the watchdog, says RELOADING=1 … READY=1 around the reload a SIGHUP asks for, and
    /// STOPPING=1 on SIGTERM, then exits 0.
    @Test func theDaemonTellsSystemdReadyReloadingWatchdogAndStopping() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("systemd-notify")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        try scratch.write("""
            store: {path: state/mailroom.sqlite}
            spool: {path: state/spool}
            sources:
              maildir: [{name: inbox, path: Maildir, poll_seconds: 1}]
            rules: {path: rules, connectors: connectors}
            log: {level: info}
            """, to: "mailroom.yaml")
        // One kind, so that the rules folder can be used.
        try scratch.write("""
            kind: delivery
            description: Any mail with a subject.
            business: true
            fields: []
            matchers:
              - name: any subject
                when: {subject: '.'}
            """, to: "rules/kinds/delivery.yaml")
        for folder in ["connectors", "state"] {
            try FileManager.default.createDirectory(atPath: scratch.path(folder), withIntermediateDirectories: true)
        }
        let socket = try NotifySocket(abstract: true)
        let daemon = try MailroomProcess.start(["run", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                               environment: ["NOTIFY_SOCKET": socket.name, "WATCHDOG_USEC": "1000000"])
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        var seen: [String] = []
        let ready = socket.waitFor(timeout: .seconds(60), seen: &seen, alive: { daemon.process.isRunning }) { lines($0).contains("READY=1") }
        try #require(ready != nil, "no READY=1; got \(seen); stderr: \(daemon.stderr)")
        #expect(ready?.contains("STATUS=0 messages waiting, 0 for review, 0 dead letters") == true, "\(ready ?? "")")
        #expect(ready?.contains("MAINPID=\(daemon.process.processIdentifier)") == true)
        #expect(socket.waitFor(timeout: .seconds(30), seen: &seen) { lines($0).contains("WATCHDOG=1") } != nil, "\(seen)")

        daemon.signal(SIGHUP)
        let reloading = socket.waitFor(timeout: .seconds(30), seen: &seen) { lines($0).contains("RELOADING=1") }
        try #require(reloading != nil, "no RELOADING=1 after SIGHUP; got \(seen)")
        #expect(lines(reloading!).contains { $0.hasPrefix("MONOTONIC_USEC=") })
        let reloaded = socket.waitFor(timeout: .seconds(30), seen: &seen) { lines($0).contains("READY=1") }
        #expect(reloaded?.contains("loaded") == true, "\(seen)")

        daemon.signal(SIGTERM)
        #expect(socket.waitFor(timeout: .seconds(60), seen: &seen) { lines($0).contains("STOPPING=1") } != nil, "\(seen)")
        #expect(await daemon.waitForExit(timeout: .seconds(60)))
        #expect(daemon.process.terminationStatus == 0, "\(daemon.stderr)")
    }
}
