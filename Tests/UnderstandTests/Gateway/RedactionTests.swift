import Foundation
import Testing
@testable import Understand
@testable import Daemon

@Suite("Redaction and answer reading")
struct RedactionTests {
    @Test func checksumsDecideWhatIsRedacted() {
        #expect(Redaction.isLuhnValid("4111 1111 1111 1111"))
        #expect(!Redaction.isLuhnValid("4111 1111 1111 1112"))
        #expect(Redaction.isValidChineseID("11010519491231002X"))
        #expect(!Redaction.isValidChineseID("110105194912310021"))
        #expect(Redaction.isValidIBAN("DE89370400440532013000"))
        #expect(!Redaction.isValidIBAN("DE89370400440532013001"))
    }

    @Test func sameValueSamePlaceholderAndRestoredExactly() {
        var r = Redaction()
        let text = "Write to a@example.com or a@example.com, or b@example.com. Order 1234567890123 stays."
        let out = r.redact(text, names: [])
        #expect(out == "Write to [EMAIL_1] or [EMAIL_1], or [EMAIL_2]. Order 1234567890123 stays.")
        #expect(r.counts[.email] == 2)
        #expect(r.restore(out) == text)
    }

    @Test func numbersThatFailTheirChecksumsAreLeftAlone() {
        var r = Redaction()
        let text = "Invoice total 1190.00, order 4111 1111 1111 1112, date 2026-11-23, id 110105194912310021"
        #expect(r.redact(text, names: []) == text)
        #expect(r.total == 0)
    }

    @Test func namesFromHeadersAndTheirParts() {
        var r = Redaction()
        let out = r.redact("Dear Mr Schmidt, Anna Schmidt asked. 张伟 and 伟 agreed.", names: ["Anna Schmidt", "张伟"])
        #expect(!out.contains("Schmidt") && !out.contains("Anna") && !out.contains("张伟"))
        #expect(r.restore(out) == "Dear Mr Schmidt, Anna Schmidt asked. 张伟 and 伟 agreed.")
    }

    @Test func phonesInSeveralForms() {
        var r = Redaction()
        let out = r.redact("Tel: 030 1234567, +1 (555) 010-0199, 手机 13812345678, amount 1.234,56", names: [])
        #expect(out == "Tel: [PHONE_1], [PHONE_3], 手机 [PHONE_2], amount 1.234,56")
        #expect(r.counts[.phone] == 3)
    }

    @Test func answerReadingToleratesFencesTrailingTextAndCommas() throws {
        let schema = AnswerSchema.make(catalogue: GatewayFixtures.catalogue, kind: nil)
        let a = try AnswerReading.read("Here you go:\n```json\n{\"kind\": \"approval\", \"confidence\": 0.9, \"fields\": {\"decision\": \"approve\", \"reference\": \"APR-1\",}}\n```\nDone.", schema: schema, redaction: nil)
        #expect(a.kind == "approval")
        #expect(a.fields["decision"] == .text("approve"))
        #expect(a.problems.isEmpty)
        #expect(throws: GatewayError.self) { try AnswerReading.read("no json here", schema: schema, redaction: nil) }
        #expect(throws: GatewayError.self) { try AnswerReading.read("{\"kind\": \"poem\", \"confidence\": 1, \"fields\": {}}", schema: schema, redaction: nil) }
        let bad = try AnswerReading.read("{\"kind\": \"approval\", \"confidence\": 0.9, \"fields\": {\"decision\": \"maybe\"}}", schema: schema, redaction: nil)
        #expect(bad.problems.count == 1)
    }

    @Test func schemaFollowsTheKinds() {
        let schema = AnswerSchema.make(catalogue: GatewayFixtures.catalogue, kind: GatewayFixtures.catalogue.kind(named: "approval"))
        let json = schema.json
        #expect(json["properties"]?["kind"]?["enum"] == ["approval"])
        #expect(json["properties"]?["fields"]?["properties"]?["decision"]?["enum"] == ["approve", "reject"])
        #expect(json["properties"]?["fields"]?["required"] == ["decision", "reference", "approver"])
    }
}

@Suite("Gateway configuration")
struct GatewayConfigurationTests {
    @Test func readsProvidersAndBudgets() throws {
        let yaml = """
            gateway:
              models: [local, cloud]
              budget: {daily_tokens: 1000, monthly_cost: 20}
              providers:
                - name: local
                  base_url: http://127.0.0.1:8080/v1
                  model: smollm2
                  external: false
                  supports_json_schema: true
                - name: cloud
                  base_url: https://api.example.com/v1
                  model: big
                  api_key_env: CLOUD_KEY
                  price_input_per_million: 0.5
                  price_output_per_million: 1.5
                  budget: {daily_cost: 2}
            """
        let config = try MailroomConfig.parse(yaml: yaml, file: "test.yaml", baseDirectory: "/tmp")
        #expect(config.gateway.providers.count == 2)
        #expect(config.gateway.providers[1].external)
        #expect(config.gateway.providers[1].redacts)
        #expect(!config.gateway.providers[0].redacts)
        #expect(config.gateway.budget.dailyTokens == 1000)
        #expect(config.gateway.providers[1].budget.dailyCost == 2)
        #expect(throws: GatewayError.self) { try config.gateway.providers[1].apiKey(environment: [:]) }
        #expect(try config.gateway.providers[1].apiKey(environment: ["CLOUD_KEY": "k"]) == "k")
    }

    @Test func unknownKeysAndBadValuesNameTheirPlace() {
        let typo = "gateway:\n  providers:\n    - name: a\n      base_url: https://x/v1\n      model: m\n      alowed_data: full\n"
        #expect { try MailroomConfig.parse(yaml: typo, file: "t.yaml", baseDirectory: "/tmp") } throws: { error in
            "\(error)".contains("t.yaml:6:7") && "\(error)".contains("did you mean 'allowed_data'")
        }
        let badModel = "gateway:\n  models: [nope]\n  providers:\n    - name: a\n      base_url: https://x/v1\n      model: m\n"
        #expect { try MailroomConfig.parse(yaml: badModel, file: "t.yaml", baseDirectory: "/tmp") } throws: { error in
            "\(error)".contains("'nope' is not a provider")
        }
        let badData = "gateway:\n  providers:\n    - name: a\n      base_url: https://x/v1\n      model: m\n      allowed_data: everything\n"
        #expect { try MailroomConfig.parse(yaml: badData, file: "t.yaml", baseDirectory: "/tmp") } throws: { error in
            "\(error)".contains("use redacted or full")
        }
        // The API key and the mail's text never go in clear to another host, unless the operator writes it out.
        let plain = "gateway:\n  providers:\n    - name: a\n      base_url: http://models.example.com/v1\n      model: m\n"
        #expect { try MailroomConfig.parse(yaml: plain, file: "t.yaml", baseDirectory: "/tmp") } throws: { error in
            "\(error)".contains("t.yaml:4:") && "\(error)".contains("plain http://") && "\(error)".contains("insecure_http: true")
        }
        #expect((try? MailroomConfig.parse(yaml: plain + "      insecure_http: true\n", file: "t.yaml", baseDirectory: "/tmp")) != nil)
        let local = "gateway:\n  providers:\n    - name: a\n      base_url: http://127.0.0.1:8080/v1\n      model: m\n"
        #expect((try? MailroomConfig.parse(yaml: local, file: "t.yaml", baseDirectory: "/tmp")) != nil)
    }
}
