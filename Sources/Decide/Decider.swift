import Foundation
import Vocabulary
import Understand

/// What Decide looks at for one message. Everything a rule can read is in here, including the time the
/// decision is taken for, so a decision can be repeated exactly (`rules test`, `replay`).
public struct DecisionInput: Sendable {
    public var messageID: Int64
    public var message: NormalisedMessage
    public var understanding: Understanding
    /// The configured source the message came from ("maildir:inbox").
    public var source: String
    public var receivedAt: Date
    public var now: Date

    public init(messageID: Int64, message: NormalisedMessage, understanding: Understanding, source: String,
                receivedAt: Date, now: Date) {
        self.messageID = messageID
        self.message = message
        self.understanding = understanding
        self.source = source
        self.receivedAt = receivedAt
        self.now = now
    }

    /// The values rules read, by top-level name (rules/README.md lists them).
    public var scope: EvaluationScope {
        func addresses(_ list: [MailAddress]) -> RuleValue { .list(list.map { .string($0.address.lowercased()) }) }
        let senderAddress = (message.from.first ?? message.sender.first)?.address.lowercased()
        var headers: [String: RuleValue] = [:]
        for h in message.headers where headers[h.name.lowercased()] == nil { headers[h.name.lowercased()] = .string(h.value) }
        let attachments: [RuleValue] = message.attachments.map { a in
            .object(["filename": a.filename.map(RuleValue.string) ?? .null, "content_type": .string(a.contentType),
                     "size": .number(Decimal(a.size)), "sha256": .string(a.sha256),
                     "disposition": a.disposition.map(RuleValue.string) ?? .null])
        }
        let messageValue: RuleValue = .object([
            "subject": message.subject.map(RuleValue.string) ?? .null,
            "sender": senderAddress.map(RuleValue.string) ?? .null,
            "sender_name": (message.from.first?.name).map(RuleValue.string) ?? .null,
            "from": addresses(message.from), "to": addresses(message.to), "cc": addresses(message.cc),
            "reply_to": addresses(message.replyTo),
            "date": message.date.map { .string(ISO8601.utcString($0)) } ?? .null,
            "id": message.messageID.map(RuleValue.string) ?? .null,
            "text": .string(message.text),
            "headers": .object(headers),
            "attachments": .list(attachments),
        ])
        let thread: RuleValue = .object([
            "in_reply_to": message.inReplyTo.map(RuleValue.string) ?? .null,
            "references": .list(message.references.map(RuleValue.string)),
            "is_reply": .bool(message.inReplyTo != nil || !message.references.isEmpty),
        ])
        var confidence = Decimal()
        var c = Decimal(string: String(format: "%.6f", understanding.confidence), locale: Locale(identifier: "en_US_POSIX")) ?? 0
        NSDecimalRound(&confidence, &c, 6, .plain)
        return EvaluationScope(names: [
            "message": messageValue,
            "sender": senderAddress.map(RuleValue.string) ?? .null,
            "subject": message.subject.map(RuleValue.string) ?? .null,
            "kind": .string(understanding.kind),
            "confidence": .number(confidence),
            "fields": .object(understanding.fields.mapValues(RuleValue.init(field:))),
            "thread": thread,
            "source": .string(source),
        ], now: now, receivedAt: receivedAt)
    }
}

/// A rule that could not be evaluated on a message (a type mismatch the checker cannot see in advance).
public struct RuleEvaluationProblem: Sendable, Hashable, Codable {
    public var rule: String
    public var file: String
    public var line: Int
    public var message: String
}

/// What Decide concluded for one message.
public struct Decision: Sendable, Hashable {
    public var actions: [IntendedAction]
    /// Names of the rules whose condition held, in the order they ran.
    public var matchedRules: [String]
    public var rulesEvaluated: Int
    /// Rules not tried and why ("after rule X stopped", "kind other is not a business kind").
    public var skipped: [String: String]
    public var problems: [RuleEvaluationProblem]
    public var ruleFiles: [RuleFileInfo]
    /// Reasons the message must go to a person instead of acting (a rule's `review:`, or quote lines that
    /// match nothing in the catalogue). When not empty, `actions` is empty: nothing is done.
    public var review: [String] = []
    /// The quote request's lines matched to the catalogue and priced (when a rule reads `quote`).
    public var quote: QuoteDraft?
    /// The catalogue `quote` was priced from (for the audit).
    public var catalogue: ProductCatalogue?

