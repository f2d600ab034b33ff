import Foundation
import Logging
import Vocabulary

/// A Maildir (`new/`, `cur/`, `tmp/`) that a delivery agent writes into.
///
/// Every file in `new/` is taken: spooled and recorded (`Intake`), and only after that commit renamed to
/// `cur/<unique>:2,S` — the Maildir way of saying "seen", keeping any flags already present. A crash between
/// commit and rename leaves the file in `new/`; the next scan finds its location known and just renames it.
///
/// The location of a mail is its Maildir unique name (the file name without the `:2,…` info), which stays
/// the same when a client changes flags or moves the file from `new/` to `cur/`.
///
/// `include_cur`: mail in `cur/` was already seen by a person in a mail client. When the option is on, the
/// start-up scan also takes every file in `cur/` whose unique name the store does not know (and leaves it
/// where it is); off by default, because pointing Mailroom at an old mailbox would otherwise ingest years
/// of history on the first start.
///
/// A symbolic link in `new/` or `cur/` is never followed: it is skipped with a warning and reported among the
/// scan's failures.
public final class MaildirSource: Sendable {
    public let settings: MaildirSourceSettings
    public let intake: Intake
    package let logger: Logger
    package let problems = ProblemMemory()

    public init(settings: MaildirSourceSettings, intake: Intake, logger: Logger) {
        self.settings = settings
        self.intake = intake
        var logger = logger
        logger[metadataKey: "source"] = "\(settings.sourceName)"
        self.logger = logger
    }

    public var sourceName: String { settings.sourceName }
    package var newFolder: String { settings.path + "/new" }
    package var curFolder: String { settings.path + "/cur" }

