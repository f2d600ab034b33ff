#!/usr/bin/env python3
"""Domaine Lacoste & Fils SAS (Saint-Émilion) — hand-written starter example mails. Run: python3 mails.py

Every mail is written out as its own text; only packing helpers and signatures are shared."""
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "Tests" / "UnderstandTests" / "Corpus"))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

CO = "domaine-lacoste"
DOM = "domaine-lacoste.example"
MAILS = []


def mail(fn):
    MAILS.append(fn)
    return fn


def save(kind, name, raw, expected=None):
    write(CO, kind, name, raw, expected, starter=True)


def D(stamp, tz=None, sec=0):
    """'2026-09-15 09:12' -> RFC 5322 date; French time by default (CEST until 25 Oct 2026)."""
    dt = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    if tz is None:
        tz = "+0200" if dt < datetime.datetime(2026, 10, 25, 3) else "+0100"
    return dt.strftime("%a, %d %b %Y %H:%M:") + f"{sec:02d} {tz}"


def report(head, boundary, parts, report_type="delivery-status"):
    out = "".join(f"{k}: {v}\n" for k, v in head)
    out += f'MIME-Version: 1.0\nContent-Type: multipart/report; report-type={report_type};\n\tboundary="{boundary}"\n\n'
    out += "This is a MIME-encapsulated message.\n\n"
    for ctype, body in parts:
        out += f"--{boundary}\n{ctype}\n\n{body.rstrip()}\n\n"
    out += f"--{boundary}--\n"
    return out.encode("utf-8")


CONTACT = address("Domaine Lacoste", f"contact@{DOM}")
COMMANDES = address("Commandes Domaine Lacoste", f"commandes@{DOM}")
EXPORT = address("Domaine Lacoste Export", f"export@{DOM}")
COMPTA = address("Comptabilité Domaine Lacoste", f"compta@{DOM}", "iso-8859-1")
CLAIRE = address("Claire Lacoste", f"claire.lacoste@{DOM}")
MARC = address("Marc Aubert", f"marc.aubert@{DOM}")
HENRI = address("Henri Lacoste", f"henri.lacoste@{DOM}")
MAILROOM = address("Mailroom", f"mailroom@{DOM}")


# ================================================================================================
# quote_request
# ================================================================================================

@mail
def qr_paris_restaurant_casual():
    text = """Salut Claire,

J'espère que les vendanges se sont bien passées !

On refait la carte pour l'hiver, tu peux me faire un prix pour :
- 10 cartons de St-Émilion GC 2020
- 6 cartons de Bordeaux sup 2022
- et si tu as encore du Crémant, 4 cartons pour les fêtes

Livré rue de Charonne comme d'hab. Dis-moi aussi si tu peux me faire une petite remise vu les quantités ;)

Bises,
Thomas
--
Thomas Girard
Le Comptoir des Vignes
48 rue de Charonne, 75011 Paris
06 71 22 48 90
"""
    raw = build(frm=address("Thomas Girard", "thomas@comptoirdesvignes.example"), to=CLAIRE,
                subject="prix pour la carte d'hiver", date=D("2026-10-06 23:12", sec=5), text=text)
    save("quote_request", "restaurant-paris-casual", raw,
         {"customer_company": "Le Comptoir des Vignes", "contact_email": "thomas@comptoirdesvignes.example"})


@mail
def qr_belgian_caviste_formal():
    text = """Madame, Monsieur,

Caviste indépendant installé à Bruxelles depuis 2009, nous souhaitons référencer quelques vins de votre
domaine suite à la dégustation organisée par l'Union des Grands Crus à Bruxelles le mois dernier.

Pourriez-vous nous faire parvenir votre tarif professionnel ainsi qu'un devis pour une première commande :

  - Saint-Émilion Grand Cru 2020 : 60 bouteilles
  - Bordeaux Supérieur 2022 : 120 bouteilles
  - Entre-deux-Mers blanc 2024 : 60 bouteilles

Merci de préciser les conditions de livraison en Belgique (franco à partir de quel montant ?), les
délais, ainsi que le traitement des accises (nous sommes entrepositaire agréé, numéro d'accises
BE00X0411238).

Dans l'attente de votre offre, nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.

Bernard Vanhoutte
Gérant
La Cave de Saint-Gilles SRL
Chaussée de Waterloo 212, 1060 Bruxelles
+32 2 538 41 07 - TVA BE 0812.447.319
"""
    raw = build(frm=address("Bernard Vanhoutte", "bernard@cavesaintgilles.example"), to=CONTACT,
                subject=encoded("Demande de tarif professionnel et devis - première commande", "iso-8859-1", "Q"),
                date=D("2026-09-22 10:05", sec=47), text=text, charset="iso-8859-1", cte="quoted-printable")
    save("quote_request", "belgian-caviste-demande-devis", raw,
         {"customer_company": "La Cave de Saint-Gilles SRL", "contact_email": "bernard@cavesaintgilles.example"})


@mail
def qr_swiss_importer_german():
    text = """Grüezi Frau Lacoste

Besten Dank für die Muster, die Sie uns an der Expovina geschickt haben. Der Saint-Émilion 2020 kam bei unserer
Degustation sehr gut an.

Wir bitten Sie um eine Offerte in CHF, geliefert DDP Uster (verzollt, inkl. MWST-Abwicklung über Ihren
Spediteur), für:

  120 Fl.  Bordeaux Supérieur 2022
   60 Fl.  Saint-Émilion Grand Cru 2020
   48 Fl.  Crémant de Bordeaux brut

Bitte geben Sie auch an, ob Magnumflaschen (150 cl) vom 2020 verfügbar sind und zu welchem Preis.
Lieferung wenn möglich bis KW 47, damit wir für das Weihnachtsgeschäft bereit sind.

Freundliche Grüsse

Reto Baumann
Einkauf Wein
Weinhandlung Zürcher Oberland AG
Bankstrasse 9, 8610 Uster
Tel. 044 940 18 22
"""
    raw = build(frm=address("Reto Baumann", "r.baumann@weinhandlung-zo.example"), to=CLAIRE,
                subject="Offertanfrage Bordeaux / Saint-Emilion", date=D("2026-10-08 08:41", sec=33),
                text=text, charset="iso-8859-1", cte="quoted-printable")
    save("quote_request", "swiss-importer-offertanfrage", raw,
         {"customer_company": "Weinhandlung Zürcher Oberland AG", "contact_email": "r.baumann@weinhandlung-zo.example"})


@mail
def qr_uk_importer():
    text = """Dear Claire,

Lovely to meet you at the London Wine Fair trade tasting last week.

As discussed, could you please send us ex-cellar and DAP (our bonded warehouse in Tilbury) prices in GBP for:

  Bordeaux Supérieur 2022 - 100 cases x 6
  Saint-Émilion Grand Cru 2020 - 40 cases x 6
  Saint-Émilion Grand Cru 2019, if any stock left - 20 cases

We'd also be interested in an allocation of the 2025 en primeur if you offer one. Please include lead times and
your payment terms - we usually work on 60 days.

Many thanks,
Oliver Pemberton
Buying Director
Thames & Claret Wines Ltd
Unit 3, Tower Bridge Business Complex, London SE16 4DG
+44 (0)20 7231 5588
Registered in England & Wales No. 07741235
"""
    raw = build(frm=address("Oliver Pemberton", "oliver@thamesandclaret.example"), to=CLAIRE,
                subject="Pricing request following LWF", date=D("2026-09-15 16:22", "+0100", 12), text=text)
    save("quote_request", "uk-importer-pricing-request", raw,
         {"customer_company": "Thames & Claret Wines Ltd", "contact_email": "oliver@thamesandclaret.example"})


@mail
def qr_us_importer():
    text = """Hi Claire,

Following up on our call - we're ready to move forward on a first container for the East Coast. Can you quote
FOB Bordeaux (USD) for a mixed 20' container, roughly:

- 100 cs Bordeaux Supérieur 2022
- 50 cs Saint-Émilion Grand Cru 2020
- 25 cs Entre-deux-Mers 2024

Also need to know:
* whether you can put our importer back label on at the winery (we'll handle COLA approval)
* pallet config (we need 56 cs/pallet max for our warehouse)
* earliest ship date - ideally we land before end of January

Thanks!
Jennifer Walsh
VP Purchasing | Hudson Valley Wine Imports LLC
Kingston, NY | (845) 555-0147
jwalsh@hudsonvalleywine.example
"""
    raw = build(frm=address("Jennifer Walsh", "jwalsh@hudsonvalleywine.example"), to=CLAIRE,
                subject="Container quote - FOB Bordeaux", date=D("2026-10-14 17:55", "-0400", 21), text=text)
    save("quote_request", "us-importer-container-quote", raw,
         {"customer_company": "Hudson Valley Wine Imports LLC", "contact_email": "jwalsh@hudsonvalleywine.example"})


@mail
def qr_chinese_importer():
    text = """Claire 您好，

我们是上海御澜酒业有限公司（Shanghai Yulan Wine Co., Ltd.），主要做进口葡萄酒批发和企业团购。
今年春节礼品季需要采购一批波尔多红酒，请帮忙报价：

1. Saint-Emilion Grand Cru 2019 —— 1800 瓶
2. Bordeaux Supérieur 2022 —— 2400 瓶
3. 礼盒（双支装）—— 600 个，需要印中文 logo

请报 FOB Bordeaux 欧元价格，同时麻烦提供人民币参考价（按 1 欧元 = 7.8 元人民币）。
另外需要中文背标、原产地证和卫生证书，请确认可以提供。

交货期最好在 12 月 20 日之前出运，赶上春节。

谢谢！
王丽华 Lihua Wang
采购经理 | 上海御澜酒业有限公司
电话：+86 21 6288 4410
微信：lihua_yulan
"""
    raw = build(frm=address("王丽华", "wanglihua@yulanwine.example", "gb2312"), to=CLAIRE,
                subject=encoded("询价：波尔多红酒 春节团购", "gb2312", "B"),
                date=D("2026-10-27 14:08", "+0800", 44), text=text, charset="gbk", cte="base64")
    save("quote_request", "chinese-importer-xunjia", raw,
         {"customer_company": "上海御澜酒业有限公司", "contact_email": "wanglihua@yulanwine.example"})