    public var auditDetails: [String: JSONValue] {
        var details: [String: JSONValue] = [
            "rules_evaluated": .integer(rulesEvaluated),
            "rules_matched": .array(matchedRules.map { .string($0) }),
            "rule_files": .array(ruleFiles.map { .object(["file": .string($0.file), "sha256": .string($0.sha256)]) }),
            "actions": .array(actions.map(Decision.actionJSON)),
            "problems": .array(problems.map { .string("\($0.file):\($0.line): rule '\($0.rule)': \($0.message)") }),
        ]
        if !review.isEmpty { details["review"] = .array(review.map { .string($0) }) }
        if let quote, let catalogue { details["quote"] = QuoteScope.auditJSON(quote, catalogue: catalogue) }
        return details
    }

    package static func actionJSON(_ a: IntendedAction) -> JSONValue { a.auditJSON }
}

/// The pure heart of Decide: (message, understanding, rules) → intended actions.
public struct Decider: Sendable {
    public let rules: RuleSet
    /// Kinds that may trigger actions without being named by a rule (CONTRACTS.md's business kinds, or
    /// those the kind catalogue marks `business`).
    public let businessKinds: Set<String>
    package let evaluator: ExpressionEvaluator

    public static let defaultBusinessKinds: Set<String> = ["quote_request", "support_ticket", "approval", "invoice", "purchase_order"]

    public init(rules: RuleSet, kinds: KindCatalogue? = nil) {
        self.rules = rules
        if let kinds {
            businessKinds = Set(kinds.kinds.filter(\.business).map(\.name))
        } else {
            businessKinds = Decider.defaultBusinessKinds
        }
        evaluator = ExpressionEvaluator()
    }

    public func decide(_ input: DecisionInput) -> Decision {
        var traces: [RuleTrace]?
        return run(input, traces: &traces)
    }

    /// The decision and, for every rule in priority order, what became of it and why (`mailroom rules try`).
    /// The same evaluation as `decide`: nothing is executed or stored.
    public func trace(_ input: DecisionInput) -> (decision: Decision, rules: [RuleTrace]) {
        var traces: [RuleTrace]? = []
        let decision = run(input, traces: &traces)
        return (decision, traces ?? [])
    }