    /// Creates `new/`, `cur/` and `tmp/` when missing (a fresh demo, or a mailbox nobody delivered to yet).
    public func prepare() throws {
        for sub in ["new", "cur", "tmp"] {
            let path = settings.path + "/" + sub
            if FileStatus.info(path)?.isDirectory != true {
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                } catch {
                    throw IngestError(message: "\(sourceName): cannot create \(path): \(FileProblem.describe(error))")
                }
                logger.notice("created Maildir folder \(path)")
            }
        }
    }

    /// One pass over `new/` (and `cur/` when `includingCur`), oldest unique name first. Blocks; returns early
    /// when `stop` is set. `onStored` is called after each newly stored message.
    public func scan(includingCur: Bool = false, stop: StopFlag? = nil,
                     onStored: (Int64) -> Void = { _ in }) -> IngestTally {
        var tally = IngestTally()
        // New mail a few files at a time: their spool writes overlap and their rows share one commit.
        let names = listMail(in: newFolder)
        var next = 0
        while next < names.count {
            if stop?.isSet == true { break }
            let group = Array(names[next..<min(next + MaildirSource.takenTogether, names.count)])
            next += group.count
            takeNew(group, tally: &tally, onStored: onStored)
        }
        if includingCur {
            for name in listMail(in: curFolder) {
                if stop?.isSet == true { break }
                take(name, inNew: false, tally: &tally, onStored: onStored)
            }
        }
        return tally
    }

    /// Watches `new/` until `stop` is set (then `bell` must ring) or the task is cancelled.
    public func watch(stop: StopFlag, bell: Doorbell, onArrival: @escaping @Sendable () -> Void) async {
        do {
            try prepare()
        } catch {
            logger.error("\(error)")
        }
        logger.info("watching \(newFolder)")
        await SourceWatch.run(folders: [newFolder], pollSeconds: settings.pollSeconds, stop: stop, bell: bell,
                              logger: logger) { first in
            let tally = try? await BlockingIO.run {
                self.scan(includingCur: first && self.settings.includeCur, stop: stop) { _ in onArrival() }
            }
            if let tally, tally.stored + tally.duplicates > 0 {
                self.logger.info("took \(tally.stored) new mail(s), \(tally.duplicates) duplicate(s)")
            }
            return nil
        }
        logger.info("stopped watching \(newFolder)")
    }

    private func listMail(in folder: String) -> [String] {
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            problems.clear(folder)
            return names.filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            if problems.firstTime(folder) {
                logger.error("cannot list \(folder): \(FileProblem.describe(error))")
            }
            return []
        }
    }

    /// How many files of `new/` are taken together (spooled at the same time, recorded in one transaction).
    package static let takenTogether = 32

    private func takeNew(_ names: [String], tally: inout IngestTally, onStored: (Int64) -> Void) {
        var candidates: [(name: String, path: String, size: Int, location: String)] = []
        for name in names {
            let path = newFolder + "/" + name
            guard let info = takeable(path, tally: &tally) else { continue }
            candidates.append((name, path, info.size, MaildirName.uniqueName(of: name)))
        }
        let results = intake.receiveTogether(candidates.map { (file: URL(fileURLWithPath: $0.path), location: $0.location) },
                                             source: sourceName, followLinks: false)
        for (candidate, result) in zip(candidates, results) {
            switch result {
            case .success(let outcome):
                problems.clear(candidate.path)
                tally.count(outcome, bytes: candidate.size)
                if case .stored(let id) = outcome { onStored(id) }
                if settings.onStored == .moveToCur { acknowledge(candidate.name) }
            case .failure(let error):
                if FileStatus.info(candidate.path) == nil { continue }  // taken by someone else meanwhile
                let text = "\(candidate.path): \(error)"
                tally.failures.append(text)
                if problems.firstTime(candidate.path) { logger.error("cannot take mail, will retry: \(text)") }
            }
        }
    }

    /// The file's status when it is a regular file Mailroom may take (symbolic links are refused, with a note).
    private func takeable(_ path: String, tally: inout IngestTally) -> FileStatus.Info? {
        guard let info = FileStatus.info(path, follow: false) else { return nil }  // gone meanwhile
        if info.isSymlink {
            // Never followed: a link could make Mailroom read (and pass on) any file it may read, such as a key.
            let text = "\(path): a symbolic link, not taken (Mailroom does not follow links in a Maildir)"
            tally.failures.append(text)
            if problems.firstTime(path) { logger.warning("skipping \(text)") }
            return nil
        }
        guard info.isRegular else {
            if problems.firstTime(path) { logger.warning("skipping \(path): not a regular file") }
            return nil
        }
        return info
    }

    private func take(_ name: String, inNew: Bool, tally: inout IngestTally, onStored: (Int64) -> Void) {
        let folder = inNew ? newFolder : curFolder
        let path = folder + "/" + name
        guard let info = FileStatus.info(path, follow: false) else { return }  // gone meanwhile
        if info.isSymlink {
            // Never followed: a link could make Mailroom read (and pass on) any file it may read, such as a key.
            let text = "\(path): a symbolic link, not taken (Mailroom does not follow links in a Maildir)"
            tally.failures.append(text)
            if problems.firstTime(path) { logger.warning("skipping \(text)") }
            return
        }
        guard info.isRegular else {
            if problems.firstTime(path) { logger.warning("skipping \(path): not a regular file") }
            return
        }
        let location = MaildirName.uniqueName(of: name)
        let outcome: Intake.Outcome
        do {
            if !inNew, try intake.store.isKnown(source: sourceName, location: location) { return }
            outcome = try intake.receive(contentsOf: URL(fileURLWithPath: path), source: sourceName, location: location,
                                         followLinks: false)
        } catch {
            if FileStatus.info(path) == nil { return }  // taken by someone else meanwhile
            let text = "\(path): \(error)"
            tally.failures.append(text)
            if problems.firstTime(path) { logger.error("cannot take mail, will retry: \(text)") }
            return
        }
        problems.clear(path)
        tally.count(outcome, bytes: info.size)
        if case .stored(let id) = outcome { onStored(id) }
        if inNew, settings.onStored == .moveToCur {
            acknowledge(name)
        }
    }

    /// Renames `new/X` to `cur/X:2,<flags with S>`.
    private func acknowledge(_ name: String) {
        let from = newFolder + "/" + name
        let to = curFolder + "/" + MaildirName.seenName(of: name)
        if rename(from, to) != 0 {
            let code = errno
            if code == ENOENT { return }  // moved by someone else meanwhile
            let reason = String(cString: strerror(code))
            if problems.firstTime("rename " + from) {
                logger.error("stored, but cannot move \(from) to \(to): \(reason); it will be tried again, without storing twice")
            }
        }
    }
}

/// Maildir file names: `<unique>[:2,<flags>]`.
public enum MaildirName {
    /// The unique part, which stays when flags change.
    public static func uniqueName(of name: String) -> String {
        if let colon = name.firstIndex(of: ":") { return String(name[..<colon]) }
        return name
    }

    /// The name with the "seen" flag added, flags kept in ASCII order as the spec asks.
    public static func seenName(of name: String) -> String {
        let unique = uniqueName(of: name)
        var flags = Set<Character>(["S"])
        if let range = name.range(of: ":2,") {
            for c in name[range.upperBound...] where c.isLetter { flags.insert(c) }
        }
        return unique + ":2," + String(flags.sorted())
    }
}

public struct IngestError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
