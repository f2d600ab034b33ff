import Foundation
import Markup

/// UBL 2.1 Invoice / CreditNote (OASIS), as used by Peppol BIS Billing 3.0 and XRechnung's UBL syntax.
package struct UBLInvoiceReading {
    package let root: MarkupNode
    package let creditNote: Bool

    private func string(_ xpath: String, in node: MarkupNode? = nil) -> String? {
        InvoiceFacts.text((try? (node ?? root).firstString(xpath: xpath, namespaces: Namespaces.all)) ?? nil)
    }

    private func nodes(_ xpath: String, in node: MarkupNode? = nil) -> [MarkupNode] {
        (try? (node ?? root).nodes(xpath: xpath, namespaces: Namespaces.all)) ?? []
    }

    package func read() -> EInvoice {
        var facts = InvoiceFacts()
        var parseProblems: [String] = []
        facts.creditNote = creditNote
        let guideline = string("cbc:CustomizationID")
        facts.number = string("cbc:ID")
        facts.typeCode = string(creditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode")
        if facts.typeCode == "381" { facts.creditNote = true }
        facts.currency = string("cbc:DocumentCurrencyCode")

        let issue = string("cbc:IssueDate")
        facts.issueDate = InvoiceFacts.isoDate(issue)
        if let issue, facts.issueDate == nil { facts.problems.append("the issue date \"\(issue)\" is not a valid date (YYYY-MM-DD)") }
        let due = string("cbc:DueDate") ?? string("cac:PaymentMeans/cbc:PaymentDueDate")
        facts.dueDate = InvoiceFacts.isoDate(due)
        if let due, facts.dueDate == nil { facts.problems.append("the due date \"\(due)\" is not a valid date (YYYY-MM-DD)") }

        let seller = "cac:AccountingSupplierParty/cac:Party"
        facts.seller = string("\(seller)/cac:PartyLegalEntity/cbc:RegistrationName") ?? string("\(seller)/cac:PartyName/cbc:Name")
        facts.sellerVATID = InvoiceFacts.compact(vatID(seller))
        let buyer = "cac:AccountingCustomerParty/cac:Party"
        facts.buyer = string("\(buyer)/cac:PartyLegalEntity/cbc:RegistrationName") ?? string("\(buyer)/cac:PartyName/cbc:Name")
        facts.buyerVATID = InvoiceFacts.compact(vatID(buyer))

        // The payee's account: the first payment means with an account (credit transfer); for a credit
        // note the account may be the buyer's, in PaymentMandate for direct debit: not an IBAN to pay to.
        facts.iban = InvoiceFacts.compact(string("cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"))
        facts.paymentTerms = nodes("cac:PaymentTerms/cbc:Note").compactMap { InvoiceFacts.text($0.text) }.joined(separator: " ")

        let totals = "cac:LegalMonetaryTotal"
        facts.lineTotal = amount("\(totals)/cbc:LineExtensionAmount", problems: &parseProblems)
        facts.allowances = amount("\(totals)/cbc:AllowanceTotalAmount", problems: &parseProblems)
        facts.charges = amount("\(totals)/cbc:ChargeTotalAmount", problems: &parseProblems)
        facts.net = amount("\(totals)/cbc:TaxExclusiveAmount", problems: &parseProblems)
        facts.gross = amount("\(totals)/cbc:TaxInclusiveAmount", problems: &parseProblems)
        facts.prepaid = amount("\(totals)/cbc:PrepaidAmount", problems: &parseProblems)
        facts.rounding = amount("\(totals)/cbc:PayableRoundingAmount", problems: &parseProblems)
        facts.payable = amount("\(totals)/cbc:PayableAmount", problems: &parseProblems)
        // VAT in the document currency (a second TaxTotal may give it in the accounting currency).
        let taxAmounts = nodes("cac:TaxTotal/cbc:TaxAmount")
        let taxNode = taxAmounts.first { $0.attribute("currencyID") == facts.currency } ?? taxAmounts.first
        if let taxNode {
            facts.tax = InvoiceFacts.decimal(taxNode.text)
            if facts.tax == nil { facts.problems.append("the VAT amount \"\(taxNode.text)\" is not a number") }
        } else {
            facts.problems.append("the VAT total (cac:TaxTotal/cbc:TaxAmount) is missing")
        }

        let lineElement = creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"
        let quantityElement = creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"
        for node in nodes(lineElement) {
            var line = InvoiceFacts.Line()
            line.id = string("cbc:ID", in: node)
            line.description = string("cac:Item/cbc:Name", in: node) ?? string("cac:Item/cbc:Description", in: node)
            line.quantity = InvoiceFacts.decimal(string(quantityElement, in: node))
            line.unitPrice = InvoiceFacts.decimal(string("cac:Price/cbc:PriceAmount", in: node))
            line.baseQuantity = InvoiceFacts.decimal(string("cac:Price/cbc:BaseQuantity", in: node))
            line.lineTotal = InvoiceFacts.decimal(string("cbc:LineExtensionAmount", in: node))
            line.hasAllowancesOrCharges = !nodes("cac:AllowanceCharge", in: node).isEmpty
            facts.lines.append(line)
        }
        facts.problems += parseProblems
        facts.check()
        return EInvoice(syntax: creditNote ? "UBL CreditNote" : "UBL Invoice", guideline: guideline,
                        fields: facts.fields, problems: facts.problems)
    }

    /// The party's VAT identifier: the PartyTaxScheme whose scheme is VAT, else the first one.
    private func vatID(_ party: String) -> String? {
        string("\(party)/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID")
            ?? string("\(party)/cac:PartyTaxScheme/cbc:CompanyID")
    }

    private func amount(_ xpath: String, problems: inout [String]) -> Decimal? {
        guard let raw = string(xpath) else { return nil }
        guard let value = InvoiceFacts.decimal(raw) else {
            problems.append("\(xpath.split(separator: "/").last.map(String.init) ?? xpath) \"\(raw)\" is not a number")
            return nil
        }
        return value
    }
}
