#!/usr/bin/env python3
"""Writes the e-invoice test fixtures of this folder (standard library only).

Every invoice here was made up for Mailroom's tests: the companies, numbers and IBANs are fictitious (the IBANs
get correct check digits computed below, except where a test needs a bad one). The XML follows the structure of
UBL 2.1 (OASIS) and UN/CEFACT CII D16B as EN 16931, Peppol BIS 3.0, XRechnung and Factur-X use them.

    python3 make_einvoices.py      # rewrites the *.xml files next to this script
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def iban(country, bban):
    """An IBAN with correct ISO 13616 check digits."""
    rearranged = bban + country + "00"
    digits = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


SELLER_IBAN = iban("DE", "500105175407324931")      # fictitious account
XR_IBAN = iban("DE", "370400440532013000")
CII_IBAN = iban("DE", "120300000012345678")

UBL_NS = '''xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"'''


def ubl_party(name, street, city, zip_code, vat):
    return f'''<cac:Party>
      <cac:PartyName><cbc:Name>{name}</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>{street}</cbc:StreetName>
        <cbc:CityName>{city}</cbc:CityName>
        <cbc:PostalZone>{zip_code}</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>{vat}</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>{name}</cbc:RegistrationName></cac:PartyLegalEntity>
    </cac:Party>'''


def ubl_line(tag, qty_tag, number, name, qty, unit, price, total):
    return f'''  <cac:{tag}>
    <cbc:ID>{number}</cbc:ID>
    <cbc:{qty_tag} unitCode="{unit}">{qty}</cbc:{qty_tag}>
    <cbc:LineExtensionAmount currencyID="EUR">{total}</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>{name}</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>19</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">{price}</cbc:PriceAmount></cac:Price>
  </cac:{tag}>'''


def ubl_document(root, type_tag, customization, number, issue, due, lines, net, tax, gross, payable,
                 iban_value, terms, buyer_reference="PO-4711", credit=False):
    line_tag, qty_tag = ("CreditNoteLine", "CreditedQuantity") if credit else ("InvoiceLine", "InvoicedQuantity")
    type_code = "381" if credit else "380"
    ns = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" if credit else \
        "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    due_xml = f"\n  <cbc:DueDate>{due}</cbc:DueDate>" if (due and not credit) else ""
    payment_due = f"\n    <cbc:PaymentDueDate>{due}</cbc:PaymentDueDate>" if (due and credit) else ""
    body = "\n".join(ubl_line(line_tag, qty_tag, i + 1, *l) for i, l in enumerate(lines))
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<{root} xmlns="{ns}"
         {UBL_NS}>
  <cbc:CustomizationID>{customization}</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>{number}</cbc:ID>
  <cbc:IssueDate>{issue}</cbc:IssueDate>{due_xml}
  <cbc:{type_tag}>{type_code}</cbc:{type_tag}>
  <cbc:Note>Vielen Dank für Ihren Auftrag.</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>{buyer_reference}</cbc:BuyerReference>
  <cac:AccountingSupplierParty>
    {ubl_party("Nordlicht Bürobedarf GmbH", "Hafenstraße 12", "Kiel", "24103", "DE813456782")}
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    {ubl_party("Müller Maschinenbau AG", "Industrieweg 7", "Stuttgart", "70565", "DE298765431")}
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>{payment_due}
    <cbc:PaymentID>{number}</cbc:PaymentID>
    <cac:PayeeFinancialAccount>
      <cbc:ID>{iban_value}</cbc:ID>
      <cbc:Name>Nordlicht Bürobedarf GmbH</cbc:Name>
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms>
    <cbc:Note>{terms}</cbc:Note>
  </cac:PaymentTerms>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">{tax}</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">{net}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">{tax}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>19</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">{net}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">{net}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">{gross}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">{payable}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
{body}
</{root}>
'''


def cii_document(guideline, number, type_code, issue, due, lines, net, tax, gross, prepaid, payable, iban_value,
                 seller, seller_vat, buyer, buyer_reference, terms):
    items = []
    for i, (name, qty, unit, price, total) in enumerate(lines):
        items.append(f'''    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>{i + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>{name}</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>{price}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="{unit}">{qty}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>19</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{total}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>''')
    items_xml = "\n".join(items)
    prepaid_xml = f"\n        <ram:TotalPrepaidAmount>{prepaid}</ram:TotalPrepaidAmount>" if prepaid else ""
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>{guideline}</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>{number}</ram:ID>
    <ram:TypeCode>{type_code}</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">{issue}</udt:DateTimeString></ram:IssueDateTime>
    <ram:IncludedNote><ram:Content>Rechnung gemäß Wartungsvertrag.</ram:Content></ram:IncludedNote>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
{items_xml}
    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>{buyer_reference}</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:Name>{seller}</ram:Name>
        <ram:PostalTradeAddress><ram:PostcodeCode>20095</ram:PostcodeCode><ram:LineOne>Mönckebergstraße 3</ram:LineOne><ram:CityName>Hamburg</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">27/123/45678</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{seller_vat}</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>{buyer}</ram:Name>
        <ram:PostalTradeAddress><ram:PostcodeCode>80331</ram:PostcodeCode><ram:LineOne>Sendlinger Straße 20</ram:LineOne><ram:CityName>München</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE176543210</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">{issue}</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>{number}</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{iban_value}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>{tax}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>{net}</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>19</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>{terms}</ram:Description>
        <ram:DueDateDateTime><udt:DateTimeString format="102">{due}</udt:DateTimeString></ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{net}</ram:LineTotalAmount>
        <ram:ChargeTotalAmount>0.00</ram:ChargeTotalAmount>
        <ram:AllowanceTotalAmount>0.00</ram:AllowanceTotalAmount>
        <ram:TaxBasisTotalAmount>{net}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">{tax}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{gross}</ram:GrandTotalAmount>{prepaid_xml}
        <ram:DuePayableAmount>{payable}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
'''


PEPPOL = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
XRECHNUNG = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
FACTURX_EN16931 = "urn:cen.eu:en16931:2017"

UBL_LINES = [
    ("Kopierpapier A4, 500 Blatt", "40", "H87", "4.50", "180.00"),
    ("Toner HP 305A schwarz", "4", "H87", "89.90", "359.60"),
    ("Bürostuhl Ergo Plus", "2", "H87", "230.20", "460.40"),
]


def ubl_invoice(**overrides):
    args = dict(root="Invoice", type_tag="InvoiceTypeCode", customization=PEPPOL, number="NB-2026-1187",
                issue="2026-11-18", due="2026-12-18", lines=UBL_LINES, net="1000.00", tax="190.00",
                gross="1190.00", payable="1190.00", iban_value=SELLER_IBAN,
                terms="Zahlbar innerhalb von 30 Tagen ohne Abzug.")
    args.update(overrides)
    return ubl_document(**args)


CII_LINES = [
    ("Wartungsvertrag Drucker, Quartal 4/2026", "1", "C62", "450.00", "450.00"),
    ("Anfahrtspauschale", "2", "C62", "35.00", "70.00"),
    ("Ersatzteil Fixiereinheit", "1", "H87", "239.00", "239.00"),
]


def cii_invoice(**overrides):
    args = dict(guideline=FACTURX_EN16931, number="HS-R-2026-0815", type_code="380", issue="20261120",
                due="20261204", lines=CII_LINES, net="759.00", tax="144.21", gross="903.21", prepaid=None,
                payable="903.21", iban_value=CII_IBAN, seller="Hanse Service &amp; Technik GmbH",
                seller_vat="DE287654329", buyer="Alpenblick Hotel KG", buyer_reference="AB-EK-2026-77",
                terms="Zahlbar bis 04.12.2026 ohne Abzug.")
    args.update(overrides)
    return cii_document(**args)


def files():
    yield "ubl-invoice.xml", ubl_invoice()
    yield "ubl-creditnote.xml", ubl_document(
        root="CreditNote", type_tag="CreditNoteTypeCode", customization=PEPPOL, number="NB-GS-2026-0031",
        issue="2026-11-21", due="2026-11-28", lines=[("Bürostuhl Ergo Plus (Rücknahme)", "1", "H87", "230.20", "230.20")],
        net="230.20", tax="43.74", gross="273.94", payable="273.94", iban_value=SELLER_IBAN,
        terms="Gutschrift zu Rechnung NB-2026-1187; wird mit der nächsten Rechnung verrechnet.", credit=True)
    yield "xrechnung-ubl.xml", ubl_invoice(
        customization=XRECHNUNG, number="XR-2026-00042", issue="2026-11-19", due="2026-12-19",
        buyer_reference="04011000-12345-34",
        lines=[("Beratung Datenschutz (Stunden)", "12", "HUR", "120.00", "1440.00"),
               ("Reisekosten pauschal", "1", "C62", "85.50", "85.50")],
        net="1525.50", tax="289.85", gross="1815.35", payable="1815.35", iban_value=XR_IBAN,
        terms="Zahlbar innerhalb von 30 Tagen.")
    yield "cii-facturx.xml", cii_invoice()
    yield "xrechnung-cii.xml", cii_invoice(
        guideline=XRECHNUNG, number="XR-CII-2026-7", issue="20261122", due="20261222",
        lines=[("Softwarelizenz Jahresabo", "5", "C62", "240.00", "1200.00")],
        net="1200.00", tax="228.00", gross="1428.00", prepaid="428.00", payable="1000.00",
        buyer="Stadtverwaltung Musterstadt", buyer_reference="04011000-12345-34",
        terms="Abschlag von 428,00 EUR bereits gezahlt; Rest zahlbar in 30 Tagen.")
    # Subtly broken ones.
    yield "broken-ubl-wrong-sums.xml", ubl_invoice(
        number="NB-2026-1188",
        lines=[UBL_LINES[0], ("Toner HP 305A schwarz", "4", "H87", "89.90", "395.60"), UBL_LINES[2]],
        gross="1209.00", payable="1209.00")
    bad_iban = CII_IBAN[:-2] + CII_IBAN[-1] + CII_IBAN[-2]  # two digits swapped: the check digits catch it
    assert bad_iban != CII_IBAN
    yield "broken-cii-bad-iban.xml", cii_invoice(number="HS-R-2026-0816", iban_value=bad_iban)
    yield "broken-ubl-missing-number.xml", ubl_invoice().replace("  <cbc:ID>NB-2026-1187</cbc:ID>\n", "", 1)
    yield "broken-cii-bad-date.xml", cii_invoice(number="HS-R-2026-0817", issue="20261131")
    # XML that is no invoice at all (a UBL order): the reader must say nil.
    yield "not-an-invoice-order.xml", '''<?xml version="1.0" encoding="UTF-8"?>
<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
       xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>PO-4711</cbc:ID>
  <cbc:IssueDate>2026-11-02</cbc:IssueDate>
</Order>
'''


if __name__ == "__main__":
    for name, text in files():
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", name)
