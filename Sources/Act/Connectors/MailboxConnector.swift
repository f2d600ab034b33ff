import Foundation
import Vocabulary
import Ingest
import Decide
import LibEtpan
#if canImport(Glibc)
import Glibc
#endif

/// `type: mailbox` — moves, flags or labels the mail an action is about, in the mailbox it came from: an IMAP
/// folder (`sources.imap` of the daemon's configuration) or a Maildir (`sources.maildir`).
///
/// Connector file keys: none beyond `type` (and `name`); the accounts and folders are the daemon's sources.
///
/// Actions (any of them may also carry the others' parameters; flags and keywords are set first, then the
/// mail is moved):
/// - `move` — `folder` (IMAP: the target folder's name; Maildir: a Maildir++ subfolder, `Archive/Invoices`
///   or `Archive.Invoices` → `.Archive.Invoices/cur/`), optional `flags`, `keywords`;
/// - `flag` — `flags`: a list of `seen`, `answered`, `flagged`, `draft`;
/// - `label` — `keywords` (or `keyword`): IMAP keywords such as `Invoice` or `$Mailroom`.
///
/// Exactly-once by nature, without a lookup table:
/// - IMAP: the mail is named by `<UIDVALIDITY>:<UID>` and a server never gives a UID to another mail while
///   the folder keeps its UIDVALIDITY (a changed UIDVALIDITY is refused). Adding a flag or keyword that is
///   already set changes nothing; a mail that is no longer in its folder (an earlier attempt moved it) is not
///   touched again, and the result says "already moved". Nothing can hit another mail.
/// - Maildir: the mail is named by its unique name, which stays in the file name whatever folder it moves to
///   and whatever flags it gets. The connector looks for it in the source's `cur/` and `new/`, then in the
///   target folder: found in the target, the move was done before (only missing flags are added).
///   The Maildir source's bookkeeping stays right: the store knows the mail by that unique name, never by its
///   folder, and the source only takes files from its own `new/`, so a moved or flagged file is never taken
///   twice (a source that finds the file gone from `new/` before its own rename to `cur/` takes that as
///   "moved by someone else").
public struct MailboxConnector: Connector {
    public let name: String
    public var type: String { "mailbox" }
    public let maildirs: [MaildirSourceSettings]
    public let imapAccounts: [IMAPAccountSettings]
    package let environment: [String: String]

    public var actions: [ConnectorActionSpec] {
        let all = ["folder", "flags", "keywords", "keyword"]
        return [
            ConnectorActionSpec(name: "move", requiredParameters: ["folder"], optionalParameters: all.filter { $0 != "folder" },
                                summary: "move the mail into another folder (IMAP) or Maildir++ subfolder"),
            ConnectorActionSpec(name: "flag", requiredParameters: ["flags"], optionalParameters: ["keywords", "keyword"],
                                summary: "set flags on the mail: seen, answered, flagged, draft"),
            ConnectorActionSpec(name: "label", requiredParameters: [], optionalParameters: ["keywords", "keyword", "flags"],
                                summary: "add keywords (labels) to the mail"),
        ]
    }

