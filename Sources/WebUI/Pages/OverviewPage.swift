import Foundation
import Hummingbird
import Audit
import Daemon
import Store
import Vocabulary

/// GET /: the day at a glance — today's mail by state and kind, what waits for a person (oldest first), dead
/// letters and blocked actions, the sources' trigger health, model costs, and the audit trail's verification
/// with the latest signed checkpoint. The figures come from what `mailroom status` and `mailroom costs`
/// compute (`StatusReport.gather`, the store's `modelCosts`) and the store's grouped counts; no SQL here.
struct OverviewPage: Sendable {
    let environment: WebEnvironment
    let auditStatus: AuditStatusCache

    init(environment: WebEnvironment) {
        self.environment = environment
        auditStatus = AuditStatusCache(config: environment.config, store: environment.store)
    }

    static let templates = ["overview": """
        {{<layout}}{{$title}}{{t.overview_title}}{{/title}}{{$content}}
        <h1>{{t.overview_title}}</h1>
        <div class="grid">
          <section class="card" id="today">
            <h2>{{t.today_by_state}}</h2>
            <table>
              {{#today_states}}<tr><td>{{label}}</td><td class="number">{{count}}</td></tr>{{/today_states}}
              <tr><th>{{t.total}}</th><th class="number" id="today-total">{{today_total}}</th></tr>
            </table>
          </section>
          <section class="card" id="kinds">
            <h2>{{t.today_by_kind}}</h2>
            {{^today_kinds}}<p class="muted">{{t.nothing}}</p>{{/today_kinds}}
            <table>{{#today_kinds}}<tr><td>{{kind}}</td><td class="number">{{count}}</td></tr>{{/today_kinds}}</table>
          </section>
          <section class="card" id="audit">
            <h2>{{t.audit_chain}}</h2>
            {{#audit}}
            <p>{{#intact}}<strong class="good" id="audit-status">{{t.audit_verified}}</strong>{{/intact}}{{^intact}}<strong class="bad" id="audit-status">{{t.audit_broken}}</strong>{{/intact}}
               · {{events}} {{t.audit_events}} · <span class="muted">{{t.checked_at}} {{checked_at}}</span></p>
            {{#problem}}<p class="bad">{{problem}}</p>{{/problem}}
            <p>{{t.latest_checkpoint}}: {{#checkpoint}}<code>{{checkpoint}}</code>{{/checkpoint}}{{^checkpoint}}<span class="muted">{{t.no_checkpoint}}</span>{{/checkpoint}}</p>
            {{/audit}}
          </section>
        </div>
        <section class="card" id="waiting">
          <h2>{{t.waiting_for_person}}</h2>
          {{#awaiting_approval}}<p><strong>{{awaiting_approval}}</strong> {{t.awaiting_approval}}</p>{{/awaiting_approval}}
          {{^waiting}}<p class="muted">{{t.nothing}}</p>{{/waiting}}
          {{#has_waiting}}<table><tr><th>{{t.message}}</th><th>{{t.state}}</th><th>{{t.since}}</th></tr>{{/has_waiting}}
          {{#waiting}}<tr><td><a href="/messages/{{id}}">#{{id}}</a> {{subject}}<br><span class="muted">{{sender}}</span></td><td>{{state}}{{#reason}}<br><span class="muted">{{reason}}</span>{{/reason}}</td><td>{{since}} <span class="muted">({{age}})</span></td></tr>{{/waiting}}
          {{#has_waiting}}</table>{{/has_waiting}}
        </section>
        <div class="grid">
          <section class="card" id="dead-letters">
            <h2>{{t.dead_letters}}</h2>
            {{^dead_letters}}<p class="muted">{{t.nothing}}</p>{{/dead_letters}}
            <table>{{#dead_letters}}<tr><td><a href="/messages/{{message_id}}">#{{message_id}}</a></td><td>{{action}}</td><td class="muted">{{reason}}</td></tr>{{/dead_letters}}</table>
          </section>
          <section class="card" id="blocked">
            <h2>{{t.blocked_actions}}</h2>
            {{^blocked}}<p class="muted">{{t.nothing}}</p>{{/blocked}}
            <table>{{#blocked}}<tr><td><a href="/messages/{{message_id}}">#{{message_id}}</a></td><td>{{action}}</td><td class="muted">{{reason}}</td></tr>{{/blocked}}</table>
          </section>
          <section class="card" id="sources">
            <h2>{{t.trigger_health}}</h2>
            {{^sources}}<p class="muted">{{t.nothing}}</p>{{/sources}}
            <table>{{#sources}}<tr><td>{{name}}</td><td class="{{verdict_class}}">{{verdict}}</td><td class="muted">{{detail}}</td></tr>{{/sources}}</table>
          </section>
        </div>
        <section class="card" id="costs">
          <h2>{{t.costs}}</h2>
          <div class="grid">
            <div><h3>{{t.by_day}}</h3>{{^costs_day}}<p class="muted">{{t.nothing}}</p>{{/costs_day}}<table>{{#costs_day}}<tr><td>{{key}}</td><td class="number">{{calls}} {{t.calls}}</td><td class="number">{{cost}}</td></tr>{{/costs_day}}</table></div>
            <div><h3>{{t.by_provider}}</h3>{{^costs_provider}}<p class="muted">{{t.nothing}}</p>{{/costs_provider}}<table>{{#costs_provider}}<tr><td>{{key}}</td><td class="number">{{calls}} {{t.calls}}</td><td class="number">{{cost}}</td></tr>{{/costs_provider}}</table></div>
            <div><h3>{{t.by_kind}}</h3>{{^costs_kind}}<p class="muted">{{t.nothing}}</p>{{/costs_kind}}<table>{{#costs_kind}}<tr><td>{{key}}</td><td class="number">{{calls}} {{t.calls}}</td><td class="number">{{cost}}</td></tr>{{/costs_kind}}</table></div>
          </div>
        </section>
        {{/content}}{{/layout}}
        """]

