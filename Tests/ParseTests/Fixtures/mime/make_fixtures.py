#!/usr/bin/env python3
"""Writes the MIME fixtures for Mailroom's parser tests, and expected.json with what each must yield.

The encoded words, bodies and attachments are produced here with Python's own codecs, base64 and
quopri, independently of Mailroom. Run from this directory:  python3 make_fixtures.py
The outputs are committed; rerunning gives the same bytes.
"""
import base64
import hashlib
import io
import json
import os
import quopri
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
expected = {}


def write(name, data, expect):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    expected[name] = expect


def b_words(text, codec, label, chunk=12):
    """RFC 2047 B words; the encoded bytes are split every `chunk` bytes, so multi-byte characters are
    deliberately cut across adjacent words (a decoder must join the bytes before decoding)."""
    raw = text.encode(codec)
    words = []
    for i in range(0, len(raw), chunk):
        words.append("=?%s?B?%s?=" % (label, base64.b64encode(raw[i:i + chunk]).decode()))
    return "\r\n ".join(words)


def q_word(text, codec, label):
    raw = text.encode(codec)
    out = []
    for b in raw:
        c = chr(b)
        if b == 0x20:
            out.append("_")
        elif c.isalnum() and b < 0x80:
            out.append(c)
        else:
            out.append("=%02X" % b)
    return "=?%s?Q?%s?=" % (label, "".join(out))


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


# --- one mail per charset family -----------------------------------------------------------------
CHARSETS = [
    # (fixture id, python codec, declared label, subject, name, body)
    ("utf-8", "utf-8", "UTF-8", "Angebot für 3× Pumpen – dringend ✓", "Jürgen Groß", "Grüße aus Köln, 5 € pro Stück.\n"),
    ("iso-8859-1", "latin-1", "ISO-8859-1", "Réunion à Genève", "François Müller", "Voilà le reçu.\n"),
    ("iso-8859-2", "iso8859-2", "iso-8859-2", "Zażółć gęślą jaźń", "Łukasz Żółć", "Dziękuję za ofertę.\n"),
    ("iso-8859-5", "iso8859-5", "ISO-8859-5", "Счёт на оплату", "Иван Петров", "Добрый день.\n"),
    ("iso-8859-7", "iso8859-7", "iso-8859-7", "Προσφορά τιμής", "Γιώργος Παπαδόπουλος", "Καλημέρα σας.\n"),
    ("iso-8859-15", "iso8859-15", "ISO-8859-15", "Prix: 10 € œuvre", "Zoë Œdipe", "Merci, 20 €.\n"),
    ("windows-1250", "cp1250", "windows-1250", "Nabídka – čerstvé zboží", "Petr Dvořák", "Děkujeme „rychle“.\n"),
    ("windows-1251", "cp1251", "windows-1251", "Заказ № 42 — срочно", "Ольга Смирнова", "Спасибо «за» заказ.\n"),
    ("windows-1252", "cp1252", "Windows-1252", "“Quoted” invoice … €99", "Renée O’Brien", "Smart “quotes” — and €.\n"),
    ("gb2312", "gb2312", "gb2312", "报价请求：不锈钢管道", "王小明", "您好，请报价。\n"),
    ("gb2312-with-gbk", "gbk", "GB2312", "朱镕基的来信", "朱镕基", "镕字不在GB2312里。\n"),
    ("gbk", "gbk", "GBK", "订单确认（第二批）", "李华", "谢谢您的订单。\n"),
    ("gb18030", "gb18030", "GB18030", "发票 €100 𠀀", "张伟", "附件是发票。\n"),
    ("big5", "big5", "Big5", "報價單：三月份", "陳大文", "請查收附件。\n"),
    ("iso-2022-jp", "iso2022_jp", "ISO-2022-JP", "お見積りのお願い", "山田太郎", "よろしくお願いいたします。\n"),
    ("shift_jis", "shift_jis", "Shift_JIS", "請求書の送付について", "佐藤花子", "ご確認ください。\n"),
    ("euc-jp", "euc_jp", "EUC-JP", "注文確認のお知らせ", "鈴木一郎", "ありがとうございます。\n"),
    ("euc-kr", "euc_kr", "EUC-KR", "견적 요청드립니다", "김철수", "감사합니다.\n"),
    ("ks_c_5601-1987", "cp949", "ks_c_5601-1987", "주문 확인", "박영희", "확인 부탁드립니다.\n"),
    ("koi8-r", "koi8_r", "KOI8-R", "Привет из Москвы", "Сергей Иванов", "Всего доброго.\n"),
    ("koi8-u", "koi8_u", "KOI8-U", "Рахунок від ґаздині", "Олена Ґудзь", "Дякуємо, ґречно.\n"),
    ("us-ascii", "ascii", "us-ascii", "Plain ASCII subject", "John Smith", "Hello there.\n"),
]