    public init(name: String, maildirs: [MaildirSourceSettings], imapAccounts: [IMAPAccountSettings],
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.name = name
        self.maildirs = maildirs
        self.imapAccounts = imapAccounts
        self.environment = environment
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> MailboxConnector? {
        MailboxConnector(name: name, maildirs: reader.context?.maildirs ?? [],
                         imapAccounts: reader.context?.imapAccounts ?? [], environment: reader.environment)
    }

    /// What an action asks for.
    package struct Request: Sendable {
        package var folder: String?
        package var flags: [IMAPMailbox.Flag]
        package var keywords: [String]
    }

    package func request(_ action: OutboxAction) throws -> Request {
        let p = action.action.parameters
        guard ["move", "flag", "label"].contains(action.action.action) else {
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)' (it offers: move, flag, label)")
        }
        var flags: [IMAPMailbox.Flag] = []
        for item in list(p["flags"]) {
            switch item.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\\ ")) {
            case "seen": flags.append(.seen)
            case "answered", "replied": flags.append(.answered)
            case "flagged", "important": flags.append(.flagged)
            case "draft": flags.append(.draft)
            default:
                throw ConnectorError.permanent("\(name): unknown flag '\(item)' (use seen, answered, flagged, draft; other labels go in `keywords`)")
            }
        }
        let keywords = list(p["keywords"]) + list(p["keyword"])
        for k in keywords where k.isEmpty || k.hasPrefix("\\") || k.contains(where: { " ()[]{}%*\"\\".contains($0) || $0.asciiValue == nil || $0.asciiValue! < 0x21 }) {
            throw ConnectorError.permanent("\(name): '\(k)' cannot be a keyword (printable ASCII without spaces, brackets, quotes or wildcards)")
        }
        let folder = p["folder"]?.plainText.trimmingCharacters(in: .whitespaces)
        if action.action.action == "move", folder?.isEmpty ?? true {
            throw ConnectorError.permanent("\(name): `folder` (where to move the mail) is missing")
        }
        if folder == nil, flags.isEmpty, keywords.isEmpty {
            throw ConnectorError.permanent("\(name): nothing to do (give `folder`, `flags` or `keywords`)")
        }
        return Request(folder: folder?.isEmpty == true ? nil : folder, flags: flags, keywords: keywords)
    }

    private func list(_ value: JSONValue?) -> [String] {
        guard let value, !value.isNull else { return [] }
        if let a = value.arrayValue { return a.map(\.plainText).filter { !$0.isEmpty } }
        return value.plainText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: - Connector

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        // Acting again is harmless (see the type's documentation): perform reports what it found.
        nil
    }

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let request = try request(action)
        guard let original = action.original else {
            throw ConnectorError.permanent("\(name): the action does not say which mail it is about")
        }
        if original.source.hasPrefix("maildir:") {
            let sourceName = String(original.source.dropFirst("maildir:".count))
            guard let maildir = maildirs.first(where: { $0.name == sourceName }) else {
                throw ConnectorError.permanent("\(name): the mail came from \(original.source), which is not among the configured "
                    + "Maildir sources (sources.maildir: \(maildirs.map(\.name).joined(separator: ", ")))")
            }
            return try await BlockingIO.run {
                try MaildirMailbox(root: maildir.path, connector: self.name).apply(request, unique: original.location)
            }
        }
        if original.source.hasPrefix("imap:") {
            let rest = original.source.dropFirst("imap:".count)
            guard let slash = rest.firstIndex(of: "/") else {
                throw ConnectorError.permanent("\(name): cannot read the IMAP source '\(original.source)'")
            }
            let accountName = String(rest[..<slash]), folder = String(rest[rest.index(after: slash)...])
            guard let account = imapAccounts.first(where: { $0.name == accountName }) else {
                throw ConnectorError.permanent("\(name): the mail came from IMAP account '\(accountName)', which is not configured "
                    + "(sources.imap: \(imapAccounts.map(\.name).joined(separator: ", ")))")
            }
            guard let location = IMAPMailbox.Location(original.location) else {
                throw ConnectorError.permanent("\(name): '\(original.location)' is not an IMAP location (UIDVALIDITY:UID)")
            }
            return try await IMAPMailAction(account: account, environment: environment, connector: name)
                .apply(request, folder: folder, location: location)
        }
        throw ConnectorError.permanent("\(name): the mail came from \(original.source); only mail from IMAP or a Maildir can be moved, flagged or labelled")
    }
}

