import Dispatch
import Foundation

/// Runs work that really blocks a thread (fsync in the store and the spool, directory scans) on a
/// Dispatch thread, so the cooperative pool stays free for everything else.
public enum BlockingIO {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}

/// A flag set once when Mailroom should stop taking new work (graceful shutdown, or `--once` finished).
public final class StopFlag: Sendable {
    private let box = LockedBox(false)
    public init() {}
    public var isSet: Bool { box.value }
    public func set() { box.value = true }
}

/// Wakes tasks that wait for work: a source rings it when it stored new mail; the pipeline's idle workers
/// wait on it (with a timeout, so that nothing depends on a ring alone). A ring with nobody waiting is
/// remembered until the next wait.
public final class Doorbell: Sendable {
    private struct State {
        /// Waits in progress; a nil continuation means "not suspended yet".
        var waits: [UInt64: CheckedContinuation<Void, Never>?] = [:]
        /// Waits that were woken before they had suspended.
        var wokenEarly: Set<UInt64> = []
        var nextID: UInt64 = 0
        var rungWhileNobodyWaited = false
    }
    private let state = LockedBox(State())

    public init() {}

    public func ring() {
        let toResume = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            if s.waits.isEmpty {
                s.rungWhileNobodyWaited = true
                return []
            }
            var resumed: [CheckedContinuation<Void, Never>] = []
            for (id, continuation) in s.waits {
                if let continuation { resumed.append(continuation) } else { s.wokenEarly.insert(id) }
            }
            for id in s.waits.keys where !s.wokenEarly.contains(id) { s.waits.removeValue(forKey: id) }
            return resumed
        }
        for c in toResume { c.resume() }
    }

    /// Returns at the next ring, after `timeout`, or when the task is cancelled, whichever comes first; at
    /// once when `stop` is set. (A ring only wakes the waits already begun; a caller that set `stop` before
    /// ringing is sure that no wait outlives it.)
    public func wait(timeout: Duration, unless stop: StopFlag? = nil) async {
        let id: UInt64? = state.withLock { s in
            if stop?.isSet == true { return nil }
            if s.rungWhileNobodyWaited {
                s.rungWhileNobodyWaited = false
                return nil
            }
            s.nextID += 1
            s.waits[s.nextID] = .some(nil)
            return s.nextID
        }
        guard let id else { return }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            self?.wake(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if s.wokenEarly.remove(id) != nil || s.waits[id] == nil {
                        s.waits.removeValue(forKey: id)
                        return true
                    }
                    s.waits[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            wake(id)
        }
        timer.cancel()
    }

    private func wake(_ id: UInt64) {
        let continuation = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let entry = s.waits[id] else { return nil }  // already over
            if let c = entry {
                s.waits.removeValue(forKey: id)
                return c
            }
            s.wokenEarly.insert(id)
            return nil
        }
        continuation?.resume()
    }
}

/// A value behind a lock, for the few places where a small piece of state is shared between threads.
public final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    public var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&stored) }
    }
}

/// Runs blocking work on a new OS thread (not the cooperative pool, not Dispatch's) and awaits its end.
package enum DedicatedThread {
    package static func run(name: String, _ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                body()
                continuation.resume()
            }
            thread.name = name
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
