import ArgumentParser
import Foundation
import Vocabulary
import Store
import Understand
import Daemon

struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Tokens and money spent on language models, with the budgets' state.",
        discussion: """
            Sums every model call the gateway recorded (cache hits count as calls at zero tokens). --since takes \
            a duration (30m, 12h, 7d) or a date (2026-11-01). With --json: {"currency", "since", "by", \
            "lines": [{"key", "calls", "cache_hits", "input_tokens", "output_tokens", "cost"}], "budgets": […]}.
            """)

    @OptionGroup var options: ConfigOptions
    @Option(help: ArgumentHelp("Only calls since this duration ago (7d, 12h) or date (YYYY-MM-DD).", valueName: "when")) var since: String?
    @Option(help: ArgumentHelp("Group by kind, provider or day.", valueName: "kind|provider|day")) var by: String = "provider"
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            guard let grouping = ModelCostGrouping(rawValue: by) else {
                throw OperatorInputError(message: "--by must be kind, provider or day, not '\(by)'")
            }
            let start = try since.map { try OperatorTime.parse($0) }
            let store = try options.openExistingStore(config)
            let lines = try store.modelCosts(since: start, by: grouping)
            let budgets = try ModelGateway(settings: config.gateway, store: store).budgetStatus()
            let currency = config.gateway.currency
            if json {
                let out: JSONValue = .object([
                    "currency": .string(currency),
                    "since": .optional(start.map(MillisecondTime.string)),
                    "by": .string(by),
                    "lines": .array(lines.map { l in .object([
                        "key": .string(l.key), "calls": .integer(l.calls), "cache_hits": .integer(l.cacheHits),
                        "input_tokens": .integer(l.inputTokens), "output_tokens": .integer(l.outputTokens), "cost": .number(l.cost)]) }),
                    "budgets": .array(budgets.map { b in .object([
                        "scope": .string(b.scope), "today_tokens": .integer(b.today.tokens), "today_cost": .number(b.today.cost),
                        "month_tokens": .integer(b.thisMonth.tokens), "month_cost": .number(b.thisMonth.cost),
                        "reached": .optional(b.reached)]) }),
                ])
                Terminal.out(out.canonicalJSON + "\n")
                return
            }
            func row(_ cells: [String]) -> String {
                TokenBenchmark.pad(cells[0], 40) + zip(cells.dropFirst(), [8, 8, 13, 13, 16]).map { TokenBenchmark.pad($0, $1, left: true) }.joined() + "\n"
            }
            var text = row([by, "calls", "cached", "input tok", "output tok", "cost \(currency)"])
            var total = (calls: 0, cached: 0, input: 0, output: 0, cost: 0.0)
            for l in lines {
                text += row([l.key, "\(l.calls)", "\(l.cacheHits)", "\(l.inputTokens)", "\(l.outputTokens)", String(format: "%.6f", l.cost)])
                total = (total.calls + l.calls, total.cached + l.cacheHits, total.input + l.inputTokens, total.output + l.outputTokens, total.cost + l.cost)
            }
            text += row(["total", "\(total.calls)", "\(total.cached)", "\(total.input)", "\(total.output)", String(format: "%.6f", total.cost)])
            text += "\nBudgets (UTC day and month):\n"
            for b in budgets {
                func cap(_ v: Int?) -> String { v.map { " of \($0)" } ?? "" }
                func capCost(_ v: Double?) -> String { v.map { String(format: " of %.4f", $0) } ?? "" }
                text += "  \(b.scope): today \(b.today.tokens)\(cap(b.budget.dailyTokens)) tokens, "
                    + String(format: "%.4f", b.today.cost) + capCost(b.budget.dailyCost) + " \(currency); month \(b.thisMonth.tokens)\(cap(b.budget.monthlyTokens)) tokens, "
                    + String(format: "%.4f", b.thisMonth.cost) + capCost(b.budget.monthlyCost) + " \(currency)"
                    + (b.reached.map { "  — REACHED (\($0)): no more calls" } ?? "") + "\n"
            }
            Terminal.out(text)
        }
    }
}

