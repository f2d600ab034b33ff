import Foundation

/// One extracted field value, typed by the kind's schema (`rules/kinds/*.yaml`).
///
/// JSON form (what `classify --json`, the store and the audit show): text → string, number → number,
/// money → decimal string ("1234.56"; the currency is its own field where the kind declares one), date →
/// "YYYY-MM-DD", bool → bool, list → array of objects.
public indirect enum FieldValue: Sendable, Hashable {
    /// text, email, phone, IBAN, VAT id, enum and reference values, in their normalised form
    /// (IBAN without spaces and upper-case, e-mail lower-case, phone in E.164 where it can be told).
    case text(String)
    case number(Decimal)
    case money(Decimal, currency: String?)
    /// A calendar date without a time zone, "YYYY-MM-DD".
    case date(String)
    case bool(Bool)
    /// A list of objects, e.g. quote lines `{sku, description, quantity, unit_price}`.
    case list([[String: FieldValue]])

    /// The value as JSON (money as a decimal string, as the issue asks).
    public var json: JSONValue {
        switch self {
        case .text(let s): return .string(s)
        case .number(let d): return .number(NSDecimalNumber(decimal: d).doubleValue)
        case .money(let d, let currency): return .string(FieldValue.moneyString(d, currency: currency))
        case .date(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list(let rows): return .array(rows.map { .object($0.mapValues(\.json)) })
        }
    }

    /// Digits after the decimal point of an amount in `currency` (ISO 4217 minor units): 0 for JPY, KRW, …,
    /// 3 for BHD, KWD, …, else 2.
    public static func moneyScale(currency: String?) -> Int {
        switch currency {
        case "JPY", "KRW", "CLP", "ISK", "VND", "PYG", "UGX", "XAF", "XOF": return 0
        case "BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD": return 3
        default: return 2
        }
    }

    /// An amount as a decimal string with its scale: "1712.00" (not "1712"), "123456" for yen; more digits are
    /// kept when the amount has them ("0.125").
    public static func moneyString(_ d: Decimal, currency: String?, scale: Int? = nil) -> String {
        decimalString(d, minimumFractionDigits: scale ?? moneyScale(currency: currency))
    }

    /// A decimal as plain text with "." and no grouping ("1234.5" stays "1234.5"; money keeps 2 places).
    public static func decimalString(_ d: Decimal, minimumFractionDigits: Int = 2) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 6, .plain)
        var text = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        if !text.contains(".") && minimumFractionDigits > 0 {
            text += "." + String(repeating: "0", count: minimumFractionDigits)
        } else if let dot = text.firstIndex(of: ".") {
            let digits = text.distance(from: text.index(after: dot), to: text.endIndex)
            if digits < minimumFractionDigits { text += String(repeating: "0", count: minimumFractionDigits - digits) }
        }
        return text
    }
}

extension FieldValue: Codable {
    // Stored form keeps the type: {"type": "money", "value": "12.50", "currency": "EUR"}.
    package enum CodingKeys: String, CodingKey { case type, value, currency }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let s): try c.encode("text", forKey: .type); try c.encode(s, forKey: .value)
        case .number(let d): try c.encode("number", forKey: .type); try c.encode(FieldValue.decimalString(d, minimumFractionDigits: 0), forKey: .value)
        case .money(let d, let cur):
            try c.encode("money", forKey: .type); try c.encode(FieldValue.moneyString(d, currency: cur), forKey: .value)
            try c.encodeIfPresent(cur, forKey: .currency)
        case .date(let s): try c.encode("date", forKey: .type); try c.encode(s, forKey: .value)
        case .bool(let b): try c.encode("bool", forKey: .type); try c.encode(b, forKey: .value)
        case .list(let rows): try c.encode("list", forKey: .type); try c.encode(rows, forKey: .value)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        func decimal() throws -> Decimal {
            let text = try c.decode(String.self, forKey: .value)
            guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw DecodingError.dataCorruptedError(forKey: .value, in: c, debugDescription: "not a decimal: \(text)")
            }
            return d
        }
        switch type {
        case "text": self = .text(try c.decode(String.self, forKey: .value))
        case "number": self = .number(try decimal())
        case "money": self = .money(try decimal(), currency: try c.decodeIfPresent(String.self, forKey: .currency))
        case "date": self = .date(try c.decode(String.self, forKey: .value))
        case "bool": self = .bool(try c.decode(Bool.self, forKey: .value))
        case "list": self = .list(try c.decode([[String: FieldValue]].self, forKey: .value))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown field type \(type)")
        }
    }
}

/// Where a field's value was found in the source: the proof that it was not made up.
public struct Grounding: Sendable, Hashable, Codable {
    /// "subject", "body", "header:<Name>", "attachment:<filename or part>", "xml:<filename>".
    public var location: String
    /// Character offset of the match in that text (nil for structured sources such as e-invoice XML).
    public var offset: Int?
    /// The text as it appears in the source ("1.234,56 €" for the value 1234.56).
    public var excerpt: String

    public init(location: String, offset: Int?, excerpt: String) {
        self.location = location
        self.offset = offset
        self.excerpt = excerpt
    }
}

/// One method tried while understanding a message (the audit records every step, in order).
public struct UnderstandingStep: Sendable, Hashable, Codable {
    /// "rule:<kind>/<matcher>", "einvoice", "classifier", "extractors", "model:<provider>/<model>".
    public var method: String
    public var kind: String?
    public var confidence: Double?
    /// Why this method decided, or why it did not ("below the kind's threshold 0.80").
    public var note: String

    public init(method: String, kind: String?, confidence: Double?, note: String) {
        self.method = method
        self.kind = kind
        self.confidence = confidence
        self.note = note
    }
}

/// What Understand concluded about one message: the kind, its fields, how sure, how, and what a person
/// must look at. An Understanding with a non-empty `review` never goes onward silently.
public struct Understanding: Sendable, Hashable, Codable {
    /// A kind declared in `rules/kinds/` ("invoice", "quote_request", …), or "unknown" when none fits.
    public var kind: String
    /// Calibrated probability (0…1) that `kind` is right.
    public var confidence: Double
    /// The method that decided the kind: "rule", "einvoice" (structured XML: an e-invoice, a UBL order or
    /// request for quotation), "classifier", "model", "person".
    public var method: String
    public var fields: [String: FieldValue]
    /// Where each field's value occurs in the source (keyed like `fields`; list rows as "lines[0].sku").
    public var groundings: [String: Grounding]
    /// Reasons a person must look at the message, in operator words; empty when it may go onward.
    public var review: [String]
    /// Every method tried, in order.
    public var steps: [UnderstandingStep]

    public init(kind: String, confidence: Double, method: String, fields: [String: FieldValue] = [:],
                groundings: [String: Grounding] = [:], review: [String] = [], steps: [UnderstandingStep] = []) {
        self.kind = kind
        self.confidence = confidence
        self.method = method
        self.fields = fields
        self.groundings = groundings
        self.review = review
        self.steps = steps
    }

    package enum CodingKeys: String, CodingKey { case kind, confidence, method, fields, groundings, review, steps }

    /// The `classify --json` shape: `{"kind", "confidence", "method", "fields": {NAME: VALUE}, "review"}`.
    public var summaryJSON: JSONValue {
        .object([
            "kind": .string(kind),
            "confidence": .number(confidence),
            "method": .string(method),
            "fields": .object(fields.mapValues(\.json)),
            "review": .array(review.map { .string($0) }),
        ])
    }
}
