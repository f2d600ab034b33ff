#!/usr/bin/env python3
"""Hand-written starter example mails received by Wisła Meble Sp. z o.o. (Kraków). Run: python3 mails.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "Tests" / "UnderstandTests" / "Corpus"))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

C = "wisla-meble"
D = "wisla-meble.example"
MAILROOM = address("Wisła Meble", f"mailroom@{D}")
SPRZEDAZ = f"sprzedaz@{D}"
EXPORT = f"Wisla Meble Export <export@{D}>"
ZAKUPY = f"zakupy@{D}"
KSIEGOWOSC = f"ksiegowosc@{D}"
REKLAMACJE = f"reklamacje@{D}"
BIURO = f"biuro@{D}"


def w(kind, name, raw, expected=None):
    write(C, kind, name, raw, expected, starter=True)


# =========================================================================================================
# quote_request
# =========================================================================================================

w("quote_request", "q01-pl-fitout-warszawa", build(
    frm=address("Małgorzata Kaczmarek", "m.kaczmarek@aranzacje-wawa.example"),
    to=SPRZEDAZ,
    subject=encoded("Zapytanie ofertowe – wyposażenie biura, ul. Prosta 51, Warszawa", "utf-8", "Q"),
    date="Tue, 15 Sep 2026 09:12:44 +0200",
    cte="quoted-printable",
    text="""Dzień dobry,

realizujemy aranżację biura dla naszego klienta (ok. 70 stanowisk, IV piętro biurowca przy ul. Prostej
w Warszawie) i chcielibyśmy poprosić o ofertę cenową na poniższe pozycje:

1. Fotel obrotowy VISTULA, tapicerka czarna, podłokietniki 3D – 70 szt.
2. Biurko elektryczne TATRA LIFT 160x80, blat biały, stelaż czarny – 40 szt.
3. Biurko TATRA LIFT 140x70 – 30 szt.
4. Kontener mobilny 3-szufladowy z zamkiem – 70 szt.
5. Stół konferencyjny KRAKÓW 240x120 – 2 szt.

Prosimy o podanie cen netto, terminu realizacji, warunków gwarancji oraz kosztu dostawy z wniesieniem
i montażem. Planowany odbiór biura to połowa listopada, więc termin dostawy jest dla nas kluczowy.

Jeśli to możliwe, prosimy również o próbnik tkanin w kolorach grafitowym i zielonym.

Z poważaniem

Małgorzata Kaczmarek
Project Manager
Aranżacje Wawa Sp. z o.o.
ul. Grzybowska 80/82, 00-844 Warszawa
tel. +48 22 417 03 12 | kom. 601 228 904
m.kaczmarek@aranzacje-wawa.example
"""), {"customer_company": "Aranżacje Wawa Sp. z o.o.", "contact_email": "m.kaczmarek@aranzacje-wawa.example"})

w("quote_request", "q02-de-anfrage-drehstuehle", build(
    frm=address("Jürgen Böhmer", "boehmer@sachsen-buero.example", "iso-8859-1"),
    to=EXPORT,
    subject="Anfrage",
    date="Thu, 17 Sep 2026 14:38:02 +0200",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Sehr geehrte Frau Mazur,

wir haben Ihre Drehstühle auf der Orgatec gesehen und möchten Sie als Lieferant für unser
Projektgeschäft in Sachsen anfragen.

Bitte senden Sie uns ein Angebot über:

  Pos. 1   120 Stück  Bürodrehstuhl ERGO-PRO 300, Synchronmechanik, Netzrücken schwarz
  Pos. 2    40 Stück  Konferenzstuhl NIDA, Stoff grau, stapelbar
  Pos. 3     8 Stück  Rollcontainer, Dekor Buche

Lieferung frei Haus an unser Lager in 04347 Leipzig, Lieferzeitraum KW 46/47.
Bitte geben Sie auch Staffelpreise ab 250 Stück (Pos. 1) sowie Ihre Zahlungsbedingungen an.
Gibt es für den ERGO-PRO 300 ein GS-Zeichen bzw. eine Prüfung nach DIN EN 1335?

Mit freundlichen Grüßen

Jürgen Böhmer
Einkauf
Sachsen Büro-Objekt GmbH
Torgauer Straße 231, 04347 Leipzig
Tel. +49 341 2459 880

Sachsen Büro-Objekt GmbH, Sitz Leipzig, Amtsgericht Leipzig HRB 30412, Geschäftsführer: Uwe Kranz
"""), {"customer_company": "Sachsen Büro-Objekt GmbH", "contact_email": "boehmer@sachsen-buero.example"})

w("quote_request", "q03-en-uk-terse", build(
    frm="Dan Whitfield <dan@northwestfitout.example>",
    to=EXPORT,
    subject="tatra lift desks",
    date="Mon, 21 Sep 2026 08:05:17 +0100",
    text="""Joanna,

pls quote 60x Tatra Lift 160x80 white/white delivered Manchester M4 w/c 16 Nov. Also price for 60 cable trays if you do them.

Cheers
Dan

Dan Whitfield | NorthWest Fit-Out Ltd | 07700 918 442
"""), {"customer_company": "NorthWest Fit-Out Ltd", "contact_email": "dan@northwestfitout.example"})

w("quote_request", "q04-sv-en-shelving-container", build(
    frm=address("Linnéa Forsberg", "linnea.forsberg@kontorshuset-gbg.example", "iso-8859-1"),
    to=EXPORT,
    subject=encoded("Price request BALTIC shelving - full container Göteborg", "iso-8859-1", "Q"),
    date="Wed, 23 Sep 2026 10:41:09 +0200",
    charset="iso-8859-1",
    text="""Hej Joanna,

Thank you for the nice meeting in Malmö last week. As promised I come back with our need.

We want to take the BALTIC shelving in to our assortment from spring 2027. Could you make us a price
for one full truck (or 40' container if this is better for you) delivered to our warehouse in Göteborg,
Ringögatan 12. Mix would be approx:

 - BALTIC 200x90, oak decor ....... 180 pcs
 - BALTIC 200x90, white ........... 120 pcs
 - BALTIC 100x90, oak decor ....... 90 pcs

Please give price in SEK if possible, otherwise EUR is ok. We also need to know the packing size
per carton and how many fits on one pallet, for our warehouse planning.

Tack på förhand and have a nice day!

Med vänliga hälsningar / Best regards
Linnéa Forsberg
Inköpare / Buyer
Kontorshuset Göteborg AB
+46 31 704 58 20
"""), {"customer_company": "Kontorshuset Göteborg AB", "contact_email": "linnea.forsberg@kontorshuset-gbg.example"})

w("quote_request", "q05-cz-en-conference-tables", build(
    frm=address("Ondřej Novotný", "novotny@brnoprojekt.example", "windows-1250"),
    to=EXPORT,
    subject="offer request - conference tables",
    date="Fri, 25 Sep 2026 13:22:50 +0200",
    charset="windows-1250", cte="quoted-printable",
    text="""Dear Sirs,

our company is make the reconstruction of offices for the city hall in Brno (Magistrát města Brna)
and we look for supplier of conference tables. Please can you send us your offer for:

- conference table KRAKÓW 240x120 cm, walnut decor ........ 4 pcs
- conference table KRAKÓW 320x140 cm, walnut decor ........ 2 pcs
- chairs NIDA with armrests, fabric dark blue ............... 60 pcs

Price please in EUR, with delivery to Brno, Husova 12. We need also the technical lists (datasheets)
for the tender documentation, in English is ok.

Thank you and best regards / S pozdravem

Ing. Ondřej Novotný
BrnoProjekt s.r.o.
Cejl 41, 602 00 Brno
tel. +420 545 219 330
"""), {"customer_company": "BrnoProjekt s.r.o.", "contact_email": "novotny@brnoprojekt.example"})

_spec = pdf([
    "ZAPYTANIE OFERTOWE nr ZO/14/2026",
    "Zamawiajacy: Panstwowa Akademia Nauk Stosowanych w Nowym Targu",
    "ul. Kokoszkow 71, 34-400 Nowy Targ, NIP 735-287-11-90",
    "",
    "Przedmiot zamowienia: dostawa mebli biurowych do budynku dydaktycznego C",
    "",
    "Lp.  Nazwa                                   Ilosc   Wymagania",
    "1    Krzeslo obrotowe, mechanizm synchron.   45 szt  EN 1335, regulacja ledzwiowa",
    "2    Biurko 140x70, plyta 25 mm              30 szt  kolor buk, przepust kablowy",
    "3    Regal otwarty 200x90                    18 szt  5 polek, obciazenie 40 kg/polke",
    "4    Szafa aktowa zamykana 200x90            12 szt  zamek centralny",
    "",
    "Termin realizacji: do 11.12.2026",
    "Kryteria: cena 60%, termin dostawy 20%, okres gwarancji 20%",
    "Termin skladania ofert: 09.10.2026, godz. 12:00",
    "Osoba do kontaktu: Barbara Gil, zamowienia@pans-nowytarg.example",
], "ZO/14/2026")

w("quote_request", "q06-pl-zapytanie-pdf-uczelnia", build(
    frm=address("Barbara Gil – Dział Zamówień Publicznych", "zamowienia@pans-nowytarg.example"),
    to=BIURO,
    subject=encoded("Zapytanie ofertowe ZO/14/2026 – dostawa mebli biurowych", "utf-8", "B"),
    date="Tue, 29 Sep 2026 11:03:27 +0200",
    text="""Szanowni Państwo,

Państwowa Akademia Nauk Stosowanych w Nowym Targu zaprasza do złożenia oferty w postępowaniu
prowadzonym w trybie zapytania ofertowego (wartość poniżej 130 000 zł netto) na dostawę mebli
biurowych do budynku dydaktycznego C.

Szczegółowy opis przedmiotu zamówienia znajduje się w załączniku. Oferty prosimy przesyłać na adres
zamowienia@pans-nowytarg.example do dnia 09.10.2026 r., godz. 12:00.

Z poważaniem
Barbara Gil
Dział Zamówień Publicznych
Państwowa Akademia Nauk Stosowanych w Nowym Targu
tel. 18 261 07 44

Niniejsza wiadomość jest przeznaczona wyłącznie dla adresata. Jeżeli otrzymali Państwo tę wiadomość
omyłkowo, prosimy o poinformowanie nadawcy i usunięcie wiadomości.
""", attachments=[("ZO_14_2026_opis_przedmiotu_zamowienia.pdf", "application/pdf", _spec)]),
    {"customer_company": "Państwowa Akademia Nauk Stosowanych w Nowym Targu",
     "contact_email": "zamowienia@pans-nowytarg.example"})

