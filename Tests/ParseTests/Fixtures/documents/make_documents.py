#!/usr/bin/env python3
"""Writes the document test fixtures of this folder (standard library only: zipfile, zlib, struct).

All content was made up for Mailroom's tests. The PDFs are written object by object with a correct
cross-reference table; the Factur-X one embeds the e-invoice fixture cii-facturx.xml in an EmbeddedFiles name tree
with an /AF entry, as PDF/A-3 does (it is "PDF/A-3-like": no colour profile or font embedding, which the
tests do not need). DOCX and XLSX are minimal Office Open XML packages.

    python3 ../../../UnderstandTests/Fixtures/einvoice/make_einvoices.py && python3 make_documents.py
"""
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
EINVOICE = os.path.join(HERE, "..", "..", "..", "UnderstandTests", "Fixtures", "einvoice")


# ----------------------------------------------------------------------------------------------- PDF

def pdf_string(text):
    """A PDF literal string in WinAnsiEncoding (Windows-1252), with ( ) \\ escaped."""
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([b])
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def text_page_content(lines, size=11, top=790, leading=15):
    ops = [b"BT", b"/F1 %d Tf" % size, b"50 %d Td" % top, b"%d TL" % leading]
    for line in lines:
        ops.append(pdf_string(line) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


class PDFWriter:
    def __init__(self):
        self.objects = []  # bytes of each object body, object number = index + 1

    def reserve(self):
        self.objects.append(None)
        return len(self.objects)

    def set(self, number, body):
        self.objects[number - 1] = body

    def add(self, body):
        self.objects.append(body)
        return len(self.objects)

    def stream(self, dictionary, data, compress=True):
        if compress:
            data = zlib.compress(data, 9)
            dictionary = dictionary + b" /Filter /FlateDecode"
        return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    def write(self, path, root, info=None):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n" % (len(self.objects) + 1)
        out += b"0000000000 65535 f \n"
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        trailer = b"/Size %d /Root %d 0 R" % (len(self.objects) + 1, root)
        if info:
            trailer += b" /Info %d 0 R" % info
        trailer += b" /ID [<4d61696c726f6f6d46697874757265> <4d61696c726f6f6d46697874757265>]"
        out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        with open(path, "wb") as f:
            f.write(out)


def text_pdf(path, pages, embedded=None):
    """A PDF whose pages show the given lines in Helvetica; `embedded` = [(name, bytes, subtype)]."""
    w = PDFWriter()
    catalog = w.reserve()
    pages_obj = w.reserve()
    font = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        content = w.add(w.stream(b"", text_page_content(lines)))
        kids.append(w.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                          b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_obj, font, content)))
    w.set(pages_obj, b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    extra = b""
    if embedded:
        specs = []
        for name, data, subtype in embedded:
            file_stream = w.add(w.stream(b"/Type /EmbeddedFile /Subtype /" + subtype +
                                         b" /Params << /Size %d /ModDate (D:20261120120000+01'00') >>" % len(data), data))
            spec = w.add(b"<< /Type /Filespec /F " + pdf_string(name) + b" /UF " + pdf_string(name) +
                         b" /EF << /F %d 0 R /UF %d 0 R >> /AFRelationship /Data /Desc (Factur-X invoice) >>"
                         % (file_stream, file_stream))
            specs.append((name, spec))
        specs.sort()
        names = b" ".join(pdf_string(n) + b" %d 0 R" % s for n, s in specs)
        xmp = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
               '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
               '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part>'
               '<pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n'
               '<rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">'
               '<fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>'
               '<fx:Version>1.0</fx:Version><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>\n'
               '</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>').encode("utf-8")
        metadata = w.add(w.stream(b"/Type /Metadata /Subtype /XML", xmp, compress=False))
        extra = (b" /Names << /EmbeddedFiles << /Names [" + names + b"] >> >> /AF [" +
                 b" ".join(b"%d 0 R" % s for _, s in specs) + b"] /Metadata %d 0 R" % metadata)
    w.set(catalog, b"<< /Type /Catalog /Pages %d 0 R" % pages_obj + extra + b" >>")
    info = w.add(b"<< /Producer (Mailroom test fixtures) /Title (Test document) >>")
    w.write(path, catalog, info)


