import Foundation
import Testing
@testable import Vocabulary
@testable import Parse

@Suite struct EncodedWordTests {
    func decode(_ s: String, fallback: String? = nil) -> EncodedWords.Decoded {
        EncodedWords.decode(Array(s.utf8), fallback: fallback.map { MailCharset(label: $0) })
    }

    @Test func adjacentWordsAreJoinedAndWhitespaceBetweenThemDropped() {
        #expect(decode("=?utf-8?q?a?= =?utf-8?q?b?=").text == "ab")
        #expect(decode("=?utf-8?q?a?=\t  =?utf-8?q?b?= c").text == "ab c")
        #expect(decode("x =?utf-8?q?a?= y").text == "x a y")
        // A UTF-8 character split across two B words ("é" = C3 A9).
        #expect(decode("=?UTF-8?B?w6k=?=").text == "é")
        #expect(decode("=?UTF-8?B?YcM=?= =?UTF-8?B?qWI=?=").text == "aéb")
    }

    @Test func qEncodingUnderscoreAndHex() {
        #expect(decode("=?iso-8859-1?Q?Caf=E9_au_lait?=").text == "Café au lait")
        #expect(decode("=?ISO-8859-1?q?=A4?=").text == "¤")  // not Windows-1252 for 0xA4
        #expect(decode("=?iso-8859-15?Q?=A4?=").text == "€")
    }

    @Test func languageSuffixInCharsetIsIgnored() {
        #expect(decode("=?US-ASCII*EN?Q?Keith_Moore?=").text == "Keith Moore")
    }

    @Test func malformedWordsStayAsWrittenWithAWarning() {
        let d = decode("=?utf-8?x?abc?= rest")
        #expect(d.text == "=?utf-8?x?abc?= rest")
        #expect(!d.problems.isEmpty)
        #expect(decode("=?utf-8?q?never closed").text == "=?utf-8?q?never closed")
        #expect(decode("a =? b ?= c").text == "a =? b ?= c")
    }

    @Test func rawEightBitText() {
        #expect(decode("Grüße").text == "Grüße")  // UTF-8 (RFC 6532)
        let latin1: [UInt8] = [0x47, 0x72, 0xFC, 0xDF, 0x65]
        let d1 = EncodedWords.decode(latin1, fallback: MailCharset(label: "iso-8859-1"))
        #expect(d1.text == "Grüße")
        #expect(d1.problems.contains { $0.contains("iso-8859-1") })
        let koi: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]  // "Привет" in KOI8-R
        #expect(EncodedWords.decode(koi, fallback: MailCharset(label: "koi8-r")).text == "Привет")
        let d2 = EncodedWords.decode(latin1)
        #expect(d2.text == "Grüße")
        #expect(d2.problems.contains { $0.contains("Windows-1252") })
    }

    @Test func unknownCharsetFallsBackWithAWarning() {
        let d = decode("=?x-unheard-of?q?caf=C3=A9?=")
        #expect(d.text == "café")
        #expect(d.problems.contains { $0.contains("x-unheard-of") && $0.contains("UTF-8") })
        let latin = decode("=?x-unheard-of?q?caf=E9?=")
        #expect(latin.text == "café")
        #expect(latin.problems.contains { $0.contains("Windows-1252") })
    }

    @Test func charsetAliases() {
        let cases: [(String, String, [UInt8], String)] = [
            ("gb2312 label with a GBK character", "gb2312", [0xE9, 0x46], "镕"),
            ("cp936", "cp936", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
            ("x-gbk", "x-gbk", [0xC4, 0xE3], "你"),
            ("Big5", "big5", [0xA4, 0xA4], "中"),
            ("Shift_JIS as CP932 (NEC circled digit)", "shift_jis", [0x87, 0x40], "①"),
            ("sjis", "sjis", [0x82, 0xA0], "あ"),
            ("ks_c_5601-1987", "ks_c_5601-1987", [0xC7, 0xD1], "한"),
            ("latin1 name", "latin1", [0xE9], "é"),
            ("ISO-8859-1 with a Windows-1252 quote", "iso-8859-1", [0x93, 0x61, 0x94], "“a”"),
            ("cp1251", "cp1251", [0xC6], "Ж"),
            ("win-1251", "win-1251", [0xC6], "Ж"),
            ("koi8-u", "koi8-u", [0xBD], "Ґ"),
            ("utf8 without dash", "utf8", [0xC3, 0xA9], "é"),
            ("iso8859-2 without dash", "iso8859-2", [0xB1], "ą"),
            ("iso_8859-7", "iso_8859-7", [0xE1], "α"),
            ("us-ascii carrying UTF-8", "us-ascii", [0xC3, 0xA9], "é"),
            ("euc-jp", "euc-jp", [0xA4, 0xA2], "あ"),
            ("quoted label", "\"utf-8\"", [0x61], "a"),
        ]
        for (what, label, bytes, expected) in cases {
            let d = TextDecoding.decode(bytes, charset: MailCharset(label: label))
            #expect(d.text == expected, "\(what)")
            #expect(d.problem == nil, "\(what): \(String(describing: d.problem))")
        }
    }

    @Test func invalidBytesAreReplacedAndCounted() {
        // 0x81 0x20 is not valid Shift_JIS / CP932.
        let d = TextDecoding.decode([0x41, 0x81, 0x20, 0x42], charset: MailCharset(label: "shift_jis"))
        #expect(d.text.hasPrefix("A"))
        #expect(d.text.hasSuffix("B"))
        #expect(d.text.contains("\u{FFFD}"))
        // Declared UTF-8 but really Latin-1: read as Windows-1252 with a warning.
        let l = TextDecoding.decode([0x63, 0x61, 0x66, 0xE9], charset: .utf8)
        #expect(l.text == "café")
        #expect(l.problem != nil)
        // Mostly UTF-8 with one stray byte: the stray becomes U+FFFD.
        let m = TextDecoding.decode([0xC3, 0xA9, 0xFF, 0x61], charset: .utf8)
        #expect(m.text == "é\u{FFFD}a")
    }

    @Test func iso2022jpIsNotMistakenForASCII() {
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x22, 0x1B, 0x28, 0x42]  // ESC $ B "あ" ESC ( B
        #expect(TextDecoding.decode(jis, charset: MailCharset(label: "iso-2022-jp")).text == "あ")
    }
}

