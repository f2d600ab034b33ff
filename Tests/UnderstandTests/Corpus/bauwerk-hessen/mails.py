#!/usr/bin/env python3
"""Hand-written evaluation mails received by Bauwerk Hessen Schulte & Söhne GmbH & Co. KG, Kassel (construction).

Every mail below is written out as its own text. Run: python3 bauwerk-hessen/mails.py
"""
import hashlib
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

CO = "bauwerk-hessen"
DOM = "bauwerk-hessen.example"


def d(stamp: str, tz: str = "") -> str:
    """RFC 5322 date for 'YYYY-MM-DD HH:MM:SS' (Kassel time unless tz like '-0500' is given)."""
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


BUCH = f"buchhaltung@{DOM}"
INFO = address("Bauwerk Hessen", f"info@{DOM}")
KALK = address("Kalkulation Bauwerk Hessen", f"kalkulation@{DOM}")

# ============================================================================================ invoices

W("invoice", "01_elektro_wenzel_abschlag_13b", build(
    frm=address("Elektro Wenzel GmbH", "rechnungen@elektro-wenzel.example"),
    to=address("Bauwerk Hessen Buchhaltung", BUCH),
    cc=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject="2. Abschlagsrechnung AR-2026-117 BV Kita Lohfelden",
    date=d("2026-10-30 15:12:08"),
    text="""Sehr geehrte Damen und Herren,

anbei unsere 2. Abschlagsrechnung für das Bauvorhaben Kita "Sonnenwiese", Lohfelden, Gewerk Elektro-
installation (Ihr NU-Auftrag BW-NU-2026-044).

2. ABSCHLAGSRECHNUNG Nr. AR-2026-117            Rechnungsdatum: 30.10.2026
Leistungszeitraum: 01.10.2026 – 30.10.2026

  Auftragssumme netto                                   84.500,00 €
  Leistungsstand lt. beiliegendem Aufmaß (62 %)         52.390,00 €
  abzgl. 1. Abschlagsrechnung AR-2026-098               -25.000,00 €
  ------------------------------------------------------------------
  Abschlagsbetrag netto                                 27.390,00 €
  Umsatzsteuer                                               0,00 €
  Rechnungsbetrag                                       27.390,00 €

Steuerschuldnerschaft des Leistungsempfängers gemäß § 13b Abs. 2 Nr. 4 UStG.
Ihre USt-IdNr.: DE811402277 · Unsere USt-IdNr.: DE263114058

Zahlbar gem. § 16 Abs. 1 VOB/B innerhalb von 21 Tagen auf:
Kasseler Sparkasse, IBAN DE21520503530001234567, BIC HELADEF1KAS

Mit freundlichen Grüßen
i. A. Sandra Wenzel
Elektro Wenzel GmbH · Ihringshäuser Str. 41 · 34125 Kassel
"""),
    {"invoice_number": "AR-2026-117", "issue_date": "2026-10-30", "seller": "Elektro Wenzel GmbH", "currency": "EUR",
     "net_total": "27390.00", "tax_total": "0.00", "gross_total": "27390.00", "iban": "DE21520503530001234567"})

W("invoice", "02_zimmerei_fehr_schlussrechnung_pdf", build(
    frm=address("Zimmerei Fehr", "zimmerei.fehr@t-netz.example"),
    to=address(None, f"info@{DOM}"),
    subject="Schlussrechnung Dachstuhl Baunatal",
    date=d("2026-09-24 19:47:25"),
    text="""Hallo Herr Schulte,

anbei die Schlussrechnung für den Dachstuhl Hartmann in Baunatal, Gaube ist mit drin wie besprochen.

Gruß
Walter Fehr

--
Zimmerei Fehr & Sohn · Meisterbetrieb seit 1962
Am Sportplatz 4 · 34308 Bad Emstal · Tel. 05624 9231
""",
    attachments=[("Schlussrechnung_2026-31.pdf", "application/pdf", pdf([
        "Zimmerei Fehr & Sohn - SCHLUSSRECHNUNG",
        "Am Sportplatz 4, 34308 Bad Emstal    St.-Nr. 026 812 40117",
        "",
        "An: Bauwerk Hessen Schulte & Soehne GmbH & Co. KG, Leipziger Str. 210, 34123 Kassel",
        "Rechnung Nr.: 2026-31             Datum: 24.09.2026",
        "Bauvorhaben: EFH Hartmann, Am Lindenhang 7, 34225 Baunatal",
        "",
        "Pos  Leistung                                        Menge       EP EUR     GP EUR",
        "1    Abbund und Aufrichten Dachstuhl, pauschal          1 psch  14.860,00  14.860,00",
        "2    Konstruktionsvollholz C24, geliefert           18,4 m3     485,00   8.924,00",
        "3    Dachlattung 30/50 inkl. Konterlattung           186 m2      12,40   2.306,40",
        "4    Nachtrag N1: Schleppgaube Nordseite              1 psch   3.250,00   3.250,00",
        "",
        "Summe netto                                                             29.340,40",
        "USt: Steuerschuldnerschaft des Leistungsempfaengers (Par. 13b UStG)         0,00",
        "Rechnungsbetrag EUR                                                     29.340,40",
        "",
        "Zahlbar innerhalb 30 Tagen. VR-Bank Chattengau IBAN DE39520900000071234500",
    ], "Schlussrechnung 2026-31"))]),
    {"invoice_number": "2026-31", "issue_date": "2026-09-24", "seller": "Zimmerei Fehr & Sohn", "currency": "EUR",
     "net_total": "29340.40", "tax_total": "0.00", "gross_total": "29340.40", "iban": "DE39520900000071234500"})

W("invoice", "03_baustoffe_kaufmann_pdf", build(
    frm=address("Baustoffe Kaufmann – Rechnungsversand", "e-rechnung@baustoffe-kaufmann.example"),
    to=BUCH,
    subject="Rechnung 7120-448812 Kunde 30114",
    date=d("2026-10-09 02:14:55"),
    text="""Sehr geehrte Kundin, sehr geehrter Kunde,

im Anhang erhalten Sie Ihre Rechnung 7120-448812 vom 09.10.2026 als PDF.

Rechnungsbetrag: 9.586,64 EUR   Fällig: 08.11.2026   Skonto 2 % bis 19.10.2026

Diese E-Mail wurde automatisch versendet. Antworten an diese Adresse werden nicht gelesen.
Fragen zur Rechnung: debitoren@baustoffe-kaufmann.example · Tel. 0561 9885 300

Baustoffe Nordhessen Kaufmann GmbH & Co. KG · Sandershäuser Str. 77 · 34123 Kassel
AG Kassel HRA 14452 · pers. haft. Ges.: Kaufmann Verwaltungs-GmbH, AG Kassel HRB 8812
Geschäftsführer: Ulrich Kaufmann, Dr. Anja Kaufmann-Rehm
""",
    attachments=[("RE_7120-448812.pdf", "application/pdf", pdf([
        "Baustoffe Nordhessen Kaufmann GmbH & Co. KG",
        "Sandershaeuser Str. 77, 34123 Kassel   USt-IdNr. DE113558207",
        "",
        "RECHNUNG  Nr. 7120-448812        Datum: 09.10.2026      Kunde: 30114",
        "Bauwerk Hessen Schulte & Soehne GmbH & Co. KG, Leipziger Str. 210, 34123 Kassel",
        "Lieferung: BV Kita Lohfelden, Lieferschein 7110-902231 vom 07.10.2026",
        "",
        "Art.-Nr.  Bezeichnung                          Menge   Einh.   Preis      Betrag",
        "100245    KS-Planstein 12 DF 17,5 cm            24     Pal     298,00    7.152,00",
        "220810    Duennbettmoertel 25 kg                40     Sack      9,85      394,00",
        "310077    Mauerwerksanker Edelstahl 250 mm     500     Stk       0,42      210,00",
        "900001    Palettenpfand                         24     Stk      12,50      300,00",
        "",
        "Warenwert netto                                                       8.056,00",
        "USt 19 %                                                              1.530,64",
        "Rechnungsbetrag EUR                                                   9.586,64",
        "",
        "Bank: Kasseler Sparkasse  IBAN DE95520604100004412377",
    ], "Rechnung 7120-448812"))]),
    {"invoice_number": "7120-448812", "issue_date": "2026-10-09", "seller": "Baustoffe Nordhessen Kaufmann GmbH & Co. KG",
     "currency": "EUR", "net_total": "8056.00", "tax_total": "1530.64", "gross_total": "9586.64", "iban": "DE95520604100004412377"})

W("invoice", "04_transportbeton_csv", build(
    frm=address("Transportbeton Fulda-Werra", "fakturierung@tb-fulda-werra.example"),
    to=address(None, BUCH),
    cc=address("Thomas Brandau", f"t.brandau@{DOM}"),
    subject="Rechnung TB-26-06631 BV Kita Lohfelden",
    date=d("2026-10-15 11:20:40"),
    text="""Guten Tag,

hiermit übersenden wir die Rechnung TB-26-06631 vom 15.10.2026 über die Betonlieferungen zur Bodenplatte
(BV Kita Lohfelden). Die Lieferscheine sind in der CSV aufgeführt.

Summe netto 4.083,00 EUR, zzgl. 19 % MwSt. 775,77 EUR, Gesamtbetrag 4.858,77 EUR.
Zahlungsziel 30 Tage. IBAN DE50520501510108877665.

Freundliche Grüße
Carina Vogt – Fakturierung
Transportbeton Fulda-Werra GmbH, Werk Guxhagen
""",
    attachments=[("TB-26-06631.csv", "text/csv", """Rechnung;Datum;Lieferschein;Lieferdatum;Artikel;Menge;Einheit;Preis;Betrag
TB-26-06631;15.10.2026;LS 558120;12.10.2026;C25/30 XC2 F3 16 mm;8,0;m3;118,50;948,00
TB-26-06631;15.10.2026;LS 558121;12.10.2026;C25/30 XC2 F3 16 mm;8,0;m3;118,50;948,00
TB-26-06631;15.10.2026;LS 558124;12.10.2026;C25/30 XC2 F3 16 mm;7,5;m3;118,50;888,75
TB-26-06631;15.10.2026;LS 558130;12.10.2026;C25/30 XC2 F3 16 mm;4,5;m3;118,50;533,25
TB-26-06631;15.10.2026;P 20771;12.10.2026;Autobetonpumpe 36 m;4,0;h;165,00;660,00
TB-26-06631;15.10.2026;LS 558130;12.10.2026;Wartezeit ueber 30 min;0,75;h;80,00;60,00
TB-26-06631;15.10.2026;LS 558130;12.10.2026;Kleinmengenzuschlag;1;psch;45,00;45,00
;;;;Summe netto;;;;4083,00
;;;;MwSt 19%;;;;775,77
;;;;Gesamtbetrag;;;;4858,77
""".encode())]),
    {"invoice_number": "TB-26-06631", "issue_date": "2026-10-15", "seller": "Transportbeton Fulda-Werra GmbH",
     "currency": "EUR", "net_total": "4083.00", "tax_total": "775.77", "gross_total": "4858.77", "iban": "DE50520501510108877665"})

