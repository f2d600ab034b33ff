#!/usr/bin/env python3
"""Hand-written evaluation mails received by Ferrovia Logistica S.r.l. (Milan). Run: python3 mails.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

C = "ferrovia-logistics"
D = "ferrovia-logistica.example"
MAILROOM = f"Ferrovia Logistica <mailroom@{D}>"
COMMERCIALE = f"Ferrovia Logistica - Ufficio Commerciale <commerciale@{D}>"
OPERATIVO = f"operativo@{D}"
AMMINISTRAZIONE = f"Amministrazione Ferrovia Logistica <amministrazione@{D}>"
CS = f"Customer Service <customerservice@{D}>"


def raw(text: str) -> bytes:
    """A mail written out completely by hand (headers and MIME structure included)."""
    return text.lstrip("\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------------------
# quote_request
# ---------------------------------------------------------------------------------------------------------

write(C, "quote_request", "q01_en_terse_rotterdam", build(
    frm="Sanne de Vries <s.devries@hollandflor-trading.example>",
    to=COMMERCIALE,
    subject="rate Milan -> Rotterdam",
    date="Tue, 13 Oct 2026 08:52:10 +0200",
    text="""Hi Marco,

pls quote 12 pallets (120x80, not stackable) Milano Linate area -> Rotterdam Waalhaven,
approx 8.400 kg, pick up 20/10, delivery latest 22/10. Tail lift needed at delivery.

thx
Sanne

--
Sanne de Vries | Logistics Coordinator
HollandFlor Trading B.V. | Rotterdam
s.devries@hollandflor-trading.example
"""), {"customer_company": "HollandFlor Trading B.V.", "contact_email": "s.devries@hollandflor-trading.example"})

write(C, "quote_request", "q02_it_groupage_lione", build(
    frm=address("Federica Colombò", "f.colombo@officinecolombo-bg.example", "windows-1252"),
    to=COMMERCIALE,
    subject=encoded("Richiesta di offerta – groupage Bergamo / Lione", "windows-1252", "Q"),
    date="Wed, 14 Oct 2026 10:17:45 +0200",
    charset="windows-1252", cte="quoted-printable",
    text="""Buongiorno,

siamo un'azienda metalmeccanica di Grumello del Monte (BG) e stiamo valutando un nuovo fornitore per le
spedizioni verso la Francia. Vi chiediamo cortesemente la vostra migliore offerta per il seguente servizio:

- ritiro: Officine Colombò S.p.A., Via dell'Industria 22, 24064 Grumello del Monte (BG)
- consegna: zona industriale di Saint-Priest (69800), Lione
- merce: particolari meccanici in casse di legno, NON pericolosa
- colli: 4 casse, dimensioni 120x100x110 cm, peso complessivo 2.150 kg
- frequenza: circa 2 spedizioni al mese
- resa: franco destino, consegna su appuntamento

Vi preghiamo di indicare anche i tempi di resa, l'eventuale supplemento carburante e le condizioni per
l'assicurazione "all risks" (valore merce circa 48.000 € per spedizione).

Restiamo in attesa di un vostro riscontro entro fine settimana.

Cordiali saluti

Federica Colombò
Ufficio Acquisti
Officine Colombò S.p.A.
Tel. +39 035 830 1144
f.colombo@officinecolombo-bg.example

Le informazioni contenute in questo messaggio sono riservate e destinate esclusivamente al destinatario.
Qualora il messaggio vi fosse pervenuto per errore, vi preghiamo di eliminarlo e di darcene notizia.
"""), {"customer_company": "Officine Colombò S.p.A.", "contact_email": "f.colombo@officinecolombo-bg.example"})

write(C, "quote_request", "q03_de_komplettladung_tabelle", build(
    frm=address("Jörg Weißhaupt", "j.weisshaupt@lechtal-kunststoff.example", "iso-8859-1"),
    to=COMMERCIALE,
    subject="Anfrage",
    date="Thu, 15 Oct 2026 14:03:22 +0200",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Sehr geehrte Damen und Herren,

wir bitten um Ihr Angebot für folgende Komplettladungen (Planensattel, 13,6 Lademeter) ab unserem Werk
in 86399 Bobingen nach Norditalien. Verladung jeweils Montag bis Mittwoch, Entladung innerhalb von 48 h.

 Relation                    | Ladungen/Monat | Gewicht je LKW | Bemerkung
 ----------------------------+----------------+----------------+-----------------------
 Bobingen -> Verona (37135)  | 6              | ca. 22 t       | Rampe, Entladung 7-15 Uhr
 Bobingen -> Brescia (25125) | 3              | ca. 18 t       | Seitenentladung
 Bobingen -> Pordenone       | 2              | ca. 24 t       | Avis 24 h vorher

Ware: Kunststoffgranulat auf Paletten, kein Gefahrgut. Bitte Preise pro Ladung inkl. Maut und
Dieselzuschlag (Basis Dezember 2026) angeben sowie die Gültigkeit Ihres Angebots.
Start wäre ab KW 45.

Mit freundlichen Grüßen

Jörg Weißhaupt
Einkauf / Logistik
Lechtal Kunststofftechnik GmbH
Industriestraße 9, 86399 Bobingen
Tel. +49 8234 96 71 20

Lechtal Kunststofftechnik GmbH · Sitz Bobingen · Amtsgericht Augsburg HRB 31177
Geschäftsführer: Anton Lechner
"""), {"customer_company": "Lechtal Kunststofftechnik GmbH", "contact_email": "j.weisshaupt@lechtal-kunststoff.example"})

write(C, "quote_request", "q04_fr_frigo_bologne", build(
    frm="=?iso-8859-1?Q?H=E9l=E8ne_Barth=E9lemy?= <h.barthelemy@fromagerie-dupuis.example>",
    to=COMMERCIALE,
    subject=encoded("Demande de cotation transport frigorifique Lyon → Bologne", "utf-8", "B"),
    date="Mon, 19 Oct 2026 09:31:05 +0200",
    text="""Bonjour,

Nous sommes à la recherche d'un transporteur pour des envois réguliers de fromages affinés
de notre plateforme de Corbas (69960) vers un grossiste à Bologne (40138).

Détails :
  • 8 à 10 palettes Europe par envoi, environ 4,5 tonnes
  • température dirigée +2 °C / +4 °C, enregistreur obligatoire
  • départ le mardi, livraison le jeudi matin avant 10h00
  • démarrage souhaité : semaine 46

Pourriez-vous nous faire parvenir une cotation au camion complet ainsi qu'au groupage frigo,
avec vos conditions de paiement ?

Merci d'avance et bonne journée,

Hélène Barthélemy
Responsable Transport
Fromagerie Dupuis & Fils SAS
04 72 51 88 09
"""), {"customer_company": "Fromagerie Dupuis & Fils SAS", "contact_email": "h.barthelemy@fromagerie-dupuis.example"})

write(C, "quote_request", "q05_es_intermodal_valencia", build(
    frm=address("Álvaro Pérez Lluch", "compras@ceramicas-lluch.example", "iso-8859-1"),
    to=f"info@{D}",
    subject=encoded("Solicitud de presupuesto transporte Valencia-Milán", "iso-8859-1", "Q"),
    date="Tue, 20 Oct 2026 11:48:39 +0200",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Buenos días:

Desde Cerámicas Lluch, S.A. (Onda, Castellón) queremos solicitarles presupuesto para el transporte de
baldosas cerámicas desde nuestra fábrica hasta un cliente en Lainate (Milán).

Volumen estimado: 3 camiones completos por semana, 24 palets por camión, unos 25.000 kg.
Nos interesa tanto la opción por carretera como la intermodal (tren o barco Valencia-Génova + carretera),
si su tiempo de tránsito no supera los 5 días.

¿Podrían enviarnos su tarifa por camión y las condiciones (pago, seguro, plazo de validez)?

Un saludo cordial,

Álvaro Pérez
Departamento de Compras
Cerámicas Lluch, S.A.
Tel. 964 77 12 30
"""), {"customer_company": "Cerámicas Lluch, S.A.", "contact_email": "compras@ceramicas-lluch.example"})

write(C, "quote_request", "q06_it_gara_csv", build(
    frm="Ufficio Logistica Pastificio Valtellina <logistica@pastificio-valtellina.example>",
    to=COMMERCIALE,
    cc="r.gerosa@pastificio-valtellina.example",
    subject="Gara trasporti 2027 - invito a presentare offerta (scadenza 06/11/2026)",
    date="Thu, 22 Oct 2026 16:20:00 +0200",
    text="""Spett.le Ferrovia Logistica S.r.l.,

con la presente Vi invitiamo a partecipare alla gara per l'assegnazione dei trasporti nazionali e
internazionali del Pastificio Valtellina S.p.A. per l'anno 2027.

In allegato trovate il file "lotti_2027.csv" con le tratte, i volumi annui stimati e il tipo di mezzo.
Vi chiediamo di compilare la colonna "prezzo_offerto_EUR" (prezzo a viaggio, IVA esclusa) e di
restituirci il file entro venerdì 06/11/2026 ore 12:00, insieme a:
 - certificato di iscrizione all'Albo Autotrasportatori
 - polizza RC vettoriale in corso di validità
 - DURC aggiornato

Per chiarimenti potete contattare il sottoscritto o la collega Roberta Gerosa.

Distinti saluti

Ing. Davide Fumagalli
Responsabile Logistica
Pastificio Valtellina S.p.A. - Via Stelvio 101, 23017 Morbegno (SO)
""",
    attachments=[("lotti_2027.csv", "text/csv", """lotto;origine;destinazione;mezzo;viaggi_anno;peso_medio_kg;prezzo_offerto_EUR
1;Morbegno (SO);Milano Segrate (MI);bilico centinato;220;21000;
2;Morbegno (SO);Roma Fiano Romano (RM);bilico centinato;96;22500;
3;Morbegno (SO);Monaco di Baviera (DE);bilico centinato;48;19800;
4;Morbegno (SO);Lione Corbas (FR);bilico centinato;30;18000;
5;Morbegno (SO);Bari Modugno (BA);intermodale treno;40;23000;
""".encode("utf-8"))]), {"customer_company": "Pastificio Valtellina S.p.A.", "contact_email": "logistica@pastificio-valtellina.example"})

write(C, "quote_request", "q07_en_forward_uk", build(
    frm=f"Marco Bellandi <m.bellandi@{D}>",
    to=f"Giulia Ferraresi <g.ferraresi@{D}>",
    subject="Fwd: Rates Italy-UK for Q1",
    date="Mon, 26 Oct 2026 08:05:14 +0100",
    text="""Giulia, puoi preparare tu l'offerta? Io sono in fiera fino a mercoledì. Grazie, M.

---------- Forwarded message ---------
From: Oliver Hartley <oliver.hartley@penmore-interiors.example>
Date: Fri, 23 Oct 2026 at 17:41
Subject: Rates Italy-UK for Q1
To: Marco Bellandi <m.bellandi@ferrovia-logistica.example>


Dear Marco,

Good to meet you at the Cersaie stand last month. As promised, here is what we need a price for:

We import upholstered furniture from three factories in Brianza (Lissone, Meda, Cantù) and need a
weekly consolidated trailer to our DC in Daventry, NN11 8RB.
Typical week: 26-30 pallets, mostly light and bulky (approx. 6 t per trailer), some oversized sofas.

Could you send us:
1) a price per full trailer in GBP incl. Channel crossing and UK customs clearance (we have our own
   EORI, GB 123456789000),
2) a price per pallet for the weeks when we only have 10-12 pallets,
3) your T1/transit arrangements and transit time.

We'd like to start the first week of January 2027.

Kind regards,
Oliver Hartley
Head of Supply Chain
Penmore Interiors Ltd
+44 1327 555 018
"""), {"customer_company": "Penmore Interiors Ltd", "contact_email": "oliver.hartley@penmore-interiors.example"})

write(C, "quote_request", "q08_de_ch_lagerflaeche", build(
    frm=address("Beat Zürcher", "beat.zuercher@alpenkaffee.example"),
    to=COMMERCIALE,
    subject=encoded("Lagerfläche Raum Mailand – Offerte erbeten", "utf-8", "Q"),
    date="Wed, 28 Oct 2026 13:27:50 +0100",
    text="""Grüezi Herr Bellandi

Wir von der Alpenkaffee AG (Kaffeerösterei in Chur) bauen den Vertrieb in Norditalien aus und suchen
ab dem 1. Februar 2027 ein Aussenlager im Raum Mailand.

