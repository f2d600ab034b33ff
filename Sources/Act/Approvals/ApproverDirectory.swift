import Foundation
import Yams
import Vocabulary
import Decide

/// Who may approve actions that wait for a role (`approval: ROLE` in rules/*.yaml): `rules/approvers.yaml`.
///
/// ```yaml
/// notify_via: mail                 # the smtp connector that mails approval requests (optional)
/// authserv_id: mx.firma.example    # our mail system's Authentication-Results id: needed for approval by mail
/// # insecure_unauthenticated_mail_approvals: true   # only to accept replies nobody authenticated (not advised)
/// roles:
///   sales:
///     mail: [leitung@firma.example]    # may answer an approval request by mail
///     users: [anna, root]              # may run `mailroom approve/reject` (their login name)
/// ```
/// Without the file, anyone with access to the store may approve on the command line (as before) and
/// approval by mail is off: nobody is an allowed approver. Without `authserv_id`, every reply is refused (its
/// refusal says what to configure) unless `insecure_unauthenticated_mail_approvals: true` is written.
/// `require_authentication` (an earlier key) is read but changes nothing: authentication is always required.
public struct ApproverDirectory: Sendable, Hashable {
    public struct Role: Sendable, Hashable {
        public var mail: [String]
        public var users: [String]
        public var line: Int
        public init(mail: [String], users: [String], line: Int = 0) {
            self.mail = mail.map { $0.lowercased() }
            self.users = users
            self.line = line
        }
    }

    public var roles: [String: Role]
    public var notifyVia: String?
    /// Where `notify_via` is written (line, column), for problems.
    public var notifyViaPlace: (Int, Int)? { notifyViaLine.map { ($0, notifyViaColumn ?? 1) } }
    package var notifyViaLine: Int?
    package var notifyViaColumn: Int?
    /// The id our own mail system writes into the Authentication-Results headers it adds (RFC 8601); only those
    /// headers are read. Without it, approval by mail is refused (unless `acceptsUnauthenticatedMail`).
    public var authservID: String?
    /// `insecure_unauthenticated_mail_approvals: true`: the operator's written choice to accept replies without
    /// DMARC-aligned authentication by our mail system (anyone who can forge a From line can then approve).
    public var acceptsUnauthenticatedMail: Bool
    /// As shown in problems ("rules/approvers.yaml").
    public var file: String

    public static let fileName = RuleSet.approversFileName
    public static let insecureOptOutKey = "insecure_unauthenticated_mail_approvals"

    public init(roles: [String: Role], notifyVia: String? = nil, authservID: String? = nil, acceptsUnauthenticatedMail: Bool = false,
                file: String = "rules/approvers.yaml") {
        self.roles = roles
        self.notifyVia = notifyVia
        self.authservID = authservID?.lowercased()
        self.acceptsUnauthenticatedMail = acceptsUnauthenticatedMail
        self.file = file
    }

    public func mayApproveByMail(role: String, address: String) -> Bool {
        roles[role]?.mail.contains(address.lowercased()) ?? false
    }

    public func mayApproveLocally(role: String, user: String) -> Bool {
        roles[role]?.users.contains(user) ?? false
    }

