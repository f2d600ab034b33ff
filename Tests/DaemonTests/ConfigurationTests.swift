import Foundation
import Testing
@testable import Vocabulary
@testable import Daemon
import Ingest
import Understand
import Act
import MailroomTesting

@Suite struct ConfigurationTests {
    @Test func embeddedDefaultServesTheDemoFromTheWorkingDirectory() throws {
        let config = try MailroomConfig.load(explicitPath: nil, environment: [:], workingDirectory: "/srv/demo",
                                             systemPath: "/nonexistent/mailroom.yaml")
        #expect(config.file == nil)
        #expect(config.store.path == "/srv/demo/mailroom.sqlite")
        #expect(config.spool.path == "/srv/demo/spool")
        #expect(config.sources.maildir.map(\.path) == ["/srv/demo/Maildir"])
        #expect(config.sources.maildir.first?.onStored == .moveToCur)
        #expect(config.sources.maildir.first?.includeCur == false)
        #expect(config.sources.drop.isEmpty)
    }

    @Test func relativePathsResolveAgainstTheConfigFilesFolder() throws {
        let scratch = try IngestScratch("config")
        defer { scratch.remove() }
        try scratch.write("""
            store:
              path: data/mailroom.sqlite
            spool:
              path: /var/spool/mailroom
            sources:
              maildir:
                - name: inbox
                  path: mail/inbox
                  poll_seconds: 7
                  on_stored: leave
                  include_cur: true
              drop:
                - name: scans
                  path: drop
                  settle_seconds: 0.5
                  address: scanner@example.com
            log:
              level: debug
            pipeline:
              workers: 3
            """, to: "etc/mailroom.yaml")
        let file = scratch.path("etc/mailroom.yaml")
        let config = try MailroomConfig.load(explicitPath: file, environment: [:], workingDirectory: "/")
        #expect(config.file == file)
        #expect(config.store.path == scratch.path("etc/data/mailroom.sqlite"))
        #expect(config.spool.path == "/var/spool/mailroom")
        let inbox = try #require(config.sources.maildir.first)
        #expect(inbox.path == scratch.path("etc/mail/inbox"))
        #expect(inbox.pollSeconds == 7)
        #expect(inbox.onStored == .leave)
        #expect(inbox.includeCur)
        let scans = try #require(config.sources.drop.first)
        #expect(scans.path == scratch.path("etc/drop"))
        #expect(scans.settleSeconds == 0.5)
        #expect(scans.pollSeconds == 5)
        #expect(scans.address == "scanner@example.com")
        #expect(config.log.loggerLevel == .debug)
        #expect(config.pipeline.workers == 3)
        #expect(config.sourceNames == ["maildir:inbox", "drop:scans"])
    }

    @Test func environmentVariableNamesTheFileWhenNoOptionIsGiven() throws {
        let scratch = try IngestScratch("config-env")
        defer { scratch.remove() }
        try scratch.write("store:\n  path: from-env.sqlite\n", to: "env.yaml")
        let config = try MailroomConfig.load(explicitPath: nil, environment: ["MAILROOM_CONFIG": scratch.path("env.yaml")],
                                             workingDirectory: "/", systemPath: "/nonexistent")
        #expect(config.store.path == scratch.path("from-env.sqlite"))
        #expect(config.sources.maildir.isEmpty)
    }

    @Test func theShippedExampleConfigurationLoads() throws {
        let example = Repository.root.appendingPathComponent("deploy/mailroom.example.yaml")
        let config = try MailroomConfig.load(file: example.path)
        #expect(config.sources.maildir.count == 1)
        #expect(config.sources.drop.first?.settleSeconds == 2)
        #expect(config.audit.checkpointMinutes == 10)
        #expect(config.audit.checkpoints == "/var/lib/mailroom/audit-checkpoints")
        #expect(config.auditAnchor.keyPath == "/var/lib/mailroom/audit-signing-key")
        #expect(config.web?.listen == MailroomConfig.ListenAddress(host: "127.0.0.1", port: 8025))
        #expect(config.web?.sessionHours == 8)
        #expect(config.metrics?.listen == MailroomConfig.ListenAddress(host: "127.0.0.1", port: 9325))
    }