Eckdaten:
- ca. 180 Palettenplätze (Euro), Ware trocken, kein Kühlbedarf
- ca. 40 Paletten Eingang pro Monat ab Chur (per LKW, verzollt in Chiasso)
- Kommissionierung auf Kartonebene, ca. 350 Aufträge/Monat an Bars und Händler in der Lombardei
- Auslieferung mit Kleintransporter

Könnten Sie uns bitte eine Offerte für Lagerung (pro Palettenplatz und Monat), Handling Ein-/Ausgang,
Kommissionierung und Verteilung zukommen lassen? Gerne in EUR, alternativ in CHF.

Freundliche Grüsse

Beat Zürcher
Leiter Supply Chain
Alpenkaffee AG
Rossbodenstrasse 41, 7000 Chur
T +41 81 250 33 70
"""), {"customer_company": "Alpenkaffee AG", "contact_email": "beat.zuercher@alpenkaffee.example"})

write(C, "quote_request", "q09_it_mobile_bilici", build(
    frm="Stefano Ravasi <stefano.ravasi@ravasi-ferramenta.example>",
    to=f"Marco Bellandi <m.bellandi@{D}>",
    subject="prezzo x venerdi",
    date="Thu, 29 Oct 2026 19:12:03 +0100",
    text="""ciao Marco mi fai prezzo per 2 bilici Piacenza -> Monaco (Garching) venerdì 6? carico pieno 33 bancali ognuno, circa 20 ton. scarico lunedi mattina
fammi sapere entro domani che devo confermare al cliente

Stefano
Ravasi Ferramenta Srl

Inviato da iPhone
"""), {"customer_company": "Ravasi Ferramenta Srl", "contact_email": "stefano.ravasi@ravasi-ferramenta.example"})

write(C, "quote_request", "q10_en_html_rail_container", build(
    frm="Katarzyna Nowak <k.nowak@vistula-appliances.example>",
    to=COMMERCIALE,
    subject="RFQ 2026-117 - rail container Melzo - Poznan",
    date="Tue, 03 Nov 2026 10:40:11 +0100",
    html="""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>
p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
table.grid td {border:1px solid #999; padding:3px 6px; font-size:10pt;}
</style></head><body lang="EN-GB">
<div class="WordSection1">
<p class="MsoNormal">Dear Sir or Madam,</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Vistula Appliances Sp. z o.o. kindly requests your offer for intermodal transport
(45' HC pallet-wide containers) from your Melzo terminal to our plant in Poznań according to the table below.</p>
<p class="MsoNormal">&nbsp;</p>
<table class="grid" cellspacing="0">
<tr><td><b>Lane</b></td><td><b>Equipment</b></td><td><b>Containers / month</b></td><td><b>Gross weight</b></td><td><b>Goods</b></td></tr>
<tr><td>Melzo (IT) &#8211; Pozna&#324; (PL)</td><td>45' HC PW</td><td>8&#8211;10</td><td>max 24.000 kg</td><td>compressors, HS 8414</td></tr>
<tr><td>Pozna&#324; (PL) &#8211; Melzo (IT)</td><td>45' HC PW</td><td>4</td><td>approx. 12.000 kg</td><td>empty returnable racks</td></tr>
</table>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Please quote per container in EUR including first/last mile, terminal handling and
rail fuel surcharge; state transit time and number of free days for detention. Deadline for offers:
<b>13 November 2026</b>.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Best regards / Z powa&#380;aniem</p>
<p class="MsoNormal"><b>Katarzyna Nowak</b><br>Senior Purchasing Specialist &#8211; Logistics<br>
Vistula Appliances Sp. z o.o.<br>ul. Gda&#324;ska 18, 61-123 Pozna&#324;, Poland<br>
<a href="mailto:k.nowak@vistula-appliances.example">k.nowak@vistula-appliances.example</a></p>
</div></body></html>
"""), {"customer_company": "Vistula Appliances Sp. z o.o.", "contact_email": "k.nowak@vistula-appliances.example"})

# ---------------------------------------------------------------------------------------------------------
# purchase_order
# ---------------------------------------------------------------------------------------------------------

write(C, "purchase_order", "po01_it_ordine_trasporto_testo", build(
    frm="Spedizioni Rubinetterie Cusio <spedizioni@rubinetterie-cusio.example>",
    to=f"operativo@{D}",
    subject="Ordine di trasporto n. OT-2026/1187 - ritiro 05/11",
    date="Mon, 02 Nov 2026 09:12:44 +0100",
    charset="windows-1252", cte="quoted-printable",
    text="""Spett.le Ferrovia Logistica,

come da Vs. offerta n. 2026/0389 del 21/10/2026 Vi conferiamo il seguente ordine di trasporto.

ORDINE DI TRASPORTO N. OT-2026/1187

Mittente / luogo di carico:
  Rubinetterie Cusio S.p.A. - Via Novara 61, 28887 Omegna (VB)
  orario carico: 8:00-12:00 / 13:30-16:30

Destinatario / luogo di scarico:
  Sanitär Hofmann KG - Gewerbepark Nord 7, 90451 Nürnberg (DE)
  scarico entro il 09/11/2026, preavviso telefonico 24h (Hr. Hofmann +49 911 640 220)

Merce: 14 bancali EPAL, rubinetteria imballata, peso lordo 5.860 kg, non sovrapponibili
Resa: DAP Nürnberg
Prezzo concordato: € 1.380,00 (IVA esclusa), pagamento 60 gg d.f.f.m.

Si prega di indicare il n. d'ordine su CMR e fattura.

Distinti saluti

Manuela Zanetti
Ufficio Spedizioni
Rubinetterie Cusio S.p.A.
Tel. 0323 88 41 00
"""), {"order_number": "OT-2026/1187", "total": "1380.00", "currency": "EUR", "buyer": "Rubinetterie Cusio S.p.A."})

write(C, "purchase_order", "po02_de_transportauftrag_pdf", build(
    frm="Brenner Maschinenbau Disposition <dispo@brenner-maschinenbau.example>",
    to=f"operativo@{D}",
    subject="Transportauftrag 4500123987",
    date="Tue, 03 Nov 2026 07:48:02 +0100",
    text="""Guten Morgen,

anbei unser Transportauftrag 4500123987 für die Abholung am 05.11.2026 in Rosenheim.
Bitte bestätigen Sie den Auftrag kurzfristig per Mail.

Mit freundlichen Grüßen
i.A. Sabine Kellermann
Versand / Disposition
Brenner Maschinenbau GmbH

-- 
Diese E-Mail wurde automatisch aus SAP erzeugt.
""",
    attachments=[("TA_4500123987.pdf", "application/pdf", pdf([
        "TRANSPORTAUFTRAG 4500123987",
        "Brenner Maschinenbau GmbH  -  Kufsteiner Str. 120  -  83022 Rosenheim",
        "",
        "Auftragnehmer:   Ferrovia Logistica S.r.l., Via Privata Gaggia 14, I-20139 Milano",
        "Auftragsdatum:   03.11.2026",
        "Ansprechpartner: Sabine Kellermann, Tel. +49 8031 2290-415",
        "",
        "Beladestelle:    Brenner Maschinenbau GmbH, Tor 3, 83022 Rosenheim",
        "Ladetermin:      05.11.2026, 07:00 - 10:00 Uhr",
        "Entladestelle:   Tecnopress S.r.l., Via dell'Artigianato 5, I-25030 Castel Mella (BS)",
        "Entladetermin:   06.11.2026, bis 16:00 Uhr",
        "",
        "Pos.  Beschreibung                          Menge   Gewicht      Preis EUR",
        "10    Hydraulikpresse HP-250, verpackt      1 Kiste  7.400 kg",
        "20    Zubehoer auf Europaletten             3 Pal.     980 kg",
        "      Fahrzeug: Sattel mit Seitenbeladung, 13,6 ldm",
        "",
        "      Frachtpreis pauschal (netto)                                 2.150,00",
        "",
        "Gesamtbetrag netto:  2.150,00 EUR   (zzgl. MwSt. gemaess Reverse Charge)",
        "Zahlungsbedingungen: 30 Tage netto",
        "",
        "Es gelten die ADSp 2017. Bitte Auftragsnummer in allen Dokumenten angeben.",
    ], "Transportauftrag 4500123987"))]), {"order_number": "4500123987", "total": "2150.00", "currency": "EUR", "buyer": "Brenner Maschinenbau GmbH"})

write(C, "purchase_order", "po03_en_booking_confirmation", build(
    frm="Sanne de Vries <s.devries@hollandflor-trading.example>",
    to=f"Marco Bellandi <m.bellandi@{D}>",
    cc=f"operativo@{D}",
    subject="RE: rate Milan -> Rotterdam",
    date="Wed, 14 Oct 2026 15:06:33 +0200",
    in_reply_to="<7a1c0f93e2b84d11@ferrovia-logistica.example>",
    text="""Hi Marco,

OK for your rate, please book it. Our PO number is HF-77120, pls mention it on the invoice.

  PO number      : HF-77120
  Pick-up        : 20/10/2026, 08:00-14:00, Vivai Lombardi, Via Cascina Nuova 3, 20068 Peschiera Borromeo
  Delivery       : 22/10/2026 latest, HollandFlor Trading B.V., Waalhaven Z.z. 44, Rotterdam
  Goods          : 12 pallets plants/pots, 8.400 kg, not stackable
  Freight        : EUR 1,640.00
  Tail lift      : EUR    85.00
  Total          : EUR 1,725.00

Please send the driver's name and plate the day before.

Thanks,
Sanne

-----Original Message-----
From: Marco Bellandi <m.bellandi@ferrovia-logistica.example>
Sent: Tuesday, October 13, 2026 4:22 PM
To: Sanne de Vries <s.devries@hollandflor-trading.example>
Subject: RE: rate Milan -> Rotterdam

Hello Sanne,

for 12 pallets / 8.400 kg Peschiera Borromeo -> Rotterdam, pick up 20/10, delivery 22/10 our rate is
EUR 1.640,00 all in (fuel and tolls included), tail lift at delivery EUR 85,00.
Validity: 7 days.

Best regards
Marco Bellandi
Ferrovia Logistica S.r.l.
"""), {"order_number": "HF-77120", "total": "1725.00", "currency": "EUR", "buyer": "HollandFlor Trading B.V."})

write(C, "purchase_order", "po04_fr_bon_commande_html", build(
    frm=address("Hélène Barthélemy", "h.barthelemy@fromagerie-dupuis.example", "iso-8859-1"),
    to=COMMERCIALE,
    subject="Bon de commande BC-26-0912 - transports frigo Bologne novembre",
    date="Fri, 06 Nov 2026 11:02:17 +0100",
    text="""Bonjour Monsieur Bellandi,

Suite à votre offre, veuillez trouver ci-dessous notre bon de commande BC-26-0912 pour les 4 envois de novembre.

N° BC : BC-26-0912
Trajet : Corbas (69960) → Bologne (40138), température +2/+4 °C

Date de départ | Palettes | Poids    | Prix HT
10/11/2026     | 9        | 4 300 kg | 1 150,00 €
17/11/2026     | 10       | 4 650 kg | 1 150,00 €
24/11/2026     | 8        | 3 900 kg | 1 150,00 €
01/12/2026     | 10       | 4 700 kg | 1 150,00 €

Total HT : 4 600,00 €

Cordialement,
Hélène Barthélemy
Fromagerie Dupuis & Fils SAS
""",
    html="""<html><body style="font-family:Arial,sans-serif;font-size:13px">
<p>Bonjour Monsieur Bellandi,</p>
<p>Suite &agrave; votre offre, veuillez trouver ci-dessous notre bon de commande <b>BC-26-0912</b> pour les 4 envois de novembre.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr style="background:#dde7f0"><th colspan="4" align="left">BON DE COMMANDE N&deg; BC-26-0912 &ndash; Corbas (69960) &rarr; Bologne (40138), +2/+4 &deg;C</th></tr>
<tr><th>Date de d&eacute;part</th><th>Palettes</th><th>Poids</th><th>Prix HT</th></tr>
<tr><td>10/11/2026</td><td>9</td><td>4&nbsp;300 kg</td><td align="right">1&nbsp;150,00 &euro;</td></tr>
<tr><td>17/11/2026</td><td>10</td><td>4&nbsp;650 kg</td><td align="right">1&nbsp;150,00 &euro;</td></tr>
<tr><td>24/11/2026</td><td>8</td><td>3&nbsp;900 kg</td><td align="right">1&nbsp;150,00 &euro;</td></tr>
<tr><td>01/12/2026</td><td>10</td><td>4&nbsp;700 kg</td><td align="right">1&nbsp;150,00 &euro;</td></tr>
<tr><td colspan="3" align="right"><b>Total HT</b></td><td align="right"><b>4 600,00 &euro;</b></td></tr>
</table>
<p>Cordialement,<br>H&eacute;l&egrave;ne Barth&eacute;lemy<br>Fromagerie Dupuis &amp; Fils SAS</p>
</body></html>
"""), {"order_number": "BC-26-0912", "total": "4600.00", "currency": "EUR", "buyer": "Fromagerie Dupuis & Fils SAS"})

write(C, "purchase_order", "po05_it_csv_settimana46", build(
    frm="Logistica Distillerie Brioschi <logistica@distillerie-brioschi.example>",
    to=f"operativo@{D}",
    subject="ODA 2026/0456 - viaggi settimana 46",
    date="Thu, 05 Nov 2026 17:35:29 +0100",
    text="""Buonasera,

in allegato l'ordine d'acquisto ODA 2026/0456 con i viaggi della settimana 46 (tariffe come da listino
2026 concordato). Totale ordine € 2.660,00 + IVA.

Vi preghiamo di confermare la presa in carico entro domani mattina.

Grazie e buona serata
Silvia Brioschi
Distillerie F.lli Brioschi S.p.A. - Gallarate (VA)
""",
    attachments=[("ODA_2026_0456.csv", "text/csv", """ODA;2026/0456;Distillerie F.lli Brioschi S.p.A.;;;
Rif;Data carico;Destinazione;Bancali;Peso kg;Tariffa EUR
1;09/11/2026;Verona;12;6.480;410,00
2;10/11/2026;Bologna;20;11.200;560,00
3;11/11/2026;Torino;8;4.100;380,00
4;12/11/2026;Padova;33;19.800;690,00
5;13/11/2026;Firenze;16;9.050;620,00
;;;;Totale;2.660,00
""".encode("utf-8"))]), {"order_number": "ODA 2026/0456", "total": "2660.00", "currency": "EUR", "buyer": "Distillerie F.lli Brioschi S.p.A."})

write(C, "purchase_order", "po06_es_pedido_respuesta", build(
    frm=address("Álvaro Pérez Lluch", "compras@ceramicas-lluch.example", "iso-8859-1"),
    to=f"Marco Bellandi <m.bellandi@{D}>",
    subject=encoded("RE: Oferta transporte Onda - Lainate / Pedido PT-1456", "iso-8859-1", "Q"),
    date="Mon, 09 Nov 2026 12:25:51 +0100",
    charset="iso-8859-15", cte="quoted-printable",
    text="""Hola Marco:

Aceptamos su oferta por carretera. Le confirmamos el pedido PT-1456 para la semana 47:

  3 camiones completos Onda (Castellón) -> Lainate (MI)
  Carga: lunes 16/11, miércoles 18/11 y viernes 20/11
  Precio: 1.890,00 € por camión
  Importe total del pedido: 5.670,00 €

Por favor, indiquen el número de pedido PT-1456 en el CMR y en la factura.

Saludos,
Álvaro Pérez
Cerámicas Lluch, S.A.

-----Mensaje original-----
De: Marco Bellandi [mailto:m.bellandi@ferrovia-logistica.example]
Enviado el: viernes, 6 de noviembre de 2026 18:02
Para: compras@ceramicas-lluch.example
Asunto: Oferta transporte Onda - Lainate

Buenas tardes Álvaro,

le adjunto nuestra oferta: carretera 1.890,00 € por camión completo (tránsito 3 días),
intermodal barco Valencia-Génova 1.640,00 € (tránsito 5 días). Validez 30 días.

Saludos cordiales
Marco Bellandi
"""), {"order_number": "PT-1456", "total": "5670.00", "currency": "EUR", "buyer": "Cerámicas Lluch, S.A."})

write(C, "purchase_order", "po07_de_ch_bestellung_chf", build(
    frm=address("Beat Zürcher", "beat.zuercher@alpenkaffee.example"),
    to=f"Marco Bellandi <m.bellandi@{D}>",
    subject="Bestellung AK-PO-2026-0318 Erstbelieferung Lager Melzo",
    date="Tue, 24 Nov 2026 08:30:12 +0100",
    text="""Grüezi Herr Bellandi

Besten Dank für die Offerte. Wir bestellen hiermit gemäss Ihren Konditionen:

Bestellnummer: AK-PO-2026-0318

1) Transport Chur -> Melzo, 2 LKW à 20 Paletten, inkl. Verzollung Chiasso   CHF 2'640.00
2) Einlagerung / Handling Eingang 40 Paletten à CHF 9.00                     CHF   360.00
3) Einrichtung Artikelstamm und Schnittstelle (einmalig)                     CHF   480.00
                                                                             -------------