@Suite struct MIMEParameterTests {
    func parse(_ s: String) -> MIMEHeaderValue { MIMEHeaderValue.parse(Array(s.utf8)) }

    @Test func plainQuotedAndCommentedValues() {
        let v = parse("Text/Plain (comment); charset=\"UTF-8\" ; format=flowed; name=\"a \\\"b\\\".txt\"")
        #expect(v.value == "text/plain")
        #expect(v["charset"] == "UTF-8")
        #expect(v["format"] == "flowed")
        #expect(v["name"] == "a \"b\".txt")
    }

    @Test func missingSemicolonAndOddSpacing() {
        let v = parse("text/plain charset=iso-8859-1")
        #expect(v.value == "text/plain")
        #expect(v["charset"] == "iso-8859-1")
        let w = parse("attachment; filename = \"x.pdf\";;")
        #expect(w.value == "attachment")
        #expect(w["filename"] == "x.pdf")
    }

    @Test func rfc2231Variants() {
        #expect(parse("attachment; filename*=UTF-8''%E2%82%AC.pdf")["filename"] == "€.pdf")
        #expect(parse("attachment; filename*=utf-8'en'%C3%A9t%C3%A9.txt")["filename"] == "été.txt")
        #expect(parse("attachment; filename*0*=UTF-8''a%20; filename*1=\"b c\"; filename*2*=%C3%A9")["filename"] == "a b cé")
        #expect(parse("attachment; filename*=''plain.txt")["filename"] == "plain.txt")
        #expect(parse("attachment; filename*=windows-1252''%80uro.txt")["filename"] == "€uro.txt")
    }

    @Test func windowsPathsKeepTheirBackslashes() {
        #expect(parse("attachment; filename=\"C:\\Temp\\report.pdf\"")["filename"] == "C:\\Temp\\report.pdf")
    }

    @Test func unclosedQuoteIsReadToTheEnd() {
        let v = parse("attachment; filename=\"never closed.pdf")
        #expect(v["filename"] == "never closed.pdf")
        #expect(!v.problems.isEmpty)
    }
}

@Suite struct AddressListTests {
    func parse(_ s: String) -> [MailAddress] { AddressList.parse(Array(s.utf8)).addresses }

