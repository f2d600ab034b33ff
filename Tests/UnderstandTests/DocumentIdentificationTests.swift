import Foundation
import Testing
@testable import Vocabulary
@testable import Understand

/// What makes one business document: the kind file's `identity:` and its normalisation.
@Suite struct DocumentIdentificationTests {
    @Test func numbersIgnoreCaseSpaceAndPunctuationButNotLeadingZeros() {
        let n = DocumentIdentification.normalisedNumber
        #expect(n("R-2026-0042") == "r20260042")
        #expect(n("r 2026/0042") == n("R-2026-0042"))
        #expect(n(" R2026.0042 ") == n("R-2026-0042"))
        #expect(n("R-0042") != n("R-42"))
        #expect(n("发票 No. 12345678") == "发票no12345678")
    }

    @Test func companyNamesLoseCaseSpaceAndTheirLegalForm() {
        let n = DocumentIdentification.normalisedName
        #expect(n("Alster Spedition GmbH") == "alsterspedition")
        #expect(n("ALSTER  SPEDITION") == n("Alster Spedition GmbH"))
        #expect(n("Alster Spedition GmbH & Co. KG") == "alsterspedition")
        #expect(n("Lagoon Ltd.") == n("Lagoon Limited"))
        #expect(n("Rossi Meccanica S.r.l.") == "rossimeccanica")
        #expect(n("Pinecrest Tools, Inc.") == "pinecresttools")
        #expect(n("Nordlicht Bürobedarf GmbH") == "nordlichtbürobedarf")
        #expect(n("宁波海曙精密机械有限公司") == "宁波海曙精密机械")
        // Different companies stay different, and a legal form alone is kept.
        #expect(n("Alster Spedition GmbH") != n("Alster Logistik GmbH"))
        #expect(n("GmbH") == "gmbh")
        // After a number it is not a legal form: "PO 12 AB" is an order number, not a Swedish company.
        #expect(n("PO 12 AB") == "po12ab")
        #expect(n("R-2026-0042") == "r20260042")
    }

    static let invoice = try! KindCatalogue.parse(yaml: """
        kind: invoice
        business: true
        identity: [[seller, seller_vat_id], invoice_number]
        fields:
          - {name: invoice_number, type: text}
          - {name: seller, type: text}
          - {name: seller_vat_id, type: vat_id}
        """, file: "invoice.yaml")

    static func pdf(_ sha: Character, _ type: String = "application/pdf", name: String = "r.pdf") -> AttachmentInfo {
        AttachmentInfo(filename: name, contentType: type, size: 100, sha256: String(repeating: sha, count: 64),
                       disposition: "attachment", part: "2")
    }

    @Test func theKeysAreEveryCombinationOfTheAlternativesPresent() throws {
        #expect(Self.invoice.identity == [["seller", "seller_vat_id"], ["invoice_number"]])
        let u = Understanding(kind: "invoice", confidence: 1, method: "test", fields: [
            "invoice_number": .text("R-2026-0042"), "seller": .text("Alster Spedition GmbH"), "seller_vat_id": .text("DE 136 695 976"),
        ])
        let identity = try #require(DocumentIdentification.identity(kind: Self.invoice, understanding: u, attachments: [
            Self.pdf("a"), Self.pdf("b", "image/png", name: "logo.png"), Self.pdf("c", "application/xml", name: "r.xml"), Self.pdf("a"),
        ]))
        #expect(identity.keys == ["invoice|seller=alsterspedition|invoice_number=r20260042",
                                  "invoice|seller_vat_id=de136695976|invoice_number=r20260042"])
        #expect(identity.label == "invoice R-2026-0042 from Alster Spedition GmbH")
        // The logo is no document; the PDF counts once.
        #expect(identity.documentSHA256 == [String(repeating: "a", count: 64), String(repeating: "c", count: 64)])

        // Without a VAT id the name alone makes the key; without a number only the documents identify it.
        var nameOnly = u
        nameOnly.fields["seller_vat_id"] = nil
        #expect(DocumentIdentification.identity(kind: Self.invoice, understanding: nameOnly, attachments: [])?.keys
                    == ["invoice|seller=alsterspedition|invoice_number=r20260042"])
        var noNumber = u
        noNumber.fields["invoice_number"] = nil
        let partial = try #require(DocumentIdentification.identity(kind: Self.invoice, understanding: noNumber, attachments: [Self.pdf("a")]))
        #expect(partial.keys.isEmpty)
        #expect(partial.documentSHA256.count == 1)
        #expect(DocumentIdentification.identity(kind: Self.invoice, understanding: noNumber, attachments: [])?.isEmpty == true)
    }

    @Test func aKindWithoutIdentityIsNotIdentified() throws {
        let kind = try KindCatalogue.parse(yaml: "kind: other\nbusiness: false\n", file: "other.yaml")
        #expect(DocumentIdentification.identity(kind: kind, understanding: Understanding(kind: "other", confidence: 1, method: "t"),
                                                attachments: [Self.pdf("a")]) == nil)
    }

    @Test func theRepositoryKindsDeclareTheirIdentity() throws {
        let catalogue = try RepositoryFiles.catalogue()
        #expect(catalogue.kind(named: "invoice")?.identity == [["seller", "seller_vat_id"], ["invoice_number"]])
        #expect(catalogue.kind(named: "purchase_order")?.identity == [["buyer"], ["order_number"]])
    }

    @Test func anIdentityNamingAnUnknownFieldOrAListIsRefusedWithASuggestion() {
        let yaml = """
            kind: invoice
            business: true
            identity: [seler, lines, {a: b}]
            fields:
              - {name: seller, type: text}
              - name: lines
                type: list
                items:
                  - {name: description, type: text}
            """
        do {
            _ = try KindCatalogue.parse(yaml: yaml, file: "invoice.yaml")
            Issue.record("the kind was accepted")
        } catch {
            let text = error.problems.map(\.description).joined(separator: "\n")
            #expect(text.contains("invoice.yaml:3:"), "\(text)")
            #expect(text.contains("'seler' is not a field of this kind"), "\(text)")
            #expect(text.contains("did you mean 'seller'?"), "\(text)")
            #expect(text.contains("'lines' is a list"), "\(text)")
            #expect(text.contains("an identity entry is a field name"), "\(text)")
        }
        #expect(throws: RuleFileProblems.self) {
            _ = try KindCatalogue.parse(yaml: "kind: x\nbusiness: true\nidentity: seller\nfields:\n  - {name: seller, type: text}\n", file: "x.yaml")
        }
    }
}