w("quote_request", "q07-de-fwd-messekontakt", build(
    frm=address("Joanna Mazur", f"j.mazur@{D}"),
    to=SPRZEDAZ,
    subject="Fwd: Anfrage Stehtische / Schreibtische elektrisch",
    date="Mon, 05 Oct 2026 16:47:30 +0200",
    text="""Kasiu, to z targów w Kolonii – proszę przygotuj ofertę w EUR, ja jestem do piątku w Berlinie.
Dzięki! J.

---------- Forwarded message ---------
Von: Sabine Roth <s.roth@roth-objekteinrichtung.example>
Date: Mo., 5. Okt. 2026 um 15:12 Uhr
Subject: Anfrage Stehtische / Schreibtische elektrisch
To: Joanna Mazur <j.mazur@wisla-meble.example>


Liebe Frau Mazur,

vielen Dank für das nette Gespräch an Ihrem Stand. Wie besprochen bitte ich um ein Angebot für
elektrisch höhenverstellbare Schreibtische TATRA LIFT:

- 25 Stück 160 x 80 cm, Platte Eiche hell, Gestell silber
- 25 Stück 180 x 80 cm, Platte Eiche hell, Gestell silber
- optional: Kabelwanne und Memory-Bedienteil

Lieferadresse: Roth Objekteinrichtung GmbH, Am Wassermann 18, 50829 Köln.
Gewünschter Liefertermin Anfang Dezember. Bitte nennen Sie uns auch die Lieferzeit für
Nachbestellungen.

Herzliche Grüße
Sabine Roth
Roth Objekteinrichtung GmbH
Tel. 0221 94 55 07-0
"""), {"customer_company": "Roth Objekteinrichtung GmbH", "contact_email": "s.roth@roth-objekteinrichtung.example"})

w("quote_request", "q08-en-requote-thread", build(
    frm="Henrik Aas <henrik.aas@fjordkontor.example>",
    to=EXPORT,
    subject="RE: Offer OF/2026/0412 - Fjord Kontor Bergen",
    date="Thu, 08 Oct 2026 09:30:12 +0200",
    in_reply_to="<of20260412.jm@wisla-meble.example>",
    text="""Hi Joanna,

Thanks for the offer. Good news - the client has added the 5th floor to the project, so the quantities
change. Could you please revise the offer with these numbers and tell us if the unit price gets better:

VISTULA chair black          110 pcs  (was 64)
TATRA LIFT 180x80            96 pcs   (was 52)
Mobile pedestal 3 drawers    96 pcs   (new)

Delivery still to Bergen, Norway, DAP. And can you keep the delivery in week 49?

Best regards
Henrik Aas
Innkjøp | Fjord Kontor AS | Bergen
+47 55 31 20 88

-----Original Message-----
From: Joanna Mazur <j.mazur@wisla-meble.example>
Sent: Friday, October 2, 2026 2:14 PM
To: Henrik Aas <henrik.aas@fjordkontor.example>
Subject: Offer OF/2026/0412 - Fjord Kontor Bergen

Dear Henrik,

please find attached our offer OF/2026/0412 for 64 VISTULA chairs and 52 TATRA LIFT 180x80 desks,
total EUR 28,364.00 DAP Bergen, delivery week 49. Validity 30 days.

Kind regards
Joanna Mazur
Export Sales Manager
Wisła Meble Sp. z o.o.
"""), {"customer_company": "Fjord Kontor AS", "contact_email": "henrik.aas@fjordkontor.example"})

w("quote_request", "q09-pl-formularz-html", build(
    frm=f"Formularz kontaktowy <no-reply@{D}>",
    to=SPRZEDAZ,
    subject=encoded("[wisla-meble.example] Nowe zapytanie z formularza: Wycena", "utf-8", "Q"),
    date="Sat, 10 Oct 2026 21:14:55 +0200",
    headers=[("Reply-To", "tomasz.pietrzak@kancelaria-pietrzak.example")],
    html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<h3>Nowa wiadomość z formularza kontaktowego</h3>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse">
<tr><td><b>Imię i nazwisko</b></td><td>Tomasz Pietrzak</td></tr>
<tr><td><b>Firma</b></td><td>Kancelaria Radcy Prawnego Tomasz Pietrzak</td></tr>
<tr><td><b>E-mail</b></td><td>tomasz.pietrzak@kancelaria-pietrzak.example</td></tr>
<tr><td><b>Telefon</b></td><td>+48 604 551 209</td></tr>
<tr><td><b>Temat</b></td><td>Wycena</td></tr>
<tr><td><b>Wiadomość</b></td><td>Dzień dobry, urządzamy nową siedzibę kancelarii w Katowicach (6 gabinetów +
sala konferencyjna). Proszę o wycenę: 6 biurek z kontenerem, 6 foteli obrotowych (skóra lub eko-skóra),
stół konferencyjny na 10 osób i 10 krzeseł. Czy jest możliwość obejrzenia mebli w showroomie w Krakowie?</td></tr>
<tr><td><b>Zgoda RODO</b></td><td>tak</td></tr>
</table>
<p style="color:#888">Wiadomość wysłana ze strony www.wisla-meble.example/kontakt, IP 83.24.117.9</p>
</body></html>"""),
    {"customer_company": "Kancelaria Radcy Prawnego Tomasz Pietrzak",
     "contact_email": "tomasz.pietrzak@kancelaria-pietrzak.example"})


# =========================================================================================================
# purchase_order
# =========================================================================================================

w("purchase_order", "p01-pl-biuromax-tabela", build(
    frm=address("Renata Sowa", "r.sowa@biuromax.example"),
    to=SPRZEDAZ,
    subject=encoded("Zamówienie ZAM/2026/10/0231", "iso-8859-2", "Q"),
    date="Wed, 07 Oct 2026 08:26:41 +0200",
    charset="iso-8859-2", cte="quoted-printable",
    text="""Dzień dobry Pani Katarzyno,

zamawiamy zgodnie z cennikiem dealerskim 2026/II (rabat 32% uwzględniony):

Lp. | Indeks        | Nazwa                                | Ilość | Cena netto | Wartość netto
----+---------------+--------------------------------------+-------+------------+--------------
 1  | VIS-BLK-3D    | Fotel obrotowy VISTULA czarny        |  48   |   489,00   |   23 472,00
 2  | TL-160-WW     | Biurko TATRA LIFT 160x80 biały/biały |  12   | 1 890,00   |   22 680,00
 3  | BAL-200-90-BK | Regał BALTIC 200x90 buk              |  20   |   412,00   |    8 240,00
----+---------------+--------------------------------------+-------+------------+--------------
                                                       Razem netto:   54 392,00 zł + VAT 23%

Dostawa: magazyn centralny Biuromax, ul. Szczecińska 18, 91-222 Łódź, rampa czynna 7:00-15:00.
Termin płatności wg umowy - 45 dni. Prosimy o potwierdzenie zamówienia i termin dostawy.

Pozdrawiam
Renata Sowa
Dział Zakupów
Biuromax Sp. z o.o.
NIP 727-102-58-33
tel. 42 630 11 77
"""), {"order_number": "ZAM/2026/10/0231", "total": "54392.00", "currency": "PLN", "buyer": "Biuromax Sp. z o.o."})

_p02 = pdf([
    "BESTELLUNG Nr. 4500017723",
    "Moebel Kraemer GmbH & Co. KG  -  Bautzner Landstrasse 140  -  01324 Dresden",
    "Lieferant: Wisla Meble Sp. z o.o., ul. Pollanki 64, 30-740 Krakow, Polen",
    "Bestelldatum: 09.10.2026        Liefertermin: KW 45/2026        Lieferbedingung: DAP Dresden",
    "Ihre Lieferantennr.: 70 4418    Ansprechpartner: Herr Lutz Haenel",
    "",
    "Pos  Artikel                            Menge   Einzelpreis EUR    Gesamt EUR",
    "10   Drehstuhl NIDA, Stoff grau          60     142,50             8.550,00",
    "20   Schreibtisch OPAL 140x70, Ahorn     25     219,00             5.475,00",
    "30   Frachtkostenpauschale                1     380,00               380,00",
    "",
    "                                         Gesamtbetrag netto:      14.405,00 EUR",
    "Innergemeinschaftliche Lieferung, USt-IdNr. Kaeufer DE 213 554 802",
    "Zahlung: 30 Tage netto. Bitte Bestellnummer auf allen Dokumenten angeben.",
], "Bestellung 4500017723")

w("purchase_order", "p02-de-bestellung-pdf", build(
    frm=address("Lutz Hänel", "einkauf@moebel-kraemer.example", "iso-8859-1"),
    to=EXPORT,
    subject="Bestellung 4500017723",
    date="Fri, 09 Oct 2026 11:52:03 +0200",
    charset="iso-8859-1",
    text="""Guten Tag,

anbei unsere Bestellung 4500017723. Bitte senden Sie uns innerhalb von 48 Stunden eine
Auftragsbestätigung mit verbindlichem Liefertermin.

Mit freundlichen Grüßen
i. A. Lutz Hänel
Einkauf Büromöbel
Möbel Krämer GmbH & Co. KG
""", attachments=[("Bestellung_4500017723.pdf", "application/pdf", _p02)]),
    {"order_number": "4500017723", "total": "14405.00", "currency": "EUR", "buyer": "Möbel Krämer GmbH & Co. KG"})

_p03 = """PO Number,Line,Supplier Code,Description,Qty,Unit Price GBP,Line Total GBP
TOI-PO-10472,1,TL-160-WW,TATRA LIFT desk 160x80 white/white,30,365.00,10950.00
TOI-PO-10472,2,VIS-BLK-3D,VISTULA task chair black 3D arms,60,118.50,7110.00
TOI-PO-10472,,,,,Order total,18060.00
""".encode()

w("purchase_order", "p03-en-uk-csv", build(
    frm="Purchasing - Thamesmead Office Interiors <purchasing@thamesmead-oi.example>",
    to=EXPORT,
    subject="Purchase Order TOI-PO-10472",
    date="Tue, 13 Oct 2026 15:04:38 +0100",
    text="""Hello,

Please find attached Purchase Order TOI-PO-10472 (CSV, as agreed for our system) for delivery to:

Thamesmead Office Interiors Ltd
Unit 7, Crossway Business Park
London SE28 0BH

Required on site: Monday 16 November 2026, tail-lift vehicle please, booking ref to be given 48h ahead.
Order value GBP 18,060.00, DAP, payment 60 days from invoice as per our framework.

Please confirm receipt and delivery date.

Regards,
Priya Chauhan
Purchasing Coordinator
Thamesmead Office Interiors Ltd | Registered in England No. 07741902

This email and any attachments are confidential and intended solely for the addressee. If you have
received it in error please notify the sender and delete it. Thamesmead Office Interiors Ltd accepts no
liability for viruses transmitted.
""", attachments=[("TOI-PO-10472.csv", "text/csv", _p03)]),
    {"order_number": "TOI-PO-10472", "total": "18060.00", "currency": "GBP", "buyer": "Thamesmead Office Interiors Ltd"})

w("purchase_order", "p04-sv-html-order", build(
    frm=address("Björn Lindqvist", "bjorn.lindqvist@kontorsmastarna.example", "iso-8859-1"),
    to=EXPORT,
    subject=encoded("Order 77-20931 / Kontorsmästarna", "iso-8859-1", "Q"),
    date="Thu, 15 Oct 2026 10:18:26 +0200",
    charset="iso-8859-1", cte="quoted-printable",
    html="""<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>
<body style="font-family:Calibri,sans-serif;font-size:11pt">
<p>Hi Joanna,</p>
<p>Here comes our order as per your offer OF/2026/0398. Please confirm!</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#dce6f1"><th>Art.nr</th><th>Benämning / Description</th><th>Antal</th><th>Á-pris SEK</th><th>Summa SEK</th></tr>
<tr><td>BAL-200-90-OK</td><td>BALTIC shelving 200x90 oak</td><td align="right">40</td><td align="right">1 950,00</td><td align="right">78 000,00</td></tr>
<tr><td>VIS-BLK-3D</td><td>VISTULA chair black</td><td align="right">25</td><td align="right">2 890,00</td><td align="right">72 250,00</td></tr>
<tr><td colspan="4" align="right"><b>Totalt exkl. moms</b></td><td align="right"><b>150 250,00</b></td></tr>
</table>
<p>Ordernummer: <b>77-20931</b><br>
Leveransadress: Kontorsmästarna AB, Lagervägen 4, 136 50 Jordbro, Sweden<br>
Önskad leverans: v. 47</p>
<p>Med vänlig hälsning<br>Björn Lindqvist<br>Inköpschef, Kontorsmästarna AB<br>08-500 212 40</p>
</body></html>"""),
    {"order_number": "77-20931", "total": "150250.00", "currency": "SEK", "buyer": "Kontorsmästarna AB"})

w("purchase_order", "p05-cz-en-objednavka", build(
    frm=address("Petra Svobodová", "svobodova@kancelarplus.example", "windows-1250"),
    to=EXPORT,
    subject=encoded("Objednávka OBJ-2026-0588 / order", "windows-1250", "Q"),
    date="Mon, 19 Oct 2026 07:55:19 +0200",
    charset="windows-1250", cte="quoted-printable",
    text="""Dobrý den / Hello,

we order by your offer from 12.10.2026:

objednávka č. / order no.: OBJ-2026-0588

1) conference table KRAKÓW 240x120, walnut ..... 6 ks x 612,00 EUR = 3 672,00 EUR
2) chair NIDA with armrests, dark blue ......... 36 ks x 139,00 EUR = 5 004,00 EUR

