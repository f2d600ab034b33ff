import Act
import Daemon
import Decide
import Foundation
import HTTPTypes
import Hummingbird
import Ingest
import Understand
import Vocabulary

/// `/review`: the queue (oldest first, why each mail waits, who works on it, bulk accept) and `/review/ID`, the
/// validation station: the source text beside the fields, each field's status and provenance, corrections,
/// a change of kind, accept / reject / save and next; and the approve/reject forms of actions waiting for an
/// approver (`/outbox/ID/approve|reject`). Every decision goes through Understand's `ReviewQueue` or Act's
/// `Approvals` — the calls `mailroom review …` and `mailroom outbox approve|reject` make — with the logged-in
/// user as the actor ("user:LOGIN"). A reviewer holds a mail (`review_claims`) while working on it; the
/// second reviewer sees who holds it and cannot decide it.
public struct ReviewPages: WebPages {
    /// How long a claim holds without a decision (renewed whenever the holder opens the mail again).
    public static let claimSeconds: Double = 15 * 60

    public init() {}

    public var templates: [String: String] { ["review_queue": Self.queueTemplate, "review_station": Self.stationTemplate] }

    public func add(to router: Router<WebRequestContext>, renderer: WebRenderer, environment: WebEnvironment) {
        let store = environment.store
        let config = environment.config
        @Sendable func queue(needsCatalogue: Bool) throws -> ReviewQueue {
            let catalogue: KindCatalogue?
            do {
                catalogue = try KindCatalogue.load(directory: config.rules.kindsDirectory)
            } catch {
                if needsCatalogue { throw HTTPError(.internalServerError, message: "The kinds in rules/kinds cannot be read: \(error)") }
                catalogue = nil
            }
            return ReviewQueue(store: store, catalogue: catalogue, spool: try? Spool(directory: config.spool.path))
        }
        @Sendable func actor(_ context: WebRequestContext) throws -> String {
            guard let user = context.user else { throw HTTPError(.unauthorized, message: "Log in first.") }
            return AuditActor.webUser(user.login)
        }

        router.get("static/review.js") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: ReviewScript.source)))
        }

        router.get("static/pages.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PagesStyle.css)))
        }

        router.get("review") { request, context -> Response in
            try context.require(.read)
            let pending = try queue(needsCatalogue: false).pending()
            let claims = try store.reviewClaims(pending.map(\.id))
            let me = try actor(context)
            var values: [String: Any] = [
                "rows": pending.map { m in
                    var row: [String: Any] = [
                        "id": String(m.id), "received": MessagePages.time(m.receivedAt), "kind": m.kind ?? "",
                        "sender": m.sender ?? "", "subject": m.subject ?? "", "reason": m.flagReason ?? "",
                        "confidence": m.understanding.map { String(format: "%.2f", $0.confidence) } ?? "",
                    ]
                    if let claim = claims[m.id], claim.owner != me { row["held_by"] = claim.owner }
                    return row
                },
                "count": String(pending.count), "empty": pending.isEmpty, "may_review": context.permissions.allows(.review),
            ]
            if let accepted = request.uri.queryParameters["accepted"] { values["accepted"] = String(accepted) }
            if let skipped = request.uri.queryParameters["skipped"], skipped != "0" { values["skipped"] = String(skipped) }
            return renderer.page("review_queue", values: values, active: .review, context: context)
        }

        router.post("review/accept-selected") { _, context -> Response in
            try context.require(.review)
            let me = try actor(context)
            let ids = (context.form?.values("id") ?? []).compactMap { Int64($0) }
            let q = try queue(needsCatalogue: false)
            var accepted = 0, skipped = 0
            for id in ids {
                // One audited decision per mail; a mail someone else holds, or that left review, is skipped.
                guard try store.claimForReview(id, owner: me, seconds: Self.claimSeconds).owner == me else { skipped += 1; continue }
                do {
                    try q.accept(id, by: me, note: "accepted with others from the review queue")
                    accepted += 1
                } catch is OperatorInputError {
                    skipped += 1
                } catch let error as StoreError {
                    if case .stateConflict = error { skipped += 1 } else { throw error }
                }
                try store.releaseReviewClaim(id, owner: me)
            }
            return .redirect(to: "/review?accepted=\(accepted)&skipped=\(skipped)", type: .normal)
        }

        router.get("review/:id") { request, context -> Response in
            try context.require(.read)
            let id = try context.parameters.require("id", as: Int64.self)
            guard let dossier = try MessageDossier.load(store: store, messageID: id) else {
                throw HTTPError(.notFound, message: "There is no message \(id).")
            }
            let me = try actor(context)
            var claim: ReviewClaim?
            if dossier.message.state == .review, context.permissions.allows(.review) {
                claim = try store.claimForReview(id, owner: me, seconds: Self.claimSeconds)
            } else {
                claim = try store.reviewClaim(id)
            }
            let kinds = (try? KindCatalogue.load(directory: config.rules.kindsDirectory))?.kinds.map(\.name).sorted() ?? []
            var values = Self.stationValues(dossier, kinds: kinds, permissions: context.permissions, language: context.language)
            if let claim, claim.owner != me {
                values["held_by"] = claim.owner
                values["held_until"] = MessagePages.time(claim.expiresAt)
                values["may_decide"] = false
            }
            if let error = request.uri.queryParameters["error"] { values["error"] = String(error) }
            return renderer.page("review_station", values: values, active: .review, context: context)
        }

        router.post("review/:id/decide") { _, context -> Response in
            try context.require(.review)
            let id = try context.parameters.require("id", as: Int64.self)
            let me = try actor(context)
            let form = context.form ?? WebForm(fields: [])
            let claim = try store.claimForReview(id, owner: me, seconds: Self.claimSeconds)
            guard claim.owner == me else {
                throw HTTPError(.conflict, message: "\(claim.owner) is working on message \(id) until \(MessagePages.time(claim.expiresAt)) UTC.")
            }
            guard let dossier = try MessageDossier.load(store: store, messageID: id) else {
                throw HTTPError(.notFound, message: "There is no message \(id).")
            }
            let decision = form["decision"] ?? "accept"
            if decision == "preview" {
                return Self.preview(form, dossier: dossier, queue: try queue(needsCatalogue: true), config: config,
                                    renderer: renderer, context: context)
            }
            do {
                switch decision {
                case "reject":
                    let reason = form["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines)
                    try queue(needsCatalogue: false).reject(id, by: me, reason: reason?.isEmpty == false ? reason : nil)
                case "accept", "save", "save-next":
                    let corrections = try Self.corrections(form, dossier: dossier)
                    if corrections.isEmpty {
                        _ = try queue(needsCatalogue: false).accept(id, by: me, note: "accepted in the web UI")
                    } else {
                        _ = try queue(needsCatalogue: true).correct(id, corrections, by: me)
                    }
                default:
                    throw HTTPError(.badRequest, message: "Unknown decision '\(decision)'.")
                }
            } catch let error as OperatorInputError {
                return .redirect(to: "/review/\(id)?error=" + SearchQuery.encode(error.message), type: .normal)
            }
            try store.releaseReviewClaim(id, owner: me)
            // "Add as example": the same call as `mailroom review accept|correct --add-example`, after the decision.
            if decision != "reject", form["add_example"] == "1" {
                do {
                    try queue(needsCatalogue: false).addExample(id, examplesDirectory: config.rules.examplesDirectory, by: me)
                } catch let error as OperatorInputError {
                    return .redirect(to: "/review/\(id)?error=" + SearchQuery.encode(error.message), type: .normal)
                }
            }
            if decision == "save-next" {
                let pending = try queue(needsCatalogue: false).pending()
                let claims = try store.reviewClaims(pending.map(\.id))
                if let next = pending.first(where: { $0.id != id && (claims[$0.id] == nil || claims[$0.id]?.owner == me) }) {
                    return .redirect(to: "/review/\(next.id)", type: .normal)
                }
                return .redirect(to: "/review", type: .normal)
            }
            return .redirect(to: "/messages/\(id)", type: .normal)
        }

        for (verb, approve) in [("approve", true), ("reject", false)] {
            router.post("outbox/:id/\(verb)") { _, context -> Response in
                let id = try context.parameters.require("id", as: Int64.self)
                let me = try actor(context)
                guard let entry = try store.outboxEntry(String(id)) else {
                    throw HTTPError(.notFound, message: "There is no action \(id).")
                }
                // Only for the approver role this action waits for (admin: any). A refusal is audited, as on the
                // command line.
                let role = entry.action.approval ?? ""
                guard context.permissions.allows(.approve(role)) else {
                    let refusal = "\(me) holds no approver:\(role) role"
                    _ = try store.appendAudit(AuditDraft(messageID: entry.messageID, stage: "act", actor: me, eventType: "approval_refused", details: [
                        "outbox_id": .int(entry.id), "role": .string(role), "decision": .string(verb), "by": .string(me),
                        "channel": "web", "reason": .string(refusal),
                    ]))
                    throw HTTPError(.forbidden, message: "You may not \(verb) this action: it waits for approver:\(role).")
                }
                let form = context.form ?? WebForm(fields: [])
                do {
                    if approve {
                        _ = try Approvals.approve(String(id), by: me, store: store)
                    } else {
                        let reason = form["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                        guard !reason.isEmpty else { throw HTTPError(.badRequest, message: "Say why the action is rejected.") }
                        _ = try Approvals.reject(String(id), reason: reason, by: me, store: store)
                    }
                } catch let error as OperatorInputError {
                    throw HTTPError(.conflict, message: error.message)
                }
                let back = form["back"] ?? ""
                // Only a path of our own: never another site.
                let target = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : "/messages/\(entry.messageID)"
                return .redirect(to: target, type: .normal)
            }
        }
    }

    /// The person's corrections: every field input whose value differs from the value shown, and the kind when changed.
    static func corrections(_ form: WebForm, dossier: MessageDossier) throws -> [ReviewQueue.Correction] {
        var out: [ReviewQueue.Correction] = []
        if let kind = form["kind"]?.trimmingCharacters(in: .whitespaces), !kind.isEmpty, kind != dossier.message.understanding?.kind {
            out.append(try ReviewQueue.Correction(parsing: "kind=" + kind))
        }
        let shown = Dictionary(dossier.fields.map { ($0.name, $0.display) }, uniquingKeysWith: { a, _ in a })
        for (name, value) in form.fields where name.hasPrefix("field:") {
            let field = String(name.dropFirst("field:".count))
            guard !field.isEmpty, !field.contains("=") else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed != (shown[field] ?? "") else { continue }
            out.append(try ReviewQueue.Correction(parsing: field + "=" + trimmed))
        }
        return out
    }

    /// The station again with what the person typed kept, and below the form what the rules would do with
    /// the corrected fields: every rule's outcome and the actions that would be enqueued. The same evaluation
    /// as `mailroom rules try` (`Decider.preview`) on the same corrections `correct` would store
    /// (`ReviewQueue.corrected`); nothing is stored or executed.
    static func preview(_ form: WebForm, dossier: MessageDossier, queue: ReviewQueue, config: MailroomConfig,
                        renderer: WebRenderer, context: WebRequestContext) -> Response {
        let language = context.language
        let kinds = queue.catalogue?.kinds.map(\.name).sorted() ?? []
        var values = stationValues(dossier, kinds: kinds, permissions: context.permissions, language: language)
        // What the person typed stays in the form.
        if let kind = form["kind"] {
            values["kinds"] = kinds.map { ["name": $0, "selected": $0 == kind] as [String: Any] }
        }
        values["fields"] = (values["fields"] as? [[String: Any]] ?? []).map { field in
            var f = field
            if let name = f["name"] as? String, let typed = form["field:" + name] { f["value"] = typed }
            return f
        }
        if form["add_example"] == "1" { values["add_example"] = true }
        do {
            let typed = try Self.corrections(form, dossier: dossier)
            var corrected = dossier.message.understanding
            var problems: [String] = []
            if !typed.isEmpty {
                let result = try queue.corrected(dossier.message.id, typed)
                corrected = result.after
                problems = result.problems
            }
            guard let understanding = corrected, let message = dossier.message.normalised else {
                throw OperatorInputError(message: "message \(dossier.message.id) has no understanding to decide on")
            }
            let environment = RuleEnvironment.load(rulesDirectory: URL(fileURLWithPath: config.rules.path),
                                                   connectorsDirectory: URL(fileURLWithPath: config.rules.connectors), config: config)
            guard environment.errors.isEmpty else {
                throw OperatorInputError(message: WebLabels.text("rules_have_errors", language) + " "
                                         + environment.errors.prefix(3).map(\.description).joined(separator: "; "))
            }
            let now = Date()
            let input = DecisionInput(messageID: dossier.message.id, message: message, understanding: understanding,
                                      source: dossier.sources.first?.source ?? "", receivedAt: dossier.message.receivedAt, now: now)
            values["preview"] = previewValues(environment.decider.preview(input), kind: understanding.kind, problems: problems,
                                              language: language)
        } catch let error as OperatorInputError {
            values["error"] = error.message
        } catch {
            values["error"] = "\(error)"
        }
        return renderer.page("review_station", values: values, active: .review, context: context)
    }

    static func previewValues(_ p: DecisionPreview, kind: String, problems: [String], language: WebLanguage) -> [String: Any] {
        func outcome(_ o: RuleTrace.Outcome) -> (key: String, reasons: [String]) {
            switch o {
            case .matched: return ("rule_matched", [])
            case .notMatched(let reasons): return ("rule_not_matched", reasons)
            case .skipped(let why): return ("rule_skipped", [why])
            case .failed(let why): return ("rule_failed", [why])
            case .review(let why): return ("rule_review", [why])
            }
        }
        var values: [String: Any] = [
            "kind": kind,
            "rules": p.rules.map { t -> [String: Any] in
                let (key, reasons) = outcome(t.outcome)
                return ["name": t.rule, "outcome": WebLabels.text(key, language), "class": key,
                        "matched": t.outcome == .matched, "reasons": reasons.map { ["text": $0] }]
            },
            "actions": p.actions.map { a -> [String: Any] in
                ["connector": a.action.connector, "action": a.action.action, "rule": a.action.rule,
                 "approval": a.action.approval ?? "", "parameters": JSONValue.object(a.parameters).canonicalJSON]
            },
            "review": p.decision.review.map { ["text": $0] },
            "problems": (problems + p.decision.problems.map { "\($0.file):\($0.line): \($0.rule): \($0.message)" }).map { ["text": $0] },
        ]
        if let stop = p.stoppedBy { values["stopped_by"] = stop.rule }
        values["has_actions"] = !p.actions.isEmpty
        return values
    }

    static func stationValues(_ d: MessageDossier, kinds: [String], permissions: WebPermissions, language: WebLanguage) -> [String: Any] {
        var values = MessagePages.values(d, permissions: permissions, language: language)
        values["kinds"] = kinds.map { ["name": $0, "selected": $0 == d.message.understanding?.kind] as [String: Any] }
        values["may_decide"] = d.message.state == .review && permissions.allows(.review)
        values["awaiting_actions"] = (values["actions"] as? [[String: Any]] ?? []).filter { $0["awaiting"] as? Bool == true }.map {
            var a = $0
            a["back"] = "/review/\(d.message.id)"
            return a
        }
        return values
    }

    static let queueTemplate = """
        {{<layout}}{{$title}}{{t.nav_review}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <h1>{{t.nav_review}} <small class="muted">{{count}} {{t.waiting_oldest_first}}</small></h1>
        {{#accepted}}<p class="notice" id="bulk-result">{{t.accepted}}: {{accepted}}{{#skipped}} · {{t.skipped}}: {{skipped}} {{t.skipped_why}}{{/skipped}}</p>{{/accepted}}
        {{#empty}}<p class="muted">{{t.nothing_waits}}</p>{{/empty}}
        {{^empty}}
        <form method="post" action="/review/accept-selected" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <table id="review-queue">
            <thead><tr><th></th><th>#</th><th>{{t.received_utc}}</th><th>{{t.kind}}</th><th>{{t.sender}}</th><th>{{t.subject}}</th><th>{{t.why_it_waits}}</th></tr></thead>
            <tbody>
            {{#rows}}<tr><td>{{^held_by}}{{#may_review}}<input type="checkbox" name="id" value="{{id}}" aria-label="{{t.select}} {{id}}">{{/may_review}}{{/held_by}}</td>
              <td><a href="/review/{{id}}">{{id}}</a></td><td>{{received}}</td><td>{{kind}} {{confidence}}</td><td>{{sender}}</td>
              <td><a href="/review/{{id}}">{{subject}}</a></td>
              <td>{{reason}}{{#held_by}}<br><span class="warn">{{t.held_by}} {{held_by}}</span>{{/held_by}}</td></tr>
            {{/rows}}
            </tbody>
          </table>
          {{#may_review}}<p><button type="submit" id="accept-selected">{{t.accept_selected}}</button></p>{{/may_review}}
        </form>
        {{/empty}}
        {{/content}}{{/layout}}
        """

    static let stationTemplate = """
        {{<layout}}{{$title}}{{t.review_message}} {{id}}{{/title}}{{$content}}
        <link rel="stylesheet" href="/static/pages.css">
        <script src="/static/review.js" defer></script>
        <h1>{{t.review_message}} {{id}} <small class="muted">{{state}} · <a href="/messages/{{id}}">{{t.full_record}}</a></small></h1>
        {{#error}}<p class="notice error" id="review-error">{{error}}</p>{{/error}}
        {{#held_by}}<p class="notice" id="held-by">{{held_by}} {{t.held_until}} {{held_until}} UTC. {{t.held_read_only}}</p>{{/held_by}}
        {{#flag}}<p class="notice" id="flag-reason">{{flag}}</p>{{/flag}}
        <div class="station">
          <div class="sources">
            <section class="card"><h3>{{t.from}}</h3><p>{{from}}</p></section>
            \(MessagePages.textsPartial)
          </div>
          <div class="decision">
            <form method="post" action="/review/{{id}}/decide" class="card" id="review-form">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <label>{{t.kind}} <select name="kind" id="kind">{{#kinds}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/kinds}}</select></label>
              {{#understanding}}<p class="muted">{{kind}} · {{t.method}}: {{method}} · {{t.confidence}}: {{confidence}}</p>{{#reasons}}<p class="bad">{{text}}</p>{{/reasons}}{{/understanding}}
              {{#fields}}
              <label class="field {{status}}" data-field="{{name}}">
                <span class="status {{status}}" title="{{status_label}} — {{provenance}} · {{t.confidence}} {{confidence}}">{{status_label}}</span>
                <span class="name">{{name}}</span>
                <input type="{{input_type}}" name="field:{{name}}" value="{{value}}" class="field-input{{#flagged}} flagged{{/flagged}}" {{#mark}}data-mark="{{mark}}"{{/mark}}>
                {{#problems}}<span class="bad">{{problems}}</span>{{/problems}}
                {{#mark}}<a href="#{{mark}}" class="evidence-link" data-mark="{{mark}}">{{t.evidence}}</a>{{/mark}}
              </label>
              {{/fields}}
              {{#may_decide}}
              <p class="buttons">
                <button type="submit" name="decision" value="accept" id="accept" title="a">{{t.accept}}</button>
                <button type="submit" name="decision" value="save-next" id="save-next" title="n">{{t.save_next}}</button>
                <button type="submit" name="decision" value="preview" id="preview" class="secondary">{{t.preview}}</button>
              </p>
              <label class="check"><input type="checkbox" name="add_example" value="1" id="add-example"{{#add_example}} checked{{/add_example}}> {{t.add_as_example}}</label>
              <label>{{t.reject_reason}} <input name="reason" id="reject-reason"></label>
              <p><button type="submit" name="decision" value="reject" id="reject" class="reject" title="r">{{t.reject}}</button></p>
              <p class="muted">{{t.keys_help}}</p>
              {{/may_decide}}
            </form>
            {{#preview}}
            <section class="card" id="preview-result">
              <h2>{{t.preview_title}}</h2>
              <p class="muted">{{t.nothing_executed}} · {{t.kind}}: <strong>{{kind}}</strong></p>
              {{#problems}}<p class="warn">{{text}}</p>{{/problems}}
              <ol class="rules">
              {{#rules}}<li class="{{class}}"><strong>{{name}}</strong>: <span class="{{#matched}}good{{/matched}}{{^matched}}muted{{/matched}}">{{outcome}}</span>
                {{#reasons}}<br><span class="muted">{{text}}</span>{{/reasons}}</li>{{/rules}}
              </ol>
              {{#stopped_by}}<p class="muted">{{t.stopped_by}} {{stopped_by}}</p>{{/stopped_by}}
              {{#review}}<p class="warn">{{t.rule_review}}: {{text}}</p>{{/review}}
              <h3>{{t.actions_would_run}}</h3>
              {{^has_actions}}<p class="muted">{{t.nothing}}</p>{{/has_actions}}
              {{#actions}}<div class="action"><p><strong>{{connector}}.{{action}}</strong> ({{t.rule}} {{rule}}){{#approval}} · {{t.approval_by}} <em>{{approval}}</em>{{/approval}}</p>
                <details><summary>{{t.parameters}}</summary><pre>{{parameters}}</pre></details></div>{{/actions}}
            </section>
            {{/preview}}
            <section class="card" id="pending-actions">
              <h2>{{t.actions_awaiting_approval}}</h2>
              {{^awaiting_actions}}<p class="muted">{{t.nothing}}</p>{{/awaiting_actions}}
              {{#awaiting_actions}}<div class="action"><p>#{{id}} {{connector}}.{{action}} ({{t.rule}} {{rule}}) · {{t.approval_by}} <em>{{approval}}</em></p>
                <pre>{{parameters}}</pre>{{#may_approve}}\(MessagePages.approvalForms){{/may_approve}}</div>{{/awaiting_actions}}
            </section>
          </div>
        </div>
        {{/content}}{{/layout}}
        """
}

