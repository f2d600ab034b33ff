import Foundation
@testable import Vocabulary
@testable import Parse

/// Where the parser fixtures live, and small helpers shared by the Parse tests.
enum ParseFixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mime", isDirectory: true)

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func parse(_ name: String) throws -> ParsedMessage {
        MessageParser.parse(try data(name))
    }

    /// Parses mail text written with "\n" line ends, sent as CRLF.
    static func parse(text: String) -> ParsedMessage {
        MessageParser.parse(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    /// expected.json written by make_fixtures.py: fixture name → expectations.
    nonisolated(unsafe) static let expectations: [String: [String: Any]] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("expected.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [:] }
        return object
    }()

    static var fixtureNames: [String] { expectations.keys.sorted() }

    /// Every .eml fixture in the folder.
    static var allMailFixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
    }
}

/// Runs python3 (CPython) for reference answers.
enum PythonReference {
    /// The python3 executable, or nil when there is none on PATH.
    static let python: String? = {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":").map { "\($0)/python3" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func run(_ arguments: [String]) -> (status: Int32, output: Data)? {
        guard let python else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// CPython's own email test messages (test/test_email/data), if this Python ships them.
    static let emailTestData: URL? = {
        guard let r = run(["-c", "import test.test_email, os; print(os.path.dirname(test.test_email.__file__))"]),
              r.status == 0 else { return nil }
        let path = String(decoding: r.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let data = URL(fileURLWithPath: path).appendingPathComponent("data", isDirectory: true)
        return FileManager.default.fileExists(atPath: data.path) ? data : nil
    }()
}