def image_pdf(path, page_count=2):
    """A 'scanned' PDF: each page is one greyscale image and nothing else (no text layer)."""
    w = PDFWriter()
    catalog = w.reserve()
    pages_obj = w.reserve()
    width, height = 120, 160
    kids = []
    for p in range(page_count):
        pixels = bytearray()
        for y in range(height):
            for x in range(width):
                # Grey "text lines": dark bands on white, as a scan of a letter looks from afar.
                dark = (y // 6) % 3 == 0 and 10 < x < 110 - (y * 7 + p * 13) % 40
                pixels.append(40 if dark else 245)
        image = w.add(w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                               b"/BitsPerComponent 8" % (width, height), bytes(pixels)))
        content = w.add(w.stream(b"", b"q 495 0 0 742 50 50 cm /Im1 Do Q\n"))
        kids.append(w.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                          b"/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_obj, image, content)))
    w.set(pages_obj, b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    w.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    w.write(path, catalog)


LETTER_PAGES = [
    [
        "Nordlicht Bürobedarf GmbH · Hafenstraße 12 · 24103 Kiel",
        "",
        "Müller Maschinenbau AG",
        "Industrieweg 7, 70565 Stuttgart",
        "",
        "Rechnung Nr. NB-2026-1187                    Datum: 18.11.2026",
        "",
        "Pos  Artikel                        Menge   Einzelpreis      Betrag",
        "1    Kopierpapier A4, 500 Blatt        40        4,50 €    180,00 €",
        "2    Toner HP 305A schwarz              4       89,90 €    359,60 €",
        "3    Bürostuhl Ergo Plus                2      230,20 €    460,40 €",
    ],
    [
        "Nettobetrag                                             1.000,00 €",
        "zzgl. 19 % USt.                                           190,00 €",
        "Gesamtbetrag                                            1.190,00 €",
        "",
        "Zahlbar innerhalb von 30 Tagen ohne Abzug (bis 18.12.2026).",
        "(Klammern) und \\Rückstriche\\ bleiben erhalten.",
    ],
]


def facturx_pages(gross_shown):
    return [[
        "Hanse Service & Technik GmbH · Mönckebergstraße 3 · 20095 Hamburg",
        "",
        "Alpenblick Hotel KG, Sendlinger Straße 20, 80331 München",
        "",
        "RECHNUNG HS-R-2026-0815                      Datum: 20.11.2026",
        "",
        "1  Wartungsvertrag Drucker, Quartal 4/2026    1 x 450,00    450,00 EUR",
        "2  Anfahrtspauschale                          2 x  35,00     70,00 EUR",
        "3  Ersatzteil Fixiereinheit                   1 x 239,00    239,00 EUR",
        "",
        "Summe netto                                                759,00 EUR",
        "USt. 19 %                                                  144,21 EUR",
        "Gesamtbetrag                                               %s EUR" % gross_shown,
        "",
        "Zahlbar bis 04.12.2026 ohne Abzug. Diese Rechnung enthält eine Factur-X-Datei (EN 16931).",
    ]]


ZUGFERD1_PAGES = [[
    "Rheinwerk Elektrotechnik GmbH · Domstraße 40 · 50667 Köln",
    "",
    "Brightwater Components GmbH, Werkstraße 4, 28199 Bremen",
    "",
    "RECHNUNG RWE-2019-04417                      Datum: 11.06.2019",
    "",
    "1  Installationskabel NYM-J 3x1,5 mm², Ring 100 m   12 x 52,40   628,80 EUR",
    "2  Sicherungsautomat B16 1-polig                     48 x  3,85   184,80 EUR",
    "3  Fachbuch Elektroinstallation, 12. Auflage          2 x 49,90    99,80 EUR",
    "",
    "Summe netto                                                913,40 EUR",
    "USt. 19 % auf 813,60                                       154,58 EUR",
    "USt. 7 % auf 99,80                                           6,99 EUR",
    "Gesamtbetrag                                             1.074,97 EUR",
    "",
    "Zahlbar innerhalb von 14 Tagen ohne Abzug. ZUGFeRD 1.0 (COMFORT).",
]]


# ---------------------------------------------------------------------------------------------- ZIP

FIXED_TIME = (2026, 11, 20, 12, 0, 0)  # entries carry a fixed time, so the archives are byte-identical every run


def entry(name):
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


# ---------------------------------------------------------------------------------------------- DOCX

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def w_par(*runs, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="left" w:pos="4000"/></w:tabs></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def w_run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def w_table(rows):
    out = ["<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>"]
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc><w:tcPr/>{w_par(w_run(c))}</w:tc>" for c in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(path):
    body = "".join([
        w_par(w_run("Angebotsanfrage / Request for quotation", bold=True), style="Heading1"),
        # One word split over runs, as Word writes it after an edit; a tab; a line break.
        w_par(w_run("Bitte senden Sie uns ein An"), w_run("gebot für folgende Positionen:")),
        w_par(w_run("Referenz:"), "<w:r><w:tab/></w:r>", w_run("RFQ-2026-0193"), "<w:r><w:br/></w:r>",
              w_run("Liefertermin: 15.01.2027")),
        # A tracked deletion and a field code must not show up.
        w_par(w_run("Menge "), "<w:del w:id=\"1\" w:author=\"x\" w:date=\"2026-11-20T10:00:00Z\"><w:r><w:delText>ALTWERT</w:delText></w:r></w:del>",
              w_run("wie unten."), "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
              "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"),
        w_table([["Pos", "Artikel", "Menge", "Einheit"],
                 ["1", "Schraube M6x20 verzinkt", "500", "Stück"],
                 ["2", "Mutter M6 selbstsichernd", "500", "Stück"]]),
        w_par(w_run("请报价：办公椅 20 把。")),
        w_par(),
        w_par(w_run("Mit freundlichen Grüßen, Erika Muster")),
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference w:type="default" r:id="rIdFooter1"/></w:sectPr>',
    ])
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}</w:body></w:document>'
    header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}>{w_par(w_run("Müller Maschinenbau AG – Einkauf"))}</w:hdr>'
    footer = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}>{w_par(w_run("USt-IdNr. DE298765431 · Seite 1"))}</w:ftr>'
    content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''
    doc_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>'''
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry("[Content_Types].xml"), content_types)
        z.writestr(entry("_rels/.rels"), rels)
        z.writestr(entry("word/document.xml"), document)
        z.writestr(entry("word/_rels/document.xml.rels"), doc_rels)
        z.writestr(entry("word/header1.xml"), header)
        z.writestr(entry("word/footer1.xml"), footer)


# ---------------------------------------------------------------------------------------------- XLSX

def write_xlsx(path):
    shared = ["Artikel", "Menge", "Preis", "Lieferdatum", "Schraube M6x20", "Summe", "Bemerkung"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in shared)
    # A rich-text string with a phonetic guide that must not show.
    sst += "<si><r><t>Mutter </t></r><r><rPr><b/></rPr><t>M6</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
    shared_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                  f'count="{len(shared) + 1}" uniqueCount="{len(shared) + 1}">{sst}</sst>')
    styles = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
</styleSheet>'''
    sheet1 = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>500</v></c><c r="C2" s="2"><v>0.12</v></c><c r="D2" s="1"><v>46349</v></c></row>