    /// The example explains every key the configuration takes (as a setting or in a comment), so a key added to
    /// the code without a word in the example fails here.
    @Test func theShippedExampleConfigurationMentionsEveryKey() throws {
        let example = try String(contentsOf: Repository.root.appendingPathComponent("deploy/mailroom.example.yaml"), encoding: .utf8)
        func keys<K: CodingKey & CaseIterable>(_ section: String, _: K.Type) -> [(String, String)] {
            K.allCases.map { (section, $0.stringValue) }
        }
        let all = keys("top level", MailroomConfig.CodingKeys.self)
            + keys("store", MailroomConfig.StoreSettings.CodingKeys.self)
            + keys("spool", MailroomConfig.SpoolSettings.CodingKeys.self)
            + keys("sources", MailroomConfig.SourceSettings.CodingKeys.self)
            + keys("sources.maildir", MaildirSourceSettings.CodingKeys.self)
            + keys("sources.drop", DropFolderSettings.CodingKeys.self)
            + keys("sources.imap", IMAPAccountSettings.CodingKeys.self)
            + keys("sources.imap.on_stored", IMAPAccountSettings.OnStored.CodingKeys.self)
            + keys("sources.imap.xoauth2", IMAPAccountSettings.XOAuth2.CodingKeys.self)
            + keys("pipeline", MailroomConfig.PipelineSettings.CodingKeys.self)
            + keys("message_budget", MessageBudget.CodingKeys.self)
            + keys("rules", RulesSettings.CodingKeys.self)
            + keys("log", MailroomConfig.LogSettings.CodingKeys.self)
            + keys("audit", MailroomConfig.AuditSettings.CodingKeys.self)
            + keys("gateway", GatewaySettings.CodingKeys.self)
            + keys("gateway.providers", ProviderSettings.CodingKeys.self)
            + keys("gateway.budget", BudgetSettings.CodingKeys.self)
            + keys("web", MailroomConfig.WebSettings.CodingKeys.self)
            + keys("metrics", MailroomConfig.MetricsSettings.CodingKeys.self)
        let missing = all.filter { _, key in
            example.range(of: "(^|[^a-z_])\(key):", options: .regularExpression) == nil
        }
        #expect(missing.isEmpty, "deploy/mailroom.example.yaml says nothing of: \(missing.map { "\($0.0).\($0.1)" })")
    }

    @Test func auditCheckpointSettingsDefaultBesideTheStoreAndRefuseNonsense() throws {
        let config = try MailroomConfig.parse(yaml: "store:\n  path: state/m.sqlite\n", file: "/etc/mailroom/mailroom.yaml",
                                              baseDirectory: "/etc/mailroom")
        #expect(config.audit.checkpointMinutes == 10)
        #expect(config.auditAnchor.folder == "/etc/mailroom/state/audit-checkpoints")
        #expect(config.auditAnchor.keyPath == "/etc/mailroom/state/audit-signing-key")
        let relative = try MailroomConfig.parse(yaml: "audit:\n  checkpoints: anchors\n", file: "/etc/mailroom/mailroom.yaml",
                                                baseDirectory: "/etc/mailroom")
        #expect(relative.auditAnchor.folder == "/etc/mailroom/anchors")
        #expect(error("audit:\n  checkpoint_minutes: -1\n")?.message.contains("between 0") == true)
        #expect(error("audit:\n  checkpoint_minute: 5\n")?.message.contains("did you mean 'checkpoint_minutes'") == true)
    }

