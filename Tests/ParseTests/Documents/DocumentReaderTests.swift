import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
import MailroomTesting

@Suite struct PDFDocumentTests {
    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func textLayerIsReadWithLayoutAndUmlauts() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("text-invoice.pdf"), filename: "text-invoice.pdf",
                                      contentType: "application/pdf")
        #expect(doc.method == "pdftotext")
        #expect(!doc.needsOCR)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        #expect(doc.contentType == "application/pdf")
        #expect(doc.text.hasPrefix("Nordlicht Bürobedarf GmbH · Hafenstraße 12 · 24103 Kiel\n\nMüller Maschinenbau AG"))
        #expect(doc.text.contains("Rechnung Nr. NB-2026-1187"))
        #expect(doc.text.contains("2 Toner HP 305A schwarz"))
        #expect(doc.text.contains("Gesamtbetrag") && doc.text.contains("1.190,00 €"))
        #expect(doc.text.contains("(Klammern) und \\Rückstriche\\ bleiben erhalten."))
        // Page break: a blank line, no form feed; no trailing spaces from the layout mode.
        #expect(!doc.text.contains("\u{0C}"))
        #expect(doc.text.contains("460,40 €\n\nNettobetrag"))
        #expect(!doc.text.split(separator: "\n").contains { $0.hasSuffix(" ") })
        #expect(doc.embeddedFiles.isEmpty)
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func scannedPDFWithoutTextLayerNeedsOCR() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("scanned.pdf"), filename: "scan.pdf", contentType: "application/pdf")
        #expect(doc.needsOCR)
        #expect(doc.method == "pdftotext")
        #expect(doc.text.isEmpty)
        let warning = try #require(doc.warnings.first)
        #expect(warning.contains("2 pages but no text layer"))
        #expect(warning.contains("OCR") && warning.contains("review"))
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func facturXEmbeddedXMLComesOut() throws {
        let pdf = try DocumentFixtures.data("facturx.pdf")
        // Sent as octet-stream with no name: recognised by its bytes.
        let doc = DocumentReader.read(pdf, filename: nil, contentType: "application/octet-stream")
        #expect(doc.method == "pdftotext")
        #expect(doc.contentType == "application/pdf")
        #expect(doc.text.contains("RECHNUNG HS-R-2026-0815"))
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        try #require(doc.embeddedFiles.count == 1)
        #expect(doc.embeddedFiles[0].name == "factur-x.xml")
        let original = try Data(contentsOf: DocumentFixtures.einvoiceDirectory.appendingPathComponent("cii-facturx.xml"))
        #expect(doc.embeddedFiles[0].data == original)
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func zugferd1EmbeddedXMLComesOut() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("zugferd1.pdf"), filename: "RWE-2019-04417.pdf", contentType: "application/pdf")
        #expect(doc.text.contains("RECHNUNG RWE-2019-04417"))
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        try #require(doc.embeddedFiles.count == 1)
        #expect(doc.embeddedFiles[0].name == "ZUGFeRD-invoice.xml")
        let original = try Data(contentsOf: DocumentFixtures.einvoiceDirectory.appendingPathComponent("zugferd1-invoice.xml"))
        #expect(doc.embeddedFiles[0].data == original)
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func severalEmbeddedFilesKeepTheirNames() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("zugferd-mismatch.pdf"), filename: "rechnung.pdf", contentType: "application/pdf")
        #expect(doc.embeddedFiles.map(\.name) == ["ZUGFeRD-invoice.xml", "lieferschein.txt"])
        #expect(String(decoding: doc.embeddedFiles[1].data, as: UTF8.self) == "Lieferschein LS-2026-5521\n")
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func damagedPDFGivesAWarningNotACrash() {
        let garbage = Data("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << >>\n%%EOF\n".utf8)
        let doc = DocumentReader.read(garbage, filename: "broken.pdf", contentType: "application/pdf")
        // poppler either fails (a warning that says so) or finds no text (flagged for review): never silent.
        #expect(!doc.warnings.isEmpty)
        #expect(doc.method == "none" || doc.needsOCR)
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func truncatedPDFIsNotAHang() throws {
        let pdf = try DocumentFixtures.data("text-invoice.pdf")
        let started = Date()
        let doc = DocumentReader.read(pdf.prefix(pdf.count / 2), filename: "cut.pdf", contentType: "application/pdf")
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(doc.method == "pdftotext" || !doc.warnings.isEmpty)
    }

    @Test func slowPdftotextIsStoppedAtTheTimeLimit() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let fake = try scratch.write(Data("#!/bin/sh\nexec sleep 30\n".utf8), named: "slow-pdftotext")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: fake.path)
        var limits = DocumentLimits.standard
        limits.seconds = 1
        let started = Date()
        let doc = DocumentReader.read(Data("%PDF-1.4\n".utf8), filename: "x.pdf", contentType: "application/pdf", limits: limits,
                                      pdfTools: .init(pdftotext: fake.path, pdfdetach: fake.path))
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 8, "took \(elapsed) s")
        #expect(doc.method == "none")
        #expect(doc.warnings.contains { $0.contains("did not finish within 1 s") }, "\(doc.warnings)")
    }

    @Test func missingPopplerSaysWhatToInstall() {
        let doc = DocumentReader.read(Data("%PDF-1.4\n".utf8), filename: "x.pdf", contentType: "application/pdf", limits: .standard,
                                      pdfTools: .init(pdftotext: "/nonexistent/pdftotext", pdfdetach: "/nonexistent/pdfdetach"))
        #expect(doc.method == "none")
        #expect(doc.warnings.contains { $0.contains("poppler-utils") })
    }

    @Test func pdfdetachListingIsParsed() {
        let names = PDFText.embeddedNames(inListing: "3 embedded files\n1: factur-x.xml\n2: Anhang: Lieferschein.pdf\n10: xrechnung.xml\n")
        #expect(names.map(\.0) == [1, 2, 10])
        #expect(names.map(\.1) == ["factur-x.xml", "Anhang: Lieferschein.pdf", "xrechnung.xml"])
    }
}

