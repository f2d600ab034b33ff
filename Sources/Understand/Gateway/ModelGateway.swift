import Crypto
import Foundation
import Vocabulary
import CurlTransport
import Parse

/// How one run of the gateway is set up (the token benchmark varies these; the daemon uses the defaults).
public struct GatewayRunOptions: Sendable {
    /// False: the whole raw mail goes to the model as it is (the benchmark's naive baseline).
    public var compress: Bool
    /// The cascade to use instead of the kind's `models:` / `gateway.models`.
    public var models: [String]?
    public var useCache: Bool
    /// The raw mail, for `compress: false`.
    public var rawMail: Data?
    /// The stored message the calls are about (for the audit trail and `mailroom costs`).
    public var messageID: Int64?

    public init(compress: Bool = true, models: [String]? = nil, useCache: Bool = true, rawMail: Data? = nil, messageID: Int64? = nil) {
        self.compress = compress
        self.models = models
        self.useCache = useCache
        self.rawMail = rawMail
        self.messageID = messageID
    }
}

/// What one run did: the understanding, every call (cache hits included) and the compression report.
public struct GatewayOutcome: Sendable {
    public var understanding: Understanding
    public var calls: [ModelCallRecord]
    public var compression: [CompressionStep]
    /// True when a model's answer passed the checks and the threshold.
    public var accepted: Bool
    /// Providers skipped because a budget was reached (visible in the understanding's review too).
    public var budgetStops: [String]

    public var tokens: Int { calls.reduce(0) { $0 + $1.totalTokens } }
    public var cost: Double { calls.reduce(0) { $0 + $1.cost } }
}

/// Asks language models, cheapest first, for a mail's kind and fields: compresses the prompt, redacts personal
/// data for external providers, answers from the cache when it can, keeps to budgets, and accounts for every call.
///
/// The gateway is one more method of the Understander, used when the cheaper sure methods are not sure enough.
/// Its answers are checked (`AnswerCheck`: the Understander passes its own validation and grounding) before
/// the cascade accepts them; an answer that fails the checks or is below the kind's `accept_confidence`
/// escalates to the next model.
public struct ModelGateway: Sendable {
    public let settings: GatewaySettings
    public let store: (any GatewayStore)?
    public var answerCheck: AnswerCheck
    package let http: HTTPClient
    package let health: ProviderHealth
    package let environment: [String: String]
    package let clock: @Sendable () -> Date
    /// Tests shorten retry waits.
    package var backoffBase: Double = 0.5

    /// Changes whenever the prompt's wording or shape changes, so old cached answers are not reused.
    public static let templateVersion = "understanding-v1"

    public init(settings: GatewaySettings, store: (any GatewayStore)?, http: HTTPClient = HTTPClient(),
                answerCheck: AnswerCheck = .grounded, environment: [String: String] = ProcessInfo.processInfo.environment,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.store = store
        self.answerCheck = answerCheck
        self.http = http
        self.health = ProviderHealth(failuresBeforePause: settings.failuresBeforePause, pauseSeconds: settings.pauseSeconds, clock: clock)
        self.environment = environment
        self.clock = clock
    }

    /// The contract entry point (CONTRACTS.md): the kind and/or the fields, as an Understanding.
    public func understand(_ content: MessageContent, catalogue: KindCatalogue, prior: Understanding) async -> Understanding {
        await run(content, catalogue: catalogue, prior: prior, options: GatewayRunOptions()).understanding
    }

    public func understand(_ content: MessageContent, catalogue: KindCatalogue, prior: Understanding, messageID: Int64?) async -> Understanding {
        await run(content, catalogue: catalogue, prior: prior, options: GatewayRunOptions(messageID: messageID)).understanding
    }

    // MARK: - One run

