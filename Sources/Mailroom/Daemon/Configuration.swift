import Foundation
import Logging
import Yams

/// Mailroom's configuration: one YAML file with snake_case keys.
///
/// Where it comes from, first match wins: `--config FILE`, `$MAILROOM_CONFIG`, `/etc/mailroom/mailroom.yaml`
/// when that file exists, else the embedded default (`MailroomConfig.embeddedDefaultYAML`), which serves the
/// demo: a store, a spool and a Maildir under the working directory.
///
/// Relative paths in a configuration file resolve against the folder of that file; the embedded default's
/// resolve against the working directory. After loading, every path in the value is absolute.
///
/// Unknown keys and values of the wrong type are errors that name the file, line:column and the key, and
/// suggest the key that was probably meant.
public struct MailroomConfig: Sendable, Equatable, Codable {
    public var store: StoreSettings
    public var spool: SpoolSettings
    public var sources: SourceSettings
    public var log: LogSettings
    public var pipeline: PipelineSettings
    /// Language-model providers, budgets (Configuration+Gateway.swift).
    public var gateway: GatewaySettings
    /// Rule files, connectors and the outbox's retries (Configuration+Decide.swift).
    public var rules: RulesSettings

    /// The file the configuration was read from; nil for the embedded default.
    public var file: String?

    public struct StoreSettings: Sendable, Equatable, Codable {
        /// The SQLite file holding messages, states and the audit trail.
        public var path: String
        public init(path: String = "mailroom.sqlite") { self.path = path }
    }

    public struct SpoolSettings: Sendable, Equatable, Codable {
        /// The folder holding every raw message, named by its SHA-256.
        public var path: String
        public init(path: String = "spool") { self.path = path }
    }

    public struct SourceSettings: Sendable, Equatable, Codable {
        public var maildir: [MaildirSourceSettings]
        public var drop: [DropFolderSettings]
        public var imap: [IMAPAccountSettings]
        public init(maildir: [MaildirSourceSettings] = [], drop: [DropFolderSettings] = [],
                    imap: [IMAPAccountSettings] = []) {
            self.maildir = maildir
            self.drop = drop
            self.imap = imap
        }
    }

    /// What happens to a Maildir file once its message is safely stored.
    public enum OnStored: String, Sendable, Equatable, Codable, CaseIterable {
        /// Rename `new/X` to `cur/X:2,S` (flag "seen"), as a mail client does when it shows a mail.
        case moveToCur = "move_to_cur"
        /// Leave the file where it is; the store remembers it was taken.
        case leave
    }

    public struct MaildirSourceSettings: Sendable, Equatable, Codable {
        /// Names the source in the store and the audit trail (as `maildir:<name>`).
        public var name: String
        /// The Maildir folder (the one holding `new/`, `cur/` and `tmp/`).
        public var path: String
        /// Seconds between scans of `new/` in addition to inotify (a safety net for file systems that do
        /// not report changes, such as some network mounts).
        public var pollSeconds: Double
        public var onStored: OnStored
        /// Also take mails in `cur/` that the store has never seen (mail a person already read in a client),
        /// once at start. Off by default: turning it on for an old mailbox ingests its whole history.
        public var includeCur: Bool

        public init(name: String, path: String, pollSeconds: Double = 30, onStored: OnStored = .moveToCur,
                    includeCur: Bool = false) {
            self.name = name
            self.path = path
            self.pollSeconds = pollSeconds
            self.onStored = onStored
            self.includeCur = includeCur
        }

        /// The source name as the store records it.
        public var sourceName: String { "maildir:\(name)" }
    }

    public struct DropFolderSettings: Sendable, Equatable, Codable {
        /// Names the source in the store and the audit trail (as `drop:<name>`).
        public var name: String
        /// The folder people or scanners drop files into.
        public var path: String
        /// Seconds between scans in addition to inotify.
        public var pollSeconds: Double
        /// A file must be unchanged this long before it is taken, so a half-written file is never ingested.
        public var settleSeconds: Double
        /// The From: address of messages made from dropped files.
        public var address: String

