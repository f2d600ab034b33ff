import Foundation
import Vocabulary
import LibEtpan

/// Mailbox actions on an IMAP account, for connectors (move a handled mail to "Done", file a copy, flag it,
/// tag it with a keyword, put a drafted reply into "Drafts").
///
/// Messages are named by the location Mailroom stored them under, `<UIDVALIDITY>:<UID>` (see
/// `MessageSourceRecord.location` for sources `imap:<account>/<folder>`). An action first checks that the
/// folder still has that UIDVALIDITY and refuses otherwise: after the server renumbered a folder a UID may
/// name another mail, and acting on the wrong mail is worse than not acting.
///
/// Each call opens its own short connection on a dedicated thread (verified TLS and the account's
/// credentials, as the source uses) and logs out afterwards; calls are independent and may run concurrently.
public struct IMAPMailbox: Sendable {
    public let account: IMAPAccountSettings
    package let environment: [String: String]

    public init(account: IMAPAccountSettings,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.account = account
        self.environment = environment
    }

    /// A message in a folder: `<UIDVALIDITY>:<UID>`.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        public var uidValidity: UInt32
        public var uid: UInt32
        public init(uidValidity: UInt32, uid: UInt32) {
            self.uidValidity = uidValidity
            self.uid = uid
        }
        /// Parses "1795433219:42".
        public init?(_ text: String) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let v = UInt32(parts[0]), let u = UInt32(parts[1]), u > 0 else { return nil }
            self.init(uidValidity: v, uid: u)
        }
        public var description: String { "\(uidValidity):\(uid)" }
    }

    public enum Flag: Sendable, Hashable {
        case seen, answered, flagged, draft
        /// A keyword such as `$Mailroom` or `Processed`.
        case keyword(String)

        package var protocolFlag: IMAPSession.Flag {
            switch self {
            case .seen: return .seen
            case .answered: return .answered
            case .flagged: return .flagged
            case .draft: return .draft
            case .keyword(let k): return .keyword(k)
            }
        }
    }

    public func move(_ messages: [Location], in folder: String, to target: String) async throws {
        try await withSelected(folder, messages) { session, uids in try session.move(uids: uids, to: target) }
    }

    public func copy(_ messages: [Location], in folder: String, to target: String) async throws {
        try await withSelected(folder, messages) { session, uids in try session.copy(uids: uids, to: target) }
    }

    public func addFlags(_ flags: [Flag], to messages: [Location], in folder: String) async throws {
        try await withSelected(folder, messages) { session, uids in
            try session.addFlags(flags.map(\.protocolFlag), uids: uids)
        }
    }

    public func addKeyword(_ keyword: String, to messages: [Location], in folder: String) async throws {
        try await addFlags([.keyword(keyword)], to: messages, in: folder)
    }

    /// Appends a raw message (e.g. a drafted reply into "Drafts" with `[.draft]`); returns where it landed
    /// when the server says (UIDPLUS).
    @discardableResult
    public func append(_ message: Data, to folder: String, flags: [Flag] = []) async throws -> Location? {
        try await onConnection { session in
            try session.append(message, to: folder, flags: flags.map(\.protocolFlag))
                .map { Location(uidValidity: $0.uidValidity, uid: $0.uid) }
        }
    }

    /// Creates a folder (an error when it exists already).
    public func createFolder(_ folder: String) async throws {
        try await onConnection { session in try session.createMailbox(folder) }
    }

    /// The folder's UIDVALIDITY and next UID, read-only.
    public func status(of folder: String) async throws -> (uidValidity: UInt32, uidNext: UInt32, messages: Int) {
        try await onConnection { session in
            let s = try session.select(folder, readOnly: true)
            return (s.uidValidity, s.uidNext, Int(s.exists))
        }
    }

    private func withSelected(_ folder: String, _ messages: [Location],
                              _ body: @escaping @Sendable (IMAPSession, [UInt32]) throws -> Void) async throws {
        guard !messages.isEmpty else { return }
        try await onConnection { session in
            let selection = try session.select(folder)
            let stale = messages.filter { $0.uidValidity != selection.uidValidity }
            guard stale.isEmpty else {
                throw IMAPProtocolError(kind: .refused, operation: "act on \(stale.map(\.description).joined(separator: ", ")) in \"\(folder)\"",
                                        detail: "the folder's UIDVALIDITY is now \(selection.uidValidity): the server renumbered it, so these UIDs may name other mails; nothing was changed")
            }
            try body(session, messages.map(\.uid))
        }
    }

    private func onConnection<T: Sendable>(_ body: @escaping @Sendable (IMAPSession) throws -> T) async throws -> T {
        let account = self.account
        let environment = self.environment
        let result = LockedBox<Result<T, Error>?>(nil)
        await DedicatedThread.run(name: "imap-\(account.name)-action") {
            result.value = Result {
                let session = try IMAPLogin(account: account, environment: environment).open()
                defer { session.logout() }
                return try body(session)
            }
        }
        return try result.value!.get()
    }
}