@Suite struct LimitedSubprocessTests {
    @Test func memoryLimitStopsAGreedyProgram() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("⚠️  SKIPPED memoryLimitStopsAGreedyProgram: no python3 in /usr/bin to allocate memory with")
            return
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let limits = LimitedSubprocess.Limits(seconds: 20, memoryBytes: 256 << 20, outputBytes: 1 << 20)
        let greedy = try LimitedSubprocess.run(python, arguments: ["-c", "b = bytearray(1024 * 1024 * 1024); print('allocated')"],
                                               workDirectory: scratch.url, limits: limits)
        #expect(!greedy.succeeded)
        #expect(!String(decoding: greedy.stdout, as: UTF8.self).contains("allocated"))
        let modest = try LimitedSubprocess.run(python, arguments: ["-c", "b = bytearray(16 * 1024 * 1024); print('allocated')"],
                                               workDirectory: scratch.url, limits: limits)
        #expect(modest.succeeded, "\(modest.stderr)")
        #expect(String(decoding: modest.stdout, as: UTF8.self) == "allocated\n")
    }

    @Test func argumentsAreNotInterpretedByAShell() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let limits = LimitedSubprocess.Limits(seconds: 5, memoryBytes: 256 << 20, outputBytes: 4096)
        let outcome = try LimitedSubprocess.run("echo", arguments: ["a; touch pwned", "$(id)", "`id`"], workDirectory: scratch.url, limits: limits)
        #expect(outcome.succeeded)
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "a; touch pwned $(id) `id`\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("pwned").path))
    }

    @Test func outputBeyondTheLimitIsCut() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let limits = LimitedSubprocess.Limits(seconds: 5, memoryBytes: 256 << 20, outputBytes: 1000)
        let outcome = try LimitedSubprocess.run("head", arguments: ["-c", "5000", "/dev/zero"], workDirectory: scratch.url, limits: limits)
        #expect(outcome.stdout.count <= 1000)
        #expect(!outcome.succeeded || outcome.stdoutTruncated)
    }

    @Test func scratchFolderIsPrivate() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let file = try scratch.write(Data("x".utf8), named: "f")
        #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) == 0o600)
        scratch.remove()
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path))
    }
}

