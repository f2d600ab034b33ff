import Foundation
import Testing
@testable import Vocabulary
@testable import Understand
import MailroomTesting

@Suite struct TrainCommandTests {
    @Test func trainPrintsCountsAndCrossValidatedAccuracyAndWritesTheCache() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("cli-train")
        defer { scratch.remove() }
        let rules = MailroomProcess.root.appendingPathComponent("rules").path

        let result = try await MailroomProcess.run(["train", "--rules", rules, "--json"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONValue.parse(Data(result.stdout.utf8))
        let accuracy = try #require(json["cross_validated_accuracy"]?.doubleValue)
        #expect(accuracy >= 0.9)
        guard case .object(let perKind)? = json["per_kind"] else { Issue.record("no per_kind: \(result.stdout)"); return }
        #expect(Set(perKind.keys) == ["quote_request", "support_ticket", "approval", "invoice", "purchase_order",
                                      "auto_reply", "other"])
        for (kind, line) in perKind {
            #expect((line["examples"]?.intValue ?? 0) >= 12, "\(kind)")
        }
        // The model is cached beside the (embedded default) store, and the daemon's loader finds it.
        let cacheFile = try #require(json["cache_file"]?.stringValue)
        #expect(cacheFile.hasPrefix(scratch.path("classifier-cache/classifier-")))
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        let loaded = try ExampleLibrary.classifierWithOrigin(
            examplesDirectory: URL(fileURLWithPath: rules + "/examples"),
            cacheDirectory: URL(fileURLWithPath: scratch.path("classifier-cache")))
        #expect(loaded.fromCache)

        let text = try await MailroomProcess.run(["train", "--rules", rules, "--cache", scratch.path("other-cache")],
                                                 in: scratch.root)
        #expect(text.status == 0)
        #expect(text.stdout.contains("5-fold cross-validated accuracy (classifier alone): "))
        #expect(text.stdout.contains("quote_request"))

        let missing = try await MailroomProcess.run(["train", "--rules", scratch.path("nope")], in: scratch.root)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("mailroom: there is no examples folder at \(scratch.path("nope"))/examples"))
    }
}
