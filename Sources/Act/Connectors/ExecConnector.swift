import Foundation
import Vocabulary
import Parse
import Decide
#if canImport(Glibc)
import Glibc
#endif

/// `type: exec` — runs a program for systems that are reached by a script.
///
/// Connector file keys: `program` (required, absolute path; no shell is ever involved), `arguments` (list;
/// `{key}`, `{date}` are filled in), `environment` (mapping: the program's whole environment — nothing of the
/// daemon's is passed on, except the names listed in `pass_environment`), `working_directory` (default: a
/// fresh private folder per run, removed afterwards), `timeout_seconds` (default 60; then the program's whole
/// process group is killed), `memory_mb` (default 1024, through util-linux `prlimit` where installed; also a
/// CPU-time limit of the timeout), `retry_exit_codes` (default [75], EX_TEMPFAIL: retried with backoff; any
/// other non-zero status is a dead letter), `check` (optional program, see below), `journal` (the run
/// journal file; default `<store folder>/exec-journal/<connector>.jsonl`).
///
/// Action `run`: `input` (any JSON: what the program needs, rendered from templates by Decide) and an optional
/// `arguments` list appended to the connector's after `--` (they may carry values from a mail, which must never
/// be taken for options). The program gets the whole action as JSON on standard input (`idempotency_key`, `connector`,
/// `action`, `rule`, `attempt`, `parameters`, `message` with id, source, location, subject, from, message-id,
/// kind). Its exit status, standard output (JSON when it is JSON, else trimmed text) and standard error
/// (trimmed) are the result the audit keeps.
///
/// Exactly-once for a program that cannot tell: the run journal records "started <key>" (fsync) before the
/// program is started and "finished <key> <status>" after. After a crash in between, the action is not run
/// again blindly: with a `check` program (given the key as its only argument and the action on stdin; exit 0
/// = it was done, its output is the result; exit 1 = it was not done, run it; anything else = cannot tell
/// yet, retried later) its answer decides; without one the action becomes a dead letter saying that the
/// program may have run — an operator checks, then `mailroom outbox retry ID` (runs it again) or
/// `mailroom outbox drop ID`. A retry asked for by an operator starts at attempt 1, which is how the connector
/// knows to run again.
public struct ExecConnector: Connector {
    public let name: String
    public var type: String { "exec" }
    public let program: String
    public let arguments: [String]
    public let environment: [String: String]
    public let workingDirectory: String?
    public let timeoutSeconds: Double
    public let memoryBytes: Int
    public let retryExitCodes: Set<Int32>
    public let check: String?
    public let journal: URL?

    public var actions: [ConnectorActionSpec] {
        [ConnectorActionSpec(name: "run", requiredParameters: [], optionalParameters: ["input", "arguments"],
                             summary: "run the program with the action as JSON on standard input (no shell, timeout, clean environment)")]
    }