for fid, codec, label, subject, name, body in CHARSETS:
    transfer = "base64" if fid in ("gb2312", "big5", "euc-kr", "koi8-r", "utf-8", "shift_jis") else "quoted-printable"
    if fid in ("iso-2022-jp",):
        transfer = "7bit"
    raw_body = body.encode(codec)
    if transfer == "base64":
        encoded_body = base64.encodebytes(raw_body).decode()
    elif transfer == "quoted-printable":
        encoded_body = quopri.encodestring(raw_body).decode()
    else:
        encoded_body = raw_body.decode("ascii")
    mail = crlf(
        "From: \"%s\" <sender@example.com>\n"
        "To: =?%s?Q?%s?= <to@example.org>\n"
        "Subject: %s\n"
        "Date: Tue, 05 Mar 2024 09:15:00 +0100\n"
        "Message-ID: <%s@fixtures.example>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"%s\"\n"
        "Content-Transfer-Encoding: %s\n"
        "\n" % (q_word(name, codec, label), label, "Recipient", b_words(subject, codec, label), fid, label, transfer)
    ).encode("ascii") + crlf(encoded_body).encode("ascii")
    write("charset-%s.eml" % fid, mail, {
        "subject": subject, "from_name": name, "from_address": "sender@example.com",
        "to_name": "Recipient", "text": body, "text_source": "plain",
    })

# Raw 8-bit UTF-8 headers (RFC 6532) and raw Latin-1 headers declared by the part's charset.
write("raw-8bit-utf8-headers.eml",
      crlf("From: Jörg Müller <jörg@bücher.example>\nSubject: Grüße – raw UTF-8\n"
           "Date: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: text/plain; charset=utf-8\n"
           "Content-Transfer-Encoding: 8bit\n\nTschüß\n").encode("utf-8"),
      {"subject": "Grüße – raw UTF-8", "from_name": "Jörg Müller", "from_address": "jörg@bücher.example",
       "text": "Tschüß\n", "text_source": "plain"})
write("raw-8bit-latin1-headers.eml",
      crlf("From: Jörg Müller <joerg@example.com>\nSubject: Grüße raw Latin-1\n"
           "Date: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: text/plain; charset=iso-8859-1\n"
           "Content-Transfer-Encoding: 8bit\n\nTschüß\n").encode("latin-1"),
      {"subject": "Grüße raw Latin-1", "from_name": "Jörg Müller", "from_address": "joerg@example.com",
       "text": "Tschüß\n", "text_source": "plain", "warning_contains": "raw 8-bit"})

# Unknown charset: falls back to UTF-8 when valid, with a warning.
write("charset-unknown.eml",
      crlf("From: a@example.com\nSubject: =?x-klingon?Q?caf=C3=A9?=\nDate: Tue, 05 Mar 2024 09:15:00 +0100\n"
           "Content-Type: text/plain; charset=x-klingon\nContent-Transfer-Encoding: 8bit\n\n").encode("ascii")
      + "Qapla’ ñ\r\n".encode("utf-8"),
      {"subject": "café", "text": "Qapla’ ñ\n", "text_source": "plain", "warning_contains": "x-klingon"})

