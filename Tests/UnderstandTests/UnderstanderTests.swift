import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand
@testable import Daemon

@Suite struct UnderstanderTests {
    func understander(classifier: KindClassifier? = TestMail.classifier) throws -> Understander {
        Understander(catalogue: try RepositoryFiles.catalogue(), classifier: classifier)
    }

    func understand(demo number: Int) async throws -> Understanding {
        try await understander().understand(MessageContent.read(raw: RepositoryFiles.demo(number)))
    }

    /// Extraction, validation and grounding for a given kind, whatever a classifier would say.
    func read(demo number: Int, as kindName: String) throws -> Understanding {
        let u = try understander()
        let kind = try #require(u.catalogue.kind(named: kindName))
        let content = MessageContent.read(raw: try RepositoryFiles.demo(number))
        return u.finish(kind: kind, confidence: 1, method: "test", content: content, sources: content.sourceTexts,
                        preset: [:], steps: [], review: [])
    }

    @Test func theClassifierDecidesWhenNoMatcherApplies() async throws {
        let raw = TestMail.make(subject: "Request for quotation", body: "Please send us your best price and lead time for the following items.")
        let u = try await understander().understand(MessageContent.read(raw: raw))
        #expect(u.method == "classifier")
        #expect(u.steps.map(\.method).starts(with: ["rule", "einvoice", "classifier"]))
        #expect(u.steps.contains { $0.method == "validation" })
    }

    @Test func aNewsletterIsOtherByItsHeadersBeforeAnyGuess() async throws {
        let u = try await understand(demo: 4)
        #expect(u.kind == "other")
        #expect(u.method == "rule")
        #expect(u.review.isEmpty)
        #expect(u.steps.first?.method.hasPrefix("rule:other/") == true)
    }

    @Test func aBusinessLookingListPostIsStillOther() async throws {
        let raw = TestMail.make(subject: "Request for quotation: please send your best price for 500 bearings",
                                body: "Please quote 500 pcs BW-6205-2RS, delivery 11 Jan 2027. Invoice to follow.",
                                headers: ["List-Id: Bearing buyers <buyers.lists.example>", "Precedence: list"])
        let u = try await understander().understand(MessageContent.read(raw: raw))
        #expect(u.kind == "other")
        #expect(u.method == "rule")
    }

    @Test func aBounceAndAnOutOfOfficeAreAutoReplies() async throws {
        let bounce = try await understand(demo: 16)
        #expect(bounce.kind == "auto_reply")
        #expect(bounce.fields["auto_reply_type"] == .text("bounce"))
        #expect(bounce.groundings["auto_reply_type"]?.location.hasPrefix("rule:auto_reply/") == true)
        let away = try await understand(demo: 6)
        #expect(away.kind == "auto_reply")
        #expect(away.fields["auto_reply_type"] == .text("out_of_office"))
        #expect(away.review.isEmpty)
    }

