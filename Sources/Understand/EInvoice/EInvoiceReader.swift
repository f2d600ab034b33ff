import Foundation
import Vocabulary
import Markup

/// Reads e-invoices without a model: UBL 2.x Invoice and CreditNote (Peppol BIS, XRechnung UBL), UN/CEFACT
/// Cross Industry Invoice D16B (Factur-X, ZUGFeRD 2.x, XRechnung CII) and its predecessor ZUGFeRD 1.0
/// (`rsm:CrossIndustryDocument`), with libxml2 XPath through `MarkupDocument` (no external entities, no DTDs
/// with entities). Orders and requests for quotation are read by `BusinessDocumentReader`.
///
/// Checks (EN 16931 business rules, tolerance 0.01 per amount that is summed): the lines add up to the line
/// total (BR-CO-10); line total − allowances + charges = total without VAT (BR-CO-13); total without VAT + VAT
/// = total with VAT (BR-CO-15); the VAT breakdown adds up to the VAT total (BR-CO-14); total with VAT − prepaid +
/// rounding = amount due (BR-CO-16); quantity × net
/// price ÷ base quantity = line amount for lines without line allowances or charges; the IBAN's mod-97 check
/// digits; dates that exist; the mandatory parts (number, issue date, currency, seller, buyer, totals, lines).
public enum EInvoiceReader {
    /// nil when the XML is no UBL/CII invoice at all.
    public static func read(xml: Data) -> EInvoice? {
        guard let document = try? MarkupDocument(xml: xml, recover: false) else { return nil }
        return read(document)
    }

    package static func read(_ document: MarkupDocument) -> EInvoice? {
        // The invoice is usually the root; in a Peppol envelope (SBDH) it sits inside.
        let roots = (try? document.nodes(
            xpath: "(/inv:Invoice | /cn:CreditNote | /rsm:CrossIndustryInvoice | /ferd:CrossIndustryDocument"
                + " | //inv:Invoice | //cn:CreditNote | //rsm:CrossIndustryInvoice | //ferd:CrossIndustryDocument)[1]",
            namespaces: Namespaces.all)) ?? []
        guard let root = roots.first else { return nil }
        switch root.namespaceURI ?? "" {
        case Namespaces.ublInvoice: return UBLInvoiceReading(root: root, creditNote: false).read()
        case Namespaces.ublCreditNote: return UBLInvoiceReading(root: root, creditNote: true).read()
        case Namespaces.ciiRSM: return CIIInvoiceReading(root: root, version: .d16b).read()
        case Namespaces.zugferd1RSM: return CIIInvoiceReading(root: root, version: .zugferd1).read()
        default: return nil
        }
    }

    /// Disagreements between the XML and the text of the PDF it came in ("gross total 1190.00 in the XML,
    /// not found in the PDF text"). The invoice number is looked for as written (case, spaces and dash
    /// variants aside); the gross total in the usual ways of writing an amount: 1190.00, 1,190.00, 1.190,00,
    /// 1190,00, 1 190,00, 1'190.00.
    public static func disagreements(_ invoice: EInvoice, pdfText: String) -> [String] {
        let text = normaliseForComparison(pdfText)
        guard text.contains(where: { !$0.isWhitespace }) else {
            return ["the PDF has no text layer, so the XML's invoice number and totals could not be compared with what the PDF shows"]
        }
        var found: [String] = []
        if case .text(let number)? = invoice.fields["invoice_number"], !number.isEmpty {
            let wanted = normaliseForComparison(number)
            if !containsToken(wanted, in: text) && !containsToken(wanted.filter { !$0.isWhitespace }, in: text.filter { !$0.isWhitespace }) {
                found.append("invoice number \(number) in the XML, not found in the PDF text")
            }
        }
        for (field, label) in [("gross_total", "gross total"), ("payable_total", "amount due")] {
            guard case .money(let amount, let currency)? = invoice.fields[field] else { continue }
            if field == "payable_total", case .money(let gross, _)? = invoice.fields["gross_total"], gross == amount { continue }
            let spellings = amountSpellings(amount)
            if !spellings.contains(where: { containsNumber($0, in: text) }) {
                let shown = FieldValue.decimalString(amount) + (currency.map { " \($0)" } ?? "")
                found.append("\(label) \(shown) in the XML, not found in the PDF text")
            }
        }
        return found
    }

    // MARK: - Comparison helpers

