import Foundation
import Testing
@testable import Vocabulary

/// Structure decisions on small hand-written mails (line ends are sent as CRLF).
@Suite struct MessageStructureTests {
    func parse(_ text: String) -> NormalisedMessage { ParseFixtures.parse(text: text).normalised }

    @Test func partWithoutHeadersKeepsItsFirstLineAsBody() {
        let m = parse("""
            Subject: h
            Content-Type: multipart/mixed; boundary=b

            --b

            Note: this line is body text, not a header.
            --b
            Content-Type: application/pdf; name=a.pdf

            %PDF-1.4
            --b--
            """)
        #expect(m.text == "Note: this line is body text, not a header.")
        #expect(m.attachments.map(\.filename) == ["a.pdf"])
    }

    @Test func emptyPartsDoNotSwallowTheirNeighbours() {
        // libetpan 1.9.4 folds an empty part into the next one, or rejects the whole multipart.
        let m = parse("""
            Subject: empties
            Content-Type: multipart/mixed; boundary=E

            --E
            Content-Type: text/plain

            first
            --E
            --E
            Content-Type: application/pdf; name=b.pdf

            %PDF-1.4
            --E

            --E--
            """)
        #expect(m.text == "first")
        #expect(m.attachments.map(\.filename) == ["b.pdf"])
        #expect(m.attachments.first?.part == "3")
        let only = parse("Subject: one empty\nContent-Type: multipart/mixed; boundary=E\n\n--E\n\n\n--E--\n")
        #expect(only.text == "")
        #expect(!only.warnings.contains { $0.contains("never found") })
    }

    @Test func headerlessMiddlePartKeepsItsFirstLine() {
        let m = parse("""
            Content-Type: multipart/mixed; boundary=h

            --h
            Content-Type: text/plain

            one
            --h

            Reference: this is body text of the second part
            --h--
            """)
        #expect(m.text == "one\nReference: this is body text of the second part")
    }

    @Test func aBoundaryThatPrefixesAnotherIsNotConfused() {
        let m = parse("""
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: multipart/alternative; boundary=abc-2

            --abc-2
            Content-Type: text/plain

            inner plain
            --abc-2
            Content-Type: text/html

            <p>inner html</p>
            --abc-2--
            --abc
            Content-Type: application/zip; name=z.zip

            PK
            --abc--
            """)
        #expect(m.text == "inner plain")
        #expect(m.attachments.map(\.filename) == ["z.zip"])
        #expect(m.attachments.first?.part == "2")
    }

    @Test func singlePartMessageNumbersItsBodyOne() {
        let m = parse("Subject: pdf\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=x.pdf\n\n%PDF-1.4\n")
        #expect(m.attachments.first?.part == "1")
        #expect(m.textSource == "none")
        #expect(m.text.isEmpty)
    }

    @Test func inlineImageWithContentIDIsAnInlineAttachment() {
        let m = parse("""
            Content-Type: multipart/related; boundary=r

            --r
            Content-Type: text/html

            <p>Hi <img src="cid:img1"></p>
            --r
            Content-Type: image/gif
            Content-ID: <img1>
            Content-Transfer-Encoding: base64

            R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=
            --r--
            """)
        #expect(m.textSource == "html")
        let a = m.attachments.first
        #expect(a?.disposition == "inline")
        #expect(a?.contentID == "img1")
        #expect(a?.contentType == "image/gif")
        #expect(a?.size == 35)
    }

    @Test func digestPartsDefaultToMessages() {
        let m = parse("""
            Subject: Digest
            Content-Type: multipart/digest; boundary=d

            --d

            From: one@example.com
            Subject: First

            one
            --d

            From: two@example.com
            Subject: Second

            two
            --d--
            """)
        #expect(m.attachedMessages.map { $0.subject ?? "" } == ["First", "Second"])
        #expect(m.attachedMessages.map { $0.text } == ["one", "two"])
        #expect(m.attachments.map(\.contentType) == ["message/rfc822", "message/rfc822"])
        #expect(m.attachments.map(\.part) == ["1", "2"])
    }

    @Test func attachedMessageInBase64IsDecodedBeforeParsing() {
        let inner = Data("From: inner@example.com\r\nSubject: Inside\r\n\r\nInner body\r\n".utf8).base64EncodedString()
        let m = parse("""
            Subject: Outer
            Content-Type: multipart/mixed; boundary=o

            --o
            Content-Type: text/plain

            Outer body
            --o
            Content-Type: message/rfc822
            Content-Transfer-Encoding: base64

            \(inner)
            --o--
            """)
        #expect(m.attachedMessages.first?.subject == "Inside")
        #expect(m.attachedMessages.first?.text == "Inner body\n")
        #expect(m.text == "Outer body")
    }