    private func run(_ input: DecisionInput, traces: inout [RuleTrace]?) -> Decision {
        var scope = input.scope
        let kind = input.understanding.kind
        var decision = Decision(actions: [], matchedRules: [], rulesEvaluated: 0, skipped: [:], problems: [],
                                ruleFiles: rules.files)
        if rules.readsQuote {
            if let catalogue = rules.catalogue {
                decision.quote = QuoteScope.draft(for: input.understanding, catalogue: catalogue)
                decision.catalogue = catalogue
            }
            scope.names["quote"] = QuoteScope.value(decision.quote)
        }
        var stoppedBy: String?
        for rule in rules.rules {
            func note(_ outcome: RuleTrace.Outcome) {
                traces?.append(RuleTrace(rule: rule.name, file: rule.file, line: rule.line, priority: rule.priority,
                                         stop: rule.stop, condition: rule.whenSource, outcome: outcome))
            }
            if !decision.review.isEmpty {
                decision.skipped[rule.name] = "the message goes to review"
                note(.skipped("the message goes to review"))
                continue
            }
            if let stoppedBy {
                decision.skipped[rule.name] = "rule '\(stoppedBy)' matched and stops further rules"
                note(.skipped("rule '\(stoppedBy)' matched and stops further rules"))
                continue
            }
            if !businessKinds.contains(kind), !rule.namedKinds.contains(kind) {
                decision.skipped[rule.name] = "kind '\(kind)' is not a business kind and the rule does not name it"
                note(.skipped("kind '\(kind)' is not a business kind and the rule does not name it"))
                continue
            }
            decision.rulesEvaluated += 1
            let holds: Bool
            do throws(ExpressionError) {
                holds = try evaluator.evaluate(rule.when, in: scope).isTruthy
            } catch {
                decision.problems.append(RuleEvaluationProblem(rule: rule.name, file: rule.file, line: rule.line,
                                                               message: "the condition could not be evaluated: \(error.message)"))
                note(.failed("the condition could not be evaluated: \(error.message)"))
                continue
            }
            guard holds else {
                if traces != nil { note(.notMatched(ConditionExplainer(evaluator: evaluator, scope: scope).whyFalse(rule.when))) }
                continue
            }
            if let review = rule.review {
                decision.matchedRules.append(rule.name)
                do throws(ExpressionError) {
                    let reason = try review.render(evaluator, in: scope).text
                    decision.review.append("rule '\(rule.name)': " + reason)
                } catch {
                    decision.review.append("rule '\(rule.name)' (\(rule.file):\(rule.line)) sends the mail to review; its reason could not be filled in: \(error.message)")
                }
                note(.review(decision.review.last ?? ""))
                decision.actions = []
                continue
            }
            // A safeguard whatever the rules say: actions built from `quote` are never taken while a line of the
            // request matches nothing (or too weakly); a person resolves the line first.
            if rule.readsQuote, !rule.actions.isEmpty, let quote = decision.quote, quote.needsReview {
                decision.matchedRules.append(rule.name)
                let lines = quote.lines.enumerated().filter { $0.element.needsReview }.map { QuoteScope.reason($0.offset, $0.element) }
                decision.review.append("rule '\(rule.name)' would act on the quote, but " + lines.joined(separator: "; "))
                note(.review(decision.review.last ?? ""))
                decision.actions = []
                continue
            }
            var rendered: [IntendedAction] = []
            var failed = false
            for (index, action) in rule.actions.enumerated() {
                var parameters: [String: JSONValue] = [:]
                var deferred: [String] = []
                do throws(ExpressionError) {
                    for (name, template) in action.parameters {
                        parameters[name] = try render(template, scope: scope, at: name, deferred: &deferred)
                    }
                } catch {
                    decision.problems.append(RuleEvaluationProblem(rule: rule.name, file: rule.file, line: action.line,
                                                                   message: "a parameter of action \(index + 1) could not be filled in: \(error.message)"))
                    note(.failed("a parameter of action \(index + 1) could not be filled in: \(error.message)"))
                    failed = true
                    break
                }
                rendered.append(IntendedAction(rule: rule.name, ruleFile: rule.file, ruleFileSHA256: rule.fileSHA256,
                                               index: index, connector: action.connector, action: action.action,
                                               parameters: parameters, approval: action.approval,
                                               capturedTemplates: deferred.sorted()))
            }
            if failed { continue }
            note(.matched)
            decision.matchedRules.append(rule.name)
            decision.actions += rendered
            if rule.stop { stoppedBy = rule.name }
        }
        return decision
    }

    /// Renders a parameter. A template that reads `captured` stays as written, and its place is noted in
    /// `deferred`: the outbox fills exactly those places when the action runs (the values do not exist before).
    package func render(_ template: ParameterTemplate, scope: EvaluationScope, at path: String = "",
                        deferred: inout [String]) throws(ExpressionError) -> JSONValue {
        switch template {
        case .value(let v): return v
        case .template(let t):
            if t.expressions.contains(where: { $0.rootNames.contains("captured") }) {
                deferred.append(path)
                return .string(t.source)
            }
            return try t.render(evaluator, in: scope).json
        case .list(let items):
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() { out.append(try render(item, scope: scope, at: "\(path)[\(i)]", deferred: &deferred)) }
            return .array(out)
        case .mapping(let m):
            var out: [String: JSONValue] = [:]
            for (k, v) in m { out[k] = try render(v, scope: scope, at: path.isEmpty ? k : "\(path).\(k)", deferred: &deferred) }
            return .object(out)
        }
    }

    /// The action's parameters with its `captured` templates (and only those: `capturedTemplates`) filled in
    /// from the values earlier actions captured. Every other string is left as it is, even one that looks like
    /// a template: it may have come from a mail.
    public static func fillCaptured(_ action: IntendedAction, captured: [String: JSONValue]) throws(ExpressionError) -> [String: JSONValue] {
        var parameters = action.parameters
        for path in action.capturedTemplates {
            var steps = PathStep.parse(path)
            guard !steps.isEmpty, case .key(let first) = steps.removeFirst(), let value = parameters[first] else { continue }
            parameters[first] = try fill(value, at: steps) { source throws(ExpressionError) in try renderCaptured(source, captured: captured) }
        }
        return parameters
    }

