import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// Outermost: every response, errors included, carries the security headers (a route may set its own CSP or
/// X-Frame-Options, e.g. for a PDF framed by our own page; then those stay).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let contentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            // Said in the log, not to the browser (it may name paths or SQL).
            context.logger.error("web UI request \(request.method) \(request.uri.path) failed: \(error)")
            response = Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "Something went wrong; the daemon's log says what.\n")))
        }
        func set(_ name: HTTPField.Name, _ value: String) {
            if response.headers[name] == nil { response.headers[name] = value }
        }
        set(.contentSecurityPolicy, Self.contentSecurityPolicy)
        set(HTTPField.Name("X-Content-Type-Options")!, "nosniff")
        set(HTTPField.Name("Referrer-Policy")!, "same-origin")
        set(HTTPField.Name("X-Frame-Options")!, "DENY")
        // Pages show mail: no shared or back-button cache keeps them after logout. The stylesheet may be cached.
        set(.cacheControl, request.uri.path.hasPrefix("/static/") ? "private, max-age=3600" : "no-store")
        return response
    }
}

/// Access control: finds the session a request's cookie names, sets the user and language on the context,
/// reads a POST's form, checks its CSRF token, and keeps everything but the login page (and the health
/// routes) from anyone without a session: pages redirect to /login, downloads and exports answer 401.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let accounts: WebAccounts

    static let sessionCookie = "mailroom_session"
    static let loginCookie = "mailroom_login"
    /// Reachable without a session.
    static let publicPaths: Set<String> = ["/login", "/static/mailroom.css", "/favicon.ico", "/healthz", "/readyz", "/metrics"]
    /// Answer 401 instead of a redirect to the login page.
    static let dataPrefixes = ["/download", "/export", "/attachment", "/api"]
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let cookie = request.cookies[Self.sessionCookie]?.value, let found = try accounts.session(cookie: cookie) {
            context.user = found.user
            context.session = found.session
        }
        context.language = context.user?.language.flatMap(WebLanguage.init(rawValue:))
            ?? WebLanguage.preferred(acceptLanguage: request.headers[.acceptLanguage]) ?? .en
        let path = request.uri.path
        let changes = request.method != .get && request.method != .head
        if changes, request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            context.form = WebForm(urlEncoded: String(buffer: body))
        }
        if Self.publicPaths.contains(path) { return try await next(request, context) }

        guard let user = context.user, let session = context.session else {
            if !changes, !Self.dataPrefixes.contains(where: { path.hasPrefix($0) }) {
                return .redirect(to: "/login?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
                                 type: .found)
            }
            throw HTTPError(.unauthorized, message: "Log in first.")
        }
        if changes {
            let sent = context.form?["csrf"] ?? request.headers[Self.csrfHeader]
            guard let sent, WebSecurity.constantTimeEqual(sent, session.csrfToken) else {
                throw HTTPError(.forbidden, message: "This form is missing its CSRF token or has an old one; reload the page and try again.")
            }
            if path != "/logout", !WebPermissions(roles: user.roles).mayChangeAnything {
                throw HTTPError(.forbidden, message: "Your roles (\(user.roles.map(\.description).joined(separator: ", "))) allow reading only.")
            }
        }
        return try await next(request, context)
    }
}
