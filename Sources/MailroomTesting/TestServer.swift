import Foundation
import Testing

/// The repository checkout, found from this file's place (Sources/MailroomTesting/TestServer.swift).
package enum Repository {
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    package static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Every real server a test starts (Dovecot, trytond, Redmine, the SMTP sink, the local HTTP server, the fake
/// OpenAI server, the legacy web app) has this one shape:
///
/// - `prepare()`: install what the server needs, once per test process (`TestServers.prepared` caches it).
/// - start: the conformer's initialiser. It first calls `Self.requireAvailable()`, then starts the server on a port
///   that is never guessed (`FreePort`): either the server binds port 0 and says which port it got, or a free
///   port is allocated here and the start is retried with a fresh one on "Address already in use".
/// - `port`, `stop()`, and `logFile`, whose tail is attached to a failing test: a server calls
///   `TestServers.started(self)` once up and `TestServers.stopped(self)` in `stop()`, and suites that start servers
///   carry the `.serverLogsOnFailure` trait.
///
/// The one skip rule: when a server's *software* cannot be installed or prepared on this machine, every test
/// that needs it is **skipped** (cancelled) with a one-line reason, and the same line goes to stderr once. When
/// the software is there but the server does not start, or misbehaves, that is a test **failure**, with the tail
/// of the server's log attached.
package protocol TestServer: AnyObject, Sendable {
    /// What the server is, for messages ("Dovecot", "trytond", …).
    static var name: String { get }
    /// Installs or checks what the server needs; nil when ready, otherwise why not (one line).
    static func prepare() -> String?
    /// The port it listens on, on 127.0.0.1.
    var port: Int { get }
    /// The server's log file, if it writes one.
    var logFile: String? { get }
    /// Stops the server (idempotent); deinit calls it too.
    func stop()
}

extension TestServer {
    /// Why the server cannot run here (cached per process), nil when it can.
    package static var unavailableReason: String? { TestServers.prepared(Self.self) }
    package static var isAvailable: Bool { unavailableReason == nil }

    /// The skip rule: cancels (skips) the current test with a one-line reason when the server's software is not
    /// available here. Outside a running test, throws instead.
    package static func requireAvailable() throws {
        guard let reason = unavailableReason else { return }
        let line = "\(name) is not available here, test skipped: \(reason)"
        if Test.current != nil { try Test.cancel(Comment(rawValue: line)) }
        throw TestServerError(message: line)
    }

    /// The last `lines` lines of the server's log.
    package func logTail(_ lines: Int = 40) -> String {
        guard let logFile, let text = try? String(contentsOfFile: logFile, encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

extension Trait where Self == IssueHandlingTrait {
    /// On a test's first failure, the tail of the log of every server that test started (and has not stopped) is
    /// attached to the test and written to stderr. Put it on every suite that starts a `TestServer`.
    package static var serverLogsOnFailure: Self {
        .compactMapIssues { issue in
            if issue.isFailure { TestServers.reportLogs() }
            return issue
        }
    }
}

/// The per-process cache of `prepare()` results and the one place that announces an unavailable server; the
/// servers running for each test, whose logs a failure reports.
package enum TestServers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var results: [String: String?] = [:]

    /// A server a test started. Its log tail is kept when it stops, because a test that throws has stopped its
    /// servers (and maybe removed their folders) in `defer` before the failure is recorded.
    private struct Started {
        weak var server: (any TestServer)?
        var name: String
        var port: Int
        var logFile: String?
        var test: Test.ID?
        var tailAtStop: String?
        var reported = false
    }
    nonisolated(unsafe) private static var servers: [ObjectIdentifier: Started] = [:]

    /// Called by each server once it started.
    package static func started(_ server: any TestServer) {
        let test = Test.current?.id
        lock.lock(); defer { lock.unlock() }
        servers = servers.filter { $0.value.test == test }   // the earlier tests' servers are of no more use
        servers[ObjectIdentifier(server)] = Started(server: server, name: type(of: server).name, port: server.port,
                                                    logFile: server.logFile, test: test)
    }

    /// Called by each server's `stop()` (before it removes its folder).
    package static func stopped(_ server: any TestServer) {
        let tail = server.logTail()
        lock.lock(); defer { lock.unlock() }
        guard servers[ObjectIdentifier(server)] != nil, servers[ObjectIdentifier(server)]?.tailAtStop == nil else { return }
        servers[ObjectIdentifier(server)]?.tailAtStop = tail
    }

    /// Attaches (and prints) the log tail of each server the current test started, once per server.
    package static func reportLogs() {
        let test = Test.current?.id
        lock.lock()
        var tails: [(name: String, port: Int, logFile: String?, tail: String)] = []
        for (key, entry) in servers where entry.test == test && !entry.reported {
            guard let tail = entry.server?.logTail() ?? entry.tailAtStop else { continue }
            tails.append((entry.name, entry.port, entry.logFile, tail))
            servers[key]?.reported = true
        }
        lock.unlock()
        for (name, port, logFile, tail) in tails where !tail.isEmpty {
            FileHandle.standardError.write(Data("---- \(name) on port \(port): the last lines of \(logFile ?? "its log") ----\n\(tail)\n----\n".utf8))
            if Test.current != nil { Attachment.record(tail, named: "\(name)-log-tail.txt") }
        }
    }

    package static func prepared<S: TestServer>(_ server: S.Type) -> String? {
        let key = String(reflecting: server)
        lock.lock()
        if let known = results[key] { lock.unlock(); return known }
        lock.unlock()
        // Preparing may take minutes (installing packages); two tests asking at once prepare twice, which the
        // scripts allow (they take a lock of their own).
        let reason = S.prepare().map { oneLine($0) }
        lock.lock()
        let first = results[key] == nil
        results[key] = .some(reason)
        lock.unlock()
        if first, let reason {
            FileHandle.standardError.write(Data("""

                !!! TEST SERVER UNAVAILABLE: \(S.name): \(reason)
                !!! The tests that need \(S.name) are skipped in this run (`make test` installs what they need).

                """.utf8))
        }
        return reason
    }

    package static func oneLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let line = lines.suffix(3).joined(separator: " | ")
        return line.count > 300 ? "…" + String(line.suffix(300)) : line
    }

    /// True when an executable exists at one of `paths`.
    package static func installed(_ paths: [String]) -> Bool {
        paths.contains { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A test server that would not start.
package struct TestServerError: Error, CustomStringConvertible {
    package var message: String

    package init(message: String) {
        self.message = message
    }
    package var description: String { message }
}

/// Ports are never guessed: either the server binds port 0 itself and says which port it got, or `FreePort`
/// asks the kernel for one (bind port 0, read it, close) and `withFreePorts` retries the start with fresh ports
/// when the port was taken in between ("Address already in use").
package enum FreePort {
    /// A port nothing listens on right now, from the kernel (bind 127.0.0.1:0, getsockname, close).
    package static func allocate() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError(message: "socket(): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestServerError(message: "bind(127.0.0.1:0): \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw TestServerError(message: "getsockname(): \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when something accepts a TCP connection on 127.0.0.1:port.
    package static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// `count` distinct free ports.
    package static func allocate(_ count: Int) throws -> [Int] {
        var ports: [Int] = []
        while ports.count < count {
            let port = try allocate()
            if !ports.contains(port) { ports.append(port) }
        }
        return ports
    }

    /// Starts a server on `count` freshly allocated ports; when the start fails because a port was taken in
    /// the meantime ("Address already in use" in the error), tries again with fresh ports, up to `attempts` times.
    package static func withFreePorts<T>(_ count: Int = 1, attempts: Int = 4, _ start: ([Int]) throws -> T) throws -> T {
        var attempt = 1
        while true {
            let ports = try allocate(count)
            do {
                return try start(ports)
            } catch {
                let text = String(describing: error).lowercased()
                guard attempt < attempts, text.contains("address already in use") || text.contains("eaddrinuse") else { throw error }
                attempt += 1
            }
        }
    }
}
