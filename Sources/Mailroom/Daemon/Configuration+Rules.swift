import Foundation

extension MailroomConfig {
    /// `rules:` — where the rule author's files are: `kinds/` (kinds and fields), `examples/` (the offline
    /// classifier's training mail), rule files. A relative path resolves against the configuration file's
    /// folder (the working directory for the embedded default).
    public struct RulesSettings: Sendable, Equatable, Codable {
        public var path: String
        public init(path: String = "rules") { self.path = path }

        public var kindsDirectory: URL { URL(fileURLWithPath: path).appendingPathComponent("kinds") }
        public var examplesDirectory: URL { URL(fileURLWithPath: path).appendingPathComponent("examples") }
    }
}

extension MailroomConfig.RulesSettings {
    enum CodingKeys: String, CodingKey, CaseIterable { case path }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "rules"
        try c.requireNonEmpty(path, .path)
    }
}