        public init(name: String, path: String, pollSeconds: Double = 5, settleSeconds: Double = 5,
                    address: String = "mailroom-drop@localhost") {
            self.name = name
            self.path = path
            self.pollSeconds = pollSeconds
            self.settleSeconds = settleSeconds
            self.address = address
        }

        public var sourceName: String { "drop:\(name)" }
    }

    public struct LogSettings: Sendable, Equatable, Codable {
        /// trace, debug, info, notice, warning, error or critical.
        public var level: String
        public init(level: String = "info") { self.level = level }
        public var loggerLevel: Logger.Level { Logger.Level(rawValue: level) ?? .info }
    }

    public struct PipelineSettings: Sendable, Equatable, Codable {
        /// How many messages move through the pipeline at the same time.
        public var workers: Int
        public init(workers: Int = 2) { self.workers = workers }
    }

    public init(store: StoreSettings = StoreSettings(), spool: SpoolSettings = SpoolSettings(),
                sources: SourceSettings = SourceSettings(), log: LogSettings = LogSettings(),
                pipeline: PipelineSettings = PipelineSettings(), rules: RulesSettings = RulesSettings(),
                gateway: GatewaySettings = GatewaySettings(), file: String? = nil) {
        self.gateway = gateway
        self.store = store
        self.spool = spool
        self.sources = sources
        self.log = log
        self.pipeline = pipeline
        self.rules = rules
        self.file = file
    }

    /// The configuration used when no file is given: serves the demo from the working directory.
    public static let embeddedDefaultYAML = """
        # Mailroom's embedded default: everything under the working directory.
        store:
          path: mailroom.sqlite
        spool:
          path: spool
        sources:
          maildir:
            - name: inbox
              path: Maildir
        log:
          level: info
        pipeline:
          workers: 2
        rules:
          path: rules

        """

    /// The system-wide configuration file, used when it exists and nothing else is named.
    public static let systemConfigPath = "/etc/mailroom/mailroom.yaml"

    /// Every configured source's store name ("maildir:inbox", "drop:scans").
    public var sourceNames: [String] {
        sources.maildir.map(\.sourceName) + sources.drop.map(\.sourceName) + sources.imap.flatMap(\.sourceNames)
    }
}

// MARK: - Loading

extension MailroomConfig {
    /// Finds and reads the configuration: `explicitPath`, else `$MAILROOM_CONFIG`, else the system file when
    /// it exists, else the embedded default (paths relative to `workingDirectory`).
    public static func load(explicitPath: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            workingDirectory: String = FileManager.default.currentDirectoryPath,
                            systemPath: String = MailroomConfig.systemConfigPath) throws -> MailroomConfig {
        if let explicitPath, !explicitPath.isEmpty {
            return try load(file: absolute(explicitPath, base: workingDirectory))
        }
        if let fromEnvironment = environment["MAILROOM_CONFIG"], !fromEnvironment.isEmpty {
            return try load(file: absolute(fromEnvironment, base: workingDirectory))
        }
        if FileManager.default.fileExists(atPath: systemPath) {
            return try load(file: systemPath)
        }
        var config = try parse(yaml: embeddedDefaultYAML, file: "<embedded default>", baseDirectory: workingDirectory)
        config.file = nil
        return config
    }

