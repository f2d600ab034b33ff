import Foundation
import Yams
import Vocabulary
import Ingest
import Decide
import Understand
import CurlTransport

/// The connectors defined in `connectors/*.yaml`, ready to use.
///
/// One file per connector:
/// ```yaml
/// type: http                      # http | tryton | smtp
/// name: webhook                   # optional, defaults to the file name without .yaml
/// base_url: https://hooks.example.com/mailroom
/// allowed_hosts: [hooks.example.com]   # defaults to the host of base_url
/// timeout_seconds: 20
/// rate_limit_per_second: 5
/// token_env: WEBHOOK_TOKEN        # secrets: NAME_env (environment variable) or NAME_file (a file)
/// ```
/// Secrets are read at load time from the environment or a file and never appear in the audit trail or in
/// errors. Every problem in every file is reported in one pass, with file:line:column.
public struct ConnectorCatalogue: Sendable {
    public var connectors: [any Connector]
    /// What loaded but needs attention (a secret's variable not set: that connector's actions wait).
    public var warnings: [RuleFileProblem] = []
    /// The file each connector was read from ("connectors/erp.yaml"), by connector name.
    public var files: [String: String] = [:]

    public init(connectors: [any Connector]) { self.connectors = connectors }

    public func connector(named name: String) -> (any Connector)? {
        connectors.first { $0.name == name }
    }

    /// What the connectors offer, for Decide's checks of rule files.
    public var offers: ConnectorOffers {
        ConnectorOffers(connectors.map { ConnectorOffer(name: $0.name, type: $0.type, actions: $0.actions) })
    }

    public static let types = ["http", "tryton", "redmine", "smtp", "mailbox", "file", "exec", "webform"]

    /// `config`: the daemon's configuration, for connectors that act on its mail sources (`mailbox`) or keep
    /// state beside its store (`exec`'s run journal); nil where there is none (some tests).
    public static func load(directory: URL, environment: [String: String],
                            context: ConnectorContext? = nil) throws(RuleFileProblems) -> ConnectorCatalogue {
        let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var problems: [RuleFileProblem] = []
        var connectors: [any Connector] = []
        var seen: [String: String] = [:]
        for file in files {
            let shown = directory.lastPathComponent + "/" + file.lastPathComponent
            var reader = ConnectorFileReader(file: shown, fileURL: file, environment: environment, context: context)
            let connector = reader.read()
            problems += reader.problems
            guard let connector else { continue }
            if let earlier = seen[connector.name] {
                problems.append(RuleFileProblem(file: shown, line: nil, column: nil,
                                                message: "a connector named '\(connector.name)' is already defined in \(earlier)",
                                                suggestion: "give one of them another `name:`"))
                continue
            }
            seen[connector.name] = shown
            connectors.append(connector)
        }
        if problems.contains(where: { $0.severity == .error }) { throw RuleFileProblems(problems) }
        var catalogue = ConnectorCatalogue(connectors: connectors)
        catalogue.warnings = problems
        catalogue.files = seen
        return catalogue
    }
}

