#!/usr/bin/env python3
"""Hand-written evaluation mails received by Nordküste Frischkontor GmbH, Hamburg (food wholesale).

Every mail below is written out as its own text. Run: python3 nordkueste-frischkontor/mails.py
"""
import hashlib
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

CO = "nordkueste-frischkontor"
DOM = "nordkueste-frischkontor.example"


def d(stamp: str, tz: str = "") -> str:
    """RFC 5322 date for 'YYYY-MM-DD HH:MM:SS' (Hamburg time unless tz like '-0500' is given)."""
    dt = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
    if not tz:
        tz = "+0200" if dt < datetime(2026, 10, 25, 3) else "+0100"
    sign = 1 if tz[0] == "+" else -1
    off = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * sign
    return format_datetime(dt.replace(tzinfo=timezone(off)))


def W(kind, name, raw, expected=None):
    write(CO, kind, name, raw, expected)


def report(*, frm, to, subject, date, text, status, original, report_type="delivery-status",
           status_type="message/delivery-status", headers=()):
    """A multipart/report (bounce or read receipt) written out by hand; all parts ASCII."""
    b = "----=_Report_" + hashlib.sha1((frm + subject + date).encode()).hexdigest()[:14]
    head = [("From", frm), ("To", to), ("Subject", subject), ("Date", date),
            ("Message-ID", "<" + hashlib.sha1(date.encode()).hexdigest()[:18] + "@" + frm.rsplit("@", 1)[-1].strip("> ") + ">")]
    head += list(headers)
    head += [("MIME-Version", "1.0"),
             ("Content-Type", f'multipart/report; report-type={report_type};\n boundary="{b}"')]
    out = "".join(f"{k}: {v}\n" for k, v in head)
    out += ("\nThis is a MIME-encapsulated message.\n\n"
            f"--{b}\nContent-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\n{text.strip()}\n\n"
            f"--{b}\nContent-Type: {status_type}\n\n{status.strip()}\n\n"
            f"--{b}\nContent-Type: text/rfc822-headers\n\n{original.strip()}\n\n"
            f"--{b}--\n")
    return out.encode("ascii")


US = address("Nordküste Frischkontor – Einkauf", f"einkauf@{DOM}")
BUCH = f"buchhaltung@{DOM}"
INFO = address("Nordküste Frischkontor GmbH", f"info@{DOM}")
VERKAUF = address("Verkauf Nordküste", f"verkauf@{DOM}")

# ============================================================================================ invoices

W("invoice", "01_skagen_fisk_pdf", build(
    frm=address("Skagen Fisk A/S – Accounting", "accounting@skagenfisk.example"),
    to=BUCH,
    subject="Invoice 26-10482 Skagen Fisk A/S",
    date=d("2026-10-06 07:41:10"),
    text="""Dear Sirs,

please find attached our invoice no. SF-26-10482 for the delivery of 05.10.2026 (your order NK-B-26-0871).

Payment 14 days net to our account at Danske Bank, IBAN DK5000400440116243.

Med venlig hilsen / Best regards

Mette Kjærgaard
Accounting
Skagen Fisk A/S
Havnevej 14, DK-9990 Skagen
Tel +45 98 44 12 60
CVR 31 84 27 19
""",
    attachments=[("SF-26-10482.pdf", "application/pdf", pdf([
        "SKAGEN FISK A/S - INVOICE",
        "Havnevej 14, DK-9990 Skagen, Denmark     VAT no. DK31842719",
        "",
        "Invoice no.:   SF-26-10482",
        "Invoice date:  06.10.2026",
        "Delivery date: 05.10.2026",
        "Customer:      Nordkueste Frischkontor GmbH, Grosser Grasbrook 31, 20457 Hamburg",
        "Customer VAT:  DE298114377          Your order: NK-B-26-0871",
        "",
        "Item                                   Qty      Unit price      Amount EUR",
        "Cod loins skinless, MSC, 5kg box       40 kg        14.85           594.00",
        "Plaice fillets, frozen at sea          25 kg        11.20           280.00",
        "Cold smoked salmon, sliced             30 kg        21.40           642.00",
        "North Sea shrimps, peeled               12 kg        38.50           462.00",
        "Transport, chilled (Skagen-Hamburg)     1            85.00            85.00",
        "",
        "Net amount                                                      2,063.00",
        "VAT 0%  - reverse charge, art. 196 Directive 2006/112/EC               0.00",
        "TOTAL EUR                                                       2,063.00",
        "",
        "Payment: 14 days net, due 20.10.2026",
        "Danske Bank  IBAN DK50 0040 0440 1162 43   BIC DABADKKK",
    ], "Invoice SF-26-10482"))]),
    {"invoice_number": "SF-26-10482", "issue_date": "2026-10-06", "seller": "Skagen Fisk A/S", "currency": "EUR",
     "net_total": "2063.00", "tax_total": "0.00", "gross_total": "2063.00", "iban": "DK5000400440116243"})

W("invoice", "02_van_der_berg_body", build(
    frm=address("Joost van der Berg", "joost@vdberg-kaas.example"),
    to=address("Buchhaltung Nordküste", BUCH),
    cc=address("Svenja Brandt", f"s.brandt@{DOM}"),
    subject="invoice cheese week 42",
    date=d("2026-10-14 16:05:33"),
    text="""Hello Merle, hello Svenja,

our bookkeeping system is down since monday so I send you the invoice in the mail this time, the pdf will
follow when it works again. Sorry for that! The numbers are the same what the pdf will say.

INVOICE 2026-VK-03318        date: 14-10-2026
Van der Berg Kaas B.V., Reewal 7, 2411 Bodegraven, NL   - VAT NL812244690B01
to: Nordküste Frischkontor GmbH, Hamburg - VAT DE298114377

  product                          kg      price/kg      amount
  Gouda jong 48+ (6 wheels)       72,0       7,40        532,80
  Gouda belegen 48+               48,0       8,95        429,60
  Edam 40+                        36,0       6,85        246,60
  Maasdammer slices 1 kg          20,0       9,30        186,00
                                                       --------
  total excl. VAT                                     1.395,00
  VAT 0% intra-community supply (reverse charge)          0,00
  TO PAY                                          EUR 1.395,00

Payment within 30 days to Rabobank IBAN NL43RABO0312847561 (BIC RABONL2U), please mention the invoice number.

Met vriendelijke groet / kind regards,
Joost van der Berg
Van der Berg Kaas B.V.
+31 172 61 48 20
""",
    charset="iso-8859-1", cte="quoted-printable"),
    {"invoice_number": "2026-VK-03318", "issue_date": "2026-10-14", "seller": "Van der Berg Kaas B.V.", "currency": "EUR",
     "net_total": "1395.00", "tax_total": "0.00", "gross_total": "1395.00", "iban": "NL43RABO0312847561"})

W("invoice", "03_mazurskie_pln", build(
    frm=address("Agnieszka Wróbel", "a.wrobel@mazurskie-przetwory.example"),
    to=address(None, BUCH),
    subject="Invoice FV/2026/11/0457 - Mazurskie Przetwory",
    date=d("2026-11-03 10:22:51"),
    text="""Good morning,

in attachment we are sending invoice FV/2026/11/0457 for goods delivered 02.11.2026 with truck WND 48217.

Invoice is in PLN as agreed in the contract for 2026. Total amount to pay: 12 530,00 zł.
Please make transfer to our account in PKO BP:
IBAN PL81 1140 2004 0000 3702 4567 8901, SWIFT BPKOPLPW

If any questions please contact me.

With best regards
Agnieszka Wróbel
Specjalista ds. sprzedaży eksportowej / Export sales
Mazurskie Przetwory Sp. z o.o.
ul. Jeziorna 22, 11-700 Mrągowo, Poland
NIP PL7422189305
""",
    attachments=[("FV_2026_11_0457.pdf", "application/pdf", pdf([
        "FAKTURA VAT / INVOICE  FV/2026/11/0457",
        "Seller: Mazurskie Przetwory Sp. z o.o., ul. Jeziorna 22, 11-700 Mragowo, PL   NIP PL7422189305",
        "Buyer:  Nordkueste Frischkontor GmbH, Grosser Grasbrook 31, 20457 Hamburg, DE  VAT DE298114377",
        "Date of issue: 2026-11-03      Date of delivery: 2026-11-02      Payment: 21 days",
        "",
        "No  Product                                   Qty   Unit price PLN    Value PLN",
        "1   Pickled cucumbers (ogorki kiszone) 5 kg   120         42,50        5 100,00",
        "2   Sauerkraut (kapusta kiszona) 10 kg          80         38,00        3 040,00",
        "3   Forest fruit jam 3 kg                       60         54,90        3 294,00",
        "4   Red beet salad 2,5 kg                       40         27,40        1 096,00",
        "",
        "Net value:                                                          12 530,00 PLN",
        "VAT 0% (WDT - intra-community supply, art. 42 VAT Act)                  0,00 PLN",
        "Total to pay:                                                       12 530,00 PLN",
        "In words: twelve thousand five hundred thirty PLN 00/100",
        "Bank: PKO BP  IBAN PL81114020040000370245678901  SWIFT BPKOPLPW",
    ], "FV/2026/11/0457"))]),
    {"invoice_number": "FV/2026/11/0457", "issue_date": "2026-11-03", "seller": "Mazurskie Przetwory Sp. z o.o.",
     "currency": "PLN", "net_total": "12530.00", "tax_total": "0.00", "gross_total": "12530.00",
     "iban": "PL81114020040000370245678901"})

W("invoice", "04_huerta_segura_factura", build(
    frm=address("Administración Huerta del Segura", "administracion@huertadelsegura.example", "iso-8859-1"),
    to=address(None, BUCH),
    subject=encoded("Factura nº A-2026/1187 - Huerta del Segura S.L.", "iso-8859-1", "Q"),
    date=d("2026-10-21 12:48:02"),
    text="""Estimados señores:

Les remitimos la factura correspondiente al pedido NK-B-26-0944, cargado en nuestro almacén de Alcantarilla
el 19/10/2026.

FACTURA Nº A-2026/1187                          Fecha: 21/10/2026
Huerta del Segura S.L. - CIF B30587412 - Ctra. de Mula km 3, 30820 Alcantarilla (Murcia)
Cliente: Nordküste Frischkontor GmbH - NIF-IVA DE298114377

Concepto                               Cajas    Precio/caja     Importe
Limones Verna cal. 4 (15 kg)              60         13,20       792,00
Naranjas Navel cal. 5 (15 kg)             48         11,80       566,40
Lechuga iceberg (10 ud.)                  80          9,45       756,00
Pimientos rojos California (5 kg)         30         12,60       378,00

Base imponible:                                              2.492,40 €
IVA 0% - entrega intracomunitaria exenta (art. 25 LIVA):         0,00 €
TOTAL FACTURA:                                               2.492,40 €

Forma de pago: transferencia a 30 días.
Banco Sabadell - IBAN ES9121000418450200051332

Un cordial saludo,

Lucía Navarro Pérez
Departamento de Administración
Huerta del Segura S.L.
Tel. +34 968 80 21 45
""",
    charset="windows-1252", cte="8bit"),
    {"invoice_number": "A-2026/1187", "issue_date": "2026-10-21", "seller": "Huerta del Segura S.L.", "currency": "EUR",
     "net_total": "2492.40", "tax_total": "0.00", "gross_total": "2492.40", "iban": "ES9121000418450200051332"})

