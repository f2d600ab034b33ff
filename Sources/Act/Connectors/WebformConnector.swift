import Foundation
import Vocabulary
import Decide
import CurlTransport
import Markup

/// `type: webform` — RPA-style, for systems that only have a web interface: log in, open a form, fill it in,
/// submit it, and check the page that comes back, like a person in a browser would.
///
/// ```yaml
/// type: webform
/// base_url: https://legacy.example.com        # pages below are relative to it; only its host is contacted
/// username: mailroom                           # or username_env / username_file
/// password_env: LEGACY_PASSWORD                # or password_file; never written to the audit
/// login:
///   page: /login
///   form: "//form[@id='login']"                # XPath; default: the form with a password field
///   username_field: username
///   password_field: password
///   failure_text: Invalid credentials          # optional: the login page says this when it refuses
/// form:
///   page: /orders/new
///   form: "//form[@id='order']"                # default: the first form holding key_field
///   key_field: reference                       # receives the idempotency key (a reference or comment field)
/// success:
///   text: Order saved                          # the result page must contain it, and/or
///   location: "^/orders/([0-9]+)$"             # the answer must redirect to a matching path; group 1 is captured as record_id
/// lookup:
///   page: /orders?q={key}                      # a list or search page that shows the key of earlier submissions
/// max_redirects: 5
/// timeout_seconds: 30
/// ```
///
/// Action `submit`: `fields` (object: the form's field names → values, rendered from templates by Decide).
/// Every field named must exist in the form (a changed form is an error, not a guess). Hidden fields and the
/// CSRF token are taken from the page as served.
///
/// Cookies: the `Set-Cookie` answers are kept in the connector's own jar (one site, path and expiry
/// honoured) and reused between actions; when a page redirects to the login page the session has expired and
/// the connector logs in again once. Redirects (301, 302, 303, 307, 308) are followed by the connector
/// itself, at most `max_redirects` times and only to the same scheme, host and port.
///
/// Exactly-once: the key is put into `form.key_field`, and before every submission (and in `earlierResult`)
/// the `lookup` page is fetched and searched for the key; found → the earlier submission is the result.
/// Without `lookup` only the outbox's own bookkeeping protects against a second submission after a crash
/// between "submitted" and "recorded" (`rules check` warns).
///
/// The audit gets every step: method, URL (without query), status, redirect target, what was checked, the
/// fields filled from the rule — never the password, the CSRF token or other hidden values.
public struct WebformConnector: Connector {
    public let name: String
    public var type: String { "webform" }
    public let baseURL: URL
    public let transport: ConnectorTransport
    package let username: String
    package let password: String
    public let login: Login
    public let form: Form
    public let success: Success
    public let lookupPage: String?
    public let maxRedirects: Int
    package let jar = CookieJar()

    public struct Login: Sendable {
        public var page: String
        public var formXPath: String?
        public var usernameField: String
        public var passwordField: String
        public var failureText: String?
        public init(page: String, formXPath: String? = nil, usernameField: String = "username",
                    passwordField: String = "password", failureText: String? = nil) {
            self.page = page
            self.formXPath = formXPath
            self.usernameField = usernameField
            self.passwordField = passwordField
            self.failureText = failureText
        }
    }

    public struct Form: Sendable {
        public var page: String
        public var formXPath: String?
        public var keyField: String
        public init(page: String, formXPath: String? = nil, keyField: String) {
            self.page = page
            self.formXPath = formXPath
            self.keyField = keyField
        }
    }

    public struct Success: Sendable {
        public var text: String?
        public var location: String?
        public init(text: String? = nil, location: String? = nil) {
            self.text = text
            self.location = location
        }
    }

    public var actions: [ConnectorActionSpec] {
        [ConnectorActionSpec(name: "submit", requiredParameters: ["fields"],
                             summary: "log in, fill the form's named fields, submit it and verify the result page")]
    }

