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
            return renderer.page("message", values: Self.values(dossier, permissions: context.permissions, language: context.language), active: .search, context: context)
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
    static func evidence(_ d: MessageDossier, language: WebLanguage) -> (texts: [[String: Any]], markOf: [String: String]) {
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
            texts.append(["location": source.location, "title": sourceTitle(source.location, language), "index": String(n),
                          "pieces": EvidenceText.values(EvidenceText.pieces(source.text, spans: spans))])
        }
        return (texts, markOf)
    }

    /// "Subject", "Body" or "Attachment NAME" in the reader's language.
    static func sourceTitle(_ location: String, _ language: WebLanguage) -> String {
        if location == "subject" { return WebLabels.text("subject", language) }
        if location == "body" { return WebLabels.text("body", language) }
        if location.hasPrefix("attachment:") {
            return WebLabels.text("attachment", language) + " " + location.dropFirst("attachment:".count)
        }
        return location
    }

    static func fieldValues(_ d: MessageDossier, markOf: [String: String], language: WebLanguage) -> [[String: Any]] {
        d.fields.map { f in
            var v: [String: Any] = [
                "name": f.name, "value": f.display, "type": f.type, "status": f.status.rawValue,
                "status_label": WebLabels.text("status_" + f.status.rawValue, language), "provenance": f.provenance,
                "confidence": String(format: "%.2f", f.confidence), "problems": f.problems.joined(separator: "; "),
                "flagged": f.status == .failedCheck || f.status == .lowConfidence,
                "input_type": f.type == "date" ? "date" : "text",
            ]
            if let g = f.grounding { v["where"] = g.location; v["excerpt"] = g.excerpt }
            if let mark = markOf[f.name] { v["mark"] = mark }
            return v
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

    static func values(_ d: MessageDossier, permissions: WebPermissions, language: WebLanguage) -> [String: Any] {
        let m = d.message
        let n = m.normalised
        func addresses(_ list: [MailAddress]?) -> String {
            (list ?? []).map { a in a.name.map { "\($0) <\(a.address)>" } ?? a.address }.joined(separator: ", ")
        }
        let (texts, markOf) = evidence(d, language: language)
        var v: [String: Any] = [
            "id": String(m.id), "state": WebLabels.text("state_" + m.state.rawValue, language), "kind": m.kind ?? "", "flag": m.flagReason ?? "",
            "subject": m.subject ?? n?.subject ?? "", "from": addresses(n?.from), "to": addresses(n?.to), "cc": addresses(n?.cc),
            "date": time(n?.date), "mail_message_id": n?.messageID ?? "", "received": time(m.receivedAt),
            "sha256": m.contentSHA256, "size": String(m.size),
            "sources": d.sources.map { ["source": $0.source, "location": $0.location, "first_seen": time($0.firstSeen)] },
            "texts": texts,
            "fields": fieldValues(d, markOf: markOf, language: language),
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
                "index": String(a.index), "name": a.info.filename ?? "\(WebLabels.text("attachments", language)) \(a.index + 1)", "type": a.info.contentType,
                "size": String(a.info.size), "sha256": a.info.sha256, "method": a.document?.method ?? "",
                "pdf": a.info.contentType.lowercased() == "application/pdf",
            ] as [String: Any]
        }
        v["model_calls"] = d.modelCalls.map { c in
            [
                "time": time(c.time), "provider": c.provider, "model": c.model, "step": String(c.cascadeStep),
                "tokens": "\(c.inputTokens) / \(c.outputTokens)", "cost": String(format: "%.4f", c.cost),
                "latency": String(c.latencyMilliseconds), "redactions": String(c.redactions), "cache": c.cacheHit ? WebLabels.text("cached", language) : "",
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
                "state": WebLabels.text("outbox_" + e.state.rawValue, language), "attempts": String(e.attempts), "error": e.lastError ?? "",
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
            <input type="hidden" name="back" value="{{back}}"><button type="submit" class="approve" id="approve-{{id}}">{{t.approve}}</button></form>
          <form method="post" action="/outbox/{{id}}/reject" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">
            <input type="hidden" name="back" value="{{back}}"><input name="reason" placeholder="{{t.reason}}" required aria-label="{{t.reason}}">
            <button type="submit" class="reject" id="reject-action-{{id}}">{{t.reject}}</button></form>
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
        {{<layout}}{{$title}}{{t.message}} {{id}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <script src="/static/review.js" defer></script>
        <h1>{{t.message}} {{id}} <small class="muted">{{state}}{{#kind}} · {{kind}}{{/kind}}</small></h1>
        {{#flag}}<p class="notice" id="flag-reason">{{flag}}</p>{{/flag}}
        {{#in_review}}<p><a href="/review/{{id}}" id="open-review">{{t.open_in_review}}</a></p>{{/in_review}}
        <div class="grid">
        <section class="card" id="headers">
          <h2>{{t.headers}}</h2>
          <table>
            <tr><th>{{t.subject}}</th><td id="subject">{{subject}}</td></tr>
            <tr><th>{{t.from}}</th><td>{{from}}</td></tr>
            <tr><th>{{t.to}}</th><td>{{to}}</td></tr>
            {{#cc}}<tr><th>{{t.cc}}</th><td>{{cc}}</td></tr>{{/cc}}
            <tr><th>{{t.date}}</th><td>{{date}}</td></tr>
            <tr><th>Message-ID</th><td>{{mail_message_id}}</td></tr>
            <tr><th>{{t.received}}</th><td>{{received}} UTC</td></tr>
            <tr><th>{{t.size}}</th><td>{{size}} {{t.bytes}} · SHA-256 <code>{{sha256}}</code></td></tr>
            {{#sources}}<tr><th>{{t.seen_at}}</th><td>{{source}} {{location}} ({{first_seen}})</td></tr>{{/sources}}
          </table>
          {{#warnings}}<p class="warn">{{text}}</p>{{/warnings}}
        </section>
        <section class="card" id="understanding">
          <h2>{{t.understanding}}</h2>
          {{#understanding}}
          <p>{{kind}} · {{t.method}}: {{method}} · {{t.confidence}}: {{confidence}}</p>
          {{#reasons}}<p class="bad">{{text}}</p>{{/reasons}}
          <details><summary>{{t.steps}}</summary><ul>{{#steps}}<li><code>{{method}}</code> {{kind}} {{confidence}}: {{note}}</li>{{/steps}}</ul></details>
          {{/understanding}}
          {{^understanding}}<p class="muted">{{t.not_understood}}</p>{{/understanding}}
          {{#has_fields}}
          <table id="fields">
            <thead><tr><th>{{t.field}}</th><th>{{t.value}}</th><th>{{t.status}}</th><th>{{t.evidence}}</th></tr></thead>
            <tbody>
            {{#fields}}<tr class="field {{status}}" data-field="{{name}}"><td>{{name}}</td><td>{{value}}</td>
              <td><span class="status {{status}}" title="{{provenance}} · {{t.confidence}} {{confidence}}">{{status_label}}</span>{{#problems}}<br><span class="bad">{{problems}}</span>{{/problems}}</td>
              <td>{{#mark}}<a href="#{{mark}}" class="evidence-link" data-mark="{{mark}}">{{where}}: “{{excerpt}}”</a>{{/mark}}{{^mark}}{{#where}}{{where}}: “{{excerpt}}”{{/where}}{{^where}}<span class="muted">{{t.not_in_mail}}</span>{{/where}}{{/mark}}</td></tr>
            {{/fields}}
            </tbody>
          </table>
          {{/has_fields}}
        </section>
        </div>
        <h2>{{t.text}}</h2>
        \(textsPartial)
        <section class="card" id="attachments">
          <h2>{{t.attachments}}</h2>
          {{^attachments}}<p class="muted">{{t.nothing}}</p>{{/attachments}}
          <ul>
          {{#attachments}}<li><a href="/attachment/{{id}}/{{index}}" download>{{name}}</a> <span class="muted">{{type}}, {{size}} {{t.bytes}}, {{t.text_by}} {{method}}</span>
            {{#pdf}}<br><iframe class="pdf" sandbox src="/attachment/{{id}}/{{index}}?inline=1" title="{{name}}" width="100%" height="480"></iframe>{{/pdf}}</li>
          {{/attachments}}
          </ul>
        </section>
        <section class="card" id="model-calls">
          <h2>{{t.model_calls}}</h2>
          {{^model_calls}}<p class="muted">{{t.nothing}}</p>{{/model_calls}}
          {{#has_model_calls}}<table><thead><tr><th>{{t.time}}</th><th>{{t.provider_model}}</th><th>{{t.tokens}}</th><th>{{t.cost}}</th><th>{{t.latency_ms}}</th><th>{{t.redactions}}</th><th>{{t.outcome}}</th></tr></thead><tbody>{{/has_model_calls}}
          {{#model_calls}}<tr><td>{{time}}</td><td>{{provider}} / {{model}} ({{t.step}} {{step}}) {{cache}}</td><td>{{tokens}}</td><td class="number">{{cost}}</td><td class="number">{{latency}}</td><td class="number">{{redactions}}</td><td>{{outcome}}</td></tr>{{/model_calls}}
          {{#has_model_calls}}</tbody></table>{{/has_model_calls}}
        </section>
        <section class="card" id="decision">
          <h2>{{t.rules}}</h2>
          {{#decision}}<p>{{t.decided}} {{time}} · {{t.rules}}: <strong>{{rules}}</strong>{{^rules}}({{t.no_rule_matched}}){{/rules}} · {{t.rule_set_version}} <code>{{version}}</code></p>
          <details><summary>{{t.decision_details}}</summary><pre>{{details}}</pre></details>{{/decision}}
          {{^decision}}<p class="muted">{{t.not_decided}}</p>{{/decision}}
        </section>
        <section class="card" id="actions">
          <h2>{{t.actions}}</h2>
          {{^actions}}<p class="muted">{{t.nothing}}</p>{{/actions}}
          {{#actions}}<div class="action" id="action-{{id}}">
            <p><strong>#{{id}} {{connector}}.{{action}}</strong> ({{t.rule}} {{rule}}) — <span class="state">{{state}}</span>, {{t.attempts}}: {{attempts}}
              {{#approval}} · {{t.approval_by}} <em>{{approval}}</em>{{/approval}}{{#decided_by}} · {{t.decided_by}} {{decided_by}}, {{decided_at}}{{/decided_by}}{{#reason}}: {{reason}}{{/reason}}</p>
            {{#error}}<p class="bad">{{error}}</p>{{/error}}
            <details><summary>{{t.parameters_request_response}}</summary>
              <pre>{{parameters}}</pre>{{#request}}<h4>{{t.request}}</h4><pre>{{request}}</pre>{{/request}}{{#response}}<h4>{{t.response}}</h4><pre>{{response}}</pre>{{/response}}{{#captured}}<h4>{{t.captured}}</h4><pre>{{captured}}</pre>{{/captured}}{{#result}}<pre>{{result}}</pre>{{/result}}
            </details>
            {{#awaiting}}{{#may_approve}}\(approvalForms){{/may_approve}}{{/awaiting}}
          </div>{{/actions}}
          {{#has_captured}}<h3>{{t.captured_values}}</h3>{{/has_captured}}
          <ul>{{#captured}}<li><code>{{name}}</code> = {{value}}</li>{{/captured}}</ul>
        </section>
        <section class="card" id="timeline">
          <h2>{{t.audit_timeline}}</h2>
          <table>
            <thead><tr><th>#</th><th>{{t.time}}</th><th>{{t.stage}}</th><th>{{t.actor}}</th><th>{{t.event}}</th><th>{{t.hash}}</th></tr></thead>
            <tbody>
            {{#events}}<tr id="event-{{sequence}}"><td>{{sequence}}</td><td>{{time}}</td><td>{{stage}}</td><td>{{actor}}</td>
              <td><details><summary>{{type}}</summary><pre>{{details}}</pre></details></td>
              <td><code title="{{hash}}">{{short_hash}}…</code> <a href="/audit/verify?upto={{sequence}}&amp;hash={{hash}}" class="verify">{{t.verify_up_to_here}}</a></td></tr>
            {{/events}}
            </tbody>
          </table>
        </section>
        {{/content}}{{/layout}}
        """

    static let verifyTemplate = """
        {{<layout}}{{$title}}{{t.audit_verification}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <h1>{{t.audit_chain}} · {{t.up_to_event}} {{upto}}</h1>
        {{#intact}}<p class="good" id="verify-result">{{t.chain_intact}} {{upto}} · {{t.hash}} <code>{{hash}}</code> · {{checked}} {{t.events_checked}}</p>{{/intact}}
        {{^intact}}<p class="bad" id="verify-result">{{t.chain_broken}} {{upto}}:</p><ul>{{#problems}}<li>{{text}}</li>{{/problems}}</ul>{{/intact}}
        {{#message_id}}<p><a href="/messages/{{message_id}}">{{t.back_to_message}} {{message_id}}</a></p>{{/message_id}}
        {{/content}}{{/layout}}
        """
}
