#!/usr/bin/env python3
"""Hand-written starter example mails received by Prairie Electric Supply Inc. (Winnipeg / Minneapolis).
Run: python3 mails.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "Tests" / "UnderstandTests" / "Corpus"))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

C = "prairie-electric"
D = "prairie-electric.example"
MAILROOM = f"Prairie Electric Mailroom <mailroom@{D}>"
SALES = f"Prairie Electric Sales <sales@{D}>"
QUOTES = f"quotes@{D}"
ORDERS = f"orders@{D}"
AP = f"Accounts Payable <ap@{D}>"
SERVICE = f"service@{D}"
MPLS = f"Prairie Electric Minneapolis <mpls@{D}>"
LISA = f"Lisa Tran <l.tran@{D}>"
MARC = f"Marc Gagnon <m.gagnon@{D}>"
RAJ = f"Raj Sandhu <r.sandhu@{D}>"


def w(kind, name, raw, expected=None):
    write(C, kind, name, raw, expected, starter=True)


# =========================================================================================================
# quote_request
# =========================================================================================================

w("quote_request", "q01-terse-contractor", build(
    frm="Kyle Dueck <kyle@duecksparky.example>",
    to=LISA,
    subject="pricing",
    date="Tue, 08 Sep 2026 06:47:13 -0500",
    text="""Lisa - need pricing on 10 coils 12/2 NMD90 (75m), 4 coils 14/2, 40 QO120 and 2 QO 40 space panels.
Sage Creek job, pickup Thurs am if price is ok.

Kyle
Dueck's Sparky Electric Ltd.
204-955-3318
"""), {"customer_company": "Dueck's Sparky Electric Ltd.", "contact_email": "kyle@duecksparky.example"})

w("quote_request", "q02-fr-soumission-luminaires", build(
    frm=address("Geneviève Tremblay", "g.tremblay@electricite-laurentienne.example", "windows-1252"),
    to=MARC,
    subject=encoded("Demande de soumission – éclairage entrepôt Saint-Jérôme", "windows-1252", "Q"),
    date="Wed, 09 Sep 2026 10:12:38 -0400",
    charset="windows-1252", cte="quoted-printable",
    text="""Bonjour Marc,

Tel que discuté au téléphone, pourrais-tu nous faire parvenir une soumission pour le projet
d'entrepôt de Saint-Jérôme (Transport Lavoie) :

  - 64 luminaires DEL haute baie 150 W, 5000 K, 0-10 V, avec capteur de mouvement
  - 18 luminaires DEL étanches 4 pi, 40 W (quai de chargement)
  - 12 luminaires d'urgence combinés sortie/phares, bilingues
  - 2 500 pi de câble TECK90 3C #12

Livraison au chantier : 1280, rue Lamontagne, Saint-Jérôme (QC) J7Y 4Z9, semaine du 19 octobre.
Merci d'indiquer les délais de livraison et si les prix incluent le transport.

Merci et bonne journée!

Geneviève Tremblay
Estimatrice
Électricité Laurentienne inc.
450 431-7720, poste 224
"""), {"customer_company": "Électricité Laurentienne inc.", "contact_email": "g.tremblay@electricite-laurentienne.example"})

w("quote_request", "q03-us-bid-school", build(
    frm="Amanda Kerr <akerr@lindqvist-me.example>",
    to=MPLS,
    subject="RFQ - Roseville Middle School addition - electrical gear & lighting - bids due 09/24/2026",
    date="Mon, 14 Sep 2026 13:20:51 -0500",
    text="""Jenna / team,

We're bidding the Roseville Middle School addition (ISD 623). Please provide pricing on the list below,
per plans & specs dated 08/28/2026 (spec sections 26 24 16 and 26 51 00). Substitutions OK if noted.

Item  Qty   Description
----  ----  ------------------------------------------------------------
1     2     Panelboard 225A MLO, 208Y/120V 3PH 4W, 42 ckt, NEMA 1
2     1     Panelboard 400A MCB, 480Y/277V, 42 ckt
3     1     Dry-type transformer 75 kVA 480-208Y/120, K-4
4     86    2x4 LED troffer 4000 lm, 3500K, 0-10V dimming
5     24    LED downlight 6" 1500 lm, 3500K
6     14    Exit sign LED w/ battery, red letters
7     3000  ft 3/4" EMT
8     40    500 ft spools #12 THHN, assorted colors

Bids are due 09/24/2026 at 2:00 PM CDT. Please include lead times - gear needs to be on site by
01/15/2027. Tax exempt (school district), cert on file.

Thanks,
Amanda Kerr
Estimator
Lindqvist Mechanical & Electric, Inc. | St. Paul, MN
651-555-0187 | akerr@lindqvist-me.example
"""), {"customer_company": "Lindqvist Mechanical & Electric, Inc.", "contact_email": "akerr@lindqvist-me.example"})

w("quote_request", "q04-hospital-facilities-html", build(
    frm="Bernice Klassen <bklassen@stboniface-health.example>",
    to=SALES,
    subject="Quote request - LED tube retrofit, Building B",
    date="Thu, 17 Sep 2026 09:05:22 -0500",
    html="""<html><body style="font-family:Calibri,Arial;font-size:11pt">
<p>Hello,</p>
<p>Facilities Maintenance is planning to retrofit the remaining fluorescent fixtures in Building B this fall.
Could you please quote the following (budgetary pricing is fine for now, we will issue a PO through
our purchasing department):</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#e7eef7"><th>Qty</th><th>Item</th><th>Notes</th></tr>
<tr><td>1,200</td><td>LED T8 tube 4 ft, 15W, 4000K, type A/B (ballast compatible or bypass)</td><td>CSA/cUL listed</td></tr>
<tr><td>300</td><td>LED T8 tube 2 ft, 8W, 4000K</td><td></td></tr>
<tr><td>150</td><td>Non-shunted tombstones</td><td>for bypass</td></tr>
</table>
<p>Please also let me know if Manitoba Hydro Power Smart incentives apply and whether you can handle the
paperwork.</p>
<p>Thank you,<br><b>Bernice Klassen</b><br>Supervisor, Facilities Maintenance<br>
St. Boniface Community Health Centre<br>204-555-0143</p>
<p style="font-size:8pt;color:#808080">CONFIDENTIALITY NOTICE: This e-mail and any attachments may contain
confidential or personal health information. If you are not the intended recipient, please notify the
sender and delete this message.</p>
</body></html>"""), {"customer_company": "St. Boniface Community Health Centre",
                      "contact_email": "bklassen@stboniface-health.example"})

w("quote_request", "q05-requote-outlook-thread", build(
    frm="Trevor Hildebrand <thildebrand@brandonvalleyelectric.example>",
    to=LISA,
    subject="RE: Quote 2026-Q-8812 - Brandon Valley / Shilo barracks",
    date="Tue, 22 Sep 2026 15:31:09 -0500",
    in_reply_to="<q20268812.lt@prairie-electric.example>",
    text="""Hi Lisa,

GC came back and wants Eaton instead of Square D on the panels (owner standard). Can you requote
items 1-4 in Eaton Pow-R-Line and let me know if the lead time changes? Rest of the quote stays
the same. Need it by Friday if you can.

Thanks
Trevor

Trevor Hildebrand
Project Manager | Brandon Valley Electric Ltd.
204-728-5561

From: Lisa Tran <l.tran@prairie-electric.example>
Sent: Friday, September 18, 2026 11:02 AM
To: Trevor Hildebrand <thildebrand@brandonvalleyelectric.example>
Subject: Quote 2026-Q-8812 - Brandon Valley / Shilo barracks

Hi Trevor,

Attached is quote 2026-Q-8812 for the Shilo barracks renovation, total C$18,940.00 plus applicable taxes,
valid 30 days. Panels are Square D NQ/I-Line, 6-8 weeks.

Regards,
Lisa Tran
Inside Sales | Prairie Electric Supply Inc.
"""), {"customer_company": "Brandon Valley Electric Ltd.", "contact_email": "thildebrand@brandonvalleyelectric.example"})

w("quote_request", "q06-fwd-fr-inline", build(
    frm=MARC,
    to=QUOTES,
    subject=encoded("TR: Prix pour disjoncteurs / breakers price - Plomberie-Électricité Gaspé", "utf-8", "Q"),
    date="Mon, 28 Sep 2026 08:14:40 -0400",
    text="""Lisa, can you price this one for me? I'm on the road in Rimouski all week. Customer is new, cash
terms until credit app is approved. Merci!

Marc

---------- Forwarded message ---------
De : Rémi Bélanger <remi@pe-gaspe.example>
Date: ven. 25 sept. 2026 à 16:48
Subject: Prix pour disjoncteurs
To: Marc Gagnon <m.gagnon@prairie-electric.example>


Bonjour M. Gagnon,

Un collègue m'a donné votre nom. On cherche un prix pour :
- 60 disjoncteurs Square D QO115
- 30 disjoncteurs QO120 GFI (Class A)
- 20 disjoncteurs QO215
- 4 panneaux QO 200 A 40 circuits avec disjoncteur principal

Livraison à Gaspé par transport. On paie par carte de crédit si c'est possible.