    @Test(arguments: [(5, "APR-2026-0041", "henrik.lange@brightwater-components.example"),
                      (10, "APR-2026-0047", nil), (12, "APR-2026-0044", nil)])
    func approvalsInThreeLanguages(number: Int, reference: String, approver: String?) async throws {
        let u = try await understand(demo: number)
        #expect(u.kind == "approval")
        #expect(u.method == "rule")
        #expect(u.fields["decision"] == .text("approve"))
        #expect(u.fields["reference"] == .text(reference))
        if let approver { #expect(u.fields["approver"] == .text(approver)) }
        #expect(u.review.isEmpty, "\(u.review)")
        #expect(u.groundings["decision"]?.location == "body")
    }

    @Test func aRejectionIsRead() async throws {
        let raw = TestMail.make(from: "Chef <boss@brightwater-components.example>",
                                subject: "Re: Approval needed: discount [APR-2026-0050]",
                                body: "Not approved, 8% is too much.\n\n> Reply \"approved\" or \"rejected\".",
                                headers: ["In-Reply-To: <apr-2026-0050@mailroom.example>"])
        let u = try await understander().understand(MessageContent.read(raw: raw))
        #expect(u.kind == "approval")
        #expect(u.fields["decision"] == .text("reject"))
    }

    @Test func aQuoteRequestTableBecomesLines() async throws {
        let u = try read(demo: 1, as: "quote_request")
        #expect(u.fields["contact_email"] == .text("annika.holm@lindqvist-packaging.example"))
        #expect(u.fields["reference"] == .text("RFQ 2026-118"))
        #expect(u.fields["delivery_date"] == .date("2027-01-11"))
        guard case .list(let rows) = u.fields["lines"] else { Issue.record("no lines: \(u.fields)"); return }
        #expect(rows.map { $0["sku"] } == [.text("BW-6205-2RS"), .text("BW-6308-ZZ"), .text("BW-UCF208"), .text("BW-CPL-J28")])
        #expect(rows.map { $0["quantity"] } == [.number(2400), .number(600), .number(150), .number(200)])
        #expect(u.groundings["lines[0].quantity"]?.excerpt == "2,400")
        #expect(u.steps.map(\.method) == ["extractors", "validation"])
        #expect(u.review.isEmpty, "\(u.review)")
    }

    @Test func aGermanAndAChineseQuoteRequest() async throws {
        let de = try read(demo: 2, as: "quote_request")
        guard case .list(let rows) = de.fields["lines"] else { Issue.record("no lines: \(de.fields)"); return }
        #expect(rows.count == 4)
        #expect(rows.first?["quantity"] == .number(120))
        #expect(rows.first?["unit"] == .text("Stk."))
        let zh = try read(demo: 3, as: "quote_request")
        guard case .list(let zrows) = zh.fields["lines"] else { Issue.record("no lines: \(zh.fields)"); return }
        #expect(zrows.map { $0["sku"] } == [.text("BW-LG20-1000"), .text("BW-LB20-FL"), .text("BW-GB-PB42")])
        #expect(zh.fields["delivery_date"] == .date("2026-12-20"))
        #expect(zh.fields["customer_company"] == .text("宁波海腾自动化设备有限公司"))
    }

    @Test func aTextInvoiceGetsItsFieldsAndWhatIsMissingGoesToReview() async throws {
        let u = try read(demo: 7, as: "invoice")
        #expect(u.fields["invoice_number"] == .text("RE-2026-11873"))
        #expect(u.fields["issue_date"] == .date("2026-11-06"))
        #expect(u.fields["due_date"] == .date("2026-12-06"))
        #expect(u.fields["iban"] == .text("DE04200691300071184402"))
        #expect(u.fields["seller_vat_id"] == .text("DE247853016"))
        #expect(u.fields["seller"] == .text("Elbe Stahlhandel GmbH"))
        for (name, g) in u.groundings { #expect(!g.excerpt.isEmpty, "\(name)") }
        #expect(!u.review.isEmpty)
    }

    @Test func aPlainTextPurchaseOrder() async throws {
        let u = try read(demo: 19, as: "purchase_order")
        #expect(u.fields["order_number"] == .text("PO-GLC-77120"))
        #expect(u.fields["order_date"] == .date("2026-11-16"))
        #expect(u.fields["total"] == .money(Decimal(string: "31437.50")!, currency: "USD"))
        #expect(u.fields["currency"] == .text("USD"))
        guard case .list(let rows) = u.fields["lines"] else { Issue.record("no lines: \(u.fields)"); return }
        #expect(rows.count == 3)
        #expect(rows.first?["unit_price"] == .money(Decimal(string: "63.94")!, currency: "USD"))
    }

    @Test func lowConfidenceForABusinessKindGoesToReview() async throws {
        let raw = TestMail.make(subject: "hello", body: "see you tomorrow")
        let u = try await understander().understand(MessageContent.read(raw: raw))
        if let kind = try RepositoryFiles.catalogue().kind(named: u.kind), kind.business {
            #expect(u.review.contains { $0.contains("only") && $0.contains("sure") }, "\(u)")
        }
    }


    /// A supplier confirming *our* order reads like a customer's order; its opening says otherwise. It is taken
    /// for `other` and held for a person, never acted on as a purchase order.
    @Test func aSuppliersConfirmationOfOurOrderIsOtherAndHeld() async throws {
        let raw = TestMail.make(subject: "Order confirmation 88123 – your purchase order PO-2207",
                                body: """
                                Dear Sirs, thank you for your order PO-2207 of 2 December. We confirm as follows:
                                Pos 1  Steel tube 40x40x3, 120 m  EUR 1,380.00
                                Total EUR 1,380.00, delivery week 51.
                                """)
        let u = try await understander().understand(MessageContent.read(raw: raw))
        #expect(u.kind == "other", "\(u.kind) \(u.review)")
        #expect(u.method == "classifier")
        #expect(u.review.contains { $0.hasPrefix("may be business: reads like purchase_order") && $0.contains("thank you for your order") },
                "\(u.review)")
        #expect(u.steps.contains { $0.method == "classifier" && $0.kind == "other" && $0.note.contains("not_cues") })
    }
    @Test func withoutAClassifierTheKindIsUnknownAndReviewed() async throws {
        let raw = TestMail.make(subject: "Angebot bitte", body: "Bitte um ein Angebot")
        let u = try await understander(classifier: nil).understand(MessageContent.read(raw: raw))
        #expect(u.kind == "unknown")
        #expect(u.method == "none")
        #expect(!u.review.isEmpty)
    }

    @Test func summaryJSONHasTheClassifyShape() async throws {
        let u = try read(demo: 19, as: "purchase_order")
        let json = u.summaryJSON.objectValue
        #expect(Set(json?.keys.map { $0 } ?? []) == ["kind", "confidence", "method", "fields", "review"])
        #expect(json?["fields"]?["total"] == .string("31437.50"))
    }

    @Test func aConfidenceJustBelowTheThresholdIsNeverShownAsReachingIt() {
        #expect(Understander.percentBelow(0.8997) == 89)
        #expect(Understander.percentBelow(0.9) == 90)
        #expect(Understander.percentBelow(0.0449) == 4)
        let shown = String(format: "%.0f%% (asks for %.0f%%)", Understander.percentBelow(0.8997), 0.9 * 100)
        #expect(shown == "89% (asks for 90%)")
    }
}

@Suite struct UnderstandSafetyTests {
    func understand(_ raw: Data) throws -> Understanding {
        Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
            .understandNow(MessageContent.read(raw: raw))
    }