    @Test func commonForms() {
        #expect(parse("jane@example.com") == [MailAddress(name: nil, address: "jane@example.com")])
        #expect(parse("Jane Doe <jane@example.com>") == [MailAddress(name: "Jane Doe", address: "jane@example.com")])
        #expect(parse("\"Doe, Jane\" <jane@example.com>, bob@example.com") ==
                [MailAddress(name: "Doe, Jane", address: "jane@example.com"), MailAddress(name: nil, address: "bob@example.com")])
        #expect(parse("jane@example.com (Jane Doe)") == [MailAddress(name: "Jane Doe", address: "jane@example.com")])
        #expect(parse("<jane@example.com>") == [MailAddress(name: nil, address: "jane@example.com")])
    }

    @Test func encodedWordsInNamesAlsoInsideQuotes() {
        #expect(parse("=?utf-8?Q?J=C3=BCrgen?= <j@example.com>").first?.name == "Jürgen")
        #expect(parse("\"=?utf-8?Q?J=C3=BCrgen?= M.\" <j@example.com>").first?.name == "Jürgen M.")
        #expect(parse("=?utf-8?B?546L?= =?utf-8?B?5bCP5piO?= <w@example.cn>").first?.name == "王小明")
    }

    @Test func groupsAreFlattened() {
        #expect(parse("Undisclosed recipients:;").isEmpty)
        #expect(parse("Team: a@x.example, B <b@x.example>; c@y.example").map(\.address) == ["a@x.example", "b@x.example", "c@y.example"])
    }

    @Test func brokenForms() {
        #expect(parse("John Smith john@example.com") == [MailAddress(name: "John Smith", address: "john@example.com")])
        #expect(parse("Jane <jane@example.com") == [MailAddress(name: "Jane", address: "jane@example.com")])
        #expect(parse("<@relay.example:jane@example.com>").first?.address == "jane@example.com")
        #expect(parse("<mailto:jane@example.com>").first?.address == "jane@example.com")
        #expect(parse("jane @ example.com").first?.address == "jane@example.com")
        #expect(parse(",,, a@b.example ,,").map(\.address) == ["a@b.example"])
        #expect(parse("tim@example.com concierge@example.com").map(\.address) == ["tim@example.com", "concierge@example.com"])
        #expect(parse("<>") == [MailAddress(name: nil, address: "")])
        #expect(parse("").isEmpty)
    }
}

@Suite struct MailDateTests {
    func iso(_ s: String) -> String? { MailDate.parse(s).date.map(ISO8601.utcString) }

    @Test func rfc5322AndCommonBrokenForms() {
        #expect(iso("Tue, 05 Mar 2024 09:15:00 +0100") == "2024-03-05T08:15:00Z")
        #expect(iso("5 Mar 2024 09:15 -0500") == "2024-03-05T14:15:00Z")                // no seconds, no weekday
        #expect(iso("Tue, 5 Mar 24 09:15:00 GMT") == "2024-03-05T09:15:00Z")            // two-digit year
        #expect(iso("Fri, 1 Jan 99 00:00:00 +0000") == "1999-01-01T00:00:00Z")
        #expect(iso("Tue, 05 Mar 124 09:15:00 +0000") == "2024-03-05T09:15:00Z")        // three-digit year
        #expect(iso("Tue, 05 Mar 2024 09:15:00 EST") == "2024-03-05T14:15:00Z")
        #expect(iso("Tue, 05 Mar 2024 09:15:00 PDT") == "2024-03-05T16:15:00Z")
        #expect(iso("Tue, 05 Mar 2024 09:15:00 CET") == "2024-03-05T08:15:00Z")
        #expect(iso("Tue, 05 Mar 2024 09:15:00 +0100 (CET)") == "2024-03-05T08:15:00Z")
        #expect(iso("Tue, 05 Mar 2024 09:15:00 GMT+0100") == "2024-03-05T08:15:00Z")
        #expect(iso("Tue Mar  5 09:15:00 2024") == "2024-03-05T09:15:00Z")              // asctime, no zone
        #expect(iso("05-Mar-2024 09:15:00 +0000") == "2024-03-05T09:15:00Z")
        #expect(iso("2024-03-05T09:15:00+01:00") == "2024-03-05T08:15:00Z")
        #expect(iso("2024-03-05 09:15:00") == "2024-03-05T09:15:00Z")
        #expect(iso("Tuesday, March 5, 2024 9:15:00 AM +0000") == "2024-03-05T09:15:00Z")
        #expect(iso("Thu, 29 Feb 2024 23:59:60 +0000") == "2024-02-29T23:59:59Z")       // leap second clamped
    }