Total                                                                        CHF 3'480.00

Abholung in Chur am 18. Januar 2027, Lieferadresse Ihr Lager Melzo.
Rechnungsstellung bitte in CHF an Alpenkaffee AG, Rossbodenstrasse 41, 7000 Chur.

Freundliche Grüsse
Beat Zürcher
Alpenkaffee AG
"""), {"order_number": "AK-PO-2026-0318", "total": "3480.00", "currency": "CHF", "buyer": "Alpenkaffee AG"})

write(C, "purchase_order", "po08_en_uk_outlook_thread_gbp", build(
    frm="Oliver Hartley <oliver.hartley@penmore-interiors.example>",
    to=f"Giulia Ferraresi <g.ferraresi@{D}>",
    cc=f"Marco Bellandi <m.bellandi@{D}>",
    subject="RE: Quote FL-Q-2026-0412 Brianza - Daventry",
    date="Thu, 03 Dec 2026 10:14:40 +0000",
    html="""<html><body><div style="font-family:Calibri,Arial;font-size:11pt">
<p>Hi Giulia,</p>
<p>Thanks for the revised quote. We are happy to go ahead for the first two weeks of January as a trial.
Please treat this mail as our <b>Purchase Order 4400218</b>:</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:10pt">
<tr><th>Week</th><th>Service</th><th>Qty</th><th>Rate</th><th>Amount</th></tr>
<tr><td>wk 1 / 2027</td><td>Consolidated trailer Brianza &ndash; Daventry incl. customs</td><td>1</td><td>&pound;2,125.00</td><td>&pound;2,125.00</td></tr>
<tr><td>wk 2 / 2027</td><td>Consolidated trailer Brianza &ndash; Daventry incl. customs</td><td>1</td><td>&pound;2,125.00</td><td>&pound;2,125.00</td></tr>
<tr><td colspan="4" align="right"><b>PO total</b></td><td><b>&pound;4,250.00</b></td></tr>
</table>
<p>Invoices to accounts.payable@penmore-interiors.example quoting PO 4400218, please.</p>
<p>Kind regards,<br>Oliver</p>
<p style="color:#555">Oliver Hartley | Head of Supply Chain | Penmore Interiors Ltd | Daventry NN11 8RB</p>
<hr>
<p><b>From:</b> Giulia Ferraresi &lt;g.ferraresi@ferrovia-logistica.example&gt;<br>
<b>Sent:</b> 01 December 2026 16:47<br>
<b>To:</b> Oliver Hartley &lt;oliver.hartley@penmore-interiors.example&gt;<br>
<b>Subject:</b> Quote FL-Q-2026-0412 Brianza - Daventry</p>
<p>Dear Oliver,<br>please find our revised quote FL-Q-2026-0412: full consolidated trailer &pound;2,125.00
incl. Channel crossing, T1 and UK import clearance; part loads &pound;96.00 per pallet (min. 10).<br>
Best regards,<br>Giulia Ferraresi &ndash; Ferrovia Logistica S.r.l.</p>
<p style="font-size:8pt;color:#888">This email and any attachments are confidential and intended solely for the addressee. If you have
received it in error please notify the sender and delete it. Penmore Interiors Ltd, registered in England and Wales No. 08123456.</p>
</div></body></html>
"""), {"order_number": "4400218", "total": "4250.00", "currency": "GBP", "buyer": "Penmore Interiors Ltd"})

write(C, "purchase_order", "po09_it_adr_pdf", build(
    frm="Acquisti Chimica Adda <acquisti@chimica-adda.example>",
    to=COMMERCIALE,
    subject="Invio ordine n. 26/ACQ/00912",
    date="Wed, 18 Nov 2026 14:55:08 +0100",
    text="""Si trasmette in allegato ordine n. 26/ACQ/00912.
Si prega di restituire copia firmata per accettazione.

Ufficio Acquisti
Chimica Adda S.r.l.

Questa e-mail è stata generata automaticamente, si prega di non rispondere a questo indirizzo.
""",
    attachments=[("Ordine_26_ACQ_00912.pdf", "application/pdf", pdf([
        "CHIMICA ADDA S.r.l. - ORDINE DI ACQUISTO",
        "Via Lodivecchio 8 - 26900 Lodi (LO) - P.IVA IT04455660961",
        "",
        "Ordine n.:  26/ACQ/00912            Data: 18/11/2026",
        "Fornitore:  Ferrovia Logistica S.r.l. - Via Privata Gaggia 14 - 20139 Milano",
        "Rif. offerta fornitore: 2026/0431",
        "",
        "Pos. Descrizione                                         Q.ta  Prezzo unit.   Importo",
        "1    Trasporto bilico ADR Lodi -> Graz (AT), UN 1993,",
        "     classe 3, gr. imb. III, 22 IBC, 19.800 kg           1     1.980,00       1.980,00",
        "2    Supplemento ADR (autista patentato, kit)             1       150,00         150,00",
        "",
        "                                          Totale imponibile EUR           2.130,00",
        "",
        "Data carico: 24/11/2026 ore 7:00      Consegna: 25/11/2026",
        "Pagamento: bonifico 60 gg data fattura fine mese",
        "Il fornitore dichiara di essere in regola con le norme ADR vigenti.",
        "",
        "Firma per accettazione ______________________",
    ], "Ordine 26/ACQ/00912"))]), {"order_number": "26/ACQ/00912", "total": "2130.00", "currency": "EUR", "buyer": "Chimica Adda S.r.l."})

write(C, "purchase_order", "po10_de_kurz_bestellung", build(
    frm=address("Jörg Weißhaupt", "j.weisshaupt@lechtal-kunststoff.example", "iso-8859-1"),
    to=COMMERCIALE,
    subject=encoded("AW: Ihr Angebot 2026/0402 - Komplettladungen Norditalien", "iso-8859-15", "Q"),
    date="Fri, 30 Oct 2026 11:41:27 +0100",
    charset="iso-8859-15", cte="quoted-printable",
    text="""Hallo Herr Bellandi,

danke für das Angebot. Wir beauftragen Sie vorerst für November mit der Relation Verona:

Bestellnummer 4711-2026-088
6 Komplettladungen Bobingen -> Verona à 1.125,00 € = 6.750,00 € netto
Ladetermine: 9., 11., 16., 18., 23. und 25. November 2026

Brescia und Pordenone entscheiden wir im Dezember.

Gruß
Jörg Weißhaupt
Lechtal Kunststofftechnik GmbH

> Sehr geehrter Herr Weißhaupt,
> anbei unser Angebot 2026/0402: Verona 1.125,00 €, Brescia 1.060,00 €, Pordenone 1.240,00 € je
> Komplettladung, inkl. Maut und Dieselzuschlag (Basis Dezember 2026). Gültig bis 31.03.2027.
> Mit freundlichen Grüßen, Marco Bellandi
"""), {"order_number": "4711-2026-088", "total": "6750.00", "currency": "EUR", "buyer": "Lechtal Kunststofftechnik GmbH"})

# ---------------------------------------------------------------------------------------------------------
# invoice
# ---------------------------------------------------------------------------------------------------------

write(C, "invoice", "inv01_it_autotrasporti_pdf", build(
    frm="Autotrasporti Brambilla <amministrazione@brambilla-autotrasporti.example>",
    to=f"fatture@{D}",
    subject="Invio fattura n. 218/2026",
    date="Mon, 02 Nov 2026 10:03:51 +0100",
    text="""Buongiorno,