# --- RFC 2231 and file names ----------------------------------------------------------------------
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def multipart(parts, boundary="==b0undary==", subject="Attachments", extra_headers=""):
    out = ("From: Sender <sender@example.com>\nTo: to@example.org\nSubject: %s\n"
           "Date: Tue, 05 Mar 2024 09:15:00 +0100\nMessage-ID: <att@fixtures.example>\nMIME-Version: 1.0\n%s"
           "Content-Type: multipart/mixed; boundary=\"%s\"\n\nThis is a multi-part message in MIME format.\n"
           % (subject, extra_headers, boundary))
    for p in parts:
        out += "--%s\n%s\n" % (boundary, p)
    out += "--%s--\n" % boundary
    return crlf(out).encode("latin-1")


def text_part(text="See attachment.\n"):
    return "Content-Type: text/plain; charset=us-ascii\n\n" + text


def b64_part(headers, data):
    return headers + "Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(data).decode()


def sha(data):
    return hashlib.sha256(data).hexdigest()


RFC2231 = [
    ("extended-utf8", "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20Rechnung.pdf\n", "€ Rechnung.pdf"),
    ("continuations", "Content-Type: application/pdf\nContent-Disposition: attachment;\n filename*0*=UTF-8''Gr%C3%BC%C3%9Fe%20aus;\n filename*1*=%20K%C3%B6ln;\n filename*2=\"_2024.pdf\"\n", "Grüße aus Köln_2024.pdf"),
    ("charset-language", "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=iso-8859-1'de'%DCbersicht%20M%E4rz.pdf\n", "Übersicht März.pdf"),
    ("plain-continuations", "Content-Type: application/pdf\nContent-Disposition: attachment; filename*0=\"very long file name \"; filename*1=\"split in two.pdf\"\n", "very long file name split in two.pdf"),
    ("out-of-order", "Content-Type: application/pdf\nContent-Disposition: attachment; filename*1*=%20zwei.pdf; filename*0*=utf-8''Teil%20eins\n", "Teil eins zwei.pdf"),
    ("rfc2047-in-quotes", "Content-Type: application/pdf; name=\"=?UTF-8?B?%s?=\"\nContent-Disposition: attachment; filename=\"=?UTF-8?B?%s?=\"\n" % (
        base64.b64encode("Angebot für Müller.pdf".encode()).decode(), base64.b64encode("Angebot für Müller.pdf".encode()).decode()), "Angebot für Müller.pdf"),
    ("rfc2047-gb2312-name-only", "Content-Type: application/pdf; name=\"=?gb2312?B?%s?=\"\n" % base64.b64encode("发票.pdf".encode("gb2312")).decode(), "发票.pdf"),
    ("both-forms", "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%C3%A9l%C3%A8ve.pdf\n", "élève.pdf"),
    ("name-in-content-type", "Content-Type: application/pdf; name*=utf-8''%E6%8A%A5%E4%BB%B7.pdf\n", "报价.pdf"),
]
for fid, headers, filename in RFC2231:
    mail = multipart([text_part(), b64_part(headers, PDF)], subject="RFC 2231 " + fid)
    write("rfc2231-%s.eml" % fid, mail, {
        "attachments": [{"filename": filename, "content_type": "application/pdf", "size": len(PDF), "sha256": sha(PDF), "part": "2"}],
        # The line break right before a boundary belongs to the boundary; text_part ends with a blank line.
        "text": "See attachment.\n",
    })

