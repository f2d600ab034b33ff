import Foundation
import Vocabulary

/// A structured electronic invoice read from its XML (UBL 2.1 or UN/CEFACT CII), in the invoice kind's
/// field names, with what does not add up.
///
/// `fields` (FieldValue): `invoice_number`, `issue_date` and `due_date` ("YYYY-MM-DD"), `seller`, `buyer`
/// (names), `seller_vat_id`, `currency` (ISO 4217), `net_total` (total without VAT, EN 16931 BT-109),
/// `tax_total` (BT-110), `gross_total` (total with VAT, BT-112), `iban` (upper-case, no spaces), `lines`
/// (each `description`, `quantity`, `unit_price` (the net price as written, per the line's base quantity),
/// `line_total`). Beyond the kind's fields, when present: `buyer_vat_id`, `payable_total` (amount due, BT-115),
/// `payment_terms` (text), `document_type` ("invoice" or "credit_note").
///
/// Credit notes: amounts are kept as the XML states them. A UBL CreditNote and a CII document with type
/// code 381 state positive amounts for the money credited; `document_type` is "credit_note" and the sign is
/// not flipped, so a consumer that books credits must negate them itself.
public struct EInvoice: Sendable, Hashable {
    /// "UBL Invoice", "UBL CreditNote" or "CII".
    public var syntax: String
    /// The specification the document claims to follow: UBL `CustomizationID`, CII
    /// `GuidelineSpecifiedDocumentContextParameter` (e.g. `urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0`).
    public var guideline: String?
    public var fields: [String: FieldValue]
    /// Sums that do not add up, an IBAN that fails its checksum, mandatory parts that are missing.
    public var problems: [String]

    public init(syntax: String, guideline: String?, fields: [String: FieldValue], problems: [String]) {
        self.syntax = syntax
        self.guideline = guideline
        self.fields = fields
        self.problems = problems
    }

    /// The guideline's common name, for people: "XRechnung", "Factur-X / ZUGFeRD (EN 16931)", "Peppol BIS", …
    public var guidelineName: String? {
        guard let g = guideline?.lowercased() else { return nil }
        if g.contains("xrechnung") { return "XRechnung" }
        if g.contains("peppol") { return "Peppol BIS Billing 3.0" }
        if g.contains("factur-x") || g.contains("zugferd") {
            for (marker, profile) in [("minimum", "MINIMUM"), ("basicwl", "BASIC WL"), ("basic", "BASIC"), ("extended", "EXTENDED")]
            where g.contains(marker) {
                return "Factur-X / ZUGFeRD \(profile)"
            }
            return "Factur-X / ZUGFeRD"
        }
        if g.hasPrefix("urn:cen.eu:en16931") { return "EN 16931" }
        return nil
    }
}