Merci,
Rémi Bélanger
Plomberie-Électricité Gaspé enr.
418 368-2290
"""), {"customer_company": "Plomberie-Électricité Gaspé enr.", "contact_email": "remi@pe-gaspe.example"})

w("quote_request", "q07-iphone-transfer-switch", build(
    frm="Corey Flett <corey.flett@nwfarmsupply.example>",
    to=SALES,
    subject="Generator transfer switch",
    date="Sat, 03 Oct 2026 18:22:05 -0500",
    text="""Hi there, looking for a price on a 200A service rated automatic transfer switch for a 48kW
standby genset (grain dryer site). Also 60m of 2/0 aluminum TECK. Can pick up in Winnipeg
or ship to Dauphin. Thanks

Corey Flett
NorthWest Farm Supply Co-op, Dauphin

Sent from my iPhone
"""), {"customer_company": "NorthWest Farm Supply Co-op", "contact_email": "corey.flett@nwfarmsupply.example"})

_rfq = pdf([
    "CITY OF WEST ST. PAUL - REQUEST FOR QUOTATION No. 2026-114",
    "Issued: 10/06/2026          Quotes due: 10/20/2026, 10:00 AM CDT",
    "Project: Street lighting maintenance stock 2026-2027",
    "",
    "Item  Qty   Unit   Description",
    "1     120   ea     LED cobra head 100W equiv., 4000K, Type III, 7-pin receptacle",
    "2     150   ea     Photocell, twist-lock, 120-277V",
    "3     40    ea     Pole base fuse holder kit, 600V",
    "4     20    ea     Handhole cover 10x17, 'ELECTRIC' logo",
    "",
    "Delivery: F.O.B. Public Works Garage, 1616 Humboldt Ave, West St. Paul, MN 55118",
    "Payment: Net 30 after acceptance. The City is exempt from MN sales tax (Form ST3 on request).",
    "Contact: Dale Novak, Purchasing Coordinator, purchasing@wsp-city.example, 651-555-0110",
], "RFQ 2026-114")

w("quote_request", "q08-us-city-rfq-pdf", build(
    frm="Dale Novak <purchasing@wsp-city.example>",
    to=MPLS,
    subject="City of West St. Paul - RFQ 2026-114 Street Lighting Stock",
    date="Tue, 06 Oct 2026 11:40:18 -0500",
    text="""Good morning,

The City of West St. Paul is requesting quotations for street lighting maintenance stock. The RFQ
document is attached. Please submit your quote by e-mail no later than 10/20/2026 at 10:00 AM CDT.
Questions must be received in writing by 10/14/2026.

Thank you,

Dale Novak
Purchasing Coordinator
City of West St. Paul
1616 Humboldt Ave, West St. Paul, MN 55118

This message may be subject to the Minnesota Government Data Practices Act.
""", attachments=[("RFQ_2026-114_Street_Lighting.pdf", "application/pdf", _rfq)]),
    {"customer_company": "City of West St. Paul", "contact_email": "purchasing@wsp-city.example"})

w("quote_request", "q09-mine-budget-price", build(
    frm="Jordan Sinclair <jsinclair@thompson-nickel.example>",
    to=SALES,
    cc=f"Dave Kowalchuk <d.kowalchuk@{D}>",
    subject="Budget pricing 2027 - cable and lighting",
    date="Wed, 14 Oct 2026 14:58:33 -0500",
    text="""Dave, all,

We are putting together the 2027 maintenance budget for the Birchtree and T1 sites and I'd like budget
pricing (not firm) for our usual consumables, roughly yearly volumes:

 * 5 kV mining cable SHD-GC 3/0, approx 1,800 m
 * TECK90 1000V 3C #10, approx 6,000 m
 * LED high bay 200 W, IP66, -40 C rated, approx 120 pcs
 * Portable LED flood 50 W, approx 60 pcs

If you can give us pricing for a blanket order with monthly releases, even better. Freight to Thompson
by Gardewine as usual.

Regards,
Jordan Sinclair
Maintenance Planner, Electrical
Thompson Nickel Mines Ltd.
204-778-2240
"""), {"customer_company": "Thompson Nickel Mines Ltd.", "contact_email": "jsinclair@thompson-nickel.example"})


# =========================================================================================================
# purchase_order
# =========================================================================================================

w("purchase_order", "p01-contractor-body", build(
    frm="Shelley Penner <office@redrockelectric.example>",
    to=ORDERS,
    subject="PO# 24-1187 Sage Creek townhomes",
    date="Thu, 10 Sep 2026 07:32:16 -0500",
    text="""Good morning,

Please process the following, ship to Sage Creek site (Bonner Ave & Warde Ave, Block C), deliver
Monday 09/14 before 9am. Call Kyle on site 204-955-3318.

PO# 24-1187
Job: Sage Creek Townhomes Ph 2

QTY   DESCRIPTION                         UNIT      EXT
10    12/2 NMD90 75m coil                 71.20     712.00
40    Square D QO120 breaker              9.85      394.00
6     QO 200A 40ct panel w/ main          412.00    2,472.00
                                   Subtotal       3,578.00
                                   GST 5%           178.90
                                   PST 7%           250.46
                                   TOTAL         $4,007.36

Bill to our account #RRE-2231, net 30.

Thanks,
Shelley Penner
Office Manager
Red Rock Electric Ltd.
1120 Keewatin St, Winnipeg MB
"""), {"order_number": "24-1187", "total": "4007.36", "currency": "CAD", "buyer": "Red Rock Electric Ltd."})

_pp2 = pdf([
    "PURCHASE ORDER   7741-0093",
    "Lindqvist Mechanical & Electric, Inc.   455 Vandalia St, St. Paul, MN 55114   651-555-0100",
    "Vendor: Prairie Electric Supply Inc. - Minneapolis Branch, 2800 Kennedy St NE, Minneapolis, MN 55413",
    "PO Date: 10/01/2026     Job: 26-118 Roseville MS Addition     Required: 10/09/2026",
    "Ship Via: Vendor truck     Terms: Net 30     Tax: EXEMPT - resale/ST3 on file",
    "",
    "Ln  Qty   U/M  Description                           Unit Price     Extended",
    "1   600   EA   3/4in EMT conduit 10ft                 $7.84         $4,704.00",
    "2   300   EA   1in EMT conduit 10ft                   $12.96        $3,888.00",
    "3   24    EA   #12 THHN CU STR 500ft spool, black      $162.35       $3,896.40",
    "",
    "                                            PO TOTAL USD    $12,488.40",
    "Authorized by: Amanda Kerr, Estimator/Purchasing",
    "PO number must appear on all invoices, packing slips and bills of lading.",
], "PO 7741-0093")

w("purchase_order", "p02-us-pdf-po", build(
    frm="Amanda Kerr <akerr@lindqvist-me.example>",
    to=MPLS,
    subject="PO 7741-0093",
    date="Thu, 01 Oct 2026 16:04:45 -0500",
    text="""Jenna,

PO attached for the EMT and wire for Roseville. Please confirm ship date.

Amanda
""", attachments=[("PO_7741-0093.pdf", "application/pdf", _pp2)]),
    {"order_number": "7741-0093", "total": "12488.40", "currency": "USD", "buyer": "Lindqvist Mechanical & Electric, Inc."})

_pp3 = """PO_Number,Line,Item_Code,Description,Qty,UOM,Unit_Price_CAD,Extended_CAD
4500233719,10,LT8-4-15W-40K,LED T8 tube 4ft 15W 4000K type A/B,48,EA,18.95,909.60
4500233719,20,TOMB-NS,Non-shunted tombstone,120,EA,7.40,888.00
4500233719,30,OCC-CLG-LV,Ceiling occupancy sensor low voltage,36,EA,54.25,1953.00
4500233719,40,PP20-24,Power pack 20A 120/277V,12,EA,189.00,2268.00
4500233719,,,TOTAL (excl. GST/PST),,,,6018.60
""".encode()

w("purchase_order", "p03-university-csv", build(
    frm="UP Procurement Services <procurement@uprairies.example>",
    to=ORDERS,
    subject="Purchase Order 4500233719 - University of the Prairies",
    date="Mon, 19 Oct 2026 10:15:02 -0500",
    text="""Supplier: Prairie Electric Supply Inc. (Vendor ID 100477)

Please find attached Purchase Order 4500233719 in CSV format.

Ship to:   University of the Prairies, Physical Plant Receiving, 66 Chancellors Circle, Winnipeg MB R3T 2N2
Attention: Raymond Chartrand, Electrical Shop
Total:     CAD 6,018.60 plus applicable taxes

Invoices must reference the PO number and be sent to ap-invoices@uprairies.example. Invoices without a
valid PO number will be returned unpaid.

This is an automatically generated message from the University of the Prairies procurement system.
Please do not reply to this address; contact buyer: Leanne Fontaine, 204-555-0161.
""", attachments=[("PO_4500233719.csv", "text/csv", _pp3)]),
    {"order_number": "4500233719", "total": "6018.60", "currency": "CAD", "buyer": "University of the Prairies"})

w("purchase_order", "p04-fr-bon-de-commande", build(
    frm=address("Geneviève Tremblay", "g.tremblay@electricite-laurentienne.example", "windows-1252"),
    to=MARC,
    cc=ORDERS,
    subject="Bon de commande BC-26-0419 - Transport Lavoie",
    date="Fri, 16 Oct 2026 11:48:27 -0400",
    charset="windows-1252", cte="quoted-printable",
    text="""Bonjour Marc,

