import Act
import Decide
import Foundation
import PasswordHashing
import Store
import Vocabulary

/// Web users and their logins: the operations `mailroom user …` and the login page call. Passwords are kept as
/// Argon2id hashes (PasswordHashing); sessions by the SHA-256 of their id; every change, login, failed login
/// and logout is an audit event of stage "web" (MailStore+WebAccess).
public struct WebAccounts: Sendable {
    public let store: MailStore
    public let throttle: LoginThrottlePolicy
    /// Hours a session lasts without a request (`web.session_hours`).
    public let sessionHours: Double
    let clock: @Sendable () -> Date

    public init(store: MailStore, sessionHours: Double = 8, throttle: LoginThrottlePolicy = .standard,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.sessionHours = sessionHours
        self.throttle = throttle
        self.clock = clock
    }

    // MARK: - Users (`mailroom user`)

    /// Shortest password `user add` and `user passwd` accept.
    public static let minimumPasswordLength = 10

    /// `approverRolesFrom`: the rules folder whose approvers.yaml must declare every `approver:ROLE` given
    /// (nil: not checked — only for tests that have no rules folder).
    public func addUser(login: String, password: String, roles: [WebRole], language: WebLanguage?, actor: String,
                        approverRolesFrom rulesDirectory: URL?, cost: PasswordHash.Cost = .standard) throws -> WebUser {
        guard WebUser.isValidLogin(login) else {
            throw OperatorInputError(message: "'\(login)' is not a login: use 1 to 64 letters, digits, '.', '_', '-' or '@'")
        }
        guard !roles.isEmpty else {
            throw OperatorInputError(message: "give the user at least one --role (auditor, reviewer, approver:ROLE, admin)")
        }
        if let rulesDirectory { try Self.checkApproverRoles(roles, rulesDirectory: rulesDirectory) }
        try Self.checkPassword(password)
        let hash = try PasswordHash.make(password, cost: cost)
        return try store.addWebUser(login: login, passwordHash: hash, roles: roles, language: language?.rawValue, actor: actor)
    }

    public func changePassword(login: String, password: String, actor: String, cost: PasswordHash.Cost = .standard) throws {
        try Self.checkPassword(password)
        try store.setWebUserPassword(login: login, passwordHash: try PasswordHash.make(password, cost: cost), actor: actor)
    }

    /// `keepingAnAdmin`: refused when it would leave no active admin (the admin page).
    public func removeUser(login: String, actor: String, keepingAnAdmin: Bool = false) throws {
        try store.removeWebUser(login: login, actor: actor, keepingAnAdmin: keepingAnAdmin)
    }

    /// New roles for a user; approver roles checked against the rules folder's approvers.yaml.
    public func changeRoles(login: String, roles: [WebRole], actor: String, approverRolesFrom rulesDirectory: URL,
                            keepingAnAdmin: Bool = false) throws {
        guard !roles.isEmpty else {
            throw OperatorInputError(message: "give the user at least one role (auditor, reviewer, approver:ROLE, admin)")
        }
        try Self.checkApproverRoles(roles, rulesDirectory: rulesDirectory)
        try store.setWebUserRoles(login: login, roles: roles, actor: actor, keepingAnAdmin: keepingAnAdmin)
    }