    public func run(_ content: MessageContent, catalogue: KindCatalogue, prior: Understanding,
                    options: GatewayRunOptions) async -> GatewayOutcome {
        var steps = prior.steps
        var calls: [ModelCallRecord] = []
        var budgetStops: [String] = []
        let known = catalogue.kind(named: prior.kind)
        let target = (known.map { prior.confidence >= $0.acceptConfidence } ?? false) ? known : nil
        let models = options.models ?? ((target?.models.isEmpty == false) ? target!.models : settings.models)
        let schema = AnswerSchema.make(catalogue: catalogue, kind: target)
        let cap = target?.maxInputTokens ?? settings.maxInputTokens

        func finish(_ u: Understanding, accepted: Bool, compression: [CompressionStep]) -> GatewayOutcome {
            GatewayOutcome(understanding: u, calls: calls, compression: compression, accepted: accepted, budgetStops: budgetStops)
        }
        guard !models.isEmpty else {
            var u = prior
            u.steps.append(UnderstandingStep(method: "model", kind: nil, confidence: nil,
                                             note: "no model configured (gateway.models or the kind's models:)"))
            return finish(u, accepted: false, compression: [])
        }

        // The prompt texts: one, or several when a long document is mapped chunk group by chunk group.
        let prompt = PromptBuilder(catalogue: catalogue, schema: schema, target: target)
        var compression: [CompressionStep] = []
        var userTexts: [String]
        if options.compress {
            let bodyOnly = PromptCompression.compress(content, fields: schema.fields, documentBudget: 0)
            let baseTokens = TokenEstimate.tokens(bodyOnly.text) + TokenEstimate.tokens(prompt.system(forSchemaProvider: false))
            let documentBudget = max(300, cap - baseTokens)
            let compressed = PromptCompression.compress(content, fields: schema.fields, documentBudget: documentBudget)
            compression = compressed.steps
            userTexts = PromptBuilder.fit(compressed, cap: cap - TokenEstimate.tokens(prompt.system(forSchemaProvider: false)),
                                          steps: &compression)
        } else {
            userTexts = [String(decoding: options.rawMail ?? Data(content.message.text.utf8), as: UTF8.self)]
        }
        let names = (content.message.from + content.message.sender + content.message.to + content.message.cc + content.message.replyTo)
            .compactMap(\.name)

        var best: (answer: ModelAnswer, problems: [String], groundings: [String: Grounding], method: String)?
        for (index, name) in models.enumerated() {
            let step = index + 1
            guard let provider = settings.provider(named: name) else {
                steps.append(UnderstandingStep(method: "model:\(name)", kind: nil, confidence: nil,
                                               note: "provider \(name) is not configured in gateway.providers; skipped"))
                continue
            }
            let method = "model:\(provider.name)/\(provider.model)"
            if let until = await health.pausedUntil(provider.name) {
                let note = "provider \(provider.name) is paused until \(MillisecondTime.string(until)) after repeated failures; skipped"
                steps.append(UnderstandingStep(method: method, kind: nil, confidence: nil, note: note))
                audit(options.messageID, provider, "model_provider_paused", ["provider": .string(provider.name), "cascade_step": .integer(step), "reason": .string(note)])
                continue
            }
            if let reason = budgetReason(provider) {
                budgetStops.append(reason)
                steps.append(UnderstandingStep(method: method, kind: nil, confidence: nil, note: reason + "; no call made"))
                audit(options.messageID, provider, "model_budget_reached", ["provider": .string(provider.name), "cascade_step": .integer(step), "reason": .string(reason)])
                continue
            }
            let apiKey: String?
            do { apiKey = try provider.apiKey(environment: environment) } catch {
                steps.append(UnderstandingStep(method: method, kind: nil, confidence: nil, note: "\(error); skipped"))
                continue
            }
            var client = ChatCompletionsClient(provider: provider, apiKey: apiKey, http: http)
            client.backoffBase = backoffBase

            var redaction = provider.redacts ? Redaction() : nil
            var answers: [ModelAnswer] = []
            var failure: String?
            var stepTokens = (input: 0, output: 0, cost: 0.0, cache: true)
            for text in userTexts {
                let user = redaction.map { r -> String in var r = r; let out = r.redact(text, names: names); redaction = r; return out } ?? text
                let system = prompt.system(forSchemaProvider: provider.supportsJSONSchema)
                let request = ChatRequest(system: system, user: user, schema: schema.json)
                let result = await ask(client: client, request: request, schema: schema, redaction: redaction, step: step,
                                       kind: target?.name ?? "", options: options)
                calls += result.calls
                for c in result.calls {
                    stepTokens.input += c.inputTokens
                    stepTokens.output += c.outputTokens
                    stepTokens.cost += c.cost
                    stepTokens.cache = stepTokens.cache && c.cacheHit
                }
                switch result.answer {
                case .success(let a): answers.append(a)
                case .failure(let e): failure = e.description
                }
                if failure != nil { break }
            }
            let cost = String(format: "%.6f", stepTokens.cost)
            let usage = stepTokens.cache ? "cache hit, 0 tokens" : "\(stepTokens.input) input + \(stepTokens.output) output tokens, \(cost) \(settings.currency)"
            let redacted = redaction.map { ", \($0.total) value(s) redacted" } ?? ""
            if let failure {
                steps.append(UnderstandingStep(method: method, kind: nil, confidence: nil, note: "failed (\(usage)\(redacted)): \(failure); escalating"))
                continue
            }
            var answer = ModelAnswer.merge(answers)
            let kindDefinition = catalogue.kind(named: answer.kind)
            if target == nil, let kindDefinition {
                // The schema offered every kind's fields; only the answered kind's count.
                let names = Set(kindDefinition.fields.map(\.name))
                answer.fields = answer.fields.filter { names.contains($0.key) }
                answer.problems = answer.problems.filter { problem in
                    guard let field = problem.split(separator: ":").first.map(String.init), schema.fields.contains(where: { $0.name == field }) else { return true }
                    return names.contains(field)
                }
            }
            let (checkProblems, groundings) = answerCheck.check(answer, content, kindDefinition)
            let problems = answer.problems + checkProblems
            let threshold = kindDefinition?.acceptConfidence ?? 0.8
            if problems.isEmpty && answer.confidence >= threshold {
                steps.append(UnderstandingStep(method: method, kind: answer.kind, confidence: answer.confidence,
                                               note: "accepted (\(usage)\(redacted))"))
                let u = Understanding(kind: answer.kind, confidence: answer.confidence, method: "model", fields: answer.fields,
                                      groundings: groundings, review: [], steps: steps)
                return finish(u, accepted: true, compression: compression)
            }
            let why = problems.isEmpty ? "confidence \(answer.confidence) below the kind's threshold \(threshold)"
                : problems.prefix(4).joined(separator: "; ")
            steps.append(UnderstandingStep(method: method, kind: answer.kind, confidence: answer.confidence,
                                           note: "not accepted (\(usage)\(redacted)): \(why)" + (step < models.count ? "; escalating" : "")))
            if best == nil || problems.count < best!.problems.count
                || (problems.count == best!.problems.count && answer.confidence > best!.answer.confidence) {
                best = (answer, problems, groundings, method)
            }
        }

        // No answer was accepted: the best one goes to review, or the prior stays, visibly.
        if let best {
            var review = best.problems.map { "model answer: \($0)" }
            let threshold = catalogue.kind(named: best.answer.kind)?.acceptConfidence ?? 0.8
            if best.answer.confidence < threshold {
                review.append("the model's confidence \(best.answer.confidence) is below the kind's threshold \(threshold)")
            }
            review += budgetStops.map { "model gateway: \($0)" }
            let u = Understanding(kind: best.answer.kind, confidence: best.answer.confidence, method: "model", fields: best.answer.fields,
                                  groundings: best.groundings, review: prior.review + review, steps: steps)
            return finish(u, accepted: false, compression: compression)
        }
        var u = prior
        u.steps = steps
        u.review.append(budgetStops.isEmpty ? "no model could answer (see the steps)"
                        : "model gateway: " + budgetStops.joined(separator: "; ") + "; the mail stays with the no-model result")
        return finish(u, accepted: false, compression: compression)
    }