Suite à ta soumission S-2026-7731, voici notre bon de commande :

No de bon de commande : BC-26-0419
Projet : Entrepôt Transport Lavoie, Saint-Jérôme

Qté   Description                                         Prix unit.     Total
64    Luminaire DEL haute baie 150 W c/w capteur          118,75 $      7 600,00 $
18    Luminaire DEL étanche 4 pi 40 W                      68,00 $      1 224,00 $
2 500 pi Câble TECK90 3C #12                               0,1664 $       416,00 $

Sous-total :                 9 240,00 $
TPS (5 %) :                    462,00 $
TVQ (9,975 %) :                921,69 $
Total :                     10 623,69 $

Livraison : 1280, rue Lamontagne, Saint-Jérôme (QC), semaine du 26 octobre. Les luminaires d'urgence
seront commandés plus tard.

Merci!
Geneviève Tremblay
Électricité Laurentienne inc.
"""), {"order_number": "BC-26-0419", "total": "10623.69", "currency": "CAD", "buyer": "Électricité Laurentienne inc."})

w("purchase_order", "p05-terse-go-ahead", build(
    frm="Trevor Hildebrand <thildebrand@brandonvalleyelectric.example>",
    to=LISA,
    subject="RE: Quote 2026-Q-8812 rev 1",
    date="Tue, 29 Sep 2026 08:02:44 -0500",
    in_reply_to="<q20268812r1.lt@prairie-electric.example>",
    text="""Lisa - go ahead with 2026-Q-8812 rev 1 (Eaton), our PO 5573-EL, $18,940.00 + tax. Ship to Brandon
yard, not site. Thx

Trevor Hildebrand | Brandon Valley Electric Ltd.

> From: Lisa Tran
> Sent: Monday, September 28, 2026 4:40 PM
> Subject: Quote 2026-Q-8812 rev 1
> Trevor, revised quote attached with Eaton Pow-R-Line panels. Price unchanged at C$18,940.00,
> lead time 7-9 weeks. - Lisa
"""), {"order_number": "5573-EL", "total": "18940.00", "currency": "CAD", "buyer": "Brandon Valley Electric Ltd."})

w("purchase_order", "p06-us-portal-html", build(
    frm="Hennepin Health Partners Supply Chain <scm-noreply@hennepinhealth.example>",
    to=MPLS,
    subject="Purchase Order HHP-PO-0098823 has been issued",
    date="Wed, 04 Nov 2026 03:12:09 -0600",
    html="""<html><body style="font-family:Arial,Helvetica;font-size:12px">
<table width="100%" style="background:#00558c;color:#ffffff"><tr><td style="padding:10px;font-size:16px">Hennepin Health Partners &mdash; Supplier Portal</td></tr></table>
<p>Purchase Order <b>HHP-PO-0098823</b> has been issued to <b>PRAIRIE ELECTRIC SUPPLY INC</b> (Supplier #S-20417).</p>
<table border="1" cellpadding="5" cellspacing="0" style="border-collapse:collapse;font-size:12px">
<tr style="background:#eeeeee"><th>Line</th><th>Item</th><th>Qty</th><th>UOM</th><th>Unit Price</th><th>Amount</th></tr>
<tr><td>1</td><td>Hospital grade duplex receptacle 20A, white</td><td>25</td><td>BX10</td><td>$64.90</td><td>$1,622.50</td></tr>
<tr><td>2</td><td>GFCI receptacle 20A hospital grade, self-test</td><td>10</td><td>BX5</td><td>$148.50</td><td>$1,485.00</td></tr>
<tr><td>3</td><td>Stainless steel wallplate 2-gang, 10/pk</td><td>4</td><td>PK</td><td>$112.25</td><td>$449.00</td></tr>
<tr><td colspan="5" align="right"><b>PO Total (USD)</b></td><td><b>$3,556.50</b></td></tr>
</table>
<p>Ship to: HHP Central Receiving, Dock 4, 701 Park Ave S, Minneapolis, MN 55415<br>
Need by: 11/13/2026 &nbsp;|&nbsp; Payment terms: Net 45 &nbsp;|&nbsp; Tax: exempt (501(c)(3))</p>
<p>Please acknowledge this PO in the portal within 48 hours. Buyer: Tom Vang, tom.vang@hennepinhealth.example</p>
<p style="color:#999;font-size:10px">Do not reply to this message. This mailbox is not monitored.</p>
</body></html>"""),
    {"order_number": "HHP-PO-0098823", "total": "3556.50", "currency": "USD", "buyer": "Hennepin Health Partners"})

w("purchase_order", "p07-mobile-po", build(
    frm="Wes Friesen <wes@steinbachwiring.example>",
    to=f"Tyler Bergen <t.bergen@{D}>",
    subject="PO 88213",
    date="Fri, 23 Oct 2026 06:15:37 -0500",
    text="""Tyler, PO 88213 for the stuff we talked about yesterday - 6 rolls 14/2, 4 rolls 12/2, 2 boxes of
decora switches, 1 box duplex TR, 100 octagon boxes. Approx total $2,314.60 per your quote, taxes extra.
Will pick up at the counter 7:30 today. Steinbach Wiring Co.

Wes

Sent from my iPhone
"""), {"order_number": "88213", "total": "2314.60", "currency": "CAD", "buyer": "Steinbach Wiring Co."})

_pp8 = pdf([
    "THOMPSON NICKEL MINES LTD.  -  PURCHASE ORDER",
    "PO No.: 4700018834        Release 3 against blanket agreement TNM-BPA-2026-031",
    "Date: 2026-11-09          Buyer: Jordan Sinclair (jsinclair@thompson-nickel.example)",
    "Vendor: Prairie Electric Supply Inc., 1450 Inkster Blvd, Winnipeg MB R2X 1R2",
    "Ship to: T1 Mine Warehouse, Bag 3000, Thompson MB R8N 1P3 - via Gardewine, freight collect",
    "",
    "Item  Qty     Description                                  Unit CAD      Amount CAD",
    "1     6       Mining cable SHD-GC 3/0 5kV, 300 m reel       2,840.00     17,040.00",
    "2     12 x 500m TECK90 1000V 3C #10, per 500 m reel            486.25      5,835.00",
    "3     40      LED high bay 200W IP66 -40C                     118.50      4,740.00",
    "",
    "                                       Total before taxes:   27,615.00 CAD",
    "Taxes: GST 5% and MB PST 7% to be shown separately on invoice.",
    "Terms: Net 30. Quote this PO number and release number on all documents.",
], "PO 4700018834")

w("purchase_order", "p08-mine-blanket-release-pdf", build(
    frm="Thompson Nickel Mines Purchasing <purchasing@thompson-nickel.example>",
    to=ORDERS,
    cc="Jordan Sinclair <jsinclair@thompson-nickel.example>",
    subject="TNM PO 4700018834 (Release 3 - TNM-BPA-2026-031)",
    date="Mon, 09 Nov 2026 13:26:50 -0600",
    text="""Attached please find Purchase Order 4700018834, release 3 against blanket agreement TNM-BPA-2026-031,
total CAD 27,615.00 before taxes. Please confirm availability of the SHD-GC reels, site needs them
before freeze-up of the winter road schedule.

Thompson Nickel Mines Ltd. - Supply Chain
Thompson, Manitoba

CONFIDENTIAL: This communication is intended only for the addressee(s).
""", attachments=[("TNM_PO_4700018834.pdf", "application/pdf", _pp8)]),
    {"order_number": "4700018834", "total": "27615.00", "currency": "CAD", "buyer": "Thompson Nickel Mines Ltd."})

w("purchase_order", "p09-us-html-table-exempt", build(
    frm="Rick Halvorson <rick@tcsignal.example>",
    to=MPLS,
    subject="Order - PO 26-3390 - Lake St lighting",
    date="Tue, 17 Nov 2026 09:41:22 -0600",
    html="""<div style="font-family:Tahoma;font-size:10pt">
<p>Jenna,</p>
<p>Please enter the following order. Deliver to our shop, 1920 E 24th St, Minneapolis 55404,
no later than 11/24/2026. Resale - we're tax exempt, certificate on file.</p>
<table border="1" cellpadding="3" cellspacing="0">
<tr><td><b>Qty</b></td><td><b>Part #</b></td><td><b>Description</b></td><td><b>Price</b></td><td><b>Ext.</b></td></tr>
<tr><td>80</td><td>PL-WP-40-4K</td><td>LED wall pack 40W 4000K bronze</td><td>$61.30</td><td>$4,904.00</td></tr>
<tr><td>16</td><td>PL-AL-150-T3</td><td>LED area light 150W type III</td><td>$187.00</td><td>$2,992.00</td></tr>
<tr><td colspan="4" align="right">Total</td><td><b>$7,896.00</b></td></tr>
</table>
<p>PO# <b>26-3390</b></p>
<p>Thanks,<br>Rick Halvorson<br>Twin Cities Signal & Lighting Inc.<br>612-555-0129</p>
</div>"""),
    {"order_number": "26-3390", "total": "7896.00", "currency": "USD", "buyer": "Twin Cities Signal & Lighting Inc."})


# =========================================================================================================
# invoice (suppliers invoice us)
# =========================================================================================================

_pi1 = pdf([
    "NORTHSHORE WIRE & CABLE LTD.                                         INVOICE",
    "88 Industrial Pkwy N, Aurora ON L4G 4C4      GST/HST 10338 2761 RT0001",
    "Invoice No.: NWC-884120        Invoice Date: 09/15/2026        Terms: Net 30",
    "Sold to: Prairie Electric Supply Inc., 1450 Inkster Blvd, Winnipeg MB R2X 1R2",
    "Customer PO: PES-26-4471        Ship Date: 09/14/2026      Carrier: Red River Freightways",
    "",
    "Qty     Item          Description                           Unit Price     Amount",
    "120     NMD14-2-150   NMD90 14/2 Cu 150m coil                  96.40     11,568.00",
    "80      NMD12-2-150   NMD90 12/2 Cu 150m coil                 142.75     11,420.00",
    "2,500 m TECK3C6       TECK90 1000V 3C #6 Cu, per metre           8.14     20,350.00",
    "",
    "                                             Subtotal:        43,338.00",
    "                                             GST 5%:           2,166.90",
    "                                             PST: exempt (resale, MB RST 3318-224)",
    "                                             TOTAL CAD:       45,504.90",
    "EFT: Royal Bank of Canada, Institution 003, Transit 04512, Account 1028374",
    "Remittance advice to: ar@northshorewire.example",
], "NWC-884120")

w("invoice", "i01-on-cable-pdf", build(
    frm="Northshore Wire & Cable AR <ar@northshorewire.example>",
    to=AP,
    subject="Invoice NWC-884120 from Northshore Wire & Cable Ltd.",
    date="Tue, 15 Sep 2026 17:05:11 -0400",
    text="""Dear Customer,

Please find attached invoice NWC-884120 for your PO PES-26-4471.

If you have any questions about this invoice, please contact our Accounts Receivable team at
ar@northshorewire.example or 905-555-0177.

Thank you for your business.
Northshore Wire & Cable Ltd.
""", attachments=[("NWC-884120.pdf", "application/pdf", _pi1)]),
    {"invoice_number": "NWC-884120", "issue_date": "2026-09-15", "seller": "Northshore Wire & Cable Ltd.",
     "currency": "CAD", "net_total": "43338.00", "tax_total": "2166.90", "gross_total": "45504.90"})

w("invoice", "i02-mx-factura-es", build(
    frm=address("Facturación Conduflex", "facturacion@conduflex-mty.example", "iso-8859-1"),
    to=RAJ,
    cc=AP,
    subject=encoded("Factura A-15873 / Pedido PES-PO-26-0912", "iso-8859-1", "Q"),
    date="Wed, 23 Sep 2026 12:40:55 -0600",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Estimado Raj,

Por medio del presente le enviamos la factura correspondiente al embarque de su pedido
PES-PO-26-0912, que salió de nuestra planta el 21 de septiembre (pedimento 26 19 3421 6002117).

FACTURA  Serie A  Folio 15873
Fecha de emisión: 22/09/2026
Emisor: Conduflex de Monterrey S.A. de C.V., RFC CMO-980312-KT4
Av. Ruiz Cortines 3120, Col. Industrial, 64440 Monterrey, N.L., México
Receptor: Prairie Electric Supply Inc., Winnipeg, MB, Canadá

Cant.    Descripción                                   P. Unitario     Importe
4,000    Codo EMT 3/4" 90°, acero galvanizado            0.86 USD     3,440.00 USD
10,000   Conector EMT 1/2" tornillo                      0.21 USD     2,100.00 USD
2,500    Caja octagonal 4" con orejas                    1.38 USD     3,450.00 USD

Subtotal:                                                           8,990.00 USD
IVA 0% (exportación):                                                   0.00 USD
Total:                                                              8,990.00 USD
(OCHO MIL NOVECIENTOS NOVENTA DÓLARES 00/100 USD)

Condiciones de pago: 30 días.
Datos para transferencia (wire): Banco Regional del Norte, SWIFT BRNOMXMM,
cuenta USD 0187 4452 910, CLABE 058580018744529104.

Sin más por el momento, quedo a sus órdenes.

Atentamente,
Lic. Mariana Garza Treviño
Cuentas por Cobrar
Conduflex de Monterrey S.A. de C.V.
Tel. +52 81 8155 2040
"""), {"invoice_number": "A-15873", "issue_date": "2026-09-22", "seller": "Conduflex de Monterrey S.A. de C.V.",
       "currency": "USD", "net_total": "8990.00", "tax_total": "0.00", "gross_total": "8990.00"})

