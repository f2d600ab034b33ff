import Foundation

/// Runs one of the project's test-server scripts (`scripts/<name>`, e.g. `tryton-test-server.sh start DIR`).
///
/// - The test runner blocks signals (SIGCHLD among them) and children inherit the mask, so bash would never
///   notice its own children ending: python3 clears the mask and becomes bash.
/// - Output goes to a file, not a pipe: a server the script leaves running in the background inherits the
///   file, and a pipe's reader would never see its end. So `start` is over when its last line, "PID n", is
///   written; any other command when the script exits.
/// - Polled rather than `waitUntilExit`, which does not return under the test runner's signal mask.
enum ServerScript {
    static func run(_ name: String, _ arguments: [String], timeoutSeconds: Double = 900) -> (status: Int32, output: String) {
        let script = LocalHTTPServer.root.appendingPathComponent("scripts/\(name)").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c",
                       "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execvp('bash', ['bash'] + sys.argv[1:])",
                       script] + arguments
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("mr-script-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile) }
        guard let handle = try? FileHandle(forWritingTo: outFile) else { return (-1, "cannot write \(outFile.path)") }
        defer { try? handle.close() }
        p.standardOutput = handle
        p.standardError = FileHandle.standardError
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "cannot run \(script): \(error)") }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            let text = String(decoding: (try? Data(contentsOf: outFile)) ?? Data(), as: UTF8.self)
            if arguments.first == "start", text.contains("PID "), text.hasSuffix("\n") { return (0, text) }
            if !p.isRunning { return (p.terminationStatus, text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        p.terminate()
        return (-1, "\(name) \(arguments.first ?? ""): timed out after \(Int(timeoutSeconds)) s")
    }
}
