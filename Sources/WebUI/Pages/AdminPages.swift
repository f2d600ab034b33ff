import Foundation
import HTTPTypes
import Hummingbird
import Vocabulary

/// `/admin/users`, for admins: every user with roles, language and last login; add a user, change roles, set a
/// new password, remove a user. The same `WebAccounts` calls `mailroom user …` makes, audited (stage "web") with
/// the logged-in admin as actor ("user:LOGIN"). Approver roles must be declared in rules/approvers.yaml; an
/// admin cannot remove themselves, nor remove or demote the last admin.
public struct AdminPages: WebPages {
    public init() {}

    public var templates: [String: String] { ["admin_users": Self.template] }

    /// What a successful change says (the page's `?done=` names one of these keys, never free text).
    static let doneLabels = ["added": "admin_done_added", "roles": "admin_done_roles", "password": "admin_done_password",
                             "removed": "admin_done_removed"]

    public func add(to router: Router<WebRequestContext>, renderer: WebRenderer, environment: WebEnvironment) {
        let accounts = WebAccounts(store: environment.store, sessionHours: environment.config.web?.sessionHours ?? 8)
        let rulesDirectory = URL(fileURLWithPath: environment.config.rules.path)

        @Sendable func page(_ context: WebRequestContext, done: String? = nil, error: String? = nil,
                            status: HTTPResponse.Status = .ok) throws -> Response {
            var values = try Self.values(accounts: accounts, rulesDirectory: rulesDirectory, me: context.user?.login ?? "",
                                         language: context.language)
            if let done, let key = Self.doneLabels[done] { values["done"] = WebLabels.text(key, context.language) }
            if let error { values["error"] = error }
            return renderer.page("admin_users", values: values, active: .users, context: context, status: status)
        }
        @Sendable func admin(_ context: WebRequestContext) throws -> (me: String, actor: String) {
            try context.require(.administer)
            guard let user = context.user else { throw HTTPError(.unauthorized, message: "Log in first.") }
            return (user.login, AuditActor.webUser(user.login))
        }
        /// Runs a change; an operator mistake (unknown role, short password, last admin …) shows the page again
        /// with the message and status 409, anything else is an error.
        @Sendable func change(_ context: WebRequestContext, done: String, _ body: () throws -> Void) throws -> Response {
            do {
                try body()
            } catch let error as OperatorInputError {
                return try page(context, error: error.message, status: .conflict)
            } catch let error as StoreError {
                guard case .invalidArgument(let message) = error else { throw error }
                return try page(context, error: message, status: .conflict)
            }
            return .redirect(to: "/admin/users?done=\(done)", type: .normal)
        }
        @Sendable func roles(_ form: WebForm) throws -> [WebRole] {
            try form.values("role").map { text in
                guard let role = WebRole(text) else {
                    throw OperatorInputError(message: "'\(text)' is not a role; use auditor, reviewer, approver:ROLE or admin")
                }
                return role
            }
        }

        router.get("admin/users") { request, context -> Response in
            _ = try admin(context)
            return try page(context, done: request.uri.queryParameters["done"].map(String.init))
        }
        router.post("admin/users") { _, context -> Response in
            let (_, actor) = try admin(context)
            let form = context.form ?? WebForm(fields: [])
            return try change(context, done: "added") {
                let language = (form["language"]).flatMap { WebLanguage(rawValue: $0) }
                _ = try accounts.addUser(login: form["login"]?.trimmingCharacters(in: .whitespaces) ?? "",
                                         password: form["password"] ?? "", roles: try roles(form), language: language,
                                         actor: actor, approverRolesFrom: rulesDirectory)
            }
        }
        router.post("admin/users/roles") { _, context -> Response in
            let (me, actor) = try admin(context)
            let form = context.form ?? WebForm(fields: [])
            return try change(context, done: "roles") {
                let login = form["login"] ?? ""
                let newRoles = try roles(form)
                if login == me, !newRoles.contains(.admin) {
                    throw OperatorInputError(message: "you cannot take the admin role from yourself; ask another admin")
                }
                try accounts.changeRoles(login: login, roles: newRoles, actor: actor, approverRolesFrom: rulesDirectory,
                                         keepingAnAdmin: true)
            }
        }
        router.post("admin/users/password") { _, context -> Response in
            let (_, actor) = try admin(context)
            let form = context.form ?? WebForm(fields: [])
            return try change(context, done: "password") {
                try accounts.changePassword(login: form["login"] ?? "", password: form["password"] ?? "", actor: actor)
            }
        }
        router.post("admin/users/remove") { _, context -> Response in
            let (me, actor) = try admin(context)
            let form = context.form ?? WebForm(fields: [])
            return try change(context, done: "removed") {
                let login = form["login"] ?? ""
                if login == me { throw OperatorInputError(message: "you cannot remove yourself; ask another admin") }
                try accounts.removeUser(login: login, actor: actor, keepingAnAdmin: true)
            }
        }
    }