w("invoice", "i03-us-breakers-body", build(
    frm="Great Lakes Breaker Exchange <billing@glbreaker.example>",
    to=MPLS,
    subject="Invoice 2026-31877",
    date="Fri, 02 Oct 2026 10:18:30 -0500",
    text="""Great Lakes Breaker Exchange LLC
4210 W Mitchell St, Milwaukee, WI 53214 | 414-555-0190

INVOICE # 2026-31877                Date: 10/01/2026
Bill To: Prairie Electric Supply Inc. - Minneapolis Branch
         2800 Kennedy St NE, Minneapolis, MN 55413
Your PO: MPLS-26-0588               Terms: Net 30   Due: 10/31/2026

QTY  PART      DESCRIPTION                           PRICE      AMOUNT
200  QO120     Sq D QO 1P 20A, reconditioned         $6.85      $1,370.00
 50  QO230     Sq D QO 2P 30A, reconditioned         $21.40     $1,070.00
                                             Subtotal          $2,440.00
                                             Freight              $84.50
                                             Sales tax (resale exempt)  $0.00
                                             INVOICE TOTAL     $2,524.50

Pay by ACH: First Badger Bank, ABA routing 075912848, account 4418026613
Checks payable to Great Lakes Breaker Exchange LLC.

Questions? billing@glbreaker.example
"""), {"invoice_number": "2026-31877", "issue_date": "2026-10-01", "seller": "Great Lakes Breaker Exchange LLC",
       "currency": "USD", "net_total": "2524.50", "tax_total": "0.00", "gross_total": "2524.50"})

_pi4 = """Invoice,Invoice Date,Pro Number,Ship Date,Origin,Destination,Pieces,Weight lb,Charge CAD
RRF-2026-50417,2026-10-31,RRF7719204,2026-10-06,Winnipeg MB,Brandon MB,4,2260,412.50
RRF-2026-50417,2026-10-31,RRF7719388,2026-10-13,Winnipeg MB,Dauphin MB,3,1840,388.00
RRF-2026-50417,2026-10-31,RRF7720015,2026-10-20,Winnipeg MB,Thompson MB,6,3950,655.70
RRF-2026-50417,2026-10-31,RRF7720241,2026-10-27,Winnipeg MB,Steinbach MB,5,2700,390.00
,,,,,,,Subtotal,1846.20
,,,,,,,GST 5%,92.31
,,,,,,,Total,1938.51
""".encode()

w("invoice", "i04-ltl-carrier-csv", build(
    frm="Red River Freightways Billing <billing@redriverfreight.example>",
    to=AP,
    subject="Red River Freightways - October statement invoice RRF-2026-50417",
    date="Mon, 02 Nov 2026 08:30:00 -0600",
    text="""Hello,

Attached is invoice RRF-2026-50417 dated October 31, 2026 for your October outbound LTL shipments
(4 pro numbers, detail in the CSV).

  Subtotal     $1,846.20
  GST 5%          $92.31
  Amount due   $1,938.51 CAD   (due November 30, 2026)

Red River Freightways Ltd. | GST 70215 4490 RT0001
EFT: Institution 001, Transit 00219, Account 4471093

Thank you,
Billing Department
""", attachments=[("RRF-2026-50417.csv", "text/csv", _pi4)]),
    {"invoice_number": "RRF-2026-50417", "issue_date": "2026-10-31", "seller": "Red River Freightways Ltd.",
     "currency": "CAD", "net_total": "1846.20", "tax_total": "92.31", "gross_total": "1938.51"})

_pi5 = pdf([
    "LUMENOR LIGHTING INC.                                   CREDIT MEMO",
    "3300 boul. Industriel, Laval QC H7L 4R9     GST 88201 3345 RT0001",
    "Credit Memo No.: CM-20931          Date: 10/07/2026",
    "Customer: Prairie Electric Supply Inc., Winnipeg MB        Account: PES001",
    "Reference: RMA 26-0447 / original invoice LL-117204 (09/02/2026)",
    "",
    "Qty   Item           Description                          Unit       Amount",
    "-24   LP24-40-40K    LED panel 2x4 40W 4000K (returned)     88.50    -2,124.00",
    "",
    "                                          Subtotal:     -2,124.00",
    "                                          GST 5%:         -106.20",
    "                                          Total credit: -2,230.20 CAD",
    "This credit will be applied to your next payment.",
], "CM-20931")

