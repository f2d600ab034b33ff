#!/usr/bin/env python3
"""Writes the labelled corpus for `mailroom bench tokens` (Tests/UnderstandTests/Fixtures/Gateway/token-bench/<kind>/).

Mails shaped like what business mailboxes receive: multipart/alternative with a styled HTML part (as Outlook and
Gmail send), a reply on top of quoted history, signatures with contact blocks, legal disclaimers, tracking links,
and for invoices a long text attachment (terms and conditions around the totals). English, German and Chinese.
Deterministic: the same files every run. Usage: python3 scripts/make-token-bench-corpus.py [OUTDIR]
"""
import base64
import html
import os
import sys
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from email.header import Header
from datetime import datetime, timezone

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/UnderstandTests/Fixtures/Gateway/token-bench"

PEOPLE = [("Anna Schmidt", "anna.schmidt@kunde-gmbh.de", "Kunde GmbH", "de"),
          ("John Miller", "j.miller@acme-industries.com", "ACME Industries Ltd", "en"),
          ("张伟", "zhang.wei@huaxin-tech.cn", "华信科技有限公司", "zh"),
          ("Laura Becker", "l.becker@becker-bau.de", "Becker Bau AG", "de"),
          ("Priya Nair", "priya.nair@northwind.example", "Northwind Traders", "en")]

REQUESTS = {
    "quote_request": {
        "en": "Hello,\n\ncould you please send us a quotation for 40 units of hydraulic pump HP-200 and 12 seal kits SK-7?\nWe need delivery by 15 December. Please quote your best price including shipping.",
        "de": "Guten Tag,\n\nbitte senden Sie uns ein Angebot über 40 Stück Hydraulikpumpe HP-200 und 12 Dichtungssätze SK-7.\nLiefertermin wäre der 15. Dezember. Bitte nennen Sie uns Ihren Preis inklusive Versand.",
        "zh": "您好，\n\n请给我们报价：40台液压泵 HP-200 和 12套密封件 SK-7。\n希望12月15日前交货，请报含运费的价格。",
    },
    "support_ticket": {
        "en": "Hi support team,\n\nthe controller unit we bought last month is not working since yesterday: it shows error E-42 after start-up.\nOrder reference ORD-2026-3381. This is urgent, our line is down.",
        "de": "Hallo Support,\n\ndie Steuereinheit aus unserer Bestellung ORD-2026-3381 funktioniert nicht mehr: nach dem Start erscheint Fehler E-42.\nDas ist dringend, unsere Linie steht.",
        "zh": "您好，\n\n我们上个月购买的控制器从昨天开始无法启动，显示故障代码 E-42。\n订单号 ORD-2026-3381。问题很紧急，生产线已经停了。",
    },
    "approval": {
        "en": "Approved. Go ahead with APR-2026-0042.",
        "de": "Genehmigt, bitte APR-2026-0042 wie vorgeschlagen umsetzen.",
        "zh": "同意，批准 APR-2026-0042。",
    },
    "invoice": {
        "en": "Dear customer,\n\nplease find attached our invoice INV-2026-0815 for the delivery of 12 November.\nTotal amount due: 1,190.00 EUR, payable within 30 days to IBAN DE89 3704 0044 0532 0130 00.",
        "de": "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung RE-2026-0815 für die Lieferung vom 12. November.\nGesamtbetrag 1.190,00 EUR, zahlbar innerhalb von 30 Tagen auf IBAN DE89 3704 0044 0532 0130 00.",
        "zh": "您好，\n\n附件是我们 11月12日交货的发票 INV-2026-0815。\n合计 1190.00 元，请于30天内付款。",
    },
    "other": {
        "en": "Hi all,\n\nreminder: the summer party is on Friday from 4 pm in the courtyard. Bring your family! Lunch will be served.",
        "de": "Hallo zusammen,\n\nunser Newsletter für November: neue Webinar-Termine, Messen und Neuigkeiten aus dem Team.",
        "zh": "各位同事：\n\n本周五下午四点在院子里举办夏季聚会，欢迎带家人参加。",
    },
}

SUBJECTS = {"quote_request": "Request", "support_ticket": "Controller", "approval": "[APR-2026-0042] Approval needed",
            "invoice": "Invoice", "other": "Info"}

QUOTED = {
    "en": "On Tue, 10 Nov 2026 at 09:14, Sales Team <sales@example.com> wrote:\n" + "".join(
        "> %s\n" % l for l in ["Dear customer,", "", "thank you for your interest in our products. Our catalogue for 2027 is attached.",
                               "Our sales engineers are happy to advise you on hydraulics, controllers and spare parts.",
                               "", "Best regards", "Sales Team", "Example Hydraulics GmbH", "",
                               "> On Mon, 9 Nov 2026, customer wrote:", "> we are looking at suppliers for next year."] * 3),
    "de": "Am 10.11.2026 um 09:14 schrieb Vertrieb <sales@example.com>:\n" + "".join(
        "> %s\n" % l for l in ["Sehr geehrte Damen und Herren,", "", "vielen Dank für Ihr Interesse an unseren Produkten.",
                               "Gerne beraten wir Sie zu Hydraulik, Steuerungen und Ersatzteilen.", "", "Mit freundlichen Grüßen",
                               "Ihr Vertriebsteam"] * 3),
    "zh": "发件人: 销售部 <sales@example.com>\n发送时间: 2026年11月10日 9:14\n收件人: 客户\n主题: 产品目录\n\n" +
          "感谢您对我们产品的关注。附件是2027年产品目录。我们的销售工程师乐意为您提供液压、控制器和备件方面的咨询。\n" * 3,
}

