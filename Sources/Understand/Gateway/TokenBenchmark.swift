import Foundation
import Vocabulary
import Parse

/// `mailroom bench tokens DIR`: a labelled corpus (one sub-folder per kind) through four set-ups —
/// naive (the whole raw mail to the strongest model), compressed, compressed + cascade, and a second pass of
/// the cascade that the cache answers — with tokens per mail, cost per 1,000 mails and accuracy for each.
public enum TokenBenchmark {
    public struct Mail: Sendable {
        public var kind: String
        public var file: URL
        public var raw: Data
    }

    public struct SetupResult: Sendable, Codable {
        public var name: String
        public var mails: Int
        public var calls: Int
        public var inputTokens: Int
        public var outputTokens: Int
        public var cost: Double
        public var correct: Int
        /// Mails that were escalated or answered wrongly, with the cascade's notes (`--explain`).
        public var notes: [String] = []

        public var tokensPerMail: Double { mails == 0 ? 0 : Double(inputTokens + outputTokens) / Double(mails) }
        public var costPer1000Mails: Double { mails == 0 ? 0 : cost / Double(mails) * 1000 }
        public var accuracy: Double { mails == 0 ? 0 : Double(correct) / Double(mails) }
    }

    /// Every file under DIR/<kind>/ whose kind is in the catalogue (names starting with "." skipped).
    public static func corpus(directory: URL, catalogue: KindCatalogue) throws -> [Mail] {
        var out: [Mail] = []
        let fm = FileManager.default
        for kind in try fm.contentsOfDirectory(atPath: directory.path).sorted() where !kind.hasPrefix(".") {
            let folder = directory.appendingPathComponent(kind)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            guard catalogue.kind(named: kind) != nil else {
                throw GatewayError.configuration("\(folder.path): '\(kind)' is not a kind of the catalogue (\(catalogue.kinds.map(\.name).joined(separator: ", ")))")
            }
            for name in try fm.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix(".") && !name.hasSuffix(".json") {
                let file = folder.appendingPathComponent(name)
                out.append(Mail(kind: kind, file: file, raw: try Data(contentsOf: file)))
            }
        }
        return out
    }

    /// Runs the four set-ups. `cascade` lists provider names cheapest first; its last is the strongest.
    /// The cache lives in `store` (use a fresh one so the first passes really call the models).
    public static func run(_ mails: [Mail], catalogue: KindCatalogue, settings: GatewaySettings, cascade: [String], store: any GatewayStore,
                           progress: (String) -> Void = { _ in }) async -> [SetupResult] {
        let gateway = ModelGateway(settings: settings, store: store)
        let strongest = [cascade.last!]
        let setups: [(String, (Mail) -> GatewayRunOptions)] = [
            ("naive (raw mail, strongest model)", { GatewayRunOptions(compress: false, models: strongest, useCache: false, rawMail: $0.raw) }),
            ("compressed (strongest model)", { _ in GatewayRunOptions(compress: true, models: strongest, useCache: false) }),
            ("compressed + cascade", { _ in GatewayRunOptions(compress: true, models: cascade, useCache: true) }),
            ("second pass (cache)", { _ in GatewayRunOptions(compress: true, models: cascade, useCache: true) }),
        ]
        let prior = Understanding(kind: "unknown", confidence: 0, method: "none")
        var results: [SetupResult] = []
        for (name, options) in setups {
            var r = SetupResult(name: name, mails: 0, calls: 0, inputTokens: 0, outputTokens: 0, cost: 0, correct: 0)
            for (i, mail) in mails.enumerated() {
                progress("\(name): \(i + 1)/\(mails.count)")
                let content = MessageContent.read(raw: mail.raw)
                let outcome = await gateway.run(content, catalogue: catalogue, prior: prior, options: options(mail))
                r.mails += 1
                r.calls += outcome.calls.filter { !$0.cacheHit }.count
                r.inputTokens += outcome.calls.reduce(0) { $0 + $1.inputTokens }
                r.outputTokens += outcome.calls.reduce(0) { $0 + $1.outputTokens }
                r.cost += outcome.cost
                if outcome.understanding.kind == mail.kind { r.correct += 1 }
                let modelSteps = outcome.understanding.steps.filter { $0.method.hasPrefix("model:") }
                if modelSteps.count > 1 || outcome.understanding.kind != mail.kind {
                    r.notes.append("\(mail.kind)/\(mail.file.lastPathComponent) → \(outcome.understanding.kind): "
                                   + modelSteps.map { "\($0.method) \($0.kind ?? "-") \($0.note)" }.joined(separator: " | "))
                }
            }
            results.append(r)
        }
        return results
    }

    /// The fake server's two providers (scripts/fake-openai-server.py): a cheap unsure model and a strong one,
    /// priced like common small and large hosted models (per million tokens: 0.10/0.40 and 2.50/10.00).
    public static func fakeProviders(baseURL: String) -> [ProviderSettings] {
        [ProviderSettings(name: "fake-small", baseURL: baseURL, model: "fake-small", priceInputPerMillion: 0.10, priceOutputPerMillion: 0.40,
                          external: false, concurrency: 4, timeoutSeconds: 10, supportsJSONSchema: true),
         ProviderSettings(name: "fake-large", baseURL: baseURL, model: "fake-large", priceInputPerMillion: 2.50, priceOutputPerMillion: 10.00,
                          external: true, concurrency: 4, timeoutSeconds: 10, supportsJSONSchema: true)]
    }

    public static func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
        s.count >= n ? s : (left ? String(repeating: " ", count: n - s.count) + s : s + String(repeating: " ", count: n - s.count))
    }

    public static func table(_ results: [SetupResult], currency: String) -> String {
        func padded(_ s: String, _ n: Int, left: Bool = false) -> String {
            s.count >= n ? s : (left ? String(repeating: " ", count: n - s.count) + s : s + String(repeating: " ", count: n - s.count))
        }
        var out = padded("set-up", 36) + padded("calls", 7, left: true) + padded("tokens/mail", 20, left: true)
            + padded("cost/1000 mails", 20, left: true) + padded("accuracy", 10, left: true) + "\n"
        let naive = results.first?.tokensPerMail ?? 0
        for r in results {
            let share = naive > 0 ? String(format: " (%3.0f%%)", r.tokensPerMail / naive * 100) : ""
            out += padded(r.name, 36) + padded("\(r.calls)", 7, left: true) + padded(String(format: "%.0f", r.tokensPerMail) + share, 20, left: true)
                + padded(String(format: "%.4f", r.costPer1000Mails) + " " + currency, 20, left: true)
                + padded(String(format: "%.1f%%", r.accuracy * 100), 10, left: true) + "\n"
        }
        return out
    }
}
