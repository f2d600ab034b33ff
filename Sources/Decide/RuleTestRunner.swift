import Foundation
import Yams
import Vocabulary
import Parse

/// `mailroom rules test`: runs the fixtures in rules/tests/*.yaml — a mail and what should come of it — and
/// reports pass/fail per fixture like a unit-test runner.
///
/// ```yaml
/// mail: quote-acme.eml            # beside this file
/// given:                          # optional: decide on this understanding instead of understanding the mail
///   kind: quote_request
///   confidence: 0.95
///   fields: {customer_company: ACME GmbH, contact_email: buyer@acme.example, lines: [{description: Widget, quantity: 10}]}
/// expect:
///   kind: quote_request           # optional
///   fields: {customer_company: ACME GmbH, lines: [{sku: PMP-100}]}   # optional; only the fields (and keys) named are compared
///   actions:                      # the actions, in order; params optional and compared only for the names given
///     - {rule: quote to draft quotation, connector: erp, action: create_quotation, params: {customer_email: buyer@acme.example}}
///   quote: {skus: [PMP-100, VLV-BALL-50], total: 2948.0, currency: EUR, unmatched: 0}   # optional
///   review: "line 3"              # optional: the mail goes to review, the reason contains this text
/// ```
/// A mail that would go to review fails its test unless `review:` expects it.
public enum RuleTestRunner {
    public struct Outcome: Sendable, Hashable {
        public var file: String
        public var passed: Bool
        /// What differed, one line each, in rule-author words.
        public var failures: [String]
    }

    public static func run(directory: URL, decider: Decider, now: Date = Date(),
                           understand: (Data) async -> Understanding?) async -> [Outcome] {
        await run(files: testFiles(in: directory), decider: decider, now: now, understand: understand)
    }

