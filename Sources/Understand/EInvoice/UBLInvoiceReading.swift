import Foundation
import Markup

/// UBL 2.x Invoice / CreditNote (OASIS), as used by Peppol BIS Billing 3.0 and XRechnung's UBL syntax.
///
/// Totals that a document leaves out are taken from what it does state: the payable amount (plus prepaid, minus
/// rounding) is the gross when `TaxInclusiveAmount` is missing; allowance and charge totals are the sums of the
/// document-level `AllowanceCharge` elements when `LegalMonetaryTotal` does not state them; the VAT total is the
/// sum of the `TaxSubtotal`s when `TaxTotal` has no amount of its own.
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
        // UNTDID 1001: 381 credit note, 261 self-billed, 396 factored, 532 forwarder's credit note; 384 corrected invoice.
        if let code = facts.typeCode, InvoiceFacts.creditNoteTypeCodes.contains(code) { facts.creditNote = true }
        if facts.typeCode == "384", !creditNote { facts.correction = true }
        facts.currency = string("cbc:DocumentCurrencyCode")
            ?? string("cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID")

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
            ?? adjustmentSum(charges: false, problems: &parseProblems)
        facts.charges = amount("\(totals)/cbc:ChargeTotalAmount", problems: &parseProblems)
            ?? adjustmentSum(charges: true, problems: &parseProblems)
        facts.prepaid = amount("\(totals)/cbc:PrepaidAmount", problems: &parseProblems)
        facts.rounding = amount("\(totals)/cbc:PayableRoundingAmount", problems: &parseProblems)
        facts.payable = amount("\(totals)/cbc:PayableAmount", problems: &parseProblems)
        facts.net = amount("\(totals)/cbc:TaxExclusiveAmount", problems: &parseProblems)
            ?? facts.lineTotal.map { $0 - (facts.allowances ?? 0) + (facts.charges ?? 0) }
        facts.gross = amount("\(totals)/cbc:TaxInclusiveAmount", problems: &parseProblems)
            ?? facts.payable.map { $0 + (facts.prepaid ?? 0) - (facts.rounding ?? 0) }
        readTax(into: &facts)

        let lineElement = creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"
        let quantityElement = creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"
        for node in nodes(lineElement) {
            var line = InvoiceFacts.Line()
            line.id = string("cbc:ID", in: node)
            line.sku = string("cac:Item/cac:SellersItemIdentification/cbc:ID", in: node)
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
                        fields: facts.fields, problems: facts.problems, amountsNegated: facts.negatesAmounts)
    }

    /// VAT in the document currency (a second TaxTotal may give it in the accounting currency); its breakdown by
    /// rate from that TaxTotal's subtotals, whose sum stands in when the total itself is missing.
    private func readTax(into facts: inout InvoiceFacts) {
        let taxTotals = nodes("cac:TaxTotal")
        let inCurrency = taxTotals.first { string("cbc:TaxAmount/@currencyID", in: $0) == facts.currency } ?? taxTotals.first
        guard let taxTotal = inCurrency else {
            facts.problems.append("the VAT total (cac:TaxTotal/cbc:TaxAmount) is missing")
            return
        }
        for subtotal in nodes("cac:TaxSubtotal/cbc:TaxAmount", in: taxTotal) {
            guard let value = InvoiceFacts.decimal(subtotal.text) else {
                facts.problems.append("the VAT amount of a rate \"\(subtotal.text)\" is not a number")
                continue
            }
            facts.taxBreakdown.append(value)
        }
        if let raw = string("cbc:TaxAmount", in: taxTotal) {
            facts.tax = InvoiceFacts.decimal(raw)
            if facts.tax == nil { facts.problems.append("the VAT amount \"\(raw)\" is not a number") }
        } else if !facts.taxBreakdown.isEmpty {
            facts.tax = facts.taxBreakdown.reduce(Decimal(0), +)
        } else {
            facts.problems.append("the VAT total (cac:TaxTotal/cbc:TaxAmount) is missing")
        }
    }

    /// The sum of the document-level allowances (or charges); nil when there are none.
    private func adjustmentSum(charges: Bool, problems: inout [String]) -> Decimal? {
        let amounts = nodes("cac:AllowanceCharge[normalize-space(cbc:ChargeIndicator)='\(charges)']/cbc:Amount")
        guard !amounts.isEmpty else { return nil }
        var sum = Decimal(0)
        for node in amounts {
            guard let value = InvoiceFacts.decimal(node.text) else {
                problems.append("the \(charges ? "charge" : "allowance") amount \"\(node.text)\" is not a number")
                continue
            }
            sum += value
        }
        return sum
    }

    /// The party's VAT identifier: the PartyTaxScheme whose scheme is VAT, else the first one.
    private func vatID(_ party: String) -> String? {
        string("\(party)/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID")
            ?? string("\(party)/cac:PartyTaxScheme/cbc:CompanyID")
    }

    private func amount(_ xpath: String, problems: inout [String]) -> Decimal? {
        InvoiceFacts.amount(string(xpath), at: xpath, problems: &problems)
    }
}
