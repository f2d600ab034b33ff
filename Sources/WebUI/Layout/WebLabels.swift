import Foundation

/// The languages a reviewer can read the UI's labels in.
public enum WebLanguage: String, Sendable, CaseIterable, Codable {
    case en, de, zh

    /// The first of en/de/zh an `Accept-Language` header names, in its order of preference (q values honoured).
    public static func preferred(acceptLanguage header: String?) -> WebLanguage? {
        guard let header else { return nil }
        var ranked: [(tag: String, q: Double, order: Int)] = []
        for (order, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { continue }
            var q = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { q = Double(piece.dropFirst(2)) ?? 0 }
            ranked.append((tag, q, order))
        }
        for entry in ranked.sorted(by: { $0.q != $1.q ? $0.q > $1.q : $0.order < $1.order }) where entry.q > 0 {
            let primary = entry.tag.split(separator: "-").first.map(String.init) ?? entry.tag
            if let language = WebLanguage(rawValue: primary) { return language }
        }
        return nil
    }
}

/// The labels a reviewer sees (navigation, buttons, states, field marks), by key, in every `WebLanguage`.
/// Templates read them as `{{t.KEY}}`; a test checks that every key has all three languages.
public enum WebLabels {
    public static let catalogue: [String: [WebLanguage: String]] = [
        // Navigation and layout
        "app_name": [.en: "Mailroom", .de: "Mailroom", .zh: "Mailroom"],
        "nav_overview": [.en: "Overview", .de: "Übersicht", .zh: "概览"],
        "nav_search": [.en: "Search", .de: "Suche", .zh: "搜索"],
        "nav_review": [.en: "Review queue", .de: "Prüfliste", .zh: "审核队列"],
        "logged_in_as": [.en: "Logged in as", .de: "Angemeldet als", .zh: "当前用户"],
        "logout": [.en: "Log out", .de: "Abmelden", .zh: "退出"],
        // Login
        "login_title": [.en: "Log in", .de: "Anmelden", .zh: "登录"],
        "login_name": [.en: "Login", .de: "Benutzername", .zh: "用户名"],
        "password": [.en: "Password", .de: "Passwort", .zh: "密码"],
        "login_button": [.en: "Log in", .de: "Anmelden", .zh: "登录"],
        "login_refused": [.en: "Wrong login or password.", .de: "Benutzername oder Passwort falsch.", .zh: "用户名或密码错误。"],
        "login_locked": [.en: "Too many failed logins. Try again in", .de: "Zu viele fehlgeschlagene Anmeldungen. Erneut versuchen in",
                         .zh: "登录失败次数过多。请稍后再试，等待"],
        "seconds": [.en: "seconds", .de: "Sekunden", .zh: "秒"],
        "logged_out": [.en: "You are logged out.", .de: "Sie sind abgemeldet.", .zh: "您已退出。"],
        // Buttons
        "approve": [.en: "Approve", .de: "Freigeben", .zh: "批准"],
        "reject": [.en: "Reject", .de: "Ablehnen", .zh: "拒绝"],
        "save": [.en: "Save", .de: "Speichern", .zh: "保存"],
        "confirm": [.en: "Confirm", .de: "Bestätigen", .zh: "确认"],
        "search_button": [.en: "Search", .de: "Suchen", .zh: "搜索"],
        "download": [.en: "Download", .de: "Herunterladen", .zh: "下载"],
        // Field status marks
        "field_confirmed": [.en: "confirmed", .de: "bestätigt", .zh: "已确认"],
        "field_corrected": [.en: "corrected", .de: "korrigiert", .zh: "已更正"],
        "field_missing": [.en: "missing", .de: "fehlt", .zh: "缺失"],
        "field_uncertain": [.en: "uncertain", .de: "unsicher", .zh: "不确定"],
        "field_check_failed": [.en: "check failed", .de: "Prüfung fehlgeschlagen", .zh: "校验失败"],
        // Message states
        "state_received": [.en: "received", .de: "empfangen", .zh: "已接收"],
        "state_parsed": [.en: "parsed", .de: "zerlegt", .zh: "已解析"],
        "state_understood": [.en: "understood", .de: "verstanden", .zh: "已理解"],
        "state_decided": [.en: "decided", .de: "entschieden", .zh: "已决定"],
        "state_acted": [.en: "acted", .de: "erledigt", .zh: "已执行"],
        "state_no_action": [.en: "nothing to do", .de: "nichts zu tun", .zh: "无需操作"],
        "state_waiting": [.en: "actions running", .de: "Aktionen laufen", .zh: "操作进行中"],
        "state_approval": [.en: "waits for approval", .de: "wartet auf Freigabe", .zh: "待批准"],
        "state_blocked": [.en: "blocked", .de: "blockiert", .zh: "已阻止"],
        "state_dead_letter": [.en: "dead letter", .de: "unzustellbar", .zh: "死信"],
        "state_review": [.en: "waits for review", .de: "wartet auf Prüfung", .zh: "待审核"],
        "state_failed": [.en: "failed", .de: "fehlgeschlagen", .zh: "失败"],
        // Overview
        "overview_title": [.en: "Overview", .de: "Übersicht", .zh: "概览"],
        "today_by_state": [.en: "Today's mail by state", .de: "Heutige Mails nach Zustand", .zh: "今日邮件（按状态）"],
        "today_by_kind": [.en: "Today's mail by kind", .de: "Heutige Mails nach Art", .zh: "今日邮件（按类别）"],
        "waiting_for_person": [.en: "Waiting for a person", .de: "Wartet auf eine Person", .zh: "等待人工处理"],
        "since": [.en: "since", .de: "seit", .zh: "自"],
        "dead_letters": [.en: "Dead letters", .de: "Unzustellbare Aktionen", .zh: "死信"],
        "blocked_actions": [.en: "Blocked actions", .de: "Blockierte Aktionen", .zh: "被阻止的操作"],
        "trigger_health": [.en: "Sources", .de: "Quellen", .zh: "来源"],
        "costs": [.en: "Model costs", .de: "Modellkosten", .zh: "模型费用"],
        "audit_chain": [.en: "Audit trail", .de: "Prüfpfad", .zh: "审计记录"],
        "audit_verified": [.en: "verified", .de: "geprüft", .zh: "已验证"],
        "audit_broken": [.en: "BROKEN", .de: "BESCHÄDIGT", .zh: "已损坏"],
        "latest_checkpoint": [.en: "Latest signed checkpoint", .de: "Letzter signierter Prüfpunkt", .zh: "最新签名检查点"],
        "audit_events": [.en: "events", .de: "Ereignisse", .zh: "事件"],
        "checked_at": [.en: "checked at", .de: "geprüft um", .zh: "检查时间"],
        "no_checkpoint": [.en: "no signed checkpoint yet", .de: "noch kein signierter Prüfpunkt", .zh: "尚无签名检查点"],
        "awaiting_approval": [.en: "actions await approval", .de: "Aktionen warten auf Freigabe", .zh: "个操作待批准"],
        "by_day": [.en: "By day (30 days)", .de: "Nach Tag (30 Tage)", .zh: "按天（30天）"],
        "by_provider": [.en: "By provider", .de: "Nach Anbieter", .zh: "按提供方"],
        "by_kind": [.en: "By kind", .de: "Nach Art", .zh: "按类别"],
        "calls": [.en: "calls", .de: "Aufrufe", .zh: "调用"],
        "cost": [.en: "cost", .de: "Kosten", .zh: "费用"],
        "message": [.en: "Message", .de: "Nachricht", .zh: "邮件"],
        "state": [.en: "State", .de: "Zustand", .zh: "状态"],
        "kind": [.en: "Kind", .de: "Art", .zh: "类别"],
        "count": [.en: "Count", .de: "Anzahl", .zh: "数量"],
        "source": [.en: "Source", .de: "Quelle", .zh: "来源"],
        "health": [.en: "Health", .de: "Zustand", .zh: "健康状况"],
        "last_contact": [.en: "Last contact", .de: "Letzter Kontakt", .zh: "最近联系"],
        "action": [.en: "Action", .de: "Aktion", .zh: "操作"],
        "reason": [.en: "Reason", .de: "Grund", .zh: "原因"],
        "nothing": [.en: "none", .de: "keine", .zh: "无"],
        "total": [.en: "Total", .de: "Gesamt", .zh: "合计"],
    ]

    /// The label for `key` in `language` (English when a key is missing in it; the key itself when unknown).
    public static func text(_ key: String, _ language: WebLanguage) -> String {
        catalogue[key]?[language] ?? catalogue[key]?[.en] ?? key
    }

    /// Every label in `language`, for templates (`{{t.KEY}}`).
    public static func table(_ language: WebLanguage) -> [String: String] {
        catalogue.mapValues { $0[language] ?? $0[.en] ?? "" }
    }
}