SIGNATURE = {
    "en": "Best regards\n{name}\n{company}\nPurchasing Department\nPhone +44 20 7946 0958\nMobile +44 7700 900123\n{company}, 221B Industrial Park, London NW1 6XE\nwww.acme-industries.example\n\n"
          "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify the sender and delete it. Any unauthorised use, disclosure or copying is prohibited.\n\nPlease consider the environment before printing this e-mail.",
    "de": "Mit freundlichen Grüßen\n{name}\n{company}\nEinkauf\nTel. +49 30 1234567\nFax +49 30 1234568\nwww.kunde-gmbh.example\n\n"
          "{company} · Sitz: Berlin · Amtsgericht Charlottenburg HRB 123456 · Geschäftsführer: Dr. Max Mustermann\n\n"
          "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Empfänger sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.",
    "zh": "此致\n{name}\n{company}\n采购部\n电话：+86 10 8888 6666\n手机：13812345678\n地址：北京市海淀区中关村大街1号\n\n免责声明：本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人或群组。禁止任何其他人以任何形式使用本邮件中的信息。如果您错收了本邮件，请您立即电话或邮件通知发件人并删除本邮件。",
}

STYLE = "<style>p.MsoNormal,li.MsoNormal,div.MsoNormal{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;} a:link{color:#0563C1;text-decoration:underline;} @font-face{font-family:\"Cambria Math\";panose-1:2 4 5 3 5 4 6 3 2 4;} @page WordSection1{size:612.0pt 792.0pt;margin:70.85pt 70.85pt 2.0cm 70.85pt;} div.WordSection1{page:WordSection1;}</style>"


def html_part(text):
    paras = "".join("<p class=MsoNormal><span style='font-size:11.0pt;font-family:\"Calibri\",sans-serif;color:#1F497D'>%s<o:p></o:p></span></p>\n"
                    % (html.escape(line) or "&nbsp;") for line in text.split("\n"))
    tracking = "<img src=\"https://track.example-mailer.com/open/9f8e7d6c5b4a39281706f5e4d3c2b1a0?u=abcdef0123456789&amp;utm_source=mail\" width=1 height=1>"
    return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
            "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><meta name=Generator content=\"Microsoft Word 15 (filtered medium)\">"
            + STYLE + "</head><body lang=EN-US link=\"#0563C1\" vlink=\"#954F72\"><div class=WordSection1>\n" + paras + tracking + "</div></body></html>")


TERMS = "".join("§%d General terms: deliveries are subject to our general terms and conditions of sale, which apply exclusively. "
                "Retention of title applies until full payment. Place of jurisdiction is the seat of the seller.\n" % i for i in range(1, 60))


def make(kind, i, person):
    name, addr, company, lang = person
    body = REQUESTS[kind][lang]
    text = body + "\n\n" + SIGNATURE[lang].format(name=name, company=company)
    if kind != "other":
        text += "\n\n" + QUOTED[lang]
    msg = MIMEMultipart("mixed") if kind == "invoice" else MIMEMultipart("alternative")
    alt = MIMEMultipart("alternative") if kind == "invoice" else msg
    alt.attach(MIMEText(text, "plain", "utf-8"))
    alt.attach(MIMEText(html_part(text), "html", "utf-8"))
    if kind == "invoice":
        msg.attach(alt)
        doc = ("INVOICE %s\nSeller: Example Supplies GmbH\nBuyer: %s\nDate: 2026-11-12\n\n" % ("INV-2026-0815", company)
               + TERMS + "\nPos 1  Hydraulic pump HP-200  2 x 500.00 = 1,000.00\nNet total 1,000.00 EUR\nVAT 19%% 190.00 EUR\n"
               "Gross total 1,190.00 EUR\nIBAN DE89 3704 0044 0532 0130 00\n\n" + TERMS)
        att = MIMEApplication(doc.encode(), "octet-stream")
        att.replace_header("Content-Type", "text/plain; charset=utf-8")
        att.add_header("Content-Disposition", "attachment", filename="invoice-INV-2026-0815.txt")
        msg.attach(att)
    msg["From"] = formataddr((str(Header(name, "utf-8")) if not name.isascii() else name, addr))
    msg["To"] = "Mailroom <orders@example.com>"
    msg["Subject"] = ("Re: " if kind not in ("other",) else "") + SUBJECTS[kind] + " %d" % i
    msg["Date"] = format_datetime(datetime(2026, 11, 16, 9, i, tzinfo=timezone.utc))
    msg["Message-ID"] = "<bench-%s-%d@example.com>" % (kind, i)
    msg["X-Mailer"] = "Microsoft Outlook 16.0"
    msg["Thread-Index"] = base64.b64encode(("thread-%s-%d" % (kind, i)).encode() * 3).decode()
    return msg.as_bytes()


def main():
    for kind in REQUESTS:
        os.makedirs(os.path.join(OUT, kind), exist_ok=True)
        for i, person in enumerate(PEOPLE):
            with open(os.path.join(OUT, kind, "%02d.eml" % (i + 1)), "wb") as f:
                f.write(make(kind, i + 1, person))
    print("wrote %d mails to %s" % (len(REQUESTS) * len(PEOPLE), OUT))


if __name__ == "__main__":
    main()