    package static func normaliseForComparison(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\u{2008}", "\u{200A}": out.append(" ")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": out.append("-")
            case "\u{2019}", "\u{02BC}": out.append("'")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.lowercased()
    }

    /// `needle` occurs in `text` with no letter or digit directly before or after it.
    package static func containsToken(_ needle: String, in text: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: needle, range: searchRange) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let needleStartsAlnum = needle.first.map { $0.isLetter || $0.isNumber } ?? false
            let needleEndsAlnum = needle.last.map { $0.isLetter || $0.isNumber } ?? false
            let okBefore = before.map { !(($0.isLetter || $0.isNumber) && needleStartsAlnum) } ?? true
            let okAfter = after.map { !(($0.isLetter || $0.isNumber) && needleEndsAlnum) } ?? true
            if okBefore && okAfter { return true }
            searchRange = text.index(after: range.lowerBound)..<text.endIndex
        }
        return false
    }

    /// A number written in `text` that is not part of a longer number (no digit right before or after, and no
    /// decimal separator followed by a digit after it).
    package static func containsNumber(_ number: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: number, range: searchRange) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            var okAfter = true
            if range.upperBound < text.endIndex {
                let after = text[range.upperBound]
                if after.isNumber { okAfter = false }
                if after == "." || after == ",", text.index(after: range.upperBound) < text.endIndex,
                   text[text.index(after: range.upperBound)].isNumber { okAfter = false }
            }
            if before.map({ !$0.isNumber }) ?? true, okAfter { return true }
            searchRange = text.index(after: range.lowerBound)..<text.endIndex
        }
        return false
    }

    /// The ways an amount is commonly printed: 1190.00, 1,190.00, 1.190,00, 1190,00, 1 190,00, 1 190.00,
    /// 1'190.00 (negative amounts also without their sign, as credit notes print them).
    package static func amountSpellings(_ amount: Decimal) -> [String] {
        let plain = FieldValue.decimalString(amount.magnitude)
        let parts = plain.split(separator: ".", maxSplits: 1)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : "00"
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        func grouped(_ separator: String) -> String {
            var groups: [String] = []
            var digits = Substring(integer)
            while digits.count > 3 {
                groups.insert(String(digits.suffix(3)), at: 0)
                digits = digits.dropLast(3)
            }
            groups.insert(String(digits), at: 0)
            return groups.joined(separator: separator)
        }
        var spellings: [String] = []
        for (group, decimal) in [("", "."), (",", "."), (".", ","), ("", ","), (" ", ","), (" ", "."), ("'", ".")] {
            let s = grouped(group) + decimal + fraction
            if !spellings.contains(s) { spellings.append(s) }
        }
        return spellings
    }
}

/// Namespace URIs and the prefixes the XPath expressions use.
package enum Namespaces {
    package static let ublInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    package static let ublCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    package static let ublCBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    package static let ublCAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    package static let ciiRSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    package static let ciiRAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    package static let ciiUDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
    package static let ciiQDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
    package static let ublOrder = "urn:oasis:names:specification:ubl:schema:xsd:Order-2"
    package static let ublOrderResponse = "urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
    package static let ublRequestForQuotation = "urn:oasis:names:specification:ubl:schema:xsd:RequestForQuotation-2"
    /// ZUGFeRD 1.0: its own root namespace and the older UN/CEFACT libraries (RAM 12, UDT 15).
    package static let zugferd1RSM = "urn:ferd:CrossIndustryDocument:invoice:1p0"
    package static let zugferd1RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
    package static let zugferd1UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15"

    package static let all: [String: String] = [
        "inv": ublInvoice, "cn": ublCreditNote, "cbc": ublCBC, "cac": ublCAC,
        "ord": ublOrder, "ordrsp": ublOrderResponse, "rfq": ublRequestForQuotation,
        "rsm": ciiRSM, "ram": ciiRAM, "udt": ciiUDT, "qdt": ciiQDT, "ferd": zugferd1RSM,
    ]

    /// ZUGFeRD 1.0 under the prefixes the CII paths use (`rsm`, `ram`, `udt`).
    package static let zugferd1: [String: String] = ["rsm": zugferd1RSM, "ram": zugferd1RAM, "udt": zugferd1UDT]
}

