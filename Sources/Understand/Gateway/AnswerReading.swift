import Foundation
import Vocabulary
import Parse

/// A model's answer read into a kind, a confidence and typed field values — or the problems that make it
/// unusable (which the gateway sends back once for repair, then escalates).
public struct ModelAnswer: Sendable, Hashable {
    public var kind: String
    public var confidence: Double
    public var fields: [String: FieldValue]
    /// Values that did not fit the schema (dropped), in words a repair prompt and the audit can use.
    public var problems: [String]
}

public enum AnswerReading {
    /// The JSON object in a model's text, tolerating code fences, text before and after, and a trailing comma
    /// before a closing brace. Nil when there is no JSON object at all.
    public static func jsonObject(in text: String) -> JSONValue? {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let fence = t.range(of: "```") {
            var inner = t[fence.upperBound...]
            if let newline = inner.firstIndex(of: "\n"), inner[..<newline].allSatisfy({ $0.isLetter }) {
                inner = inner[inner.index(after: newline)...]
            }
            if let close = inner.range(of: "```") { inner = inner[..<close.lowerBound] }
            t = String(inner)
        }
        let chars = Array(t)
        guard let start = chars.firstIndex(of: "{") else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        for i in start..<chars.count {
            let c = chars[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            if c == "\"" { inString = true } else if c == "{" { depth += 1 } else if c == "}" {
                depth -= 1
                if depth == 0 {
                    let candidate = String(chars[start...i])
                    if let v = try? JSONValue(parsing: candidate) { return v }
                    let repaired = candidate.replacingOccurrences(of: #",\s*([}\]])"#, with: "$1", options: .regularExpression)
                    return try? JSONValue(parsing: repaired)
                }
            }
        }
        return nil
    }

    /// Reads an answer against the schema. Throws a description when the answer is no usable object at all.
    public static func read(_ text: String, schema: AnswerSchema, redaction: Redaction?) throws(GatewayError) -> ModelAnswer {
        guard var object = jsonObject(in: text) else {
            throw .invalidAnswer("the answer holds no JSON object: \(text.prefix(120))")
        }
        if let redaction { object = redaction.restore(object) }
        guard case .object(let members) = object else { throw .invalidAnswer("the answer is not a JSON object") }
        var problems: [String] = []
        guard let kind = members["kind"]?.stringValue else { throw .invalidAnswer("the answer names no \"kind\"") }
        guard schema.kinds.contains(kind) else {
            throw .invalidAnswer("\"\(kind)\" is not one of the kinds \(schema.kinds.joined(separator: ", "))")
        }
        var confidence = members["confidence"]?.doubleValue ?? 0.5
        if members["confidence"]?.doubleValue == nil { problems.append("\"confidence\" is missing or not a number") }
        confidence = min(1, max(0, confidence.isFinite ? confidence : 0))
        var fields: [String: FieldValue] = [:]
        let given = members["fields"]?.objectValue ?? [:]
        if members["fields"] != nil && members["fields"]?.objectValue == nil { problems.append("\"fields\" is not an object") }
        for f in schema.fields {
            guard let raw = given[f.name], !raw.isNull else { continue }
            switch value(raw, as: f) {
            case .success(let v): fields[f.name] = v
            case .failure(let problem): problems.append("\(f.name): \(problem.message)")
            }
        }
        for name in given.keys where !schema.fields.contains(where: { $0.name == name }) {
            problems.append("\(name): not a field of the schema")
        }
        return ModelAnswer(kind: kind, confidence: confidence, fields: fields, problems: problems)
    }

    package struct Problem: Error { var message: String }

    package static func value(_ raw: JSONValue, as field: FieldDefinition) -> Result<FieldValue, Problem> {
        switch field.type {
        case .number:
            guard let d = decimal(raw) else { return .failure(Problem(message: "not a number")) }
            return .success(.number(d))
        case .money:
            guard let d = decimal(raw) else { return .failure(Problem(message: "not an amount")) }
            return .success(.money(d, currency: nil))
        case .bool:
            guard let b = raw.boolValue else { return .failure(Problem(message: "not true or false")) }
            return .success(.bool(b))
        case .date:
            guard let s = raw.stringValue, s.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else {
                return .failure(Problem(message: "not a date YYYY-MM-DD"))
            }
            return .success(.date(s))
        case .enumeration(let values):
            guard let s = raw.stringValue, values.contains(s) else {
                return .failure(Problem(message: "not one of \(values.joined(separator: ", "))"))
            }
            return .success(.text(s))
        case .list:
            guard let items = raw.arrayValue else { return .failure(Problem(message: "not a list")) }
            var rows: [[String: FieldValue]] = []
            for item in items {
                guard let o = item.objectValue else { return .failure(Problem(message: "a list item is not an object")) }
                var row: [String: FieldValue] = [:]
                for f in field.items {
                    guard let v = o[f.name], !v.isNull else { continue }
                    if case .success(let value) = value(v, as: f) { row[f.name] = value }
                }
                rows.append(row)
            }
            return .success(.list(rows))
        case .email:
            guard let s = raw.stringValue?.trimmingCharacters(in: .whitespaces), s.contains("@") else {
                return .failure(Problem(message: "not an e-mail address"))
            }
            return .success(.text(s.lowercased()))
        case .iban:
            guard let s = raw.stringValue else { return .failure(Problem(message: "not text")) }
            let compact = s.replacingOccurrences(of: " ", with: "").uppercased()
            guard Redaction.isValidIBAN(compact) else { return .failure(Problem(message: "not a valid IBAN")) }
            return .success(.text(compact))
        default:
            if let s = raw.stringValue { return .success(.text(s.trimmingCharacters(in: .whitespaces))) }
            if let d = raw.doubleValue { return .success(.text(FieldValue.decimalString(Decimal(d), minimumFractionDigits: 0))) }
            return .failure(Problem(message: "not text"))
        }
    }

    package static func decimal(_ raw: JSONValue) -> Decimal? {
        if let i = raw.intValue { return Decimal(i) }
        if let d = raw.doubleValue { return Decimal(string: String(d)) }
        if let s = raw.stringValue {
            let cleaned = s.filter { $0.isNumber || $0 == "." || $0 == "-" || $0 == "," }
            let normal = cleaned.contains(",") && !cleaned.contains(".") ? cleaned.replacingOccurrences(of: ",", with: ".")
                : cleaned.replacingOccurrences(of: ",", with: "")
            return Decimal(string: normal, locale: Locale(identifier: "en_US_POSIX"))
        }
        return nil
    }
}

/// Decides whether a model's answer may be accepted or the cascade must go on: returns the problems
/// (empty: acceptable) and the groundings found. The Understander passes its own validation and grounding;
/// `AnswerCheck.grounded` is the gateway's own: required fields present, and every value found in the mail.
public struct AnswerCheck: Sendable {
    public var check: @Sendable (ModelAnswer, MessageContent, KindDefinition?) -> (problems: [String], groundings: [String: Grounding])

    public init(_ check: @escaping @Sendable (ModelAnswer, MessageContent, KindDefinition?) -> (problems: [String], groundings: [String: Grounding])) {
        self.check = check
    }

    /// Required fields present; each text value found in the subject, body, an attachment or a header (case
    /// and spacing ignored), each number and amount found by its digits.
    public static let grounded = AnswerCheck { answer, content, kind in
        var problems: [String] = []
        var groundings: [String: Grounding] = [:]
        for f in kind?.fields ?? [] where f.required && answer.fields[f.name] == nil {
            problems.append("required field \(f.name) is missing")
        }
        problems += kind?.unmetAlternatives { answer.fields[$0] != nil } ?? []
        var sources: [(String, String)] = []
        if let s = content.message.subject { sources.append(("subject", s)) }
        sources.append(("body", content.message.text))
        for (i, d) in content.documents.enumerated() where !d.text.isEmpty {
            sources.append(("attachment:\(d.filename ?? "part \(i + 1)")", d.text))
        }
        for h in content.message.headers { sources.append(("header:\(h.name)", h.value)) }
        let squashedSources = sources.map { ($0.0, squash($0.1), $0.1) }
        func find(_ needle: String) -> Grounding? {
            let n = squash(needle)
            guard !n.isEmpty else { return nil }
            for (location, squashed, _) in squashedSources where squashed.contains(n) {
                return Grounding(location: location, offset: nil, excerpt: needle)
            }
            return nil
        }
        for (name, value) in answer.fields.sorted(by: { $0.key < $1.key }) {
            let definition = kind?.fields.first { $0.name == name }
            if case .enumeration = definition?.type { continue }   // enum values are judgements, not quotes
            switch value {
            case .text(let s), .date(let s):
                if case .date = value { continue }   // dates are normalised; their forms vary too much to quote
                if let g = find(s) { groundings[name] = g } else { problems.append("\(name) \"\(s)\" does not occur in the mail") }
            case .number(let d), .money(let d, _):
                let digits = FieldValue.decimalString(d, minimumFractionDigits: 0).filter(\.isNumber)
                if squashedSources.contains(where: { $0.1.filter(\.isNumber).contains(digits) }) {
                    groundings[name] = Grounding(location: "text", offset: nil, excerpt: FieldValue.decimalString(d, minimumFractionDigits: 0))
                } else {
                    problems.append("\(name) \(FieldValue.decimalString(d, minimumFractionDigits: 0)) does not occur in the mail")
                }
            default:
                continue
            }
        }
        return (problems, groundings)
    }

    package static func squash(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace }
    }
}

