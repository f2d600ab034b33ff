import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a helper program (pdftotext, pdfdetach) on untrusted input with a wall-clock limit, a memory limit
/// and a cap on the size of files it writes. The program gets its arguments as an array (no shell parses
/// them), a minimal environment, and stdout/stderr redirected to files in a private folder.
///
/// Limits are set with util-linux `prlimit`, which sets them on itself and then execs the program; where
/// `prlimit` is missing, `/bin/sh -c 'ulimit -v …; exec "$@"'` does the same for memory and CPU time (the
/// program and its arguments are passed as positional parameters, never spliced into the script).
package struct LimitedSubprocess {
    package struct Outcome {
        /// The exit status, or the signal number when `signal` is true.
        package var status: Int32
        package var signalled: Bool
        package var timedOut: Bool
        package var stdout: Data
        package var stderr: String
        /// Stdout was longer than `maxOutputBytes` and was cut there.
        package var stdoutTruncated: Bool

        package var succeeded: Bool { !timedOut && !signalled && status == 0 }

        /// Why the program failed, for a warning ("was killed after 20 s", "ran out of memory (limit 1024 MiB)").
        package func failure(program: String, limits: Limits) -> String {
            if timedOut {
                return "\(program) did not finish within \(LimitedSubprocess.seconds(limits.seconds)) and was stopped"
            }
            let detail = stderr.split(whereSeparator: \.isNewline).prefix(2).joined(separator: "; ")
            let said = detail.isEmpty ? "" : ": \(detail)"
            if signalled {
                switch status {
                case SIGXFSZ: return "\(program) wrote more than the allowed \(limits.outputBytes) bytes and was stopped"
                case SIGXCPU: return "\(program) used more than its CPU time limit and was stopped"
                case SIGKILL, SIGSEGV, SIGABRT, SIGBUS:
                    // A memory limit shows as a failed allocation (abort, segfault) or a kill.
                    return "\(program) crashed (signal \(status)); the document may be damaged or need more than the memory limit of \(limits.memoryBytes >> 20) MiB\(said)"
                default: return "\(program) was ended by signal \(status)\(said)"
                }
            }
            return "\(program) failed (exit status \(status))\(said)"
        }
    }

    package struct Limits {
        package var seconds: Double
        package var memoryBytes: Int
        /// Largest file the program may write (RLIMIT_FSIZE); also the most stdout Mailroom reads.
        package var outputBytes: Int
    }

    package enum LaunchError: Error, CustomStringConvertible {
        case notInstalled(program: String)
        case couldNotStart(program: String, reason: String)

        package var description: String {
            switch self {
            case .notInstalled(let program):
                return "\(program) is not installed; install poppler-utils (deploy/install-deps.sh) so PDF text can be read"
            case .couldNotStart(let program, let reason):
                return "\(program) could not be started: \(reason)"
            }
        }
    }

    /// The full path of an executable found on PATH (or the path itself when it contains a slash).
    package static func locate(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let fm = FileManager.default
        if program.contains("/") { return fm.isExecutableFile(atPath: program) ? program : nil }
        let directories = (path ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + program
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    package static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : String(format: "%.2f s", s)
    }

    /// Runs `program` with `arguments` inside `workDirectory` (which must exist and be private).
    package static func run(_ program: String, arguments: [String], workDirectory: URL, limits: Limits) throws(LaunchError) -> Outcome {
        guard let executable = locate(program) else { throw .notInstalled(program: program) }
        let name = (program as NSString).lastPathComponent

        let process = Process()
        let seconds = max(0.001, limits.seconds)
        let cpuSeconds = max(1, Int(seconds.rounded(.up)) + 1)
        if let prlimit = locate("prlimit") {
            process.executableURL = URL(fileURLWithPath: prlimit)
            process.arguments = ["--as=\(limits.memoryBytes)", "--fsize=\(limits.outputBytes)", "--cpu=\(cpuSeconds)",
                                 "--core=0", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(max(1, limits.memoryBytes / 1024)) -t \(cpuSeconds) -c 0 && exec \"$@\"",
                                 "mailroom-limited", executable] + arguments
        }
        process.currentDirectoryURL = workDirectory
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                               "HOME": workDirectory.path]

        let stdoutURL = workDirectory.appendingPathComponent(".stdout")
        let stderrURL = workDirectory.appendingPathComponent(".stderr")
        guard FileManager.default.createFile(atPath: stdoutURL.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              FileManager.default.createFile(atPath: stderrURL.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let stdoutHandle = try? FileHandle(forWritingTo: stdoutURL),
              let stderrHandle = try? FileHandle(forWritingTo: stderrURL) else {
            throw .couldNotStart(program: name, reason: "cannot create its output files in \(workDirectory.path)")
        }
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .couldNotStart(program: name, reason: "\(error)")
        }
        var timedOut = false
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            if finished.wait(timeout: .now() + 10) == .timedOut {
                // The kernel did not reap it in 10 s (should not happen); do not wait any longer.
                return Outcome(status: SIGKILL, signalled: true, timedOut: true, stdout: Data(), stderr: "",
                               stdoutTruncated: false)
            }
        }
        let signalled = process.terminationReason == .uncaughtSignal
        let (stdout, truncated) = readPrefix(of: stdoutURL, maxBytes: limits.outputBytes)
        let (stderrData, _) = readPrefix(of: stderrURL, maxBytes: 4096)
        return Outcome(status: process.terminationStatus, signalled: signalled, timedOut: timedOut,
                       stdout: stdout, stderr: String(decoding: stderrData, as: UTF8.self), stdoutTruncated: truncated)
    }

    /// At most `maxBytes` of a file, and whether there was more.
    package static func readPrefix(of url: URL, maxBytes: Int) -> (Data, Bool) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return (Data(), false) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        if data.count > maxBytes { return (data.prefix(maxBytes), true) }
        return (data, false)
    }
}

/// A private scratch folder (mode 0700) for one document, removed with everything in it afterwards.
package struct ScratchFolder {
    package let url: URL

    package init() throws {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("mailroom-doc-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create a private folder in \(base): \(String(cString: strerror(errno)))"])
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Writes bytes to a new file (mode 0600) in the folder under a name Mailroom chose.
    package func write(_ data: Data, named name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(file.path)"])
        }
        return file
    }

    package func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