@mail
def qr_japanese_importer():
    text = """ドメーヌ・ラコスト
クレール・ラコスト様

いつも大変お世話になっております。
株式会社東洋ワインセラーズの佐藤でございます。

来春のプロモーション用に、下記商品のお見積りをお願いしたく、ご連絡いたしました。

・Saint-Emilion Grand Cru 2020　120本
・Bordeaux Superieur 2022　240本
・Cremant de Bordeaux Brut　60本

条件：FCA ボルドー、ユーロ建て
納期：2027年2月上旬 東京港着希望

また、輸入に際して成分分析表（アルコール度数、亜硫酸塩）のご提供は可能でしょうか。

お忙しいところ恐縮ですが、ご検討のほどよろしくお願い申し上げます。

──────────────────
株式会社東洋ワインセラーズ
輸入部　佐藤 健一
〒104-0061 東京都中央区銀座3-9-11
TEL 03-5565-1234
k.sato@toyowinecellars.example
──────────────────
"""
    raw = build(frm=address("佐藤 健一", "k.sato@toyowinecellars.example", "iso-2022-jp"), to=CLAIRE,
                subject=encoded("お見積り依頼（ボルドーワイン）", "iso-2022-jp", "B"),
                date=D("2026-11-10 10:30", "+0900", 8), text=text, charset="iso-2022-jp", cte="7bit")
    save("quote_request", "japanese-importer-mitsumori", raw,
         {"customer_company": "株式会社東洋ワインセラーズ", "contact_email": "k.sato@toyowinecellars.example"})


@mail
def qr_corporate_gift_html():
    html = """<html><body style="font-family:Calibri,Arial;font-size:11pt">
<p>Bonjour,</p>
<p>Le CSE de <b>Aquitaine Aéro Systèmes</b> (Mérignac, 640 salariés) prépare ses colis de fin d'année. Nous
souhaiterions recevoir un <b>devis</b> pour :</p>
<table border="1" cellpadding="5" cellspacing="0" style="border-collapse:collapse">
<tr style="background:#7b1e3a;color:#fff"><th>Article</th><th>Quantité</th><th>Remarque</th></tr>
<tr><td>Coffret bois 2 bouteilles (Saint-Émilion GC + Bordeaux Supérieur)</td><td>150</td><td>marquage logo CSE sur le couvercle</td></tr>
<tr><td>Coffret carton 1 bouteille Crémant</td><td>300</td><td>avec carte de v&oelig;ux</td></tr>
</table>
<p>Livraison souhaitée au plus tard le <b>11 décembre 2026</b> sur notre site de Mérignac. Merci de nous indiquer les prix HT et TTC
ainsi que le délai pour le marquage.</p>
<p>Cordialement,</p>
<p>Nathalie Fabre<br>Secrétaire du CSE<br>Aquitaine Aéro Systèmes<br>05 56 34 72 10</p>
</body></html>"""
    raw = build(frm=address("Nathalie Fabre", "cse@aquitaine-aero.example"), to=CONTACT,
                subject=encoded("Demande de devis coffrets de Noël – CSE", "utf-8", "Q"),
                date=D("2026-10-20 12:47", sec=36), html=html)
    save("quote_request", "cse-coffrets-noel-html", raw,
         {"customer_company": "Aquitaine Aéro Systèmes", "contact_email": "cse@aquitaine-aero.example"})


@mail
def qr_wedding_iphone():
    text = """Bonjour,

Nous nous marions le 12 juin 2027 au château de Vayres (120 invités) et nous avons adoré votre Saint-Émilion
lors de la visite du domaine cet été.

Serait-il possible d'avoir un devis pour environ 60 bouteilles de rouge (le Grand Cru 2020 ou autre selon
votre conseil), 40 de blanc et 30 de crémant pour le vin d'honneur ? Avec livraison sur place si possible.

Merci beaucoup !
Camille Roussel

Envoyé de mon iPhone
"""
    raw = build(frm=address("Camille Roussel", "camille.roussel88@mailperso.example"), to=CONTACT,
                subject="Devis mariage juin 2027", date=D("2026-11-15 21:34", sec=58), text=text)
    save("quote_request", "wedding-private-iphone", raw,
         {"customer_company": "Camille Roussel", "contact_email": "camille.roussel88@mailperso.example"})


# ================================================================================================
# purchase_order
# ================================================================================================

@mail
def po_restaurant_pdf():
    lines = [
        "LE COMPTOIR DES VIGNES - BON DE COMMANDE",
        "SARL Girard & Associés - 48 rue de Charonne, 75011 Paris - SIRET 801 224 519 00014",
        "",
        "Bon de commande n° CV-2026-0918                      Date : 13/10/2026",
        "Fournisseur : Domaine Lacoste & Fils SAS, 33330 Saint-Émilion",
        "Livraison : au restaurant, mardi ou mercredi avant 11h (cave en sous-sol)",
        "",
        "Désignation                                         Qté (btl)   PU HT     Total HT",
        "Château Lacoste Bordeaux Supérieur 2022                 36        9,80 €    352,80 €",
        "Domaine Lacoste Saint-Émilion Grand Cru 2020            24       24,50 €    588,00 €",
        "Lacoste Blanc Entre-deux-Mers 2024                      24        7,90 €    189,60 €",
        "",
        "                                                     Total HT           1 130,40 €",
        "                                                     TVA 20 %             226,08 €",
        "                                                     Total TTC          1 356,48 €",
        "",
        "Règlement : virement à 30 jours fin de mois.",
        "Bon pour accord - Thomas Girard",
    ]
    text = """Re-salut Claire,

Parfait pour les prix, ci-joint le bon de commande signé. Je passe sur le Crémant pour l'instant.

Merci et à bientôt au domaine !
Thomas
--
Thomas Girard
Le Comptoir des Vignes
"""
    raw = build(frm=address("Thomas Girard", "thomas@comptoirdesvignes.example"), to=CLAIRE, cc=COMMANDES,
                subject="Re: prix pour la carte d'hiver", date=D("2026-10-13 11:02", sec=29), text=text,
                attachments=[("BC_CV-2026-0918.pdf", "application/pdf", pdf(lines, "Bon de commande CV-2026-0918"))],
                in_reply_to="<devis.dev-2026-0398@domaine-lacoste.example>")
    save("purchase_order", "restaurant-bon-de-commande-pdf", raw,
         {"order_number": "CV-2026-0918", "total": "1356.48", "currency": "EUR", "buyer": "Le Comptoir des Vignes"})


@mail
def po_belgian_caviste_body():
    text = """Madame Lacoste,

Suite à votre devis DEV-2026-0371, nous vous confirmons notre commande :

Bon de commande n° 2026/147

  60 bt  Bordeaux Supérieur 2022            à 8,90 €    =   534,00 €
  30 bt  Saint-Émilion Grand Cru 2020       à 22,90 €   =   687,00 €
         Transport franco Bruxelles (forfait)               65,00 €
                                                  Total   1 286,00 € HT

Livraison en droits suspendus sous DAE à notre entrepôt (accises BE00X0411238), autoliquidation de la TVA
(TVA BE 0812.447.319). Paiement à 30 jours date de facture.

Nous restons à votre disposition pour convenir d'une date de livraison.

Bien cordialement,
Bernard Vanhoutte
La Cave de Saint-Gilles SRL

> Le 29/09/2026 à 15:12, Claire Lacoste a écrit :
> Monsieur Vanhoutte,
> Veuillez trouver ci-dessous notre devis DEV-2026-0371 ...
"""
    raw = build(frm=address("Bernard Vanhoutte", "bernard@cavesaintgilles.example"), to=CLAIRE,
                subject="Re: Devis DEV-2026-0371 - La Cave de Saint-Gilles", date=D("2026-10-02 09:17", sec=40),
                text=text, charset="iso-8859-15", cte="quoted-printable")
    save("purchase_order", "belgian-caviste-commande-body", raw,
         {"order_number": "2026/147", "total": "1286.00", "currency": "EUR", "buyer": "La Cave de Saint-Gilles SRL"})


@mail
def po_swiss_csv():
    csv = """Bestellung;Position;Artikel;Jahrgang;Menge Fl.;Preis CHF;Betrag CHF
45-2026-771;1;Bordeaux Supérieur;2022;120;13.20;1584.00
45-2026-771;2;Saint-Émilion Grand Cru;2020;60;31.50;1890.00
45-2026-771;3;Crémant de Bordeaux brut;NV;48;11.80;566.40
45-2026-771;;Total;;;;4040.40
"""
    text = """Grüezi Frau Lacoste

Gerne bestellen wir gemäss Ihrer Offerte vom 12. Oktober (Bestell-Nr. 45-2026-771, Details im CSV):

  120 Fl. Bordeaux Supérieur 2022           à CHF 13.20   CHF 1'584.00
   60 Fl. Saint-Émilion Grand Cru 2020      à CHF 31.50   CHF 1'890.00
   48 Fl. Crémant de Bordeaux brut          à CHF 11.80   CHF   566.40
                                            Total DDP Uster CHF 4'040.40

Liefertermin bitte spätestens KW 47. Rechnung bitte in CHF auf unser Postkonto.

Freundliche Grüsse
Reto Baumann
Weinhandlung Zürcher Oberland AG
"""
    raw = build(frm=address("Reto Baumann", "r.baumann@weinhandlung-zo.example"), to=CLAIRE,
                subject="Bestellung 45-2026-771", date=D("2026-10-16 14:30", sec=2), text=text,
                charset="iso-8859-1", cte="quoted-printable",
                attachments=[("Bestellung_45-2026-771.csv", "text/csv", csv.encode("utf-8"))])
    save("purchase_order", "swiss-bestellung-csv-chf", raw,
         {"order_number": "45-2026-771", "total": "4040.40", "currency": "CHF", "buyer": "Weinhandlung Zürcher Oberland AG"})


