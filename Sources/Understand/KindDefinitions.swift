import Patterns
import Foundation
import Parse

/// A field's type, as `rules/kinds/*.yaml` declares it (`type: money`, `type: enum` with `values:`, …).
public enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case text, number, money, date, email, phone, iban, vatID, bool, reference
    /// An ISO 4217 code ("USD"), read from codes, signs and names ("$", "€", "Fr.", "元") and grounded by them.
    case currency
    case enumeration([String])
    /// A list of objects; the item fields are the field's `items`.
    case list

    /// The names rule authors write.
    public static let names = ["text", "number", "money", "date", "email", "phone", "iban", "vat_id", "enum",
                               "list", "bool", "reference", "currency"]

    public var description: String {
        switch self {
        case .text: return "text"
        case .number: return "number"
        case .money: return "money"
        case .date: return "date"
        case .email: return "email"
        case .phone: return "phone"
        case .iban: return "iban"
        case .vatID: return "vat_id"
        case .bool: return "bool"
        case .reference: return "reference"
        case .currency: return "currency"
        case .enumeration: return "enum"
        case .list: return "list"
        }
    }
}

/// One field of a kind.
public struct FieldDefinition: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// For `list`: the fields of each row.
    public var items: [FieldDefinition]
    public var description: String
    /// For `money`: the field that holds the currency (`currency_field:`), when the kind has one.
    public var currencyField: String?
    /// How to find the value, tried in order until one finds it.
    public var extractors: [FieldExtractor]
    /// Checks on the value alone (pattern, range, checksum).
    public var checks: [FieldCheck]
    /// The number the kind's checks use when the field has no value (`default:`; the field itself stays absent),
    /// e.g. 0 for an invoice's allowance total, which most invoices never state.
    public var checkDefault: Decimal?
    /// Where the field was declared ("rules/kinds/invoice.yaml:12:5").
    public var place: String

    public init(name: String, type: FieldType, required: Bool = false, items: [FieldDefinition] = [],
                description: String = "", currencyField: String? = nil, extractors: [FieldExtractor] = [],
                checks: [FieldCheck] = [], checkDefault: Decimal? = nil, place: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.items = items
        self.description = description
        self.currencyField = currencyField
        self.extractors = extractors
        self.checks = checks
        self.checkDefault = checkDefault
        self.place = place
    }
}

/// Where an extractor looks.
public enum ExtractionSource: Sendable, Hashable {
    /// Subject, body, then each attachment's text (the default).
    case anywhere
    case subject
    case body
    case attachments
    /// The From address (or its display name).
    case senderAddress
    case senderName
    /// A header's value.
    case header(String)
}

/// One way to find a field's value (`extract:` in a kind file).
public enum FieldExtractor: Sendable {
    /// Label–value: one of the labels ("Invoice No.", "Rechnungsnummer", "发票号码"), then the value after
    /// it on the same line (or the next line when the label ends its line), read by the field's type.
    case labels([String], pattern: TextPattern, source: ExtractionSource)
    /// A regular expression; the named group `value` (else group 1, else the whole match) is the value.
    case pattern(TextPattern, source: ExtractionSource)
    /// The built-in recogniser of the field's type: the first such value in the source.
    case recogniser(source: ExtractionSource)
    /// A recogniser of a party (`recogniser: sender_organisation` or `document_issuer`, with `party: buyer|seller`):
    /// reads the whole mail — labels, signature, letterhead, the document's header, the From display name — and
    /// never returns the mailbox owner's own company (`OrganisationRecogniser`).
    case organisation(OrganisationRecogniser.Request)
    /// For enums: the first value whose keywords occur ("approved", "genehmigt", "同意").
    case keywords([(value: String, words: [String], patterns: [TextPattern])], source: ExtractionSource)
    /// For lists: a regular expression per row whose named groups are item field names.
    case rows(TextPattern, source: ExtractionSource)
    /// For lists: line items found without a pattern (`LineItems`): tables by their header or the shape of
    /// their rows, labelled items and list lines.
    case lineItems(source: ExtractionSource)
    /// A fixed value (useful in matchers' kinds, e.g. `value: bounce`).
    case constant(String)
    /// For money: the amount written in the mail that a list field's line totals (or quantities × unit prices)
    /// add up to, or that sum plus a tax amount also written there (`sum_of: lines`). It reads the total of an
    /// order whose writer did the sums without labelling them ("= 277,50 €").
    case sumOf(String)
}

/// A check on one value.
public enum FieldCheck: Sendable {
    case pattern(TextPattern)
    /// Inclusive bounds for numbers and money.
    case range(min: Decimal?, max: Decimal?)
    case checksum(Checksum)

    public enum Checksum: String, Sendable, CaseIterable { case iban, vat, luhn }
}

/// A check across fields: `net_total + tax_total == gross_total`, `sum(lines.line_total) == net_total`.
public struct KindCheck: Sendable {
    public var expression: CheckExpression
    public var source: String
    /// Allowed difference for `==` (money rounding); default 0.01.
    public var tolerance: Decimal
    /// What a person reads when it fails; default: the expression with its values.
    public var message: String?
    public var place: String
}