    @Test func warningsSayWhatWasAssumed() {
        #expect(MailDate.parse("Tue Mar  5 09:15:00 2024").problems.contains { $0.contains("UTC was assumed") })
        #expect(MailDate.parse("Tue, 05 Mar 2024 09:15:00 +0000").problems.isEmpty)
    }

    @Test func unreadableDates() {
        #expect(iso("yesterday") == nil)
        #expect(iso("") == nil)
        #expect(iso("Tue, 45 Mar 2024 09:15:00 +0000") == nil)
        #expect(MailDate.parse("soon").problems.contains { $0.contains("could not be read") })
    }
}

@Suite struct TransferDecodingTests {
    func b64(_ s: String) -> TransferDecoding.Result { Array(s.utf8).withUnsafeBytes { TransferDecoding.base64($0) } }
    func qp(_ s: String) -> TransferDecoding.Result { Array(s.utf8).withUnsafeBytes { TransferDecoding.quotedPrintable($0) } }

    @Test func base64Leniency() {
        #expect(String(decoding: b64("aGVsbG8=").bytes, as: UTF8.self) == "hello")
        #expect(String(decoding: b64("aGVs\r\nbG8=\r\n").bytes, as: UTF8.self) == "hello")
        let unpadded = b64("aGVsbG8")
        #expect(String(decoding: unpadded.bytes, as: UTF8.self) == "hello")
        #expect(unpadded.problem != nil)
        let junk = b64("aGV*sbG8=")
        #expect(String(decoding: junk.bytes, as: UTF8.self) == "hello")
        #expect(junk.problem?.contains("not base64") == true)
        #expect(b64("").bytes.isEmpty)
        #expect(b64("aGVsbG8=").problem == nil)
    }

    @Test func quotedPrintableLeniency() {
        #expect(String(decoding: qp("a=3Db=\r\nc").bytes, as: UTF8.self) == "a=bc")
        #expect(String(decoding: qp("soft=  \nbreak").bytes, as: UTF8.self) == "softbreak")
        #expect(String(decoding: qp("lower =c3=a9").bytes, as: UTF8.self) == "lower é")
        #expect(String(decoding: qp("trailing   \r\nspace").bytes, as: UTF8.self) == "trailing\r\nspace")
        let broken = qp("5 = 5 and =XY")
        #expect(String(decoding: broken.bytes, as: UTF8.self) == "5 = 5 and =XY")
        #expect(broken.problem != nil)
    }

    @Test func transferEncodingNames() {
        #expect(TransferEncoding(headerValue: " Base64 ") == .base64)
        #expect(TransferEncoding(headerValue: "quoted-printable") == .quotedPrintable)
        #expect(TransferEncoding(headerValue: "8bit") == .identity)
        #expect(TransferEncoding(headerValue: "x-uuencode") == .uuencode)
        #expect(TransferEncoding(headerValue: "x-weird") == .unknown("x-weird"))
    }
}

@Suite struct HeaderBlockTests {
    func split(_ s: String) -> HeaderBlock { Array(s.utf8).withUnsafeBytes { HeaderBlock.split($0) } }

    @Test func unfoldingKeepsSingleWhitespaceAndShortensIndentation() {
        let b = split("Subject: a\r\n\tb\r\nX-Long: c\r\n      d\r\n\r\nbody")
        #expect(b.first("subject")?.valueString == "a\tb")
        #expect(b.first("x-long")?.valueString == "c d")
        #expect(b.bodyStart == Array("Subject: a\r\n\tb\r\nX-Long: c\r\n      d\r\n\r\n".utf8).count)
        #expect(b.endedWithBlankLine)
    }

    @Test func namesWithSpaceBeforeTheColonAndBareLineFeeds() {
        let b = split("Subject : spaced\nfrom: lower@example.com\n\nbody")
        #expect(b.first("subject")?.valueString == "spaced")
        #expect(b.first("from")?.name == "from")
        #expect(b.fields.count == 2)
    }

    @Test func truncatedHeaderBlockHasNoBody() {
        let b = split("Subject: cut off")
        #expect(b.first("subject")?.valueString == "cut off")
        #expect(b.bodyStart == 16)
        #expect(!b.endedWithBlankLine)
    }
}
