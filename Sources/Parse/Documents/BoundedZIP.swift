import Foundation
import ZIPFoundation

/// Why a ZIP container (DOCX, XLSX) could not be read.
package enum BoundedZIPError: Error, CustomStringConvertible {
    case notAZIPArchive(String)
    case tooManyEntries(limit: Int)
    case decompressedTooLarge(limit: Int, entry: String)
    case unreadableEntry(String, reason: String)

    package var description: String {
        switch self {
        case .notAZIPArchive(let why):
            return "it is not a readable ZIP archive (\(why))"
        case .tooManyEntries(let limit):
            return "the archive has more than \(limit) entries; refused (a ZIP bomb or not an office document)"
        case .decompressedTooLarge(let limit, let entry):
            return "it decompresses to more than \(limit) bytes (at \(entry)); refused as a possible ZIP bomb"
        case .unreadableEntry(let name, let reason):
            return "its part \(name) cannot be decompressed: \(reason)"
        }
    }
}

/// A ZIP archive held in memory, read through ZIPFoundation with a budget on the total number of bytes
/// decompressed (checked while inflating, so a lying size field does not help a ZIP bomb) and on the number
/// of entries. One instance per document; not shared between tasks.
package final class BoundedZIP {
    package static let maxEntries = 10_000

    private let archive: Archive
    /// Entry paths in archive order.
    package let paths: [String]
    private let entries: [String: Entry]
    package private(set) var remainingBytes: Int
    package let limit: Int

    package init(data: Data, decompressedLimit: Int) throws(BoundedZIPError) {
        guard data.count >= 22 else { throw .notAZIPArchive("only \(data.count) bytes") }
        // The end-of-central-directory record sits in the last 64 KiB + 22 bytes. Look for it first: without
        // it ZIPFoundation would scan the whole buffer byte by byte.
        guard BoundedZIP.hasEndOfCentralDirectory(data) else { throw .notAZIPArchive("no central directory") }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAZIPArchive("\(error)")
        }
        var paths: [String] = []
        var entries: [String: Entry] = [:]
        for entry in archive {
            if paths.count >= BoundedZIP.maxEntries { throw .tooManyEntries(limit: BoundedZIP.maxEntries) }
            let path = entry.path
            if entries[path] == nil {
                entries[path] = entry
                paths.append(path)
            }
        }
        self.archive = archive
        self.paths = paths
        self.entries = entries
        self.remainingBytes = decompressedLimit
        self.limit = decompressedLimit
    }

    package static func hasEndOfCentralDirectory(_ data: Data) -> Bool {
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let searchStart = max(0, data.count - (65_535 + 22))
        return data.withUnsafeBytes { raw -> Bool in
            var i = raw.count - 22
            while i >= searchStart {
                if raw[i] == signature[0], raw[i + 1] == signature[1], raw[i + 2] == signature[2], raw[i + 3] == signature[3] {
                    return true
                }
                i -= 1
            }
            return false
        }
    }

    package func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The decompressed bytes of one entry, or nil when the archive has no such entry. Throws when the
    /// budget runs out or the entry is damaged.
    package func read(_ path: String) throws(BoundedZIPError) -> Data? {
        guard let entry = entries[path] else { return nil }
        guard entry.type == .file else { return Data() }
        if entry.uncompressedSize > UInt64(max(0, remainingBytes)) {
            throw .decompressedTooLarge(limit: limit, entry: path)
        }
        var output = Data()
        let budget = remainingBytes
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                if output.count + chunk.count > budget { throw BoundedZIPError.decompressedTooLarge(limit: self.limit, entry: path) }
                output.append(chunk)
            }
        } catch let error as BoundedZIPError {
            remainingBytes = 0
            throw error
        } catch {
            throw .unreadableEntry(path, reason: "\(error)")
        }
        remainingBytes -= output.count
        return output
    }
}
