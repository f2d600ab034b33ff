import Foundation
import GRDB
import Vocabulary

/// How text goes into the full-text index and how a person's words become an FTS5 query.
///
/// The index (table `message_search`, migration "2027-04 full-text search …") uses SQLite's unicode61
/// tokenizer with diacritics removed ("cafe" finds "Café"). Chinese and Japanese have no spaces between
/// words, so unicode61 would make a whole run of characters one token; instead every such character is
/// written as a token of its own, and a query's run of characters becomes a phrase of single characters —
/// "发票" finds "请查收发票和订单" because the two tokens stand next to each other.
package enum SearchText {
    /// Han ideographs, kana, Hangul and CJK punctuation-free letters of the CJK blocks.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF,   // hiragana, katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,    // CJK ideographs
             0x20000...0x2FA1F,                                   // CJK extensions
             0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F,    // Hangul
             0xFF66...0xFF9F:                                     // half-width katakana
            return true
        default:
            return false
        }
    }

    /// The text as it is indexed: each CJK character stands apart (spaces around it); the rest unchanged.
    package static func indexable(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                out.append(" ")
                out.append(scalar)
                out.append(" ")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// An FTS5 MATCH expression that searches `text` literally: each whitespace-separated word becomes a
    /// quoted phrase (a `"` inside doubled), and all of them must occur. Operators (`OR`, `NEAR`, `NOT`, `-`,
    /// `*`, `^`, `:`, parentheses) are thereby plain text; a word without any letter or digit cannot match
    /// anything the tokenizer indexes and is left out. Nil when no word is left.
    package static func ftsQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let phrases = words.compactMap { word -> String? in
            guard word.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) }) else { return nil }
            let tokens = indexable(String(word)).trimmingCharacters(in: .whitespaces)
            return "\"" + tokens.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: " AND ")
    }

    /// The body text of a message: its own text, its HTML tables' text, and the attached messages' subjects and texts.
    package static func body(_ message: NormalisedMessage) -> String {
        var parts = [message.text]
        if !message.htmlTables.isEmpty { parts.append(message.htmlTables) }
        for attached in message.attachedMessages {
            if let subject = attached.subject { parts.append(subject) }
            parts.append(body(attached))
        }
        return parts.joined(separator: "\n")
    }
}