in allegato la fattura n. 218/2026 relativa ai viaggi di ottobre.
La fattura elettronica è stata trasmessa tramite SdI, questa è la copia di cortesia.
Coordinate per il bonifico: IBAN IT61X0306909606100000012345

Cordiali saluti
Rosa Brambilla
Autotrasporti Brambilla S.n.c. di Brambilla Ernesto & C.
""",
    attachments=[("Fattura_218_2026.pdf", "application/pdf", pdf([
        "AUTOTRASPORTI BRAMBILLA S.n.c. di Brambilla Ernesto & C.",
        "Via per Cassano 40 - 20066 Melzo (MI) - P.IVA IT02233440968 - Albo MI/1122334/A",
        "",
        "FATTURA N. 218/2026                      Data: 31/10/2026",
        "Spett.le Ferrovia Logistica S.r.l. - Via Privata Gaggia 14 - 20139 Milano - P.IVA IT09876540159",
        "",
        "Data    Tratta                          Rif. Vs. ordine        Importo EUR",
        "02/10   Melzo - Verona (bilico)         FL-2610-0114                480,00",
        "07/10   Melzo - Bologna (bilico)        FL-2610-0187                610,00",
        "14/10   Melzo - Torino (bilico)         FL-2610-0233                520,00",
        "21/10   Lodi - Padova (motrice)         FL-2610-0301                455,00",
        "28/10   Melzo - Verona (bilico)         FL-2610-0377                480,00",
        "",
        "                                      Imponibile              2.545,00",
        "                                      IVA 22%                   559,90",
        "                                      TOTALE DOCUMENTO        3.104,90",
        "",
        "Pagamento: bonifico bancario 60 gg d.f.f.m. - scadenza 31/12/2026",
        "IBAN: IT61 X030 6909 6061 0000 0012 345 - Banca Intesa, fil. Melzo",
    ], "Fattura 218/2026"))]),
    {"invoice_number": "218/2026", "issue_date": "2026-10-31", "seller": "Autotrasporti Brambilla S.n.c. di Brambilla Ernesto & C.",
     "currency": "EUR", "net_total": "2545.00", "tax_total": "559.90", "gross_total": "3104.90", "iban": "IT61X0306909606100000012345"})

write(C, "invoice", "inv02_it_dogana_anticipazioni", build(
    frm="Studio Doganale Cattaneo <fatturazione@cattaneo-dogane.example>",
    to=AMMINISTRAZIONE,
    subject="Fattura FT-2026-00874 - pratica import 26IT000456T (Penmore/Lissone)",
    date="Thu, 12 Nov 2026 16:44:09 +0100",
    charset="windows-1252", cte="quoted-printable",
    text="""Spett.le Ferrovia Logistica S.r.l.,

Vi trasmettiamo i dati della fattura relativa alla pratica in oggetto (copia analogica, l'originale è
stato inviato al Sistema di Interscambio).

Studio Doganale Cattaneo & Figli S.r.l.
Via Dogana 3, 22100 Como - P.IVA IT01987650134

FATTURA N. FT-2026-00874 del 12/11/2026

  Compensi per operazioni doganali (dichiarazione import, T1)     €   980,00
  Assistenza visita merce                                          €   200,00
                                                                   ----------
  Imponibile                                                       € 1.180,00
  IVA 22%                                                          €   259,60

  Anticipazioni ex art. 15 DPR 633/72 (fuori campo IVA):
  Dazi doganali                                                    € 1.102,30
  IVA all'importazione                                             € 1.212,20
                                                                   ----------
  Totale anticipazioni                                             € 2.314,50

  TOTALE DOCUMENTO                                                 € 3.754,10

Pagamento a vista fattura su IBAN IT14K0503411701000000004821 (Banco BPM, Como).
Le anticipazioni sono documentate dalla bolletta doganale allegata al fascicolo.

Cordiali saluti
Amministrazione - Studio Doganale Cattaneo & Figli
"""),
    {"invoice_number": "FT-2026-00874", "issue_date": "2026-11-12", "seller": "Studio Doganale Cattaneo & Figli S.r.l.",
     "currency": "EUR", "tax_total": "259.60", "gross_total": "3754.10", "iban": "IT14K0503411701000000004821"})

write(C, "invoice", "inv03_de_tankkarte_csv", build(
    frm="EuroTank Card Services <rechnung@eurotank-card.example>",
    to=AMMINISTRAZIONE,
    subject="Ihre Sammelrechnung ETC-26-1104587 (01.11.-15.11.2026)",
    date="Mon, 16 Nov 2026 05:12:00 +0100",
    text="""Sehr geehrte Damen und Herren,

anbei erhalten Sie Ihre Sammelrechnung für den Abrechnungszeitraum 01.11.2026 - 15.11.2026.

Kundennummer:      700 45 112
Rechnungsnummer:   ETC-26-1104587
Rechnungsdatum:    15.11.2026

Summe Nettobeträge         2.870,00 EUR
Umsatzsteuer 19 %            545,30 EUR
Rechnungsbetrag            3.415,30 EUR

Der Rechnungsbetrag wird am 25.11.2026 per SEPA-Lastschrift (Mandatsreferenz ETC-700045112,
Gläubiger-ID DE98ZZZ09999999999) von Ihrem hinterlegten Konto eingezogen.
Die Einzeltransaktionen finden Sie in der CSV-Datei im Anhang.

Mit freundlichen Grüßen
Ihr EuroTank Card Services Team

EuroTank Card Services GmbH · Hafenstraße 12 · 97080 Würzburg · USt-IdNr. DE301234567
Dies ist eine automatisch erzeugte Nachricht.
""",
    attachments=[("ETC-26-1104587_Transaktionen.csv", "text/csv", """Datum;Station;Kennzeichen;Produkt;Menge;Einheit;Netto EUR;USt EUR;Brutto EUR
03.11.2026;Kiefersfelden A93;FL 482 MI;Diesel;412,50;l;640,00;121,60;761,60
05.11.2026;Nürnberg-Feucht;FL 517 MI;Diesel;377,20;l;585,40;111,23;696,63
08.11.2026;Würzburg Süd;FL 482 MI;Diesel;459,00;l;712,30;135,34;847,64
11.11.2026;Rosenheim;FL 530 MI;Diesel;321,00;l;498,10;94,64;592,74
14.11.2026;Augsburg Ost;FL 517 MI;Diesel;279,80;l;434,20;82,49;516,69
;;;;;Summe;2.870,00;545,30;3.415,30
""".encode("utf-8"))]),
    {"invoice_number": "ETC-26-1104587", "issue_date": "2026-11-15", "seller": "EuroTank Card Services GmbH",
     "currency": "EUR", "net_total": "2870.00", "tax_total": "545.30", "gross_total": "3415.30"})

write(C, "invoice", "inv04_fr_facture_autoliquidation", build(
    frm="Transports Garnier <compta@transports-garnier.example>",
    to=f"fatture@{D}",
    subject="Facture FA-26-00731",
    date="Fri, 06 Nov 2026 18:20:37 +0100",
    charset="windows-1252", cte="quoted-printable",
    text="""Madame, Monsieur,

Veuillez trouver ci-dessous notre facture pour les prestations d'octobre.

Transports Garnier & Fils SARL
ZI Les Grandes Terres - 69800 Saint-Priest - SIRET 412 345 678 00021 - TVA FR47412345678

FACTURE N° FA-26-00731                  Date : 06/11/2026
Client : Ferrovia Logistica S.r.l., Milano (IT) - TVA IT09876540159

Date      Trajet                               Réf. client       Montant HT
06/10     Saint-Priest -> Milano Segrate       FL-2610-0152        780,00 €
15/10     Corbas -> Melzo (frigo)              FL-2610-0260        640,00 €
27/10     Lyon Port Edouard Herriot -> Melzo   FL-2610-0355        450,00 €

Total HT                                                         1 870,00 €
TVA : autoliquidation - art. 196 de la directive 2006/112/CE         0,00 €
Total TTC                                                        1 870,00 €

Règlement : virement à 45 jours fin de mois
IBAN : FR8330004008130001234567843 - BIC BNPAFRPPXXX

Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité forfaitaire pour frais de
recouvrement : 40 €.

Cordialement,
Service comptabilité
"""),
    {"invoice_number": "FA-26-00731", "issue_date": "2026-11-06", "seller": "Transports Garnier & Fils SARL",
     "currency": "EUR", "net_total": "1870.00", "tax_total": "0.00", "gross_total": "1870.00", "iban": "FR8330004008130001234567843"})

write(C, "invoice", "inv05_ch_rechnung_chf_pdf", build(
    frm=address("Buchhaltung Bündner Transport", "buchhaltung@buendner-transport.example", "iso-8859-1"),
    to=AMMINISTRAZIONE,
    subject="Rechnung 26-4471",
    date="Fri, 27 Nov 2026 15:02:18 +0100",
    text="""Guten Tag

In der Beilage senden wir Ihnen unsere Rechnung 26-4471 über CHF 1'845.50.
Zahlbar innert 30 Tagen.

Freundliche Grüsse
Buchhaltung
Bündner Transport AG
""",
    attachments=[("Rechnung_26-4471.pdf", "application/pdf", pdf([
        "Buendner Transport AG",
        "Industriestrasse 7 - 7302 Landquart - CHE-109.876.543 MWST",
        "",
        "Ferrovia Logistica S.r.l.",
        "Via Privata Gaggia 14, IT-20139 Milano",
        "",
        "RECHNUNG Nr. 26-4471                Datum: 27.11.2026",
        "Ihre Referenz: FL-2611-0521 / Alpenkaffee Testlieferung",
        "",
        "Leistung                                              Betrag CHF",
        "Transport Chur - Chiasso - Melzo, 18 Paletten           1'620.00",
        "Zollabfertigung Export Chiasso                            145.00",
        "Wartezeit Zoll 1,5 Std.                                    80.50",
        "",
        "Total netto                                             1'845.50",
        "MWST 0 % (Exportleistung, von der Steuer befreit)           0.00",
        "Rechnungstotal CHF                                      1'845.50",
        "",
        "Zahlbar innert 30 Tagen an:",
        "Graubuendner Kantonalbank, IBAN CH410070011600045678912",
    ], "Rechnung 26-4471"))]),
    {"invoice_number": "26-4471", "issue_date": "2026-11-27", "seller": "Bündner Transport AG", "currency": "CHF",
     "net_total": "1845.50", "tax_total": "0.00", "gross_total": "1845.50", "iban": "CH410070011600045678912"})

write(C, "invoice", "inv06_it_sollecito", build(
    frm="Trasporti Lario <ufficio@trasporti-lario.example>",
    to=AMMINISTRAZIONE,
    subject="SOLLECITO - fattura n. 1120 del 30/09/2026 non pagata",
    date="Wed, 18 Nov 2026 09:27:33 +0100",
    text="""Spett.le Ferrovia Logistica S.r.l.,

da un controllo contabile risulta ancora aperta la seguente fattura, scaduta il 31/10/2026:

  Fattura n. 1120 del 30/09/2026
  Trasporti settembre (Lecco - Melzo, 4 viaggi)
  Imponibile      € 1.600,00
  IVA 22%         €   352,00
  Totale          € 1.952,00

Vi preghiamo di provvedere al saldo entro 10 giorni mediante bonifico su:
Trasporti Lario di Gianola Mario & C. S.a.s.
IBAN IT27D0200801633000105678321 - UniCredit, ag. Lecco

Qualora il pagamento fosse già stato effettuato, vi preghiamo di considerare nulla la presente
e di inviarci copia della contabile.

Distinti saluti
Mario Gianola
Trasporti Lario di Gianola Mario & C. S.a.s. - Via Ghislanzoni 77, 23900 Lecco
"""),
    {"invoice_number": "1120", "issue_date": "2026-09-30", "seller": "Trasporti Lario di Gianola Mario & C. S.a.s.",
     "currency": "EUR", "net_total": "1600.00", "tax_total": "352.00", "gross_total": "1952.00", "iban": "IT27D0200801633000105678321"})

write(C, "invoice", "inv07_it_nota_di_credito", build(
    frm="Autotrasporti Brambilla <amministrazione@brambilla-autotrasporti.example>",
    to=f"fatture@{D}",
    cc=f"g.ferraresi@{D}",
    subject="Nota di credito NC 14/2026 rif. fattura 218/2026",
    date="Fri, 20 Nov 2026 11:15:02 +0100",
    text="""Buongiorno Giulia, buongiorno amministrazione,