/// The review station's bit of JavaScript, served from memory at /static/review.js (no inline script, so the
/// strict CSP holds). Everything it does is also possible without it.
enum ReviewScript {
    static let source = """
        (function () {
          'use strict';
          function highlight(id) {
            var el = document.getElementById(id);
            if (!el) return;
            document.querySelectorAll('mark.active').forEach(function (m) { m.classList.remove('active'); });
            el.classList.add('active');
            el.scrollIntoView({ block: 'center' });
          }
          var lastField = null;
          document.addEventListener('click', function (e) {
            var link = e.target.closest ? e.target.closest('[data-mark]') : null;
            if (link && link.tagName !== 'INPUT') { e.preventDefault(); highlight(link.getAttribute('data-mark')); }
            var row = e.target.closest ? e.target.closest('label.field') : null;
            if (row) { var input = row.querySelector('input.field-input'); if (input && input.getAttribute('data-mark')) highlight(input.getAttribute('data-mark')); }
          });
          document.addEventListener('focusin', function (e) {
            var t = e.target;
            if (t.classList && t.classList.contains('field-input')) {
              lastField = t;
              if (t.getAttribute('data-mark')) highlight(t.getAttribute('data-mark'));
            }
          });
          document.addEventListener('mouseup', function (e) {
            if (!lastField || !e.target.closest || !e.target.closest('.mailtext')) return;
            var text = String(window.getSelection()).trim();
            if (text) { lastField.value = text; lastField.classList.add('changed'); lastField.focus(); }
          });
          document.addEventListener('keydown', function (e) {
            if (!document.getElementById('review-form')) return;
            var t = e.target;
            if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
              var flagged = Array.prototype.slice.call(document.querySelectorAll('input.field-input.flagged'));
              if (flagged.length === 0) return;
              var i = flagged.indexOf(t);
              var n = e.shiftKey ? (i <= 0 ? flagged.length - 1 : i - 1) : (i + 1) % flagged.length;
              e.preventDefault();
              flagged[n].focus();
              return;
            }
            var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
            if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
            var id = { a: 'accept', r: 'reject', n: 'save-next' }[e.key];
            var button = id && document.getElementById(id);
            if (!button) return;
            e.preventDefault();
            if (id === 'reject') {
              var reason = document.getElementById('reject-reason');
              if (reason && !reason.value) { reason.focus(); return; }
            }
            button.click();
          });
        })();
        """
}

