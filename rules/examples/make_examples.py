#!/usr/bin/env python3
"""Writes the demo examples for Mailroom's offline classifier: rules/examples/<kind>/*.eml (plus bare
documents) and NAME.expected.json with the field values for the business kinds.

Standard library only, deterministic: running it twice gives the same bytes. Everything here was written
for this project; companies, people, numbers and documents are fictional and all domains end in .example.

    python3 rules/examples/make_examples.py          # (re)write every example, then check them
    python3 rules/examples/make_examples.py --check  # only check what is there

The checks: every .eml parses with Python's email package without defects, its subject decodes, every part
decodes in its declared charset; invoices add up (net + tax = gross, lines sum to net) and carry an IBAN that
passes mod-97; orders' lines sum to the total; every kind has at least 12 examples in English, German and
Chinese.
"""
from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import hashlib
import json
import quopri
import random
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["quote_request", "support_ticket", "approval", "invoice", "purchase_order", "auto_reply", "other"]
US = ("Brightwater Components GmbH", "brightwater.example")
T0 = dt.datetime(2026, 10, 5, 8, 0, tzinfo=dt.timezone.utc)

# ------------------------------------------------------------------------------------------------------------
# MIME writing
# ------------------------------------------------------------------------------------------------------------


def encode_word(text: str, charset: str, method: str = "B") -> str:
    """RFC 2047 encoded words for a header value; ASCII stays as it is."""
    if all(ord(c) < 128 for c in text):
        return text
    raw = text.encode(charset)
    words = []
    chunk = b""
    limit = 36 if method == "B" else 22
    pos = 0
    # split on character boundaries
    for ch in text:
        b = ch.encode(charset)
        if len(chunk) + len(b) > limit:
            words.append(chunk)
            chunk = b""
        chunk += b
    if chunk:
        words.append(chunk)
    del raw, pos
    out = []
    for w in words:
        if method == "B":
            out.append(f"=?{charset}?B?{base64.b64encode(w).decode()}?=")
        else:
            q = ""
            for byte in w:
                c = chr(byte)
                if c == " ":
                    q += "_"
                elif 33 <= byte < 127 and c not in "=?_\"":
                    q += c
                else:
                    q += f"={byte:02X}"
            out.append(f"=?{charset}?Q?{q}?=")
    return "\n ".join(out)


def address(name: str | None, addr: str, charset: str = "utf-8") -> str:
    if not name:
        return addr
    if all(ord(c) < 128 for c in name):
        if any(c in name for c in ",.;:()<>@\""):
            return f"\"{name}\" <{addr}>"
        return f"{name} <{addr}>"
    return f"{encode_word(name, charset, 'B' if charset.lower().startswith(('gb', 'big5')) else 'Q')} <{addr}>"


def safe_charset(text: str, preferred: str) -> str:
    try:
        text.encode(preferred)
        return preferred
    except UnicodeEncodeError:
        for fallback in (("iso-8859-15",) if preferred.lower() == "iso-8859-1" else ()) + ("gbk", "utf-8"):
            if preferred.lower().startswith("gb") or fallback == "utf-8" or fallback == "iso-8859-15":
                try:
                    text.encode(fallback)
                    return fallback
                except UnicodeEncodeError:
                    continue
        return "utf-8"


def text_part(text: str, charset: str, cte: str, subtype: str = "plain", extra: str = "") -> bytes:
    charset = safe_charset(text, charset)
    data = text.replace("\n", "\r\n").encode(charset)
    if cte == "quoted-printable":
        body = quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        body = body.replace(b"=0D\r\n", b"\r\n").replace(b"=0D=\r\n", b"=\r\n")
    elif cte == "base64":
        body = base64.encodebytes(data).replace(b"\n", b"\r\n")
    else:
        if cte == "7bit" and any(b >= 128 for b in data):
            cte = "8bit"
        body = data
    head = f"Content-Type: text/{subtype}; charset=\"{charset}\"{extra}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    return head.encode("ascii") + body.rstrip(b"\r\n") + b"\r\n"


