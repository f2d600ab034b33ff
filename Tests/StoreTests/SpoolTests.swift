import Crypto
import Foundation
import Testing
@testable import Ingest
import MailroomTesting

@Suite struct SpoolTests {
    @Test func storesContentAddressedAndLeavesNoTemporaryFiles() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        let spool = try Spool(directory: dir.path)
        let raw = Data("From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n".utf8)
        let expected = StoreScratch.sha256Hex(raw)

        let (sha, path) = try spool.store(raw)
        #expect(sha == expected)
        #expect(path == "\(dir.path)/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha).eml")
        #expect(spool.path(sha256: sha) == path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == raw)
        #expect(try spool.read(sha256: sha) == raw)
        #expect(try spool.read(sha256: sha.uppercased()) == raw)
        #expect(spool.contains(sha256: sha))
        #expect(spool.verify(sha256: sha))
        #expect(try leftovers(in: dir).isEmpty)
    }

    @Test func storingAgainKeepsTheExistingFile() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        let spool = try Spool(directory: dir.path)
        let raw = Data("same mail".utf8)
        let first = try spool.store(raw)
        let inodeBefore = try inode(first.path)

        let second = try spool.store(raw)
        #expect(second.sha256 == first.sha256)
        #expect(try inode(second.path) == inodeBefore)  // not rewritten

        let file = dir.appendingPathComponent("same.eml")
        try raw.write(to: file)
        let streamed = try spool.store(contentsOf: file)
        #expect(streamed.sha256 == first.sha256)
        #expect(streamed.size == raw.count)
        #expect(try inode(streamed.path) == inodeBefore)
        #expect(try leftovers(in: dir).isEmpty)
    }

    @Test func replacesAFileOfTheWrongSize() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        let spool = try Spool(directory: dir.path)
        let raw = Data("the full message".utf8)
        let (sha, path) = try spool.store(raw)
        try Data("the fu".utf8).write(to: URL(fileURLWithPath: path))  // damaged: cut short
        #expect(!spool.verify(sha256: sha))

        _ = try spool.store(raw)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == raw)
        #expect(spool.verify(sha256: sha))
    }

    @Test func streamsA50MegabyteFileInBoundedMemory() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        let spool = try Spool(directory: dir.appendingPathComponent("spool").path)

        // Write the source file in 1 MiB pieces, hashing independently as we go.
        let file = dir.appendingPathComponent("big.mbox")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        var hasher = SHA256()
        let megabytes = 50
        for i in 0..<megabytes {
            var piece = Data(repeating: UInt8(truncatingIfNeeded: i &* 31 &+ 7), count: 1 << 20)
            piece[i] = 0x0A
            hasher.update(data: piece)
            try handle.write(contentsOf: piece)
        }
        try handle.close()
        let expected = Array(hasher.finalize()).map { String(format: "%02x", $0) }.joined()

        let peakBefore = peakResidentBytes()
        let result = try spool.store(contentsOf: file)
        let peakGrowth = peakResidentBytes() - peakBefore

        #expect(result.sha256 == expected)
        #expect(result.size == megabytes << 20)
        #expect(try FileManager.default.attributesOfItem(atPath: result.path)[.size] as? Int == megabytes << 20)
        #expect(spool.verify(sha256: result.sha256))
        // Loading the file whole would raise the peak by ≥ 50 MB; streaming needs about one 1 MiB buffer.
        // Loose bound: other tests run in parallel in the same process.
        #expect(peakGrowth < 30 << 20, "peak resident memory grew by \(peakGrowth >> 20) MiB")
        #expect(try leftovers(in: dir.appendingPathComponent("spool")).isEmpty)
    }

    @Test func removesStaleTemporaryFilesOnOpen() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        _ = try Spool(directory: dir.path)
        let stale = dir.appendingPathComponent("tmp/incoming.1.2.tmp")
        let fresh = dir.appendingPathComponent("tmp/incoming.3.4.tmp")
        try Data("half a mail".utf8).write(to: stale)
        try Data("being written".utf8).write(to: fresh)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)],
                                              ofItemAtPath: stale.path)

        _ = try Spool(directory: dir.path)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
    }

    @Test func explainsMissingAndInvalidMessages() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        let spool = try Spool(directory: dir.path)
        let absent = String(repeating: "ab", count: 32)
        #expect { try spool.read(sha256: absent) } throws: { "\($0)".contains("missing from the spool") }
        #expect { try spool.read(sha256: "../../etc/passwd") } throws: { "\($0)".contains("is not a SHA-256") }
        #expect(!spool.contains(sha256: absent))
        #expect { try spool.store(contentsOf: dir.appendingPathComponent("nope.eml")) } throws: {
            "\($0)".contains("nope.eml") && "\($0)".contains("No such file")
        }
    }

    @Test func refusesASpoolPathThatIsAFile() throws {
        let dir = try StoreScratch.directory("spool")
        defer { StoreScratch.remove(dir) }
        let file = dir.appendingPathComponent("file")
        try Data().write(to: file)
        #expect { _ = try Spool(directory: file.path) } throws: { "\($0)".contains("not a directory") }
    }

    // MARK: helpers

    /// Temporary files anywhere under the spool (there must be none after a store returns).
    private func leftovers(in dir: URL) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".tmp") }
    }

    private func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    /// VmHWM from /proc/self/status (peak resident set size), in bytes; 0 where unavailable.
    private func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }
}
