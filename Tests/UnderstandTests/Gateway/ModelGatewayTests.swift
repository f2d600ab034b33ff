import Foundation
import Testing
@testable import Vocabulary
@testable import Understand
import MailroomTesting

@Suite("Model gateway against the fake OpenAI-compatible server", .serverLogsOnFailure)
struct ModelGatewayTests {
    @Test func answersFromTheCheapestModelAndAccountsForTheCall() async throws {
        let server = try FakeOpenAIServer()
        let store = try GatewayFixtures.tempStore()
        let gateway = GatewayFixtures.gateway([server.provider("big", model: "fake-large", price: (1, 2))], models: ["big"], store: store)
        let u = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue,
                                         prior: GatewayFixtures.unknownPrior)
        #expect(u.kind == "quote_request")
        #expect(u.method == "model")
        #expect(u.review.isEmpty, "\(u.review)")
        #expect(u.fields["contact_email"] == .text("anna.schmidt@kunde-gmbh.de"))
        let received = try await server.received()
        #expect(received.count == 1)
        // The schema went as response_format with the kinds' enum.
        let schema = received[0]["response_format"]?["json_schema"]?["schema"]
        #expect(schema?["properties"]?["kind"]?["enum"]?.arrayValue?.count == GatewayFixtures.catalogue.kinds.count)
        // Compression: the quoted history did not go out.
        let user = received[0]["messages"]?.arrayValue?[1]["content"]?.stringValue ?? ""
        #expect(!user.contains("Prices are on request"))
        #expect(user.contains("please quote 20 pallets"))
        let calls = try store.modelCalls(since: nil)
        #expect(calls.count == 1)
        #expect(calls[0].inputTokens > 0 && calls[0].outputTokens > 0)
        #expect(abs(calls[0].cost - (Double(calls[0].inputTokens) * 1 + Double(calls[0].outputTokens) * 2) / 1_000_000) < 1e-12)
        let audit = try store.auditEvents(matching: AuditFilter(eventType: "model_call"))
        #expect(audit.count == 1)
        #expect(audit[0].details.contains("\"input_tokens\":\(calls[0].inputTokens)"))
    }

    @Test func retriesHonourRetryAfterOn429And503() async throws {
        let server = try FakeOpenAIServer()
        try await server.script(model: "fake-large", [["status": 429, "retry_after": "1"], ["status": 503, "retry_after": "0"]])
        let gateway = GatewayFixtures.gateway([server.provider("big", model: "fake-large")], models: ["big"], store: nil)
        let started = Date()
        let u = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue,
                                         prior: GatewayFixtures.unknownPrior)
        #expect(u.kind == "quote_request")
        #expect(Date().timeIntervalSince(started) >= 1.0, "Retry-After: 1 was not honoured")
        #expect(try await server.received().count == 3)
    }

    @Test func malformedAnswerGetsOneRepairRound() async throws {
        let server = try FakeOpenAIServer()
        try await server.script(model: "fake-large", [["content": "Sure! Here is the answer: kind=quote_request"]])
        let store = try GatewayFixtures.tempStore()
        let gateway = GatewayFixtures.gateway([server.provider("big", model: "fake-large", schema: false)], models: ["big"], store: store)
        let u = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue,
                                         prior: GatewayFixtures.unknownPrior)
        #expect(u.kind == "quote_request")
        let received = try await server.received()
        #expect(received.count == 2)
        // Without schema support: no response_format, instructions carry the fields instead.
        #expect(received[0]["response_format"] == nil)
        #expect(received[0]["messages"]?.arrayValue?[0]["content"]?.stringValue?.contains("contact_email") == true)
        // The repair round sends the bad answer back with the problem.
        let repair = received[1]["messages"]?.arrayValue ?? []
        #expect(repair.count == 4)
        #expect(repair[3]["content"]?.stringValue?.contains("could not be used") == true)
        let calls = try store.modelCalls(since: nil)
        #expect(calls.map(\.outcome).last?.hasPrefix("repair round") == true)
    }

    @Test func toleratesCodeFencesAndTrailingText() async throws {
        let server = try FakeOpenAIServer()
        let fenced = "```json\n{\"kind\": \"quote_request\", \"confidence\": 0.93, \"fields\": {\"contact_email\": \"anna.schmidt@kunde-gmbh.de\",}}\n```\nHope this helps!"
        try await server.script(model: "fake-large", [["content": .string(fenced)]])
        let gateway = GatewayFixtures.gateway([server.provider("big", model: "fake-large", schema: false)], models: ["big"], store: nil)
        let u = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue,
                                         prior: GatewayFixtures.unknownPrior)
        #expect(u.kind == "quote_request")
        #expect(u.confidence == 0.93)
        #expect(try await server.received().count == 1, "a fenced answer needs no repair")
    }

    @Test func cascadeEscalatesWhenTheCheapModelIsUnsureOrUngrounded() async throws {
        let server = try FakeOpenAIServer()
        let store = try GatewayFixtures.tempStore()
        // The cheap model invents an address that is not in the mail: grounding fails, the cascade goes on.
        try await server.script(model: "fake-small", [["content": "{\"kind\": \"quote_request\", \"confidence\": 0.99, \"fields\": {\"contact_email\": \"made.up@nowhere.example\"}}"]])
        let gateway = GatewayFixtures.gateway([server.provider("cheap", model: "fake-small", price: (0.1, 0.1)),
                                               server.provider("strong", model: "fake-large", price: (5, 10))],
                                              models: ["cheap", "strong"], store: store)
        let u = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue,
                                         prior: GatewayFixtures.unknownPrior)
        #expect(u.kind == "quote_request")
        #expect(u.fields["contact_email"] == .text("anna.schmidt@kunde-gmbh.de"))
        let modelSteps = u.steps.filter { $0.method.hasPrefix("model:") }
        #expect(modelSteps.count == 2)
        #expect(modelSteps[0].note.contains("does not occur in the mail"))
        #expect(modelSteps[1].note.hasPrefix("accepted"))
        let calls = try store.modelCalls(since: nil)
        #expect(calls.map(\.cascadeStep) == [1, 2])
        #expect(calls.map(\.provider) == ["cheap", "strong"])
    }

    @Test func timeoutEscalatesToTheNextProvider() async throws {
        let server = try FakeOpenAIServer()
        try await server.script(model: "fake-slow", [["delay": 3], ["delay": 3]])
        let gateway = GatewayFixtures.gateway([server.provider("slow", model: "fake-slow", timeout: 1, attempts: 2),
                                               server.provider("strong", model: "fake-large")], models: ["slow", "strong"], store: nil)
        let u = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue,
                                         prior: GatewayFixtures.unknownPrior)
        #expect(u.kind == "quote_request")
        let first = u.steps.first { $0.method.contains("fake-slow") }
        #expect(first?.note.contains("failed") == true, "\(String(describing: first))")
    }

    @Test func circuitBreakerPausesAFailingProvider() async throws {
        let server = try FakeOpenAIServer()
        try await server.script(model: "fake-broken", Array(repeating: ["status": 500], count: 10))
        let gateway = GatewayFixtures.gateway([server.provider("broken", model: "fake-broken", attempts: 1),
                                               server.provider("strong", model: "fake-large")],
                                              models: ["broken", "strong"], store: nil, failuresBeforePause: 2)
        let mail = GatewayFixtures.mail(GatewayFixtures.quoteMail)
        for _ in 0..<3 {
            let u = await gateway.understand(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior)
            #expect(u.kind == "quote_request")
        }
        let received = try await server.received()
        let toBroken = received.filter { $0["model"]?.stringValue == "fake-broken" }.count
        #expect(toBroken == 2, "the third mail must not reach the paused provider")
        let u = await gateway.understand(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior)
        #expect(u.steps.contains { $0.note.contains("paused") })
    }

    @Test func cacheAnswersARepeatedMailAtZeroTokensAndAuditsTheHit() async throws {
        let server = try FakeOpenAIServer()
        let store = try GatewayFixtures.tempStore()
        let gateway = GatewayFixtures.gateway([server.provider("big", model: "fake-large", price: (1, 1))], models: ["big"], store: store)
        let mail = GatewayFixtures.mail(GatewayFixtures.quoteMail)
        let first = await gateway.run(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions())
        let second = await gateway.run(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions())
        #expect(first.tokens > 0)
        #expect(second.tokens == 0)
        #expect(second.calls.allSatisfy { $0.cacheHit })
        #expect(second.understanding.kind == first.understanding.kind)
        #expect(second.understanding.fields == first.understanding.fields)
        #expect(try await server.received().count == 1)
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "model_cache_hit")).count == 1)
    }

    @Test func budgetReachedStopsCallingVisibly() async throws {
        let server = try FakeOpenAIServer()
        let store = try GatewayFixtures.tempStore()
        let gateway = GatewayFixtures.gateway([server.provider("big", model: "fake-large", budget: BudgetSettings(dailyTokens: 10))],
                                              models: ["big"], store: store)
        let mail = GatewayFixtures.mail(GatewayFixtures.quoteMail)
        _ = await gateway.run(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions(useCache: false))
        let prior = Understanding(kind: "unknown", confidence: 0.3, method: "classifier", review: ["classifier unsure"])
        let outcome = await gateway.run(mail, catalogue: GatewayFixtures.catalogue, prior: prior, options: GatewayRunOptions(useCache: false))
        #expect(try await server.received().count == 1, "no call after the cap")
        #expect(outcome.budgetStops.count == 1)
        #expect(outcome.understanding.kind == "unknown")
        #expect(outcome.understanding.review.contains { $0.contains("daily token budget of provider big reached") })
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "model_budget_reached")).count == 1)
        let status = try gateway.budgetStatus()
        #expect(status.first { $0.scope == "provider big" }?.reached == "daily tokens")
    }

    @Test func overallMoneyBudgetStopsEveryProvider() async throws {
        let server = try FakeOpenAIServer()
        let store = try GatewayFixtures.tempStore()
        let gateway = GatewayFixtures.gateway([server.provider("a", model: "fake-large", price: (1000, 1000)),
                                               server.provider("b", model: "fake-large-2", price: (1000, 1000))],
                                              models: ["a", "b"], store: store, budget: BudgetSettings(dailyCost: 0.01))
        let mail = GatewayFixtures.mail(GatewayFixtures.quoteMail)
        _ = await gateway.run(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions(useCache: false))
        let outcome = await gateway.run(mail, catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions(useCache: false))
        #expect(outcome.calls.isEmpty)
        #expect(outcome.budgetStops.count == 2)
        #expect(outcome.budgetStops.allSatisfy { $0.contains("daily cost budget of all providers") })
    }

    @Test func externalProviderReceivesNoPersonalDataAndTheAnswerIsRestored() async throws {
        let planted = ["anna.schmidt@kunde-gmbh.de", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111",
                       "11010519491231002X", "+49 30 1234567", "13812345678", "Anna Schmidt", "Schmidt", "Bernd Bauer"]
        let mail = """
            From: Anna Schmidt <anna.schmidt@kunde-gmbh.de>
            To: Bernd Bauer <bernd@example.com>
            Subject: Invoice INV-4711
            Content-Type: text/plain; charset=utf-8

            Dear Bernd Bauer,

            please pay invoice INV-4711, total 1190.00 EUR, to IBAN DE89 3704 0044 0532 0130 00.
            Card on file: 4111 1111 1111 1111. Resident ID 11010519491231002X.
            Call me on +49 30 1234567 or mobile 13812345678, or write to anna.schmidt@kunde-gmbh.de.

            Anna Schmidt
            """
        let server = try FakeOpenAIServer()
        let store = try GatewayFixtures.tempStore()
        let gateway = GatewayFixtures.gateway([server.provider("cloud", model: "fake-large", external: true)], models: ["cloud"], store: store)
        let u = await gateway.understand(GatewayFixtures.mail(mail), catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior)
        let received = try await server.received()
        #expect(received.count == 1)
        let sent = received[0].canonicalJSON
        for value in planted {
            #expect(!sent.contains(value), "\(value) reached the external provider")
        }
        #expect(sent.contains("[EMAIL_1]") && sent.contains("[IBAN_1]") && sent.contains("[PERSON_"))
        // The fake copies the placeholder; the gateway restores the real IBAN.
        #expect(u.kind == "invoice")
        #expect(u.fields["iban"] == .text("DE89370400440532013000"))
        let calls = try store.modelCalls(since: nil)
        #expect(calls[0].redactions >= 7)
        let audit = try store.auditEvents(matching: AuditFilter(eventType: "model_call"))
        for value in planted { #expect(!audit[0].details.contains(value)) }
    }

    @Test func localProviderGetsTheMailUnredacted() async throws {
        let server = try FakeOpenAIServer()
        let gateway = GatewayFixtures.gateway([server.provider("local", model: "fake-large", external: false)], models: ["local"], store: nil)
        _ = await gateway.understand(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: GatewayFixtures.catalogue, prior: GatewayFixtures.unknownPrior)
        #expect(try await server.received()[0].canonicalJSON.contains("anna.schmidt@kunde-gmbh.de"))
    }
}

