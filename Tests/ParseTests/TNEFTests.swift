import Crypto
import Foundation
import Testing
@testable import Parse

/// Fixtures written by Fixtures/tnef/make_fixtures.py (an encoder following [MS-OXTNEF]); expected.json says
/// what the writer put in each file.
private enum TNEFFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tnef")

    struct Attachment: Decodable {
        var filename: String
        var content_type: String?
        var sha256: String
        var size: Int
        var content_id: String?
    }

    struct Expectation: Decodable {
        var attachments: [Attachment]?
        var body: String?
        var rtf_sha256: String?
        var error: String?
        var warning: String?
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func expectations() throws -> [String: Expectation] {
        try JSONDecoder().decode([String: Expectation].self, from: data("expected.json"))
    }

    static let valid = ["one-attachment.dat", "three-attachments.dat", "unicode-filename.dat", "body.dat",
                        "rtf-body.dat", "rtf-html-body.dat"]
}

private func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

@Suite struct TNEFTests {
    @Test(arguments: TNEFFixtures.valid + ["bad-checksum.dat", "data-in-properties.dat"])
    func attachmentsMatchWhatTheWriterPutIn(_ name: String) throws {
        let expected = try #require(try TNEFFixtures.expectations()[name]?.attachments)
        let data = try TNEFFixtures.data(name)
        let attachments = try TNEF.attachments(in: data)
        #expect(attachments.count == expected.count)
        for (got, want) in zip(attachments, expected) {
            #expect(got.filename == want.filename)
            #expect(got.contentType == want.content_type)
            #expect(got.data.count == want.size)
            #expect(sha256(got.data) == want.sha256)
            #expect(got.contentID == want.content_id)
        }
    }

    @Test func wellFormedStreamsGiveNoWarnings() throws {
        for name in TNEFFixtures.valid {
            let message = try TNEF.parse(try TNEFFixtures.data(name))
            #expect(message.warnings.isEmpty, "\(name): \(message.warnings)")
            #expect(message.messageClass == "IPM.Microsoft Mail.Note")
            #expect(message.codePage == 1252)
        }
        #expect(try TNEF.parse(try TNEFFixtures.data("unicode-filename.dat")).subject == "Angebot für Müller")
    }

    @Test(arguments: ["body.dat", "rtf-body.dat", "rtf-html-body.dat"])
    func bodyTextAndRTF(_ name: String) throws {
        let expected = try #require(try TNEFFixtures.expectations()[name])
        let data = try TNEFFixtures.data(name)
        #expect(TNEF.bodyText(in: data) == expected.body)
        let message = try TNEF.parse(data)
        let rtf = try #require(message.rtfBody, "the compressed RTF body decompresses")
        #expect(sha256(rtf) == expected.rtf_sha256)
    }

    @Test func rtfBodyIsUsedWhenThereIsNoPlainBody() throws {
        let message = try TNEF.parse(try TNEFFixtures.data("rtf-body.dat"))
        #expect(message.plainBody == nil)
        #expect(message.htmlBody == nil)
        #expect(TNEF.bodyText(in: Data()) == nil)
        #expect(TNEF.bodyText(in: try TNEFFixtures.data("one-attachment.dat")) == nil)
    }

    @Test func brokenStreamsThrowReadableErrors() throws {
        do {
            _ = try TNEF.attachments(in: try TNEFFixtures.data("truncated.dat"))
            Issue.record("a truncated stream must not pass")
        } catch let error as TNEFError {
            #expect(error.message.contains("truncated"), "\(error)")
            #expect(error.offset != nil)
            #expect(error.description.hasPrefix("winmail.dat (TNEF): "))
        }
        do {
            _ = try TNEF.attachments(in: try TNEFFixtures.data("absurd-length.dat"))
            Issue.record("an absurd length must not pass")
        } catch let error as TNEFError {
            #expect(error.message.contains("claims 2147483632 bytes"), "\(error)")
            #expect(error.offset == 6)
        }
        do {
            _ = try TNEF.attachments(in: Data("From: someone\r\n\r\nnot tnef".utf8))
            Issue.record("not TNEF must not pass")
        } catch let error as TNEFError {
            #expect(error.message.contains("not a TNEF stream"), "\(error)")
        }
        #expect(throws: TNEFError.self) { try TNEF.attachments(in: Data()) }
        #expect(throws: TNEFError.self) { try TNEF.attachments(in: Data([0x78, 0x9F, 0x3E, 0x22, 0x01])) }
        // Signature and key only: a valid, empty stream.
        #expect(try TNEF.attachments(in: Data([0x78, 0x9F, 0x3E, 0x22, 0x01, 0x00])).isEmpty)
    }