<row r="3"><c r="A3" t="s"><v>7</v></c><c r="B3"><v>250</v></c><c r="C3" s="2"><v>0.085</v></c><c r="D3" s="3"><v>46356.5</v></c></row>
<row r="5"><c r="A5" t="s"><v>5</v></c><c r="C5" s="2"><f>B2*C2+B3*C3</f><v>81.25</v></c><c r="F5" t="inlineStr"><is><t>Inline-Text</t></is></c></row>
<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6" t="e"><v>#DIV/0!</v></c><c r="C6"><v>1234567.891</v></c></row>
</sheetData></worksheet>'''
    sheet2 = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>6</v></c><c r="B1" t="str"><f>"Lieferung "&amp;"frei Haus"</f><v>Lieferung frei Haus</v></c></row>
<row r="2"><c r="B2" t="inlineStr"><is><t>请在一月前交货</t></is></c></row>
</sheetData></worksheet>'''
    workbook = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Bestellung" sheetId="1" r:id="rId1"/><sheet name="Hinweise" sheetId="2" r:id="rId2"/></sheets>
</workbook>'''
    workbook_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>'''
    content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>'''
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry("[Content_Types].xml"), content_types)
        z.writestr(entry("_rels/.rels"), rels)
        z.writestr(entry("xl/workbook.xml"), workbook)
        z.writestr(entry("xl/_rels/workbook.xml.rels"), workbook_rels)
        z.writestr(entry("xl/sharedStrings.xml"), shared_xml)
        z.writestr(entry("xl/styles.xml"), styles)
        z.writestr(entry("xl/worksheets/sheet1.xml"), sheet1)
        z.writestr(entry("xl/worksheets/sheet2.xml"), sheet2)


# ------------------------------------------------------------------------------------------ ZIP bombs

def write_zip_bomb(path, megabytes=200):
    """A DOCX whose document.xml inflates to `megabytes` MB of spaces (~1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(entry("[Content_Types].xml"), "<Types/>")
        head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        with z.open(entry("word/document.xml"), "w", force_zip64=True) as f:
            f.write(head.encode())
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")


def write_lying_zip_bomb(path):
    """A DOCX whose document.xml claims (in both headers) to be 300 bytes but inflates to 20 MB: only a
    limit enforced while inflating catches it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(entry("[Content_Types].xml"), "<Types/>")
        z.writestr(entry("word/document.xml"), b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
                   + b"A" * (20 << 20) + b"</w:t></w:r></w:p></w:body></w:document>")
    data = bytearray(open(path, "rb").read())
    name = b"word/document.xml"
    # Local file header: signature PK\3\4, uncompressed size at offset 22.
    i = data.find(b"PK\x03\x04" + b"\x14\x00")
    while i != -1:
        name_len = struct.unpack_from("<H", data, i + 26)[0]
        if data[i + 30:i + 30 + name_len] == name:
            struct.pack_into("<I", data, i + 22, 300)
        i = data.find(b"PK\x03\x04", i + 4)
    # Central directory header: signature PK\1\2, uncompressed size at offset 24.
    i = data.find(b"PK\x01\x02")
    while i != -1:
        name_len = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + name_len] == name:
            struct.pack_into("<I", data, i + 24, 300)
        i = data.find(b"PK\x01\x02", i + 4)
    open(path, "wb").write(bytes(data))


# ------------------------------------------------------------------------------------------ CSV, text

CSV_ROWS = [
    ["Artikelnummer", "Bezeichnung", "Menge", "Preis"],
    ["SCH-M6-20", "Schraube M6x20, verzinkt", "500", "0,12"],
    ["MUT-M6", 'Mutter "selbstsichernd"', "500", "0,09"],
    ["GRF-01", "Griff Edelstahl\nmit Gewinde", "20", "4,50"],
    ["ZUB-€", "Zubehör für Größe XL", "1", "12,00"],
]


def csv_text(rows, delimiter):
    def field(v):
        if any(c in v for c in (delimiter, '"', "\n")):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "\r\n".join(delimiter.join(field(v) for v in row) for row in rows) + "\r\n"


def main():
    os.makedirs(HERE, exist_ok=True)
    cii = open(os.path.join(EINVOICE, "cii-facturx.xml"), "rb").read()
    text_pdf(os.path.join(HERE, "text-invoice.pdf"), LETTER_PAGES)
    image_pdf(os.path.join(HERE, "scanned.pdf"))
    text_pdf(os.path.join(HERE, "facturx.pdf"), facturx_pages("903,21"),
             embedded=[("factur-x.xml", cii, b"text#2Fxml")])
    # The same XML in a PDF whose printed total differs (a typo in the PDF): the reader must say so.
    text_pdf(os.path.join(HERE, "zugferd-mismatch.pdf"), facturx_pages("930,21"),
             embedded=[("ZUGFeRD-invoice.xml", cii, b"text#2Fxml"),
                       ("lieferschein.txt", "Lieferschein LS-2026-5521\n".encode(), b"text#2Fplain")])
    # ZUGFeRD 1.0: the XML is embedded under the name ZUGFeRD-invoice.xml, in its own namespace.
    zugferd1 = open(os.path.join(EINVOICE, "zugferd1-invoice.xml"), "rb").read()
    text_pdf(os.path.join(HERE, "zugferd1.pdf"), ZUGFERD1_PAGES,
             embedded=[("ZUGFeRD-invoice.xml", zugferd1, b"text#2Fxml")])
    write_docx(os.path.join(HERE, "request.docx"))
    write_xlsx(os.path.join(HERE, "order.xlsx"))
    write_zip_bomb(os.path.join(HERE, "bomb.docx"))
    write_lying_zip_bomb(os.path.join(HERE, "bomb-lying-sizes.docx"))
    with open(os.path.join(HERE, "articles-utf8.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(csv_text(CSV_ROWS, ","))
    with open(os.path.join(HERE, "articles-cp1252-semicolon.csv"), "wb") as f:
        f.write(csv_text(CSV_ROWS, ";").encode("cp1252"))
    with open(os.path.join(HERE, "notes-latin1.txt"), "wb") as f:
        f.write("Grüße aus Köln – bitte Rückruf wegen Auftrag 4711.\n".encode("cp1252"))
    with open(os.path.join(HERE, "notes-utf16.txt"), "wb") as f:
        f.write("\ufeff订单 4711：请尽快发货。\r\nDanke schön!\r\n".encode("utf-16-le"))
    with open(os.path.join(HERE, "notes-gbk.txt"), "wb") as f:
        f.write("订单号 4711，请报价：办公椅二十把，交货期一月。\n".encode("gbk"))
    print("wrote the document fixtures in", HERE)


if __name__ == "__main__":
    main()
