import Foundation
import Logging
import Yams
import Vocabulary
import Ingest
import Understand
import Act

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
    /// What one mail may take in Parse and Understand (`message_budget:`; Vocabulary's `MessageBudget`).
    public var messageBudget: MessageBudget = .standard
    /// Signed checkpoints of the audit trail: how often, and where.
    public var audit: AuditSettings
    /// The web UI (`web:`); nil: none (Configuration+Web.swift).
    public var web: WebSettings?
    /// `/metrics` and health on a listener of their own (`metrics:`); nil: on the web UI's listener, if any.
    public var metrics: MetricsSettings?

    /// The file the configuration was read from; nil for the embedded default.
    public var file: String?
    /// Where some values were written ("sources.maildir[0].path" → line, column), for the checks at start.
    public var places: [String: ConfigPlace] = [:]

    /// A line and column in the configuration file.
    public struct ConfigPlace: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

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

    public typealias OnStored = MaildirOnStored
    public typealias MaildirSourceSettings = Ingest.MaildirSourceSettings
    public typealias DropFolderSettings = Ingest.DropFolderSettings
    public typealias IMAPAccountSettings = Ingest.IMAPAccountSettings
    public typealias RulesSettings = Act.RulesSettings

    public struct LogSettings: Sendable, Equatable, Codable {
        /// trace, debug, info, notice, warning, error or critical.
        public var level: String
        public init(level: String = "info") { self.level = level }
        public var loggerLevel: Logger.Level { Logger.Level(rawValue: level) ?? .info }
    }

    public struct AuditSettings: Sendable, Equatable, Codable {
        /// Minutes between two signed checkpoints of the audit trail (one more at a clean stop); 0: only at stop.
        public var checkpointMinutes: Double
        /// The folder the checkpoints are written to (`checkpoints.log` and `latest`); nil: `audit-checkpoints/`
        /// beside the store. Best on another disk or a mount the store's writers cannot rewrite.
        public var checkpoints: String?
        public init(checkpointMinutes: Double = 10, checkpoints: String? = nil) {
            self.checkpointMinutes = checkpointMinutes
            self.checkpoints = checkpoints
        }
    }

    public struct PipelineSettings: Sendable, Equatable, Codable {
        /// How many messages move through the pipeline at the same time.
        public var workers: Int
        public init(workers: Int = 2) { self.workers = workers }
    }

    public init(store: StoreSettings = StoreSettings(), spool: SpoolSettings = SpoolSettings(),
                sources: SourceSettings = SourceSettings(), log: LogSettings = LogSettings(),
                pipeline: PipelineSettings = PipelineSettings(), rules: RulesSettings = RulesSettings(),
                gateway: GatewaySettings = GatewaySettings(), audit: AuditSettings = AuditSettings(),
                file: String? = nil) {
        self.gateway = gateway
        self.audit = audit
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
              create: true
        log:
          level: info
        pipeline:
          workers: 2
        rules:
          path: rules

        """

    /// The system-wide configuration file, used when it exists and nothing else is named.
    public static let systemConfigPath = "/etc/mailroom/mailroom.yaml"

    /// Where the trained offline classifier is cached: `classifier-cache/` beside the store. `mailroom train`
    /// writes it, the daemon and `classify` read it.
    public var classifierCacheDirectory: URL { ExampleLibrary.defaultCacheDirectory(storePath: store.path) }

    /// The sources whose mail may answer an approval request: the IMAP folders and Maildirs (mail that came through a
    /// mail server), not the drop folders.
    public var approvalMailSources: Set<String> {
        Set(sources.maildir.map(\.sourceName) + sources.imap.flatMap(\.sourceNames))
    }

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
        if let root { config.recordPlaces(root) }
        return config
    }

    /// Notes where the paths checked at start were written.
    package mutating func recordPlaces(_ root: Node) {
        func note(_ name: String, _ path: [CodingKey]) {
            if let mark = ConfigNodes.node(at: path, in: root)?.mark { places[name] = ConfigPlace(line: mark.line, column: mark.column) }
        }
        for i in sources.maildir.indices {
            note("sources.maildir[\(i)].path", [ConfigKey("sources"), ConfigKey("maildir"), ConfigKey(i), ConfigKey("path")])
        }
        for i in sources.drop.indices {
            note("sources.drop[\(i)].path", [ConfigKey("sources"), ConfigKey("drop"), ConfigKey(i), ConfigKey("path")])
        }
        note("rules.path", [ConfigKey("rules"), ConfigKey("path")])
    }

    /// What makes this configuration unfit to start a daemon with, each with the file, line and column of the
    /// value: a watched Maildir or drop folder that does not exist (unless the source says `create: true`), a
    /// rules folder written in the file that does not exist or has no kinds/, or any rules folder without kinds/.
    public func startProblems() -> [ConfigError] {
        var problems: [ConfigError] = []
        func problem(_ key: String, _ message: String) {
            let place = places[key]
            problems.append(ConfigError(file: file ?? "<embedded default>", line: place?.line, column: place?.column,
                                        keyPath: key, message: message))
        }
        for (i, s) in sources.maildir.enumerated() where !s.create {
            if FileStatus.info(s.path)?.isDirectory != true {
                problem("sources.maildir[\(i)].path", "the Maildir \(s.path) does not exist; correct the path, or add "
                    + "`create: true` to this source to have Mailroom create it")
            } else if FileStatus.info(s.path + "/new")?.isDirectory != true {
                problem("sources.maildir[\(i)].path", "\(s.path) is not a Maildir (it has no new/ folder); correct the path "
                    + "(the folder holding new/, cur/ and tmp/), or add `create: true` to make it one")
            }
        }
        for (i, s) in sources.drop.enumerated() where !s.create && FileStatus.info(s.path)?.isDirectory != true {
            problem("sources.drop[\(i)].path", "the drop folder \(s.path) does not exist; correct the path, or add "
                + "`create: true` to this source to have Mailroom create it")
        }
        let kinds = rules.path + "/kinds"
        let rulesWritten = places["rules.path"] != nil
        if FileStatus.info(rules.path)?.isDirectory != true {
            if rulesWritten {
                problem("rules.path", "the rules folder \(rules.path) does not exist; correct the path (the folder "
                    + "holding kinds/ and the rule files)")
            }
        } else if FileStatus.info(kinds)?.isDirectory != true {
            problem("rules.path", "the rules folder \(rules.path) has no kinds/ folder, so no mail could be understood "
                + "(every mail would be kind `unknown`); correct the path, or add kinds (see rules/kinds/ in the example rules)")
        }
        return problems
    }

    package mutating func resolvePaths(against base: String) {
        store.path = Self.absolute(store.path, base: base)
        spool.path = Self.absolute(spool.path, base: base)
        rules.path = Self.absolute(rules.path, base: base)
        rules.connectors = Self.absolute(rules.connectors, base: base)
        audit.checkpoints = audit.checkpoints.map { Self.absolute($0, base: base) }
        for i in sources.maildir.indices { sources.maildir[i].path = Self.absolute(sources.maildir[i].path, base: base) }
        for i in sources.drop.indices { sources.drop[i].path = Self.absolute(sources.drop[i].path, base: base) }
        for i in sources.imap.indices { sources.imap[i].resolvePaths(against: base) }
        for i in gateway.providers.indices {
            gateway.providers[i].apiKeyFile = gateway.providers[i].apiKeyFile.map { Self.absolute($0, base: base) }
        }
    }

    package static func absolute(_ path: String, base: String) -> String {
        ConfigurationPaths.absolute(path, base: base)
    }
}

// MARK: - Decoding with key checks

extension MailroomConfig {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case store, spool, sources, log, pipeline, rules, gateway, messageBudget = "message_budget", audit, web, metrics
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        store = try c.decodeIfPresent(StoreSettings.self, forKey: .store) ?? StoreSettings()
        spool = try c.decodeIfPresent(SpoolSettings.self, forKey: .spool) ?? SpoolSettings()
        sources = try c.decodeIfPresent(SourceSettings.self, forKey: .sources) ?? SourceSettings()
        log = try c.decodeIfPresent(LogSettings.self, forKey: .log) ?? LogSettings()
        pipeline = try c.decodeIfPresent(PipelineSettings.self, forKey: .pipeline) ?? PipelineSettings()
        gateway = try c.decodeIfPresent(GatewaySettings.self, forKey: .gateway) ?? GatewaySettings()
        rules = try c.decodeIfPresent(RulesSettings.self, forKey: .rules) ?? RulesSettings()
        messageBudget = try c.decodeIfPresent(MessageBudget.self, forKey: .messageBudget) ?? .standard
        audit = try c.decodeIfPresent(AuditSettings.self, forKey: .audit) ?? AuditSettings()
        web = try c.decodeIfPresent(WebSettings.self, forKey: .web)
        metrics = try c.decodeIfPresent(MetricsSettings.self, forKey: .metrics)
        file = nil
        if let web, let metrics, web.listen == metrics.listen {
            throw c.problem(.metrics, "metrics.listen is the same address as web.listen (\(web.listen)); leave `metrics:` out to serve /metrics on the web listener, or give it another port")
        }

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
        try c.encode(messageBudget, forKey: .messageBudget)
        try c.encode(audit, forKey: .audit)
        try c.encodeIfPresent(web, forKey: .web)
        try c.encodeIfPresent(metrics, forKey: .metrics)
    }
}

extension MailroomConfig.AuditSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case checkpointMinutes = "checkpoint_minutes", checkpoints
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        checkpointMinutes = try c.decodeIfPresent(Double.self, forKey: .checkpointMinutes) ?? 10
        checkpoints = try c.decodeIfPresent(String.self, forKey: .checkpoints)
        guard checkpointMinutes >= 0, checkpointMinutes <= 24 * 60 else {
            throw c.problem(.checkpointMinutes, "must be between 0 (only at stop) and 1440 minutes, not \(checkpointMinutes)")
        }
        if let checkpoints { try c.requireNonEmpty(checkpoints, .checkpoints) }
    }
}

extension MailroomConfig.StoreSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable { case path }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "mailroom.sqlite"
        try c.requireNonEmpty(path, .path)
    }
}

extension MailroomConfig.SpoolSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable { case path }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "spool"
        try c.requireNonEmpty(path, .path)
    }
}

extension MailroomConfig.SourceSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable { case maildir, drop, imap }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        maildir = try c.decodeIfPresent([MailroomConfig.MaildirSourceSettings].self, forKey: .maildir) ?? []
        drop = try c.decodeIfPresent([MailroomConfig.DropFolderSettings].self, forKey: .drop) ?? []
        imap = try c.decodeIfPresent([MailroomConfig.IMAPAccountSettings].self, forKey: .imap) ?? []
    }
}

extension MailroomConfig.LogSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable { case level }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(String.self, forKey: .level) ?? "info"
        guard Logger.Level(rawValue: level) != nil else {
            let names = Logger.Level.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: level, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw c.problem(.level, "'\(level)' is not a log level (\(names.joined(separator: ", ")))\(hint)")
        }
    }
}

extension MailroomConfig.PipelineSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable { case workers }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        workers = try c.decodeIfPresent(Int.self, forKey: .workers) ?? 2
        guard (1...64).contains(workers) else {
            throw c.problem(.workers, "must be between 1 and 64, not \(workers)")
        }
    }
}