    @Test func checksumMismatchIsAWarningNotAFailure() throws {
        let message = try TNEF.parse(try TNEFFixtures.data("bad-checksum.dat"))
        #expect(message.warnings.count == 1)
        #expect(message.warnings.first?.contains("checksum mismatch") == true)
        #expect(message.attachments.count == 1)
    }

    @Test func propertiesReadBeforeADamagedOneAreKept() throws {
        // One attachment whose property list holds the long file name, then a property of unknown type 0x0999.
        func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        func attribute(_ level: UInt8, _ id: UInt32, _ data: [UInt8]) -> [UInt8] {
            let sum = data.reduce(UInt32(0)) { $0 &+ UInt32($1) }
            return [level] + le32(id) + le32(UInt32(data.count)) + data + [UInt8(sum & 0xFF), UInt8(sum >> 8 & 0xFF)]
        }
        let name = Array("Long name.pdf".utf8) + [0, 0, 0]  // NUL, padded to 16
        let props = le32(2) + [0x1E, 0x00, 0x07, 0x37] + le32(1) + le32(14) + name + [0x99, 0x09, 0x01, 0x37] + le32(7)
        let stream = le32(TNEF.signature) + [0, 0]
            + attribute(2, TNEF.attAttachRendData, [1, 0] + le32(0) + [0, 0, 0, 0] + le32(0))
            + attribute(2, TNEF.attAttachTitle, Array("LONGNA~1.PDF".utf8) + [0])
            + attribute(2, TNEF.attAttachData, Array("%PDF-1.4".utf8))
            + attribute(2, TNEF.attAttachment, props)
        let message = try TNEF.parse(Data(stream))
        #expect(message.attachments.map(\.filename) == ["Long name.pdf"])
        #expect(message.warnings.count == 1)
        #expect(message.warnings.first?.contains("unknown type 0x0999") == true)
    }

    @Test func mutatedStreamsNeverCrash() throws {
        let original = [UInt8](try TNEFFixtures.data("three-attachments.dat").prefix(4_000))
            + [UInt8](try TNEFFixtures.data("body.dat"))
        // Every truncation point of a small stream.
        let small = [UInt8](try TNEFFixtures.data("body.dat"))
        for cut in 0..<small.count {
            _ = try? TNEF.parse(Data(small[..<cut]))
            _ = TNEF.bodyText(in: Data(small[..<cut]))
        }
        // Random byte flips and overwrites with large numbers.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let i = Int.random(in: 6..<bytes.count, using: &generator)
                bytes[i] = Bool.random(using: &generator) ? 0xFF : UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? TNEF.parse(Data(bytes))
            _ = TNEF.bodyText(in: Data(bytes))
        }
        for _ in 0..<200 {
            let bytes = [0x78, 0x9F, 0x3E, 0x22, 0, 0] + (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? TNEF.parse(Data(bytes))
        }
    }
}

@Suite struct CompressedRTFTests {
    @Test func specExampleDecompresses() throws {
        // [MS-OXRTFCP] 3.1.1: "{\rtf1\ansi\ansicpg1252\pard hello world}\r\n", compressed.
        let compressed: [UInt8] = [
            0x2D, 0x00, 0x00, 0x00, 0x2B, 0x00, 0x00, 0x00, 0x4C, 0x5A, 0x46, 0x75, 0xF1, 0xC5, 0xC7, 0xA7,
            0x03, 0x00, 0x0A, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0A, 0xF3, 0x20,
            0x68, 0x65, 0x6C, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xB0, 0x6C, 0x64, 0x7D, 0x0A, 0x80, 0x0F, 0xA0,
        ]
        let raw = try CompressedRTF.decompress(compressed[...])
        #expect(String(decoding: raw, as: UTF8.self) == "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n")
        #expect(CompressedRTF.preload.count == 207)

        var corrupt = compressed
        corrupt[30] ^= 0x01
        #expect(throws: TNEFError.self) { try CompressedRTF.decompress(corrupt[...]) }
        #expect(throws: TNEFError.self) { try CompressedRTF.decompress(compressed[..<10]) }
    }

    @Test func uncompressedMELAIsPassedThrough() throws {
        let body = Array("{\\rtf1 plain}".utf8)
        var header: [UInt8] = []
        for v in [UInt32(body.count + 12), UInt32(body.count), CompressedRTF.uncompressedType, 0] {
            header += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
        }
        #expect(try CompressedRTF.decompress((header + body)[...]) == body)
        #expect(RTFText.plainText(fromRTF: body) == "plain")
    }