come d'accordo al telefono per il ritardo sul viaggio Melzo-Torino del 14/10 (FL-2610-0233)
vi emettiamo la nota di credito seguente:

  NOTA DI CREDITO N. NC 14/2026 del 20/11/2026
  a storno parziale della fattura n. 218/2026 del 31/10/2026

  Abbuono per ritardata consegna          - 300,00 €
  IVA 22%                                 -  66,00 €
  Totale nota di credito                  - 366,00 €

L'importo verrà compensato con il pagamento della fattura 218/2026.

Saluti
Rosa Brambilla
Autotrasporti Brambilla S.n.c. di Brambilla Ernesto & C.
Via per Cassano 40 - 20066 Melzo (MI)
"""),
    {"invoice_number": "NC 14/2026", "issue_date": "2026-11-20", "seller": "Autotrasporti Brambilla S.n.c. di Brambilla Ernesto & C.",
     "currency": "EUR", "net_total": "-300.00", "tax_total": "-66.00", "gross_total": "-366.00"})

write(C, "invoice", "inv08_uk_invoice_sortcode", build(
    frm="Midlands Haulage Ltd <accounts@midlands-haulage.example>",
    to=f"fatture@{D}",
    subject="Invoice MH-20931 from Midlands Haulage Ltd",
    date="Wed, 18 Nov 2026 13:40:55 +0000",
    text="""Dear Ferrovia Logistica,

Here's invoice MH-20931 for GBP 1,380.00.

The amount outstanding of £1,380.00 is due on 18 Dec 2026.

-----------------------------------------------------------
INVOICE MH-20931                     Date: 18 Nov 2026
Reference: FL-2611-0408 / Penmore trial

Description                                   Qty   Amount GBP
Final mile Dover - Daventry, 28 pallets        1       980.00
Tail-lift vehicle and 2-man delivery           1       250.00
Waiting time Dover (3 h @ 50.00)               3       150.00

Subtotal                                              1,380.00
VAT (outside the scope of UK VAT - reverse charge)        0.00
TOTAL GBP                                             1,380.00
-----------------------------------------------------------

Payment by BACS to Midlands Haulage Ltd
Sort code: 40-11-62   Account number: 21456789

If you have any questions, please let us know.

Thanks,
Karen Whitfield
Midlands Haulage Ltd, Unit 4 Royal Oak Way, Daventry NN11 8QL
Company No. 06543210  VAT No. GB 298 7654 32
"""),
    {"invoice_number": "MH-20931", "issue_date": "2026-11-18", "seller": "Midlands Haulage Ltd", "currency": "GBP",
     "net_total": "1380.00", "tax_total": "0.00", "gross_total": "1380.00", "sort_code": "40-11-62", "account_number": "21456789"})

write(C, "invoice", "inv09_it_terminal_html_cortesia", build(
    frm="Melzo Intermodal Terminal <noreply-fatture@melzo-terminal.example>",
    to=f"fatture@{D}",
    subject="Copia di cortesia fattura elettronica n. 2026/TI/03391",
    date="Tue, 01 Dec 2026 02:14:00 +0100",
    html="""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Fattura</title></head>
<body style="font-family:Verdana,sans-serif;font-size:12px;color:#222">
<table width="640" cellpadding="0" cellspacing="0"><tr><td style="background:#004a80;color:#fff;padding:10px;font-size:16px">
<b>Melzo Intermodal Terminal S.p.A.</b></td></tr>
<tr><td style="padding:10px">
<p>Gentile cliente <b>FERROVIA LOGISTICA S.R.L.</b>,<br>
di seguito la copia di cortesia della fattura elettronica trasmessa al Sistema di Interscambio.
Il documento fiscalmente valido è quello recapitato tramite SdI (codice destinatario M5UXCR1).</p>
<table cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;font-size:11px">
<tr><td>Numero documento</td><td><b>2026/TI/03391</b></td></tr>
<tr><td>Data documento</td><td>30/11/2026</td></tr>
<tr><td>Tipo documento</td><td>TD01 - Fattura</td></tr>
</table><br>
<table cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;font-size:11px" width="100%">
<tr style="background:#e6eef5"><th align="left">Descrizione</th><th>Q.t&agrave;</th><th>Prezzo</th><th>Importo</th></tr>
<tr><td>Handling carico/scarico UTI - novembre 2026</td><td align="center">18</td><td align="right">95,00</td><td align="right">1.710,00</td></tr>
<tr><td>Sosta UTI oltre franchigia (giorni)</td><td align="center">6</td><td align="right">35,00</td><td align="right">210,00</td></tr>
<tr><td colspan="3" align="right">Imponibile</td><td align="right">1.920,00</td></tr>
<tr><td colspan="3" align="right">IVA 22%</td><td align="right">422,40</td></tr>
<tr><td colspan="3" align="right"><b>Totale documento EUR</b></td><td align="right"><b>2.342,40</b></td></tr>
</table>
<p>Scadenza pagamento: 31/12/2026 &ndash; Bonifico su IBAN <b>IT43M0623010803000046512873</b></p>
<p style="font-size:10px;color:#777">Melzo Intermodal Terminal S.p.A. &ndash; Via Trieste 50, 20066 Melzo (MI) &ndash; P.IVA IT07766550964<br>
Messaggio generato automaticamente, non rispondere.</p>
</td></tr></table></body></html>
"""),
    {"invoice_number": "2026/TI/03391", "issue_date": "2026-11-30", "seller": "Melzo Intermodal Terminal S.p.A.",
     "currency": "EUR", "net_total": "1920.00", "tax_total": "422.40", "gross_total": "2342.40", "iban": "IT43M0623010803000046512873"})

write(C, "invoice", "inv10_es_factura_pdf", build(
    frm=address("Transportes Hermanos Badía", "administracion@transportes-badia.example", "iso-8859-1"),
    to=f"fatture@{D}",
    subject="Factura 2026/A/0457",
    date="Fri, 04 Dec 2026 13:58:12 +0100",
    charset="iso-8859-1", cte="8bit",
    text="""Buenas tardes,

Adjuntamos factura nº 2026/A/0457 correspondiente a los portes de retorno de noviembre.
Rogamos transferencia a nuestra cuenta ES9121000418450200051332.

Atentamente,
Administración
Transportes Hermanos Badía, S.L.
""",
    attachments=[("Factura_2026_A_0457.pdf", "application/pdf", pdf([
        "TRANSPORTES HERMANOS BADIA, S.L.",
        "Pol. Ind. El Colador, C/ Ceramistas 12 - 12200 Onda (Castellon) - CIF B12345678",
        "",
        "FACTURA N.: 2026/A/0457            Fecha: 04/12/2026",
        "Cliente: Ferrovia Logistica S.r.l. - Via Privata Gaggia 14 - 20139 Milano (Italia)",
        "NIF-IVA cliente: IT09876540159",
        "",
        "Fecha     Concepto                                      Importo",
        "17/11     Porte Lainate (MI) - Onda, retorno vacio      1.260,00 EUR",
        "19/11     Porte Lainate (MI) - Onda, retorno vacio      1.260,00 EUR",
        "23/11     Porte Lainate (MI) - Onda, retorno vacio      1.260,00 EUR",
        "",
        "Base imponible                                          3.780,00 EUR",
        "IVA: operacion con inversion del sujeto pasivo (art. 196 Dir. 2006/112/CE)",
        "Total factura                                           3.780,00 EUR",
        "",
        "Forma de pago: transferencia a 60 dias",
        "IBAN: ES91 2100 0418 4502 0005 1332",
    ], "Factura 2026/A/0457"))]),
    {"invoice_number": "2026/A/0457", "issue_date": "2026-12-04", "seller": "Transportes Hermanos Badía, S.L.",
     "currency": "EUR", "net_total": "3780.00", "gross_total": "3780.00", "iban": "ES9121000418450200051332"})

# ---------------------------------------------------------------------------------------------------------
# support_ticket
# ---------------------------------------------------------------------------------------------------------

write(C, "support_ticket", "st01_it_arrabbiato_danni", build(
    frm="Manuela Zanetti <m.zanetti@rubinetterie-cusio.example>",
    to=CS,
    cc=f"Marco Bellandi <m.bellandi@{D}>",
    subject="RECLAMO - merce danneggiata OT-2026/1187 - INACCETTABILE",
    date="Wed, 11 Nov 2026 08:09:40 +0100",
    charset="windows-1252", cte="quoted-printable",
    text="""Buongiorno,

è la seconda volta in un mese!! Il nostro cliente di Norimberga (Sanitär Hofmann KG) ci ha appena
mandato le foto: su 14 bancali consegnati ieri, 3 sono arrivati con il film strappato e le scatole
schiacciate, almeno 40 miscelatori da buttare. Il cliente ha firmato il CMR con riserva
("3 Paletten beschädigt, Ware nicht geprüft").

Ordine di trasporto OT-2026/1187 - ritiro Omegna 05/11 - vostro rif. FL-2611-0102.

Vi avevamo scritto chiaramente NON SOVRAPPONIBILI sull'ordine. Evidentemente qualcuno ci ha caricato
sopra altra merce. Pretendiamo:
 1) spiegazioni scritte entro domani
 2) il risarcimento del danno (valore merce circa 6.200 €, vi mando la fattura pro forma)
 3) che il prossimo viaggio sia fatto con un mezzo dedicato

Così non si può lavorare.

Manuela Zanetti
Ufficio Spedizioni
Rubinetterie Cusio S.p.A.
"""), {"customer_email": "m.zanetti@rubinetterie-cusio.example"})

write(C, "support_ticket", "st02_de_dringend_bandstillstand", build(
    frm="Johann Auer <j.auer@brenner-maschinenbau.example>",
    to=f"operativo@{D}",
    cc="dispo@brenner-maschinenbau.example",
    subject=encoded("DRINGEND!!! Sendung 4500124410 nicht angekommen – Montage steht", "utf-8", "B"),
    date="Mon, 23 Nov 2026 07:14:09 +0100",
    headers=[("X-Priority", "1 (Highest)"), ("Importance", "High")],
    text="""Guten Morgen,

unsere Sendung mit Transportauftrag 4500124410 (Ersatzteile Hydraulik, 2 Paletten, Abholung
Castel Mella am Donnerstag 19.11.) hätte spätestens Freitag Mittag bei uns in Rosenheim sein müssen.
Bis jetzt ist nichts da, und die Sendungsverfolgung zeigt seit Freitag 06:40 "in transit – Verona".

Unsere Montagelinie 2 steht seit heute 6 Uhr, 14 Monteure warten. Jede Stunde kostet uns richtig Geld.

Bitte rufen Sie mich SOFORT an: +49 8031 2290-377 oder mobil +49 171 555 2093.
Wir brauchen eine Zustellung heute noch, notfalls per Express/Kurier auf Ihre Kosten.

Johann Auer
Leiter Montage
Brenner Maschinenbau GmbH
"""), {"customer_email": "j.auer@brenner-maschinenbau.example"})

write(C, "support_ticket", "st03_en_tracking_link_vague", build(
    frm="Sanne de Vries <s.devries@hollandflor-trading.example>",
    to=CS,
    subject="tracking",
    date="Tue, 20 Oct 2026 15:36:12 +0200",
    text="""Hello,

sorry to bother you, the tracking link in your pick-up confirmation for our PO HF-77120 doesn't seem to
work for me - it just shows "Shipment not found" (screenshot below, I hope it comes through).
Maybe I'm doing something wrong? Could you have a look or tell me where the truck is?

[image: screenshot tracking.png]

Thanks a lot!
Sanne

--
Sanne de Vries | Logistics Coordinator
HollandFlor Trading B.V.
"""), {"customer_email": "s.devries@hollandflor-trading.example"})

write(C, "support_ticket", "st04_fr_palettes_manquantes", build(
    frm=address("Hélène Barthélemy", "h.barthelemy@fromagerie-dupuis.example", "iso-8859-1"),
    to=CS,
    subject=encoded("Réclamation - 2 palettes manquantes livraison Bologne 19/11", "iso-8859-1", "Q"),
    date="Thu, 19 Nov 2026 14:48:27 +0100",
    charset="windows-1252", cte="quoted-printable",
    text="""Bonjour,

Notre client Caseificio Emiliano à Bologne nous informe qu'il n'a reçu ce matin que 8 palettes
sur les 10 chargées le 17/11 à Corbas (bon de commande BC-26-0912, 2e envoi).
Le chauffeur a accepté les réserves sur la lettre de voiture CMR n° 0448721.

