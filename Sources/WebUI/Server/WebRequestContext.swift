import Foundation
import Hummingbird
import NIOCore
import Vocabulary

/// What a request of the web UI carries from the middleware to the page: the logged-in user (nil before
/// login), their session's CSRF token, the language labels are shown in, and the client's address.
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `SessionMiddleware` when the request carries a live session.
    public var user: WebUser?
    public var session: WebSession?
    /// The token every form must send back (hidden field `csrf`); nil before login.
    public var csrfToken: String? { session?.csrfToken }
    /// The user's own setting, else the browser's Accept-Language, else English.
    public var language: WebLanguage = .en
    /// The peer's IP address (the reverse proxy's when there is one): failed logins are counted per address too.
    public let clientAddress: String
    /// The form of a POST, read and CSRF-checked by `SessionMiddleware` (nil for other requests).
    public var form: WebForm?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The roles' permissions of the logged-in user; empty before login.
    public var permissions: WebPermissions { WebPermissions(roles: user?.roles ?? []) }

    /// For pages: throws 403 unless the logged-in user may do this.
    public func require(_ permission: WebPermission) throws {
        guard permissions.allows(permission) else {
            throw HTTPError(.forbidden, message: "Your roles do not allow this (\(permission)).")
        }
    }
}

/// A thing a page may ask of the user's roles (`context.require(.approve("finance"))`).
public enum WebPermission: Sendable, Hashable, CustomStringConvertible {
    /// See every page, mail and audit event: every role.
    case read
    /// Answer the review queue: reviewer, admin.
    case review
    /// Approve or reject an action waiting for this approver role: approver:<role>, admin.
    case approve(String)
    /// Manage users and settings: admin.
    case administer

    public var description: String {
        switch self {
        case .read: "read"
        case .review: "review"
        case .approve(let role): "approve for \(role)"
        case .administer: "administer"
        }
    }
}

/// What a set of roles allows.
public struct WebPermissions: Sendable {
    public var roles: [WebRole]
    public init(roles: [WebRole]) { self.roles = roles }

    public func allows(_ permission: WebPermission) -> Bool {
        if roles.contains(.admin) { return true }
        switch permission {
        case .read: return !roles.isEmpty
        case .review: return roles.contains(.reviewer)
        case .approve(let role): return roles.contains(.approver(role))
        case .administer: return false
        }
    }

    /// True when the roles allow any change at all; a user without (an auditor) gets 403 on every POST but logout.
    public var mayChangeAnything: Bool {
        roles.contains { $0 != .auditor }
    }

    /// The approver roles these roles may approve for (all of them for admin: nil).
    public var approverRoles: [String]? {
        if roles.contains(.admin) { return nil }
        var result: [String] = []
        for case .approver(let role) in roles { result.append(role) }
        return result
    }
}

/// An `application/x-www-form-urlencoded` body, decoded. A field sent twice keeps its first value in `[name]`
/// and all of them in `values(name)`.
public struct WebForm: Sendable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(fields: [(name: String, value: String)]) { self.fields = fields }

    public init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    public subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
}
