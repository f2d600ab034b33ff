import Foundation
import Testing
import MailroomTesting

/// `make bench` is long and is not part of `make test`; this runs its scripts with tiny counts (`--quick`) on the
/// debug build so they do not rot. Only that every row is produced and measured is asserted, never a figure.
@Suite("benchmark suite: every row is produced", .serialized)
struct BenchSuiteTests {
    @Test func theQuickRunProducesEveryRow() throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-bench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("RESULTS.md").path
        let run = ServerScript.run("bench.sh", ["--quick", "--json", "--out", out],
                                   environment: ["MAILROOM": MailroomProcess.binary], timeoutSeconds: 600)
        #expect(run.status == 0, "\(run.both)")
        let json = try #require(run.output.split(separator: "\n").last.map { Data($0.utf8) })
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any], "\(run.both)")
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["row"] as? Int } == [1, 2, 3, 4, 5])
        for row in rows {
            #expect(row["error"] == nil, "row \(row["row"] ?? "?"): \(row["error"] ?? "")")
            #expect((row["figure"] as? String)?.isEmpty == false, "row \(row["row"] ?? "?") has no figure")
            #expect((row["command"] as? String)?.isEmpty == false)
        }
        let machine = try #require(report["machine"] as? [String: Any])
        for key in ["date", "cpu", "cores", "ram_gb", "commit"] { #expect(machine[key] != nil, "machine \(key)") }
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        for number in 1...5 { #expect(markdown.contains("\n| \(number) | "), "row \(number) in RESULTS.md") }
        #expect(markdown.contains("--quick run"))
    }
}
