import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import CurlTransport
import MailroomTesting

/// Issue 14's secrets test: a unique secret is planted in every place the configuration takes one — the IMAP
/// password, the model provider's API key, the webhook's bearer token (from the environment), its signing secret
/// (from a file), the ERP password, the helpdesk API key, the SMTP password — and in a connector's URL as user
/// information and query. The real daemon then reads the demo mailbox over Maildir and IMAP, asks the (fake) model,
/// calls the webhook and fails on the ERP, helpdesk and SMTP connectors (their error paths are where secrets
/// leak). Afterwards no secret may be found in any log line, any file the daemon wrote (the store with its WAL,
/// the spool, the checkpoints), any `--json` or text output of the operator's commands, or any model prompt.
@Suite(.serialized) struct PlantedSecretsTests {
    @Test func noPlantedSecretAppearsInLogsStoreOutputsOrPrompts() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        func planted(_ place: String) -> String { "PLANTED\(place)\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))" }
        let secrets: [String: String] = [
            "imap password": planted("IMAP"), "model api key": planted("MODEL"), "webhook token": planted("HOOKTOKEN"),
            "webhook signing secret": planted("HOOKSIGN"), "erp password": planted("ERP"),
            "helpdesk api key": planted("REDMINE"), "smtp password": planted("SMTP"),
            "url password": planted("URLPASS"), "url query token": planted("URLQUERY"),
        ]
        let dovecot = try DovecotTestServer(label: "planted-secrets", password: secrets["imap password"]!)
        defer { dovecot.stopAndRemove() }
        let model = try FakeOpenAIServer()
        defer { model.stop() }
        // The shipped connectors fail on servers that answer with errors (the webhook sink speaks neither
        // Tryton's JSON-RPC nor Redmine's REST; the SMTP sink offers no STARTTLS), after reading their secrets.
        let deployment = try await ShippedRulesDeployment.make("planted-secrets", hookArguments: ["--secret", secrets["webhook signing secret"]!])
        defer { deployment.stop() }
        let (scratch, hook) = (deployment.scratch, deployment.hook)
        let fm = FileManager.default
        try scratch.write(secrets["webhook signing secret"]! + "\n", to: "secrets/hook-signing")
        try scratch.write("""
            type: http
            base_url: \(hook.base)
            allowed_hosts: [127.0.0.1]
            token_env: HOOK_TOKEN
            signing_secret_file: ../secrets/hook-signing
            """, to: "connectors/hook.yaml")
        try scratch.write("""
            type: http
            base_url: http://robot:\(secrets["url password"]!)@127.0.0.1:\(hook.port)/unknown?token=\(secrets["url query token"]!)
            allowed_hosts: [127.0.0.1]
            """, to: "connectors/tokenurl.yaml")
        try scratch.write("""
            rules:
              - name: every business mail to the hook
                when: kind != "other" and kind != "auto_reply"
                actions:
                  - connector: hook
                    action: request
                    params:
                      path: /hook
                      body:
                        subject: "{{ subject }}"
                  - connector: tokenurl
                    action: request
                    params:
                      path: /x
                      body:
                        kind: "{{ kind }}"
            """, to: "rules/zz-secrets.yaml")
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  poll_seconds: 1
              imap:
                - name: office
                  host: 127.0.0.1
                  port: \(dovecot.imapPort)
                  tls: plaintext
                  allow_plaintext: true
                  user: alice
                  password_env: PLANTED_IMAP_PASSWORD
                  folders: [INBOX]
            gateway:
              models: [cloud]
              providers:
                - name: cloud
                  base_url: \(model.baseURL)
                  model: fake-large
                  api_key_env: PLANTED_MODEL_KEY
                  external: true
            rules:
              path: rules
              connectors: connectors
              max_attempts: 2
              first_retry_seconds: 1
              max_retry_seconds: 1
              outbox_poll_seconds: 1
            audit:
              checkpoint_minutes: 0
            log:
              level: trace
            """, to: "mailroom.yaml")
        // The demo mailbox: half into the Maildir, half over IMAP.
        _ = try scratch.makeMaildir()
        let demo = MailroomProcess.root.appendingPathComponent("demo/Maildir")
        var mails: [URL] = []
        for folder in ["cur", "new"] {
            let names = (try? fm.contentsOfDirectory(atPath: demo.appendingPathComponent(folder).path)) ?? []
            mails += names.sorted().map { demo.appendingPathComponent(folder).appendingPathComponent($0) }
        }
        try #require(mails.count >= 20)
        for (i, mail) in mails.enumerated() {
            if i % 2 == 0 {
                try fm.copyItem(atPath: mail.path, toPath: scratch.path("Maildir/new/\(1_790_000_000 + i).M\(i)P1.planted"))
            } else {
                try dovecot.dropIntoMaildir(user: "alice", try Data(contentsOf: mail))
            }
        }
        let environment = [
            "PLANTED_IMAP_PASSWORD": secrets["imap password"]!, "PLANTED_MODEL_KEY": secrets["model api key"]!,
            "HOOK_TOKEN": secrets["webhook token"]!, "TRYTON_PASSWORD": secrets["erp password"]!,
            "REDMINE_API_KEY": secrets["helpdesk api key"]!, "SMTP_PASSWORD": secrets["smtp password"]!,
        ]
        let config = scratch.path("mailroom.yaml")
        let daemon = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "daemon",
                                               environment: environment)
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }

        // Every mail stored, none still moving through the pipeline, no action still due.
        let store = try await deployment.settled(count: mails.count, daemon: daemon)
        await stopDaemon(daemon)

        // The secrets were used: mail came over IMAP, the model was asked, the webhook accepted signed requests,
        // and the ERP, helpdesk and SMTP connectors failed after reading theirs.
        let messages = try store.messages(matching: MessageFilter())
        #expect(try messages.contains { m in try store.sources(ofMessage: m.id).contains { $0.source.hasPrefix("imap:") } })
        let prompts = try await model.received()
        #expect(!prompts.isEmpty, "no model was asked")
        let client = HTTPClient(allowedHosts: ["127.0.0.1"])
        let created = try JSONValue.parse(try await client.send(HTTPRequest(url: hook.url("/hook/count"))).body)["created"]?.intValue ?? 0
        #expect(created > 0, "the webhook accepted no signed request")
        let outbox = try store.outboxEntries(states: [])
        for connector in ["erp", "helpdesk", "tokenurl"] {
            #expect(outbox.contains { $0.action.connector == connector && $0.lastError != nil }, "no failed \(connector) action")
        }

        // Everything an operator, an auditor, a log shipper or a model provider can see.
        var seen: [(place: String, text: String)] = [("daemon log", daemon.stderr + daemon.stdout)]
        var commands: [[String]] = [
            ["status"], ["status", "--json"], ["messages", "--wide"], ["messages", "--json"], ["outbox", "list", "--json"],
            ["outbox", "list"], ["audit", "query", "--json"], ["audit", "verify"], ["costs", "--json"], ["review", "list", "--json"],
        ]
        for m in messages {
            commands.append(["audit", "show", String(m.id), "--json"])
            commands.append(["messages", "show", String(m.id)])
        }
        for command in commands {
            let result = try await MailroomProcess.run(command + ["--config", config], in: scratch.root)
            seen.append(("mailroom \(command.joined(separator: " "))", result.stdout + result.stderr))
        }
        seen += prompts.enumerated().map { ("model prompt \($0.offset + 1)", $0.element.canonicalJSON) }
        // Every file the daemon wrote, byte for byte: the store (with its WAL and shared memory), the spool, the
        // checkpoints, the lock.
        let state = scratch.path("state")
        for case let relative as String in fm.enumerator(atPath: state)! {
            let path = state + "/" + relative
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = fm.contents(atPath: path) else { continue }
            seen.append(("state/\(relative)", String(decoding: data, as: UTF8.self)))
        }
        #expect(seen.count > commands.count + 3)
        for (name, secret) in secrets {
            for (place, text) in seen where text.contains(secret) {
                let line = text.components(separatedBy: "\n").first { $0.contains(secret) } ?? ""
                Issue.record("the \(name) appears in \(place): \(line.prefix(400))")
            }
        }
    }
}