W("invoice", "05_holsteiner_meierei_csv", build(
    frm=address("Holsteiner Meierei eG", "rechnung@holsteiner-meierei.example"),
    to=BUCH,
    subject="Rechnung 2026-104377",
    date=d("2026-11-10 05:02:17"),
    text="""Sehr geehrte Damen und Herren,

anbei erhalten Sie unsere Rechnung Nr. 2026-104377 vom 10.11.2026 als CSV-Datei für Ihre Warenwirtschaft.

Rechnungsbetrag: 2.450,51 EUR (netto 2.290,20 EUR zzgl. 7 % USt 160,31 EUR)
Fällig am 24.11.2026 ohne Abzug. Bei Zahlung bis 17.11.2026 2 % Skonto.

Bankverbindung: Förde Sparkasse, IBAN DE08200400600781234500

Diese E-Mail wurde automatisch erstellt. Bei Rückfragen: debitoren@holsteiner-meierei.example

Holsteiner Meierei eG · Meiereistraße 2 · 24589 Nortorf
Vorstand: Hinrich Lamp, Gesche Tiedemann · Genossenschaftsregister Kiel GnR 221
""",
    attachments=[("RE_2026-104377.csv", "text/csv", """Rechnungsnummer;Rechnungsdatum;Lieferschein;Artikelnr;Bezeichnung;Menge;Einheit;Einzelpreis;Betrag netto;USt-Satz
2026-104377;10.11.2026;LS-884120;1001;Vollmilch 3,5% 1 l;480;Stk;1,12;537,60;7
2026-104377;10.11.2026;LS-884120;1210;Schlagsahne 30% 1 l;120;Stk;3,85;462,00;7
2026-104377;10.11.2026;LS-884120;2050;Deutsche Markenbutter 250 g;400;Stk;1,98;792,00;7
2026-104377;10.11.2026;LS-884121;3120;Speisequark 20% 5 kg;30;Eimer;11,40;342,00;7
2026-104377;10.11.2026;LS-884121;3400;Joghurt natur 3,5% 1 kg;90;Becher;1,74;156,60;7
;;;;Summe netto;;;;2290,20;
;;;;USt 7%;;;;160,31;
;;;;Rechnungsbetrag;;;;2450,51;
""".encode())]),
    {"invoice_number": "2026-104377", "issue_date": "2026-11-10", "seller": "Holsteiner Meierei eG", "currency": "EUR",
     "net_total": "2290.20", "tax_total": "160.31", "gross_total": "2450.51", "iban": "DE08200400600781234500"})

W("invoice", "06_kuehltrans_pdf", build(
    frm=address("Kühltrans Nord GmbH", "faktura@kuehltrans-nord.example"),
    to=address("Nordküste Frischkontor Buchhaltung", BUCH),
    subject="Ihre Rechnung KTN-R-2026-0913 / Oktober",
    date=d("2026-11-02 14:30:00"),
    text="""Moin Frau Hansen,

anbei die Sammelrechnung für die Kühltransporte im Oktober. Tourenliste ist auf Seite 1 mit drauf.

Gruß aus Billbrook
Ole Martens
Disposition & Abrechnung
Kühltrans Nord GmbH | Halskestraße 40 | 22113 Hamburg | 040 7344 0920
""",
    attachments=[("KTN-R-2026-0913.pdf", "application/pdf", pdf([
        "Kuehltrans Nord GmbH - Rechnung",
        "Halskestrasse 40, 22113 Hamburg   USt-IdNr. DE301447852",
        "",
        "An: Nordkueste Frischkontor GmbH, Grosser Grasbrook 31, 20457 Hamburg",
        "Rechnungsnummer: KTN-R-2026-0913",
        "Rechnungsdatum:  02.11.2026",
        "Leistungszeitraum: 01.10.2026 - 31.10.2026",
        "",
        "Pos  Leistung                                   Anzahl    Preis       Betrag",
        "1    Kuehltour Hamburg Stadtgebiet (bis 8 Stopps)   22    148,00 EUR  3.256,00 EUR",
        "2    Kuehltour Umland (Pinneberg/Stade/Lueneburg)    6    212,00 EUR  1.272,00 EUR",
        "3    Mautpauschale Oktober                           1     96,40 EUR     96,40 EUR",
        "",
        "Summe netto                                                       4.624,40 EUR",
        "zzgl. 19 % USt                                                      878,64 EUR",
        "Rechnungsbetrag                                                   5.503,04 EUR",
        "",
        "Zahlbar innerhalb 14 Tagen ohne Abzug.",
        "Hamburger Sparkasse  IBAN DE59210501700045612378",
    ], "Rechnung KTN-R-2026-0913"))]),
    {"invoice_number": "KTN-R-2026-0913", "issue_date": "2026-11-02", "seller": "Kühltrans Nord GmbH", "currency": "EUR",
     "net_total": "4624.40", "tax_total": "878.64", "gross_total": "5503.04", "iban": "DE59210501700045612378"})

W("invoice", "07_holsteiner_gutschrift", build(
    frm=address("Gesa Thomsen", "g.thomsen@holsteiner-meierei.example"),
    to=address("Merle Hansen", f"m.hansen@{DOM}"),
    subject="Gutschrift zu Reklamation Sahne LS-884120",
    date=d("2026-11-17 11:12:45"),
    text="""Hallo Frau Hansen,

wie am Telefon besprochen schreiben wir Ihnen die 40 Liter Schlagsahne aus der Lieferung LS-884120 gut
(Kühlkette beim Umladen unterbrochen, Ihr Fahrer hat das ja dokumentiert).

GUTSCHRIFT Nr. GS-2026-00871 vom 17.11.2026
zur Rechnung 2026-104377

  40 x Schlagsahne 30% 1 l     à 3,85 €     -154,00 €
  zzgl. 7 % USt                              -10,78 €
  Gutschriftsbetrag                          -164,78 €

Den Betrag verrechnen wir mit der nächsten Rechnung, Sie können ihn aber auch gern direkt von der
offenen Rechnung 2026-104377 abziehen.

Viele Grüße
Gesa Thomsen
Kundenservice Großverbraucher
Holsteiner Meierei eG, Nortorf
""",
    charset="windows-1252", cte="quoted-printable"),
    {"invoice_number": "GS-2026-00871", "issue_date": "2026-11-17", "seller": "Holsteiner Meierei eG", "currency": "EUR",
     "net_total": "-154.00", "tax_total": "-10.78", "gross_total": "-164.78"})

W("invoice", "08_hansa_verpackung_erinnerung", build(
    frm=address("Hansa Verpackung GmbH Debitorenbuchhaltung", "debitoren@hansa-verpackung.example"),
    to=address(None, BUCH),
    subject="Zahlungserinnerung - Rechnung HV-45512",
    date=d("2026-11-20 08:00:04"),
    text="""Sehr geehrte Damen und Herren,

sicher ist es Ihrer Aufmerksamkeit entgangen: Zu der unten aufgeführten Rechnung konnten wir bis heute
keinen Zahlungseingang feststellen.

  Rechnungsnummer:   HV-45512
  Rechnungsdatum:    15.10.2026
  Fällig seit:       14.11.2026

  600 Stk  EPS-Fischkiste 10 kg mit Deckel       à 1,35     810,00 EUR
   10 Krt  Vakuumbeutel 250x350 mm (1000 Stk)   à 42,50     425,00 EUR
  Nettobetrag                                             1.235,00 EUR
  USt 19 %                                                  234,65 EUR
  Offener Betrag                                          1.469,65 EUR

Bitte überweisen Sie den offenen Betrag innerhalb der nächsten 7 Tage auf unser Konto bei der
Commerzbank, IBAN DE38200300000012908877. Sollten Sie die Zahlung zwischenzeitlich veranlasst haben,
betrachten Sie dieses Schreiben bitte als gegenstandslos.

Mit freundlichen Grüßen
Hansa Verpackung GmbH
Debitorenbuchhaltung
Moorfleeter Deich 118, 22113 Hamburg
Geschäftsführer: Rainer Stoltenberg · HRB 117420 Amtsgericht Hamburg
""",
    charset="iso-8859-1"),
    {"invoice_number": "HV-45512", "issue_date": "2026-10-15", "seller": "Hansa Verpackung GmbH", "currency": "EUR",
     "net_total": "1235.00", "tax_total": "234.65", "gross_total": "1469.65", "iban": "DE38200300000012908877"})

W("invoice", "09_jessen_kaelte_html", build(
    frm=address("Kältetechnik Jessen", "buero@jessen-kaelte.example"),
    to=address("Hauke Petersen", f"h.petersen@{DOM}"),
    cc=BUCH,
    subject=encoded("Rechnung 2026-0877 Reparatur Kühlzelle 2", "utf-8", "Q"),
    date=d("2026-12-03 17:44:29"),
    html="""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">
<p>Hallo Herr Petersen,</p>
<p>hier wie versprochen die Rechnung für den Notdienst am Montag (Kühlzelle 2, Kompressor lief nicht an).</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:10pt">
<tr style="background:#dde7f3"><td colspan="4"><b>Rechnung Nr. 2026-0877</b> &nbsp; Datum: 03.12.2026 &nbsp; Kunden-Nr. 10422</td></tr>
<tr><th align="left">Leistung</th><th>Menge</th><th>Einzelpreis</th><th>Gesamt</th></tr>
<tr><td>Monteurstunden Notdienst 30.11.2026</td><td align="right">5,5 h</td><td align="right">78,00 €</td><td align="right">429,00 €</td></tr>
<tr><td>Anfahrtspauschale</td><td align="right">1</td><td align="right">45,00 €</td><td align="right">45,00 €</td></tr>
<tr><td>Anlaufrelais Kompressor Danfoss-kompatibel</td><td align="right">1</td><td align="right">186,50 €</td><td align="right">186,50 €</td></tr>
<tr><td>Kältemittel R290 nachgefüllt</td><td align="right">1,2 kg</td><td align="right">95,00 €</td><td align="right">114,00 €</td></tr>
<tr><td colspan="3" align="right">Netto</td><td align="right">774,50 €</td></tr>
<tr><td colspan="3" align="right">MwSt. 19 %</td><td align="right">147,16 €</td></tr>
<tr><td colspan="3" align="right"><b>Gesamtbetrag</b></td><td align="right"><b>921,66 €</b></td></tr>
</table>
<p>Zahlbar innerhalb 10 Tagen auf das Konto bei der Volksbank Stormarn, IBAN DE93250501800037766541.</p>
<p>Mit freundlichem Gruß<br>Bernd Jessen<br>Kältetechnik Jessen e.K. · Kältefachbetrieb · Ahrensburger Str. 12 · 22041 Hamburg<br>
Steuer-Nr. 43/129/04418</p>
</body></html>"""),
    {"invoice_number": "2026-0877", "issue_date": "2026-12-03", "seller": "Kältetechnik Jessen e.K.", "currency": "EUR",
     "net_total": "774.50", "tax_total": "147.16", "gross_total": "921.66", "iban": "DE93250501800037766541"})

# ============================================================================================ purchase orders

W("purchase_order", "01_hotel_elbblick_table", build(
    frm=address("Küche Hotel Elbblick", "kueche@hotel-elbblick.example"),
    to=VERKAUF,
    subject="Bestellung HE-EK-2026-1142 Lieferung Donnerstag",
    date=d("2026-09-15 06:12:40"),
    text="""Guten Morgen,

bitte liefern Sie uns am Donnerstag, 17.09.2026, zwischen 6:00 und 7:30 Uhr an die Anlieferung Strandweg
(Rampe hinten) folgende Ware:

Bestellnummer: HE-EK-2026-1142

Artikel                          | Menge   | Preis     | Summe
---------------------------------|---------|-----------|---------
Räucherlachs geschnitten         | 8 kg    | 24,90 €   | 199,20 €
Nordseekrabben gepult            | 3 kg    | 46,00 €   | 138,00 €
Butter 250 g                     | 120 Stk |  2,35 €   | 282,00 €
Vollmilch 3,5 % 1 l              | 240 Stk |  1,29 €   | 309,60 €
Gouda jung in Scheiben           | 10 kg   |  9,80 €   |  98,00 €
---------------------------------|---------|-----------|---------
Gesamt netto                     |         |           | 1.026,80 €

Preise lt. Rahmenvereinbarung 2026. Lieferschein bitte mit unserer Bestellnummer.

Danke & Gruß
Tobias Reimers
Sous Chef
Hotel Elbblick Blankenese GmbH & Co. KG
Strandweg 88 · 22587 Hamburg
""",
    charset="utf-8", cte="quoted-printable"),
    {"order_number": "HE-EK-2026-1142", "total": "1026.80", "currency": "EUR", "buyer": "Hotel Elbblick Blankenese GmbH & Co. KG"})

