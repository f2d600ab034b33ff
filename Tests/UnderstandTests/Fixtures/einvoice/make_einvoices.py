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
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE176543212</ram:ID></ram:SpecifiedTaxRegistration>
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
    # XML that is no invoice (a bare UBL order): the e-invoice reader must say nil; it is read as an order.
    yield "not-an-invoice-order.xml", '''<?xml version="1.0" encoding="UTF-8"?>
<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
       xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>PO-4711</cbc:ID>
  <cbc:IssueDate>2026-11-02</cbc:IssueDate>
</Order>
'''
    yield from ubl_more()
    yield from cii_more()
    yield "zugferd1-invoice.xml", zugferd1_invoice()
    yield "ubl-order.xml", ubl_order()
    yield "ubl-order-response.xml", ubl_order_response()
    yield "ubl-request-for-quotation.xml", ubl_request_for_quotation()


# ------------------------------------------------------------------------------------------------------------
# More UBL invoices: other countries and currencies, document-level allowances and charges, several VAT rates,
# prepaid amounts, totals written without decimals, type codes 381 (credit) and 384 (correction).

BRIGHTWATER = ("Brightwater Components GmbH", "Werkstraße 4", "Bremen", "28199", "DE", "DE312345671")


def ubl_simple_party(name, street, city, zip_code, country, vat, email=None):
    tax = f"""
      <cac:PartyTaxScheme>
        <cbc:CompanyID>{vat}</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>""" if vat else ""
    contact = f"\n      <cac:Contact><cbc:ElectronicMail>{email}</cbc:ElectronicMail></cac:Contact>" if email else ""
    return f"""<cac:Party>
      <cac:PartyName><cbc:Name>{name}</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>{street}</cbc:StreetName>
        <cbc:CityName>{city}</cbc:CityName>
        <cbc:PostalZone>{zip_code}</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>{country}</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>{tax}
      <cac:PartyLegalEntity><cbc:RegistrationName>{name}</cbc:RegistrationName></cac:PartyLegalEntity>{contact}
    </cac:Party>"""


def ubl_priced_line(currency, tag, qty_tag, number, name, qty, unit, price, total, rate, sku=None):
    sku_xml = f"\n      <cac:SellersItemIdentification><cbc:ID>{sku}</cbc:ID></cac:SellersItemIdentification>" if sku else ""
    return f"""  <cac:{tag}>
    <cbc:ID>{number}</cbc:ID>
    <cbc:{qty_tag} unitCode="{unit}">{qty}</cbc:{qty_tag}>
    <cbc:LineExtensionAmount currencyID="{currency}">{total}</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>{name}</cbc:Name>{sku_xml}
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>{rate}</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="{currency}">{price}</cbc:PriceAmount></cac:Price>
  </cac:{tag}>"""


def ubl_allowance_charge(currency, charge, reason, amount, rate):
    return f"""  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>{"true" if charge else "false"}</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReason>{reason}</cbc:AllowanceChargeReason>
    <cbc:Amount currencyID="{currency}">{amount}</cbc:Amount>
    <cac:TaxCategory>
      <cbc:ID>S</cbc:ID>
      <cbc:Percent>{rate}</cbc:Percent>
      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
    </cac:TaxCategory>
  </cac:AllowanceCharge>"""


