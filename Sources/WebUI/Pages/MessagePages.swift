import Audit
import Daemon
import Foundation
import HTTPTypes
import Hummingbird
import Vocabulary

/// `/messages/ID`: the dossier (`MessageDossier`) — headers, text with each field's evidence marked,
/// attachments (`/attachment/ID/N`, PDFs also framed in a sandbox), model calls, rules, actions, approvals and
/// the audit timeline with each event's hash and a link that verifies the chain up to it (`/audit/verify`).
public struct MessagePages: WebPages {
    public init() {}

    public var templates: [String: String] { ["message": Self.template, "audit_verify": Self.verifyTemplate] }

    public func add(to router: Router<WebRequestContext>, renderer: WebRenderer, environment: WebEnvironment) {
        let store = environment.store
        let spool = environment.config.spool.path
        router.get("messages/:id") { _, context -> Response in
            try context.require(.read)
            let id = try context.parameters.require("id", as: Int64.self)
            guard let dossier = try MessageDossier.load(store: store, messageID: id) else {
                throw HTTPError(.notFound, message: "There is no message \(id).")
            }
            return renderer.page("message", values: Self.values(dossier, permissions: context.permissions), active: .search, context: context)
        }
        // The bytes of an attachment: always a download, except a PDF asked for inline, which is shown only
        // in a sandbox (no script, no same origin) and only in a frame of our own page.
        router.get("attachment/:id/:index") { request, context -> Response in
            try context.require(.read)
            let id = try context.parameters.require("id", as: Int64.self)
            let index = try context.parameters.require("index", as: Int.self)
            guard let message = try store.message(id: id),
                  let download = try MessageAttachments.download(message, index: index, spoolDirectory: spool) else {
                throw HTTPError(.notFound, message: "There is no such attachment.")
            }
            let isPDF = download.info.contentType.lowercased() == "application/pdf"
            let inline = isPDF && request.uri.queryParameters["inline"] == "1"
            var headers: HTTPFields = [
                .contentDisposition: Self.contentDisposition(inline ? "inline" : "attachment", filename: download.info.filename ?? "attachment-\(index + 1)"),
                .contentType: isPDF ? "application/pdf" : "application/octet-stream",
            ]
            if inline {
                headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; frame-ancestors 'self'"
                headers[HTTPField.Name("X-Frame-Options")!] = "SAMEORIGIN"
            } else {
                headers[.contentSecurityPolicy] = "sandbox; default-src 'none'"
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: download.data)))
        }
        router.get("audit/verify") { request, context -> Response in
            try context.require(.read)
            guard let upto = request.uri.queryParameters["upto"].flatMap({ Int64($0) }) else {
                throw HTTPError(.badRequest, message: "Say up to which event: /audit/verify?upto=SEQUENCE.")
            }
            guard let event = try store.auditEvent(sequence: upto) else {
                throw HTTPError(.notFound, message: "There is no audit event \(upto).")
            }
            let expected = request.uri.queryParameters["hash"].map(String.init) ?? event.hash
            let verification = AuditVerifier.verify(store: store, expectedHead: AuditHead(sequence: upto, hash: expected))
            let problems = verification.problems.filter { ($0.sequence ?? upto) <= upto }
            let values: [String: Any] = [
                "upto": String(upto), "hash": expected, "intact": problems.isEmpty,
                "checked": String(verification.eventsChecked),
                "problems": problems.map { ["text": $0.description] },
                "message_id": event.messageID.map { String($0) } ?? "",
            ]
            return renderer.page("audit_verify", values: values, context: context, status: problems.isEmpty ? .ok : .conflict)
        }
    }

    /// `attachment; filename="…"; filename*=UTF-8''…` with the name's quotes, backslashes and controls removed.
    static func contentDisposition(_ type: String, filename: String) -> String {
        let plain = String(filename.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" && $0 != ";" }
            .map(Character.init))
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ""
        return "\(type); filename=\"\(plain.isEmpty ? "attachment" : plain)\"; filename*=UTF-8''\(encoded)"
    }

    /// The source texts with every grounded field's excerpt marked, and the fields' rows pointing at their marks.
    static func evidence(_ d: MessageDossier) -> (texts: [[String: Any]], markOf: [String: String]) {
        var markOf: [String: String] = [:]
        var texts: [[String: Any]] = []
        for (n, source) in d.sourceTexts.enumerated() {
            var spans: [EvidenceText.Span] = []
            for (i, field) in d.fields.enumerated() {
                guard let g = field.grounding, g.location == source.location,
                      let range = EvidenceText.locate(g, in: source.text) else { continue }
                let id = "ev-\(i)"
                spans.append(EvidenceText.Span(id: id, field: field.name, range: range))
                markOf[field.name] = id
            }
            texts.append(["location": source.location, "title": source.title, "index": String(n),
                          "pieces": EvidenceText.values(EvidenceText.pieces(source.text, spans: spans))])
        }
        return (texts, markOf)
    }

    static func fieldValues(_ d: MessageDossier, markOf: [String: String]) -> [[String: Any]] {
        d.fields.map { f in
            var v: [String: Any] = [
                "name": f.name, "value": f.display, "type": f.type, "status": f.status.rawValue,
                "status_label": statusLabel(f.status), "provenance": f.provenance,
                "confidence": String(format: "%.2f", f.confidence), "problems": f.problems.joined(separator: "; "),
                "flagged": f.status == .failedCheck || f.status == .lowConfidence,
                "input_type": f.type == "date" ? "date" : "text",
            ]
            if let g = f.grounding { v["where"] = g.location; v["excerpt"] = g.excerpt }
            if let mark = markOf[f.name] { v["mark"] = mark }
            return v
        }
    }

    static func statusLabel(_ s: MessageDossier.FieldStatus) -> String {
        switch s {
        case .found: "found automatically"
        case .confirmed: "confirmed by a person"
        case .lowConfidence: "low confidence"
        case .failedCheck: "failed a check"
        }
    }

    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        return String(MillisecondTime.string(date).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    static func json(_ value: JSONValue?) -> String {
        guard let value, !value.isNull else { return "" }
        return value.canonicalJSON
    }

    static func values(_ d: MessageDossier, permissions: WebPermissions) -> [String: Any] {
        let m = d.message
        let n = m.normalised
        func addresses(_ list: [MailAddress]?) -> String {
            (list ?? []).map { a in a.name.map { "\($0) <\(a.address)>" } ?? a.address }.joined(separator: ", ")
        }
        let (texts, markOf) = evidence(d)
        var v: [String: Any] = [
            "id": String(m.id), "state": m.state.rawValue, "kind": m.kind ?? "", "flag": m.flagReason ?? "",
            "subject": m.subject ?? n?.subject ?? "", "from": addresses(n?.from), "to": addresses(n?.to), "cc": addresses(n?.cc),
            "date": time(n?.date), "mail_message_id": n?.messageID ?? "", "received": time(m.receivedAt),
            "sha256": m.contentSHA256, "size": String(m.size),
            "sources": d.sources.map { ["source": $0.source, "location": $0.location, "first_seen": time($0.firstSeen)] },
            "texts": texts,
            "fields": fieldValues(d, markOf: markOf),
            "has_fields": !d.fields.isEmpty,
            "in_review": m.state == .review,
            "warnings": (n?.warnings ?? []).map { ["text": $0] },
        ]
        if let u = m.understanding {
            v["understanding"] = ["kind": u.kind, "method": u.method, "confidence": String(format: "%.2f", u.confidence),
                                  "reasons": u.review.map { ["text": $0] },
                                  "steps": u.steps.map { ["method": $0.method, "kind": $0.kind ?? "", "note": $0.note,
                                                          "confidence": $0.confidence.map { String(format: "%.2f", $0) } ?? ""] }] as [String: Any]
        }
        v["attachments"] = d.attachments.map { a in
            [
                "index": String(a.index), "name": a.info.filename ?? "attachment \(a.index + 1)", "type": a.info.contentType,
                "size": String(a.info.size), "sha256": a.info.sha256, "method": a.document?.method ?? "",
                "pdf": a.info.contentType.lowercased() == "application/pdf",
            ] as [String: Any]
        }
        v["model_calls"] = d.modelCalls.map { c in
            [
                "time": time(c.time), "provider": c.provider, "model": c.model, "step": String(c.cascadeStep),
                "tokens": "\(c.inputTokens) in / \(c.outputTokens) out", "cost": String(format: "%.4f", c.cost),
                "latency": "\(c.latencyMilliseconds) ms", "redactions": String(c.redactions), "cache": c.cacheHit ? "cached" : "",
                "outcome": c.outcome,
            ] as [String: Any]
        }
        if let decision = d.decision {
            v["decision"] = ["time": time(decision.decidedAt), "rules": d.rulesMatched.joined(separator: ", "),
                             "version": decision.rulesSHA256, "details": JSONValue.object(decision.details).canonicalJSON]
        }
        v["actions"] = d.actions.map { e in
            var a: [String: Any] = [
                "id": String(e.id), "rule": e.action.rule, "connector": e.action.connector, "action": e.action.action,
                "state": e.state.rawValue, "attempts": String(e.attempts), "error": e.lastError ?? "",
                "parameters": JSONValue.object(e.action.parameters).canonicalJSON,
                "request": json(e.result?["request"]), "response": json(e.result?["response"]),
                "captured": json(e.result?["captured"]), "approval": e.action.approval ?? "",
                "decided_by": e.decidedBy ?? "", "decided_at": time(e.decidedAt), "reason": e.decisionReason ?? "",
                "awaiting": e.state == .awaitingApproval,
                "may_approve": permissions.allows(.approve(e.action.approval ?? "")),
                "back": "/messages/\(m.id)",
            ]
            if e.result != nil, a["request"] as? String == "" { a["result"] = json(e.result) }
            return a
        }
        v["has_model_calls"] = !d.modelCalls.isEmpty
        v["has_captured"] = !d.capturedValues.isEmpty
        v["captured"] = d.capturedValues.keys.sorted().map { ["name": $0, "value": d.capturedValues[$0]!.canonicalJSON] }
        v["events"] = d.events.map { e in
            [
                "sequence": String(e.sequence), "time": e.time, "stage": e.stage, "actor": e.actor, "type": e.eventType,
                "details": e.details, "hash": e.hash, "short_hash": String(e.hash.prefix(12)),
            ] as [String: Any]
        }
        return v
    }

    /// Approve and reject forms of an outbox row waiting for approval (`id` is the row's number).
    static let approvalForms = """
        <div class="approval">
          <form method="post" action="/outbox/{{id}}/approve" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
            <input type="hidden" name="back" value="{{back}}"><button type="submit" class="approve" id="approve-{{id}}">Approve</button></form>
          <form method="post" action="/outbox/{{id}}/reject" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
            <input type="hidden" name="back" value="{{back}}"><input name="reason" placeholder="reason" required aria-label="reason">
            <button type="submit" class="reject" id="reject-action-{{id}}">Reject</button></form>
        </div>
        """

    /// The source texts with marks, shared with the review station.
    static let textsPartial = """
        {{#texts}}
        <section class="source card" data-location="{{location}}">
          <h3>{{title}}</h3>
          <div class="mailtext" id="text-{{index}}">{{#pieces}}{{#mark}}<mark id="{{id}}" data-field="{{field}}" title="{{field}}">{{text}}</mark>{{/mark}}{{^mark}}{{text}}{{/mark}}{{/pieces}}</div>
        </section>
        {{/texts}}
        """

    static let template = """
        {{<layout}}{{$title}}Message {{id}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <script src="/static/review.js" defer></script>
        <h1>Message {{id}} <small class="muted">{{state}}{{#kind}} · {{kind}}{{/kind}}</small></h1>
        {{#flag}}<p class="notice" id="flag-reason">{{flag}}</p>{{/flag}}
        {{#in_review}}<p><a href="/review/{{id}}" id="open-review">Open in the review station</a></p>{{/in_review}}
        <div class="grid">
        <section class="card" id="headers">
          <h2>Headers</h2>
          <table>
            <tr><th>Subject</th><td id="subject">{{subject}}</td></tr>
            <tr><th>From</th><td>{{from}}</td></tr>
            <tr><th>To</th><td>{{to}}</td></tr>
            {{#cc}}<tr><th>Cc</th><td>{{cc}}</td></tr>{{/cc}}
            <tr><th>Date</th><td>{{date}}</td></tr>
            <tr><th>Message-ID</th><td>{{mail_message_id}}</td></tr>
            <tr><th>Received</th><td>{{received}} UTC</td></tr>
            <tr><th>Size</th><td>{{size}} bytes · SHA-256 <code>{{sha256}}</code></td></tr>
            {{#sources}}<tr><th>Seen at</th><td>{{source}} {{location}} ({{first_seen}})</td></tr>{{/sources}}
          </table>
          {{#warnings}}<p class="warn">{{text}}</p>{{/warnings}}
        </section>
        <section class="card" id="understanding">
          <h2>Understanding</h2>
          {{#understanding}}
          <p>{{kind}} by {{method}}, confidence {{confidence}}</p>
          {{#reasons}}<p class="bad">{{text}}</p>{{/reasons}}
          <details><summary>Steps</summary><ul>{{#steps}}<li><code>{{method}}</code> {{kind}} {{confidence}}: {{note}}</li>{{/steps}}</ul></details>
          {{/understanding}}
          {{^understanding}}<p class="muted">Not understood yet.</p>{{/understanding}}
          {{#has_fields}}
          <table id="fields">
            <thead><tr><th>Field</th><th>Value</th><th>Status</th><th>Evidence</th></tr></thead>
            <tbody>
            {{#fields}}<tr class="field {{status}}" data-field="{{name}}"><td>{{name}}</td><td>{{value}}</td>
              <td><span class="status {{status}}" title="{{provenance}} · confidence {{confidence}}">{{status_label}}</span>{{#problems}}<br><span class="bad">{{problems}}</span>{{/problems}}</td>
              <td>{{#mark}}<a href="#{{mark}}" class="evidence-link" data-mark="{{mark}}">{{where}}: “{{excerpt}}”</a>{{/mark}}{{^mark}}{{#where}}{{where}}: “{{excerpt}}”{{/where}}{{^where}}<span class="muted">not found in the mail</span>{{/where}}{{/mark}}</td></tr>
            {{/fields}}
            </tbody>
          </table>
          {{/has_fields}}
        </section>
        </div>
        <h2>Text</h2>
        \(textsPartial)
        <section class="card" id="attachments">
          <h2>Attachments</h2>
          {{^attachments}}<p class="muted">None.</p>{{/attachments}}
          <ul>
          {{#attachments}}<li><a href="/attachment/{{id}}/{{index}}" download>{{name}}</a> <span class="muted">{{type}}, {{size}} bytes, text by {{method}}</span>
            {{#pdf}}<br><iframe class="pdf" sandbox src="/attachment/{{id}}/{{index}}?inline=1" title="{{name}}" width="100%" height="480"></iframe>{{/pdf}}</li>
          {{/attachments}}
          </ul>
        </section>
        <section class="card" id="model-calls">
          <h2>Model calls</h2>
          {{^model_calls}}<p class="muted">None.</p>{{/model_calls}}
          {{#has_model_calls}}<table><thead><tr><th>Time</th><th>Provider / model</th><th>Tokens</th><th>Cost</th><th>Latency</th><th>Redactions</th><th>Outcome</th></tr></thead><tbody>{{/has_model_calls}}
          {{#model_calls}}<tr><td>{{time}}</td><td>{{provider}} / {{model}} (step {{step}}) {{cache}}</td><td>{{tokens}}</td><td class="number">{{cost}}</td><td class="number">{{latency}}</td><td class="number">{{redactions}}</td><td>{{outcome}}</td></tr>{{/model_calls}}
          {{#has_model_calls}}</tbody></table>{{/has_model_calls}}
        </section>
        <section class="card" id="decision">
          <h2>Rules</h2>
          {{#decision}}<p>Decided {{time}} by rules <strong>{{rules}}</strong>{{^rules}}(none matched){{/rules}}; rule-set version <code>{{version}}</code></p>
          <details><summary>Decision details</summary><pre>{{details}}</pre></details>{{/decision}}
          {{^decision}}<p class="muted">Not decided.</p>{{/decision}}
        </section>
        <section class="card" id="actions">
          <h2>Actions</h2>
          {{^actions}}<p class="muted">None.</p>{{/actions}}
          {{#actions}}<div class="action" id="action-{{id}}">
            <p><strong>#{{id}} {{connector}}.{{action}}</strong> (rule {{rule}}) — <span class="state">{{state}}</span>, {{attempts}} attempt(s)
              {{#approval}} · approval by <em>{{approval}}</em>{{/approval}}{{#decided_by}} · decided by {{decided_by}} at {{decided_at}}{{/decided_by}}{{#reason}}: {{reason}}{{/reason}}</p>
            {{#error}}<p class="bad">{{error}}</p>{{/error}}
            <details><summary>Parameters, request, response</summary>
              <pre>{{parameters}}</pre>{{#request}}<h4>Request</h4><pre>{{request}}</pre>{{/request}}{{#response}}<h4>Response</h4><pre>{{response}}</pre>{{/response}}{{#captured}}<h4>Captured</h4><pre>{{captured}}</pre>{{/captured}}{{#result}}<pre>{{result}}</pre>{{/result}}
            </details>
            {{#awaiting}}{{#may_approve}}\(approvalForms){{/may_approve}}{{/awaiting}}
          </div>{{/actions}}
          {{#has_captured}}<h3>Captured values</h3>{{/has_captured}}
          <ul>{{#captured}}<li><code>{{name}}</code> = {{value}}</li>{{/captured}}</ul>
        </section>
        <section class="card" id="timeline">
          <h2>Audit timeline</h2>
          <table>
            <thead><tr><th>#</th><th>Time</th><th>Stage</th><th>Actor</th><th>Event</th><th>Hash</th></tr></thead>
            <tbody>
            {{#events}}<tr id="event-{{sequence}}"><td>{{sequence}}</td><td>{{time}}</td><td>{{stage}}</td><td>{{actor}}</td>
              <td><details><summary>{{type}}</summary><pre>{{details}}</pre></details></td>
              <td><code title="{{hash}}">{{short_hash}}…</code> <a href="/audit/verify?upto={{sequence}}&amp;hash={{hash}}" class="verify">verify up to here</a></td></tr>
            {{/events}}
            </tbody>
          </table>
        </section>
        {{/content}}{{/layout}}
        """

    static let verifyTemplate = """
        {{<layout}}{{$title}}Audit verification{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <h1>Audit trail up to event {{upto}}</h1>
        {{#intact}}<p class="good" id="verify-result">Intact: the hash chain holds up to event {{upto}}, whose hash is <code>{{hash}}</code> ({{checked}} events checked).</p>{{/intact}}
        {{^intact}}<p class="bad" id="verify-result">Broken up to event {{upto}}:</p><ul>{{#problems}}<li>{{text}}</li>{{/problems}}</ul>{{/intact}}
        {{#message_id}}<p><a href="/messages/{{message_id}}">Back to message {{message_id}}</a></p>{{/message_id}}
        {{/content}}{{/layout}}
        """
}
