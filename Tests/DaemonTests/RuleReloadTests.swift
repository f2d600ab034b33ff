import Foundation
import Logging
import Testing
@testable import Vocabulary
@testable import Store
@testable import Act
@testable import Daemon
import MailroomTesting

/// The rule-set version and the swap behind live reload, in process.
@Suite struct RuleReloadTests {
    static func rule(_ name: String) -> String {
        "rules:\n  - name: \(name)\n    when: kind == \"unknown\"\n    review: \"seen by \(name)\"\n"
    }

    func folders(_ scratch: IngestScratch) -> (rules: URL, connectors: URL) {
        (URL(fileURLWithPath: scratch.path("rules")), URL(fileURLWithPath: scratch.path("connectors")))
    }

    @Test func theVersionHashesWhatIsLoadedAndNothingElse() throws {
        let scratch = try IngestScratch("rule-version")
        defer { scratch.remove() }
        try scratch.write(Self.rule("alpha"), to: "rules/route.yaml")
        try scratch.write("kind: a\n", to: "rules/kinds/a.yaml")
        try scratch.write("sku,name\n", to: "rules/catalogue.csv")
        try scratch.write("type: file\ndirectory: ../archive\n", to: "connectors/archive.yaml")
        let (rules, connectors) = folders(scratch)
        let v1 = RuleSetVersion.onDisk(rulesDirectory: rules, connectorsDirectory: connectors)
        #expect(v1.sha256.count == 64 && v1.short == String(v1.sha256.prefix(12)))
        #expect(Set(v1.files.keys) == ["rules/route.yaml", "rules/kinds/a.yaml", "rules/catalogue.csv", "connectors/archive.yaml"])

        // Not part of it: examples (the classifier's own version), rule tests, documentation, hidden files.
        try scratch.write("From: a@b.example\n\nx\n", to: "rules/examples/a/1.eml")
        try scratch.write("expect: {}\n", to: "rules/tests/t.yaml")
        try scratch.write("# notes\n", to: "rules/README.md")
        try scratch.write("swap", to: "rules/.route.yaml.swp")
        try scratch.write("# notes\n", to: "connectors/README.md")
        #expect(RuleSetVersion.onDisk(rulesDirectory: rules, connectorsDirectory: connectors) == v1)

        // The same files elsewhere have the same version.
        let copy = try IngestScratch("rule-version-copy")
        defer { copy.remove() }
        try FileManager.default.removeItem(atPath: copy.root)
        try FileManager.default.copyItem(atPath: scratch.root, toPath: copy.root)
        let (rules2, connectors2) = folders(copy)
        #expect(RuleSetVersion.onDisk(rulesDirectory: rules2, connectorsDirectory: connectors2).sha256 == v1.sha256)

        // A changed byte in any loaded file, a new kind, a changed connector: another version, and which file.
        try scratch.write(Self.rule("alphb"), to: "rules/route.yaml")
        let v2 = RuleSetVersion.onDisk(rulesDirectory: rules, connectorsDirectory: connectors)
        #expect(v2.sha256 != v1.sha256)
        #expect(v2.differences(from: v1) == ["rules/route.yaml changed"])
        try scratch.write("kind: b\n", to: "rules/kinds/b.yaml")
        try FileManager.default.removeItem(atPath: scratch.path("rules/catalogue.csv"))
        try scratch.write("type: file\ndirectory: ../elsewhere\n", to: "connectors/archive.yaml")
        let v3 = RuleSetVersion.onDisk(rulesDirectory: rules, connectorsDirectory: connectors)
        #expect(v3.differences(from: v2) == ["connectors/archive.yaml changed", "rules/catalogue.csv removed", "rules/kinds/b.yaml added"])
        // A path and a content cannot be confused with another split of the same text.
        #expect(RuleSetVersion(files: ["a b": "c"]).sha256 != RuleSetVersion(files: ["a": "b c"]).sha256)
    }

    /// A stage that says which rules it was built from.
    struct NamingStage: PipelineStage {
        let names: [String]
        var name: String { "decide" }
        var input: MessageState { .understood }
        func process(_ message: StoredMessage) async throws -> StageOutcome {
            await Task.yield()
            return StageOutcome(next: .noAction, details: ["rules": .array(names.map { .string($0) })])
        }
    }

    func live(_ scratch: IngestScratch, store: MailStore) throws -> LiveRules {
        let (rules, connectors) = folders(scratch)
        let (environment, version) = try LiveRules.load(rulesDirectory: rules, connectorsDirectory: connectors, config: nil).get()
        return LiveRules(initial: environment, version: version, rulesDirectory: rules, connectorsDirectory: connectors,
                         config: nil, store: store, pid: 4242, logger: Logger(label: "test"),
                         build: { [.understood: NamingStage(names: $0.rules.rules.map(\.name))] })
    }

