import Foundation
import Testing
@testable import Markup

private let ublInvoice = """
<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>INV-2025-0147</cbc:ID>
  <cbc:IssueDate>2025-11-20</cbc:IssueDate>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>Müller &amp; Söhne GmbH</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>
  <cac:LegalMonetaryTotal>
    <cbc:TaxExclusiveAmount currencyID="EUR">41.50</cbc:TaxExclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">49.39</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">200</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">24.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Hex bolt M6 x 40</cbc:Name></cac:Item>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">200</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">10.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name><![CDATA[Hex nut <M6>]]></cbc:Name></cac:Item>
  </cac:InvoiceLine>
</Invoice>
"""

private let ubl = [
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
]

@Suite struct MarkupDocumentXMLTests {
    @Test func xpathWithNamespacesReturnsStringsNodesNumbersAndBooleans() throws {
        let doc = try MarkupDocument(xml: Data(ublInvoice.utf8))
        #expect(doc.flavour == .xml)
        #expect(try doc.firstString(xpath: "/inv:Invoice/cbc:ID", namespaces: ubl) == "INV-2025-0147")
        #expect(try doc.firstString(xpath: "//cac:PartyName/cbc:Name", namespaces: ubl) == "Müller & Söhne GmbH")
        #expect(try doc.strings(xpath: "//cac:InvoiceLine/cac:Item/cbc:Name", namespaces: ubl) == ["Hex bolt M6 x 40", "Hex nut <M6>"])
        #expect(try doc.firstString(xpath: "//cbc:PayableAmount/@currencyID", namespaces: ubl) == "EUR")
        #expect(try doc.strings(xpath: "count(//cac:InvoiceLine)", namespaces: ubl) == ["2"])
        #expect(try doc.strings(xpath: "sum(//cac:InvoiceLine/cbc:LineExtensionAmount)", namespaces: ubl) == ["34"])
        #expect(try doc.strings(xpath: "string(//cbc:IssueDate)", namespaces: ubl) == ["2025-11-20"])
        if case .boolean(let b) = try doc.evaluate(xpath: "boolean(//cbc:DueDate)", namespaces: ubl) { #expect(b == false) } else {
            Issue.record("boolean() should give a boolean")
        }
        // Without the prefix registration the default-namespace element is not found (XPath 1.0 rule).
        #expect(try doc.firstString(xpath: "/Invoice/ID") == nil)
        #expect(try doc.nodes(xpath: "//cbc:Nothing", namespaces: ubl).isEmpty)
    }

    @Test func nodesWalkAndRelativeXPath() throws {
        let doc = try MarkupDocument(xml: Data(ublInvoice.utf8))
        let root = try #require(doc.root)
        #expect(root.name == "Invoice")
        #expect(root.namespaceURI == ubl["inv"])
        #expect(root.prefix == nil)
        #expect(root.parent == nil)
        let lines = try doc.nodes(xpath: "//cac:InvoiceLine", namespaces: ubl)
        #expect(lines.count == 2)
        let second = lines[1]
        #expect(second.line == 19)
        #expect(try second.firstString(xpath: "cbc:ID", namespaces: ubl) == "2")
        #expect(try second.firstString(xpath: "cbc:InvoicedQuantity/@unitCode", namespaces: ubl) == "C62")
        let quantity = try #require(second.nodes(xpath: "cbc:InvoicedQuantity", namespaces: ubl).first)
        #expect(quantity.attribute("unitCode") == "C62")
        #expect(quantity.attribute("nope") == nil)
        #expect(quantity.attributes.map(\.name) == ["unitCode"])
        #expect(quantity.prefix == "cbc")
        #expect(quantity.text == "200")
        #expect(quantity.parent == second)
        #expect(second.childElements.map(\.name) == ["ID", "InvoicedQuantity", "LineExtensionAmount", "Item"])
        #expect(second.children.count > second.childElements.count)  // whitespace text nodes are kept
        #expect(second.firstChild?.kind == .text)
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        func firstLineName() throws -> MarkupNode? {
            let doc = try MarkupDocument(xml: Data(ublInvoice.utf8))
            return try doc.nodes(xpath: "//cac:Item/cbc:Name", namespaces: ubl).first
        }
        let node = try #require(try firstLineName())
        #expect(node.text == "Hex bolt M6 x 40")
        // Many documents come and go without growing without bound (deinit frees them).
        for _ in 0..<2_000 { _ = try MarkupDocument(xml: Data(ublInvoice.utf8)).root?.name }
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        #expect(throws: MarkupError.self) { try MarkupDocument(xml: Data("<a><b></a>".utf8)) }
        do {
            _ = try MarkupDocument(xml: Data("<?xml version=\"1.0\"?>\n<a>\n<b>\n</a>".utf8))
            Issue.record("should have thrown")
        } catch {
            guard case let .notWellFormed(line, message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(line == 4)  // where the mismatched end tag is
            #expect(message.contains("mismatch"), "the first error explains it: \(message)")
            #expect(error.description.hasPrefix("XML is not well-formed (line 4): "))
        }
        // Recover mode salvages what it can.
        #expect((try? MarkupDocument(xml: Data("<a><b>x</a>".utf8), recover: true).root?.text) == "x")
        #expect(throws: MarkupError.empty) { try MarkupDocument(xml: Data(" \n ".utf8)) }
        #expect(throws: MarkupError.tooLarge(size: 11, limit: 10)) { try MarkupDocument(xml: Data("<a>123</a>\n".utf8), maxBytes: 10) }
    }

    @Test func entityDeclarationsAndExternalResourcesAreRefused() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-xxe-\(UUID().uuidString).txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }

        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"\(secret.absoluteString)\">]><x>&e;</x>"
        #expect(throws: MarkupError.entityDeclarationsRefused) { try MarkupDocument(xml: Data(xxe.utf8)) }
        #expect(throws: MarkupError.entityDeclarationsRefused) { try MarkupDocument(xml: Data(xxe.utf8), recover: true) }