    @Test func multipartWithoutBoundaryIsReadAsText() {
        let m = parse("Subject: nb\nContent-Type: multipart/mixed\n\nJust text.\n")
        #expect(m.text == "Just text.\n")
        #expect(m.warnings.contains { $0.contains("no boundary parameter") })
    }

    @Test func oddContentTypeHeaderStillSplits() {
        // A parameter libetpan cannot read stops its Content-Type parse before the boundary; Mailroom's
        // own reading of the header is what drives the split.
        let m = parse("""
            Subject: odd
            Content-Type: multipart/mixed; charset=; boundary="zz"

            --zz
            Content-Type: text/plain

            Body.
            --zz
            Content-Type: application/zip; name="a.zip"

            PK
            --zz--
            """)
        #expect(m.text == "Body.")
        #expect(m.attachments.map(\.filename) == ["a.zip"])
    }

    @Test func alternativeWithCalendarKeepsTheInvitation() {
        let m = parse("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            Meeting at 10.
            --a
            Content-Type: text/html

            <p>Meeting at 10.</p>
            --a
            Content-Type: text/calendar; method=REQUEST; name=invite.ics

            BEGIN:VCALENDAR
            END:VCALENDAR
            --a--
            """)
        #expect(m.text == "Meeting at 10.")
        #expect(m.textSource == "plain")
        #expect(m.attachments.map(\.contentType) == ["text/calendar"])
        #expect(m.attachments.first?.filename == "invite.ics")
    }

    @Test func theTablesOfAnHTMLAlternativeAreKeptBesideThePlainBody() {
        let m = parse("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            Please see the table in the HTML version.
            --a
            Content-Type: text/html

            <p>Our order:</p><table><tr><th>Item</th><th>Qty</th></tr><tr><td>Ball bearing 6204-2RS</td><td>200</td></tr></table><p>Thanks</p>
            --a--
            """)
        #expect(m.text == "Please see the table in the HTML version.")
        #expect(m.htmlTables == "Item | Qty\nBall bearing 6204-2RS | 200\n")
    }

    @Test func anHTMLAlternativeWithoutATableOrChosenAsTheBodyKeepsNoTables() {
        let plain = parse("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            Meeting at 10.
            --a
            Content-Type: text/html

            <p>Meeting at 10.</p>
            --a--
            """)
        #expect(plain.htmlTables.isEmpty)
        let html = parse("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/html

            <table><tr><td>Ball bearing</td><td>200</td></tr></table>
            --a--
            """)
        #expect(html.text.contains("Ball bearing | 200"))
        #expect(html.htmlTables.isEmpty)
    }

    @Test func emptyPlainAlternativeFallsBackToHTML() {
        let m = parse("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain


            --a
            Content-Type: text/html

            <p>Real content</p>
            --a--
            """)
        #expect(m.textSource == "html")
        #expect(m.text.contains("Real content"))
    }

    @Test func namedTextPartIsAnAttachmentButTopLevelTextIsTheBody() {
        let m = parse("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain

            Body.
            --m
            Content-Type: text/plain; name="notes.txt"

            attached notes
            --m--
            """)
        #expect(m.text == "Body.")
        #expect(m.attachments.map(\.filename) == ["notes.txt"])
        let single = parse("Content-Type: text/plain; name=\"readme.txt\"\n\nThe body.\n")
        #expect(single.text == "The body.\n")
        #expect(single.attachments.map(\.filename) == ["readme.txt"])
        #expect(single.attachments.first?.part == "1")
    }

    @Test func mboxFromLineAndContinuationsAreHandled() {
        let m = parse("From someone@example.com Mon Jan  1 00:00:00 2024\nSubject: folded\n subject\nFrom: a@example.com\n\nbody\n")
        #expect(m.subject == "folded subject")
        #expect(m.from.first?.address == "a@example.com")
    }

    @Test func headerBlockEndingWithoutBlankLine() {
        let m = parse("Subject: s\nFrom: a@example.com\nthis line is not a header\nmore body\n")
        #expect(m.subject == "s")
        #expect(m.text == "this line is not a header\nmore body\n")
        #expect(m.warnings.contains { $0.contains("not a header field") })
    }

    @Test func headersListKeepsEveryFieldDecoded() {
        let m = parse("Subject: =?utf-8?q?caf=C3=A9?=\nX-Custom: =?iso-8859-1?q?na=EFve?=\nX-Custom: second\n\nb\n")
        #expect(m.headers.map(\.name) == ["Subject", "X-Custom", "X-Custom"])
        #expect(m.header("x-custom") == "naïve")
    }
}
