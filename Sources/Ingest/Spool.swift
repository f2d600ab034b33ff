import Crypto
import Foundation
import Synchronization

import Vocabulary
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Content-addressed raw-message spool: `<dir>/ab/cd/<sha256>.eml`.
///
/// A message is durable once `store` returns: the bytes were written to a temporary file, fsynced, renamed
/// to their final name, and the directory holding the name was fsynced (a rename is only durable once its
/// directory is). Storing the same bytes again keeps the existing file. Ingest acknowledges a source only
/// after this and the store row have committed.
///
/// `store(_:)` writes its temporary file in the final directory. `store(contentsOf:)` does not know the
/// hash (and so the directory) until it has read everything, so it streams into `<dir>/tmp/`, which is on
/// the same file system, and renames from there. Temporary files a crash left in `tmp/` are removed when a
/// spool is opened, once they are an hour old (younger ones may belong to another process still writing).
public struct Spool: Sendable {
    public let directory: String
    /// Read size for `store(contentsOf:)`; memory use stays at about this much whatever the file size.
    public static let chunkSize = 1 << 20

    public init(directory: String) throws {
        let dir = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        self.directory = dir
        try Spool.makeDirectory(dir, durable: true)
        try Spool.makeDirectory(dir + "/tmp", durable: true)
        removeStaleTemporaryFiles(olderThan: 3600)
    }

    /// Where the raw message with this hash lives (whether or not it exists).
    public func path(sha256: String) -> String {
        let hex = sha256.lowercased()
        let a = hex.prefix(2), b = hex.dropFirst(2).prefix(2)
        return "\(directory)/\(a)/\(b)/\(hex).eml"
    }

    public func contains(sha256: String) -> Bool {
        Spool.isValidHash(sha256) && FileManager.default.fileExists(atPath: path(sha256: sha256))
    }

    /// Stores the bytes; idempotent. Returns their hash and the spool path.
    @discardableResult
    public func store(_ raw: Data) throws -> (sha256: String, path: String) {
        let sha = Spool.hex(SHA256.hash(data: raw))
        let finalPath = path(sha256: sha)
        let finalDir = (finalPath as NSString).deletingLastPathComponent
        if Spool.existingSize(finalPath) == raw.count {
            // Another writer may have crashed after its rename but before its directory fsync: make sure
            // the name is durable before the caller acknowledges anything on the strength of it.
            try Spool.fsyncDirectory(finalDir)
            return (sha, finalPath)
        }
        try ensureHashDirectories(for: sha)

        let tempPath = finalDir + "/.\(sha).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let fd = try Spool.createExclusive(tempPath)
        do {
            try raw.withUnsafeBytes { buffer in
                try Spool.writeAll(fd: fd, buffer, path: tempPath)
            }
            try Spool.fsyncOrThrow(fd, path: tempPath)
            close(fd)
        } catch {
            close(fd)
            unlink(tempPath)
            throw error
        }
        try install(tempPath, at: finalPath)
        return (sha, finalPath)
    }

    /// Streams a file into the spool in `chunkSize` pieces, hashing as it goes; never holds the whole
    /// file in memory. Idempotent. `followLinks: false` refuses a symbolic link (`O_NOFOLLOW`), for files a
    /// source found rather than files an operator named.
    @discardableResult
    public func store(contentsOf file: URL, followLinks: Bool = true) throws -> (sha256: String, size: Int, path: String) {
        let sourcePath = file.path
        let input = open(sourcePath, O_RDONLY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard input >= 0 else {
            throw SpoolError(path: sourcePath, operation: "open the file to spool it", errno: errno)
        }
        defer { close(input) }

        let tempPath = directory + "/tmp/incoming.\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let output = try Spool.createExclusive(tempPath)
        var hasher = SHA256()
        var size = 0
        do {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Spool.chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = readRetrying(input, buffer)
                if n < 0 {
                    throw SpoolError(path: sourcePath, operation: "read the file to spool it", errno: errno)
                }
                if n == 0 { break }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                hasher.update(bufferPointer: chunk)
                try Spool.writeAll(fd: output, chunk, path: tempPath)
                size += n
            }
            try Spool.fsyncOrThrow(output, path: tempPath)
            close(output)
        } catch {
            close(output)
            unlink(tempPath)
            throw error
        }

        let sha = Spool.hex(hasher.finalize())
        let finalPath = path(sha256: sha)
        if Spool.existingSize(finalPath) == size {
            unlink(tempPath)
            try Spool.fsyncDirectory((finalPath as NSString).deletingLastPathComponent)
            return (sha, size, finalPath)
        }
        do {
            try ensureHashDirectories(for: sha)
            try install(tempPath, at: finalPath)
        } catch {
            unlink(tempPath)
            throw error
        }
        return (sha, size, finalPath)
    }

