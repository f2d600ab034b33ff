import Foundation
import Testing
@testable import Parse

/// CPython's own email test messages (test/test_email/data/msg_*.txt): nested, broken, odd charsets.
/// Every one must parse, and subject, sender address and attachment file names must agree with what
/// CPython's `email` package (policy=default) says — computed now by Fixtures/mime/cpython_reference.py.
@Suite(.enabled(if: PythonReference.emailTestData != nil,
                "needs python3 with CPython's test.test_email package (its data/msg_*.txt mails)"))
struct CPythonCorpusTests {
    struct Reference: Decodable {
        var subject: String?
        var from: String?
        var attachments: [String]
        var error: String?
    }

    static func corpusFiles() throws -> [URL] {
        let dir = try #require(PythonReference.emailTestData)
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("msg_") && $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func everyMessageParses() throws {
        let files = try Self.corpusFiles()
        #expect(files.count >= 40, "CPython ships about 48 test mails; found \(files.count)")
        for file in files {
            let data = try Data(contentsOf: file)
            let parsed = MessageParser.parse(data)
            #expect(parsed.attachmentData.count == parsed.normalised.attachments.count, "\(file.lastPathComponent)")
            // The JSON form that `mailroom parse --json` prints must encode.
            _ = try JSONEncoder().encode(parsed.normalised)
        }
    }

    @Test func agreesWithCPythonOnSubjectSenderAndAttachmentNames() throws {
        let dir = try #require(PythonReference.emailTestData)
        let rate = try Self.compareWithCPython(dir: dir, pattern: "msg_*.txt")
        #expect(rate >= 0.97, "agreement \(rate) below 97 %")
    }

    /// Compares subject, first From address and attachment file names with CPython for every file in
    /// `dir` matching `pattern`; prints the disagreements and returns the share of agreeing answers.
    static func compareWithCPython(dir: URL, pattern: String) throws -> Double {
        let script = ParseFixtures.directory.appendingPathComponent("cpython_reference.py").path
        let run = try #require(PythonReference.run([script, dir.path, pattern]))
        try #require(run.status == 0, "cpython_reference.py failed")
        let reference = try JSONDecoder().decode([String: Reference].self, from: run.output)
        #expect(!reference.isEmpty)

        var agreements = 0
        var comparisons = 0
        var disagreements: [String] = []
        for (name, ref) in reference.sorted(by: { $0.key < $1.key }) {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let m = MessageParser.parse(data).normalised

            comparisons += 1
            if m.subject == ref.subject { agreements += 1 } else {
                disagreements.append("\(name) subject: mailroom \(String(reflecting: m.subject)) cpython \(String(reflecting: ref.subject))")
            }

            comparisons += 1
            let mine = m.from.first?.address
            let theirs = ref.from.map { $0 == "<>" ? "" : $0 }
            if mine == theirs || (mine == nil && theirs == "") { agreements += 1 } else {
                disagreements.append("\(name) from: mailroom \(String(reflecting: mine)) cpython \(String(reflecting: ref.from))")
            }

            comparisons += 1
            let names = m.attachments.filter { $0.origin != "tnef" }.compactMap(\.filename)
            if names == ref.attachments { agreements += 1 } else {
                disagreements.append("\(name) attachments: mailroom \(names) cpython \(ref.attachments)")
            }
        }
        let rate = Double(agreements) / Double(max(comparisons, 1))
        print("\(dir.lastPathComponent): \(agreements)/\(comparisons) answers agree with CPython (\(String(format: "%.1f", rate * 100)) %)")
        for d in disagreements { print("  disagree: \(d)") }
        return rate
    }
}

/// Any other directory of mails, on request:
///   MAILROOM_EXTRA_CORPUS=/path/to/mails swift test --filter ExtraCorpusComparison
/// prints where Mailroom and CPython disagree (no threshold: third-party corpora contain deliberately
/// broken mails on which CPython itself is wrong).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MAILROOM_EXTRA_CORPUS"] != nil && PythonReference.python != nil,
                "set MAILROOM_EXTRA_CORPUS to compare another corpus with CPython"))
struct ExtraCorpusComparison {
    @Test func compareExtraCorpus() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["MAILROOM_EXTRA_CORPUS"]!)
        let rate = try CPythonCorpusTests.compareWithCPython(dir: dir, pattern: "*")
        #expect(rate > 0)
    }
}