    static func values(accounts: WebAccounts, rulesDirectory: URL, me: String, language: WebLanguage) throws -> [String: Any] {
        var values: [String: Any] = [:]
        let approverRoles: [String]
        do {
            approverRoles = try WebAccounts.declaredApproverRoles(rulesDirectory: rulesDirectory)
        } catch let error as OperatorInputError {
            approverRoles = []
            values["approvers_problem"] = error.message
        }
        let choices = ["auditor", "reviewer", "admin"] + approverRoles.map { "approver:" + $0 }
        func roleChoices(_ held: [WebRole]) -> [[String: Any]] {
            let names = Set(held.map(\.description))
            // A role the user holds that approvers.yaml no longer declares stays visible (and checked).
            let all = choices + names.subtracting(choices).sorted()
            return all.map { ["name": $0, "checked": names.contains($0)] as [String: Any] }
        }
        let lastLogins = try accounts.store.webUserLastLogins()
        let users = try accounts.users()
        values["users"] = users.map { u -> [String: Any] in
            var row: [String: Any] = [
                "login": u.login, "roles": u.roles.map(\.description).joined(separator: ", "),
                "language": u.language ?? "", "created": MessagePages.time(u.createdAt),
                "last_login": lastLogins[u.login].map { MessagePages.time($0) } ?? WebLabels.text("never", language),
                "active": u.disabledAt == nil,
                "role_choices": roleChoices(u.roles), "is_me": u.login == me,
            ]
            if u.disabledAt != nil { row["removed_at"] = MessagePages.time(u.disabledAt) }
            return row
        }
        values["new_role_choices"] = roleChoices([])
        values["languages"] = WebLanguage.allCases.map { ["code": $0.rawValue] }
        values["approver_roles"] = approverRoles.joined(separator: ", ")
        values["minimum_password"] = String(WebAccounts.minimumPasswordLength)
        return values
    }

    static let template = """
        {{<layout}}{{$title}}{{t.nav_users}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <h1>{{t.nav_users}}</h1>
        {{#done}}<p class="notice" id="admin-done">{{done}}</p>{{/done}}
        {{#error}}<p class="notice error" id="admin-error">{{error}}</p>{{/error}}
        {{#approvers_problem}}<p class="notice error">{{approvers_problem}}</p>{{/approvers_problem}}
        <section class="card" id="users">
          <table>
            <thead><tr><th>{{t.login_name}}</th><th>{{t.roles}}</th><th>{{t.language}}</th><th>{{t.last_login}}</th><th>{{t.status}}</th></tr></thead>
            <tbody>
            {{#users}}<tr id="user-{{login}}"><td><strong>{{login}}</strong></td><td class="roles">{{roles}}</td><td>{{language}}</td><td>{{last_login}}</td>
              <td>{{#active}}{{t.user_active}}{{/active}}{{^active}}<span class="muted">{{t.user_removed}} {{removed_at}}</span>{{/active}}</td></tr>
            {{/users}}
            </tbody>
          </table>
        </section>
        {{#users}}{{#active}}
        <details class="card user-admin" id="manage-{{login}}">
          <summary><strong>{{login}}</strong> · {{roles}}</summary>
          <form method="post" action="/admin/users/roles" class="stacked">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="login" value="{{login}}">
            <fieldset><legend>{{t.roles}}</legend>
            {{#role_choices}}<label class="check"><input type="checkbox" name="role" value="{{name}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/role_choices}}
            </fieldset>
            <button type="submit">{{t.change_roles}}</button>
          </form>
          <form method="post" action="/admin/users/password" class="stacked">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="login" value="{{login}}">
            <label>{{t.new_password}} <input type="password" name="password" minlength="{{minimum_password}}" autocomplete="new-password" required></label>
            <button type="submit">{{t.set_password}}</button>
          </form>
          {{^is_me}}<form method="post" action="/admin/users/remove" class="stacked">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="login" value="{{login}}">
            <button type="submit" class="reject">{{t.remove_user}}</button>
          </form>{{/is_me}}
        </details>
        {{/active}}{{/users}}
        <section class="card" id="add-user">
          <h2>{{t.add_user}}</h2>
          <form method="post" action="/admin/users" class="stacked">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.login_name}} <input name="login" id="new-login" required maxlength="64" autocomplete="off"></label>
            <label>{{t.password}} <input type="password" name="password" id="new-password" minlength="{{minimum_password}}" autocomplete="new-password" required></label>
            <fieldset><legend>{{t.roles}}</legend>
            {{#new_role_choices}}<label class="check"><input type="checkbox" name="role" value="{{name}}"> {{name}}</label>{{/new_role_choices}}
            </fieldset>
            <label>{{t.language}} <select name="language"><option value="">{{t.browser_language}}</option>{{#languages}}<option value="{{code}}">{{code}}</option>{{/languages}}</select></label>
            <p class="muted">{{t.approver_roles_hint}} {{approver_roles}}</p>
            <button type="submit" id="add-user-button">{{t.add_user}}</button>
          </form>
        </section>
        {{/content}}{{/layout}}
        """
}