/// An explicit rule that decides the kind without guessing (`matchers:` in a kind file).
public struct KindMatcher: Sendable {
    public var name: String
    /// All must hold.
    public var when: [MatchCondition]
    /// None may hold.
    public var unless: [MatchCondition]
    public var confidence: Double
    /// Field values the matcher sets (`set: {auto_reply_type: bounce}`).
    public var set: [String: String]
    public var place: String
}

/// One condition of a matcher.
public struct MatchCondition: Sendable {
    public enum Subject: Sendable, Hashable {
        case header(String)
        case sender
        case senderDomain
        case subject
        case body
        /// Any attachment's file name or content type.
        case attachment
    }

    public enum Test: Sendable {
        case present
        case absent
        case equals([String])
        case matches(TextPattern)
    }

    public var subject: Subject
    public var test: Test
    public var place: String

    /// The text that made the condition true, or nil when it does not hold.
    public func evaluate(_ content: MessageContent) -> String? {
        let values: [String]
        switch subject {
        case .header(let name):
            values = content.message.headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
        case .sender:
            values = content.senderAddresses
        case .senderDomain:
            values = content.senderAddresses.compactMap { $0.split(separator: "@").last.map(String.init) }
        case .subject:
            values = content.message.subject.map { [$0] } ?? []
        case .body:
            values = [content.message.text]
        case .attachment:
            values = content.message.attachments.flatMap { [$0.filename ?? "", $0.contentType] }.filter { !$0.isEmpty }
        }
        switch test {
        case .present:
            return values.first.map { $0.isEmpty ? "(present)" : $0 }
        case .absent:
            return values.isEmpty ? "(absent)" : nil
        case .equals(let wanted):
            return values.first { v in wanted.contains { $0.caseInsensitiveCompare(v.trimmingCharacters(in: .whitespaces)) == .orderedSame } }
        case .matches(let pattern):
            for v in values { if let m = pattern.firstMatch(in: v) { return m.value.isEmpty ? v : m.value } }
            return nil
        }
    }
}

/// A kind of mail, declared in `rules/kinds/<name>.yaml`.
public struct KindDefinition: Sendable {
    public var name: String
    public var description: String
    /// Business kinds can trigger actions; `auto_reply` and `other` are not business kinds.
    public var business: Bool
    public var fields: [FieldDefinition]
    /// Below this confidence a message of this kind goes to review.
    public var acceptConfidence: Double
    /// Where it was declared.
    public var file: String
    public var checks: [KindCheck]
    public var matchers: [KindMatcher]
    /// Words and phrases that mark a mail of this kind in any company's mail (`cues:`), lower-case, in every
    /// language the rule author writes them: "purchase order", "Bestellung", "订单". The classifier reads
    /// them as features (so a cue learned in one language helps in another), and a mail taken for a
    /// non-business kind that carries one goes to a person ("may be business").
    public var cues: [String] = []
    /// Words and phrases (`not_cues:`) that say a mail is *not* this kind although it reads like one — a
    /// supplier's order confirmation beside a customer's order, a remittance advice beside an invoice. A mail the
    /// classifier takes for this kind that carries one in its subject or opening goes to a person.
    public var notCues: [String] = []
    /// The model gateway's providers for this kind, cheapest first (`models:`); empty = the gateway's default.
    public var models: [String] = []
    /// The hard cap on a model prompt's estimated tokens for this kind (`max_input_tokens:`).
    public var maxInputTokens: Int?
    /// Requirements met by any one of several alternatives (`one_of:`): each entry lists alternatives, and an
    /// alternative is a set of fields that must all be present ("iban" or "sort_code + account_number").
    public var oneOf: [[[String]]] = []

    /// The `one_of:` requirements no alternative of which is complete in `fields`, in words.
    public func unmetAlternatives(_ present: (String) -> Bool) -> [String] {
        oneOf.compactMap { alternatives in
            if alternatives.contains(where: { $0.allSatisfy(present) }) { return nil }
            let words = alternatives.map { $0.map { "`\($0)`" }.joined(separator: " + ") }
            return "none of " + words.joined(separator: " or ") + " was found (one of them is required)"
        }
    }
    /// The fields that make one business document of this kind (`identity:`), in order; each entry lists
    /// alternatives (`[seller, seller_vat_id]`: either identifies the seller). Empty: no business identity.
    public var identity: [[String]] = []

    public init(name: String, description: String = "", business: Bool, fields: [FieldDefinition] = [],
                acceptConfidence: Double = 0.8, file: String = "", checks: [KindCheck] = [],
                matchers: [KindMatcher] = []) {
        self.name = name
        self.description = description
        self.business = business
        self.fields = fields
        self.acceptConfidence = acceptConfidence
        self.file = file
        self.checks = checks
        self.matchers = matchers
    }

    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name == name }
    }
}
