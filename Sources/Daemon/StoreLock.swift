import Foundation
import Vocabulary
#if canImport(Glibc)
import Glibc
#endif

/// One daemon per store: `mailroom run` (also `--once`) holds an exclusive `flock` on `<store>.lock` for its
/// whole life and writes its pid there. The kernel drops the lock when the process ends however it ends (a
/// crash, SIGKILL), so a lock is never stale; the pid in the file is only for people, whether the lock is
/// held is asked of the kernel (`probe`). Other commands (status, messages, review, audit…) never take it.
public final class StoreLock: Sendable {
    /// The lock file of a store: beside it, `<store>.lock`.
    public static func path(forStore store: String) -> String { store + ".lock" }

    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the store's lock without waiting, or throws `StoreLockError.held` naming the pid that holds it.
    /// Creates the file (0600) and the store's folder when missing. The descriptor is close-on-exec, so a
    /// program a connector starts never inherits the lock.
    public static func acquire(forStore store: String) throws -> StoreLock {
        let path = path(forStore: store)
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreLockError.unusable(path: path, reason: String(cString: strerror(errno)))
        }
        // A `status` probing the lock holds it shared for a moment: try a few times before refusing.
        var attempts = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            attempts += 1
            guard error == EAGAIN || error == EINTR, attempts < 10 else {
                close(fd)
                if error == EAGAIN {
                    throw StoreLockError.held(store: store, path: path, pid: readPID(path))
                }
                throw StoreLockError.unusable(path: path, reason: String(cString: strerror(error)))
            }
            usleep(20_000)
        }
        _ = fchmod(fd, 0o600)
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return StoreLock(path: path, descriptor: fd)
    }

    /// Whether a live process holds the store's lock (asked of the kernel with a non-blocking shared lock
    /// that is released at once), and the pid written in the file.
    public static func probe(forStore store: String) -> (held: Bool, pid: Int32?) {
        let path = path(forStore: store)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return (false, nil) }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return (false, readPID(path))
        }
        return (errno == EAGAIN, readPID(path))
    }

    private static func readPID(_ path: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

public enum StoreLockError: Error, LocalizedError, Equatable {
    case held(store: String, path: String, pid: Int32?)
    case unusable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .held(store, path, pid):
            let who = pid.map { "pid \($0)" } ?? "another process"
            return "another mailroom daemon (\(who)) is already running on the store \(store) (it holds \(path)); "
                + "nothing was done. Stop it first (`systemctl stop mailroom`\(pid.map { " or `kill \($0)`" } ?? "")), "
                + "or give this one a different store."
        case let .unusable(path, reason):
            return "cannot use the lock file \(path): \(reason)"
        }
    }
}

/// This machine's name, as the heartbeat records it.
package enum LocalHost {
    package static var name: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
