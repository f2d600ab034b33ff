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
        // The figure reported is the one on another company's mail, not same-company cross-validation.
        let holdOut = try #require(json["leave_one_company_out"]?["companies"]?.objectValue, "\(result.stdout)")
        #expect(holdOut.count >= 5)
        let examples = holdOut.values.compactMap { $0["examples"]?.intValue }.reduce(0, +)
        let correct = holdOut.values.compactMap { $0["correct"]?.intValue }.reduce(0, +)
        #expect(examples > 0 && Double(correct) / Double(examples) >= 0.85, "\(correct)/\(examples)")
        #expect(json["cross_validated_accuracy"]?.doubleValue != nil)
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
            cacheDirectory: URL(fileURLWithPath: scratch.path("classifier-cache")),
            cues: KindCueSet(catalogue: try KindCatalogue.load(directory: URL(fileURLWithPath: rules + "/kinds"))))
        #expect(loaded.fromCache)

        let text = try await MailroomProcess.run(["train", "--rules", rules, "--cache", scratch.path("other-cache")],
                                                 in: scratch.root)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Leave-one-company-out accuracy (classifier alone; "))
        #expect(text.stdout.contains("5-fold cross-validated accuracy (classifier alone, all companies mixed): "))
        #expect(text.stdout.contains("quote_request"))

        let missing = try await MailroomProcess.run(["train", "--rules", scratch.path("nope")], in: scratch.root)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("mailroom: there is no examples folder at \(scratch.path("nope"))/examples"))
    }
}