    // MARK: - One call (cache, concurrency, circuit breaker, repair round, accounting)

    package struct AskResult {
        package var answer: Result<ModelAnswer, GatewayError>
        package var calls: [ModelCallRecord]
    }

    package func ask(client: ChatCompletionsClient, request: ChatRequest, schema: AnswerSchema, redaction: Redaction?,
             step: Int, kind: String, options: GatewayRunOptions) async -> AskResult {
        let provider = client.provider
        let inputHash = ModelGateway.sha256(request.system + "\u{0}" + request.user + "\u{0}" + (request.schema?.canonicalJSON ?? ""))
        let key = ModelGateway.sha256([provider.name, provider.model, ModelGateway.templateVersion, inputHash].joined(separator: "\u{0}"))
        let redactions = redaction?.total ?? 0
        var calls: [ModelCallRecord] = []

        if options.useCache, let store, let cached = try? store.cachedModelAnswer(key: key) {
            let parsed: Result<ModelAnswer, GatewayError>
            do { parsed = .success(try AnswerReading.read(cached.content, schema: schema, redaction: redaction)) } catch { parsed = .failure(error) }
            let call = ModelCallRecord(time: clock(), messageID: options.messageID, kind: kind, provider: provider.name, model: provider.model,
                                       cascadeStep: step, inputTokens: 0, outputTokens: 0, cost: 0, latencyMilliseconds: 0, cacheHit: true,
                                       redactions: redactions, outcome: outcomeText(parsed))
            record(call, options: options, extra: ["cached_input_tokens": .integer(cached.inputTokens), "cached_output_tokens": .integer(cached.outputTokens)])
            return AskResult(answer: parsed, calls: [call])
        }

        var history: [(role: String, content: String)] = []
        var lastError: GatewayError = .invalidAnswer("no answer")
        for round in 0..<2 {   // the answer, and one repair round
            var req = request
            req.history = history
            await health.acquire(provider.name, limit: provider.concurrency)
            let result: Result<ChatAnswer, GatewayError>
            do { result = .success(try await client.complete(req)) } catch { result = .failure(error) }
            await health.release(provider.name)
            switch result {
            case .failure(let error):
                let paused = await health.recordFailure(provider.name)
                let call = ModelCallRecord(time: clock(), messageID: options.messageID, kind: kind, provider: provider.name, model: provider.model,
                                           cascadeStep: step, inputTokens: 0, outputTokens: 0, cost: 0, latencyMilliseconds: 0,
                                           cacheHit: false, redactions: redactions, outcome: "failed: \(error)")
                record(call, options: options, extra: paused ? ["provider_paused": true] : [:])
                calls.append(call)
                return AskResult(answer: .failure(error), calls: calls)
            case .success(let chat):
                await health.recordSuccess(provider.name)
                let cost = (Double(chat.inputTokens) * provider.priceInputPerMillion + Double(chat.outputTokens) * provider.priceOutputPerMillion) / 1_000_000
                let parsed: Result<ModelAnswer, GatewayError>
                do { parsed = .success(try AnswerReading.read(chat.content, schema: schema, redaction: redaction)) } catch { parsed = .failure(error) }
                var call = ModelCallRecord(time: clock(), messageID: options.messageID, kind: kind, provider: provider.name, model: provider.model,
                                           cascadeStep: step, inputTokens: chat.inputTokens, outputTokens: chat.outputTokens, cost: cost,
                                           latencyMilliseconds: Int(chat.latencySeconds * 1000), cacheHit: false, redactions: redactions,
                                           outcome: outcomeText(parsed))
                if round == 1 { call.outcome = "repair round: " + call.outcome }
                record(call, options: options, extra: ["attempts": .integer(chat.attempts), "usage_reported": .bool(chat.usageReported),
                                                       "estimated_input_tokens": .integer(req.estimatedInputTokens)])
                calls.append(call)
                switch parsed {
                case .success(let answer):
                    if options.useCache, let store {
                        try? store.storeModelAnswer(key: key, provider: provider.name, model: provider.model, template: ModelGateway.templateVersion,
                                                    inputSHA256: inputHash, answer: CachedModelAnswer(content: chat.content, inputTokens: chat.inputTokens, outputTokens: chat.outputTokens))
                    }
                    return AskResult(answer: .success(answer), calls: calls)
                case .failure(let error):
                    lastError = error
                    history = [("assistant", chat.content),
                               ("user", "That answer could not be used: \(error). Answer again with exactly one JSON object of the form "
                                   + "{\"kind\": …, \"confidence\": …, \"fields\": {…}} and nothing else.")]
                }
            }
        }
        return AskResult(answer: .failure(lastError), calls: calls)
    }