    /// The action's parameters as a person should see them before it runs (an approver, `rules try`): each
    /// `captured` template whose values exist is filled in; one that reads a value not captured yet becomes
    /// `pending("erp find_or_create_party")` — the earlier action (the nearest one of the same connector in
    /// `earlier`) that will capture it — instead of raw `{{ … }}` text.
    public static func previewCaptured(_ action: IntendedAction, captured: [String: JSONValue], earlier: [IntendedAction],
                                       pending: (String) -> String) -> [String: JSONValue] {
        var parameters = action.parameters
        for path in action.capturedTemplates {
            var steps = PathStep.parse(path)
            guard !steps.isEmpty, case .key(let first) = steps.removeFirst(), let value = parameters[first] else { continue }
            parameters[first] = (try? fill(value, at: steps) { (source: String) throws(ExpressionError) -> JSONValue in
                guard let template = try? Template.parse(source) else { return .string(source) }
                let keys = template.expressions.flatMap(capturedKeys)
                if let missing = keys.first(where: { captured[$0] == nil }) {
                    let connector = String(missing.split(separator: ".", maxSplits: 1).first ?? "")
                    let producer = earlier.last { $0.connector == connector }.map { "\($0.connector) \($0.action)" } ?? connector
                    return .string(pending(producer))
                }
                do throws(ExpressionError) {
                    return try renderCaptured(source, captured: captured)
                } catch {
                    return .string(pending("the captured values (\(error.message))"))
                }
            }) ?? value
        }
        return parameters
    }

    /// "erp.party_id" for every `captured.erp.party_id` the expression reads.
    private static func capturedKeys(_ e: Expression) -> [String] {
        switch e.node {
        case .member(let base, let name):
            if case .member(let root, let connector) = base.node, case .name("captured") = root.node { return ["\(connector).\(name)"] }
            if case .name("captured") = base.node { return [name] }
            return capturedKeys(base)
        case .index(let b, let i): return capturedKeys(b) + capturedKeys(i)
        case .list(let items): return items.flatMap(capturedKeys)
        case .not(let o), .negate(let o): return capturedKeys(o)
        case .binary(_, let l, let r): return capturedKeys(l) + capturedKeys(r)
        case .call(_, let args): return args.flatMap(capturedKeys)
        case .lambda(_, let body): return capturedKeys(body)
        case .literal, .name: return []
        }
    }

    private enum PathStep {
        case key(String), index(Int)

        /// "lines[0].sku" → key lines, index 0, key sku. Rule files name parameters with plain words.
        static func parse(_ path: String) -> [PathStep] {
            var steps: [PathStep] = []
            for part in path.split(separator: ".", omittingEmptySubsequences: false) {
                var rest = Substring(part)
                if let bracket = rest.firstIndex(of: "[") {
                    steps.append(.key(String(rest[..<bracket])))
                    rest = rest[bracket...]
                    while rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), let i = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                        steps.append(.index(i))
                        rest = rest[rest.index(after: close)...]
                    }
                } else {
                    steps.append(.key(String(rest)))
                }
            }
            return steps
        }
    }

    private static func fill(_ value: JSONValue, at steps: [PathStep],
                             leaf: (String) throws(ExpressionError) -> JSONValue) throws(ExpressionError) -> JSONValue {
        guard let step = steps.first else {
            guard case .string(let source) = value else { return value }
            return try leaf(source)
        }
        let rest = Array(steps.dropFirst())
        switch (step, value) {
        case (.index(let i), .array(var items)) where items.indices.contains(i):
            items[i] = try fill(items[i], at: rest, leaf: leaf)
            return .array(items)
        case (.key(let k), .object(var object)):
            guard let inner = object[k] else { return value }
            object[k] = try fill(inner, at: rest, leaf: leaf)
            return .object(object)
        default:
            return value
        }
    }

    /// Renders one rule-file template whose only names are `captured.…` (`rules check` refuses anything else).
    private static func renderCaptured(_ source: String, captured: [String: JSONValue]) throws(ExpressionError) -> JSONValue {
        let template = try Template.parse(source)
        var nested: [String: RuleValue] = [:]
        for (key, v) in captured {
            // "erp.party_id" → captured.erp.party_id
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                var inner: [String: RuleValue] = [:]
                if case .object(let existing)? = nested[parts[0]] { inner = existing }
                inner[parts[1]] = RuleValue(json: v)
                nested[parts[0]] = .object(inner)
            } else {
                nested[key] = RuleValue(json: v)
            }
        }
        let scope = EvaluationScope(names: ["captured": .object(nested)], now: Date(timeIntervalSince1970: 0),
                                    receivedAt: Date(timeIntervalSince1970: 0))
        return try template.render(ExpressionEvaluator(), in: scope).json
    }
}
