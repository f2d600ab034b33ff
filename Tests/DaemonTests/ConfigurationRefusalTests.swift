import Foundation
import Testing
@testable import Vocabulary
@testable import Daemon
import MailroomTesting

/// A daemon refuses to start on configuration that would make it work silently wrong, naming the file, line and
/// column of the value; nothing is created before it refuses.
@Suite struct ConfigurationRefusalTests {
    /// The configuration file's first lines; a test appends its sources/rules (line 5 on).
    static let head = """
        store:
          path: state/mailroom.sqlite
        spool:
          path: state/spool

        """

    func refusal(_ label: String, config: String, prepare: (IngestScratch) throws -> Void = { _ in })
        async throws -> (status: Int32, stderr: String, scratch: IngestScratch) {
        let scratch = try IngestScratch(label)
        try prepare(scratch)
        try scratch.write(Self.head + config, to: "mailroom.yaml")
        let run = try await MailroomProcess.run(["run", "--once", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                                timeout: .seconds(120))
        return (run.status, run.stderr, scratch)
    }

    @Test func aMaildirThatDoesNotExistIsRefusedWithItsLineAndColumn() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let r = try await refusal("refuse-maildir", config: """
            sources:
              maildir:
                - name: inbox
                  path: Mialdir
            """) { try $0.makeMaildir() }
        defer { r.scratch.remove() }
        #expect(r.status != 0)
        #expect(r.stderr.contains("mailroom.yaml:8:13: sources.maildir[0].path: the Maildir \(r.scratch.path("Mialdir")) does not exist"),
                "\(r.stderr)")
        #expect(r.stderr.contains("create: true"))
        #expect(!r.scratch.exists("Mialdir"), "a mistyped Maildir is not created")
        #expect(!r.scratch.exists("state/mailroom.sqlite"), "nothing is created before the refusal")
    }

    @Test func withCreateTrueTheMaildirIsCreated() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let r = try await refusal("create-maildir", config: """
            sources:
              maildir:
                - name: inbox
                  path: Fresh
                  create: true
              drop:
                - name: scans
                  path: scans
                  create: true
            """)
        defer { r.scratch.remove() }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.scratch.exists("Fresh/new") && r.scratch.exists("scans"))
    }

    @Test func aDropFolderThatDoesNotExistIsRefusedWithItsLineAndColumn() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let r = try await refusal("refuse-drop", config: """
            sources:
              drop:
                - name: scans
                  path: scnas
            """)
        defer { r.scratch.remove() }
        #expect(r.status != 0)
        #expect(r.stderr.contains("mailroom.yaml:8:13: sources.drop[0].path: the drop folder \(r.scratch.path("scnas")) does not exist"),
                "\(r.stderr)")
        #expect(!r.scratch.exists("scnas"))
    }

    @Test func aRulesPathWithoutKindsIsRefusedWithItsLineAndColumn() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        for (label, prepare) in [("missing", { (_: IngestScratch) in }),
                                 ("no-kinds", { (s: IngestScratch) in try s.write("rules: []\n", to: "rules/other.yaml") })] {
            let r = try await refusal("refuse-rules-\(label)", config: """
                rules:
                  path: rules
                """, prepare: prepare)
            defer { r.scratch.remove() }
            #expect(r.status != 0, "\(label)")
            #expect(r.stderr.contains("mailroom.yaml:6:9: rules.path: the rules folder \(r.scratch.path("rules"))"), "\(label): \(r.stderr)")
            #expect(r.stderr.contains(label == "missing" ? "does not exist" : "has no kinds/ folder"), "\(r.stderr)")
        }
    }

    static let kind = """
        kind: notice
        description: A notice.
        business: true
        fields: []
        matchers:
          - name: notice subject
            when: {subject: 'Notice'}
        """

    @Test func aRuleNamingAConnectorThatDoesNotExistIsRefusedAndAnUnreachableConnectorIsAWarning() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let rulesAndConnectors = { (s: IngestScratch) in
            try s.write(Self.kind, to: "rules/kinds/notice.yaml")
            try s.write("""
                rules:
                  - name: file it
                    when: kind == "notice"
                    actions:
                      - connector: archiv
                        action: append_csv
                        params: {file: notices.csv, columns: [subject], values: {subject: "{{ subject }}"}}
                """, to: "rules/notice.yaml")
            try s.write("type: file\ndirectory: ../archive\n", to: "connectors/archive.yaml")
        }
        let config = """
            rules:
              path: rules
              connectors: connectors
            """
        let refused = try await refusal("refuse-connector", config: config, prepare: rulesAndConnectors)
        defer { refused.scratch.remove() }
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("rules/notice.yaml:5:20: unknown connector 'archiv'"), "\(refused.stderr)")

        // Named correctly, the daemon starts; a second connector no rule names is a warning with its file.
        let started = try await refusal("warn-connector", config: config) { s in
            try rulesAndConnectors(s)
            try s.write(try String(contentsOfFile: s.path("rules/notice.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "archiv\n", with: "archive\n"), to: "rules/notice.yaml")
            try s.write("type: file\ndirectory: ../spare\n", to: "connectors/spare.yaml")
        }
        defer { started.scratch.remove() }
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stderr.contains("connectors/spare.yaml:1:1: warning: no rule can reach the connector 'spare'"), "\(started.stderr)")
        #expect(!started.stderr.contains("connector 'archive'"), "\(started.stderr)")
    }
}
