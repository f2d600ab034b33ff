import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import ServiceLifecycle
import Vocabulary

/// Tells systemd how the daemon is doing (`Type=notify` in deploy/mailroom.service): `READY=1` once the pipeline
/// and the sources run, `STATUS=` lines, `RELOADING=1` … `READY=1` around a rule reload, `STOPPING=1` at shutdown
/// and `WATCHDOG=1` pings.
///
/// The protocol is one datagram per notification, sent to the Unix socket named by `$NOTIFY_SOCKET` (a path, or
/// an abstract name when it starts with `@`). Nothing else is needed: no libsystemd. Without `NOTIFY_SOCKET`
/// (not started by systemd) there is no notifier and nothing is sent.
public struct SystemdNotifier: Sendable {
    /// The socket address as sent: `sun_path`'s bytes (a leading NUL for an abstract name) and the length.
    private let pathBytes: [UInt8]
    /// `$NOTIFY_SOCKET` as given, for the log.
    public let socketName: String
    /// Half of `$WATCHDOG_USEC` when the watchdog is on for this process (`WATCHDOG_PID` absent or ours).
    public let watchdogPingInterval: Duration?

    /// The notifier systemd asked for in `environment`, or nil (no `NOTIFY_SOCKET`, or one that is not a Unix
    /// socket name, such as `vsock:`, which the daemon does not speak).
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()) {
        guard let name = environment["NOTIFY_SOCKET"], name.count > 1 else { return nil }
        var bytes: [UInt8]
        if name.hasPrefix("@") {
            bytes = [0] + Array(name.utf8.dropFirst())
        } else if name.hasPrefix("/") {
            bytes = Array(name.utf8)
        } else {
            return nil
        }
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        guard bytes.count < capacity, !bytes.dropFirst().contains(0) else { return nil }
        pathBytes = bytes
        socketName = name
        watchdogPingInterval = Self.watchdogPing(environment: environment, pid: pid)
    }

    /// Half the watchdog timeout systemd set (`WatchdogSec=`), as sd_watchdog_enabled(3) advises.
    static func watchdogPing(environment: [String: String], pid: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
        return .microseconds(Int64(usec / 2))
    }

    /// Sends one notification (lines `KEY=value`); false when it could not be sent. Never blocks for long: the
    /// datagram is sent without waiting for room.
    @discardableResult
    public func send(_ assignments: [String]) -> Bool {
        let message = assignments.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in pathBytes.enumerated() { raw[i] = byte }
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
        // An abstract name is exactly its bytes; a path gets its terminating NUL.
        let length = socklen_t(pathOffset + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), $0, length)
                }
            }
        }
        return sent == bytes.count
    }

    @discardableResult public func send(_ assignment: String) -> Bool { send([assignment]) }

    /// `RELOADING=1` with `MONOTONIC_USEC`, as systemd wants it before a reload.
    @discardableResult
    public func reloading(status: String) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let usec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        return send(["RELOADING=1", "MONOTONIC_USEC=\(usec)", "STATUS=\(status)"])
    }
}

/// When the pipeline's workers last showed life: each time one looks for work (at least every `idlePoll`
/// while idle) and each time one finishes a message. A worker stuck in a stage stops the pulse.
public final class PipelinePulse: Sendable {
    private let last = LockedBox(ContinuousClock.now)
    public init() {}
    public func beat() { last.value = .now }
    public var age: Duration { .now - last.value }
}

/// Beside the pipeline when systemd started the daemon: sends `READY=1` when the service group is up, a
/// `STATUS=` line ("12 messages waiting, 0 dead letters") every `statusInterval`, `WATCHDOG=1` every half
/// `WatchdogSec` — but only while the pipeline's pulse is younger than `stallLimit`, so that systemd restarts
/// a daemon whose workers hang — and `STOPPING=1` when the graceful shutdown begins (it is the last service
/// of the group, so it hears of the shutdown first).
package struct SystemdNotifyService: Service {
    package let notifier: SystemdNotifier
    package let pulse: PipelinePulse
    /// How long the workers may show no life before the watchdog pings stop: a worker may spend the message
    /// budget's seconds in Parse and again in Understand, and then act.
    package let stallLimit: Duration
    package let statusInterval: Duration
    /// The STATUS line; nil when the store could not be read.
    package let status: @Sendable () async -> String?
    package let logger: Logger

    package func run() async throws {
        // Let the services started before this one begin their run().
        await Task.yield()
        let firstStatus = await status() ?? "running"
        notifier.send(["READY=1", "STATUS=\(firstStatus)", "MAINPID=\(getpid())"])
        logger.debug("told systemd READY=1 on \(notifier.socketName)")
        let stop = StopFlag()
        let bell = Doorbell()
        let tick = min(notifier.watchdogPingInterval ?? statusInterval, statusInterval)
        await withGracefulShutdownHandler {
            var lastStatus = ContinuousClock.now
            var stallReported = false
            while !stop.isSet {
                if notifier.watchdogPingInterval != nil {
                    if pulse.age < stallLimit {
                        notifier.send("WATCHDOG=1")
                        stallReported = false
                    } else if !stallReported {
                        stallReported = true
                        logger.critical("the pipeline's workers showed no life for \(pulse.age): no more watchdog pings, systemd will restart the daemon")
                        notifier.send("STATUS=pipeline stalled for \(Int(pulse.age.components.seconds)) s")
                    }
                }
                if ContinuousClock.now - lastStatus >= statusInterval, !stallReported {
                    lastStatus = .now
                    if let line = await status() { notifier.send("STATUS=\(line)") }
                }
                await bell.wait(timeout: tick, unless: stop)
            }
        } onGracefulShutdown: {
            notifier.send(["STOPPING=1", "STATUS=stopping: finishing the messages already started"])
            stop.set()
            bell.ring()
        }
    }
}