struct BenchTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Run a labelled corpus through four model set-ups and compare tokens, cost and accuracy.",
        discussion: """
            DIR holds one sub-folder per kind (named like rules/kinds), each with mails. The set-ups: naive (the \
            whole raw mail to the strongest model), compressed, compressed + cascade (cheapest first), and a second \
            pass of the cascade that the cache answers. With --fake the providers are scripts/fake-openai-server.py's \
            fake-small and fake-large (started and stopped by this command), so the benchmark reproduces anywhere; \
            otherwise --cascade names providers from the configuration (default gateway.models), the last being the \
            strongest. The cache lives in a fresh scratch store, never the configured one.
            """)

    @OptionGroup var options: ConfigOptions
    @Argument(help: ArgumentHelp("The labelled corpus.", valueName: "dir")) var directory: String
    @Option(help: ArgumentHelp("The kind files (rules/kinds).", valueName: "dir")) var kinds: String = "rules/kinds"
    @Option(help: ArgumentHelp("Providers cheapest first, comma-separated.", valueName: "a,b")) var cascade: String?
    @Flag(help: "Use the fake OpenAI-compatible server (needs python3 and scripts/fake-openai-server.py).") var fake = false
    @Option(help: ArgumentHelp("The fake server script.", valueName: "file")) var fakeServer: String = "scripts/fake-openai-server.py"
    @Flag(help: "Print the results as JSON.") var json = false
    @Flag(help: "Also list the mails that were escalated or misread, with the cascade's notes.") var explain = false

    func run() async throws {
        try await operatorCommand {
            let catalogue = try KindCatalogue.load(directory: URL(fileURLWithPath: kinds))
            let mails = try TokenBenchmark.corpus(directory: URL(fileURLWithPath: directory), catalogue: catalogue)
            guard !mails.isEmpty else { throw OperatorInputError(message: "no mails under \(directory)/<kind>/") }
            var settings: GatewaySettings
            var names: [String]
            var server: Process?
            if fake {
                let (process, port) = try BenchTokensCommand.startFakeServer(script: fakeServer)
                server = process
                settings = GatewaySettings(providers: TokenBenchmark.fakeProviders(baseURL: "http://127.0.0.1:\(port)/v1"), models: ["fake-small", "fake-large"])
                names = ["fake-small", "fake-large"]
            } else {
                settings = try options.load().gateway
                names = cascade.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? settings.models
                for n in names where settings.provider(named: n) == nil {
                    throw OperatorInputError(message: "provider '\(n)' is not in gateway.providers of the configuration")
                }
                guard !names.isEmpty else { throw OperatorInputError(message: "name the providers with --cascade a,b or gateway.models, or use --fake") }
            }
            defer { if let server { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
            settings.budget = BudgetSettings()
            for i in settings.providers.indices { settings.providers[i].budget = BudgetSettings() }
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-bench-tokens-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let store = try MailStore(path: scratch.appendingPathComponent("bench.sqlite").path)
            let progress = ProgressLine(enabled: !json)
            let results = await TokenBenchmark.run(mails, catalogue: catalogue, settings: settings, cascade: names, store: store,
                                                   progress: { text in progress.update(text) })
            progress.finish()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                Terminal.out(String(decoding: try encoder.encode(results), as: UTF8.self) + "\n")
            } else {
                Terminal.out("\(mails.count) mails, \(Set(mails.map(\.kind)).count) kinds; cascade: \(names.joined(separator: " → "))\n\n")
                Terminal.out(TokenBenchmark.table(results, currency: settings.currency))
                if explain {
                    for r in results where !r.notes.isEmpty {
                        Terminal.out("\n\(r.name):\n" + r.notes.map { "  \($0)\n" }.joined())
                    }
                }
            }
        }
    }

    static func startFakeServer(script: String) throws -> (Process, Int) {
        guard FileManager.default.fileExists(atPath: script) else {
            throw OperatorInputError(message: "the fake server \(script) does not exist; run from the repository or pass --fake-server")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, "--port", "0"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        var line = ""
        while !line.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        guard let port = Int(line.replacingOccurrences(of: "listening on", with: "").trimmingCharacters(in: .whitespacesAndNewlines)) else {
            p.terminate()
            throw OperatorInputError(message: "the fake server did not start: \(line)")
        }
        return (p, port)
    }
}