    /// The file in the rules folder, or nil when there is none; problems with file:line:column.
    public static func load(rulesDirectory: URL) -> (ApproverDirectory?, [RuleFileProblem]) {
        let url = rulesDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return (nil, []) }
        let shown = RuleSet.displayPath(url)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return (nil, [RuleFileProblem(file: shown, line: nil, column: nil, message: "cannot read the file as UTF-8 text")])
        }
        return read(yaml: text, file: shown)
    }

    public static func read(yaml: String, file: String) -> (ApproverDirectory?, [RuleFileProblem]) {
        var reader = YAMLFileReader(file: file)
        guard case .success(let root) = reader.compose(yaml) else { return (nil, reader.problems) }
        var problems: [RuleFileProblem] = []
        func problem(_ node: Node?, _ message: String, suggestion: String? = nil) {
            problems.append(RuleFileProblem(file: file, at: node, message: message, suggestion: suggestion))
        }
        guard let mapping = root?.mapping else {
            problem(root, "the approvers file is a mapping with `roles:`", suggestion: "roles:\n  sales:\n    mail: [boss@example.com]\n    users: [anna]")
            return (nil, problems)
        }
        var directory = ApproverDirectory(roles: [:], file: file)
        let topKeys = ["roles", "notify_via", "authserv_id", insecureOptOutKey, "require_authentication"]
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "notify_via":
                if let s = value.scalar?.string, !s.isEmpty {
                    directory.notifyVia = s
                    directory.notifyViaLine = value.mark?.line
                    directory.notifyViaColumn = value.mark?.column
                } else { problem(value, "`notify_via` names an smtp connector") }
            case "authserv_id":
                if let s = value.scalar?.string, !s.isEmpty { directory.authservID = s.lowercased() } else { problem(value, "`authserv_id` is a host name") }
            case "require_authentication":
                if let s = value.scalar?.string, let b = Bool(s.lowercased()) {
                    if !b {
                        problems.append(RuleFileProblem(file: file, at: value, severity: .warning,
                            message: "`require_authentication: false` no longer turns the check off: replies to approval requests are "
                                + "accepted only with DMARC-aligned Authentication-Results from `authserv_id`",
                            suggestion: "remove the line; to accept unauthenticated replies anyway (not advised) write `\(insecureOptOutKey): true`"))
                    }
                } else { problem(value, "`require_authentication` is true or false") }
            case insecureOptOutKey:
                if let s = value.scalar?.string, let b = Bool(s.lowercased()) {
                    directory.acceptsUnauthenticatedMail = b
                    if b {
                        problems.append(RuleFileProblem(file: file, at: value, severity: .warning,
                            message: "approval replies are accepted without authentication: anyone who can forge the From line of an "
                                + "approver may approve", suggestion: "set `authserv_id` to your mail server's id and remove this line"))
                    }
                } else { problem(value, "`\(insecureOptOutKey)` is true or false") }
            case "roles":
                guard let roles = value.mapping else { problem(value, "`roles` maps each role to its approvers"); continue }
                for (roleKey, roleValue) in roles {
                    guard let role = roleKey.string, !role.isEmpty else { problem(roleKey, "a role is a plain word"); continue }
                    guard let fields = roleValue.mapping else {
                        problem(roleValue, "role '\(role)' needs `mail:` and/or `users:` lists")
                        continue
                    }
                    var mail: [String] = [], users: [String] = []
                    for (fk, fv) in fields {
                        let list: [String]
                        if let s = fv.scalar?.string { list = [s] } else if let seq = fv.sequence {
                            list = seq.compactMap { item in
                                if let s = item.scalar?.string { return s }
                                problem(item, "list items must be text"); return nil
                            }
                        } else { problem(fv, "`\(fk.string ?? "")` must be a list"); continue }
                        switch fk.string {
                        case "mail":
                            for (i, address) in list.enumerated() where !address.contains("@") || address.contains(" ") {
                                problem(fv.sequence?[i] ?? fv, "'\(address)' is not a mail address")
                            }
                            mail = list
                        case "users":
                            users = list
                        default:
                            let guess = Suggestion.closest(to: fk.string ?? "", among: ["mail", "users"])
                            problem(fk, "unknown key '\(fk.string ?? "")' in role '\(role)'", suggestion: guess.map { "did you mean '\($0)'?" })
                        }
                    }
                    if mail.isEmpty && users.isEmpty { problem(roleKey, "role '\(role)' has no approvers") }
                    directory.roles[role] = Role(mail: mail, users: users, line: roleKey.mark?.line ?? 0)
                }
            default:
                let guess = Suggestion.closest(to: name, among: topKeys)
                problem(key, "unknown key '\(name)'", suggestion: guess.map { "did you mean '\($0)'?" } ?? "known keys: \(topKeys.joined(separator: ", "))")
            }
        }
        return (directory, problems)
    }

    /// Cross-checks with the rules and connectors: every role a rule waits for has approvers here; the
    /// notifying connector exists and is an smtp connector.
    public func check(rules: RuleSet, connectors: ConnectorCatalogue) -> [RuleFileProblem] {
        var problems: [RuleFileProblem] = []
        var reported: Set<String> = []
        for rule in rules.rules {
            for action in rule.actions {
                guard let role = action.approval, roles[role] == nil, reported.insert("\(rule.file)#\(role)#\(action.line)").inserted else { continue }
                let guess = Suggestion.closest(to: role, among: Array(roles.keys))
                problems.append(RuleFileProblem(file: rule.file, line: action.line, column: action.column,
                                                message: "rule '\(rule.name)' waits for approval by role '\(role)', which \(file) does not define",
                                                suggestion: guess.map { "did you mean '\($0)'?" } ?? "add `\(role):` with `mail:` and `users:` under `roles:` in \(file)"))
            }
        }
        if let notifyVia {
            if let c = connectors.connector(named: notifyVia) {
                if c.type != "smtp" {
                    problems.append(RuleFileProblem(file: file, line: notifyViaLine, column: notifyViaColumn, message: "`notify_via: \(notifyVia)` is a \(c.type) connector, not smtp"))
                }
            } else {
                let guess = Suggestion.closest(to: notifyVia, among: connectors.connectors.map(\.name))
                problems.append(RuleFileProblem(file: file, line: notifyViaLine, column: notifyViaColumn, message: "`notify_via` names no connector '\(notifyVia)'",
                                                suggestion: guess.map { "did you mean '\($0)'?" }))
            }
        }
        return problems
    }
}