@mail
def po_uk_importer_pdf():
    lines = [
        "THAMES & CLARET WINES LTD - PURCHASE ORDER",
        "Unit 3, Tower Bridge Business Complex, London SE16 4DG   VAT GB 118 4471 26",
        "",
        "PO number: TCW-PO-3391            Date: 2 October 2026",
        "Supplier: Domaine Lacoste & Fils SAS, Saint-Emilion, France",
        "Delivery: DAP Tilbury bonded warehouse (Channel Bonded Logistics, W.O.W.G.R. bond)",
        "Terms: 60 days from invoice",
        "",
        "Line  Wine                                        Bottles   Price/btl    Line total",
        "1     Bordeaux Superieur 2022 (6 x 75cl)            600       GBP 7.45    GBP 4,470.00",
        "2     Saint-Emilion Grand Cru 2020 (6 x 75cl)       240      GBP 19.80    GBP 4,752.00",
        "",
        "                                           Order total (duty suspended)  GBP 9,222.00",
        "",
        "Please advise collection date and send e-AD (ARC) reference on dispatch.",
        "Authorised: Oliver Pemberton, Buying Director",
    ]
    text = """Hi Claire,

PO TCW-PO-3391 attached - £9,222.00 in total. No 2019 this time I'm afraid, but we'll come back to the en primeur.

Cheers,
Oliver

Oliver Pemberton | Buying Director | Thames & Claret Wines Ltd
"""
    raw = build(frm=address("Oliver Pemberton", "oliver@thamesandclaret.example"), to=CLAIRE, cc=EXPORT,
                subject="PO TCW-PO-3391", date=D("2026-10-02 13:48", "+0100", 31), text=text,
                attachments=[("TCW-PO-3391.pdf", "application/pdf", pdf(lines, "Purchase Order TCW-PO-3391"))])
    save("purchase_order", "uk-importer-po-pdf-gbp", raw,
         {"order_number": "TCW-PO-3391", "total": "9222.00", "currency": "GBP", "buyer": "Thames & Claret Wines Ltd"})


@mail
def po_us_importer_html():
    html = """<html><body style="font-family:Helvetica,Arial;font-size:13px">
<p>Hi Claire,</p>
<p>We're good to go. Please see our PO below and confirm the ship date. FOB Bordeaux, payment net 45 days from B/L.</p>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;font-size:13px">
<tr style="background:#2c3e50;color:#fff"><td colspan="4"><b>Hudson Valley Wine Imports LLC &mdash; PO # HVWI-26-0412</b> &mdash; Nov 3, 2026</td></tr>
<tr style="background:#ecf0f1"><th>Item</th><th>Bottles</th><th>Unit (USD)</th><th>Extended</th></tr>
<tr><td>Bordeaux Sup&eacute;rieur 2022</td><td align="right">1,200</td><td align="right">$8.60</td><td align="right">$10,320.00</td></tr>
<tr><td>Saint-&Eacute;milion Grand Cru 2020</td><td align="right">600</td><td align="right">$23.75</td><td align="right">$14,250.00</td></tr>
<tr><td>Entre-deux-Mers 2024</td><td align="right">300</td><td align="right">$7.10</td><td align="right">$2,130.00</td></tr>
<tr><td colspan="3" align="right"><b>PO Total</b></td><td align="right"><b>$26,700.00</b></td></tr>
</table>
<p>Back labels (our importer label, 2,100 pcs) will ship to you from our printer next week. Consolidator: Atlantic Wine Logistics, Le Havre.</p>
<p>Thanks!<br>Jennifer</p>
<p style="color:#888;font-size:11px">Jennifer Walsh | VP Purchasing | Hudson Valley Wine Imports LLC | Kingston, NY</p>
</body></html>"""
    raw = build(frm=address("Jennifer Walsh", "jwalsh@hudsonvalleywine.example"), to=CLAIRE,
                subject="PO HVWI-26-0412 - first container", date=D("2026-11-03 10:15", "-0500", 50), html=html)
    save("purchase_order", "us-importer-po-html-usd", raw,
         {"order_number": "HVWI-26-0412", "total": "26700.00", "currency": "USD", "buyer": "Hudson Valley Wine Imports LLC"})


@mail
def po_chinese_order():
    text = """Claire 您好：

感谢报价，我司确认订购如下，订单号 YL-PO-20261109：

品名                                   数量      单价(EUR)    金额(EUR)
Saint-Emilion Grand Cru 2019           1800瓶    21.00        37,800.00
Bordeaux Superieur 2022                2400瓶     8.20        19,680.00
合计（FOB Bordeaux）                                          57,480.00

付款方式：30% 预付，70% 见提单副本付款。
请尽快安排中文背标打样，确认后再贴标。礼盒另行下单。

请回复确认并发送形式发票（PI），谢谢！

王丽华
上海御澜酒业有限公司
发自我的iPhone
"""
    raw = build(frm=address("王丽华", "wanglihua@yulanwine.example", "gbk"), to=CLAIRE,
                subject=encoded("订单确认 YL-PO-20261109", "gbk", "B"),
                date=D("2026-11-09 09:26", "+0800", 14), text=text, charset="gbk", cte="base64")
    save("purchase_order", "chinese-importer-dingdan-gbk", raw,
         {"order_number": "YL-PO-20261109", "total": "57480.00", "currency": "EUR", "buyer": "上海御澜酒业有限公司"})


@mail
def po_japanese_order():
    text = """ドメーヌ・ラコスト
クレール・ラコスト様

いつもお世話になっております。東洋ワインセラーズの佐藤です。
お見積りありがとうございました。下記の通り発注いたします。

注文書番号：TWC-26-1127
発注日：2026年11月27日

品名                               数量     単価(EUR)   金額(EUR)
Saint-Emilion Grand Cru 2020       120本    23.80       2,856.00
Bordeaux Superieur 2022            240本     8.40       2,016.00
合計                                                    4,872.00

条件：FCA ボルドー、お支払いは船積後30日
クレマンは今回見送りとさせていただきます。

ご確認のほど、よろしくお願いいたします。

株式会社東洋ワインセラーズ
輸入部　佐藤 健一
"""
    raw = build(frm=address("佐藤 健一", "k.sato@toyowinecellars.example", "shift_jis"), to=CLAIRE,
                subject=encoded("注文書送付の件（TWC-26-1127）", "shift_jis", "B"),
                date=D("2026-11-27 15:05", "+0900", 26), text=text, charset="shift_jis", cte="base64")
    save("purchase_order", "japanese-importer-chumonsho-sjis", raw,
         {"order_number": "TWC-26-1127", "total": "4872.00", "currency": "EUR", "buyer": "株式会社東洋ワインセラーズ"})


@mail
def po_caviste_chain_cp1252():
    text = """LES CAVES RÉUNIES - Centrale d'achat
12 avenue de la Libération, 33700 Mérignac

COMMANDE FOURNISSEUR n° CR-2026-11-0634 du 18/11/2026
Fournisseur : DOMAINE LACOSTE & FILS (code F0412)
Livraison : plateforme de Mérignac, semaine 48, RDV obligatoire (quai 3)

Réf.      Désignation                         Qté     PU HT     Montant HT
LAC-BS22  Bordeaux Supérieur 2022 75cl        180     8,95      1 611,00
LAC-ED24  Entre-deux-Mers 2024 75cl           120     7,20        864,00
LAC-CRB   Crémant de Bordeaux brut 75cl        60     9,90        594,00
                                              Total HT          3 069,00
                                              TVA 20 %            613,80
                                              Total TTC         3 682,80

Conditions : paiement 45 jours fin de mois. Facture à adresser à factures@cavesreunies.example en rappelant
le numéro de commande. Toute livraison sans RDV sera refusée.

Service Achats - Les Caves Réunies
"""
    raw = build(frm=address("Achats Caves Réunies", "achats@cavesreunies.example", "windows-1252"), to=COMMANDES,
                subject=encoded("Commande CR-2026-11-0634 - Domaine Lacoste", "windows-1252", "Q"),
                date=D("2026-11-18 07:32", sec=3), text=text, charset="windows-1252", cte="8bit")
    save("purchase_order", "caviste-chain-commande-cp1252", raw,
         {"order_number": "CR-2026-11-0634", "total": "3682.80", "currency": "EUR", "buyer": "Les Caves Réunies"})


@mail
def po_bistrot_casual():
    text = """Bonjour Émilie,

Comme convenu au tel ce matin je te confirme pour le Bistrot :
24 btl de Bordeaux sup 2022 à 9,80 = 235,20
12 btl de St-Émilion GC 2020 à 24,50 = 294,00
soit 529,20 € HT

Mets le n° de bon de commande 2026-118 sur la facture stp sinon mon comptable râle.
Livraison jeudi si possible.

Merci !
Karim
Bistrot Margaux - Bordeaux Chartrons
"""
    raw = build(frm=address("Karim Benali", "bistrotmargaux@mailperso.example"), to=address("Émilie Roux", f"emilie.roux@{DOM}"),
                subject="commande", date=D("2026-12-01 11:58", sec=37), text=text)
    save("purchase_order", "bistrot-casual-commande", raw,
         {"order_number": "2026-118", "total": "529.20", "currency": "EUR", "buyer": "Bistrot Margaux"})


# ================================================================================================
# invoice
# ================================================================================================