Celkem / total: 8 676,00 EUR (reverse charge, our DIČ CZ27401221)

Delivery adress: Kancelář Plus s.r.o., Vinohradská 1511/230, 100 00 Praha 10.
Please send the order confirmation and the date of delivery. Payment 30 days after invoice.

S pozdravem / Best regards
Petra Svobodová
nákup / purchasing
Kancelář Plus s.r.o.
"""), {"order_number": "OBJ-2026-0588", "total": "8676.00", "currency": "EUR", "buyer": "Kancelář Plus s.r.o."})

w("purchase_order", "p06-pl-krotko-wg-oferty", build(
    frm=address("Michał Wróbel", "michal.wrobel@softwise.example"),
    to=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject="Re: Oferta OF/2026/0388",
    date="Tue, 20 Oct 2026 17:41:02 +0200",
    in_reply_to="<of20260388.kn@wisla-meble.example>",
    text="""Pani Katarzyno,

akceptujemy. Proszę o realizację wg oferty OF/2026/0388, nasze zamówienie nr 4471/IT/2026,
kwota 18 450,00 zł netto. Dostawa na Zabłocie 43 (biuro na 3 piętrze, jest winda), najlepiej w piątek po 16.
Fakturę proszę na Softwise Polska Sp. z o.o., NIP 676-255-90-14.

Pozdrawiam
Michał Wróbel
Office Manager | Softwise Polska

Wysłane z iPhone'a

> Wiadomość napisana przez Katarzyna Nowak <k.nowak@wisla-meble.example> w dniu 19.10.2026, o godz. 12:08:
>
> Dzień dobry Panie Michale,
> w załączeniu oferta OF/2026/0388 na 15 biurek TATRA LIFT 140x70 i 15 foteli VISTULA,
> wartość 18 450,00 zł netto, termin realizacji 3 tygodnie.
> Pozdrawiam, Katarzyna Nowak
"""), {"order_number": "4471/IT/2026", "total": "18450.00", "currency": "PLN", "buyer": "Softwise Polska Sp. z o.o."})

w("purchase_order", "p07-de-aw-angebot-bestellung", build(
    frm=address("Frank Gerlach", "f.gerlach@hansen-bueroeinrichtung.example", "iso-8859-1"),
    to=EXPORT,
    subject="AW: Angebot AN/2026/0377 ERGO-PRO 300",
    date="Wed, 21 Oct 2026 13:09:44 +0200",
    charset="iso-8859-1", cte="quoted-printable",
    in_reply_to="<an20260377.jm@wisla-meble.example>",
    text="""Hallo Frau Mazur,

vielen Dank für das Angebot. Hiermit bestellen wir verbindlich:

80 x Bürodrehstuhl ERGO-PRO 300 schwarz  à 298,00 EUR  = 23.840,00 EUR
20 x Rollcontainer 3 Schübe, weiß         à 370,00 EUR  =  7.400,00 EUR
                                         Summe netto   = 31.240,00 EUR

Unsere Bestellnummer: BE-26-1193 (bitte auf Lieferschein und Rechnung angeben).
Lieferung wie angeboten KW 47 frei Haus Leipzig, Anlieferung bitte mit Avis 24 h vorher.

Viele Grüße
Frank Gerlach
Hansen Büroeinrichtungen GmbH
Zschortauer Str. 8, 04129 Leipzig

-----Ursprüngliche Nachricht-----
Von: Joanna Mazur <j.mazur@wisla-meble.example>
Gesendet: Montag, 19. Oktober 2026 10:31
An: Frank Gerlach <f.gerlach@hansen-bueroeinrichtung.example>
Betreff: Angebot AN/2026/0377 ERGO-PRO 300

Sehr geehrter Herr Gerlach,

anbei unser Angebot AN/2026/0377 über 80 Drehstühle ERGO-PRO 300 und 20 Rollcontainer.
Lieferzeit 4 Wochen, Preise netto, DAP Leipzig. Das Angebot gilt bis 18.11.2026.

Mit freundlichen Grüßen
Joanna Mazur
"""), {"order_number": "BE-26-1193", "total": "31240.00", "currency": "EUR", "buyer": "Hansen Büroeinrichtungen GmbH"})

_p08 = pdf([
    "PURCHASE ORDER 4510098812",
    "Fjord Kontor AS, Strandkaien 22, 5013 Bergen, Norway  -  Org.nr 918 447 205 MVA",
    "Supplier: Wisla Meble Sp. z o.o., Krakow, Poland     Supplier no. 200871",
    "PO date: 2026-10-26    Delivery: DAP Bergen, week 49    Currency: EUR",
    "",
    "Line  Item                                   Qty    Unit price     Amount",
    "1     TATRA LIFT desk 180x80 white           16     412.00         6,592.00",
    "2     VISTULA chair black                    16     129.00         2,064.00",
    "3     Freight DAP Bergen                      1     540.00           540.00",
    "",
    "                                            PO total EUR          9,196.00",
    "Invoices to: invoice@fjordkontor.example quoting PO number. Payment 30 days.",
], "PO 4510098812")

w("purchase_order", "p08-no-portal-html-pdf", build(
    frm="Fjord Kontor AS via ProcureNet <no-reply@procurenet.example>",
    to=EXPORT,
    subject="New Purchase Order 4510098812 from Fjord Kontor AS",
    date="Mon, 26 Oct 2026 07:02:11 +0100",
    html="""<html><body style="font-family:Segoe UI,Arial;font-size:14px;color:#222">
<div style="background:#0b3d5c;color:#fff;padding:12px 18px;font-size:18px">ProcureNet</div>
<div style="padding:18px">
<p>Dear supplier,</p>
<p><b>Fjord Kontor AS</b> has sent you a new purchase order.</p>
<table cellpadding="6" style="border:1px solid #ccc;border-collapse:collapse">
<tr><td style="color:#666">PO number</td><td><b>4510098812</b></td></tr>
<tr><td style="color:#666">Order date</td><td>26 Oct 2026</td></tr>
<tr><td style="color:#666">Total</td><td>EUR 9,196.00</td></tr>
<tr><td style="color:#666">Requested delivery</td><td>Week 49, DAP Bergen</td></tr>
<tr><td style="color:#666">Buyer</td><td>Henrik Aas (henrik.aas@fjordkontor.example)</td></tr>
</table>
<p>The PO document is attached. Please <a href="https://procurenet.example/s/po/4510098812">acknowledge the order</a> within 2 business days.</p>
<p style="font-size:11px;color:#888">This is an automated message from ProcureNet on behalf of Fjord Kontor AS. Do not reply to this address.</p>
</div></body></html>""", attachments=[("PO_4510098812.pdf", "application/pdf", _p08)]),
    {"order_number": "4510098812", "total": "9196.00", "currency": "EUR", "buyer": "Fjord Kontor AS"})

_p09 = pdf([
    "ZAMOWIENIE nr DZP/ZAM/112/2026",
    "Panstwowa Akademia Nauk Stosowanych w Nowym Targu, ul. Kokoszkow 71, 34-400 Nowy Targ",
    "NIP 735-287-11-90          Data: 03.11.2026",
    "Wykonawca: Wisla Meble Sp. z o.o., ul. Pollanki 64, 30-740 Krakow",
    "Podstawa: oferta z dnia 08.10.2026 w postepowaniu ZO/14/2026",
    "",
    "Lp.  Przedmiot                              Ilosc   Cena jedn. netto   Wartosc netto",
    "1    Biurko 140x70, buk                     30      890,00             26 700,00",
    "2    Krzeslo obrotowe ERGO-PRO 300          45      310,00             13 950,00",
    "",
    "                                  Razem netto:       40 650,00 zl",
    "                                  VAT 23%:            9 349,50 zl",
    "                                  Razem brutto:      49 999,50 zl",
    "Termin dostawy: do 11.12.2026. Platnosc: przelew 30 dni od dostarczenia faktury.",
    "Faktura: Nabywca PANS w Nowym Targu, Odbiorca: Budynek C, ul. Kokoszkow 71.",
], "DZP/ZAM/112/2026")

w("purchase_order", "p09-pl-zamowienie-publiczne-pdf", build(
    frm=address("Barbara Gil – Dział Zamówień Publicznych", "zamowienia@pans-nowytarg.example"),
    to=BIURO,
    cc=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject=encoded("Zamówienie DZP/ZAM/112/2026 – meble biurowe, budynek C", "utf-8", "B"),
    date="Tue, 03 Nov 2026 12:47:36 +0100",
    text="""Szanowni Państwo,

w związku z wyborem Państwa oferty w postępowaniu ZO/14/2026 przesyłamy w załączeniu zamówienie
nr DZP/ZAM/112/2026 na kwotę 49 999,50 zł brutto.

Prosimy o potwierdzenie przyjęcia zamówienia do realizacji oraz uzgodnienie terminu dostawy
z Panem Stanisławem Hajdukiem (kierownik administracyjny, tel. 18 261 07 20).

Z poważaniem
Barbara Gil
Dział Zamówień Publicznych
Państwowa Akademia Nauk Stosowanych w Nowym Targu
""", attachments=[("DZP_ZAM_112_2026.pdf", "application/pdf", _p09)]),
    {"order_number": "DZP/ZAM/112/2026", "total": "49999.50", "currency": "PLN",
     "buyer": "Państwowa Akademia Nauk Stosowanych w Nowym Targu"})


# =========================================================================================================
# invoice (suppliers invoice us)
# =========================================================================================================

w("invoice", "i01-pl-tartak-faktura-w-tresci", build(
    frm=address("Tartak Beskid-Drewno – Fakturowanie", "faktury@beskid-drewno.example"),
    to=ZAKUPY,
    cc=KSIEGOWOSC,
    subject=encoded("Faktura VAT FV/2026/10/0457", "windows-1250", "Q"),
    date="Fri, 02 Oct 2026 14:20:05 +0200",
    charset="windows-1250", cte="quoted-printable",
    text="""Dzień dobry,