/// The IMAP side: one short connection that checks UIDVALIDITY, looks whether the mail is still there, adds
/// flags and keywords, then moves it.
package struct IMAPMailAction: Sendable {
    package let account: IMAPAccountSettings
    package let environment: [String: String]
    package let connector: String

    package func apply(_ request: MailboxConnector.Request, folder: String, location: IMAPMailbox.Location) async throws -> ConnectorResult {
        let account = self.account, environment = self.environment, connector = self.connector
        let outcome = LockedBox<Result<ConnectorResult, Error>?>(nil)
        await DedicatedThread.run(name: "imap-\(account.name)-mailbox-action") {
            outcome.value = Result {
                let session = try IMAPLogin(account: account, environment: environment).open()
                defer { session.logout() }
                let selection = try session.select(folder)
                guard selection.uidValidity == location.uidValidity else {
                    throw ConnectorError.permanent("\(connector): the folder \"\(folder)\" of \(account.name) now has UIDVALIDITY "
                        + "\(selection.uidValidity), not \(location.uidValidity): the server renumbered it, so UID \(location.uid) may "
                        + "name another mail; nothing was changed")
                }
                var present = true
                do {
                    _ = try session.fetchPart(uid: location.uid, offset: 0, length: 1)
                } catch let error as IMAPProtocolError where error.kind == .gone {
                    present = false
                }
                var steps: [JSONValue] = []
                var flags = request.flags.map(\.protocolFlag)
                flags += request.keywords.map { IMAPSession.Flag.keyword($0) }
                if present {
                    if !flags.isEmpty {
                        try session.addFlags(flags, uids: [location.uid])
                        steps.append(.string("flags added: \(MailboxConnector.describe(request))"))
                    }
                    if let target = request.folder, target != folder {
                        try session.move(uids: [location.uid], to: target)
                        steps.append(.string("moved to \"\(target)\""))
                    }
                } else {
                    steps.append(.string("UID \(location.uid) is no longer in \"\(folder)\" (moved by an earlier attempt or a person); nothing changed"))
                }
                var request_: [String: JSONValue] = ["account": .string(account.name), "folder": .string(folder),
                                                     "location": .string(location.description)]
                if let target = request.folder { request_["move_to"] = .string(target) }
                request_["flags"] = .array(flags.map { .string(MailboxConnector.name(of: $0)) })
                return ConnectorResult(captured: ["moved_to": request.folder.map { .string($0) } ?? .null],
                                       request: .object(request_),
                                       response: ["steps": .array(steps), "was_present": .bool(present)],
                                       foundEarlierResult: !present)
            }
        }
        do {
            return try outcome.value!.get()
        } catch let error as IMAPProtocolError {
            switch error.kind {
            case .refused, .protocolError:
                throw ConnectorError.permanent("\(connector): \(error.description)")
            default:
                throw ConnectorError.transient("\(connector): \(error.description)")
            }
        }
    }
}

extension MailboxConnector {
    package static func name(of flag: IMAPSession.Flag) -> String {
        switch flag {
        case .seen: return "\\Seen"
        case .answered: return "\\Answered"
        case .flagged: return "\\Flagged"
        case .deleted: return "\\Deleted"
        case .draft: return "\\Draft"
        case .keyword(let k): return k
        }
    }

    package static func describe(_ request: Request) -> String {
        (request.flags.map { name(of: $0.protocolFlag) } + request.keywords).joined(separator: " ")
    }
}