    /// The test files of a folder (*.yaml, *.yml), sorted by name.
    public static func testFiles(in directory: URL) -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        return names.map { directory.appendingPathComponent($0) }
    }

    /// Runs exactly these test files, in this order.
    public static func run(files: [URL], decider: Decider, now: Date = Date(),
                           understand: (Data) async -> Understanding?) async -> [Outcome] {
        var outcomes: [Outcome] = []
        for url in files {
            let display = RuleSet.displayPath(url)
            do {
                let failures = try await runOne(url, display: display, decider: decider, now: now, understand: understand)
                outcomes.append(Outcome(file: display, passed: failures.isEmpty, failures: failures))
            } catch {
                outcomes.append(Outcome(file: display, passed: false, failures: ["\(error)"]))
            }
        }
        return outcomes
    }

    package struct FixtureError: Error, CustomStringConvertible {
        package var description: String
    }

    package static func runOne(_ url: URL, display: String, decider: Decider, now: Date,
                       understand: (Data) async -> Understanding?) async throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var reader = YAMLFileReader(file: display)
        guard case .success(let composed) = reader.compose(text) else {
            throw FixtureError(description: reader.problems.map(\.description).joined(separator: "\n"))
        }
        guard let root = composed, let map = root.mapping else {
            throw FixtureError(description: "\(display): a test holds `mail:`, optional `given:`, and `expect:`")
        }
        let testKeys = ["mail", "given", "expect", "source", "description"]
        for (key, _) in map where !testKeys.contains(key.string ?? "") {
            reader.unknownKey(key, key.string ?? "", allowed: testKeys)
            throw FixtureError(description: reader.problems.map(\.description).joined(separator: "\n"))
        }
        guard let mailName = map["mail"]?.string else { throw FixtureError(description: "\(display): `mail:` names no mail file") }
        let mailURL = url.deletingLastPathComponent().appendingPathComponent(mailName)
        guard let raw = FileManager.default.contents(atPath: mailURL.path) else {
            throw FixtureError(description: "\(display): the mail \(mailName) is not there")
        }
        let message = MessageParser.parse(raw).normalised
        var understanding: Understanding
        if let given = map["given"] {
            understanding = try understandingFrom(given, display: display)
        } else if let u = await understand(raw) {
            understanding = u
        } else {
            throw FixtureError(description: "\(display): this test has no `given:` understanding, and understanding mails is not available in this build")
        }
        let input = DecisionInput(messageID: 0, message: message, understanding: understanding,
                                  source: map["source"]?.string ?? "test", receivedAt: message.date ?? now, now: now)
        let decision = decider.decide(input)
        var failures: [String] = decision.problems.map { "rule '\($0.rule)' (\($0.file):\($0.line)) could not be evaluated: \($0.message)" }
        guard let expect = map["expect"]?.mapping else { return failures + ["`expect:` is missing"] }
        if let kind = expect["kind"]?.string, kind != understanding.kind {
            failures.append("kind: expected \(kind), got \(understanding.kind)")
        }
        if let fields = expect["fields"]?.mapping {
            for (k, v) in fields {
                let name = k.string ?? ""
                let got = understanding.fields[name].map { RuleValue(field: $0).json } ?? .null
                if let difference = difference(expected: jsonValue(v), got: got, at: name) {
                    failures.append("field \(difference)")
                }
            }
        }
        let reviewText = decision.review.joined(separator: "; ")
        if let r = expect["review"] {
            if r.bool == false {
                if !decision.review.isEmpty { failures.append("expected no review, but the mail would go to review: \(reviewText)") }
            } else if decision.review.isEmpty {
                failures.append("expected the mail to go to review (\(r.string ?? "")), but it would not")
            } else if let fragment = r.string, r.bool != true, !reviewText.localizedCaseInsensitiveContains(fragment) {
                failures.append("review: expected a reason containing '\(fragment)', got: \(reviewText)")
            }
        } else if !decision.review.isEmpty {
            failures.append("the mail would go to review: \(reviewText)")
        }
        if let q = expect["quote"]?.mapping {
            let draft = decision.quote
            let priced = draft?.lines.filter { !$0.needsReview }.compactMap { $0.product?.sku } ?? []
            let unmatched = draft?.lines.filter(\.needsReview).count ?? 0
            if draft == nil { failures.append("quote: no quote was drafted (no rule reads `quote`, no catalogue, or no lines)") }
            if let skus = q["skus"]?.sequence {
                let want = skus.compactMap(\.string)
                if want != priced { failures.append("quote skus: expected \(want), got \(priced)") }
            }
            if let t = q["total"], let want = Double(t.string ?? ""), abs(want - (draft?.total ?? -1)) > 0.005 {
                failures.append("quote total: expected \(want), got \(draft.map { String($0.total) } ?? "none")")
            }
            if let c = q["currency"]?.string, c != draft?.currency { failures.append("quote currency: expected \(c), got \(draft?.currency ?? "none")") }
            if let u = q["unmatched"]?.int, u != unmatched { failures.append("quote unmatched lines: expected \(u), got \(unmatched)") }
        }
        if let actionsNode = expect["actions"] {
            let wanted: [Node] = actionsNode.sequence.map { Array($0) } ?? []
            let got = decision.actions
            if wanted.count != got.count {
                failures.append("actions: expected \(wanted.count), got \(got.count)"
                    + (got.isEmpty ? "" : " (\(got.map { "\($0.connector) \($0.action) by rule '\($0.rule)'" }.joined(separator: ", ")))"))
            }
            for (i, w) in wanted.enumerated() where i < got.count {
                let g = got[i]
                guard let wm = w.mapping else { continue }
                if let c = wm["connector"]?.string, c != g.connector { failures.append("action \(i + 1): connector expected \(c), got \(g.connector)") }
                if let a = wm["action"]?.string, a != g.action { failures.append("action \(i + 1): action expected \(a), got \(g.action)") }
                if let r = wm["rule"]?.string, r != g.rule { failures.append("action \(i + 1): rule expected '\(r)', got '\(g.rule)'") }
                if let ap = wm["approval"]?.string, ap != (g.approval ?? "") { failures.append("action \(i + 1): approval expected \(ap), got \(g.approval ?? "none")") }
                if let params = wm["params"]?.mapping {
                    for (k, v) in params {
                        let name = k.string ?? ""
                        if let difference = difference(expected: jsonValue(v), got: g.parameters[name] ?? .null, at: name) {
                            failures.append("action \(i + 1) parameter \(difference)")
                        }
                    }
                }
            }
        }
        return failures
    }

    /// Where an expected value differs from what came out, or nil. Only the keys an expected record names are
    /// compared (at any depth: `lines: [{sku: PMP-100}]` ignores each line's other keys); lists are compared
    /// item by item and must be as long; numbers by value. "lines[1].sku: expected "A", got "B"".
    package static func difference(expected: JSONValue, got: JSONValue, at path: String) -> String? {
        switch (expected, got) {
        case (.object(let want), .object(let have)):
            for key in want.keys.sorted() {
                if let d = difference(expected: want[key]!, got: have[key] ?? .null, at: path + "." + key) { return d }
            }
            return nil
        case (.array(let want), .array(let have)):
            if want.count != have.count {
                return "\(path): expected \(want.count) item(s), got \(have.count): \(got.canonicalJSON)"
            }
            for (i, w) in want.enumerated() {
                if let d = difference(expected: w, got: have[i], at: "\(path)[\(i)]") { return d }
            }
            return nil
        default:
            if RuleValue(json: expected) == RuleValue(json: got) { return nil }
            if RuleValues.equal(RuleValue(json: expected), RuleValue(json: got)) { return nil }
            return "\(path): expected \(expected.canonicalJSON), got \(got.canonicalJSON)"
        }
    }

    /// A YAML value as JSON (plain scalars typed the YAML way).
    package static func jsonValue(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                if s.string == "null" || s.string == "~" { return .null }
                if s.string == "true" { return .bool(true) }
                if s.string == "false" { return .bool(false) }
                if let i = Int64(s.string) { return .int(i) }
                if let d = Double(s.string), s.string.contains(".") { return .number(d) }
            }
            return .string(s.string)
        case .sequence(let seq): return .array(seq.map(jsonValue))
        case .mapping(let m):
            var o: [String: JSONValue] = [:]
            for (k, v) in m { o[k.string ?? ""] = jsonValue(v) }
            return .object(o)
        case .alias: return .null
        }
    }

    package static func understandingFrom(_ node: Node, display: String) throws -> Understanding {
        guard let m = node.mapping, let kind = m["kind"]?.string else {
            throw FixtureError(description: "\(display): `given:` needs at least `kind:`")
        }
        var fields: [String: FieldValue] = [:]
        if let f = m["fields"]?.mapping {
            for (k, v) in f { fields[k.string ?? ""] = fieldValue(jsonValue(v)) }
        }
        return Understanding(kind: kind, confidence: m["confidence"]?.float ?? 1, method: "given", fields: fields)
    }

    package static func fieldValue(_ json: JSONValue) -> FieldValue {
        switch json {
        case .int(let i): return .number(Decimal(i))
        case .number(let d): return .number(Decimal(string: "\(d)") ?? Decimal(d))
        case .bool(let b): return .bool(b)
        case .array(let items):
            return .list(items.map { item in (item.objectValue ?? [:]).mapValues(fieldValue) })
        case .string(let s): return .text(s)
        default: return .text(json.canonicalJSON)
        }
    }
}