@mail
def inv_bottles_pdf():
    lines = [
        "VERRERIE DU SUD-OUEST SAS",
        "ZI de la Blancherie, 33210 Langon - SIRET 528 114 907 00031 - TVA FR64528114907 - Capital 2 400 000 EUR",
        "",
        "FACTURE N° FA-2026-08812                         Date : 22/09/2026",
        "Client : DOMAINE LACOSTE & FILS SAS - Lieu-dit Lagrange, 33330 Saint-Émilion (code client 4102)",
        "TVA client : FR27412887305          Votre commande : 2026-0087 du 01/09/2026",
        "",
        "Désignation                                          Quantité    PU HT       Montant HT",
        "Bouteille bordelaise 75 cl, verre feuille morte       12 000     0,342 €     4 104,00 €",
        "Livraison 6 palettes - Saint-Émilion                       1   380,00 €       380,00 €",
        "",
        "                                                    Total HT               4 484,00 €",
        "                                                    TVA 20 %                 896,80 €",
        "                                                    Total TTC              5 380,80 €",
        "",
        "Échéance : 22/10/2026 (30 jours date de facture). Pas d'escompte pour paiement anticipé.",
        "Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire de recouvrement : 40 €.",
        "Règlement par virement : IBAN FR60 3000 3021 1700 0208 7416 339 - BIC SOGEFRPP",
    ]
    text = """Madame, Monsieur,

Veuillez trouver ci-joint notre facture FA-2026-08812 relative à la livraison du 22/09/2026.

Cordialement,
Service Comptabilité Clients
Verrerie du Sud-Ouest SAS
"""
    raw = build(frm=address("Verrerie du Sud-Ouest - Facturation", "facturation@verrerie-so.example"), to=COMPTA,
                subject="Facture FA-2026-08812", date=D("2026-09-22 18:03", sec=12), text=text,
                attachments=[("FA-2026-08812.pdf", "application/pdf", pdf(lines, "Facture FA-2026-08812"))])
    save("invoice", "verrerie-facture-pdf", raw,
         {"invoice_number": "FA-2026-08812", "issue_date": "2026-09-22", "seller": "Verrerie du Sud-Ouest SAS", "currency": "EUR",
          "net_total": "4484.00", "tax_total": "896.80", "gross_total": "5380.80", "iban": "FR6030003021170002087416339"})


@mail
def inv_corks_portugal():
    lines = [
        "CORTICEIRA DO MINHO, LDA.",
        "Rua da Cortiça 118, 4520-201 Santa Maria da Feira, Portugal - NIF PT509874412",
        "",
        "FATURA / INVOICE  FT 2026/1473",
        "Data / Date: 2026-10-07",
        "Cliente / Customer: Domaine Lacoste & Fils SAS, 33330 Saint-Emilion, France - VAT FR27412887305",
        "",
        "Descrição / Description                          Qty        Unit EUR    Total EUR",
        "Rolha natural 49x24 mm, classe Extra              20,000     0.285       5,700.00",
        "Marcação a fogo / fire branding 'Lacoste'         20,000     0.012         240.00",
        "",
        "Total líquido / Net total                                                5,940.00",
        "IVA / VAT 0% - Autoliquidação / reverse charge (art. 138 Dir. 2006/112/CE)  0.00",
        "Total a pagar / Amount due EUR                                           5,940.00",
        "",
        "Pagamento / Payment: 60 dias / 60 days",
        "IBAN PT26 0033 0000 4563 8291 7405 5   BIC BCOMPTPL",
    ]
    text = """Dear Mr. Mercier,

Please find attached invoice FT 2026/1473 for the corks delivered this week. TCA release certificates for the
lots (batch 26-0915 and 26-0916) are in the second attachment of our previous mail.

Best regards / Cumprimentos,
Ana Ferreira
Export Department - Corticeira do Minho, Lda.
"""
    raw = build(frm=address("Ana Ferreira", "export@corticeiraminho.example"), to=address("Julien Mercier", f"julien.mercier@{DOM}"),
                cc=COMPTA, subject="Invoice FT 2026/1473 - Domaine Lacoste", date=D("2026-10-07 12:40", "+0100", 55), text=text,
                attachments=[("FT_2026_1473.pdf", "application/pdf", pdf(lines, "Fatura FT 2026/1473"))])
    save("invoice", "corks-portugal-reverse-charge", raw,
         {"invoice_number": "FT 2026/1473", "issue_date": "2026-10-07", "seller": "Corticeira do Minho, Lda.", "currency": "EUR",
          "net_total": "5940.00", "tax_total": "0.00", "gross_total": "5940.00", "iban": "PT26003300004563829174055"})


@mail
def inv_tonnellerie_body():
    text = """Bonjour Julien,

Suite à la livraison des barriques pour les vins 2026, voici notre facture (l'original suit par courrier).

TONNELLERIE MARCHAND - SAS au capital de 150 000 € - 24 route de Libourne, 33500 Pomerol
SIRET 389 221 045 00019 - TVA FR11389221045

FACTURE n° TM-26-0347
Date : 9 novembre 2026
Client : Domaine Lacoste & Fils SAS, Saint-Émilion

  20 barriques bordelaises 225 L, chêne français grain fin, chauffe moyenne+   780,00 €   15 600,00 €
  Livraison et mise en place au chai                                                        180,00 €
                                                                        Total HT           15 780,00 €
                                                                        TVA 20 %            3 156,00 €
                                                                        Net à payer TTC    18 936,00 €

Échéance : 45 jours fin de mois, soit le 31/12/2026.
RIB : Crédit Agricole Aquitaine - IBAN FR55 1780 6000 7204 1839 2765 104 - BIC AGRIFRPP878

Bonne vinification !
Pierre Marchand
Tonnellerie Marchand
"""
    raw = build(frm=address("Pierre Marchand", "pierre@tonnellerie-marchand.example"), to=address("Julien Mercier", f"julien.mercier@{DOM}"),
                cc=COMPTA, subject="Facture barriques", date=D("2026-11-09 17:25", sec=41), text=text)
    save("invoice", "tonnellerie-facture-body", raw,
         {"invoice_number": "TM-26-0347", "issue_date": "2026-11-09", "seller": "Tonnellerie Marchand", "currency": "EUR",
          "net_total": "15780.00", "tax_total": "3156.00", "gross_total": "18936.00", "iban": "FR5517806000720418392765104"})


@mail
def inv_label_printer_relance():
    text = """Madame Dubreuil,

Sauf erreur de notre part, la facture ci-dessous reste impayée à ce jour :

  Facture n° IGE-F-2026-2291 du 15/09/2026
  Objet : étiquettes et contre-étiquettes Saint-Émilion GC 2020 (24 000 ex.)
  Montant HT : 2 350,00 €
  TVA 20 % : 470,00 €
  Montant TTC : 2 820,00 €
  Échéance : 15/10/2026

Nous vous remercions de bien vouloir procéder à son règlement par virement sur notre compte
IBAN FR97 1027 8022 0000 0210 8743 195 (Crédit Mutuel) dans les meilleurs délais.

Si votre règlement a été effectué entre-temps, veuillez ne pas tenir compte de cette relance.

Cordialement,
Service recouvrement
Imprimerie Garonne Étiquettes
05 56 87 44 12
"""
    raw = build(frm=address("Imprimerie Garonne Étiquettes", "compta@garonne-etiquettes.example", "iso-8859-1"), to=COMPTA,
                subject=encoded("Relance : facture IGE-F-2026-2291 échue", "iso-8859-1", "Q"),
                date=D("2026-10-29 10:11", sec=19), text=text, charset="iso-8859-15", cte="quoted-printable")
    save("invoice", "etiquettes-relance-impaye", raw,
         {"invoice_number": "IGE-F-2026-2291", "issue_date": "2026-09-15", "seller": "Imprimerie Garonne Étiquettes", "currency": "EUR",
          "net_total": "2350.00", "tax_total": "470.00", "gross_total": "2820.00", "iban": "FR9710278022000002108743195"})


@mail
def inv_transport_html():
    html = """<html><body style="font-family:Verdana;font-size:12px">
<p>Bonjour,</p>
<p>Veuillez trouver ci-dessous le détail de notre facture pour les enlèvements d'octobre.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:12px">
<tr><td colspan="4" style="background:#1f4e79;color:#fff"><b>TRANSPORTS DUBOURG &amp; FILS</b> &ndash; Facture n&deg; 2026-1105-DB du 05/11/2026</td></tr>
<tr style="background:#ddebf7"><th>Trajet</th><th>Palettes</th><th>Prix unitaire HT</th><th>Montant HT</th></tr>
<tr><td>Saint-&Eacute;milion &rarr; Paris 11e (CV-2026-0918)</td><td>3</td><td align="right">145,00 &euro;</td><td align="right">435,00 &euro;</td></tr>
<tr><td>Saint-&Eacute;milion &rarr; Bruxelles (2026/147)</td><td>2</td><td align="right">210,00 &euro;</td><td align="right">420,00 &euro;</td></tr>
<tr><td>Surcharge gazole 8 %</td><td></td><td></td><td align="right">68,40 &euro;</td></tr>
<tr><td colspan="3" align="right">Total HT</td><td align="right">923,40 &euro;</td></tr>
<tr><td colspan="3" align="right">TVA 20 %</td><td align="right">184,68 &euro;</td></tr>
<tr><td colspan="3" align="right"><b>Total TTC</b></td><td align="right"><b>1 108,08 &euro;</b></td></tr>
</table>
<p>Paiement &agrave; 30 jours. IBAN : FR13 1330 6024 0501 2345 6789 012 &ndash; Caisse d'Epargne Aquitaine Poitou-Charentes.</p>
<p>Cordialement,<br>Sandrine Dubourg<br>Transports Dubourg & Fils &ndash; Libourne<br>SIRET 451 332 870 00025</p>
</body></html>"""
    raw = build(frm=address("Sandrine Dubourg", "facturation@transports-dubourg.example"), to=COMPTA, cc=MARC,
                subject="Facture 2026-1105-DB", date=D("2026-11-05 14:44", sec=9), html=html)
    save("invoice", "transporteur-facture-html", raw,
         {"invoice_number": "2026-1105-DB", "issue_date": "2026-11-05", "seller": "Transports Dubourg & Fils", "currency": "EUR",
          "net_total": "923.40", "tax_total": "184.68", "gross_total": "1108.08", "iban": "FR1313306024050123456789012"})