poniżej przesyłamy fakturę za dostawę z dnia 01.10.2026 (WZ 2026/10/0061).

FAKTURA VAT nr FV/2026/10/0457
Data wystawienia: 02.10.2026          Data sprzedaży: 01.10.2026

Sprzedawca:                                   Nabywca:
Tartak Beskid-Drewno Sp. z o.o.               Wisła Meble Sp. z o.o.
Łękawica 214, 34-321 Łękawica                 ul. Półłanki 64, 30-740 Kraków
NIP 553-241-70-88                             NIP 679-318-44-27

Lp. Nazwa                                    J.m.  Ilość   Cena netto   Wartość netto  VAT
 1  Sklejka bukowa 18 mm 2500x1250           szt   120       189,50        22 740,00  23%
 2  Deska bukowa suszona KD 32 mm, kl. I     m3    4,5     3 150,00        14 175,00  23%
 3  Transport Łękawica – Kraków              usł.  1         650,00           650,00  23%

                                 Razem netto:   37 565,00 zł
                                 VAT 23%:        8 639,95 zł
                                 Razem brutto:  46 204,95 zł
Słownie: czterdzieści sześć tysięcy dwieście cztery złote 95/100

Termin płatności: 30 dni (01.11.2026), przelew
Nr rachunku: PL50 1090 2590 0000 0001 4752 1838 (Santander Bank Polska)
Mechanizm podzielonej płatności

Z poważaniem
Dział Księgowości
Tartak Beskid-Drewno Sp. z o.o.
"""), {"invoice_number": "FV/2026/10/0457", "issue_date": "2026-10-02", "seller": "Tartak Beskid-Drewno Sp. z o.o.",
       "currency": "PLN", "net_total": "37565.00", "tax_total": "8639.95", "gross_total": "46204.95",
       "iban": "PL50109025900000000147521838"})

_i02 = pdf([
    "RECHNUNG Nr. RE-2026-08814",
    "Stahlrohrwerk Gera GmbH - Zeitzer Strasse 44 - 07549 Gera - USt-IdNr. DE 814 227 091",
    "Rechnungsempfaenger: Wisla Meble Sp. z o.o., ul. Pollanki 64, 30-740 Krakow, Polen, NIP PL6793184427",
    "Rechnungsdatum: 08.10.2026     Lieferdatum: 06.10.2026     Ihre Bestellung: ZK/2026/0315",
    "",
    "Pos  Bezeichnung                                   Menge      Preis EUR   Betrag EUR",
    "1    Praezisionsstahlrohr rund 25 x 1,5 mm, 6 m    800 Stk    7,85        6.280,00",
    "2    Fusskreuz-Rohling Stahl, verchromt           300 Stk    14,20       4.260,00",
    "3    Verpackung / Paletten                          1         85,00          85,00",
    "",
    "                                       Nettobetrag:         10.625,00 EUR",
    "                                       USt 0 %:                  0,00 EUR",
    "                                       Rechnungsbetrag:     10.625,00 EUR",
    "Steuerfreie innergemeinschaftliche Lieferung gem. par. 4 Nr. 1b UStG, Steuerschuldnerschaft des",
    "Leistungsempfaengers. Zahlbar innerhalb 30 Tagen ohne Abzug.",
    "Bankverbindung: Sparkasse Gera-Greiz, IBAN DE44 8305 0000 0000 4177 53, BIC HELADEF1GRZ",
], "Rechnung RE-2026-08814")

w("invoice", "i02-de-rechnung-pdf", build(
    frm="Stahlrohrwerk Gera Buchhaltung <rechnung@stahlrohr-gera.example>",
    to=ZAKUPY,
    subject="Rechnung RE-2026-08814 zu Ihrer Bestellung ZK/2026/0315",
    date="Thu, 08 Oct 2026 16:02:48 +0200",
    text="""Sehr geehrte Damen und Herren,

im Anhang erhalten Sie unsere Rechnung RE-2026-08814 als PDF.

Mit freundlichen Grüßen
Ihre Buchhaltung
Stahlrohrwerk Gera GmbH

--
Diese E-Mail wurde automatisch erstellt. Bei Rückfragen wenden Sie sich bitte an buchhaltung@stahlrohr-gera.example
""", attachments=[("RE-2026-08814.pdf", "application/pdf", _i02)]),
    {"invoice_number": "RE-2026-08814", "issue_date": "2026-10-08", "seller": "Stahlrohrwerk Gera GmbH",
     "currency": "EUR", "net_total": "10625.00", "tax_total": "0.00", "gross_total": "10625.00",
     "iban": "DE44830500000000417753"})

w("invoice", "i03-en-uk-fabric-sortcode", build(
    frm="Calder Valley Textiles Accounts <accounts@caldervalley-textiles.example>",
    to=ZAKUPY,
    subject="Invoice CVT-31192 - Wisla Meble",
    date="Tue, 13 Oct 2026 11:37:20 +0100",
    text="""Dear Piotr,

Please see below our invoice for the fabric despatched on 9 October (our delivery note DN-77015).
A PDF copy will follow by post.

INVOICE CVT-31192                                   Invoice date: 12 October 2026
Calder Valley Textiles Ltd, Britannia Mills, Huddersfield HD3 4LT, United Kingdom
VAT Reg. GB 271 4490 18
Customer: Wisla Meble Sp. z o.o., Krakow, Poland    Customer ref: ZK/2026/0322

Qty      Description                                  Unit price     Amount
420 m    Upholstery fabric MOORLAND, charcoal         £11.40         £4,788.00
180 m    Upholstery fabric MOORLAND, teal             £11.40         £2,052.00
1        Carriage to Krakow (pallet)                  £145.00          £145.00
                                                      Subtotal       £6,985.00
                                                      VAT 0% (export)    £0.00
                                                      TOTAL DUE      £6,985.00

Payment terms: 30 days from invoice date.
Bank: Lloyds Bank plc, Huddersfield
Account name: Calder Valley Textiles Ltd
Sort code: 30-94-57   Account number: 31876524
(for international payments: BIC LOYDGB21F09)

Many thanks for your business.

Kind regards,
Helen Ashworth
Accounts
Calder Valley Textiles Ltd
"""), {"invoice_number": "CVT-31192", "issue_date": "2026-10-12", "seller": "Calder Valley Textiles Ltd",
       "currency": "GBP", "net_total": "6985.00", "tax_total": "0.00", "gross_total": "6985.00",
       "sort_code": "30-94-57", "account_number": "31876524"})

_i04 = pdf([
    "FAKTURA VAT  FS 1093/10/2026",
    "Sprzedawca: OKUCIA-SZYMANSKI s.c. Jan i Adam Szymanski, ul. Fabryczna 9, 32-050 Skawina",
    "NIP 944-170-22-65     Rachunek: PL87 1240 4650 1111 0010 3288 6512 (Bank Pekao S.A.)",
    "Nabywca: Wisla Meble Sp. z o.o., ul. Pollanki 64, 30-740 Krakow, NIP 679-318-44-27",
    "Data wystawienia: 16.10.2026     Data sprzedazy: 16.10.2026     Termin platnosci: 30.10.2026",
    "",
    "Lp  Nazwa towaru                       Ilosc      Cena netto   Wartosc netto  VAT",
    "1   Zawias puszkowy 35 mm z cichym dom. 2000 szt   2,35         4 700,00       23%",
    "2   Prowadnica kulkowa 450 mm           600 kpl    18,90       11 340,00       23%",
    "3   Uchwyt meblowy 128 mm, alu          900 szt    6,40         5 760,00       23%",
    "",
    "                             Wartosc netto:     21 800,00 PLN",
    "                             Kwota VAT 23%:      5 014,00 PLN",
    "                             Do zaplaty:        26 814,00 PLN",
], "FS 1093/10/2026")

w("invoice", "i04-pl-okucia-pdf-krotko", build(
    frm=address("Adam Szymański", "biuro@okucia-szymanski.example"),
    to=KSIEGOWOSC,
    subject="faktura",
    date="Fri, 16 Oct 2026 18:55:31 +0200",
    text="""W załączeniu faktura FS 1093/10/2026.
Pozdrawiam
A. Szymański

Wysłane z mojego smartfona Samsung Galaxy.
""", attachments=[("FS_1093_10_2026.pdf", "application/pdf", _i04)]),
    {"invoice_number": "FS 1093/10/2026", "issue_date": "2026-10-16", "seller": "OKUCIA-SZYMANSKI s.c.",
     "currency": "PLN", "net_total": "21800.00", "tax_total": "5014.00", "gross_total": "26814.00",
     "iban": "PL87124046501111001032886512"})

w("invoice", "i05-pl-wezwanie-transport", build(
    frm=address("Windykacja Trans-Pol", "windykacja@transpol-logistyka.example"),
    to=KSIEGOWOSC,
    subject=encoded("Przypomnienie o płatności – faktura FV 1184/10/2026 (termin minął)", "utf-8", "Q"),
    date="Mon, 16 Nov 2026 09:00:14 +0100",
    text="""Szanowni Państwo,

uprzejmie przypominamy, że w naszym systemie nie odnotowaliśmy wpłaty za poniższą fakturę:

  Numer faktury:      FV 1184/10/2026
  Data wystawienia:   20.10.2026
  Termin płatności:   09.11.2026
  Kwota netto:        6 400,00 zł
  VAT 23%:            1 472,00 zł
  Kwota brutto:       7 872,00 zł
  Tytuł:              transport całopojazdowy Kraków – Hamburg – Kraków, zlecenie TR/26/3318

Prosimy o uregulowanie należności w terminie 7 dni na rachunek:
PL25 1020 2892 0000 5302 0581 7724 (PKO BP), odbiorca: Trans-Pol Logistyka Sp. z o.o.

Jeżeli płatność została już dokonana, prosimy potraktować tę wiadomość jako nieaktualną.

Z poważaniem
Dział Rozrachunków
Trans-Pol Logistyka Sp. z o.o.
ul. Nowohucka 36, 30-732 Kraków | NIP 678-301-55-92
"""), {"invoice_number": "FV 1184/10/2026", "issue_date": "2026-10-20", "seller": "Trans-Pol Logistyka Sp. z o.o.",
       "currency": "PLN", "net_total": "6400.00", "tax_total": "1472.00", "gross_total": "7872.00",
       "iban": "PL25102028920000530205817724"})

_i06 = pdf([
    "FAKTURA KORYGUJACA nr KOR/2026/0093",
    "do faktury VAT nr FV/2026/0871 z dnia 28.09.2026",
    "Sprzedawca: PianPol Sp. z o.o., ul. Przemyslowa 12, 42-200 Czestochowa, NIP 573-288-01-46",
    "Nabywca: Wisla Meble Sp. z o.o., ul. Pollanki 64, 30-740 Krakow, NIP 679-318-44-27",
    "Data wystawienia: 22.10.2026",
    "Przyczyna korekty: zwrot towaru - reklamacja RK-P/2026/041 (wklady piankowe niezgodne z gestoscia T30)",
    "",
    "Lp  Nazwa                                 Ilosc    Cena netto   Wartosc netto",
    "    przed korekta:",
    "1   Wklad piankowy siedziska VISTULA T30   200      86,50        17 300,00",
    "    po korekcie:",
    "1   Wklad piankowy siedziska VISTULA T30   160      86,50        13 840,00",
    "    roznica:                               -40                  -3 460,00",
    "",
    "                       Korekta netto:      -3 460,00 zl",
    "                       Korekta VAT 23%:      -795,80 zl",
    "                       Korekta brutto:     -4 255,80 zl",
    "Kwota do zwrotu na rachunek nabywcy w terminie 14 dni.",
], "KOR/2026/0093")

w("invoice", "i06-pl-korekta-pianka", build(
    frm=address("Iwona Bednarz", "i.bednarz@pianpol.example"),
    to=ZAKUPY,
    cc=KSIEGOWOSC,
    subject=encoded("Korekta do FV/2026/0871 - reklamacja RK-P/2026/041", "iso-8859-2", "Q"),
    date="Thu, 22 Oct 2026 10:31:57 +0200",
    charset="iso-8859-2", cte="quoted-printable",
    text="""Panie Piotrze,

