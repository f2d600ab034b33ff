import Foundation
import Logging
import Vocabulary

/// The loop every folder source runs: scan once at start (mail that arrived while Mailroom was down),
/// then scan again whenever inotify reports a change, at least every `pollSeconds`, and earlier when the
/// last scan asked for it (a dropped file that has not settled yet). Ends when `stop` is set and `bell`
/// rings, or when the task is cancelled.
package enum SourceWatch {
    package static func run(folders: [String], pollSeconds: Double, stop: StopFlag, bell: Doorbell, logger: Logger,
                    scan: @escaping @Sendable (_ first: Bool) async -> Double?) async {
        var watcher: DirectoryWatcher?
        do {
            watcher = try DirectoryWatcher(folders: folders)
        } catch {
            logger.warning("no inotify watch, polling every \(pollSeconds) s instead", metadata: ["reason": "\(error)"])
        }
        let forward = Task { [watcher] in
            guard let watcher else { return }
            for await _ in watcher.changes { bell.ring() }
        }
        defer {
            watcher?.stop()
            forward.cancel()
        }
        var again = await scan(true)
        while !stop.isSet, !Task.isCancelled {
            let wait = min(pollSeconds, again.map { max($0, 0.05) } ?? pollSeconds)
            await bell.wait(timeout: .milliseconds(Int64(wait * 1000)), unless: stop)
            if stop.isSet || Task.isCancelled { break }
            again = await scan(false)
        }
    }
}

/// Remembers which problems were already logged, so that a file that fails on every poll is reported once
/// (and again after it succeeded in between).
package final class ProblemMemory: Sendable {
    private let seen = LockedBox(Set<String>())

    /// True the first time a key is reported.
    package func firstTime(_ key: String) -> Bool { seen.withLock { $0.insert(key).inserted } }

    package func clear(_ key: String) { _ = seen.withLock { $0.remove(key) } }
}

package enum FileStatus {
    package struct Info: Equatable {
        package var isRegular: Bool
        package var isDirectory: Bool
        package var isSymlink: Bool
        package var size: Int
        /// Modification time with nanoseconds.
        package var modified: Date
        package var modifiedNanoseconds: Int64
    }

    /// `lstat` (follow: false) or `stat`; nil when the path does not exist or cannot be examined.
    package static func info(_ path: String, follow: Bool = true) -> Info? {
        var st = stat()
        let rc = follow ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        let ns = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        return Info(isRegular: type == S_IFREG, isDirectory: type == S_IFDIR, isSymlink: type == S_IFLNK,
                    size: Int(st.st_size), modified: Date(timeIntervalSince1970: Double(ns) / 1e9),
                    modifiedNanoseconds: ns)
    }

    package static func lastErrorText() -> String { String(cString: strerror(errno)) }
}

/// Reads a file a source found, never following a symbolic link (`O_NOFOLLOW`: a link swapped in after the
/// check is refused too) and never more than `limit` bytes.
package enum BoundedFileRead {
    /// Why a file is not read, in words for the `.error.txt` beside it.
    package struct Refusal: Error, CustomStringConvertible {
        package var description: String
    }

    package static func read(_ path: String, limit: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw Refusal(description: "it is a symbolic link, and Mailroom does not follow links here; put the file itself there")
            }
            throw Refusal(description: "cannot be read: \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            throw Refusal(description: "cannot be read: it is not a regular file")
        }
        guard Int(st.st_size) <= limit else {
            throw Refusal(description: "it is \(MessageBudget.bytes(Int(st.st_size))), more than the \(MessageBudget.bytes(limit)) a mail may be "
                + "(message_budget.raw_bytes in the configuration); it was not read")
        }
        var data = Data(count: Int(st.st_size))
        var done = 0
        let total = data.count
        try data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            while done < total {
                let n = readSome(fd, buffer.baseAddress! + done, total - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Refusal(description: "cannot be read: \(String(cString: strerror(errno)))")
                }
                if n == 0 { break }
                done += n
            }
        }
        if done < total { data.removeSubrange(done...) }
        return data
    }
}

/// read(2) (a free function: inside `BoundedFileRead`, `read` names the method).
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