W("invoice", "05_kaufmann_gutschrift_paletten", build(
    frm=address("Baustoffe Kaufmann – Rechnungsversand", "e-rechnung@baustoffe-kaufmann.example"),
    to=BUCH,
    subject="Gutschrift 7190-004419 Kunde 30114",
    date=d("2026-10-28 02:15:03"),
    text="""Sehr geehrte Kundin, sehr geehrter Kunde,

für Ihre Rückgabe von Mehrwegpaletten erhalten Sie folgende Gutschrift:

GUTSCHRIFT Nr. 7190-004419 vom 28.10.2026
Bezug: Rechnung 7120-448812, Rückgabeschein RG-22871

  24 Stk  Palettenpfand Rücknahme     à 12,50     -300,00 EUR
  USt 19 %                                        -57,00 EUR
  Gutschriftsbetrag                              -357,00 EUR

Der Betrag wird mit offenen Posten verrechnet.

Diese E-Mail wurde automatisch versendet. Antworten an diese Adresse werden nicht gelesen.
Baustoffe Nordhessen Kaufmann GmbH & Co. KG · Sandershäuser Str. 77 · 34123 Kassel
""",
    charset="iso-8859-1", cte="quoted-printable"),
    {"invoice_number": "7190-004419", "issue_date": "2026-10-28", "seller": "Baustoffe Nordhessen Kaufmann GmbH & Co. KG",
     "currency": "EUR", "net_total": "-300.00", "tax_total": "-57.00", "gross_total": "-357.00"})

W("invoice", "06_kran_schaefer_html", build(
    frm=address("Kran-Service Schäfer", "buero@kran-schaefer.example"),
    to=address("Petra Hoffmann", f"p.hoffmann@{DOM}"),
    subject="Rechnung 26-1482",
    date=d("2026-11-05 09:33:10", "+0100"),
    html="""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif}</style></head>
<body lang="DE"><div class="WordSection1">
<p class="MsoNormal">Guten Morgen Frau Hoffmann,</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">anbei unsere Rechnung für die Krangestellung Wohnanlage Vellmar (Fertigteiltreppen und Filigrandecken).</p><p class="MsoNormal">&nbsp;</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr><td colspan="4" style="padding:2pt 5pt"><p class="MsoNormal"><b>RECHNUNG Nr. 26-1482 vom 05.11.2026</b></p></td></tr>
<tr><td style="padding:2pt 5pt"><p class="MsoNormal">Mobilkran 40 t inkl. Kranführer (29.10. + 02.11.2026)</p></td><td><p class="MsoNormal">11 h</p></td><td><p class="MsoNormal">145,00 €</p></td><td><p class="MsoNormal">1.595,00 €</p></td></tr>
<tr><td style="padding:2pt 5pt"><p class="MsoNormal">An- und Abfahrt</p></td><td><p class="MsoNormal">2 x</p></td><td><p class="MsoNormal">180,00 €</p></td><td><p class="MsoNormal">360,00 €</p></td></tr>
<tr><td style="padding:2pt 5pt"><p class="MsoNormal">Verkehrsrechtliche Anordnung / Halteverbot</p></td><td><p class="MsoNormal">1</p></td><td><p class="MsoNormal">85,00 €</p></td><td><p class="MsoNormal">85,00 €</p></td></tr>
<tr><td colspan="3" style="padding:2pt 5pt"><p class="MsoNormal">Nettobetrag</p></td><td><p class="MsoNormal">2.040,00 €</p></td></tr>
<tr><td colspan="3" style="padding:2pt 5pt"><p class="MsoNormal">19 % MwSt.</p></td><td><p class="MsoNormal">387,60 €</p></td></tr>
<tr><td colspan="3" style="padding:2pt 5pt"><p class="MsoNormal"><b>Rechnungsbetrag</b></p></td><td><p class="MsoNormal"><b>2.427,60 €</b></p></td></tr>
</table><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Bitte überweisen Sie den Betrag bis zum 19.11.2026 auf unser Konto bei der VR PartnerBank, IBAN DE03520604100005543210.</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Mit freundlichen Grüßen</p><p class="MsoNormal">Ute Schäfer</p>
<p class="MsoNormal"><span style="font-size:9pt;color:#555">Kran-Service Schäfer GmbH · Industriestraße 18 · 34253 Lohfelden · Tel. 0561 51 77 60 · USt-IdNr. DE214456980</span></p>
</div></body></html>"""),
    {"invoice_number": "26-1482", "issue_date": "2026-11-05", "seller": "Kran-Service Schäfer GmbH", "currency": "EUR",
     "net_total": "2040.00", "tax_total": "387.60", "gross_total": "2427.60", "iban": "DE03520604100005543210"})

W("invoice", "07_alpenschalung_at", build(
    frm=address("Alpenschalung Vermietung GmbH", "office@alpenschalung.example"),
    to=address(None, BUCH),
    subject=encoded("Rechnung Nr. 2026/11-0342 – Schalungsmiete Baustelle Kassel-Wehlheiden"),
    date=d("2026-11-30 16:02:47"),
    text="""Sehr geehrte Damen und Herren,

wir erlauben uns, Ihnen für die Schalungsmiete wie folgt Rechnung zu legen:

Rechnung Nr. 2026/11-0342
Rechnungsdatum: 30.11.2026
Mietzeitraum: 02.11.2026 – 29.11.2026 (28 Tage)
Baustelle: Wohnhaus Kassel-Wehlheiden, Ihr Zeichen M. Schulte

  Rahmenschalung Alu, 420 m² × 28 Tage × € 0,19          € 2.234,40
  Reinigung und Instandsetzung, 420 m² × € 1,10           €   462,00
  Transport Wörgl – Kassel und retour, pauschal           €   640,00
                                                          ----------
  Nettobetrag                                             € 3.336,40
  USt 0 % – Übergang der Steuerschuld (Reverse Charge)    €     0,00
  Rechnungsbetrag                                         € 3.336,40

UID-Nr. Leistungserbringer: ATU68114027 · UID-Nr. Leistungsempfänger: DE811402277

Zahlbar binnen 14 Tagen ohne Abzug auf unser Konto bei der Raiffeisenbank Wörgl,
IBAN AT362050302100012345, BIC RZTIAT22.

Mit freundlichen Grüßen aus Tirol
Mag. Christina Hofer
Buchhaltung
Alpenschalung Vermietung GmbH · Innsbrucker Straße 55 · 6300 Wörgl · Österreich
FN 398114 k, Landesgericht Innsbruck
"""),
    {"invoice_number": "2026/11-0342", "issue_date": "2026-11-30", "seller": "Alpenschalung Vermietung GmbH", "currency": "EUR",
     "net_total": "3336.40", "tax_total": "0.00", "gross_total": "3336.40", "iban": "AT362050302100012345"})

