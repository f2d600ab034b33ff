import Foundation
import Testing
@testable import Vocabulary
@testable import Parse

private func htmlFixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/html").appendingPathComponent(name)
    return try Data(contentsOf: url)
}

private func text(_ html: String) -> String {
    HTMLText.plainText(fromHTML: Data(html.utf8), charset: "utf-8")
}

@Suite struct HTMLTextFixtureTests {
    @Test func newsletterDropsPreheadersPixelsScriptsAndKeepsLinks() throws {
        let out = HTMLText.plainText(fromHTML: try htmlFixture("newsletter.html"), charset: nil)
        // Hidden preheaders (display:none, mso-hide, visibility) and other hidden elements are gone.
        for hidden in ["Save 20% on printer paper", "Second hidden preheader", "Hidden legal footnote", "Also hidden"] {
            #expect(!out.contains(hidden), "hidden text leaked: \(hidden)")
        }
        // Tracking pixels give nothing even though they carry alt text; scripts, noscript, title, CSS neither.
        for noise in ["tracking", "pixel", "should never appear", "Enable JavaScript", "November deals –", "max-width", "{"] {
            #expect(!out.contains(noise), "noise leaked: \(noise)")
        }
        #expect(!out.contains("\u{200C}") && !out.contains("\u{00A0}"))
        #expect(out.hasPrefix("Northwind Supplies <https://www.northwind.example/?utm_source=newsletter> | View in browser <https://news.northwind.example/view/8f3a2c>\n"))
        #expect(out.contains("\nNovember deals for your office\n\nDear customer,\n\n"))
        #expect(out.contains("This week we have 20 % off all printer paper and toner & ink cartridges. Prices are valid until 30 November."))
        #expect(out.contains("Shop now → <https://click.northwind.example/c/ab12?u=https%3A%2F%2Fshop.northwind.example%2Fpaper>"))
        #expect(out.contains("A4 paper, 5 reams – €19.90"))
        // A mailto link whose text is the address itself gets no URL repeated.
        #expect(out.hasSuffix("Unsubscribe <https://news.northwind.example/unsubscribe?id=8f3a2c> | service@northwind.example"))
        #expect(!out.contains("\n\n\n"))
    }