extension MailStore {
    /// Writes (or replaces) the message's row in the full-text index from what the store holds for it. Runs in
    /// the transaction that stored Parse's results, and in the migration that created the index.
    package static func indexForSearch(_ id: Int64, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT subject, normalised_json, documents_json FROM messages WHERE id = ?",
                                         arguments: [id]) else { return }
        var subject: String = row["subject"] ?? ""
        var body = ""
        if let json: String = row["normalised_json"],
           let normalised = try? JSONDecoder().decode(NormalisedMessage.self, from: Data(json.utf8)) {
            if let s = normalised.subject { subject = s }
            body = SearchText.body(normalised)
        }
        var documents = ""
        if let json: String = row["documents_json"],
           let texts = try? JSONDecoder().decode([DocumentText].self, from: Data(json.utf8)) {
            documents = texts.map { [$0.filename ?? "", $0.text].joined(separator: "\n") }.joined(separator: "\n\n")
        }
        try db.execute(sql: "DELETE FROM message_search WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO message_search (rowid, subject, body, documents) VALUES (?, ?, ?, ?)",
                       arguments: [id, SearchText.indexable(subject), SearchText.indexable(body), SearchText.indexable(documents)])
    }

    public func searchMessages(_ search: MessageSearch) throws -> MessageSearchPage {
        guard let clause = MailStore.searchWhere(search) else {
            return MessageSearchPage(search: search, messages: [], total: 0)
        }
        let (whereSQL, arguments) = clause
        return try reading("search messages") { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM messages m \(whereSQL)", arguments: arguments) ?? 0
            var args = arguments
            args += [search.effectivePageSize, search.offset]
            let messages = try Row.fetchAll(db, sql: "SELECT \(MailStore.messageColumns) FROM messages m \(whereSQL) "
                                            + "ORDER BY m.received_at DESC, m.id DESC LIMIT ? OFFSET ?", arguments: args)
                .map(MailStore.storedMessage)
            return MessageSearchPage(search: search, messages: messages, total: total)
        }
    }

    @discardableResult
    public func forEachSearchResult(_ search: MessageSearch, batch: Int, _ body: (StoredMessage) throws -> Bool) throws -> Int {
        guard let clause = MailStore.searchWhere(search) else { return 0 }
        let (whereSQL, arguments) = clause
        let size = max(1, batch)
        var after: (String, Int64)?
        var handed = 0
        while true {
            var sql = "SELECT \(MailStore.messageColumns) FROM messages m \(whereSQL)"
            var args = arguments
            if let after {
                sql += (whereSQL.isEmpty ? " WHERE " : " AND ") + "(m.received_at, m.id) < (?, ?)"
                args += [after.0, after.1]
            }
            sql += " ORDER BY m.received_at DESC, m.id DESC LIMIT ?"
            args += [size]
            let page = try reading("search messages") { db in
                try Row.fetchAll(db, sql: sql, arguments: args).map(MailStore.storedMessage)
            }
            for message in page {
                handed += 1
                guard try body(message) else { return handed }
            }
            guard page.count == size, let last = page.last else { return handed }
            after = (MillisecondTime.string(last.receivedAt), last.id)
        }
    }

    /// The WHERE clause of a search (every value an argument); nil when the search cannot match anything.
    private static func searchWhere(_ search: MessageSearch) -> (String, StatementArguments)? {
        var clauses: [String] = []
        var args: StatementArguments = []
        func nonEmpty(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        if let sender = nonEmpty(search.sender) {
            clauses.append("m.sender LIKE ? ESCAPE '\\'")
            args += [likePattern(sender)]
        }
        if let subject = nonEmpty(search.subject) {
            clauses.append("m.subject LIKE ? ESCAPE '\\'")
            args += [likePattern(subject)]
        }
        if let kind = nonEmpty(search.kind) {
            clauses.append("m.kind = ?")
            args += [kind]
        }
        if !search.states.isEmpty {
            clauses.append("m.state IN (" + search.states.map { _ in "?" }.joined(separator: ", ") + ")")
            args += StatementArguments(search.states.map(\.rawValue))
        }
        if let since = search.since {
            clauses.append("m.received_at >= ?")
            args += [MillisecondTime.string(since)]
        }
        if let until = search.until {
            clauses.append("m.received_at < ?")
            args += [MillisecondTime.string(until)]
        }
        if let rule = nonEmpty(search.rule) {
            clauses.append("EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.rule = ?)")
            args += [rule]
        }
        if let connector = nonEmpty(search.connector) {
            clauses.append("EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.connector = ?)")
            args += [connector]
        }
        switch search.approval {
        case .pending?:
            clauses.append("EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.state = 'awaiting_approval')")
        case .approved?:
            clauses.append("""
                EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.approval_role IS NOT NULL
                        AND o.decided_by IS NOT NULL AND o.state NOT IN ('awaiting_approval', 'rejected', 'cancelled'))
                """)
        case .rejected?:
            clauses.append("EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.state = 'rejected')")
        case nil:
            break
        }
        if let text = nonEmpty(search.text) {
            // Words without a letter or digit match nothing: a search for them alone finds nothing.
            guard let match = SearchText.ftsQuery(text) else { return nil }
            clauses.append("m.id IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)")
            args += [match]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }
}

/// Reviewers' claims (table `review_claims`).
extension MailStore {
    public func claimForReview(_ messageID: Int64, owner: String, seconds: Double) throws -> ReviewClaim {
        let now = clock()
        return try writing("claim message \(messageID) for review") { db in
            if let held = try MailStore.liveClaim(messageID, now: now, in: db), held.owner != owner { return held }
            let claim = ReviewClaim(messageID: messageID, owner: owner, claimedAt: now, expiresAt: now.addingTimeInterval(seconds))
            try db.execute(sql: """
                INSERT INTO review_claims (message_id, owner, claimed_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (message_id) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at,
                    expires_at = excluded.expires_at
                """, arguments: [messageID, owner, MillisecondTime.string(now), MillisecondTime.string(claim.expiresAt)])
            return claim
        }
    }

    public func reviewClaim(_ messageID: Int64) throws -> ReviewClaim? {
        let now = clock()
        return try reading("read the review claim of message \(messageID)") { db in try MailStore.liveClaim(messageID, now: now, in: db) }
    }

    public func reviewClaims(_ messageIDs: [Int64]) throws -> [Int64: ReviewClaim] {
        guard !messageIDs.isEmpty else { return [:] }
        let now = MillisecondTime.string(clock())
        return try reading("read review claims") { db in
            var claims: [Int64: ReviewClaim] = [:]
            for chunk in stride(from: 0, to: messageIDs.count, by: 500).map({ Array(messageIDs[$0..<min($0 + 500, messageIDs.count)]) }) {
                var args = StatementArguments(chunk)
                args += [now]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT message_id, owner, claimed_at, expires_at FROM review_claims
                    WHERE message_id IN (\(chunk.map { _ in "?" }.joined(separator: ", "))) AND expires_at > ?
                    """, arguments: args)
                for row in rows { let c = MailStore.claim(row); claims[c.messageID] = c }
            }
            return claims
        }
    }

    public func releaseReviewClaim(_ messageID: Int64, owner: String) throws {
        try writing("release the review claim of message \(messageID)") { db in
            try db.execute(sql: "DELETE FROM review_claims WHERE message_id = ? AND owner = ?", arguments: [messageID, owner])
        }
    }

    private static func liveClaim(_ messageID: Int64, now: Date, in db: Database) throws -> ReviewClaim? {
        try Row.fetchOne(db, sql: """
            SELECT message_id, owner, claimed_at, expires_at FROM review_claims WHERE message_id = ? AND expires_at > ?
            """, arguments: [messageID, MillisecondTime.string(now)]).map(claim)
    }

    private static func claim(_ row: Row) -> ReviewClaim {
        ReviewClaim(messageID: row["message_id"], owner: row["owner"],
                    claimedAt: MillisecondTime.date(row["claimed_at"]) ?? .distantPast,
                    expiresAt: MillisecondTime.date(row["expires_at"]) ?? .distantPast)
    }
}