    @Test func rtfToTextHandlesCodePagesUnicodeAndDestinations() {
        let rtf = #"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0\fcharset204 Arial;}{\f1\fcharset134 SimSun;}}{\*\generator X;}{\info{\title T}}"#
            + #"\f0 \'cf\'f0\'e8\'e2\'e5\'f2\par {\f1 \'d6\'d0\'ce\'c4}\par \uc1\u8364?5\tab x\line y\~z {\field{\*\fldinst HYPERLINK "u"}{\fldrslt link}}}"#
        #expect(RTFText.plainText(fromRTF: Array(rtf.utf8)) == "Привет\n中文\n€5\tx\ny z link")
        #expect(RTFText.plainText(fromRTF: Array("{\\rtf1 {{{{{{".utf8)) == "")
        #expect(RTFText.plainText(fromRTF: Array("\\".utf8)) == "")
    }
}

/// Cross-checks with Debian's `tnef` (an independent implementation, apt package `tnef`): same attachment
/// names and bytes, same decompressed RTF. Skipped where it is not installed.
private enum DebianTNEF {
    static let tool: String? = ["/usr/bin/tnef", "/usr/local/bin/tnef"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

@Suite(.enabled(if: DebianTNEF.tool != nil, "Debian's `tnef` is not installed (deploy/install-deps.sh adds it)"))
struct TNEFCrossCheck {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DebianTNEF.tool!)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-tnef-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: TNEFFixtures.valid + ["bad-checksum.dat"])
    func sameFilesAsDebiansDecoder(_ name: String) throws {
        let file = TNEFFixtures.directory.appendingPathComponent(name).path
        let ours = try TNEF.attachments(in: try TNEFFixtures.data(name))
        let lenient = name == "bad-checksum.dat" ? ["--ignore-checksum"] : []

        let listed = try run(lenient + ["--list", "-f", file])
        #expect(listed.status == 0, "\(listed.output)")
        // `tnef --list` prints "name<TAB>|<TAB>name" per attachment.
        let theirNames = listed.output.split(separator: "\n").compactMap { $0.components(separatedBy: "\t|\t").first }
            .filter { !$0.isEmpty && !$0.hasPrefix("WARNING") }
        #expect(theirNames == ours.map { $0.filename ?? "" })

        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let extracted = try run(lenient + ["--overwrite", "-C", dir.path, "-f", file])
        #expect(extracted.status == 0, "\(extracted.output)")
        for attachment in ours {
            let name = try #require(attachment.filename)
            let theirs = try Data(contentsOf: dir.appendingPathComponent(name))
            #expect(theirs == attachment.data, "\(name) differs from tnef's extraction")
        }
    }

    /// Bytes carried in PR_ATTACH_DATA_BIN come out the same; for an attached message (PT_OBJECT) tnef writes
    /// the raw property value, which is the 16-byte interface id followed by the bytes Mailroom returns.
    @Test func sameBytesForDataInPropertiesAsDebiansDecoder() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = TNEFFixtures.directory.appendingPathComponent("data-in-properties.dat").path
        let result = try run(["--overwrite", "-C", dir.path, "-f", file])
        #expect(result.status == 0, "\(result.output)")
        let ours = try TNEF.attachments(in: try TNEFFixtures.data("data-in-properties.dat"))
        #expect(ours.count == 2)
        #expect(try Data(contentsOf: dir.appendingPathComponent("delivery-note.txt")) == ours[0].data)
        let theirObject = try Data(contentsOf: dir.appendingPathComponent("tnef-tmp"))
        #expect(theirObject.count == ours[1].data.count + 16)
        #expect(theirObject.dropFirst(16) == ours[1].data)
        // The attached message is itself TNEF and unpacks the same way.
        #expect(try TNEF.attachments(in: ours[1].data).map(\.filename) == ["ORDER.CSV"])
    }

    @Test(arguments: ["body.dat", "rtf-body.dat", "rtf-html-body.dat"])
    func sameRTFBodyAsDebiansDecoder(_ name: String) throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = TNEFFixtures.directory.appendingPathComponent(name).path
        let result = try run(["--save-body", "--body-pref=r", "--overwrite", "-C", dir.path, "-f", file])
        #expect(result.status == 0, "\(result.output)")
        let theirs = try Data(contentsOf: dir.appendingPathComponent("message.rtf"))
        let ours = try #require(try TNEF.parse(try TNEFFixtures.data(name)).rtfBody)
        #expect(theirs == ours)
    }

    @Test(arguments: ["truncated.dat", "absurd-length.dat"])
    func bothDecodersRejectBrokenFiles(_ name: String) throws {
        let file = TNEFFixtures.directory.appendingPathComponent(name).path
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run(["-C", dir.path, "-f", file])
        let extracted = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(result.status != 0 || extracted.isEmpty, "tnef accepted \(name): \(result.output)")
        #expect(throws: TNEFError.self) { try TNEF.attachments(in: try TNEFFixtures.data(name)) }
    }
}
