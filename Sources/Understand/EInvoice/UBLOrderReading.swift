import Foundation
import Vocabulary
import Markup

/// UBL 2.x Order, OrderResponse and RequestForQuotation (OASIS; Peppol BIS Ordering 3), read into the field
/// names of the kind each becomes (see `BusinessDocument`). The arithmetic the document states is checked like
/// an invoice's (`InvoiceFacts.check`), but amounts are optional: an order or a request may carry no prices.
package struct UBLOrderReading {
    package enum Document: Sendable {
        case order, orderResponse, requestForQuotation

        var syntax: String {
            switch self {
            case .order: return "UBL Order"
            case .orderResponse: return "UBL OrderResponse"
            case .requestForQuotation: return "UBL RequestForQuotation"
            }
        }

        var kind: String {
            switch self {
            case .order: return "purchase_order"
            case .orderResponse: return "order_response"
            case .requestForQuotation: return "quote_request"
            }
        }

        var lineElement: String {
            self == .requestForQuotation ? "cac:RequestForQuotationLine/cac:LineItem" : "cac:OrderLine/cac:LineItem"
        }
    }

    package let root: MarkupNode
    package let document: Document

    private func string(_ xpath: String, in node: MarkupNode? = nil) -> String? {
        InvoiceFacts.text((try? (node ?? root).firstString(xpath: xpath, namespaces: Namespaces.all)) ?? nil)
    }

    private func nodes(_ xpath: String, in node: MarkupNode? = nil) -> [MarkupNode] {
        (try? (node ?? root).nodes(xpath: xpath, namespaces: Namespaces.all)) ?? []
    }

    package func read() -> BusinessDocument {
        var facts = InvoiceFacts()
        facts.noun = document == .requestForQuotation ? "request for quotation" : document == .orderResponse ? "order response" : "order"
        facts.amountsRequired = false
        facts.sellerRequired = document == .orderResponse
        facts.number = string("cbc:ID")
        let issue = string("cbc:IssueDate")
        facts.issueDate = InvoiceFacts.isoDate(issue)
        if let issue, facts.issueDate == nil { facts.problems.append("the issue date \"\(issue)\" is not a valid date (YYYY-MM-DD)") }
        facts.currency = string("cbc:DocumentCurrencyCode") ?? string("cbc:PricingCurrencyCode")
            ?? string("(cac:AnticipatedMonetaryTotal/*/@currencyID | \(document.lineElement)/cac:Price/cbc:PriceAmount/@currencyID)[1]")
        let buyer = "cac:BuyerCustomerParty/cac:Party"
        facts.buyer = partyName(buyer) ?? partyName("cac:OriginatorCustomerParty/cac:Party")
        facts.seller = partyName("cac:SellerSupplierParty/cac:Party")

        var parseProblems: [String] = []
        let totals = "cac:AnticipatedMonetaryTotal"
        facts.lineTotal = amount("\(totals)/cbc:LineExtensionAmount", problems: &parseProblems)
        facts.allowances = amount("\(totals)/cbc:AllowanceTotalAmount", problems: &parseProblems)
        facts.charges = amount("\(totals)/cbc:ChargeTotalAmount", problems: &parseProblems)
        facts.net = amount("\(totals)/cbc:TaxExclusiveAmount", problems: &parseProblems)
        facts.gross = amount("\(totals)/cbc:TaxInclusiveAmount", problems: &parseProblems)
        facts.prepaid = amount("\(totals)/cbc:PrepaidAmount", problems: &parseProblems)
        facts.rounding = amount("\(totals)/cbc:PayableRoundingAmount", problems: &parseProblems)
        facts.payable = amount("\(totals)/cbc:PayableAmount", problems: &parseProblems)
        facts.tax = amount("cac:TaxTotal/cbc:TaxAmount", problems: &parseProblems)

        for node in nodes(document.lineElement) {
            var line = InvoiceFacts.Line()
            line.id = string("cbc:ID", in: node)
            line.sku = string("cac:Item/cac:SellersItemIdentification/cbc:ID", in: node)
                ?? string("cac:Item/cac:StandardItemIdentification/cbc:ID", in: node)
                ?? string("cac:Item/cac:BuyersItemIdentification/cbc:ID", in: node)
            line.description = string("cac:Item/cbc:Name", in: node) ?? string("cac:Item/cbc:Description", in: node)
            line.quantity = InvoiceFacts.decimal(string("cbc:Quantity", in: node))
            line.unitPrice = InvoiceFacts.decimal(string("cac:Price/cbc:PriceAmount", in: node))
            line.baseQuantity = InvoiceFacts.decimal(string("cac:Price/cbc:BaseQuantity", in: node))
            line.lineTotal = InvoiceFacts.decimal(string("cbc:LineExtensionAmount", in: node))
            line.hasAllowancesOrCharges = !nodes("cac:AllowanceCharge", in: node).isEmpty
            if line.quantity == nil { facts.problems.append("line \(line.id ?? String(facts.lines.count + 1)) has no quantity") }
            facts.lines.append(line)
        }
        facts.problems += parseProblems
        facts.check()
        return BusinessDocument(syntax: document.syntax, guideline: string("cbc:CustomizationID"), kind: document.kind,
                                fields: fields(facts), problems: facts.problems)
    }

    private func fields(_ facts: InvoiceFacts) -> [String: FieldValue] {
        var f: [String: FieldValue] = [:]
        func set(_ name: String, _ text: String?) { if let text, !text.isEmpty { f[name] = .text(text) } }
        let currency = facts.currency
        let priced = document != .requestForQuotation
        switch document {
        case .order:
            set("order_number", facts.number)
            if let d = facts.issueDate { f["order_date"] = .date(d) }
            set("buyer", facts.buyer)
            set("currency", currency)
            if let total = facts.payable ?? facts.gross ?? facts.net ?? facts.lineTotal { f["total"] = .money(total, currency: currency) }
        case .orderResponse:
            set("response_number", facts.number)
            set("order_number", string("cac:OrderReference/cbc:ID"))
            if let d = facts.issueDate { f["response_date"] = .date(d) }
            set("response", string("cbc:OrderResponseCode"))
            set("seller", facts.seller)
            set("buyer", facts.buyer)
            set("currency", currency)
        case .requestForQuotation:
            set("customer_company", facts.buyer)
            set("contact_email", string("cac:BuyerCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail")
                ?? string("cac:OriginatorCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail"))
            set("reference", facts.number)
            if let end = InvoiceFacts.isoDate(string("cac:Delivery/cac:RequestedDeliveryPeriod/cbc:EndDate")) {
                f["delivery_date"] = .date(end)
            }
        }
        if !facts.lines.isEmpty {
            f["lines"] = .list(facts.lines.map { line in
                var row: [String: FieldValue] = [:]
                if let s = line.sku { row["sku"] = .text(s) }
                if let d = line.description { row["description"] = .text(d) }
                if let q = line.quantity { row["quantity"] = .number(q) }
                if priced, let p = line.unitPrice { row["unit_price"] = .money(p, currency: currency) }
                return row
            })
        }
        return f
    }

    /// The party's registered name, else its trading name.
    private func partyName(_ party: String) -> String? {
        string("\(party)/cac:PartyLegalEntity/cbc:RegistrationName") ?? string("\(party)/cac:PartyName/cbc:Name")
    }

    private func amount(_ xpath: String, problems: inout [String]) -> Decimal? {
        InvoiceFacts.amount(string(xpath), at: xpath, problems: &problems)
    }
}