    /// Reads one configuration file; relative paths in it resolve against its folder.
    public static func load(file: String) throws -> MailroomConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ConfigError(file: file, line: nil, column: nil, keyPath: nil,
                              message: "cannot read the configuration file: \(FileProblem.describe(error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: file, line: nil, column: nil, keyPath: nil,
                              message: "the configuration file is not UTF-8 text")
        }
        let base = (file as NSString).deletingLastPathComponent
        return try parse(yaml: text, file: file, baseDirectory: base.isEmpty ? "." : base)
    }

    /// Parses configuration text. `file` is only used to name the place of an error.
    public static func parse(yaml: String, file: String, baseDirectory: String) throws -> MailroomConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError.fromYAML(error, file: file)
        } catch {
            throw ConfigError(file: file, line: nil, column: nil, keyPath: nil, message: "\(error)")
        }
        var config: MailroomConfig
        if let root {
            do {
                config = try YAMLDecoder().decode(MailroomConfig.self, from: root)
            } catch let problem as ConfigKeyProblem {
                throw problem.error(file: file, root: root)
            } catch let error as DecodingError {
                throw ConfigError.fromDecoding(error, file: file, root: root)
            } catch let error as YamlError {
                throw ConfigError.fromYAML(error, file: file)
            }
        } else {
            config = MailroomConfig()  // an empty file: defaults, no sources
        }
        config.file = file
        config.resolvePaths(against: absolute(baseDirectory, base: FileManager.default.currentDirectoryPath))
        return config
    }

    mutating func resolvePaths(against base: String) {
        store.path = Self.absolute(store.path, base: base)
        spool.path = Self.absolute(spool.path, base: base)
        rules.path = Self.absolute(rules.path, base: base)
        rules.connectors = Self.absolute(rules.connectors, base: base)
        for i in sources.maildir.indices { sources.maildir[i].path = Self.absolute(sources.maildir[i].path, base: base) }
        for i in sources.drop.indices { sources.drop[i].path = Self.absolute(sources.drop[i].path, base: base) }
        for i in sources.imap.indices { sources.imap[i].resolvePaths(against: base) }
        for i in gateway.providers.indices {
            gateway.providers[i].apiKeyFile = gateway.providers[i].apiKeyFile.map { Self.absolute($0, base: base) }
        }
    }

    static func absolute(_ path: String, base: String) -> String {
        var p = path
        if p == "~" || p.hasPrefix("~/") {
            p = NSHomeDirectory() + p.dropFirst()
        }
        if !p.hasPrefix("/") { p = (base as NSString).appendingPathComponent(p) }
        return (p as NSString).standardizingPath
    }
}

// MARK: - Decoding with key checks

extension MailroomConfig {
    enum CodingKeys: String, CodingKey, CaseIterable { case store, spool, sources, log, pipeline, rules, gateway }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        store = try c.decodeIfPresent(StoreSettings.self, forKey: .store) ?? StoreSettings()
        spool = try c.decodeIfPresent(SpoolSettings.self, forKey: .spool) ?? SpoolSettings()
        sources = try c.decodeIfPresent(SourceSettings.self, forKey: .sources) ?? SourceSettings()
        log = try c.decodeIfPresent(LogSettings.self, forKey: .log) ?? LogSettings()
        pipeline = try c.decodeIfPresent(PipelineSettings.self, forKey: .pipeline) ?? PipelineSettings()
        gateway = try c.decodeIfPresent(GatewaySettings.self, forKey: .gateway) ?? GatewaySettings()
        rules = try c.decodeIfPresent(RulesSettings.self, forKey: .rules) ?? RulesSettings()
        file = nil

        var seen: [String: Int] = [:]
        for (i, s) in sources.maildir.enumerated() {
            if let first = seen[s.sourceName] {
                throw ConfigKeyProblem(path: decoder.codingPath + [CodingKeys.sources, ConfigKey("maildir"), ConfigKey(i), ConfigKey("name")],
                                       pointAtKey: false,
                                       message: "a second Maildir source is named '\(s.name)' (the first is sources.maildir[\(first)]); names must be unique")
            }
            seen[s.sourceName] = i
        }
        for (i, s) in sources.drop.enumerated() {
            if let first = seen[s.sourceName] {
                throw ConfigKeyProblem(path: decoder.codingPath + [CodingKeys.sources, ConfigKey("drop"), ConfigKey(i), ConfigKey("name")],
                                       pointAtKey: false,
                                       message: "a second drop folder is named '\(s.name)' (the first is sources.drop[\(first)]); names must be unique")
            }
            seen[s.sourceName] = i
        }
        var accounts: [String: Int] = [:]
        for (i, s) in sources.imap.enumerated() {
            if let first = accounts[s.name] {
                throw ConfigKeyProblem(path: decoder.codingPath + [CodingKeys.sources, ConfigKey("imap"), ConfigKey(i), ConfigKey("name")],
                                       pointAtKey: false,
                                       message: "a second IMAP account is named '\(s.name)' (the first is sources.imap[\(first)]); names must be unique")
            }
            accounts[s.name] = i
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(store, forKey: .store)
        try c.encode(spool, forKey: .spool)
        try c.encode(sources, forKey: .sources)
        try c.encode(log, forKey: .log)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(gateway, forKey: .gateway)
        try c.encode(rules, forKey: .rules)
    }
}