    @Test func outlookMailReadsLikeTheMail() throws {
        let out = HTMLText.plainText(fromHTML: try htmlFixture("outlook.html"), charset: nil)
        #expect(out == """
            Hallo Frau Schmidt,

            vielen Dank für Ihre Anfrage. Wir können Ihnen folgende Positionen anbieten:
            · 200 Stück Schrauben M6
            · 50 Stück Muttern M6

            Mit freundlichen Grüßen
            Thomas Müller
            Vertrieb | Müller & Söhne GmbH

            Von: Anna Schmidt <anna.schmidt@kunde.example>
            Gesendet: Montag, 17. November 2025 10:12
            An: Vertrieb <vertrieb@mueller.example>
            Betreff: Anfrage Schrauben

            Guten Tag, bitte um ein Angebot für 200 Schrauben M6.
            """)
    }

    @Test func invoiceTableKeepsRowsAndCells() throws {
        let out = HTMLText.plainText(fromHTML: try htmlFixture("invoice.html"), charset: nil)
        #expect(out == """
            Dear Accounts Payable,

            please find below invoice INV-2025-0147 for your order PO-88231.

            Pos. | Description | Qty | Unit price | Amount
            1 | Hex bolt M6 x 40, zinc plated | 200 | 0.12 EUR | 24.00 EUR
            2 | Hex nut M6 | 200 | 0.05 EUR | 10.00 EUR
            3 | Shipping | 7.50 EUR
            Net total | 41.50 EUR
            VAT 19 % | 7.89 EUR
            Total due | 49.39 EUR

            Payment terms: 14 days net.
            IBAN: DE89 3704 0044 0532 0130 00
            BIC: COBADEFFXXX

            Kind regards
            Accounting team
            """)
    }

    @Test func listsLinksEntitiesQuotesAndPre() throws {
        let out = HTMLText.plainText(fromHTML: try htmlFixture("lists-links.html"), charset: nil)
        #expect(out == """
            Release checklist

            - Prepare the "release notes" & changelog
            - Run tests
              - unit tests
              - integration tests with the CI job <https://ci.example.com/job/42>
            - https://example.com/docs

            1. Tag the release
            2. Mail ops@example.com and the lead <mailto:lead@example.com?subject=Release>
            3. Publish

            Entities: café <tag> €5 中文 … ab cd

            Relative link and script link keep no URL.

            > Quoted text from the previous mail.
            >
            > Second quoted line.

            code  line 1
                indented line 2

            After the pre, spaces fold.
            """)
    }

    @Test func chineseGB2312FromMetaIncludingGBKOnlyCharacters() throws {
        let data = try htmlFixture("chinese-gb2312.html")
        #expect(!DocumentTextDecoder.isValidUTF8(data), "fixture must really be GB-encoded")
        let out = HTMLText.plainText(fromHTML: data, charset: nil)
        #expect(out == """
            您好，王经理：

            我们需要以下产品的报价：

            产品 | 数量
            不锈钢螺丝 M6 | 500 个

            请于本周五前回复。谢谢！

            朱镕基路 88 号
            """)
        // The MIME label says the same: same text.
        #expect(HTMLText.plainText(fromHTML: data, charset: "GB2312") == out)
    }

    @Test func germanLatin1FromMetaCharset() throws {
        let out = HTMLText.plainText(fromHTML: try htmlFixture("german-latin1.html"), charset: nil)
        #expect(out == """
            Sehr geehrte Damen und Herren,

            die Lieferung für Bestellung 4711 verzögert sich um zwei Tage. Der Preis bleibt bei 1.299,00 €.

            Mit freundlichen Grüßen
            Jürgen Weiß
            """)
    }

    @Test func japaneseFromMIMEHintAndFromMeta() throws {
        let sjis = HTMLText.plainText(fromHTML: try htmlFixture("japanese-sjis.html"), charset: "Shift_JIS")
        #expect(sjis == "お世話になっております。\n\n見積書を添付いたしましたので、ご確認ください。\n\n株式会社サンプル　営業部　ｶﾀｶﾅ")
        let jis = HTMLText.plainText(fromHTML: try htmlFixture("japanese-iso2022jp.html"), charset: nil)
        #expect(jis == "請求書をお送りします。\n\nよろしくお願いいたします。")
    }

    @Test func brokenHTMLStillGivesItsText() throws {
        let out = HTMLText.plainText(fromHTML: try htmlFixture("broken.html"), charset: nil)
        #expect(out.hasPrefix("First paragraph bold bold-italic still italic?\n\nSecond paragraph without closing tags\n\ncell one | cell two\nrow two\n"))
        #expect(out.contains("unclosed span and div dangling link"))
        #expect(out.contains("Text after &amp; &notanentity;"))
        #expect(out.contains("5 < 6 && done"))
        #expect(out.contains("text after body"))
        #expect(!out.contains("document.write"))
    }

    @Test func emptyDocumentsGiveEmptyText() throws {
        #expect(HTMLText.plainText(fromHTML: try htmlFixture("empty.html"), charset: nil) == "")
        #expect(HTMLText.plainText(fromHTML: Data(), charset: nil) == "")
        #expect(HTMLText.plainText(fromHTML: Data("   \n\t ".utf8), charset: nil) == "")
        #expect(HTMLText.plainText(fromHTML: Data([0, 0, 0]), charset: "utf-8") == "")
    }
}

@Suite struct HTMLTextRuleTests {
    @Test func blocksBreakLinesAndWhitespaceFolds() {
        #expect(text("<div>one</div><div>two</div>") == "one\ntwo")
        #expect(text("<p>one</p><p>two</p>") == "one\n\ntwo")
        #expect(text("a<br>b<br><br><br><br>c") == "a\nb\n\nc")
        #expect(text("<h1>Title</h1>body") == "Title\n\nbody")
        #expect(text("  lots   of \n\t space  ") == "lots of space")
        #expect(text("<span>a</span><span>b</span> <b>c</b>") == "ab c")
        #expect(text("<p>x</p><p></p><p></p><div></div><p>y</p>") == "x\n\ny")
        #expect(text("Gmail<div><br></div><div>next</div>") == "Gmail\n\nnext")
    }

    @Test func linksShowTheirURLOnlyWhenItAddsSomething() {
        #expect(text(#"<a href="https://a.example/x">Click</a>"#) == "Click <https://a.example/x>")
        #expect(text(#"<a href="https://a.example/">a.example</a>"#) == "a.example")
        #expect(text(#"<a href="http://www.a.example">https://a.example</a>"#) == "https://a.example")
        #expect(text(#"<a href="mailto:x@y.example">x@y.example</a>"#) == "x@y.example")
        #expect(text(#"<a href="ftp://f.example/file">file</a>"#) == "file")
        #expect(text(#"<a href="https://a.example/logo"><img src="x.png"></a>"#) == "")
        #expect(text(#"<a href="https://a.example/logo"><img src="x.png" alt="ACME"></a>"#) == "ACME <https://a.example/logo>")
        #expect(text(#"<li><a href="https://a.example/">https://a.example/</a></li>"#) == "- https://a.example/")
    }

    @Test func hiddenElementsAndTrackingPixelsAreDropped() {
        #expect(text(#"<div style="DISPLAY: None !important">pre</div>visible"#) == "visible")
        #expect(text(#"<p hidden>h</p><span style="visibility:hidden">v</span><div style="mso-hide:all">m</div>ok"#) == "ok")
        #expect(text(#"<div style="max-height:0;overflow:hidden">collapsed</div>ok"#) == "ok")
        #expect(text(#"<div style="max-height:0.5em">small</div>"#) == "small")
        #expect(text(#"<td style="font-size:0"><div style="font-size:14px">layout trick</div></td>"#) == "layout trick")
        #expect(text(#"<img alt="open" width="1" height="1"><img alt="px" style="width:1px;height:1px"><img alt="Logo" width="100">"#) == "Logo")
        #expect(text(#"<img alt="Banner" style="width:100px">"#) == "Banner")
        #expect(text(#"<input type="hidden" value="x"><template>t</template><noscript>n</noscript>ok"#) == "ok")
    }

    @Test func invisibleCharactersAreDroppedAndUnicodeSpacesFold() {
        #expect(text("a\u{200B}b\u{00AD}c\u{FEFF}d\u{2060}e") == "abcde")
        #expect(text("a\u{00A0}\u{00A0}b\u{2003}c") == "a b c")
        #expect(text("中文\u{3000}全角") == "中文\u{3000}全角")  // the ideographic space is content
    }

    @Test func nestedQuotesKeepTheirMarksOnEveryLine() {
        let html = "<p>Reply</p><blockquote><p>first</p><blockquote><p>older</p><p>oldest</p></blockquote><p>back</p></blockquote><p>after</p>"
        #expect(text(html) == "Reply\n\n> first\n>\n> > older\n>>\n> > oldest\n>\n> back\n\nafter")
    }

    @Test func orderedListsCountFromTheirStart() {
        #expect(text("<ol start=\"3\"><li>c</li><li>d</li></ol>") == "3. c\n4. d")
        #expect(text("<ul><li><p>para item</p></li><li></li><li>last</li></ul>") == "- para item\n- last")
    }

    @Test func charsetHintLosesToMetaWhenItLies() {
        // Labelled UTF-8 by the MIME part, but really Windows-1252 as the meta says.
        let bytes: [UInt8] = Array("<meta charset=windows-1252><p>Gr".utf8) + [0xFC, 0xDF, 0x65] + Array("</p>".utf8)
        #expect(HTMLText.plainText(fromHTML: Data(bytes), charset: "utf-8") == "Grüße")
        // No label and no meta: not UTF-8, so Windows-1252.
        let bare: [UInt8] = [0x53, 0x74, 0xFC, 0x63, 0x6B, 0x20, 0x80]
        #expect(HTMLText.plainText(fromHTML: Data(bare), charset: nil) == "Stück €")
        // A MIME label that is specific wins over a meta that disagrees.
        let latin: [UInt8] = Array("<meta charset=utf-8><p>".utf8) + [0xE9, 0x74, 0xE9]
        #expect(HTMLText.plainText(fromHTML: Data(latin), charset: "iso-8859-1") == "été")
        // A byte-order mark decides.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>Ω und 中</p>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(HTMLText.plainText(fromHTML: Data(utf16), charset: "us-ascii") == "Ω und 中")
        // An unknown label is ignored rather than trusted.
        #expect(HTMLText.plainText(fromHTML: Data("<p>plain</p>".utf8), charset: "x-no-such-charset") == "plain")
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 7, 100, 4096, 50_000] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = HTMLText.plainText(fromHTML: Data(bytes), charset: nil)
            _ = HTMLText.plainText(fromHTML: Data(bytes), charset: "gb2312")
            _ = HTMLText.plainText(fromHTML: Data(bytes), charset: "iso-2022-jp")
        }
        let tagSoup = String(repeating: "<div><table><tr><td><p><a href='https://x'><ul><li>", count: 2000) + "deep"
        #expect(text(tagSoup).contains("deep"))
        let deep = String(repeating: "<span>", count: 100_000) + "bottom" + String(repeating: "</span>", count: 100_000)
        #expect(text(deep) == "bottom")
        #expect(text("<![if x]><![endif]> <o:p> </o:p> <!-- open comment") == "")
    }

    @Test func oneMegabyteOfHTMLIsFast() throws {
        let unit = try htmlFixture("newsletter.html") + htmlFixture("invoice.html") + htmlFixture("outlook.html")
        var big = Data()
        while big.count < 1_048_576 { big.append(unit) }
        let clock = ContinuousClock()
        var out = ""
        let elapsed = clock.measure { out = HTMLText.plainText(fromHTML: big, charset: nil) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("HTMLText: \(big.count) bytes of HTML in \(String(format: "%.3f", seconds)) s → \(out.utf8.count) bytes of text")
        #expect(out.contains("Total due | 49.39 EUR"))
        // Generous even for a debug build on a loaded 2-core machine (release: tens of milliseconds).
        #expect(seconds < 10)
    }
}

@Suite struct HTMLTextConcurrencyTests {
    /// libxml2 is initialised once and each conversion owns its document: parallel use is safe.
    @Test func parallelConversionsAgree() async throws {
        let inputs = try ["newsletter.html", "invoice.html", "outlook.html", "chinese-gb2312.html"].map(htmlFixture)
        let expected = inputs.map { HTMLText.plainText(fromHTML: $0, charset: nil) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for round in 0..<64 {
                let index = round % inputs.count
                let input = inputs[index]
                group.addTask { (index, HTMLText.plainText(fromHTML: input, charset: nil)) }
            }
            var collected: [(Int, String)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 64)
        for (index, text) in results { #expect(text == expected[index]) }
    }
}
