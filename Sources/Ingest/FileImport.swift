import Foundation
import Vocabulary

/// `mailroom ingest PATH…`: takes .eml files, folders (recursively; Maildir folders read from `new/` and
/// `cur/`) and mbox files (mboxrd or mboxo: split at "From " lines, ">From " unescaped) into the store.
///
/// Locations: a file's absolute path; a Maildir file's folder plus its unique name (stable when flags
/// change); an mbox message `<absolute path>#<byte offset of its "From " line>`. Importing the same paths
/// again stores nothing twice. Files are streamed: an mbox is read in chunks and only one message at a time
/// is held in memory; a single message file goes to the spool without being read whole.
public struct FileImport: Sendable {
    public let intake: Intake
    /// The source name recorded for these messages ("file" unless the operator names one).
    public let source: String

    /// Imported mail is recorded under a name of the operator's, never under a configured source's ("imap:…",
    /// "maildir:…", "drop:…"): what a source name vouches for (an answer to an approval request arrived through a
    /// mail server) must not be claimed by a file someone put on the host.
    public static func checkSourceName(_ name: String) throws {
        for prefix in ["imap:", "maildir:", "drop:"] where name.lowercased().hasPrefix(prefix) {
            throw OperatorInputError(message: "--source \(name): names starting with \(prefix) belong to configured sources; "
                + "choose another name (e.g. file:\(name.dropFirst(prefix.count)))")
        }
    }

    public init(intake: Intake, source: String = "file") {
        self.intake = intake
        self.source = source
    }

    /// Imports every path; problems with single items are collected in `failures`, never thrown.
    /// `progress` is called after every message with the running tally and the file being read.
    public func run(paths: [String], stop: StopFlag? = nil,
                    progress: (IngestTally, String) -> Void = { _, _ in }) -> IngestTally {
        var tally = IngestTally()
        let cwd = FileManager.default.currentDirectoryPath
        for path in paths {
            if stop?.isSet == true { break }
            let absolute = ConfigurationPaths.absolute(path, base: cwd)
            guard let info = FileStatus.info(absolute) else {
                tally.failures.append("\(path): no such file or folder")
                continue
            }
            if info.isDirectory {
                importFolder(absolute, tally: &tally, stop: stop, progress: progress)
            } else {
                importFile(absolute, location: absolute, tally: &tally, stop: stop, progress: progress)
            }
        }
        return tally
    }

    private func importFolder(_ folder: String, tally: inout IngestTally, stop: StopFlag?,
                              progress: (IngestTally, String) -> Void) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            tally.failures.append("\(folder): cannot list: \(FileProblem.describe(error))")
            return
        }
        let isMaildir = names.contains("cur") && names.contains("new")
            && FileStatus.info(folder + "/cur")?.isDirectory == true && FileStatus.info(folder + "/new")?.isDirectory == true
        if isMaildir {
            for sub in ["new", "cur"] {
                let subfolder = folder + "/" + sub
                let files = ((try? FileManager.default.contentsOfDirectory(atPath: subfolder)) ?? []).sorted()
                for name in files where !name.hasPrefix(".") {
                    if stop?.isSet == true { return }
                    let path = subfolder + "/" + name
                    guard let info = FileStatus.info(path, follow: false) else { continue }
                    if info.isSymlink {
                        tally.failures.append("\(path): a symbolic link inside a folder, not followed (name its target to import it)")
                        continue
                    }
                    guard info.isRegular else { continue }
                    importFile(path, location: folder + "/" + MaildirName.uniqueName(of: name), tally: &tally,
                               stop: stop, progress: progress)
                }
            }
        }
        for name in names {
            if stop?.isSet == true { return }
            if isMaildir, ["new", "cur", "tmp"].contains(name) { continue }
            // Maildir++ keeps sub-folders as ".Name" inside a Maildir; elsewhere hidden entries are skipped.
            if name.hasPrefix("."), !(isMaildir && name.count > 1 && name != "..") { continue }
            let path = folder + "/" + name
            guard let info = FileStatus.info(path, follow: false) else { continue }
            if info.isSymlink {
                // Only what the operator named is followed: a link inside could lead anywhere (or in a circle).
                tally.failures.append("\(path): a symbolic link inside a folder, not followed (name its target to import it)")
                continue
            }
            if info.isDirectory {
                importFolder(path, tally: &tally, stop: stop, progress: progress)
            } else if info.isRegular, !name.hasPrefix(".") {
                importFile(path, location: path, tally: &tally, stop: stop, progress: progress)
            }
        }
    }

    private func importFile(_ path: String, location: String, tally: inout IngestTally, stop: StopFlag?,
                            progress: (IngestTally, String) -> Void) {
        do {
            if try MboxReader.isMbox(path: path) {
                var reader = try MboxReader(path: path)
                while let message = try reader.next() {
                    if stop?.isSet == true { return }
                    let outcome = try intake.receive(message.data, source: source, location: "\(path)#\(message.offset)")
                    tally.count(outcome, bytes: message.data.count)
                    progress(tally, path)
                }
            } else {
                let size = FileStatus.info(path)?.size ?? 0
                let outcome = try intake.receive(contentsOf: URL(fileURLWithPath: path), source: source, location: location)
                tally.count(outcome, bytes: size)
                progress(tally, path)
            }
        } catch {
            tally.failures.append("\(path): \(error)")
        }
    }
}

