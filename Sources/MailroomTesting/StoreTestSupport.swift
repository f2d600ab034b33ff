import Crypto
import Foundation
import Vocabulary
import Store

/// Scratch directories and fixtures for the store and audit tests.
package enum StoreScratch {
    /// A fresh directory under the system temp dir; removed by `remove`.
    package static func directory(_ label: String = "store") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("mailroom-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    package static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// A received message with a made-up but well-formed hash derived from `tag`.
    package static func received(_ tag: String, source: String = "maildir:inbox", location: String? = nil,
                         at date: Date = Date(timeIntervalSince1970: 1_790_000_000)) -> ReceivedMessage {
        ReceivedMessage(source: source, location: location ?? "\(tag).host:2,",
                        contentSHA256: sha256Hex(Data(tag.utf8)), size: tag.utf8.count, receivedAt: date)
    }

    package static func sha256Hex(_ data: Data) -> String {
        var out = ""
        for b in SHA256Digester.digest(data) { out += String(format: "%02x", b) }
        return out
    }
}

package enum SHA256Digester {
    package static func digest(_ data: Data) -> [UInt8] { Array(SHA256.hash(data: data)) }
}

/// A clock that starts at a fixed time and advances one second per reading.
package final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next: Date

    package init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { next = start }

    package func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let value = next
        next = next.addingTimeInterval(1)
        return value
    }
}