@mail
def inv_uk_bond_gbp():
    text = """Dear Sir/Madam,

Please find below your invoice for November. A PDF copy is available on the customer portal.

CHANNEL BONDED LOGISTICS LTD
Thurrock Park Way, Tilbury, Essex RM18 7HD - VAT Reg. GB 294 8813 52

INVOICE No. CBL-55721           Invoice date: 30/11/2026        Account: LAC001
Customer: Domaine Lacoste & Fils SAS (goods held for Thames & Claret Wines Ltd)

Inbound handling, 24 pallets @ £12.50 ........................ £300.00
Storage in bond, 24 pallets x 4 weeks @ £2.10 ................ £201.60
Duty deferment / HMRC admin .................................. £45.00
                                                    Net        £546.60
                                                    VAT 20%    £109.32
                                                    TOTAL      £655.92

Payment within 30 days by BACS to Channel Bonded Logistics Ltd,
Sort code 20-45-77, Account no. 53124896 (Barclays Bank plc). Please quote the invoice number.

Credit Control
Channel Bonded Logistics Ltd
"""
    raw = build(frm=address("CBL Credit Control", "creditcontrol@channelbonded.example"), to=EXPORT, cc=COMPTA,
                subject="Invoice CBL-55721 - November storage & handling", date=D("2026-11-30 16:50", "+0000", 4), text=text)
    save("invoice", "uk-bonded-warehouse-gbp", raw,
         {"invoice_number": "CBL-55721", "issue_date": "2026-11-30", "seller": "Channel Bonded Logistics Ltd", "currency": "GBP",
          "net_total": "546.60", "tax_total": "109.32", "gross_total": "655.92", "sort_code": "20-45-77", "account_number": "53124896"})


@mail
def inv_swiss_customs_chf():
    lines = [
        "Zollagentur Basel-Rhein AG",
        "Hafenstrasse 40, 4057 Basel - MWST CHE-104.882.613 MWST",
        "",
        "RECHNUNG Nr. 2026-ZB-08814",
        "Basel, 20.11.2026",
        "Kunde: Domaine Lacoste & Fils SAS, F-33330 Saint-Emilion",
        "Sendung: 4 Paletten Wein fuer Weinhandlung Zuercher Oberland AG, Uster (Best. 45-2026-771)",
        "",
        "Leistung                                                  Betrag CHF",
        "Verzollung Import (e-dec)                                     185.00",
        "Dokumentenerstellung / Ursprungsnachweis                       45.00",
        "Gebuehr Passar / Zollkonto                                     30.00",
        "",
        "Total exkl. MWST                                              260.00",
        "MWST 8.1%                                                      21.06",
        "Total CHF                                                     281.06",
        "",
        "Zahlbar innert 20 Tagen. IBAN CH94 0483 5084 7312 0001 9 (Credit Suisse, Basel)",
    ]
    text = """Guten Tag

Anbei unsere Rechnung 2026-ZB-08814 für die Verzollung Ihrer Sendung nach Uster.
Die Einfuhrsteuer und der Zoll wurden direkt dem Empfänger belastet (ZAZ-Konto).

Freundliche Grüsse
Sabine Keller
Zollagentur Basel-Rhein AG
"""
    raw = build(frm=address("Sabine Keller", "buchhaltung@zoll-baselrhein.example"), to=MARC, cc=COMPTA,
                subject="Rechnung 2026-ZB-08814", date=D("2026-11-20 08:58", sec=45), text=text,
                charset="iso-8859-1", cte="quoted-printable",
                attachments=[("Rechnung_2026-ZB-08814.pdf", "application/pdf", pdf(lines, "Rechnung 2026-ZB-08814"))])
    save("invoice", "swiss-customs-broker-chf", raw,
         {"invoice_number": "2026-ZB-08814", "issue_date": "2026-11-20", "seller": "Zollagentur Basel-Rhein AG", "currency": "CHF",
          "net_total": "260.00", "tax_total": "21.06", "gross_total": "281.06", "iban": "CH9404835084731200019"})


@mail
def inv_bottles_avoir():
    text = """Madame Dubreuil,

Suite à votre réclamation du 24/09 concernant la palette endommagée (1 000 bouteilles cassées ou fêlées
à la livraison), nous vous adressons l'avoir suivant, à déduire de votre prochain règlement :

  AVOIR N° AV-2026-00231 du 06/10/2026
  Sur facture FA-2026-08812 du 22/09/2026
  1 000 bouteilles bordelaises 75 cl x 0,342 €        -342,00 € HT
  TVA 20 %                                              -68,40 €
  Total avoir TTC                                      -410,40 €

Nous vous prions de nous excuser pour ce désagrément.

Cordialement,
Service Comptabilité Clients
Verrerie du Sud-Ouest SAS
"""
    raw = build(frm=address("Verrerie du Sud-Ouest - Facturation", "facturation@verrerie-so.example"), to=COMPTA,
                subject=encoded("Avoir AV-2026-00231 – palette cassée", "utf-8", "B"), date=D("2026-10-06 11:31", sec=26), text=text)
    save("invoice", "verrerie-avoir-credit-note", raw,
         {"invoice_number": "AV-2026-00231", "issue_date": "2026-10-06", "seller": "Verrerie du Sud-Ouest SAS", "currency": "EUR",
          "net_total": "-342.00", "tax_total": "-68.40", "gross_total": "-410.40"})


@mail
def inv_shanghai_agency_cny():
    text = """Claire 女士您好，

上海品鉴会已顺利结束，感谢贵司的信任！附上本次活动的费用清单，请查收。

上海品鉴文化传播有限公司 Shanghai Pinjian Culture Communication Co., Ltd.
INVOICE 发票号 No.: SPJ-2026-1128
开票日期 Date: 2026年11月28日
客户 Client: Domaine Lacoste & Fils SAS

项目 Item                                        金额 Amount (CNY)
场地租赁 Venue rental (Bund 18, 11月20日)           18,000.00
活动策划及人员 Event planning & staffing             9,500.00
印刷品 Printing (menus, banners)                     2,500.00
小计 Subtotal                                        30,000.00
增值税 VAT 6%                                         1,800.00
合计 Total                                           31,800.00元

付款方式 Payment: T/T within 30 days
开户行 Bank: China Merchants Bank, Shanghai Branch   SWIFT: CMBCCNBS
账号 A/C No.: 1219 0876 5432 001

如有问题请随时联系。
陈静 Jing Chen
项目经理 Project Manager
"""
    raw = build(frm=address("陈静 Jing Chen", "chenjing@pinjian-sh.example", "gb18030"), to=CLAIRE, cc=COMPTA,
                subject=encoded("上海品鉴会费用发票 Invoice SPJ-2026-1128", "gb18030", "B"),
                date=D("2026-11-28 17:20", "+0800", 33), text=text, charset="gb18030", cte="base64")
    save("invoice", "shanghai-event-agency-cny", raw,
         {"invoice_number": "SPJ-2026-1128", "issue_date": "2026-11-28", "seller": "Shanghai Pinjian Culture Communication Co., Ltd.",
          "currency": "CNY", "net_total": "30000.00", "tax_total": "1800.00", "gross_total": "31800.00"})


# ================================================================================================
# support_ticket
# ================================================================================================

@mail
def st_restaurant_bouchonne():
    text = """Salut Claire,

Petit souci : sur le carton de St-Émilion 2020 livré la semaine dernière (commande CV-2026-0918), on a eu
4 bouteilles bouchonnées sur 12 hier soir en service. Clients pas contents, j'ai dû offrir une autre bouteille
à deux tables...

Tu peux me les remplacer à la prochaine livraison ? J'ai gardé les bouteilles avec les bouchons si tu veux
les récupérer.

Merci,
Thomas
Le Comptoir des Vignes
"""
    raw = build(frm=address("Thomas Girard", "thomas@comptoirdesvignes.example"), to=CLAIRE,
                subject=encoded("bouteilles bouchonnées", "utf-8", "Q"), date=D("2026-10-24 12:16", sec=50), text=text)
    save("support_ticket", "restaurant-bouteilles-bouchonnees", raw, {"customer_email": "thomas@comptoirdesvignes.example"})


@mail
def st_uk_broken_bottles():
    text = """Hi Claire, hi Marc,

The consignment for PO TCW-PO-3391 arrived at Tilbury bond yesterday. Unfortunately one pallet of Bordeaux
Supérieur 2022 was badly damaged - the shrink wrap was torn, the top layer of cases had collapsed and we count
27 broken bottles and another 14 with wine-stained labels that we cannot sell.

Photos and the warehouse damage report (CBL ref. DR-11873) attached. The haulier signed the CMR with
reservation. Can you please confirm how you want to handle this - replacement on the next shipment or a credit
note? We need to let our customers know about short supply.

Best,
Oliver Pemberton
Thames & Claret Wines Ltd
"""
    raw = build(frm=address("Oliver Pemberton", "oliver@thamesandclaret.example"), to=CLAIRE, cc=MARC,
                subject="Damaged pallet - PO TCW-PO-3391", date=D("2026-10-21 10:44", "+0100", 28), text=text,
                attachments=[("DR-11873_damage_report.pdf", "application/pdf",
                              pdf(["CHANNEL BONDED LOGISTICS - DAMAGE REPORT DR-11873", "Consignee: Thames & Claret Wines Ltd",
                                   "Supplier: Domaine Lacoste & Fils", "Pallet 3 of 4: 27 bottles broken, 14 labels stained",
                                   "CMR signed with reservation by driver"], "Damage report DR-11873"))])
    save("support_ticket", "uk-importer-damaged-pallet", raw, {"customer_email": "oliver@thamesandclaret.example"})


@mail
def st_us_wrong_vintage_angry():
    text = """Claire,

I have to be blunt: this is a serious problem. We just opened the container in Newark and the Saint-Émilion is
2019, not 2020 as per our PO HVWI-26-0412. Our COLA approvals, price postings with the state and all our
distributor sell sheets are for the 2020. We legally cannot sell the 2019 under the current label approval.

600 bottles are now sitting in our warehouse and our distributors are expecting deliveries next week.

I need a call with you tomorrow morning (your afternoon) and a concrete plan - either an air shipment of the
correct vintage at your cost or a credit. Please don't let this drag.

Jennifer Walsh
VP Purchasing, Hudson Valley Wine Imports LLC
(845) 555-0147

Sent from my iPhone
"""
    raw = build(frm=address("Jennifer Walsh", "jwalsh@hudsonvalleywine.example"), to=CLAIRE, cc=HENRI,
                subject="WRONG VINTAGE in container - PO HVWI-26-0412", date=D("2026-12-09 18:37", "-0500", 3), text=text,
                headers=[("Importance", "high")])
    save("support_ticket", "us-importer-wrong-vintage-angry", raw, {"customer_email": "jwalsh@hudsonvalleywine.example"})