    public init(name: String, program: String, arguments: [String] = [], environment: [String: String] = [:],
                workingDirectory: String? = nil, timeoutSeconds: Double = 60, memoryBytes: Int = 1 << 30,
                retryExitCodes: Set<Int32> = [75], check: String? = nil, journal: URL?) {
        self.name = name
        self.program = program
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeoutSeconds = timeoutSeconds
        self.memoryBytes = memoryBytes
        self.retryExitCodes = retryExitCodes
        self.check = check
        self.journal = journal
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> ExecConnector? {
        let program = reader.requiredString("program", example: "/usr/local/bin/import-order")
        let arguments = reader.stringList("arguments") ?? []
        var environment: [String: String] = [:]
        for (k, v) in reader.stringMap("environment") { environment[k] = v }
        for variable in reader.stringList("pass_environment") ?? [] {
            if let value = reader.environment[variable] { environment[variable] = value }
        }
        let working = reader.string("working_directory").map { reader.path(relativeToConnectorFile: $0).path }
        let timeout = reader.number("timeout_seconds", default: 60, range: 0.1...86400)
        let memory = reader.number("memory_mb", default: 1024, range: 16...1_048_576)
        var retry: Set<Int32> = [75]
        if let codes = reader.stringList("retry_exit_codes") {
            retry = Set(codes.compactMap { Int32($0) })
            if retry.count != codes.count { reader.problem(reader.node("retry_exit_codes"), "`retry_exit_codes` must be whole numbers") }
        }
        let check = reader.string("check")
        var journal = reader.string("journal").map { reader.path(relativeToConnectorFile: $0) }
        if journal == nil, let store = reader.context?.storePath {
            journal = URL(fileURLWithPath: store).deletingLastPathComponent()
                .appendingPathComponent("exec-journal").appendingPathComponent("\(name).jsonl")
        }
        for (key, value) in [("program", program), ("check", check)] {
            guard let value else { continue }
            if !value.hasPrefix("/") {
                reader.problem(reader.node(key), "`\(key)` must be an absolute path (no shell looks it up), not '\(value)'")
            } else if !FileManager.default.isExecutableFile(atPath: value) {
                let node = reader.node(key)
                reader.problems.append(RuleFileProblem(file: reader.file, at: node, severity: .warning,
                                                       message: "`\(key)` \(value) is not an executable file here; its actions fail until it is",
                                                       suggestion: "install it, or correct the path"))
            }
        }
        guard let program else { return nil }
        return ExecConnector(name: name, program: program, arguments: arguments, environment: environment,
                             workingDirectory: working, timeoutSeconds: timeout, memoryBytes: Int(memory) << 20,
                             retryExitCodes: retry, check: check, journal: journal)
    }

    // MARK: - Connector

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        let journal = try runJournal()
        switch try journal.last(for: action.idempotencyKey) {
        case nil, .checkedNotDone, .operatorRetry:
            return nil
        case .finished(let entry):
            return entry.succeeded ? result(from: entry, found: true) : nil
        case .started:
            guard let check else { throw ConnectorError.permanent(mayHaveRun(action)) }
            let outcome = try await run(check, arguments: [action.idempotencyKey], input: input(for: action))
            switch (outcome.timedOut, outcome.signalled, outcome.status) {
            case (false, false, 0):
                let entry = RunJournal.Finished(key: action.idempotencyKey, status: 0, signalled: false, timedOut: false,
                                                stdout: outcome.stdout, stderr: outcome.stderr, viaCheck: true)
                try journal.append(.finished(entry))
                return result(from: entry, found: true)
            case (false, false, 1):
                try journal.append(.checkedNotDone(key: action.idempotencyKey))
                return nil
            default:
                throw ConnectorError.transient("\(name): the check program \(check) could not tell whether the earlier run "
                    + "happened (\(outcome.summary)); asking again later")
            }
        }
    }

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        guard action.action.action == "run" else {
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)' (it offers: run)")
        }
        let journal = try runJournal()
        switch try journal.last(for: action.idempotencyKey) {
        case .finished(let entry) where entry.succeeded:
            return result(from: entry, found: true)
        case .started:
            // Attempt 1 after a "started" means an operator asked for it (`outbox retry` resets the attempts);
            // any later attempt means the outbox lost track of a run (a crash) and must not run it blindly.
            guard action.attempt <= 1 else { throw ConnectorError.permanent(mayHaveRun(action)) }
            try journal.append(.operatorRetry(key: action.idempotencyKey))
        default:
            break
        }
        var extra: [String] = []
        if let list = action.action.parameters["arguments"] {
            guard let items = list.arrayValue else { throw ConnectorError.permanent("\(name): `arguments` must be a list") }
            extra = items.map(\.plainText)
        }
        // The action's arguments may carry values from a mail: after `--`, so none of them is ever taken for an option.
        let args = arguments.map { ConnectorPlaceholders.fill($0, key: action.idempotencyKey, connector: name) }
            + (extra.isEmpty ? [] : ["--"] + extra)
        try journal.append(.started(key: action.idempotencyKey, outboxID: action.id))
        let outcome = try await run(program, arguments: args, input: input(for: action))
        let entry = RunJournal.Finished(key: action.idempotencyKey, status: outcome.status, signalled: outcome.signalled,
                                        timedOut: outcome.timedOut, stdout: outcome.stdout, stderr: outcome.stderr, viaCheck: false)
        try journal.append(.finished(entry))
        if entry.succeeded { return result(from: entry, found: false, arguments: args) }
        let said = entry.stderr.isEmpty ? "" : ": \(entry.stderr.prefix(300))"
        if outcome.timedOut {
            throw ConnectorError.permanent("\(name): \(program) did not finish within \(Subprocess.seconds(timeoutSeconds)) "
                + "and its process group was killed; it may have done part of its work — check, then "
                + "`mailroom outbox retry \(action.id)` or `mailroom outbox drop \(action.id)`")
        }
        if !outcome.signalled, retryExitCodes.contains(outcome.status) {
            throw ConnectorError.transient("\(name): \(program) asked to be retried (\(outcome.summary))\(said)")
        }
        throw ConnectorError.permanent("\(name): \(program) failed (\(outcome.summary))\(said)")
    }

    // MARK: - Helpers

    package func runJournal() throws -> RunJournal {
        guard let journal else {
            throw ConnectorError.permanent("\(name): no run journal is configured (set `journal:` in the connector file); "
                + "without it the connector cannot run a program exactly once")
        }
        return RunJournal(url: journal)
    }

    package func mayHaveRun(_ action: OutboxAction) -> String {
        "\(name): the program may have run: Mailroom stopped after starting \(program) for this action and before "
            + "it finished, and the connector has no `check` program to ask. Check the target system, then "
            + "`mailroom outbox retry \(action.id)` to run it again or `mailroom outbox drop \(action.id)` if it was done"
    }

    package func input(for action: OutboxAction) -> Data {
        var message: [String: JSONValue] = ["id": .int(action.messageID)]
        if let o = action.original {
            message["source"] = .string(o.source)
            message["location"] = .string(o.location)
            if let kind = o.kind { message["kind"] = .string(kind) }
            if let n = o.normalised {
                message["subject"] = n.subject.map { .string($0) } ?? .null
                message["from"] = n.from.first.map { .string($0.address) } ?? .null
                message["message_id"] = n.messageID.map { .string($0) } ?? .null
            }
        }
        let document: JSONValue = .object([
            "idempotency_key": .string(action.idempotencyKey), "connector": .string(name),
            "action": .string(action.action.action), "rule": .string(action.action.rule),
            "attempt": .int(Int64(action.attempt)), "outbox_id": .int(action.id),
            "parameters": .object(action.action.parameters), "message": .object(message),
        ])
        return Data((document.canonicalJSON + "\n").utf8)
    }

    package func result(from entry: RunJournal.Finished, found: Bool, arguments: [String]? = nil) -> ConnectorResult {
        let output: JSONValue = (try? JSONValue.parse(Data(entry.stdout.utf8))) ?? .string(entry.stdout)
        var request: [String: JSONValue] = ["program": .string(program)]
        if let arguments { request["arguments"] = .array(arguments.map { .string($0) }) }
        request["environment"] = .array(environment.keys.sorted().map { .string($0) })
        return ConnectorResult(captured: ["exit_status": .int(Int64(entry.status)), "output": output],
                               request: .object(request),
                               response: ["exit_status": .int(Int64(entry.status)), "stdout": .string(entry.stdout),
                                          "stderr": .string(entry.stderr), "via_check": .bool(entry.viaCheck)],
                               foundEarlierResult: found)
    }

    package func run(_ executable: String, arguments: [String], input: Data) async throws -> ProgramOutcome {
        guard executable.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: executable) else {
            throw ConnectorError.permanent("\(name): \(executable) is not an executable file (an absolute path is required)")
        }
        let run = Subprocess(executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory,
                             limits: Subprocess.Limits(seconds: timeoutSeconds, memoryBytes: memoryBytes),
                             keptOutputBytes: ProgramOutcome.keptOutputBytes, keptErrorBytes: ProgramOutcome.keptOutputBytes)
        do {
            return ProgramOutcome(try await BlockingIO.run { try run.run(input: input) })
        } catch let error as Subprocess.LaunchError {
            throw ConnectorError.permanent("\(name): \(error)")
        }
    }
}