W("purchase_order", "02_werftkantine_csv", build(
    frm=address("Kantine HWS – Birgit Lorenzen", "b.lorenzen@hws-werftservice.example"),
    to=address(None, f"bestellung@{DOM}"),
    subject="Bestellung KA-4471-26",
    date=d("2026-10-01 13:58:09"),
    text="""Hallo zusammen,

anbei unsere Bestellung für nächste Woche als CSV (wie immer aus dem Kantinenprogramm).
Lieferung bitte Montag 05.10. bis 9 Uhr, Tor 3.

Bestellwert laut Liste: 923,90 EUR netto.

Gruß
Birgit Lorenzen
Küchenleitung Betriebsrestaurant
Hanseatische Werftservice GmbH
Kuhwerder Hafen 3, 20457 Hamburg
""",
    attachments=[("Bestellung_KA-4471-26.csv", "text/csv", """Bestellnummer;Pos;Artikel;Gebinde;Menge;Preis;Gesamt
KA-4471-26;1;Kartoffeln festkochend;25 kg Sack;12;14,50;174,00
KA-4471-26;2;Möhren;10 kg;8;9,90;79,20
KA-4471-26;3;Seelachsfilet TK;5 kg Karton;10;42,50;425,00
KA-4471-26;4;Schlagsahne 30%;1 l;30;3,95;118,50
KA-4471-26;5;Reis parboiled;5 kg;10;8,40;84,00
KA-4471-26;6;Zwiebeln gelb;10 kg;6;7,20;43,20
;;;;;Summe;923,90
""".encode())]),
    {"order_number": "KA-4471-26", "total": "923.90", "currency": "EUR", "buyer": "Hanseatische Werftservice GmbH"})

W("purchase_order", "03_bistro_moewe_iphone", build(
    cte="base64",
    frm=address("Jana Claußen", "jana.claussen@kleine-moewe.example"),
    to=address("Jens Kröger", f"j.kroeger@{DOM}"),
    subject="Best. 118",
    date=d("2026-10-08 23:41:16"),
    text="""Jens, für Freitag bitte:

10 kg Lachsfilet à 18,90 = 189,00
15 kg Miesmuscheln à 4,80 = 72,00
1 Kiste Zitronen 16,50

= 277,50 €. Bestellnr. KM-118 wie immer auf den Lieferschein.
Kommt ihr vor 11?

LG Jana
Bistro Kleine Möwe

Von meinem iPhone gesendet
"""),
    {"order_number": "KM-118", "total": "277.50", "currency": "EUR", "buyer": "Bistro Kleine Möwe"})

W("purchase_order", "04_harbourside_en_pdf", build(
    frm=address("Procurement Meridian Hospitality", "procurement.hamburg@meridian-hospitality.example"),
    to=VERKAUF,
    subject="Purchase Order 4500018834 - Harbourside Suites Hamburg",
    date=d("2026-10-13 09:30:00"),
    text="""Dear Supplier,

Please find attached Purchase Order 4500018834 issued by Meridian Hospitality Group Germany GmbH for
Harbourside Suites Hamburg.

Kindly confirm receipt and delivery date by return email. Please quote the PO number on all delivery
notes and invoices; invoices without a valid PO number cannot be processed.

Regards,
Procurement Team Germany
Meridian Hospitality Group Germany GmbH

This message was sent from an unmonitored mailbox workflow. For questions please contact
Daniel Okafor, Purchasing Manager, d.okafor@meridian-hospitality.example

CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be legally privileged.
If you are not the intended recipient, please notify the sender immediately and delete this e-mail. Any
unauthorised use, disclosure or copying is strictly prohibited. Meridian Hospitality Group does not accept
liability for any damage caused by viruses transmitted via this e-mail.
""",
    attachments=[("PO_4500018834.pdf", "application/pdf", pdf([
        "PURCHASE ORDER 4500018834",
        "Buyer: Meridian Hospitality Group Germany GmbH - Harbourside Suites Hamburg",
        "Ship to: Harbourside Suites, Am Sandtorkai 60, 20457 Hamburg, Goods receiving (Loading bay B)",
        "Vendor: Nordkueste Frischkontor GmbH, Vendor no. 700412",
        "PO date: 13 Oct 2026        Delivery date: 16 Oct 2026, 07:00-09:00",
        "Payment terms: 30 days net",
        "",
        "Line  Material   Description                      Qty    UoM   Unit price    Net value",
        "10    F-22081    Greek style yoghurt 10% 1kg       60    EA       3.10        186.00",
        "20    F-22140    Cheddar mature, 5kg block           4    EA      41.50        166.00",
        "30    F-30012    Smoked salmon, sliced, skinless    12    KG      23.80        285.60",
        "40    F-41007    Orange juice freshly pressed 5L    20    EA      12.90        258.00",
        "",
        "Total net value                                                      EUR 895.60",
        "",
        "Approved: D. Okafor, Purchasing Manager",
    ], "PO 4500018834"))]),
    {"order_number": "4500018834", "total": "895.60", "currency": "EUR", "buyer": "Meridian Hospitality Group Germany GmbH"})

W("purchase_order", "05_frischemarkt_lueders_pdf", build(
    frm=address("Frischemarkt Lüders", "markt@frischemarkt-lueders.example"),
    to=address(None, f"bestellung@{DOM}"),
    subject="Bestellung",
    date=d("2026-11-04 18:20:55"),
    text="""Sehr geehrtes Team,

im Anhang unsere Bestellung Nr. 2026-0389 für die Frischtheke. Bitte Anlieferung Freitag früh.

Mit freundlichen Grüßen
Heike Lüders
Frischemarkt Lüders e.K., Rellingen
""",
    attachments=[("Bestellung_2026-0389.pdf", "application/pdf", pdf([
        "Frischemarkt Lueders e.K. - Bestellung",
        "Hauptstrasse 41, 25462 Rellingen   Tel. 04101 38 55 20",
        "",
        "Bestellnummer: 2026-0389",
        "Datum: 04.11.2026",
        "Lieferant: Nordkueste Frischkontor GmbH, Hamburg   Kunden-Nr. 20877",
        "Liefertermin: Fr, 06.11.2026 vor 7:00 Uhr",
        "",
        "Pos  Artikel                         Menge      Preis/Einheit    Gesamt",
        "1    Matjesfilets 5-kg-Eimer           6 Eimer      39,90 EUR    239,40 EUR",
        "2    Heringssalat rot 3 kg             8 Eimer      17,50 EUR    140,00 EUR",
        "3    Gouda mittelalt am Stueck        24 kg          8,60 EUR    206,40 EUR",
        "4    Edamer 40%                       12 kg          7,30 EUR     87,60 EUR",
        "5    Nordseekrabben gepult             2 kg         46,00 EUR     92,00 EUR",
        "",
        "Bestellwert netto:                                              765,40 EUR",
        "",
        "Unterschrift: H. Lueders",
    ], "Bestellung 2026-0389"))]),
    {"order_number": "2026-0389", "total": "765.40", "currency": "EUR", "buyer": "Frischemarkt Lüders e.K."})

W("purchase_order", "06_tafelrunde_html", build(
    frm=address("Catering Tafelrunde – Einkauf", "einkauf@tafelrunde-catering.example"),
    to=VERKAUF,
    subject="Bestellung TR-26-0712 / Event Speicherstadt 21.11.",
    date=d("2026-11-16 10:04:12"),
    html="""<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body style="font-family:Arial;font-size:10pt">
<p>Hallo Herr Kröger,</p><br>
<p>für unser Event am 21.11. bestellen wir verbindlich wie folgt. Anlieferung bitte am <b>20.11.2026 bis 14 Uhr</b> in unsere Produktionsküche (Billstraße 117).</p><br>
<table style="border:1px solid #999;border-collapse:collapse" cellpadding="5">
<tr style="background:#003b5c;color:#fff"><th>Pos.</th><th>Artikel</th><th>Menge</th><th>EP</th><th>GP</th></tr>
<tr><td>1</td><td>Kabeljaufilet ohne Haut, frisch</td><td>18 kg</td><td>16,40</td><td>295,20</td></tr>
<tr><td>2</td><td>Garnelen 16/20 roh, TK</td><td>10 kg</td><td>19,80</td><td>198,00</td></tr>
<tr><td>3</td><td>Crème fraîche 1 kg</td><td>12 Stk</td><td>4,60</td><td>55,20</td></tr>
<tr><td>4</td><td>Rucola</td><td>6 kg</td><td>11,50</td><td>69,00</td></tr>
<tr><td>5</td><td>Kirschtomaten rot</td><td>9 kg</td><td>5,80</td><td>52,20</td></tr>
<tr><td colspan="4" align="right"><b>Summe netto EUR</b></td><td><b>669,60</b></td></tr>
</table><br>
<p>Bestellnummer bitte auf Lieferschein und Rechnung: <b>TR-26-0712</b></p><br>
<p>Viele Grüße</p>
<p>Sinan Arslan<br>Einkauf / Disposition<br>Catering Tafelrunde GmbH · Billstraße 117 · 20539 Hamburg<br>Tel. 040 788 91 440</p>
</body></html>"""),
    {"order_number": "TR-26-0712", "total": "669.60", "currency": "EUR", "buyer": "Catering Tafelrunde GmbH"})

W("purchase_order", "07_da_vittorio_thread", build(
    frm=address("Vittorio Esposito", "vittorio@ristorante-davittorio.example"),
    to=address("Jens Kröger", f"j.kroeger@{DOM}"),
    subject=encoded("AW: Angebot AN-2026-0533 Weihnachtsmenü", "iso-8859-1", "Q"),
    date=d("2026-11-24 15:17:38"),
    in_reply_to="<an-2026-0533.jk@nordkueste-frischkontor.example>",
    text="""Ciao Jens,

perfetto, wir nehmen das so. Hiermit bestellen wir gemäß Ihrem Angebot AN-2026-0533, Lieferung wie besprochen
am 18.12. vormittags. Unsere Bestellnummer für die Buchhaltung: DV-1207.

Die Austern bitte gut gekühlt, letztes Jahr waren ein paar offen.

Grazie e saluti
Vittorio Esposito
Ristorante Da Vittorio GmbH
Ottenser Hauptstraße 19, 22765 Hamburg

-----Ursprüngliche Nachricht-----
Von: Jens Kröger <j.kroeger@nordkueste-frischkontor.example>
Gesendet: Montag, 23. November 2026 11:02
An: Vittorio Esposito <vittorio@ristorante-davittorio.example>
Betreff: Angebot AN-2026-0533 Weihnachtsmenü

Hallo Vittorio,

wie telefonisch besprochen unser Angebot für euer Weihnachtsmenü:

  200 Stk  Austern Fine de Claire Nr. 3      à 1,45 €     290,00 €
   15 kg   Räucherlachs geschnitten          à 24,90 €    373,50 €
   60 Stk  Burrata 125 g                     à 3,20 €     192,00 €
    2 kg   Pinienkerne                       à 38,00 €     76,00 €
   30 kg   Wolfsbarsch ganz, Aquakultur GR   à 18,35 €    550,50 €
  -----------------------------------------------------------------
  Gesamt netto                                          1.482,00 €

Angebot gültig bis 04.12.2026, Lieferung 18.12.2026.

Beste Grüße
Jens Kröger
Verkauf Gastronomie
Nordküste Frischkontor GmbH
"""),
    {"order_number": "DV-1207", "total": "1482.00", "currency": "EUR", "buyer": "Ristorante Da Vittorio GmbH"})