w("invoice", "i05-credit-memo-lighting", build(
    frm="Lumenor Lighting - Credit Dept <credit@lumenor.example>",
    to=AP,
    cc=RAJ,
    subject="Credit Memo CM-20931 - RMA 26-0447",
    date="Wed, 07 Oct 2026 14:22:48 -0400",
    text="""Hi,

As requested, please find attached credit memo CM-20931 for the 24 LED panels returned under RMA 26-0447
(total credit CAD -2,230.20 incl. GST). No restocking fee was charged.

Regards,
Nathalie Roy
Credit & Collections
Lumenor Lighting Inc.
""", attachments=[("CM-20931.pdf", "application/pdf", _pi5)]),
    {"invoice_number": "CM-20931", "issue_date": "2026-10-07", "seller": "Lumenor Lighting Inc.",
     "currency": "CAD", "net_total": "-2124.00", "tax_total": "-106.20", "gross_total": "-2230.20"})

w("invoice", "i06-past-due-reminder", build(
    frm="Keewatin Safety Supply <accounts@keewatinsafety.example>",
    to=AP,
    subject="PAST DUE: Invoice 40021877 - 2nd notice",
    date="Thu, 05 Nov 2026 09:44:12 -0600",
    text="""Good morning,

Our records show the following invoice is now past due. Please arrange payment at your earliest
convenience or let us know if there is a problem with the invoice.

  Invoice #:      40021877
  Invoice date:   September 18, 2026
  Due date:       October 18, 2026 (net 30)
  Your PO:        PES-26-4390 (arc flash PPE kits, Cat 2 - 12 kits)
  Subtotal:       $3,255.00
  GST 5%:           $162.75
  Balance due:    $3,417.75 CAD

Payment by EFT to Keewatin Safety Supply Ltd., Institution 010 (CIBC), Transit 00087,
Account 6620913. Please e-mail remittance advice to accounts@keewatinsafety.example.

If payment has already been sent, please disregard this notice.

Thank you,
Darlene Moose
Accounts Receivable
Keewatin Safety Supply Ltd. | Winnipeg, MB
"""), {"invoice_number": "40021877", "issue_date": "2026-09-18", "seller": "Keewatin Safety Supply Ltd.",
       "currency": "CAD", "net_total": "3255.00", "tax_total": "162.75", "gross_total": "3417.75"})

w("invoice", "i07-qc-facture-fr", build(
    frm=address("Luminaires Boréal – Comptes recevables", "cr@luminaires-boreal.example"),
    to=AP,
    cc=MARC,
    subject=encoded("Facture F-2026-03318 – Luminaires Boréal inc.", "utf-8", "Q"),
    date="Tue, 27 Oct 2026 15:10:26 -0400",
    text="""Bonjour,

Veuillez trouver ci-dessous notre facture pour la livraison du 26 octobre (commande PES-PO-26-1021,
projet Transport Lavoie). La facture originale suit par la poste.

FACTURE N° F-2026-03318
Date : 26 octobre 2026
Vendeur : Luminaires Boréal inc., 455, rue des Forges, Trois-Rivières (QC) G9A 2H2
TPS 74411 8890 RT0001 — TVQ 1220447781 TQ0001
Client : Prairie Electric Supply Inc., 1450 Inkster Blvd, Winnipeg (MB)

Qté   Description                                          Prix unit.      Montant
40    Luminaire DEL haute baie 150 W, 5000 K, 0-10 V        214,00 $     8 560,00 $
60    Luminaire DEL étanche 4 pi 40 W                         85,50 $     5 130,00 $

Sous-total :                                                            13 690,00 $
TPS (5 %) :                                                                684,50 $
TVQ : non applicable (livraison hors Québec)
Total :                                                                 14 374,50 $

Conditions : net 30 jours. Dépôt direct : Caisse Desjardins, institution 815, transit 20013,
compte 0448217.

Merci de votre confiance!
Sylvie Lemieux
Comptes recevables
"""), {"invoice_number": "F-2026-03318", "issue_date": "2026-10-26", "seller": "Luminaires Boréal inc.",
       "currency": "CAD", "net_total": "13690.00", "tax_total": "684.50", "gross_total": "14374.50"})

w("invoice", "i08-telecom-html", build(
    frm="Assiniboine Telecom Business <ebill@assiniboinetel.example>",
    to=AP,
    subject="Your Assiniboine Telecom bill is ready - Account 5501 2290 7",
    date="Sat, 07 Nov 2026 04:02:15 -0600",
    headers=[("List-Unsubscribe", "<https://assiniboinetel.example/ebill/optout>")],
    html="""<html><body style="font-family:Helvetica,Arial;background:#f4f6f8">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#fff">
<tr><td style="background:#2b7a0b;color:#fff;padding:14px 20px;font-size:20px">Assiniboine Telecom</td></tr>
<tr><td style="padding:20px;font-size:13px">
<p>Hi Prairie Electric Supply Inc.,</p>
<p>Your November bill is ready.</p>
<table width="100%" cellpadding="6" style="border:1px solid #ddd;border-collapse:collapse">
<tr><td>Account number</td><td>5501 2290 7</td></tr>
<tr><td>Invoice number</td><td>AT-26110-448812</td></tr>
<tr><td>Bill date</td><td>Nov 6, 2026</td></tr>
<tr><td>Current charges</td><td>$612.40</td></tr>
<tr><td>GST (5%)</td><td>$30.62</td></tr>
<tr><td>PST (7%)</td><td>$42.87</td></tr>
<tr><td><b>Total amount due</b></td><td><b>$685.89</b></td></tr>
<tr><td>Due date</td><td>Nov 27, 2026</td></tr>
</table>
<p><a href="https://assiniboinetel.example/mybill" style="background:#2b7a0b;color:#fff;padding:10px 18px;text-decoration:none">View &amp; pay your bill</a></p>
<p style="font-size:11px;color:#888">Pre-authorized payment customers: no action needed. Assiniboine Telecom Inc., Winnipeg MB. GST 81900 2214 RT0001.</p>
</td></tr></table></body></html>"""),
    {"invoice_number": "AT-26110-448812", "issue_date": "2026-11-06", "seller": "Assiniboine Telecom Inc.",
     "currency": "CAD", "net_total": "612.40", "gross_total": "685.89"})

w("invoice", "i09-mn-forklift-service-tax", build(
    frm="North Star Lift Truck Service <office@northstarlift.example>",
    to=f"Jenna Olson <j.olson@{D}>",
    subject="Invoice 118204 - forklift repair, unit #2",
    date="Thu, 10 Dec 2026 16:37:02 -0600",
    text="""Jenna,

Invoice for last Tuesday's repair below. Thanks for calling us!

North Star Lift Truck Service, Inc.
9400 Xenia Ave N, Brooklyn Park, MN 55445

Invoice: 118204             Date: 12/09/2026        Work order: WO-77310
Customer: Prairie Electric Supply Inc. (Minneapolis branch), 2800 Kennedy St NE
Unit: Toyota 8FGCU25 s/n 61342, your unit #2

Labor - diagnose & replace hydraulic pump seal, 4.5 hrs @ $135.00      $607.50
Parts - seal kit, hydraulic filter, 5 gal AW32 oil                     $342.80
                                                        Subtotal       $950.30
                                                        MN sales tax 8.025%   $76.26
                                                        TOTAL DUE      $1,026.56

Terms: Net 15. ACH: routing 091000022, account 1577 0043 2209. Or mail check to address above.

Mike Sorensen
Service Manager
"""), {"invoice_number": "118204", "issue_date": "2026-12-09", "seller": "North Star Lift Truck Service, Inc.",
       "currency": "USD", "net_total": "950.30", "tax_total": "76.26", "gross_total": "1026.56"})


# =========================================================================================================
# support_ticket
# =========================================================================================================

w("support_ticket", "s01-urgent-wrong-panel-site-down", build(
    frm="Kyle Dueck <kyle@duecksparky.example>",
    to=SERVICE,
    cc=LISA,
    subject="URGENT wrong panel delivered - crew standing around",
    date="Mon, 14 Sep 2026 08:12:40 -0500",
    headers=[("X-Priority", "1 (Highest)"), ("Importance", "High")],
    text="""Your driver just dropped 6 panels at Sage Creek (Red Rock PO 24-1187) and they're 100A 24 circuit,
NOT 200A 40 ct with main like we ordered. Hydro inspection is booked for 1pm tomorrow and I have
4 guys standing around with nothing to hook up. I need the right panels on site TODAY.

Call me 204-955-3318

Kyle
"""), {"customer_email": "kyle@duecksparky.example"})

w("support_ticket", "s02-angry-damaged-reels", build(
    frm="Trevor Hildebrand <thildebrand@brandonvalleyelectric.example>",
    to=SERVICE,
    subject="Damaged cable reels - PO 5573-EL - this is the second time",
    date="Thu, 19 Nov 2026 15:02:18 -0600",
    text="""To whoever handles claims,

We received the second shipment on PO 5573-EL yesterday and two of the TECK reels were damaged - one
flange is cracked right through and the outer wraps of cable have the jacket scraped down to the armour.
We cannot install that cable, the engineer won't accept it. Photos were taken in front of the driver
and he noted it on the BOL (Red River pro RRF7741102).

This is the second time in two months product has shown up damaged from you. I don't want a credit
in 6 weeks, I want replacement reels in Brandon by Monday, and somebody to pick up the damaged ones.

Frankly if this keeps happening we'll move our gear and cable business elsewhere.

Trevor Hildebrand
Project Manager | Brandon Valley Electric Ltd.
204-728-5561
"""), {"customer_email": "thildebrand@brandonvalleyelectric.example"})

