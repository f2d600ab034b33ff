import Crypto
import Foundation
import Testing
@testable import Vocabulary
@testable import Parse

/// Deterministic pseudo-random numbers (SplitMix64), so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The parser never crashes, never hangs and keeps its invariants on broken and hostile input.
@Suite struct RobustnessTests {
    static func checkInvariants(_ parsed: ParsedMessage, _ what: String) {
        let m = parsed.normalised
        #expect(parsed.attachmentData.count == m.attachments.count, "\(what)")
        for (a, d) in zip(m.attachments, parsed.attachmentData) where a.size != d.count {
            Issue.record("\(what): attachment \(a.part) says \(a.size) bytes but has \(d.count)")
        }
        #expect(["plain", "html", "none"].contains(m.textSource), "\(what)")
    }

    static func timed(_ what: String, limit: Double, _ body: () -> ParsedMessage) -> ParsedMessage {
        let start = Date()
        let parsed = body()
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < limit, "\(what) took \(seconds) s")
        checkInvariants(parsed, what)
        return parsed
    }

    static func corpus() -> [(String, Data)] {
        var mails: [(String, Data)] = ParseFixtures.allMailFixtures.compactMap { name in
            (try? ParseFixtures.data(name)).map { (name, $0) }
        }
        if let dir = PythonReference.emailTestData,
           let files = try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil) {
            for f in files where f.lastPathComponent.hasPrefix("msg_") {
                if let d = try? Data(contentsOf: f) { mails.append((f.lastPathComponent, d)) }
            }
        }
        // More mails on request (MAILROOM_EXTRA_CORPUS=dir[:dir…]), e.g. third-party test corpora.
        for dir in (ProcessInfo.processInfo.environment["MAILROOM_EXTRA_CORPUS"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir))
            for f in (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [] {
                if let d = try? Data(contentsOf: f) { mails.append((f.lastPathComponent, d)) }
            }
        }
        return mails
    }

    @Test func truncationsAndBitFlipsNeverBreakTheParser() {
        var rng = SplitMix64(state: 0x4D41_494C_524F_4F4D)
        let mails = Self.corpus()
        #expect(mails.count >= 40)
        for (name, data) in mails where !data.isEmpty {
            let bytes = [UInt8](data)
            for _ in 0..<12 {
                let cut = Int.random(in: 0...bytes.count, using: &rng)
                Self.checkInvariants(MessageParser.parse(Data(bytes[0..<cut])), "\(name) cut at \(cut)")
            }
            for round in 0..<12 {
                var mutated = bytes
                let flips = Int.random(in: 1...max(1, bytes.count / 50), using: &rng)
                for _ in 0..<flips {
                    let at = Int.random(in: 0..<mutated.count, using: &rng)
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: mutated[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
                    case 1: mutated[at] = [0x00, 0x0A, 0x0D, 0x2D, 0x3D, 0x3F, 0x22, 0x28, 0x3C, 0x3B][Int.random(in: 0..<10, using: &rng)]
                    case 2: mutated[at] = UInt8.random(in: 0...255, using: &rng)
                    default: mutated.insert(contentsOf: Array("\r\n--".utf8), at: at)
                    }
                }
                Self.checkInvariants(MessageParser.parse(Data(mutated)), "\(name) mutation \(round)")
            }
        }
    }

    @Test func emptyAndDegenerateInputs() {
        for input in ["", "\n", "\r\n\r\n\r\n", ":", "From ", "From: \n", "\0\0\0\0", "Content-Type: multipart/mixed\n\n",
                      "Content-Type: multipart/mixed; boundary=\n\n--\n--\n", "Content-Type: message/rfc822\n\n",
                      "Subject: =?utf-8?B??=\n\n", "Subject: =?", "Subject: =?utf-8?q?unterminated\n\nx",
                      "Content-Type: multipart/mixed; boundary=a\n\n--a--\n", "Content-Transfer-Encoding: base64\n\n====\n"] {
            let parsed = MessageParser.parse(Data(input.utf8))
            Self.checkInvariants(parsed, input.debugDescription)
        }
        let empty = MessageParser.parse(Data()).normalised
        #expect(empty.warnings.contains { $0.contains("empty") })
        #expect(empty.textSource == "none")
    }

    @Test func deeplyNestedMultipartsAreCutOffWithAWarning() {
        var mail = "From: a@example.com\r\nSubject: deep\r\n"
        let depth = 3_000
        for i in 0..<depth { mail += "Content-Type: multipart/mixed; boundary=b\(i)\r\n\r\n--b\(i)\r\n" }
        mail += "Content-Type: text/plain\r\n\r\nbottom\r\n"
        let parsed = Self.timed("3000 nested multiparts", limit: 20) { MessageParser.parse(Data(mail.utf8)) }
        #expect(parsed.normalised.subject == "deep")
        #expect(parsed.normalised.warnings.contains { $0.contains("nested deeper") || $0.contains("read as single parts") })
    }

    @Test func deeplyNestedAttachedMessagesAreCutOffWithAWarning() {
        // Inside a multipart, so that libetpan sees (and would recurse through) all of them.
        var mail = "From: a@example.com\r\nSubject: outer\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
        for _ in 0..<30_000 { mail += "Content-Type: message/rfc822\r\n\r\n" }
        mail += "Subject: bottom\r\n\r\nbody\r\n--m--\r\n"
        let parsed = Self.timed("30000 nested messages", limit: 20) { MessageParser.parse(Data(mail.utf8)) }
        #expect(parsed.normalised.subject == "outer")
        #expect(parsed.normalised.warnings.contains { $0.contains("deeper than \(MessageBudget.standard.nestingDepth)") })
        var level = parsed.normalised
        var levels = 0
        while let inner = level.attachedMessages.first { level = inner; levels += 1 }
        #expect(levels == MessageBudget.standard.nestingDepth)
        #expect(parsed.normalised.attachments.first?.part == "1")
        #expect(parsed.normalised.attachments.dropFirst().first?.part == "1.1")
    }

    @Test func deeplyNestedCommentsDoNotOverflowTheStack() {
        // libetpan parses part headers (and attached messages' headers) with a recursive comment parser;
        // without the guard, this crashes it (measured: 10⁶ levels overflow an 8 MB stack).
        let parens = String(repeating: "(", count: 1_000_000) + String(repeating: ")", count: 1_000_000)
        let mail = "From: a@example.com\r\nSubject: comments\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
            + "--x\r\nContent-Type: text/plain \(parens)\r\n\r\nhello\r\n"
            + "--x\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.com\r\n\r\ninner\r\n--x--\r\n"
        let parsed = Self.timed("10⁶ nested comment parentheses", limit: 30) { MessageParser.parse(Data(mail.utf8)) }
        #expect(parsed.normalised.subject == "comments")
        #expect(parsed.normalised.attachedMessages.count == 1)
    }

    @Test func quotedQuoteBoundaryDoesNotReachLibetpan() {
        // libetpan 1.9.4 overruns a heap buffer on boundary="\"" (fixed upstream later).
        let mail = "Subject: q\r\nContent-Type: multipart/mixed; boundary=\"\\\"\"\r\n\r\n--\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--\"--\r\n"
            + "--a\r\nContent-Type: multipart/mixed; boundary=\"\\\"\"\r\n\r\n"
        let parsed = Self.timed("boundary=\"\\\"\"", limit: 5) { MessageParser.parse(Data(mail.utf8)) }
        #expect(parsed.normalised.subject == "q")
        let nested = "Subject: n\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n--outer\r\n"
            + "Content-Type: multipart/mixed; boundary=\"\\\"\"\r\n\r\n--\"\r\n\r\nx\r\n--outer--\r\n"
        Self.checkInvariants(MessageParser.parse(Data(nested.utf8)), "nested quote boundary")
    }

    @Test func manySiblingContainersStillParse() {
        var mail = "Subject: wide\r\nContent-Type: multipart/mixed; boundary=top\r\n\r\n"
        for i in 0..<600 {
            mail += "--top\r\nContent-Type: multipart/alternative; boundary=in\(i)\r\n\r\n--in\(i)\r\nContent-Type: application/pdf; name=f\(i).pdf\r\n\r\n%PDF-1.4\r\n--in\(i)--\r\n"
        }
        mail += "--top--\r\n"
        let wide = MessageBudgetMeter(MessageBudget(attachments: 1_000))
        let parsed = Self.timed("600 sibling multiparts", limit: 20) { MessageParser.parse(Data(mail.utf8), meter: wide) }
        #expect(parsed.normalised.overBudget.isEmpty)
        #expect(parsed.normalised.attachments.count == 600)
        #expect(parsed.normalised.attachments.last?.filename == "f599.pdf")
        #expect(parsed.normalised.attachments.last?.part == "600.1")
        // Within the standard budget: the first 500, the rest counted.
        let standard = MessageParser.parse(Data(mail.utf8)).normalised
        #expect(standard.attachments.count == 500)
        #expect(standard.overBudget == ["over budget: 600 attachments, limit 500 — the first 500 were read"])
    }

    @Test func hugeLinesAndHugeHeaders() {
        let longLine = String(repeating: "a", count: 2_000_000)
        let mail1 = "Subject: \(longLine)\r\nFrom: x@example.com\r\n\r\n\(longLine)"
        let roomy = MessageBudget(headerBytes: 8 << 20, headerCount: 100_000)
        let p1 = Self.timed("2 MB header line", limit: 20) { MessageParser.parse(Data(mail1.utf8), meter: MessageBudgetMeter(roomy)) }
        #expect(p1.normalised.subject?.utf8.count == 2_000_000)
        // Within the standard budget the field is cut at the header block's limit, and that is said.
        let cut = MessageParser.parse(Data(mail1.utf8)).normalised
        #expect(cut.subject.map { $0.utf8.count < 512 << 10 && $0.hasPrefix("aaaa") } == true)
        #expect(cut.overBudget == ["over budget: a header block of more than 512 KiB, limit 512 KiB — the first 1 header fields were read, the last of them cut"])
        var mail2 = "From: x@example.com\r\n"
        for i in 0..<50_000 { mail2 += "X-Header-\(i): value \(i)\r\n" }
        mail2 += "\r\nbody"
        let p2 = Self.timed("50,000 header fields", limit: 20) { MessageParser.parse(Data(mail2.utf8), meter: MessageBudgetMeter(roomy)) }
        #expect(p2.normalised.headers.count == 50_001)
        #expect(p2.normalised.text == "body")
    }

    @Test func headersFullOfAlmostEncodedWordsStayLinear() {
        let noise = String(repeating: "=?a?q?x ", count: 100_000)
        let mail = "Subject: \(noise)\r\nFrom: \(noise) <a@example.com>\r\nContent-Type: text/plain; name=\"\(noise)\"\r\n\r\nbody"
        let roomy = MessageBudgetMeter(MessageBudget(headerBytes: 8 << 20))
        let parsed = Self.timed("0.8 MB of unterminated encoded words", limit: 15) { MessageParser.parse(Data(mail.utf8), meter: roomy) }
        #expect(parsed.normalised.subject?.hasPrefix("=?a?q?x =?a?q?x") == true)
    }

    @Test func randomBytesParse() {
        var rng = SplitMix64(state: 42)
        for size in [1, 7, 100, 4096, 1 << 18] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            Self.checkInvariants(MessageParser.parse(Data(bytes)), "\(size) random bytes")
        }
    }

    @Test func parsingFromManyThreadsAtOnce() async throws {
        let mails = Self.corpus().map(\.1)
        let expected = mails.map { MessageParser.parse($0).normalised }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for round in 0..<8 {
                group.addTask {
                    for (k, mail) in mails.enumerated() where (k + round) % 2 == 0 {
                        if MessageParser.parse(mail).normalised != expected[k] { return false }
                    }
                    return true
                }
            }
            for try await same in group { #expect(same) }
        }
    }
}
