import Foundation
import GRDB
import Vocabulary

/// Web UI users, sessions and failed-login counters (tables from migration "2027-04 web users and sessions").
/// Every change to a user, every login, failed login and logout is an audit event of stage "web".
extension MailStore {
    // MARK: - Users

    /// Adds a user, or gives a removed (disabled) login a new password and roles.
    public func addWebUser(login: String, passwordHash: String, roles: [WebRole], language: String?,
                           actor: String) throws -> WebUser {
        guard WebUser.isValidLogin(login) else { throw StoreError.invalidArgument("'\(login)' is not a valid login") }
        return try writingWeb("add the web user \(login)") { db in
            let now = clock()
            if let existing = try Row.fetchOne(db, sql: "SELECT id, disabled_at FROM web_users WHERE login = ?", arguments: [login]) {
                guard (existing[1] as String?) != nil else {
                    throw StoreError.invalidArgument("there is already a web user '\(login)'; change their password with `mailroom user passwd \(login)`")
                }
                try db.execute(sql: """
                    UPDATE web_users SET password_hash = ?, roles = ?, language = ?, created_at = ?, disabled_at = NULL
                    WHERE login = ?
                    """, arguments: [passwordHash, Self.rolesText(roles), language, MillisecondTime.string(now), login])
            } else {
                try db.execute(sql: """
                    INSERT INTO web_users (login, password_hash, roles, language, created_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [login, passwordHash, Self.rolesText(roles), language, MillisecondTime.string(now)])
            }
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: actor, eventType: "user added", details: [
                "login": .string(login), "roles": .array(roles.map { .string($0.description) }),
                "language": language.map(JSONValue.string) ?? .null,
            ]), in: db)
            return try Self.fetchWebUser(login: login, in: db)!
        }
    }

    /// Replaces a user's password and ends every session they have.
    public func setWebUserPassword(login: String, passwordHash: String, actor: String) throws {
        try writingWeb("change the password of \(login)") { db in
            guard let user = try Self.fetchWebUser(login: login, in: db), user.disabledAt == nil else {
                throw StoreError.invalidArgument("there is no web user '\(login)' (see `mailroom user list`)")
            }
            try db.execute(sql: "UPDATE web_users SET password_hash = ? WHERE id = ?", arguments: [passwordHash, user.id])
            let ended = try Self.endSessions(ofUser: user.id, in: db)
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: actor, eventType: "password changed",
                                            details: ["login": .string(login), "sessions_ended": .int(Int64(ended))]), in: db)
        }
    }

    /// Disables a user (their login stops working at once) and ends their sessions. `keepingAnAdmin`: refused
    /// when no other active admin would be left (the admin page; checked in the same transaction).
    public func removeWebUser(login: String, actor: String, keepingAnAdmin: Bool = false) throws {
        try writingWeb("remove the web user \(login)") { db in
            guard let user = try Self.fetchWebUser(login: login, in: db), user.disabledAt == nil else {
                throw StoreError.invalidArgument("there is no web user '\(login)' (see `mailroom user list`)")
            }
            if keepingAnAdmin, user.roles.contains(.admin), try Self.otherActiveAdmins(than: user.id, in: db) == 0 {
                throw StoreError.invalidArgument("\(login) is the last admin; make someone else admin first")
            }
            try db.execute(sql: "UPDATE web_users SET disabled_at = ? WHERE id = ?",
                           arguments: [MillisecondTime.string(clock()), user.id])
            let ended = try Self.endSessions(ofUser: user.id, in: db)
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: actor, eventType: "user removed",
                                            details: ["login": .string(login), "sessions_ended": .int(Int64(ended))]), in: db)
        }
    }

    /// Gives an active user new roles (their sessions go on with the new roles at the next request).
    /// `keepingAnAdmin`: refused when it would leave no active admin.
    public func setWebUserRoles(login: String, roles: [WebRole], actor: String, keepingAnAdmin: Bool = false) throws {
        try writingWeb("change the roles of \(login)") { db in
            guard let user = try Self.fetchWebUser(login: login, in: db), user.disabledAt == nil else {
                throw StoreError.invalidArgument("there is no web user '\(login)' (see `mailroom user list`)")
            }
            guard !roles.isEmpty else { throw StoreError.invalidArgument("give \(login) at least one role") }
            if keepingAnAdmin, user.roles.contains(.admin), !roles.contains(.admin),
               try Self.otherActiveAdmins(than: user.id, in: db) == 0 {
                throw StoreError.invalidArgument("\(login) is the last admin; make someone else admin first")
            }
            try db.execute(sql: "UPDATE web_users SET roles = ? WHERE id = ?", arguments: [Self.rolesText(roles), user.id])
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: actor, eventType: "roles changed", details: [
                "login": .string(login), "from": .array(user.roles.map { .string($0.description) }),
                "to": .array(roles.map { .string($0.description) }),
            ]), in: db)
        }
    }

    /// Every user, removed ones included, by login.
    public func webUsers() throws -> [WebUser] {
        try readingWeb("list the web users") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.userColumns) FROM web_users ORDER BY login").map(Self.webUser)
        }
    }

    /// When each user last logged in (users who never did are not in it).
    public func webUserLastLogins() throws -> [String: Date] {
        try readingWeb("read the web users' last logins") { db in
            var result: [String: Date] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT login, last_login_at FROM web_users WHERE last_login_at IS NOT NULL") {
                if let date = (row[1] as String?).flatMap(MillisecondTime.date) { result[row[0]] = date }
            }
            return result
        }
    }

    public func webUser(login: String) throws -> WebUser? {
        try readingWeb("read the web user \(login)") { db in try Self.fetchWebUser(login: login, in: db) }
    }

    // MARK: - Sessions

    /// A successful login: the session row, the login's and the address's failure counters cleared, sessions
    /// past their expiry deleted, and the audit event "login".
    public func startWebSession(_ session: WebSession, login: String, clientAddress: String) throws {
        try writingWeb("start a web session for \(login)") { db in
            try db.execute(sql: "DELETE FROM web_sessions WHERE expires_at < ?", arguments: [MillisecondTime.string(clock())])
            try db.execute(sql: """
                INSERT INTO web_sessions (id_sha256, user_id, created_at, last_seen_at, expires_at, csrf_token)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [session.idHash, session.userID, MillisecondTime.string(session.createdAt),
                                 MillisecondTime.string(session.lastSeenAt), MillisecondTime.string(session.expiresAt),
                                 session.csrfToken])
            try db.execute(sql: "DELETE FROM web_login_failures WHERE key IN (?, ?)",
                           arguments: ["login:" + login, "address:" + clientAddress])
            try db.execute(sql: "UPDATE web_users SET last_login_at = ? WHERE id = ?",
                           arguments: [MillisecondTime.string(session.createdAt), session.userID])
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: AuditActor.webUser(login), eventType: "login",
                                            details: ["address": .string(clientAddress)]), in: db)
        }
    }

    /// The session with this id hash and its user, when it has not expired and the user is not disabled.
    public func webSession(idHash: String, at time: Date) throws -> (session: WebSession, user: WebUser)? {
        try readingWeb("read a web session") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id_sha256, user_id, created_at, last_seen_at, expires_at, csrf_token FROM web_sessions
                WHERE id_sha256 = ? AND expires_at > ?
                """, arguments: [idHash, MillisecondTime.string(time)]) else { return nil }
            func date(_ i: Int) -> Date { (row[i] as String?).flatMap(MillisecondTime.date) ?? .distantPast }
            let session = WebSession(idHash: row[0], userID: row[1], createdAt: date(2), lastSeenAt: date(3),
                                     expiresAt: date(4), csrfToken: row[5])
            guard let userRow = try Row.fetchOne(db, sql: "SELECT \(Self.userColumns) FROM web_users WHERE id = ?",
                                                 arguments: [session.userID]) else { return nil }
            let user = Self.webUser(userRow)
            guard user.disabledAt == nil else { return nil }
            return (session, user)
        }
    }

    /// Moves a session's idle expiry on.
    public func touchWebSession(idHash: String, lastSeenAt: Date, expiresAt: Date) throws {
        try writingWeb("extend a web session") { db in
            try db.execute(sql: "UPDATE web_sessions SET last_seen_at = ?, expires_at = ? WHERE id_sha256 = ?",
                           arguments: [MillisecondTime.string(lastSeenAt), MillisecondTime.string(expiresAt), idHash])
        }
    }

    /// Logout: the session row goes; audit event "logout".
    public func endWebSession(idHash: String, login: String) throws {
        try writingWeb("end a web session") { db in
            try db.execute(sql: "DELETE FROM web_sessions WHERE id_sha256 = ?", arguments: [idHash])
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: AuditActor.webUser(login),
                                            eventType: "logout"), in: db)
        }
    }

    // MARK: - Failed logins

    /// The failure counters of these keys (`login:NAME`, `address:IP`) that exist.
    public func webLoginThrottles(keys: [String]) throws -> [WebLoginThrottle] {
        try readingWeb("read failed-login counters") { db in
            try keys.compactMap { key in
                try Row.fetchOne(db, sql: "SELECT key, failures, last_failure_at, locked_until FROM web_login_failures WHERE key = ?",
                                 arguments: [key]).map(Self.throttle)
            }
        }
    }

    /// A failed login: each key's counter goes up by one, its lock is set to `lockSeconds(key, failures)` from
    /// now (0: no lock), and the audit event "login failed" names the login tried, the address and the locks.
    public func recordFailedWebLogin(login: String, clientAddress: String, reason: String,
                                     lockSeconds: @Sendable (_ key: String, _ failures: Int) -> Double) throws -> [WebLoginThrottle] {
        try writingWeb("record a failed login") { db in
            let now = clock()
            var result: [WebLoginThrottle] = []
            for key in ["login:" + login, "address:" + clientAddress] {
                let failures = (try Int.fetchOne(db, sql: "SELECT failures FROM web_login_failures WHERE key = ?", arguments: [key]) ?? 0) + 1
                let seconds = lockSeconds(key, failures)
                let lockedUntil = seconds > 0 ? now.addingTimeInterval(seconds) : nil
                try db.execute(sql: """
                    INSERT INTO web_login_failures (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
                        locked_until = excluded.locked_until
                    """, arguments: [key, failures, MillisecondTime.string(now), lockedUntil.map(MillisecondTime.string)])
                result.append(WebLoginThrottle(key: key, failures: failures, lastFailureAt: now, lockedUntil: lockedUntil))
            }
            var details: [String: JSONValue] = ["login": .string(login), "address": .string(clientAddress), "reason": .string(reason)]
            for t in result {
                details[t.key.hasPrefix("login:") ? "login_failures" : "address_failures"] = .int(Int64(t.failures))
                if let until = t.lockedUntil {
                    details[t.key.hasPrefix("login:") ? "login_locked_until" : "address_locked_until"] = .string(MillisecondTime.string(until))
                }
            }
            try appendAuditEvent(AuditDraft(messageID: nil, stage: "web", actor: AuditActor.mailroom,
                                            eventType: "login failed", details: details), in: db)
            return result
        }
    }

    // MARK: - Rows

    private static let userColumns = "id, login, password_hash, roles, language, created_at, disabled_at"

    private static func webUser(_ row: Row) -> WebUser {
        WebUser(id: row[0], login: row[1], passwordHash: row[2],
                roles: (row[3] as String).split(separator: " ").compactMap { WebRole(String($0)) },
                language: row[4], createdAt: (row[5] as String?).flatMap(MillisecondTime.date) ?? .distantPast,
                disabledAt: (row[6] as String?).flatMap(MillisecondTime.date))
    }

    private static func throttle(_ row: Row) -> WebLoginThrottle {
        WebLoginThrottle(key: row[0], failures: row[1],
                         lastFailureAt: (row[2] as String?).flatMap(MillisecondTime.date) ?? .distantPast,
                         lockedUntil: (row[3] as String?).flatMap(MillisecondTime.date))
    }

    private static func fetchWebUser(login: String, in db: Database) throws -> WebUser? {
        try Row.fetchOne(db, sql: "SELECT \(userColumns) FROM web_users WHERE login = ?", arguments: [login]).map(webUser)
    }

    private static func otherActiveAdmins(than id: Int64, in db: Database) throws -> Int {
        try Row.fetchAll(db, sql: "SELECT \(userColumns) FROM web_users WHERE disabled_at IS NULL AND id <> ?", arguments: [id])
            .map(webUser).filter { $0.roles.contains(.admin) }.count
    }

    private static func endSessions(ofUser id: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM web_sessions WHERE user_id = ?", arguments: [id])
        return db.changesCount
    }

    private static func rolesText(_ roles: [WebRole]) -> String { roles.map(\.description).joined(separator: " ") }

    private func writingWeb<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    private func readingWeb<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }
}