zgodnie z ustaleniami telefonicznymi przesyłam fakturę korygującą KOR/2026/0093 na zwrot 40 szt.
wkładów piankowych (-4 255,80 zł brutto). Zwrot środków zlecimy po otrzymaniu potwierdzenia.

Przepraszamy za kłopot, partia została wycofana.

Pozdrawiam serdecznie
Iwona Bednarz
Specjalista ds. obsługi klienta
PianPol Sp. z o.o.
""", attachments=[("KOR_2026_0093.pdf", "application/pdf", _i06)]),
    {"invoice_number": "KOR/2026/0093", "issue_date": "2026-10-22", "seller": "PianPol Sp. z o.o.",
     "currency": "PLN", "net_total": "-3460.00", "tax_total": "-795.80", "gross_total": "-4255.80"})

w("invoice", "i07-sv-en-plywood", build(
    frm=address("Norrland Plywood AB, Ekonomi", "faktura@norrlandplywood.example", "iso-8859-1"),
    to=ZAKUPY,
    subject="Invoice / Faktura 2026-10557",
    date="Wed, 28 Oct 2026 08:14:03 +0100",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Hello Piotr,

Here is the invoice for the two truckloads delivered 26/10. Original PDF is also in our portal.

FAKTURA / INVOICE  No. 2026-10557
Fakturadatum / Invoice date: 2026-10-27     Förfallodatum / Due date: 2026-11-26
Säljare / Seller: Norrland Plywood AB, Sågvägen 3, 891 77 Bjästa, Sweden, VAT SE556712449101
Köpare / Buyer: Wisla Meble Sp. z o.o., Krakow, Poland, VAT PL6793184427

Art         Description                               Qty     Price SEK      Amount SEK
BP15-1525   Birch plywood 15 mm 1525x1525 BB/CP       340     412,00        140 080,00
BP24-1525   Birch plywood 24 mm 1525x1525 BB/CP       120     598,00         71 760,00
FRT         Freight Bjästa - Krakow                     1   8 950,00          8 950,00

Netto / Net                                                               220 790,00
Moms / VAT 0 % (omvänd skattskyldighet / reverse charge)                         0,00
Att betala / Total SEK                                                    220 790,00

Bankgiro 5418-2290
IBAN SE45 5000 0000 0583 9825 7466   BIC ESSESESS

Med vänliga hälsningar
Karin Öberg
Ekonomi, Norrland Plywood AB
"""), {"invoice_number": "2026-10557", "issue_date": "2026-10-27", "seller": "Norrland Plywood AB",
       "currency": "SEK", "net_total": "220790.00", "tax_total": "0.00", "gross_total": "220790.00",
       "iban": "SE4550000000058398257466"})

w("invoice", "i08-cz-en-castors", build(
    frm=address("Kolo-Tech účtárna", "uctarna@kolotech.example", "windows-1250"),
    to=ZAKUPY,
    subject=encoded("Faktura č. 260412 / Invoice no. 260412", "windows-1250", "B"),
    date="Tue, 03 Nov 2026 13:45:29 +0100",
    charset="windows-1250", cte="base64",
    text="""Dobrý den, dear customer,

in attachment is not possible to send from our new system, so we send the invoice in the e-mail:

FAKTURA - DAŇOVÝ DOKLAD / INVOICE No. 260412
Dodavatel / Supplier: Kolo-Tech s.r.o., Líšeňská 2657/33, 636 00 Brno, DIČ CZ26277921
Odběratel / Customer: Wisla Meble Sp. z o.o., Kraków, VAT PL6793184427
Datum vystavení / Date of issue: 02.11.2026
Datum splatnosti / Due date: 02.12.2026
Vaše objednávka / Your order: ZK/2026/0349

Castor 50 mm soft wheel, black ........ 5 000 ks x 0,92 EUR = 4 600,00 EUR
Gas lift class 4, 100 mm stroke ....... 1 200 ks x 6,75 EUR = 8 100,00 EUR

Celkem bez DPH / Total without VAT:   12 700,00 EUR
DPH / VAT: reverse charge (přenesení daňové povinnosti)
Celkem k úhradě / Total to pay:       12 700,00 EUR

Bank: Česká spořitelna a.s.
IBAN: CZ65 0800 0000 1920 0014 5399, SWIFT GIBACZPX

S pozdravem / Best regards
Jana Dvořáková
účtárna Kolo-Tech s.r.o.
"""), {"invoice_number": "260412", "issue_date": "2026-11-02", "seller": "Kolo-Tech s.r.o.", "currency": "EUR",
       "net_total": "12700.00", "gross_total": "12700.00", "iban": "CZ6508000000192000145399"})

w("invoice", "i09-pl-telekom-html", build(
    frm=address("Telkom Małopolska", "e-faktura@telkom-malopolska.example"),
    to=KSIEGOWOSC,
    subject=encoded("Twoja e-faktura za listopad 2026 jest już dostępna", "utf-8", "B"),
    date="Sat, 07 Nov 2026 06:12:40 +0100",
    headers=[("List-Unsubscribe", "<https://telkom-malopolska.example/efaktura/wypisz>")],
    html="""<html><body style="font-family:Verdana,sans-serif;font-size:12px;background:#f2f2f2">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff">
<tr><td style="background:#e4002b;color:#fff;padding:16px;font-size:20px">Telkom Małopolska</td></tr>
<tr><td style="padding:20px">
<p>Szanowni Państwo,<br>przesyłamy e-fakturę za usługi telekomunikacyjne.</p>
<table cellpadding="5" style="border:1px solid #ddd;width:100%">
<tr><td>Numer faktury</td><td><b>F/26/11/0048213</b></td></tr>
<tr><td>Data wystawienia</td><td>06.11.2026</td></tr>
<tr><td>Okres rozliczeniowy</td><td>01.10.2026 – 31.10.2026</td></tr>
<tr><td>Klient</td><td>Wisła Meble Sp. z o.o., nr klienta 4401-7731</td></tr>
<tr><td>Kwota netto</td><td>1 249,00 zł</td></tr>
<tr><td>VAT 23%</td><td>287,27 zł</td></tr>
<tr><td><b>Do zapłaty</b></td><td><b>1 536,27 zł</b></td></tr>
<tr><td>Termin płatności</td><td>20.11.2026</td></tr>
<tr><td>Indywidualny rachunek</td><td>PL10 1050 0099 7603 1234 5678 9123</td></tr>
</table>
<p>Fakturę w PDF pobierzesz w <a href="https://telkom-malopolska.example/moje-konto">Moim Koncie</a>.</p>
<p style="font-size:10px;color:#777">Telkom Małopolska S.A., ul. Lubicz 23, 31-503 Kraków, NIP 675-000-12-34. Wiadomość wygenerowana automatycznie.</p>
</td></tr></table></body></html>"""),
    {"invoice_number": "F/26/11/0048213", "issue_date": "2026-11-06", "seller": "Telkom Małopolska S.A.",
     "currency": "PLN", "net_total": "1249.00", "tax_total": "287.27", "gross_total": "1536.27",
     "iban": "PL10105000997603123456789123"})


# =========================================================================================================
# support_ticket
# =========================================================================================================

w("support_ticket", "s01-pl-zly-klient-silowniki", build(
    frm=address("Grzegorz Malinowski", "g.malinowski@biuromax.example"),
    to=REKLAMACJE,
    cc=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject=encoded("REKLAMACJA!!! zam. ZAM/2026/10/0231 – fotele VISTULA", "utf-8", "B"),
    date="Mon, 16 Nov 2026 08:03:12 +0100",
    text="""Dzień dobry,

jestem naprawdę zdenerwowany. Z 48 foteli VISTULA dostarczonych w zeszłym tygodniu (zam. ZAM/2026/10/0231,
WZ 2026/11/0187) już 9 sztuk wróciło od naszych klientów z niesprawnym siłownikiem – fotel sam opada
do najniższej pozycji po kilku minutach. Dwa fotele mają pękniętą plastikową osłonę mechanizmu.

To jest już druga taka sytuacja w tym roku. Nasi klienci dzwonią, a my nie mamy czym ich wymienić.
Oczekuję:
- pilnej wymiany 9 siłowników (najlepiej kurierem jeszcze w tym tygodniu),
- sprawdzenia pozostałych foteli z tej partii,
- informacji, co zamierzacie zrobić, żeby to się nie powtarzało.

Zdjęcia i numery seryjne prześlę w osobnym mailu. Proszę o telefon dzisiaj.

Grzegorz Malinowski
Kierownik Działu Obsługi Posprzedażowej
Biuromax Sp. z o.o.
tel. 42 630 11 80, kom. 698 140 552
"""), {"customer_email": "g.malinowski@biuromax.example"})