w("support_ticket", "s03-fr-reclamation-scintillement", build(
    frm=address("Geneviève Tremblay", "g.tremblay@electricite-laurentienne.example", "windows-1252"),
    to=MARC,
    cc=SERVICE,
    subject=encoded("Réclamation – luminaires haute baie qui scintillent (BC-26-0419)", "windows-1252", "Q"),
    date="Wed, 18 Nov 2026 13:37:09 -0500",
    charset="windows-1252", cte="quoted-printable",
    text="""Bonjour Marc,

Nous avons un problème avec les luminaires DEL haute baie livrés pour l'entrepôt Transport Lavoie
(notre bon de commande BC-26-0419). Environ 15 des 64 luminaires scintillent lorsque la gradation
0-10 V est en dessous de 30 %, et trois d'entre eux s'éteignent complètement après une vingtaine de
minutes. Nous avons vérifié le câblage de contrôle et les gradateurs : tout est conforme.

Le client commence à s'impatienter car il doit emménager le 1er décembre. Peux-tu vérifier avec le
fabricant s'il s'agit d'un problème connu (lot, pilote?) et nous dire comment procéder pour
l'échange?

Merci,
Geneviève Tremblay
Électricité Laurentienne inc.
450 431-7720, poste 224
"""), {"customer_email": "g.tremblay@electricite-laurentienne.example"})

w("support_ticket", "s04-polite-vague-hum", build(
    frm="Bernice Klassen <bklassen@stboniface-health.example>",
    to=SALES,
    subject="LED panels - question",
    date="Tue, 24 Nov 2026 10:19:55 -0600",
    text="""Hello,

I hope this is the right place to ask. Some of the 2x4 LED panels we bought from you last month make a
faint humming sound, mostly in the evening when the lights are dimmed. Staff in the admin office noticed
it. It's not a big problem and everything works, but I wanted to ask whether this is normal or if
there's something we should be checking (compatible dimmer, etc.)?

No rush on this. Thanks for your help.

Bernice Klassen
Supervisor, Facilities Maintenance
St. Boniface Community Health Centre
"""), {"customer_email": "bklassen@stboniface-health.example"})

w("support_ticket", "s05-us-wrong-breakers", build(
    frm="Amanda Kerr <akerr@lindqvist-me.example>",
    to=MPLS,
    subject="Wrong breakers on invoice MP-26-10442 / our PO 7741-0107",
    date="Mon, 30 Nov 2026 09:03:31 -0600",
    text="""Jenna,

Our foreman opened the breaker boxes from Friday's delivery (your packing slip MP-26-10442, our PO
7741-0107) and they're Homeline HOM120, not QO120 like we ordered. They don't fit the QO panels on the
job obviously. 48 pcs.

Can you swap them out this week? We need them by Thursday 12/03 for the rough-in inspection. Please
send your driver with the QOs and he can take the HOMs back.

Thanks,
Amanda
"""), {"customer_email": "akerr@lindqvist-me.example"})

w("support_ticket", "s06-escalation-thread", build(
    frm="Raymond Chartrand <rchartrand@uprairies.example>",
    to=f"Dave Kowalchuk <d.kowalchuk@{D}>",
    cc=SERVICE,
    subject="FW: occupancy sensors not working - still waiting",
    date="Wed, 02 Dec 2026 14:44:07 -0600",
    text="""Dave,

Forwarding this to you since I'm not getting anywhere with the service address. 11 of the 36 ceiling
occupancy sensors from PO 4500233719 don't switch the power packs at all. We've been waiting two weeks
for someone to tell us whether it's a wiring issue on our side or bad units. Classes are ending and
we need the labs working before the January term.

Can you have someone call me tomorrow?

Raymond Chartrand
Electrical Shop Foreman, Physical Plant
University of the Prairies | 204-555-0166

-----Original Message-----
From: Raymond Chartrand
Sent: Thursday, November 19, 2026 8:50 AM
To: service@prairie-electric.example
Subject: occupancy sensors not working

Hi, 11 of the 36 OCC-CLG-LV sensors (PO 4500233719) don't trigger the PP20 power packs. Wiring checked
per the diagram, blue/white/red. LED on sensor blinks but relay doesn't click. Can you advise or
replace? Thanks, Ray
"""), {"customer_email": "rchartrand@uprairies.example"})

w("support_ticket", "s07-tech-help-photocell-html", build(
    frm="Dale Novak <purchasing@wsp-city.example>",
    to=MPLS,
    cc="Public Works Electrician <pw-electric@wsp-city.example>",
    subject="Cobra heads staying on during day - photocells?",
    date="Fri, 11 Dec 2026 11:25:40 -0600",
    html="""<div style="font-family:Arial;font-size:10pt">
<p>Hi,</p>
<p>Our electrician installed 30 of the LED cobra heads and photocells we bought in November (your invoice
MP-26-10377). About a third of them stay on all day. He swapped photocells between fixtures and the
problem follows the photocell, not the fixture.</p>
<p>Questions from him:</p>
<ol><li>Is there a delay/time-out on these photocells when first installed?</li>
<li>Do they need to be oriented north?</li>
<li>If they're defective, how do we return them?</li></ol>
<p>Thanks,<br>Dale Novak<br>Purchasing Coordinator, City of West St. Paul</p>
</div>"""), {"customer_email": "purchasing@wsp-city.example"})

w("support_ticket", "s08-iphone-gfci-tripping", build(
    frm="Wes Friesen <wes@steinbachwiring.example>",
    to=f"Tyler Bergen <t.bergen@{D}>",
    subject="gfci",
    date="Sat, 05 Dec 2026 17:48:12 -0600",
    text="""Tyler those 20 GFCI receptacles I got last week (inv 1190432) - 5 of them trip as soon as you plug
anything in, even a phone charger. Tested on 3 different circuits. Bad batch? Can I swap them Monday

Sent from my iPhone
"""), {"customer_email": "wes@steinbachwiring.example"})

w("support_ticket", "s09-mine-missing-items", build(
    frm="Jordan Sinclair <jsinclair@thompson-nickel.example>",
    to=ORDERS,
    subject="PO 4700018834 - short shipped, 2 reels missing",
    date="Tue, 01 Dec 2026 07:58:19 -0600",
    text="""Hello,

Receiving at T1 checked in the Gardewine load this morning for PO 4700018834 (release 3). We got 4 of the
6 SHD-GC 3/0 reels, the packing slip says 6. The LED high bays and TECK are all there.

Please confirm whether the other two reels were shipped separately or were left behind in Winnipeg. We
have a planned cable change on the T1 hoist on December 9 and need all six on site.

Regards,
Jordan Sinclair
Maintenance Planner, Electrical
Thompson Nickel Mines Ltd.
"""), {"customer_email": "jsinclair@thompson-nickel.example"})


# =========================================================================================================
# approval
# =========================================================================================================

w("approval", "a01-approved-short", build(
    frm=f"Karen Friesen <k.friesen@{D}>",
    to=MAILROOM,
    subject=encoded("RE: Approval needed: Supplier invoice NWC-884120 Northshore Wire & Cable – 45,504.90 CAD [APR-2026-0318]",
                    "utf-8", "Q"),
    date="Wed, 16 Sep 2026 09:14:22 -0500",
    in_reply_to=f"<approval.apr-2026-0318@{D}>",
    text="""Approved.

Karen Friesen, CPA
Controller | Prairie Electric Supply Inc.

From: Prairie Electric Mailroom <mailroom@prairie-electric.example>
Sent: Wednesday, September 16, 2026 8:01 AM
To: Karen Friesen <k.friesen@prairie-electric.example>
Subject: Approval needed: Supplier invoice NWC-884120 Northshore Wire & Cable – 45,504.90 CAD [APR-2026-0318]

Reference: APR-2026-0318
Supplier invoice NWC-884120 from Northshore Wire & Cable Ltd., CAD 45,504.90, due 10/15/2026.
Matched to PO PES-26-4471 and receiving report RR-26-3310.

Reply with Approved or Rejected.
"""), {"decision": "approve", "reference": "APR-2026-0318"})

w("approval", "a02-rejected-margin", build(
    frm=f"Greg Penner <g.penner@{D}>",
    to=MAILROOM,
    cc=LISA,
    subject=encoded("Re: Approval needed: Quote 2026-Q-9140 for Thompson Nickel Mines – 212,600.00 CAD [APR-2026-0352]",
                    "utf-8", "Q"),
    date="Thu, 22 Oct 2026 17:40:51 -0500",
    in_reply_to=f"<approval.apr-2026-0352@{D}>",
    text="""Rejected - margin on the SHD-GC cable is under 6%, that's below what we agreed for blanket deals.
Lisa, rework with the Northshore price increase from Nov 1 included and resubmit.

Greg

On Thu, Oct 22, 2026 at 3:12 PM Prairie Electric Mailroom <mailroom@prairie-electric.example> wrote:
> Reference: APR-2026-0352
> Quote 2026-Q-9140 for Thompson Nickel Mines Ltd. (blanket 2027, cable and lighting)
> Amount: CAD 212,600.00 - gross margin 5.8%
> Requested by: Lisa Tran
>
> Reply with Approved or Rejected.
"""), {"decision": "reject", "reference": "APR-2026-0352"})