@mail
def st_chinese_leaking_corks():
    text = """Claire 您好：

我们的货（订单号 YL-PO-20261109）今天在洋山港拆箱，发现有质量问题：

1. 大约 60 瓶 Saint-Emilion 2019 瓶口有渗酒（漏酒）现象，酒帽下面有酒渍，部分酒标被污染；
2. 有 3 箱外箱潮湿变形。

我们怀疑是运输途中温度过高导致胀塞，但集装箱是冷藏柜，温度记录正常，所以可能是软木塞的问题。

这批酒是春节团购用的，客户对外观要求很高，有酒渍的没法交货。请尽快给出处理方案（补货或者退款），
并提供软木塞的质检报告。照片见附件。

王丽华
上海御澜酒业有限公司
电话：+86 21 6288 4410

------------------ 原始邮件 ------------------
发件人: "Claire Lacoste"<claire.lacoste@domaine-lacoste.example>;
发送时间: 2026年12月3日(星期四) 下午5:02
收件人: "王丽华"<wanglihua@yulanwine.example>;
主题: Shipping documents YL-PO-20261109

Dear Lihua, please find attached the B/L, packing list and certificate of origin. Best regards, Claire
"""
    raw = build(frm=address("王丽华", "wanglihua@yulanwine.example", "gbk"), to=CLAIRE,
                subject=encoded("质量问题投诉：YL-PO-20261109 漏酒", "gbk", "B"),
                date=D("2026-12-21 16:12", "+0800", 7), text=text, charset="gbk", cte="base64")
    save("support_ticket", "chinese-importer-leaking-corks", raw, {"customer_email": "wanglihua@yulanwine.example"})


@mail
def st_japanese_label_damage():
    text = """クレール・ラコスト様

いつもお世話になっております。東洋ワインセラーズの佐藤です。

先日到着いたしました商品（注文書番号 TWC-26-1127）につきまして、一点ご相談がございます。
Bordeaux Superieur 2022 のうち、約30本のラベルに擦れ・しわが見られました。
品質（中身）には問題ないかと存じますが、日本の小売店ではラベルの状態も厳しく見られるため、
このままでは販売が難しい状況でございます。

写真を添付いたしますので、ご確認いただけますでしょうか。
今後の対応についてご相談させていただければ幸いです。

何卒よろしくお願い申し上げます。

株式会社東洋ワインセラーズ
輸入部　佐藤 健一
"""
    raw = build(frm=address("佐藤 健一", "k.sato@toyowinecellars.example", "iso-2022-jp"), to=CLAIRE,
                subject=encoded("ラベル不具合について（TWC-26-1127）", "iso-2022-jp", "B"),
                date=D("2026-12-16 11:40", "+0900", 52), text=text, charset="iso-2022-jp", cte="7bit")
    save("support_ticket", "japanese-importer-label-fuguai", raw, {"customer_email": "k.sato@toyowinecellars.example"})


@mail
def st_swiss_late_delivery():
    text = """Guten Tag Frau Lacoste

Unsere Bestellung 45-2026-771 hätte gemäss Auftragsbestätigung in KW 47 geliefert werden sollen. Heute ist
Dienstag der KW 48 und wir haben weder die Ware noch eine Sendungsnummer erhalten. Ihr Spediteur kann uns
keine Auskunft geben.

Das Weihnachtsgeschäft hat begonnen, unsere Kunden fragen nach dem Saint-Émilion, den wir bereits im
Katalog angekündigt haben. Bitte teilen Sie uns bis morgen verbindlich mit, wann die Ware in Uster ist.
Sollte die Lieferung nicht bis 4. Dezember erfolgen, müssen wir über eine Preisreduktion sprechen.

Freundliche Grüsse
Reto Baumann
Weinhandlung Zürcher Oberland AG
"""
    raw = build(frm=address("Reto Baumann", "r.baumann@weinhandlung-zo.example"), to=CLAIRE, cc=MARC,
                subject=encoded("Lieferverzug Bestellung 45-2026-771", "iso-8859-1", "Q"),
                date=D("2026-11-24 09:05", sec=16), text=text, charset="iso-8859-1", cte="quoted-printable")
    save("support_ticket", "swiss-lieferverzug", raw, {"customer_email": "r.baumann@weinhandlung-zo.example"})


@mail
def st_belgian_missing_case():
    text = """Bonjour Madame Lacoste,

Nous avons réceptionné ce matin la livraison correspondant à notre commande 2026/147. Au déballage, il manque
un carton de 6 bouteilles de Saint-Émilion Grand Cru 2020 : nous avons reçu 24 bouteilles au lieu de 30,
alors que le bon de livraison en mentionne bien 30.

Le chauffeur était déjà reparti, nous n'avons pas pu faire de réserve sur le CMR. Pourriez-vous vérifier de
votre côté et nous envoyer le carton manquant ?

Bien cordialement,
Bernard Vanhoutte
La Cave de Saint-Gilles SRL
"""
    raw = build(frm=address("Bernard Vanhoutte", "bernard@cavesaintgilles.example"), to=CLAIRE, cc=COMMANDES,
                subject="Carton manquant - commande 2026/147", date=D("2026-10-15 11:22", sec=1),
                text=text, charset="iso-8859-15", cte="quoted-printable")
    save("support_ticket", "belgian-carton-manquant", raw, {"customer_email": "bernard@cavesaintgilles.example"})


@mail
def st_private_tartrates_question():
    text = """Bonjour,

J'ai acheté au domaine en août 6 bouteilles de votre Entre-deux-Mers 2024. En ouvrant une bouteille hier, j'ai
remarqué des petits cristaux blancs au fond de la bouteille et sur le bouchon. Est-ce que le vin est abîmé ?
Peut-on le boire sans risque ? Les autres bouteilles ont l'air d'avoir la même chose.

Merci de votre réponse,
Jean-Pierre Castaing
Libourne
"""
    raw = build(frm=address("Jean-Pierre Castaing", "jp.castaing@mailperso.example"), to=CONTACT,
                subject="Cristaux dans le vin blanc ?", date=D("2026-12-06 19:03", sec=44), text=text)
    save("support_ticket", "particulier-cristaux-tartre", raw, {"customer_email": "jp.castaing@mailperso.example"})


@mail
def st_relance_outlook_fr():
    text = """Bonjour,

Troisième relance. Toujours aucune réponse ni avoir concernant les 18 bouteilles de Crémant livrées sans
bulles / éventées (commande CR-2026-11-0634). Nos magasins de Pessac et Talence ont dû retirer le produit
des rayons. Sans retour de votre part d'ici vendredi, nous déduirons le montant de votre prochaine facture.

Cordialement,
Gaëlle Morin
Responsable qualité fournisseurs
Les Caves Réunies

-----Message d'origine-----
De : Gaëlle Morin <qualite@cavesreunies.example>
Envoyé : mercredi 9 décembre 2026 14:20
À : commandes@domaine-lacoste.example
Objet : RE: Réclamation Crémant - commande CR-2026-11-0634

Bonjour, je me permets de vous relancer concernant notre réclamation ci-dessous. Merci de votre retour.

-----Message d'origine-----
De : Gaëlle Morin <qualite@cavesreunies.example>
Envoyé : jeudi 3 décembre 2026 10:05
À : commandes@domaine-lacoste.example
Objet : Réclamation Crémant - commande CR-2026-11-0634

Bonjour,
Plusieurs clients nous ont rapporté que le Crémant de Bordeaux brut (lot L26-0412) est sans bulles à
l'ouverture. Nous avons testé 6 bouteilles en magasin : 4 étaient éventées. Merci de nous indiquer la marche
à suivre (reprise, avoir).
"""
    raw = build(frm=address("Gaëlle Morin", "qualite@cavesreunies.example", "windows-1252"), to=COMMANDES, cc=CLAIRE,
                subject=encoded("RE: Réclamation Crémant - commande CR-2026-11-0634", "windows-1252", "Q"),
                date=D("2026-12-14 08:51", sec=24), text=text, charset="windows-1252", cte="quoted-printable",
                in_reply_to="<qualite.cr0634.1209@cavesreunies.example>")
    save("support_ticket", "caviste-chain-troisieme-relance", raw, {"customer_email": "qualite@cavesreunies.example"})


# ================================================================================================
# approval
# ================================================================================================

@mail
def ap_henri_valide():
    text = """Validé. Bonne affaire pour un premier conteneur.

Henri

Le 04/11/2026 à 09:12, Mailroom <mailroom@domaine-lacoste.example> a écrit :
> Approbation requise : Devis DEV-2026-0412 pour Hudson Valley Wine Imports LLC – 26 700,00 USD [APR-2026-0207]
>
> Référence : APR-2026-0207
> Client : Hudson Valley Wine Imports LLC (New York, USA)
> Montant : 26 700,00 USD FOB Bordeaux, paiement 45 jours après B/L
> Motif : nouveau client export, encours > 20 000 €
>
> Répondez « Approuvé » ou « Refusé ».
"""
    raw = build(frm=address("Henri Lacoste", f"henri.lacoste@{DOM}"), to=MAILROOM,
                subject=encoded("Re: Approbation requise : Devis DEV-2026-0412 pour Hudson Valley Wine Imports LLC – 26 700,00 USD [APR-2026-0207]", "utf-8", "Q"),
                date=D("2026-11-04 09:40", sec=38), text=text, in_reply_to=f"<approval.apr-2026-0207@{DOM}>")
    save("approval", "henri-valide-fr", raw, {"decision": "approve", "reference": "APR-2026-0207"})


