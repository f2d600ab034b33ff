import Crypto
import Foundation

/// One action a rule wants taken for a message, as Decide produces it (before anything is sent).
/// Decide is a pure function of (message, understanding, rules): the same inputs give the same list.
public struct IntendedAction: Sendable, Hashable, Codable {
    /// The rule's name and the file it comes from, with that file's SHA-256 (the audit records both).
    public var rule: String
    public var ruleFile: String
    public var ruleFileSHA256: String
    /// Position of the action in the rule's action list (0-based).
    public var index: Int
    /// The connector's name in `connectors/*.yaml` ("erp", "webhook", …).
    public var connector: String
    /// The connector action ("create_quotation", "post", …).
    public var action: String
    /// Parameters after template rendering.
    public var parameters: [String: JSONValue]
    /// The role that must approve before the action is carried out; nil = no approval needed.
    public var approval: String?
    /// Where in `parameters` a rule file's template over `captured` values stands ("party_id", "lines[0].sku"):
    /// those values exist only when earlier actions have run, so the outbox fills exactly these places then.
    /// Nothing else is ever read as a template — a value that came from a mail stays text, whatever it contains.
    public var capturedTemplates: [String]

    public init(rule: String, ruleFile: String, ruleFileSHA256: String, index: Int, connector: String,
                action: String, parameters: [String: JSONValue], approval: String? = nil, capturedTemplates: [String] = []) {
        self.rule = rule
        self.ruleFile = ruleFile
        self.ruleFileSHA256 = ruleFileSHA256
        self.index = index
        self.connector = connector
        self.action = action
        self.parameters = parameters
        self.approval = approval
        self.capturedTemplates = capturedTemplates
    }

    package enum CodingKeys: String, CodingKey {
        case rule, ruleFile = "rule_file", ruleFileSHA256 = "rule_file_sha256", index, connector, action
        case parameters, approval, capturedTemplates = "captured_templates"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        ruleFile = try c.decode(String.self, forKey: .ruleFile)
        ruleFileSHA256 = try c.decode(String.self, forKey: .ruleFileSHA256)
        index = try c.decode(Int.self, forKey: .index)
        connector = try c.decode(String.self, forKey: .connector)
        action = try c.decode(String.self, forKey: .action)
        parameters = try c.decode([String: JSONValue].self, forKey: .parameters)
        approval = try c.decodeIfPresent(String.self, forKey: .approval)
        capturedTemplates = try c.decodeIfPresent([String].self, forKey: .capturedTemplates) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(ruleFile, forKey: .ruleFile)
        try c.encode(ruleFileSHA256, forKey: .ruleFileSHA256)
        try c.encode(index, forKey: .index)
        try c.encode(connector, forKey: .connector)
        try c.encode(action, forKey: .action)
        try c.encode(parameters, forKey: .parameters)
        try c.encodeIfPresent(approval, forKey: .approval)
        if !capturedTemplates.isEmpty { try c.encode(capturedTemplates, forKey: .capturedTemplates) }
    }

    /// The outbox's idempotency key: message, rule, action index and the parameters' hash. The same
    /// intended action for the same message always has the same key, so it is carried out at most once.
    public func idempotencyKey(messageID: Int64) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let parameterBytes = (try? encoder.encode(parameters)) ?? Data()
        let parameterHash = SHA256.hash(data: parameterBytes).map { String(format: "%02x", $0) }.joined()
        var material = "\(messageID)\u{1F}\(rule)\u{1F}\(index)\u{1F}\(connector)\u{1F}\(action)\u{1F}\(parameterHash)"
        // The same text as a rule's template or as a mail's value is not the same action.
        if !capturedTemplates.isEmpty { material += "\u{1F}" + capturedTemplates.sorted().joined(separator: "\u{1E}") }
        let digest = SHA256.hash(data: Data(material.utf8)).map { String(format: "%02x", $0) }.joined()
        return "mr-\(messageID)-\(digest.prefix(32))"
    }
}

extension IntendedAction {
    /// The action as the audit trail and the outbox record it.
    public var auditJSON: JSONValue {
        .object([
            "rule": .string(rule), "rule_file": .string(ruleFile), "rule_file_sha256": .string(ruleFileSHA256),
            "index": .integer(index), "connector": .string(connector), "action": .string(action),
            "parameters": .object(parameters), "approval": .optional(approval),
        ].merging(capturedTemplates.isEmpty ? [:] : ["captured_templates": .array(capturedTemplates.map { .string($0) })]) { a, _ in a })
    }
}