/// What both syntaxes have in common once read: the values, and the checks on them.
package struct InvoiceFacts {
    package struct Line {
        package var id: String?
        /// The seller's article number (UBL SellersItemIdentification, CII SellerAssignedID), else another one.
        package var sku: String?
        package var description: String?
        package var quantity: Decimal?
        package var unitPrice: Decimal?
        package var baseQuantity: Decimal?
        package var lineTotal: Decimal?
        package var hasAllowancesOrCharges = false
    }

    package var number: String?
    package var typeCode: String?
    package var issueDate: String?
    package var dueDate: String?
    package var currency: String?
    package var seller: String?
    package var sellerVATID: String?
    package var buyer: String?
    package var buyerVATID: String?
    package var iban: String?
    package var paymentTerms: String?
    package var lines: [Line] = []
    package var lineTotal: Decimal?
    package var allowances: Decimal?
    package var charges: Decimal?
    package var net: Decimal?
    package var tax: Decimal?
    package var gross: Decimal?
    package var prepaid: Decimal?
    package var rounding: Decimal?
    package var payable: Decimal?
    /// The VAT of each rate (UBL TaxSubtotal, CII ApplicableTradeTax), when the document breaks it down.
    package var taxBreakdown: [Decimal] = []
    package var creditNote = false
    /// Type code 384: a corrected invoice; its amounts keep the sign they are written with.
    package var correction = false
    /// What the document is called in problems ("invoice", "order").
    package var noun = "invoice"
    /// Orders and requests for quotation need not state amounts.
    package var amountsRequired = true
    package var sellerRequired = true
    /// Guidelines whose profile has no lines (Factur-X MINIMUM and BASIC WL).
    package var linesOptional = false
    package var problems: [String] = []

    package static let tolerance = Decimal(string: "0.01")!
    /// UNTDID 1001 codes of credit notes: 381 credit note, 261 self-billed, 396 factored, 532 forwarder's.
    package static let creditNoteTypeCodes: Set<String> = ["381", "261", "396", "532"]

    package mutating func check() {
        var missing: [String] = []
        if number?.isEmpty ?? true { missing.append("the \(noun) number") }
        if issueDate == nil { missing.append("the issue date") }
        if amountsRequired && currency?.isEmpty ?? true { missing.append("the currency") }
        if sellerRequired && seller?.isEmpty ?? true { missing.append("the seller's name") }
        if buyer?.isEmpty ?? true { missing.append("the buyer's name") }
        if amountsRequired {
            if net == nil { missing.append("the total without VAT") }
            if gross == nil { missing.append("the total with VAT") }
            if payable == nil { missing.append("the amount due") }
        }
        for item in missing { problems.append("\(item) is missing") }
        if lines.isEmpty && !linesOptional { problems.append("the \(noun) lines are missing") }

        func amount(_ d: Decimal) -> String { FieldValue.decimalString(d) }
        func differs(_ a: Decimal, _ b: Decimal, tolerance: Decimal = InvoiceFacts.tolerance) -> Bool {
            (a - b).magnitude > tolerance
        }

        // Each line: quantity × price ÷ base quantity = line amount (unless line allowances/charges change it).
        for (index, line) in lines.enumerated() {
            let name = "line \(line.id ?? String(index + 1))"
            if amountsRequired && line.lineTotal == nil { problems.append("\(name) has no line amount") }
            if line.description?.isEmpty ?? true { problems.append("\(name) has no description") }
            guard let q = line.quantity, let p = line.unitPrice, let total = line.lineTotal, !line.hasAllowancesOrCharges else { continue }
            let base = line.baseQuantity.flatMap { $0 == 0 ? nil : $0 } ?? 1
            var product = q * p / base
            var rounded = Decimal()
            NSDecimalRound(&rounded, &product, 2, .plain)
            if differs(rounded, total) {
                problems.append("\(name): quantity \(FieldValue.decimalString(q, minimumFractionDigits: 0)) × price \(amount(p))\(base != 1 ? " ÷ base quantity \(FieldValue.decimalString(base, minimumFractionDigits: 0))" : "") = \(amount(rounded)), but the line amount is \(amount(total))")
            }
        }
        // BR-CO-10: the lines add up to the line total.
        let lineAmounts = lines.compactMap(\.lineTotal)
        if !lineAmounts.isEmpty, lineAmounts.count == lines.count {
            let sum = lineAmounts.reduce(Decimal(0), +)
            let statedLineTotal = lineTotal ?? (allowances == nil && charges == nil ? net : nil)
            if let stated = statedLineTotal,
               differs(sum, stated, tolerance: InvoiceFacts.tolerance * Decimal(max(1, lines.count))) {
                problems.append("the \(lines.count) line amounts add up to \(amount(sum)), but the \(noun) states a line total of \(amount(stated))")
            }
        }
        // BR-CO-13: line total − allowances + charges = total without VAT.
        if let lt = lineTotal, let net {
            let expected = lt - (allowances ?? 0) + (charges ?? 0)
            if differs(expected, net) {
                let adjustments = (allowances ?? 0) != 0 || (charges ?? 0) != 0
                    ? " − allowances \(amount(allowances ?? 0)) + charges \(amount(charges ?? 0))" : ""
                problems.append("line total \(amount(lt))\(adjustments) = \(amount(expected)), but the total without VAT is \(amount(net))")
            }
        }
        // BR-CO-15: net + VAT = gross.
        if let net, let gross {
            let vat = tax ?? 0
            if differs(net + vat, gross) {
                problems.append("total without VAT \(amount(net)) + VAT \(amount(vat)) = \(amount(net + vat)), but the total with VAT is \(amount(gross))")
            }
        }
        // BR-CO-14: the VAT of each rate adds up to the VAT total.
        if let tax, taxBreakdown.count > 1 {
            let sum = taxBreakdown.reduce(Decimal(0), +)
            if differs(sum, tax, tolerance: InvoiceFacts.tolerance * Decimal(taxBreakdown.count)) {
                problems.append("the VAT of the \(taxBreakdown.count) rates adds up to \(amount(sum)), but the VAT total is \(amount(tax))")
            }
        }
        // BR-CO-16: gross − prepaid + rounding = amount due.
        if let gross, let payable {
            let expected = gross - (prepaid ?? 0) + (rounding ?? 0)
            if differs(expected, payable) {
                problems.append("total with VAT \(amount(gross))\(prepaid.map { " − prepaid \(amount($0))" } ?? "")\(rounding.map { " + rounding \(amount($0))" } ?? "") = \(amount(expected)), but the amount due is \(amount(payable))")
            }
        }
        if let iban, !IBANCheck.isValid(iban) {
            problems.append("IBAN \(iban) is not valid (\(IBANCheck.whyInvalid(iban)))")
        }
        if let currency, !currency.isEmpty, !(currency.count == 3 && currency.allSatisfy({ $0.isASCII && $0.isUppercase })) {
            problems.append("currency \"\(currency)\" is not an ISO 4217 code")
        }
    }

    /// A credit note states the credited amounts as positive numbers; its fields carry them negated (what is
    /// owed to the buyer), with negated quantities, so that quantity × price = line amount still holds. A credit
    /// note already written with negative totals, and a correction (384), keep the sign they are written with.
    package var negatesAmounts: Bool {
        creditNote && (gross ?? payable ?? net ?? lineTotal ?? 0) > 0
    }

    /// The invoice kind's fields (`rules/kinds/invoice.yaml`).
    package var fields: [String: FieldValue] {
        var f: [String: FieldValue] = [:]
        let sign: Decimal = negatesAmounts ? -1 : 1
        func money(_ d: Decimal?) -> FieldValue? { d.map { .money(sign * $0, currency: currency) } }
        if let number, !number.isEmpty { f["invoice_number"] = .text(number) }
        if let issueDate { f["issue_date"] = .date(issueDate) }
        if let dueDate { f["due_date"] = .date(dueDate) }
        if let seller, !seller.isEmpty { f["seller"] = .text(seller) }
        if let buyer, !buyer.isEmpty { f["buyer"] = .text(buyer) }
        if let currency, !currency.isEmpty { f["currency"] = .text(currency) }
        f["net_total"] = money(net)
        f["tax_total"] = money(tax ?? (net != nil && gross != nil ? 0 : nil))
        f["gross_total"] = money(gross)
        f["payable_total"] = money(payable)
        if let allowances, allowances != 0 { f["allowance_total"] = money(allowances) }
        if let charges, charges != 0 { f["charge_total"] = money(charges) }
        if let iban, !iban.isEmpty { f["iban"] = .text(iban) }
        if let sellerVATID, !sellerVATID.isEmpty { f["seller_vat_id"] = .text(sellerVATID) }
        if let buyerVATID, !buyerVATID.isEmpty { f["buyer_vat_id"] = .text(buyerVATID) }
        if let paymentTerms, !paymentTerms.isEmpty { f["payment_terms"] = .text(paymentTerms) }
        f["document_type"] = .text(creditNote ? "credit_note" : correction ? "correction" : "invoice")
        if !lines.isEmpty {
            f["lines"] = .list(lines.map { line in
                var row: [String: FieldValue] = [:]
                if let d = line.description { row["description"] = .text(d) }
                if let q = line.quantity { row["quantity"] = .number(sign * q) }
                if let p = line.unitPrice { row["unit_price"] = .money(p, currency: currency) }
                if let t = line.lineTotal { row["line_total"] = .money(sign * t, currency: currency) }
                return row
            })
        }
        return f
    }

    // MARK: - Value parsing shared by both syntaxes

    /// An XML decimal ("1234.56", "-5", "+0.5"); nil for anything else (a comma, grouping, letters).
    package static func decimal(_ raw: String?) -> Decimal? {
        guard let s = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        var digits = 0
        var dots = 0
        for (i, ch) in s.enumerated() {
            if ch.isASCII && ch.isNumber { digits += 1 } else if ch == "." { dots += 1 } else if (ch == "-" || ch == "+") && i == 0 { continue } else { return nil }
        }
        guard digits > 0, dots <= 1 else { return nil }
        return Decimal(string: s.hasPrefix("+") ? String(s.dropFirst()) : s, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The decimal at `xpath` (its text `raw`); nil when absent, and a problem naming the element when it is no number.
    package static func amount(_ raw: String?, at xpath: String, problems: inout [String]) -> Decimal? {
        guard let raw else { return nil }
        guard let value = decimal(raw) else {
            problems.append("\(xpath.split(separator: "/").last.map(String.init) ?? xpath) \"\(raw)\" is not a number")
            return nil
        }
        return value
    }

    /// Text with runs of whitespace folded to one space; nil when empty.
    package static func text(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let folded = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.isEmpty ? nil : folded
    }

    /// "2026-11-23" (xs:date, a time zone suffix allowed) → itself, if the day exists.
    package static func isoDate(_ raw: String?) -> String? {
        guard let s = text(raw), s.count >= 10 else { return nil }
        let head = String(s.prefix(10))
        let parts = head.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), dateExists(y, m, d) else { return nil }
        return head
    }

    /// CII date strings: format 102 is CCYYMMDD; anything else is not a day.
    package static func ciiDate(_ raw: String?, format: String?) -> String? {
        guard let s = text(raw) else { return nil }
        if format == nil || format == "102" {
            guard s.count == 8, s.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)), let d = Int(s.suffix(2)),
                  dateExists(y, m, d) else { return nil }
            return String(format: "%04ld-%02ld-%02ld", y, m, d)
        }
        return nil
    }

    package static func dateExists(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard y >= 1900, y <= 2200, m >= 1, m <= 12, d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    package static func compact(_ id: String?) -> String? {
        guard let id else { return nil }
        let s = id.filter { !$0.isWhitespace }.uppercased()
        return s.isEmpty ? nil : s
    }
}

/// The ISO 13616 IBAN check: two letters, two check digits, up to 30 letters and digits; mod 97 = 1.
package enum IBANCheck {
    package static func isValid(_ iban: String) -> Bool { whyInvalidOrNil(iban) == nil }

    package static func whyInvalid(_ iban: String) -> String { whyInvalidOrNil(iban) ?? "valid" }

    package static func whyInvalidOrNil(_ raw: String) -> String? {
        let iban = raw.filter { !$0.isWhitespace }.uppercased()
        guard iban.count >= 15, iban.count <= 34 else { return "\(iban.count) characters; an IBAN has 15 to 34" }
        let chars = Array(iban)
        guard chars[0].isASCII, chars[0].isLetter, chars[1].isASCII, chars[1].isLetter,
              chars[2].isASCII, chars[2].isNumber, chars[3].isASCII, chars[3].isNumber else {
            return "it must start with a country code and two check digits"
        }
        guard chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return "it contains characters other than letters and digits" }
        var remainder = 0
        for ch in chars[4...] + chars[..<4] {
            let value = ch.isNumber ? Int(String(ch))! : Int(ch.asciiValue! - 55)
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder == 1 ? nil : "its check digits do not match (mod 97 gives \(remainder), not 1)"
    }
}