    /// Header signals of lists, bulk mail and automatic replies decide before the classifier, whatever the text says.
    @Test(arguments: [
        ("List-Unsubscribe: <mailto:leave@lists.example>", "other"),
        ("Precedence: bulk", "other"),
        ("Precedence: junk", "other"),
        ("X-BeenThere: users@lists.example", "other"),
        ("Mailing-List: contact help@lists.example; run by ezmlm", "other"),
        ("Auto-Submitted: auto-replied", "auto_reply"),
        ("X-Autoreply: yes", "auto_reply"),
        ("Auto-Submitted: auto-generated", "other"),
        ("X-Failed-Recipients: a@b.example", "auto_reply"),
    ])
    func headerSignalsDecide(header: String, kind: String) throws {
        let raw = TestMail.make(subject: "Request for quotation and invoice", body: "Please quote 100 pcs BW-6205-2RS. Invoice No.: 4711",
                                headers: [header])
        let u = try understand(raw)
        #expect(u.kind == kind, "\(header)")
        #expect(u.method == "rule")
    }

    /// A patch sent to a development list whose headers were lost (forwarded, archived, re-sent) reads like a
    /// support ticket ("error", "does not work"); its subject tag and its diff say what it is.
    @Test func aSoftwarePatchIsOtherByRule() throws {
        let patch = try understand(TestMail.make(subject: "[PATCH 2/2] Error out if no query is supplied to search",
                                                 body: """
                                                 The search command crashes with an error when no query is given; it does not work.

                                                 Signed-off-by: Jane Hacker <jane@hack.example>
                                                 ---
                                                 diff --git a/search.c b/search.c
                                                 --- a/search.c
                                                 +++ b/search.c
                                                 """))
        #expect(patch.kind == "other")
        #expect(patch.method == "rule")
        #expect(patch.review.isEmpty)
        // The subject alone is not enough: a customer may write "[PATCH]" about a patch cable.
        let cable = try understand(TestMail.make(subject: "[PATCH] cables arrived broken",
                                                 body: "The 40 patch cables of order 4711 arrived broken, please send a replacement."))
        #expect(cable.method != "rule")
    }

    @Test func anAutoGeneratedMailWithADocumentIsLeftToTheOtherMethods() throws {
        let u = try understand(TestMail.make(subject: "Invoice 4711", body: "Invoice attached",
                                             headers: ["Auto-Submitted: auto-generated"]))
        #expect(u.kind == "other")  // no attachment: a notification
        var text = String(decoding: TestMail.make(subject: "Invoice 4711", body: "x", headers: ["Auto-Submitted: auto-generated"]), as: UTF8.self)
        text = text.replacingOccurrences(of: "Content-Type: text/plain; charset=utf-8\n\nx\n", with: """
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Invoice attached
            --b
            Content-Type: application/xml; name="invoice.xml"
            Content-Disposition: attachment; filename="invoice.xml"

            <Invoice/>
            --b--

            """)
        let withXML = try understand(Data(text.utf8))
        #expect(withXML.steps.first?.method == "rule")
        #expect(withXML.steps.first?.note == "no matcher applies")
    }

    @Test func theTicketNumberIsNoProduct() throws {
        let u = try understand(try RepositoryFiles.demo(14))
        #expect(u.kind == "support_ticket")
        #expect(u.fields["product"] == .text("BW-6205-2RS"))
        #expect(u.fields["order_reference"] == .text("4471"))
    }
}

@Suite struct RulesConfigurationTests {
    @Test func rulesPathResolvesBesideTheConfigurationFile() throws {
        let config = try MailroomConfig.parse(yaml: "rules:\n  path: my-rules\n", file: "/etc/mailroom/mailroom.yaml",
                                              baseDirectory: "/etc/mailroom")
        #expect(config.rules.path == "/etc/mailroom/my-rules")
        #expect(config.rules.kindsDirectory.path == "/etc/mailroom/my-rules/kinds")
        let fallback = try MailroomConfig.parse(yaml: "store:\n  path: s.sqlite\n", file: "/srv/m.yaml", baseDirectory: "/srv")
        #expect(fallback.rules.path == "/srv/rules")
        #expect(throws: ConfigError.self) {
            try MailroomConfig.parse(yaml: "rules:\n  pth: x\n", file: "m.yaml", baseDirectory: "/")
        }
    }
}