W("purchase_order", "08_alsterufer_forward", build(
    frm=address("Einkauf Alsterufer Residenz", "einkauf@alsterufer-residenz.example"),
    to=VERKAUF,
    subject=encoded("WG: Bestellung Küche KW 47"),
    date=d("2026-11-13 08:45:21"),
    text="""Guten Morgen,

anbei die Bestellung unserer Küche, freigegeben unter unserer Bestellnummer PO-AR-26-3307.
Gesamt netto lt. Küchenliste 533,40 EUR. Bitte Lieferung Dienstag 17.11.

Mit freundlichen Grüßen
Claudia Behrens
Einkauf
Hotel Alsterufer Residenz GmbH
An der Alster 52 · 20099 Hamburg

---------- Weitergeleitete Nachricht ----------
Von: Küchenchef Marco Lindqvist <kuechenchef@alsterufer-residenz.example>
Datum: Do., 12. Nov. 2026 um 22:10 Uhr
Betreff: Bestellung Küche KW 47
An: Einkauf Alsterufer Residenz <einkauf@alsterufer-residenz.example>

Claudia, bitte bei Nordküste bestellen:

Zanderfilet mit Haut       12 kg    21,50   258,00
Sahne 30% 1 l              40 Stk    3,85   154,00
Champignons braun 3 kg      6 Ktn    8,90    53,40
Drillinge 5 kg             10 Sack   6,80    68,00
                                    ------------
                                           533,40

Danke, Marco
"""),
    {"order_number": "PO-AR-26-3307", "total": "533.40", "currency": "EUR", "buyer": "Hotel Alsterufer Residenz GmbH"})

W("purchase_order", "09_kita_sonnenschein_cp1252", build(
    frm=address("Verpflegung Sonnenschein", "kueche@kita-sonnenschein.example"),
    to=address(None, f"bestellung@{DOM}"),
    subject=encoded("Bestellung Nr. 77/2026 für KW 49", "windows-1252", "Q"),
    date=d("2026-11-26 14:03:50"),
    text="""Sehr geehrte Damen und Herren,

hiermit bestellen wir für die Kita-Küche (Lieferung Montag, 30.11.2026, Lieferadresse Wendlohstraße 9):

Bestellung Nr. 77/2026

-  8 x Vollkornnudeln 5 kg            je 9,20 €   =  73,60 €
- 10 x Äpfel Elstar 10 kg             je 14,90 €  = 149,00 €
-  4 x Bananen Karton 18 kg           je 24,50 €  =  98,00 €
- 40 x Joghurt natur 1 kg (Bio)       je 1,95 €   =  78,00 €
-  6 x Seelachsfilet TK 5 kg (MSC)    je 42,50 €  = 255,00 €

Gesamtsumme: 653,60 €

Bitte beachten: keine Nüsse im Lieferfahrzeug (Allergiker-Kita), danke!

Freundliche Grüße
Renate Wulff
Hauswirtschaftsleitung
Kita-Verpflegung Sonnenschein gGmbH
""",
    charset="windows-1252", cte="quoted-printable"),
    {"order_number": "77/2026", "total": "653.60", "currency": "EUR", "buyer": "Kita-Verpflegung Sonnenschein gGmbH"})

# ============================================================================================ quote requests

W("quote_request", "01_neueroeffnung_fisch", build(
    frm=address("Lennart Voss", "lennart@fischbar-ottensen.example"),
    to=INFO,
    subject=encoded("Anfrage Belieferung Fisch – Neueröffnung Januar", "utf-8", "B"),
    date=d("2026-09-09 21:37:02"),
    text="""Hallo liebes Nordküste-Team,

ich eröffne im Januar zusammen mit meinem Partner eine kleine Fischbar in Ottensen (Fischbar Ottensen UG,
ca. 40 Plätze, Mittag + Abend). Ein Kollege aus dem Hotel Elbblick hat euch empfohlen.

Könntet ihr mir ein Angebot bzw. eure Preisliste schicken für ungefähr diese Wochenmengen:
- Lachsfilet (Norwegen oder Färöer) ca. 15 kg
- Kabeljau-Loins ca. 10 kg
- Nordseekrabben ca. 3 kg
- Miesmuscheln ca. 20 kg (Saison)
- dazu Zitronen, Kräuter, Kartoffeln in kleinen Mengen

Lieferung bräuchten wir 3x die Woche (Di, Do, Sa). Gibt es einen Mindestbestellwert?

Viele Grüße
Lennart Voss
Fischbar Ottensen UG (haftungsbeschränkt)
0176 4412 9087
"""),
    {"customer_company": "Fischbar Ottensen UG (haftungsbeschränkt)", "contact_email": "lennart@fischbar-ottensen.example"})

W("quote_request", "02_matjes_einzeiler", build(
    frm=address(None, "imbiss.koehlbrand@mailbox.example"),
    to=address(None, f"verkauf@{DOM}"),
    subject="matjes",
    date=d("2026-09-22 07:02:44"),
    text="""moin, was kostet bei euch matjes im 5kg eimer wenn wir jede woche 2 nehmen? bitte mit lieferung nach wilhelmsburg.
gruß kalle, Imbiss am Köhlbrand
"""),
    {"customer_company": "Imbiss am Köhlbrand", "contact_email": "imbiss.koehlbrand@mailbox.example"})

W("quote_request", "03_yacht_provisioning_en", build(
    frm=address("Sophie Lindgren", "provisions@bluewake-yachting.example"),
    to=INFO,
    subject="RFQ - provisioning M/Y Aurora, Hamburg call 12-14 Oct",
    date=d("2026-09-28 16:55:19", "+0100"),
    text="""Hello,

We are the provisioning agent for the motor yacht M/Y Aurora (58 m), which calls at Hamburg (Sandtorhafen)
from 12 to 14 October 2026. Could you please send us your best quotation, delivered alongside on
12 Oct before 10:00, for:

  1. Wild turbot, whole, 2-3 kg each ............ 6 pcs
  2. Langoustines, live or very fresh ............ 8 kg
  3. Oscietra-style caviar (farmed), 250 g tins .. 4 tins
  4. Dutch aged Gouda (min. 24 months) ........... 3 kg
  5. Organic whole milk 1 L ..................... 48 pcs
  6. Mixed salad leaves / micro herbs ............ 4 kg
  7. Seasonal fruit (berries, figs) .............. approx. 10 kg

Prices in EUR please, including delivery to the berth. Payment by bank transfer prior to delivery or by
credit card. If an item is not available please propose an alternative.

Kind regards,
Sophie Lindgren
Provisioning Coordinator
Bluewake Yachting Services Ltd
Unit 4, Ocean Village, Southampton SO14 3JZ, United Kingdom
+44 23 8011 4290
"""),
    {"customer_company": "Bluewake Yachting Services Ltd", "contact_email": "provisions@bluewake-yachting.example"})

W("quote_request", "04_bezirksamt_ausschreibung", build(
    frm=address("Vergabestelle Bezirksamt", "vergabe@bezirksamt-nord.hamburg.example"),
    to=address(None, f"info@{DOM}"),
    subject="Aufforderung zur Angebotsabgabe - Lieferung Molkereiprodukte 2027 (Az. VS-N 2026/117)",
    date=d("2026-10-05 10:00:00"),
    text="""Freie und Hansestadt Hamburg
Bezirksamt Hamburg-Nord - Fachamt Interner Service - Zentrale Vergabestelle

Aktenzeichen: VS-N 2026/117
Verfahrensart: Verhandlungsvergabe ohne Teilnahmewettbewerb gem. § 8 UVgO

Sehr geehrte Damen und Herren,

das Bezirksamt Hamburg-Nord beabsichtigt, die Lieferung von Molkereiprodukten für die Kantinen der
Dienstgebäude Kümmellstraße und Robert-Koch-Straße für den Zeitraum 01.01.2027 bis 31.12.2027 zu
vergeben. Wir fordern Sie hiermit auf, ein Angebot auf Grundlage der nachstehenden Mengenschätzung
abzugeben:

  Los 1  Vollmilch 3,5 % (1 l)              ca. 9.500 l
  Los 1  Schlagsahne 30 % (1 l)             ca. 1.200 l
  Los 1  Butter (250 g)                     ca. 2.400 Stück
  Los 1  Joghurt natur 1,5 % (500 g)        ca. 3.000 Becher
  Los 1  Speisequark Magerstufe (500 g)     ca. 1.800 Becher

Bitte geben Sie Einheitspreise netto je Gebinde sowie den Gesamtpreis an. Lieferung zweimal wöchentlich
frei Verwendungsstelle. Die Preise sind für die Vertragslaufzeit fest.

Angebotsfrist: 26.10.2026, 12:00 Uhr. Angebote sind ausschließlich in Textform an
vergabe@bezirksamt-nord.hamburg.example zu richten; bitte im Betreff das Aktenzeichen angeben.
Bieterfragen bis 16.10.2026.

Mit freundlichen Grüßen
Im Auftrag
Dr. Kerstin Albrecht
Zentrale Vergabestelle
Bezirksamt Hamburg-Nord
""",
    charset="iso-8859-15", cte="quoted-printable"),
    {"customer_company": "Bezirksamt Hamburg-Nord", "contact_email": "vergabe@bezirksamt-nord.hamburg.example"})

W("quote_request", "05_copenhagen_hotel_dk_en", build(
    cte="base64",
    frm=address("Rasmus Holm Jensen", "rhj@nyhavn-hotels.example"),
    to=address("Nordküste Sales", f"verkauf@{DOM}"),
    subject="Price request Spanish citrus + Dutch cheese for our Flensburg property",
    date=d("2026-10-19 08:14:27"),
    text="""Hej,

We are Nyhavn Hotels ApS and we open our first German hotel in Flensburg in February (Hotel Nordertor,
96 rooms). Our Danish suppliers can not deliver to Germany so easy, so I am looking for a wholesaler in
northern Germany.

Can you give us a offer for weekly delivery to Flensburg of approx.:
 - oranges for juice, 4 boxes
 - lemons, 1 box
 - Dutch cheese selection for breakfast (gouda, edam, maasdammer) ca. 25 kg
 - butter portions 10 g, 4 cartons
 - skyr / natural yoghurt 1 kg, 30 pcs

What is your delivery days to Flensburg and what is the price for the freight? Please also send your
general terms. Offer can be in German, no problem, my colleague reads German.

Mange tak og venlig hilsen
Rasmus Holm Jensen
Purchasing Manager F&B
Nyhavn Hotels ApS · Nyhavn 61 · 1051 København K · Denmark
Mobil +45 31 42 88 07
"""),
    {"customer_company": "Nyhavn Hotels ApS", "contact_email": "rhj@nyhavn-hotels.example"})