/// Reads one connector file: the common keys, then the type's own.
package struct ConnectorFileReader {
    package var yaml: YAMLFileReader
    package var file: String { yaml.file }
    package let fileURL: URL
    package let environment: [String: String]
    /// What the daemon's configuration tells connectors (its mail sources, its store), when the caller has one.
    package let context: ConnectorContext?
    package var problems: [RuleFileProblem] {
        get { yaml.problems }
        set { yaml.problems = newValue }
    }
    /// Set when the connector cannot work yet (a secret's variable is not set); its actions then wait.
    package var unavailableReason: String?
    private var values: [String: Node] = [:]
    private var used: Set<String> = []
    private var root: Node?

    package init(file: String, fileURL: URL, environment: [String: String], context: ConnectorContext? = nil) {
        yaml = YAMLFileReader(file: file)
        self.fileURL = fileURL
        self.environment = environment
        self.context = context
    }

    package mutating func problem(_ node: Node?, _ message: String, suggestion: String? = nil) {
        yaml.problem(node, message, suggestion: suggestion)
    }

    package mutating func read() -> (any Connector)? {
        guard let text = yaml.text(of: fileURL) else { return nil }
        return read(text: text)
    }

    /// Reads the connector from `text` (the file's content; `fileURL` still names it and gives the default name).
    package mutating func read(text: String) -> (any Connector)? {
        guard case .success(let composed) = yaml.compose(text) else { return nil }
        root = composed
        guard let mapping = root?.mapping else {
            problem(root, "a connector file is a mapping of keys (type, base_url, …)", suggestion: "start with `type: http` or `type: tryton`")
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.string else { problem(key, "keys must be plain words"); continue }
            values[name] = value
            keyNodes[name] = key
        }
        let name = string("name") ?? fileURL.deletingPathExtension().lastPathComponent
        guard let typeNode = values["type"], let type = typeNode.string else {
            problem(root, "the connector's `type` is missing", suggestion: "add `type: http` or `type: tryton`")
            return nil
        }
        used.insert("type")
        let connector: (any Connector)?
        switch type {
        case "http": connector = HTTPConnector.read(name: name, from: &self)
        case "tryton": connector = TrytonConnector.read(name: name, from: &self)
        case "redmine": connector = RedmineConnector.read(name: name, from: &self)
        case "mailbox": connector = MailboxConnector.read(name: name, from: &self)
        case "file": connector = FileConnector.read(name: name, from: &self)
        case "exec": connector = ExecConnector.read(name: name, from: &self)
        case "webform": connector = WebformConnector.read(name: name, from: &self)
        case "smtp": connector = SMTPConnector.read(name: name, from: &self)
        default:
            let guess = Suggestion.closest(to: type, among: ConnectorCatalogue.types)
            problem(typeNode, "unknown connector type '\(type)'",
                    suggestion: guess.map { "did you mean '\($0)'?" } ?? "known types: \(ConnectorCatalogue.types.joined(separator: ", "))")
            return nil
        }
        reportUnknownKeys()
        if problems.contains(where: { $0.severity == .error }) { return nil }
        if let connector, let unavailableReason {
            return UnavailableConnector(wrapping: connector, reason: "connector '\(connector.name)': \(unavailableReason)")
        }
        return connector
    }

    private var keyNodes: [String: Node] = [:]
    package var knownKeys: [String] = ["name", "type", "allowed_hosts", "timeout_seconds", "rate_limit_per_second"]

    package mutating func reportUnknownKeys() {
        for (key, node) in keyNodes where !used.contains(key) {
            let guess = Suggestion.closest(to: key, among: knownKeys)
            problem(node, "unknown key '\(key)'",
                    suggestion: guess.map { "did you mean '\($0)'?" } ?? "known keys: \(knownKeys.sorted().joined(separator: ", "))")
        }
    }

    package mutating func node(_ key: String) -> Node? {
        if !knownKeys.contains(key) { knownKeys.append(key) }
        used.insert(key)
        return values[key]
    }

    package mutating func string(_ key: String) -> String? {
        guard let n = node(key) else { return nil }
        guard let s = n.scalar?.string else { problem(n, "`\(key)` must be a text value"); return nil }
        return s
    }

    package mutating func requiredString(_ key: String, example: String) -> String? {
        if let s = string(key) { return s }
        if values[key] == nil { problem(root, "`\(key)` is missing", suggestion: "add `\(key): \(example)`") }
        return nil
    }

    package mutating func number(_ key: String, default value: Double, range: ClosedRange<Double>) -> Double {
        guard let n = node(key) else { return value }
        guard let s = n.scalar?.string, let d = Double(s), range.contains(d) else {
            problem(n, "`\(key)` must be a number between \(range.lowerBound) and \(range.upperBound)")
            return value
        }
        return d
    }

    package mutating func int(_ key: String, default value: Int) -> Int {
        guard let n = node(key) else { return value }
        guard let s = n.scalar?.string, let i = Int(s) else { problem(n, "`\(key)` must be a whole number"); return value }
        return i
    }

    package mutating func stringList(_ key: String) -> [String]? {
        guard let n = node(key) else { return nil }
        if let s = n.scalar?.string { return [s] }
        guard let seq = n.sequence else { problem(n, "`\(key)` must be a list of text values"); return nil }
        var out: [String] = []
        for item in seq {
            if let s = item.scalar?.string { out.append(s) } else { problem(item, "`\(key)` items must be text values") }
        }
        return out
    }

    package mutating func stringMap(_ key: String) -> [(String, String)] {
        guard let n = node(key) else { return [] }
        guard let m = n.mapping else { problem(n, "`\(key)` must be a mapping of names to text values"); return [] }
        var out: [(String, String)] = []
        for (k, v) in m {
            if let ks = k.string, let vs = v.scalar?.string { out.append((ks, vs)) } else { problem(v, "`\(key)` values must be text") }
        }
        return out
    }

    /// A secret given as `<base>_env: VARIABLE` or `<base>_file: PATH` (relative to the connector file).
    /// Inline secrets (`<base>: …`) are refused so they never end up in git or the audit.
    package mutating func secret(_ base: String, required: Bool) -> String? {
        let envKey = base + "_env", fileKey = base + "_file"
        if let inline = values[base] {
            used.insert(base)
            problem(inline, "`\(base)` must not be written into the file",
                    suggestion: "use `\(envKey): VARIABLE` or `\(fileKey): /path/to/secret`")
            return nil
        }
        if let variable = string(envKey) {
            guard let value = environment[variable], !value.isEmpty else {
                // A connector whose secret is not set yet still loads, so rules can be checked and the daemon
                // can start; its actions wait (transient error, retried) until the variable is set.
                let reason = "the environment variable \(variable) (for `\(base)`) is not set"
                let node = values[envKey]
                problems.append(RuleFileProblem(file: file, at: node, severity: .warning, message: reason + "; its actions wait until it is",
                                                suggestion: "set it in the daemon's environment (systemd: Environment= or EnvironmentFile=)"))
                unavailableReason = reason
                return ""
            }
            return value
        }
        if let path = string(fileKey) {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : fileURL.deletingLastPathComponent().appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                problem(values[fileKey], "cannot read the secret file \(url.path) (for `\(base)`)")
                return nil
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if required {
            problem(root, "the connector needs `\(base)`", suggestion: "add `\(envKey): VARIABLE` or `\(fileKey): PATH`")
        }
        return nil
    }

    /// allowed_hosts, timeout_seconds and rate_limit_per_second, common to every connector.
    package mutating func transportSettings(defaultHost: String?) -> ConnectorTransport {
        let hosts = stringList("allowed_hosts") ?? defaultHost.map { [$0] } ?? []
        let timeout = number("timeout_seconds", default: 30, range: 0.1...600)
        let rate = number("rate_limit_per_second", default: 0, range: 0...1000)
        return ConnectorTransport(client: HTTPClient(allowedHosts: hosts), timeoutSeconds: timeout,
                                  limiter: RateLimiter(perSecond: rate))
    }

    package mutating func url(_ key: String, required: Bool, example: String) -> URL? {
        let text = required ? requiredString(key, example: example) : string(key)
        guard let text else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            problem(values[key], "`\(key)` must be an http:// or https:// URL, not '\(text)'")
            return nil
        }
        if scheme == "http", !HostName.isLoopback(url.host ?? ""), !flag("insecure_http") {
            problem(values[key], "`\(key)` is plain http:// to \(url.host ?? "?"): the connector's credentials and the mail's data would cross the network unencrypted",
                    suggestion: "use https://, or — only where the network path is protected otherwise — write `insecure_http: true`")
            return nil
        }
        return url
    }

    /// A yes/no key; absent is no.
    package mutating func flag(_ key: String) -> Bool {
        guard let n = node(key) else { return false }
        switch n.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: problem(n, "`\(key)` must be true or false"); return false
        }
    }
}