W("invoice", "08_bauphysik_gantenbein_chf", build(
    frm=address("Bauphysik Gantenbein AG", "admin@bauphysik-gantenbein.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    cc=BUCH,
    subject="Rechnung 26-0918 Schallschutznachweis Turnhalle Habichtsborn",
    date=d("2026-12-04 10:45:00", "+0100"),
    text="""Grüezi Herr Schulte

Besten Dank für den Auftrag. In der Beilage bzw. nachstehend erhalten Sie unsere Rechnung für den
Schallschutz- und Raumakustiknachweis der Turnhalle Habichtsborn.

Rechnung Nr. 26-0918                              Chur, 04.12.2026

  Honorar Bauphysik/Akustik, 38 h à CHF 165.00        CHF 6'270.00
  Spesen (Reise Chur–Kassel, Messgeräte)              CHF   412.50
  ----------------------------------------------------------------
  Total                                               CHF 6'682.50

Keine MWST: Leistungsort Deutschland, Steuerschuldnerschaft des Leistungsempfängers.

Zahlbar innert 30 Tagen auf:
Graubündner Kantonalbank, IBAN CH3500774012345678901, zugunsten Bauphysik Gantenbein AG

Freundliche Grüsse

Reto Gantenbein
dipl. Bauing. ETH
Bauphysik Gantenbein AG · Gäuggelistrasse 12 · 7000 Chur · Schweiz
UID CHE-114.882.407
"""),
    {"invoice_number": "26-0918", "issue_date": "2026-12-04", "seller": "Bauphysik Gantenbein AG", "currency": "CHF",
     "gross_total": "6682.50", "iban": "CH3500774012345678901"})

W("invoice", "09_brightline_uk_gbp", build(
    frm=address("Brightline Survey Instruments", "accounts@brightline-survey.example"),
    to=address(None, BUCH),
    subject="Invoice INV-40872 - repair & calibration",
    date=d("2026-11-16 14:30:12", "+0000"),
    text="""Dear Sir/Madam,

Please find below our invoice for the repair and calibration of your rotating lasers (RMA 2026-1147).

INVOICE INV-40872                                   Date: 16 November 2026
Brightline Survey Instruments Ltd, 22 Canal Wharf, Leeds LS11 5PS, United Kingdom
VAT Reg. GB 287 4412 06

Bill to: Bauwerk Hessen Schulte & Söhne GmbH & Co. KG, Leipziger Str. 210, 34123 Kassel, Germany

  Description                                        Qty    Unit       Amount
  Calibration certificate, rotating laser RL-500       2    £145.00    £290.00
  Repair: replace grade sensor, unit s/n 88410          1    £210.00    £210.00
  Return courier to Germany (insured)                   1     £38.00     £38.00
                                                                     --------
  Subtotal                                                           £538.00
  VAT 0% (export of goods/services outside UK)                         £0.00
  Total due                                                          £538.00

Payment terms: 30 days. Bank transfer in GBP to:
  Barclays Bank plc, Leeds
  Account name: Brightline Survey Instruments Ltd
  Sort code: 40-11-62   Account number: 21456789

Kind regards,
Hannah Whitaker
Accounts Department
"""),
    {"invoice_number": "INV-40872", "issue_date": "2026-11-16", "seller": "Brightline Survey Instruments Ltd", "currency": "GBP",
     "net_total": "538.00", "tax_total": "0.00", "gross_total": "538.00", "sort_code": "40-11-62", "account_number": "21456789"})

# ============================================================================================ purchase orders

W("purchase_order", "01_hartmann_auftrag_architekt", build(
    frm=address("Architekturbüro Lenz", "buero@architekt-lenz.example"),
    to=address("Sabine Wagner", f"s.wagner@{DOM}"),
    cc=address(None, "j.hartmann@privatpost.example"),
    subject=encoded("Auftragserteilung Rohbau EFH Hartmann, Baunatal – Ihr Angebot ANG-2026-0388"),
    date=d("2026-09-03 11:28:44"),
    text="""Sehr geehrte Frau Wagner,

im Namen und mit Vollmacht der Bauherren Jörg und Melanie Hartmann erteile ich Ihnen hiermit den Auftrag
für die Rohbauarbeiten (Erdarbeiten, Keller WU-Beton, Mauerwerk EG/OG, Decken, Treppe) am Bauvorhaben

   Neubau Einfamilienhaus, Am Lindenhang 7, 34225 Baunatal

auf Grundlage Ihres Angebots ANG-2026-0388 vom 18.08.2026 in der Fassung des Verhandlungsprotokolls vom
01.09.2026.

   Auftrags-Nr. der Bauherren:  L-2026-14-03
   Auftragssumme:               186.420,00 € (brutto, Pauschalfestpreis)
   Ausführungsbeginn:           KW 39 / 2026
   Fertigstellung Rohbau:       spätestens 18.12.2026
   Vertragsgrundlage:           VOB/B in der aktuellen Fassung, Gewährleistung 5 Jahre

Bitte bestätigen Sie den Auftrag schriftlich und senden Sie uns Ihren Bauzeitenplan bis 11.09.2026.

Mit freundlichen Grüßen

Dipl.-Ing. Architektin Katrin Lenz
Architekturbüro Lenz · Friedrich-Ebert-Straße 96 · 34119 Kassel
Tel. 0561 70 38 214
"""),
    {"order_number": "L-2026-14-03", "total": "186420.00", "currency": "EUR", "buyer": "Jörg und Melanie Hartmann"})

W("purchase_order", "02_gemeinde_habichtsborn_zuschlag", build(
    frm=address("Gemeinde Habichtsborn – Bauamt", "bauamt@habichtsborn.example"),
    to=address(None, f"info@{DOM}"),
    subject="Zuschlagserteilung / Auftragsschreiben - Vergabe-Nr. VG-2026-031 Sanierung Turnhalle",
    date=d("2026-11-12 10:05:31", "+0100"),
    text="""Gemeindevorstand der Gemeinde Habichtsborn
- Bauamt -
Rathausplatz 1, 34379 Habichtsborn

Az.: 60-VG-2026-031                                                          Habichtsborn, 12.11.2026

Bauwerk Hessen Schulte & Söhne GmbH & Co. KG
Leipziger Straße 210
34123 Kassel

Beschränkte Ausschreibung nach § 3a Abs. 2 VOB/A
Vergabe-Nr.: VG-2026-031
Maßnahme: Energetische Sanierung Turnhalle Habichtsborn – Los 1 Rohbau- und Betonarbeiten

Zuschlagserteilung / Auftragsschreiben

Sehr geehrte Damen und Herren,

auf Ihr Angebot vom 20.10.2026 (Angebots-Nr. ANG-2026-0412) erteilen wir Ihnen hiermit gemäß Beschluss
des Gemeindevorstands vom 10.11.2026 den Zuschlag.

Auftragssumme:  342.065,50 € brutto
                (287.450,00 € netto zzgl. 19 % USt 54.615,50 €)

Vertragsbestandteile sind das Leistungsverzeichnis, die Besonderen und Zusätzlichen Vertragsbedingungen
sowie die VOB/B. Die Ausführungsfristen ergeben sich aus den Besonderen Vertragsbedingungen (Beginn
spätestens 12 Werktage nach Zugang dieses Schreibens). Eine Vertragserfüllungsbürgschaft in Höhe von 5 %
der Auftragssumme ist innerhalb von 18 Werktagen vorzulegen.

Bitte bestätigen Sie den Eingang dieses Auftragsschreibens. Rechnungen sind unter Angabe der
Vergabe-Nr. an die o. g. Anschrift bzw. als XRechnung (Leitweg-ID 06-0634011-0001-22) zu richten.

Mit freundlichen Grüßen
Im Auftrag

Bernd Kördel
Leiter Bauamt
"""),
    {"order_number": "VG-2026-031", "total": "342065.50", "currency": "EUR", "buyer": "Gemeinde Habichtsborn"})

W("purchase_order", "03_heidrich_nu_auftrag_pdf", build(
    frm=address("Heidrich Generalbau GmbH – Einkauf", "einkauf@heidrich-generalbau.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject=encoded("Nachunternehmerauftrag NU-2026-0412 - BV Wohnanlage Göttingen-Weende", "iso-8859-1", "B"),
    date=d("2026-09-21 16:58:12"),
    text="""Sehr geehrter Herr Schulte,

wie im Vergabegespräch vom 17.09. vereinbart, erhalten Sie anbei den Nachunternehmerauftrag über die
Rohbauarbeiten Haus C und D. Bitte senden Sie uns ein Exemplar unterschrieben zurück.

Mit freundlichen Grüßen
Dipl.-Wirt.-Ing. (FH) Oliver Brenneke
Einkauf / Vergabe
Heidrich Generalbau GmbH · Hannoversche Str. 140 · 37077 Göttingen

Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der
richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den
Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser
Mail sind nicht gestattet. Geschäftsführer: Dr. Frank Heidrich, Amtsgericht Göttingen HRB 3311.
""",
    attachments=[("NU-2026-0412_Auftrag.pdf", "application/pdf", pdf([
        "Heidrich Generalbau GmbH - NACHUNTERNEHMERAUFTRAG",
        "Auftrags-Nr.: NU-2026-0412                 Datum: 21.09.2026",
        "Auftraggeber: Heidrich Generalbau GmbH, Hannoversche Str. 140, 37077 Goettingen",
        "Auftragnehmer: Bauwerk Hessen Schulte & Soehne GmbH & Co. KG, Kassel",
        "Bauvorhaben: Wohnanlage Goettingen-Weende, Haus C und D (32 WE)",
        "Gewerk: Rohbauarbeiten gem. LV 02 (Stand 04.09.2026)",
        "",
        "LV-Titel                                                Betrag netto EUR",
        "01 Baustelleneinrichtung                                     18.600,00",
        "02 Erdarbeiten / Gruendung                                   46.250,00",
        "03 Stahlbetonarbeiten                                       231.900,00",
        "04 Mauerarbeiten                                            102.400,00",
        "05 Stundenlohnarbeiten (Kontingent)                          13.650,00",
        "",
        "Auftragssumme netto (Pauschal)                              412.800,00",
        "Umsatzsteuer: Steuerschuldnerschaft des Leistungsempfaengers gem. Par. 13b UStG",
        "Ausfuehrung: 05.10.2026 - 26.03.2027   Sicherheitseinbehalt 5 %",
        "",
        "Fuer den Auftraggeber: O. Brenneke          Fuer den Auftragnehmer: ______________",
    ], "NU-2026-0412"))]),
    {"order_number": "NU-2026-0412", "total": "412800.00", "currency": "EUR", "buyer": "Heidrich Generalbau GmbH"})

W("purchase_order", "04_steinberger_wien", build(
    frm=address("Mag. Elisabeth Steinberger", "e.steinberger@steinberger-immo.example"),
    to=address("Bauwerk Hessen", f"info@{DOM}"),
    subject=encoded("Beauftragung Fassadensanierung Kölnische Straße 44, Kassel - Bestellung 2026/0877", "iso-8859-15", "Q"),
    date=d("2026-10-06 09:14:27"),
    text="""Sehr geehrte Damen und Herren,

Bezug nehmend auf Ihren Kostenvoranschlag vom 22. September sowie unser Telefonat mit Herrn Martin Schulte
dürfen wir Sie hiermit namens der Eigentümerin mit der Sanierung der straßenseitigen Fassade der Liegenschaft
Kölnische Straße 44, 34117 Kassel, beauftragen.

  Bestellnummer:      2026/0877
  Leistung:           Fassadensanierung lt. KV 2026-KV-118 (Putzausbesserung, Risssanierung,
                      Gesimse, Anstrich, inkl. Gerüst)
  Auftragswert:       € 48.960,00 netto zzgl. USt
  Ausführung:         nach Möglichkeit noch vor Jänner, spätestens bis 30. April 2027

Bitte vermerken Sie unsere Bestellnummer auf sämtlichen Rechnungen; Rechnungsempfänger ist die
Steinberger Immobilienverwaltung GmbH, Wien, für die Eigentümerin KS-Wohnbau 44 GmbH & Co KG.

Für Rückfragen stehe ich gerne zur Verfügung.

Mit freundlichen Grüßen aus Wien
Mag. Elisabeth Steinberger
Geschäftsführerin
Steinberger Immobilienverwaltung GmbH
Josefstädter Straße 28/7 · 1080 Wien · Österreich
T +43 1 402 77 15
""",
    charset="iso-8859-15", cte="quoted-printable"),
    {"order_number": "2026/0877", "total": "48960.00", "currency": "EUR", "buyer": "Steinberger Immobilienverwaltung GmbH"})

W("purchase_order", "05_rheintaler_chf", build(
    cte="base64",
    frm=address("Beat Zollinger", "b.zollinger@rheintaler-immobilien.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject="Auftrag RI-2026-118 Umbau Gewerbeeinheit Kassel",
    date=d("2026-10-20 13:41:09"),
    text="""Sehr geehrter Herr Schulte

Wie besprochen erteilen wir Ihnen den Auftrag für den Umbau der Gewerbeeinheit im Erdgeschoss unserer
Liegenschaft Wilhelmshöher Allee 255 in Kassel (Durchbrüche, neue Stahlbetonstützen, Abfangträger,
Trockenbau-Vorarbeiten) gemäss Ihrer Offerte vom 9. Oktober 2026.

  Unsere Auftragsnummer:   RI-2026-118
  Pauschalpreis:           CHF 96'500.00 (exkl. MWST, Fakturierung in CHF wie vereinbart)
  Termin:                  Baubeginn 16.11.2026, Übergabe an den Mieter 26.02.2027
  Zahlungsplan:            30 % bei Baubeginn, 40 % nach Rohbau, 30 % nach Abnahme

Die Statik von Ing. Büro Hartl liegt Ihnen vor. Bitte bestätigen Sie uns den Auftrag kurz per Mail.

Freundliche Grüsse

Beat Zollinger
Leiter Bau & Projekte
Rheintaler Immobilien AG · Bahnhofstrasse 21 · 9450 Altstätten SG · Schweiz
"""),
    {"order_number": "RI-2026-118", "total": "96500.00", "currency": "CHF", "buyer": "Rheintaler Immobilien AG"})

W("purchase_order", "06_tristate_po_en", build(
    frm=address("Tristate Logistics Purchasing", "purchasing.emea@tristate-logistics.example"),
    to=address("Bauwerk Hessen", f"info@{DOM}"),
    cc=address("Ryan McAllister", "r.mcallister@tristate-logistics.example"),
    subject="PO 4700012291 - Kassel DC floor joint repair + dock leveller pits",
    date=d("2026-11-24 17:05:44"),
    text="""Hello,

Attached please find PO 4700012291 for the works quoted in your offer ANG-2026-0431 (floor joint repair
aisles 1-14 and 3 new dock leveller pits, Kassel Distribution Center).

PO value: EUR 38,740.00 (net, VAT to be added as applicable).
Works to be carried out on weekends only (Sat 06:00 - Sun 22:00), start date to be agreed with our site
lead Ryan McAllister.

Please reference the PO number on all invoices and send invoices to ap.emea@tristate-logistics.example.

Thank you,
Jennifer Castillo
Purchasing Specialist EMEA
Tristate Logistics Germany GmbH
Am Lossewerk 7, 34123 Kassel
""",
    attachments=[("PO_4700012291.pdf", "application/pdf", pdf([
        "Tristate Logistics Germany GmbH - PURCHASE ORDER",
        "PO number: 4700012291                 PO date: 11/24/2026",
        "Supplier: Bauwerk Hessen Schulte & Soehne GmbH & Co. KG (Vendor 100877)",
        "Ship-to / site: Kassel Distribution Center, Am Lossewerk 7, 34123 Kassel",
        "Reference: Quote ANG-2026-0431",
        "",
        "Line  Description                                         Qty  UoM   Price EUR    Amount EUR",
        "1     Floor joint repair aisles 1-14 (epoxy, armoured)    1   LS    21,940.00     21,940.00",
        "2     Dock leveller pits, reinforced concrete, incl. earthworks 3 EA 5,200.00  15,600.00",
        "3     Site setup / safety barriers                        1   LS     1,200.00      1,200.00",
        "",
        "Total net                                                                    EUR 38,740.00",
        "Terms: Net 45. Tristate General Terms of Purchase apply.",
    ], "PO 4700012291"))]),
    {"order_number": "4700012291", "total": "38740.00", "currency": "EUR", "buyer": "Tristate Logistics Germany GmbH"})

W("purchase_order", "07_habichtsborn_nachtrag", build(
    frm=address("Bernd Kördel", "b.koerdel@habichtsborn.example", "iso-8859-1"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    cc=address("Ingenieurbüro Rauch", "info@ib-rauch.example"),
    subject="Beauftragung Nachtrag N-03 Turnhalle (Bestell-Nr. 2026-BA-0447)",
    date=d("2026-12-09 08:37:52", "+0100"),
    text="""Sehr geehrter Herr Schulte,

nach Prüfung durch das Ingenieurbüro Rauch beauftragen wir hiermit den Nachtrag N-03 (zusätzliche
Unterfangung Giebelwand Nord, Pos. N03.01 bis N03.06) zum Auftrag Vergabe-Nr. VG-2026-031.

Bestell-Nr.:        2026-BA-0447
Nachtragssumme:     10.659,00 € netto, 12.684,21 € brutto
Preisgrundlage:     Ihr Nachtragsangebot vom 27.11.2026, geprüft mit Kürzung Pos. N03.04 (Stundenlohn)

Die Ausführungsfrist verlängert sich um 8 Werktage. Alle übrigen Vertragsbedingungen bleiben unverändert.

Mit freundlichen Grüßen
Im Auftrag
Bernd Kördel
Gemeinde Habichtsborn – Bauamt
""",
    charset="windows-1252", cte="8bit"),
    {"order_number": "2026-BA-0447", "total": "12684.21", "currency": "EUR", "buyer": "Gemeinde Habichtsborn"})

W("purchase_order", "08_yilmaz_kfz_garage", build(
    frm=address("Yılmaz Kfz-Service GmbH", "buero@yilmaz-kfz.example"),
    to=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject="Bestellung Nr. 2026-07 Doppelgarage + Pflasterarbeiten",
    date=d("2026-10-14 18:22:06"),
    text="""Sehr geehrter Herr Yıldız,

vielen Dank für das Gespräch am Montag. Mein Vater ist mit dem Angebot ANG-2026-0415 einverstanden, daher
bestellen wir hiermit:

  Bestellung Nr. 2026-07
  - Doppelgarage Massivbau 6,00 x 6,50 m, Flachdach, inkl. Fundamente
  - Pflasterarbeiten Hoffläche ca. 140 m² (Betonpflaster grau, 8 cm)
  Gesamtpreis laut Angebot: 23.800,00 € brutto

Ausführung wie besprochen ab März 2027, die Baugenehmigung reichen wir nach, sobald sie da ist.
Adresse: Sandershäuser Straße 120, 34123 Kassel (Werkstattgelände hinten).

Mit freundlichen Grüßen
Elif Yılmaz
Büro / Buchhaltung
Yılmaz Kfz-Service GmbH
"""),
    {"order_number": "2026-07", "total": "23800.00", "currency": "EUR", "buyer": "Yılmaz Kfz-Service GmbH"})

W("purchase_order", "09_wohnstaetten_balkone_pdf", build(
    frm=address("Wohnstätten Nordhessen eG – Technik", "technik@wohnstaetten-nordhessen.example"),
    to=address(None, f"info@{DOM}"),
    subject="Bestellung BE-26-11873",
    date=d("2026-09-29 07:55:00"),
    text="""Sehr geehrte Damen und Herren,

anbei erhalten Sie unsere Bestellung BE-26-11873 (Balkonsanierung Am Kirchweg 12-16, Kassel-Niederzwehren).

Bitte beachten Sie: Die Mieter sind durch uns informiert; Zugang zu den Wohnungen nur nach Terminabsprache
mit Hausmeister Herrn Gerlach (0171 553 82 10).

Mit freundlichen Grüßen
Jürgen Albrecht
Technisches Bestandsmanagement
Wohnstätten Nordhessen eG
""",
    attachments=[("BE-26-11873.pdf", "application/pdf", pdf([
        "Wohnstaetten Nordhessen eG - Bestellung",
        "Bestellnummer: BE-26-11873       Datum: 29.09.2026       Kostenstelle: 4120-KW12",
        "Auftragnehmer: Bauwerk Hessen Schulte & Soehne GmbH & Co. KG, Kassel",
        "Objekt: Am Kirchweg 12-16, 34134 Kassel - Balkonsanierung 18 Balkone",
        "",
        "Pos  Leistung                                         Menge   EP EUR       GP EUR",
        "1    Betonsanierung Balkonplatte inkl. Bewehrungsschutz  18 St  2.140,00   38.520,00",
        "2    Abdichtung und Entwaesserung Balkon                  18 St    860,00   15.480,00",
        "3    Gelaender de-/montieren, anpassen                    18 St    420,00    7.560,00",
        "4    Fassadengeruest inkl. Standzeit 8 Wochen              1 psch 5.870,00    5.870,00",
        "",
        "Gesamtbetrag netto                                                        67.430,00",
        "zzgl. gesetzlicher MwSt.",
        "Ausfuehrung: 12.10.2026 - 04.12.2026",
        "Es gelten unsere Allgemeinen Einkaufsbedingungen (AEB 2024) und die VOB/B.",
    ], "Bestellung BE-26-11873"))]),
    {"order_number": "BE-26-11873", "total": "67430.00", "currency": "EUR", "buyer": "Wohnstätten Nordhessen eG"})

# ============================================================================================ quote requests

W("quote_request", "01_efh_vellmar_privat", build(
    frm=address("Sebastian Becker", "sebastian.becker88@webpost.example"),
    to=address(None, f"info@{DOM}"),
    subject="Anfrage Rohbau Einfamilienhaus Vellmar",
    date=d("2026-09-06 20:51:37"),
    text="""Hallo,

meine Frau und ich planen ein Einfamilienhaus in Vellmar-Frommershausen (Grundstück ist gekauft, Bauantrag
läuft über unseren Architekten). Eckdaten:
- ca. 145 m² Wohnfläche, 2 Vollgeschosse + Satteldach
- Vollkeller, wegen Hanglage als weiße Wanne
- Kalksandstein, KfW-Effizienzhaus 40

Können Sie uns ein Angebot für den Rohbau machen, bzw. erstmal grob sagen, in welcher Größenordnung wir
da liegen? Die Pläne (Grundrisse, Schnitt) hänge ich an. Baubeginn wäre Frühjahr 2027.

Und wie lange sind Sie denn im Moment ausgebucht?

Viele Grüße
Sebastian Becker
Tel. 0160 9124 5530
""",
    attachments=[("Plaene_EFH_Becker.pdf", "application/pdf", pdf([
        "EFH Becker - Vellmar-Frommershausen - Entwurf Stand 08/2026",
        "Grundstueck: Flur 4, Flurstueck 112/7, 612 m2",
        "KG: 11,49 x 9,24 m, lichte Hoehe 2,40 m, WU-Beton",
        "EG: 11,49 x 9,24 m, Wohnen/Kochen/Essen, Gaeste-WC, HWR",
        "OG: 4 Zimmer, Bad, Flur; Dachneigung 38 Grad",
        "Wandaufbau: KS 17,5 cm + WDVS 20 cm",
        "Architekt: Planungsbuero Raabe, Vellmar",
    ], "Plaene EFH Becker"))]),
    {"customer_company": "Sebastian Becker", "contact_email": "sebastian.becker88@webpost.example"})

W("quote_request", "02_feuerwehrhaus_ausschreibung", build(
    frm=address("Gemeinde Habichtsborn – Bauamt", "bauamt@habichtsborn.example"),
    to=address(None, f"info@{DOM}"),
    subject=encoded("Aufforderung zur Angebotsabgabe - Beschränkte Ausschreibung VG-2026-044 Anbau Feuerwehrhaus OT Grebenau", "utf-8", "Q"),
    date=d("2026-11-26 09:00:12", "+0100"),
    text="""Gemeindevorstand der Gemeinde Habichtsborn – Bauamt –

Beschränkte Ausschreibung nach § 3a Abs. 2 Nr. 1 VOB/A
Vergabe-Nr.:   VG-2026-044
Maßnahme:      Anbau Fahrzeughalle Feuerwehrhaus Ortsteil Grebenau – Rohbauarbeiten

Sehr geehrte Damen und Herren,

die Gemeinde Habichtsborn beabsichtigt, die o. g. Leistungen im Wege der Beschränkten Ausschreibung zu
vergeben. Sie werden hiermit aufgefordert, ein Angebot abzugeben.

Umfang (Auszug): Baustelleneinrichtung, Erdarbeiten ca. 380 m³, Streifenfundamente und Bodenplatte
Stahlbeton ca. 165 m², Mauerwerk Kalksandstein 24 cm ca. 210 m², Stahlbetonringbalken, Anschluss an
Bestand inkl. Abbruch einer Giebelwand.

Ausführungszeitraum:      01.03.2027 – 30.06.2027
Angebotsfrist / Eröffnung: 15.12.2026, 10:00 Uhr, Rathaus, Zimmer 12
Bindefrist:                29.01.2027

Die Vergabeunterlagen (Leistungsverzeichnis im GAEB-Format X83 und als PDF, Pläne, BVB/ZVB) stehen
auf der Vergabeplattform unter der Vergabe-Nr. VG-2026-044 zum Download bereit. Angebote sind
elektronisch über die Plattform in Textform einzureichen. Nebenangebote sind nicht zugelassen.

Rückfragen richten Sie bitte bis 08.12.2026 schriftlich an bauamt@habichtsborn.example.

Mit freundlichen Grüßen
Im Auftrag
Bernd Kördel, Leiter Bauamt
"""),
    {"customer_company": "Gemeinde Habichtsborn", "contact_email": "bauamt@habichtsborn.example"})

W("quote_request", "03_tristate_rfq_en", build(
    frm=address("Ryan McAllister", "r.mcallister@tristate-logistics.example"),
    to=address(None, f"info@{DOM}"),
    subject="RFQ: concrete floor repair + dock pits at our Kassel DC",
    date=d("2026-10-08 14:12:50"),
    text="""Hi there,

I'm the site lead at Tristate Logistics' Kassel Distribution Center (Am Lossewerk 7). We were referred to
you by Heidrich Generalbau.

We need a quotation for:
 1) Repair of the floor joints in aisles 1-14 (approx. 1,150 running meters, joints are spalling, forklifts
    are getting damaged). Armoured joint profiles or epoxy, whatever you recommend.
 2) Three new pits for dock levellers at doors 22-24 (approx. 3.0 x 2.5 m, 0.6 m deep), incl. breaking out
    the existing slab.

Constraints: the DC runs Mon-Fri 24h, so works can only happen on weekends. We would like to have this
done before end of January.

Could you come out for a site visit next week? Tue or Thu would work for me. Please send the quote in
English if possible; my German is limited ("ein bisschen").

Cheers,
Ryan McAllister
Site Lead - Kassel DC
Tristate Logistics Germany GmbH
M +49 172 880 4311
"""),
    {"customer_company": "Tristate Logistics Germany GmbH", "contact_email": "r.mcallister@tristate-logistics.example"})

W("quote_request", "04_bodenplatte_knapp", build(
    frm=address("Heinz Göbel", "goebel-holzbau@t-netz.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject="Bodenplatte Zierenberg",
    date=d("2026-10-22 06:41:02"),
    text="""Martin,

brauch Preis für Bodenplatte Holzhaus Zierenberg, 120 m², C25/30, 25 cm, Q188 oben/unten, Frostschürze
80 cm rundum, Perimeter drunter 10 cm. Erdarbeiten macht Bauherr. Termin KW 48 oder 49.

Gruß Heinz

Göbel Holzbau GmbH
Zierenberg
"""),
    {"customer_company": "Göbel Holzbau GmbH", "contact_email": "goebel-holzbau@t-netz.example"})

W("quote_request", "05_basel_architekt_offerte", build(
    frm=address("Nadia Brunner", "n.brunner@meier-brunner-arch.example"),
    to=address("Bauwerk Hessen Kalkulation", f"kalkulation@{DOM}"),
    subject="Offertanfrage Baumeisterarbeiten Umbau Stadtvilla Kassel-Wilhelmshoehe",
    date=d("2026-11-03 10:20:33"),
    text="""Sehr geehrte Damen und Herren

Unser Büro plant für eine private Bauherrschaft aus Basel den Umbau einer Stadtvilla (Baujahr 1912) in
Kassel-Wilhelmshöhe. Für die Baumeisterarbeiten suchen wir einen Unternehmer vor Ort und laden Sie ein,
eine Offerte einzureichen.

Umfang in Kürze:
– Abbruch nichttragender Innenwände, neue Öffnungen in tragenden Wänden mit Stahlabfangungen
– Unterfangung Kellerwand Ost, Horizontalsperre
– neue Stahlbetondecke über Keller (ca. 48 m²)
– Anbau Wintergarten: Fundamente und Bodenplatte

Das Leistungsverzeichnis stellen wir Ihnen nach Bestätigung Ihres Interesses zu. Offerten bitte in EUR;
zur Information der Bauherrschaft wäre eine Umrechnung in CHF (Kurs 0.94) willkommen.

Könnten Sie uns bis 13. November mitteilen, ob Sie offerieren möchten?

Freundliche Grüsse

Nadia Brunner
dipl. Architektin FH SIA
Meier Brunner Architekten AG · St. Alban-Vorstadt 36 · 4052 Basel · Schweiz
T +41 61 271 44 90
"""),
    {"customer_company": "Meier Brunner Architekten AG", "contact_email": "n.brunner@meier-brunner-arch.example"})

W("quote_request", "06_steinberger_kellerabdichtung", build(
    frm=address("Mag. Elisabeth Steinberger", "e.steinberger@steinberger-immo.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject="Kostenvoranschlag Kellerabdichtung Frankfurter Str. 19",
    date=d("2026-12-01 15:37:18", "+0100"),
    text="""Sehr geehrter Herr Schulte,

nach der erfreulichen Zusammenarbeit bei der Kölnischen Straße hätten wir gleich das nächste Anliegen:
In der Liegenschaft Frankfurter Straße 19 in Kassel ist der Keller an der Hofseite feucht (Salzausblühungen,
Putz bröckelt, ca. 22 Laufmeter Außenwand).

Dürfen wir Sie um einen Kostenvoranschlag für eine Außenabdichtung bzw. alternativ eine Innenabdichtung
bitten? Ein Gutachten von Ing. Prader liegt vor und kann Ihnen übermittelt werden. Die Eigentümerversammlung
findet Mitte Jänner statt; bis dahin bräuchten wir eine belastbare Zahl.

Eine Besichtigung kann über den Hausbetreuer Herrn Kılıç (0176 2210 4497) vereinbart werden.

Mit freundlichen Grüßen aus Wien
Mag. Elisabeth Steinberger
Steinberger Immobilienverwaltung GmbH
"""),
    {"customer_company": "Steinberger Immobilienverwaltung GmbH", "contact_email": "e.steinberger@steinberger-immo.example"})

W("quote_request", "07_yilmaz_tuerkisch_deutsch", build(
    cte="base64",
    frm=address("Murat Yılmaz", "murat.yilmaz@yilmaz-kfz.example"),
    to=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject="Garage icin teklif / Angebot Garage",
    date=d("2026-09-17 21:05:44"),
    text="""Merhaba Kemal Bey,

Elif'ten numaranızı aldım, geçen hafta Hasan abinin düğününde konuşmuştuk hatırlarsanız.
Ich brauche ein Angebot für eine Doppelgarage auf meinem Werkstattgelände, Sandershäuser Str. 120.
Ungefähr 6 x 6,5 meter, Flachdach, massiv. Dazu Pflaster für den Hof, ca. 140 qm, vorher ist Schotter.

Fiyatı kabaca ne olur? Baugenehmigung macht mein Schwager, er ist Bauzeichner. Nächste Woche
Samstag bin ich den ganzen Tag in der Werkstatt, gelin bakın isterseniz.

Çok teşekkürler, iyi akşamlar
Murat Yılmaz
Yılmaz Kfz-Service GmbH
0561 400 77 12

iPhone'umdan gönderildi
"""),
    {"customer_company": "Yılmaz Kfz-Service GmbH", "contact_email": "murat.yilmaz@yilmaz-kfz.example"})

W("quote_request", "08_ib_rauch_lv_csv_thread", build(
    frm=address("Ingenieurbüro Rauch", "info@ib-rauch.example"),
    to=address("Sabine Wagner", f"s.wagner@{DOM}"),
    subject=encoded("AW: Preisanfrage Stützmauer Kaufunger Weg - LV anbei", "windows-1252", "Q"),
    date=d("2026-10-26 12:02:19", "+0100"),
    in_reply_to="<sw.2026-10-23.01@bauwerk-hessen.example>",
    text="""Hallo Frau Wagner,

wie gewünscht anbei das Kurz-LV für die Stützmauer als CSV (GAEB kommt mit der Ausschreibung, das hier
ist nur für Ihre Vorkalkulation). Bauherr ist die Stadtwerke Helsa GmbH, wir planen im Auftrag.

Wir bitten um ein unverbindliches Preisangebot mit Einheitspreisen bis 06.11.2026, damit wir die
Kostenberechnung für den Wirtschaftsplan fertig machen können.

Mit freundlichen Grüßen
Dipl.-Ing. Stefan Rauch
Ingenieurbüro Rauch · Tragwerksplanung & Tiefbau · Kassel

-----Ursprüngliche Nachricht-----
Von: Sabine Wagner <s.wagner@bauwerk-hessen.example>
Gesendet: Freitag, 23. Oktober 2026 16:44
An: info@ib-rauch.example
Betreff: Preisanfrage Stützmauer Kaufunger Weg

Hallo Herr Rauch,
gern rechnen wir Ihnen das. Können Sie mir die Massen vorab schicken?
Viele Grüße, Sabine Wagner
""",
    attachments=[("LV_Stuetzmauer_Kaufunger_Weg.csv", "text/csv", """OZ;Kurztext;Menge;Einheit;EP;GP
01.01;Baustelle einrichten und räumen;1;psch;;
01.02;Boden Kl. 3-5 lösen, seitlich lagern;185;m3;;
02.01;Sauberkeitsschicht C12/15, d=10 cm;42;m2;;
02.02;Fundament Stahlbeton C30/37 XC4 XF1;38,5;m3;;
02.03;Wand Stahlbeton C30/37, d=30 cm, Sichtbeton SB2;61;m3;;
02.04;Betonstahl B500B liefern und verlegen;9,8;t;;
03.01;Drainage DN 100 inkl. Kiesfilter;68;m;;
03.02;Hinterfüllung mit Frostschutzmaterial;140;m3;;
""".encode())]),
    {"customer_company": "Ingenieurbüro Rauch", "contact_email": "info@ib-rauch.example"})

W("quote_request", "09_kirchengemeinde_webformular", build(
    frm=address("Website Bauwerk Hessen", f"website@{DOM}"),
    to=address(None, f"info@{DOM}"),
    subject="Kontaktformular: Anfrage Sanierung",
    date=d("2026-12-10 09:17:45", "+0100"),
    headers=[("Reply-To", "gemeindebuero@ev-kirche-wehlheiden.example")],
    html="""<html><body style="font-family:Arial;font-size:13px">
<h3>Neue Anfrage über bauwerk-hessen.example/kontakt</h3>
<table cellpadding="4" style="border-collapse:collapse" border="1">
<tr><td><b>Name</b></td><td>Pfarrerin Dorothea Kuhn</td></tr>
<tr><td><b>Organisation</b></td><td>Ev. Kirchengemeinde Kassel-Wehlheiden</td></tr>
<tr><td><b>E-Mail</b></td><td>gemeindebuero@ev-kirche-wehlheiden.example</td></tr>
<tr><td><b>Telefon</b></td><td>0561 31 22 40</td></tr>
<tr><td><b>Art der Anfrage</b></td><td>Angebot / Kostenschätzung</td></tr>
<tr><td><b>Nachricht</b></td><td>Guten Tag, an unserem Gemeindehaus (Baujahr 1964) ist die Außentreppe zum Saal stark beschädigt
(Stufen gerissen, Geländer locker) und soll 2027 erneuert werden, möglichst mit Rampe für Rollstühle.
Können Sie uns dafür ein Angebot erstellen? Der Kirchenvorstand muss bis Februar entscheiden.
Vielen Dank und eine gesegnete Adventszeit!</td></tr>
</table>
<p style="color:#888;font-size:11px">Gesendet am 10.12.2026 um 09:17 · Datenschutz zugestimmt</p>
</body></html>"""),
    {"customer_company": "Ev. Kirchengemeinde Kassel-Wehlheiden", "contact_email": "gemeindebuero@ev-kirche-wehlheiden.example"})

# ============================================================================================ support tickets

W("support_ticket", "01_wohnstaetten_maengelanzeige", build(
    frm=address("Jürgen Albrecht", "technik@wohnstaetten-nordhessen.example"),
    to=address(None, f"info@{DOM}"),
    cc=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject=encoded("Mängelanzeige gem. § 13 Abs. 5 VOB/B – Balkonsanierung Am Kirchweg 12-16 (BE-26-11873)"),
    date=d("2026-12-14 10:48:03", "+0100"),
    text="""Sehr geehrte Damen und Herren,

im Rahmen der Abnahmebegehung am 10.12.2026 sowie durch Mitteilungen der Mieter wurden an der von Ihnen
ausgeführten Leistung (Bestellung BE-26-11873) folgende Mängel festgestellt:

 1. Haus 14, 2. OG links: Balkonentwässerung – Wasser steht nach Regen ca. 1,5 cm hoch an der Hauswand,
    Gefälle offensichtlich falsch ausgeführt.
 2. Haus 16, EG rechts und 1. OG rechts: Haarrisse in der neuen Beschichtung der Balkonplatte.
 3. Haus 12, alle Balkone: Geländerpfosten nicht ausreichend verankert, Pfosten lassen sich von Hand bewegen
    (Absturzgefahr!).

Wir fordern Sie hiermit auf, die Mängel zu 3. unverzüglich, spätestens bis 18.12.2026, und die Mängel zu
1. und 2. bis zum 22.01.2027 zu beseitigen. Nach fruchtlosem Fristablauf behalten wir uns die Ersatzvornahme
auf Ihre Kosten vor. Die Schlusszahlung wird bis zur Mängelbeseitigung in angemessener Höhe zurückbehalten.

Fotodokumentation und Begehungsprotokoll folgen mit separater Post.

Mit freundlichen Grüßen
Jürgen Albrecht
Technisches Bestandsmanagement
Wohnstätten Nordhessen eG
"""),
    {"customer_email": "technik@wohnstaetten-nordhessen.example"})

W("support_ticket", "02_keller_nass_wuetend", build(
    frm=address("Jörg Hartmann", "j.hartmann@privatpost.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject="Keller nass!!!!",
    date=d("2026-11-08 09:12:33", "+0100"),
    text="""Herr Schulte,

ich stehe gerade in unserem Keller und an der Nordwand läuft Wasser an der Arbeitsfuge runter, auf dem
Boden steht eine Pfütze von 2 Metern. Das ist eine WEISSE WANNE, für die wir extra 11.000 Euro mehr bezahlt
haben!!! Ihr Bauleiter hat mir noch vor 3 Wochen gesagt, das ist dicht.

Ich erwarte, dass heute oder spätestens morgen früh jemand hier ist. Ich habe Fotos und ein Video gemacht.
Und ich will wissen, wie Sie das beheben wollen, bevor der Estrichleger im Dezember kommt.

Jörg Hartmann
Am Lindenhang 7, Baunatal
0171 2098 447
"""),
    {"customer_email": "j.hartmann@privatpost.example"})

W("support_ticket", "03_turnhalle_feuchtigkeit_amt", build(
    frm=address("Bernd Kördel", "b.koerdel@habichtsborn.example"),
    to=address(None, f"info@{DOM}"),
    subject=encoded("Mängelrüge – Turnhalle Habichtsborn, VG-2026-031, Feuchtigkeit Geräteraum", "windows-1252", "Q"),
    date=d("2026-12-17 14:20:11", "+0100"),
    text="""Sehr geehrte Damen und Herren,

die Hausmeisterei der Turnhalle Habichtsborn meldet seit dem 14.12.2026 Feuchtigkeitseintritt im
Geräteraum an der Anschlussstelle der neu betonierten Bodenplatte an die Bestandswand (Achse A/3 bis A/5).
An der Wand haben sich bis ca. 30 cm Höhe Feuchteflecken gebildet; die Turnmatten mussten ausgelagert
werden.

Da die Leistung Bestandteil Ihres Auftrags Vergabe-Nr. VG-2026-031 ist, zeigen wir Ihnen hiermit den
Mangel an und fordern Sie auf, die Ursache zu untersuchen und uns bis zum 08.01.2027 einen Vorschlag zur
Mängelbeseitigung vorzulegen. Ein Ortstermin kann mit dem Hausmeister, Herrn Riedel (0151 4477 3021),
vereinbart werden.

Mit freundlichen Grüßen
Im Auftrag
Bernd Kördel
Gemeinde Habichtsborn – Bauamt
""",
    charset="windows-1252", cte="quoted-printable"),
    {"customer_email": "b.koerdel@habichtsborn.example"})

W("support_ticket", "04_steinberger_fliesen_hohl", build(
    frm=address("Mag. Elisabeth Steinberger", "e.steinberger@steinberger-immo.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject=encoded("Kölnische Straße 44 - Mängel Sockel und Stiegenhaus", "iso-8859-1", "B"),
    date=d("2026-12-03 08:55:40", "+0100"),
    text="""Sehr geehrter Herr Schulte,

leider hat uns der Hausbetreuer gestern folgende Mängel nach Ihren Arbeiten an der Kölnischen Straße 44
gemeldet:

- Im Sockelbereich links vom Hauseingang löst sich der neue Putz auf ca. 1 m² bereits wieder (klingt hohl).
- Beim Gesimse über dem 1. Stock fehlt an zwei Stellen die Blechabdeckung, bei Regen läuft Wasser an der
  frisch gestrichenen Fassade herunter.
- Im Stiegenhaus wurden beim Gerüstabbau zwei Fliesen am Podest beschädigt.

Wir ersuchen Sie höflich, die Punkte noch vor den Feiertagen zu begutachten und uns einen Termin für die
Behebung zu nennen. Die Schlussrechnung werden wir bis dahin zurückstellen.

Mit freundlichen Grüßen aus Wien
Mag. Elisabeth Steinberger
"""),
    {"customer_email": "e.steinberger@steinberger-immo.example"})

W("support_ticket", "05_bautuer_klemmt_knapp", build(
    cte="base64",
    frm=address("Melanie Hartmann", "m.hartmann.baunatal@webpost.example"),
    to=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject=encoded("Bautür", "utf-8", "B"),
    date=d("2026-10-19 07:03:12"),
    text="""Hallo Herr Yıldız, die Bautür am Keller klemmt seit dem Wochenende und das Schloss geht nicht mehr zu,
die Baustelle ist offen. Können Sie bitte heute jemanden schicken? Danke, M. Hartmann

Von meinem Samsung Galaxy Smartphone gesendet.
"""),
    {"customer_email": "m.hartmann.baunatal@webpost.example"})

W("support_ticket", "06_kita_wasser_keller_notfall", build(
    frm=address("Kita Sonnenwiese Leitung", "leitung@kita-sonnenwiese-lohfelden.example"),
    to=address(None, f"info@{DOM}"),
    cc=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject="NOTFALL - Wasser im Keller Kita Sonnenwiese",
    date=d("2026-09-26 16:42:05"),
    headers=[("X-Priority", "1"), ("Importance", "High")],
    text="""!!! BITTE SOFORT MELDEN !!!

Durch den Starkregen läuft seit ca. 15:30 Uhr Wasser über den neuen Lichtschacht (Anbau Nordseite) in den
Keller des Altbaus. Im Keller stehen unsere Heizung und das Lager. Die Feuerwehr ist informiert, aber wir
brauchen jemanden von Ihnen, der die Baustellenabdeckung am Anbau sichert – die Folie ist weggeflogen.

Wir sind bis 18 Uhr erreichbar: 0561 51 90 337, danach Frau Engel mobil 0152 0390 1184.

Sabine Engel
Kita-Leitung Sonnenwiese, Lohfelden
"""),
    {"customer_email": "leitung@kita-sonnenwiese-lohfelden.example"})

W("support_ticket", "07_tristate_cracks_en", build(
    frm=address("Ryan McAllister", "r.mcallister@tristate-logistics.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    cc=address("Jennifer Castillo", "purchasing.emea@tristate-logistics.example"),
    subject="Issue with new dock pit #23 - PO 4700012291",
    date=d("2026-12-15 07:48:26", "+0100"),
    text="""Hi Martin,

Monday morning surprise: the edge angle at the new dock leveller pit at door 23 has come loose on the left
side and there is a crack running about 1.2 m from the pit corner into the slab. The leveller supplier
refuses to commission the unit until this is fixed, so door 23 is out of service and we're short one door
in peak season.

Also two of the repaired joints in aisle 7 are already breaking out again (photos attached in the next mail,
our mail server blocks large attachments).

Can you get someone here this week? Weekend access can be arranged as before.

Thanks,
Ryan

Ryan McAllister | Site Lead Kassel DC | Tristate Logistics Germany GmbH
"""),
    {"customer_email": "r.mcallister@tristate-logistics.example"})

W("support_ticket", "08_haarrisse_vage", build(
    frm=address("Sebastian Becker", "sebastian.becker88@webpost.example"),
    to=address(None, f"info@{DOM}"),
    subject="Frage zu Rissen",
    date=d("2026-12-08 19:30:55", "+0100"),
    text="""Hallo Herr Schulte,

entschuldigen Sie die Störung am Abend. Wir sind letzte Woche in die Einliegerwohnung im Haus meiner
Schwiegereltern eingezogen, die Sie letztes Jahr umgebaut haben (Auftrag über meinen Schwiegervater,
Herrn Dieter Krug, Vellmar). Jetzt sind uns im Flur und im Schlafzimmer mehrere feine Risse an der Decke
aufgefallen, ungefähr so dünn wie ein Haar, einer ist ca. 1 m lang.

Ist das normal, wenn ein Haus sich setzt? Oder sollte sich das mal jemand anschauen? Wir wollen nicht
übertreiben, aber meine Frau macht sich Sorgen.

Viele Grüße
Sebastian Becker
"""),
    {"customer_email": "sebastian.becker88@webpost.example"})

W("support_ticket", "09_yilmaz_garage_gemischt", build(
    frm=address("Murat Yılmaz", "murat.yilmaz@yilmaz-kfz.example"),
    to=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject="Pflaster Hof - Problem",
    date=d("2026-12-11 12:15:08", "+0100"),
    text="""Kemal Bey merhaba,

Ihr habt das Pflaster im Hof vor 2 Wochen fertig gemacht (Bestellung 2026-07, Teil Pflaster vorgezogen).
Jetzt nach dem Regen gibt es vor dem Werkstatttor eine große Senke, ca. 3 x 2 Meter, Wasser bleibt stehen
ve bazı taşlar gevşek, wackeln wenn die Autos drüberfahren. Mit dem Abschleppwagen können wir fast nicht
mehr rein.

Lütfen bu hafta biri gelip baksın, sonst wird das im Winter mit Frost noch schlimmer.

Selamlar
Murat Yılmaz
Yılmaz Kfz-Service GmbH
"""),
    {"customer_email": "murat.yilmaz@yilmaz-kfz.example"})

# ============================================================================================ approvals

W("approval", "01_fschulte_freigegeben", build(
    frm=address("Friedrich Schulte", f"f.schulte@{DOM}"),
    to=address("Mailroom Bauwerk", f"mailroom@{DOM}"),
    subject=encoded("AW: Freigabe erforderlich: Angebot ANG-2026-0412 für Gemeinde Habichtsborn – 287.450,00 EUR [APR-2026-0207]"),
    date=d("2026-10-19 18:32:10"),
    in_reply_to=f"<approval.apr-2026-0207@{DOM}>",
    text="""Ja, freigegeben. Angebot kann so raus.

F. Schulte

-----Ursprüngliche Nachricht-----
Von: Mailroom Bauwerk <mailroom@bauwerk-hessen.example>
Gesendet: Montag, 19. Oktober 2026 15:05
An: Friedrich Schulte <f.schulte@bauwerk-hessen.example>
Betreff: Freigabe erforderlich: Angebot ANG-2026-0412 für Gemeinde Habichtsborn – 287.450,00 EUR [APR-2026-0207]

Angebot ANG-2026-0412 für Gemeinde Habichtsborn (Sanierung Turnhalle, Los 1 Rohbau)
Betrag: 287.450,00 EUR netto
Kalkuliert von: Sabine Wagner

Referenz: APR-2026-0207
Bitte antworten Sie mit "Freigegeben" oder "Abgelehnt".
"""),
    {"decision": "approve", "reference": "APR-2026-0207"})

W("approval", "02_mschulte_abgelehnt_wenzel", build(
    frm=address("Martin Schulte", f"m.schulte@{DOM}"),
    to=address("Mailroom Bauwerk", f"mailroom@{DOM}"),
    subject=encoded("AW: Freigabe erforderlich: Nachunternehmerauftrag Elektro Wenzel GmbH – 84.500,00 EUR [APR-2026-0219]", "windows-1252", "Q"),
    date=d("2026-09-10 07:12:44"),
    in_reply_to=f"<approval.apr-2026-0219@{DOM}>",
    text="""Abgelehnt.

Wenzel hängt auf der Baustelle Vellmar schon drei Wochen hinterher und hat keine Leute frei. Bitte
Elektro Ruppert und Elektro Hahn noch einmal anfragen, dann entscheiden wir nächste Woche.

Martin

> Freigabe erforderlich: Nachunternehmerauftrag BW-NU-2026-044 an Elektro Wenzel GmbH
> BV Kita Sonnenwiese, Lohfelden – Gewerk Elektro
> Betrag: 84.500,00 EUR netto
> Referenz: APR-2026-0219
> Bitte antworten Sie mit Freigegeben oder Abgelehnt.
""",
    charset="windows-1252", cte="quoted-printable"),
    {"decision": "reject", "reference": "APR-2026-0219"})

W("approval", "03_fschulte_bedingt_iphone", build(
    cte="base64",
    frm=address("Friedrich Schulte", f"f.schulte@{DOM}"),
    to=address("Mailroom Bauwerk", f"mailroom@{DOM}"),
    subject=encoded("AW: Freigabe erforderlich: Angebot ANG-2026-0431 für Tristate Logistics Germany GmbH – 38.740,00 EUR [APR-2026-0226]"),
    date=d("2026-11-02 06:21:19", "+0100"),
    in_reply_to=f"<approval.apr-2026-0226@{DOM}>",
    text="""Geht klar, freigegeben – aber Gewährleistungsbürgschaft nur 3 %, nicht 5 %, und Wochenendzuschlag
muss drinbleiben. Sabine soll das vor Versand noch ändern.

FS

Von meinem iPhone gesendet

Am 31.10.2026 um 14:02 schrieb Mailroom Bauwerk <mailroom@bauwerk-hessen.example>:

> Freigabe erforderlich: Angebot ANG-2026-0431 für Tristate Logistics Germany GmbH – 38.740,00 EUR
> Referenz: APR-2026-0226
> Antworten Sie mit Freigegeben oder Abgelehnt.
"""),
    {"decision": "approve", "reference": "APR-2026-0226"})

# ============================================================================================ auto replies

W("auto_reply", "01_abwesenheit_architekt", build(
    frm=address("Katrin Lenz", "buero@architekt-lenz.example"),
    to=address("Sabine Wagner", f"s.wagner@{DOM}"),
    subject="Abwesenheitsnotiz: Bauzeitenplan EFH Hartmann",
    date=d("2026-10-26 08:00:03", "+0100"),
    headers=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply")],
    text="""Guten Tag,

vielen Dank für Ihre Nachricht. Unser Büro ist vom 26.10. bis einschließlich 30.10.2026 geschlossen.
Ab Montag, 02.11.2026, sind wir wieder für Sie da. Ihre E-Mail wird nicht weitergeleitet.

In dringenden Fällen auf Baustellen erreichen Sie Frau Lenz mobil unter 0170 33 81 924.

Architekturbüro Lenz
"""),
    None)

W("auto_reply", "02_abwesenheit_basel_de_fr", build(
    frm=address("Nadia Brunner", "n.brunner@meier-brunner-arch.example"),
    to=address(None, f"kalkulation@{DOM}"),
    subject=encoded("Abwesend / Absente: Offerte Baumeisterarbeiten Stadtvilla", "iso-8859-1", "Q"),
    date=d("2026-11-13 11:04:51", "+0100"),
    text="""Ich bin bis am 23. November 2026 abwesend und habe nur beschränkt Zugriff auf meine E-Mails.
In dringenden Fällen wenden Sie sich bitte an Herrn Lukas Meier, l.meier@meier-brunner-arch.example.

Je suis absente jusqu'au 23 novembre 2026 et n'ai qu'un accès limité à mes e-mails.
En cas d'urgence, veuillez contacter M. Lukas Meier, l.meier@meier-brunner-arch.example.

Freundliche Grüsse / Meilleures salutations
Nadia Brunner
""",
    charset="iso-8859-1", cte="quoted-printable"),
    None)

W("auto_reply", "03_dsn_gemeinde_zu_gross", report(
    frm="postmaster@habichtsborn.example",
    to=f"s.wagner@{DOM}",
    subject="Delivery Status Notification (Failure)",
    date=d("2026-12-15 09:52:30", "+0100"),
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Delivery to the following recipient failed permanently:

     vergabe@habichtsborn.example

Technical details of permanent failure:
The recipient server rejected the message because it exceeds the maximum message size of 20 MB
(your message: 31.4 MB). Please reduce the size of the attachments or use the tender platform.""",
    status="""Reporting-MTA: dns; mail.habichtsborn.example
Arrival-Date: Tue, 15 Dec 2026 09:52:21 +0100

Final-Recipient: rfc822; vergabe@habichtsborn.example
Action: failed
Status: 5.3.4
Diagnostic-Code: smtp; 552 5.3.4 Message size exceeds fixed maximum message size""",
    original="""From: Sabine Wagner <s.wagner@bauwerk-hessen.example>
To: vergabe@habichtsborn.example
Subject: Angebot VG-2026-044 Anbau Feuerwehrhaus Grebenau
Date: Tue, 15 Dec 2026 09:52:12 +0100
Message-ID: <ang-vg-2026-044.sw@bauwerk-hessen.example>"""))

W("auto_reply", "04_qmail_bounce_at", build(
    frm=address(None, "MAILER-DAEMON@mx02.alpen-hosting.example"),
    to=address(None, f"t.brandau@{DOM}"),
    subject="failure notice",
    date=d("2026-11-19 13:40:02", "+0100"),
    text="""Hi. This is the qmail-send program at mx02.alpen-hosting.example.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<disposition@alpenschalung.example>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <t.brandau@bauwerk-hessen.example>
From: Thomas Brandau <t.brandau@bauwerk-hessen.example>
To: disposition@alpenschalung.example
Subject: Abholung Rahmenschalung Baustelle Wehlheiden
Date: Thu, 19 Nov 2026 13:39:55 +0100

Hallo,
die Schalung kann ab Montag 30.11. abgeholt werden, 420 m2 auf 9 Gitterboxen + Paletten.
Bitte kurz Termin durchgeben.
Gruss Th. Brandau
"""),
    None)

W("auto_reply", "05_gelesen_hartmann", build(
    frm=address("Jörg Hartmann", "j.hartmann@privatpost.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject="Gelesen: Stellungnahme Abdichtung Keller Nordwand",
    date=d("2026-11-10 21:14:07", "+0100"),
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Ihre Nachricht

    An: Jörg Hartmann
    Betreff: Stellungnahme Abdichtung Keller Nordwand
    Gesendet: Dienstag, 10. November 2026 16:30:12 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien

wurde am Dienstag, 10. November 2026 21:14:05 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien gelesen.
"""),
    None)

# ============================================================================================ other

W("other", "01_newsletter_kaufmann_winter", build(
    frm=address("Baustoffe Kaufmann", "aktuell@baustoffe-kaufmann.example"),
    to=address(None, f"einkauf@{DOM}"),
    subject="Winter-Deals fuer Profis: Estrich, Daemmung & Werkzeug - jetzt zuschlagen!",
    date=d("2026-11-17 07:00:00", "+0100"),
    headers=[("List-Id", "<profi-news.baustoffe-kaufmann.example>"),
             ("List-Unsubscribe", "<https://baustoffe-kaufmann.example/newsletter/abmelden?id=30114>"),
             ("Precedence", "bulk")],
    html="""<html><body style="margin:0;background:#e9ecef;font-family:Arial,Helvetica,sans-serif">
<center><table width="640" cellspacing="0" cellpadding="0" style="background:#fff">
<tr><td style="background:#f39200;padding:18px 24px;color:#fff;font-size:26px;font-weight:bold">KAUFMANN <span style="font-weight:normal">Profi-News</span></td></tr>
<tr><td style="padding:24px;font-size:15px">Hallo Profi-Kunde,<br><br>die Saison neigt sich dem Ende zu – jetzt günstig fürs Frühjahr einlagern! Gültig bis 12.12.2026 in allen Niederlassungen und im Online-Shop.</td></tr>
<tr><td style="padding:0 24px"><table width="100%" cellpadding="10" style="font-size:14px">
<tr><td style="border:1px solid #ddd" width="50%"><b>Zementestrich CT-C25-F4</b><br>40 kg Sack<br><span style="font-size:22px;color:#c00">4,79 €</span> <s style="color:#888">5,49 €</s><br><small>ab 1 Palette (35 Sack)</small></td>
<td style="border:1px solid #ddd"><b>EPS-Dämmplatte WLG 035, 100 mm</b><br>Paket 2,5 m²<br><span style="font-size:22px;color:#c00">13,90 €</span> <s style="color:#888">16,20 €</s></td></tr>
<tr><td style="border:1px solid #ddd"><b>Betonstahlmatte Q188A</b><br>6,00 x 2,30 m<br><span style="font-size:22px;color:#c00">47,50 €</span></td>
<td style="border:1px solid #ddd"><b>Bohrhammer SDS-max 1500 W</b><br>inkl. Koffer<br><span style="font-size:22px;color:#c00">689,00 €</span> <s style="color:#888">829,00 €</s></td></tr>
</table></td></tr>
<tr><td align="center" style="padding:26px"><a href="https://baustoffe-kaufmann.example/shop/winterdeals" style="background:#f39200;color:#fff;padding:14px 40px;font-size:17px;text-decoration:none;font-weight:bold">JETZT BESTELLEN</a>&nbsp;&nbsp;<a href="https://baustoffe-kaufmann.example/angebot-anfordern" style="color:#f39200">Individuelles Angebot anfordern</a></td></tr>
<tr><td style="padding:18px 24px;font-size:11px;color:#888;background:#f7f7f7">Alle Preise netto zzgl. MwSt., Abholpreise. Solange Vorrat reicht. Baustoffe Nordhessen Kaufmann GmbH &amp; Co. KG, Sandershäuser Str. 77, 34123 Kassel.<br><a href="https://baustoffe-kaufmann.example/newsletter/abmelden?id=30114">Newsletter abbestellen</a></td></tr>
</table></center></body></html>"""),
    None)

W("other", "02_einladung_bautage", build(
    frm=address("Bauindustrieverband Nordhessen e.V.", "veranstaltungen@bauverband-nordhessen.example"),
    to=address("Friedrich Schulte", f"f.schulte@{DOM}"),
    subject=encoded("Einladung: 14. Nordhessische Bautage, 4.–5. Februar 2027, Kongress Palais Kassel"),
    date=d("2026-12-01 10:30:00", "+0100"),
    text="""Sehr geehrter Herr Schulte,

wir freuen uns, Sie zu den 14. Nordhessischen Bautagen einzuladen:

  Donnerstag/Freitag, 4.–5. Februar 2027
  Kongress Palais Kassel, Holger-Börner-Platz

Themen u. a.: Neue VOB/B-Novelle in der Praxis · Preisgleitklauseln bei öffentlichen Aufträgen ·
Fachkräftegewinnung im Bauhandwerk · Digitale Bautagebücher und BIM im Mittelstand.

Mitgliedsunternehmen zahlen für zwei Teilnehmer keine Tagungsgebühr. Anmeldung bitte bis 15.01.2027
über das Mitgliederportal. Am Abend des 4. Februar laden wir zum traditionellen Bauabend im Ballsaal.

Mit freundlichen Grüßen
Dr. Heike Sauerwald
Geschäftsführerin
Bauindustrieverband Nordhessen e.V.
"""),
    None)

W("other", "03_intern_baubesprechung", build(
    frm=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    to=address(None, f"m.schulte@{DOM}, t.brandau@{DOM}, s.wagner@{DOM}"),
    subject="Baubesprechung Kita Lohfelden Do 7:30 Baucontainer",
    date=d("2026-10-05 17:52:10"),
    text="""Moin zusammen,

Baubesprechung Kita Lohfelden diesen Donnerstag 08.10. um 7:30 im Baucontainer (nicht im Büro!).
Themen: Betonage Decke über EG am 14.10., Stand Elektro-Leerrohre (Wenzel kommt dazu), Kran für die
Fertigteiltreppe, Nachtrag Lichtschacht.

Thomas, bring bitte die Lieferscheine Beton von letzter Woche mit, da fehlen noch 2.

Gruß Kemal
"""),
    None)

W("other", "04_intern_wo_ist_aufmass", build(
    frm=address("Jana Euler", f"j.euler@{DOM}"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject=encoded("Aufmaß Balkone Kirchweg?", "utf-8", "Q"),
    date=d("2026-12-07 11:03:25", "+0100"),
    text="""Hallo Martin,

Petra braucht für die Schlussrechnung Wohnstätten das Aufmaß der Balkone Kirchweg. Im Projektordner
P:\\2026\\BE-26-11873\\04_Aufmass ist nur das vom 1. Bauabschnitt. Hast du das zweite noch auf dem Tablet
oder liegt das bei Kemal im Auto? :-)

Danke, Jana
"""),
    None)

W("other", "05_bewerbung_azubi_maurer", build(
    frm=address("Leon Schmidt", "leon.schmidt2009@freemail.example"),
    to=address(None, f"info@{DOM}"),
    subject="Bewerbung Ausbildung Maurer 2027",
    date=d("2026-09-30 16:44:18"),
    text="""Sehr geehrte Damen und Herren,

hiermit bewerbe ich mich bei Ihnen um einen Ausbildungsplatz als Maurer ab August 2027.

Ich besuche zurzeit die 10. Klasse der Gesamtschule in Kaufungen und mache im Sommer meinen Realschul-
abschluss. In meinem Schulpraktikum bei einer Baufirma in Helsa hat mir die Arbeit draußen und im Team
sehr viel Spaß gemacht. Ich habe meinem Onkel auch schon beim Hausbau geholfen (Mauern und Betonieren).

Gerne würde ich ein Praktikum in den Herbstferien bei Ihnen machen, damit Sie mich kennen lernen können.

Meinen Lebenslauf und mein letztes Zeugnis habe ich angehängt.

Mit freundlichen Grüßen
Leon Schmidt
""",
    attachments=[("Lebenslauf_Leon_Schmidt.pdf", "application/pdf", pdf([
        "Lebenslauf Leon Schmidt",
        "geb. 14.03.2010 in Kassel, wohnhaft in Kaufungen",
        "Schule: Gesamtschule Kaufungen, 10. Klasse, Abschluss 2027 (Realschule)",
        "Praktikum: 2 Wochen Bauunternehmen in Helsa (Maurer), Februar 2026",
        "Hobbys: Fussball (TSV), Mopeds schrauben",
    ], "Lebenslauf"))]),
    None)

W("other", "06_phishing_docusign", build(
    frm=address("DocuSign via Heidrich Generalbau", "dse-noreply@docusign-secure-mail.example"),
    to=address(None, f"buchhaltung@{DOM}"),
    subject="Bitte unterschreiben: Zahlungsfreigabe Schlussrechnung NU-2026-0412.pdf",
    date=d("2026-12-02 04:12:09", "+0000"),
    html="""<html><body style="font-family:Helvetica,Arial;background:#f4f4f4">
<table width="560" align="center" style="background:#fff;padding:24px"><tr><td>
<div style="background:#1e4b8f;color:#fff;padding:18px;font-size:18px">DocuSign</div>
<p>Heidrich Generalbau GmbH hat Ihnen ein Dokument zur Prüfung und Unterschrift gesendet.</p>
<p><b>Zahlungsfreigabe_Schlussrechnung_NU-2026-0412.pdf</b><br>Betrag: 198.450,00 EUR</p>
<p>Bitte bestätigen Sie Ihre Bankverbindung und unterschreiben Sie innerhalb von 24 Stunden, sonst verfällt die Zahlungsanweisung.</p>
<p><a href="http://docusign-secure-mail.example/review?doc=88123" style="background:#f9c22e;color:#000;padding:12px 28px;text-decoration:none;font-weight:bold">DOKUMENT PRÜFEN</a></p>
<p style="font-size:11px;color:#999">Diese Nachricht enthält einen sicheren Link. Bitte nicht weiterleiten.</p>
</td></tr></table></body></html>"""),
    None)

W("other", "07_bank_avalbuergschaft", build(
    frm=address("Kasseler Sparkasse Firmenkunden", "firmenkunden@kasseler-sparkasse.example"),
    to=address("Petra Hoffmann", f"p.hoffmann@{DOM}"),
    subject=encoded("Ausfertigung Vertragserfüllungsbürgschaft Nr. 4471-AV-2026-0093"),
    date=d("2026-11-20 13:05:48", "+0100"),
    text="""Sehr geehrte Frau Hoffmann,

wie beantragt haben wir zu Lasten Ihres Avalrahmens folgende Bürgschaft ausgefertigt:

  Bürgschaft Nr.:    4471-AV-2026-0093
  Art:               Vertragserfüllungsbürgschaft (unbefristet, ohne Hinterlegungsrecht)
  Begünstigter:      Gemeinde Habichtsborn, Rathausplatz 1, 34379 Habichtsborn
  Bezug:             Vergabe-Nr. VG-2026-031, Sanierung Turnhalle, Los 1
  Betrag:            17.103,28 EUR
  Avalprovision:     1,2 % p.a., Belastung quartalsweise

Das Original geht heute per Einschreiben direkt an den Begünstigten; eine Kopie erhalten Sie per Post.
Ihr freier Avalrahmen beträgt danach 212.896,72 EUR.

Mit freundlichen Grüßen
Kasseler Sparkasse
Firmenkundenbetreuung Mittelstand
Dirk Rosenthal
"""),
    None)

W("other", "08_auftragsbestaetigung_stahl_an_uns", build(
    frm=address("Stahlhandel Meyer Auftragsbearbeitung", "ab@stahl-meyer.example"),
    to=address("Thomas Brandau", f"t.brandau@{DOM}"),
    subject=encoded("Auftragsbestätigung 2026-AB-58812 zu Ihrer Bestellung EK-26-0388", "iso-8859-1", "Q"),
    date=d("2026-10-07 10:22:33"),
    text="""Sehr geehrter Herr Brandau,

vielen Dank für Ihren Auftrag. Wir bestätigen wie folgt:

Auftragsbestätigung 2026-AB-58812        Ihre Bestellung: EK-26-0388 vom 06.10.2026
Lieferanschrift: BV Kita Lohfelden, Hauptstraße 5, 34253 Lohfelden
Liefertermin: Dienstag, 13.10.2026, 7:00–9:00 Uhr (Kran-Lkw)

Pos  Artikel                                   Menge      Preis/t       Betrag
1    Betonstahl B500B, Stab 12 mm, 14 m         4,20 t     865,00       3.633,00
2    Betonstahl B500B, Stab 16 mm, 14 m         2,60 t     852,00       2.215,20
3    Betonstahlmatte Q188A                      1,85 t     910,00       1.683,50
                                                                      ---------
Warenwert netto                                                        7.531,70 EUR
zzgl. 19 % USt                                                         1.431,02 EUR
Gesamt                                                                 8.962,72 EUR

Es gelten unsere Lieferbedingungen. Bitte prüfen Sie diese Auftragsbestätigung; Abweichungen bitten wir
innerhalb von 2 Werktagen mitzuteilen.

Mit freundlichen Grüßen
Stahlhandel Meyer GmbH · Auftragsbearbeitung · Göttingen
""",
    charset="windows-1252", cte="8bit"),
    None)

W("other", "09_lieferavis_beton", build(
    frm=address("Disposition Transportbeton Fulda-Werra", "dispo@tb-fulda-werra.example"),
    to=address("Kemal Yıldız", f"k.yildiz@{DOM}"),
    subject="Lieferavis: 32 m3 C30/37 Mi 14.10. ab 07:00 BV Kita Lohfelden",
    date=d("2026-10-13 15:10:06"),
    text="""Lieferavis / Dispositionsbestätigung

Kunde:        Bauwerk Hessen Schulte & Söhne (30877)
Baustelle:    Kita Lohfelden, Hauptstraße 5
Datum:        Mittwoch, 14.10.2026
Beginn:       07:00 Uhr, Takt 25 min
Sorte:        C30/37 XC1 F3 16 mm, 32 m³ (4 Fahrzeuge)
Pumpe:        Autobetonpumpe 36 m, vor Ort ab 06:30

Bei Wetterumschwung bitte bis spätestens 06:00 Uhr unter 05665 94 18-20 abbestellen; danach wird die
Stornopauschale berechnet.

Transportbeton Fulda-Werra GmbH – Werk Guxhagen – Disposition
"""),
    None)

W("other", "10_submissionsergebnis", build(
    frm=address("Vergabestelle Stadt Melsungen-Nord", "vergabestelle@melsungen-nord.example"),
    to=address(None, f"kalkulation@{DOM}"),
    subject="Mitteilung Submissionsergebnis VG 17/2026 Erweiterung Bauhof",
    date=d("2026-10-28 14:00:31", "+0100"),
    text="""Sehr geehrte Damen und Herren,

nachstehend erhalten Sie das Ergebnis der Angebotseröffnung vom 27.10.2026 zur Maßnahme
VG 17/2026 – Erweiterung Bauhof, Rohbauarbeiten (ungeprüfte Angebotssummen, brutto):

  Bieter 1   Kornmann Bau GmbH, Homberg                  512.884,17 €
  Bieter 2   Bauwerk Hessen Schulte & Söhne, Kassel      538.201,44 €
  Bieter 3   ARGE Fulda-Bau / Rühl, Rotenburg            561.090,00 €
  Bieter 4   Hessen-Rohbau GmbH, Baunatal                604.337,62 €

Die Angebote werden derzeit rechnerisch und fachlich geprüft. Eine Mitteilung über die beabsichtigte
Zuschlagserteilung erfolgt gesondert. Diese Mitteilung begründet keinen Anspruch auf Zuschlag.

Mit freundlichen Grüßen
Vergabestelle der Stadt Melsungen-Nord
"""),
    None)

W("other", "11_danke_rechnung_erhalten", build(
    frm=address("Elif Yılmaz", "buero@yilmaz-kfz.example"),
    to=address("Petra Hoffmann", f"p.hoffmann@{DOM}"),
    subject="AW: Rechnung 2026-0512 Pflasterarbeiten",
    date=d("2026-12-02 09:40:14", "+0100"),
    in_reply_to="<re-2026-0512.ph@bauwerk-hessen.example>",
    text="""Guten Morgen Frau Hoffmann,

danke, Rechnung ist angekommen. Wir überweisen Ende der Woche.

Viele Grüße
Elif Yılmaz

Am Di., 1. Dez. 2026 um 15:22 Uhr schrieb Petra Hoffmann <p.hoffmann@bauwerk-hessen.example>:
> Sehr geehrte Frau Yılmaz,
> anbei erhalten Sie unsere Rechnung 2026-0512 über die Pflasterarbeiten (Teilleistung zu Ihrer
> Bestellung 2026-07).
> Mit freundlichen Grüßen
> Petra Hoffmann, Buchhaltung
"""),
    None)

W("other", "12_baubeginn_frage", build(
    frm=address("Beat Zollinger", "b.zollinger@rheintaler-immobilien.example"),
    to=address("Martin Schulte", f"m.schulte@{DOM}"),
    subject=encoded("Baubeginn 16.11. - Schlüsselübergabe", "iso-8859-1", "Q"),
    date=d("2026-11-10 08:12:00", "+0100"),
    text="""Guten Tag Herr Schulte

Bleibt es beim Baubeginn am Montag, 16.11.? Unser Hauswart in Kassel, Herr Pohl, würde Ihnen die Schlüssel
für die Gewerbeeinheit am Freitag ab 14 Uhr vor Ort übergeben – passt Ihnen das, oder wer kommt von Ihnen?

Freundliche Grüsse
Beat Zollinger
Rheintaler Immobilien AG
"""),
    None)
