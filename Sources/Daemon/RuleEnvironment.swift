import Foundation
import Vocabulary
import Understand
import Decide
import Act

/// Everything a rule author edits, loaded and checked together: kinds (rules/kinds/), connectors
/// (connectors/*.yaml), rule files (rules/*.yaml) and the product catalogue (rules/catalogue.csv).
/// `problems` holds every mistake found in all of them, and the warnings (a connector whose secret is not
/// set, a catalogue that mixes currencies).
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
                            requireRules: Bool = true, config: MailroomConfig? = nil) -> RuleEnvironment {
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
                connectors = try ConnectorCatalogue.load(directory: connectorsDirectory, environment: environment, context: config.map(ConnectorContext.init))
                problems += connectors.warnings
            } catch {
                problems += error.problems
            }
        }
        var rules = RuleSet(rules: [], files: [])
        if requireRules || fm.fileExists(atPath: rulesDirectory.path) {
            let (loaded, ruleProblems) = RuleSet.load(directory: rulesDirectory, kinds: kinds, connectors: connectors.offers)
            rules = loaded
            problems += ruleProblems
        }
        // The catalogue quotes are priced from: a rule file like the others (its hash is in every decision).
        let catalogueURL = rulesDirectory.appendingPathComponent("catalogue.csv")
        if fm.fileExists(atPath: catalogueURL.path) {
            do throws(RuleFileProblems) {
                let catalogue = try ProductCatalogue.load(csv: catalogueURL)
                rules.catalogue = catalogue
                rules.files.append(RuleFileInfo(file: RuleSet.displayPath(catalogueURL), sha256: catalogue.sha256 ?? ""))
                problems += catalogue.warnings
            } catch {
                problems += error.problems
            }
        } else {
            for rule in rules.rules where rule.readsQuote {
                problems.append(RuleFileProblem(file: rule.file, line: rule.line, column: rule.column,
                                                message: "rule '\(rule.name)' reads `quote`, but there is no catalogue to price it: \(RuleSet.displayPath(catalogueURL)) is missing",
                                                suggestion: "add the catalogue (sku,name,aliases,unit,unit_price,currency)"))
            }
        }
        let (approvers, approverProblems) = ApproverDirectory.load(rulesDirectory: rulesDirectory)
        problems += approverProblems + (approvers?.check(rules: rules, connectors: connectors) ?? [])
        // A connector no rule names (nor the approval notices) is dead configuration: probably a rule is
        // missing or names it differently. A warning, not an error: it may be kept for a rule to come.
        if fm.fileExists(atPath: rulesDirectory.path) {
            let reached = Set(rules.rules.flatMap { $0.actions.map(\.connector) } + [approvers?.notifyVia].compactMap { $0 })
            for connector in connectors.connectors where !reached.contains(connector.name) {
                problems.append(RuleFileProblem(file: connectors.files[connector.name] ?? connectorsDirectory.lastPathComponent,
                                                line: 1, column: 1, severity: .warning,
                                                message: "no rule can reach the connector '\(connector.name)': no rule file names it",
                                                suggestion: "name it in a rule's `connector:`, or remove the file"))
            }
        }
        return RuleEnvironment(rules: rules, kinds: kinds, connectors: connectors, problems: problems, approvers: approvers)
    }

    public var decider: Decider { Decider(rules: rules, kinds: kinds) }
}

extension ConnectorContext {
    /// The parts of the daemon's configuration that connectors act on.
    public init(_ config: MailroomConfig) {
        self.init(maildirs: config.sources.maildir, imapAccounts: config.sources.imap, storePath: config.store.path)
    }
}