@Suite("Model call ledger", .serverLogsOnFailure)
struct ModelCallLedgerTests {
    @Test func costsAreSummedByKindProviderAndDay() throws {
        let store = try GatewayFixtures.tempStore()
        let day1 = Date(timeIntervalSince1970: 1_795_000_000)
        let day2 = day1.addingTimeInterval(86_400)
        func call(_ time: Date, _ kind: String, _ provider: String, _ tokens: Int, _ cost: Double, cache: Bool = false) -> ModelCallRecord {
            ModelCallRecord(time: time, messageID: nil, kind: kind, provider: provider, model: "m", cascadeStep: 1, inputTokens: tokens,
                            outputTokens: 10, cost: cost, latencyMilliseconds: 5, cacheHit: cache, redactions: 0, outcome: "answered")
        }
        try store.recordModelCall(call(day1, "invoice", "a", 100, 0.5), audit: nil)
        try store.recordModelCall(call(day1, "", "b", 200, 1.0), audit: nil)
        try store.recordModelCall(call(day2, "invoice", "a", 0, 0, cache: true), audit: nil)
        let byKind = try store.modelCosts(since: nil, by: .kind)
        #expect(byKind.map(\.key) == ["(kind not known yet)", "invoice"])
        #expect(byKind[1].calls == 2 && byKind[1].cacheHits == 1 && byKind[1].inputTokens == 100 && byKind[1].cost == 0.5)
        let byDay = try store.modelCosts(since: nil, by: .day)
        #expect(byDay.count == 2)
        #expect(try store.modelCosts(since: day2, by: .provider).map(\.calls) == [1])
        #expect(try store.modelSpending(provider: "a", since: day1) == ModelSpending(tokens: 120, cost: 0.5))
        #expect(try store.modelSpending(provider: nil, since: day2).tokens == 10)
    }
}