@mail
def ap_henri_refuse():
    text = """Refusé - à ce prix on vend le Grand Cru en dessous du tarif caviste, ça va fâcher nos cavistes parisiens.
Claire, propose-leur plutôt 21,50 € avec 5 % de remise volume.

H.

-------- Message original --------
De : Mailroom <mailroom@domaine-lacoste.example>
Date : 23/10/2026 16:40
Objet : Approbation requise : Devis DEV-2026-0455 pour Aquitaine Aéro Systèmes – 8 940,00 EUR [APR-2026-0215]

Référence : APR-2026-0215
Remise accordée : 22 % (seuil : 15 %)
Répondez « Approuvé » ou « Refusé ».
"""
    raw = build(frm=address("Henri Lacoste", f"henri.lacoste@{DOM}"), to=MAILROOM, cc=CLAIRE,
                subject=encoded("RE: Approbation requise : Devis DEV-2026-0455 pour Aquitaine Aéro Systèmes – 8 940,00 EUR [APR-2026-0215]", "utf-8", "Q"),
                date=D("2026-10-23 18:02", sec=11), text=text, in_reply_to=f"<approval.apr-2026-0215@{DOM}>")
    save("approval", "henri-refuse-remise", raw, {"decision": "reject", "reference": "APR-2026-0215"})


@mail
def ap_sophie_approved_conditional():
    text = """OK pour moi, approuvé, à condition que l'acompte de 30 % soit reçu avant l'enlèvement.

Sophie Dubreuil
Comptabilité - Domaine Lacoste & Fils

De : Mailroom <mailroom@domaine-lacoste.example>
Envoyé : lundi 9 novembre 2026 10:03
À : Sophie Dubreuil
Objet : Approval needed: Order CC-2026-0731 for 上海御澜酒业有限公司 – 57,480.00 EUR [APR-2026-0229]

Reference: APR-2026-0229
Payment terms requested: 30% advance, 70% against B/L copy. Reply with Approved or Rejected.
"""
    raw = build(frm=address("Sophie Dubreuil", f"sophie.dubreuil@{DOM}"), to=MAILROOM,
                subject=encoded("RE: Approval needed: Order CC-2026-0731 for 上海御澜酒业有限公司 – 57,480.00 EUR [APR-2026-0229]", "utf-8", "B"),
                date=D("2026-11-09 11:15", sec=49), text=text, in_reply_to=f"<approval.apr-2026-0229@{DOM}>")
    save("approval", "sophie-approuve-acompte", raw, {"decision": "approve", "reference": "APR-2026-0229"})


# ================================================================================================
# auto_reply
# ================================================================================================