extension MailroomConfig.StoreSettings {
    enum CodingKeys: String, CodingKey, CaseIterable { case path }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "mailroom.sqlite"
        try c.requireNonEmpty(path, .path)
    }
}

extension MailroomConfig.SpoolSettings {
    enum CodingKeys: String, CodingKey, CaseIterable { case path }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "spool"
        try c.requireNonEmpty(path, .path)
    }
}

extension MailroomConfig.SourceSettings {
    enum CodingKeys: String, CodingKey, CaseIterable { case maildir, drop, imap }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        maildir = try c.decodeIfPresent([MailroomConfig.MaildirSourceSettings].self, forKey: .maildir) ?? []
        drop = try c.decodeIfPresent([MailroomConfig.DropFolderSettings].self, forKey: .drop) ?? []
        imap = try c.decodeIfPresent([MailroomConfig.IMAPAccountSettings].self, forKey: .imap) ?? []
    }
}

extension MailroomConfig.MaildirSourceSettings {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, path, pollSeconds = "poll_seconds", onStored = "on_stored", includeCur = "include_cur"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        pollSeconds = try c.decodeIfPresent(Double.self, forKey: .pollSeconds) ?? 30
        let onStoredText = try c.decodeIfPresent(String.self, forKey: .onStored) ?? "move_to_cur"
        includeCur = try c.decodeIfPresent(Bool.self, forKey: .includeCur) ?? false
        try c.requireSourceName(name, .name)
        try c.requireNonEmpty(path, .path)
        try c.requirePositive(pollSeconds, .pollSeconds)
        guard let value = MailroomConfig.OnStored(rawValue: onStoredText) else {
            throw c.problem(.onStored, "'\(onStoredText)' is not one of: "
                + MailroomConfig.OnStored.allCases.map(\.rawValue).joined(separator: ", "))
        }
        onStored = value
    }
}

extension MailroomConfig.DropFolderSettings {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, path, pollSeconds = "poll_seconds", settleSeconds = "settle_seconds", address
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        pollSeconds = try c.decodeIfPresent(Double.self, forKey: .pollSeconds) ?? 5
        settleSeconds = try c.decodeIfPresent(Double.self, forKey: .settleSeconds) ?? 5
        address = try c.decodeIfPresent(String.self, forKey: .address) ?? "mailroom-drop@localhost"
        try c.requireSourceName(name, .name)
        try c.requireNonEmpty(path, .path)
        try c.requirePositive(pollSeconds, .pollSeconds)
        guard settleSeconds >= 0, settleSeconds.isFinite else {
            throw c.problem(.settleSeconds, "must be zero or more seconds")
        }
        let parts = address.split(separator: "@")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw c.problem(.address, "'\(address)' is not a mail address like scans@example.com")
        }
    }
}

extension MailroomConfig.LogSettings {
    enum CodingKeys: String, CodingKey, CaseIterable { case level }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(String.self, forKey: .level) ?? "info"
        guard Logger.Level(rawValue: level) != nil else {
            let names = Logger.Level.allCases.map(\.rawValue)
            let hint = ConfigError.closest(to: level, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw c.problem(.level, "'\(level)' is not a log level (\(names.joined(separator: ", ")))\(hint)")
        }
    }
}