    package func outcomeText(_ parsed: Result<ModelAnswer, GatewayError>) -> String {
        switch parsed {
        case .success(let a): return a.problems.isEmpty ? "answered \(a.kind) (\(a.confidence))" : "answered \(a.kind) with \(a.problems.count) problem(s)"
        case .failure(let e): return "invalid: \(e)"
        }
    }

    package func record(_ call: ModelCallRecord, options: GatewayRunOptions, extra: [String: JSONValue]) {
        guard let store else { return }
        var details: [String: JSONValue] = [
            "provider": .string(call.provider), "model": .string(call.model), "kind": .string(call.kind),
            "cascade_step": .integer(call.cascadeStep), "input_tokens": .integer(call.inputTokens),
            "output_tokens": .integer(call.outputTokens), "cost": .number(call.cost), "currency": .string(settings.currency),
            "latency_ms": .integer(call.latencyMilliseconds), "cache_hit": .bool(call.cacheHit),
            "redactions": .integer(call.redactions), "outcome": .string(call.outcome),
        ]
        for (k, v) in extra { details[k] = v }
        let draft = AuditDraft(messageID: options.messageID, stage: "understand", actor: "model:\(call.provider)/\(call.model)",
                               eventType: call.cacheHit ? "model_cache_hit" : "model_call", details: details)
        _ = try? store.recordModelCall(call, audit: draft)
    }