def attachment_part(data: bytes, content_type: str, filename: str) -> bytes:
    filename = filename.replace("/", "-")
    if all(ord(c) < 128 for c in filename):
        disp = f"attachment; filename=\"{filename}\""
        ctp = f"{content_type}; name=\"{filename}\""
    else:
        enc = "".join(c if c.isascii() and (c.isalnum() or c in "-._") else "".join(f"%{b:02X}" for b in c.encode()) for c in filename)
        disp = f"attachment; filename*=UTF-8''{enc}"
        ctp = f"{content_type}; name*=UTF-8''{enc}"
    body = base64.encodebytes(data).replace(b"\n", b"\r\n")
    return (f"Content-Type: {ctp}\r\nContent-Disposition: {disp}\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            .encode("ascii") + body)


def raw_part(content_type: str, body: str) -> bytes:
    return f"Content-Type: {content_type}\r\n\r\n".encode("ascii") + body.replace("\n", "\r\n").encode("utf-8") + b"\r\n"


def multipart(subtype: str, parts: list[bytes], boundary: str, params: str = "") -> bytes:
    out = f"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"{params}\r\n\r\n".encode("ascii")
    out += b"This is a multi-part message in MIME format.\r\n"
    for p in parts:
        out += f"\r\n--{boundary}\r\n".encode("ascii") + p
    out += f"\r\n--{boundary}--\r\n".encode("ascii")
    return out


def rfc_date(t: dt.datetime) -> str:
    return email.utils.format_datetime(t)


def message(headers: list[tuple[str, str]], body_part: bytes) -> bytes:
    out = b""
    for name, value in headers:
        if not value.isascii():  # a phrase before <…> in a list header
            phrase, _, rest = value.partition(" <")
            value = encode_word(phrase, "utf-8") + (" <" + rest if rest else "")
        out += f"{name}: {value}\r\n".encode("ascii")
    out += b"MIME-Version: 1.0\r\n"
    return (out + body_part).replace(b"\r\n", b"\n")  # LF line endings, as a local delivery agent writes


def html_of(text: str, table: list[list[str]] | None = None) -> str:
    import html as h
    paras = "".join(f"<p>{h.escape(p).replace(chr(10), '<br>')}</p>\n" for p in text.split("\n\n") if p.strip())
    tab = ""
    if table:
        rows = "".join("<tr>" + "".join(f"<td style=\"padding:2px 8px\">{h.escape(c)}</td>" for c in r) + "</tr>\n" for r in table)
        tab = f"<table border=\"1\" cellspacing=\"0\">\n{rows}</table>\n"
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>body{font-family:Arial,sans-serif;"
            "font-size:10pt}</style></head><body>\n" + paras + tab + "</body></html>\n")


# ------------------------------------------------------------------------------------------------------------
# Documents: a minimal PDF writer (Helvetica, WinAnsi: English and German), UBL invoices, CSV
# ------------------------------------------------------------------------------------------------------------


def pdf_string(s: str) -> str:
    out = "("
    for b in s.encode("cp1252"):
        c = chr(b)
        if c in "()\\":
            out += "\\" + c
        elif 32 <= b < 127:
            out += c
        else:
            out += f"\\{b:03o}"
    return out + ")"


def make_pdf(lines: list[str], title: str) -> bytes:
    ops = []
    y = 800
    for i, line in enumerate(lines):
        size = 14 if i == 0 else 10
        font = "F2" if i == 0 else "F1"
        ops.append(f"BT /{font} {size} Tf 50 {y} Td {pdf_string(line)} Tj ET")
        y -= 20 if i == 0 else 14
    content = "\n".join(ops).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Title {pdf_string(title)} /Producer (Mailroom examples) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    doc_id = hashlib.md5(bytes(out)).hexdigest().upper()
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 7 0 R /ID [<{doc_id}> <{doc_id}>] >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in (bban + country + "00"))
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def iban_ok(value: str) -> bool:
    v = value.replace(" ", "")
    r = v[4:] + v[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def spaced(value: str) -> str:
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def de_vat(eight: str) -> str:
    product = 10
    for d in eight:
        s = (int(d) + product) % 10
        if s == 0:
            s = 10
        product = (2 * s) % 11
    check = 11 - product
    if check == 10:
        check = 0
    return f"DE{eight}{check}"


def gb_vat(seven: str) -> str:
    s = sum(int(d) * w for d, w in zip(seven, range(8, 1, -1)))
    check = (-s) % 97
    return f"GB{seven}{check:02d}"


def money(d: Decimal) -> str:
    return f"{d.quantize(Decimal('0.01'))}"


def fmt_en(d: Decimal) -> str:
    return f"{d.quantize(Decimal('0.01')):,}"


def fmt_de(d: Decimal) -> str:
    return f"{d.quantize(Decimal('0.01')):,}".replace(",", "X").replace(".", ",").replace("X", ".")


def ubl_invoice(inv: dict) -> bytes:
    from xml.sax.saxutils import escape as e
    lines = ""
    for i, ln in enumerate(inv["lines"], 1):
        lines += (f"  <cac:InvoiceLine><cbc:ID>{i}</cbc:ID><cbc:InvoicedQuantity unitCode=\"H87\">{ln['quantity']}"
                  f"</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID=\"{inv['currency']}\">{money(ln['line_total'])}"
                  f"</cbc:LineExtensionAmount><cac:Item><cbc:Name>{e(ln['description'])}</cbc:Name></cac:Item>"
                  f"<cac:Price><cbc:PriceAmount currencyID=\"{inv['currency']}\">{money(ln['unit_price'])}</cbc:PriceAmount>"
                  f"</cac:Price></cac:InvoiceLine>\n")
    c = inv["currency"]
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>
  <cbc:ID>{e(inv['number'])}</cbc:ID>
  <cbc:IssueDate>{inv['issue']}</cbc:IssueDate>
  <cbc:DueDate>{inv['due']}</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>{c}</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>{e(inv['seller'])}</cbc:Name></cac:PartyName>
    <cac:PartyTaxScheme><cbc:CompanyID>{inv['vat']}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyName><cbc:Name>{e(inv['buyer'])}</cbc:Name></cac:PartyName></cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>{inv['iban']}</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
  <cac:TaxTotal><cbc:TaxAmount currencyID="{c}">{money(inv['tax'])}</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="{c}">{money(inv['net'])}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="{c}">{money(inv['net'])}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="{c}">{money(inv['gross'])}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="{c}">{money(inv['gross'])}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
{lines}</Invoice>
"""
    return xml.encode("utf-8")


# ------------------------------------------------------------------------------------------------------------
# People, companies, products
# ------------------------------------------------------------------------------------------------------------

CUSTOMERS = {
    "en": [("Harbor Point Packaging Ltd", "harborpoint.example", "Leeds"), ("Crestline Automation Inc.", "crestline.example", "Columbus, OH"),
           ("Mill Creek Robotics LLC", "millcreek-robotics.example", "Madison, WI"), ("Oakridge Food Machinery Ltd", "oakridge-fm.example", "Bristol"),
           ("Tamsin Conveyors Ltd", "tamsin.example", "Glasgow"), ("Redfern Pumps Pty Ltd", "redfern-pumps.example", "Brisbane")],
    "de": [("Weserland Fördertechnik GmbH", "weserland.example", "Bremen"), ("Allgäuer Sondermaschinen KG", "allgaeu-sm.example", "Kempten"),
           ("Spree Verpackungstechnik GmbH", "spree-vt.example", "Berlin"), ("Moselblick Antriebe GmbH", "moselblick.example", "Trier"),
           ("Ruhrtal Anlagenbau AG", "ruhrtal.example", "Essen"), ("Fichtelberg Holzbearbeitung e.K.", "fichtelberg-hb.example", "Oberwiesenthal")],
    "zh": [("杭州瑞丰包装机械有限公司", "ruifeng-pack.example", "杭州"), ("东莞精达自动化设备有限公司", "jingda-auto.example", "东莞"),
           ("青岛海川输送设备有限公司", "haichuan.example", "青岛"), ("成都天府机电有限公司", "tianfu-me.example", "成都"),
           ("宁波恒远液压件有限公司", "hengyuan-hyd.example", "宁波"), ("天津北辰纺织机械有限公司", "beichen-tm.example", "天津")],
}
PEOPLE = {
    "en": [("Sarah Whitfield", "s.whitfield"), ("Marcus Delaney", "mdelaney"), ("Priya Raman", "priya.raman"), ("Tom Okafor", "tom.okafor"),
           ("Hannah Lowe", "hlowe"), ("Gavin Price", "gavin.price"), ("Olivia Brennan", "o.brennan")],
    "de": [("Katrin Vogelsang", "k.vogelsang"), ("Jürgen Mahlke", "j.mahlke"), ("Svenja Ohlsen", "svenja.ohlsen"), ("Dieter Brückner", "d.brueckner"),
           ("Aylin Demir", "a.demir"), ("Matthias Költzsch", "m.koeltzsch"), ("Ines Haberland", "i.haberland")],
    "zh": [("王丽娜", "wang.lina"), ("陈志强", "chenzq"), ("刘洋", "liuyang"), ("赵敏", "zhao.min"), ("孙建国", "sunjg"), ("周婷", "zhouting"),
           ("黄伟", "huangwei")],
}
OUR_PEOPLE = {"en": ("Lena Fischer", "l.fischer"), "de": ("Lena Fischer", "l.fischer"), "zh": ("徐晓燕", "xu.xiaoyan")}
# sku, English, German, Chinese, unit price EUR, unit (en, de, zh)
PRODUCTS = [
    ("UCP-208", "Pillow block bearing UCP 208", "Stehlagereinheit UCP 208", "带座轴承 UCP208", Decimal("18.40"), ("pcs", "Stk.", "个")),
    ("HTD-8M-30", "Timing pulley HTD 8M, 30 teeth", "Zahnriemenscheibe HTD 8M, 30 Zähne", "同步带轮 HTD 8M 30齿", Decimal("42.90"), ("pcs", "Stk.", "个")),
    ("LG-20-HA", "Linear guide rail 20 mm, 1200 mm long", "Linearführungsschiene 20 mm, Länge 1200 mm", "直线导轨 20mm 长1200mm", Decimal("96.00"), ("pcs", "Stk.", "根")),
    ("JC-42", "Jaw coupling size 42", "Klauenkupplung Größe 42", "梅花联轴器 42型", Decimal("31.75"), ("pcs", "Stk.", "套")),
    ("RWDR-45x62x8", "Radial shaft seal 45x62x8 NBR", "Radialwellendichtring 45x62x8 NBR", "骨架油封 45x62x8 丁腈橡胶", Decimal("2.15"), ("pcs", "Stk.", "个")),
    ("PG-90-10", "Planetary gearbox 90 mm, ratio 10:1", "Planetengetriebe 90 mm, Übersetzung 10:1", "行星减速机 90mm 速比10", Decimal("389.00"), ("pcs", "Stk.", "台")),
    ("NK-25-20", "Needle roller bearing NK 25/20", "Nadellager NK 25/20", "滚针轴承 NK25/20", Decimal("6.80"), ("pcs", "Stk.", "个")),
    ("KR-32", "Cam follower KR 32", "Kurvenrolle KR 32", "凸轮随动器 KR32", Decimal("14.20"), ("pcs", "Stk.", "个")),
    ("GE-30-ES", "Spherical plain bearing GE 30 ES", "Gelenklager GE 30 ES", "关节轴承 GE30ES", Decimal("22.60"), ("pcs", "Stk.", "个")),
    ("7208-BEP", "Angular contact ball bearing 7208 BEP", "Schrägkugellager 7208 BEP", "角接触球轴承 7208BEP", Decimal("27.30"), ("pcs", "Stk.", "个")),
    ("TB-8M-1200", "Timing belt 8M, 1200 mm, 30 mm wide", "Zahnriemen 8M, 1200 mm, 30 mm breit", "同步带 8M 1200mm 宽30mm", Decimal("38.50"), ("pcs", "Stk.", "条")),
]

LANGS = ["en", "de", "zh"]
CHARSETS = {"en": [("utf-8", "quoted-printable"), ("us-ascii", "7bit"), ("utf-8", "base64"), ("utf-8", "8bit")],
            "de": [("iso-8859-1", "quoted-printable"), ("iso-8859-15", "quoted-printable"), ("utf-8", "quoted-printable"), ("utf-8", "8bit")],
            "zh": [("gb2312", "base64"), ("gbk", "base64"), ("utf-8", "base64"), ("gb18030", "base64")]}


class Ctx:
    """Per-example state: a seeded random generator, the language, a timestamp and an identity."""

    def __init__(self, kind: str, n: int, lang: str):
        self.kind, self.n, self.lang = kind, n, lang
        self.rng = random.Random(f"{kind}/{n}/{lang}")
        self.time = T0 + dt.timedelta(days=3 * n + KINDS.index(kind), hours=self.rng.randint(0, 9),
                                      minutes=self.rng.randint(0, 59), seconds=self.rng.randint(0, 59))
        self.charset, self.cte = CHARSETS[lang][n % len(CHARSETS[lang])]
        self.customer = CUSTOMERS[lang][(n + KINDS.index(kind)) % len(CUSTOMERS[lang])]
        self.person = PEOPLE[lang][(n * 3 + KINDS.index(kind)) % len(PEOPLE[lang])]

    def pick(self, options):
        return options[self.rng.randrange(len(options))]

    def mid(self, domain: str) -> str:
        h = hashlib.sha1(f"{self.kind}{self.n}{self.lang}".encode()).hexdigest()[:16]
        return f"{h}.{self.n}@{domain}"

    @property
    def sender(self) -> str:
        return f"{self.person[1]}@{self.customer[1]}"

    def headers(self, subject: str, frm: str, to: str, extra: list[tuple[str, str]] = (), domain: str | None = None,
                method: str | None = None) -> list[tuple[str, str]]:
        cs = self.charset if self.charset != "us-ascii" else "utf-8"
        cs = safe_charset(subject, cs)
        m = method or ("B" if self.lang == "zh" else "Q")
        h = [("Return-Path", f"<{frm.split('<')[-1].rstrip('>')}>"),
             ("From", frm), ("To", to), ("Subject", encode_word(subject, cs, m)), ("Date", rfc_date(self.time)),
             ("Message-ID", f"<{self.mid(domain or frm.split('@')[-1].rstrip('>'))}>")]
        return h + list(extra)


def us_addr(local: str = "sales", lang: str = "en") -> str:
    names = {"sales": {"en": "Brightwater Sales", "de": "Brightwater Vertrieb", "zh": "明水销售部"},
             "service": {"en": "Brightwater Service", "de": "Brightwater Service", "zh": "明水售后服务"},
             "ap": {"en": "Brightwater Accounts Payable", "de": "Brightwater Kreditorenbuchhaltung", "zh": "明水财务部"},
             "orders": {"en": "Brightwater Order Desk", "de": "Brightwater Auftragsannahme", "zh": "明水订单处理"},
             "mailroom": {"en": "Brightwater Mailroom", "de": "Brightwater Mailroom", "zh": "Brightwater Mailroom"}}
    name = names.get(local, {}).get(lang, "Brightwater")
    return address(name, f"{local}@{US[1]}", "utf-8")


GREET = {"en": ["Hello,", "Hi team,", "Dear Sir or Madam,", "Good morning,", "Dear Ms Fischer,", "Hi Lena,"],
         "de": ["Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo Frau Fischer,", "Moin,", "Liebe Kolleginnen und Kollegen,"],
         "zh": ["您好！", "徐经理，您好：", "各位好，", "尊敬的明水公司：", "徐小姐好，"]}
CLOSE = {"en": ["Best regards", "Kind regards", "Thanks", "Many thanks and best wishes", "Cheers"],
         "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Freundliche Grüße aus dem Norden"],
         "zh": ["此致\n敬礼", "谢谢！", "顺祝商祺", "祝好"]}


def signature(c: Ctx) -> str:
    name, _ = c.person
    company, domain, city = c.customer
    phone = {"en": "+44 113 496 0", "de": "+49 421 555 0", "zh": "+86 571 8888 "}[c.lang] + f"{c.rng.randint(100, 999)}"
    return f"{c.pick(CLOSE[c.lang])}\n{name}\n-- \n{name}\n{company}, {city}\nTel. {phone}\n{c.sender}\n"


def pick_lines(c: Ctx, count: int) -> list[dict]:
    chosen = c.rng.sample(PRODUCTS, count)
    out = []
    for sku, en, de, zh, price, units in chosen:
        qty = c.pick([4, 10, 12, 20, 24, 25, 40, 50, 60, 100, 120, 200, 250, 500])
        li = LANGS.index(c.lang)
        out.append({"sku": sku, "description": (en, de, zh)[li], "quantity": qty, "unit": units[li], "price": price})
    return out


# ------------------------------------------------------------------------------------------------------------
# quote_request
# ------------------------------------------------------------------------------------------------------------


def quote_request(c: Ctx) -> tuple[bytes, dict, list]:
    company, domain, city = c.customer
    lines = pick_lines(c, c.rng.randint(1, 4))
    ref = c.pick(["RFQ-{y}-{n:03d}", "ANF-{n:04d}", "{n:05d}", "RFQ{y}{n:04d}"]).format(y=2026, n=c.rng.randint(1, 9999))
    has_ref = c.n % 3 != 2
    delivery = (c.time + dt.timedelta(days=c.rng.randint(20, 60))).date()
    has_date = c.n % 2 == 0
    variant = c.n % 3
    L = c.lang
    table = []
    listing = ""
    for i, ln in enumerate(lines, 1):
        if L == "en":
            listing += f"  {i}. {ln['quantity']} {ln['unit']}  {ln['description']} (part no. {ln['sku']})\n"
        elif L == "de":
            listing += f"  Pos. {i}: {ln['quantity']} {ln['unit']} {ln['description']}, Art.-Nr. {ln['sku']}\n"
        else:
            listing += f"  {i}、{ln['description']}（型号 {ln['sku']}），数量 {ln['quantity']}{ln['unit']}\n"
        table.append([str(i), ln["sku"], ln["description"], str(ln["quantity"]), ln["unit"]])
    d_en = delivery.strftime("%d %B %Y").lstrip("0")
    d_de = delivery.strftime("%d.%m.%Y")
    d_zh = f"{delivery.year}年{delivery.month}月{delivery.day}日"
    if L == "en":
        subject = c.pick([f"Request for quotation {ref}" if has_ref else "Request for quotation",
                          f"RFQ: {lines[0]['description']}" + (f" ({ref})" if has_ref else ""),
                          "Price enquiry" + (f" – our ref. {ref}" if has_ref else "") ,
                          "Could you quote us for the parts below?" + (f" [{ref}]" if has_ref else "")])
        opening = c.pick(["we are planning a retrofit of our packaging line and would like to receive your best offer for the following items:",
                          "please send us a quotation for the items listed below, including delivery time and shipping costs:",
                          "could you let me have prices and lead times for these parts?",
                          "for a new customer project we need a quote on the following:"])
        body = f"{c.pick(GREET['en'])}\n\n{opening}\n\n{listing}\n"
        if has_ref:
            body += f"Please quote our reference {ref} on your offer.\n"
        if has_date:
            body += f"We would need the goods delivered to {city} by {d_en} at the latest.\n"
        body += c.pick(["Prices ex works, please, and let us know your payment terms.\n",
                        "If you have an alternative with shorter lead time, please include it as an option.\n",
                        "A volume discount for the larger quantities would be appreciated.\n", ""])
        body += "\n" + signature(c)
    elif L == "de":
        subject = c.pick([f"Anfrage {ref}" if has_ref else "Angebotsanfrage",
                          "Bitte um Angebot: " + lines[0]["description"],
                          "Preisanfrage" + (f" {ref}" if has_ref else "") + f" – {company}",
                          "Anfrage Ersatzteile" + (f", unser Zeichen {ref}" if has_ref else "")])
        opening = c.pick(["wir bitten um Ihr Angebot für die folgenden Positionen:",
                          "für ein laufendes Instandhaltungsprojekt benötigen wir ein Angebot über:",
                          "bitte senden Sie uns Ihr Angebot inkl. Lieferzeit und Versandkosten für folgende Artikel:",
                          "können Sie uns kurzfristig Preise für diese Teile nennen?"])
        body = f"{c.pick(GREET['de'])}\n\n{opening}\n\n{listing}\n"
        if has_ref:
            body += f"Bitte geben Sie in Ihrem Angebot unser Zeichen {ref} an.\n"
        if has_date:
            body += f"Gewünschter Liefertermin: {d_de} frei Haus {city}.\n"
        body += c.pick(["Zahlungsbedingungen bitte wie gewohnt 30 Tage netto.\n", "Über einen Mengenrabatt würden wir uns freuen.\n",
                        "Falls ein Artikel nicht lieferbar ist, nennen Sie uns gern eine Alternative.\n", ""])
        body += "\n" + signature(c)
    else:
        subject = c.pick([f"询价：{lines[0]['description']}" + (f"（{ref}）" if has_ref else ""),
                          "报价请求" + (f" {ref}" if has_ref else ""),
                          f"请报价 - {company}", "询价单" + (f"编号{ref}" if has_ref else "")])
        opening = c.pick(["我司因设备改造需要，现就以下产品向贵司询价：", "请贵司就以下物料报价，并注明交货期和运费：",
                          "麻烦帮忙报一下以下几个型号的价格和货期：", "我们新项目需要采购下列零件，请尽快报价："])
        body = f"{c.pick(GREET['zh'])}\n\n{opening}\n\n{listing}\n"
        if has_ref:
            body += f"请在报价单上注明我方询价单号 {ref}。\n"
        if has_date:
            body += f"要求交货日期：{d_zh}前送达{city}工厂。\n"
        body += c.pick(["报价请含13%增值税及运费。\n", "如有替代型号也请一并报价。\n", "量大的话请给个优惠价。\n", ""])
        body += "\n" + signature(c)

    frm = address(c.person[0], c.sender, c.charset if c.charset != "us-ascii" else "utf-8")
    attachments = []
    if variant == 1 and L in ("en", "de"):
        pdf_lines = [("Request for Quotation" if L == "en" else "Anfrage"), company + ", " + city,
                     (f"Reference: {ref}" if L == "en" else f"Unser Zeichen: {ref}") if has_ref else "", ""]
        pdf_lines += [f"{i}. {ln['sku']}  {ln['description']}  {ln['quantity']} {ln['unit']}" for i, ln in enumerate(lines, 1)]
        if has_date:
            pdf_lines.append(("Requested delivery date: " + d_en) if L == "en" else ("Liefertermin: " + d_de))
        attachments.append(attachment_part(make_pdf(pdf_lines, subject), "application/pdf",
                                           ("RFQ_" if L == "en" else "Anfrage_") + (ref if has_ref else "items") + ".pdf"))
        body = body.replace(listing, listing + ("\n(The same list is in the attached PDF.)\n" if L == "en" else "\n(Die Liste finden Sie auch im Anhang.)\n"))
    if variant == 2:
        text = text_part(body, c.charset, c.cte)
        htm = text_part(html_of(body.split("-- \n")[0], table), "utf-8", "quoted-printable", "html")
        part = multipart("alternative", [text, htm], f"=_alt_{c.kind}_{c.n}")
    else:
        part = text_part(body, c.charset, c.cte)
    if attachments:
        part = multipart("mixed", [part] + attachments, f"=_mix_{c.kind}_{c.n}")
    msg = message(c.headers(subject, frm, us_addr("sales", L)), part)
    fields = {"customer_company": company, "contact_email": c.sender,
              "lines": [{"sku": ln["sku"], "description": ln["description"], "quantity": ln["quantity"], "unit": ln["unit"]} for ln in lines]}
    if has_ref:
        fields["reference"] = ref
    if has_date:
        fields["delivery_date"] = delivery.isoformat()
    return msg, fields, []


# ------------------------------------------------------------------------------------------------------------
# support_ticket
# ------------------------------------------------------------------------------------------------------------

PROBLEMS = {
    "en": [("is running very noisy after only {h} operating hours", "normal"),
           ("failed completely this morning and our line has been down since 6 am", "urgent"),
           ("shows heavy wear on the raceway; we suspect a material defect", "high"),
           ("was delivered with a damaged housing (see photo)", "normal"),
           ("is leaking oil at the output shaft", "high")],
    "de": [("läuft nach nur {h} Betriebsstunden sehr laut", "normal"),
           ("ist heute früh komplett ausgefallen, die Anlage steht seitdem still", "urgent"),
           ("zeigt starken Verschleiß an der Laufbahn, wir vermuten einen Materialfehler", "high"),
           ("wurde mit beschädigtem Gehäuse geliefert (Foto anbei)", "normal"),
           ("verliert Öl an der Abtriebswelle", "high")],
    "zh": [("运行仅{h}小时后噪音明显增大", "normal"),
           ("今天早上突然损坏，生产线已经停产", "urgent"),
           ("滚道磨损严重，怀疑材料有问题", "high"),
           ("到货时外壳已破损（见附件照片）", "normal"),
           ("输出轴处漏油", "high")],
}


def support_ticket(c: Ctx) -> tuple[bytes, dict, list]:
    L = c.lang
    li = LANGS.index(L)
    prod = c.pick(PRODUCTS)
    product = (prod[1], prod[2], prod[3])[li]
    order = c.pick(["SO-2026-{0:05d}", "AB-{0:06d}", "4711-{0:04d}", "WO{0:06d}"]).format(c.rng.randint(100, 99999))
    problem, severity = c.pick(PROBLEMS[L])
    problem = problem.format(h=c.pick([80, 150, 300, 600]))
    variant = c.n % 3
    reply = variant == 2
    ticket = f"BW-T-{20000 + c.rng.randint(0, 999)}"
    if L == "en":
        subject = c.pick([f"Problem with {product} from order {order}", f"Complaint: {product} {problem.split(' ')[1]} {problem.split(' ')[2]}",
                          f"URGENT – {product} failure" if severity == "urgent" else f"Warranty claim – order {order}",
                          f"Defective part delivered ({order})"])
        body = (f"{c.pick(GREET['en'])}\n\nthe {product} (part no. {prod[0]}) we received with order {order} {problem}.\n\n"
                + c.pick(["Could you please send a technician or a replacement as soon as possible?",
                          "Please advise how to proceed with the warranty claim. I can send the part back for inspection.",
                          "We need a replacement urgently and an explanation of the root cause.",
                          "Is this a known issue? What do you recommend?"]) + "\n\n" + signature(c))
        if reply:
            subject = f"RE: [{ticket}] " + subject
            body = (f"{c.pick(GREET['en'])}\n\nany news on this? The replacement has not arrived yet and the {product} is still causing trouble.\n\n"
                    + signature(c) + f"\nFrom: Brightwater Service <service@{US[1]}>\nSent: Monday, 2 November 2026 10:14\n"
                    f"To: {c.person[0]}\nSubject: [{ticket}] {product}\n\nDear {c.person[0].split()[0]},\n\nthank you for your report. "
                    f"We have opened ticket {ticket} and will get back to you shortly.\n\nBrightwater Service\n")
    elif L == "de":
        subject = c.pick([f"Reklamation {product}, Auftrag {order}", f"Störung an {product}", f"Defekte Lieferung zu {order}",
                          f"DRINGEND: Ausfall {product}" if severity == "urgent" else f"Gewährleistung {product}"])
        body = (f"{c.pick(GREET['de'])}\n\nder/die {product} (Art.-Nr. {prod[0]}) aus unserer Bestellung {order} {problem}.\n\n"
                + c.pick(["Bitte schicken Sie uns umgehend Ersatz oder einen Servicetechniker.",
                          "Wie gehen wir bei der Gewährleistung vor? Das Teil können wir gerne zur Prüfung zurückschicken.",
                          "Wir bitten um schnelle Rückmeldung und eine Ursachenanalyse.",
                          "Ist das Problem bei Ihnen bekannt? Was empfehlen Sie?"]) + "\n\n" + signature(c))
        if reply:
            subject = f"AW: [{ticket}] " + subject
            body = (f"{c.pick(GREET['de'])}\n\ngibt es hierzu schon Neuigkeiten? Das Ersatzteil ist noch nicht da, die Anlage läuft nur eingeschränkt.\n\n"
                    + signature(c) + f"\nVon: Brightwater Service <service@{US[1]}>\nGesendet: Montag, 2. November 2026 10:14\n"
                    f"An: {c.person[0]}\nBetreff: [{ticket}] {product}\n\nGuten Tag,\n\nvielen Dank für Ihre Meldung. "
                    f"Wir haben das Ticket {ticket} angelegt und melden uns in Kürze.\n\nIhr Brightwater Service\n")
    else:
        subject = c.pick([f"售后问题：{product}（订单{order}）", f"故障报修 - {product}", f"投诉：{order}到货质量问题",
                          f"紧急！{product}损坏导致停产" if severity == "urgent" else f"质保申请 {product}"])
        body = (f"{c.pick(GREET['zh'])}\n\n我司订单{order}采购的{product}（型号{prod[0]}）{problem}。\n\n"
                + c.pick(["请尽快安排技术人员上门或寄送备件。", "请告知质保索赔的流程，我们可以把零件寄回检测。",
                          "请尽快回复并给出原因分析。", "请问这是已知问题吗？有什么建议？"]) + "\n\n" + signature(c))
        if reply:
            subject = f"回复：[{ticket}] " + subject
            body = (f"{c.pick(GREET['zh'])}\n\n请问这个问题有进展了吗？备件还没有收到，设备只能低速运行。\n\n" + signature(c)
                    + f"\n------------------ 原始邮件 ------------------\n发件人: 明水售后服务 <service@{US[1]}>\n发送时间: 2026年11月2日 10:14\n"
                    f"主题: [{ticket}] {product}\n\n您好，感谢您的反馈，我们已创建工单{ticket}，会尽快处理。\n")
    frm = address(c.person[0], c.sender, c.charset if c.charset != "us-ascii" else "utf-8")
    part = text_part(body, c.charset, c.cte)
    if variant == 1:
        png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        part = multipart("mixed", [part, attachment_part(png, "image/png", f"photo_{prod[0]}.png")], f"=_mix_{c.kind}_{c.n}")
    extra = []
    if reply:
        extra = [("In-Reply-To", f"<ticket.{ticket}@{US[1]}>"), ("References", f"<ticket.{ticket}@{US[1]}>")]
    msg = message(c.headers(subject, frm, us_addr("service", L), extra), part)
    fields = {"customer_email": c.sender, "product": product, "order_reference": order, "severity": severity}
    return msg, fields, []


# ------------------------------------------------------------------------------------------------------------
# approval
# ------------------------------------------------------------------------------------------------------------


def approval(c: Ctx) -> tuple[bytes, dict, list]:
    L = c.lang
    approve = c.n % 3 != 1
    use_po = c.n % 5 == 4
    ref = f"PO-{4700 + c.rng.randint(0, 299)}" if use_po else f"APR-2026-{c.rng.randint(40, 199):04d}"
    approver_name, approver_local = c.pick(PEOPLE[L])
    approver = f"{approver_local}@{US[1]}"
    amount = Decimal(c.rng.randint(1200, 90000)) + Decimal(c.rng.randint(0, 99)) / 100
    what = c.pick({"en": [f"quotation Q-2026-{c.rng.randint(1200, 1999)} for {c.pick(CUSTOMERS['en'])[0]}", "purchase requisition for spare parts",
                          "special discount of 8% for a framework customer", "supplier invoice above the approval limit"],
                   "de": [f"Angebot Q-2026-{c.rng.randint(1200, 1999)} für {c.pick(CUSTOMERS['de'])[0]}", "Bestellanforderung Ersatzteile",
                          "Sonderrabatt 6 % für Rahmenvertragskunden", "Lieferantenrechnung über dem Freigabelimit"],
                   "zh": [f"报价单 Q-2026-{c.rng.randint(1200, 1999)}（{c.pick(CUSTOMERS['zh'])[0]}）", "备件采购申请",
                          "框架客户特殊折扣8%", "超过审批额度的供应商发票"]}[L])
    if L == "en":
        asked = f"Approval needed: {what} – EUR {fmt_en(amount)} [{ref}]"
        subject = c.pick(["Re: ", "RE: ", "Re: "]) + asked
        yes = c.pick(["Approved.", "Approved – go ahead.", "OK, approved. Thanks for checking.", "Yes, approved. Please send it today.",
                      "I approve this request."])
        no = c.pick(["Rejected. The margin is too low, please renegotiate.", "Rejected – we agreed to stay below 5% discount this quarter.",
                     "Not approved. Please get a second quote first.", "Declined, sorry. Budget is frozen until January."])
        head = f"{yes if approve else no}\n\n{approver_name.split()[0]}\n\nSent from my phone\n\n"
        quoted = (f"On {rfc_date(c.time - dt.timedelta(hours=3))}, Brightwater Mailroom <mailroom@{US[1]}> wrote:\n"
                  f"> Please approve or reject the following request.\n>\n> Reference: {ref}\n> Subject: {what}\n"
                  f"> Amount: EUR {fmt_en(amount)}\n>\n> Reply with \"Approved\" or \"Rejected\" and keep the reference in the subject.\n")
    elif L == "de":
        asked = f"Freigabe erforderlich: {what} – {fmt_de(amount)} EUR [{ref}]"
        subject = c.pick(["AW: ", "Aw: ", "WG: " if False else "AW: "]) + asked
        yes = c.pick(["Freigegeben.", "Genehmigt, bitte so verschicken.", "Ist freigegeben. Danke!", "Einverstanden – freigegeben.", "Passt, Freigabe erteilt."])
        no = c.pick(["Abgelehnt. Die Marge reicht nicht, bitte nachverhandeln.", "Abgelehnt – bitte erst ein Vergleichsangebot einholen.",
                     "Nicht freigegeben, das Budget ist ausgeschöpft.", "Leider abgelehnt, wir besprechen das am Montag."])
        head = f"{yes if approve else no}\n\nGruß\n{approver_name}\n\n"
        quoted = (f"-----Ursprüngliche Nachricht-----\nVon: Brightwater Mailroom <mailroom@{US[1]}>\n"
                  f"Gesendet: {(c.time - dt.timedelta(hours=2)).strftime('%d.%m.%Y %H:%M')}\nAn: {approver_name} <{approver}>\n"
                  f"Betreff: {asked}\n\nBitte geben Sie folgenden Vorgang frei oder lehnen Sie ihn ab.\n\nReferenz: {ref}\n"
                  f"Vorgang: {what}\nBetrag: {fmt_de(amount)} EUR\n\nAntworten Sie mit \"Freigegeben\" oder \"Abgelehnt\".\n")
    else:
        asked = f"待审批：{what} ¥{fmt_en(amount * 8)} [{ref}]"
        subject = c.pick(["回复：", "回复: ", "答复："]) + asked
        yes = c.pick(["同意。", "批准，请尽快执行。", "同意，按此办理。", "已审批，同意。"])
        no = c.pick(["不同意，价格太高，请重新谈判。", "驳回。请先补充比价资料。", "不批准，本月预算已用完。", "驳回，下周再议。"])
        head = f"{yes if approve else no}\n\n{approver_name}\n\n"
        quoted = (f"------------------ 原始邮件 ------------------\n发件人: \"Brightwater Mailroom\" <mailroom@{US[1]}>\n"
                  f"发送时间: {c.time.year}年{c.time.month}月{c.time.day}日 09:12\n收件人: \"{approver_name}\" <{approver}>\n主题: {asked}\n\n"
                  f"请审批以下事项：\n编号：{ref}\n事项：{what}\n金额：¥{fmt_en(amount * 8)}\n\n请回复“同意”或“不同意”，并保留主题中的编号。\n")
    body = head + quoted
    frm = address(approver_name, approver, c.charset if c.charset != "us-ascii" else "utf-8")
    part = text_part(body, c.charset, c.cte)
    notification = f"approval.{ref.lower()}@{US[1]}"
    extra = [("In-Reply-To", f"<{notification}>"), ("References", f"<{notification}>")]
    msg = message(c.headers(subject, frm, us_addr("mailroom", L), extra, domain=US[1]), part)
    fields = {"decision": "approve" if approve else "reject", "reference": ref, "approver": approver}
    return msg, fields, []


# ------------------------------------------------------------------------------------------------------------
# invoice
# ------------------------------------------------------------------------------------------------------------

SUPPLIERS = {
    "en": [("Northwind Freight Ltd", "northwind-freight.example", "GB", "NWBK60161331926819", "1234567", "Freight Leeds–Hamburg, consolidated"),
           ("Sterling Tooling plc", "sterling-tooling.example", "GB", "BARC20038044391557", "7654321", "Regrinding of broaching tools"),
           ("Bluegate IT Services Ltd", "bluegate-it.example", "GB", "MIDL40051512345674", "3141592", "Managed firewall service, monthly fee")],
    "de": [("Alster Spedition GmbH", "alster-spedition.example", "DE", "200505501234567890", "12345678", "Frachtkosten Sammelladung"),
           ("Heider Zerspanung GmbH", "heider-zerspanung.example", "DE", "370400440532013000", "27182818", "Lohnfertigung Drehteile"),
           ("Lüneburger Verpackung GmbH", "lg-verpackung.example", "DE", "240501100065432100", "31415926", "Faltkartons 400x300x200"),
           ("Wendland Energie AG", "wendland-energie.example", "DE", "258501100000123456", "16180339", "Strom Abrechnungszeitraum Oktober")],
    "zh": [("苏州博远精密铸造有限公司", "boyuan-casting.example", "DE", "514108000123456789", "", "轴承座铸件"),
           ("无锡华盛轴承有限公司", "huasheng-bearing.example", "DE", "500700100987654321", "", "深沟球轴承套圈"),
           ("上海申通国际物流有限公司", "shentong-intl.example", "DE", "100500000190283746", "", "上海至汉堡海运费")],
}


def invoice(c: Ctx) -> tuple[bytes, dict, list]:
    L = c.lang
    seller, sdomain, country, bban, vatdigits, item = SUPPLIERS[L][c.n % len(SUPPLIERS[L])]
    acct = iban(country, bban)
    vat = (gb_vat(vatdigits) if country == "GB" else de_vat(vatdigits)) if vatdigits else None
    currency = {"en": c.pick(["GBP", "EUR"]), "de": "EUR", "zh": c.pick(["EUR", "CNY"])}[L]
    rate = {"en": Decimal("0.20"), "de": Decimal("0.19"), "zh": Decimal("0.13")}[L]
    nlines = c.rng.randint(1, 3)
    lines = []
    for k in range(nlines):
        qty = c.pick([1, 2, 5, 10, 40, 100, 250])
        unit_price = (Decimal(c.rng.randint(500, 90000)) / 100).quantize(Decimal("0.01"))
        desc = item if k == 0 else c.pick({"en": ["Handling fee", "Express surcharge", "Inspection report"],
                                           "de": ["Verpackungspauschale", "Expresszuschlag", "Prüfprotokoll"],
                                           "zh": ["包装费", "加急费", "检验报告"]}[L])
        lines.append({"description": desc, "quantity": qty, "unit_price": unit_price, "line_total": unit_price * qty})
    net = sum((ln["line_total"] for ln in lines), Decimal("0"))
    tax = (net * rate).quantize(Decimal("0.01"))
    gross = net + tax
    number = c.pick({"en": ["INV-{0:06d}", "SI{0:07d}", "2026/{0:05d}"], "de": ["RE-2026-{0:05d}", "R{0:08d}", "2026-{0:05d}"],
                     "zh": ["FP2026{0:06d}", "INV-SZ-{0:05d}", "{0:08d}"]}[L]).format(c.rng.randint(1, 99999))
    issue = c.time.date()
    due = issue + dt.timedelta(days=c.pick([14, 30, 30, 45]))
    has_due = c.n % 4 != 3
    buyer = US[0] if L != "zh" else c.pick([US[0], "明水精密部件（苏州）有限公司"])
    inv = {"number": number, "issue": issue.isoformat(), "due": due.isoformat(), "seller": seller, "buyer": buyer, "currency": currency,
           "net": net, "tax": tax, "gross": gross, "iban": acct, "vat": vat or "", "lines": lines}
    cur = {"EUR": "€", "GBP": "£", "CNY": "¥"}[currency]
    variant = c.n % 3
    if L == "en":
        fmt = fmt_en
        doc = [f"INVOICE {number}", seller, f"VAT reg. no. {vat}", f"Bill to: {buyer}, Hamburg, Germany",
               f"Invoice date: {issue.strftime('%d %b %Y')}"] + ([f"Due date: {due.strftime('%d %b %Y')}"] if has_due else []) + [""]
        doc += [f"{ln['quantity']} x {ln['description']} @ {cur}{fmt(ln['unit_price'])} = {cur}{fmt(ln['line_total'])}" for ln in lines]
        doc += ["", f"Net total: {cur}{fmt(net)}", f"VAT {int(rate * 100)}%: {cur}{fmt(tax)}", f"Total due: {cur}{fmt(gross)} ({currency})",
                f"Please pay to IBAN {spaced(acct)}"]
        subject = c.pick([f"Invoice {number} from {seller}", f"{seller}: invoice {number}", f"Your invoice {number} is ready",
                          f"Invoice {number} – {item}"])
        intro = c.pick(["please find attached our invoice", "attached is invoice", "here is our invoice"])
        body = (f"{c.pick(GREET['en'])}\n\n{intro} {number} dated {issue.strftime('%d %B %Y')} for {currency} {fmt(gross)}"
                f" ({item}).\n" + (f"Payment is due by {due.strftime('%d %B %Y')}.\n" if has_due else "")
                + f"Bank details: IBAN {spaced(acct)}.\n\nThank you for your business.\n\n{seller}\nAccounts Receivable\n")
    elif L == "de":
        fmt = fmt_de
        doc = [f"Rechnung Nr. {number}", seller, f"USt-IdNr. {vat}", f"Rechnungsempfänger: {buyer}, Hamburg",
               f"Rechnungsdatum: {issue.strftime('%d.%m.%Y')}"] + ([f"Fällig am: {due.strftime('%d.%m.%Y')}"] if has_due else []) + [""]
        doc += [f"{ln['quantity']} x {ln['description']} à {fmt(ln['unit_price'])} EUR = {fmt(ln['line_total'])} EUR" for ln in lines]
        doc += ["", f"Nettobetrag: {fmt(net)} EUR", f"zzgl. 19 % USt.: {fmt(tax)} EUR", f"Rechnungsbetrag: {fmt(gross)} EUR",
                f"Bankverbindung: IBAN {spaced(acct)}"]
        subject = c.pick([f"Rechnung {number}", f"Ihre Rechnung {number} von {seller}", f"Rechnung Nr. {number} – {item}",
                          f"{seller}: Rechnung {number}"])
        body = (f"{c.pick(GREET['de'])}\n\nanbei erhalten Sie unsere Rechnung {number} vom {issue.strftime('%d.%m.%Y')} über "
                f"{fmt(gross)} EUR brutto.\n" + (f"Zahlbar bis {due.strftime('%d.%m.%Y')} ohne Abzug.\n" if has_due else "")
                + f"IBAN: {spaced(acct)}\n\nMit freundlichen Grüßen\nBuchhaltung {seller}\n")
    else:
        fmt = fmt_en
        lines_txt = "\n".join(f"  {ln['description']}  数量 {ln['quantity']}  单价 {fmt(ln['unit_price'])}  金额 {fmt(ln['line_total'])}" for ln in lines)
        subject = c.pick([f"发票 {number}（{seller}）", f"{seller}开具的发票{number}", f"请查收发票 {number}", f"账单/发票通知 {number}"])
        body = (f"{c.pick(GREET['zh'])}\n\n附件为我司开具的发票，详情如下：\n\n发票号码：{number}\n开票日期：{issue.year}年{issue.month}月{issue.day}日\n"
                + (f"付款期限：{due.year}年{due.month}月{due.day}日\n" if has_due else "")
                + f"销售方：{seller}\n购买方：{buyer}\n币种：{currency}\n\n{lines_txt}\n\n"
                f"不含税金额：{fmt(net)}\n税额（13%）：{fmt(tax)}\n价税合计：{fmt(gross)} {currency}\n\n"
                f"收款账户：中国银行法兰克福分行  IBAN {spaced(acct)}\n\n请按期付款，谢谢！\n{seller} 财务部\n")
        doc = []
    frm = address(c.pick({"en": ["Accounts Receivable", "Billing"], "de": ["Buchhaltung", "Rechnungsversand"], "zh": ["财务部", "开票组"]}[L]) + " " + seller.split()[0],
                  f"{c.pick(['billing', 'invoices', 'rechnung', 'accounts'])}@{sdomain}", c.charset if c.charset != "us-ascii" else "utf-8")
    part = text_part(body, c.charset, c.cte)
    bare = None
    if L == "de" and variant == 1:
        part = multipart("mixed", [part, attachment_part(ubl_invoice(inv), "application/xml", f"xrechnung_{number}.xml")], f"=_mix_{c.kind}_{c.n}")
    elif L == "zh" and variant == 1:
        csv = "\ufeff描述,数量,单价,金额\n" + "".join(f"{ln['description']},{ln['quantity']},{money(ln['unit_price'])},{money(ln['line_total'])}\n" for ln in lines)
        part = multipart("mixed", [part, attachment_part(csv.encode("utf-8"), "text/csv", f"发票明细_{number}.csv")], f"=_mix_{c.kind}_{c.n}")
    elif doc:
        pdf = make_pdf(doc, subject)
        part = multipart("mixed", [part, attachment_part(pdf, "application/pdf", f"{'Invoice' if L == 'en' else 'Rechnung'}_{number}.pdf")],
                         f"=_mix_{c.kind}_{c.n}")
        if variant == 2 and L == "de":
            bare = ("pdf", pdf)
    msg = message(c.headers(subject, frm, us_addr("ap", L)), part)
    fields = {"invoice_number": number, "issue_date": issue.isoformat(), "seller": seller, "buyer": buyer, "currency": currency,
              "net_total": money(net), "tax_total": money(tax), "gross_total": money(gross), "iban": acct,
              "lines": [{"description": ln["description"], "quantity": ln["quantity"], "unit_price": money(ln["unit_price"]),
                         "line_total": money(ln["line_total"])} for ln in lines]}
    if has_due:
        fields["due_date"] = due.isoformat()
    if vat:
        fields["seller_vat_id"] = vat
    extras = []
    if bare:
        extras.append((f"rechnung-{number}.pdf", bare[1], fields))
    if L == "en" and variant == 0:
        extras.append((f"invoice-{number}.xml", ubl_invoice(inv), fields))
    return msg, fields, extras


# ------------------------------------------------------------------------------------------------------------
# purchase_order
# ------------------------------------------------------------------------------------------------------------


def purchase_order(c: Ctx) -> tuple[bytes, dict, list]:
    L = c.lang
    company, domain, city = c.customer
    lines = pick_lines(c, c.rng.randint(1, 4))
    currency = {"en": c.pick(["EUR", "USD", "GBP"]), "de": "EUR", "zh": c.pick(["CNY", "EUR"])}[L]
    factor = {"EUR": Decimal(1), "USD": Decimal("1.08"), "GBP": Decimal("0.86"), "CNY": Decimal("7.8")}[currency]
    for ln in lines:
        ln["unit_price"] = (ln["price"] * factor).quantize(Decimal("0.01"))
    total = sum((ln["unit_price"] * ln["quantity"] for ln in lines), Decimal("0"))
    number = c.pick({"en": ["PO-{0:05d}", "PO{0:07d}", "4500{0:06d}"], "de": ["4500{0:06d}", "B-2026-{0:04d}", "BE{0:06d}"],
                     "zh": ["PO2026{0:05d}", "CG-{0:06d}", "{0:010d}"]}[L]).format(c.rng.randint(1, 99999))
    odate = c.time.date()
    has_date = c.n % 3 != 2
    quote = f"Q-2026-{c.rng.randint(1200, 1999)}"
    variant = c.n % 3
    fmt = fmt_de if L == "de" else fmt_en
    if L == "en":
        rows = "\n".join(f"  {i}. {ln['sku']}  {ln['description']}  qty {ln['quantity']} @ {currency} {fmt(ln['unit_price'])}" for i, ln in enumerate(lines, 1))
        subject = c.pick([f"Purchase order {number}", f"PO {number} – {company}", f"Order {number} based on your quote {quote}", f"New order: {number}"])
        body = (f"{c.pick(GREET['en'])}\n\n" + c.pick([f"please accept our purchase order {number} based on your quotation {quote}:",
                                                      f"we hereby order the following (our PO {number}):",
                                                      f"attached and below is PO {number}. Please confirm delivery date."]) +
                f"\n\n{rows}\n\nOrder total: {currency} {fmt(total)} (excl. VAT)\n" + (f"Order date: {odate.strftime('%d %B %Y')}\n" if has_date else "")
                + f"Deliver to: {company}, Goods-in, {city}\nPlease send the order confirmation to {c.sender}.\n\n" + signature(c))
        doc = [f"PURCHASE ORDER {number}", company] + ([f"Date: {odate.strftime('%d %b %Y')}"] if has_date else []) + [""] + \
              [f"{ln['sku']} {ln['description']} {ln['quantity']} x {currency} {fmt(ln['unit_price'])}" for ln in lines] + ["", f"Total: {currency} {fmt(total)}"]
    elif L == "de":
        rows = "\n".join(f"  Pos. {i}  {ln['sku']}  {ln['description']}  Menge {ln['quantity']}  à {fmt(ln['unit_price'])} EUR" for i, ln in enumerate(lines, 1))
        subject = c.pick([f"Bestellung {number}", f"Bestellung Nr. {number} zu Angebot {quote}", f"Auftrag {number} – {company}", f"Bestellung {number} / Lieferung nach {city}"])
        body = (f"{c.pick(GREET['de'])}\n\n" + c.pick([f"hiermit bestellen wir gemäß Ihrem Angebot {quote}:", f"anbei unsere Bestellung {number}:",
                                                      "wir bestellen verbindlich folgende Positionen:"]) +
                f"\n\n{rows}\n\nBestellwert: {fmt(total)} EUR netto\n" + (f"Bestelldatum: {odate.strftime('%d.%m.%Y')}\n" if has_date else "")
                + f"Bestellnummer: {number} (bitte auf Lieferschein und Rechnung angeben)\nBitte senden Sie uns eine Auftragsbestätigung.\n\n" + signature(c))
        doc = [f"Bestellung {number}", company] + ([f"Datum: {odate.strftime('%d.%m.%Y')}"] if has_date else []) + [""] + \
              [f"{ln['sku']} {ln['description']} {ln['quantity']} x {fmt(ln['unit_price'])} EUR" for ln in lines] + ["", f"Gesamt netto: {fmt(total)} EUR"]
    else:
        rows = "\n".join(f"  {i}. {ln['description']}（{ln['sku']}） 数量：{ln['quantity']}{ln['unit']}  单价：{fmt(ln['unit_price'])}" for i, ln in enumerate(lines, 1))
        subject = c.pick([f"采购订单 {number}", f"订单{number}（{company}）", f"正式下单：{number}", f"采购订单确认 {number} - 参照报价{quote}"])
        body = (f"{c.pick(GREET['zh'])}\n\n" + c.pick([f"根据贵司报价单{quote}，我司正式下单如下：", "现向贵司采购以下产品：", f"请查收我司采购订单{number}："]) +
                f"\n\n{rows}\n\n订单总额：{currency} {fmt(total)}\n" + (f"订单日期：{odate.year}年{odate.month}月{odate.day}日\n" if has_date else "")
                + f"订单号：{number}，请在送货单和发票上注明。\n请回传订单确认，谢谢。\n\n" + signature(c))
        doc = []
    frm = address(c.person[0], c.sender, c.charset if c.charset != "us-ascii" else "utf-8")
    part = text_part(body, c.charset, c.cte)
    extras = []
    fields = {"order_number": number, "buyer": company, "currency": currency, "total": money(total),
              "lines": [{"sku": ln["sku"], "description": ln["description"], "quantity": ln["quantity"], "unit_price": money(ln["unit_price"])} for ln in lines]}
    if has_date:
        fields["order_date"] = odate.isoformat()
    if doc and variant != 0:
        pdf = make_pdf(doc, subject)
        part = multipart("mixed", [part, attachment_part(pdf, "application/pdf", f"{'PO' if L == 'en' else 'Bestellung'}_{number}.pdf")], f"=_mix_{c.kind}_{c.n}")
        if variant == 2:
            extras.append((f"{'po' if L == 'en' else 'bestellung'}-{number}.pdf", pdf, fields))
    if L == "zh" and variant == 1:
        htm = text_part(html_of(body.split("-- \n")[0]), "utf-8", "base64", "html")
        part = multipart("alternative", [part, htm], f"=_alt_{c.kind}_{c.n}")
    msg = message(c.headers(subject, frm, us_addr("orders", L)), part)
    return msg, fields, extras


# ------------------------------------------------------------------------------------------------------------
# auto_reply
# ------------------------------------------------------------------------------------------------------------


def auto_reply(c: Ctx) -> tuple[bytes, dict, list]:
    L = c.lang
    kind = ["bounce", "out_of_office", "delivery_report", "bounce", "out_of_office"][c.n % 5]
    company, domain, city = c.customer
    orig_id = f"{hashlib.sha1(f'orig{c.n}{L}'.encode()).hexdigest()[:20]}@{US[1]}"
    orig_subject = {"en": f"Your quotation Q-2026-{c.rng.randint(1200, 1999)}", "de": f"Ihr Angebot Q-2026-{c.rng.randint(1200, 1999)}",
                    "zh": f"报价单 Q-2026-{c.rng.randint(1200, 1999)}"}[L]
    rcpt = f"{c.person[1]}@{domain}"
    fields = {"auto_reply_type": kind}
    if kind in ("bounce", "delivery_report"):
        fields["original_message_id"] = orig_id
        mta = c.pick([f"mx{c.rng.randint(1, 4)}.{domain}", f"mail.{domain}", f"smtp-in.{domain}"])
        failed = kind == "bounce"
        status = c.pick(["5.1.1", "5.2.2", "5.7.1", "4.4.7"]) if failed else "2.0.0"
        diag = {"5.1.1": "550 5.1.1 <{r}>: Recipient address rejected: User unknown in virtual mailbox table",
                "5.2.2": "552 5.2.2 <{r}>: mailbox full, quota exceeded", "5.7.1": "550 5.7.1 Message rejected as spam by content filter",
                "4.4.7": "message delayed for 5 days, giving up", "2.0.0": "250 2.0.0 Ok: queued as 4Y7K2N1cQbz9tr"}[status].format(r=rcpt)
        if L == "en":
            subject = "Undelivered Mail Returned to Sender" if failed else "Successful Mail Delivery Report"
            human = (f"This is the mail system at host mail.{US[1]}.\n\nI'm sorry to have to inform you that your message could not\nbe delivered "
                     f"to one or more recipients. It's attached below.\n\nFor further assistance, please send mail to postmaster.\n\n"
                     f"                   The mail system\n\n<{rcpt}>: host {mta} said: {diag}\n") if failed else \
                    (f"This is the mail system at host mail.{US[1]}.\n\nYour message was successfully delivered to the destination(s)\nlisted below. "
                     f"If the message was delivered to mailbox you will receive no\nfurther notifications.\n\n<{rcpt}>: delivery via {mta}: {diag}\n")
            frm = f"MAILER-DAEMON@mail.{US[1]} (Mail Delivery System)"
        elif L == "de":
            subject = "Unzustellbar: " + orig_subject if failed else "Zugestellt: " + orig_subject
            human = (f"Ihre Nachricht konnte an einen oder mehrere Empfänger nicht zugestellt werden.\n\nEmpfänger: {rcpt}\nGrund: {diag}\n\n"
                     f"Diagnoseinformationen für Administratoren:\nGenerierender Server: mail.{US[1]}\nRemote-Server: {mta}\n") if failed else \
                    (f"Ihre Nachricht wurde an die folgenden Empfänger zugestellt:\n\n{rcpt}\nBetreff: {orig_subject}\n\n"
                     f"Dies ist eine automatisch erzeugte Zustellbestätigung.\n")
            frm = address("Microsoft Outlook" if failed else "Mail Delivery Subsystem", f"postmaster@{US[1]}")
        else:
            subject = "系统退信：" + orig_subject if failed else "投递成功通知：" + orig_subject
            human = (f"很抱歉，您发送的邮件被退回。\n\n收件人：{rcpt}\n退信原因：{diag}\n\n建议您检查收件人地址是否正确，或稍后重新发送。\n"
                     f"此邮件为系统自动发送，请勿直接回复。\n") if failed else \
                    (f"您发送的邮件已成功投递到以下收件人：\n\n{rcpt}\n主题：{orig_subject}\n\n此邮件为系统自动生成的投递报告，请勿回复。\n")
            frm = address("系统管理员", f"postmaster@{US[1]}", "utf-8")
        dsn = (f"Reporting-MTA: dns; mail.{US[1]}\nX-Postfix-Queue-ID: {hashlib.md5(orig_id.encode()).hexdigest()[:10].upper()}\n"
               f"Arrival-Date: {rfc_date(c.time - dt.timedelta(minutes=3))}\n\nFinal-Recipient: rfc822; {rcpt}\nOriginal-Recipient: rfc822;{rcpt}\n"
               f"Action: {'failed' if failed else 'delivered'}\nStatus: {status}\nRemote-MTA: dns; {mta}\nDiagnostic-Code: smtp; {diag}\n")
        headers_part = (f"Return-Path: <{OUR_PEOPLE[L][1]}@{US[1]}>\nFrom: {OUR_PEOPLE[L][0] if L != 'zh' else 'Xu Xiaoyan'} <{OUR_PEOPLE[L][1]}@{US[1]}>\n"
                        f"To: <{rcpt}>\nSubject: {encode_word(orig_subject, 'utf-8')}\nDate: {rfc_date(c.time - dt.timedelta(minutes=4))}\n"
                        f"Message-ID: <{orig_id}>\n")
        parts = [text_part(human, c.charset if L != "en" else "us-ascii", c.cte if L != "en" else "7bit"),
                 raw_part("message/delivery-status", dsn),
                 raw_part("text/rfc822-headers", headers_part)]
        body = multipart("report", parts, f"=_dsn_{c.n}_{L}", "; report-type=delivery-status")
        headers = [("Return-Path", "<>"), ("From", frm), ("To", f"{OUR_PEOPLE[L][1]}@{US[1]}"),
                   ("Subject", encode_word(subject, "utf-8", "B" if L == "zh" else "Q")), ("Date", rfc_date(c.time)),
                   ("Message-ID", f"<{c.mid('mail.' + US[1])}>"), ("Auto-Submitted", "auto-replied")]
        return message(headers, body), fields, []
    # out of office
    back = (c.time + dt.timedelta(days=c.rng.randint(3, 20))).date()
    name = c.person[0]
    if L == "en":
        subject = c.pick(["Automatic reply: ", "Out of Office: ", "Auto: ", "Out of office Re: "]) + orig_subject
        body = c.pick([f"Thank you for your email. I am out of the office until {back.strftime('%d %B')} with limited access to email.\n"
                       f"For urgent matters please contact our sales desk at sales@{domain}.\n\nKind regards\n{name}\n",
                       f"Hi,\n\nI'm currently on annual leave and will be back on {back.strftime('%A, %d %B')}. Your message will not be forwarded.\n"
                       f"If it is urgent, call our switchboard.\n\n{name}\n",
                       f"I am attending a trade fair this week and will reply after my return on {back.strftime('%d/%m/%Y')}.\n\nThanks,\n{name}\n"])
    elif L == "de":
        subject = c.pick(["Automatische Antwort: ", "Abwesenheitsnotiz: ", "Abwesend: ", "AW: "]) + orig_subject
        body = c.pick([f"Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich {back.strftime('%d.%m.%Y')} nicht im Büro und habe keinen Zugriff auf meine E-Mails.\n"
                       f"In dringenden Fällen wenden Sie sich bitte an vertrieb@{domain}.\n\nMit freundlichen Grüßen\n{name}\n",
                       f"Guten Tag,\n\nich befinde mich im Urlaub und bin ab dem {back.strftime('%d.%m.')} wieder erreichbar. Ihre E-Mail wird nicht weitergeleitet.\n\n{name}\n",
                       f"Ich bin derzeit auf Dienstreise und lese meine E-Mails nur unregelmäßig. Ab {back.strftime('%d.%m.%Y')} bin ich wieder im Haus.\n\nGruß\n{name}\n"])
    else:
        subject = c.pick(["自动回复：", "自动回复: ", "【自动回复】", "休假自动回复："]) + orig_subject
        body = c.pick([f"您好，我目前休假中，将于{back.month}月{back.day}日返回办公室，期间无法及时回复邮件。\n如有紧急事务，请联系 sales@{domain}。\n\n{name}\n",
                       f"您的来信已收到。本人{back.month}月{back.day}日前出差在外，回来后会尽快回复您。\n\n谢谢！\n{name}\n",
                       f"这是一封自动回复邮件。我正在参加展会，邮件处理可能会延迟，敬请谅解。\n\n{name}\n"])
    frm = address(name, rcpt, c.charset if c.charset != "us-ascii" else "utf-8")
    extra = [("Auto-Submitted", "auto-replied"), ("In-Reply-To", f"<{orig_id}>"), ("References", f"<{orig_id}>")]
    if c.n % 2 == 0:
        extra.append(("X-Auto-Response-Suppress", "All"))
    if c.n % 3 == 0:
        extra.append(("Precedence", "auto_reply"))
    fields["original_message_id"] = orig_id
    msg = message(c.headers(subject, frm, f"{OUR_PEOPLE[L][1]}@{US[1]}", extra), text_part(body, c.charset, c.cte))
    return msg, fields, []


# ------------------------------------------------------------------------------------------------------------
# other: newsletters, mailing lists, personal mail, spam
# ------------------------------------------------------------------------------------------------------------


def other(c: Ctx) -> tuple[bytes, dict, list]:
    L = c.lang
    sort = ["newsletter", "list", "personal", "spam", "announcement", "invitation", "newsletter", "list"][c.n % 8]
    k = c.rng.randrange(1_000_000)

    def pk(options):
        return options[k % len(options)]
    to = f"{OUR_PEOPLE[L][1]}@{US[1]}"
    extra: list[tuple[str, str]] = []
    html = False
    if sort == "newsletter":
        org, dom = c.pick({"en": [("Motion Control Weekly", "mcweekly.example"), ("Plant Engineering Digest", "pe-digest.example")],
                           "de": [("Antriebstechnik Aktuell", "antrieb-aktuell.example"), ("IHK Nord Info", "ihk-nord.example")],
                           "zh": [("机电之家周刊", "jdzj-weekly.example"), ("中国轴承网", "bearing-cn.example")]}[L])
        frm = address(org, f"newsletter@{dom}", "utf-8")
        if L == "en":
            subject = c.pick([f"{org}: servo sizing made simple, and 5 webinars in December", f"Your {org} – November edition",
                              "Save 20% on our maintenance handbook – this week only"])
            body = (f"{org} – issue {c.rng.randint(100, 400)}\n\nIN THIS ISSUE\n* How to size a servo motor for a vertical axis\n"
                    f"* Lubrication intervals for linear guides: what the datasheets don't tell you\n* Upcoming webinars and trade fairs\n"
                    f"* Product news: request a quote for the new compact gearbox series\n\nRead online: https://{dom}/issues/latest\n\n"
                    f"You receive this newsletter because you subscribed at {dom}.\nUnsubscribe: https://{dom}/u?id={c.rng.randint(10**6, 10**7)}\n")
        elif L == "de":
            subject = c.pick([f"{org} 11/2026: Energiepreise, Fachkräfte, neue Förderprogramme", f"Newsletter: Termine im Dezember und Messevorschau",
                              "Jetzt anmelden: Praxisseminar Instandhaltung 4.0"])
            body = (f"{org}\nAusgabe November 2026\n\nDie Themen dieser Ausgabe:\n- Neue Förderprogramme für Energieeffizienz im Mittelstand\n"
                    f"- Rückblick auf die Fachmesse und Ausblick auf 2027\n- Seminar: Schwingungsanalyse an Wälzlagern\n- Personalien\n\n"
                    f"Im Browser lesen: https://{dom}/newsletter/2026-11\n\nSie erhalten diesen Newsletter, weil Sie sich angemeldet haben.\n"
                    f"Abmelden: https://{dom}/abmelden\nImpressum: {org}, Hamburg\n")
        else:
            subject = c.pick([f"{org}：本周行业资讯汇总", "【行业快讯】11月轴承市场价格走势分析", "报名开启｜2026智能制造峰会"])
            body = (f"{org} 第{c.rng.randint(100, 400)}期\n\n本期导读：\n· 11月轴承钢价格小幅上涨\n· 直线导轨润滑周期的实用建议\n"
                    f"· 2026智能制造峰会报名通道已开启\n· 企业动态与新品发布\n\n在线阅读：https://{dom}/news\n\n"
                    f"您收到此邮件是因为您订阅了{org}。退订请点击：https://{dom}/unsubscribe\n")
        extra = [("List-Unsubscribe", f"<https://{dom}/u/{c.n}>, <mailto:unsubscribe@{dom}>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                 ("Precedence", "bulk"), ("List-Id", f"{org} <news.{dom}>")]
        html = True
    elif sort == "list":
        lst = c.pick({"en": [("postgresql-general", "lists.postgresql.example"), ("python-list", "python.example"), ("debian-user", "lists.debian.example")],
                      "de": [("debian-user-german", "lists.debian.example"), ("de-users", "lists.libreoffice.example")],
                      "zh": [("linux-cn-users", "lists.linuxcn.example"), ("python-chinese", "lists.python-cn.example")]}[L])
        who = c.pick(PEOPLE[L])
        frm = address(who[0], f"{who[1]}@{c.pick(['mailbox.example', 'posteo.example', 'fastmail.example', '163.example'])}", "utf-8")
        if L == "en":
            subject = pk(["Re: Slow query after upgrade to 17.2", "Re: How to pin a package version with apt?", "[announce] release 3.4.1 is out"])
            body = (f"Hi all,\n\n" + pk(["after upgrading our test server the nightly report query went from 3 s to 40 s. EXPLAIN shows a nested loop "
                                              "where we used to get a hash join. Has anybody seen this? Statistics are fresh.",
                                              "I would like to keep a package at the current version while upgrading everything else. "
                                              "Is apt-mark hold still the recommended way, or should I use pinning in preferences.d?",
                                              "we are happy to announce the release of version 3.4.1. This is a bug-fix release; "
                                              "all users are encouraged to upgrade. See the changelog for details."])
                    + f"\n\nThanks,\n{who[0]}\n\n> On Mon, someone wrote:\n> Did you run ANALYZE after the upgrade?\n")
            subject_prefix = ""
        elif L == "de":
            subject = pk(["Re: Drucker unter Debian 13 einrichten", "Frage zu systemd-Timer statt cron", "Re: Tabellenkalkulation rechnet falsch bei Datumsangaben"])
            body = ("Hallo zusammen,\n\n" + pk(["ich versuche seit gestern, einen Netzwerkdrucker einzurichten, CUPS findet ihn aber nicht. "
                                                     "Avahi läuft. Hat jemand einen Tipp?", "wie ersetze ich am saubersten einen cron-Job durch einen "
                                                     "systemd-Timer? Muss ich die Unit-Datei selbst schreiben?",
                                                     "beim Subtrahieren zweier Datumswerte kommt bei mir immer eine Dezimalzahl heraus. "
                                                     "Welches Zellformat brauche ich?"]) + f"\n\nDanke und Gruß\n{who[0]}\n")
        else:
            subject = pk(["Re: 请教一个 systemd 服务自动重启的问题", "【讨论】Python 3.13 的性能提升明显吗？", "Re: 如何在 Debian 上配置中文输入法"])
            body = ("大家好，\n\n" + pk(["我写了一个 systemd 服务，进程退出后没有自动重启，Restart=always 已经加了，请问还需要配置什么？",
                                           "最近把项目升级到 Python 3.13，感觉启动速度快了一些，大家有实测数据吗？",
                                           "按照教程装了 fcitx5，但是在终端里无法切换输入法，请问是哪里没配置好？"]) + f"\n\n谢谢！\n{who[0]}\n")
        listid = f"{lst[0]}.{lst[1]}"
        extra = [("List-Id", f"<{listid}>"), ("List-Post", f"<mailto:{lst[0]}@{lst[1]}>"), ("List-Unsubscribe", f"<mailto:{lst[0]}-request@{lst[1]}?subject=unsubscribe>"),
                 ("Precedence", "list"), ("List-Archive", f"<https://{lst[1]}/archive/{lst[0]}/>")]
        to = f"{lst[0]}@{lst[1]}"
        if subject.startswith("Re:"):
            extra.append(("In-Reply-To", f"<thread.{c.n}.{L}@{lst[1]}>"))
    elif sort == "personal":
        who = c.pick(PEOPLE[L])
        frm = address(who[0], f"{who[1]}@{c.pick(['gmail.example', 'web.example', 'qq.example'])}", "utf-8")
        if L == "en":
            subject = pk(["Lunch on Friday?", "Photos from the hike", "Happy birthday!"])
            body = pk([f"Hey Lena,\n\nare you free for lunch on Friday? The new Vietnamese place near the station is supposed to be great.\n\n{who[0].split()[0]}\n",
                           f"Hi!\n\nHere are the photos from Sunday's hike. The view from the top was worth the rain :)\n\nSee you soon,\n{who[0].split()[0]}\n",
                           f"Happy birthday! Hope you have a lovely day and that someone bakes you a cake.\n\nLove,\n{who[0].split()[0]}\n"])
        elif L == "de":
            subject = pk(["Kino am Samstag?", "Fotos vom Grillabend", "Umzug – kannst du helfen?"])
            body = pk([f"Hi Lena,\n\nhast du Samstag Lust auf Kino? Ich würde den neuen Film im Abaton vorschlagen, 20 Uhr.\n\nLG {who[0].split()[0]}\n",
                           f"Hallo!\n\nanbei ein paar Fotos vom Grillabend. War ein richtig schöner Abend, danke nochmal fürs Kommen.\n\nBis bald\n{who[0].split()[0]}\n",
                           f"Hallo Lena,\n\nwir ziehen am 12. um und könnten noch zwei helfende Hände gebrauchen. Pizza und Getränke gibt es natürlich!\n\n{who[0].split()[0]}\n"])
        else:
            subject = pk(["周末一起吃饭吗？", "上次聚会的照片", "生日快乐！"])
            body = pk([f"晓燕，\n\n这周六中午有空吗？新开了一家火锅店，听说不错，一起去尝尝？\n\n{who[0]}\n",
                           f"嗨，\n\n上次聚会的照片整理好了，发给你看看，大家笑得都很开心。\n\n{who[0]}\n",
                           f"生日快乐！祝你天天开心，工作顺利！礼物下次见面给你。\n\n{who[0]}\n"])
    elif sort == "announcement":
        who = c.pick(PEOPLE[L])
        frm = address({"en": "HR Team", "de": "Personalabteilung", "zh": "行政人事部"}[L], f"hr@{US[1]}", "utf-8")
        to = {"en": f"all-staff@{US[1]}", "de": f"alle-hamburg@{US[1]}", "zh": f"all-suzhou@{US[1]}"}[L]
        if L == "en":
            subject = "Office closed on 24 December – holiday schedule"
            body = ("Dear colleagues,\n\nplease note that the office will be closed from 24 December to 1 January. The warehouse keeps an "
                    "emergency service on 28 and 29 December (contact the shift lead).\nPlease enter your remaining leave in the portal by "
                    f"Friday and hand over open tasks before you leave.\n\nThank you, and enjoy the holidays!\n{who[0]}, HR\n")
        elif L == "de":
            subject = "Neue Parkplatzregelung ab 1. Dezember"
            body = ("Liebe Kolleginnen und Kollegen,\n\nab dem 1. Dezember gilt auf dem Firmengelände eine neue Parkplatzregelung: Die Plätze "
                    "vor Halle 2 sind für Besucher und Lieferanten reserviert. Mitarbeitende parken bitte auf dem hinteren Parkplatz. "
                    f"Die Zufahrt erfolgt über das Tor in der Werftstraße.\n\nBei Fragen wendet euch an die Personalabteilung.\n\nViele Grüße\n{who[0]}\n")
        else:
            subject = "关于调整冬季作息时间的通知"
            body = ("各位同事：\n\n自12月1日起，公司实行冬季作息时间：上午8:30上班，下午5:00下班，午休时间调整为12:00至13:00。"
                    "食堂开放时间相应调整。\n请各部门负责人通知到每位员工，特此通知。\n\n行政人事部\n")
    elif sort == "invitation":
        who = c.pick(PEOPLE[L])
        frm = address(who[0], f"{who[1]}@{US[1]}", "utf-8")
        start = c.time + dt.timedelta(days=9)
        if L == "en":
            subject = f"Invitation: Quarterly team review @ {start.strftime('%a %d %b %Y')} 14:00 - 15:00 (CET)"
            body = (f"You have been invited to the following event.\n\nQuarterly team review\nWhen: {start.strftime('%A %d %B %Y')} 14:00 - 15:00 (CET)\n"
                    "Where: Meeting room Elbe / video call\nAgenda: figures of the quarter, open projects, holiday cover\n\nAccept, decline or propose a new time in your calendar.\n")
        elif L == "de":
            subject = f"Einladung: Abteilungsbesprechung Vertrieb am {start.strftime('%d.%m.%Y')} um 10:00"
            body = (f"Sie wurden zu folgendem Termin eingeladen.\n\nAbteilungsbesprechung Vertrieb\nWann: {start.strftime('%d.%m.%Y')}, 10:00 - 11:00 Uhr\n"
                    "Wo: Besprechungsraum Alster\nTagesordnung: Rückblick Messe, Urlaubsplanung, Verschiedenes\n\nBitte sagen Sie im Kalender zu oder ab.\n")
        else:
            subject = f"会议邀请：{start.month}月{start.day}日 部门周例会"
            body = (f"您被邀请参加以下会议。\n\n部门周例会\n时间：{start.year}年{start.month}月{start.day}日 09:30-10:30\n地点：三楼会议室 / 腾讯会议\n"
                    "议程：上周工作回顾、本周计划、其他事项\n\n请在日历中接受或拒绝。\n")
        ics = ("BEGIN:VCALENDAR\nPRODID:-//Mailroom examples//EN\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
               f"UID:{c.mid(US[1])}\nDTSTART:{start.strftime('%Y%m%dT%H%M00Z')}\nDTEND:{(start + dt.timedelta(hours=1)).strftime('%Y%m%dT%H%M00Z')}\n"
               f"SUMMARY:{subject.split(':', 1)[-1].strip() if L != 'zh' else 'Weekly meeting'}\nORGANIZER:mailto:{who[1]}@{US[1]}\nEND:VEVENT\nEND:VCALENDAR\n")
        part = multipart("alternative", [text_part(body, c.charset if c.charset != "us-ascii" else "utf-8", c.cte),
                                         raw_part("text/calendar; charset=\"utf-8\"; method=REQUEST", ics)], f"=_cal_{c.kind}_{c.n}")
        return message(c.headers(subject, frm, to, extra), part), {}, []
    else:  # spam
        frm = address(c.pick(["Claims Department", "Dr. Williams", "Account Security", "Global Marketing Team", "财务中心"]),
                      f"{c.pick(['info', 'promo', 'security', 'win'])}{c.rng.randint(10, 99)}@{c.pick(['bestdeals.example', 'secure-login.example', 'prize-center.example'])}", "utf-8")
        if L == "en":
            subject = pk(["Congratulations! You have WON $1,000,000", "Your mailbox is almost full – verify now", "Boost your website traffic 300% – guaranteed"])
            body = pk(["Dear Winner,\n\nYour email address was selected in our international lottery. To claim your prize of $1,000,000 send your full name, "
                           "address and bank details to our claims agent today.\n\nClaims Department\n",
                           "Dear user,\n\nyour mailbox has reached 99% of its quota. Click the link below within 24 hours to verify your account "
                           "or it will be deleted.\n\nhttp://secure-login.example/verify\n\nIT Support\n",
                           "Hello,\n\nWe are an SEO agency with 10 years of experience. We can put your website on page 1 of Google in 30 days. "
                           "Reply YES for a free audit!\n\nBest,\nMarketing Team\n"])
        elif L == "de":
            subject = pk(["Ihr Konto wurde gesperrt", "Sie haben gewonnen! Jetzt Gutschein einlösen", "Letzte Mahnung: Paket konnte nicht zugestellt werden"])
            body = pk(["Sehr geehrter Kunde,\n\naus Sicherheitsgründen wurde Ihr Konto vorübergehend gesperrt. Bitte bestätigen Sie Ihre Daten "
                           "innerhalb von 24 Stunden über folgenden Link: http://secure-login.example/de\n\nIhr Sicherheitsteam\n",
                           "Herzlichen Glückwunsch! Sie wurden als Gewinner eines 500-Euro-Gutscheins ausgewählt. Klicken Sie hier, um Ihren Gewinn "
                           "einzulösen. Nur noch heute gültig!\n",
                           "Ihr Paket konnte nicht zugestellt werden. Bitte zahlen Sie die Zollgebühr von 1,99 EUR, um die Zustellung zu veranlassen: "
                           "http://bestdeals.example/paket\n"])
        else:
            subject = pk(["恭喜您中奖了！请尽快领取", "【重要】您的邮箱即将停用，请立即验证", "代开各类发票，点数优惠", "兼职日赚500元，在家就能做"])
            body = pk(["尊敬的用户：\n\n恭喜您在本公司周年庆活动中获得二等奖，奖金人民币50000元。请点击链接填写银行卡信息领取奖金。\n",
                           "您好！您的邮箱空间已满，系统将在24小时内停用您的邮箱，请立即点击以下链接进行验证：http://secure-login.example/cn\n",
                           "本公司长期代开各类增值税发票，点数优惠，真票可验。有需要请加微信联系。\n",
                           "招聘兼职刷单员，每天只需1-2小时，日赚300-500元，详情请加QQ咨询。\n"])
    cs = c.charset if c.charset != "us-ascii" else "utf-8"
    if html:
        part = multipart("alternative", [text_part(body, cs, c.cte), text_part(html_of(body) + "<img src=\"https://track.example/p.gif\" width=\"1\" height=\"1\">\n", "utf-8", "quoted-printable", "html")],
                         f"=_alt_{c.kind}_{c.n}")
    else:
        part = text_part(body, cs, c.cte)
    msg = message(c.headers(subject, frm, to, extra), part)
    return msg, {}, []


GENERATORS = {"quote_request": quote_request, "support_ticket": support_ticket, "approval": approval, "invoice": invoice,
              "purchase_order": purchase_order, "auto_reply": auto_reply, "other": other}
PER_LANGUAGE = 6          # 18 examples a kind (other: 24, it has the most varied members)
WITH_EXPECTED = {"quote_request", "invoice", "purchase_order", "approval"}
SHORT = {"quote_request": "quote", "support_ticket": "support", "approval": "approval", "invoice": "invoice",
         "purchase_order": "order", "auto_reply": "auto", "other": "other"}


def write_json(path: Path, fields: dict):
    path.write_text(json.dumps({"fields": fields}, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def generate():
    for kind in KINDS:
        folder = HERE / kind
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            if old.is_file():
                old.unlink()
        for lang in LANGS:
            for n in range(PER_LANGUAGE + (2 if kind == "other" else 0)):
                c = Ctx(kind, n, lang)
                msg, fields, extras = GENERATORS[kind](c)
                name = f"{SHORT[kind]}-{lang}-{n + 1:02d}"
                (folder / f"{name}.eml").write_bytes(msg)
                if kind in WITH_EXPECTED:
                    write_json(folder / f"{name}.expected.json", fields)
                for filename, data, efields in extras:
                    filename = filename.replace("/", "-")
                    (folder / filename).write_bytes(data)
                    if kind in WITH_EXPECTED:
                        write_json(folder / (filename.rsplit(".", 1)[0] + ".expected.json"), efields)


# ------------------------------------------------------------------------------------------------------------
# checks
# ------------------------------------------------------------------------------------------------------------


def check() -> int:
    problems = []
    total = 0
    for kind in KINDS:
        folder = HERE / kind
        files = sorted(p for p in folder.iterdir() if not p.name.endswith(".expected.json"))
        langs = {p.name.split("-")[1] for p in files if p.suffix == ".eml"}
        if len(files) < 12:
            problems.append(f"{kind}: only {len(files)} examples")
        # The generated set covers every language; starter examples (named by company) add to it.
        if not set(LANGS) <= langs:
            problems.append(f"{kind}: languages {sorted(langs)}")
        for p in files:
            total += 1
            if p.suffix == ".eml":
                msg = email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                if msg.defects:
                    problems.append(f"{p.name}: defects {msg.defects}")
                if not str(msg["subject"] or "").strip():
                    problems.append(f"{p.name}: no subject")
                for part in msg.walk():
                    if part.is_multipart():
                        continue
                    if part.defects:
                        problems.append(f"{p.name}: part defects {part.defects}")
                    if part.get_content_maintype() == "text":
                        try:
                            part.get_content()
                        except Exception as error:  # noqa: BLE001
                            problems.append(f"{p.name}: text part does not decode: {error}")
                    else:
                        part.get_payload(decode=True)
            exp = p.with_name(p.name.rsplit(".", 1)[0] + ".expected.json")
            if kind in WITH_EXPECTED and not exp.exists():
                problems.append(f"{p.name}: no expected.json")
            if exp.exists():
                f = json.loads(exp.read_text(encoding="utf-8"))["fields"]
                # Starter examples (rules/examples/_sources) give only the fields their mail states: each check runs
                # when what it needs is there.
                if kind == "invoice":
                    net = Decimal(f["net_total"]) if "net_total" in f else None
                    if net is not None and "tax_total" in f and "gross_total" in f:
                        if net + Decimal(f["tax_total"]) != Decimal(f["gross_total"]):
                            problems.append(f"{p.name}: net + tax != gross")
                    if net is not None and f.get("lines") and all("line_total" in ln for ln in f["lines"]):
                        if sum(Decimal(ln["line_total"]) for ln in f["lines"]) != net:
                            problems.append(f"{p.name}: lines do not sum to net")
                    if "iban" in f and not iban_ok(f["iban"]):
                        problems.append(f"{p.name}: IBAN fails mod-97")
                    raw = p.read_bytes()
                    if p.suffix == ".eml":
                        text = "".join(part.get_content() if part.get_content_maintype() == "text" else
                                       (part.get_payload(decode=True) or b"").decode("latin-1")
                                       for part in email.message_from_bytes(raw, policy=email.policy.default).walk() if not part.is_multipart())
                        text += str(email.message_from_bytes(raw, policy=email.policy.default)["subject"] or "")
                        if "invoice_number" in f and f["invoice_number"] not in text:
                            problems.append(f"{p.name}: invoice number not in the mail")
                if kind == "purchase_order" and "total" in f and f.get("lines") \
                        and all("unit_price" in ln and "quantity" in ln for ln in f["lines"]):
                    if sum(Decimal(ln["unit_price"]) * Decimal(str(ln["quantity"])) for ln in f["lines"]) != Decimal(f["total"]):
                        problems.append(f"{p.name}: lines do not sum to the total")
                if kind == "approval" and f.get("decision") not in ("approve", "reject"):
                    problems.append(f"{p.name}: bad decision")
    for line in problems:
        print("problem:", line, file=sys.stderr)
    print(f"{total} examples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if "--check" not in sys.argv:
        generate()
    sys.exit(check())