Les 2 palettes manquantes contiennent du Comté 18 mois (valeur env. 7 900 €) et la marchandise
est périssable. Merci de nous dire au plus vite où elles se trouvent et quand elles pourront être
livrées, sinon nous devrons ouvrir un dossier de litige.

Cordialement,
Hélène Barthélemy
Responsable Transport - Fromagerie Dupuis & Fils SAS
"""), {"customer_email": "h.barthelemy@fromagerie-dupuis.example"})

write(C, "support_ticket", "st05_es_incidencia_palets_rotos", build(
    frm="Marta Gil <logistica@ceramicas-lluch.example>",
    to=CS,
    cc=address("Álvaro Pérez", "compras@ceramicas-lluch.example", "iso-8859-1"),
    subject="Incidencia entrega Lainate - pedido PT-1456",
    date="Thu, 19 Nov 2026 10:05:44 +0100",
    text="""Buenos días,

Nuestro cliente en Lainate nos comunica que el camión del pedido PT-1456 que descargó ayer (carga
16/11) llegó con 6 palets de baldosas con las cajas rotas; parece que la carga se desplazó durante el
viaje porque faltaban las cinchas. Nos han mandado fotos que adjuntaremos al expediente.

Necesitamos:
- el informe del conductor y copia del CMR con las reservas
- saber cómo van a gestionar el siniestro con su seguro

Por favor, abran una incidencia y respóndannos con el número.

Gracias,
Marta Gil
Logística - Cerámicas Lluch, S.A.
"""), {"customer_email": "logistica@ceramicas-lluch.example"})

write(C, "support_ticket", "st06_it_risarcimento_formale", build(
    frm=address("Qualità Chimica Adda", "qualita@chimica-adda.example"),
    to=CS,
    cc=f"amministrazione@{D}",
    subject="Richiesta di risarcimento danni - ordine 26/ACQ/00912 - trasporto Lodi/Graz del 24/11/2026",
    date="Tue, 01 Dec 2026 11:30:00 +0100",
    text="""Spett.le Ferrovia Logistica S.r.l.
c.a. Ufficio Reclami

Oggetto: richiesta di risarcimento danni - ordine n. 26/ACQ/00912 - trasporto ADR Lodi / Graz

Con la presente comunichiamo che, allo scarico presso il nostro cliente Steirische Lacke GmbH (Graz)
in data 25/11/2026, n. 2 IBC (UN 1993) sono risultati forati alla base con perdita parziale del
prodotto. Il destinatario ha apposto riserva specifica sul documento di trasporto.

Ai sensi della Convenzione CMR (artt. 17 e seguenti) Vi riteniamo responsabili del danno e Vi
chiediamo il risarcimento di € 3.460,00 (valore del prodotto perso e costi di bonifica sostenuti
dal destinatario), come da documentazione che trasmetteremo a parte.

Vi invitiamo altresì a comunicarci entro 8 giorni i dati della Vostra compagnia assicurativa e il
numero di sinistro.

Distinti saluti

Dott.ssa Carla Invernizzi
Responsabile Qualità e Sicurezza
Chimica Adda S.r.l. - Via Lodivecchio 8 - 26900 Lodi (LO)
"""), {"customer_email": "qualita@chimica-adda.example"})

write(C, "support_ticket", "st07_en_outlook_pod_shortage", build(
    frm="Rachel Okafor <rachel.okafor@penmore-interiors.example>",
    to=f"Giulia Ferraresi <g.ferraresi@{D}>",
    cc="Oliver Hartley <oliver.hartley@penmore-interiors.example>",
    subject="RE: Delivery wk 48 Daventry - shortage / no POD",
    date="Mon, 30 Nov 2026 11:52:18 +0000",
    text="""Hi Giulia,

Following up on my mail below - we still haven't heard back. Our goods-in team is adamant that only
26 of the 28 pallets arrived on Friday, and the driver left without getting the delivery note signed,
so we have no POD at all. Two Meda sofas (order refs PN-55012 and PN-55019) are missing and our
customer is chasing us for them.

Can you please check with the haulier and send us the POD or tell us where the 2 pallets are?

Thanks,
Rachel

Rachel Okafor | Inbound Logistics | Penmore Interiors Ltd
T +44 1327 555 031

-----Original Message-----
From: Rachel Okafor
Sent: 27 November 2026 16:20
To: Giulia Ferraresi <g.ferraresi@ferrovia-logistica.example>
Subject: Delivery wk 48 Daventry - shortage / no POD

Hi Giulia,
Trailer arrived at 14:10 today at door 6. We counted 26 pallets, your CMR says 28. Driver would not
wait for a recount. Please advise.
Rachel

________________________________
This email and any attachments are confidential and intended solely for the addressee. If you have
received it in error please notify the sender and delete it. Penmore Interiors Ltd, registered in
England and Wales No. 08123456, registered office: Royal Oak Way, Daventry NN11 8RB.
"""), {"customer_email": "rachel.okafor@penmore-interiors.example"})

write(C, "support_ticket", "st08_de_iphone_fahrer_fehlt", build(
    frm=address("Jörg Weißhaupt", "j.weisshaupt@lechtal-kunststoff.example", "iso-8859-1"),
    to=f"operativo@{D}",
    subject="Fahrer??",
    date="Mon, 16 Nov 2026 13:02:55 +0100",
    text="""Ihr LKW für Verona war heute um 8 angemeldet, jetzt ist es 13 Uhr und keiner da. Telefon geht keiner ran. Die Ware steht auf der Rampe und blockiert uns. Bestellung 4711-2026-088, Ladung 16.11.
Bitte um sofortige Rückmeldung!

Von meinem iPhone gesendet
"""), {"customer_email": "j.weisshaupt@lechtal-kunststoff.example"})

write(C, "support_ticket", "st09_it_portale_login", build(
    frm="Silvia Brioschi <s.brioschi@distillerie-brioschi.example>",
    to=CS,
    subject="Problema accesso portale tracking",
    date="Tue, 10 Nov 2026 09:44:31 +0100",
    text="""Buongiorno,

da ieri non riesco più ad entrare nel vostro portale clienti per vedere lo stato delle spedizioni
e scaricare i DDT firmati. Inserisco utente (brioschi.logistica) e password e mi compare:

    "Errore 403 - Account bloccato per troppi tentativi. Contattare l'amministratore."

Ho provato anche il "recupera password" ma la mail di reset non arriva (controllato anche lo spam).
Mi servono urgentemente i DDT dei viaggi della settimana 46 (ODA 2026/0456) per la fatturazione.

Potete sbloccarmi l'utenza?

Grazie
Silvia Brioschi
Distillerie F.lli Brioschi S.p.A.
Tel. 0331 78 22 10
"""), {"customer_email": "s.brioschi@distillerie-brioschi.example"})

write(C, "support_ticket", "st10_it_forward_cliente_vago", build(
    frm="Stefano Ravasi <stefano.ravasi@ravasi-ferramenta.example>",
    to=f"Marco Bellandi <m.bellandi@{D}>",
    subject="Fwd: Lieferung 09.11.",
    date="Wed, 11 Nov 2026 17:26:03 +0100",
    text="""ciao Marco, vedi sotto, il cliente tedesco si lamenta della consegna di lunedì. io non capisco bene
cosa sia successo, puoi verificare con il tuo autista e farmi sapere? grazie

Stefano

---------- Forwarded message ---------
From: Gerhard Lutz <g.lutz@lutz-baumarkt.example>
Date: Wed, Nov 11, 2026 at 4:51 PM
Subject: Lieferung 09.11.
To: Stefano Ravasi <stefano.ravasi@ravasi-ferramenta.example>


Hallo Herr Ravasi,

bei der Lieferung am Montag in Garching hat der Fahrer die Paletten einfach vor dem Tor abgestellt,
obwohl wir bis 16 Uhr geöffnet haben. Zwei Paletten waren nass vom Regen, die Kartons sind
aufgeweicht. Außerdem fehlt auf dem Lieferschein die Unterschrift.

Bitte klären Sie das mit Ihrer Spedition.

Gruß
Gerhard Lutz
Lutz Baumarkt GmbH
"""), {"customer_email": "stefano.ravasi@ravasi-ferramenta.example"})

# ---------------------------------------------------------------------------------------------------------
# approval (replies of internal approvers to Mailroom's approval requests)
# ---------------------------------------------------------------------------------------------------------

write(C, "approval", "ap01_it_approvato_outlook", build(
    frm=f"Elena Gatti <e.gatti@{D}>",
    to=MAILROOM,
    subject=encoded("R: Approvazione richiesta: Offerta Q-2026-0431 per Chimica Adda S.r.l. – 2.130,00 EUR [APR-2026-0212]", "utf-8", "Q"),
    date="Wed, 18 Nov 2026 15:41:09 +0100",
    in_reply_to=f"<approval.apr-2026-0212@{D}>",
    text="""Approvato.

Elena Gatti
Direttore Generale
Ferrovia Logistica S.r.l.

-----Messaggio originale-----
Da: Ferrovia Logistica <mailroom@ferrovia-logistica.example>
Inviato: mercoledì 18 novembre 2026 15:02
A: Elena Gatti <e.gatti@ferrovia-logistica.example>
Oggetto: Approvazione richiesta: Offerta Q-2026-0431 per Chimica Adda S.r.l. – 2.130,00 EUR [APR-2026-0212]

Si prega di approvare o rifiutare la seguente pratica.

Riferimento: APR-2026-0212
Pratica: Offerta Q-2026-0431 per Chimica Adda S.r.l. (trasporto ADR Lodi - Graz)
Importo: 2.130,00 EUR
Richiesto da: Marco Bellandi

Rispondere con "Approvato" oppure "Rifiutato".
"""), {"decision": "approve", "reference": "APR-2026-0212"})

write(C, "approval", "ap02_en_rejected_reason", build(
    frm=f"Paolo Rinaldi <p.rinaldi@{D}>",
    to=MAILROOM,
    subject=encoded("RE: Approval needed: Subcontract FL-SUB-2026-0088 Midlands Haulage Ltd – GBP 14,200.00 [APR-2026-0227]", "utf-8", "Q"),
    date="Mon, 23 Nov 2026 09:03:47 +0100",
    in_reply_to=f"<approval.apr-2026-0227@{D}>",
    text="""Rejected.

14.2k for Q1 final mile is 18% above what we paid last year for the same volume. Giulia, please go back
to Midlands and ask for at least 10% less, or get a second quote from Trent Valley, then resubmit.

Paolo

> Approval needed: Subcontract FL-SUB-2026-0088 Midlands Haulage Ltd - GBP 14,200.00
>
> Reference: APR-2026-0227
> Item: Subcontract FL-SUB-2026-0088, UK final mile Dover - Daventry, Jan-Mar 2027
> Supplier: Midlands Haulage Ltd
> Amount: GBP 14,200.00
> Requested by: Giulia Ferraresi
>
> Reply with Approved or Rejected.
"""), {"decision": "reject", "reference": "APR-2026-0227"})

write(C, "approval", "ap03_it_condizionale_iphone", build(
    frm=f"Elena Gatti <e.gatti@{D}>",
    to=MAILROOM,
    subject="Re: Approvazione richiesta: Ordine pneumatici Gommatrans S.r.l. - 8.940,00 EUR [APR-2026-0240]",
    date="Thu, 03 Dec 2026 19:22:31 +0100",
    in_reply_to=f"<approval.apr-2026-0240@{D}>",
    text="""Ok approvato, ma solo se montaggio e consegna sono entro il 15/12, altrimenti i mezzi restano fermi sotto Natale. Luca verifica tu con Gommatrans.

E.

Inviato da iPhone

> Il giorno 3 dic 2026, alle ore 17:05, Ferrovia Logistica <mailroom@ferrovia-logistica.example> ha scritto:
>
> Riferimento: APR-2026-0240
> Pratica: Ordine pneumatici invernali (24 pz. 315/70 R22.5) Gommatrans S.r.l.
> Importo: 8.940,00 EUR
>
> Rispondere con "Approvato" oppure "Rifiutato".
"""), {"decision": "approve", "reference": "APR-2026-0240"})

write(C, "approval", "ap04_it_rifiutato_breve", build(
    frm=f"Paolo Rinaldi <p.rinaldi@{D}>",
    to=MAILROOM,
    subject="R: Approvazione richiesta: Fattura FT-2026-00874 Studio Doganale Cattaneo & Figli S.r.l. - 3.754,10 EUR [APR-2026-0219]",
    date="Fri, 13 Nov 2026 08:47:12 +0100",
    in_reply_to=f"<approval.apr-2026-0219@{D}>",
    charset="windows-1252", cte="quoted-printable",
    text="""Rifiutato - la pratica va rifatturata a Penmore, non a noi (dazi e IVA import sono loro). Chiedo a Cattaneo di riemettere.

