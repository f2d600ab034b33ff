#!/usr/bin/env python3
"""Write a parse-benchmark corpus: N realistic mails of mixed sizes plus copies of CPython's own email test mails.

    scripts/make-bench-corpus.py OUT N [--seed S] [--no-cpython]

Every mail is generated from the seed (same OUT contents for the same N and seed, on any machine with the same
Python zlib): sizes from 1 KB to 2 MB (most mails small, most bytes in attachments, as in a real mailbox), plain
text, HTML-only, multipart/alternative, multipart/mixed with base64 PDF, ZIP, JPEG, XML and CSV attachments,
the odd forwarded message/rfc822, and headers with RFC 2047 encoded words in UTF-8, ISO-8859-1/15,
Windows-1251/1252, KOI8-R, GB2312, GBK, GB18030, Big5, ISO-2022-JP, Shift_JIS and EUC-KR. Files are named
bench-000001.eml …; CPython's test mails are copied as cpython-msg_01.eml … (skipped with --no-cpython or when
the interpreter lacks them, with a note). OUT must not exist or be empty; nothing but mails is written into it.
Standard library only.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import io
import quopri
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

# ---------------------------------------------------------------------------------------------------------
# Text in several languages (business mail vocabulary), and the charsets each may travel in
# ---------------------------------------------------------------------------------------------------------

SENTENCES = {
    "en": [
        "Please find attached our quotation for the parts listed below.",
        "Could you confirm the delivery date for order {ref} by Friday?",
        "The shipment left our warehouse this morning and should arrive within five working days.",
        "We noticed a discrepancy between the invoice and the delivery note.",
        "Our payment terms are 30 days net from the invoice date.",
        "Thank you for your enquiry; we will get back to you with prices shortly.",
        "The technician will be on site on Tuesday between 9:00 and 12:00.",
        "Let me know if you need the drawings in STEP or DXF format.",
        "As discussed on the phone, we can offer a discount of {pct}% for annual volumes above {qty} units.",
        "Attached you will find the minutes of yesterday's meeting and the updated project plan.",
        "Unfortunately the item is out of stock until the end of next month.",
        "The customer reports unusual noise at speeds above {qty} rpm.",
        "Please update your records with our new bank details.",
        "We would like to reschedule the review to next week if that works for you.",
    ],
    "de": [
        "Anbei erhalten Sie unser Angebot für die unten aufgeführten Positionen.",
        "Bitte bestätigen Sie uns den Liefertermin für die Bestellung {ref} bis Freitag.",
        "Die Ware hat heute unser Lager verlassen und trifft voraussichtlich in fünf Werktagen ein.",
        "Zwischen Rechnung und Lieferschein haben wir eine Abweichung festgestellt.",
        "Unsere Zahlungsbedingungen lauten 30 Tage netto ab Rechnungsdatum.",
        "Vielen Dank für Ihre Anfrage, wir melden uns in Kürze mit Preisen.",
        "Der Servicetechniker ist am Dienstag zwischen 9 und 12 Uhr vor Ort.",
        "Für Jahresmengen über {qty} Stück gewähren wir {pct} % Rabatt.",
        "Leider ist der Artikel erst Ende nächsten Monats wieder lieferbar.",
        "Im Anhang finden Sie das Protokoll der gestrigen Besprechung.",
        "Bitte ändern Sie unsere Bankverbindung in Ihren Stammdaten.",
        "Die Größe der Lagerschale weicht um 0,2 mm vom Maß ab – bitte prüfen Sie das.",
    ],
    "zh": [
        "附件是我司对以下产品的报价，请查收。",
        "请在周五前确认订单 {ref} 的交货日期。",
        "货物今天上午已经发出，预计五个工作日内到达。",
        "我们发现发票和送货单之间有差异，请核对。",
        "我司付款方式为开票后 30 天付款。",
        "感谢您的询价，我们会尽快回复价格。",
        "技术人员将于周二上午九点到十二点到现场。",
        "年采购量超过 {qty} 件，可以给予 {pct}% 的折扣。",
        "很抱歉，该产品要到下个月底才有库存。",
        "附件是昨天会议的纪要和更新后的项目计划。",
        "请更新我司新的银行账户信息。",
        "客户反映设备在高速运转时有异响。",
    ],
    "zh-Hant": [
        "附件是敝公司對以下產品的報價，請查收。",
        "請在週五前確認訂單 {ref} 的交貨日期。",
        "貨物今天上午已經出貨，預計五個工作天內送達。",
        "我們發現發票與送貨單之間有差異，請核對。",
        "感謝您的詢價，我們會盡快回覆報價。",
        "年採購量超過 {qty} 件，可給予 {pct}% 的折扣。",
        "附件是昨天會議的紀錄與更新後的專案計畫。",
    ],
    "ru": [
        "Во вложении наше коммерческое предложение на перечисленные позиции.",
        "Просим подтвердить срок поставки по заказу {ref} до пятницы.",
        "Груз отправлен сегодня утром и прибудет в течение пяти рабочих дней.",
        "Мы обнаружили расхождение между счётом и накладной.",
        "Условия оплаты: 30 дней с даты счёта.",
        "Спасибо за запрос, цены пришлём в ближайшее время.",
        "При годовом объёме более {qty} штук предоставляем скидку {pct}%.",
    ],
    "ja": [
        "下記部品のお見積りを添付いたしますので、ご確認ください。",
        "注文番号 {ref} の納期を金曜日までにご回答いただけますでしょうか。",
        "本日午前に出荷いたしました。五営業日以内に到着の予定です。",
        "請求書と納品書の内容に相違がございました。",
        "お支払い条件は請求書発行日から三十日以内となります。",
        "お問い合わせいただき、誠にありがとうございます。",
        "年間 {qty} 個以上のご注文で {pct}% の値引きが可能です。",
    ],
    "ko": [
        "아래 품목에 대한 견적서를 첨부합니다.",
        "주문 {ref}의 납기일을 금요일까지 확인해 주시기 바랍니다.",
        "물품은 오늘 오전에 출고되었으며 5영업일 이내에 도착할 예정입니다.",
        "문의해 주셔서 감사합니다. 곧 가격을 회신드리겠습니다.",
    ],
}

SUBJECTS = {
    "en": ["Quotation {ref}", "Re: Delivery date for order {ref}", "Invoice {ref} – payment reminder",
           "Meeting minutes and next steps", "RFQ {ref}: bearings and couplings", "Fwd: Updated price list 2027",
           "Service visit next Tuesday", "Your order {ref} has shipped"],
    "de": ["Angebot {ref}", "AW: Liefertermin Bestellung {ref}", "Rechnung {ref} – Zahlungserinnerung",
           "Protokoll der Besprechung", "Anfrage {ref}: Wälzlager und Kupplungen", "WG: Preisliste 2027",
           "Änderung unserer Bankverbindung", "Reklamation Lieferung {ref}"],
    "zh": ["报价单 {ref}", "回复：订单 {ref} 交货期", "发票 {ref} 付款提醒", "会议纪要及下一步安排",
           "询价 {ref}：轴承及联轴器", "转发：2027 年价格表", "关于设备异响的问题"],
    "zh-Hant": ["報價單 {ref}", "回覆：訂單 {ref} 交期", "發票 {ref} 付款提醒", "詢價 {ref}：軸承及聯軸器"],
    "ru": ["Коммерческое предложение {ref}", "Re: Срок поставки по заказу {ref}", "Счёт {ref}",
           "Протокол совещания"],
    "ja": ["お見積書 {ref}", "Re: 注文 {ref} の納期について", "請求書 {ref} 送付のご案内", "打ち合わせ議事録"],
    "ko": ["견적서 {ref}", "회신: 주문 {ref} 납기", "청구서 {ref}"],
}

NAMES = {
    "en": ["Emily Carter", "James O'Neill", "Priya Natarajan", "Michael Brooks", "Sarah Lindgren", "David Osei"],
    "de": ["Jürgen Weiß", "Anna-Lena Müller", "Björn Schäfer", "Käthe Groß", "Thomas Becker", "Sören Kühn"],
    "zh": ["王丽", "张伟", "陈志强", "刘芳", "周建国", "孙浩"],
    "zh-Hant": ["林志明", "陳美玲", "黃俊傑", "張淑芬"],
    "ru": ["Дмитрий Соколов", "Ольга Иванова", "Сергей Кузнецов", "Наталья Попова"],
    "ja": ["佐藤 健一", "鈴木 美咲", "高橋 翔", "田中 陽子"],
    "ko": ["김민준", "이서연", "박지훈"],
}

CHARSETS = {  # (MIME name, Python codec, weight)
    "en": [("us-ascii", "ascii", 3), ("utf-8", "utf-8", 4), ("windows-1252", "cp1252", 1), ("iso-8859-1", "latin-1", 1)],
    "de": [("utf-8", "utf-8", 4), ("iso-8859-1", "latin-1", 3), ("iso-8859-15", "iso8859_15", 2),
           ("windows-1252", "cp1252", 2)],
    "zh": [("utf-8", "utf-8", 3), ("gb2312", "gb2312", 3), ("gbk", "gbk", 2), ("gb18030", "gb18030", 1)],
    "zh-Hant": [("big5", "big5", 3), ("utf-8", "utf-8", 1)],
    "ru": [("koi8-r", "koi8_r", 2), ("windows-1251", "cp1251", 2), ("utf-8", "utf-8", 2)],
    "ja": [("iso-2022-jp", "iso2022_jp", 3), ("shift_jis", "shift_jis", 1), ("utf-8", "utf-8", 1)],
    "ko": [("euc-kr", "euc_kr", 2), ("utf-8", "utf-8", 1)],
}

LANGUAGE_WEIGHTS = [("en", 40), ("de", 25), ("zh", 18), ("zh-Hant", 4), ("ru", 5), ("ja", 5), ("ko", 3)]

DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "brightwater-components.example",
           "lists.example.org", "corp.example"]

MAILERS = ["Microsoft Outlook 16.0", "Apple Mail (2.3826.300.87)", "Mozilla Thunderbird", "Foxmail 7.2.25.375[cn]",
           "Becky! ver. 2.81.04 [ja]", "Roundcube Webmail/1.6.9", "HCL Notes Release 12.0.2", None]


class CorpusWriter:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.seed = seed
        self.counter = 0

    # -- small pieces ------------------------------------------------------------------------------------

    def pick(self, weighted: list[tuple]) -> tuple:
        total = sum(w[-1] for w in weighted)
        x = self.rng.uniform(0, total)
        for item in weighted:
            x -= item[-1]
            if x <= 0:
                return item
        return weighted[-1]

    def token(self, n: int, alphabet: str = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def fill(self, template: str) -> str:
        return template.format(ref=f"{self.rng.choice(['Q', 'PO', 'INV', 'SO'])}-2026-{self.rng.randint(1000, 9999)}",
                               pct=self.rng.choice([3, 5, 8, 10, 12]), qty=self.rng.choice([500, 1000, 2500, 10000]))

    def paragraph(self, lang: str) -> str:
        sep = "" if lang in ("zh", "zh-Hant", "ja") else " "
        return sep.join(self.fill(self.rng.choice(SENTENCES[lang])) for _ in range(self.rng.randint(2, 6)))

    def text_of_size(self, lang: str, size: int) -> str:
        paras, total = [], 0
        while total < size:
            p = self.paragraph(lang)
            paras.append(p)
            total += len(p.encode("utf-8")) + 2
        return "\n\n".join(paras) + "\n"

    @staticmethod
    def encoded_words(text: str, charset: str, codec: str, enc: str) -> str:
        words, chunk = [], ""

        def word(s: str) -> str:
            raw = s.encode(codec)
            if enc == "B":
                return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="
            q = "".join("_" if b == 32 else chr(b) if chr(b).isalnum() and b < 128 else f"={b:02X}" for b in raw)
            return f"=?{charset}?Q?{q}?="

        for ch in text:
            if chunk and len(word(chunk + ch)) > 75:
                words.append(word(chunk))
                chunk = ch
            else:
                chunk += ch
        if chunk:
            words.append(word(chunk))
        return "\n ".join(words)

    def header_text(self, text: str, lang: str) -> str:
        if all(ord(c) < 128 for c in text):
            return text
        charset, codec, _ = self.pick([c for c in CHARSETS[lang] if c[0] != "us-ascii"] or [("utf-8", "utf-8", 1)])
        try:
            text.encode(codec)
        except UnicodeEncodeError:
            charset, codec = "utf-8", "utf-8"
        enc = "Q" if charset.startswith(("iso-8859", "windows-125")) and lang in ("en", "de") else "B"
        return self.encoded_words(text, charset, codec, enc)

    def address(self, lang: str) -> tuple[str, str]:
        name = self.rng.choice(NAMES[lang])
        local = self.token(self.rng.randint(4, 9), "abcdefghijklmnopqrstuvwxyz") + self.rng.choice(["", ".", "_"]) + \
            self.token(3, "abcdefghijklmnopqrstuvwxyz0123456789")
        addr = f"{local.strip('._')}@{self.rng.choice(DOMAINS)}"
        shown = self.header_text(name, lang)
        if shown == name and ("'" in name or "," in name):
            shown = f'"{name}"'
        return shown, addr

    def body_part(self, text: str, lang: str, subtype: str = "plain") -> bytes:
        charset, codec, _ = self.pick(CHARSETS[lang])
        try:
            raw = text.encode(codec)
        except UnicodeEncodeError:
            charset, codec = "utf-8", "utf-8"
            raw = text.encode(codec)
        if codec == "iso2022_jp" or codec == "ascii":
            cte, body = "7bit", raw
        else:
            cte = self.rng.choice(["quoted-printable", "base64", "8bit"] if codec != "utf-8" or self.rng.random() < 0.5
                                  else ["quoted-printable", "base64"])
            body = quopri.encodestring(raw) if cte == "quoted-printable" else \
                base64.encodebytes(raw) if cte == "base64" else raw
        if not body.endswith(b"\n"):
            body += b"\n"
        return (f"Content-Type: text/{subtype}; charset=\"{charset}\"\nContent-Transfer-Encoding: {cte}\n\n").encode() + body

    def html_of(self, text: str, lang: str) -> str:
        paras = "".join(f'<p style="margin:0 0 12px 0;font-family:Arial,Helvetica,sans-serif;font-size:14px;'
                        f'line-height:20px;color:#333333">{p}</p>\n' for p in text.split("\n\n"))
        rows = "".join(f'<tr><td style="padding:4px;border:1px solid #ccc">BW-{self.token(4)}</td>'
                       f'<td style="padding:4px;border:1px solid #ccc" align="right">{self.rng.randint(1, 5000)}</td></tr>\n'
                       for _ in range(self.rng.randint(0, 8)))
        table = f'<table cellpadding="0" cellspacing="0" style="border-collapse:collapse">\n{rows}</table>\n' if rows else ""
        return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>mail</title>'
                f'<style>p{{margin:0}} .footer{{color:#999;font-size:11px}}</style></head>\n'
                f'<body><div style="max-width:640px;margin:0 auto">\n{paras}{table}'
                f'<p class="footer">&copy; 2026 &middot; <a href="https://www.example.com/u/{self.token(16)}">unsubscribe</a></p>'
                f'<img src="https://t.example.com/o/{self.token(24)}.gif" width="1" height="1" alt=""></div></body></html>\n')

    # -- attachments -------------------------------------------------------------------------------------

    def random_bytes(self, n: int) -> bytes:
        return self.rng.randbytes(n)

    def pdf(self, size: int) -> bytes:
        stream = self.random_bytes(max(0, size - 600))
        head = (b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n")
        obj4 = f"4 0 obj\n<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream\nendobj\n"
        body = head + obj4
        offsets = []
        for marker in (b"1 0 obj", b"2 0 obj", b"3 0 obj", b"4 0 obj"):
            offsets.append(body.index(marker))
        xref = len(body)
        body += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        body += f"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return body

    def zip(self, size: int, lang: str) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            stamp = (2026, 11, self.rng.randint(1, 28), 10, 0, 0)
            z.writestr(zipfile.ZipInfo("readme.txt", stamp), self.text_of_size(lang, 2000).encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)
            for k in range(self.rng.randint(1, 4)):
                z.writestr(zipfile.ZipInfo(f"drawings/part-{k + 1:02d}.step", stamp),
                           self.random_bytes(max(100, size // 4)), compress_type=zipfile.ZIP_STORED)
        return buf.getvalue()

    def jpeg(self, size: int) -> bytes:
        return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00" + \
            self.random_bytes(max(0, size - 22)) + b"\xff\xd9"

    def xml_invoice(self, size: int) -> bytes:
        lines = []
        k = 0
        while sum(len(x) for x in lines) < size:
            k += 1
            lines.append(f"  <cac:InvoiceLine><cbc:ID>{k}</cbc:ID><cbc:InvoicedQuantity unitCode=\"H87\">"
                         f"{self.rng.randint(1, 900)}</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID=\"EUR\">"
                         f"{self.rng.randint(1, 99999) / 100:.2f}</cbc:LineExtensionAmount><cac:Item><cbc:Name>"
                         f"Item {self.token(6)}</cbc:Name></cac:Item></cac:InvoiceLine>\n")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:'
                'Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" '
                'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n'
                + "".join(lines) + "</Invoice>\n").encode()

    def attachment(self, size: int, lang: str) -> bytes:
        kind = self.pick([("pdf", 5), ("zip", 2), ("jpg", 2), ("xml", 1), ("csv", 1)])[0]
        stem = self.rng.choice({"en": ["quotation", "invoice", "drawing", "report"], "de": ["Angebot", "Rechnung", "Übersicht", "Stückliste"],
                                "zh": ["报价单", "发票", "图纸"], "zh-Hant": ["報價單", "發票"], "ru": ["счёт", "чертёж"],
                                "ja": ["見積書", "請求書"], "ko": ["견적서"]}[lang]) + f"_{self.rng.randint(1000, 9999)}"
        if kind == "pdf":
            data, ctype, ext = self.pdf(size), self.rng.choice(["application/pdf"] * 4 + ["application/octet-stream"]), "pdf"
        elif kind == "zip":
            data, ctype, ext = self.zip(size, lang), "application/zip", "zip"
        elif kind == "jpg":
            data, ctype, ext = self.jpeg(size), "image/jpeg", "jpg"
        elif kind == "xml":
            data, ctype, ext = self.xml_invoice(size), "application/xml", "xml"
        else:
            rows = "\n".join(f"{k};BW-{self.token(5)};{self.rng.randint(1, 999)};{self.rng.randint(1, 9999) / 100:.2f}"
                             for k in range(max(1, size // 30)))
            data, ctype, ext = ("Pos;SKU;Qty;Price\n" + rows + "\n").encode(), "text/csv", "csv"
        name = f"{stem}.{ext}"
        if all(ord(c) < 128 for c in name):
            params = f'; name="{name}"', f'; filename="{name}"'
        elif self.rng.random() < 0.6:
            enc = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "".join(f"%{b:02X}" for b in c.encode("utf-8"))
                          for c in name)
            params = f"; name*=utf-8''{enc}", f"; filename*=utf-8''{enc}"
        else:
            w = self.encoded_words(name, "utf-8", "utf-8", "B").replace("\n ", " ")
            params = f'; name="{w}"', f'; filename="{w}"'
        if kind in ("xml", "csv") and self.rng.random() < 0.5:
            cte, body = "quoted-printable", quopri.encodestring(data)
        else:
            cte, body = "base64", base64.encodebytes(data)
        return (f"Content-Type: {ctype}{params[0]}\nContent-Transfer-Encoding: {cte}\n"
                f"Content-Disposition: attachment{params[1]}\n\n").encode() + body

    # -- whole messages -------------------------------------------------------------------------------------

    def headers(self, lang: str, when: dt.datetime) -> tuple[bytes, str]:
        subject = self.fill(self.rng.choice(SUBJECTS[lang]))
        name, frm = self.address(lang)
        to = [self.address(lang) for _ in range(self.rng.choice([1, 1, 1, 2, 3, 6]))]
        lines = [f"Return-Path: <{frm}>"]
        for hop in range(self.rng.randint(1, 4)):
            t = when + dt.timedelta(seconds=5 * (3 - hop))
            lines.append(f"Received: from mx{hop}.{self.rng.choice(DOMAINS)} (mx{hop}.{self.rng.choice(DOMAINS)} "
                         f"[192.0.2.{self.rng.randint(1, 254)}])\n\tby mail.example.net (Postfix) with ESMTPS id "
                         f"{self.token(12)}\n\tfor <{to[0][1]}>; {t.strftime('%a, %d %b %Y %H:%M:%S +0000')}")
        if self.rng.random() < 0.6:
            lines.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + frm.split("@")[1] +
                         "; s=s2026;\n\th=from:to:subject:date:message-id; bh=" + base64.b64encode(self.random_bytes(32)).decode() +
                         ";\n\tb=" + "\n\t ".join(base64.b64encode(self.random_bytes(256)).decode()[k:k + 70]
                                                   for k in range(0, 344, 70)))
        lines.append(f"From: {name} <{frm}>")
        lines.append("To: " + ",\n\t".join(f"{n} <{a}>" for n, a in to))
        if self.rng.random() < 0.3:
            lines.append("Cc: " + ", ".join(f"<{self.address(lang)[1]}>" for _ in range(self.rng.randint(1, 3))))
        lines.append("Subject: " + self.header_text(subject, lang))
        lines.append("Date: " + when.strftime("%a, %d %b %Y %H:%M:%S +0000"))
        lines.append(f"Message-ID: <{self.token(20)}.{self.counter}@{frm.split('@')[1]}>")
        if self.rng.random() < 0.4:
            ref = f"<{self.token(16)}@{self.rng.choice(DOMAINS)}>"
            lines += [f"In-Reply-To: {ref}", f"References: <{self.token(16)}@{self.rng.choice(DOMAINS)}> {ref}"]
        mailer = self.rng.choice(MAILERS)
        if mailer:
            lines.append(f"X-Mailer: {mailer}")
        if self.rng.random() < 0.15:
            lines += [f"List-Id: <news.{self.rng.choice(DOMAINS)}>", "Precedence: bulk",
                      f"List-Unsubscribe: <https://www.example.com/u/{self.token(20)}>"]
        lines.append("MIME-Version: 1.0")
        return ("\n".join(lines) + "\n").encode("utf-8"), subject

    def boundary(self) -> str:
        return f"----=_Part_{self.counter}_{self.token(10)}.{self.rng.randint(10**12, 10**13)}"

    def message(self, target: int, depth: int = 0) -> bytes:
        self.counter += 1
        lang = self.pick(LANGUAGE_WEIGHTS)[0]
        when = dt.datetime(2026, 1, 1) + dt.timedelta(seconds=self.rng.randint(0, 330 * 86400))
        head, _ = self.headers(lang, when)
        shape = "attachments" if target > 48_000 else \
            self.pick([("plain", 4), ("html", 2), ("alternative", 4), ("attachments", 2), ("forward", 1 if depth == 0 else 0)])[0]
        text = self.text_of_size(lang, min(target // (2 if shape == "alternative" else 1), 12_000) if shape != "attachments"
                                 else self.rng.randint(300, 3000))
        if shape == "plain":
            return head + self.body_part(text, lang)
        if shape == "html":
            return head + self.body_part(self.html_of(text, lang), lang, "html")
        b = self.boundary()
        if shape == "alternative":
            parts = [self.body_part(text, lang), self.body_part(self.html_of(text, lang), lang, "html")]
            ctype = "alternative"
        elif shape == "forward":
            inner = self.message(max(1000, target // 2), depth + 1)
            parts = [self.body_part(text[:800], lang),
                     b"Content-Type: message/rfc822\nContent-Disposition: attachment\n\n" + inner]
            ctype = "mixed"
        else:
            first = self.body_part(text, lang) if self.rng.random() < 0.5 else \
                (lambda ib: f"Content-Type: multipart/alternative; boundary=\"{ib}\"\n\n".encode() +
                 b"--" + ib.encode() + b"\n" + self.body_part(text, lang) + b"--" + ib.encode() + b"\n" +
                 self.body_part(self.html_of(text, lang), lang, "html") + b"--" + ib.encode() + b"--\n")(self.boundary())
            parts = [first]
            remaining = max(500, (target - len(head) - len(first)) * 3 // 4)
            count = 1 if remaining < 100_000 else self.rng.randint(1, 3)
            for k in range(count):
                parts.append(self.attachment(remaining // count, lang))
            ctype = "mixed"
        body = b"This is a multi-part message in MIME format.\n\n"
        for p in parts:
            body += b"--" + b.encode() + b"\n" + p
            if not body.endswith(b"\n"):
                body += b"\n"
        body += b"--" + b.encode() + b"--\n"
        return head + f"Content-Type: multipart/{ctype};\n\tboundary=\"{b}\"\n\n".encode() + body

    def target_size(self) -> int:
        lo, hi, _ = self.pick([(1_000, 16_000, 55), (16_000, 128_000, 25), (128_000, 1_000_000, 15), (1_000_000, 2_000_000, 5)])
        # log-uniform inside the class
        return int(lo * (hi / lo) ** self.rng.random())


def cpython_corpus_dir() -> Path | None:
    script = Path(__file__).resolve().parent / "cpython-email-corpus.sh"
    try:
        out = subprocess.run([str(script)], capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return None
    return Path(out.stdout.strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="directory to create (must not exist or be empty)")
    ap.add_argument("count", type=int, help="number of generated mails")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--no-cpython", action="store_true", help="do not copy CPython's email test mails")
    args = ap.parse_args()
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        ap.error(f"{out} exists and is not empty")
    out.mkdir(parents=True, exist_ok=True)
    writer = CorpusWriter(args.seed)
    total = 0
    for n in range(1, args.count + 1):
        raw = writer.message(writer.target_size())
        (out / f"bench-{n:06d}.eml").write_bytes(raw)
        total += len(raw)
    copied = 0
    if not args.no_cpython:
        src = cpython_corpus_dir()
        if src is None:
            print("note: CPython's email test mails not found; corpus has generated mails only", file=sys.stderr)
        else:
            for f in sorted(src.glob("msg_*.txt")):
                shutil.copyfile(f, out / f"cpython-{f.stem}.eml")
                total += f.stat().st_size
                copied += 1
    print(f"wrote {args.count} generated + {copied} CPython test mails, {total / 1e6:.1f} MB, to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
