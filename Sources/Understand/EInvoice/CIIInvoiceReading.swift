import Foundation
import Markup

/// UN/CEFACT Cross Industry Invoice (D16B, `rsm:CrossIndustryInvoice`), as used by Factur-X, ZUGFeRD 2.x and
/// XRechnung's CII syntax; and ZUGFeRD 1.0 (`rsm:CrossIndustryDocument`), which has the same content under older
/// element names and namespaces.
package struct CIIInvoiceReading {
    /// Where the two versions put the same things.
    package struct Version: Sendable {
        package var name: String
        package var namespaces: [String: String]
        package var context: String
        package var document: String
        package var transaction: String
        package var agreement: String
        package var delivery: String
        package var settlement: String
        package var sums: String
        package var lineAgreement: String
        package var lineDelivery: String
        package var lineSettlement: String
        package var lineSums: String

        package static let d16b = Version(
            name: "CII", namespaces: Namespaces.all, context: "rsm:ExchangedDocumentContext",
            document: "rsm:ExchangedDocument", transaction: "rsm:SupplyChainTradeTransaction",
            agreement: "ram:ApplicableHeaderTradeAgreement", delivery: "ram:ApplicableHeaderTradeDelivery",
            settlement: "ram:ApplicableHeaderTradeSettlement", sums: "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
            lineAgreement: "ram:SpecifiedLineTradeAgreement", lineDelivery: "ram:SpecifiedLineTradeDelivery",
            lineSettlement: "ram:SpecifiedLineTradeSettlement", lineSums: "ram:SpecifiedTradeSettlementLineMonetarySummation")

        package static let zugferd1 = Version(
            name: "ZUGFeRD 1.0", namespaces: Namespaces.zugferd1, context: "rsm:SpecifiedExchangedDocumentContext",
            document: "rsm:HeaderExchangedDocument", transaction: "rsm:SpecifiedSupplyChainTradeTransaction",
            agreement: "ram:ApplicableSupplyChainTradeAgreement", delivery: "ram:ApplicableSupplyChainTradeDelivery",
            settlement: "ram:ApplicableSupplyChainTradeSettlement", sums: "ram:SpecifiedTradeSettlementMonetarySummation",
            lineAgreement: "ram:SpecifiedSupplyChainTradeAgreement", lineDelivery: "ram:SpecifiedSupplyChainTradeDelivery",
            lineSettlement: "ram:SpecifiedSupplyChainTradeSettlement", lineSums: "ram:SpecifiedTradeSettlementMonetarySummation")
    }

    package let root: MarkupNode
    package let version: Version

    private func string(_ xpath: String, in node: MarkupNode? = nil) -> String? {
        InvoiceFacts.text((try? (node ?? root).firstString(xpath: xpath, namespaces: version.namespaces)) ?? nil)
    }

    private func nodes(_ xpath: String, in node: MarkupNode? = nil) -> [MarkupNode] {
        (try? (node ?? root).nodes(xpath: xpath, namespaces: version.namespaces)) ?? []
    }

    package func read() -> EInvoice {
        var facts = InvoiceFacts()
        var parseProblems: [String] = []
        let guideline = string("\(version.context)/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")
        if let g = guideline?.lowercased(), g.contains("minimum") || g.contains("basicwl") { facts.linesOptional = true }

        let document = version.document
        facts.number = string("\(document)/ram:ID")
        facts.typeCode = string("\(document)/ram:TypeCode")
        if let code = facts.typeCode, InvoiceFacts.creditNoteTypeCodes.contains(code) { facts.creditNote = true }
        if facts.typeCode == "384" { facts.correction = true }
        facts.issueDate = date("\(document)/ram:IssueDateTime/udt:DateTimeString", label: "issue date", problems: &parseProblems)

        let transaction = version.transaction
        let agreement = "\(transaction)/\(version.agreement)"
        let settlement = "\(transaction)/\(version.settlement)"
        facts.seller = string("\(agreement)/ram:SellerTradeParty/ram:Name")
        facts.sellerVATID = InvoiceFacts.compact(string("\(agreement)/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"))
        facts.buyer = string("\(agreement)/ram:BuyerTradeParty/ram:Name")
        facts.buyerVATID = InvoiceFacts.compact(string("\(agreement)/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"))

        facts.currency = string("\(settlement)/ram:InvoiceCurrencyCode")
        facts.iban = InvoiceFacts.compact(string("\(settlement)/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID"))
        let terms = "\(settlement)/ram:SpecifiedTradePaymentTerms"
        facts.paymentTerms = nodes("\(terms)/ram:Description").compactMap { InvoiceFacts.text($0.text) }.joined(separator: " ")
        facts.dueDate = date("\(terms)/ram:DueDateDateTime/udt:DateTimeString", label: "due date", problems: &parseProblems)

        let sums = "\(settlement)/\(version.sums)"
        facts.lineTotal = amount("\(sums)/ram:LineTotalAmount", problems: &parseProblems)
        facts.charges = amount("\(sums)/ram:ChargeTotalAmount", problems: &parseProblems)
        facts.allowances = amount("\(sums)/ram:AllowanceTotalAmount", problems: &parseProblems)
        facts.net = amount("\(sums)/ram:TaxBasisTotalAmount", problems: &parseProblems)
        facts.gross = amount("\(sums)/ram:GrandTotalAmount", problems: &parseProblems)
        facts.prepaid = amount("\(sums)/ram:TotalPrepaidAmount", problems: &parseProblems)
        facts.rounding = amount("\(sums)/ram:RoundingAmount", problems: &parseProblems)
        facts.payable = amount("\(sums)/ram:DuePayableAmount", problems: &parseProblems)
        // VAT in the invoice currency (a second TaxTotalAmount may give it in the tax currency); the VAT of
        // each rate, whose sum stands in when the total is missing.
        for node in nodes("\(settlement)/ram:ApplicableTradeTax/ram:CalculatedAmount") {
            if let value = InvoiceFacts.decimal(node.text) { facts.taxBreakdown.append(value) }
            else { facts.problems.append("the VAT amount of a rate \"\(node.text)\" is not a number") }
        }
        let taxAmounts = nodes("\(sums)/ram:TaxTotalAmount")
        let taxNode = taxAmounts.first { $0.attribute("currencyID") == facts.currency } ?? taxAmounts.first
        if let taxNode {
            facts.tax = InvoiceFacts.decimal(taxNode.text)
            if facts.tax == nil { facts.problems.append("the VAT amount \"\(taxNode.text)\" is not a number") }
        } else if !facts.taxBreakdown.isEmpty {
            facts.tax = facts.taxBreakdown.reduce(Decimal(0), +)
        }

        for node in nodes("\(transaction)/ram:IncludedSupplyChainTradeLineItem") {
            var line = InvoiceFacts.Line()
            line.id = string("ram:AssociatedDocumentLineDocument/ram:LineID", in: node)
            line.sku = string("ram:SpecifiedTradeProduct/ram:SellerAssignedID", in: node)
            line.description = string("ram:SpecifiedTradeProduct/ram:Name", in: node)
                ?? string("ram:SpecifiedTradeProduct/ram:Description", in: node)
            line.quantity = InvoiceFacts.decimal(string("\(version.lineDelivery)/ram:BilledQuantity", in: node))
            let price = "\(version.lineAgreement)/ram:NetPriceProductTradePrice"
            line.unitPrice = InvoiceFacts.decimal(string("\(price)/ram:ChargeAmount", in: node))
            line.baseQuantity = InvoiceFacts.decimal(string("\(price)/ram:BasisQuantity", in: node))
            let lineSettlement = version.lineSettlement
            line.lineTotal = InvoiceFacts.decimal(string("\(lineSettlement)/\(version.lineSums)/ram:LineTotalAmount", in: node))
            line.hasAllowancesOrCharges = !nodes("\(lineSettlement)/ram:SpecifiedTradeAllowanceCharge", in: node).isEmpty
            facts.lines.append(line)
        }
        facts.problems += parseProblems
        facts.check()
        return EInvoice(syntax: version.name, guideline: guideline, fields: facts.fields, problems: facts.problems,
                        amountsNegated: facts.negatesAmounts)
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
        InvoiceFacts.amount(string(xpath), at: xpath, problems: &problems)
    }
}