    /// The approver roles rules/approvers.yaml declares (its `roles:` keys), sorted; none without the file.
    public static func declaredApproverRoles(rulesDirectory: URL) throws -> [String] {
        let (directory, problems) = ApproverDirectory.load(rulesDirectory: rulesDirectory)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw OperatorInputError(message: "cannot read the approver roles: "
                                     + errors.map(\.description).joined(separator: "; "))
        }
        return directory?.roles.keys.sorted() ?? []
    }

    /// Refuses an `approver:ROLE` that rules/approvers.yaml does not declare, naming the roles it does.
    public static func checkApproverRoles(_ roles: [WebRole], rulesDirectory: URL) throws {
        var wanted: [String] = []
        for case .approver(let role) in roles { wanted.append(role) }
        guard !wanted.isEmpty else { return }
        let known = try declaredApproverRoles(rulesDirectory: rulesDirectory)
        let file = RuleSet.displayPath(rulesDirectory.appendingPathComponent(ApproverDirectory.fileName))
        for role in wanted where !known.contains(role) {
            if known.isEmpty {
                throw OperatorInputError(message: "approver:\(role): \(file) declares no approver roles (is it there?); "
                                         + "declare the role under roles: first")
            }
            let hint = Suggestion.closest(to: role, among: known).map { " (did you mean approver:\($0)?)" } ?? ""
            throw OperatorInputError(message: "approver:\(role) is not a role of \(file)\(hint); its roles are: "
                                     + known.map { "approver:" + $0 }.joined(separator: ", "))
        }
    }

    public func users() throws -> [WebUser] { try store.webUsers() }

    static func checkPassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw OperatorInputError(message: "the password must have at least \(minimumPasswordLength) characters")
        }
    }

    // MARK: - Login

    /// What a login attempt came to.
    public enum LoginOutcome: Sendable {
        /// Logged in: the cookie carries `sessionID`.
        case loggedIn(sessionID: String, user: WebUser)
        /// Wrong login or password (which one is not said).
        case refused
        /// Too many failures for this login or address: no password is checked before `until`.
        case locked(until: Date)
    }

    /// Checks a login; counts and audits a failure, starts and audits a session on success.
    public func logIn(login rawLogin: String, password: String, clientAddress: String) throws -> LoginOutcome {
        // The login is typed by anyone: kept short and printable before it reaches the store and the audit trail.
        let login = String(rawLogin.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(64).map(Character.init))
        let now = clock()
        let locks = try store.webLoginThrottles(keys: ["login:" + login, "address:" + clientAddress])
            .compactMap(\.lockedUntil).filter { $0 > now }
        if let until = locks.max() { return .locked(until: until) }

        let user = try store.webUser(login: login)
        // An unknown login costs the same hashing as a known one: the answer's timing does not tell them apart.
        let matches = PasswordHash.verify(password, against: user?.passwordHash ?? Self.decoyHash)
        guard let user, matches, user.disabledAt == nil, !user.roles.isEmpty else {
            let reason = user == nil ? "unknown login" : user?.disabledAt != nil ? "removed user" : "wrong password"
            let policy = throttle
            let counters = try store.recordFailedWebLogin(login: login, clientAddress: clientAddress, reason: reason) { key, failures in
                policy.lockSeconds(forAddress: key.hasPrefix("address:"), failures: failures)
            }
            if let until = counters.compactMap(\.lockedUntil).max() { return .locked(until: until) }
            return .refused
        }
        let sessionID = WebSecurity.randomToken()
        let session = WebSession(idHash: WebSecurity.sha256Hex(sessionID), userID: user.id, createdAt: now, lastSeenAt: now,
                                 expiresAt: now.addingTimeInterval(sessionHours * 3600), csrfToken: WebSecurity.randomToken())
        try store.startWebSession(session, login: user.login, clientAddress: clientAddress)
        return .loggedIn(sessionID: sessionID, user: user)
    }

    /// The live session a cookie names and its user; moves the idle expiry on (at most once a minute).
    public func session(cookie sessionID: String) throws -> (session: WebSession, user: WebUser)? {
        guard sessionID.count == 43 else { return nil }
        let now = clock()
        let idHash = WebSecurity.sha256Hex(sessionID)
        guard var found = try store.webSession(idHash: idHash, at: now) else { return nil }
        if now.timeIntervalSince(found.session.lastSeenAt) >= 60 {
            let expires = now.addingTimeInterval(sessionHours * 3600)
            try store.touchWebSession(idHash: idHash, lastSeenAt: now, expiresAt: expires)
            found.session.lastSeenAt = now
            found.session.expiresAt = expires
        }
        return found
    }

    public func logOut(session: WebSession, user: WebUser) throws {
        try store.endWebSession(idHash: session.idHash, login: user.login)
    }

    /// A hash no password matches in practice, verified for unknown logins (made once, on first use).
    static let decoyHash: String = (try? PasswordHash.make(WebSecurity.randomToken())) ?? ""
}

/// How failed logins slow further attempts. After `freeFailures` failures of one login (or `freeAddressFailures`
/// from one address) each further failure locks that key for `firstLockSeconds`, doubling, at most
/// `longestLockSeconds`. A locked login is not checked at all (no password hashing, nothing audited) until the
/// lock ends; a successful login clears both counters.
public struct LoginThrottlePolicy: Sendable {
    public var freeFailures: Int
    public var freeAddressFailures: Int
    public var firstLockSeconds: Double
    public var longestLockSeconds: Double

    public init(freeFailures: Int, freeAddressFailures: Int, firstLockSeconds: Double, longestLockSeconds: Double) {
        self.freeFailures = freeFailures
        self.freeAddressFailures = freeAddressFailures
        self.firstLockSeconds = firstLockSeconds
        self.longestLockSeconds = longestLockSeconds
    }

    /// 3 failures per login, 10 per address, then 30 s, 60 s, … up to an hour.
    public static let standard = LoginThrottlePolicy(freeFailures: 3, freeAddressFailures: 10, firstLockSeconds: 30,
                                                     longestLockSeconds: 3600)

    public func lockSeconds(forAddress: Bool, failures: Int) -> Double {
        let free = forAddress ? freeAddressFailures : freeFailures
        guard failures >= free else { return 0 }
        let doublings = min(failures - free, 20)
        return min(longestLockSeconds, firstLockSeconds * pow(2, Double(doublings)))
    }
}
