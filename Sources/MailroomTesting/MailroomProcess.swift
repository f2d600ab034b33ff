import Foundation
import Testing

/// The built `mailroom` executable, run as a real process (as an operator or systemd would): the one daemon-process
/// fixture every test that runs the CLI or the daemon uses.
package struct MailroomProcess {
    package static let root = Repository.root
    package static let binary = root.appendingPathComponent(".build/debug/mailroom").path

    package static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    package let process: Process
    package let stdoutPath: String
    package let stderrPath: String

    /// Starts `mailroom ARGS` in `directory`; output goes to files beside it. `program` runs another program
    /// in the same way (`script`, to give mailroom a terminal).
    package static func start(_ arguments: [String], in directory: String, label: String = "run",
                      environment extra: [String: String] = [:], program: String = binary) throws -> MailroomProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "MAILROOM_CONFIG")
        environment.removeValue(forKey: "MAILROOM_FAILPOINT")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = directory + "/\(label).\(UUID().uuidString.prefix(6)).stdout"
        let err = directory + "/\(label).\(UUID().uuidString.prefix(6)).stderr"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return MailroomProcess(process: process, stdoutPath: out, stderrPath: err)
    }

    /// Runs to the end (or kills it after `timeout`) and returns exit status and output.
    package static func run(_ arguments: [String], in directory: String, timeout: Duration = .seconds(300),
                    environment: [String: String] = [:], program: String = binary) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        let p = try start(arguments, in: directory, label: arguments.first ?? "cmd", environment: environment, program: program)
        let exited = await p.waitForExit(timeout: timeout)
        if !exited {
            p.signal(SIGKILL)
            _ = await p.waitForExit(timeout: .seconds(10))
            Issue.record("mailroom \(arguments.joined(separator: " ")) did not finish in \(timeout)")
        }
        return (p.process.terminationStatus, p.stdout, p.stderr)
    }

    package var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    package var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    package func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// True when the process ended within `timeout`.
    package func waitForExit(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Sends `signal` as soon as `condition` holds. The watching runs on its own thread, not on the
    /// cooperative pool, which other tests running in parallel may keep busy for seconds: the daemon would
    /// be long done before a starved task looked. Returns false (sending nothing) after `timeout` or when
    /// the process ended first.
    package func signal(_ signal: Int32, timeout: Duration, when condition: @escaping @Sendable () -> Bool) async -> Bool {
        let pid = process.processIdentifier
        let process = self.process
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let deadline = ContinuousClock.now + timeout
                while !condition() {
                    if ContinuousClock.now > deadline || !process.isRunning {
                        continuation.resume(returning: false)
                        return
                    }
                    usleep(1000)
                }
                kill(pid, signal)
                continuation.resume(returning: true)
            }
            thread.start()
        }
    }
}