        let laughs = """
            <?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><l>&d;</l>
            """
        #expect(throws: MarkupError.entityDeclarationsRefused) { try MarkupDocument(xml: Data(laughs.utf8)) }

        let parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"\(secret.absoluteString)\"> %p;]><x/>"
        if let doc = try? MarkupDocument(xml: Data(parameterEntity.utf8), recover: true) {
            Issue.record("parameter entities must be refused, got \(doc.root?.text ?? "")")
        }

        // An external DTD is neither loaded nor an error; its content never appears.
        let externalDTD = "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"\(secret.absoluteString)\"><x>ok</x>"
        let doc = try MarkupDocument(xml: Data(externalDTD.utf8))
        #expect(doc.root?.text == "ok")
        #expect(try doc.strings(xpath: "//text()").joined().contains("TOP-SECRET") == false)
    }

    @Test func declaredEncodingsAreHonoured() throws {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><n>M".utf8) + [0xFC] + Array("ller</n>".utf8)
        let doc = try MarkupDocument(xml: Data(latin1))
        #expect(doc.root?.text == "Müller")
        #expect(doc.charset == "ISO-8859-1")
    }

    @Test func invalidXPathThrowsAReadableError() throws {
        let doc = try MarkupDocument(xml: Data(ublInvoice.utf8))
        do {
            _ = try doc.strings(xpath: "//cbc:ID[", namespaces: ubl)
            Issue.record("should have thrown")
        } catch {
            guard case let .invalidXPath(expression, message) = error else { Issue.record("wrong error"); return }
            #expect(expression == "//cbc:ID[")
            #expect(!message.isEmpty)
        }
        #expect(throws: MarkupError.self) { try doc.strings(xpath: "//undeclared:ID") }
    }
}

@Suite struct MarkupDocumentHTMLTests {
    @Test func htmlParsesLenientlyAndCanBeQueried() throws {
        let doc = try MarkupDocument(htmlString: "<title>T</title><p class=x>One<p>Two <a href='https://e.example'>link</a><table><td>c")
        #expect(doc.flavour == .html)
        #expect(doc.root?.name == "html")
        #expect(try doc.strings(xpath: "//p") == ["One", "Two link"])
        #expect(try doc.firstString(xpath: "//td") == "c")
        #expect(try doc.firstString(xpath: "//a/@href") == "https://e.example")
        #expect(try doc.nodes(xpath: "//p[@class='x']").first?.attribute("class") == "x")
        #expect(try doc.firstString(xpath: "//title") == "T")
    }

    @Test func charsetDetectionOrder() {
        let gbk: [UInt8] = Array("<meta http-equiv=Content-Type content='text/html;charset=GB2312'>".utf8) + [0xC4, 0xE3]
        #expect(MarkupDocument.htmlCharset(of: gbk, hint: nil).0 == "GB18030")
        #expect(MarkupDocument.htmlCharset(of: gbk, hint: "utf-8").0 == "GB18030")  // the label lies
        #expect(MarkupDocument.htmlCharset(of: gbk, hint: "big5").0 == "BIG5-HKSCS")  // a specific label wins
        #expect(MarkupDocument.htmlCharset(of: Array("<p>ascii".utf8), hint: nil).0 == "UTF-8")
        #expect(MarkupDocument.htmlCharset(of: [0xEF, 0xBB, 0xBF, 0x41], hint: "latin1") == ("UTF-8", 3))
        #expect(MarkupDocument.metaCharset(in: Array("<META CHARSET = \"Shift_JIS\">".utf8)) == "shift_jis")
        #expect(MarkupDocument.metaCharset(in: Array("<meta name=x content=y><p>charset=nope".utf8)) == nil)
    }
}