    public func read(sha256: String) throws -> Data {
        guard Spool.isValidHash(sha256) else {
            throw SpoolError(message: "'\(sha256)' is not a SHA-256 in hex (64 characters 0-9a-f)")
        }
        let p = path(sha256: sha256)
        guard FileManager.default.fileExists(atPath: p) else {
            throw SpoolError(message: "raw message \(sha256) is missing from the spool (expected at \(p)); "
                + "restore the spool directory from backup")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: p))
        } catch {
            throw SpoolError(message: "cannot read raw message at \(p): \(error.localizedDescription)")
        }
    }

    /// The first `limit` bytes of a stored message (all of it when it is smaller), read without holding more
    /// than that in memory, and the file's whole size.
    public func read(sha256: String, upTo limit: Int) throws -> (data: Data, size: Int) {
        guard Spool.isValidHash(sha256) else {
            throw SpoolError(message: "'\(sha256)' is not a SHA-256 in hex (64 characters 0-9a-f)")
        }
        let p = path(sha256: sha256)
        guard let info = FileStatus.info(p, follow: false), info.isRegular else {
            throw SpoolError(message: "raw message \(sha256) is missing from the spool (expected at \(p)); "
                + "restore the spool directory from backup")
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: p))
            defer { try? handle.close() }
            let data = try handle.read(upToCount: max(0, limit)) ?? Data()
            return (data, info.size)
        } catch {
            throw SpoolError(message: "cannot read raw message at \(p): \(error.localizedDescription)")
        }
    }

    /// Re-hashes a stored file; false when it is missing or its bytes no longer match its name.
    public func verify(sha256: String) -> Bool {
        guard Spool.isValidHash(sha256) else { return false }
        let fd = open(path(sha256: sha256), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Spool.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = readRetrying(fd, buffer)
            if n < 0 { return false }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return Spool.hex(hasher.finalize()) == sha256.lowercased()
    }

    /// Deletes temporary files in `tmp/` older than the given age. Returns how many were removed.
    @discardableResult
    public func removeStaleTemporaryFiles(olderThan seconds: TimeInterval) -> Int {
        let tmp = directory + "/tmp"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp) else { return 0 }
        var removed = 0
        let cutoff = Date().addingTimeInterval(-seconds)
        for name in names where name.hasSuffix(".tmp") {
            let p = tmp + "/" + name
            if let attributes = try? FileManager.default.attributesOfItem(atPath: p),
               let modified = attributes[.modificationDate] as? Date, modified < cutoff,
               unlink(p) == 0 {
                removed += 1
            }
        }
        return removed
    }

    // MARK: - Durable file-system steps

    private func ensureHashDirectories(for sha: String) throws {
        let hex = sha.lowercased()
        let first = directory + "/" + hex.prefix(2)
        try Spool.makeDirectory(first, durable: true)
        try Spool.makeDirectory(first + "/" + hex.dropFirst(2).prefix(2), durable: true)
    }

    /// Renames a complete, fsynced temporary file to its final name and makes the rename durable.
    private func install(_ tempPath: String, at finalPath: String) throws {
        guard rename(tempPath, finalPath) == 0 else {
            let code = errno
            unlink(tempPath)
            throw SpoolError(path: finalPath, operation: "move the spooled message into place", errno: code)
        }
        try Spool.fsyncDirectory((finalPath as NSString).deletingLastPathComponent)
    }

    /// Creates the directory if missing. A new directory entry is only durable once its parent is
    /// fsynced, so `durable` does that after a creation.
    /// Directories whose entry in their parent this process has made durable (created, or found and fsynced).
    private static let durableDirectories = Mutex<Set<String>>([])

    package static func makeDirectory(_ path: String, durable: Bool) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw SpoolError(message: "spool path \(path) exists but is not a directory")
            }
            // A folder an earlier run created may have been lost with its parent's entry if that run stopped
            // before the parent's fsync: the first time this process meets it, its parent is fsynced too.
            let parent = (path as NSString).deletingLastPathComponent
            if durable, !parent.isEmpty, durableDirectories.withLock({ !$0.contains(path) }) {
                try fsyncDirectory(parent)
                durableDirectories.withLock { _ = $0.insert(path) }
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            try makeDirectory(parent, durable: durable)
        }
        if mkdir(path, 0o750) != 0, errno != EEXIST {
            throw SpoolError(path: path, operation: "create the spool directory", errno: errno)
        }
        if durable, !parent.isEmpty {
            try fsyncDirectory(parent)
            durableDirectories.withLock { _ = $0.insert(path) }
        }
    }

    package static func fsyncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SpoolError(path: path, operation: "open the directory to fsync it", errno: errno)
        }
        defer { close(fd) }
        try fsyncOrThrow(fd, path: path)
    }

    private static func createExclusive(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw SpoolError(path: path, operation: "create a temporary spool file", errno: errno)
        }
        return fd
    }

    private static func writeAll(fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SpoolError(path: path, operation: "write the spool file", errno: errno)
            }
            offset += n
        }
    }

    private static func fsyncOrThrow(_ fd: Int32, path: String) throws {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw SpoolError(path: path, operation: "fsync", errno: errno)
        }
    }

    private static func existingSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    package static func isValidHash(_ s: String) -> Bool { ContentHash.isValid(s) }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// read(2), retried when a signal interrupts it. (A free function: inside `Spool`, `read` names the method.)
private func readRetrying(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
        let n = read(fd, buffer.baseAddress, buffer.count)
        if n < 0 && errno == EINTR { continue }
        return n
    }
}

/// A spool operation that failed, in words an operator can act on.
public struct SpoolError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    package init(path: String, operation: String, errno code: Int32) {
        let reason = String(cString: strerror(code))
        var hint = ""
        switch code {
        case ENOSPC: hint = "; the disk is full, free space and Mailroom will retry"
        case EACCES, EPERM: hint = "; check that the user running mailroom owns the spool directory"
        case EROFS: hint = "; the file system is read-only"
        default: break
        }
        self.message = "cannot \(operation) at \(path): \(reason)\(hint)"
    }
    public var description: String { message }
    public var errorDescription: String? { message }
}