    private func error(_ yaml: String) -> ConfigError? {
        do {
            _ = try MailroomConfig.parse(yaml: yaml, file: "/etc/mailroom/mailroom.yaml", baseDirectory: "/etc/mailroom")
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func unknownKeyNamesFileLineColumnAndSuggestsTheKeyMeant() throws {
        let e = try #require(error("""
            store:
              path: x.sqlite
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  pol_seconds: 10
            """))
        #expect(e.line == 7)
        #expect(e.column == 7)
        #expect(e.keyPath == "sources.maildir[0]")
        #expect(e.description == "/etc/mailroom/mailroom.yaml:7:7: sources.maildir[0]: unknown key 'pol_seconds'; did you mean 'poll_seconds'?")
    }

    @Test func theMessageBudgetHasDefaultsAndTakesEachLimit() throws {
        let plain = try MailroomConfig.parse(yaml: "", file: "/x/m.yaml", baseDirectory: "/x")
        #expect(plain.messageBudget == .standard)
        let config = try MailroomConfig.parse(yaml: """
            message_budget:
              raw_bytes: 1000000
              attachments: 50
              nesting_depth: 3
              seconds: 30
            """, file: "/x/m.yaml", baseDirectory: "/x")
        #expect(config.messageBudget.rawBytes == 1_000_000)
        #expect(config.messageBudget.attachments == 50)
        #expect(config.messageBudget.nestingDepth == 3)
        #expect(config.messageBudget.seconds == 30)
        #expect(config.messageBudget.htmlBytes == MessageBudget.standard.htmlBytes)
        let typo = try #require(error("message_budget:\n  attachment: 5\n"))
        #expect(typo.message.contains("did you mean 'attachments'?"))
        let zero = try #require(error("message_budget:\n  parts: 0\n"))
        #expect(zero.message.contains("must be 1 or more"))
    }

    @Test func unknownTopLevelKeyListsTheAllowedOnesWhenNothingIsClose() throws {
        let e = try #require(error("store:\n  path: a\nwhatever: 1\n"))
        #expect(e.line == 3)
        #expect(e.column == 1)
        #expect(e.message.contains("unknown key 'whatever'"))
        #expect(e.message.contains("allowed here: store, spool, sources, log, pipeline"))
    }

    @Test func camelCaseAndDashedKeysPointToTheSnakeCaseOne() throws {
        let e = try #require(error("sources:\n  drop:\n    - name: s\n      path: d\n      settleSeconds: 3\n"))
        #expect(e.message.contains("did you mean 'settle_seconds'?"))
    }

    @Test func typeErrorNamesThePlaceAndWhatWasFound() throws {
        let e = try #require(error("""
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  poll_seconds: often
            """))
        #expect(e.line == 5)
        #expect(e.column == 21)
        #expect(e.keyPath == "sources.maildir[0].poll_seconds")
        #expect(e.message == "must be a number, found 'often'")
    }

    @Test func aListWhereAMappingBelongsIsReported() throws {
        let e = try #require(error("store:\n  - a\n  - b\n"))
        #expect(e.line == 2)
        #expect(e.keyPath == "store")
        #expect(e.message.contains("mapping"))
    }

    @Test func badEnumValueListsTheChoices() throws {
        let e = try #require(error("sources:\n  maildir:\n    - name: a\n      path: b\n      on_stored: delete\n"))
        #expect(e.line == 5)
        #expect(e.column == 18)
        #expect(e.message == "'delete' is not one of: move_to_cur, leave")
    }

    @Test func missingRequiredKeyPointsAtTheEntry() throws {
        let e = try #require(error("sources:\n  maildir:\n    - path: Maildir\n"))
        #expect(e.line == 3)
        #expect(e.keyPath == "sources.maildir[0]")
        #expect(e.message.contains("'name' is missing"))
    }

    @Test func badLogLevelSuggestsTheClosest() throws {
        let e = try #require(error("log:\n  level: warn\n"))
        #expect(e.line == 2)
        #expect(e.message.contains("did you mean 'warning'?"))
    }

    @Test func workersOutOfRangeAndDuplicateSourceNamesAreRefused() throws {
        let workers = try #require(error("pipeline:\n  workers: 0\n"))
        #expect(workers.line == 2)
        #expect(workers.message.contains("between 1 and 64"))
        let duplicate = try #require(error("sources:\n  maildir:\n    - name: a\n      path: x\n    - name: a\n      path: y\n"))
        #expect(duplicate.line == 5)
        #expect(duplicate.message.contains("names must be unique"))
    }

    @Test func yamlSyntaxErrorsCarryTheirPlace() throws {
        let e = try #require(error("store:\n  path: [unclosed\n"))
        #expect(e.line != nil)
        #expect(e.message.hasPrefix("this is not valid YAML"))
        #expect(e.description.hasPrefix("/etc/mailroom/mailroom.yaml:"))
    }

    @Test func unreadableFileIsAnErrorNamingIt() {
        #expect(throws: ConfigError.self) { try MailroomConfig.load(file: "/nonexistent/mailroom.yaml") }
    }

    @Test func emptyFileMeansDefaultsWithoutSources() throws {
        let config = try MailroomConfig.parse(yaml: "", file: "/x/m.yaml", baseDirectory: "/x")
        #expect(config.store.path == "/x/mailroom.sqlite")
        #expect(config.sourceNames.isEmpty)
    }

    @Test func editDistanceCountsSwapsAsOne() {
        #expect(Suggestion.editDistance("plol", "poll") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "wrokers", among: ["workers"]) == "workers")
        #expect(Suggestion.closest(to: "zzz", among: ["workers"]) == nil)
    }
}
