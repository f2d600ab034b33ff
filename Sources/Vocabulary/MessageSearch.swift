import Foundation

/// Where a message's actions stand with their approvals, as a search filter.
public enum ApprovalFilter: String, Sendable, Hashable, Codable, CaseIterable {
    /// At least one action waits for an approver.
    case pending
    /// At least one action that needed an approval was approved (and not rejected or cancelled since).
    case approved
    /// At least one action was rejected by an approver.
    case rejected
}

/// A search over the stored messages: every filter is optional and they all have to hold. `text` is what a
/// person typed into a search box: it is searched for literally (each word, in order of appearance anywhere in
/// the subject, the body or an attachment's text), never read as query syntax.
public struct MessageSearch: Sendable, Hashable, Codable {
    /// Part of the sender's address or name.
    public var sender: String?
    /// Part of the subject.
    public var subject: String?
    public var kind: String?
    public var states: [MessageState]
    /// Received at or after.
    public var since: Date?
    /// Received before.
    public var until: Date?
    /// A rule that intended an action for the message.
    public var rule: String?
    /// A connector an action of the message went (or is to go) to.
    public var connector: String?
    public var approval: ApprovalFilter?
    /// Words searched for in the subject, the body and the attachments' text.
    public var text: String?
    /// Results per page (at least 1).
    public var pageSize: Int
    /// The page, counted from 1.
    public var page: Int

    public init(sender: String? = nil, subject: String? = nil, kind: String? = nil, states: [MessageState] = [],
                since: Date? = nil, until: Date? = nil, rule: String? = nil, connector: String? = nil,
                approval: ApprovalFilter? = nil, text: String? = nil, pageSize: Int = 50, page: Int = 1) {
        self.sender = sender
        self.subject = subject
        self.kind = kind
        self.states = states
        self.since = since
        self.until = until
        self.rule = rule
        self.connector = connector
        self.approval = approval
        self.text = text
        self.pageSize = pageSize
        self.page = page
    }

    /// The page size as the store uses it: 1…1000.
    public var effectivePageSize: Int { min(max(pageSize, 1), 1000) }
    public var effectivePage: Int { max(page, 1) }
    public var offset: Int { (effectivePage - 1) * effectivePageSize }
}

/// One page of a search's results (newest first) and how many messages match in all.
public struct MessageSearchPage: Sendable {
    public var search: MessageSearch
    public var messages: [StoredMessage]
    public var total: Int

    public init(search: MessageSearch, messages: [StoredMessage], total: Int) {
        self.search = search
        self.messages = messages
        self.total = total
    }

    public var pageCount: Int { total == 0 ? 1 : (total + search.effectivePageSize - 1) / search.effectivePageSize }
    public var hasNext: Bool { search.effectivePage < pageCount }
    public var hasPrevious: Bool { search.effectivePage > 1 }
}

/// Searching the stored messages (full text and filters).
public protocol MessageSearchStore: Sendable {
    /// The search's page of results, newest first, with the total count.
    func searchMessages(_ search: MessageSearch) throws -> MessageSearchPage
    /// Every result of the search (its page and page size ignored), newest first, read `batch` at a time;
    /// `body` returns false to stop. Returns how many were handed to `body`.
    @discardableResult
    func forEachSearchResult(_ search: MessageSearch, batch: Int, _ body: (StoredMessage) throws -> Bool) throws -> Int
}

/// A reviewer's hold on a message in review, so two people never work on the same mail.
public struct ReviewClaim: Sendable, Hashable {
    public var messageID: Int64
    /// The audit actor who holds it ("user:anna").
    public var owner: String
    public var claimedAt: Date
    public var expiresAt: Date

    public init(messageID: Int64, owner: String, claimedAt: Date, expiresAt: Date) {
        self.messageID = messageID
        self.owner = owner
        self.claimedAt = claimedAt
        self.expiresAt = expiresAt
    }
}

/// Reviewers' claims on messages in review (one holder per message until the claim expires or is released).
public protocol ReviewClaimStore: Sendable {
    /// Claims the message for `owner` for `seconds` (renewing `owner`'s own claim). When someone else's claim
    /// still holds, nothing changes and that claim is returned; otherwise the new claim.
    func claimForReview(_ messageID: Int64, owner: String, seconds: Double) throws -> ReviewClaim
    /// The claim that holds now, if any.
    func reviewClaim(_ messageID: Int64) throws -> ReviewClaim?
    /// Claims on any of the messages that hold now.
    func reviewClaims(_ messageIDs: [Int64]) throws -> [Int64: ReviewClaim]
    /// Ends `owner`'s claim (a decision was taken, or the reviewer let go).
    func releaseReviewClaim(_ messageID: Int64, owner: String) throws
}