    func add(to router: Router<WebRequestContext>, renderer: WebRenderer) {
        router.get("/") { _, context -> Response in
            try context.require(.read)
            return renderer.page("overview", values: try values(language: context.language), active: .overview, context: context)
        }
    }

    /// The page's values (also what the tests read).
    func values(language: WebLanguage, now: Date = Date()) throws -> [String: Any] {
        let store = environment.store
        let report = try StatusReport.gather(config: environment.config, store: store, now: now)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let today = calendar.startOfDay(for: now)

        var states: [[String: Any]] = []
        var total = 0
        let stateCounts = try store.countMessagesByState(matching: MessageFilter(since: today))
        for state in MessageState.allCases {
            guard let count = stateCounts[state], count > 0 else { continue }
            total += count
            states.append(["label": WebLabels.text("state_" + state.rawValue, language), "count": count])
        }
        let kinds = try store.countMessagesByKind(matching: MessageFilter(since: today))

        let waiting = try store.messages(matching: MessageFilter(states: [.review, .approval], limit: 500))
            .sorted { $0.updatedAt < $1.updatedAt }.prefix(50)
            .map { m -> [String: Any] in
                var row: [String: Any] = [
                    "id": m.id, "subject": m.subject ?? "", "sender": m.sender ?? "",
                    "state": WebLabels.text("state_" + m.state.rawValue, language),
                    "since": ISO8601.utcString(m.updatedAt), "age": OperatorTime.age(now.timeIntervalSince(m.updatedAt)),
                ]
                if let reason = m.flagReason, !reason.isEmpty { row["reason"] = reason }
                return row
            }

        func actions(_ lines: [StatusReport.ActionLine]) -> [[String: Any]] {
            lines.map { ["message_id": $0.messageID, "action": "\($0.connector) \($0.action)", "reason": $0.reason] }
        }
        let sources = report.triggers.map { t -> [String: Any] in
            ["name": t.source, "verdict": t.verdict, "detail": t.detail ?? t.state,
             "verdict_class": t.verdict == "healthy" ? "good" : t.verdict == "suspicious" ? "warn" : "bad"]
        } + report.sources.filter { s in !report.triggers.contains { $0.source == s.name } }.map { s -> [String: Any] in
            ["name": s.name, "verdict": s.waitingFiles.map { "\($0) waiting" } ?? "", "detail": s.path, "verdict_class": "muted"]
        }

        let monthAgo = now.addingTimeInterval(-30 * 86_400)
        func costs(_ grouping: ModelCostGrouping) throws -> [[String: Any]] {
            try store.modelCosts(since: monthAgo, by: grouping).map {
                ["key": $0.key, "calls": $0.calls, "cost": String(format: "%.4f", $0.cost)]
            }
        }

        let audit = auditStatus.current(now: now)
        // Mustache shows a section for any value present, 0 and "" included: absent keys for "nothing".
        var auditValues: [String: Any] = ["intact": audit.intact, "events": audit.events,
                                          "checked_at": ISO8601.utcString(audit.checkedAt)]
        if let problem = audit.problem { auditValues["problem"] = problem }
        if let checkpoint = audit.checkpoint { auditValues["checkpoint"] = checkpoint }
        var values: [String: Any] = [
            "today_states": states, "today_total": total,
            "today_kinds": kinds.map { ["kind": $0.kind ?? "—", "count": $0.count] as [String: Any] },
            "waiting": Array(waiting),
            "dead_letters": actions(report.deadLetters), "blocked": actions(report.blockedActions),
            "sources": sources,
            "costs_day": try costs(.day), "costs_provider": try costs(.provider), "costs_kind": try costs(.kind),
            "audit": auditValues,
        ]
        if !waiting.isEmpty { values["has_waiting"] = true }
        if report.awaitingApproval > 0 { values["awaiting_approval"] = report.awaitingApproval }
        return values
    }
}

/// The audit trail's verification, run at most once a minute (the whole chain is read each time).
final class AuditStatusCache: Sendable {
    struct Status: Sendable {
        var intact: Bool
        var events: Int
        var problem: String?
        var checkpoint: String?
        var checkedAt: Date
    }

    private let config: MailroomConfig
    private let store: MailStore
    private let cached = LockedValue<Status?>(nil)
    static let lifetime: TimeInterval = 60

    init(config: MailroomConfig, store: MailStore) {
        self.config = config
        self.store = store
    }

    func current(now: Date) -> Status {
        if let status = cached.value, now.timeIntervalSince(status.checkedAt) < Self.lifetime { return status }
        let anchor = config.auditAnchor
        var signed: (note: String, key: AuditVerifierKey)?
        if let note = anchor.latestNote(), let key = try? anchor.signingKey(create: false)?.verifier { signed = (note, key) }
        let result = AuditVerifier.verify(store: store, checkpoint: signed)
        let status = Status(intact: result.isIntact, events: result.eventsChecked, problem: result.firstProblem?.description,
                            checkpoint: result.checkpoint?.summary, checkedAt: now)
        cached.value = status
        return status
    }
}

/// A value behind a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