    static let message = StoredMessage(id: 1, contentSHA256: String(repeating: "0", count: 64), size: 1, state: .understood,
                                       source: "test", location: "1", receivedAt: Date(), updatedAt: Date())

    @Test func aBrokenFileKeepsTheOldSetAndAValidOneIsSwappedWhole() async throws {
        let scratch = try IngestScratch("rule-swap")
        defer { scratch.remove() }
        try scratch.write(Self.rule("alpha"), to: "rules/route.yaml")
        let store = try scratch.makeStore()
        let live = try live(scratch, store: store)
        live.recordStart()
        let first = live.current.version.sha256
        #expect(try store.ruleSetState()?.version == first)
        let stage = LiveRuleStage(name: "decide", input: .understood, live: live)

        // Broken: refused with file:line, nothing swapped, recorded and audited.
        try scratch.write("rules:\n  - name: broken\n    when: kind ==\n    review: x\n", to: "rules/route.yaml")
        guard case .refused(let error) = await live.reload(reason: "test") else { Issue.record("a broken file was loaded"); return }
        #expect(error.contains("route.yaml:3"), "\(error)")
        #expect(live.current.version.sha256 == first)
        let outcome = try await stage.process(Self.message)
        #expect(outcome.details["rules"] == .array(["alpha"]))
        #expect(outcome.details["rule_set_version"] == .string(first))
        let state = try #require(try store.ruleSetState())
        #expect(state.version == first && state.pid == 4242)
        #expect(state.error?.contains("route.yaml:3") == true)
        let failed = try store.auditEvents(matching: AuditFilter(eventType: "rules_reload_failed"))
        #expect(failed.count == 1 && failed.first?.detailsValue?["version_in_use"] == .string(first))

        // Valid: swapped, the error cleared, audited with both versions.
        try scratch.write(Self.rule("beta"), to: "rules/route.yaml")
        let second = RuleSetVersion.onDisk(rulesDirectory: folders(scratch).rules, connectorsDirectory: folders(scratch).connectors).sha256
        #expect(await live.reload(reason: "test") == .reloaded(from: first, to: second))
        #expect(try await stage.process(Self.message).details["rules"] == .array(["beta"]))
        let after = try #require(try store.ruleSetState())
        #expect(after.version == second && after.error == nil)
        let reloaded = try #require(try store.auditEvents(matching: AuditFilter(eventType: "rules_reloaded")).last?.detailsValue)
        #expect(reloaded["old_version"] == .string(first) && reloaded["new_version"] == .string(second))
        #expect(reloaded["changed_files"] == .array(["rules/route.yaml changed"]))
    }

    @Test func everyMessageIsHandledByOneSetWhileReloadsSwapItUnderneath() async throws {
        let scratch = try IngestScratch("rule-swap-race")
        defer { scratch.remove() }
        let (rules, connectors) = folders(scratch)
        try scratch.write(Self.rule("alpha"), to: "rules/route.yaml")
        let alpha = RuleSetVersion.onDisk(rulesDirectory: rules, connectorsDirectory: connectors).sha256
        let live = try live(scratch, store: try scratch.makeStore())
        try scratch.write(Self.rule("beta"), to: "rules/route.yaml")
        let beta = RuleSetVersion.onDisk(rulesDirectory: rules, connectorsDirectory: connectors).sha256
        let stage = LiveRuleStage(name: "decide", input: .understood, live: live)
        let expected: [String: JSONValue] = [alpha: .array(["alpha"]), beta: .array(["beta"])]
        let route = scratch.path("rules/route.yaml")

        let seen = try await withThrowingTaskGroup(of: [(JSONValue?, JSONValue?)].self) { group in
            group.addTask {
                for n in 0..<20 {
                    try Self.rule(n % 2 == 0 ? "beta" : "alpha").write(toFile: route, atomically: true, encoding: .utf8)
                    await live.reload(reason: "test")
                }
                return []
            }
            for _ in 0..<4 {
                group.addTask {
                    var out: [(JSONValue?, JSONValue?)] = []
                    for _ in 0..<200 {
                        let d = try await stage.process(Self.message).details
                        out.append((d["rule_set_version"], d["rules"]))
                    }
                    return out
                }
            }
            var all: [(JSONValue?, JSONValue?)] = []
            for try await part in group { all += part }
            return all
        }
        #expect(seen.count == 800)
        for (version, names) in seen {
            guard case .string(let v)? = version else { Issue.record("no rule_set_version"); continue }
            #expect(expected[v] == names, "decided by \(String(describing: names)) but named version \(v)")
        }
    }
}