W("quote_request", "06_webformular", build(
    frm=address("Website Nordküste", f"noreply@{DOM}"),
    to=address(None, f"verkauf@{DOM}"),
    subject=encoded("Neue Kontaktanfrage über das Formular \"Angebot anfordern\""),
    date=d("2026-10-27 13:26:08"),
    headers=[("Reply-To", "m.schwarz@seniorenstift-wandsbek.example")],
    text="""Neue Anfrage über nordkueste-frischkontor.example/angebot

Formular:        Angebot anfordern
Eingegangen am:  27.10.2026 13:26
------------------------------------------------------------
Firma:           Seniorenstift Wandsbek gGmbH
Ansprechpartner: Monika Schwarz
E-Mail:          m.schwarz@seniorenstift-wandsbek.example
Telefon:         040 6541 7720
PLZ / Ort:       22041 Hamburg
Kundentyp:       Gemeinschaftsverpflegung
Warengruppen:    [x] Molkereiprodukte  [x] Obst & Gemüse  [ ] Fisch  [x] Trockensortiment
Nachricht:
Wir versorgen täglich 140 Bewohner (3 Mahlzeiten). Unser bisheriger Lieferant hört zum Jahresende auf.
Bitte ein Angebot für die Grundversorgung Molkerei/Obst/Gemüse/Trockenware ab Januar, Lieferung 5x
wöchentlich. Gerne auch ein persönliches Gespräch.
------------------------------------------------------------
Datenschutzhinweis akzeptiert: ja
IP: 203.0.113.54

Diese Nachricht wurde automatisch vom Kontaktformular erzeugt.
"""),
    {"customer_company": "Seniorenstift Wandsbek gGmbH", "contact_email": "m.schwarz@seniorenstift-wandsbek.example"})

W("quote_request", "07_elbblick_weihnachten_reply", build(
    frm=address("Tobias Reimers", "kueche@hotel-elbblick.example"),
    to=address("Jens Kröger", f"j.kroeger@{DOM}"),
    subject="Re: Weihnachten / Silvester Mengen",
    date=d("2026-11-02 15:48:31"),
    in_reply_to="<7a1c0e44.jk@nordkueste-frischkontor.example>",
    text="""Hi Jens,

Chef hat jetzt die Menüs final. Kannst du mir bitte ein Angebot machen für folgende Mengen, Lieferung
23.12. und 30.12. jeweils die Hälfte:

- Räucherlachs am Stück (nicht geschnitten!) 30 kg
- Austern Fine de Claire 400 Stk
- Jakobsmuscheln ohne Rogen 10 kg
- Crème double 24 x 1 kg
- Blutorangen 6 Kisten

Die Mengen vom letzten Jahr (siehe unten) waren zu knapp beim Lachs. Preise bitte bis Ende nächster
Woche, dann kann ich das noch in die Kalkulation nehmen.

Gruß Tobi
Hotel Elbblick Blankenese GmbH & Co. KG

Am 29.10.2026 um 09:12 schrieb Jens Kröger <j.kroeger@nordkueste-frischkontor.example>:
> Moin Tobi,
> habt ihr schon die Mengen für die Feiertage? Letztes Jahr waren es 24 kg Lachs, 300 Austern und
> 8 kg Jakobsmuscheln. Sag Bescheid, dann reserviere ich schon mal bei Skagen.
> Gruß Jens
"""),
    {"customer_company": "Hotel Elbblick Blankenese GmbH & Co. KG", "contact_email": "kueche@hotel-elbblick.example"})

W("quote_request", "08_bioladen_kaese_html", build(
    frm=address("Hofladen Grünkohl & Co.", "info@hofladen-gruenkohl.example"),
    to=VERKAUF,
    subject=encoded("Anfrage Käsesortiment", "iso-8859-1", "Q"),
    date=d("2026-11-11 11:11:53"),
    text="""Sehr geehrte Damen und Herren,

wir sind ein kleiner Hofladen mit Bistro in Jork (Altes Land) und möchten unsere Käsetheke erweitern.
Bitte schicken Sie uns ein *unverbindliches Preisangebot* für folgende Sorten (jeweils ganze Laibe oder halbe):

   - Gouda jung / mittelalt / alt (NL)
   - Edamer
   - Bergkäse (falls im Programm)
   - Ziegenkäse-Rolle

Monatlicher Bedarf ca. 40–60 kg insgesamt. Liefern Sie auch ins Alte Land, und wenn ja, ab welchem Bestellwert frei Haus?

Mit freundlichen Grüßen
Annika Köhler
Hofladen Grünkohl & Co. GbR · Osterjork 112 · 21635 Jork
""",
    html="""<div dir="ltr"><div>Sehr geehrte Damen und Herren,</div><div><br></div>
<div>wir sind ein kleiner Hofladen mit Bistro in Jork (Altes Land) und möchten unsere Käsetheke erweitern.
Bitte schicken Sie uns ein <b>unverbindliches Preisangebot</b> für folgende Sorten (jeweils ganze Laibe oder halbe):</div>
<ul><li>Gouda jung / mittelalt / alt (NL)</li><li>Edamer</li><li>Bergkäse (falls im Programm)</li><li>Ziegenkäse-Rolle</li></ul>
<div>Monatlicher Bedarf ca. 40–60 kg insgesamt. Liefern Sie auch ins Alte Land, und wenn ja, ab welchem Bestellwert frei Haus?</div>
<div><br></div><div>Mit freundlichen Grüßen</div><div>Annika Köhler</div>
<div>Hofladen Grünkohl &amp; Co. GbR · Osterjork 112 · 21635 Jork</div></div>
"""),
    {"customer_company": "Hofladen Grünkohl & Co. GbR", "contact_email": "info@hofladen-gruenkohl.example"})

W("quote_request", "09_uni_mensa_trockenware", build(
    frm=address("Stefan Brückner", "s.brueckner@studierendenwerk-hh.example"),
    to=address("Hauke Petersen", f"h.petersen@{DOM}"),
    cc=address("Einkauf Studierendenwerk", "einkauf@studierendenwerk-hh.example"),
    subject="Preisanfrage Trockensortiment Mensen Q1/2027",
    date=d("2026-12-01 09:41:20"),
    text="""Sehr geehrter Herr Petersen,

für unsere sechs Mensen holen wir derzeit Vergleichsangebote für das Trockensortiment im 1. Quartal 2027
ein. Die Mengenübersicht (Schätzwerte) finden Sie in der angehängten CSV-Datei.

Wir bitten um Ihr Angebot mit Nettopreisen je Einheit bis zum 11.12.2026. Lieferung jeweils frei
Zentrallager Von-Melle-Park, Rampe 2.

Mit freundlichen Grüßen

Stefan Brückner
Abteilung Hochschulgastronomie – Einkauf
Studierendenwerk Hamburg AöR
""",
    attachments=[("Mengen_Q1_2027.csv", "text/csv", """Artikel,Gebinde,Menge Q1
"Spaghetti Hartweizen","5 kg",420
"Penne Rigate","5 kg",380
"Basmatireis","10 kg",160
"Rote Linsen","5 kg",90
"Kichererbsen Dose","2,5 kg",240
"Tomaten passiert","2,5 kg",600
"Sonnenblumenöl","10 l",75
"Haferflocken zart","5 kg",110
""".encode())]),
    {"customer_company": "Studierendenwerk Hamburg AöR", "contact_email": "s.brueckner@studierendenwerk-hh.example"})

# ============================================================================================ support tickets

W("support_ticket", "01_lachs_riecht_wuetend", build(
    frm=address("Marcel Dittmer", "info@dittmers-fischhaus.example"),
    to=VERKAUF,
    subject="REKLAMATION!!! Lachs von heute",
    date=d("2026-09-18 12:07:44"),
    text="""Hallo,

ich bin echt sauer. Der Lachs von heute morgen (Lieferschein 26-41877) RIECHT. Nicht ein bisschen, sondern
richtig. 12 kg, die ich so nicht verkaufen kann, und mittags ist der Laden voll. Das ist jetzt das zweite
Mal in einem Monat!

Ich will heute noch Ersatz, spätestens 15 Uhr, und eine Gutschrift. Fotos hab ich gemacht, schick ich gleich
per WhatsApp an Ihren Fahrer.

Wenn das nochmal passiert, bestelle ich woanders.

M. Dittmer
Dittmers Fischhaus, Hamburg-Bergedorf
"""),
    {"customer_email": "info@dittmers-fischhaus.example"})

W("support_ticket", "02_keine_lieferung_dringend", build(
    cte="base64",
    frm=address("Frühstücksteam Alsterufer Residenz", "fruehstueck@alsterufer-residenz.example"),
    to=address(None, f"verkauf@{DOM}"),
    cc=address(None, f"info@{DOM}"),
    subject="DRINGEND - Lieferung heute nicht angekommen",
    date=d("2026-10-10 06:48:03"),
    headers=[("X-Priority", "1 (Highest)"), ("Importance", "high")],
    text="""Guten Morgen,

unsere Molkerei-Lieferung für heute (Bestellung PO-AR-26-3188) ist bis jetzt nicht da, Fahrer geht nicht
ans Telefon. Wir haben 210 Gäste im Haus und das Frühstücksbuffet öffnet um 6:30 – keine Milch, keine
Sahne, kein Joghurt!

Bitte rufen Sie SOFORT zurück: 040 3294 1150 (Frühstücksküche).

Ilona Wegner
Frühstücksleitung
Hotel Alsterufer Residenz

Von meinem iPhone gesendet
"""),
    {"customer_email": "fruehstueck@alsterufer-residenz.example"})

W("support_ticket", "03_kuehlkette_temperatur", build(
    frm=address("QS Catering Tafelrunde", "qs@tafelrunde-catering.example"),
    to=address("Ayla Demir", f"a.demir@{DOM}"),
    cc=address(None, f"verkauf@{DOM}"),
    subject=encoded("Wareneingang 21.10. – Temperaturabweichung Kühlware (Lieferschein 26-44210)"),
    date=d("2026-10-21 10:22:17"),
    text="""Sehr geehrte Frau Demir,

bei der Wareneingangskontrolle der heutigen Lieferung (Lieferschein 26-44210, unsere Bestellung
TR-26-0655) haben wir folgende Abweichungen festgestellt:

  Artikel                       Soll        Ist (Kerntemperatur)
  Kabeljaufilet frisch          ≤ +2 °C     +7,8 °C
  Schlagsahne 30 %              ≤ +7 °C     +11,2 °C
  Crème fraîche                 ≤ +7 °C     +10,5 °C

Die Ware wurde gemäß unserem HACCP-Konzept gesperrt und steht zur Abholung bereit. Das Fahrzeug
(HH-NK 412) hatte laut Display +9 °C im Laderaum.

Wir bitten um:
1. Stellungnahme zur Ursache und zu Ihren Korrekturmaßnahmen bis 28.10.2026,
2. Ersatzlieferung morgen bis 8:00 Uhr,
3. Gutschrift für die gesperrte Ware.

Das Wareneingangsprotokoll liegt bei.

Mit freundlichen Grüßen
Dr. Nadine Feddersen
Qualitätssicherung
Catering Tafelrunde GmbH
""",
    attachments=[("WE-Protokoll_2026-10-21.pdf", "application/pdf", pdf([
        "Wareneingangsprotokoll Catering Tafelrunde GmbH",
        "Datum: 21.10.2026   Uhrzeit: 07:42   Lieferant: Nordkueste Frischkontor GmbH",
        "Lieferschein: 26-44210   Bestellung: TR-26-0655   Fahrzeug: HH-NK 412",
        "",
        "Kabeljaufilet frisch    Soll <= +2 C    Ist +7,8 C    GESPERRT",
        "Schlagsahne 30 %        Soll <= +7 C    Ist +11,2 C   GESPERRT",
        "Creme fraiche           Soll <= +7 C    Ist +10,5 C   GESPERRT",
        "",
        "Geprueft: J. Albers (Wareneingang)",
    ], "WE-Protokoll"))]),
    {"customer_email": "qs@tafelrunde-catering.example"})