@Suite struct OfficeDocumentTests {
    @Test func docxParagraphsTablesHeadersAndFooters() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("request.docx"), filename: "Anfrage.docx",
                                      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(doc.method == "docx")
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        #expect(doc.text == """
            Müller Maschinenbau AG – Einkauf

            Angebotsanfrage / Request for quotation
            Bitte senden Sie uns ein Angebot für folgende Positionen:
            Referenz:\tRFQ-2026-0193
            Liefertermin: 15.01.2027
            Menge wie unten.
            Pos\tArtikel\tMenge\tEinheit
            1\tSchraube M6x20 verzinkt\t500\tStück
            2\tMutter M6 selbstsichernd\t500\tStück
            请报价：办公椅 20 把。

            Mit freundlichen Grüßen, Erika Muster

            USt-IdNr. DE298765431 · Seite 1
            """)
        #expect(!doc.text.contains("ALTWERT") && !doc.text.contains("PAGE"))
    }

    @Test func docxSentAsOctetStreamIsRecognised() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("request.docx"), filename: "scan0001", contentType: "application/octet-stream")
        #expect(doc.method == "docx")
        #expect(doc.contentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    @Test func xlsxSheetsCellsAndNumbersAsWritten() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("order.xlsx"), filename: "Bestellung.xlsx",
                                      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(doc.method == "xlsx")
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        #expect(doc.text == """
            [Bestellung]
            Artikel\tMenge\tPreis\tLieferdatum
            Schraube M6x20\t500\t0.12\t2026-11-23
            Mutter M6\t250\t0.085\t2026-11-30 12:00
            Summe\t\t81.25\t\t\tInline-Text
            TRUE\t#DIV/0!\t1234567.891

