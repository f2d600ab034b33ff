import Foundation

/// A person who may use the web UI (`mailroom user add`), as the store keeps them.
public struct WebUser: Sendable, Equatable {
    public var id: Int64
    public var login: String
    /// The Argon2id hash in its PHC form (PasswordHashing); never the password.
    public var passwordHash: String
    public var roles: [WebRole]
    /// `en`, `de` or `zh`; nil: the browser's Accept-Language decides.
    public var language: String?
    public var createdAt: Date
    /// Set by `mailroom user remove`: the login no longer works; the row stays for the audit trail's sake.
    public var disabledAt: Date?

    public init(id: Int64, login: String, passwordHash: String, roles: [WebRole], language: String?,
                createdAt: Date, disabledAt: Date?) {
        self.id = id
        self.login = login
        self.passwordHash = passwordHash
        self.roles = roles
        self.language = language
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    /// A login is 1–64 characters of letters, digits, `.`, `_`, `-` and `@`: it is written into audit actors
    /// (`user:LOGIN`) and shown on pages.
    public static func isValidLogin(_ login: String) -> Bool {
        guard (1...64).contains(login.count) else { return false }
        return login.unicodeScalars.allSatisfy { s in
            (s.isASCII && (CharacterSet.alphanumerics.contains(s) || "._-@".unicodeScalars.contains(s)))
        }
    }
}

/// What a web user may do. `auditor` reads everything and changes nothing; `reviewer` also answers the review
/// queue; `approver:<role>` also approves or rejects actions waiting for that approver role (rules/approvers);
/// `admin` may do all of it.
public enum WebRole: Sendable, Hashable, CustomStringConvertible {
    case auditor
    case reviewer
    case approver(String)
    case admin

    public init?(_ text: String) {
        switch text {
        case "auditor": self = .auditor
        case "reviewer": self = .reviewer
        case "admin": self = .admin
        default:
            guard text.hasPrefix("approver:") else { return nil }
            let role = String(text.dropFirst("approver:".count))
            guard !role.isEmpty, role.count <= 64,
                  role.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-".unicodeScalars.contains($0)) })
            else { return nil }
            self = .approver(role)
        }
    }

    public var description: String {
        switch self {
        case .auditor: "auditor"
        case .reviewer: "reviewer"
        case .approver(let role): "approver:" + role
        case .admin: "admin"
        }
    }
}

/// A logged-in browser. The session id itself is only in the browser's cookie; the store keeps its SHA-256.
public struct WebSession: Sendable, Equatable {
    /// SHA-256 of the session id, hex.
    public var idHash: String
    public var userID: Int64
    public var createdAt: Date
    public var lastSeenAt: Date
    /// Idle expiry: `lastSeenAt` + `web.session_hours`.
    public var expiresAt: Date
    /// The token every form of this session carries (hidden field `csrf`).
    public var csrfToken: String

    public init(idHash: String, userID: Int64, createdAt: Date, lastSeenAt: Date, expiresAt: Date, csrfToken: String) {
        self.idHash = idHash
        self.userID = userID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.csrfToken = csrfToken
    }
}

/// Failed logins counted against one key (`login:NAME` or `address:IP`) and the lock they earned.
public struct WebLoginThrottle: Sendable, Equatable {
    public var key: String
    public var failures: Int
    public var lastFailureAt: Date
    /// No login is tried for this key before this time.
    public var lockedUntil: Date?

    public init(key: String, failures: Int, lastFailureAt: Date, lockedUntil: Date?) {
        self.key = key
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }
}