W("support_ticket", "04_hoeflich_vage", build(
    frm=address("Gerda Pohl", "gerda.pohl@cafe-am-deich.example"),
    to=address(None, f"info@{DOM}"),
    subject="Letzte Lieferung",
    date=d("2026-10-29 16:31:09"),
    text="""Liebes Team von Nordküste,

ich weiß nicht genau, ob ich mich da richtig ausdrücke, aber irgendwie stimmt bei der letzten Lieferung
etwas nicht. Die Sahne wird beim Schlagen nicht richtig fest und der Quark schmeckt etwas anders als sonst.
Vielleicht liegt es auch an uns, wir haben eine neue Aushilfe.

Könnte mich vielleicht jemand bei Gelegenheit anrufen? Ich bin vormittags im Café, Telefon 04141 55 209.

Herzliche Grüße aus Stade
Gerda Pohl
Café am Deich
"""),
    {"customer_email": "gerda.pohl@cafe-am-deich.example"})

W("support_ticket", "05_wrong_item_en", build(
    frm=address("Daniel Okafor", "d.okafor@meridian-hospitality.example"),
    to=address("Nordküste Sales", f"verkauf@{DOM}"),
    subject="PO 4500018834 - wrong items delivered / missing OJ",
    date=d("2026-10-16 10:58:36"),
    text="""Hi team,

Today's delivery against PO 4500018834 was not correct:

- Line 20: we ordered Cheddar mature 5kg blocks (4 EA) - we received 4 x Gouda young 5kg instead.
- Line 40: Orange juice 5L, 20 EA ordered, only 12 delivered. Delivery note says 20.

The Gouda can be collected with your next delivery. Please send the correct Cheddar and the missing 8 x OJ
tomorrow morning, and make sure the invoice is corrected accordingly - our system will block the invoice
otherwise (3-way match).

Thanks,
Daniel

Daniel Okafor | Purchasing Manager Germany
Meridian Hospitality Group Germany GmbH
Harbourside Suites Hamburg | Am Sandtorkai 60 | 20457 Hamburg
M +49 151 2284 7713
"""),
    {"customer_email": "d.okafor@meridian-hospitality.example"})

W("support_ticket", "06_bestellportal_login", build(
    frm=address("Frischemarkt Lüders", "markt@frischemarkt-lueders.example"),
    to=address("Nordküste Kundenservice", f"service@{DOM}"),
    subject="Bestellportal geht nicht",
    date=d("2026-11-09 07:15:42"),
    text="""Hallo,

seit dem Wochenende komme ich nicht mehr in euer Online-Bestellportal. Nach Eingabe von Kundennummer
20877 und Passwort kommt "Sitzung abgelaufen – bitte erneut anmelden" und dann bin ich wieder auf der
Startseite. Passwort zurücksetzen habe ich probiert, die Mail kommt aber nicht an (auch nicht im Spam).

Browser: Firefox am Kassen-PC, auf dem Handy (Safari) das Gleiche.

Ich muss bis Mittwoch 12 Uhr die Bestellung für Freitag aufgeben. Können Sie das prüfen oder mir sagen,
wie ich sonst bestellen soll?

Danke
Heike Lüders
Frischemarkt Lüders e.K.
"""),
    {"customer_email": "markt@frischemarkt-lueders.example"})

W("support_ticket", "07_fremdkoerper_salat", build(
    frm=address("Küchenleitung Betriebsrestaurant HWS", "b.lorenzen@hws-werftservice.example"),
    to=address("Qualitätssicherung Nordküste", f"qs@{DOM}"),
    subject=encoded("Fremdkörper in Salatmischung – Charge 4471/26-03"),
    date=d("2026-11-19 11:40:03"),
    text="""Sehr geehrte Damen und Herren,

in der gestern gelieferten Salatmischung "Mediterran" (10 x 1 kg, Charge 4471/26-03, Lieferschein
26-47002) hat eine Mitarbeiterin beim Portionieren ein ca. 2 cm langes Stück Hartplastik (blau) gefunden.
Die restliche Ware dieser Charge haben wir gesperrt. Es ist kein Essen mit dem Salat ausgegeben worden.

Das Fundstück bewahren wir auf. Bitte teilen Sie uns mit, ob Sie es abholen lassen möchten, und geben Sie
uns eine schriftliche Rückmeldung, ob der Vorfall an den Hersteller weitergegeben wurde.

Mit freundlichen Grüßen
Birgit Lorenzen
Küchenleitung Betriebsrestaurant
Hanseatische Werftservice GmbH
"""),
    {"customer_email": "b.lorenzen@hws-werftservice.example"})

W("support_ticket", "08_rechnung_menge_falsch", build(
    frm=address("Vittorio Esposito", "vittorio@ristorante-davittorio.example"),
    to=address("Buchhaltung Nordküste", BUCH),
    cc=address("Jens Kröger", f"j.kroeger@{DOM}"),
    subject="Problem mit Lieferung + Rechnung RE-26-08812",
    date=d("2026-12-21 14:02:10", "+0100"),
    text="""Buongiorno,

bei der Weihnachtslieferung (unsere Bestellnummer DV-1207) haben wir nur 24 kg Wolfsbarsch bekommen, nicht
30 kg, und 8 Burrata waren aufgeplatzt. Berechnet haben Sie aber alles, Rechnung RE-26-08812.

Bitte schauen Sie sich das an und korrigieren Sie die Rechnung. Ich zahle erstmal nur den unstrittigen Teil.

Saluti
Vittorio Esposito
Ristorante Da Vittorio

Inviato da iPhone
"""),
    {"customer_email": "vittorio@ristorante-davittorio.example"})

W("support_ticket", "09_dritte_mahnung_thread", build(
    frm=address("Marcel Dittmer", "info@dittmers-fischhaus.example"),
    to=address("Jens Kröger", f"j.kroeger@{DOM}"),
    cc=address("Hauke Petersen", f"h.petersen@{DOM}"),
    subject="AW: AW: REKLAMATION!!! Lachs von heute",
    date=d("2026-10-02 09:55:00"),
    in_reply_to="<rekl-41877-2@nordkueste-frischkontor.example>",
    text="""Herr Kröger,

jetzt schreibe ich zum DRITTEN Mal. Die Gutschrift für die 12 kg Lachs vom 18.09. ist immer noch nicht da,
und auf der neuen Rechnung ist der Lachs wieder voll berechnet. Heute war auch der Kabeljau wieder
grenzwertig (Lieferschein 26-43305), Kiemen schon grau.

Ich erwarte bis morgen eine Lösung, sonst kündige ich die Zusammenarbeit. Herrn Petersen setze ich in CC.

Dittmer

-----Ursprüngliche Nachricht-----
Von: Jens Kröger <j.kroeger@nordkueste-frischkontor.example>
Gesendet: Mittwoch, 23. September 2026 14:20
An: info@dittmers-fischhaus.example
Betreff: AW: REKLAMATION!!! Lachs von heute

Hallo Herr Dittmer,

entschuldigen Sie bitte nochmals. Die Gutschrift über die 12 kg ist beantragt und kommt mit der nächsten
Rechnung. Wir haben mit Skagen gesprochen, die Charge war tatsächlich auffällig.

Viele Grüße
Jens Kröger

-----Ursprüngliche Nachricht-----
Von: Marcel Dittmer <info@dittmers-fischhaus.example>
Gesendet: Freitag, 18. September 2026 12:07
An: verkauf@nordkueste-frischkontor.example
Betreff: REKLAMATION!!! Lachs von heute

Hallo,
ich bin echt sauer. Der Lachs von heute morgen (Lieferschein 26-41877) RIECHT. [...]
"""),
    {"customer_email": "info@dittmers-fischhaus.example"})

# ============================================================================================ approvals

W("approval", "01_petersen_freigegeben_iphone", build(
    frm=address("Hauke Petersen", f"h.petersen@{DOM}"),
    to=address("Mailroom", f"mailroom@{DOM}"),
    subject=encoded("AW: Freigabe erforderlich: Angebot AN-2026-0561 für Bezirksamt Hamburg-Nord – 24.318,50 EUR [APR-2026-0311]"),
    date=d("2026-10-23 19:02:48"),
    in_reply_to=f"<approval.apr-2026-0311@{DOM}>",
    text="""Freigegeben.

HP

Von meinem iPhone gesendet

> Am 23.10.2026 um 16:40 schrieb Mailroom <mailroom@nordkueste-frischkontor.example>:
>
> Freigabe erforderlich
>
> Angebot AN-2026-0561 für Bezirksamt Hamburg-Nord (Molkereiprodukte 2027, Az. VS-N 2026/117)
> Betrag: 24.318,50 EUR netto
> Erstellt von: Jens Kröger
>
> Referenz: APR-2026-0311
> Bitte antworten Sie mit "Freigegeben" oder "Abgelehnt".
"""),
    {"decision": "approve", "reference": "APR-2026-0311"})

W("approval", "02_brandt_abgelehnt_grund", build(
    frm=address("Svenja Brandt", f"s.brandt@{DOM}"),
    to=address("Mailroom", f"mailroom@{DOM}"),
    subject=encoded("AW: Freigabe erforderlich: Bestellung NK-B-26-1102 bei Skagen Fisk A/S – 18.940,00 EUR [APR-2026-0327]", "windows-1252", "Q"),
    date=d("2026-11-05 08:17:30"),
    in_reply_to=f"<approval.apr-2026-0327@{DOM}>",
    text="""Abgelehnt.

Die Menge Kabeljau (900 kg) ist doppelt so hoch wie in KW 46 letztes Jahr und wir haben noch 300 kg TK
im Lager. Bitte mit Jens abstimmen und mit ca. 450 kg neu anlegen.

Svenja

Svenja Brandt
Leitung Einkauf
Nordküste Frischkontor GmbH

-----Ursprüngliche Nachricht-----
Von: Mailroom <mailroom@nordkueste-frischkontor.example>
Gesendet: Donnerstag, 5. November 2026 07:55
An: Svenja Brandt <s.brandt@nordkueste-frischkontor.example>
Betreff: Freigabe erforderlich: Bestellung NK-B-26-1102 bei Skagen Fisk A/S – 18.940,00 EUR [APR-2026-0327]

Bestellung NK-B-26-1102 an Skagen Fisk A/S über 18.940,00 EUR wartet auf Ihre Freigabe.
Referenz: APR-2026-0327
Antworten Sie mit Freigegeben oder Abgelehnt.
""",
    charset="windows-1252"),
    {"decision": "reject", "reference": "APR-2026-0327"})

W("approval", "03_frederiksen_approved_condition_en", build(
    frm=address("Lars Frederiksen", f"l.frederiksen@{DOM}"),
    to=address("Mailroom", f"mailroom@{DOM}"),
    subject=encoded("RE: Approval needed: Quote Q-2026-0598 for Meridian Hospitality – 31,260.00 EUR [APR-2026-0342]"),
    date=d("2026-11-18 12:33:05"),
    in_reply_to=f"<approval.apr-2026-0342@{DOM}>",
    text="""Approved - but only with 14 days payment terms, not 30 as Jens wrote in the draft. Please change that
before it goes out.

/Lars

Lars Frederiksen
Kaufmännischer Leiter / CFO
Nordküste Frischkontor GmbH

From: Mailroom <mailroom@nordkueste-frischkontor.example>
Sent: Wednesday, November 18, 2026 11:50 AM
To: Lars Frederiksen <l.frederiksen@nordkueste-frischkontor.example>
Subject: Approval needed: Quote Q-2026-0598 for Meridian Hospitality – 31,260.00 EUR [APR-2026-0342]

Quote Q-2026-0598 for Meridian Hospitality Group Germany GmbH (annual dairy & produce, Harbourside Suites)
Amount: 31,260.00 EUR
Reference: APR-2026-0342
Reply with Approved or Rejected.
"""),
    {"decision": "approve", "reference": "APR-2026-0342"})

# ============================================================================================ auto replies