extension MailroomConfig.PipelineSettings {
    enum CodingKeys: String, CodingKey, CaseIterable { case workers }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        workers = try c.decodeIfPresent(Int.self, forKey: .workers) ?? 2
        guard (1...64).contains(workers) else {
            throw c.problem(.workers, "must be between 1 and 64, not \(workers)")
        }
    }
}

// MARK: - Errors

/// A configuration that cannot be used, with the place in the file and what to change.
public struct ConfigError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The key as a dotted path, e.g. `sources.maildir[0].poll_seconds`.
    public var keyPath: String?
    public var message: String

    public init(file: String, line: Int?, column: Int?, keyPath: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `/etc/mailroom/mailroom.yaml:14:9: sources.maildir[0]: unknown key 'pol_seconds'; did you mean 'poll_seconds'?`
    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": " + (keyPath.map { "\($0): " } ?? "") + message
    }

    public var errorDescription: String? { description }

    static func fromYAML(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ConfigError(file: file, line: mark.line, column: mark.column, keyPath: nil,
                               message: "this is not valid YAML: \(what)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column, keyPath: nil,
                               message: "the key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appear more than once")
        default:
            return ConfigError(file: file, line: nil, column: nil, keyPath: nil, message: "this is not valid YAML: \(error)")
        }
    }

    static func fromDecoding(_ error: DecodingError, file: String, root: Node) -> ConfigError {
        switch error {
        case let .typeMismatch(type, context):
            let node = ConfigNodes.node(at: context.codingPath, in: root)
            let found = node.map(ConfigNodes.describe) ?? "something else"
            return ConfigError(file: file, node: node ?? ConfigNodes.deepest(at: context.codingPath, in: root),
                               keyPath: ConfigNodes.render(context.codingPath),
                               message: "must be \(describe(type)), found \(found)")
        case let .valueNotFound(type, context):
            let node = ConfigNodes.deepest(at: context.codingPath, in: root)
            return ConfigError(file: file, node: node, keyPath: ConfigNodes.render(context.codingPath),
                               message: "must be \(describe(type)), found nothing")
        case let .keyNotFound(key, context):
            let node = ConfigNodes.deepest(at: context.codingPath, in: root)
            return ConfigError(file: file, node: node, keyPath: ConfigNodes.render(context.codingPath),
                               message: "the key '\(key.stringValue)' is missing; it is required here")
        case let .dataCorrupted(context):
            let node = ConfigNodes.deepest(at: context.codingPath, in: root)
            let found = ConfigNodes.node(at: context.codingPath, in: root).map(ConfigNodes.describe)
            return ConfigError(file: file, node: node, keyPath: ConfigNodes.render(context.codingPath),
                               message: "cannot read this value" + (found.map { " (\($0))" } ?? "")
                                   + ": " + context.debugDescription)
        @unknown default:
            return ConfigError(file: file, line: nil, column: nil, keyPath: nil, message: "\(error)")
        }
    }

    init(file: String, node: Node?, keyPath: String?, message: String) {
        self.init(file: file, line: node?.mark?.line, column: node?.mark?.column,
                  keyPath: keyPath?.isEmpty == true ? nil : keyPath, message: message)
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Node.Mapping.Type: return "a mapping of keys to values"
        case is Node.Sequence.Type: return "a list (lines starting with '- ')"
        case is Node.Scalar.Type: return "a single value"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array<") || name.hasPrefix("[") { return "a list (lines starting with '- ')" }
            if name.hasSuffix("Settings") || name == "MailroomConfig" { return "a mapping of keys to values" }
            return name
        }
    }

    /// The allowed name closest to a mistyped one: same letters ignoring case and `-`/`_`, the only name that
    /// starts with what was typed, or at most two edits away.
    static func closest(to typed: String, among allowed: [String]) -> String? {
        func squash(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }
        let t = squash(typed)
        if let same = allowed.first(where: { squash($0) == t }) { return same }
        let extending = allowed.filter { t.count >= 3 && squash($0).hasPrefix(t) }
        if extending.count == 1 { return extending[0] }
        let scored = allowed.map { ($0, editDistance(t, squash($0))) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first else { return nil }
        let limit = max(1, min(2, best.0.count / 3))
        return best.1 <= limit ? best.0 : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}

/// Thrown from inside decoding; turned into a `ConfigError` with the place once the node tree is at hand.
struct ConfigKeyProblem: Error {
    var path: [CodingKey]
    /// Point at the key (unknown key) rather than at its value (bad value).
    var pointAtKey: Bool
    var message: String

    func error(file: String, root: Node) -> ConfigError {
        let node = pointAtKey ? ConfigNodes.keyNode(at: path, in: root) : ConfigNodes.node(at: path, in: root)
        let keyPath = ConfigNodes.render(pointAtKey ? Array(path.dropLast()) : path)
        return ConfigError(file: file, node: node ?? ConfigNodes.deepest(at: path, in: root), keyPath: keyPath,
                           message: message)
    }
}

struct ConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string; intValue = nil }
    init(_ index: Int) { stringValue = "\(index)"; intValue = index }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

