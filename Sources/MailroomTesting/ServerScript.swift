import Foundation

/// Runs one of the project's test-server scripts (`scripts/<name>`, e.g. `tryton-test-server.sh start DIR`).
///
/// - The test runner blocks signals (SIGCHLD among them) and children inherit the mask, so bash would never
///   notice its own children ending: python3 clears the mask and becomes bash.
/// - Output goes to a file, not a pipe: a server the script leaves running in the background inherits the
///   file, and a pipe's reader would never see its end. So `start` is over when its last line, "PID n", is
///   written; any other command when the script exits.
/// - Polled rather than `waitUntilExit`, which does not return under the test runner's signal mask.
/// - The script's stderr is kept too (and echoed to the test's stderr), so a failure can say why.
package enum ServerScript {
    package struct Result {
        package var status: Int32
        package var output: String
        package var errors: String
        /// Output and errors, for a failure message.
        package var both: String { errors.isEmpty ? output : output + (output.isEmpty ? "" : "\n") + errors }
    }

    package static func run(_ name: String, _ arguments: [String], environment extra: [String: String] = [:],
                    timeoutSeconds: Double = 900) -> Result {
        let script = Repository.path("scripts/\(name)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c",
                       "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execvp('bash', ['bash'] + sys.argv[1:])",
                       script] + arguments
        if !extra.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mr-script-\(UUID().uuidString)")
        let outFile = base.appendingPathExtension("out"), errFile = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
        guard let handle = try? FileHandle(forWritingTo: outFile), let errHandle = try? FileHandle(forWritingTo: errFile) else {
            return Result(status: -1, output: "", errors: "cannot write \(outFile.path)")
        }
        defer { try? handle.close(); try? errHandle.close() }
        p.standardOutput = handle
        p.standardError = errHandle
        p.standardInput = FileHandle.nullDevice
        func read(_ url: URL) -> String { String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        func finish(_ status: Int32, _ output: String) -> Result {
            let errors = read(errFile)
            if !errors.isEmpty { FileHandle.standardError.write(Data(errors.utf8)) }
            return Result(status: status, output: output, errors: errors)
        }
        do { try p.run() } catch { return Result(status: -1, output: "", errors: "cannot run \(script): \(error)") }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            let text = read(outFile)
            if arguments.first == "start", text.contains("PID "), text.hasSuffix("\n") { return finish(0, text) }
            if !p.isRunning { return finish(p.terminationStatus, text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        p.terminate()
        return finish(-1, "\(name) \(arguments.first ?? ""): timed out after \(Int(timeoutSeconds)) s")
    }

    /// The value of the first output line "NAME value".
    package static func value(_ name: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count + 1)) }
    }
}
