import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells when files arrive in some folders, with Linux inotify (`IN_MOVED_TO | IN_CLOSE_WRITE`).
///
/// The watch runs on its own thread, blocked in `poll(2)` on the inotify descriptor and on a pipe that
/// `stop()` writes to. Each batch of events becomes one element of `changes`; bursts coalesce, because
/// the reader only needs to know that it should look again (the scan decides what is new). Missed events
/// (queue overflow, a folder replaced) are harmless for the same reason, and the sources poll as well.
public final class DirectoryWatcher: Sendable {
    public let changes: AsyncStream<Void>
    private let stopWriteFD: Int32

    /// Throws when inotify is not available or a folder cannot be watched; callers then rely on polling.
    public init(folders: [String]) throws {
        #if os(Linux)
        let inotifyFD = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotifyFD >= 0 else { throw WatchError(message: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        for folder in folders {
            let mask = UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_ATTRIB)
            if inotify_add_watch(inotifyFD, folder, mask) < 0 {
                let reason = String(cString: strerror(errno))
                close(inotifyFD)
                throw WatchError(message: "cannot watch \(folder): \(reason)")
            }
        }
        // A socket pair rather than a pipe: `send` with MSG_NOSIGNAL cannot raise SIGPIPE once the thread
        // has closed its end.
        var pipeFDs: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pipeFDs) == 0 else {
            close(inotifyFD)
            throw WatchError(message: "socketpair failed: \(String(cString: strerror(errno)))")
        }
        stopWriteFD = pipeFDs[1]
        let stopReadFD = pipeFDs[0]
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        changes = stream
        let thread = Thread {
            DirectoryWatcher.watch(inotifyFD: inotifyFD, stopFD: stopReadFD, continuation: continuation)
            close(inotifyFD)
            close(stopReadFD)
            continuation.finish()
        }
        thread.name = "mailroom.inotify"
        thread.start()
        #else
        throw WatchError(message: "inotify is only available on Linux")
        #endif
    }

    /// Ends the watch thread and finishes `changes`. Safe to call more than once.
    public func stop() {
        var byte: UInt8 = 1
        _ = send(stopWriteFD, &byte, 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
    }

    deinit {
        stop()
        close(stopWriteFD)
    }

    #if os(Linux)
    private static func watch(inotifyFD: Int32, stopFD: Int32, continuation: AsyncStream<Void>.Continuation) {
        var fds = [pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)]
        let bufferSize = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            if fds[0].revents & Int16(POLLIN) != 0 {
                var sawEvent = false
                while true {
                    let n = read(inotifyFD, buffer, bufferSize)
                    if n > 0 { sawEvent = true; continue }
                    break  // EAGAIN: drained
                }
                if sawEvent { continuation.yield(()) }
            } else if fds[0].revents != 0 {
                return  // error or hang-up on the inotify descriptor
            }
        }
    }
    #endif
}

public struct WatchError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