/// What a program's run left: its status and the start of its output, as the audit and the journal keep it.
package struct ProgramOutcome: Sendable {
    package var status: Int32
    package var signalled: Bool
    package var timedOut: Bool
    package var stdout: String
    package var stderr: String
    package var summary: String

    /// Output beyond this is cut (the audit keeps a trimmed excerpt, the program's own log keeps the rest).
    package static let keptOutputBytes = 16 * 1024

    init(_ outcome: Subprocess.Outcome) {
        status = outcome.status
        signalled = outcome.signalled
        timedOut = outcome.timedOut
        let text = String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        stdout = outcome.stdoutTruncated ? text + " …(cut)" : text
        stderr = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        summary = outcome.summary
    }
}

/// The exec connector's run journal: JSON lines appended (and fsynced) before and after every run.
package struct RunJournal {
    package let url: URL

    package struct Finished: Sendable, Codable {
        package var key: String
        package var status: Int32
        package var signalled: Bool
        package var timedOut: Bool
        package var stdout: String
        package var stderr: String
        package var viaCheck: Bool
        package var succeeded: Bool { !timedOut && !signalled && status == 0 }
    }

    package enum Event {
        case started(key: String, outboxID: Int64)
        case finished(Finished)
        case checkedNotDone(key: String)
        case operatorRetry(key: String)
    }

    private struct Line: Codable {
        var event: String
        var key: String
        var at: String
        var outboxID: Int64?
        var finished: Finished?
    }

    package static let lock = NSLock()

    package func append(_ event: Event) throws {
        let at = ISO8601.utcString(Date())
        let line: Line
        switch event {
        case .started(let key, let id): line = Line(event: "started", key: key, at: at, outboxID: id)
        case .finished(let f): line = Line(event: "finished", key: f.key, at: at, finished: f)
        case .checkedNotDone(let key): line = Line(event: "checked_not_done", key: key, at: at)
        case .operatorRetry(let key): line = Line(event: "operator_retry", key: key, at: at)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(line)
        data.append(0x0A)
        RunJournal.lock.lock()
        defer { RunJournal.lock.unlock() }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ConnectorError.transient("cannot create the run journal's folder \(url.deletingLastPathComponent().path): \(FileProblem.describe(error))")
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ConnectorError.transient("cannot open the run journal \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        guard BlockingFile.writeAll(fd, data), fsync(fd) == 0 else {
            throw ConnectorError.transient("cannot write the run journal \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The last event recorded for a key.
    package func last(for key: String) throws -> Event? {
        RunJournal.lock.lock()
        defer { RunJournal.lock.unlock() }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        var found: Event?
        for raw in data.split(separator: 0x0A) {
            // A line cut short by a crash cannot be read and is skipped.
            guard let line = try? decoder.decode(Line.self, from: Data(raw)), line.key == key else { continue }
            switch line.event {
            case "started": found = .started(key: key, outboxID: line.outboxID ?? 0)
            case "finished": if let f = line.finished { found = .finished(f) }
            case "checked_not_done": found = .checkedNotDone(key: key)
            case "operator_retry": found = .operatorRetry(key: key)
            default: continue
            }
        }
        return found
    }
}
