import Foundation
import Markup

/// UN/CEFACT Cross Industry Invoice (D16B, `rsm:CrossIndustryInvoice`), as used by Factur-X, ZUGFeRD 2.x and
/// XRechnung's CII syntax.
package struct CIIInvoiceReading {
    package let root: MarkupNode

    private func string(_ xpath: String, in node: MarkupNode? = nil) -> String? {
        InvoiceFacts.text((try? (node ?? root).firstString(xpath: xpath, namespaces: Namespaces.all)) ?? nil)
    }

    private func nodes(_ xpath: String, in node: MarkupNode? = nil) -> [MarkupNode] {
        (try? (node ?? root).nodes(xpath: xpath, namespaces: Namespaces.all)) ?? []
    }

    package func read() -> EInvoice {
        var facts = InvoiceFacts()
        var parseProblems: [String] = []
        let guideline = string("rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")
        if let g = guideline?.lowercased(), g.contains("minimum") || g.contains("basicwl") { facts.linesOptional = true }

        let document = "rsm:ExchangedDocument"
        facts.number = string("\(document)/ram:ID")
        facts.typeCode = string("\(document)/ram:TypeCode")
        // 381 credit note, 261 self-billed credit note, 396 factored credit note.
        if let code = facts.typeCode, ["381", "261", "396", "532"].contains(code) { facts.creditNote = true }
        facts.issueDate = date("\(document)/ram:IssueDateTime/udt:DateTimeString", label: "issue date", problems: &parseProblems)

        let transaction = "rsm:SupplyChainTradeTransaction"
        let agreement = "\(transaction)/ram:ApplicableHeaderTradeAgreement"
        let settlement = "\(transaction)/ram:ApplicableHeaderTradeSettlement"
        facts.seller = string("\(agreement)/ram:SellerTradeParty/ram:Name")
        facts.sellerVATID = InvoiceFacts.compact(string("\(agreement)/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"))
        facts.buyer = string("\(agreement)/ram:BuyerTradeParty/ram:Name")
        facts.buyerVATID = InvoiceFacts.compact(string("\(agreement)/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"))

        facts.currency = string("\(settlement)/ram:InvoiceCurrencyCode")
        facts.iban = InvoiceFacts.compact(string("\(settlement)/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID"))
        let terms = "\(settlement)/ram:SpecifiedTradePaymentTerms"
        facts.paymentTerms = nodes("\(terms)/ram:Description").compactMap { InvoiceFacts.text($0.text) }.joined(separator: " ")
        facts.dueDate = date("\(terms)/ram:DueDateDateTime/udt:DateTimeString", label: "due date", problems: &parseProblems)

        let sums = "\(settlement)/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
        facts.lineTotal = amount("\(sums)/ram:LineTotalAmount", problems: &parseProblems)
        facts.charges = amount("\(sums)/ram:ChargeTotalAmount", problems: &parseProblems)
        facts.allowances = amount("\(sums)/ram:AllowanceTotalAmount", problems: &parseProblems)
        facts.net = amount("\(sums)/ram:TaxBasisTotalAmount", problems: &parseProblems)
        facts.gross = amount("\(sums)/ram:GrandTotalAmount", problems: &parseProblems)
        facts.prepaid = amount("\(sums)/ram:TotalPrepaidAmount", problems: &parseProblems)
        facts.rounding = amount("\(sums)/ram:RoundingAmount", problems: &parseProblems)
        facts.payable = amount("\(sums)/ram:DuePayableAmount", problems: &parseProblems)
        // VAT in the invoice currency (a second TaxTotalAmount may give it in the tax currency).
        let taxAmounts = nodes("\(sums)/ram:TaxTotalAmount")
        let taxNode = taxAmounts.first { $0.attribute("currencyID") == facts.currency } ?? taxAmounts.first
        if let taxNode {
            facts.tax = InvoiceFacts.decimal(taxNode.text)
            if facts.tax == nil { facts.problems.append("the VAT amount \"\(taxNode.text)\" is not a number") }
        }

        for node in nodes("\(transaction)/ram:IncludedSupplyChainTradeLineItem") {
            var line = InvoiceFacts.Line()
            line.id = string("ram:AssociatedDocumentLineDocument/ram:LineID", in: node)
            line.description = string("ram:SpecifiedTradeProduct/ram:Name", in: node)
                ?? string("ram:SpecifiedTradeProduct/ram:Description", in: node)
            line.quantity = InvoiceFacts.decimal(string("ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", in: node))
            let price = "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice"
            line.unitPrice = InvoiceFacts.decimal(string("\(price)/ram:ChargeAmount", in: node))
            line.baseQuantity = InvoiceFacts.decimal(string("\(price)/ram:BasisQuantity", in: node))
            let lineSettlement = "ram:SpecifiedLineTradeSettlement"
            line.lineTotal = InvoiceFacts.decimal(string("\(lineSettlement)/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", in: node))
            line.hasAllowancesOrCharges = !nodes("\(lineSettlement)/ram:SpecifiedTradeAllowanceCharge", in: node).isEmpty
            facts.lines.append(line)
        }
        facts.problems += parseProblems
        facts.check()
        return EInvoice(syntax: "CII", guideline: guideline, fields: facts.fields, problems: facts.problems)
    }

    private func date(_ xpath: String, label: String, problems: inout [String]) -> String? {
        guard let node = nodes(xpath).first else { return nil }
        let raw = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let format = node.attribute("format")
        if let value = InvoiceFacts.ciiDate(raw, format: format) { return value }
        problems.append("the \(label) \"\(raw)\"\(format.map { " (format \($0))" } ?? "") is not a valid date in format 102 (CCYYMMDD)")
        return nil
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
