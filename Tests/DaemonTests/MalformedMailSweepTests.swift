import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand
import MailroomTesting

/// Issue 14: public malformed-mail corpora from Debian packages through parse and classify — enmime's test data
/// (Debian's golang-github-jhillyerd-enmime-dev: its `low-quality` mails are broken on purpose) and CPython's email
/// test messages (libpython3.11-testsuite). Every mail is read and understood with the shipped kinds without a
/// crash and within its budget; every oddity that changes what is read is a warning.
@Suite struct MalformedMailSweepTests {
    static let enmime = "/usr/share/gocode/src/github.com/jhillyerd/enmime/testdata"
    static let cpython = "/usr/lib/python3.11/test/test_email/data"

    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".raw") || $0.hasPrefix("msg_") }
            .sorted().map { root + "/" + $0 }
    }

    @Test func everyThirdPartyMailIsReadAndUnderstood() throws {
        let files = Self.files(under: Self.enmime) + Self.files(under: Self.cpython)
        try #require(files.count >= 100, "install the corpora: bash deploy/install-deps.sh (enmime and CPython's test data)")
        let kinds = try KindCatalogue.load(directory: Repository.root.appendingPathComponent("rules/kinds"))
        let understander = Understander(catalogue: kinds, classifier: nil)
        var kindsSeen: [String: Int] = [:]
        for path in files {
            let raw = try Data(contentsOf: URL(fileURLWithPath: path))
            let content = MessageContent.read(raw: raw)
            #expect(content.message.overBudget.isEmpty, "\(path): \(content.message.overBudget)")
            let understanding = understander.understandNow(content)
            kindsSeen[understanding.kind, default: 0] += 1
            #expect(!understanding.kind.isEmpty, "\(path)")
        }
        #expect(kindsSeen.values.reduce(0, +) == files.count)
    }

    /// enmime's broken-on-purpose mails: each damage that changes what is read is named in a warning.
    @Test func enmimesLowQualityMailsEachCarryTheirWarning() throws {
        let expected: [String: String] = [
            "bad-final-boundary.raw": "split at its boundary lines",
            "bad-header-start.raw": "starts with a continuation line",
            "bad-header-wrap.raw": "not base64",
            "malformed-base64-attach.raw": "not base64",
            "unk-encoding-part.raw": "unknown transfer encoding \"base9000\"",
            "unk-charset-part.raw": "declares charset \"fakescii\"",
        ]
        for (file, phrase) in expected {
            let path = Self.enmime + "/low-quality/" + file
            guard let raw = FileManager.default.contents(atPath: path) else {
                Issue.record("\(path) is missing: bash deploy/install-deps.sh installs enmime's test data")
                continue
            }
            let warnings = MessageContent.read(raw: raw).message.warnings
            #expect(warnings.contains { $0.contains(phrase) }, "\(file): \(warnings)")
        }
    }
}
