import Foundation
import Vocabulary

/// What happens to a Maildir file once its message is safely stored.
public enum MaildirOnStored: String, Sendable, Equatable, Codable, CaseIterable {
    /// Rename `new/X` to `cur/X:2,S` (flag "seen"), as a mail client does when it shows a mail.
    case moveToCur = "move_to_cur"
    /// Leave the file where it is; the store remembers it was taken.
    case leave
}

public struct MaildirSourceSettings: Sendable, Equatable, Codable {
    /// Names the source in the store and the audit trail (as `maildir:<name>`).
    public var name: String
    /// The Maildir folder (the one holding `new/`, `cur/` and `tmp/`).
    public var path: String
    /// Seconds between scans of `new/` in addition to inotify (a safety net for file systems that do
    /// not report changes, such as some network mounts).
    public var pollSeconds: Double
    public var onStored: MaildirOnStored
    /// Also take mails in `cur/` that the store has never seen (mail a person already read in a client),
    /// once at start. Off by default: turning it on for an old mailbox ingests its whole history.
    public var includeCur: Bool
    /// Create the Maildir (and its new/, cur/, tmp/) when it does not exist. Off by default: a mistyped path
    /// is refused at start instead of being watched, empty, for ever.
    public var create: Bool

    public init(name: String, path: String, pollSeconds: Double = 30, onStored: MaildirOnStored = .moveToCur,
                includeCur: Bool = false, create: Bool = false) {
        self.name = name
        self.path = path
        self.pollSeconds = pollSeconds
        self.onStored = onStored
        self.includeCur = includeCur
        self.create = create
    }

    /// The source name as the store records it.
    public var sourceName: String { "maildir:\(name)" }
}

public struct DropFolderSettings: Sendable, Equatable, Codable {
    /// Names the source in the store and the audit trail (as `drop:<name>`).
    public var name: String
    /// The folder people or scanners drop files into.
    public var path: String
    /// Seconds between scans in addition to inotify.
    public var pollSeconds: Double
    /// A file must be unchanged this long before it is taken, so a half-written file is never ingested.
    public var settleSeconds: Double
    /// The From: address of messages made from dropped files.
    public var address: String
    /// Create the folder when it does not exist (off by default: a mistyped path is refused at start).
    public var create: Bool

    public init(name: String, path: String, pollSeconds: Double = 5, settleSeconds: Double = 5,
                address: String = "mailroom-drop@localhost", create: Bool = false) {
        self.name = name
        self.path = path
        self.pollSeconds = pollSeconds
        self.settleSeconds = settleSeconds
        self.address = address
        self.create = create
    }

    public var sourceName: String { "drop:\(name)" }
}


extension MaildirSourceSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case name, path, pollSeconds = "poll_seconds", onStored = "on_stored", includeCur = "include_cur", create
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        pollSeconds = try c.decodeIfPresent(Double.self, forKey: .pollSeconds) ?? 30
        let onStoredText = try c.decodeIfPresent(String.self, forKey: .onStored) ?? "move_to_cur"
        includeCur = try c.decodeIfPresent(Bool.self, forKey: .includeCur) ?? false
        create = try c.decodeIfPresent(Bool.self, forKey: .create) ?? false
        try c.requireSourceName(name, .name)
        try c.requireNonEmpty(path, .path)
        try c.requirePositive(pollSeconds, .pollSeconds)
        guard let value = MaildirOnStored(rawValue: onStoredText) else {
            throw c.problem(.onStored, "'\(onStoredText)' is not one of: "
                + MaildirOnStored.allCases.map(\.rawValue).joined(separator: ", "))
        }
        onStored = value
    }
}

extension DropFolderSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case name, path, pollSeconds = "poll_seconds", settleSeconds = "settle_seconds", address, create
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        pollSeconds = try c.decodeIfPresent(Double.self, forKey: .pollSeconds) ?? 5
        settleSeconds = try c.decodeIfPresent(Double.self, forKey: .settleSeconds) ?? 5
        address = try c.decodeIfPresent(String.self, forKey: .address) ?? "mailroom-drop@localhost"
        create = try c.decodeIfPresent(Bool.self, forKey: .create) ?? false
        try c.requireSourceName(name, .name)
        try c.requireNonEmpty(path, .path)
        try c.requirePositive(pollSeconds, .pollSeconds)
        guard settleSeconds >= 0, settleSeconds.isFinite else {
            throw c.problem(.settleSeconds, "must be zero or more seconds")
        }
        let parts = address.split(separator: "@")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw c.problem(.address, "'\(address)' is not a mail address like scans@example.com")
        }
    }
}

