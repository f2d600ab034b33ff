import Foundation
import Logging
import Vocabulary

/// A folder people, scanners or other programs drop files into. Every file becomes a message:
/// an RFC 822 file (`.eml`, or any file whose first bytes are a mail header block) as it is, any other
/// file (PDF, XML, DOCX, …) wrapped into a generated message with the file as its attachment
/// (`DroppedFileMessage`). After the commit the file moves to `done/`; a file that cannot be read moves to
/// `failed/` with `<name>.error.txt` beside it saying why.
///
/// A file is only taken once it has not changed for `settle_seconds` (its modification time is that old and
/// its size and time are the same before and after reading), so a half-written file is never ingested.
/// Hidden and temporary names (`.x`, `x.part`, `x~`, `x.tmp`, `x.crdownload`, …) and sub-folders are left
/// alone. A symbolic link is never followed (it could point at a key or a password file, which would then
/// be read, and perhaps sent to a language model): the link itself goes to `failed/` with the reason. A file
/// larger than `maximumBytes` (the message budget's `raw_bytes`) goes to `failed/` without being read; no
/// file is read beyond that size.
///
/// Location: `<file name>@<modification time to the nanosecond>`, so that the same file seen again after a
/// crash (before it was moved to `done/`) is recognised, and a new file with an old name is not.
public final class DropFolderSource: Sendable {
    public let settings: DropFolderSettings
    public let intake: Intake
    package let logger: Logger
    package let problems = ProblemMemory()
    package let clock: @Sendable () -> Date
    /// Files larger than this are refused without being read.
    public let maximumBytes: Int

    public init(settings: DropFolderSettings, intake: Intake, logger: Logger,
                clock: @escaping @Sendable () -> Date = { Date() }, maximumBytes: Int = MessageBudget.standard.rawBytes) {
        self.maximumBytes = maximumBytes
        self.settings = settings
        self.intake = intake
        var logger = logger
        logger[metadataKey: "source"] = "\(settings.sourceName)"
        self.logger = logger
        self.clock = clock
    }

    public var sourceName: String { settings.sourceName }
    public var doneFolder: String { settings.path + "/done" }
    public var failedFolder: String { settings.path + "/failed" }

    package static let temporarySuffixes = [".part", "~", ".tmp", ".temp", ".crdownload", ".partial", ".download", ".swp",
                                    ".filepart", ".!ut"]

    /// True for names that are never taken: hidden files and the usual names of files still being written.
    public static func isIgnored(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        let lower = name.lowercased()
        return temporarySuffixes.contains { lower.hasSuffix($0) }
    }