w("approval", "a03-fr-approuve-conditionnel", build(
    frm=MARC,
    to=MAILROOM,
    subject="RE: Approval needed: Credit limit increase for Electricite Laurentienne inc. - 50,000.00 CAD [APR-2026-0371]",
    date="Mon, 09 Nov 2026 08:05:33 -0500",
    in_reply_to=f"<approval.apr-2026-0371@{D}>",
    text="""Approuvé / approved - mais seulement si le BC-26-0419 est payé d'abord (due 11/25). Karen can hold the
increase until then.

Marc Gagnon
Directeur des ventes, Québec et Est | Prairie Electric Supply Inc.

-----Original Message-----
From: Prairie Electric Mailroom <mailroom@prairie-electric.example>
Sent: Monday, November 9, 2026 7:30 AM
To: Marc Gagnon <m.gagnon@prairie-electric.example>
Subject: Approval needed: Credit limit increase for Electricite Laurentienne inc. - 50,000.00 CAD [APR-2026-0371]

Reference: APR-2026-0371
Credit limit increase for Electricite Laurentienne inc. from CAD 25,000.00 to CAD 50,000.00.
Reply with Approved or Rejected.
"""), {"decision": "approve", "reference": "APR-2026-0371"})


# =========================================================================================================
# auto_reply
# =========================================================================================================

w("auto_reply", "r01-ooo-auto-submitted", build(
    frm="Amanda Kerr <akerr@lindqvist-me.example>",
    to=MPLS,
    subject="Automatic reply: Order acknowledgement - PO 7741-0093",
    date="Fri, 02 Oct 2026 08:00:17 -0500",
    headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
             ("X-MS-Exchange-Inbox-Rules-Loop", "akerr@lindqvist-me.example")],
    text="""Thank you for your email. I am out of the office until Monday, October 12 with limited access to email.
For bid questions please contact estimating@lindqvist-me.example. For urgent jobsite deliveries call our
shop at 651-555-0100.

Amanda Kerr
"""))

w("auto_reply", "r02-bilingual-ooo-fr-en", build(
    frm=address("Geneviève Tremblay", "g.tremblay@electricite-laurentienne.example", "windows-1252"),
    to=MARC,
    subject=encoded("Réponse automatique : Soumission S-2026-7731", "windows-1252", "Q"),
    date="Fri, 09 Oct 2026 16:30:04 -0400",
    charset="windows-1252", cte="quoted-printable",
    text="""(English follows)

Bonjour,
Je suis absente du bureau jusqu'au 14 octobre (congé de l'Action de grâce). Pour toute urgence,
veuillez communiquer avec Stéphane Lavallée au 450 431-7720, poste 201.

Hello,
I am out of the office until October 14 (Thanksgiving). For anything urgent, please contact
Stéphane Lavallée at 450 431-7720, ext. 201.

Geneviève Tremblay
"""))