/// The Maildir side: renames within one Maildir++ tree (atomic, same file system).
package struct MaildirMailbox {
    package let root: String
    package let connector: String

    /// `Archive/Invoices` or `Archive.Invoices` → `<root>/.Archive.Invoices`; INBOX is the root itself.
    package func folderPath(_ folder: String) throws -> String {
        if folder.uppercased() == "INBOX" { return root }
        let dotted = folder.replacingOccurrences(of: "/", with: ".")
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard !dotted.isEmpty, !parts.contains(where: \.isEmpty), !dotted.contains("\0") else {
            throw ConnectorError.permanent("\(connector): '\(folder)' is not a Maildir++ folder name (parts separated by / or ., none empty)")
        }
        return root + "/." + dotted
    }

    /// Maildir info letters for the flags asked for (ASCII order is kept when the name is built).
    package static func letter(_ flag: IMAPMailbox.Flag) -> Character? {
        switch flag {
        case .seen: return "S"
        case .answered: return "R"
        case .flagged: return "F"
        case .draft: return "D"
        case .keyword: return nil
        }
    }

    package func find(_ unique: String, in folder: String) -> (directory: String, name: String)? {
        for sub in ["cur", "new"] {
            let directory = folder + "/" + sub
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            if let name = names.first(where: { MaildirName.uniqueName(of: $0) == unique }) { return (directory, name) }
        }
        return nil
    }

    package func apply(_ request: MailboxConnector.Request, unique: String) throws -> ConnectorResult {
        let target = try request.folder.map(folderPath) ?? root
        var steps: [JSONValue] = []
        var alreadyMoved = false
        var found = find(unique, in: root)
        if found == nil, target != root {
            found = find(unique, in: target)
            alreadyMoved = found != nil
            if alreadyMoved { steps.append(.string("already in \(target) (moved by an earlier attempt)")) }
        }
        guard let (directory, name) = found else {
            throw ConnectorError.permanent("\(connector): the mail \(unique) is no longer in \(root) or \(target) "
                + "(moved or deleted by someone else); nothing was changed")
        }
        let letters = try keywordsLetters(request.keywords, folder: target, steps: &steps)
        var flags = Set<Character>()
        if let range = name.range(of: ":2,") { for c in name[range.upperBound...] where c.isLetter { flags.insert(c) } }
        let before = flags
        for f in request.flags { if let l = MaildirMailbox.letter(f) { flags.insert(l) } }
        flags.formUnion(letters)
        let newName = unique + ":2," + String(flags.sorted())
        if target != root { try prepareFolder(target) }
        let from = directory + "/" + name, to = target + "/cur/" + newName
        if from != to {
            guard rename(from, to) == 0 else {
                let reason = String(cString: strerror(errno))
                throw ConnectorError.transient("\(connector): cannot move \(from) to \(to): \(reason)")
            }
            BlockingFile.syncFolder(target + "/cur")
            if directory != target + "/cur" { BlockingFile.syncFolder(directory) }
            if !alreadyMoved, target != root { steps.append(.string("moved to \(target)/cur")) }
            if flags != before { steps.append(.string("flags now \(String(flags.sorted()))")) }
        } else {
            steps.append(.string("nothing to change"))
        }
        return ConnectorResult(captured: ["file": .string(to)],
                               request: ["maildir": .string(root), "unique": .string(unique),
                                         "move_to": request.folder.map { .string($0) } ?? .null,
                                         "flags": .string(MailboxConnector.describe(request))],
                               response: ["from": .string(from), "to": .string(to), "steps": .array(steps)],
                               foundEarlierResult: alreadyMoved)
    }

    /// `.Folder/{cur,new,tmp}` and the `maildirfolder` marker, as Maildir++ readers expect.
    package func prepareFolder(_ folder: String) throws {
        do {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
            }
            if !FileManager.default.fileExists(atPath: folder + "/maildirfolder") {
                FileManager.default.createFile(atPath: folder + "/maildirfolder", contents: Data())
            }
        } catch {
            throw ConnectorError.transient("\(connector): cannot create the Maildir folder \(folder): \(FileProblem.describe(error))")
        }
    }

    /// Keywords as Dovecot keeps them in a Maildir: lower-case letters `a`… in the file name, named in the
    /// folder's `dovecot-keywords` file ("0 Invoice"); new keywords are added to that file.
    package func keywordsLetters(_ keywords: [String], folder: String, steps: inout [JSONValue]) throws -> Set<Character> {
        guard !keywords.isEmpty else { return [] }
        let file = folder + "/dovecot-keywords"
        var table: [Int: String] = [:]
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: " ", maxSplits: 1)
                if parts.count == 2, let i = Int(parts[0]) { table[i] = String(parts[1]) }
            }
        }
        var letters = Set<Character>()
        var changed = false
        for k in keywords {
            if let (i, _) = table.first(where: { $0.value == k }) {
                letters.insert(Character(UnicodeScalar(UInt8(97 + i))))
                continue
            }
            guard let free = (0..<26).first(where: { table[$0] == nil }) else {
                throw ConnectorError.permanent("\(connector): \(folder) already has 26 keywords, the most a Maildir can hold; '\(k)' cannot be added")
            }
            table[free] = k
            changed = true
            letters.insert(Character(UnicodeScalar(UInt8(97 + free))))
        }
        if changed {
            try prepareFolderIfSub(folder)
            let text = table.keys.sorted().map { "\($0) \(table[$0]!)" }.joined(separator: "\n") + "\n"
            let temporary = file + ".\(getpid()).tmp"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
                guard rename(temporary, file) == 0 else { throw ConnectorError.transient("rename failed") }
            } catch {
                throw ConnectorError.transient("\(connector): cannot update \(file): \(error)")
            }
            steps.append(.string("keywords file \(file) updated"))
        }
        return letters
    }

    private func prepareFolderIfSub(_ folder: String) throws {
        if folder != root { try prepareFolder(folder) }
    }
}