    package func audit(_ messageID: Int64?, _ provider: ProviderSettings, _ type: String, _ details: [String: JSONValue]) {
        guard let store else { return }
        _ = try? store.appendAudit(AuditDraft(messageID: messageID, stage: "understand", actor: "model:\(provider.name)/\(provider.model)",
                                              eventType: type, details: details))
    }

    // MARK: - Budgets

    /// Why the provider may not be called now (a cap of its own or the overall one reached), or nil.
    public func budgetReason(_ provider: ProviderSettings) -> String? {
        guard let store else { return nil }
        let now = clock()
        let (day, month) = ModelGateway.periodStarts(now)
        for (scope, budget, name) in [("provider \(provider.name)", provider.budget, Optional(provider.name)), ("all providers", settings.budget, nil)]
            where !budget.isUnlimited {
            guard let today = try? store.modelSpending(provider: name, since: day),
                  let thisMonth = try? store.modelSpending(provider: name, since: month) else {
                return "the spending of \(scope) cannot be read from the store; no call made to be safe"
            }
            if let cap = budget.dailyTokens, today.tokens >= cap { return "daily token budget of \(scope) reached (\(today.tokens) of \(cap))" }
            if let cap = budget.monthlyTokens, thisMonth.tokens >= cap { return "monthly token budget of \(scope) reached (\(thisMonth.tokens) of \(cap))" }
            if let cap = budget.dailyCost, today.cost >= cap { return String(format: "daily cost budget of %@ reached (%.4f of %.4f %@)", scope, today.cost, cap, settings.currency) }
            if let cap = budget.monthlyCost, thisMonth.cost >= cap { return String(format: "monthly cost budget of %@ reached (%.4f of %.4f %@)", scope, thisMonth.cost, cap, settings.currency) }
        }
        return nil
    }

    /// Spending against every configured cap, for `mailroom status` and `mailroom costs`.
    public func budgetStatus() throws -> [BudgetStatusLine] {
        guard let store else { return [] }
        let (day, month) = ModelGateway.periodStarts(clock())
        var out: [BudgetStatusLine] = []
        for (scope, budget, name) in [("all providers", settings.budget, String?.none)] + settings.providers.map({ ("provider \($0.name)", $0.budget, Optional($0.name)) }) {
            let today = try store.modelSpending(provider: name, since: day)
            let thisMonth = try store.modelSpending(provider: name, since: month)
            out.append(BudgetStatusLine(scope: scope, today: today, thisMonth: thisMonth, budget: budget))
        }
        return out
    }

    package static func periodStarts(_ now: Date) -> (day: Date, month: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.startOfDay(for: now)
        let month = calendar.date(from: calendar.dateComponents([.year, .month], from: now))!
        return (day, month)
    }

    package static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Spending of one scope against its caps.
public struct BudgetStatusLine: Sendable {
    public var scope: String
    public var today: ModelSpending
    public var thisMonth: ModelSpending
    public var budget: BudgetSettings

