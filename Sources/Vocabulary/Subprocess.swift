import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Mailroom runs another program: PDF helpers on untrusted documents (Parse), the `exec`
/// connector's programs (Act), an IMAP account's token command (Ingest).
///
/// - The program gets its arguments as an array; no shell parses them (a caller that wants a shell, such as
///   the operator's `token_command`, names `/bin/sh -c` itself).
/// - It starts with `posix_spawn` in a process group of its own, with an empty signal mask and default
///   handlers (the daemon blocks signals its children must not inherit), the given environment only, and
///   stdin, stdout and stderr through files in a private folder (mode 0700) that is removed afterwards.
/// - Limits: wall-clock seconds (then the whole group is killed), address space, CPU seconds and, when
///   given, the largest file it may write — through util-linux `prlimit`, or `ulimit` in `/bin/sh` where
///   `prlimit` is missing (the program and its arguments are passed as positional parameters, never spliced
///   into the script). Whatever the program left running in its group is killed when it ends.
/// - At most `keptOutputBytes` of stdout and `keptErrorBytes` of stderr are read back.
///
/// It blocks the calling thread: call it from `BlockingIO.run` or a dedicated thread, never on the
/// cooperative pool.
public struct Subprocess: Sendable {
    public struct Limits: Sendable, Hashable {
        public var seconds: Double
        /// Address space (RLIMIT_AS), in bytes.
        public var memoryBytes: Int
        /// The largest file the program may write (RLIMIT_FSIZE), stdout included; nil for no limit.
        public var fileSizeBytes: Int?

        public init(seconds: Double, memoryBytes: Int, fileSizeBytes: Int? = nil) {
            self.seconds = seconds
            self.memoryBytes = memoryBytes
            self.fileSizeBytes = fileSizeBytes
        }
    }

    public struct Outcome: Sendable {
        /// The exit status, or the signal number when `signalled` is true.
        public var status: Int32
        public var signalled: Bool
        public var timedOut: Bool
        public var stdout: Data
        /// Stdout was longer than what was kept and was cut there.
        public var stdoutTruncated: Bool
        public var stderr: String

        public var succeeded: Bool { !timedOut && !signalled && status == 0 }

        /// "timed out", "ended by signal 9", "exit status 2".
        public var summary: String {
            if timedOut { return "timed out" }
            return signalled ? "ended by signal \(status)" : "exit status \(status)"
        }
    }

    public enum LaunchError: Error, Sendable, CustomStringConvertible {
        case notInstalled(program: String)
        case couldNotStart(program: String, reason: String)

        public var description: String {
            switch self {
            case .notInstalled(let program): return "\(program) is not installed (not found on PATH)"
            case .couldNotStart(let program, let reason): return "\(program) could not be started: \(reason)"
            }
        }
    }

    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]
    /// Where the program runs; nil for its private folder.
    public var workingDirectory: String?
    public var limits: Limits
    public var keptOutputBytes: Int
    public var keptErrorBytes: Int

    /// `program` is an absolute path or a name looked up on PATH.
    public init(_ program: String, arguments: [String], environment: [String: String], workingDirectory: String? = nil,
                limits: Limits, keptOutputBytes: Int = 16 * 1024, keptErrorBytes: Int = 4096) {
        self.executable = program
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.limits = limits
        self.keptOutputBytes = keptOutputBytes
        self.keptErrorBytes = keptErrorBytes
    }

    /// The full path of an executable found on PATH (or the path itself when it contains a slash).
    public static func locate(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let fm = FileManager.default
        if program.contains("/") { return fm.isExecutableFile(atPath: program) ? program : nil }
        let directories = (path ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + program
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// "20 s", "0.25 s".
    public static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : String(format: "%.2f s", s)
    }

    /// At most `maxBytes` of a file, and whether there was more.
    public static func readPrefix(of url: URL, maxBytes: Int) -> (Data, Bool) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return (Data(), false) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        if data.count > maxBytes { return (data.prefix(maxBytes), true) }
        return (data, false)
    }

    /// Runs the program to its end (or its time limit) with `input` on stdin.
    public func run(input: Data = Data()) throws(LaunchError) -> Outcome {
        let name = (executable as NSString).lastPathComponent
        guard let path = Subprocess.locate(executable) else { throw .notInstalled(program: name) }
        let scratch: String
        do {
            scratch = try Subprocess.privateFolder()
        } catch {
            throw .couldNotStart(program: name, reason: "cannot create a private folder for its output: \(error)")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let inPath = scratch + "/stdin", outPath = scratch + "/stdout", errPath = scratch + "/stderr"
        guard FileManager.default.createFile(atPath: inPath, contents: input, attributes: [.posixPermissions: 0o600]) else {
            throw .couldNotStart(program: name, reason: "cannot write its input to \(scratch)")
        }

        let seconds = max(0.001, limits.seconds)
        let cpuSeconds = max(1, Int(seconds.rounded(.up)) + 1)
        var argv = [path] + arguments
        var launched = path
        if let prlimit = Subprocess.locate("prlimit") {
            var limitFlags = ["--as=\(limits.memoryBytes)", "--cpu=\(cpuSeconds)", "--core=0"]
            if let fsize = limits.fileSizeBytes { limitFlags.append("--fsize=\(fsize)") }
            argv = [prlimit] + limitFlags + ["--"] + argv
            launched = prlimit
        } else {
            var script = "ulimit -v \(max(1, limits.memoryBytes / 1024)) -t \(cpuSeconds) -c 0"
            if let fsize = limits.fileSizeBytes { script += " -f \(max(1, fsize / 512))" }
            argv = ["/bin/sh", "-c", script + " && exec \"$@\"", "mailroom-limited"] + argv
            launched = "/bin/sh"
        }
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift's Glibc module; look it up.
        guard let addChdir = Subprocess.addChdir else {
            throw .couldNotStart(program: name, reason: "this C library cannot set a program's working folder (posix_spawn_file_actions_addchdir_np)")
        }
        _ = addChdir(&actions, workingDirectory ?? scratch)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD, SIGXFSZ, SIGXCPU] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, launched, &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else {
            throw .couldNotStart(program: name, reason: String(cString: strerror(rc)))
        }
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let w = waitpid(pid, &status, WNOHANG)
            if w == pid { break }
            if w < 0, errno != EINTR { break }
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                break
            }
            usleep(2000)
        }
        // Whatever the program left running in its group (a background child) does not outlive it.
        kill(-pid, SIGKILL)
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        let code = signalled ? status & 0x7f : (status >> 8) & 0xff
        let (stdout, truncated) = Subprocess.readPrefix(of: URL(fileURLWithPath: outPath), maxBytes: keptOutputBytes)
        let (stderr, _) = Subprocess.readPrefix(of: URL(fileURLWithPath: errPath), maxBytes: keptErrorBytes)
        return Outcome(status: code, signalled: signalled, timedOut: timedOut, stdout: stdout, stdoutTruncated: truncated,
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A new folder of mode 0700 under the temporary folder.
    public static func privateFolder(prefix: String = "mailroom-run-") throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array((prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create a private folder in \(base): \(String(cString: strerror(errno)))"])
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()
}