@mail
def ar_french_ooo_vendanges():
    text = """Bonjour,

Je suis absent du bureau jusqu'au 9 octobre inclus (vendanges) et ne consulte pas mes e-mails.
Pour toute question urgente concernant une commande, merci de contacter commandes@cavesreunies.example
ou le 05 56 12 40 00.

Cordialement,
Gaëlle Morin
"""
    raw = build(frm=address("Gaëlle Morin", "qualite@cavesreunies.example", "windows-1252"), to=CLAIRE,
                subject=encoded("Réponse automatique : Nouveaux tarifs 2027 Domaine Lacoste", "windows-1252", "Q"),
                date=D("2026-09-30 14:22", sec=5), text=text, charset="windows-1252",
                headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    save("auto_reply", "absence-vendanges-fr", raw)


@mail
def ar_chinese_national_day():
    text = """您好，

我将于 10 月 1 日至 10 月 8 日国庆假期休假，期间无法及时回复邮件。紧急事务请联系 +86 21 6288 4400。
10 月 9 日上班后会尽快回复您。

I am on National Day holiday from 1 to 8 October with no access to e-mail. I will reply after 9 October.

王丽华
上海御澜酒业有限公司
"""
    raw = build(frm=address("王丽华", "wanglihua@yulanwine.example", "gb2312"), to=CLAIRE,
                subject=encoded("自动回复: Samples shipped - DHL 7714 2290 11", "gb2312", "B"),
                date=D("2026-10-02 09:00", "+0800", 1), text=text, charset="gb2312", cte="base64",
                headers=[("Auto-Submitted", "auto-replied")])
    save("auto_reply", "chinese-guoqing-auto-reply", raw)


@mail
def ar_bounce_dsn_fr():
    raw = report(
        [("From", "Mail Delivery Subsystem <mailer-daemon@smtp.domaine-lacoste.example>"), ("To", f"claire.lacoste@{DOM}"),
         ("Subject", encoded("Non remis : Dégustation primeurs 2025 - invitation", "utf-8", "Q")),
         ("Date", D("2026-11-12 10:31", sec=20)),
         ("Message-ID", "<dsn.20261112093120.4412@smtp.domaine-lacoste.example>"), ("Auto-Submitted", "auto-replied")],
        "dsn_4412_boundary",
        [("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit",
          """Votre message n'a pas pu être remis aux destinataires suivants :

m.lefevre@cave-lefevre.example
Le serveur distant a rejeté l'adresse : 550 5.1.1 Mailbox does not exist.

Your message could not be delivered to the recipient above."""),
         ("Content-Type: message/delivery-status",
          """Reporting-MTA: dns; smtp.domaine-lacoste.example

Final-Recipient: rfc822; m.lefevre@cave-lefevre.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.cave-lefevre.example
Diagnostic-Code: smtp; 550 5.1.1 <m.lefevre@cave-lefevre.example>: Mailbox does not exist"""),
         ("Content-Type: text/rfc822-headers",
          """From: Claire Lacoste <claire.lacoste@domaine-lacoste.example>
To: m.lefevre@cave-lefevre.example
Subject: =?utf-8?q?D=C3=A9gustation_primeurs_2025_-_invitation?=
Date: Thu, 12 Nov 2026 10:31:12 +0100""")])
    save("auto_reply", "bounce-dsn-mailbox-inexistante", raw)


@mail
def ar_japanese_ooo():
    text = """誠に恐れ入りますが、12月26日（土）から2027年1月4日（月）まで年末年始休業とさせていただきます。
期間中にいただいたメールにつきましては、1月5日以降順次ご対応いたします。

株式会社東洋ワインセラーズ
輸入部　佐藤 健一
"""
    raw = build(frm=address("佐藤 健一", "k.sato@toyowinecellars.example", "iso-2022-jp"), to=CLAIRE,
                subject=encoded("自動返信：年末年始休業のお知らせ", "iso-2022-jp", "B"),
                date=D("2026-12-26 09:00", "+0900", 0), text=text, charset="iso-2022-jp", cte="7bit",
                headers=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply")])
    save("auto_reply", "japanese-nenmatsu-auto-reply", raw)


@mail
def ar_read_receipt_fr():
    raw = report(
        [("From", "Oliver Pemberton <oliver@thamesandclaret.example>"), ("To", f"claire.lacoste@{DOM}"),
         ("Subject", encoded("Lu : Facture FV-2026-0388 - Thames & Claret", "utf-8", "Q")), ("Date", D("2026-10-09 09:12", "+0100", 40)),
         ("Message-ID", "<read.fv0388@thamesandclaret.example>")],
        "----=_MDN_fv0388",
        [("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit",
          """Votre message

  À : Oliver Pemberton
  Objet : Facture FV-2026-0388 - Thames & Claret
  Envoyé : jeudi 8 octobre 2026 17:40:02 (UTC+01:00) Bruxelles, Copenhague, Madrid, Paris

a été lu le vendredi 9 octobre 2026 09:12:40 (UTC+00:00) Dublin, Édimbourg, Lisbonne, Londres."""),
         ("Content-Type: message/disposition-notification",
          """Reporting-UA: thamesandclaret.example; Microsoft Outlook 16.0
Final-Recipient: rfc822;oliver@thamesandclaret.example
Original-Message-ID: <fv0388.envoi@domaine-lacoste.example>
Disposition: manual-action/MDN-sent-manually; displayed""")],
        report_type="disposition-notification")
    save("auto_reply", "accuse-lecture-outlook", raw)


# ================================================================================================
# other
# ================================================================================================

@mail
def ot_capsules_newsletter():
    html = """<html><body style="margin:0;background:#efe9e1;font-family:Georgia,serif">
<table width="620" align="center" style="background:#fff" cellpadding="0" cellspacing="0">
<tr><td style="background:#5a1e2e;color:#f5e9d7;padding:22px;font-size:24px">CAPSULES &amp; BOUCHAGES D'AQUITAINE</td></tr>
<tr><td style="padding:22px">
<h2 style="color:#5a1e2e">Offre Millésime 2026 : -15 % sur les capsules étain personnalisées</h2>
<p>Préparez vos mises en bouteille de printemps dès maintenant. Tarifs valables pour toute commande passée avant le 30 novembre 2026.</p>
<table width="100%" cellpadding="6" style="font-size:14px">
<tr><td>Capsule étain 30x60, impression 2 couleurs + tête</td><td align="right"><s>148,00 €</s> <b>125,80 € HT le mille</b></td></tr>
<tr><td>Capsule complexe polylaminée 29x55</td><td align="right"><s>62,00 €</s> <b>52,70 € HT le mille</b></td></tr>
<tr><td>Bouchon synthétique co-extrudé 43x22</td><td align="right"><b>89,00 € HT le mille</b></td></tr>
</table>
<p style="text-align:center;padding:16px"><a href="https://boutique.capsules-aquitaine.example/promo-millesime" style="background:#c9a55a;color:#fff;padding:14px 30px;text-decoration:none"><b>JE COMMANDE</b></a></p>
<p style="font-size:13px">Besoin d'un devis sur mesure ? Votre commercial Vincent vous rappelle sous 24 h.</p>
</td></tr>
<tr><td style="font-size:10px;color:#777;padding:12px">Capsules &amp; Bouchages d'Aquitaine SAS &ndash; 33290 Blanquefort. Vous recevez cet e-mail car vous êtes client.
<a href="https://boutique.capsules-aquitaine.example/desinscription">Se désinscrire</a></td></tr>
</table></body></html>"""
    raw = build(frm=address("Capsules & Bouchages d'Aquitaine", "newsletter@capsules-aquitaine.example"), to=address("Julien Mercier", f"julien.mercier@{DOM}"),
                subject=encoded("Offre Millésime 2026 : -15 % sur vos capsules personnalisées", "utf-8", "Q"),
                date=D("2026-10-27 10:00", sec=0), html=html,
                headers=[("List-Id", "Newsletter clients <clients.capsules-aquitaine.example>"),
                         ("List-Unsubscribe", "<https://boutique.capsules-aquitaine.example/desinscription>"),
                         ("Precedence", "bulk")])
    save("other", "newsletter-capsules-promo-html", raw)


@mail
def ot_salon_invitation():
    text = """Madame, Monsieur,

Le salon VINEXPORT ASIA revient à Hong Kong du 11 au 13 mai 2027 (Convention & Exhibition Centre, Hall 3).

Pavillon Bordeaux : il reste 6 stands équipés de 6 m² au tarif de 4 850 € HT (au lieu de 5 400 € HT jusqu'au
15 décembre). Le tarif comprend le mobilier, la vitrine réfrigérée, le référencement dans le catalogue
acheteurs et l'accès aux rendez-vous d'affaires pré-programmés avec plus de 300 importateurs d'Asie.

Réservez votre emplacement en ligne : www.vinexport-asia.example/exposer

Bien cordialement,
L'équipe Vinexport Asia - Business France partenaire
"""
    raw = build(frm=address("Vinexport Asia", "exposants@vinexport-asia.example"), to=EXPORT,
                subject="Vinexport Asia 2027 - derniers stands sur le Pavillon Bordeaux", date=D("2026-11-18 15:00", sec=0), text=text)
    save("other", "salon-vinexport-invitation", raw)


@mail
def ot_internal_degustation():
    text = """Salut tout le monde,

Dégustation des assemblages 2025 jeudi 15h au chai (pas 14h comme prévu, l'œnologue arrive de Pauillac).
On goûtera les 3 options pour le Grand Cru + le Bordeaux sup. Henri, tu peux prendre les fiches de l'an dernier ?

Marc, pense à libérer le quai, la tonnellerie livre les dernières barriques le matin.

Julien
"""
    raw = build(frm=address("Julien Mercier", f"julien.mercier@{DOM}"), to=f"equipe@{DOM}",
                subject=encoded("Dégustation assemblages jeudi 15h", "utf-8", "Q"), date=D("2026-11-16 08:05", sec=33), text=text)
    save("other", "interne-degustation-assemblages", raw)


@mail
def ot_job_application_export():
    text = """Madame, Monsieur,

Actuellement en Master 2 Commerce international des vins et spiritueux à la Kedge Wine School, je suis à la
recherche d'un stage de 6 mois à partir de janvier 2027 au sein d'un service export.

Bilingue anglais, je parle également mandarin (HSK 5) après un semestre à Shanghai, ce qui pourrait être un
atout pour le développement de vos ventes en Chine. Vous trouverez mon CV en pièce jointe.

Je serais ravie de pouvoir vous rencontrer lors d'un entretien.

Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.

Léa Martin
06 12 45 78 90
"""
    raw = build(frm=address("Léa Martin", "lea.martin.kws@etudiant.example"), to=CONTACT,
                subject="Candidature stage export - janvier 2027", date=D("2026-11-02 20:41", sec=15), text=text,
                attachments=[("CV_Lea_Martin.pdf", "application/pdf",
                              pdf(["LEA MARTIN - CV", "Master 2 Commerce international des vins et spiritueux",
                                   "Langues : anglais (C1), mandarin (HSK 5)", "Stage : 6 mois, import-export, Shanghai"], "CV Léa Martin"))])
    save("other", "candidature-stage-export", raw)


@mail
def ot_phishing_impots():
    html = """<html><body style="font-family:Arial">
<p><b>DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES</b></p>
<p>Madame, Monsieur,</p>
<p>Après les derniers calculs de votre activité fiscale, nous avons déterminé que vous êtes admissible à recevoir un
remboursement de TVA de <b>1 248,60 €</b>.</p>
<p>Veuillez soumettre la demande de remboursement et nous laisser 3 à 5 jours ouvrables pour la traiter.</p>
<p><a href="http://remboursement-dgfip.example.secure-login.example/">Accéder au formulaire de remboursement</a></p>
<p>Numéro de référence : 44-118-2291-FR</p>
</body></html>"""
    raw = build(frm=address("impots.gouv", "noreply@impots-remboursement.example"), to=COMPTA,
                subject="Avis de remboursement TVA - action requise", date=D("2026-10-11 03:44", "+0000", 2), html=html)
    save("other", "phishing-remboursement-tva", raw)


@mail
def ot_bank_avis_virement():
    text = """Bonjour,

Nous vous informons qu'un virement SEPA a été crédité sur votre compte professionnel n° ****6602 :

  Date d'opération : 16/11/2026
  Montant : 1 286,00 EUR
  Donneur d'ordre : LA CAVE DE SAINT-GILLES SRL
  Libellé : FV-2026-0402 COMMANDE 2026/147

Ce message est envoyé automatiquement, merci de ne pas y répondre. Consultez vos comptes sur votre espace
Banque en ligne.

Crédit Agricole Aquitaine - Service Alertes
"""
    raw = build(frm=address("CA Aquitaine Alertes", "alertes@ca-aquitaine-banque.example"), to=COMPTA,
                subject=encoded("Avis de virement reçu", "iso-8859-1", "Q"), date=D("2026-11-16 07:15", sec=51), text=text)
    save("other", "banque-avis-virement", raw)


@mail
def ot_carrier_tracking():
    text = """Bonjour,

Votre envoi n° 6A 218 447 902 15 est en cours de livraison.

Expéditeur : DOMAINE LACOSTE & FILS
Destinataire : M. CASTAING Jean-Pierre, 33500 Libourne
Livraison prévue : aujourd'hui entre 13h00 et 15h00

Vous pouvez suivre votre colis ou modifier la livraison sur www.colisexpress.example/suivi

Colis Express vous remercie de votre confiance.
"""
    raw = build(frm=address("Colis Express", "ne-pas-repondre@colisexpress.example"), to=MARC,
                subject=encoded("Votre colis 6A21844790215 est en cours de livraison", "utf-8", "Q"),
                date=D("2026-12-10 08:02", sec=17), text=text)
    save("other", "transporteur-suivi-colis", raw)


@mail
def ot_supplier_accuse_reception():
    text = """Bonjour Monsieur Mercier,

Nous accusons bonne réception de votre commande n° 2026-0114 du 26/11/2026 :

  - Étiquettes Saint-Émilion Grand Cru 2024, 24 000 ex.
  - Contre-étiquettes FR/EN, 24 000 ex.
  - Contre-étiquettes chinoises (YL), 1 800 ex.

Montant HT : 2 610,00 €. Les BAT vous seront transmis sous 48 h pour validation ; livraison prévue
semaine 51 après validation des BAT.

Cordialement,
Imprimerie Garonne Étiquettes - Service ADV
"""
    raw = build(frm=address("Imprimerie Garonne Étiquettes", "adv@garonne-etiquettes.example", "iso-8859-1"), to=address("Julien Mercier", f"julien.mercier@{DOM}"),
                subject=encoded("Accusé de réception de votre commande 2026-0114", "iso-8859-1", "Q"),
                date=D("2026-11-27 09:30", sec=8), text=text, charset="iso-8859-15", cte="8bit")
    save("other", "fournisseur-accuse-reception-commande", raw)


@mail
def ot_customer_merci():
    text = """Bonjour Claire,

Bien reçu le carton de remplacement, merci pour la réactivité ! Les clients ont adoré le Saint-Émilion ce week-end.

À très vite,
Thomas

Envoyé de mon iPhone
"""
    raw = build(frm=address("Thomas Girard", "thomas@comptoirdesvignes.example"), to=CLAIRE,
                subject=encoded("Re: bouteilles bouchonnées", "utf-8", "Q"), date=D("2026-11-02 10:48", sec=19), text=text)
    save("other", "client-merci-bien-recu", raw)


@mail
def ot_journalist_samples():
    text = """Dear Claire,

I'm putting together a feature on "Right Bank value" for the February issue of Cellar & Table magazine and
would love to include your Saint-Émilion Grand Cru 2020. Would you be able to send a sample bottle to our
tasting office in London by 15 January? Tasting notes and scores will be published online as well.

No obligation of course - happy to send you the tasting brief.

All best,
Harriet Cole
Contributing Editor, Cellar & Table
"""
    raw = build(frm=address("Harriet Cole", "harriet.cole@cellarandtable.example"), to=CLAIRE,
                subject="Sample request - Right Bank feature", date=D("2026-12-03 12:20", "+0000", 40), text=text)
    save("other", "journaliste-demande-echantillon", raw)


@mail
def ot_customs_emcs_notification():
    text = """GAMMA - Système de suivi des mouvements de produits soumis à accises

Notification de réception (rapport de réception) pour le DAE :

  ARC : 26FRI0412887305A01772
  Expéditeur : FR0412887E0021 - DOMAINE LACOSTE & FILS SAS
  Destinataire : BE00X0411238 - LA CAVE DE SAINT-GILLES SRL
  Date de réception : 14/10/2026
  Résultat : Réception acceptée et satisfaisante

Le mouvement est apuré. Aucune action n'est requise de votre part.

Ceci est un message automatique de la DGDDI. Merci de ne pas répondre.
"""
    raw = build(frm=address("GAMMA DGDDI", "gamma-notification@douane-gamma.example"), to=MARC,
                subject="GAMMA - Rapport de reception ARC 26FRI0412887305A01772", date=D("2026-10-14 18:00", sec=0), text=text)
    save("other", "douane-gamma-apurement-dae", raw)


if __name__ == "__main__":
    for fn in MAILS:
        fn()
    import subprocess
    subprocess.run([sys.executable, str(Path(__file__).resolve().parent.parent / "check_starter.py"), CO])