extension Decoder {
    /// A keyed container that first refuses keys outside `Key.allCases`, naming the closest allowed one.
    func checkedContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let all = try container(keyedBy: ConfigKey.self)
        let allowed = Key.allCases.map(\.stringValue)
        for key in all.allKeys where !allowed.contains(key.stringValue) {
            let hint = ConfigError.closest(to: key.stringValue, among: allowed).map { "; did you mean '\($0)'?" }
                ?? "; allowed here: " + allowed.joined(separator: ", ")
            throw ConfigKeyProblem(path: codingPath + [key], pointAtKey: true,
                                   message: "unknown key '\(key.stringValue)'\(hint)")
        }
        return try container(keyedBy: type)
    }
}

extension KeyedDecodingContainer {
    func problem(_ key: Key, _ message: String) -> ConfigKeyProblem {
        ConfigKeyProblem(path: codingPath + [key], pointAtKey: false, message: message)
    }

    func requireNonEmpty(_ value: String, _ key: Key) throws {
        if value.trimmingCharacters(in: .whitespaces).isEmpty { throw problem(key, "must not be empty") }
    }

    func requirePositive(_ value: Double, _ key: Key) throws {
        guard value > 0, value.isFinite else { throw problem(key, "must be a number of seconds above zero") }
    }

    func requireSourceName(_ value: String, _ key: Key) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !value.isEmpty, value.unicodeScalars.allSatisfy(allowed.contains) else {
            throw problem(key, "'\(value)' is not a usable source name: use letters, digits, '-', '_' or '.'")
        }
    }
}

/// Finds YAML nodes by coding path, for the line:column of an error.
enum ConfigNodes {
    static func node(at path: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            guard let next = child(of: current, key) else { return nil }
            current = next
        }
        return current
    }

    /// The deepest node that exists along the path (for a missing key: the mapping that lacks it).
    static func deepest(at path: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            guard let next = child(of: current, key) else { break }
            current = next
        }
        return current
    }

    /// The key node of the last path component (where an unknown key is written).
    static func keyNode(at path: [CodingKey], in root: Node) -> Node? {
        guard let last = path.last, let parent = node(at: Array(path.dropLast()), in: root),
              case .mapping(let mapping) = parent else { return nil }
        return mapping.first { $0.key.string == last.stringValue }?.key
    }

    private static func child(of node: Node, _ key: CodingKey) -> Node? {
        switch node {
        case .mapping(let mapping):
            return mapping.first { $0.key.string == key.stringValue }?.value
        case .sequence(let sequence):
            guard let index = key.intValue ?? Int(key.stringValue), index >= 0, index < sequence.count else { return nil }
            return sequence[index]
        default:
            return nil
        }
    }

    static func render(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue ?? (key.stringValue.hasPrefix("Index ") ? Int(key.stringValue.dropFirst(6)) : nil) {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Words for a file-system error that an operator can act on.
public enum FileProblem {
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }
}