    public func prepare() throws {
        for path in [settings.path, doneFolder, failedFolder] where FileStatus.info(path)?.isDirectory != true {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw IngestError(message: "\(sourceName): cannot create \(path): \(FileProblem.describe(error))")
            }
        }
    }

    public struct ScanResult: Sendable {
        public var tally = IngestTally()
        /// Files moved to `failed/`.
        public var rejected: [String] = []
        /// Files seen but not settled yet.
        public var waiting: [String] = []
        /// Seconds until the first waiting file may have settled; nil when nothing waits.
        public var lookAgainIn: Double?
    }

    /// One pass over the folder. Blocks; returns early when `stop` is set.
    public func scan(stop: StopFlag? = nil, onStored: (Int64) -> Void = { _ in }) -> ScanResult {
        var result = ScanResult()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: settings.path).sorted()
            problems.clear(settings.path)
        } catch {
            if problems.firstTime(settings.path) {
                logger.error("cannot list \(settings.path): \(FileProblem.describe(error))")
            }
            return result
        }
        for name in names where !DropFolderSource.isIgnored(name) {
            if stop?.isSet == true { break }
            take(name, result: &result, onStored: onStored)
        }
        return result
    }

    public func watch(stop: StopFlag, bell: Doorbell, onArrival: @escaping @Sendable () -> Void) async {
        do {
            try prepare()
        } catch {
            logger.error("\(error)")
        }
        logger.info("watching drop folder \(settings.path)")
        await SourceWatch.run(folders: [settings.path], pollSeconds: settings.pollSeconds, stop: stop, bell: bell,
                              logger: logger) { _ in
            let result = try? await BlockingIO.run { self.scan(stop: stop) { _ in onArrival() } }
            guard let result else { return nil }
            if result.tally.handled > 0 {
                self.logger.info("took \(result.tally.handled) dropped file(s)")
            }
            return result.lookAgainIn
        }
        logger.info("stopped watching drop folder \(settings.path)")
    }

    private func take(_ name: String, result: inout ScanResult, onStored: (Int64) -> Void) {
        let path = settings.path + "/" + name
        guard let info = FileStatus.info(path, follow: false) else { return }
        if info.isDirectory { return }  // done/, failed/, or a folder someone made: not ours to take
        if info.isSymlink {
            reject(name, reason: "it is a symbolic link, and Mailroom does not follow links in a drop folder (a link "
                + "could make it read any file it may read, such as a key); put the file itself into the folder",
                   result: &result)
            return
        }
        guard info.isRegular else {
            reject(name, reason: "cannot be read: it is not a regular file (a pipe, socket or device)", result: &result)
            return
        }
        let age = clock().timeIntervalSince(info.modified)
        if age < settings.settleSeconds {
            wait(name, seconds: settings.settleSeconds - age, result: &result)
            return
        }
        if info.size > maximumBytes {
            reject(name, reason: "it is \(MessageBudget.bytes(info.size)), more than the \(MessageBudget.bytes(maximumBytes)) a mail "
                + "may be (message_budget.raw_bytes in the configuration); it was not read", result: &result)
            return
        }
        let content: Data
        do {
            content = try BoundedFileRead.read(path, limit: maximumBytes)
        } catch let error as BoundedFileRead.Refusal {
            reject(name, reason: error.description, result: &result)
            return
        } catch {
            if FileStatus.info(path, follow: false) == nil { return }  // gone meanwhile
            reject(name, reason: "cannot be read: \(FileProblem.describe(error))", result: &result)
            return
        }
        guard let after = FileStatus.info(path, follow: false), after.size == info.size,
              after.modifiedNanoseconds == info.modifiedNanoseconds, content.count == info.size else {
            wait(name, seconds: settings.settleSeconds, result: &result)  // still being written
            return
        }

        // By content, never by the name: a mail is a mail whatever it is called, and a file that is no
        // document Mailroom can read (empty, random bytes, a PDF named .eml) goes to failed/ with the reason.
        let isMessage = RFC822Sniffer.looksLikeMessage(content.prefix(65536))
        if !isMessage, let problem = DroppedFileCheck.problem(name: name, content: content) {
            reject(name, reason: problem, result: &result)
            return
        }
        let raw = isMessage ? content : DroppedFileMessage.make(
            fileName: name, content: content, modified: info.modified, folderName: settings.name,
            address: settings.address)
        let location = name + "@" + DropFolderSource.nanosecondTime(info.modifiedNanoseconds)
        let outcome: Intake.Outcome
        do {
            outcome = try intake.receive(raw, source: sourceName, location: location)
        } catch {
            result.tally.failures.append("\(path): \(error)")
            if problems.firstTime(path) { logger.error("cannot take \(path), will retry: \(error)") }
            return
        }
        problems.clear(path)
        result.tally.count(outcome, bytes: raw.count)
        if case .stored(let id) = outcome { onStored(id) }
        if let moveError = move(name, to: doneFolder) {
            if problems.firstTime("done " + path) {
                logger.error("stored, but cannot move \(path) to \(doneFolder): \(moveError); it will be tried again, without storing twice")
            }
        }
    }

    private func wait(_ name: String, seconds: Double, result: inout ScanResult) {
        result.waiting.append(name)
        result.lookAgainIn = min(result.lookAgainIn ?? seconds, seconds)
    }

    private func reject(_ name: String, reason: String, result: inout ScanResult) {
        let path = settings.path + "/" + name
        result.rejected.append(name)
        result.tally.failures.append("\(path): \(reason)")
        logger.warning("moving \(path) to failed/: \(reason)")
        let errorText = """
            Mailroom could not take the file "\(name)" from the drop folder "\(settings.name)" (\(settings.path)).
            Reason: \(reason)
            Time: \(ISO8601.utcString(clock()))
            To try again, fix the problem and move the file back into \(settings.path).

            """
        guard let movedName = moveReturningName(name, to: failedFolder) else {
            if problems.firstTime("failed " + path) { logger.error("cannot move \(path) to \(failedFolder) either") }
            return
        }
        let errorPath = failedFolder + "/" + movedName + ".error.txt"
        do {
            try Data(errorText.utf8).write(to: URL(fileURLWithPath: errorPath), options: .atomic)
        } catch {
            logger.error("cannot write \(errorPath): \(FileProblem.describe(error))")
        }
    }

    /// Moves a file into `folder` under its name, or `name (2).ext`, … when that is taken. Returns an error text.
    private func move(_ name: String, to folder: String) -> String? {
        moveReturningName(name, to: folder) == nil ? "rename failed: \(FileStatus.lastErrorText())" : nil
    }

    private func moveReturningName(_ name: String, to folder: String) -> String? {
        if FileStatus.info(folder)?.isDirectory != true {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let from = settings.path + "/" + name
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        for n in 1...1000 {
            let candidate = n == 1 ? name : (ext.isEmpty ? "\(stem) (\(n))" : "\(stem) (\(n)).\(ext)")
            let to = folder + "/" + candidate
            if FileStatus.info(to, follow: false) != nil { continue }
            if rename(from, to) == 0 { return candidate }
            return nil
        }
        return nil
    }

    /// `2026-11-23T08:02:43.123456789Z`.
    package static func nanosecondTime(_ ns: Int64) -> String {
        let seconds = ns >= 0 ? ns / 1_000_000_000 : (ns - 999_999_999) / 1_000_000_000
        let fraction = ns - seconds * 1_000_000_000
        let base = ISO8601.utcString(Date(timeIntervalSince1970: Double(seconds)))  // …:43Z
        return String(base.dropLast()) + "." + String(format: "%09lld", fraction) + "Z"
    }
}
