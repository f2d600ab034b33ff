import Daemon
import Foundation
import HTTPTypes
import Hummingbird
import Vocabulary

/// `/search`: every filter of `MessageSearch`, paged results, and the same query exported as CSV or JSON
/// (`/export/search.csv`, `/export/search.json`: every result, up to `SearchExport.maximumRows`).
public struct SearchPages: WebPages {
    public init() {}

    public var templates: [String: String] { ["search": Self.template] }

    public func add(to router: Router<WebRequestContext>, renderer: WebRenderer, environment: WebEnvironment) {
        let store = environment.store
        router.get("search") { request, context -> Response in
            try context.require(.read)
            let search = SearchQuery.search { request.uri.queryParameters.get($0) }
            let page = try store.searchMessages(search)
            return renderer.page("search", values: Self.values(page, language: context.language), active: .search, context: context)
        }
        router.get("export/search.csv") { request, context -> Response in
            try context.require(.read)
            var search = SearchQuery.search { request.uri.queryParameters.get($0) }
            search.page = 1
            let csv = try SearchExport.csv(store: store, search: search)
            return Self.download(csv, type: "text/csv; charset=utf-8", name: "mailroom-search.csv")
        }
        router.get("export/search.json") { request, context -> Response in
            try context.require(.read)
            var search = SearchQuery.search { request.uri.queryParameters.get($0) }
            search.page = 1
            let json = try SearchExport.json(store: store, search: search)
            return Self.download(json, type: "application/json", name: "mailroom-search.json")
        }
    }

    static func download(_ text: String, type: String, name: String) -> Response {
        Response(status: .ok,
                 headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func values(_ page: MessageSearchPage, language: WebLanguage) -> [String: Any] {
        let s = page.search
        var v: [String: Any] = [:]
        for (name, value) in SearchQuery.fields(s) { v["f_" + name] = value }
        v["states"] = MessageState.allCases.map { state in
            ["name": state.rawValue, "label": WebLabels.text("state_" + state.rawValue, language),
             "selected": s.states.contains(state)] as [String: Any]
        }
        v["approvals"] = ApprovalFilter.allCases.map { a in
            ["name": a.rawValue, "label": WebLabels.text("approval_" + a.rawValue, language),
             "selected": s.approval == a] as [String: Any]
        }
        v["rows"] = page.messages.map { m in
            [
                "id": String(m.id), "received": String(MillisecondTime.string(m.receivedAt).prefix(16)).replacingOccurrences(of: "T", with: " "),
                "state": WebLabels.text("state_" + m.state.rawValue, language), "kind": m.kind ?? "", "sender": m.sender ?? "", "subject": m.subject ?? "",
                "flag": m.flagReason ?? "",
            ] as [String: Any]
        }
        v["total"] = String(page.total)
        v["page"] = String(s.effectivePage)
        v["pages"] = String(page.pageCount)
        v["none"] = page.messages.isEmpty
        let query = SearchQuery.string(s)
        v["export_query"] = query
        if page.hasPrevious { v["previous"] = SearchQuery.string(s, page: s.effectivePage - 1) }
        if page.hasNext { v["next"] = SearchQuery.string(s, page: s.effectivePage + 1) }
        return v
    }

    static let template = """
        {{<layout}}{{$title}}{{t.nav_search}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <h1>{{t.nav_search}}</h1>
        <form method="get" action="/search" class="card search" id="search-form">
          <div class="grid">
            <label>{{t.search_words}} <input name="q" id="q" value="{{f_q}}" autofocus></label>
            <label>{{t.sender}} <input name="sender" value="{{f_sender}}"></label>
            <label>{{t.subject}} <input name="subject" value="{{f_subject}}"></label>
            <label>{{t.kind}} <input name="kind" value="{{f_kind}}"></label>
            <label>{{t.state}} <select name="state"><option value="">{{t.any}}</option>{{#states}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></label>
            <label>{{t.received_from}} <input type="date" name="since" value="{{f_since}}"></label>
            <label>{{t.received_until}} <input type="date" name="until" value="{{f_until}}"></label>
            <label>{{t.rule}} <input name="rule" value="{{f_rule}}"></label>
            <label>{{t.connector}} <input name="connector" value="{{f_connector}}"></label>
            <label>{{t.approval}} <select name="approval"><option value="">{{t.any}}</option>{{#approvals}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/approvals}}</select></label>
            <label>{{t.per_page}} <input type="number" name="size" min="1" max="500" value="{{f_size}}" placeholder="50"></label>
          </div>
          <p><button type="submit" id="search-submit">{{t.search_button}}</button></p>
        </form>
        <p id="result-count"><strong>{{total}}</strong> {{t.messages}} · {{t.page}} {{page}} / {{pages}} ·
          {{t.export}} <a href="/export/search.csv?{{export_query}}" id="export-csv" download>CSV</a> ·
          <a href="/export/search.json?{{export_query}}" id="export-json" download>JSON</a></p>
        <div class="card">
        {{#none}}<p class="muted">{{t.no_match}}</p>{{/none}}
        {{^none}}
        <table id="results">
          <thead><tr><th>#</th><th>{{t.received_utc}}</th><th>{{t.state}}</th><th>{{t.kind}}</th><th>{{t.sender}}</th><th>{{t.subject}}</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td><a href="/messages/{{id}}">{{id}}</a></td><td>{{received}}</td><td title="{{flag}}">{{state}}</td><td>{{kind}}</td><td>{{sender}}</td><td><a href="/messages/{{id}}">{{subject}}</a></td></tr>
          {{/rows}}
          </tbody>
        </table>
        {{/none}}
        </div>
        <nav class="pager">
          {{#previous}}<a href="/search?{{previous}}" rel="prev">{{t.previous_page}}</a>{{/previous}}
          {{#next}}<a href="/search?{{next}}" rel="next" id="next-page">{{t.next_page}}</a>{{/next}}
        </nav>
        {{/content}}{{/layout}}
        """
}