def ubl_general_invoice(number, issue, due, currency, type_code, seller, buyer, iban_value, lines, allowances_charges,
                        subtotals, tax, totals, terms):
    """`lines`: (name, qty, unit, price, total, rate[, sku]); `allowances_charges`: (is_charge, reason, amount,
    rate); `subtotals`: (taxable, tax, rate); `totals`: the LegalMonetaryTotal elements in order, (element, amount)."""
    body = "\n".join(ubl_priced_line(currency, "InvoiceLine", "InvoicedQuantity", i + 1, *l) for i, l in enumerate(lines))
    adjustments = "\n".join(ubl_allowance_charge(currency, *x) for x in allowances_charges)
    breakdown = "\n".join(f"""    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="{currency}">{taxable}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="{currency}">{amount}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>{rate}</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>""" for taxable, amount, rate in subtotals)
    money = "\n".join(f'    <cbc:{element} currencyID="{currency}">{amount}</cbc:{element}>' for element, amount in totals)
    due_xml = f"\n  <cbc:DueDate>{due}</cbc:DueDate>" if due else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
         {UBL_NS}>
  <cbc:CustomizationID>{PEPPOL}</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>{number}</cbc:ID>
  <cbc:IssueDate>{issue}</cbc:IssueDate>{due_xml}
  <cbc:InvoiceTypeCode>{type_code}</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>{currency}</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty>
    {ubl_simple_party(*seller)}
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    {ubl_simple_party(*buyer)}
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>{iban_value}</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms><cbc:Note>{terms}</cbc:Note></cac:PaymentTerms>
{adjustments}
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="{currency}">{tax}</cbc:TaxAmount>
{breakdown}
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
{money}
  </cac:LegalMonetaryTotal>
{body}
</Invoice>
"""


def ubl_more():
    # Swedish supplier, SEK, 25 % and 12 % VAT, a discount and a freight charge at document level, a prepayment.
    yield "ubl-invoice-sek-allowances.xml", ubl_general_invoice(
        number="FV-2026-30418", issue="2026-10-05", due="2026-11-04", currency="SEK", type_code="380",
        seller=("Fjällgren Verktyg AB", "Industrivägen 9", "Göteborg", "41705", "SE", "SE556677889901"),
        buyer=BRIGHTWATER, iban_value=iban("SE", "50000000058398257466"),
        lines=[("Momentnyckel 20-100 Nm", "6", "H87", "1450.00", "8700.00", "25", "MN-20100"),
               ("Bits-sats 32 delar", "20", "H87", "189.50", "3790.00", "25", "BS-32"),
               ("Skyddshandskar nitril, 100 st", "15", "BX", "94.00", "1410.00", "25", "SH-N100"),
               ("Handbok Verktygsvård (tryckt)", "10", "H87", "210.00", "2100.00", "12")],
        allowances_charges=[(False, "Rabatt 5 % på verktyg", "695.00", "25"), (True, "Frakt", "450.00", "25")],
        subtotals=[("13655.00", "3413.75", "25"), ("2100.00", "252.00", "12")], tax="3665.75",
        totals=[("LineExtensionAmount", "16000.00"), ("TaxExclusiveAmount", "15755.00"),
                ("TaxInclusiveAmount", "19420.75"), ("AllowanceTotalAmount", "695.00"),
                ("ChargeTotalAmount", "450.00"), ("PrepaidAmount", "5000.00"), ("PayableAmount", "14420.75")],
        terms="Betalning inom 30 dagar. Förskott 5 000,00 SEK avräknat.")
    # British supplier, GBP: no TaxInclusiveAmount (the payable amount is the gross), no allowance total in the
    # totals (only the AllowanceCharge element), amounts written without decimals.
    yield "ubl-invoice-gbp-payable-only.xml", ubl_general_invoice(
        number="TP/INV/88213", issue="2026-09-14", due="2026-10-14", currency="GBP", type_code="380",
        seller=("Thornbury Packaging Ltd", "Unit 4, Severn Road", "Bristol", "BS35 1AA", "GB", "GB123456782"),
        buyer=BRIGHTWATER, iban_value=iban("GB", "NWBK60161331926819"),
        lines=[("Corrugated boxes 600x400x400, double wall", "500", "H87", "2.40", "1200", "20", "CB-644-DW"),
               ("Stretch film 500 mm x 300 m", "40", "H87", "13.70", "548", "20", "SF-500")],
        allowances_charges=[(False, "Loyalty discount", "321.33", "20")],
        subtotals=[("1426.67", "285.33", "20")], tax="285.33",
        totals=[("LineExtensionAmount", "1748"), ("TaxExclusiveAmount", "1426.67"), ("PayableAmount", "1712")],
        terms="Net 30 days.")
    # An Invoice with type code 381 (a credit note in invoice form), Danish supplier, DKK: positive as written.
    yield "ubl-invoice-381-credit.xml", ubl_general_invoice(
        number="KN-2026-0077", issue="2026-08-21", due=None, currency="DKK", type_code="381",
        seller=("Nordhavn Marine ApS", "Sundkaj 12", "København", "2150", "DK", "DK13585628"),
        buyer=BRIGHTWATER, iban_value=iban("DK", "00400440116243"),
        lines=[("Returneret pumpehjul PH-80 (defekt)", "1", "H87", "95.20", "95.20", "25")],
        allowances_charges=[], subtotals=[("95.20", "23.80", "25")], tax="23.80",
        totals=[("LineExtensionAmount", "95.20"), ("TaxExclusiveAmount", "95.20"),
                ("TaxInclusiveAmount", "119.00"), ("PayableAmount", "119.00")],
        terms="Kreditnota til faktura F-2026-0812.")
    # A correction (384) from an Austrian printer that lowers an earlier invoice: negative as written.
    yield "ubl-invoice-384-correction.xml", ubl_general_invoice(
        number="KR-2026-114", issue="2026-07-30", due="2026-08-29", currency="EUR", type_code="384",
        seller=("Alpenländische Druckerei GmbH", "Bahnhofstraße 22", "Innsbruck", "6020", "AT", "ATU12345675"),
        buyer=BRIGHTWATER, iban_value=iban("AT", "1904300234573201"),
        lines=[("Korrektur Preis Prospekte A4 (Rechnung R-2026-981)", "-2000", "H87", "0.025", "-50.00", "20")],
        allowances_charges=[], subtotals=[("-50.00", "-10.00", "20")], tax="-10.00",
        totals=[("LineExtensionAmount", "-50.00"), ("TaxExclusiveAmount", "-50.00"),
                ("TaxInclusiveAmount", "-60.00"), ("PayableAmount", "-60.00")],
        terms="Der Betrag wird mit der nächsten Zahlung verrechnet.")


# ------------------------------------------------------------------------------------------------------------
# A CII credit note (Factur-X, type code 381) and ZUGFeRD 1.0 (its own namespaces and element names).

def cii_more():
    yield "cii-creditnote.xml", cii_invoice(
        number="AV-2026-0042", type_code="381", issue="20261012", due="20261012",
        lines=[("Werkstattleuchte LED 60 W (Rücksendung)", "3", "H87", "84.00", "252.00"),
               ("Rückfracht", "1", "C62", "48.00", "48.00")],
        net="300.00", tax="57.00", gross="357.00", payable="357.00", iban_value=iban("DE", "590100660012345678"),
        seller="Lichtwerk Saar GmbH", seller_vat="DE814512671", buyer="Brightwater Components GmbH",
        buyer_reference="BW-EK-5521", terms="Gutschrift zu Rechnung LS-2026-3310; wird verrechnet.")


ZUGFERD1_LINES = [
    ("Installationskabel NYM-J 3x1,5 mm², Ring 100 m", "12", "MTR", "52.40", "628.80", "19.00", "NYM-315-100"),
    ("Sicherungsautomat B16 1-polig", "48", "H87", "3.85", "184.80", "19.00", "LS-B16"),
    ("Fachbuch Elektroinstallation, 12. Auflage", "2", "H87", "49.90", "99.80", "7.00", None),
]


def zugferd1_invoice():
    """ZUGFeRD 1.0 (COMFORT): rsm:CrossIndustryDocument, the :12 and :15 UN/CEFACT namespaces, header and
    transaction under rsm:HeaderExchangedDocument and rsm:SpecifiedSupplyChainTradeTransaction."""
    items = []
    for i, (name, qty, unit, price, total, rate, sku) in enumerate(ZUGFERD1_LINES):
        sku_xml = f"<ram:SellerAssignedID>{sku}</ram:SellerAssignedID>" if sku else ""
        items.append(f"""    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>{i + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedSupplyChainTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">{price}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedSupplyChainTradeAgreement>
      <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="{unit}">{qty}</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
      <ram:SpecifiedSupplyChainTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>{rate}</ram:ApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">{total}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation>
      </ram:SpecifiedSupplyChainTradeSettlement>
      <ram:SpecifiedTradeProduct>{sku_xml}<ram:Name>{name}</ram:Name></ram:SpecifiedTradeProduct>
    </ram:IncludedSupplyChainTradeLineItem>""")
    items_xml = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <rsm:SpecifiedExchangedDocumentContext>
    <ram:TestIndicator><udt:Indicator>false</udt:Indicator></ram:TestIndicator>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:ferd:CrossIndustryDocument:invoice:1p0:comfort</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:SpecifiedExchangedDocumentContext>
  <rsm:HeaderExchangedDocument>
    <ram:ID>RWE-2019-04417</ram:ID>
    <ram:Name>RECHNUNG</ram:Name>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20190611</udt:DateTimeString></ram:IssueDateTime>
    <ram:IncludedNote><ram:Content>Lieferung gemäß Ihrer Bestellung vom 03.06.2019.</ram:Content></ram:IncludedNote>
  </rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement>
      <ram:BuyerReference>BW-EK-2019-117</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:Name>Rheinwerk Elektrotechnik GmbH</ram:Name>
        <ram:PostalTradeAddress><ram:PostcodeCode>50667</ram:PostcodeCode><ram:LineOne>Domstraße 40</ram:LineOne><ram:CityName>Köln</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">214/5723/0815</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE811907980</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>Brightwater Components GmbH</ram:Name>
        <ram:PostalTradeAddress><ram:PostcodeCode>28199</ram:PostcodeCode><ram:LineOne>Werkstraße 4</ram:LineOne><ram:CityName>Bremen</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
      </ram:BuyerTradeParty>
    </ram:ApplicableSupplyChainTradeAgreement>
    <ram:ApplicableSupplyChainTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20190607</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableSupplyChainTradeDelivery>
    <ram:ApplicableSupplyChainTradeSettlement>
      <ram:PaymentReference>RWE-2019-04417</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>31</ram:TypeCode>
        <ram:Information>Überweisung</ram:Information>
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{iban("DE", "370501980012345678")}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
        <ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>COLSDE33XXX</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount currencyID="EUR">154.58</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount currencyID="EUR">813.60</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:ApplicablePercent>19.00</ram:ApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount currencyID="EUR">6.99</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount currencyID="EUR">99.80</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:ApplicablePercent>7.00</ram:ApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>Zahlbar innerhalb von 14 Tagen ohne Abzug.</ram:Description>
        <ram:DueDateDateTime><udt:DateTimeString format="102">20190625</udt:DateTimeString></ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:LineTotalAmount currencyID="EUR">913.40</ram:LineTotalAmount>
        <ram:ChargeTotalAmount currencyID="EUR">0.00</ram:ChargeTotalAmount>
        <ram:AllowanceTotalAmount currencyID="EUR">0.00</ram:AllowanceTotalAmount>
        <ram:TaxBasisTotalAmount currencyID="EUR">913.40</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">161.57</ram:TaxTotalAmount>
        <ram:GrandTotalAmount currencyID="EUR">1074.97</ram:GrandTotalAmount>
        <ram:DuePayableAmount currencyID="EUR">1074.97</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
{items_xml}
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>
"""


# ------------------------------------------------------------------------------------------------------------
# Other UBL business documents: an Order and a RequestForQuotation sent to us (Brightwater), and an
# OrderResponse from one of our suppliers.

def ubl_order():
    lines = [("PMP-100", "Centrifugal pump CP-100", "4", "H87", "1250.00", "5000.00"),
             ("VLV-BALL-25", "Ball valve DN25 stainless", "60", "H87", "46.50", "2790.00"),
             ("VLV-CHK-40", "Check valve DN40", "25", "H87", "64.00", "1600.00")]
    body = "\n".join(f"""  <cac:OrderLine>
    <cac:LineItem>
      <cbc:ID>{i + 1}</cbc:ID>
      <cbc:Quantity unitCode="{unit}">{qty}</cbc:Quantity>
      <cbc:LineExtensionAmount currencyID="EUR">{total}</cbc:LineExtensionAmount>
      <cac:Price><cbc:PriceAmount currencyID="EUR">{price}</cbc:PriceAmount></cac:Price>
      <cac:Item>
        <cbc:Name>{name}</cbc:Name>
        <cac:SellersItemIdentification><cbc:ID>{sku}</cbc:ID></cac:SellersItemIdentification>
      </cac:Item>
    </cac:LineItem>
  </cac:OrderLine>""" for i, (sku, name, qty, unit, price, total) in enumerate(lines))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
       {UBL_NS}>
  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>
  <cbc:ID>KA-PO-2026-0931</cbc:ID>
  <cbc:IssueDate>2026-11-09</cbc:IssueDate>
  <cbc:Note>Bitte Auftragsbestätigung an einkauf@kaskade-anlagenbau.example</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:CustomerReference>Projekt Klärwerk Süd</cbc:CustomerReference>
  <cac:QuotationDocumentReference><cbc:ID>BW-Q-2026-0412</cbc:ID></cac:QuotationDocumentReference>
  <cac:BuyerCustomerParty>
    {ubl_simple_party("Kaskade Anlagenbau GmbH", "Am Wehr 3", "Hameln", "31785", "DE", "DE298765431", "einkauf@kaskade-anlagenbau.example")}
  </cac:BuyerCustomerParty>
  <cac:SellerSupplierParty>
    {ubl_simple_party(*BRIGHTWATER)}
  </cac:SellerSupplierParty>
  <cac:Delivery>
    <cac:RequestedDeliveryPeriod><cbc:StartDate>2026-12-01</cbc:StartDate><cbc:EndDate>2026-12-04</cbc:EndDate></cac:RequestedDeliveryPeriod>
  </cac:Delivery>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReason>Verpackung</cbc:AllowanceChargeReason>
    <cbc:Amount currencyID="EUR">5.00</cbc:Amount>
  </cac:AllowanceCharge>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">1785.05</cbc:TaxAmount></cac:TaxTotal>
  <cac:AnticipatedMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">9390.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">9395.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">11180.05</cbc:TaxInclusiveAmount>
    <cbc:ChargeTotalAmount currencyID="EUR">5.00</cbc:ChargeTotalAmount>
    <cbc:PayableAmount currencyID="EUR">11180.05</cbc:PayableAmount>
  </cac:AnticipatedMonetaryTotal>
{body}
</Order>
"""


def ubl_order_response():
    lines = [("5", "RVS-4404-3", "RVS plaat 1.4404, 3 mm", "1200", "KGM", "3.18"),
             ("3", "RVS-B-424", "RVS buis 42,4 x 2 mm", "300", "MTR", "7.45")]
    body = "\n".join(f"""  <cac:OrderLine>
    <cac:LineItem>
      <cbc:ID>{i + 1}</cbc:ID>
      <cbc:LineStatusCode>{status}</cbc:LineStatusCode>
      <cbc:Quantity unitCode="{unit}">{qty}</cbc:Quantity>
      <cac:Price><cbc:PriceAmount currencyID="EUR">{price}</cbc:PriceAmount></cac:Price>
      <cac:Item>
        <cbc:Name>{name}</cbc:Name>
        <cac:SellersItemIdentification><cbc:ID>{sku}</cbc:ID></cac:SellersItemIdentification>
      </cac:Item>
    </cac:LineItem>
  </cac:OrderLine>""" for i, (status, sku, name, qty, unit, price) in enumerate(lines))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
       {UBL_NS}>
  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_response:3</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>
  <cbc:ID>OM-OB-77120</cbc:ID>
  <cbc:IssueDate>2026-10-28</cbc:IssueDate>
  <cbc:OrderResponseCode>CA</cbc:OrderResponseCode>
  <cbc:Note>Regel 2: levering in twee delen.</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>BW-PO-2026-1184</cbc:ID></cac:OrderReference>
  <cac:SellerSupplierParty>
    {ubl_simple_party("Oostpoort Metaal B.V.", "Havenweg 18", "Rotterdam", "3089 JH", "NL", "NL001234567B01")}
  </cac:SellerSupplierParty>
  <cac:BuyerCustomerParty>
    {ubl_simple_party(*BRIGHTWATER)}
  </cac:BuyerCustomerParty>
{body}
</OrderResponse>
"""


def ubl_request_for_quotation():
    lines = [("PMP-SUB", "Submersible pump SP-40", "8", "H87"),
             ("VLV-GATE-80", "Gate valve DN80 cast iron", "12", "H87"),
             (None, "Spare seal kit for SP-40", "16", "SET")]
    rows = []
    for i, (sku, name, qty, unit) in enumerate(lines):
        sku_xml = f"\n        <cac:SellersItemIdentification><cbc:ID>{sku}</cbc:ID></cac:SellersItemIdentification>" if sku else ""
        rows.append(f"""  <cac:RequestForQuotationLine>
    <cac:LineItem>
      <cbc:ID>{i + 1}</cbc:ID>
      <cbc:Quantity unitCode="{unit}">{qty}</cbc:Quantity>
      <cac:Item>
        <cbc:Name>{name}</cbc:Name>{sku_xml}
      </cac:Item>
    </cac:LineItem>
  </cac:RequestForQuotationLine>""")
    body = "\n".join(rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<RequestForQuotation xmlns="urn:oasis:names:specification:ubl:schema:xsd:RequestForQuotation-2"
       {UBL_NS}>
  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
  <cbc:ID>NM-RFQ-2026-051</cbc:ID>
  <cbc:IssueDate>2026-11-16</cbc:IssueDate>
  <cbc:SubmissionDueDate>2026-11-27</cbc:SubmissionDueDate>
  <cbc:Note>Quotation in EUR, incoterms DAP København.</cbc:Note>
  <cbc:PricingCurrencyCode>EUR</cbc:PricingCurrencyCode>
  <cac:BuyerCustomerParty>
    {ubl_simple_party("Nordhavn Marine ApS", "Sundkaj 12", "København", "2150", "DK", "DK13585628", "indkob@nordhavn-marine.example")}
  </cac:BuyerCustomerParty>
  <cac:SellerSupplierParty>
    {ubl_simple_party(*BRIGHTWATER)}
  </cac:SellerSupplierParty>
  <cac:Delivery>
    <cac:RequestedDeliveryPeriod><cbc:EndDate>2027-01-15</cbc:EndDate></cac:RequestedDeliveryPeriod>
  </cac:Delivery>
{body}
</RequestForQuotation>
"""


if __name__ == "__main__":
    for name, text in files():
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", name)