W("auto_reply", "01_abwesend_elbblick", build(
    frm=address("Tobias Reimers", "kueche@hotel-elbblick.example"),
    to=address("Jens Kröger", f"j.kroeger@{DOM}"),
    subject="Automatische Antwort: Angebot Weihnachten / Silvester",
    date=d("2026-11-06 10:14:02"),
    headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    text="""Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 15.11.2026 nicht im Haus. Ihre E-Mail wird nicht weitergeleitet.
In dringenden Fällen wenden Sie sich bitte an unseren Küchenchef Henrik Saß, kueche@hotel-elbblick.example,
oder telefonisch an 040 866 23 0.

Mit freundlichen Grüßen
Tobias Reimers
Hotel Elbblick Blankenese
"""),
    None)

W("auto_reply", "02_fravaerende_skagen", build(
    frm=address("Mette Kjærgaard", "accounting@skagenfisk.example"),
    to=address(None, BUCH),
    subject=encoded("Fraværende: Question to invoice SF-26-10482", "iso-8859-1", "Q"),
    date=d("2026-10-12 09:03:11"),
    text="""Tak for din mail. Jeg er på ferie til og med 16. oktober og har ikke adgang til mail.
Ved hastesager kontakt venligst salg@skagenfisk.example eller +45 98 44 12 60.

Thank you for your mail. I am on holiday until 16 October and have no access to my mails.
For urgent matters please contact salg@skagenfisk.example or call +45 98 44 12 60.

Med venlig hilsen / Best regards
Mette Kjærgaard
""",
    charset="iso-8859-1", cte="quoted-printable"),
    None)

W("auto_reply", "03_dsn_unbekannter_empfaenger", report(
    frm="Mail Delivery System <MAILER-DAEMON@mx1.nordkueste-frischkontor.example>",
    to=f"einkauf@{DOM}",
    subject="Undelivered Mail Returned to Sender",
    date=d("2026-10-30 14:22:09"),
    headers=[("Auto-Submitted", "auto-replied")],
    text="""This is the mail system at host mx1.nordkueste-frischkontor.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<p.jansen@vdberg-kaas.example>: host mx.vdberg-kaas.example[198.51.100.23]
    said: 550 5.1.1 <p.jansen@vdberg-kaas.example>: Recipient address rejected:
    User unknown in virtual mailbox table (in reply to RCPT TO command)""",
    status="""Reporting-MTA: dns; mx1.nordkueste-frischkontor.example
X-Postfix-Queue-ID: 4Kx2L71mQvz9tR
X-Postfix-Sender: rfc822; einkauf@nordkueste-frischkontor.example
Arrival-Date: Fri, 30 Oct 2026 14:22:07 +0100 (CET)

Final-Recipient: rfc822; p.jansen@vdberg-kaas.example
Original-Recipient: rfc822;p.jansen@vdberg-kaas.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.vdberg-kaas.example
Diagnostic-Code: smtp; 550 5.1.1 <p.jansen@vdberg-kaas.example>: Recipient
    address rejected: User unknown in virtual mailbox table""",
    original="""From: Svenja Brandt <einkauf@nordkueste-frischkontor.example>
To: p.jansen@vdberg-kaas.example
Subject: Bestellung NK-B-26-1131 Gouda / Edam KW 45
Date: Fri, 30 Oct 2026 14:22:05 +0100
Message-ID: <b26-1131.sb@nordkueste-frischkontor.example>"""))

W("auto_reply", "04_ndr_spanien_texto", build(
    frm=address("Microsoft Outlook", "postmaster@huertadelsegura.example"),
    to=address(None, f"einkauf@{DOM}"),
    subject="No se puede entregar: Pedido NK-B-26-1150 limones",
    date=d("2026-11-12 09:41:33"),
    headers=[("Auto-Submitted", "auto-generated"), ("X-MS-Exchange-Message-Is-Ndr", "")],
    text="""No se pudo entregar el mensaje a estos destinatarios o grupos:

pedidos@huertadelsegura.example
El buzón del destinatario está lleno y no puede aceptar mensajes en este momento. Intente reenviar el
mensaje más tarde o póngase en contacto directamente con el destinatario.

Diagnostic information for administrators:

Generating server: AM9P191MB1412.EURP191.PROD.OUTLOOK.example

pedidos@huertadelsegura.example
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'

Original message headers:

From: Svenja Brandt <einkauf@nordkueste-frischkontor.example>
To: pedidos@huertadelsegura.example
Subject: Pedido NK-B-26-1150 limones
Date: Thu, 12 Nov 2026 09:41:20 +0100
""",
    charset="iso-8859-1", cte="quoted-printable"),
    None)

W("auto_reply", "05_lesebestaetigung", report(
    frm="Daniel Okafor <d.okafor@meridian-hospitality.example>",
    to=f"verkauf@{DOM}",
    subject="Read: Quote Q-2026-0598 annual dairy & produce",
    date=d("2026-11-19 08:02:44"),
    report_type="disposition-notification",
    status_type="message/disposition-notification",
    text="""Your message

  To: Daniel Okafor
  Subject: Quote Q-2026-0598 annual dairy & produce
  Sent: Wednesday, November 18, 2026 4:12:07 PM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna

was read on Thursday, November 19, 2026 8:02:41 AM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna.""",
    status="""Reporting-UA: meridian-hospitality.example; Microsoft Outlook 16.0
Final-Recipient: rfc822;d.okafor@meridian-hospitality.example
Original-Message-ID: <q-2026-0598.jk@nordkueste-frischkontor.example>
Disposition: manual-action/MDN-sent-manually; displayed""",
    original="""From: Jens Kroeger <verkauf@nordkueste-frischkontor.example>
To: Daniel Okafor <d.okafor@meridian-hospitality.example>
Subject: Quote Q-2026-0598 annual dairy & produce
Date: Wed, 18 Nov 2026 16:12:07 +0100
Message-ID: <q-2026-0598.jk@nordkueste-frischkontor.example>"""))

# ============================================================================================ other