/// The search, message and review pages' styles, served from memory at /static/pages.css.
enum PagesStyle {
    static let css = """
        mark { background: #fff1a8; padding: 0 .1em; border-radius: .15em; }
        mark.active { background: #ffd24d; outline: 2px solid #9a6700; }
        .station { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1rem; align-items: start; }
        .station .decision { position: sticky; top: .5rem; }
        @media (max-width: 50rem) { .station { grid-template-columns: 1fr; } .station .decision { position: static; } }
        label.field { display: block; margin: .5rem 0; padding: .3rem .4rem; border-left: 4px solid var(--line); }
        label.field.failed_check { border-left-color: var(--bad); }
        label.field.low_confidence { border-left-color: var(--warn); }
        label.field.confirmed { border-left-color: var(--good); }
        .status { font-size: .8rem; padding: .05rem .4rem; border-radius: 1rem; border: 1px solid var(--line); cursor: help; }
        .status.failed_check { color: var(--bad); border-color: var(--bad); }
        .status.low_confidence { color: var(--warn); border-color: var(--warn); }
        .status.confirmed { color: var(--good); border-color: var(--good); }
        .field .name { font-weight: 600; margin-left: .4rem; }
        input.changed { background: #eef6ff; }
        form.inline { display: inline-block; margin: .2rem .4rem .2rem 0; }
        form.inline input { display: inline-block; width: auto; }
        button.reject { background: var(--bad); border-color: var(--bad); }
        button.secondary { background: transparent; color: var(--accent); }
        ol.rules li.rule_matched { font-weight: 600; }
        .search .grid { gap: 0 1rem; }
        .pager { display: flex; gap: 1rem; margin: 1rem 0; }
        iframe.pdf { border: 1px solid var(--line); margin-top: .4rem; }
        pre { max-height: 20rem; overflow: auto; }
        fieldset { border: 1px solid var(--line); border-radius: .35rem; margin: .5rem 0; }
        label.check, form.stacked label.check { display: inline-flex; align-items: center; gap: .3rem; margin: .2rem 1rem .2rem 0; }
        label.check input, form.stacked label.check input { width: auto; display: inline; margin: 0; }
        details.user-admin summary { cursor: pointer; }
        details.user-admin form { margin: .6rem 0; }
        """
}