w("support_ticket", "s02-de-reklamation-motor", build(
    frm=address("Sabine Roth", "s.roth@roth-objekteinrichtung.example"),
    to=EXPORT,
    subject="Reklamation TATRA LIFT - Motor defekt (Lieferschein LS 2026/12/0044)",
    date="Thu, 17 Dec 2026 11:26:40 +0100",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Sehr geehrte Frau Mazur,

leider müssen wir einen Mangel an den gelieferten Schreibtischen reklamieren.

Bei zwei der 50 TATRA LIFT Tische (Lieferschein LS 2026/12/0044, Ihre Rechnung FV/EXP/2026/0612)
läuft nur noch ein Motor: Der Tisch fährt schief hoch, das Bedienteil zeigt danach den Fehler "E02"
und reagiert nicht mehr. Ein Reset nach Anleitung (Taste "runter" 10 Sekunden halten) hat nicht
geholfen. Betroffen sind die Gestelle mit den Seriennummern TL18-2611-0381 und TL18-2611-0394.

Die Tische stehen bereits beim Endkunden (Versicherungsbüro in Köln-Ehrenfeld). Bitte teilen Sie uns mit,
ob Sie Ersatzmotoren schicken oder einen Techniker beauftragen. Wir bitten um kurzfristige Rückmeldung.

Mit freundlichen Grüßen
Sabine Roth
Roth Objekteinrichtung GmbH
Am Wassermann 18, 50829 Köln
"""), {"customer_email": "s.roth@roth-objekteinrichtung.example"})

w("support_ticket", "s03-en-uk-urgent-missing-parts", build(
    frm="Dan Whitfield <dan@northwestfitout.example>",
    to=EXPORT,
    cc=f"reklamacje@{D}",
    subject="URGENT - desks delivered without crossbars, client moves in Monday",
    date="Fri, 20 Nov 2026 15:48:09 +0000",
    headers=[("Importance", "high"), ("X-Priority", "1")],
    text="""Joanna,

we've got a real problem here. The 60 Tatra Lift frames arrived at the Manchester site this morning
but 22 of the boxes have no crossbars / modesty panel brackets in them. Without the crossbar the frame
isn't stable so my fitters can't build them. Client is moving 140 staff in on MONDAY morning.

Your delivery note is WM-DN-2026-1183, our PO NWF-5520.

I need the missing parts on site by Sunday midday at the latest - can you send them by courier
today? If not I need to know NOW so I can tell the client.

Call me on 07700 918 442, I'm on site all weekend.

Dan
"""), {"customer_email": "dan@northwestfitout.example"})

w("support_ticket", "s04-sv-en-squeaky-chair", build(
    frm=address("Linnéa Forsberg", "linnea.forsberg@kontorshuset-gbg.example", "iso-8859-1"),
    to=EXPORT,
    subject="question about chair",
    date="Tue, 24 Nov 2026 14:02:33 +0100",
    charset="iso-8859-1",
    text="""Hej Joanna,

A small thing, maybe it is nothing. One of our customers say that his VISTULA chair (bought in
September) makes a creaking sound when he leans back. It is not broken and works fine otherwise.
Is this normal in the beginning, or is there some screw to tighten? We do not want to change the
whole chair if it is only an adjustment.

Maybe you have some instruction we can send him?

Tack så mycket!
Linnéa

Linnéa Forsberg | Kontorshuset Göteborg AB
"""), {"customer_email": "linnea.forsberg@kontorshuset-gbg.example"})

w("support_ticket", "s05-cz-en-wrong-colour", build(
    frm=address("Petra Svobodová", "svobodova@kancelarplus.example", "windows-1250"),
    to=EXPORT,
    subject=encoded("Reklamace - wrong colour of chairs, obj. OBJ-2026-0588", "windows-1250", "Q"),
    date="Wed, 25 Nov 2026 09:17:51 +0100",
    charset="windows-1250", cte="quoted-printable",
    text="""Dobrý den,

today we received the delivery for order OBJ-2026-0588. The tables are ok, but the chairs NIDA are
in light grey fabric, not dark blue as we ordered (see our order and your confirmation PW/2026/1044).
All 36 pieces are wrong.

Our customer is architect and the colour is important for him, so we cannot give them like this.
Please tell us when you can change the chairs and how you collect the wrong ones. We keep them in
original packing in our store.

Děkuji / thank you
Petra Svobodová
Kancelář Plus s.r.o.
"""), {"customer_email": "svobodova@kancelarplus.example"})

w("support_ticket", "s06-pl-eskalacja-watek", build(
    frm=address("Anna Jabłońska", "anna.jablonska@softwise.example"),
    to=REKLAMACJE,
    cc=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject=encoded("RE: Reklamacja RK/2026/117 - nadal brak odpowiedzi", "utf-8", "Q"),
    date="Wed, 02 Dec 2026 10:44:18 +0100",
    text="""Dzień dobry,

piszę już trzeci raz w tej sprawie i nadal nie dostałam żadnej konkretnej odpowiedzi. Dwa biurka
TATRA LIFT z zamówienia 4471/IT/2026 nadal się nie podnoszą, pracownicy od dwóch tygodni pracują
przy prowizorycznych stołach. Proszę o podanie terminu wizyty serwisu do końca tego tygodnia,
w przeciwnym razie będziemy zmuszeni odstąpić od umowy w zakresie tych dwóch biurek.

Anna Jabłońska
Office Manager (zastępstwo za M. Wróbla)
Softwise Polska Sp. z o.o.

-----Original Message-----
From: Anna Jabłońska <anna.jablonska@softwise.example>
Sent: Tuesday, November 24, 2026 9:02 AM
To: reklamacje@wisla-meble.example
Subject: RE: Reklamacja RK/2026/117

Dzień dobry, czy jest już jakaś informacja w sprawie serwisu? Pozdrawiam, A.J.

-----Original Message-----
From: Tomasz Lewandowski <t.lewandowski@wisla-meble.example>
Sent: Thursday, November 19, 2026 3:40 PM
To: Anna Jabłońska <anna.jablonska@softwise.example>
Subject: Reklamacja RK/2026/117

Dzień dobry, potwierdzam przyjęcie reklamacji RK/2026/117 (2 biurka TATRA LIFT - brak reakcji
na panel sterujący). Serwisant skontaktuje się z Panią w celu umówienia wizyty.
Pozdrawiam, Tomasz Lewandowski, Dział Serwisu
"""), {"customer_email": "anna.jablonska@softwise.example"})

w("support_ticket", "s07-en-html-error-e04", build(
    frm="Facilities Helpdesk <facilities@hartwell-insurance.example>",
    to=EXPORT,
    subject="Desk controller showing E04 - how to reset?",
    date="Thu, 03 Dec 2026 16:21:07 +0000",
    html="""<html><head><style>p{margin:0 0 8px 0}</style></head>
<body style="font-family:Calibri,Arial;font-size:11pt;color:#1f1f1f">
<p>Good afternoon,</p>
<p>We have 45 of your TATRA LIFT height adjustable desks on our 2nd floor (supplied via Thamesmead Office
Interiors in November). Since Monday three of them show <b>E04</b> on the handset and will only move down
a few centimetres. We have checked the cables and the power supply.</p>
<p>Could you please advise the reset procedure or whether an engineer visit is needed? The manual we have
only lists E01 and E02.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:10pt">
<tr><th>Desk</th><th>Location</th><th>Serial no.</th><th>Error</th></tr>
<tr><td>2.14</td><td>Claims team</td><td>TL16-2610-0912</td><td>E04</td></tr>
<tr><td>2.15</td><td>Claims team</td><td>TL16-2610-0915</td><td>E04</td></tr>
<tr><td>2.31</td><td>Underwriting</td><td>TL16-2610-0940</td><td>E04 / E02</td></tr>
</table>
<p>Kind regards,</p>
<p><b>Marcus Leigh</b><br>Facilities Coordinator | Hartwell Insurance Group<br>
<span style="color:#777">facilities@hartwell-insurance.example | 0161 555 0142</span></p>
<p style="font-size:8pt;color:#999">Hartwell Insurance Group plc is authorised and regulated by the Financial
Conduct Authority. This e-mail is confidential and may be privileged.</p>
</body></html>"""), {"customer_email": "facilities@hartwell-insurance.example"})

w("support_ticket", "s08-de-iphone-regal", build(
    frm="Frank Gerlach <f.gerlach@hansen-bueroeinrichtung.example>",
    to=EXPORT,
    subject="Regal wackelt",
    date="Sat, 28 Nov 2026 12:31:55 +0100",
    text="""Hallo Frau Mazur,
beim Aufbau der BALTIC Regale (Auftrag BE-26-1193 Nachlieferung) fehlen in 6 Kartons die Schrauben
für die Rückwand, Regale wackeln ohne. Bitte Beschlagbeutel nachschicken. Montag Rückmeldung?
Gruß F. Gerlach

Von meinem iPhone gesendet
"""), {"customer_email": "f.gerlach@hansen-bueroeinrichtung.example"})

_photo = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(range(64)) + bytes.fromhex("ffd9")

w("support_ticket", "s09-pl-fwd-klient-koncowy-zdjecia", build(
    frm=address("Renata Sowa", "r.sowa@biuromax.example"),
    to=REKLAMACJE,
    subject=encoded("PD: Uszkodzony blat - biurko TATRA LIFT", "utf-8", "Q"),
    date="Mon, 07 Dec 2026 13:12:26 +0100",
    text="""Dzień dobry,

przekazuję zgłoszenie naszego klienta (zamówienie ZAM/2026/10/0231, poz. 2). Prosimy o informację,
czy blat zostanie wymieniony w ramach gwarancji. Zdjęcia w załączniku.

Renata Sowa
Biuromax Sp. z o.o.

-------- Wiadomość oryginalna --------
Od: Paweł Kurek <biuro@kurek-ubezpieczenia.example>
Data: 07.12.2026 10:51
Do: sklep@biuromax.example
Temat: Uszkodzony blat - biurko TATRA LIFT

Dzień dobry, w kupionym u Państwa biurku elektrycznym po miesiącu odkleiła się okleina na krawędzi
blatu (ok. 30 cm, przednia krawędź). Biurko jest używane normalnie, nic nie było wylane.
Proszę o informację co dalej. Paweł Kurek, Kurek Ubezpieczenia, Tarnów.
""", attachments=[("IMG_2041.jpg", "image/jpeg", _photo), ("IMG_2042.jpg", "image/jpeg", _photo)]),
    {"customer_email": "r.sowa@biuromax.example"})


# =========================================================================================================
# approval (replies of internal approvers to Mailroom's approval requests)
# =========================================================================================================

w("approval", "a01-pl-zatwierdzam-iphone", build(
    frm=address("Marek Kowalczyk", f"m.kowalczyk@{D}"),
    to=MAILROOM,
    subject=encoded("Re: Wymagana akceptacja: Oferta OF/2026/0412 dla Fjord Kontor AS – 61 870,00 EUR [APR-2026-0231]",
                    "utf-8", "Q"),
    date="Fri, 09 Oct 2026 07:48:20 +0200",
    in_reply_to=f"<approval.apr-2026-0231@{D}>",
    text="""Zatwierdzam.

MK

Wysłane z iPhone'a

> Wiadomość napisana przez Wisła Meble <mailroom@wisla-meble.example> w dniu 09.10.2026, o godz. 07:30:
>
> Prośba o akceptację
>
> Referencja: APR-2026-0231
> Dotyczy: Oferta OF/2026/0412 dla Fjord Kontor AS (rewizja 2, rabat 14%)
> Kwota: 61 870,00 EUR
> Zgłaszający: Joanna Mazur
>
> Odpowiedz "Zatwierdzam" lub "Odrzucam" (Approved / Rejected), nie zmieniając tematu.
"""), {"decision": "approve", "reference": "APR-2026-0231"})

w("approval", "a02-en-reject-with-reason", build(
    frm=address("Agnieszka Wójcik", f"a.wojcik@{D}"),
    to=MAILROOM,
    subject=encoded("RE: Approval needed: Supplier invoice 2026-10557 Norrland Plywood AB – 220,790.00 SEK [APR-2026-0247]",
                    "utf-8", "Q"),
    date="Thu, 29 Oct 2026 12:15:44 +0100",
    in_reply_to=f"<approval.apr-2026-0247@{D}>",
    text="""Rejected.

The freight line (8 950,00 SEK) should not be there – our contract with Norrland is DAP Kraków, freight
included. Piotr, please ask them for a credit note or a corrected invoice before we pay.

Agnieszka Wójcik
Główna Księgowa | Wisła Meble Sp. z o.o.

-----Original Message-----
From: Wisła Meble Mailroom <mailroom@wisla-meble.example>
Sent: Thursday, October 29, 2026 8:02 AM
To: Agnieszka Wójcik <a.wojcik@wisla-meble.example>
Subject: Approval needed: Supplier invoice 2026-10557 Norrland Plywood AB – 220,790.00 SEK [APR-2026-0247]

Reference: APR-2026-0247
Supplier invoice 2026-10557 from Norrland Plywood AB, SEK 220,790.00, due 2026-11-26.
The amount is above the approval limit for purchasing (50,000 PLN equivalent).

Reply with Approved or Rejected.
"""), {"decision": "reject", "reference": "APR-2026-0247"})

w("approval", "a03-pl-warunkowo-tak", build(
    frm=address("Marek Kowalczyk", f"m.kowalczyk@{D}"),
    to=MAILROOM,
    cc=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject=encoded("Odp: Wymagana akceptacja: Rabat 35% dla Biuromax Sp. z o.o. - 128 400,00 PLN [APR-2026-0266]",
                    "iso-8859-2", "Q"),
    date="Tue, 24 Nov 2026 18:22:09 +0100",
    in_reply_to=f"<approval.apr-2026-0266@{D}>",
    charset="iso-8859-2", cte="quoted-printable",
    text="""Akceptuję, ale pod warunkiem, że termin płatności zostaje 30 dni, a nie 45 jak chcą.
Kasia, przekaż im to proszę przed wysłaniem oferty. Jeśli się nie zgodzą, wracamy do 32%.

Marek Kowalczyk
Prezes Zarządu

W dniu 24.11.2026 o 16:05, Wisła Meble pisze:
> Referencja: APR-2026-0266
> Rabat 35% dla Biuromax Sp. z o.o. na zamówienie roczne (fotele VISTULA, biurka TATRA LIFT)
> Wartość: 128 400,00 PLN netto, wnioskuje: Katarzyna Nowak
> Odpowiedz "Zatwierdzam" lub "Odrzucam".
"""), {"decision": "approve", "reference": "APR-2026-0266"})


# =========================================================================================================
# auto_reply
# =========================================================================================================

w("auto_reply", "r01-pl-nieobecnosc-auto-submitted", build(
    frm=address("Renata Sowa", "r.sowa@biuromax.example"),
    to=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject=encoded("Odpowiedź automatyczna: Potwierdzenie zamówienia PW/2026/1012", "utf-8", "Q"),
    date="Thu, 08 Oct 2026 09:01:44 +0200",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    text="""Dzień dobry,

jestem na urlopie do 19.10.2026 r. z ograniczonym dostępem do poczty.
W sprawach pilnych dotyczących zamówień proszę o kontakt z Działem Zakupów: zakupy@biuromax.example,
tel. 42 630 11 77.

Pozdrawiam
Renata Sowa
"""))

w("auto_reply", "r02-de-abwesenheit-ohne-header", build(
    frm=address("Jürgen Böhmer", "boehmer@sachsen-buero.example", "iso-8859-1"),
    to=EXPORT,
    subject=encoded("Abwesenheitsnotiz: Ihr Angebot AN/2026/0361", "iso-8859-1", "Q"),
    date="Mon, 12 Oct 2026 10:22:05 +0200",
    charset="iso-8859-1",
    text="""Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 23.10.2026 nicht im Büro. Ihre E-Mail wird nicht weitergeleitet.
In dringenden Fällen wenden Sie sich bitte an Frau Kranz, einkauf@sachsen-buero.example.

Mit freundlichen Grüßen
Jürgen Böhmer
"""))

w("auto_reply", "r03-sv-en-franvaro", build(
    frm=address("Björn Lindqvist", "bjorn.lindqvist@kontorsmastarna.example", "iso-8859-1"),
    to=EXPORT,
    subject=encoded("Autosvar: Order confirmation 77-20931", "iso-8859-1", "Q"),
    date="Fri, 16 Oct 2026 10:40:00 +0200",
    charset="iso-8859-1",
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Hej! Jag är på semester till och med 26 oktober och läser inte min e-post.
Vid brådskande ärenden, kontakta inkop@kontorsmastarna.example.

Hi! I am on vacation until 26 October and do not read my e-mail.
For urgent matters please contact inkop@kontorsmastarna.example.

/Björn
"""))

