import Foundation
import Hummingbird
import HTTPTypes
import Mustache

/// Renders pages: every page template inherits the layout (`{{<layout}}{{$title}}…{{/title}}{{$content}}…
/// {{/content}}{{/layout}}`), which draws the header (navigation, user, logout) around the page's content.
/// Templates are Swift string literals registered here by name; `{{ }}` escapes HTML, and nothing that comes
/// from a mail is ever put in a `{{{ }}}`.
public struct WebRenderer: Sendable {
    public let library: MustacheLibrary

    /// `templates`: name → Mustache text, the layout's and every page's.
    public init(templates: [String: String]) throws {
        var library = MustacheLibrary()
        try library.register(WebLayout.template, named: "layout")
        for (name, text) in templates { try library.register(text, named: name) }
        self.library = library
    }

    /// The page `template` for this request: the layout's values (labels `t`, `user`, `csrf`, `lang`, the
    /// active navigation entry) merged with the page's `values`.
    public func page(_ template: String, values: [String: Any] = [:], active: WebNavigation? = nil,
                     context: WebRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        var all: [String: Any] = [
            "t": WebLabels.table(context.language),
            "lang": context.language.rawValue,
            "csrf": context.csrfToken ?? "",
        ]
        if let user = context.user {
            all["user"] = ["login": user.login, "roles": user.roles.map(\.description).joined(separator: ", "),
                           "is_admin": user.roles.contains(.admin)] as [String: Any]
        }
        if let active { all["nav_" + active.rawValue] = true }
        for (key, value) in values { all[key] = value }
        let html = library.render(all, withTemplate: template) ?? "template \(template) is missing"
        return Self.html(html, status: status)
    }

    public static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The header's navigation entries.
public enum WebNavigation: String, Sendable {
    case overview, search, review, users
}

/// The layout and the stylesheet.
public enum WebLayout {
    static let template = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}{{/title}} · Mailroom</title>
        <link rel="stylesheet" href="/static/mailroom.css">
        </head>
        <body>
        {{#user}}
        <header class="top">
          <a class="brand" href="/">{{t.app_name}}</a>
          <nav>
            <a href="/"{{#nav_overview}} aria-current="page"{{/nav_overview}}>{{t.nav_overview}}</a>
            <a href="/search"{{#nav_search}} aria-current="page"{{/nav_search}}>{{t.nav_search}}</a>
            <a href="/review"{{#nav_review}} aria-current="page"{{/nav_review}}>{{t.nav_review}}</a>
            {{#is_admin}}<a href="/admin/users"{{#nav_users}} aria-current="page"{{/nav_users}}>{{t.nav_users}}</a>{{/is_admin}}
          </nav>
          <div class="who">
            <span title="{{roles}}">{{t.logged_in_as}} <strong id="current-user">{{login}}</strong></span>
            <form method="post" action="/logout">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit" id="logout">{{t.logout}}</button>
            </form>
          </div>
        </header>
        {{/user}}
        <main>
        {{$content}}{{/content}}
        </main>
        </body>
        </html>
        """

    /// Served from memory at /static/mailroom.css: readable on a laptop and a phone, no framework.
    public static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; --card: #fff;
                --accent: #1f5fbf; --bad: #b42318; --good: #1a7f37; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
               color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1rem;
                     background: var(--card); border-bottom: 1px solid var(--line); }
        header.top .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
        header.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; flex: 1; }
        header.top nav a { text-decoration: none; padding: .2rem 0; }
        header.top nav a[aria-current="page"] { font-weight: 600; border-bottom: 2px solid var(--accent); }
        header.top .who { display: flex; align-items: center; gap: .75rem; color: var(--muted); }
        header.top .who form { margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        .muted { color: var(--muted); }
        .good { color: var(--good); } .bad { color: var(--bad); font-weight: 600; } .warn { color: var(--warn); }
        .notice { padding: .6rem .8rem; border-radius: .4rem; border: 1px solid var(--line); background: #fff8e6; }
        .notice.error { background: #fdecea; border-color: #f5c2c0; }
        form.stacked label, section.login label { display: block; margin: .6rem 0; }
        input, select, textarea { font: inherit; padding: .45rem .55rem; border: 1px solid var(--line); border-radius: .35rem;
                                  width: 100%; max-width: 28rem; display: block; margin-top: .2rem; }
        button { font: inherit; padding: .45rem .9rem; border-radius: .35rem; border: 1px solid var(--accent);
                 background: var(--accent); color: #fff; cursor: pointer; }
        header.top button { background: transparent; color: var(--accent); padding: .2rem .6rem; }
        section.login { max-width: 24rem; margin: 10vh auto 0; }
        pre, .mailtext { white-space: pre-wrap; word-break: break-word; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                         font-size: .9rem; }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { padding: .6rem; }
          header.top .who { width: 100%; justify-content: space-between; }
          th, td { padding: .25rem .3rem; }
        }
        """
}