P. Rinaldi

-----Messaggio originale-----
Da: Ferrovia Logistica <mailroom@ferrovia-logistica.example>
Inviato: venerdì 13 novembre 2026 08:30
Oggetto: Approvazione richiesta: Fattura FT-2026-00874 Studio Doganale Cattaneo & Figli S.r.l. - 3.754,10 EUR [APR-2026-0219]

Riferimento: APR-2026-0219
Rispondere con "Approvato" oppure "Rifiutato".
"""), {"decision": "reject", "reference": "APR-2026-0219"})

# ---------------------------------------------------------------------------------------------------------
# auto_reply
# ---------------------------------------------------------------------------------------------------------

write(C, "auto_reply", "ar01_it_fuori_ufficio", build(
    frm="Manuela Zanetti <m.zanetti@rubinetterie-cusio.example>",
    to=CS,
    subject="Risposta automatica: R: RECLAMO - merce danneggiata OT-2026/1187",
    date="Thu, 12 Nov 2026 10:02:13 +0100",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    charset="windows-1252", cte="quoted-printable",
    text="""Sono fuori ufficio fino a lunedì 16 novembre con accesso limitato alla posta.
Per urgenze relative alle spedizioni potete contattare il collega Andrea Pella
(a.pella@rubinetterie-cusio.example - tel. 0323 88 41 05).

Cordiali saluti
Manuela Zanetti
"""))

write(C, "auto_reply", "ar02_de_abwesenheit_ohne_header", build(
    frm="Sabine Kellermann <dispo@brenner-maschinenbau.example>",
    to=f"operativo@{D}",
    subject=encoded("Abwesenheitsnotiz: AW: Transportauftrag 4500123987 – Bestätigung", "utf-8", "Q"),
    date="Tue, 03 Nov 2026 09:15:40 +0100",
    text="""Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 06.11.2026 nicht im Büro. Ihre E-Mail wird nicht weitergeleitet.
In dringenden Fällen wenden Sie sich bitte an versand@brenner-maschinenbau.example
oder telefonisch an +49 8031 2290-400.

Mit freundlichen Grüßen
Sabine Kellermann
"""))

write(C, "auto_reply", "ar03_dsn_multipart_report", raw("""
Return-Path: <>
Received: by mx1.ferrovia-logistica.example (Postfix)
	id 4Qz8Kc0mH2z9tT; Fri,  6 Nov 2026 18:31:02 +0100 (CET)
Date: Fri,  6 Nov 2026 18:31:02 +0100 (CET)
From: MAILER-DAEMON@mx1.ferrovia-logistica.example (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: m.bellandi@ferrovia-logistica.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4Qz8Kc0mH2z9tT.1794072662/mx1.ferrovia-logistica.example"
Content-Transfer-Encoding: 7bit
Message-Id: <20261106173102.4Qz8Kc0mH2z9tT@mx1.ferrovia-logistica.example>

This is a MIME-encapsulated message.

--4Qz8Kc0mH2z9tT.1794072662/mx1.ferrovia-logistica.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx1.ferrovia-logistica.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<a.perez@ceramicas-lluch.example>: host mx.ceramicas-lluch.example[203.0.113.25]
    said: 550 5.1.1 <a.perez@ceramicas-lluch.example>: Recipient address
    rejected: User unknown in virtual mailbox table (in reply to RCPT TO
    command)

--4Qz8Kc0mH2z9tT.1794072662/mx1.ferrovia-logistica.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.ferrovia-logistica.example
X-Postfix-Queue-ID: 4Qz8Kc0mH2z9tT
X-Postfix-Sender: rfc822; m.bellandi@ferrovia-logistica.example
Arrival-Date: Fri,  6 Nov 2026 18:31:00 +0100 (CET)

Final-Recipient: rfc822; a.perez@ceramicas-lluch.example
Original-Recipient: rfc822;a.perez@ceramicas-lluch.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.ceramicas-lluch.example
Diagnostic-Code: smtp; 550 5.1.1 <a.perez@ceramicas-lluch.example>: Recipient
    address rejected: User unknown in virtual mailbox table

--4Qz8Kc0mH2z9tT.1794072662/mx1.ferrovia-logistica.example
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <m.bellandi@ferrovia-logistica.example>
From: Marco Bellandi <m.bellandi@ferrovia-logistica.example>
To: a.perez@ceramicas-lluch.example
Subject: Oferta transporte Onda - Lainate
Date: Fri, 6 Nov 2026 18:02:44 +0100
Message-ID: <e41b9a07c5d2@ferrovia-logistica.example>

--4Qz8Kc0mH2z9tT.1794072662/mx1.ferrovia-logistica.example--
"""))

write(C, "auto_reply", "ar04_fr_bounce_texte", build(
    frm="Mail Delivery Subsystem <postmaster@relais.transports-garnier.example>",
    to=f"fatture@{D}",
    subject="Mail delivery failed: returning message to sender",
    date="Mon, 09 Nov 2026 07:58:22 +0100",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Failed-Recipients", "compta-fournisseurs@transports-garnier.example")],
    text="""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  compta-fournisseurs@transports-garnier.example
    Boîte aux lettres pleine / mailbox full (quota exceeded)
    SMTP error from remote mail server after RCPT TO:<compta-fournisseurs@transports-garnier.example>:
    552 5.2.2 Mailbox full

------ This is a copy of the message, including all the headers. ------

From: Amministrazione Ferrovia Logistica <fatture@ferrovia-logistica.example>
To: compta-fournisseurs@transports-garnier.example
Subject: Contestazione fattura FA-26-00731
Date: Mon, 9 Nov 2026 07:58:19 +0100

Buongiorno / Bonjour,
merci de nous envoyer le détail des frais d'attente facturés...
"""))

write(C, "auto_reply", "ar05_en_read_receipt_mdn", raw("""
From: Oliver Hartley <oliver.hartley@penmore-interiors.example>
To: Giulia Ferraresi <g.ferraresi@ferrovia-logistica.example>
Subject: Read: Quote FL-Q-2026-0412 Brianza - Daventry
Date: Tue, 1 Dec 2026 17:03:55 +0000
Message-ID: <LO2P265MB0412A1B2C3D4E5F6@LO2P265MB0412.GBRP265.prod.outlook.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification;
	boundary="----=_NextPart_MDN_0412"

------=_NextPart_MDN_0412
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 7bit

Your message

To: Oliver Hartley
Subject: Quote FL-Q-2026-0412 Brianza - Daventry
Sent: Tuesday, December 1, 2026 4:47:12 PM (UTC+00:00) Dublin, Edinburgh, Lisbon, London

was read on Tuesday, December 1, 2026 5:03:49 PM (UTC+00:00) Dublin, Edinburgh, Lisbon, London.

------=_NextPart_MDN_0412
Content-Type: message/disposition-notification

Reporting-UA: penmore-interiors.example; Microsoft Outlook 16.0
Final-Recipient: rfc822;oliver.hartley@penmore-interiors.example
Original-Message-ID: <b7f1e2a9c4d0@ferrovia-logistica.example>
Disposition: manual-action/MDN-sent-manually; displayed

------=_NextPart_MDN_0412--
"""))

write(C, "auto_reply", "ar06_fr_absence", build(
    frm=address("Hélène Barthélemy", "h.barthelemy@fromagerie-dupuis.example", "iso-8859-1"),
    to=CS,
    subject=encoded("Réponse automatique : Réclamation - 2 palettes manquantes livraison Bologne 19/11", "iso-8859-1", "Q"),
    date="Fri, 20 Nov 2026 12:00:31 +0100",
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Bonjour,

Je suis absente du 20/11 au 30/11 inclus. Pour toute question urgente concernant les expéditions,
merci de contacter Julien Moreau (j.moreau@fromagerie-dupuis.example, 04 72 51 88 12).

Cordialement,
Hélène Barthélemy
"""))

# ---------------------------------------------------------------------------------------------------------
# other
# ---------------------------------------------------------------------------------------------------------

write(C, "other", "o01_it_newsletter_pallet_html", build(
    frm="PalletPro Italia <newsletter@palletpro-italia.example>",
    to=f"acquisti@{D}",
    subject=encoded("🔥 Black Week PalletPro: EPAL nuovi da 11,90 € – ordina entro venerdì!", "utf-8", "B"),
    date="Mon, 23 Nov 2026 06:30:00 +0100",
    headers=[("List-Id", "PalletPro Italia clienti <clienti.palletpro-italia.example>"),
             ("List-Unsubscribe", "<https://palletpro-italia.example/unsub?u=ferrovia-8812>, <mailto:unsubscribe@palletpro-italia.example>"),
             ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
             ("Precedence", "bulk")],
    html="""<!DOCTYPE html><html><body style="margin:0;background:#f2f2f2">
<center><table width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Arial,sans-serif">
<tr><td style="background:#1b5e20;color:#fff;text-align:center;padding:18px;font-size:22px"><b>BLACK WEEK PalletPro</b></td></tr>
<tr><td style="padding:16px;font-size:14px">Gentile cliente,<br>solo fino a venerd&igrave; 27 novembre prezzi speciali su bancali e accessori per il tuo magazzino:</td></tr>
<tr><td><table width="100%" cellpadding="8" style="font-size:14px">
<tr><td>Bancale EPAL 1200x800 nuovo</td><td align="right"><s>13,50 &euro;</s> <b>11,90 &euro;</b></td></tr>
<tr><td>Bancale EPAL usato 1&ordf; scelta</td><td align="right"><b>7,40 &euro;</b></td></tr>
<tr><td>Film estensibile 23&micro; (rotolo 300 m)</td><td align="right"><b>9,80 &euro;</b></td></tr>
<tr><td>Angolari in cartone 1000 mm (conf. 100)</td><td align="right"><b>21,00 &euro;</b></td></tr>
</table></td></tr>
<tr><td align="center" style="padding:20px"><a href="https://palletpro-italia.example/shop?utm=bw26" style="background:#ff6f00;color:#fff;padding:12px 28px;text-decoration:none;border-radius:4px;font-size:16px">ORDINA ORA</a></td></tr>
<tr><td style="padding:12px;font-size:11px;color:#777;text-align:center">Prezzi IVA esclusa, franco nostro magazzino di Cremona, ordine minimo 50 pz.<br>
Ricevi questa mail perch&eacute; sei cliente PalletPro. <a href="https://palletpro-italia.example/unsub?u=ferrovia-8812">Disiscriviti</a></td></tr>
</table></center></body></html>
"""))

write(C, "other", "o02_de_en_messe_einladung", build(
    frm="transport logistic Team <invite@tl-messe.example>",
    to=f"m.bellandi@{D}",
    subject=encoded("Ihre persönliche Einladung: transport logistic 2027 – Gratis-Ticket", "utf-8", "Q"),
    date="Tue, 08 Dec 2026 10:00:00 +0100",
    html="""<html><body style="font-family:Helvetica,Arial;font-size:14px">
<p>Sehr geehrter Herr Bellandi,</p>
<p>vom <b>4. bis 7. Mai 2027</b> trifft sich die Logistikbranche in M&uuml;nchen. Als Aussteller des Jahres
2025 laden wir Sie herzlich ein &ndash; mit Ihrem pers&ouml;nlichen Code <b>TL27-VIP-88123</b> erhalten Sie ein
kostenloses Tagesticket (regul&auml;r 79,00 &euro;).</p>
<p><i>Dear Mr Bellandi, register now with your code and save the date: rail &amp; intermodal hall B4 is
bigger than ever.</i></p>
<p><a href="https://tl-messe.example/ticket?code=TL27-VIP-88123">Jetzt Ticket sichern / Register now</a></p>
<p>Standfl&auml;chen f&uuml;r 2027 sind bereits zu 90&nbsp;% vergeben &ndash; sprechen Sie uns an.</p>
<p>Ihr transport logistic Team<br>Messe M&uuml;nchen (fiktiv)</p>
</body></html>
"""))