# --- nested message/rfc822 ------------------------------------------------------------------------
inner_inner = crlf(
    "From: Deep <deep@example.net>\nSubject: Innermost\nDate: Mon, 04 Mar 2024 08:00:00 +0000\n"
    "Content-Type: multipart/mixed; boundary=\"deep\"\n\n--deep\nContent-Type: text/plain\n\nInnermost text.\n"
    "--deep\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=deep.pdf\n"
    "Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(PDF).decode() + "--deep--\n")
inner = crlf(
    "From: =?utf-8?Q?Ren=C3=A9e?= <renee@example.net>\nTo: sender@example.com\nSubject: =?utf-8?Q?Fwd=3A_Pr=C3=BCfung?=\n"
    "Date: Mon, 04 Mar 2024 10:00:00 +0000\nMessage-ID: <inner@example.net>\nContent-Type: multipart/mixed; boundary=\"inner\"\n\n"
    "--inner\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nInner text.\n"
    "--inner\nContent-Type: text/csv\nContent-Disposition: attachment; filename=\"data.csv\"\n\na,b\n1,2\n"
    "--inner\nContent-Type: message/rfc822\n\n" + inner_inner + "--inner--\n")
XML = b"<?xml version=\"1.0\"?>\n<invoice><total>12.50</total></invoice>\n"
nested = multipart([
    text_part("Outer text.\n"),
    "Content-Type: message/rfc822\nContent-Disposition: attachment; filename=\"forwarded.eml\"\n\n" + inner,
    b64_part("Content-Type: application/xml\nContent-Disposition: attachment; filename=\"invoice.xml\"\n", XML),
], subject="Nested messages")
write("nested-rfc822.eml", nested, {
    "subject": "Nested messages", "text": "Outer text.\n",
    "attachments": [
        {"filename": "forwarded.eml", "content_type": "message/rfc822", "part": "2", "origin": None},
        {"filename": "data.csv", "content_type": "text/csv", "part": "2.2", "origin": "rfc822", "size": 8, "sha256": sha(b"a,b\r\n1,2")},
        {"filename": None, "content_type": "message/rfc822", "part": "2.3", "origin": "rfc822"},
        {"filename": "deep.pdf", "content_type": "application/pdf", "part": "2.3.2", "origin": "rfc822", "size": len(PDF), "sha256": sha(PDF)},
        {"filename": "invoice.xml", "content_type": "application/xml", "part": "3", "origin": None, "size": len(XML), "sha256": sha(XML)},
    ],
    "attached_subjects": ["Fwd: Prüfung"], "inner_from_name": "Renée", "inner_text": "Inner text.",
    "innermost_subject": "Innermost",
})

# --- octet-stream sniffing ------------------------------------------------------------------------
def zip_bytes(entries, stored_first=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if stored_first:
            z.writestr(zipfile.ZipInfo(stored_first[0], date_time=(2024, 1, 1, 0, 0, 0)), stored_first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


DOCX = zip_bytes([("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>")])
XLSX = zip_bytes([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
ODT = zip_bytes([("content.xml", "<office:document-content/>")], stored_first=("mimetype", "application/vnd.oasis.opendocument.text"))
PLAINZIP = zip_bytes([("readme.txt", "hello"), ("data/values.csv", "a,b")])
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\x00" * 10
TNEFSIG = struct.pack("<I", 0x223E9F78) + b"\x01\x00" + b"\x00" * 20
UNKNOWN = bytes(range(7, 64))
CSV = b"id;amount\n1;12.50\n"
SNIFF = [
    ("report.bin", PDF, "application/pdf"),
    ("document", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("sheet.dat", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("letter", ODT, "application/vnd.oasis.opendocument.text"),
    ("archive", PLAINZIP, "application/zip"),
    ("data", XML, "application/xml"),
    ("picture", PNG, "image/png"),
    ("photo", JPEG, "image/jpeg"),
    ("anim", GIF, "image/gif"),
    ("mystery.tnef", TNEFSIG, "application/ms-tnef"),
    ("numbers.csv", CSV, "text/csv"),
    ("noise", UNKNOWN, "application/octet-stream"),
]
parts = [text_part("Files attached.\n")]
for name, data, _ in SNIFF:
    parts.append(b64_part("Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"%s\"\n" % name, data))
# A part with no Content-Type at all, only a file name.
parts.append(b64_part("Content-Disposition: attachment; filename=\"untyped\"\n", PDF))
write("sniff-octet-stream.eml", multipart(parts, subject="Sniffing"), {
    "attachments": [{"filename": n, "content_type": t, "size": len(d), "sha256": sha(d)} for n, d, t in SNIFF]
    + [{"filename": "untyped", "content_type": "application/pdf", "size": len(PDF), "sha256": sha(PDF)}],
})

# --- body selection -------------------------------------------------------------------------------
write("alternative-plain-and-html.eml", crlf(
    "From: a@example.com\nSubject: Alt\nDate: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: multipart/alternative; boundary=alt\n\n"
    "--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
    "Plain version with a soft=\nbreak and =C3=A9.\n"
    "--alt\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>HTML version</p></body></html>\n--alt--\n").encode(),
    {"text": "Plain version with a softbreak and é.", "text_source": "plain", "attachments": []})
write("html-only-related.eml", crlf(
    "From: a@example.com\nSubject: HTML\nDate: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: multipart/alternative; boundary=alt\n\n"
    "--alt\nContent-Type: multipart/related; boundary=rel\n\n"
    "--rel\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
    "<html><body><p>Gr=FC=DFe</p><img src=3D\"cid:logo@x\"></body></html>\n"
    "--rel\nContent-Type: image/png; name=logo.png\nContent-ID: <logo@x>\nContent-Disposition: inline\nContent-Transfer-Encoding: base64\n\n"
    + base64.encodebytes(PNG).decode() + "--rel--\n--alt--\n").encode(),
    {"text_contains": "Grüße", "text_source": "html",
     "attachments": [{"filename": "logo.png", "content_type": "image/png", "disposition": "inline", "content_id": "logo@x", "part": "1.2"}]})
write("mixed-inline-texts.eml", crlf(
    "From: a@example.com\nSubject: Pieces\nDate: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: multipart/mixed; boundary=mix\n\n"
    "--mix\nContent-Type: text/plain\n\nFirst piece.\n"
    "--mix\nContent-Type: image/gif\nContent-Transfer-Encoding: base64\n\n" + base64.encodebytes(GIF).decode() +
    "--mix\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline\n\nSecond piece \xe2\x9c\x93.\n--mix--\n").encode("latin-1"),
    {"text": "First piece.\nSecond piece ✓.", "text_source": "plain",
     "attachments": [{"filename": None, "content_type": "image/gif", "part": "2"}]})

# --- broken input ---------------------------------------------------------------------------------
write("broken-boundary-never-found.eml", crlf(
    "From: a@example.com\nSubject: Lost boundary\nDate: Tue, 05 Mar 2024 09:15:00 +0100\n"
    "Content-Type: multipart/mixed; boundary=\"xyz\"\n\n--abc\nContent-Type: text/plain\n\nBody text.\n--abc--\n").encode(),
    {"subject": "Lost boundary", "text_contains": "Body text.", "warning_contains": "boundary \"xyz\" never found", "attachments": []})
write("broken-no-closing-boundary.eml", crlf(
    "From: a@example.com\nSubject: Truncated\nDate: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: multipart/mixed; boundary=\"cut\"\n\n"
    "--cut\nContent-Type: text/plain\n\nKept text.\n--cut\nContent-Type: application/pdf; name=half.pdf\nContent-Transfer-Encoding: base64\n\n"
    + base64.encodebytes(PDF).decode()[:40] + "\n").encode(),
    {"subject": "Truncated", "text": "Kept text.", "warning_contains": "closing boundary",
     "attachments": [{"filename": "half.pdf", "content_type": "application/pdf", "part": "2"}]})
write("broken-missing-headers.eml", b"Content-Type: text/plain\r\n\r\nNo From, no Date, no Subject.\r\n",
      {"subject": None, "text": "No From, no Date, no Subject.\n", "warning_contains": "no From header"})
write("broken-headerless.eml", b"Just some text without any header.\nSecond line.\n",
      {"subject": None, "text": "Just some text without any header.\nSecond line.\n", "warning_contains": "no header block"})
write("broken-bare-lf-nul.eml",
      b"From: a@example.com\nSubject: Bare LF\nDate: Tue, 05 Mar 2024 09:15:00 +0100\nContent-Type: multipart/mixed; boundary=lf\n\n"
      b"--lf\nContent-Type: text/plain\n\nLine one\x00.\nLine two.\n--lf\nContent-Type: application/octet-stream; name=x.pdf\n"
      b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(PDF) + b"--lf--\n",
      {"subject": "Bare LF", "text": "Line one.\nLine two.", "warning_contains": "NUL",
       "attachments": [{"filename": "x.pdf", "content_type": "application/pdf", "part": "2", "size": len(PDF), "sha256": sha(PDF)}]})
write("broken-encodings.eml", crlf(
    "From: a@example.com\nSubject: =?utf-8?B?QnJva2VuIGJhc2U2NA?= and =?utf-8?X?bad?=\nDate: Tue, 05 Mar 2024 09:15:00 +0100\n"
    "Content-Type: multipart/mixed; boundary=enc\n\n"
    "--enc\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCost =3D 5 =E2=82=AC, a stray = sign, and =ZZ.\n"
    "--enc\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n"
    + base64.encodebytes(PDF).decode().replace("\n", "!\n", 1) + "--enc--\n").encode(),
    {"subject": "Broken base64 and =?utf-8?X?bad?=", "text": "Cost = 5 €, a stray = sign, and =ZZ.",
     "warning_contains": "not base64",
     "attachments": [{"filename": "a.pdf", "content_type": "application/pdf", "size": len(PDF), "sha256": sha(PDF)}]})
write("empty.eml", b"", {"subject": None, "text": "", "text_source": "none", "warning_contains": "empty"})

# --- addresses, ids, dates ------------------------------------------------------------------------
write("addresses.eml", crlf(
    "From: \"Doe, Jane (Sales)\" <jane.doe@example.com>\n"
    "Sender: secretary@example.com (The Secretary)\n"
    "To: Team: alice@example.com, \"Bob =?utf-8?Q?M=C3=BCller?=\" <bob@example.com>;, carol@example.com\n"
    "Cc: =?iso-8859-1?Q?Andr=E9?= <andre@example.fr>, Undisclosed recipients:;\n"
    "Bcc: <hidden@example.com>\n"
    "Reply-To: Broken Name replies@example.com\n"
    "Subject: Addresses\nDate: 5 Mar 24 09:15 EST\n"
    "Message-ID: <abc.123@mail.example.com>\nIn-Reply-To: <first@x.example> <second@x.example>\n"
    "References: <r1@x.example>\n <r2@x.example> <first@x.example>\n\nBody\n").encode(),
    {"from": [["Doe, Jane (Sales)", "jane.doe@example.com"]],
     "sender": [["The Secretary", "secretary@example.com"]],
     "to": [[None, "alice@example.com"], ["Bob Müller", "bob@example.com"], [None, "carol@example.com"]],
     "cc": [["André", "andre@example.fr"]],
     "bcc": [[None, "hidden@example.com"]],
     "reply_to": [["Broken Name", "replies@example.com"]],
     "message_id": "abc.123@mail.example.com", "in_reply_to": "first@x.example",
     "references": ["r1@x.example", "r2@x.example", "first@x.example"],
     "date": "2024-03-05T14:15:00Z"})

# --- pre-MIME habits ---------------------------------------------------------------------------------
import binascii


def uuencode(name, data):
    lines = ["begin 644 %s" % name]
    for i in range(0, len(data), 45):
        lines.append(binascii.b2a_uu(data[i:i + 45]).decode().rstrip("\n"))
    lines += ["`", "end"]
    return "\n".join(lines) + "\n"


write("uuencoded-in-text.eml", crlf(
    "From: old@example.com\nSubject: Report\nDate: Tue, 05 Mar 2024 09:15:00 +0100\n\nHello\n\n"
    + uuencode("report.pdf", PDF) + "\nBye\n").encode(),
    {"text": "Hello\n\n\nBye\n", "text_source": "plain", "warning_contains": "uuencoded",
     "attachments": [{"filename": "report.pdf", "content_type": "application/pdf", "size": len(PDF), "sha256": sha(PDF),
                      "part": "1.1", "origin": "uuencode"}]})
write("raw-iso2022jp-header.eml",
      b"From: yamada@example.jp\r\nSubject: " + "お見積り".encode("iso2022_jp")
      + b"\r\nDate: Tue, 05 Mar 2024 09:15:00 +0900\r\nContent-Type: text/plain; charset=iso-2022-jp\r\n\r\n"
      + "よろしく".encode("iso2022_jp") + b"\r\n",
      {"subject": "お見積り", "text": "よろしく\n"})
write("folded-indentation.eml",
      crlf("From: a@example.com\nSubject: Die Hasen und\n   die Fr=?utf-8?q?=C3=B6?=sche\nX-Tab: one\n\ttwo\n"
           "Date: Tue, 05 Mar 2024 09:15:00 +0100\n\nbody\n").encode(),
      {"subject": "Die Hasen und die Frösche", "text": "body\n"})

with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print("wrote %d fixtures" % len(expected))