w("auto_reply", "r03-es-fuera-de-oficina", build(
    frm=address("Mariana Garza Treviño", "facturacion@conduflex-mty.example", "iso-8859-1"),
    to=RAJ,
    subject=encoded("Respuesta automática: Remittance advice - factura A-15873", "iso-8859-1", "Q"),
    date="Mon, 02 Nov 2026 09:15:40 -0600",
    charset="iso-8859-1", cte="quoted-printable",
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Gracias por su mensaje. Me encuentro fuera de la oficina por el Día de Muertos y regreso el
martes 3 de noviembre. Para temas urgentes de facturación favor de escribir a cxc@conduflex-mty.example.

Thank you for your message. I am out of the office and will return on November 3.

Saludos,
Mariana Garza
"""))

_dsn = f"""From: Mail Delivery Subsystem <postmaster@mx.{D}>
To: l.tran@{D}
Subject: Delivery Status Notification (Failure)
Date: Wed, 21 Oct 2026 10:42:19 -0500
Message-ID: <dsn.20261021154219.51c2@mx.{D}>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="00000000000051c2b8f0a4e7"

--00000000000051c2b8f0a4e7
Content-Type: text/plain; charset="UTF-8"

** Address not found **

Your message wasn't delivered to estimating@keystonebuilders-mb.example because the domain
keystonebuilders-mb.example couldn't be found. Check for typos or unnecessary spaces and try again.

The response was:

DNS Error: DNS type 'mx' lookup of keystonebuilders-mb.example responded with code NXDOMAIN

--00000000000051c2b8f0a4e7
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.{D}
Arrival-Date: Wed, 21 Oct 2026 10:42:17 -0500

Final-Recipient: rfc822; estimating@keystonebuilders-mb.example
Action: failed
Status: 5.1.2
Diagnostic-Code: smtp; DNS type 'mx' lookup of keystonebuilders-mb.example responded with code NXDOMAIN
Last-Attempt-Date: Wed, 21 Oct 2026 10:42:19 -0500

--00000000000051c2b8f0a4e7
Content-Type: text/rfc822-headers

From: Lisa Tran <l.tran@{D}>
To: estimating@keystonebuilders-mb.example
Subject: Quote 2026-Q-9077 - Keystone Builders / Selkirk clinic
Date: Wed, 21 Oct 2026 10:42:15 -0500
Message-ID: <q20269077.lt@{D}>

--00000000000051c2b8f0a4e7--
"""
w("auto_reply", "r04-dsn-domain-not-found", _dsn.encode("ascii"))

w("auto_reply", "r05-exchange-undeliverable-plain", build(
    frm="Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@hennepinhealth.example>",
    to=MPLS,
    subject="Undeliverable: Packing slip MP-26-10398 / PO HHP-PO-0098823",
    date="Wed, 11 Nov 2026 14:20:33 -0600",
    headers=[("Auto-Submitted", "auto-generated"), ("X-MS-Exchange-Message-Is-Ndr", "")],
    text="""Delivery has failed to these recipients or groups:

tom.vang@hennepinhealth.example
The email address you entered couldn't be found. Please check the recipient's email address and try to
resend the message. If the problem continues, please contact your helpdesk.

Diagnostic information for administrators:

Generating server: MN2PR04MB6011.namprd04.prod.outlook.example

tom.vang@hennepinhealth.example
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'

Original message headers:

From: Jenna Olson <j.olson@prairie-electric.example>
To: tom.vang@hennepinhealth.example
Subject: Packing slip MP-26-10398 / PO HHP-PO-0098823
Date: Wed, 11 Nov 2026 14:20:29 -0600
"""))

w("auto_reply", "r06-read-receipt", build(
    frm="Shelley Penner <office@redrockelectric.example>",
    to=AP,
    subject="Read: Statement of account - Red Rock Electric Ltd. - October 2026",
    date="Tue, 03 Nov 2026 08:41:09 -0600",
    text="""Your message

    To: office@redrockelectric.example
    Subject: Statement of account - Red Rock Electric Ltd. - October 2026
    Sent: Monday, November 2, 2026 4:55:12 PM (UTC-06:00) Central Time (US & Canada)

was read on Tuesday, November 3, 2026 8:41:06 AM (UTC-06:00) Central Time (US & Canada).
"""))


# =========================================================================================================
# other
# =========================================================================================================

w("other", "o01-manufacturer-newsletter-html", build(
    frm="Lumenor Lighting <news@lumenor.example>",
    to=SALES,
    subject="Q4 Distributor Promo: high bays from $89 - order by Dec 15",
    date="Tue, 03 Nov 2026 10:00:00 -0500",
    headers=[("List-Id", "Lumenor Distributor News <distributors.lumenor.example>"),
             ("List-Unsubscribe", "<https://lumenor.example/u/PES001>, <mailto:unsubscribe@lumenor.example?subject=PES001>"),
             ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")],
    html="""<!DOCTYPE html><html><body style="margin:0;background:#111">
<table width="620" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Arial">
<tr><td style="background:#ffcc00;padding:20px;font-size:26px;font-weight:bold">LUMENOR &nbsp;|&nbsp; Q4 DISTRIBUTOR PROMO</td></tr>
<tr><td style="padding:20px">
<p>Stock up before the winter construction slowdown. Promo pricing for authorized distributors, valid on
orders received by <b>December 15, 2026</b>.</p>
<table width="100%" cellpadding="8" style="border-collapse:collapse">
<tr style="background:#f2f2f2"><td>UFO high bay 150W, 5000K, 0-10V</td><td align="right"><s>$112.00</s> <b>$89.00</b></td></tr>
<tr><td>UFO high bay 200W, 5000K, 0-10V</td><td align="right"><s>$138.00</s> <b>$109.00</b></td></tr>
<tr style="background:#f2f2f2"><td>2x4 LED panel 40W, CCT selectable</td><td align="right"><s>$92.00</s> <b>$79.50</b></td></tr>
<tr><td>Vapor tight 4 ft 40W</td><td align="right"><b>$61.00</b></td></tr>
</table>
<p>Free freight on orders over C$5,000. Pallet pricing available.</p>
<p style="text-align:center"><a href="https://lumenor.example/promo/q4" style="background:#111;color:#ffcc00;padding:14px 34px;text-decoration:none;font-weight:bold">ORDER NOW</a></p>
</td></tr>
<tr><td style="padding:14px;font-size:10px;color:#777">Lumenor Lighting Inc., 3300 boul. Industriel, Laval QC.
You receive this because you are a Lumenor distributor. <a href="https://lumenor.example/u/PES001">Unsubscribe</a></td></tr>
</table></body></html>"""))

w("other", "o02-trade-show-invite", build(
    frm="Electrical Industry Expo <info@prairie-elec-expo.example>",
    to=SALES,
    subject="Exhibitor booth renewal & early-bird: Prairie Electrical Expo, March 2027, RBC Convention Centre",
    date="Wed, 16 Sep 2026 11:00:00 -0500",
    html="""<html><body style="font-family:Verdana;font-size:12px">
<h2 style="color:#003366">Prairie Electrical Expo 2027</h2>
<p>March 10-11, 2027 &middot; RBC Convention Centre, Winnipeg</p>
<p>Thank you for exhibiting in 2026! Returning exhibitors can rebook their booth at the early-bird rate
of <b>$2,450</b> (10x10, standard) until October 30. After that the rate is $2,900.</p>
<p>Join 2,500+ contractors, engineers and facility managers. New this year: a Code Update seminar
(CEC 2027) and the Apprentice Challenge.</p>
<p><a href="https://prairie-elec-expo.example/exhibit">Reserve your booth</a></p>
<p style="color:#888;font-size:10px">Prairie Electrical Expo is organized by the Manitoba Electrical League.</p>
</body></html>"""))

w("other", "o03-internal-truck-in-shop", build(
    frm=f"Shauna McLeod <s.mcleod@{D}>",
    to=f"Winnipeg Inside Sales <wpg-sales@{D}>",
    subject="Truck 3 in the shop till Thurs",
    date="Mon, 19 Oct 2026 07:10:44 -0500",
    text="""Heads up everyone - truck 3 (the 5-ton) is in the shop for brakes until Thursday. Only the two
cube vans are running, so no deliveries over 3,000 lb or anything with reels bigger than 36" until then.
If you've promised a Tues/Wed delivery to Brandon or Steinbach talk to me before 10am and I'll see what
I can do with Red River.

Also - pizza Friday for the warehouse crew, 12:00, thanks to Dave.

Shauna
"""))

w("other", "o04-where-is-price-file", build(
    frm=LISA,
    to=RAJ,
    subject="where's the new Northshore price file?",
    date="Mon, 02 Nov 2026 13:27:56 -0600",
    text="""Raj, did Northshore send the Nov 1 price sheet? It's not in S:\\Purchasing\\Price Files\\Northshore
and the one in the ERP is still September. I need it for the Thompson requote by tomorrow.

L
"""))

w("other", "o05-job-application", build(
    frm="Daniel Okafor <danokafor.wpg@mailbox-ca.example>",
    to=f"careers@{D}",
    subject="Application - Warehouse Associate (Indeed posting)",
    date="Sun, 27 Sep 2026 21:03:48 -0500",
    text="""Dear Hiring Manager,

I am writing to apply for the Warehouse Associate position posted on Indeed. I have three years of
experience in a building supply warehouse (shipping/receiving, cycle counts, RF scanners) and a valid
counterbalance forklift certificate. I am available for day or evening shifts and can start October 13.

My resume is attached. Thank you for your consideration.

Sincerely,
Daniel Okafor
204-555-0194
""", attachments=[("Daniel_Okafor_Resume.pdf", "application/pdf",
                   pdf(["Daniel Okafor - Resume", "Warehouse Associate", "Forklift certified"], "Resume"))]))

w("other", "o06-phishing-ach-failed", build(
    frm="Payments Notification <no-reply@secure-ach-payments.example>",
    to=AP,
    subject="ACH Payment Failed - Action Required - Ref# 7730-55219",
    date="Thu, 29 Oct 2026 02:14:09 -0500",
    html="""<html><body style="font-family:Arial">
<p>Dear Customer,</p>
<p>Your recent ACH payment of <b>$24,880.00</b> could not be processed due to an invalid beneficiary account.
To avoid late fees and suspension of your account, please verify your banking details within 24 hours.</p>
<p><a href="http://secure-ach-payments.example.verify-login.example/ach">VERIFY PAYMENT NOW</a></p>
<p>Failure to act will result in the transaction being reversed.</p>
<p>NACHA Payment Services</p>
</body></html>"""))

w("other", "o07-bank-wire-received", build(
    frm="Assiniboine Credit Union Business <alerts@assiniboine-cu.example>",
    to=AP,
    subject="Incoming wire received - USD account ending 7731",
    date="Fri, 13 Nov 2026 11:02:40 -0600",
    text="""This is an automated notification.

An incoming wire transfer has been credited to your account.

  Account:        Business USD Chequing ****7731
  Amount:         USD 12,488.40
  Value date:     2026-11-13
  Ordering party: LINDQVIST MECHANICAL & ELECTRIC INC
  Reference:      INV MP-26-10264 PO 7741-0093

To view details, sign in to Business Online Banking. Do not reply to this message.
"""))

w("other", "o08-carrier-shipping-notice", build(
    frm="Purolink Courier <tracking@purolink.example>",
    to=ORDERS,
    subject="Your shipment 3307 9921 4410 has been delivered",
    date="Tue, 06 Oct 2026 14:51:22 -0500",
    html="""<html><body style="font-family:Arial;font-size:13px">
<p><b>Delivered</b></p>
<p>Tracking number: <b>3307 9921 4410</b><br>
Shipper: Lumenor Lighting Inc., Laval QC<br>
Delivered to: PRAIRIE ELECTRIC SUPPLY, 1450 INKSTER BLVD, WINNIPEG MB<br>
Signed by: S MCLEOD<br>
Delivered on: 10/06/2026 at 2:47 PM<br>
Pieces: 3</p>
<p><a href="https://purolink.example/track/330799214410">View proof of delivery</a></p>
<p style="font-size:10px;color:#888">Please do not reply to this automated message.</p>
</body></html>"""))

w("other", "o09-es-confirmacion-de-pedido", build(
    frm=address("Ventas Conduflex", "ventas@conduflex-mty.example", "iso-8859-1"),
    to=RAJ,
    subject=encoded("Confirmación de pedido PES-PO-26-1148", "iso-8859-1", "Q"),
    date="Thu, 12 Nov 2026 10:33:15 -0600",
    charset="iso-8859-1", cte="quoted-printable",
    text="""Estimado Raj,

Le confirmamos la recepción de su pedido PES-PO-26-1148 con los siguientes datos:

  - 6,000 codos EMT 3/4" 90°          a 0.86 USD = 5,160.00 USD
  - 8,000 conectores EMT 1/2"         a 0.21 USD = 1,680.00 USD
  Total del pedido:                                6,840.00 USD

Fecha estimada de embarque: 30 de noviembre de 2026, vía Laredo. Le enviaremos la factura y el
número de guía al momento del embarque.

Gracias por su preferencia.

Saludos cordiales,
Ing. Héctor Villarreal
Ventas Exportación
Conduflex de Monterrey S.A. de C.V.
"""))

w("other", "o10-remittance-advice", build(
    frm="Red Rock Electric Ltd. <office@redrockelectric.example>",
    to=AP,
    subject="Remittance Advice - EFT payment 10/09/2026",
    date="Fri, 09 Oct 2026 15:20:31 -0500",
    text="""REMITTANCE ADVICE

Payer:      Red Rock Electric Ltd.
Payee:      Prairie Electric Supply Inc.
Payment:    EFT, 10/09/2026
Amount:     $6,212.84 CAD

Invoice #      Invoice Date    Amount
W-26-77104     09/14/2026      4,007.36
W-26-77239     09/21/2026      2,205.48
               Total           6,212.84

Please apply to account RRE-2231. Thank you.
Shelley Penner, Office Manager
"""))

w("other", "o11-thanks-received", build(
    frm=address("Geneviève Tremblay", "g.tremblay@electricite-laurentienne.example"),
    to=MARC,
    subject="RE: Livraison BC-26-0419",
    date="Tue, 27 Oct 2026 12:04:10 -0400",
    in_reply_to="<liv260419.mg@prairie-electric.example>",
    text="""Parfait, tout est arrivé ce matin au chantier, rien de brisé. Merci Marc!

Geneviève

Envoyé de mon iPhone

> Le 26 oct. 2026 à 17:22, Marc Gagnon <m.gagnon@prairie-electric.example> a écrit :
>
> Bonjour Geneviève, le camion part ce soir de Winnipeg, livraison prévue mardi AM.
> Marc
"""))

w("other", "o12-delivery-eta-question", build(
    frm="Trevor Hildebrand <thildebrand@brandonvalleyelectric.example>",
    to=LISA,
    subject="ETA on 5573-EL panels?",
    date="Thu, 05 Nov 2026 11:48:03 -0600",
    text="""Lisa, any update from Eaton on the ship date for the panels on PO 5573-EL? GC is asking for a date
for the schedule meeting Monday. Thx

Trevor
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