/// The HTTP side every connector shares: a client restricted to the allowed hosts, a timeout, a rate limit.
public struct ConnectorTransport: Sendable {
    public var client: HTTPClient
    public var timeoutSeconds: Double
    public var limiter: RateLimiter

    public init(client: HTTPClient, timeoutSeconds: Double = 30, limiter: RateLimiter = RateLimiter(perSecond: 0)) {
        self.client = client
        self.timeoutSeconds = timeoutSeconds
        self.limiter = limiter
    }

    /// Sends one request when the rate limit allows. Transport trouble (timeouts, connection errors) is
    /// transient and retried; a refused host or a TLS failure is permanent. `label` starts the error message.
    public func send(_ request: HTTPRequest, describing label: String) async throws(ConnectorError) -> HTTPResponse {
        await limiter.waitForTurn()
        do {
            return try await client.send(request)
        } catch {
            switch error {
            case .timeout(let m), .transport(let m): throw ConnectorError.transient("\(label): \(m)")
            case .refusedHost(let m), .tls(let m): throw ConnectorError.permanent("\(label): \(m)")
            }
        }
    }
}

/// Spaces requests to at most `perSecond` a second (0 = unlimited).
public actor RateLimiter {
    private let interval: Duration
    private var next: ContinuousClock.Instant = .now

    public init(perSecond: Double) {
        interval = perSecond > 0 ? .nanoseconds(Int64(1_000_000_000 / perSecond)) : .zero
    }

    public func waitForTurn() async {
        guard interval > .zero else { return }
        let now = ContinuousClock.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}

/// A connector that is declared correctly but cannot work yet (a secret's environment variable is not set).
/// The outbox parks its actions as `blocked` (``blockedReason``) without using attempts, and carries them out
/// once the daemon starts with the variable set; `rules check` and `status` show the cause.
package struct UnavailableConnector: Connector {
    package let wrapped: any Connector
    package let reason: String

    package init(wrapping connector: any Connector, reason: String) {
        wrapped = connector
        self.reason = reason
    }

    package var name: String { wrapped.name }
    package var type: String { wrapped.type }
    package var actions: [ConnectorActionSpec] { wrapped.actions }
    package var blockedReason: String? { reason }

    package func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        throw ConnectorError.transient(reason + "; set it and restart the daemon")
    }

    package func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        throw ConnectorError.transient(reason + "; set it and restart the daemon")
    }
}

/// What connectors need to know of the daemon's configuration: the mail sources the `mailbox` connector may
/// act on, and the store's folder (the `exec` connector keeps its run journal beside it).
public struct ConnectorContext: Sendable {
    public var maildirs: [MaildirSourceSettings]
    public var imapAccounts: [IMAPAccountSettings]
    public var storePath: String?

    public init(maildirs: [MaildirSourceSettings] = [], imapAccounts: [IMAPAccountSettings] = [], storePath: String? = nil) {
        self.maildirs = maildirs
        self.imapAccounts = imapAccounts
        self.storePath = storePath
    }
}

extension RuleSet {
    /// Loads the rule files, checking each action against what these connectors offer.
    public static func load(directory: URL, kinds: KindCatalogue?, connectors: ConnectorCatalogue) -> (RuleSet, [RuleFileProblem]) {
        load(directory: directory, kinds: kinds, connectors: connectors.offers)
    }
}
