import Foundation
import Vocabulary
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a helper program (pdftotext, pdfdetach) on untrusted input through `Subprocess`, with a wall-clock
/// limit, a memory limit and a cap on the size of files it writes, in a minimal environment inside the
/// document's private folder; explains a failure in words an operator can act on.
package enum LimitedSubprocess {
    package typealias Outcome = Subprocess.Outcome

    package struct Limits {
        package var seconds: Double
        package var memoryBytes: Int
        /// Largest file the program may write (RLIMIT_FSIZE); also the most stdout Mailroom reads.
        package var outputBytes: Int

        package init(seconds: Double, memoryBytes: Int, outputBytes: Int) {
            self.seconds = seconds
            self.memoryBytes = memoryBytes
            self.outputBytes = outputBytes
        }
    }

    package static func locate(_ program: String) -> String? { Subprocess.locate(program) }

    package static func seconds(_ s: Double) -> String { Subprocess.seconds(s) }

    package static func readPrefix(of url: URL, maxBytes: Int) -> (Data, Bool) { Subprocess.readPrefix(of: url, maxBytes: maxBytes) }

    /// Runs `program` with `arguments` inside `workDirectory` (which must exist and be private).
    package static func run(_ program: String, arguments: [String], workDirectory: URL,
                            limits: Limits) throws(Subprocess.LaunchError) -> Outcome {
        let run = Subprocess(program, arguments: arguments,
                             environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": workDirectory.path],
                             workingDirectory: workDirectory.path,
                             limits: Subprocess.Limits(seconds: limits.seconds, memoryBytes: limits.memoryBytes,
                                                       fileSizeBytes: limits.outputBytes),
                             keptOutputBytes: limits.outputBytes)
        do {
            return try run.run()
        } catch .notInstalled(let name) {
            throw .notInstalled(program: name + " (install poppler-utils: deploy/install-deps.sh)")
        } catch {
            throw error
        }
    }
}

extension Subprocess.Outcome {
    /// Why a helper failed, for a warning ("was killed after 20 s", "ran out of memory (limit 1024 MiB)").
    package func failure(program: String, limits: LimitedSubprocess.Limits) -> String {
        if timedOut {
            return "\(program) did not finish within \(Subprocess.seconds(limits.seconds)) and was stopped"
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

/// A private scratch folder (mode 0700) for one document, removed with everything in it afterwards.
package struct ScratchFolder {
    package let url: URL

    package init() throws {
        url = URL(fileURLWithPath: try Subprocess.privateFolder(prefix: "mailroom-doc-"), isDirectory: true)
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