W("other", "01_newsletter_mediterraneo_html", build(
    frm=address("Mediterraneo Feinkost Import", "newsletter@mediterraneo-import.example"),
    to=address(None, f"einkauf@{DOM}"),
    subject=encoded("🍋 Herbst-Aktion: Olivenöl, Pasta & Antipasti bis -20 % – nur bis 30.09.!"),
    date=d("2026-09-14 06:30:00"),
    headers=[("List-Id", "Mediterraneo Haendler-News <haendler.mediterraneo-import.example>"),
             ("List-Unsubscribe", "<https://mediterraneo-import.example/unsub?u=88412&l=haendler>, <mailto:unsubscribe@mediterraneo-import.example?subject=unsubscribe>"),
             ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")],
    html="""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Herbst-Aktion</title></head>
<body style="margin:0;background:#f4efe6">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Georgia,serif">
<tr><td style="background:#7a1f1f;color:#fff;padding:24px;font-size:28px">Mediterraneo <span style="font-size:14px">Feinkost Import</span></td></tr>
<tr><td style="padding:20px;font-size:16px">Liebe Partner aus Gastronomie und Großhandel,<br><br>
unsere <b>Herbst-Aktion</b> läuft nur noch bis 30.09.2026. Sichern Sie sich jetzt Ihre Wintermengen!</td></tr>
<tr><td style="padding:0 20px">
<table width="100%" cellpadding="8" style="font-family:Arial;font-size:14px;border-collapse:collapse">
<tr style="background:#eee"><th align="left">Artikel</th><th>Gebinde</th><th>statt</th><th>Aktionspreis</th></tr>
<tr><td>Olivenöl extra vergine, Apulien</td><td>5 l Kanister</td><td><s>42,90 €</s></td><td style="color:#7a1f1f"><b>34,30 €</b></td></tr>
<tr><td>Pasta di Gragnano IGP Paccheri</td><td>6 x 1 kg</td><td><s>27,60 €</s></td><td style="color:#7a1f1f"><b>22,10 €</b></td></tr>
<tr><td>Antipasti-Mix Grillgemüse</td><td>2,5 kg Eimer</td><td><s>31,50 €</s></td><td style="color:#7a1f1f"><b>26,90 €</b></td></tr>
<tr><td>Pomodori pelati San Marzano DOP</td><td>6 x 2,5 kg</td><td><s>38,40 €</s></td><td style="color:#7a1f1f"><b>32,60 €</b></td></tr>
</table></td></tr>
<tr><td align="center" style="padding:28px"><a href="https://mediterraneo-import.example/shop/herbst?utm_source=nl" style="background:#2e7d32;color:#fff;padding:14px 36px;text-decoration:none;font-family:Arial;font-size:18px;border-radius:4px">Jetzt bestellen</a></td></tr>
<tr><td style="padding:20px;font-size:11px;color:#777;font-family:Arial">Preise netto zzgl. MwSt., solange Vorrat reicht. Mindestbestellwert 250 €.<br>
Mediterraneo Feinkost Import GmbH · Friesenweg 5 · 22763 Hamburg · HRB 99812<br>
Sie erhalten diesen Newsletter, weil Sie Händlerkunde sind. <a href="https://mediterraneo-import.example/unsub?u=88412">Abmelden</a></td></tr>
</table></td></tr></table></body></html>"""),
    None)

W("other", "02_messeeinladung_meierei", build(
    frm=address("Gesa Thomsen", "g.thomsen@holsteiner-meierei.example"),
    to=address("Svenja Brandt", f"s.brandt@{DOM}"),
    subject="Einladung Nordgastro 2027 - Besuchen Sie uns an Stand B4.210",
    date=d("2026-12-02 13:10:52", "+0100"),
    text="""Liebe Frau Brandt,

vom 28. Februar bis 3. März 2027 sind wir wieder auf der Nordgastro in den Hamburger Messehallen –
diesmal mit einem eigenen Käse-Bereich und unserer neuen Laktosefrei-Linie für die Gemeinschaftsverpflegung.

Wir würden uns sehr freuen, Sie und Ihr Team an unserem Stand B4.210 begrüßen zu dürfen. Für unsere
Handelspartner haben wir Freikarten reserviert; sagen Sie mir einfach, wie viele Sie brauchen.

Am 1. März ab 17 Uhr laden wir außerdem zum „Meierei-Abend“ mit Fischbrötchen und Holsteiner Bier ein.

Herzliche Grüße aus Nortorf
Gesa Thomsen
Kundenservice Großverbraucher
Holsteiner Meierei eG
"""),
    None)

W("other", "03_intern_haccp_listen", build(
    frm=address("Ayla Demir", f"a.demir@{DOM}"),
    to=address("Dariusz Nowak", f"d.nowak@{DOM}"),
    subject="HACCP Temperaturlisten Oktober?",
    date=d("2026-11-03 08:21:05"),
    text="""Hi Dariusz,

wo liegen eigentlich die Temperaturlisten Kühlhaus 1+2 für Oktober? Im Ordner QS\\HACCP\\2026 finde ich
nur bis September, und am Donnerstag kommt die Lebensmittelkontrolle zum Routinetermin.

Falls die noch in Papier bei dir im Lagerbüro liegen, scanne ich sie heute Nachmittag ein.

Danke dir!
Ayla
"""),
    None)

W("other", "04_intern_teambesprechung", build(
    frm=address("Hauke Petersen", f"h.petersen@{DOM}"),
    to=address("Alle Nordküste", f"alle@{DOM}"),
    subject=encoded("Besprechung Weihnachtsgeschäft – Do 26.11., 14 Uhr"),
    date=d("2026-11-23 17:45:19"),
    text="""Moin zusammen,

wie jedes Jahr setzen wir uns vor dem Weihnachtsgeschäft kurz zusammen:

  Donnerstag, 26.11.2026, 14:00–15:00 Uhr, Besprechungsraum OG (für Fahrer: Kaffeeküche Lager)

Themen:
 1. Touren 21.–24.12. und 28.–31.12. (Dariusz)
 2. Vorbestellungen Austern / Lachs – Stand (Jens, Svenja)
 3. Urlaubssperre & Schichtplan
 4. Weihnachtsfeier am 8.1. – Ort steht noch nicht fest, Vorschläge an Merle

Wer nicht kann, bitte kurz bei mir melden.

Gruß
Hauke
"""),
    None)

W("other", "05_bewerbung_fahrer", build(
    frm=address("Piotr Zieliński", "piotr.zielinski.hh@freemail.example", "iso-8859-2"),
    to=address(None, f"info@{DOM}"),
    subject=encoded("Bewerbung als Berufskraftfahrer CE (Kühlfahrzeug)", "iso-8859-2", "Q"),
    date=d("2026-10-07 20:12:33"),
    text="""Sehr geehrte Damen und Herren,

auf Ihrer Internetseite habe ich gelesen, dass Sie einen Berufskraftfahrer für Kühltransporte im Raum
Hamburg suchen. Hiermit bewerbe ich mich um diese Stelle.

Ich habe den Führerschein CE mit Modul 95 (gültig bis 2029), ADR-Schein und Fahrerkarte. Die letzten sechs
Jahre bin ich für eine Spedition in Neu Wulmstorf Kühlverkehr gefahren (Frischfleisch und Molkerei, Touren
mit bis zu 14 Abladestellen). Frühe Arbeitszeiten ab 4 Uhr sind für mich kein Problem.

Meinen Lebenslauf finden Sie im Anhang. Ich kann ab dem 01.12.2026 anfangen.

Mit freundlichen Grüßen
Piotr Zieliński
Tel. 0157 3310 4482
""",
    attachments=[("Lebenslauf_Zielinski.pdf", "application/pdf", pdf([
        "Lebenslauf - Piotr Zielinski",
        "Geboren 1988 in Szczecin, wohnhaft in Hamburg-Harburg",
        "",
        "2020 - heute   Berufskraftfahrer CE, Kuehltransporte, Spedition in Neu Wulmstorf",
        "2014 - 2020    Fahrer C, Getraenkelogistik, Hamburg",
        "2011 - 2014    Lagerarbeiter, Stapler- und Kommissionierarbeiten",
        "",
        "Fuehrerschein: B, C1, C, CE; Modul 95; ADR Basiskurs; Staplerschein",
        "Sprachen: Polnisch (Muttersprache), Deutsch (sehr gut), Englisch (Grundkenntnisse)",
    ], "Lebenslauf"))]),
    None)

W("other", "06_phishing_postfach", build(
    frm=address("IT Service Desk", "it-support@nordkueste-frischkontor-mail.example"),
    to=address(None, f"buchhaltung@{DOM}"),
    subject="[WARNUNG] Ihr Postfach hat 98% Speicherplatz erreicht",
    date=d("2026-11-25 03:17:40", "+0000"),
    html="""<html><body style="font-family:Segoe UI,Arial">
<div style="border-left:6px solid #d9534f;padding:12px 18px;background:#fdf2f2">
<h2 style="margin:0;color:#d9534f">Postfach fast voll</h2>
<p>Sehr geehrter Benutzer <b>buchhaltung@nordkueste-frischkontor.example</b>,</p>
<p>Ihr Postfach hat <b>98%</b> (49,2 GB von 50 GB) erreicht. Eingehende Nachrichten, darunter <b>Rechnungen und Zahlungsavis</b>, werden ab 26.11.2026 abgewiesen.</p>
<p>Um Datenverlust zu vermeiden, bestätigen Sie bitte innerhalb von 24 Stunden Ihr Konto, damit wir Ihren Speicher kostenlos erweitern können:</p>
<p><a href="http://mailbox-upgrade.example/owa/verify?user=buchhaltung" style="background:#0078d4;color:#fff;padding:10px 22px;text-decoration:none">SPEICHER JETZT ERWEITERN</a></p>
<p style="font-size:11px;color:#888">Microsoft Exchange Online Team © 2026. Diese Nachricht wurde automatisch generiert.</p>
</div></body></html>"""),
    None)

W("other", "07_bank_kontoauszug", build(
    frm=address("Hamburger Sparkasse", "noreply@service.haspa-bank.example"),
    to=address(None, f"buchhaltung@{DOM}"),
    subject="Neuer elektronischer Kontoauszug im Postfach",
    date=d("2026-10-01 04:05:00"),
    text="""Sehr geehrte Kundin, sehr geehrter Kunde,

in Ihrem elektronischen Postfach liegt ein neues Dokument für Sie bereit:

  Dokument:   Kontoauszug 9/2026
  Konto:      Geschäftsgirokonto ****4417
  Inhaber:    Nordküste Frischkontor GmbH

Sie finden das Dokument im Online-Banking unter "Postfach". Aus Sicherheitsgründen versenden wir keine
Dokumente als Anhang und fragen niemals per E-Mail nach PIN oder TAN.

Mit freundlichen Grüßen
Ihre Sparkasse

Dies ist eine automatisch versandte Nachricht. Bitte antworten Sie nicht auf diese E-Mail.
"""),
    None)

W("other", "08_paketdienst_zustellung", build(
    frm=address("Nordpaket Sendungsverfolgung", "noreply@nordpaket-tracking.example"),
    to=address(None, f"einkauf@{DOM}"),
    subject="Ihre Sendung 00340434161209876543 kommt heute",
    date=d("2026-12-07 07:02:11", "+0100"),
    html="""<html><body style="font-family:Arial;font-size:14px">
<table width="560" align="center" style="border:1px solid #ddd"><tr><td style="background:#ffcc00;padding:16px;font-size:20px"><b>Nordpaket</b></td></tr>
<tr><td style="padding:16px">Guten Tag,<br><br>Ihre Sendung von <b>Gastro-Technik Versand GmbH</b> wird <b>heute, 07.12.2026</b> zwischen <b>10:15 und 12:15 Uhr</b> zugestellt.<br><br>
Sendungsnummer: 00340434161209876543<br>Empfänger: Nordküste Frischkontor GmbH, Großer Grasbrook 31, 20457 Hamburg<br>Gewicht: 4,2 kg<br><br>
<a href="https://nordpaket-tracking.example/t/00340434161209876543">Sendung verfolgen</a> · <a href="https://nordpaket-tracking.example/umleiten">Zustellung ändern</a></td></tr>
<tr><td style="padding:10px 16px;font-size:11px;color:#999">Diese E-Mail wurde automatisch erstellt.</td></tr></table>
</body></html>"""),
    None)

W("other", "09_auftragsbestaetigung_skagen_an_uns", build(
    frm=address("Skagen Fisk A/S – Sales", "salg@skagenfisk.example"),
    to=address("Svenja Brandt", f"einkauf@{DOM}"),
    subject="Order confirmation 26-OC-5512 / your order NK-B-26-1104",
    date=d("2026-11-06 11:48:20", "+0100"),
    text="""Dear Svenja,

thank you for your order. We confirm as follows:

Order confirmation 26-OC-5512          Your order: NK-B-26-1104 of 05.11.2026
Delivery: Tuesday 10.11.2026, our truck, arrival Hamburg approx. 05:30

  Cod loins skinless MSC, 5 kg box      450 kg    EUR 14.85/kg     6,682.50
  Plaice fillets                         60 kg    EUR 11.20/kg       672.00
  Cold smoked salmon sliced              80 kg    EUR 21.40/kg     1,712.00
  Transport chilled                                                   85.00
                                                              -------------
  Total (VAT 0%, reverse charge)                               EUR 9,151.50

Invoice follows with the delivery. If anything is not correct please tell us before Monday 12:00.

Med venlig hilsen
Jesper Thygesen
Sales – Skagen Fisk A/S
+45 98 44 12 61
"""),
    None)

W("other", "10_danke_erhalten_en", build(
    cte="base64",
    frm=address("Daniel Okafor", "d.okafor@meridian-hospitality.example"),
    to=address("Nordküste Sales", f"verkauf@{DOM}"),
    subject="RE: PO 4500018834 - wrong items delivered / missing OJ",
    date=d("2026-10-17 09:12:40"),
    in_reply_to="<po4500018834-fix.jk@nordkueste-frischkontor.example>",
    text="""Hi Jens,

received the Cheddar and the 8 OJ this morning, all fine now. The driver took the Gouda back.
Thanks for the quick help, much appreciated!

Best,
Daniel

-----Original Message-----
From: Jens Kröger <j.kroeger@nordkueste-frischkontor.example>
Sent: Friday, October 16, 2026 2:31 PM
To: Daniel Okafor <d.okafor@meridian-hospitality.example>
Subject: RE: PO 4500018834 - wrong items delivered / missing OJ

Hi Daniel,
sorry for the mix-up, our picker took the wrong shelf. Cheddar and the 8 x OJ come tomorrow with the first
tour, the invoice will only show what you actually received.
Best regards, Jens
"""),
    None)

W("other", "11_lieferzeit_frage", build(
    frm=address("Renate Wulff", "kueche@kita-sonnenschein.example"),
    to=address(None, f"bestellung@{DOM}"),
    subject="Lieferung Montag - Uhrzeit?",
    date=d("2026-11-27 12:30:18"),
    text="""Hallo,

kurze Frage zu unserer Bestellung 77/2026: Am Montag ist bei uns Personalversammlung bis 9 Uhr, dann ist
niemand an der Tür. Könnte der Fahrer erst nach 9 kommen? Wenn das nicht geht, ist auch nicht schlimm,
dann stelle ich jemanden ab.

Grüße
R. Wulff
"""),
    None)

W("other", "12_preisanpassung_meierei", build(
    frm=address("Holsteiner Meierei eG", "vertrieb@holsteiner-meierei.example"),
    to=address(None, f"einkauf@{DOM}"),
    subject="Information: Preisanpassung zum 01.01.2027",
    date=d("2026-11-30 10:00:00"),
    text="""Sehr geehrte Geschäftspartner,

aufgrund gestiegener Rohmilch-, Energie- und Logistikkosten müssen wir unsere Listenpreise zum
01.01.2027 wie folgt anpassen:

  Artikel                        bisher     ab 01.01.2027
  Vollmilch 3,5 % 1 l            1,12 €     1,19 €
  Schlagsahne 30 % 1 l           3,85 €     3,98 €
  Deutsche Markenbutter 250 g    1,98 €     2,09 €
  Speisequark 20 % 5 kg         11,40 €    11,40 € (unverändert)
  Joghurt natur 3,5 % 1 kg       1,74 €     1,82 €

Bestellungen mit Liefertermin bis 31.12.2026 berechnen wir noch zu den bisherigen Preisen. Ihre
Ansprechpartnerin Frau Thomsen steht Ihnen für Rückfragen gern zur Verfügung.

Wir danken für Ihr Verständnis und die gute Zusammenarbeit.

Holsteiner Meierei eG – Vertrieb Großverbraucher
"""),
    None)

W("other", "13_it_wartungsfenster", build(
    frm=address("ElbeIT Systemhaus – Monitoring", "monitoring@elbeit.example"),
    to=address(None, f"it@{DOM}"),
    cc=address("Hauke Petersen", f"h.petersen@{DOM}"),
    subject="[Wartung] Warenwirtschaft NKW-ERP Update am Sa 12.12. 20:00-23:00",
    date=d("2026-12-08 16:40:00", "+0100"),
    text="""Hallo zusammen,

am Samstag, 12.12.2026, spielen wir zwischen 20:00 und 23:00 Uhr das Update 26.4 der Warenwirtschaft ein.
In dieser Zeit sind Auftragserfassung, Bestellportal und EDI-Rechnungsimport nicht verfügbar. Bestellungen,
die über das Portal eingehen, werden zwischengespeichert und danach automatisch verarbeitet.

Ticket: ELB-2026-4471 · Ansprechpartner Rufbereitschaft: 040 228 917 0

Beste Grüße
Timo Hartwig
ElbeIT Systemhaus GmbH
"""),
    None)