    /// "reached" when a cap is reached, else nil.
    public var reached: String? {
        if let c = budget.dailyTokens, today.tokens >= c { return "daily tokens" }
        if let c = budget.monthlyTokens, thisMonth.tokens >= c { return "monthly tokens" }
        if let c = budget.dailyCost, today.cost >= c { return "daily cost" }
        if let c = budget.monthlyCost, thisMonth.cost >= c { return "monthly cost" }
        return nil
    }
}

extension ModelAnswer {
    /// Map-reduce: the answers for several chunk groups of one mail merged — the kind of the most confident
    /// answer, each field from the first answer that has it, list rows concatenated.
    package static func merge(_ answers: [ModelAnswer]) -> ModelAnswer {
        guard var merged = answers.max(by: { $0.confidence < $1.confidence }), answers.count > 1 else { return answers[0] }
        var fields: [String: FieldValue] = [:]
        for a in answers where a.kind == merged.kind {
            for (name, value) in a.fields {
                if case .list(let rows) = value, case .list(let existing)? = fields[name] {
                    fields[name] = .list(existing + rows.filter { !existing.contains($0) })
                } else if fields[name] == nil {
                    fields[name] = value
                }
            }
        }
        merged.fields = fields
        merged.problems = answers.flatMap(\.problems)
        return merged
    }
}

/// The instructions and the user text of a call.
package struct PromptBuilder {
    package var catalogue: KindCatalogue
    package var schema: AnswerSchema
    package var target: KindDefinition?

    package func system(forSchemaProvider: Bool) -> String {
        var out = "You read business e-mail for an automated mailroom. "
        if let target {
            out += "This mail is of kind \(target.name)"
            if !target.description.isEmpty { out += " (\(target.description))" }
            out += ". Extract its fields."
        } else {
            out += "Decide which kind the mail is and extract that kind's fields. Kinds:\n"
            for k in catalogue.kinds where schema.kinds.contains(k.name) {
                out += "- \(k.name)" + (k.description.isEmpty ? "" : ": \(k.description)") + "\n"
            }
        }
        out += "\nAnswer with one JSON object {\"kind\": …, \"confidence\": 0…1, \"fields\": {…}} and nothing else. "
            + "Copy values exactly as the mail writes them; use null when the mail does not state a value. "
            + "Placeholders like [EMAIL_1] stand for hidden values: copy them as they are."
        if !forSchemaProvider && !schema.fields.isEmpty { out += "\nFields:\n" + schema.fieldGuide }
        return out
    }

    /// The user texts within the token cap: one text when it fits; several when a long attachment is split
    /// into chunk groups (map-reduce); the body cut at the cap as a last resort. The steps gain "token cap".
    package static func fit(_ mail: CompressedMail, cap: Int, steps: inout [CompressionStep]) -> [String] {
        let whole = mail.text
        if TokenEstimate.tokens(whole) <= cap { return [whole] }
        var bodyOnly = mail
        bodyOnly.documents = mail.documents.map { var d = $0; d.selected = []; return d }
        var base = bodyOnly.text
        if TokenEstimate.tokens(base) > cap * 2 / 3 {
            // The body alone is too long: cut it.
            let keep = max(200, cap * 2 / 3 * 4)
            var cut = bodyOnly
            cut.body = String(mail.body.prefix(keep)) + "\n[… cut at the token cap]"
            base = cut.text
            bodyOnly = cut
        }
        let budget = max(100, cap - TokenEstimate.tokens(base))
        var groups: [[String: [Int]]] = []
        var current: [String: [Int]] = [:]
        var used = 0
        for doc in mail.documents {
            for i in doc.selected {
                let t = TokenEstimate.tokens(doc.chunks[i])
                if used + t > budget && used > 0 {
                    groups.append(current)
                    current = [:]
                    used = 0
                }
                current[doc.name, default: []].append(i)
                used += t
            }
        }
        if !current.isEmpty { groups.append(current) }
        var texts = groups.map { group -> String in
            var m = bodyOnly
            m.documents = mail.documents
            return m.render(chunkGroup: group)
        }
        if texts.isEmpty { texts = [base] }
        let after = texts.joined()
        steps.append(CompressionStep(name: texts.count > 1 ? "token cap (map-reduce over \(texts.count) chunk groups)" : "token cap",
                                     charactersBefore: whole.count, charactersAfter: texts.map(\.count).max() ?? 0,
                                     tokensBefore: TokenEstimate.tokens(whole), tokensAfter: texts.map(TokenEstimate.tokens).max() ?? 0))
        _ = after
        return texts
    }
}

/// What the gateway keeps: its answer cache, the ledger of calls and money, and audit events of refusals.
public typealias GatewayStore = ModelCallStore & AuditLogStore
