import Foundation
import Hummingbird
import HTTPTypes

/// GET/POST /login and POST /logout.
enum LoginPage {
    static let templates = ["login": """
        {{<layout}}{{$title}}{{t.login_title}}{{/title}}{{$content}}
        <section class="card login">
          <h1>{{t.login_title}}</h1>
          {{#message}}<p class="notice error" id="login-message" role="alert">{{message}}</p>{{/message}}
          {{#notice}}<p class="notice" id="login-notice">{{notice}}</p>{{/notice}}
          <form method="post" action="/login">
            <input type="hidden" name="csrf" value="{{login_token}}">
            <input type="hidden" name="next" value="{{next}}">
            <label>{{t.login_name}}<input name="login" id="login" autocomplete="username" required value="{{login}}"></label>
            <label>{{t.password}}<input type="password" name="password" id="password" autocomplete="current-password" required></label>
            <button type="submit" id="login-button">{{t.login_button}}</button>
          </form>
        </section>
        {{/content}}{{/layout}}
        """]

    static func add(to router: Router<WebRequestContext>, accounts: WebAccounts, renderer: WebRenderer, secureCookies: Bool) {
        router.get("login") { request, context -> Response in
            if context.user != nil { return .redirect(to: "/", type: .found) }
            let loggedOut = request.uri.queryParameters["out"] != nil
            return form(renderer: renderer, context: context, secure: secureCookies,
                        token: request.cookies[SessionMiddleware.loginCookie]?.value,
                        next: request.uri.queryParameters["next"].map(String.init),
                        notice: loggedOut ? WebLabels.text("logged_out", context.language) : nil)
        }

        router.post("login") { request, context -> Response in
            let form = context.form ?? WebForm(fields: [])
            // Login CSRF: the form's token must match the cookie the login page set (double submit).
            guard let sent = form["csrf"], let cookie = request.cookies[SessionMiddleware.loginCookie]?.value,
                  WebSecurity.constantTimeEqual(sent, cookie) else {
                throw HTTPError(.forbidden, message: "The login form is missing its token; open /login again.")
            }
            let login = form["login"] ?? ""
            let outcome = try accounts.logIn(login: login, password: form["password"] ?? "", clientAddress: context.clientAddress)
            switch outcome {
            case .loggedIn(let sessionID, _):
                var response = Response.redirect(to: safeNext(form["next"]), type: .normal)
                response.setCookie(Cookie(name: SessionMiddleware.sessionCookie, value: sessionID, path: "/",
                                          secure: secureCookies, httpOnly: true, sameSite: .strict))
                response.setCookie(Cookie(name: SessionMiddleware.loginCookie, value: "", maxAge: 0, path: "/login",
                                          secure: secureCookies, httpOnly: true, sameSite: .strict))
                return response
            case .refused:
                return Self.form(renderer: renderer, context: context, secure: secureCookies, token: cookie, next: form["next"],
                                 login: login, message: WebLabels.text("login_refused", context.language), status: .unauthorized)
            case .locked(let until):
                let seconds = max(1, Int(until.timeIntervalSinceNow.rounded(.up)))
                let text = WebLabels.text("login_locked", context.language) + " \(seconds) " + WebLabels.text("seconds", context.language) + "."
                var response = Self.form(renderer: renderer, context: context, secure: secureCookies, token: cookie, next: form["next"],
                                         login: login, message: text, status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
        }

        router.post("logout") { _, context -> Response in
            if let session = context.session, let user = context.user { try accounts.logOut(session: session, user: user) }
            var response = Response.redirect(to: "/login?out=1", type: .normal)
            response.setCookie(Cookie(name: SessionMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// The login form, with a double-submit token in its cookie and hidden field: the browser's current token
    /// when it has one (a browser fetches other things meanwhile — /favicon.ico is redirected here too — and a
    /// fresh token each time would no longer match the form on the screen), else a fresh one.
    static func form(renderer: WebRenderer, context: WebRequestContext, secure: Bool, token existing: String? = nil,
                     next: String?, login: String = "",
                     message: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let token = existing.flatMap { $0.count >= 32 && $0.count <= 64
            && $0.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" } ? $0 : nil }
            ?? WebSecurity.randomToken()
        var values: [String: Any] = ["login_token": token, "next": safeNext(next), "login": login]
        if let message { values["message"] = message }
        if let notice { values["notice"] = notice }
        var response = renderer.page("login", values: values, context: context, status: status)
        response.setCookie(Cookie(name: SessionMiddleware.loginCookie, value: token, path: "/login", secure: secure,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// Where to go after login: a path on this site only (no `//host`, no scheme, no backslash tricks).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }), next.count <= 512
        else { return "/" }
        return next
    }
}
