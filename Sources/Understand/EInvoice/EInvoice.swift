import Foundation
import Vocabulary

/// A structured electronic invoice read from its XML (UBL 2.x, UN/CEFACT CII or ZUGFeRD 1.0), in the invoice
/// kind's field names, with what does not add up.
///
/// `fields` (FieldValue): `invoice_number`, `issue_date` and `due_date` ("YYYY-MM-DD"), `seller`, `buyer`
/// (names), `seller_vat_id`, `currency` (ISO 4217), `net_total` (total without VAT, EN 16931 BT-109),
/// `tax_total` (BT-110), `gross_total` (total with VAT, BT-112), `iban` (upper-case, no spaces), `lines`
/// (each `description`, `quantity`, `unit_price` (the net price as written, per the line's base quantity),
/// `line_total`). Beyond the kind's fields, when present: `buyer_vat_id`, `payable_total` (amount due, BT-115),
/// `allowance_total` and `charge_total` (document-level, BT-107/BT-108, when not zero), `payment_terms` (text),
/// `document_type` ("invoice", "credit_note" or "correction"). Money is `.money`, which leaves as a decimal
/// string with at least two places ("1712.00").
///
/// Credit notes (a UBL CreditNote, or type code 381, 261, 396 or 532) state the credited amounts as positive
/// numbers; their fields carry them negated (`gross_total` "-119.00"), quantities too, so a credit note books
/// as what it is. A credit note already written with negative totals, and a corrected invoice (384), keep the
/// sign they are written with. `amountsNegated` says when the sign was turned.
public struct EInvoice: Sendable, Hashable {
    /// "UBL Invoice", "UBL CreditNote", "CII" or "ZUGFeRD 1.0".
    public var syntax: String
    /// The specification the document claims to follow: UBL `CustomizationID`, CII
    /// `GuidelineSpecifiedDocumentContextParameter` (e.g. `urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0`).
    public var guideline: String?
    public var fields: [String: FieldValue]
    /// Sums that do not add up, an IBAN that fails its checksum, mandatory parts that are missing.
    public var problems: [String]
    /// True when the amounts in `fields` are the document's negated (a credit note written with positive amounts).
    public var amountsNegated: Bool

    public init(syntax: String, guideline: String?, fields: [String: FieldValue], problems: [String], amountsNegated: Bool = false) {
        self.syntax = syntax
        self.guideline = guideline
        self.fields = fields
        self.problems = problems
        self.amountsNegated = amountsNegated
    }

    /// The guideline's common name, for people: "XRechnung", "Factur-X / ZUGFeRD (EN 16931)", "Peppol BIS", …
    public var guidelineName: String? {
        guard let g = guideline?.lowercased() else { return nil }
        if g.contains("xrechnung") { return "XRechnung" }
        if g.contains("peppol") { return "Peppol BIS Billing 3.0" }
        if g.hasPrefix("urn:ferd:crossindustrydocument:invoice:1p0") {
            for profile in ["basic", "comfort", "extended"] where g.hasSuffix(":" + profile) {
                return "ZUGFeRD 1.0 \(profile.uppercased())"
            }
            return "ZUGFeRD 1.0"
        }
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
