#!/usr/bin/env python3
"""Helvetia Dental Labor AG (Lausanne/Zürich, CH) — hand-written evaluation mails. Run: python3 mails.py"""
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

CO = "helvetia-dental"
DOM = "helvetia-dental.example"


def D(stamp, tz=None, sec=0):
    """'2026-09-15 09:12' -> RFC 5322 date; Swiss time zone by default (CEST until 25 Oct 2026)."""
    dt = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    if tz is None:
        tz = "+0200" if dt < datetime.datetime(2026, 10, 25, 3) else "+0100"
    return dt.strftime("%a, %d %b %Y %H:%M:") + f"{sec:02d} {tz}"


INFO = address("Helvetia Dental Labor AG", f"info@{DOM}")
OFFERTEN = f"offerten@{DOM}"
BESTELL = address("Helvetia Dental Bestellungen", f"bestellungen@{DOM}")
COMMANDES = f"commandes@{DOM}"
BUHA = address("Buchhaltung Helvetia Dental", f"buchhaltung@{DOM}")
SUPPORT = f"support@{DOM}"


# --------------------------------------------------------------------------------------------------
# quote_request
# --------------------------------------------------------------------------------------------------

def qr_bern_practice():
    text = """Grüezi Frau Bernasconi

Wir haben eine Patientin, bei der im Oberkiefer 14-16 eine Brücke und auf 36 eine Implantatkrone geplant
ist. Könnten Sie uns bitte eine Offerte machen für:

- 3-gliedrige Brücke Zirkon monolithisch 14-16, Farbe A3
- Implantatkrone 36 auf Ti-Base (Straumann BLT RC), verschraubt, Zirkon verblendet
- Modelle aus dem Intraoralscan (wir senden die STL-Dateien über Ihr Portal)

Die Patientin ist privat versichert und möchte vorher wissen, was es kostet. Lieferzeit wäre auch gut zu
wissen, wir würden gerne in KW 44 eingliedern.

Freundliche Grüsse

Dr. med. dent. Urs Wyss
Zahnarztpraxis Dr. Wyss
Marktgasse 36, 3011 Bern
Tel. 031 311 42 70
praxis@zahnarzt-wyss.example
"""
    raw = build(frm=address("Zahnarztpraxis Dr. Wyss", "praxis@zahnarzt-wyss.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject=encoded("Offertanfrage Brücke 14-16 und Implantatkrone 36", "iso-8859-1", "Q"), date=D("2026-10-05 17:42", sec=11), text=text,
                charset="iso-8859-1", cte="quoted-printable")
    write(CO, "quote_request", "bern_practice_offerte_bruecke_implantat", raw,
          {"customer_company": "Zahnarztpraxis Dr. Wyss", "contact_email": "praxis@zahnarzt-wyss.example"})


def qr_geneva_devis_fr():
    text = """Bonjour,

Je me permets de vous contacter sur recommandation d'un confrère. Nous souhaiterions recevoir un devis pour
les travaux suivants :

  - 1 bridge 3 éléments en zircone stratifiée (21-22-23), teinte B1
  - 2 couronnes céramo-métalliques sur 46 et 47
  - 1 gouttière de bruxisme (maxillaire)

Pourriez-vous également nous indiquer vos délais habituels et si vous assurez le ramassage des empreintes
à Genève (coursier) ?

Avec mes meilleures salutations,

Dr Amélie Fournier
Cabinet dentaire des Pâquis
Rue de Berne 12, 1201 Genève
022 731 55 80 - a.fournier@cabinet-paquis.example
"""
    raw = build(frm=address("Amélie Fournier", "a.fournier@cabinet-paquis.example", "iso-8859-1"), to=INFO,
                subject="Demande de devis", date=D("2026-09-16 12:08", sec=40), text=text, charset="iso-8859-1")
    write(CO, "quote_request", "geneva_cabinet_demande_de_devis", raw,
          {"customer_company": "Cabinet dentaire des Pâquis", "contact_email": "a.fournier@cabinet-paquis.example"})


def qr_lugano_offerta_it():
    text = """Buongiorno signora Bernasconi,

le chiedo cortesemente un'offerta per il seguente materiale, da consegnare presso il nostro studio entro
fine ottobre:

 - Silicone per impronte A-Silicone light body, 2x50 ml ........... 10 conf.
 - Silicone putty soft, barattoli 2x300 ml ........................ 4 conf.
 - Alginato a presa rapida, 500 g ................................. 8 conf.
 - Cera per modellazione rosa, 500 g .............................. 3 conf.

Se possibile, ci indichi anche gli sconti per quantità su silicone e alginato.

Cordiali saluti
Chiara Rezzonico
Studio Dentistico Dr.ssa Chiara Rezzonico
Via Nassa 21, 6900 Lugano
tel. 091 922 18 40
"""
    raw = build(frm=address("Studio Dentistico Rezzonico", "studio@rezzonico-dent.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="Richiesta di offerta materiale impronte", date=D("2026-10-08 09:27", sec=3), text=text,
                charset="iso-8859-1", cte="quoted-printable")
    write(CO, "quote_request", "lugano_studio_richiesta_offerta", raw,
          {"customer_company": "Studio Dentistico Dr.ssa Chiara Rezzonico", "contact_email": "studio@rezzonico-dent.example"})


def qr_munich_angebot_de():
    text = """Sehr geehrte Damen und Herren,

wir sind eine Gemeinschaftspraxis in München-Schwabing und suchen ein Labor für implantatgetragene
Versorgungen. Bitte senden Sie uns ein Angebot (in EUR, inkl. Versand nach Deutschland) für:

1. Implantatkrone Zirkon auf Ti-Base, verschraubt – Richtwert 25 Stück pro Quartal
2. Stegkonstruktion UK auf 4 Implantaten mit Deckprothese – ca. 4 pro Quartal
3. Bohrschablonen aus CBCT/Intraoralscan – ca. 10 pro Quartal

Wichtig für uns sind außerdem die Abwicklung der Zollformalitäten und die Rechnungsstellung ohne Schweizer
MwSt. Gerne auch ein kurzes Telefonat.

Mit freundlichen Grüßen

Dr. Sebastian Hofmeister
Zahnärzte am Elisabethplatz – Dr. Hofmeister & Dr. Kranz
Elisabethplatz 4, 80796 München
Tel. +49 89 271 33 60
hofmeister@zahnaerzte-elisabethplatz.example
"""
    raw = build(frm=address("Dr. Sebastian Hofmeister", "hofmeister@zahnaerzte-elisabethplatz.example"), to=INFO,
                subject=encoded("Angebotsanfrage Implantatprothetik – Praxis München", "utf-8", "Q"),
                date=D("2026-11-12 19:05", sec=58), text=text, cte="quoted-printable")
    write(CO, "quote_request", "munich_practice_angebot_eur", raw,
          {"customer_company": "Zahnärzte am Elisabethplatz", "contact_email": "hofmeister@zahnaerzte-elisabethplatz.example"})


def qr_vienna_kostenvoranschlag():
    text = """Sehr geehrtes Team von Helvetia Dental,

für einen Patienten (Zweitwohnsitz in Lausanne) benötigen wir einen Kostenvoranschlag für eine
Totalprothese OK/UK inkl. Funktionsabformung und Ästhetik-Einprobe. Der Patient möchte die Arbeit bei Ihnen
in Lausanne anfertigen lassen, die Behandlung erfolgt bei uns in Wien.

Bitte um KV in EUR oder CHF, gerne mit Aufstellung der Einzelpositionen.

Mit besten Grüßen
Mag. Dr. Teresa Lindinger
Zahnarztpraxis Dr. Lindinger, Währinger Straße 58, 1090 Wien
praxis@lindinger-zahn.example
"""
    raw = build(frm=address("Teresa Lindinger", "praxis@lindinger-zahn.example"), to=INFO,
                subject="Kostenvoranschlag Totalprothese", date=D("2026-11-23 08:14", sec=29), text=text,
                charset="iso-8859-1", cte="quoted-printable")
    write(CO, "quote_request", "vienna_practice_kostenvoranschlag", raw,
          {"customer_company": "Zahnarztpraxis Dr. Lindinger", "contact_email": "praxis@lindinger-zahn.example"})


def qr_english_clinic():
    text = """Hi there,

We're opening a third SmileCare location in Zug in February and are reviewing our lab partners. Could you
quote us your prices for the items below? Rough monthly volumes across the three clinics:

| Item                                   | Units / month |
|----------------------------------------|---------------|
| Monolithic zirconia crown              | 60            |
| Lithium disilicate veneer              | 25            |
| Implant crown on Ti-base (screw-ret.)  | 20            |
| Night guard (hard/soft)                | 15            |
| Essix retainer                         | 30            |

Please include turnaround times, pickup service Zürich/Zug and any volume discount. Prices in CHF ex VAT is fine.

Best regards,
Oliver Grant
Head of Operations
SmileCare Clinics AG
Bahnhofstrasse 88, 8001 Zürich
oliver.grant@smilecare-clinics.example | +41 44 210 77 00
"""
    raw = build(frm=address("Oliver Grant", "oliver.grant@smilecare-clinics.example"), to=OFFERTEN,
                subject="Lab pricing request - SmileCare (3 clinics)", date=D("2026-12-07 10:30", sec=16), text=text)
    write(CO, "quote_request", "smilecare_english_lab_pricing", raw,
          {"customer_company": "SmileCare Clinics AG", "contact_email": "oliver.grant@smilecare-clinics.example"})


def qr_terse_iphone():
    text = """Offerte bitte:
10x Impregum Penta Soft
5x Optosil Comfort Putty
2 Sack Hartgips Kl. IV 25kg (gelb)

Lieferung nach Olten, danke

Von meinem iPhone gesendet

Praxis Dr. Marti, Olten"""
    raw = build(frm=address("Beat Marti", "b.marti@praxis-marti-olten.example"), to=OFFERTEN,
                subject="Offerte", date=D("2026-10-20 07:03", sec=44), text=text)
    write(CO, "quote_request", "olten_terse_offerte_iphone", raw,
          {"customer_company": "Praxis Dr. Marti", "contact_email": "b.marti@praxis-marti-olten.example"})


def qr_webform_html():
    html = """<html><body style="font-family:Verdana,sans-serif;font-size:12px">
<p><b>Neue Kontaktanfrage über www.helvetia-dental.example</b></p>
<table border="0" cellpadding="4" style="font-size:12px">
<tr><td><b>Formular:</b></td><td>Offerte anfordern</td></tr>
<tr><td><b>Name:</b></td><td>Jonas Zürcher</td></tr>
<tr><td><b>Firma / Praxis:</b></td><td>Dentalzentrum Rheinfelden GmbH</td></tr>
<tr><td><b>E-Mail:</b></td><td>j.zuercher@dentalzentrum-rheinfelden.example</td></tr>
<tr><td><b>Telefon:</b></td><td>061 831 90 20</td></tr>
<tr><td><b>Sprache:</b></td><td>Deutsch</td></tr>
<tr><td valign="top"><b>Nachricht:</b></td><td>Guten Tag, wir möchten ab Januar unsere Schienen (Aufbissschienen und
Sportmundschutz) auslagern. Bitte um Offerte für ca. 20 Schienen/Monat, inkl. Kurierabholung in Rheinfelden.
Gibt es eine Mindestmenge? Danke und Gruss, J. Zürcher</td></tr>
<tr><td><b>Datenschutz akzeptiert:</b></td><td>ja</td></tr>
</table>
<p style="color:#999999;font-size:10px">Gesendet am 03.11.2026 um 14:52 · IP 198.51.100.23 · Formular-ID 8812</p>
</body></html>"""
    raw = build(frm=address("Website helvetia-dental.example", f"webform@{DOM}"), to=OFFERTEN,
                subject="[Website] Offerte anfordern - Dentalzentrum Rheinfelden GmbH", date=D("2026-11-03 14:52", sec=7), html=html,
                headers=[("Reply-To", "j.zuercher@dentalzentrum-rheinfelden.example")])
    write(CO, "quote_request", "webform_offerte_schienen_html", raw,
          {"customer_company": "Dentalzentrum Rheinfelden GmbH", "contact_email": "j.zuercher@dentalzentrum-rheinfelden.example"})


def qr_requote_thread():
    text = """Hallo Frau Bernasconi

Danke für die Offerte. Wir haben uns entschieden, den Fall doch mit 6 statt 4 Implantaten zu lösen (Chirurg
hat nochmals geplant). Können Sie die Offerte bitte entsprechend anpassen, also 6 Ti-Base Abutments und
6 Zirkonkronen, und bei dieser Menge vielleicht noch etwas am Preis machen?

Besten Dank und Gruss
Andrea Keller
Praxisleitung, Zahnarztpraxis Dr. Keller, Winterthur
052 212 40 11

-----Ursprüngliche Nachricht-----
Von: Giulia Bernasconi <giulia.bernasconi@helvetia-dental.example>
Gesendet: Dienstag, 10. November 2026 11:20
An: Andrea Keller <a.keller@zahnarzt-keller.example>
Betreff: Offerte Q-2026-0441 Implantatversorgung

Guten Tag Frau Keller

Gerne offerieren wir Ihnen wie folgt:

4 Ti-Base Abutment inkl. Schraube       à CHF 245.00    CHF   980.00
4 Zirkonkrone auf Implantat, verblendet à CHF 280.00    CHF 1'120.00
Total exkl. MWST                                        CHF 2'100.00

Lieferzeit 8 Arbeitstage ab Eingang Scan. Offerte gültig 30 Tage.

Freundliche Grüsse
Giulia Bernasconi
Verkauf Innendienst
Helvetia Dental Labor AG
"""
    raw = build(frm=address("Andrea Keller", "a.keller@zahnarzt-keller.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="AW: Offerte Q-2026-0441 Implantatversorgung", date=D("2026-11-12 16:47", sec=30), text=text,
                charset="windows-1252", cte="quoted-printable", in_reply_to=f"<q-2026-0441.gb@{DOM}>")
    write(CO, "quote_request", "winterthur_requote_six_implants", raw,
          {"customer_company": "Zahnarztpraxis Dr. Keller", "contact_email": "a.keller@zahnarzt-keller.example"})


def quote_requests():
    qr_bern_practice()
    qr_geneva_devis_fr()
    qr_lugano_offerta_it()
    qr_munich_angebot_de()
    qr_vienna_kostenvoranschlag()
    qr_english_clinic()
    qr_terse_iphone()
    qr_webform_html()
    qr_requote_thread()

# --------------------------------------------------------------------------------------------------
# purchase_order
# --------------------------------------------------------------------------------------------------

def po_bern_body_table():
    text = """Grüezi mitenand

Hiermit bestellen wir (Bestell-Nr. B-2026-118):

Menge  Artikel                                   Preis/Stk    Total CHF
4      Impregum Penta Soft 2x300 ml              118.00       472.00
6      Alginat Chromatic 500 g                    18.90       113.40
2      Einweg-Abformlöffel Gr. M, 50 Stk          24.50        49.00
                                                 Netto        634.40
                                                 MWST 8.1%     51.39
                                                 Total        685.79

Bitte wie immer mit Einzahlungsschein/QR-Rechnung, Lieferung an die Praxis.

Freundliche Grüsse
Nadja Aebi, DA
Zahnarztpraxis Dr. Wyss, Marktgasse 36, 3011 Bern
"""
    raw = build(frm=address("Nadja Aebi", "praxis@zahnarzt-wyss.example"), to=BESTELL,
                subject="Bestellung B-2026-118", date=D("2026-09-21 10:16", sec=2), text=text, charset="iso-8859-1")
    write(CO, "purchase_order", "bern_practice_bestellung_body", raw,
          {"order_number": "B-2026-118", "total": "685.79", "currency": "CHF", "buyer": "Zahnarztpraxis Dr. Wyss"})


def po_geneva_pdf_fr():
    text = """Bonjour Madame Bernasconi,

Suite à votre devis, nous vous confirmons la commande des travaux pour notre patiente (dossier 2231).
Vous trouverez le bon de commande en annexe. Les empreintes numériques ont été envoyées via votre portail.

Bien à vous,
Dr Amélie Fournier
Cabinet dentaire des Pâquis
"""
    lines = [
        "BON DE COMMANDE N° BC 2026/77",
        "Cabinet dentaire des Pâquis - Rue de Berne 12 - 1201 Genève",
        "",
        "Date : 02.10.2026                 Fournisseur : Helvetia Dental Labor AG, Lausanne",
        "Patient : dossier 2231            Livraison souhaitée : 16.10.2026",
        "",
        "Qté   Désignation                                           P.U. CHF      Total CHF",
        "1     Bridge 3 éléments zircone stratifiée 21-22-23, B1     1'290.00      1'290.00",
        "2     Couronne céramo-métallique 46, 47                       680.00      1'360.00",
        "",
        "                                                  Total HT CHF           2'650.00",
        "                                                  TVA 8.1 %                214.65",
        "                                                  Total TTC CHF          2'864.65",
        "",
        "Signature : Dr A. Fournier",
    ]
    raw = build(frm=address("Amélie Fournier", "a.fournier@cabinet-paquis.example", "iso-8859-1"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                cc=COMMANDES, subject="Commande BC 2026/77", date=D("2026-10-02 13:33", sec=18), text=text, charset="iso-8859-1",
                attachments=[("BC_2026-77.pdf", "application/pdf", pdf(lines, "Bon de commande BC 2026/77"))])
    write(CO, "purchase_order", "geneva_cabinet_bon_de_commande_pdf", raw,
          {"order_number": "BC 2026/77", "total": "2864.65", "currency": "CHF", "buyer": "Cabinet dentaire des Pâquis"})


def po_lugano_ordine_it():
    text = """Buongiorno,

con la presente ordiniamo il materiale come da Vostra offerta del 12.10.2026.

ORDINE N. 45/2026

- 10 conf. Silicone light body 2x50 ml   a CHF 32.80   = CHF 328.00
-  8 conf. Alginato 500 g                a CHF 18.90   = CHF 151.20
-  3 conf. Cera per modellazione rosa    a CHF 16.50   = CHF  49.50
                                          Imponibile    CHF 528.70
                                          IVA 8,1%      CHF  42.82
                                          Totale        CHF 571.52

Consegna: Studio Dentistico Dr.ssa Chiara Rezzonico, Via Nassa 21, 6900 Lugano (lun-ven 8-12 / 14-18).

Grazie e distinti saluti
Marisa Pellandini
assistente di studio
"""
    raw = build(frm=address("Studio Dentistico Rezzonico", "studio@rezzonico-dent.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="Ordine n. 45/2026", date=D("2026-10-14 08:49", sec=36), text=text, charset="windows-1252", cte="quoted-printable")
    write(CO, "purchase_order", "lugano_studio_ordine_body", raw,
          {"order_number": "45/2026", "total": "571.52", "currency": "CHF", "buyer": "Studio Dentistico Dr.ssa Chiara Rezzonico"})


def po_konstanz_csv():
    text = """Sehr geehrte Damen und Herren,

anbei unsere Bestellung ZPS-2026-0341 als CSV (Export aus unserer Praxissoftware). Die Scans sind im Portal
hochgeladen (Patienten-IDs in der Datei). Gesamtbetrag 1.711,00 EUR, Rechnung bitte ohne Schweizer MwSt.
mit Ausfuhrdokumenten.

Mit freundlichen Grüßen
Katharina Roth
Praxismanagerin
Zahnarztpraxis am Seerhein
Spanierstraße 3, 78467 Konstanz
"""
    csv = """Bestellnummer;Pos;Patienten-ID;Leistung;Menge;Einzelpreis EUR;Gesamt EUR
ZPS-2026-0341;1;P-10442;Zirkonkrone monolithisch 16;1;189,00;189,00
ZPS-2026-0341;2;P-10442;Zirkonkrone monolithisch 17;1;189,00;189,00
ZPS-2026-0341;3;P-10517;Zirkonkrone monolithisch 25;2;189,00;378,00
ZPS-2026-0341;4;P-10588;Implantatkrone auf Ti-Base 36;2;395,00;790,00
ZPS-2026-0341;5;P-10601;Aufbissschiene OK hart;1;165,00;165,00
;;;;;Summe;1.711,00
"""
    raw = build(frm=address("Katharina Roth", "verwaltung@praxis-seerhein.example"), to=BESTELL,
                subject="Bestellung ZPS-2026-0341", date=D("2026-10-26 11:02", sec=9), text=text,
                charset="iso-8859-1", attachments=[("Bestellung_ZPS-2026-0341.csv", "text/csv", csv.encode())])
    write(CO, "purchase_order", "konstanz_practice_csv_eur", raw,
          {"order_number": "ZPS-2026-0341", "total": "1711.00", "currency": "EUR", "buyer": "Zahnarztpraxis am Seerhein"})


def po_zurich_laborauftrag():
    text = """Guten Morgen

Wir erteilen Ihnen den Auftrag gemäss Ihrer Offerte Q-2026-0412 vom 26.10.:

Auftrag Nr.: SF-2026-903
Patient: M. S., geb. 1961 (Patientennr. 40817)
Arbeit: Implantatbrücke 44-46 auf 2 Implantaten (Ti-Base), Zirkon vollanatomisch, Farbe A2
Scan: im Portal unter SF-2026-903 hochgeladen (Intraoralscan + Scanbodies)
Einprobe Gerüst: Do 12.11.
Fertigstellung: spätestens Mi 18.11.

Preis gemäss Offerte: CHF 1'480.00 exkl. MWST, Total CHF 1'599.88 inkl. 8.1% MWST.

Bei Fragen bitte direkt an mich.

Freundliche Grüsse
Dr. med. dent. Fabienne Huber
Zahnarztpraxis Seefeld AG
Seefeldstrasse 152, 8008 Zürich
"""
    raw = build(frm=address("Fabienne Huber", "f.huber@praxis-seefeld.example"), to=address("Nicolas Favre", f"nicolas.favre@{DOM}"),
                cc=BESTELL, subject="Laborauftrag SF-2026-903 / Offerte Q-2026-0412", date=D("2026-11-02 07:58", sec=50), text=text)
    write(CO, "purchase_order", "zurich_practice_laborauftrag", raw,
          {"order_number": "SF-2026-903", "total": "1599.88", "currency": "CHF", "buyer": "Zahnarztpraxis Seefeld AG"})


def po_smilecare_pdf_en():
    text = """Hello,

Please find attached purchase order SC-PO-26-1077 for December (Zürich and Winterthur clinics).
Kindly confirm receipt and expected delivery dates.

Regards,
Procurement - SmileCare Clinics AG
"""
    lines = [
        "SmileCare Clinics AG - PURCHASE ORDER",
        "Bahnhofstrasse 88, 8001 Zurich   VAT CHE-412.558.903 MWST",
        "",
        "PO number: SC-PO-26-1077          Date: 2026-12-01",
        "Vendor:    Helvetia Dental Labor AG, Hardstrasse 201, 8005 Zurich",
        "Payment:   30 days net",
        "",
        "Item                                  Qty     Unit CHF      Amount CHF",
        "Essix retainer (clear)                20        85.00        1'700.00",
        "Night guard hard/soft                 10       145.00        1'450.00",
        "Whitening trays (pair)                15        60.00          900.00",
        "",
        "                             Subtotal CHF              4'050.00",
        "                             VAT 8.1%                    328.05",
        "                             Total CHF                 4'378.05",
        "",
        "Approved by: O. Grant, Head of Operations",
    ]
    raw = build(frm=address("SmileCare Procurement", "procurement@smilecare-clinics.example"), to=BESTELL,
                subject="Purchase Order SC-PO-26-1077", date=D("2026-12-01 09:12", sec=0), text=text,
                attachments=[("SC-PO-26-1077.pdf", "application/pdf", pdf(lines, "SC-PO-26-1077"))])
    write(CO, "purchase_order", "smilecare_po_pdf_english", raw,
          {"order_number": "SC-PO-26-1077", "total": "4378.05", "currency": "CHF", "buyer": "SmileCare Clinics AG"})


def po_innsbruck_html():
    html = """<html><body style="font-family:Arial;font-size:10pt">
<p>Sehr geehrte Damen und Herren,</p>
<p>wir bestellen hiermit folgende Arbeiten (Bestellung Nr. <b>IW-2026-088</b>):</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:10pt">
<tr bgcolor="#dddddd"><th>Pos.</th><th>Leistung</th><th>Anzahl</th><th>Preis EUR</th><th>Summe EUR</th></tr>
<tr><td>1</td><td>Totalprothese OK/UK, Ivoclar-Zähne, Aufstellung nach Gerber</td><td>1</td><td>1.180,00</td><td>1.180,00</td></tr>
<tr><td>2</td><td>Unterfütterung indirekt</td><td>2</td><td>145,00</td><td>290,00</td></tr>
<tr><td colspan="4" align="right"><b>Gesamtsumme netto (steuerfreie Einfuhr, Verzollung durch uns)</b></td><td><b>1.470,00</b></td></tr>
</table>
<p>Abformungen gehen morgen per Post an Ihr Labor in Lausanne.</p>
<p>Mit freundlichen Grüßen<br>Ing. Markus Pfurtscheller<br>Verwaltung<br>Zahnambulatorium Innsbruck-West GmbH<br>Technikerstraße 9, 6020 Innsbruck</p>
</body></html>"""
    raw = build(frm=address("Markus Pfurtscheller", "verwaltung@zahnambulatorium-iw.example"), to=BESTELL,
                subject=encoded("Bestellung IW-2026-088 – Totalprothese", "utf-8", "B"), date=D("2026-11-18 14:21", sec=45), html=html)
    write(CO, "purchase_order", "innsbruck_ambulatorium_html_eur", raw,
          {"order_number": "IW-2026-088", "total": "1470.00", "currency": "EUR", "buyer": "Zahnambulatorium Innsbruck-West GmbH"})


def po_keller_reply_offer():
    text = """Hallo Frau Bernasconi

Super, danke für das Entgegenkommen. Wir bestellen gemäss Ihrer angepassten Offerte Q-2026-0455.
Unsere Bestellnummer: 2026-K-17. Scans folgen heute Nachmittag.

Gruss
Andrea Keller
Zahnarztpraxis Dr. Keller, Winterthur

-----Ursprüngliche Nachricht-----
Von: Giulia Bernasconi <giulia.bernasconi@helvetia-dental.example>
Gesendet: Freitag, 13. November 2026 09:05
An: Andrea Keller <a.keller@zahnarzt-keller.example>
Betreff: Offerte Q-2026-0455 Implantatversorgung (6 Implantate)

Guten Tag Frau Keller

Gerne offerieren wir neu wie folgt (Mengenrabatt bereits berücksichtigt):

6 Ti-Base Abutment inkl. Schraube       à CHF 245.00    CHF 1'470.00
6 Zirkonkrone auf Implantat, verblendet à CHF 280.00    CHF 1'680.00
Total exkl. MWST                                        CHF 3'150.00
MWST 8.1%                                               CHF   255.15
Total inkl. MWST                                        CHF 3'405.15

Freundliche Grüsse
Giulia Bernasconi
"""
    raw = build(frm=address("Andrea Keller", "a.keller@zahnarzt-keller.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="AW: Offerte Q-2026-0455 Implantatversorgung (6 Implantate)", date=D("2026-11-13 11:36", sec=3), text=text,
                charset="windows-1252", cte="quoted-printable", in_reply_to=f"<q-2026-0455.gb@{DOM}>")
    write(CO, "purchase_order", "winterthur_order_reply_to_offer", raw,
          {"order_number": "2026-K-17", "total": "3405.15", "currency": "CHF", "buyer": "Zahnarztpraxis Dr. Keller"})


def po_bellinzona_forwarded_rfc822():
    inner_text = """Ciao Sabrina,

per favore inoltra questo ordine al laboratorio Helvetia Dental:

Ordine n. BZ-2026/19
Paziente: cartella 7731
6 faccette in disilicato di litio 13-23, colore BL2, a CHF 310.00 = CHF 1'860.00
IVA 8,1% CHF 150.66
Totale CHF 2'010.66

Impronte digitali caricate sul portale ieri sera. Prova estetica prevista il 3 dicembre.

Grazie, Dr. Paolo Guidotti
Studio Dentistico Guidotti, Viale Stazione 8, 6500 Bellinzona
"""
    inner = build(frm=address("Paolo Guidotti", "p.guidotti@studio-guidotti.example"), to=address("Sabrina Moretti", "segreteria@studio-guidotti.example"),
                  subject="ordine faccette Helvetia", date=D("2026-11-19 20:14", sec=31), text=inner_text, charset="iso-8859-1")
    text = """Buongiorno,

vi inoltro l'ordine del Dr. Guidotti (in allegato). Per domande potete chiamarmi al 091 825 63 10.

Cordiali saluti
Sabrina Moretti
Segreteria - Studio Dentistico Guidotti
"""
    raw = build(frm=address("Sabrina Moretti", "segreteria@studio-guidotti.example"), to=COMMANDES,
                subject="I: ordine faccette Helvetia", date=D("2026-11-20 08:22", sec=14), text=text, forward=inner)
    write(CO, "purchase_order", "bellinzona_forwarded_ordine_rfc822", raw,
          {"order_number": "BZ-2026/19", "total": "2010.66", "currency": "CHF", "buyer": "Studio Dentistico Guidotti"})


def purchase_orders():
    po_bern_body_table()
    po_geneva_pdf_fr()
    po_lugano_ordine_it()
    po_konstanz_csv()
    po_zurich_laborauftrag()
    po_smilecare_pdf_en()
    po_innsbruck_html()
    po_keller_reply_offer()
    po_bellinzona_forwarded_rfc822()

# --------------------------------------------------------------------------------------------------
# invoice
# --------------------------------------------------------------------------------------------------

def inv_alpina_qr_pdf():
    text = """Guten Tag

Im Anhang erhalten Sie unsere Rechnung 2026-40817 mit QR-Zahlteil.
Zahlbar innert 30 Tagen auf QR-IBAN CH0430000001234567890.

Freundliche Grüsse
Alpina Dentalhandel AG
Debitorenbuchhaltung
"""
    lines = [
        "Alpina Dentalhandel AG",
        "Effingerstrasse 47, 3008 Bern   CHE-109.774.312 MWST",
        "",
        "Helvetia Dental Labor AG, Einkauf, Hardstrasse 201, 8005 Zürich",
        "",
        "RECHNUNG Nr. 2026-40817            Datum: 14.09.2026      Kunden-Nr. 18822",
        "Ihre Bestellung: HD-E-2026-311",
        "",
        "Art.-Nr.   Bezeichnung                          Menge    Preis CHF     Betrag CHF",
        "310455     Impregum Penta Soft 2x300 ml            10       96.50         965.00",
        "220871     Alginat Chromatic 500 g                 20       14.20         284.00",
        "118002     Hartgips Klasse IV 25 kg                 2      118.00         236.00",
        "",
        "                                     Total exkl. MWST          1'485.00",
        "                                     MWST 8.1 %                  120.29",
        "                                     Total CHF                 1'605.29",
        "",
        "Zahlbar innert 30 Tagen netto.",
        "---------------------------------------------------------------------------------",
        "Zahlteil                                Empfangsschein",
        "Konto / Zahlbar an                      Konto / Zahlbar an",
        "CH04 3000 0001 2345 6789 0              CH04 3000 0001 2345 6789 0",
        "Alpina Dentalhandel AG                  Alpina Dentalhandel AG",
        "Effingerstrasse 47, 3008 Bern           Effingerstrasse 47, 3008 Bern",
        "Referenz                                Referenz",
        "00 00000 00000 00002 02640 81704        00 00000 00000 00002 02640 81704",
        "Zahlbar durch                           Zahlbar durch",
        "Helvetia Dental Labor AG, 8005 Zürich   Helvetia Dental Labor AG, 8005 Zürich",
        "Währung   Betrag                        Währung   Betrag",
        "CHF       1 605.29                      CHF       1 605.29",
    ]
    raw = build(frm=address("Alpina Dentalhandel AG", "rechnungen@alpina-dental.example"), to=BUHA,
                subject="Rechnung 2026-40817", date=D("2026-09-14 16:20", sec=4), text=text,
                attachments=[("Rechnung_2026-40817.pdf", "application/pdf", pdf(lines, "Rechnung 2026-40817"))])
    write(CO, "invoice", "alpina_qr_rechnung_pdf", raw,
          {"invoice_number": "2026-40817", "issue_date": "2026-09-14", "seller": "Alpina Dentalhandel AG", "currency": "CHF",
           "gross_total": "1605.29", "net_total": "1485.00", "tax_total": "120.29", "iban": "CH0430000001234567890"})


def inv_zirkoblank_de_pdf():
    text = """Sehr geehrte Frau Brunner,

anbei erhalten Sie unsere Rechnung ZB-26-11873 zur Lieferung vom 05.10.2026 (Lieferschein 55120).
Die Ware wurde als steuerfreie Ausfuhrlieferung in die Schweiz versandt; die EUR-Zahlung bitte auf
IBAN DE55700202700015873201 (HypoVereinsbank).

Mit freundlichen Grüßen
Lena Schäfer
Finanzbuchhaltung
ZirkoBlank GmbH · Östliche Karl-Friedrich-Straße 112 · 75175 Pforzheim
Geschäftsführer: Thomas Reiß · HRB 509118 Mannheim
"""
    lines = [
        "ZirkoBlank GmbH",
        "Oestliche Karl-Friedrich-Strasse 112, 75175 Pforzheim   USt-IdNr. DE 301 558 274",
        "",
        "Rechnung Nr.: ZB-26-11873              Rechnungsdatum: 06.10.2026",
        "Kunde: Helvetia Dental Labor AG, Hardstrasse 201, 8005 Zuerich, Schweiz",
        "Lieferschein: 55120     Lieferdatum: 05.10.2026",
        "",
        "Pos  Artikel                                  Menge   Einzelpreis   Gesamtpreis",
        "1    Zirkonoxid-Ronde 98x14 mm Multilayer A2    40       48,00 EUR     1.920,00 EUR",
        "2    Zirkonoxid-Ronde 98x18 mm Multilayer A3    20       56,50 EUR     1.130,00 EUR",
        "3    Versand + Ausfuhrpapiere                    1       45,00 EUR        45,00 EUR",
        "",
        "                               Nettobetrag                3.095,00 EUR",
        "                               USt 0 % (Ausfuhrlieferung)     0,00 EUR",
        "                               Rechnungsbetrag            3.095,00 EUR",
        "",
        "Zahlungsziel: 30 Tage netto. HypoVereinsbank IBAN DE55 7002 0270 0015 8732 01 BIC HYVEDEMMXXX",
    ]
    raw = build(frm=address("Lena Schäfer", "buchhaltung@zirkoblank.example", "iso-8859-1"), to=address("Martina Brunner", f"martina.brunner@{DOM}"),
                cc=BUHA, subject="Rechnung ZB-26-11873", date=D("2026-10-06 10:44", sec=27), text=text, charset="iso-8859-1", cte="quoted-printable",
                attachments=[("ZB-26-11873.pdf", "application/pdf", pdf(lines, "Rechnung ZB-26-11873"))])
    write(CO, "invoice", "zirkoblank_germany_rechnung_eur", raw,
          {"invoice_number": "ZB-26-11873", "issue_date": "2026-10-06", "seller": "ZirkoBlank GmbH", "currency": "EUR",
           "gross_total": "3095.00", "net_total": "3095.00", "tax_total": "0.00", "iban": "DE55700202700015873201"})


def inv_implantec_facture_body():
    text = """Madame, Monsieur,

Nous vous remercions de votre commande et vous prions de trouver ci-dessous notre facture.

FACTURE N° IS-2026-2291
Date : 21.10.2026
Client : Helvetia Dental Labor AG, Avenue de Sévelin 20, 1004 Lausanne
Votre référence : HD-E-2026-348

Article                                            Qté    Prix unit.   Montant CHF
Pilier Ti-Base GH 1.5, connexion RP                  12       89.00      1'068.00
Vis de pilier prothétique                            24       14.50        348.00
Analogue de laboratoire RP                           10       22.00        220.00

Total hors TVA                                                     CHF 1'636.00
TVA 8.1 %                                                          CHF   132.52
Total à payer                                                      CHF 1'768.52

Conditions : 30 jours net.
Paiement : IBAN CH9300762011623852957 - Implantec Swiss SA, Bienne

Meilleures salutations

Implantec Swiss SA
Comptabilité débiteurs
Rue Centrale 115, 2502 Biel/Bienne
"""
    raw = build(frm=address("Implantec Swiss SA", "facturation@implantec-swiss.example"), to=BUHA,
                subject="Facture IS-2026-2291", date=D("2026-10-21 15:03", sec=48), text=text, charset="iso-8859-1", cte="quoted-printable")
    write(CO, "invoice", "implantec_facture_chf_body", raw,
          {"invoice_number": "IS-2026-2291", "issue_date": "2026-10-21", "seller": "Implantec Swiss SA", "currency": "CHF",
           "gross_total": "1768.52", "net_total": "1636.00", "tax_total": "132.52", "iban": "CH9300762011623852957"})


def inv_dentaria_fattura_pdf():
    text = """Gentili Signori,

in allegato la fattura n. 2026/FE/03318 relativa alla spedizione del 03/11/2026.
Coordinate bancarie: IBAN IT60X0542811101000000123456.

Distinti saluti
Ufficio Amministrazione
Dentaria S.p.A. - Via Rubattino 84, 20134 Milano
"""
    lines = [
        "DENTARIA S.p.A.",
        "Via Rubattino 84 - 20134 Milano - P.IVA IT 09918330157",
        "",
        "FATTURA N. 2026/FE/03318        del 04/11/2026",
        "Cliente: Helvetia Dental Labor AG - Avenue de Sevelin 20 - 1004 Lausanne (CH)",
        "",
        "Descrizione                                   Q.ta    Prezzo EUR    Importo EUR",
        "Massa ceramica dentina A2 100 g                  15        38,40         576,00",
        "Liquido di modellazione 250 ml                    6        21,00         126,00",
        "Spese di trasporto                                1        35,00          35,00",
        "",
        "                         Imponibile                          737,00",
        "                         IVA 0% non imponibile art. 8 DPR 633/72   0,00",
        "                         Totale fattura EUR                  737,00",
        "",
        "Pagamento: bonifico bancario 30 gg d.f.",
        "IBAN IT60 X054 2811 1010 0000 0123 456 - BIC BPMOIT22",
    ]
    raw = build(frm=address("Dentaria Amministrazione", "amministrazione@dentaria.example"), to=BUHA,
                subject="Fattura 2026/FE/03318 Dentaria S.p.A.", date=D("2026-11-04 12:15", sec=10), text=text,
                attachments=[("Fattura_2026_FE_03318.pdf", "application/pdf", pdf(lines, "Fattura 2026/FE/03318"))])
    write(CO, "invoice", "dentaria_milano_fattura_eur_pdf", raw,
          {"invoice_number": "2026/FE/03318", "issue_date": "2026-11-04", "seller": "Dentaria S.p.A.", "currency": "EUR",
           "gross_total": "737.00", "net_total": "737.00", "tax_total": "0.00", "iban": "IT60X0542811101000000123456"})


def inv_limmat_it_english():
    html = """<html><body style="font-family:Segoe UI,Arial;font-size:10pt">
<p>Dear Ms Meier,</p>
<p>Please find below our invoice for November 2026.</p>
<table cellpadding="3" style="font-size:10pt">
<tr><td>Invoice no.</td><td><b>LIT-26-0588</b></td></tr>
<tr><td>Invoice date</td><td>30 November 2026</td></tr>
<tr><td>Customer</td><td>Helvetia Dental Labor AG</td></tr>
<tr><td>Due</td><td>30 December 2026</td></tr>
</table>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:10pt;margin-top:8px">
<tr style="background:#ececec"><th align="left">Description</th><th>Qty</th><th>Rate CHF</th><th>Amount CHF</th></tr>
<tr><td>Managed workplace (per user, Nov 2026)</td><td align="right">14</td><td align="right">65.00</td><td align="right">910.00</td></tr>
<tr><td>exocad licence maintenance, annual</td><td align="right">1</td><td align="right">1'450.00</td><td align="right">1'450.00</td></tr>
<tr><td>On-site support Lausanne (hours)</td><td align="right">3</td><td align="right">160.00</td><td align="right">480.00</td></tr>
<tr><td colspan="3" align="right">Subtotal</td><td align="right">2'840.00</td></tr>
<tr><td colspan="3" align="right">VAT 8.1%</td><td align="right">230.04</td></tr>
<tr><td colspan="3" align="right"><b>Total CHF</b></td><td align="right"><b>3'070.04</b></td></tr>
</table>
<p>Payment to: Limmat IT Services GmbH, UBS Zurich, IBAN CH2600235012398765401</p>
<p>Kind regards,<br>Daniel Frey<br>Limmat IT Services GmbH, Josefstrasse 59, 8005 Zurich</p>
</body></html>"""
    raw = build(frm=address("Daniel Frey", "billing@limmat-it.example"), to=address("Sandra Meier", f"sandra.meier@{DOM}"),
                subject="Invoice LIT-26-0588 - November 2026", date=D("2026-11-30 17:10", sec=55), html=html)
    write(CO, "invoice", "limmat_it_english_html_chf", raw,
          {"invoice_number": "LIT-26-0588", "issue_date": "2026-11-30", "seller": "Limmat IT Services GmbH", "currency": "CHF",
           "gross_total": "3070.04", "net_total": "2840.00", "tax_total": "230.04", "iban": "CH2600235012398765401"})


def inv_transalp_csv():
    text = """Sehr geehrte Kundin, sehr geehrter Kunde

Ihre Monatsrechnung TK-112045 (Oktober 2026) finden Sie als CSV im Anhang.
Rechnungsbetrag: CHF 294.03 inkl. MWST, zahlbar bis 30.11.2026.
IBAN: CH3880808001234567890 (Raiffeisen), Vermerk TK-112045

TransAlp Kurier AG · Kundenservice · Industriestrasse 14 · 6005 Luzern
"""
    csv = """Rechnung;Datum;Strecke;Dienst;Anzahl;Betrag CHF
TK-112045;03.10.2026;Lausanne - Genève;Express;1;38.50
TK-112045;07.10.2026;Lausanne - Zürich;Overnight;2;58.00
TK-112045;12.10.2026;Zürich - Lugano;Overnight;1;34.00
TK-112045;15.10.2026;Lausanne - Bern;Express;1;36.00
TK-112045;21.10.2026;Zürich - Winterthur;Velokurier;1;24.50
TK-112045;28.10.2026;Lausanne - Sion;Overnight;3;81.00
;;;;Total exkl. MWST;272.00
;;;;MWST 8.1%;22.03
;;;;Rechnungsbetrag (Rechnungsdatum 31.10.2026);294.03
"""
    raw = build(frm=address("TransAlp Kurier AG", "rechnung@transalp-kurier.example"), to=BUHA,
                subject="Ihre Monatsrechnung TK-112045", date=D("2026-11-02 05:30", sec=12), text=text, charset="iso-8859-1",
                attachments=[("TK-112045.csv", "text/csv", csv.encode())])
    write(CO, "invoice", "transalp_courier_monthly_csv", raw,
          {"invoice_number": "TK-112045", "issue_date": "2026-10-31", "seller": "TransAlp Kurier AG", "currency": "CHF",
           "gross_total": "294.03", "net_total": "272.00", "tax_total": "22.03", "iban": "CH3880808001234567890"})


def inv_gipsa_reminder():
    text = """Zahlungserinnerung

Sehr geehrte Damen und Herren

Bei der Durchsicht unserer Buchhaltung haben wir festgestellt, dass die nachstehende Rechnung noch offen ist.
Sicher handelt es sich um ein Versehen. Wir bitten Sie, den Betrag innert 10 Tagen zu überweisen.

Rechnung Nr.      GL-77410
Rechnungsdatum    02.09.2026
Fällig seit       02.10.2026

  50 kg Superhartgips Typ 4 «Gipsa Rock»       CHF 410.00
  20 l  Einbettmasse-Flüssigkeit               CHF 230.00
  Total exkl. MWST                             CHF 640.00
  MWST 8.1 %                                   CHF  51.84
  Offener Betrag                               CHF 691.84

Zahlung an: QR-IBAN CH6931000007612345678, Referenz 00 00000 00000 00000 00077 34100
Gipsa Laborbedarf AG, Tösstalstrasse 61, 8400 Winterthur

Sollte sich Ihre Zahlung mit diesem Schreiben gekreuzt haben, betrachten Sie diese Erinnerung bitte als
gegenstandslos.

Freundliche Grüsse
Gipsa Laborbedarf AG
Debitorenbuchhaltung
"""
    raw = build(frm=address("Gipsa Laborbedarf AG", "debitoren@gipsa.example"), to=BUHA,
                subject="Zahlungserinnerung Rechnung GL-77410", date=D("2026-10-19 09:00", sec=0), text=text,
                charset="iso-8859-1", cte="quoted-printable")
    write(CO, "invoice", "gipsa_zahlungserinnerung", raw,
          {"invoice_number": "GL-77410", "issue_date": "2026-09-02", "seller": "Gipsa Laborbedarf AG", "currency": "CHF",
           "gross_total": "691.84", "net_total": "640.00", "tax_total": "51.84", "iban": "CH6931000007612345678"})


def inv_alpina_gutschrift():
    text = """Guten Tag Frau Meier

Wie mit Frau Brunner besprochen, schreiben wir Ihnen die 4 Packungen Impregum mit zu kurzem Verfalldatum gut.

GUTSCHRIFT Nr. GS-2026-0412
Datum: 18.11.2026
Bezug: Rechnung 2026-40817 vom 14.09.2026

  4 x Impregum Penta Soft 2x300 ml à CHF 96.50     CHF -386.00
  MWST 8.1 %                                      CHF  -31.27
  Gutschrift total                                CHF -417.27

Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.

Freundliche Grüsse
Alpina Dentalhandel AG
Verkauf Innendienst, Effingerstrasse 47, 3008 Bern
"""
    raw = build(frm=address("Alpina Dentalhandel AG", "rechnungen@alpina-dental.example"), to=address("Sandra Meier", f"sandra.meier@{DOM}"),
                subject="Gutschrift GS-2026-0412", date=D("2026-11-18 14:40", sec=33), text=text)
    write(CO, "invoice", "alpina_gutschrift_credit_note", raw,
          {"invoice_number": "GS-2026-0412", "issue_date": "2026-11-18", "seller": "Alpina Dentalhandel AG", "currency": "CHF",
           "gross_total": "-417.27", "net_total": "-386.00", "tax_total": "-31.27"})


def inv_ceramica_ticinese_qr():
    text = """Spettabile Helvetia Dental Labor AG,

trasmettiamo in allegato la fattura n. 26-0912 con polizza di versamento QR.

Distinti saluti
Ceramica Dentale Ticinese SA
Via Industria 22, 6850 Mendrisio
"""
    lines = [
        "Ceramica Dentale Ticinese SA",
        "Via Industria 22, 6850 Mendrisio   IDI CHE-318.002.461 IVA",
        "",
        "FATTURA n. 26-0912                  Data: 09.12.2026",
        "Destinatario: Helvetia Dental Labor AG, Hardstrasse 201, 8005 Zurigo",
        "",
        "Articolo                                  Quantita   Prezzo CHF    Importo CHF",
        "Denti in resina, set 28, colore A3           30        24.60          738.00",
        "Resina per protesi, 1 kg                      5        72.00          360.00",
        "",
        "                             Totale imponibile            1'098.00",
        "                             IVA 8.1%                        88.94",
        "                             Totale fattura CHF           1'186.94",
        "",
        "Pagabile entro 30 giorni netto.",
        "-------------------------------------------------------------------------",
        "Sezione pagamento",
        "Conto / Pagabile a:  CH44 3076 1000 0987 6543 2   Ceramica Dentale Ticinese SA, 6850 Mendrisio",
        "Riferimento: 00 00000 00000 00000 00026 09125",
        "Valuta: CHF   Importo: 1 186.94",
        "Informazioni supplementari: Fattura 26-0912 / QR-IBAN CH4430761000098765432",
    ]
    raw = build(frm=address("Ceramica Dentale Ticinese", "contabilita@ceramica-ticinese.example"), to=BUHA,
                subject="Fattura 26-0912", date=D("2026-12-09 11:11", sec=21), text=text,
                attachments=[("Fattura_26-0912.pdf", "application/pdf", pdf(lines, "Fattura 26-0912"))])
    write(CO, "invoice", "ceramica_ticinese_fattura_qr", raw,
          {"invoice_number": "26-0912", "issue_date": "2026-12-09", "seller": "Ceramica Dentale Ticinese SA", "currency": "CHF",
           "gross_total": "1186.94", "net_total": "1098.00", "tax_total": "88.94", "iban": "CH4430761000098765432"})


def invoices():
    inv_alpina_qr_pdf()
    inv_zirkoblank_de_pdf()
    inv_implantec_facture_body()
    inv_dentaria_fattura_pdf()
    inv_limmat_it_english()
    inv_transalp_csv()
    inv_gipsa_reminder()
    inv_alpina_gutschrift()
    inv_ceramica_ticinese_qr()

# --------------------------------------------------------------------------------------------------
# support_ticket
# --------------------------------------------------------------------------------------------------

def st_bern_krone_passt_nicht():
    text = """Grüezi Herr Favre

Die Implantatkrone 36 (Ihr Auftrag LA-20418, geliefert am Montag) passt leider nicht. Der Kontakt zu 35 ist
viel zu stark, wir bekommen die Krone nicht in Endposition, und die Okklusion ist ca. 0.5 mm zu hoch.
Ti-Base sitzt korrekt (Röntgen gemacht).

Die Patientin sitzt morgen um 10.30 Uhr wieder bei uns. Können Sie die Krone heute noch abholen lassen und
korrigieren, oder was schlagen Sie vor?

Freundliche Grüsse
Dr. Urs Wyss
Zahnarztpraxis Dr. Wyss, Bern
031 311 42 70
"""
    raw = build(frm=address("Zahnarztpraxis Dr. Wyss", "praxis@zahnarzt-wyss.example"), to=address("Nicolas Favre", f"nicolas.favre@{DOM}"),
                cc=SUPPORT, subject="Reklamation LA-20418 Implantatkrone 36", date=D("2026-10-28 12:40", sec=5), text=text,
                charset="iso-8859-1", cte="quoted-printable")
    write(CO, "support_ticket", "bern_implantatkrone_passt_nicht", raw, {"customer_email": "praxis@zahnarzt-wyss.example"})


def st_geneva_teinte_angry_fr():
    text = """Madame, Monsieur,

Je suis extrêmement déçue. Le bridge 21-22-23 (notre commande BC 2026/77) est arrivé avec une teinte qui
n'a RIEN à voir avec le B1 demandé : c'est un A3 au minimum, et le 21 est plus opaque que les deux autres.
La patiente était au fauteuil, j'ai dû la renvoyer chez elle avec le provisoire. C'est inacceptable pour un
travail de ce prix.

Je demande une refabrication en urgence, à vos frais, et j'attends un appel du chef de laboratoire aujourd'hui.

Dr Amélie Fournier
Cabinet dentaire des Pâquis, Genève
"""
    raw = build(frm=address("Amélie Fournier", "a.fournier@cabinet-paquis.example", "iso-8859-1"), to=SUPPORT,
                cc=address("Nicolas Favre", f"nicolas.favre@{DOM}"),
                subject=encoded("Réclamation - teinte complètement fausse - BC 2026/77", "iso-8859-1", "Q"),
                date=D("2026-10-19 15:27", sec=41), text=text, charset="iso-8859-1", cte="quoted-printable")
    write(CO, "support_ticket", "geneva_bridge_wrong_shade_angry", raw, {"customer_email": "a.fournier@cabinet-paquis.example"})


def st_bellinzona_urgente_it():
    text = """URGENTE!!

Buongiorno, abbiamo appena aperto il pacco con i pilastri per il caso della Sig.ra B. (nostro ordine
BZ-2026/22): la connessione è sbagliata, ci avete mandato RP invece di NP (impianti 4,1 mm Narrow).
L'intervento è domani mattina alle 8:00, il paziente arriva da Airolo.

Avete i pilastri NP a magazzino? Se sì, potete spedirli oggi con corriere espresso?
Chiamatemi per favore al 079 445 21 09.

Dr. Paolo Guidotti
Studio Dentistico Guidotti, Bellinzona
"""
    raw = build(frm=address("Paolo Guidotti", "p.guidotti@studio-guidotti.example"), to=SUPPORT,
                subject="URGENTE pilastri connessione sbagliata - intervento domani", date=D("2026-12-03 10:08", sec=2), text=text,
                charset="iso-8859-1", headers=[("X-Priority", "1 (Highest)"), ("Importance", "High")])
    write(CO, "support_ticket", "bellinzona_wrong_abutment_urgent", raw, {"customer_email": "p.guidotti@studio-guidotti.example"})


def st_olten_expired_material():
    text = """Guten Tag

Von den 10 Impregum aus der Lieferung letzte Woche haben 6 ein Verfalldatum 11/2026, also in 3 Wochen. Das
schaffen wir nie. Bitte umtauschen.

Gruss B. Marti
Praxis Dr. Marti, Olten
"""
    raw = build(frm=address("Beat Marti", "b.marti@praxis-marti-olten.example"), to=BESTELL,
                subject="Impregum kurzes Verfalldatum", date=D("2026-11-04 18:12", sec=26), text=text)
    write(CO, "support_ticket", "olten_impregum_short_expiry", raw, {"customer_email": "b.marti@praxis-marti-olten.example"})


def st_smilecare_portal_upload():
    text = """Hi Reto,

Our assistants in Winterthur can't upload intraoral scans to your portal since yesterday afternoon. The upload
goes to about 90% and then fails with "Error 413 - Request Entity Too Large". Files are the usual exports from
the scanner (zip, around 180-220 MB with the full-arch scans). Zürich clinic seems to have the same issue.

We have 7 cases waiting. Is something changed on your side? Any workaround (WeTransfer?) in the meantime?

Thanks,
Laura Steiner
Clinic Coordinator, SmileCare Clinics AG Winterthur
laura.steiner@smilecare-clinics.example
"""
    raw = build(frm=address("Laura Steiner", "laura.steiner@smilecare-clinics.example"), to=address("Reto Gisler", f"reto.gisler@{DOM}"),
                cc=SUPPORT, subject="Scan upload fails - Error 413", date=D("2026-12-08 08:34", sec=17), text=text)
    write(CO, "support_ticket", "smilecare_portal_upload_error_413", raw, {"customer_email": "laura.steiner@smilecare-clinics.example"})


def st_winterthur_vague():
    text = """Hallo zusammen

Ich glaube, mit der letzten Lieferung stimmt etwas nicht ganz – Dr. Keller meinte heute, die Kronen sehen
anders aus als auf dem Design, das Sie uns geschickt haben. Ich kann leider nicht genau sagen, was. Könnte sich
jemand vom Labor bei ihm melden? Er ist morgen ab 13 Uhr erreichbar.

Danke und liebe Grüsse
Andrea Keller
Praxisleitung, Zahnarztpraxis Dr. Keller
"""
    raw = build(frm=address("Andrea Keller", "a.keller@zahnarzt-keller.example"), to=SUPPORT,
                subject="Kronen Bestellung 2026-K-17", date=D("2026-11-27 17:55", "+0100", 39), text=text)
    write(CO, "support_ticket", "winterthur_crowns_look_different_vague", raw, {"customer_email": "a.keller@zahnarzt-keller.example"})


def st_innsbruck_prothese_gebrochen():
    text = """Sehr geehrte Damen und Herren,

die Totalprothese aus unserer Bestellung IW-2026-088 (eingegliedert am 24.11.) ist gestern beim Patienten
im Unterkiefer gebrochen – Sprung quer durch die Basis im Bereich 33/43, kein Sturz laut Patient.

Wir ersuchen um Reparatur bzw. Neuanfertigung im Rahmen der Gewährleistung. Die Prothese schicken wir
Ihnen heute eingeschrieben zurück. Bitte um kurze Bestätigung und Info zur Dauer, der Patient ist ohne
Ersatz.

Mit freundlichen Grüßen
Dr. Verena Hosp
Zahnambulatorium Innsbruck-West GmbH
hosp@zahnambulatorium-iw.example
"""
    raw = build(frm=address("Dr. Verena Hosp", "hosp@zahnambulatorium-iw.example"), to=SUPPORT,
                subject=encoded("Gewährleistung – Prothesenbruch IW-2026-088", "windows-1252", "Q"), date=D("2026-12-09 09:46", sec=13),
                text=text, charset="windows-1252", cte="quoted-printable")
    write(CO, "support_ticket", "innsbruck_denture_broken_warranty", raw, {"customer_email": "hosp@zahnambulatorium-iw.example"})


def st_lausanne_thread_fr():
    text = """Bonjour Monsieur Favre,

Merci pour votre réponse rapide. J'ai essayé de meuler légèrement l'intrados comme vous le proposiez, mais
la gouttière reste très serrée au niveau des prémolaires et le patient a des douleurs après une heure.
Je pense qu'il faut la refaire. Pouvez-vous passer la reprendre demain ? J'ai une nouvelle empreinte.

Cordialement,
Dr Marc Jaquier
Centre dentaire de la Riponne
Place de la Riponne 5, 1005 Lausanne

Le mar. 24 nov. 2026 à 16:10, Nicolas Favre <nicolas.favre@helvetia-dental.example> a écrit :
> Bonjour Docteur,
>
> Merci pour votre message. Une gouttière trop serrée vient souvent d'une légère expansion du plâtre.
> Pourriez-vous essayer de retoucher l'intrados en regard de 14-15 et 24-25 avec une fraise résine ?
> Si cela ne suffit pas, nous la refaisons bien entendu.
>
> Meilleures salutations
> Nicolas Favre, chef de laboratoire
> Helvetia Dental Labor AG
>
> Le lun. 23 nov. 2026 à 18:02, Marc Jaquier <m.jaquier@cd-riponne.example> a écrit :
>> Bonsoir, la gouttière de M. R. (bon LA-20533) ne rentre pas, beaucoup trop serrée. Merci de me rappeler.
"""
    raw = build(frm=address("Marc Jaquier", "m.jaquier@cd-riponne.example"), to=address("Nicolas Favre", f"nicolas.favre@{DOM}"),
                subject=encoded("Re: Gouttière LA-20533 trop serrée", "utf-8", "Q"), date=D("2026-11-25 12:22", sec=48), text=text,
                in_reply_to=f"<reply.la20533.nf@{DOM}>")
    write(CO, "support_ticket", "lausanne_splint_too_tight_thread", raw, {"customer_email": "m.jaquier@cd-riponne.example"})


def st_seefeld_iphone():
    text = """Provisorium 44-46 vom Fall SF-2026-903 ist gebrochen, Patient kommt um 14 Uhr. Könnt ihr bis dann ein neues machen oder schicken? Bitte kurz anrufen 044 381 20 20

F. Huber

Von meinem iPhone gesendet"""
    raw = build(frm=address("Fabienne Huber", "f.huber@praxis-seefeld.example"), to=SUPPORT,
                subject="Provisorium gebrochen", date=D("2026-11-10 08:07", sec=50), text=text)
    write(CO, "support_ticket", "seefeld_provisorium_broken_iphone", raw, {"customer_email": "f.huber@praxis-seefeld.example"})


def support_tickets():
    st_bern_krone_passt_nicht()
    st_geneva_teinte_angry_fr()
    st_bellinzona_urgente_it()
    st_olten_expired_material()
    st_smilecare_portal_upload()
    st_winterthur_vague()
    st_innsbruck_prothese_gebrochen()
    st_lausanne_thread_fr()
    st_seefeld_iphone()


# --------------------------------------------------------------------------------------------------
# approval
# --------------------------------------------------------------------------------------------------

def ap_ceo_genehmigt_de():
    subj = "Freigabe erforderlich: Offerte Q-2026-0462 für SmileCare Clinics AG – 48'920.00 CHF [APR-2026-0198]"
    text = """Genehmigt.

Aber bitte Zahlungsziel 30 Tage, nicht 60 wie im Entwurf – das haben wir mit SmileCare nie so vereinbart.

Stéphane

-----Ursprüngliche Nachricht-----
Von: Mailroom <mailroom@helvetia-dental.example>
Gesendet: Mittwoch, 9. Dezember 2026 08:30
An: Stéphane Rochat <stephane.rochat@helvetia-dental.example>
Betreff: Freigabe erforderlich: Offerte Q-2026-0462 für SmileCare Clinics AG – 48'920.00 CHF [APR-2026-0198]

Freigabe erforderlich

Offerte:   Q-2026-0462 (Laborpreise 2027, 3 Standorte)
Kunde:     SmileCare Clinics AG
Betrag:    48'920.00 CHF
Erstellt:  Giulia Bernasconi

Referenz: APR-2026-0198
Antworten Sie mit «Genehmigt» (approve) oder «Abgelehnt» (reject).
"""
    raw = build(frm=address("Stéphane Rochat", f"stephane.rochat@{DOM}"), to=address("Mailroom", f"mailroom@{DOM}"),
                subject=encoded("AW: " + subj, "utf-8", "Q"), date=D("2026-12-09 09:02", "+0100", 18), text=text,
                in_reply_to=f"<approval.apr-2026-0198@{DOM}>")
    write(CO, "approval", "ceo_genehmigt_smilecare_offerte", raw, {"decision": "approve", "reference": "APR-2026-0198"})


def ap_lab_refuse_fr():
    subj = "Approbation requise : Commande fournisseur HD-E-2026-402 pour ZirkoBlank GmbH – 12'480.00 EUR [APR-2026-0215]"
    text = """Refusé.

On a encore au moins deux mois de stock en ronds multicouches, et ZirkoBlank baisse ses prix au 1er janvier.
Martina, on en reparle la semaine prochaine ?

Nicolas

> Approbation requise
> Commande fournisseur : HD-E-2026-402 - ZirkoBlank GmbH
> Montant : 12'480.00 EUR
> Référence : APR-2026-0215
> Répondez par « Approuvé » (approve) ou « Refusé » (reject).
"""
    raw = build(frm=address("Nicolas Favre", f"nicolas.favre@{DOM}"), to=address("Mailroom", f"mailroom@{DOM}"),
                cc=address("Martina Brunner", f"martina.brunner@{DOM}"),
                subject=encoded("RE: " + subj, "windows-1252", "Q"), date=D("2026-12-10 14:16", "+0100", 2), text=text,
                charset="windows-1252", in_reply_to=f"<approval.apr-2026-0215@{DOM}>")
    write(CO, "approval", "lab_head_refuse_zirkoblank_po", raw, {"decision": "reject", "reference": "APR-2026-0215"})


def ap_conditional_en():
    subj = "Approval needed: Quote Q-2026-0501 for Zahnärzte am Elisabethplatz – 18'650.00 EUR [APR-2026-0233]"
    text = """Approved - happy to approve provided the customs/export documents are included in the price as Giulia wrote in the cover
letter. If not, please add the CHF 45 handling per shipment before it goes out.

Martina

Am 24.11.2026 um 10:12 schrieb Mailroom <mailroom@helvetia-dental.example>:
> Approval needed: Quote Q-2026-0501 for Zahnärzte am Elisabethplatz – 18'650.00 EUR
> Reference: APR-2026-0233
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Martina Brunner", f"martina.brunner@{DOM}"), to=address("Mailroom", f"mailroom@{DOM}"),
                subject=encoded("Re: " + subj, "utf-8", "B"), date=D("2026-11-24 11:48", "+0100", 40), text=text,
                in_reply_to=f"<approval.apr-2026-0233@{DOM}>")
    write(CO, "approval", "purchasing_conditional_approve_munich_quote", raw, {"decision": "approve", "reference": "APR-2026-0233"})


def approvals():
    ap_ceo_genehmigt_de()
    ap_lab_refuse_fr()
    ap_conditional_en()

# --------------------------------------------------------------------------------------------------
# auto_reply
# --------------------------------------------------------------------------------------------------

def ar_praxisferien_de():
    text = """Guten Tag

Vielen Dank für Ihre Nachricht. Unsere Praxis bleibt vom 5. bis 16. Oktober 2026 wegen Praxisferien
geschlossen. Ihre E-Mail wird nach unserer Rückkehr bearbeitet.

In Notfällen wenden Sie sich bitte an den zahnärztlichen Notfalldienst Bern: 0900 288 000.

Freundliche Grüsse
Zahnarztpraxis Dr. Wyss
"""
    raw = build(frm=address("Zahnarztpraxis Dr. Wyss", "praxis@zahnarzt-wyss.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject=encoded("Automatische Antwort: Offerte Q-2026-0418 Brücke 14-16 / Implantatkrone 36", "iso-8859-1", "Q"),
                date=D("2026-10-07 11:20", sec=3), text=text, charset="iso-8859-1",
                headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    write(CO, "auto_reply", "bern_praxisferien_abwesenheit", raw)


def ar_dentaria_assente_it():
    text = """Gentile mittente,

sono assente dall'ufficio fino a lunedì 9 novembre 2026 con accesso limitato alla posta elettronica.
Per questioni amministrative urgenti può scrivere a amministrazione@dentaria.example.

Cordiali saluti
Federica Longoni
Dentaria S.p.A.
"""
    raw = build(frm=address("Federica Longoni", "f.longoni@dentaria.example"), to=address("Sandra Meier", f"sandra.meier@{DOM}"),
                subject="Risposta automatica: Fattura 2026/FE/03318 - richiesta copia", date=D("2026-11-05 09:14", sec=51), text=text,
                charset="iso-8859-1", cte="quoted-printable", headers=[("Auto-Submitted", "auto-replied")])
    write(CO, "auto_reply", "dentaria_assente_risposta_automatica", raw)


def ar_implantec_absence_fr():
    text = """Bonjour,

Je suis en formation jusqu'au 20 novembre et ne consulte pas mes messages.
Pour les commandes, merci d'écrire à commandes@implantec-swiss.example ; pour l'urgence, appelez le 032 344 70 00.

Merci et bonne journée,
Yannick Perrenoud
Service clients - Implantec Swiss SA
"""
    raw = build(frm=address("Yannick Perrenoud", "y.perrenoud@implantec-swiss.example"), to=address("Martina Brunner", f"martina.brunner@{DOM}"),
                subject=encoded("Absent : Rappel commande HD-E-2026-417 piliers NP", "iso-8859-1", "Q"), date=D("2026-11-17 07:31", sec=9),
                text=text, charset="iso-8859-1", headers=[("X-Autoreply", "yes"), ("Precedence", "auto_reply")])
    write(CO, "auto_reply", "implantec_absent_formation_fr", raw)


def ar_exchange_ndr_de():
    raw = """From: Microsoft Outlook <postmaster@praxis-seerhein.example>
To: Giulia Bernasconi <giulia.bernasconi@helvetia-dental.example>
Subject: =?utf-8?Q?Unzustellbar:_Lieferung_ZPS-2026-0341_=E2=80=93_Ausfuhrdokumente?=
Date: Tue, 03 Nov 2026 10:41:22 +0100
Message-ID: <ndr.2f7c19@praxis-seerhein.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="----=_NDR_2f7c19_a"

------=_NDR_2f7c19_a
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Die Nachricht konnte an folgende Empf=C3=A4nger oder Gruppen nicht zugestell=
t werden:

k.roth@praxis-seerhein.example
Die eingegebene E-Mail-Adresse wurde nicht gefunden. Pr=C3=BCfen Sie die E-M=
ail-Adresse des Empf=C3=A4ngers, und versuchen Sie erneut, die Nachricht zu =
senden. Wenn das Problem weiterhin auftritt, wenden Sie sich an Ihr E-Mail-=
Supportteam.

Diagnoseinformationen f=C3=BCr Administratoren:

Generierender Server: FR3P281MB0412.DEUP281.PROD.OUTLOOK.EXAMPLE

k.roth@praxis-seerhein.example
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient n=
ot found by SMTP address lookup'

------=_NDR_2f7c19_a
Content-Type: message/delivery-status

Reporting-MTA: dns;FR3P281MB0412.DEUP281.PROD.OUTLOOK.EXAMPLE
Received-From-MTA: dns;mail.helvetia-dental.example
Arrival-Date: Tue, 3 Nov 2026 09:41:20 +0000

Final-Recipient: rfc822;k.roth@praxis-seerhein.example
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

------=_NDR_2f7c19_a
Content-Type: text/rfc822-headers

From: Giulia Bernasconi <giulia.bernasconi@helvetia-dental.example>
To: k.roth@praxis-seerhein.example
Subject: =?utf-8?Q?Lieferung_ZPS-2026-0341_=E2=80=93_Ausfuhrdokumente?=
Date: Tue, 3 Nov 2026 10:41:18 +0100
Message-ID: <zps0341.gb@helvetia-dental.example>

------=_NDR_2f7c19_a--
"""
    write(CO, "auto_reply", "exchange_ndr_unzustellbar_de", raw.encode())


def ar_read_receipt_de():
    text = """Ihre Nachricht

    An: Andrea Keller
    Betreff: Offerte Q-2026-0441 Implantatversorgung
    Gesendet: Dienstag, 10. November 2026 11:20:05 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien

wurde am Dienstag, 10. November 2026 11:52:40 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien gelesen.
"""
    raw = build(frm=address("Andrea Keller", "a.keller@zahnarzt-keller.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="Gelesen: Offerte Q-2026-0441 Implantatversorgung", date=D("2026-11-10 11:52", sec=41), text=text)
    write(CO, "auto_reply", "read_receipt_gelesen_offerte", raw)


def ar_smilecare_christmas_en():
    text = """Thank you for your email.

Our head office is closed from 24 December 2026 to 4 January 2027. Clinics remain open on weekdays except
25/26 December and 1/2 January. For urgent lab matters please contact the clinic directly.

Merry Christmas and a happy New Year!
SmileCare Clinics AG - Operations
"""
    raw = build(frm=address("Oliver Grant", "oliver.grant@smilecare-clinics.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="Automatic reply: Offerte Q-2026-0462 Laborpreise 2027", date=D("2026-12-24 08:00", sec=5), text=text,
                headers=[("Auto-Submitted", "auto-replied")])
    write(CO, "auto_reply", "smilecare_christmas_closure_en", raw)


def auto_replies():
    ar_praxisferien_de()
    ar_dentaria_assente_it()
    ar_implantec_absence_fr()
    ar_exchange_ndr_de()
    ar_read_receipt_de()
    ar_smilecare_christmas_en()


# --------------------------------------------------------------------------------------------------
# other
# --------------------------------------------------------------------------------------------------

def ot_alpina_newsletter_html():
    html = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#f2f2f2">
<table width="100%" bgcolor="#f2f2f2"><tr><td align="center">
<table width="620" bgcolor="#ffffff" cellpadding="0" cellspacing="0" style="font-family:Helvetica,Arial,sans-serif">
<tr><td style="padding:16px 24px;background:#d52b1e;color:#ffffff;font-size:22px">Alpina Dentalhandel &middot; Dezember-Aktion</td></tr>
<tr><td style="padding:24px;color:#333333;font-size:14px">
<p>Grüezi Helvetia Dental Labor AG</p>
<p>Nur bis 18. Dezember: Jahresend-Preise auf Abformmaterialien und Gipse. Solange Vorrat.</p>
<table width="100%" cellpadding="10" style="font-size:14px">
<tr><td>Impregum Penta Soft 2x300 ml</td><td align="right"><s>CHF 96.50</s><br><b>CHF 89.&ndash;</b></td><td><a href="https://shop.alpina-dental.example/310455?c=dez26" style="background:#d52b1e;color:#fff;padding:8px 14px;text-decoration:none">Jetzt bestellen</a></td></tr>
<tr><td>Alginat Chromatic 500 g (ab 20 Stk.)</td><td align="right"><b>CHF 12.90</b></td><td><a href="https://shop.alpina-dental.example/220871?c=dez26" style="background:#d52b1e;color:#fff;padding:8px 14px;text-decoration:none">Jetzt bestellen</a></td></tr>
<tr><td>Hartgips Klasse IV 25 kg</td><td align="right"><b>CHF 1'049.&ndash;</b> / 10 Sack</td><td><a href="https://shop.alpina-dental.example/118002?c=dez26" style="background:#d52b1e;color:#fff;padding:8px 14px;text-decoration:none">Jetzt bestellen</a></td></tr>
</table>
<p style="font-size:12px">Alle Preise exkl. MWST 8.1 %. Lieferung ab CHF 300.&ndash; portofrei.</p>
</td></tr>
<tr><td style="padding:14px 24px;font-size:11px;color:#888888">Alpina Dentalhandel AG &middot; Effingerstrasse 47 &middot; 3008 Bern<br>
Sie erhalten diesen Newsletter als Kunde. <a href="https://alpina-dental.example/newsletter/abmelden?id=18822">Abmelden</a></td></tr>
</table></td></tr></table></body></html>"""
    raw = build(frm=address("Alpina Dentalhandel", "newsletter@alpina-dental.example"), to=f"einkauf@{DOM}",
                subject=encoded("Dezember-Aktion: Impregum für CHF 89.– und Gipse zu Jahresend-Preisen", "utf-8", "B"),
                date=D("2026-12-01 06:45", sec=0), html=html,
                headers=[("List-Id", "Alpina Kunden-Newsletter <kunden.alpina-dental.example>"),
                         ("List-Unsubscribe", "<https://alpina-dental.example/newsletter/abmelden?id=18822>"), ("Precedence", "bulk")])
    write(CO, "other", "alpina_dezember_aktion_newsletter", raw)


def ot_ids_invitation():
    text = """Sehr geehrte Frau Brunner,

vom 9. bis 13. März 2027 findet in Köln die IDS statt – und wir würden uns sehr freuen, Sie an unserem
Stand in Halle 10.2, Gang R, Stand 041 begrüßen zu dürfen.

Erstmals zeigen wir unsere neue Zirkonoxid-Generation „ZB Gradient Ultra" mit 1.250 MPa im Inzisalbereich.
Für Bestandskunden halten wir kostenlose Eintrittskarten bereit – einfach bis 15. Januar mit dem Code
ZB-IDS27 registrieren.

Wir freuen uns auf Ihren Besuch!

Mit freundlichen Grüßen
Ihr ZirkoBlank-Team
Östliche Karl-Friedrich-Straße 112 · 75175 Pforzheim
"""
    raw = build(frm=address("ZirkoBlank GmbH", "marketing@zirkoblank.example"), to=address("Martina Brunner", f"martina.brunner@{DOM}"),
                subject=encoded("Einladung zur IDS 2027 – Halle 10.2, Stand R041", "windows-1252", "Q"), date=D("2026-11-26 10:00", sec=0),
                text=text, charset="windows-1252", cte="quoted-printable")
    write(CO, "other", "zirkoblank_ids_2027_invitation", raw)


def ot_internal_apero_fr():
    text = """Coucou à tous,

Vendredi c'est l'anniversaire de Nicolas (chut !). On fait un petit apéro surprise au labo à 16h30.
Je m'occupe du gâteau, qui peut amener du vin ou des jus ? Les collègues de Zurich sont les bienvenus
en visio, Reto a dit qu'il ramènerait des Läckerli 😄

Bises,
Claire
"""
    raw = build(frm=address("Claire Dubois", f"claire.dubois@{DOM}"), to=f"lausanne-team@{DOM}",
                subject=encoded("Apéro surprise vendredi 🎂", "utf-8", "B"), date=D("2026-10-13 13:02", sec=27), text=text)
    write(CO, "other", "internal_apero_surprise_fr", raw)


def ot_internal_where_file_de():
    text = """Hoi Martina

Weisst du, wo die Lieferantenrechnungen von ZirkoBlank für Q3 abgelegt sind? Im DMS finde ich nur Juli.
Brauche sie für die MWST-Abrechnung (Bezugsteuer), Abgabe ist Ende Monat.

Merci und Gruess
Sandra
"""
    raw = build(frm=address("Sandra Meier", f"sandra.meier@{DOM}"), to=address("Martina Brunner", f"martina.brunner@{DOM}"),
                subject="ZirkoBlank Rechnungen Q3?", date=D("2026-11-16 15:33", sec=8), text=text)
    write(CO, "other", "internal_where_are_q3_invoices", raw)


def ot_parcel_notification():
    text = """Ihre Sendung kommt heute

Sendungsnummer: 99.60.412233.10048817
Absender: ZirkoBlank GmbH, Pforzheim (DE)
Zustellung: heute, 09:00 - 12:00
Empfänger: Helvetia Dental Labor AG, Hardstrasse 201, 8005 Zürich

Die Einfuhrabgaben (MWST CHF 0.00, Verzollung durch Absender) wurden bereits beglichen.

Sendung verfolgen oder umleiten: https://track.swissparcel.example/99.60.412233.10048817

SwissParcel Express – diese Nachricht wurde automatisch versendet.
"""
    raw = build(frm=address("SwissParcel Express", "noreply@swissparcel.example"), to=f"einkauf@{DOM}",
                subject="Ihre Sendung 99.60.412233.10048817 wird heute zugestellt", date=D("2026-10-07 06:12", sec=44), text=text)
    write(CO, "other", "carrier_sendung_heute_zugestellt", raw)


def ot_implantec_confirmation_fr():
    text = """Madame Brunner,

Nous accusons réception de votre commande HD-E-2026-417 et vous en remercions.

CONFIRMATION DE COMMANDE N° CC-26-5520 du 12.11.2026

Article                                   Qté    Prix unit. CHF    Montant CHF
Pilier Ti-Base GH 1.5, connexion NP        10          89.00           890.00
Vis de pilier prothétique NP               20          14.50           290.00
                                           Total HT                  1'180.00

Livraison prévue : 19.11.2026 par coursier. Facture suivra avec la livraison.

Meilleures salutations
Implantec Swiss SA - Service clients
"""
    raw = build(frm=address("Implantec Swiss SA", "commandes@implantec-swiss.example"), to=address("Martina Brunner", f"martina.brunner@{DOM}"),
                subject="Confirmation de commande CC-26-5520 / HD-E-2026-417", date=D("2026-11-12 16:40", sec=1), text=text,
                charset="iso-8859-1")
    write(CO, "other", "implantec_confirmation_de_commande", raw)


def ot_lugano_grazie():
    text = """Buongiorno Giulia,

tutto ricevuto stamattina, grazie mille per la velocità!
Buona giornata

Marisa
Studio Dentistico Rezzonico
"""
    raw = build(frm=address("Marisa Pellandini", "studio@rezzonico-dent.example"), to=address("Giulia Bernasconi", f"giulia.bernasconi@{DOM}"),
                subject="R: Spedizione ordine 45/2026", date=D("2026-10-16 10:05", sec=33), text=text,
                in_reply_to=f"<sped.45-2026.gb@{DOM}>")
    write(CO, "other", "lugano_grazie_ricevuto", raw)


def ot_phishing_bank():
    html = """<html><body style="font-family:Arial;font-size:13px">
<div style="background:#ffcc00;padding:10px"><b>PostFinanz</b></div>
<p>Sehr geehrter Kunde,</p>
<p>aufgrund einer ungewöhnlichen Aktivität wurde Ihr E-Finance Zugang vorübergehend <b>gesperrt</b>.
Eine QR-Rechnung über <b>CHF 2'480.00</b> konnte nicht verarbeitet werden.</p>
<p>Bitte bestätigen Sie Ihre Identität innerhalb von 24 Stunden, sonst wird Ihr Konto endgültig geschlossen:</p>
<p><a href="http://postfinanz-secure-login.example/ch/de/verify" style="background:#ffcc00;color:#000;padding:10px 18px;text-decoration:none">Jetzt entsperren</a></p>
<p>Mit freundlichen Grüssen<br>Ihr PostFinanz Sicherheitsteam</p>
</body></html>"""
    raw = build(frm=address("PostFinanz Sicherheit", "security@postfinanz-alert.example"), to=BUHA,
                subject="Ihr E-Finance Zugang wurde gesperrt", date=D("2026-11-21 02:47", sec=19), html=html)
    write(CO, "other", "phishing_fake_bank_locked", raw)


def ot_job_application_de():
    text = """Sehr geehrte Damen und Herren

Auf Ihrer Website habe ich gesehen, dass Sie für Ihr Labor in Zürich eine/n Zahntechniker/in EFZ mit
CAD/CAM-Erfahrung suchen. Ich habe meine Lehre 2022 in Luzern abgeschlossen und arbeite seither in einem
Praxislabor mit exocad und einer 5-Achs-Fräse. Besonders Freude habe ich an Implantatarbeiten und Schichtungen.

Gerne überzeuge ich Sie in einem persönlichen Gespräch. Meine Unterlagen finden Sie im Anhang.

Freundliche Grüsse
Lea Zimmermann
Bruchstrasse 19, 6003 Luzern, 079 512 88 14
"""
    cv = pdf(["Lebenslauf Lea Zimmermann", "Zahntechnikerin EFZ", "",
              "2022 - heute   Zahntechnikerin, Praxislabor Dr. Amrein, Luzern (exocad, 5-Achs-Fraese)",
              "2018 - 2022    Lehre Zahntechnikerin EFZ, Dentallabor Pilatus, Kriens",
              "Sprachen: Deutsch (Muttersprache), Franzoesisch B1, Englisch B2"], "Lebenslauf Lea Zimmermann")
    raw = build(frm=address("Lea Zimmermann", "lea.zimmermann@bluemail.example"), to=f"jobs@{DOM}",
                subject=encoded("Bewerbung als Zahntechnikerin EFZ (Zürich)", "utf-8", "Q"),
                date=D("2026-09-27 20:31", sec=12), text=text,
                attachments=[("Lebenslauf_Lea_Zimmermann.pdf", "application/pdf", cv)])
    write(CO, "other", "bewerbung_zahntechnikerin", raw)


def ot_backup_failed():
    text = """Dear user,

Backup task [LAB-Daily-exocad] on NAS-LAB01 has failed.

Task:          LAB-Daily-exocad
Destination:   ZH-NAS02 / backup/lausanne
Start time:    2026-12-08 01:00:02
End time:      2026-12-08 01:14:47
Result:        Failed (Destination storage is full: 99% used)

Please check the backup destination and run the task again.

From NAS-LAB01
"""
    raw = build(frm=address("NAS-LAB01", f"nas-lab01@{DOM}"), to=f"it@{DOM}",
                subject="[NAS-LAB01] Backup task LAB-Daily-exocad failed", date=D("2026-12-08 01:14", "+0100", 48), text=text)
    write(CO, "other", "nas_backup_failed_notification", raw)


def ot_konstanz_delivery_question():
    text = """Guten Tag,

kurze Frage zu unserer Bestellung ZPS-2026-0341: Wann ist mit der Lieferung zu rechnen, und geht das Paket
über den Zoll in Kreuzlingen? Unser Patient P-10588 hat am 12.11. den Termin zum Eingliedern.

Vielen Dank und freundliche Grüße
Katharina Roth
Zahnarztpraxis am Seerhein, Konstanz
"""
    raw = build(frm=address("Katharina Roth", "verwaltung@praxis-seerhein.example"), to=BESTELL,
                subject="Frage Liefertermin ZPS-2026-0341", date=D("2026-11-04 09:51", sec=29), text=text,
                charset="iso-8859-1")
    write(CO, "other", "konstanz_liefertermin_frage", raw)


def ot_bank_gutschrift():
    text = """Zürcher Gewerbebank - Avisierung Zahlungseingang

Konto: CH93 0076 2011 6238 5295 7 (Helvetia Dental Labor AG, Geschäftskonto)
Valuta: 02.11.2026

Gutschrift CHF 2'864.65
Auftraggeber: Cabinet dentaire des Pâquis, 1201 Genève
Mitteilung: BC 2026/77 / Facture LA-20377

Diese Meldung wurde automatisch erstellt. Bitte antworten Sie nicht auf diese E-Mail.
"""
    raw = build(frm=address("Zürcher Gewerbebank", "avis@zgb-bank.example", "iso-8859-1"), to=BUHA,
                subject="Avisierung Zahlungseingang", date=D("2026-11-02 06:30", "+0100", 0), text=text, charset="iso-8859-1")
    write(CO, "other", "bank_avis_zahlungseingang", raw)


def ot_spam_oem_implants():
    text = """Dear Purchasing Manager,

Hope this email finds you well!

We are professional manufacturer of dental implant components & zirconia blocks since 2009, CE/ISO13485.
Compatible with all major systems. Factory price, for example:

  - Ti-Base abutment (compatible): USD 6.80/pc
  - Zirconia disc 98mm multilayer: USD 19.50/pc
  - Implant fixture: USD 24/pc

MOQ only 50 pcs, free samples available. OEM logo welcome!

Reply with your WhatsApp for catalog and price list.

Best regards
Kevin Zhang
Sales Manager
Shenzhen Brightsmile Dental Tech Co., Ltd.
"""
    raw = build(frm=address("Kevin Zhang", "kevin@brightsmile-dental-tech.example"), to=f"info@{DOM}",
                subject="Re: dental implant parts cooperation - factory price", date=D("2026-10-22 04:18", "+0800", 40), text=text)
    write(CO, "other", "spam_oem_implant_parts", raw)


def others():
    ot_alpina_newsletter_html()
    ot_ids_invitation()
    ot_internal_apero_fr()
    ot_internal_where_file_de()
    ot_parcel_notification()
    ot_implantec_confirmation_fr()
    ot_lugano_grazie()
    ot_phishing_bank()
    ot_job_application_de()
    ot_backup_failed()
    ot_konstanz_delivery_question()
    ot_bank_gutschrift()
    ot_spam_oem_implants()


if __name__ == "__main__":
    quote_requests()
    purchase_orders()
    invoices()
    support_tickets()
    approvals()
    auto_replies()
    others()