write(C, "other", "o03_it_interno_riunione", build(
    frm=f"Giulia Ferraresi <g.ferraresi@{D}>",
    to=f"Marco Bellandi <m.bellandi@{D}>, Luca Sartori <l.sartori@{D}>, Chiara Motta <c.motta@{D}>",
    subject=encoded("riunione operativa lunedì", "utf-8", "Q"),
    date="Thu, 26 Nov 2026 17:48:20 +0100",
    text="""Ciao a tutti,

spostiamo la riunione operativa di lunedì dalle 9 alle 11, sala Binario 2 (quella piccola).
Ordine del giorno:
- picchi di dicembre magazzino Melzo (Luca)
- reclami aperti Cusio / Dupuis / Penmore (Chiara)
- nuove tariffe 2027 subvettori

Se qualcuno non c'è fatemi sapere. Porto io i cornetti 🥐

Giulia
"""))

write(C, "other", "o04_it_collega_dove_file", build(
    frm=f"Chiara Motta <c.motta@{D}>",
    to=f"Marco Bellandi <m.bellandi@{D}>",
    subject="listino Penmore?",
    date="Wed, 02 Dec 2026 12:11:45 +0100",
    text="""Marco scusa, dove hai salvato il listino 2027 che hai mandato a Penmore? Nella cartella
Commerciale\\Offerte 2026\\UK non lo trovo, c'è solo la versione di ottobre.
Mi serve per rispondere alla Rachel sui pallet extra.
Grazie!
Chiara
"""))

write(C, "other", "o05_it_candidatura_autista", build(
    frm="Davide Esposito <davide.esposito88@posta-personale.example>",
    to=f"info@{D}",
    subject="Candidatura spontanea autista patente CE + ADR",
    date="Sun, 15 Nov 2026 21:37:02 +0100",
    text="""Buonasera,

mi chiamo Davide Esposito, ho 38 anni e vivo a Cassano d'Adda. Sono in possesso di patente CE, CQC
merci e patentino ADR cisterne, con 12 anni di esperienza su bilici in Italia e in Europa (Germania,
Francia, Benelux).

Vi invio in allegato il mio curriculum nel caso cerchiate autisti per la vostra sede di Melzo.
Sono disponibile da subito, anche per viaggi internazionali con rientro nel weekend.

Ringrazio per l'attenzione e porgo cordiali saluti.

Davide Esposito
cell. 347 555 1290
""",
    attachments=[("CV_Davide_Esposito.pdf", "application/pdf", pdf([
        "Davide Esposito - Curriculum Vitae",
        "Nato a Napoli il 03/04/1988 - residente a Cassano d'Adda (MI)",
        "Patenti: B, C, CE - CQC merci - ADR base + cisterne (scad. 2029)",
        "",
        "2019 - oggi   Autista bilico internazionale, Trasporti Nord-Est (Verona)",
        "2014 - 2019   Autista motrice, distribuzione GDO Lombardia",
        "",
        "Lingue: italiano, inglese base, tedesco base",
    ], "CV Davide Esposito"))]))

write(C, "other", "o06_it_phishing_cambio_iban", build(
    frm="Autotrasporti Brambilla <amministrazione@brambilla-autotrasporti-srl.example>",
    to=f"fatture@{D}",
    subject="URGENTE: variazione coordinate bancarie",
    date="Tue, 24 Nov 2026 11:03:20 +0100",
    headers=[("Reply-To", "rosa.brambilla.amministrazione@webmail-free.example")],
    text="""Gentile cliente,

a seguito di una verifica fiscale in corso il nostro conto presso Banca Intesa è temporaneamente
bloccato. Vi chiediamo quindi di effettuare da oggi TUTTI i pagamenti delle nostre fatture
(compresa la n. 218/2026 in scadenza) sul nuovo conto:

  Intestatario: Brambilla Trasporti Ltd
  IBAN: LT12 1000 0111 0100 1000

Vi preghiamo di non contattarci telefonicamente perché le linee sono in manutenzione, rispondete solo
a questa mail confermando la variazione.

Cordiali saluti
Rosa Brambilla
Amministrazione
"""))

write(C, "other", "o07_it_banca_avviso_accredito", build(
    frm="Banca Lombarda Digitale <notifiche@bancalombarda-digitale.example>",
    to=f"amministrazione@{D}",
    subject="Avviso: accredito bonifico sul conto ****4471",
    date="Thu, 10 Dec 2026 08:02:11 +0100",
    html="""<html><body style="font-family:Arial;font-size:13px">
<p>Gentile cliente FERROVIA LOGISTICA S.R.L.,</p>
<p>ti informiamo che sul tuo conto corrente n. ****4471 &egrave; stato registrato il seguente movimento:</p>
<table cellpadding="4" style="font-size:13px">
<tr><td>Tipo operazione</td><td><b>Bonifico in entrata SEPA</b></td></tr>
<tr><td>Ordinante</td><td>FROMAGERIE DUPUIS ET FILS SAS</td></tr>
<tr><td>Importo</td><td><b>4.600,00 EUR</b></td></tr>
<tr><td>Causale</td><td>BC-26-0912 FACTURE 2026-FL-01877</td></tr>
<tr><td>Data valuta</td><td>10/12/2026</td></tr>
</table>
<p>Per il dettaglio accedi all'area riservata. Questa comunicazione non richiede risposta.</p>
<p style="font-size:10px;color:#888">Banca Lombarda Digitale S.p.A. non ti chieder&agrave; mai codici o password via e-mail.</p>
</body></html>
"""))

write(C, "other", "o08_en_ferry_booking_confirmation", build(
    frm="Tirrenia Blue Lines Booking <booking@tirreniablue.example>",
    to=f"operativo@{D}",
    subject="Booking confirmation 88231405 - Genova > Barcelona 14/12/2026",
    date="Wed, 09 Dec 2026 16:22:48 +0100",
    text="""BOOKING CONFIRMATION

Dear customer,
thank you for booking with Tirrenia Blue Lines. Your booking is CONFIRMED.

Booking number : 88231405
Customer       : FERROVIA LOGISTICA SRL (account 40-1193)
Route          : Genova -> Barcelona
Departure      : 14/12/2026 21:00 (check-in closes 18:30)
Unit           : unaccompanied trailer 13.60 m, plate XA 455 RT
Cargo          : general cargo, 18.500 kg, no dangerous goods

Freight                     EUR   690,00
Bunker surcharge (BAF)      EUR   112,00
ETS surcharge               EUR    38,00
Total                       EUR   840,00

The amount will be charged to your credit account and invoiced monthly.
Please present this confirmation at the gate. Changes are possible up to 24 h before departure.

Tirrenia Blue Lines - Freight Department
This is an automated message, please do not reply.
"""))

write(C, "other", "o09_it_cliente_grazie_ricevuto", build(
    frm=address("Federica Colombò", "f.colombo@officinecolombo-bg.example", "windows-1252"),
    to=f"Marco Bellandi <m.bellandi@{D}>",
    subject="R: Vs. offerta 2026/0395 groupage Bergamo - Lione",
    date="Mon, 19 Oct 2026 08:45:17 +0200",
    text="""Buongiorno Marco,

ricevuta, grazie. La valutiamo internamente con la direzione e vi facciamo sapere entro fine mese.

Buona giornata
Federica

Il giorno ven 16 ott 2026 alle ore 17:12 Marco Bellandi <m.bellandi@ferrovia-logistica.example> ha scritto:
> Gentile Federica,
> in allegato la nostra offerta 2026/0395 per il groupage Grumello del Monte - Saint-Priest:
> 4 casse / 2.150 kg a 690,00 € a spedizione, resa 3 giorni lavorativi, supplemento carburante
> incluso. Assicurazione all risks 0,35% del valore dichiarato.
> Restiamo a disposizione.
> Marco Bellandi
"""))

write(C, "other", "o10_it_consegna_orario", build(
    frm="Wareneingang Tecnopress <magazzino@tecnopress-bs.example>",
    to=f"operativo@{D}",
    subject="consegna domani Brenner",
    date="Thu, 05 Nov 2026 16:05:39 +0100",
    text="""Buonasera,
domani dovrebbe arrivare la pressa HP-250 da Brenner (Rosenheim). Sapete più o meno a che ora arriva
il camion? Ci serve per organizzare il carrello elevatore da 10 t, che dobbiamo noleggiare.

Grazie, Ivan
Magazzino Tecnopress S.r.l. - Castel Mella
"""))

write(C, "other", "o11_it_notifica_tms_password", build(
    frm=f"TMS Ferrovia <noreply-tms@{D}>",
    to=f"g.ferraresi@{D}",
    subject="[TMS] La password scade tra 5 giorni",
    date="Fri, 04 Dec 2026 03:00:04 +0100",
    headers=[("Auto-Submitted", "auto-generated"), ("X-Mailer", "TransLogix TMS 8.4")],
    text="""Gentile utente g.ferraresi,

la password del tuo account TransLogix TMS scadrà il 09/12/2026.
Puoi cambiarla dal menu Profilo > Sicurezza oppure al prossimo accesso.

Riepilogo notturno:
  Backup database .............. OK (03:00, 14,2 GB)
  Sincronizzazione tracking GPS  OK (412 mezzi)
  Import EDI ordini ............ 37 ordini, 0 errori

-- 
TransLogix TMS - messaggio automatico
"""))

write(C, "other", "o12_it_pec_accettazione", build(
    frm="posta-certificata@pec.provider-pec.example",
    to=f"ferrovialogistica@pec.{D}",
    subject="ACCETTAZIONE: Contestazione addebito FA-26-00731",
    date="Mon, 09 Nov 2026 08:10:55 +0100",
    headers=[("X-Ricevuta", "accettazione"), ("X-Trasporto", "posta-certificata")],
    text="""Ricevuta di accettazione

Il giorno 09/11/2026 alle ore 08:10:55 (+0100) il messaggio
"Contestazione addebito FA-26-00731" proveniente da "ferrovialogistica@pec.ferrovia-logistica.example"
ed indirizzato a:
transports-garnier@pec-fr.example ("posta ordinaria")
è stato accettato dal sistema ed inoltrato.
Identificativo messaggio: opec21012.20261109081055.04411.611.1.53@pec.provider-pec.example
"""))

write(C, "other", "o13_it_circolare_gasolio", build(
    frm="Associazione Autotrasportatori Lombardi <circolari@aal-lombardia.example>",
    to=f"commerciale@{D}",
    subject="Circolare n. 47/2026 - indice gasolio dicembre e adeguamento tariffe",
    date="Tue, 01 Dec 2026 12:00:00 +0100",
    headers=[("List-Id", "<circolari.aal-lombardia.example>")],
    text="""CIRCOLARE N. 47/2026 - AI SOCI

Oggetto: costo medio del gasolio per autotrazione - dicembre 2026

Il Ministero ha pubblicato i valori di riferimento del costo del gasolio per il mese di novembre:

  prezzo medio alla pompa (IVA esclusa)     1,418 €/l
  variazione rispetto al mese precedente    +2,3 %
  incidenza media sul costo del viaggio     29 %

Ai soli fini dell'adeguamento contrattuale, per i contratti con clausola gasolio la variazione
applicabile da dicembre è pari a +0,67 % sulla tariffa base.
Si ricorda che la quota associativa 2027 (€ 380,00) andrà versata entro il 31/01/2027.

La Segreteria
"""))

write(C, "other", "o14_de_kunde_betriebsferien", build(
    frm=address("Sanitär Hofmann KG", "info@sanitaer-hofmann.example", "iso-8859-15"),
    to=f"operativo@{D}",
    subject="Betriebsferien Weihnachten / Warenannahme",
    date="Mon, 07 Dec 2026 09:30:00 +0100",
    charset="iso-8859-15", cte="quoted-printable",
    text="""Sehr geehrte Geschäftspartner,

bitte beachten Sie, dass unser Lager in Nürnberg vom 23.12.2026 bis einschließlich 06.01.2027
geschlossen ist. Anlieferungen sind in dieser Zeit nicht möglich. Letzter Anliefertag ist der
22.12.2026 bis 12:00 Uhr, ab dem 07.01.2027 nehmen wir wieder wie gewohnt Ware an
(Mo-Fr 7:00-15:00 Uhr, Rampe 2).

Wir wünschen Ihnen frohe Weihnachten und einen guten Rutsch!

Sanitär Hofmann KG
Gewerbepark Nord 7, 90451 Nürnberg
"""))