    public init(name: String, baseURL: URL, transport: ConnectorTransport, username: String, password: String,
                login: Login, form: Form, success: Success, lookupPage: String? = nil, maxRedirects: Int = 5) {
        self.name = name
        self.baseURL = baseURL
        self.transport = transport
        self.username = username
        self.password = password
        self.login = login
        self.form = form
        self.success = success
        self.lookupPage = lookupPage
        self.maxRedirects = maxRedirects
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> WebformConnector? {
        let base = reader.url("base_url", required: true, example: "https://legacy.example.com")
        let transport = reader.transportSettings(defaultHost: base?.host)
        var username = reader.string("username")
        if username == nil { username = reader.secret("username", required: false) }
        let password = reader.secret("password", required: true)
        let loginSection = reader.section("login", knownKeys: ["page", "form", "username_field", "password_field", "failure_text"])
        let formSection = reader.section("form", knownKeys: ["page", "form", "key_field"])
        let successSection = reader.section("success", knownKeys: ["text", "location"])
        let lookupSection = reader.section("lookup", knownKeys: ["page"])
        let maxRedirects = reader.int("max_redirects", default: 5)
        if loginSection == nil { reader.problem(nil, "`login:` (page, username_field, password_field) is missing") }
        if formSection == nil { reader.problem(nil, "`form:` (page, key_field) is missing") }
        let loginPage = reader.requiredString("page", in: loginSection, example: "/login")
        let formPage = reader.requiredString("page", in: formSection, example: "/orders/new")
        let keyField = reader.requiredString("key_field", in: formSection, example: "reference")
        let successText = reader.string("text", in: successSection)
        let successLocation = reader.regex("location", in: successSection)
        if successText == nil && successLocation == nil {
            reader.problem(successSection?.node, "`success:` needs `text` or `location`, so a submission is checked",
                           suggestion: "add `success: {text: \"Saved\"}`")
        }
        let lookup = reader.string("page", in: lookupSection)
        if let lookup, !lookup.contains("{key}") {
            reader.problem(lookupSection?.values["page"], "`lookup.page` must contain {key}")
        }
        if lookupSection == nil {
            reader.problems.append(RuleFileProblem(file: reader.file, line: nil, column: nil, severity: .warning,
                                                   message: "connector '\(name)' has no `lookup:` page: after a crash between submitting and recording, the form could be submitted twice",
                                                   suggestion: "add `lookup: {page: /list?q={key}}` (a page that lists the key field of earlier submissions)"))
        }
        if username == nil { reader.problem(nil, "`username` (or username_env / username_file) is missing") }
        guard let base, let username, let password, let loginPage, let formPage, let keyField else { return nil }
        let login = Login(page: loginPage, formXPath: reader.string("form", in: loginSection),
                          usernameField: reader.string("username_field", in: loginSection) ?? "username",
                          passwordField: reader.string("password_field", in: loginSection) ?? "password",
                          failureText: reader.string("failure_text", in: loginSection))
        return WebformConnector(name: name, baseURL: base, transport: transport, username: username, password: password,
                                login: login,
                                form: Form(page: formPage, formXPath: reader.string("form", in: formSection), keyField: keyField),
                                success: Success(text: successText, location: successLocation), lookupPage: lookup,
                                maxRedirects: max(0, min(maxRedirects, 20)))
    }

    // MARK: - Connector

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        guard lookupPage != nil else { return nil }
        var trail = StepTrail()
        try await ensureLoggedIn(&trail)
        return try await lookUp(action, &trail)
    }

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        guard action.action.action == "submit" else {
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)' (it offers: submit)")
        }
        guard let fields = action.action.parameters["fields"]?.objectValue else {
            throw ConnectorError.permanent("\(name): `fields` must be an object of form field names → values")
        }
        var trail = StepTrail()
        try await ensureLoggedIn(&trail)
        if let found = try await lookUp(action, &trail) { return found }

        // The form page; a redirect to the login page means the session expired meanwhile.
        var page = try await fetch("GET", url(form.page), step: "open form", &trail)
        if isLoginPage(page) {
            trail.note("the session had expired; logging in again")
            await jar.clear()
            try await logIn(&trail)
            page = try await fetch("GET", url(form.page), step: "open form", &trail)
        }
        try expectOK(page, "the form page")
        let html = try HTMLForm.read(page, xpath: form.formXPath, containing: form.keyField, connector: name)
        var filled = html
        var shown: [String: JSONValue] = [:]
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard filled.set(field, to: value.plainText) else {
                throw ConnectorError.permanent("\(name): the form on \(form.page) has no field '\(field)' (its fields: "
                    + "\(html.names.joined(separator: ", "))); the page has changed or the rule names the wrong field")
            }
            shown[field] = value
        }
        guard filled.set(form.keyField, to: action.idempotencyKey) else {
            throw ConnectorError.permanent("\(name): the form on \(form.page) has no field '\(form.keyField)' (key_field) for the idempotency key")
        }
        shown[form.keyField] = .string(action.idempotencyKey)
        trail.note("filled \(shown.count) field(s); hidden fields kept as served: \(html.hiddenNames.joined(separator: ", "))")

        // Submit; the first answer is kept as it is (its redirect target is what `success.location` checks).
        let answer = try await send(filled.method, filled.action, body: filled.encoded, step: "submit form", &trail)
        var captured: [String: JSONValue] = ["status": .int(Int64(answer.response.status))]
        var checks: [String] = []
        if (300..<400).contains(answer.response.status), let location = answer.response.header("Location"),
           let target = URL(string: location, relativeTo: filled.action)?.absoluteURL {
            captured["location"] = .string(target.path + (target.query.map { "?" + $0 } ?? ""))
            if target.path == url(login.page).path {
                throw ConnectorError.transient("\(name): the submission was sent back to the login page (session expired or CSRF refused); "
                    + "it will be looked up and tried again")
            }
            if let pattern = success.location {
                let regex = try NSRegularExpression(pattern: pattern)
                let path = target.path + (target.query.map { "?" + $0 } ?? "")
                guard let m = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) else {
                    throw ConnectorError.permanent("\(name): the submission redirected to \(path), which does not match success.location "
                        + "\(pattern); check \(baseURL.host ?? "the site") by hand, then `mailroom outbox retry \(action.id)` or `drop \(action.id)`")
                }
                if m.numberOfRanges > 1, let r = Range(m.range(at: 1), in: path) { captured["record_id"] = .string(String(path[r])) }
                checks.append("redirect to \(path) matches \(pattern)")
            }
        } else if success.location != nil {
            throw ConnectorError.permanent("\(name): the submission answered \(answer.response.status) without the redirect success.location "
                + "expects; check \(baseURL.host ?? "the site") by hand, then `mailroom outbox retry \(action.id)` or `drop \(action.id)`")
        }
        let final = try await follow(answer, step: "result page", &trail)
        try expectOK(final, "the result page")
        if let text = success.text {
            guard final.text.contains(text) else {
                throw ConnectorError.permanent("\(name): the result page (\(final.url.path)) does not say \"\(text)\": "
                    + "\(final.text.prefix(200)); check \(baseURL.host ?? "the site") by hand, then `mailroom outbox retry \(action.id)` or `drop \(action.id)`")
            }
            checks.append("result page contains \"\(text)\"")
        }
        trail.note("verified: " + checks.joined(separator: "; "))
        return ConnectorResult(captured: captured,
                               request: ["form": .string(HTTPRequest.redacted(url(form.page))), "fields": .object(shown)],
                               response: ["steps": .array(trail.steps), "verified": .array(checks.map { .string($0) })])
    }

    // MARK: - Steps

    package func ensureLoggedIn(_ trail: inout StepTrail) async throws {
        if await jar.isEmpty { try await logIn(&trail) }
    }

    package func logIn(_ trail: inout StepTrail) async throws {
        let page = try await fetch("GET", url(login.page), step: "login page", &trail)
        try expectOK(page, "the login page")
        var html = try HTMLForm.read(page, xpath: login.formXPath, containing: login.passwordField, connector: name)
        guard html.set(login.usernameField, to: username), html.set(login.passwordField, to: password) else {
            throw ConnectorError.permanent("\(name): the login form has no fields '\(login.usernameField)' and '\(login.passwordField)' "
                + "(its fields: \(html.names.joined(separator: ", ")))")
        }
        let answer = try await send(html.method, html.action, body: html.encoded, step: "log in", &trail)
        let landed = try await follow(answer, step: "after login", &trail)
        if let failure = login.failureText, landed.text.contains(failure) {
            throw ConnectorError.permanent("\(name): the site refused the login of '\(username)' (\"\(failure)\"); check the password")
        }
        if isLoginPage(landed) || !(200..<300).contains(landed.status) {
            throw ConnectorError.permanent("\(name): logging in as '\(username)' did not work (ended on \(landed.url.path) with status "
                + "\(landed.status)); check the password and the login settings")
        }
        trail.note("logged in as \(username)")
    }

    package func lookUp(_ action: OutboxAction, _ trail: inout StepTrail) async throws -> ConnectorResult? {
        guard let lookupPage else { return nil }
        let key = action.idempotencyKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? action.idempotencyKey
        let address = url(lookupPage.replacingOccurrences(of: "{key}", with: key))
        var page = try await fetch("GET", address, step: "look up earlier submission", &trail)
        if isLoginPage(page) {
            trail.note("the session had expired; logging in again")
            await jar.clear()
            try await logIn(&trail)
            page = try await fetch("GET", address, step: "look up earlier submission", &trail)
        }
        try expectOK(page, "the lookup page")
        guard page.text.contains(action.idempotencyKey) else {
            trail.note("the key \(action.idempotencyKey) is not on the lookup page: not submitted before")
            return nil
        }
        trail.note("the key \(action.idempotencyKey) is on the lookup page: submitted before, not again")
        return ConnectorResult(captured: ["found_on": .string(address.path)],
                               request: ["lookup": .string(address.path)],
                               response: ["steps": .array(trail.steps)], foundEarlierResult: true)
    }

    package func url(_ page: String) -> URL {
        if let absolute = URL(string: page), absolute.scheme != nil { return absolute }
        var base = baseURL.absoluteString
        if base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + (page.hasPrefix("/") ? page : "/" + page)) ?? baseURL
    }

    package func isLoginPage(_ page: FetchedPage) -> Bool {
        page.url.path == url(login.page).path && page.url.path != url(form.page).path
    }

    package func expectOK(_ page: FetchedPage, _ what: String) throws {
        guard (200..<300).contains(page.status) else {
            let message = "\(name): \(what) (\(page.url.path)) answered \(page.status)"
            if page.status >= 500 || page.status == 429 || page.status == 408 { throw ConnectorError.transient(message) }
            throw ConnectorError.permanent(message)
        }
    }

    // MARK: - HTTP with cookies and redirects

    package struct Answer {
        package var url: URL
        package var method: String
        package var response: HTTPResponse
    }

    package struct FetchedPage {
        package var url: URL
        package var status: Int
        package var body: Data
        /// The page's readable text, whitespace collapsed.
        package var text: String
    }

    package func fetch(_ method: String, _ target: URL, step: String, _ trail: inout StepTrail) async throws -> FetchedPage {
        let answer = try await send(method, target, body: nil, step: step, &trail)
        return try await follow(answer, step: step, &trail)
    }

    /// One request with the jar's cookies; the answer's cookies go into the jar.
    package func send(_ method: String, _ target: URL, body: Data?, step: String, _ trail: inout StepTrail) async throws -> Answer {
        var headers: [(String, String)] = [("User-Agent", "Mailroom webform connector"), ("Accept", "text/html,*/*")]
        if let cookie = await jar.header(for: target) { headers.append(("Cookie", cookie)) }
        if body != nil { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        var address = target
        var payload = body
        if method == "GET", let body, !body.isEmpty {
            var parts = URLComponents(url: target, resolvingAgainstBaseURL: true)
            parts?.percentEncodedQuery = String(decoding: body, as: UTF8.self)
            address = parts?.url ?? target
            payload = nil
        }
        let request = HTTPRequest(method: method, url: address, headers: headers, body: payload, timeoutSeconds: transport.timeoutSeconds)
        await transport.limiter.waitForTurn()
        let response: HTTPResponse
        do {
            response = try await transport.client.send(request)
        } catch {
            trail.step(step, method: method, url: request.redactedURL, status: nil, detail: "\(error)")
            switch error {
            case .timeout(let m), .transport(let m): throw ConnectorError.transient("\(name): \(step): \(m)")
            case .refusedHost(let m), .tls(let m): throw ConnectorError.permanent("\(name): \(step): \(m)")
            }
        }
        for (k, v) in response.headers where k.lowercased() == "set-cookie" { await jar.store(v, from: address) }
        trail.step(step, method: method, url: request.redactedURL, status: response.status,
                   detail: response.header("Location").map { "redirect to \($0)" })
        return Answer(url: address, method: method, response: response)
    }

    /// Follows redirects (same scheme, host and port; at most `maxRedirects`) to the final page.
    package func follow(_ first: Answer, step: String, _ trail: inout StepTrail) async throws -> FetchedPage {
        var answer = first
        var hops = 0
        while [301, 302, 303, 307, 308].contains(answer.response.status) {
            guard let location = answer.response.header("Location"),
                  let next = URL(string: location, relativeTo: answer.url)?.absoluteURL else {
                throw ConnectorError.permanent("\(name): \(step): a redirect without a usable Location")
            }
            guard next.scheme == answer.url.scheme, next.host == answer.url.host, next.port == answer.url.port else {
                throw ConnectorError.permanent("\(name): \(step): redirected to another site (\(next.scheme ?? "")://\(next.host ?? "")); not followed")
            }
            hops += 1
            guard hops <= maxRedirects else {
                throw ConnectorError.permanent("\(name): \(step): more than \(maxRedirects) redirects (a loop?)")
            }
            answer = try await send("GET", next, body: nil, step: step + " (redirect \(hops))", &trail)
        }
        let text: String
        if answer.response.body.isEmpty {
            text = ""
        } else if let document = try? MarkupDocument(html: answer.response.body), let root = document.root {
            text = root.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        } else {
            text = String(decoding: answer.response.body, as: UTF8.self)
        }
        return FetchedPage(url: answer.url, status: answer.response.status, body: answer.response.body, text: text)
    }
}

