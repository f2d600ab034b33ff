import Foundation
import Vocabulary
import Markup

/// A structured business document read from its XML: an e-invoice, or a UBL Order, OrderResponse or
/// RequestForQuotation. `fields` use the field names of `kind`, the kind in `rules/kinds/` the document is
/// read as.
///
/// - e-invoices (see `EInvoice`): kind `invoice`;
/// - UBL Order: kind `purchase_order` — `order_number`, `order_date`, `buyer`, `currency`, `total` (the
///   anticipated amount payable, else the total with VAT, else the line total), `lines` (`sku`, `description`,
///   `quantity`, `unit_price`);
/// - UBL RequestForQuotation: kind `quote_request` — `customer_company`, `contact_email` (when the buyer's
///   contact has one), `reference` (the request's ID), `delivery_date` (end of the requested delivery period),
///   `lines` (`sku`, `description`, `quantity`);
/// - UBL OrderResponse (a supplier answers an order of ours): kind `order_response` — `response_number`,
///   `order_number` (the order answered), `response_date`, `response` (the UNCL 4343 code: AP accepted, RE
///   rejected, CA accepted with changes, …), `seller`, `buyer`, `currency`, `lines` (`sku`, `description`,
///   `quantity`, `unit_price`). The example rules declare no such kind, so such a mail goes on to the classifier.
public struct BusinessDocument: Sendable, Hashable {
    /// "UBL Order", "UBL OrderResponse", "UBL RequestForQuotation", or the e-invoice's syntax.
    public var syntax: String
    /// UBL `CustomizationID` or CII guideline, when the document names one.
    public var guideline: String?
    /// The kind whose field names `fields` uses.
    public var kind: String
    public var fields: [String: FieldValue]
    /// Sums that do not add up, mandatory parts that are missing.
    public var problems: [String]
    /// True when amounts were negated (a credit note written with positive amounts).
    public var amountsNegated: Bool

    public init(syntax: String, guideline: String?, kind: String, fields: [String: FieldValue], problems: [String],
                amountsNegated: Bool = false) {
        self.syntax = syntax
        self.guideline = guideline
        self.kind = kind
        self.fields = fields
        self.problems = problems
        self.amountsNegated = amountsNegated
    }

    public init(_ invoice: EInvoice) {
        self.init(syntax: invoice.syntax, guideline: invoice.guideline, kind: "invoice", fields: invoice.fields,
                  problems: invoice.problems, amountsNegated: invoice.amountsNegated)
    }
}

/// Reads any structured business document Mailroom understands (see `BusinessDocument`); nil for other XML.
public enum BusinessDocumentReader {
    public static func read(xml: Data) -> BusinessDocument? {
        guard let document = try? MarkupDocument(xml: xml, recover: false) else { return nil }
        if let invoice = EInvoiceReader.read(document) { return BusinessDocument(invoice) }
        let roots = (try? document.nodes(
            xpath: "(/ord:Order | /ordrsp:OrderResponse | /rfq:RequestForQuotation"
                + " | //ord:Order | //ordrsp:OrderResponse | //rfq:RequestForQuotation)[1]",
            namespaces: Namespaces.all)) ?? []
        guard let root = roots.first else { return nil }
        switch root.namespaceURI ?? "" {
        case Namespaces.ublOrder: return UBLOrderReading(root: root, document: .order).read()
        case Namespaces.ublOrderResponse: return UBLOrderReading(root: root, document: .orderResponse).read()
        case Namespaces.ublRequestForQuotation: return UBLOrderReading(root: root, document: .requestForQuotation).read()
        default: return nil
        }
    }
}