_dsn = f"""From: Mail Delivery System <MAILER-DAEMON@mx1.{D}>
To: j.mazur@{D}
Subject: Undelivered Mail Returned to Sender
Date: Tue, 27 Oct 2026 14:05:33 +0100 (CET)
Message-ID: <20261027130533.7A1F2C0412@mx1.{D}>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="7A1F2C0412.1793106333/mx1.{D}"

This is a MIME-encapsulated message.

--7A1F2C0412.1793106333/mx1.{D}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx1.{D}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<m.olsen@kontorgruppen-oslo.example>: host mx.kontorgruppen-oslo.example[192.0.2.41]
    said: 550 5.1.1 <m.olsen@kontorgruppen-oslo.example>: Recipient address
    rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)

--7A1F2C0412.1793106333/mx1.{D}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.{D}
X-Postfix-Queue-ID: 7A1F2C0412
X-Postfix-Sender: rfc822; j.mazur@{D}
Arrival-Date: Tue, 27 Oct 2026 14:05:31 +0100 (CET)

Final-Recipient: rfc822; m.olsen@kontorgruppen-oslo.example
Original-Recipient: rfc822;m.olsen@kontorgruppen-oslo.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.kontorgruppen-oslo.example
Diagnostic-Code: smtp; 550 5.1.1 <m.olsen@kontorgruppen-oslo.example>: Recipient
    address rejected: User unknown in virtual mailbox table

--7A1F2C0412.1793106333/mx1.{D}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Joanna Mazur <j.mazur@{D}>
To: m.olsen@kontorgruppen-oslo.example
Subject: Offer OF/2026/0431 - office chairs VISTULA / Kontorgruppen Oslo
Date: Tue, 27 Oct 2026 14:05:29 +0100
Message-ID: <of20260431.jm@{D}>

--7A1F2C0412.1793106333/mx1.{D}--
"""
w("auto_reply", "r04-dsn-postfix-user-unknown", _dsn.encode("ascii"))

w("auto_reply", "r05-cz-plain-bounce", build(
    frm="postmaster@mail.brnoprojekt.example",
    to=f"k.nowak@{D}",
    subject="Nedorucitelna zprava / Undeliverable: Oferta OF/2026/0402",
    date="Wed, 21 Oct 2026 08:13:10 +0200",
    text="""Vaše zpráva nemohla být doručena následujícím příjemcům.
Your message could not be delivered to the following recipients:

    stavba@brnoprojekt.example
    Mailbox is full / Schránka příjemce je plná (552 5.2.2 quota exceeded)

Server se pokoušel o doručení po dobu 48 hodin. / The server tried delivering for 48 hours.

--- Původní hlavičky / Original headers ---
From: Katarzyna Nowak <k.nowak@wisla-meble.example>
To: stavba@brnoprojekt.example
Subject: Oferta OF/2026/0402
Date: Mon, 19 Oct 2026 08:10:02 +0200
"""))

w("auto_reply", "r06-en-read-receipt", build(
    frm="Priya Chauhan <purchasing@thamesmead-oi.example>",
    to=EXPORT,
    subject="Read: Order confirmation PW/2026/1031 - TOI-PO-10472",
    date="Wed, 14 Oct 2026 09:12:47 +0100",
    text="""Your message

  To: Priya Chauhan
  Subject: Order confirmation PW/2026/1031 - TOI-PO-10472
  Sent: 14 October 2026 08:55:10 (UTC+00:00) Dublin, Edinburgh, Lisbon, London

was read on 14 October 2026 09:12:44 (UTC+00:00) Dublin, Edinburgh, Lisbon, London.
"""))


# =========================================================================================================
# other
# =========================================================================================================

w("other", "o01-pl-newsletter-tkaniny-html", build(
    frm=address("TexDom – Tkaniny Obiciowe", "newsletter@texdom-tkaniny.example"),
    to=ZAKUPY,
    subject=encoded("Nowa kolekcja MERINO 2027 🧶 -15% na zamówienia do 30.11!", "utf-8", "B"),
    date="Wed, 04 Nov 2026 10:00:00 +0100",
    headers=[("List-Id", "TexDom Newsletter <newsletter.texdom-tkaniny.example>"),
             ("List-Unsubscribe", "<https://texdom-tkaniny.example/nl/unsubscribe?u=88213>, <mailto:unsubscribe@texdom-tkaniny.example>"),
             ("Precedence", "bulk")],
    html="""<!DOCTYPE html><html><body style="margin:0;background:#efe9e1">
<table width="640" align="center" cellpadding="0" cellspacing="0" style="background:#fff;font-family:Georgia,serif">
<tr><td style="padding:24px;text-align:center;font-size:28px;color:#5b3a29">TexDom</td></tr>
<tr><td style="padding:0 24px"><h1 style="font-size:22px">Kolekcja MERINO 2027 już dostępna</h1>
<p>18 kolorów, odporność na ścieranie 100 000 cykli Martindale, certyfikat OEKO-TEX. Idealna do foteli biurowych i siedzisk.</p>
<table width="100%" cellpadding="8" style="border-collapse:collapse">
<tr style="background:#f6f1ea"><td>MERINO 140 cm, rolka 50 mb</td><td align="right"><s>42,90 zł/mb</s> <b>36,47 zł/mb netto</b></td></tr>
<tr><td>MERINO FR (trudnopalna) 140 cm</td><td align="right"><s>49,90 zł/mb</s> <b>42,42 zł/mb netto</b></td></tr>
<tr style="background:#f6f1ea"><td>Próbnik 18 kolorów</td><td align="right"><b>GRATIS</b></td></tr>
</table>
<p style="text-align:center;margin:28px"><a href="https://texdom-tkaniny.example/sklep/merino" style="background:#5b3a29;color:#fff;padding:14px 30px;text-decoration:none;border-radius:4px">ZAMÓW TERAZ</a></p>
<p>Rabat -15% naliczany automatycznie przy zamówieniach powyżej 500 mb złożonych do 30.11.2026.</p></td></tr>
<tr><td style="padding:18px;font-size:11px;color:#888;text-align:center">TexDom Sp. z o.o., ul. Tkacka 4, 90-001 Łódź.
Otrzymujesz tę wiadomość, ponieważ jesteś klientem TexDom. <a href="https://texdom-tkaniny.example/nl/unsubscribe?u=88213">Wypisz się</a></td></tr>
</table></body></html>"""))

w("other", "o02-de-messe-einladung", build(
    frm="Koelnmesse Besucherservice <einladung@orgatec-messe.example>",
    to=EXPORT,
    subject="Ihre Einladung: ORGATEC 2026 - Fachbesucher-Ticket und Ausstellerabend",
    date="Tue, 15 Sep 2026 09:30:00 +0200",
    text="""Sehr geehrte Frau Mazur,

als Aussteller der letzten ORGATEC laden wir Sie herzlich zum Ausstellerabend am Dienstag,
20. Oktober 2026, ab 19:00 Uhr in den Rheinsaal ein. Bitte bestätigen Sie Ihre Teilnahme bis
zum 9. Oktober über das Ausstellerportal.

Ihre Standdaten: Halle 7.1, Stand C 041, 48 m² Reihenstand. Die Rechnung für die Standmiete
haben Sie bereits im Juni erhalten; es sind keine weiteren Zahlungen fällig.

Aufbau: 14.-18.10.2026, Abbau: 24.-26.10.2026.

Wir freuen uns auf Ihren Besuch!
Ihr ORGATEC Team
"""))