/// The steps of one action, for the audit.
package struct StepTrail {
    package var steps: [JSONValue] = []

    package mutating func step(_ name: String, method: String, url: String, status: Int?, detail: String?) {
        var s: [String: JSONValue] = ["step": .string(name), "method": .string(method), "url": .string(url)]
        s["status"] = status.map { .int(Int64($0)) } ?? .null
        if let detail { s["detail"] = .string(detail) }
        steps.append(.object(s))
    }

    package mutating func note(_ text: String) { steps.append(["checked": .string(text)]) }
}

/// An HTML form as a browser would submit it: its controls in document order with their current values.
package struct HTMLForm {
    package var action: URL
    package var method: String
    package var controls: [(name: String, value: String, hidden: Bool)]

    package var names: [String] { controls.map(\.name) }
    package var hiddenNames: [String] { controls.filter(\.hidden).map(\.name) }

    package mutating func set(_ name: String, to value: String) -> Bool {
        guard let i = controls.firstIndex(where: { $0.name == name }) else { return false }
        controls[i].value = value
        return true
    }

    /// application/x-www-form-urlencoded.
    package var encoded: Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        func enc(_ s: String) -> String {
            (s.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+")
        }
        return Data(controls.map { enc($0.name) + "=" + enc($0.value) }.joined(separator: "&").utf8)
    }

    /// Reads the form chosen by `xpath`, or else the first form that has a control named `containing`.
    package static func read(_ page: WebformConnector.FetchedPage, xpath: String?, containing field: String, connector: String) throws -> HTMLForm {
        let document: MarkupDocument
        do {
            document = try MarkupDocument(html: page.body)
        } catch {
            throw ConnectorError.permanent("\(connector): \(page.url.path) is not readable HTML: \(error)")
        }
        let candidates: [MarkupNode]
        do {
            candidates = try document.nodes(xpath: xpath ?? "//form")
        } catch {
            throw ConnectorError.permanent("\(connector): the XPath \(xpath ?? "//form") does not work: \(error)")
        }
        for node in candidates where node.name.lowercased() == "form" {
            let form = try read(node, page: page.url)
            if xpath != nil || form.names.contains(field) { return form }
        }
        throw ConnectorError.permanent("\(connector): \(page.url.path) has no form " + (xpath.map { "at \($0)" } ?? "with a field '\(field)'")
            + " (the page has changed?)")
    }

    package static func read(_ form: MarkupNode, page: URL) throws -> HTMLForm {
        let actionText = form.attribute("action") ?? ""
        let action = actionText.isEmpty ? page : (URL(string: actionText, relativeTo: page)?.absoluteURL ?? page)
        let method = (form.attribute("method") ?? "GET").uppercased() == "POST" ? "POST" : "GET"
        var controls: [(String, String, Bool)] = []
        let nodes = (try? form.nodes(xpath: ".//input | .//textarea | .//select")) ?? []
        for node in nodes {
            guard let name = node.attribute("name"), !name.isEmpty, !node.hasAttribute("disabled") else { continue }
            switch node.name.lowercased() {
            case "input":
                let type = (node.attribute("type") ?? "text").lowercased()
                switch type {
                case "submit", "button", "image", "reset", "file": continue
                case "checkbox", "radio":
                    if node.hasAttribute("checked") { controls.append((name, node.attribute("value") ?? "on", false)) }
                default:
                    controls.append((name, node.attribute("value") ?? "", type == "hidden"))
                }
            case "textarea":
                controls.append((name, node.text, false))
            case "select":
                let options = (try? node.nodes(xpath: ".//option")) ?? []
                let chosen = options.first { $0.hasAttribute("selected") } ?? options.first
                controls.append((name, chosen.map { $0.attribute("value") ?? $0.text } ?? "", false))
            default:
                continue
            }
        }
        return HTMLForm(action: action, method: method, controls: controls.map { (name: $0.0, value: $0.1, hidden: $0.2) })
    }
}

/// Cookies of one site, from `Set-Cookie` answers (RFC 6265, the parts a form site uses: name, value, Path,
/// Max-Age, Expires). Kept between actions so the connector does not log in for every one.
package actor CookieJar {
    package struct Cookie {
        package var value: String
        package var path: String
        package var expires: Date?
    }

    private var cookies: [String: Cookie] = [:]

    package var isEmpty: Bool {
        purge()
        return cookies.isEmpty
    }

    package func clear() { cookies = [:] }

    package func store(_ header: String, from url: URL) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let eq = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<eq]).trimmingCharacters(in: .whitespaces)
        var value = String(pair[pair.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        guard !name.isEmpty else { return }
        var path = CookieJar.defaultPath(url.path)
        var expires: Date?
        for attribute in parts.dropFirst() {
            let kv = attribute.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            switch kv[0].lowercased() {
            case "path" where kv.count == 2 && kv[1].hasPrefix("/"): path = kv[1]
            case "max-age" where kv.count == 2:
                if let seconds = Double(kv[1]) { expires = Date().addingTimeInterval(seconds) }
            case "expires" where kv.count == 2 && expires == nil:
                expires = CookieJar.httpDate(kv[1])
            default: continue
            }
        }
        if let expires, expires <= Date() {
            cookies[name] = nil
        } else {
            cookies[name] = Cookie(value: value, path: path, expires: expires)
        }
    }

    package func header(for url: URL) -> String? {
        purge()
        let path = url.path.isEmpty ? "/" : url.path
        let matching = cookies.filter { _, c in
            path == c.path || path.hasPrefix(c.path.hasSuffix("/") ? c.path : c.path + "/")
        }
        guard !matching.isEmpty else { return nil }
        return matching.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value)" }.joined(separator: "; ")
    }

    private func purge() {
        let now = Date()
        cookies = cookies.filter { $0.value.expires.map { $0 > now } ?? true }
    }

    package static func defaultPath(_ path: String) -> String {
        guard path.hasPrefix("/"), let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    package static func httpDate(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE, dd-MMM-yyyy HH:mm:ss zzz"] {
            f.dateFormat = format
            if let d = f.date(from: text) { return d }
        }
        return nil
    }
}