/// Reads an mbox file one message at a time.
///
/// A message starts at a line beginning with "From " that is the first line of the file or follows an
/// empty line; that line is the envelope and is not part of the message. Inside a message, lines
/// `>From `, `>>From `, … lose one `>` (mboxrd; for mboxo this undoes the only escaping it did). The empty
/// line that separates messages is removed.
public struct MboxReader {
    public struct Message {
        /// Byte offset of the message's "From " line in the file.
        public var offset: Int
        public var data: Data
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var bufferFileOffset = 0
    private var atEnd = false
    private var pendingStart: Int?
    private var previousLineBlank = true
    public static let chunkSize = 1 << 20

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(message: "\(path): cannot open: \(FileStatus.lastErrorText())")
        }
        self.handle = handle
    }

    /// True when the file starts with "From ".
    public static func isMbox(path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(message: "cannot open: \(FileStatus.lastErrorText())")
        }
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 5) ?? Data()
        return head == Data("From ".utf8)
    }

    public mutating func next() throws -> Message? {
        var current: Data?
        var currentOffset = 0
        if let start = pendingStart {
            current = Data()
            currentOffset = start
            pendingStart = nil
        }
        while let (offset, line) = try nextLine() {
            let isEnvelope = line.count >= 5 && line[line.startIndex] == 0x46 && line.starts(with: MboxReader.fromPrefix)
            if isEnvelope, previousLineBlank {
                previousLineBlank = false
                if let message = current {
                    pendingStart = offset
                    return Message(offset: currentOffset, data: MboxReader.trimSeparator(message))
                }
                current = Data()
                currentOffset = offset
                continue
            }
            previousLineBlank = line.count == 1 || (line.count == 2 && line[line.startIndex] == 0x0D)
            guard current != nil else { continue }  // blank lines before the first envelope
            if line.first == 0x3E, MboxReader.isEscapedFrom(line) {
                current!.append(contentsOf: line.dropFirst())
            } else {
                current!.append(contentsOf: line)
            }
        }
        try? handle.close()
        if let message = current { return Message(offset: currentOffset, data: MboxReader.trimSeparator(message)) }
        return nil
    }

    private static let fromPrefix: [UInt8] = Array("From ".utf8)

    /// `>From `, `>>From `, …
    package static func isEscapedFrom(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x3E { i += 1 }
        return i > line.startIndex && line[i...].starts(with: fromPrefix)
    }

    package static func trimSeparator(_ data: Data) -> Data {
        if data.count >= 4, data.suffix(4) == Data([0x0D, 0x0A, 0x0D, 0x0A]) { return data.dropLast(2) }
        if data.count >= 2, data.suffix(2) == Data([0x0A, 0x0A]) { return data.dropLast(1) }
        if data == Data([0x0A]) || data == Data([0x0D, 0x0A]) { return Data() }
        return data
    }

    /// The next line with its terminator, and its offset in the file.
    private mutating func nextLine() throws -> (Int, ArraySlice<UInt8>)? {
        var searchFrom = position
        while true {
            if let nl = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[position...nl]
                let offset = bufferFileOffset + position
                position = nl + 1
                return (offset, line)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                let offset = bufferFileOffset + position
                position = buffer.count
                return (offset, line)
            }
            // Keep the unfinished line, drop what was consumed, read more.
            if position > 0 {
                buffer.removeSubrange(0..<position)
                bufferFileOffset += position
                position = 0
            }
            searchFrom = buffer.count
            let chunk = try handle.read(upToCount: MboxReader.chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
