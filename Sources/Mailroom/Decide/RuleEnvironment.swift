import Foundation

/// Everything a rule author edits, loaded and checked together: kinds (rules/kinds/), connectors
/// (connectors/*.yaml) and rule files (rules/*.yaml). `problems` holds every mistake found in all of them.
public struct RuleEnvironment: Sendable {
    public var rules: RuleSet
    public var kinds: KindCatalogue?
    public var connectors: ConnectorCatalogue
    public var problems: [RuleFileProblem]
    /// rules/approvers.yaml: who may approve for each role (nil when there is no such file).
    public var approvers: ApproverDirectory? = nil

    public var errors: [RuleFileProblem] { problems.filter { $0.severity == .error } }

    public static func load(rulesDirectory: URL, connectorsDirectory: URL,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            requireRules: Bool = true) -> RuleEnvironment {
        var problems: [RuleFileProblem] = []
        let fm = FileManager.default
        var kinds: KindCatalogue?
        let kindsDirectory = rulesDirectory.appendingPathComponent("kinds")
        // Without a kinds folder, field names cannot be checked and the built-in business kinds apply.
        if fm.fileExists(atPath: kindsDirectory.path) {
            do throws(RuleFileProblems) {
                kinds = try KindCatalogue.load(directory: kindsDirectory)
            } catch {
                problems += error.problems
            }
        }
        var connectors = ConnectorCatalogue(connectors: [])
        if fm.fileExists(atPath: connectorsDirectory.path) {
            do throws(RuleFileProblems) {
                connectors = try ConnectorCatalogue.load(directory: connectorsDirectory, environment: environment)
            } catch {
                problems += error.problems
            }
        }
        var rules = RuleSet(rules: [], files: [])
        if requireRules || fm.fileExists(atPath: rulesDirectory.path) {
            let (loaded, ruleProblems) = RuleSet.load(directory: rulesDirectory, kinds: kinds, connectors: connectors)
            rules = loaded
            problems += ruleProblems
        }
        let (approvers, approverProblems) = ApproverDirectory.load(rulesDirectory: rulesDirectory)
        problems += approverProblems + (approvers?.check(rules: rules, connectors: connectors) ?? [])
        return RuleEnvironment(rules: rules, kinds: kinds, connectors: connectors, problems: problems, approvers: approvers)
    }

    public var decider: Decider { Decider(rules: rules, kinds: kinds) }
}
