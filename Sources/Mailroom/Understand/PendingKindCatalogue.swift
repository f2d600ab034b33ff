import Foundation

// TEMPORARY PLACEHOLDER (branch `decide`): the understand branch owns KindCatalogue, KindDefinition and
// FieldDefinition (CONTRACTS.md). Until it is merged, this file gives the same public names with the demo
// kinds of CONTRACTS.md built in, so that `rules check` can check field names. Delete this file when
// merging main with the real Understand/KindCatalogue.swift.

public enum FieldType: Sendable, Hashable {
    case text, number, money, date, email, phone, iban, vatID, enumeration([String]), list, bool, reference
}

public struct FieldDefinition: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var items: [FieldDefinition]

    public init(name: String, type: FieldType, required: Bool = true, items: [FieldDefinition] = []) {
        self.name = name
        self.type = type
        self.required = required
        self.items = items
    }
}

public struct KindDefinition: Sendable {
    public var name: String
    public var description: String
    public var business: Bool
    public var fields: [FieldDefinition]
    public var acceptConfidence: Double
    public var file: String

    public init(name: String, description: String = "", business: Bool, fields: [FieldDefinition],
                acceptConfidence: Double = 0.8, file: String = "") {
        self.name = name
        self.description = description
        self.business = business
        self.fields = fields
        self.acceptConfidence = acceptConfidence
        self.file = file
    }
}

public struct KindCatalogue: Sendable {
    public var kinds: [KindDefinition]
    public var directory: URL?

    public init(kinds: [KindDefinition], directory: URL? = nil) {
        self.kinds = kinds
        self.directory = directory
    }

    /// Placeholder: the demo kinds of CONTRACTS.md, whatever the directory holds.
    public static func load(directory: URL) throws(RuleFileProblems) -> KindCatalogue {
        var c = KindCatalogue.demo
        c.directory = directory
        return c
    }

    public func kind(named name: String) -> KindDefinition? { kinds.first { $0.name == name } }

    /// True only for this placeholder (it knows the demo kinds without a kinds folder). Remove the
    /// `|| KindCatalogue.isPlaceholder` in RuleEnvironment.load together with this file.
    static let isPlaceholder = true

    static var demo: KindCatalogue {
        func f(_ n: String, _ t: FieldType, _ r: Bool = true, _ items: [FieldDefinition] = []) -> FieldDefinition {
            FieldDefinition(name: n, type: t, required: r, items: items)
        }
        return KindCatalogue(kinds: [
            KindDefinition(name: "quote_request", business: true, fields: [
                f("customer_company", .text), f("contact_email", .email), f("reference", .text, false),
                f("delivery_date", .date, false),
                f("lines", .list, true, [f("sku", .text, false), f("description", .text), f("quantity", .number), f("unit", .text, false)]),
            ]),
            KindDefinition(name: "support_ticket", business: true, fields: [
                f("customer_email", .email), f("product", .text, false), f("order_reference", .text, false),
                f("severity", .enumeration(["low", "normal", "high", "urgent"]), false),
            ]),
            KindDefinition(name: "approval", business: true, fields: [
                f("decision", .enumeration(["approve", "reject"])), f("reference", .text), f("approver", .email),
            ]),
            KindDefinition(name: "invoice", business: true, fields: [
                f("invoice_number", .text), f("issue_date", .date), f("due_date", .date, false), f("seller", .text),
                f("buyer", .text), f("currency", .text), f("net_total", .money), f("tax_total", .money),
                f("gross_total", .money), f("iban", .iban), f("seller_vat_id", .vatID, false),
                f("lines", .list, false, [f("description", .text), f("quantity", .number), f("unit_price", .money), f("line_total", .money)]),
            ]),
            KindDefinition(name: "purchase_order", business: true, fields: [
                f("order_number", .text), f("order_date", .date, false), f("buyer", .text), f("currency", .text),
                f("total", .money),
                f("lines", .list, true, [f("sku", .text, false), f("description", .text), f("quantity", .number), f("unit_price", .money)]),
            ]),
            KindDefinition(name: "auto_reply", business: false, fields: [
                f("auto_reply_type", .enumeration(["bounce", "delivery_report", "out_of_office", "other"])),
                f("original_message_id", .text, false),
            ]),
            KindDefinition(name: "other", business: false, fields: []),
        ])
    }
}