            [Hinweise]
            Bemerkung\tLieferung frei Haus
            \t请在一月前交货
            """)
        #expect(!doc.text.contains("PHONETIC"))
    }

    @Test func excelSerialDates() {
        #expect(SpreadsheetText.dateText(serial: 1, date1904: false) == "1900-01-01")
        #expect(SpreadsheetText.dateText(serial: 59, date1904: false) == "1900-02-28")
        #expect(SpreadsheetText.dateText(serial: 61, date1904: false) == "1900-03-01")
        #expect(SpreadsheetText.dateText(serial: 46349, date1904: false) == "2026-11-23")
        #expect(SpreadsheetText.dateText(serial: 0, date1904: true) == "1904-01-01")
        #expect(SpreadsheetText.dateText(serial: 44887.75, date1904: false) == "2022-11-22 18:00")
        #expect(SpreadsheetText.isDateFormat("dd\\.mm\\.yyyy"))
        #expect(SpreadsheetText.isDateFormat("[$-407]d. mmmm yyyy"))
        #expect(!SpreadsheetText.isDateFormat("#,##0.00\\ \"€\""))
        #expect(!SpreadsheetText.isDateFormat("0.00E+00"))
        #expect(!SpreadsheetText.isDateFormat("\"Tag\" 0"))
        #expect(SpreadsheetText.columnIndex("A1") == 0)
        #expect(SpreadsheetText.columnIndex("AB12") == 27)
        #expect(SpreadsheetText.partPath("worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml")
        #expect(SpreadsheetText.partPath("/xl/worksheets/sheet2.xml") == "xl/worksheets/sheet2.xml")
        #expect(SpreadsheetText.partPath("../xl/worksheets/sheet3.xml") == "xl/worksheets/sheet3.xml")
    }

    @Test func zipBombIsRefused() throws {
        let bomb = try DocumentFixtures.data("bomb.docx")
        #expect(bomb.count < 1 << 20)  // 200 MB inside
        let started = Date()
        let doc = DocumentReader.read(bomb, filename: "bomb.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(doc.method == "none")
        #expect(doc.text.isEmpty)
        #expect(doc.warnings.contains { $0.contains("ZIP bomb") && $0.contains("\(DocumentLimits.standard.decompressedBytes)") }, "\(doc.warnings)")
    }

    @Test func zipBombWithLyingSizesIsRefusedWhileInflating() throws {
        var limits = DocumentLimits.standard
        limits.decompressedBytes = 4 << 20
        let doc = DocumentReader.read(try DocumentFixtures.data("bomb-lying-sizes.docx"), filename: "lie.docx",
                                      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", limits: limits)
        #expect(doc.method == "none")
        #expect(doc.text.isEmpty)
        #expect(doc.warnings.contains { $0.contains("ZIP bomb") && $0.contains("word/document.xml") }, "\(doc.warnings)")
    }

    @Test func zipWithoutCentralDirectoryOrOfficeContent() throws {
        var truncated = try DocumentFixtures.data("request.docx")
        truncated = truncated.prefix(truncated.count - 30)
        let cut = DocumentReader.read(truncated, filename: "cut.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(cut.method == "none")
        #expect(cut.warnings.contains { $0.contains("could not be read") }, "\(cut.warnings)")
        let xlsxAsDocx = DocumentReader.read(try DocumentFixtures.data("order.xlsx"), filename: "wrong.docx",
                                             contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        // The bytes say spreadsheet: read as one, with a note about the label.
        #expect(xlsxAsDocx.method == "xlsx")
        #expect(xlsxAsDocx.warnings.contains { $0.contains("declared as") })
    }
}

@Suite struct TextDocumentTests {
    @Test func csvInUTF8WithCommasAndQuotes() throws {
        let doc = DocumentReader.read(try DocumentFixtures.data("articles-utf8.csv"), filename: "articles.csv", contentType: "text/csv")
        #expect(doc.method == "csv")
        #expect(doc.warnings.isEmpty)
        #expect(doc.text == """
            Artikelnummer\tBezeichnung\tMenge\tPreis
            SCH-M6-20\tSchraube M6x20, verzinkt\t500\t0,12
            MUT-M6\tMutter "selbstsichernd"\t500\t0,09
            GRF-01\tGriff Edelstahl mit Gewinde\t20\t4,50
            ZUB-€\tZubehör für Größe XL\t1\t12,00
            """)
    }

    @Test func csvInWindows1252WithSemicolons() throws {
        let data = try DocumentFixtures.data("articles-cp1252-semicolon.csv")
        #expect(String(data: data, encoding: .utf8) == nil)  // really not UTF-8
        // Excel on Windows sends .csv as application/vnd.ms-excel; no charset declared.
        let doc = DocumentReader.read(data, filename: "Artikel.csv", contentType: "application/vnd.ms-excel")
        #expect(doc.method == "csv")
        #expect(doc.text.contains("ZUB-€\tZubehör für Größe XL\t1\t12,00"))
        #expect(doc.text.contains("SCH-M6-20\tSchraube M6x20, verzinkt\t500\t0,12"))
        #expect(doc.text.split(separator: "\n").count == 5)
    }

    @Test func delimiterSniffing() {
        #expect(DelimitedText.sniffDelimiter("a;b;c\n1,5;2,5;3,5\n") == ";")
        #expect(DelimitedText.sniffDelimiter("a,b,c\n1,2,3\n") == ",")
        #expect(DelimitedText.sniffDelimiter("a\tb\tc\n1\t2\t3\n") == "\t")
        #expect(DelimitedText.sniffDelimiter("a|b\n1|2\n") == "|")
        #expect(DelimitedText.sniffDelimiter("\"x;y\",b,c\n1,2,3\n") == ",")
    }

    @Test func plainTextInOtherCharsets() throws {
        let latin1 = DocumentReader.read(try DocumentFixtures.data("notes-latin1.txt"), filename: "notes.txt", contentType: "text/plain")
        #expect(latin1.text == "Grüße aus Köln – bitte Rückruf wegen Auftrag 4711.\n")
        #expect(latin1.method == "text")
        let declared = DocumentReader.read(try DocumentFixtures.data("notes-latin1.txt"), filename: "notes.txt",
                                           contentType: "text/plain; charset=windows-1252")
        #expect(declared.text == latin1.text)
        let utf16 = DocumentReader.read(try DocumentFixtures.data("notes-utf16.txt"), filename: nil, contentType: "text/plain")
        #expect(utf16.text == "订单 4711：请尽快发货。\nDanke schön!\n")
        let gbk = DocumentReader.read(try DocumentFixtures.data("notes-gbk.txt"), filename: "订单.txt", contentType: "application/octet-stream")
        #expect(gbk.text == "订单号 4711，请报价：办公椅二十把，交货期一月。\n")
        #expect(gbk.method == "text")
    }

    @Test func declaredCharsetThatDoesNotFitIsReported() {
        let doc = DocumentReader.read(Data([0x47, 0x72, 0xFC, 0xDF, 0x65]), filename: "a.txt", contentType: "text/plain; charset=utf-8")
        #expect(doc.text == "Grüße")
        #expect(!doc.warnings.isEmpty)
    }

    @Test func htmlAttachment() {
        let html = Data("<html><body><h1>Angebot</h1><p>Preis: <b>1.234,56 €</b></p><script>x()</script></body></html>".utf8)
        let doc = DocumentReader.read(html, filename: "angebot.html", contentType: "text/html")
        #expect(doc.method == "html")
        #expect(doc.text.contains("Angebot") && doc.text.contains("Preis: 1.234,56 €"))
        #expect(!doc.text.contains("x()"))
    }

    @Test func xmlAttachmentGivesNamedValues() throws {
        let xml = try Data(contentsOf: DocumentFixtures.einvoiceDirectory.appendingPathComponent("ubl-invoice.xml"))
        let doc = DocumentReader.read(xml, filename: "invoice.xml", contentType: "application/octet-stream")
        #expect(doc.method == "xml")
        #expect(doc.contentType == "application/xml")
        #expect(doc.text.contains("ID: NB-2026-1187"))
        #expect(doc.text.contains("PayableAmount: 1190.00"))
        #expect(doc.text.contains("RegistrationName: Nordlicht Bürobedarf GmbH"))
    }

    @Test func xmlWithEntitiesIsNotExpanded() {
        let evil = Data("""
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <r>&x;&b;</r>
            """.utf8)
        let doc = DocumentReader.read(evil, filename: "evil.xml", contentType: "application/xml")
        #expect(!doc.text.contains("root:"))
        #expect(!doc.text.contains("aaaaaaaaaaaaaaaaaaaa"))
        #expect(doc.warnings.contains { $0.contains("entities") }, "\(doc.warnings)")
    }

    @Test func imagesAndUnknownBinaries() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let image = DocumentReader.read(png, filename: "logo.png", contentType: "image/png")
        #expect(image.method == "none" && image.warnings.isEmpty && !image.needsOCR)
        let blob = DocumentReader.read(Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]), filename: "x.bin", contentType: "application/octet-stream")
        #expect(blob.method == "none")
        #expect(blob.warnings.contains { $0.contains("no text reader") })
        let doc = DocumentReader.read(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), filename: "alt.doc", contentType: "application/msword")
        #expect(doc.warnings.contains { $0.contains(".doc") })
        let empty = DocumentReader.read(Data(), filename: "empty.pdf", contentType: "application/pdf")
        #expect(empty.method == "none" && empty.warnings == ["the document is empty (0 bytes)"])
    }

    @Test func mislabelledPDFIsReadAsText() {
        let doc = DocumentReader.read(Data("Das ist kein PDF.".utf8), filename: "x.pdf", contentType: "application/pdf")
        #expect(doc.method == "text")
        #expect(doc.text == "Das ist kein PDF.")
        #expect(doc.warnings.contains { $0.contains("declared as application/pdf") })
    }

    @Test func textIsCutAtTheCharacterLimit() {
        var limits = DocumentLimits.standard
        limits.textCharacters = 10
        let doc = DocumentReader.read(Data(String(repeating: "abcdef ", count: 100).utf8), filename: "a.txt", contentType: "text/plain", limits: limits)
        #expect(doc.text.count == 10)
        #expect(doc.warnings.contains { $0.contains("cut at 10 characters") })
    }

    @Test func documentTextEncodesWithSnakeCaseKeys() throws {
        let doc = DocumentText(filename: "a.pdf", contentType: "application/pdf", text: "x", method: "pdftotext", needsOCR: true,
                               warnings: ["w"], embeddedFiles: [EmbeddedFile(name: "factur-x.xml", data: Data("<x/>".utf8))])
        let json = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
        #expect(json.contains("\"needs_ocr\":true") && json.contains("\"embedded_files\"") && json.contains("\"content_type\""))
        #expect(try JSONDecoder().decode(DocumentText.self, from: Data(json.utf8)) == doc)
    }
}