w("other", "o03-pl-wewnetrzny-plan-produkcji", build(
    frm=address("Paweł Dąbrowski", f"p.dabrowski@{D}"),
    to=address("Katarzyna Nowak", f"k.nowak@{D}"),
    cc=address("Joanna Mazur", f"j.mazur@{D}"),
    subject="plan produkcji KW 47-48",
    date="Thu, 12 Nov 2026 15:58:21 +0100",
    text="""Kasia, Joasia,

żeby nie było niespodzianek: w KW 47 stoi linia tapicerska (przegląd maszyn + szkolenie dwóch nowych
osób), więc fotele VISTULA dla Biuromaxu i Fjord Kontor idą dopiero w KW 48. Biurka bez zmian.

Możemy siąść jutro o 9:00 w sali na górze i przejść wszystkie terminy? Biorę kawę :)

Paweł
"""))

w("other", "o04-pl-gdzie-jest-plik", build(
    frm=address("Ewa Sikora", f"e.sikora@{D}"),
    to=address("Agnieszka Wójcik", f"a.wojcik@{D}"),
    subject="gdzie jest cennik?",
    date="Mon, 21 Sep 2026 11:07:40 +0200",
    text="""Agnieszko, gdzie leży aktualny cennik dealerski 2026/II w Excelu? Na dysku S:\\Handel\\Cenniki
jest tylko wersja z maja. Prezes prosi o plik na 12:00.

Ewa
"""))

w("other", "o05-pl-aplikacja-cnc", build(
    frm=address("Kamil Zawadzki", "kamil.zawadzki88@pocztex-mail.example"),
    to=BIURO,
    subject=encoded("Aplikacja – Operator CNC (ogłoszenie z 10.09)", "utf-8", "Q"),
    date="Sun, 13 Sep 2026 20:41:15 +0200",
    text="""Dzień dobry,

w odpowiedzi na ogłoszenie na stanowisko Operatora CNC przesyłam w załączeniu CV. Mam 6 lat doświadczenia
w obsłudze centrów obróbczych Homag i Biesse (programowanie woodWOP), pracowałem w zakładzie meblowym
w Myślenicach. Mogę rozpocząć pracę od 1 października.

Wyrażam zgodę na przetwarzanie moich danych osobowych w celu rekrutacji.

Z poważaniem
Kamil Zawadzki
tel. 512 004 881
""", attachments=[("CV_Kamil_Zawadzki.pdf", "application/pdf",
                   pdf(["Kamil Zawadzki - CV", "Operator CNC, 6 lat doswiadczenia", "Homag, Biesse, woodWOP"], "CV"))]))

w("other", "o06-phishing-zmiana-konta", build(
    frm=address("Tartak Beskid-Drewno", "faktury@beskid-drewno-sp.example"),
    to=KSIEGOWOSC,
    subject=encoded("PILNE: zmiana numeru rachunku bankowego", "utf-8", "B"),
    date="Wed, 18 Nov 2026 23:14:52 +0100",
    text="""Szanowni Państwo,

informujemy, że w związku z audytem nasz dotychczasowy rachunek bankowy został zablokowany.
Wszystkie płatności za faktury (również zaległe) prosimy od dziś kierować na nowy rachunek:

PL05 1870 1045 2078 1012 3456 0001

Prosimy o potwierdzenie zmiany w systemie oraz nie kontaktowanie się telefonicznie ze względu
na trwający audyt. Dokumenty potwierdzające prześlemy w późniejszym terminie.

Z poważaniem
Dział Finansowy
"""))

w("other", "o07-bank-powiadomienie", build(
    frm="Bank Krakowski Business <powiadomienia@bankkrakowski.example>",
    to=KSIEGOWOSC,
    subject=encoded("Wyciąg nr 214/2026 do rachunku ...4427 jest dostępny", "utf-8", "Q"),
    date="Tue, 03 Nov 2026 05:30:12 +0100",
    text="""Szanowni Państwo,

wyciąg nr 214/2026 z dnia 02.11.2026 do rachunku firmowego PL** **** **** **** **** **** 4427
jest dostępny w serwisie bankowości internetowej Bank Krakowski Business.

Saldo końcowe: 1 284 917,36 PLN
Liczba operacji: 37

Wiadomość wygenerowana automatycznie, prosimy na nią nie odpowiadać.
Bank nigdy nie prosi o podanie hasła ani kodów SMS w wiadomości e-mail.
"""))

w("other", "o08-raben-awizo-dostawy", build(
    frm="DPL Logistics Tracking <tracking@dpl-logistics.example>",
    to=ZAKUPY,
    subject=encoded("Twoja przesyłka 6045 8812 3390 jest w drodze / Your shipment is on its way", "utf-8", "Q"),
    date="Mon, 26 Oct 2026 06:45:01 +0100",
    html="""<html><body style="font-family:Arial;font-size:13px">
<p><b>Przesyłka nr 6045 8812 3390</b></p>
<p>Nadawca: Norrland Plywood AB, Bjästa (SE)<br>Odbiorca: Wisła Meble Sp. z o.o., Kraków<br>
Liczba palet: 14 &nbsp; Waga: 11 640 kg</p>
<p>Planowane doręczenie: <b>26.10.2026, 10:00–14:00</b></p>
<p><a href="https://dpl-logistics.example/track/604588123390">Śledź przesyłkę</a> | <a href="https://dpl-logistics.example/track/604588123390/zmien">Zmień termin</a></p>
<p style="color:#888;font-size:11px">To jest wiadomość automatyczna. DPL Logistics Polska Sp. z o.o.</p>
</body></html>"""))

w("other", "o09-de-auftragsbestaetigung-an-uns", build(
    frm="Stahlrohrwerk Gera Vertrieb <vertrieb@stahlrohr-gera.example>",
    to=ZAKUPY,
    subject="Auftragsbestaetigung AB-26-04471 zu Ihrer Bestellung ZK/2026/0371",
    date="Wed, 11 Nov 2026 10:08:37 +0100",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Sehr geehrter Herr Zielinski,

vielen Dank für Ihre Bestellung ZK/2026/0371. Wir bestätigen Ihnen die Lieferung wie folgt:

Pos 1  1.200 Stk  Präzisionsstahlrohr rund 25 x 1,5 mm, 6 m    à 7,85 EUR   =  9.420,00 EUR
Pos 2    400 Stk  Fußkreuz-Rohling Stahl, verchromt             à 14,20 EUR  =  5.680,00 EUR
                                                          Summe netto  15.100,00 EUR

Liefertermin: KW 49/2026, frei Haus Kraków. Zahlungsbedingungen wie vereinbart 30 Tage netto.
Die Rechnung erhalten Sie mit der Lieferung.

Mit freundlichen Grüßen
Steffen Kühn
Vertrieb Innendienst
Stahlrohrwerk Gera GmbH
"""))

w("other", "o10-en-thank-you-received", build(
    frm="Henrik Aas <henrik.aas@fjordkontor.example>",
    to=EXPORT,
    subject="Re: Delivery PO 4510098812 - week 49",
    date="Fri, 04 Dec 2026 14:33:18 +0100",
    in_reply_to="<dn20261183.jm@wisla-meble.example>",
    text="""Hi Joanna,

Just to let you know: the truck arrived this morning, everything unloaded, no damage. The client
is very happy with the chairs. Thank you for the good cooperation this year!

God jul og godt nyttår,
Henrik

On Thu, 3 Dec 2026 at 16:10, Joanna Mazur <j.mazur@wisla-meble.example> wrote:
> Dear Henrik, the truck left Kraków today, ETA Bergen Friday morning. Driver: +48 601 774 210.
> Best regards, Joanna
"""))

w("other", "o11-pl-pytanie-o-termin-dostawy", build(
    frm=address("Michał Wróbel", "michal.wrobel@softwise.example"),
    to=address("Katarzyna Nowak", f"k.nowak@{D}"),
    subject=encoded("kiedy dostawa? zam. 4471/IT/2026", "utf-8", "Q"),
    date="Mon, 09 Nov 2026 08:52:07 +0100",
    text="""Dzień dobry Pani Katarzyno,

czy jest już znany dokładny dzień dostawy biurek i foteli do naszego zamówienia 4471/IT/2026?
Muszę zarezerwować windę towarową u administratora budynku z tygodniowym wyprzedzeniem.

Pozdrawiam
Michał Wróbel
"""))

w("other", "o12-it-backup-notification", build(
    frm=f"Synology NAS-KRK01 <nas-krk01@{D}>",
    to=address("Ewa Sikora", f"e.sikora@{D}"),
    subject="[NAS-KRK01] Hyper Backup task 'Ksiegowosc-Symfonia' completed with warnings",
    date="Sun, 22 Nov 2026 03:17:44 +0100",
    headers=[("Auto-Submitted", "auto-generated")],
    text="""Dear user,

Backup task Ksiegowosc-Symfonia on NAS-KRK01 has completed with warnings.

Task: Ksiegowosc-Symfonia
Destination: USB Copy (HDD-ext-02)
Start time: 2026-11-22 02:00:03
End time: 2026-11-22 03:17:41
Warning: 3 files were skipped because they were in use (S:\\Ksiegowosc\\Symfonia\\FK2026.mdb)

Sincerely,
Synology DiskStation
"""))


# =========================================================================================================
# self-check of the written starter files (same checks as check_corpus.py, which only knows corpus folders)
# =========================================================================================================

def _check() -> int:
    import email
    import email.policy
    import json
    import re
    from collections import Counter
    from decimal import Decimal
    from email.utils import parsedate_to_datetime

    import check_corpus

    root = Path(__file__).resolve().parents[2]
    counts, problems = Counter(), []
    for eml in sorted(root.glob(f"*/{C}-*.eml")):
        counts[eml.parent.name] += 1
        msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        problems += [f"{eml.name}: MIME defects {p.defects}" for p in msg.walk() if p.defects]
        try:
            text = check_corpus.text_of(msg)
            date = str(msg["date"])
        except Exception as e:  # noqa: BLE001
            problems.append(f"{eml.name}: {e}")
            continue
        if date[:3] != parsedate_to_datetime(date).strftime("%a"):
            problems.append(f"{eml.name}: weekday does not match the date {date}")
        exp = eml.with_suffix(".expected.json")
        if not exp.exists():
            continue
        fields = json.loads(exp.read_text(encoding="utf-8"))["fields"]
        flat, nospace = re.sub(r"\s+", " ", text), re.sub(r"\s+", "", text)
        for name, value in fields.items():
            if name in ("currency", "decision"):  # a code / a reading of the answer, not a string in the mail
                continue
            # an IBAN is often written in groups of four: compare it without spaces
            if not any(f in text or f in flat or (name == "iban" and f in nospace) for f in check_corpus.forms(value)):
                problems.append(f"{eml.name}: expected {name} = {value!r} does not occur in the mail")
        if all(k in fields for k in ("net_total", "tax_total", "gross_total")):
            if Decimal(fields["net_total"]) + Decimal(fields["tax_total"]) != Decimal(fields["gross_total"]):
                problems.append(f"{eml.name}: net + tax != gross")
    print(f"{C}: {sum(counts.values())} mails " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(_check())
