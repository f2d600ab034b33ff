import Foundation
import Testing
import Patterns
@testable import Understand
@testable import Decide
@testable import Act
import MailroomTesting

/// `matches` runs in RE2: a catastrophic pattern simply finishes, a pattern RE2 cannot run is refused by
/// `rules check` with its line and column, and a pattern is only ever a literal of the rule file.
@Suite struct LinearPatternRuleTests {
    static let received = Date(timeIntervalSince1970: 1_790_000_000)

    func eval(_ text: String, subject: String, regexes: RegexCache = RegexCache()) throws -> RuleValue {
        let scope = EvaluationScope(names: ["subject": .string(subject), "sender": .string("(a|aa)*c")],
                                    now: Self.received, receivedAt: Self.received)
        return try ExpressionEvaluator(regexes: regexes).evaluate(try ExpressionParser.parse(text), in: scope)
    }

    @Test func aCatastrophicPatternOnSixtyLettersFinishes() throws {
        // A backtracking engine tries 2^30 ways to split 60 a's before saying no.
        let sixty = String(repeating: "a", count: 60)
        #expect(try eval("subject matches '(a|aa)*c'", subject: sixty) == .bool(false))
        #expect(try eval("subject matches '^(a|aa)*$'", subject: sixty) == .bool(true))
        #expect(try eval("subject matches '(a|aa)*c'", subject: sixty + "c") == .bool(true))
        let hostile = String(repeating: "A-", count: 40_000)
        #expect(try eval(#"subject matches '^(\p{Lu}[\p{L}\-]*)+!$'"#, subject: hostile) == .bool(false))
    }

    @Test func aPatternIsNeverMadeFromAValue() throws {
        #expect(throws: ExpressionError.self) { try eval("subject matches sender", subject: "aaaa") }
        let kinds = try KindCatalogue.load(directory: RuleFixtures.repositoryRoot.appendingPathComponent("rules/kinds"))
        let text = """
            rules:
              - name: dynamic
                when: "subject matches sender"
                actions: [{connector: erp, action: create_supplier_invoice, params: {invoice: x}}]

            """
        let dir = try RuleFixtures.write(["r.yaml": text])
        defer { StoreScratch.remove(dir) }
        let (_, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: ConnectorCatalogue(connectors: [RecordingConnector.erp()]))
        let problem = try #require(problems.first { $0.message.contains("must be written in quotes") }, "\(problems)")
        #expect(problem.line == 3 && problem.column == 28, "\(problem)")
    }

    @Test func aLookaheadIsRefusedWithLineAndColumn() throws {
        let kinds = try KindCatalogue.load(directory: RuleFixtures.repositoryRoot.appendingPathComponent("rules/kinds"))
        let text = """
            rules:
              - name: lookahead
                when: "kind == 'invoice' and subject matches 'Invoice(?!s)'"
                actions: [{connector: erp, action: create_supplier_invoice, params: {invoice: x}}]

            """
        let dir = try RuleFixtures.write(["r.yaml": text])
        defer { StoreScratch.remove(dir) }
        let (_, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: ConnectorCatalogue(connectors: [RecordingConnector.erp()]))
        let problem = try #require(problems.first { $0.message.contains("lookahead") }, "\(problems)")
        // Column of "(?!" inside the quotes: the pattern starts at column 51.
        #expect(problem.line == 3 && problem.column == 58, "\(problem)")
        #expect(problem.message.contains("match the following character instead"))
    }

    @Test func theCacheOfPatternsIsBounded() throws {
        let regexes = RegexCache()
        for i in 0..<(RegexCache.capacity + 50) {
            _ = try eval("subject matches 'n\(i)x'", subject: "n\(i)x", regexes: regexes)
        }
        #expect(regexes.count == RegexCache.capacity)
        #expect(try eval("subject matches 'n3x'", subject: "n3x", regexes: regexes) == .bool(true))
    }

    @Test func theShippedRuleFilesCompileUnderRE2() throws {
        let kinds = try KindCatalogue.load(directory: RuleFixtures.repositoryRoot.appendingPathComponent("rules/kinds"))
        let (_, problems) = RuleSet.load(directory: RuleFixtures.repositoryRoot.appendingPathComponent("rules"), kinds: kinds,
                                         connectors: ConnectorCatalogue(connectors: []))
        #expect(!problems.contains { $0.message.contains("pattern") || $0.message.contains("regular expression") }, "\(problems)")
    }
}
