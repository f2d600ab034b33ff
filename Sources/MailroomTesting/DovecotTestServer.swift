import Foundation
import Testing
import Ingest
import Daemon
import LibEtpan

/// A private Dovecot on 127.0.0.1, started and stopped through scripts/dovecot-test-server.sh, on two ports
/// allocated here (`FreePort`) and handed to the script; a start that finds a port taken is retried on fresh ones.
package final class DovecotTestServer: TestServer, @unchecked Sendable {
    package static let name = "Dovecot"
    package static let script = Repository.path("scripts/dovecot-test-server.sh")

    /// Dovecot comes from Debian (`make test` / deploy/install-deps.sh installs dovecot-imapd).
    package static func prepare() -> String? {
        TestServers.installed(["/usr/sbin/dovecot", "/usr/bin/dovecot"])
            ? nil : "Dovecot is not installed; run `bash deploy/install-deps.sh` (or `make test`) to install dovecot-imapd"
    }

    package private(set) var directory: String
    package private(set) var imapPort = 0
    package private(set) var imapsPort = 0
    package private(set) var password = ""
    package private(set) var certificateSHA256 = ""
    package private(set) var config = ""
    package var port: Int { imapPort }
    package var logFile: String? { directory + "/dovecot.log" }

    package init(label: String, password: String = "secret") throws {
        try Self.requireAvailable()
        func fresh() -> String {
            FileManager.default.temporaryDirectory.path + "/mailroom-dovecot-\(label)-\(UUID().uuidString.prefix(6))"
        }
        directory = fresh()
        try FreePort.withFreePorts(2) { ports in
            do {
                try Self.execute("/usr/bin/env", ["MAILROOM_TEST_IMAP_PORT=\(ports[0])", "MAILROOM_TEST_IMAPS_PORT=\(ports[1])",
                                                  "/bin/bash", Self.script, "start", directory, password])
            } catch {
                // The script keeps the ports of a failed start in DIR/server.env: try again in a new folder.
                let log = (try? String(contentsOfFile: directory + "/dovecot.log", encoding: .utf8)) ?? ""
                _ = try? run(["stop", directory])
                try? FileManager.default.removeItem(atPath: directory)
                directory = fresh()
                throw TestServerError(message: "\(error)\n\(log.suffix(2000))")
            }
        }
        try readEnvironment()
        TestServers.started(self)
    }

    package func stop() {
        _ = try? run(["stop", directory])
    }

    /// Stops the server for good (`stop()` alone may be followed by `start()`, as in the restart tests).
    package func stopAndRemove() {
        TestServers.stopped(self)
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    package func restart() throws {
        try run(["restart", directory])
    }

    package func start() throws {
        try run(["start", directory])
    }

    package var log: String { (try? String(contentsOfFile: directory + "/dovecot.log", encoding: .utf8)) ?? "" }

    /// `doveadm -c CONFIG ARGS…`, returning its output.
    @discardableResult
    package func doveadm(_ arguments: [String], input: Data? = nil) throws -> String {
        try Self.execute("/usr/bin/doveadm", ["-c", config] + arguments, input: input)
    }

    /// UIDs of the messages in a folder that carry a flag (e.g. "\\Seen", or a keyword).
    package func uids(of user: String, in folder: String, flagged flag: String? = nil) throws -> [Int] {
        var query = ["mailbox", folder]
        if let flag { query += ["KEYWORD", flag] }
        if flag == "\\Seen" { query = ["mailbox", folder, "SEEN"] }
        let out = try doveadm(["search", "-u", user] + query)
        return out.split(separator: "\n").compactMap { line in line.split(separator: " ").last.flatMap { Int($0) } }
    }

    /// Writes a mail into the user's INBOX Maildir `new/` as a delivery agent would (works while the server is
    /// down), owned like the rest of the mail store.
    package func dropIntoMaildir(user: String, _ data: Data) throws {
        let inbox = directory + "/mail/\(user)"
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: inbox + "/" + sub, withIntermediateDirectories: true)
        }
        var st = stat()
        stat(directory + "/mail", &st)
        let name = "\(Int(Date().timeIntervalSince1970)).M\(UInt32.random(in: 0...UInt32.max))P\(getpid()).test"
        let path = inbox + "/new/" + name
        try data.write(to: URL(fileURLWithPath: path))
        for p in [inbox, inbox + "/new", inbox + "/cur", inbox + "/tmp", path] { chown(p, st.st_uid, st.st_gid) }
    }

    /// An account setting pointing at this server.
    package func account(name: String = "office", user: String = "alice", tls: MailroomConfig.IMAPAccountSettings.TLSMode = .plaintext,
                 passwordEnv: String = "MAILROOM_TEST_IMAP_PASSWORD", folders: [String] = ["INBOX"],
                 onStored: MailroomConfig.IMAPAccountSettings.OnStored = .init(), pinned: Bool = false)
        -> MailroomConfig.IMAPAccountSettings {
        MailroomConfig.IMAPAccountSettings(
            name: name, host: "127.0.0.1", port: tls == .implicit ? imapsPort : imapPort, tls: tls,
            allowPlaintext: tls == .plaintext, user: user, passwordEnv: passwordEnv, folders: folders,
            onStored: onStored, pinnedSHA256: pinned ? certificateSHA256 : nil, pollSeconds: 2, keepaliveSeconds: 60,
            timeoutSeconds: 10, reconnectMaxSeconds: 1, authRetrySeconds: 600, fetchChunkBytes: 1 << 20)
    }

    package var environment: [String: String] { ["MAILROOM_TEST_IMAP_PASSWORD": password] }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        try Self.execute("/bin/bash", [Self.script] + arguments)
    }

    private func readEnvironment() throws {
        let text = try String(contentsOfFile: directory + "/server.env", encoding: .utf8)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "IMAP_PORT": imapPort = Int(parts[1]) ?? 0
            case "IMAPS_PORT": imapsPort = Int(parts[1]) ?? 0
            case "PASSWORD": password = parts[1]
            case "CERT_SHA256": certificateSHA256 = parts[1]
            case "CONFIG": config = parts[1]
            default: break
            }
        }
    }

    /// Runs a program to its end with posix_spawn + waitpid (Foundation's `Process.waitUntilExit` can miss the
    /// exit of a short-lived child on Linux and wait forever); output goes through temporary files.
    package static func execute(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> String {
        let base = FileManager.default.temporaryDirectory.path + "/mailroom-exec-\(UUID().uuidString.prefix(8))"
        let inPath = base + ".in", outPath = base + ".out", errPath = base + ".err"
        FileManager.default.createFile(atPath: inPath, contents: input ?? Data())
        defer { for p in [inPath, outPath, errPath] { unlink(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw TestServerError(message: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw TestServerError(message: "\(executable) \(arguments.joined(separator: " ")) exited \(code): \(errors)\(output)")
        }
        return output
    }
}


/// Delivers mail into the test server over one IMAP connection (APPEND), as another mail client or an
/// MTA would; keeps its connection on its own thread.
package final class IMAPTestDelivery: @unchecked Sendable {
    private let account: MailroomConfig.IMAPAccountSettings
    private let environment: [String: String]
    private var session: IMAPSession?

    package init(server: DovecotTestServer, user: String = "alice") {
        account = server.account(user: user)
        environment = server.environment
    }

    /// Appends one mail; returns when the server confirmed it.
    package func append(_ data: Data, to folder: String = "INBOX") throws {
        if session == nil { session = try IMAPLogin(account: account, environment: environment).open() }
        do {
            _ = try session!.append(data, to: folder, flags: [])
        } catch {
            session = nil
            throw error
        }
    }

    package func close() {
        session?.logout()
        session = nil
    }
}

/// A raw mail with CRLF line ends, unique by `n` and `tag`, optionally padded to about `size` bytes.
package enum IMAPSampleMail {
    package static func data(_ n: Int, tag: String, size: Int = 0) -> Data {
        var text = SampleMail.text(n, subject: "IMAP \(tag) \(n)").replacingOccurrences(of: "Message-ID: <sample-\(n)@example.com>", with: "Message-ID: <imap-\(tag)-\(n)@example.com>")
        if size > text.utf8.count {
            let line = String(repeating: "0123456789abcdef", count: 4) + "\n"
            var padding = ""
            while text.utf8.count + padding.utf8.count < size { padding += line }
            text += padding
        }
        return Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
package func eventually(timeout: Duration, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}

/// Percentile of sorted-or-not values (nearest rank).
package func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[max(0, min(sorted.count - 1, rank))]
}
