#!/usr/bin/env python3
"""Meridian Medical Supplies Ltd (Leeds, UK) — hand-written evaluation mails. Run: python3 mails.py"""
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

CO = "meridian-medical"
DOM = "meridian-medical.example"


def D(stamp, tz=None, sec=0):
    """'2026-09-15 09:12' -> RFC 5322 date; UK time zone by default (BST until 25 Oct 2026)."""
    dt = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    if tz is None:
        tz = "+0100" if dt < datetime.datetime(2026, 10, 25, 1) else "+0000"
    return dt.strftime("%a, %d %b %Y %H:%M:") + f"{sec:02d} {tz}"


SALES = address("Meridian Medical Sales", f"sales@{DOM}")
ORDERS = address("Meridian Orders", f"orders@{DOM}")
ACCOUNTS = f"accounts@{DOM}"
SERVICE = address("Meridian Service Desk", f"service@{DOM}")

NHS_DISCLAIMER = """
********************************************************************
This message may contain confidential information. If you are not the
intended recipient please inform the sender that you have received the
message in error before deleting it. Please do not disclose, copy or
distribute information in this e-mail or take any action in relation to
its contents. To do so is strictly prohibited and may be unlawful.
Thank you for your co-operation.

NHSmail is the secure email and directory service available for all NHS
staff in England and Scotland. NHSmail is approved for exchanging patient
data and other sensitive information with NHSmail and other accredited
email services.
********************************************************************
"""


# --------------------------------------------------------------------------------------------------
# quote_request
# --------------------------------------------------------------------------------------------------

def qr_nhs_trust_rfq():
    text = """Dear Sir / Madam,

Request for Quotation - AVT/PROC/2026/0417 - Examination gloves and dressings (Q4 call-off)

Aire Valley Teaching Hospitals NHS Foundation Trust invites you to submit a quotation for the items
below, for delivery to our Central Stores (St Luke's Wing, Beckett Road, Leeds LS9 7TF) in monthly
call-offs from November 2026 to March 2027.

Line  Description                                         NPC / Ref     Est. annual qty   UoM
1     Nitrile exam glove, powder-free, non-sterile, S     MMS-NG-S      1,200             Box of 100
2     Nitrile exam glove, powder-free, non-sterile, M     MMS-NG-M      2,400             Box of 100
3     Nitrile exam glove, powder-free, non-sterile, L     MMS-NG-L      1,600             Box of 100
4     Silicone foam dressing with border 10x10cm          --            6,000             Each
5     Low-adherent absorbent dressing 10x10cm, sterile    --            10,000            Each

Please quote unit prices ex VAT, delivered, with lead time and minimum order quantity for each line, and
confirm whether the gloves are EN 455 / EN ISO 374-5 compliant. Data sheets to be included.

Quotations to be returned by 12:00 on Friday 2 October 2026 to this mailbox. Late responses may not be
considered. This request does not constitute an order and the Trust is not bound to accept the lowest
or any quotation.

Kind regards

Helen Marsden
Senior Buyer - Clinical Consumables
Procurement & Supplies | Aire Valley Teaching Hospitals NHS Foundation Trust
Tel: 0113 392 4471 | Ext 54471
helen.marsden1@nhs.example
""" + NHS_DISCLAIMER
    raw = build(frm=address("MARSDEN, Helen (AIRE VALLEY TEACHING HOSPITALS NHS FOUNDATION TRUST)", "helen.marsden1@nhs.example"),
                to=SALES, subject="RFQ AVT/PROC/2026/0417 - Examination gloves and dressings",
                date=D("2026-09-22 10:41", sec=17), text=text)
    write(CO, "quote_request", "nhs_trust_gloves_dressings_rfq", raw,
          {"customer_company": "Aire Valley Teaching Hospitals NHS Foundation Trust", "contact_email": "helen.marsden1@nhs.example"})


def qr_care_home_terse():
    text = """Hi

can you give me a price for 40 boxes medium gloves (the blue nitrile ones we had before) and 20 rolls of aprons white

thanks
Bev

Beverley Nuttall
Home Manager
Hollins Park Care Home
01274 558 310
"""
    raw = build(frm=address("Bev Nuttall", "manager@hollinsparkcare.example"), to=SALES, subject="price",
                date=D("2026-10-06 14:03", sec=52), text=text)
    write(CO, "quote_request", "care_home_gloves_aprons_terse", raw,
          {"customer_company": "Hollins Park Care Home", "contact_email": "manager@hollinsparkcare.example"})


def qr_vet_iphone():
    text = """Rob - quote pls for 2x the handheld pulse ox w/ vet clip (the one Gemma showed us at the open day) + 50 spare ear/tongue clips. Also price for the multiparameter monitor if you do a vet version.

Cheers
Jamie

Sent from my iPhone

Jamie Fairbairn BVMS MRCVS
Clinical Director, Wharfedale Vets
"""
    raw = build(frm=address("Jamie Fairbairn", "jamie@wharfedalevets.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="Pulse ox", date=D("2026-11-03 19:47", sec=8), text=text)
    write(CO, "quote_request", "vet_pulse_oximeter_iphone", raw,
          {"customer_company": "Wharfedale Vets", "contact_email": "jamie@wharfedalevets.example"})


def qr_belgian_clinic_fr():
    text = """Bonjour,

Nous sommes une clinique privée de chirurgie ambulatoire à Namur et nous cherchons un nouveau fournisseur
pour les consommables de perfusion.

Pourriez-vous nous faire parvenir une offre de prix (devis) pour :

- 3 000 perfuseurs par gravité avec régulateur de débit (sans DEHP)
- 1 500 prolongateurs 150 cm avec robinet 3 voies
- 500 cathéters IV 20G avec ailettes

Livraison à Namur, prix en EUR HT, délai de livraison et frais de transport à préciser.
Merci de nous indiquer également si vous pouvez fournir les certificats CE / MDR.

Dans l'attente de votre retour, je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.

Céline Dewulf
Responsable achats
Clinique Sainte-Aldegonde
Rue des Tanneurs 14, 5000 Namur, Belgique
Tél. +32 81 22 47 90
"""
    raw = build(frm=address("Céline Dewulf", "c.dewulf@clinique-aldegonde.example", "iso-8859-1"), to=SALES,
                subject=encoded("Demande de devis - perfuseurs et prolongateurs", "iso-8859-1", "Q"),
                date=D("2026-09-29 09:15", "+0200", 33), text=text, charset="iso-8859-1", cte="quoted-printable")
    write(CO, "quote_request", "belgian_clinic_demande_de_devis", raw,
          {"customer_company": "Clinique Sainte-Aldegonde", "contact_email": "c.dewulf@clinique-aldegonde.example"})


def qr_gp_practice_ecg():
    text = """Good morning,

We are looking to replace our ECG machine (the old one is a Cardiette that is now out of support) and I have
been asked to get three quotes before the partners' meeting on the 19th.

Could you please send a quotation for:
  * 12-lead resting ECG with interpretation, incl. trolley
  * 2 boxes of ECG electrodes (tab type)
  * couch roll 50cm x 40m, 2 cases

Please include delivery, installation/training if offered, and warranty terms. We are a dispensing practice
and VAT treatment would be helpful to know.

Many thanks,

Nadia Qureshi
Practice Manager
Moorside Medical Practice
12 Moorside Road, Bradford BD2 3HP
Tel 01274 220 915
nadia.qureshi@nhs.example

The information in this email is confidential and may be legally privileged. It is intended solely for
the addressee. Access to this email by anyone else is unauthorised.
"""
    raw = build(frm=address("QURESHI, Nadia (MOORSIDE MEDICAL PRACTICE)", "nadia.qureshi@nhs.example"), to=SALES,
                subject="Quotation request - ECG machine", date=D("2026-11-10 08:32", sec=21), text=text)
    write(CO, "quote_request", "gp_practice_ecg_quote", raw,
          {"customer_company": "Moorside Medical Practice", "contact_email": "nadia.qureshi@nhs.example"})


def qr_us_ngo():
    text = """Hello Meridian team,

I'm the logistics coordinator for Harbor Light Medical Relief, a US nonprofit. We are outfitting two field
clinics (Sierra Leone, deployment in January) and a colleague in our London office recommended you.

Could you send us pricing in USD for the following, shipped CIP Freetown if possible, otherwise FCA Leeds:

  - IV administration sets, 20 drops/ml, 180 cm ........ 4,000 ea
  - IV cannula 18G and 20G (split 50/50) ............... 3,000 ea
  - Fingertip pulse oximeters, adult/pediatric ......... 60 ea
  - Portable suction unit, battery ..................... 4 ea

We would need a pro forma invoice for our grant file, so please state validity of the offer. Payment would be
by wire transfer before shipment.

Thanks so much,
Marcus Delaney
Logistics Coordinator | Harbor Light Medical Relief
1120 Commercial St, Suite 400, Portland, ME 04101, USA
+1 (207) 555-0148 | mdelaney@harborlight-relief.example
"""
    raw = build(frm=address("Marcus Delaney", "mdelaney@harborlight-relief.example"), to=SALES,
                subject="Pricing request - field clinic supplies (USD)", date=D("2026-12-01 16:22", "-0500", 40), text=text)
    write(CO, "quote_request", "us_ngo_field_clinic_usd", raw,
          {"customer_company": "Harbor Light Medical Relief", "contact_email": "mdelaney@harborlight-relief.example"})


def qr_revised_quote_thread():
    text = """Rob,

Thanks for this. The board has now approved us taking on the two new homes in Keighley, so the volumes are
going to go up quite a bit. Could you re-quote on the basis of 3x the quantities below and tell me if the
price breaks change? Also need it split per home for the budget (5 homes now).

Regards
Graham

Graham Sutcliffe
Procurement Lead, Brontë Care Group
T: 01535 604 771

-----Original Message-----
From: Rob Kellett <rob.kellett@meridian-medical.example>
Sent: 14 October 2026 11:02
To: Graham Sutcliffe <g.sutcliffe@brontecare.example>
Subject: Quotation Q-2026-1488 - continence and PPE

Hi Graham,

As discussed, please find our pricing below. All prices ex VAT, delivered free to each home on a fortnightly
round.

Item                                   Qty/month   Unit      Price
Nitrile gloves M, box 100              120         box       £3.85
Disposable aprons, roll 200            60          roll      £4.10
Incontinence pads, pack 28             300         pack      £6.95
Skin wipes, pack 100                   150         pack      £1.72

Offer valid 30 days. Any questions give me a shout.

Kind regards
Rob Kellett
Account Manager - Care Sector
Meridian Medical Supplies Ltd
"""
    raw = build(frm=address("Graham Sutcliffe", "g.sutcliffe@brontecare.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="RE: Quotation Q-2026-1488 - continence and PPE", date=D("2026-10-21 15:38", sec=5), text=text,
                charset="windows-1252", cte="quoted-printable", in_reply_to=f"<q-2026-1488.rk@{DOM}>")
    write(CO, "quote_request", "care_group_requote_larger_volume", raw,
          {"customer_company": "Brontë Care Group", "contact_email": "g.sutcliffe@brontecare.example"})


def qr_html_portal():
    html = """<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:13px">
<table width="640" cellpadding="0" cellspacing="0" style="border:1px solid #cccccc">
<tr><td style="background:#00305e;color:#ffffff;padding:12px;font-size:16px"><b>Harrogate Private Hospital</b> &mdash; Supplier Request for Quotation</td></tr>
<tr><td style="padding:12px">
<p>Dear Supplier,</p>
<p>You have been invited to quote for the request below. Please reply to this email with your prices or
upload your quote via the supplier portal before <b>13/11/2026 17:00</b>.</p>
<table cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;font-size:12px">
<tr style="background:#e8eef5"><th>RFQ</th><td colspan="3">HPH-RFQ-00981</td></tr>
<tr style="background:#e8eef5"><th>#</th><th>Item</th><th>Qty</th><th>Unit</th></tr>
<tr><td>1</td><td>Patient monitor, NIBP/SpO2/ECG/Temp, 10" screen</td><td>6</td><td>each</td></tr>
<tr><td>2</td><td>Wall mount bracket for above</td><td>6</td><td>each</td></tr>
<tr><td>3</td><td>Reusable adult NIBP cuff, medium</td><td>12</td><td>each</td></tr>
<tr><td>4</td><td>SpO2 finger sensor, reusable, adult</td><td>12</td><td>each</td></tr>
</table>
<p>Contact: Lucy Ambler, Materials Manager &ndash; <a href="mailto:lucy.ambler@harrogateprivate.example">lucy.ambler@harrogateprivate.example</a>, 01423 885 200</p>
<p style="color:#888888;font-size:11px">This message was sent from an unmonitored address on behalf of Harrogate Private Hospital. Please reply to the contact named above.</p>
</td></tr></table></body></html>"""
    raw = build(frm=address("HPH Procurement Portal", "no-reply@harrogateprivate.example"), to=SALES,
                subject="Request for Quotation HPH-RFQ-00981 - Patient monitors", date=D("2026-11-04 07:00", "+0000", 3), html=html,
                headers=[("Reply-To", "lucy.ambler@harrogateprivate.example")])
    write(CO, "quote_request", "private_hospital_portal_html_rfq", raw,
          {"customer_company": "Harrogate Private Hospital", "contact_email": "lucy.ambler@harrogateprivate.example"})


def qr_csv_attached():
    text = """hiya, could you price up the attached list? it's our usual monthly stuff but we're reviewing suppliers
for the new year. delivery to both surgeries pls (Ilkley and Otley)

ta
Kirsty

Kirsty Brennan | Operations Manager | Dales Dental & Implant Centre
"""
    csv = """Item,Description,Size,Qty per month
1,Nitrile gloves powder free,XS,20
2,Nitrile gloves powder free,S,30
3,Face masks Type IIR ear loop,-,40
4,Patient bibs 2-ply,-,10
5,Autoclave pouches 90x250mm,-,15
6,Surface disinfectant wipes (alcohol free),-,25
"""
    raw = build(frm=address("Kirsty Brennan", "kirsty@dalesdental.example"), to=SALES, subject="prices?",
                date=D("2026-12-08 11:26", "+0000", 48), text=text, attachments=[("monthly_consumables.csv", "text/csv", csv.encode())])
    write(CO, "quote_request", "dental_centre_csv_price_list", raw,
          {"customer_company": "Dales Dental & Implant Centre", "contact_email": "kirsty@dalesdental.example"})


def quote_requests():
    qr_nhs_trust_rfq()
    qr_care_home_terse()
    qr_vet_iphone()
    qr_belgian_clinic_fr()
    qr_gp_practice_ecg()
    qr_us_ngo()
    qr_revised_quote_thread()
    qr_html_portal()
    qr_csv_attached()

# --------------------------------------------------------------------------------------------------
# purchase_order
# --------------------------------------------------------------------------------------------------

def po_nhs_pdf():
    text = """Please find attached Purchase Order 4500287731 from Five Towns NHS Trust.

Please quote the order number on all delivery notes and invoices. Invoices must be sent to
fivetowns.invoices@nhs.example - invoices without a valid PO number will be returned unpaid.

This is an automatically generated email from the Trust's ordering system. Please do not reply.
Queries: Supplies Helpdesk 01924 541 300
"""
    lines = [
        "PURCHASE ORDER",
        "Five Towns NHS Trust - Procurement Shared Services",
        "Pinderfields Way, Wakefield WF1 4DG",
        "",
        "Order number:     4500287731                 Order date: 24/09/2026",
        "Supplier:         Meridian Medical Supplies Ltd, Leeds LS10 1RT    Supplier no: 100482",
        "Deliver to:       Central Stores, Dock 3, Pinderfields Way, Wakefield WF1 4DG",
        "Required by:      01/10/2026",
        "",
        "Line  Item code     Description                               Qty   UoM    Unit price    Net value",
        "10    MMS-NG-M      Nitrile exam glove PF non-sterile Medium  200   BX100      3.62        724.00",
        "20    MMS-FD-1010   Silicone foam dressing bordered 10x10cm   500   EA         1.18        590.00",
        "30    MMS-IVG-180   IV gravity giving set 180cm               1000  EA         0.86        860.00",
        "",
        "                                                       Total net value GBP    2,174.00",
        "                                                       VAT 20%                  434.80",
        "                                                       Total GBP              2,608.80",
        "",
        "Terms: 30 days end of month. NHS Terms and Conditions for the Supply of Goods apply.",
        "Authorised by: K. Barraclough, Supplies Manager",
    ]
    raw = build(frm=address("Five Towns NHS Trust Purchasing", "purchasing.noreply@nhs.example"), to=ORDERS,
                subject="Purchase Order 4500287731", date=D("2026-09-24 06:15", sec=2), text=text,
                attachments=[("PO_4500287731.pdf", "application/pdf", pdf(lines, "Purchase Order 4500287731"))])
    write(CO, "purchase_order", "nhs_trust_po_pdf", raw,
          {"order_number": "4500287731", "total": "2608.80", "currency": "GBP", "buyer": "Five Towns NHS Trust"})


def po_care_home_body():
    text = """Morning Priya,

Please can we order the following for Hollins Park, our ref CH-2291:

30 boxes gloves medium
10 rolls aprons (white)
20 packs skin wipes

I make it £229.08 inc VAT going off the price list you sent in September but shout if thats wrong.
Delivery Thursday if possible, back door by the laundry, ask for Sharon if Im not in.

Thanks
Bev
Hollins Park Care Home
"""
    raw = build(frm=address("Bev Nuttall", "manager@hollinsparkcare.example"), to=address("Priya Chauhan", f"priya.chauhan@{DOM}"),
                subject="order", date=D("2026-10-12 08:51", sec=29), text=text)
    write(CO, "purchase_order", "care_home_order_in_body", raw,
          {"order_number": "CH-2291", "total": "229.08", "currency": "GBP", "buyer": "Hollins Park Care Home"})


def po_gp_table():
    text = """Dear Meridian,

Please supply the following against our order number KLS-PO-0093:

  Qty   Item                                    Unit £     Line £
  ----  --------------------------------------  --------   -------
  4     ECG electrodes tab, pack 500            12.50      50.00
  3     Couch roll 50cm x 40m, case of 9        21.40      64.20
  10    Sharps bin 5 litre, yellow lid           2.35      23.50
                                                 Net       137.70
                                                 VAT 20%    27.54
                                                 Total     165.24

Deliver to: Kirkstall Lane Surgery, 221 Kirkstall Lane, Leeds LS5 3DX (reception, 8am-6pm).
Invoice to the practice, FAO Practice Manager.

Regards,
Diane Mortimer
Assistant Practice Manager
Kirkstall Lane Surgery
""" + NHS_DISCLAIMER
    raw = build(frm=address("MORTIMER, Diane (KIRKSTALL LANE SURGERY)", "diane.mortimer@nhs.example"), to=ORDERS,
                subject="Order KLS-PO-0093", date=D("2026-11-17 13:20", sec=11), text=text)
    write(CO, "purchase_order", "gp_surgery_order_table", raw,
          {"order_number": "KLS-PO-0093", "total": "165.24", "currency": "GBP", "buyer": "Kirkstall Lane Surgery"})


def po_pharmacy_csv():
    text = """Hi,

Please see attached our weekly replenishment order WPG-118204 for Meridian. Delivery to our Driffield
warehouse as usual. Please send order acknowledgement to this address.

Order total £757.20 incl. VAT.

Regards
Purchasing Team
Wolds Pharmacy Group Ltd
Unit 9, Kelleythorpe Ind. Est., Driffield YO25 9DJ
"""
    csv = """PO Number,Line,Supplier Code,Description,Qty,Unit Price GBP,Line Net GBP,VAT Rate
WPG-118204,1,MMS-BPM-UA,BP monitor upper arm automatic,12,18.95,227.40,20%
WPG-118204,2,MMS-THD-01,Digital thermometer flexible tip,48,2.10,100.80,20%
WPG-118204,3,MMS-POX-FT,Fingertip pulse oximeter,24,9.60,230.40,20%
WPG-118204,4,MMS-NG-S,Nitrile exam glove PF Small box 100,20,3.62,72.40,20%
,,,,,Net total,631.00,
,,,,,VAT,126.20,
,,,,,Order total,757.20,
"""
    raw = build(frm=address("WPG Purchasing", "purchasing@woldspharmacy.example"), to=ORDERS,
                subject="WPG PO WPG-118204", date=D("2026-10-19 09:02", sec=44), text=text,
                attachments=[("WPG-118204.csv", "text/csv", csv.encode())])
    write(CO, "purchase_order", "pharmacy_group_csv_order", raw,
          {"order_number": "WPG-118204", "total": "757.20", "currency": "GBP", "buyer": "Wolds Pharmacy Group Ltd"})


def po_vet_html():
    html = """<html><body style="font-family:Calibri,sans-serif;font-size:11pt">
<p>Hi Rob,</p>
<p>Following your visit last week, please process the order below. Our PO number is <b>PVG/26/3317</b>.</p>
<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse">
<tr style="background:#d9e2f3"><td><b>Product</b></td><td><b>Qty</b></td><td><b>Unit (&pound;)</b></td><td><b>Total (&pound;)</b></td></tr>
<tr><td>Handheld pulse oximeter, veterinary, with lingual clip</td><td>2</td><td>164.00</td><td>328.00</td></tr>
<tr><td>Lingual / ear clip sensor, spare</td><td>10</td><td>11.50</td><td>115.00</td></tr>
<tr><td>IV cannula 22G (box of 50)</td><td>4</td><td>20.50</td><td>82.00</td></tr>
<tr><td colspan="3" align="right">Subtotal</td><td>525.00</td></tr>
<tr><td colspan="3" align="right">VAT @ 20%</td><td>105.00</td></tr>
<tr><td colspan="3" align="right"><b>Total</b></td><td><b>630.00</b></td></tr>
</table>
<p>Please deliver to the Penistone branch (not the Holmfirth one!).</p>
<p>Many thanks,<br>Ellie Haigh RVN<br>Practice Manager<br>Penistone Veterinary Group<br>01226 763 900</p>
</body></html>"""
    raw = build(frm=address("Ellie Haigh", "ellie.haigh@penistonevets.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                cc=ORDERS, subject="Order - pulse ox + cannulas", date=D("2026-11-11 12:37", "+0000", 9), html=html)
    write(CO, "purchase_order", "vet_group_html_order", raw,
          {"order_number": "PVG/26/3317", "total": "630.00", "currency": "GBP", "buyer": "Penistone Veterinary Group"})


def po_belgian_pdf_fr():
    text = """Bonjour,

Suite à votre offre Q-2026-1571, veuillez trouver ci-joint notre bon de commande BC-2026-0612.
Merci de nous confirmer la date de livraison.

Bien cordialement,
Céline Dewulf
Clinique Sainte-Aldegonde
"""
    lines = [
        "BON DE COMMANDE",
        "Clinique Sainte-Aldegonde - Rue des Tanneurs 14 - 5000 Namur - Belgique",
        "TVA BE 0448.217.905",
        "",
        "N° de commande : BC-2026-0612          Date : 13/10/2026",
        "Fournisseur : Meridian Medical Supplies Ltd, Leeds, Royaume-Uni",
        "Votre offre : Q-2026-1571",
        "",
        "Réf.         Désignation                                 Qté      P.U. EUR     Montant EUR",
        "IVG-180      Perfuseur par gravité, régulateur, sans DEHP  3 000    1,12         3 360,00",
        "EXT-150-3W   Prolongateur 150 cm + robinet 3 voies          1 500    0,94         1 410,00",
        "CAT-20G      Cathéter IV 20G à ailettes                       500    0,58           290,00",
        "",
        "                                                  Total HT EUR         5 060,00",
        "                                                  TVA (exportation)        0,00",
        "                                                  Total à payer EUR    5 060,00",
        "",
        "Conditions : livraison DAP Namur, paiement à 45 jours fin de mois.",
        "Signature : Dr P. Lambotte, directeur médical",
    ]
    raw = build(frm=address("Céline Dewulf", "c.dewulf@clinique-aldegonde.example", "iso-8859-1"), to=ORDERS,
                subject=encoded("Bon de commande BC-2026-0612 / votre offre Q-2026-1571", "iso-8859-1", "Q"),
                date=D("2026-10-13 10:05", "+0200", 12), text=text, charset="iso-8859-1",
                attachments=[("BC-2026-0612.pdf", "application/pdf", pdf(lines, "Bon de commande BC-2026-0612"))])
    write(CO, "purchase_order", "belgian_clinic_bon_de_commande_pdf", raw,
          {"order_number": "BC-2026-0612", "total": "5060.00", "currency": "EUR", "buyer": "Clinique Sainte-Aldegonde"})


def po_us_distributor():
    text = """Hi Rob,

Per our call this morning, please accept this email as our purchase order.

PO#: GPV-20931
Bill to: Great Plains Vet Supply LLC, 4400 N Broadway Ave, Wichita, KS 67219
Ship to: same, Attn: Receiving Dock B

  40 ea  VetOx handheld pulse oximeter (vet) ....... $212.50 ea ..... $8,500.00
 400 ea  Lingual clip sensor, reusable ............. $14.25 ea ...... $5,700.00
                                                            Total: US$14,200.00

Terms: FCA Leeds, our forwarder (Midwest Global Logistics) will collect - they'll reach out to your warehouse.
Payment Net 30 by ACH/wire as agreed. Please send the commercial invoice and packing list with the goods.

Thanks!
Tyler Brandt
Purchasing Manager
Great Plains Vet Supply LLC
(316) 555-0192
"""
    raw = build(frm=address("Tyler Brandt", "tbrandt@greatplainsvet.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="PO GPV-20931", date=D("2026-11-19 10:14", "-0600", 58), text=text)
    write(CO, "purchase_order", "us_vet_distributor_usd_po", raw,
          {"order_number": "GPV-20931", "total": "14200.00", "currency": "USD", "buyer": "Great Plains Vet Supply LLC"})


def po_reply_to_quote_pdf():
    text = """Dear Rob,

Thank you for your quotation Q-2026-1702. We are pleased to confirm the order - please find our official
purchase order HPH-PO-22614 attached (six monitors with brackets, cuffs and sensors, total £12,211.20 incl. VAT).

Delivery to Theatres receipt please, not main reception. Our biomedical engineer (Chris Lowe) will need the
service manual and PAT certificate on delivery.

Best wishes,
Lucy Ambler
Materials Manager
Harrogate Private Hospital

> From: Rob Kellett <rob.kellett@meridian-medical.example>
> Sent: 09 November 2026 16:48
> Subject: Quotation Q-2026-1702 - HPH-RFQ-00981
>
> Dear Lucy,
> Please find attached our quotation for the patient monitors as requested. Lead time 10 working days.
> Kind regards, Rob
"""
    lines = [
        "PURCHASE ORDER  HPH-PO-22614",
        "Harrogate Private Hospital Ltd, Ripon Road, Harrogate HG1 2BX",
        "Date: 16 November 2026        Your quote: Q-2026-1702",
        "Supplier: Meridian Medical Supplies Ltd",
        "",
        "Qty  Description                                     Unit GBP     Total GBP",
        "6    Patient monitor NIBP/SpO2/ECG/Temp 10in         1,480.00      8,880.00",
        "6    Wall mount bracket                                 95.00        570.00",
        "12   Reusable adult NIBP cuff, medium                   18.50        222.00",
        "12   SpO2 finger sensor reusable adult                  42.00        504.00",
        "",
        "                                         Net        10,176.00",
        "                                         VAT 20%     2,035.20",
        "                                         TOTAL      12,211.20",
        "",
        "Approved: L. Ambler (Materials Manager)   Budget code: THR-CAP-27",
    ]
    raw = build(frm=address("Lucy Ambler", "lucy.ambler@harrogateprivate.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="RE: Quotation Q-2026-1702 - HPH-RFQ-00981", date=D("2026-11-16 14:09", "+0000", 36), text=text,
                in_reply_to=f"<q-2026-1702.rk@{DOM}>",
                attachments=[("HPH-PO-22614.pdf", "application/pdf", pdf(lines, "HPH-PO-22614"))])
    write(CO, "purchase_order", "private_hospital_po_reply_to_quote", raw,
          {"order_number": "HPH-PO-22614", "total": "12211.20", "currency": "GBP", "buyer": "Harrogate Private Hospital"})


def po_forwarded_flu_clinic():
    text = """Hi, please can you process this as an order, our PO number is ORHC-1147. Prices as per your
October list which Jo has used below. Thanks, Amanda

Amanda Pickles
Practice Manager, Otley Road Health Centre

---------- Forwarded message ---------
From: Jo Fenwick <jo.fenwick@nhs.example>
Date: Mon, 7 Sept 2026 at 15:12
Subject: flu clinic stock
To: Amanda Pickles <amanda.pickles@nhs.example>


Amanda - this is what I need for the Saturday flu clinics, can you get it ordered from Meridian?

5000 x needles 23G 25mm (blue) @ 0.04 = 200.00
2000 x spot plasters @ 0.02 = 40.00
20 x sharps bins 1 litre @ 1.45 = 29.00

= 269.00 + VAT 53.80 = 322.80

Jo
Practice Nurse Lead
"""
    raw = build(frm=address("PICKLES, Amanda (OTLEY ROAD HEALTH CENTRE)", "amanda.pickles@nhs.example"), to=ORDERS,
                subject="FW: flu clinic stock", date=D("2026-09-08 09:30", sec=15), text=text)
    write(CO, "purchase_order", "health_centre_forwarded_flu_order", raw,
          {"order_number": "ORHC-1147", "total": "322.80", "currency": "GBP", "buyer": "Otley Road Health Centre"})


def purchase_orders():
    po_nhs_pdf()
    po_care_home_body()
    po_gp_table()
    po_pharmacy_csv()
    po_vet_html()
    po_belgian_pdf_fr()
    po_us_distributor()
    po_reply_to_quote_pdf()
    po_forwarded_flu_clinic()

# --------------------------------------------------------------------------------------------------
# invoice
# --------------------------------------------------------------------------------------------------

def inv_corrib_ireland_pdf():
    text = """Dear Accounts,

Please find attached invoice CWC-26-04418 for the dressings dispatched from Galway on 17 September.

Kind regards,
Siobhán Ní Fhlatharta
Credit Control | Corrib Wound Care Ltd
Unit 3, Parkmore West Business Park, Galway H91 X2C4, Ireland
"""
    lines = [
        "Corrib Wound Care Ltd - INVOICE",
        "Parkmore West Business Park, Galway H91 X2C4, Ireland   VAT No. IE 6388047V",
        "",
        "Invoice No:  CWC-26-04418            Invoice Date: 18/09/2026",
        "Customer:    Meridian Medical Supplies Ltd, Unit 4 Aire Valley Business Park, Leeds LS10 1RT, UK",
        "Your PO:     MMS-PO-7712             Payment terms: 30 days",
        "",
        "Code       Description                          Qty      Unit EUR    Amount EUR",
        "SF-1010B   Silicone foam dressing bordered      5,000    0.62        3,100.00",
        "AL-1010    Alginate dressing 10x10cm            2,000    0.48          960.00",
        "HC-1515    Hydrocolloid dressing 15x15cm        1,200    0.91        1,092.00",
        "",
        "                                     Subtotal EUR             5,152.00",
        "                                     VAT 0% (export)              0.00",
        "                                     TOTAL DUE EUR            5,152.00",
        "",
        "Bank: Allied Irish Banks, Galway   IBAN: IE29AIBK93115212345678   BIC: AIBKIE2D",
        "Zero-rated: goods exported outside the EU.",
    ]
    raw = build(frm=address("Corrib Wound Care - Credit Control", "creditcontrol@corribwoundcare.example"), to=ACCOUNTS,
                subject="Invoice CWC-26-04418 - Meridian Medical Supplies Ltd", date=D("2026-09-18 15:40", sec=1), text=text,
                attachments=[("CWC-26-04418.pdf", "application/pdf", pdf(lines, "Invoice CWC-26-04418"))])
    write(CO, "invoice", "corrib_ireland_eur_pdf", raw,
          {"invoice_number": "CWC-26-04418", "issue_date": "2026-09-18", "seller": "Corrib Wound Care Ltd", "currency": "EUR",
           "gross_total": "5152.00", "net_total": "5152.00", "tax_total": "0.00", "iban": "IE29AIBK93115212345678"})


def inv_infutec_germany_pdf():
    text = """Dear Mr Haworth,

please find enclosed our invoice RE-2026-10732 for delivery note LS-88120 (shipment to Leeds via Pennine Freight).
Please note our bank details have not changed: Commerzbank Kassel, IBAN DE21520503530001234567.

Mit freundlichen Grüßen / Best regards

Katrin Vogt
Buchhaltung / Accounting
Infutec Medizintechnik GmbH
Wilhelmshöher Allee 271 · 34131 Kassel · Germany
Tel. +49 561 93 70 0
Geschäftsführer: Dr. Armin Schaub · Amtsgericht Kassel HRB 18834
"""
    lines = [
        "Infutec Medizintechnik GmbH",
        "Wilhelmshoeher Allee 271, 34131 Kassel, Germany   USt-IdNr. DE 287 114 905",
        "",
        "RECHNUNG / INVOICE",
        "Rechnungsnr. / Invoice no.:  RE-2026-10732",
        "Datum / Date:                02.10.2026",
        "Kunde / Customer:            Meridian Medical Supplies Ltd, Leeds LS10 1RT, United Kingdom",
        "Lieferschein / Delivery note: LS-88120     Ihre Bestellung / Your order: MMS-PO-7749",
        "",
        "Pos  Artikel / Item                               Menge      Preis EUR    Betrag EUR",
        "1    IV-Schwerkraftinfusionsgeraet 180 cm          20.000     0,41         8.200,00",
        "2    Verlaengerungsleitung 150 cm 3-Wege-Hahn       5.000     0,37         1.850,00",
        "3    Fracht / Freight flat rate                         1   385,00           385,00",
        "",
        "                                  Nettobetrag / Net             10.435,00",
        "                                  USt / VAT 0%                       0,00",
        "                                  Gesamtbetrag / Total EUR      10.435,00",
        "",
        "Steuerfreie Ausfuhrlieferung gem. Par. 4 Nr. 1a UStG.",
        "Zahlbar innerhalb 30 Tagen ohne Abzug / Payable within 30 days net.",
        "Commerzbank Kassel  IBAN DE21 5205 0353 0001 2345 67  BIC COBADEFFXXX",
    ]
    raw = build(frm=address("Katrin Vogt", "k.vogt@infutec.example"), to=address("Tom Haworth", f"tom.haworth@{DOM}"), cc=ACCOUNTS,
                subject="Rechnung / Invoice RE-2026-10732", date=D("2026-10-02 11:17", "+0200", 26), text=text,
                charset="iso-8859-1",
                attachments=[("RE-2026-10732.pdf", "application/pdf", pdf(lines, "Rechnung RE-2026-10732"))])
    write(CO, "invoice", "infutec_germany_rechnung_pdf", raw,
          {"invoice_number": "RE-2026-10732", "issue_date": "2026-10-02", "seller": "Infutec Medizintechnik GmbH", "currency": "EUR",
           "gross_total": "10435.00", "net_total": "10435.00", "tax_total": "0.00", "iban": "DE21520503530001234567"})


def inv_rhonemed_france_body():
    text = """Madame, Monsieur,

Veuillez trouver ci-dessous le détail de notre facture relative à votre commande MMS-PO-7790.

FACTURE N° F2026-1187
Date de facture : 15/10/2026
Date d'échéance : 14/11/2026
Client : Meridian Medical Supplies Ltd - Leeds (Royaume-Uni)

Désignation                                        Qté     P.U. HT     Total HT
Compresses stériles non tissées 10x10 (bte 100)    400     3,85 €      1 540,00 €
Sparadrap microporeux 2,5 cm x 9 m                 600     0,72 €        432,00 €

Total HT :                 1 972,00 €
TVA 0 % :                      0,00 €   (exonération - livraison hors UE, art. 262 I du CGI)
Net à payer TTC :          1 972,00 €

Règlement par virement :
IBAN : FR7630004000031234567890143 - BIC : BNPAFRPPLYO
Titulaire : Laboratoires Rhônemed SAS

En cas de retard de paiement, une indemnité forfaitaire de 40 € pour frais de recouvrement sera due.

Cordialement,

Service comptabilité
Laboratoires Rhônemed SAS
42 rue de Gerland - 69007 Lyon - France
SAS au capital de 250 000 € - RCS Lyon 812 447 903
"""
    raw = build(frm=address("Rhônemed Comptabilité", "compta@rhonemed.example", "iso-8859-1"), to=ACCOUNTS,
                subject=encoded("Facture F2026-1187 - Laboratoires Rhônemed", "iso-8859-1", "Q"),
                date=D("2026-10-15 16:02", "+0200", 38), text=text, charset="windows-1252", cte="quoted-printable")
    write(CO, "invoice", "rhonemed_lyon_facture_body", raw,
          {"invoice_number": "F2026-1187", "issue_date": "2026-10-15", "seller": "Laboratoires Rhônemed SAS", "currency": "EUR",
           "gross_total": "1972.00", "net_total": "1972.00", "tax_total": "0.00", "iban": "FR7630004000031234567890143"})


def inv_selangor_usd_body():
    text = """Dear Mr. Daniel,

Good day. Kindly find below the commercial invoice for your PO MMS-PO-7731, shipped on vessel MV KOTA HALUS
ETD Port Klang 06 Oct 2026, container no. TGHU 884210-3. Original B/L will be courier once payment received.

COMMERCIAL INVOICE
Invoice No : SGT-INV-2026-0933
Date       : 5 October 2026
Seller     : Selangor GloveTech Sdn Bhd (Co. No. 201601028874)
             Lot 27, Jalan Sungai Puloh, Kawasan Perindustrian, 42100 Klang, Selangor, Malaysia
Buyer      : Meridian Medical Supplies Ltd, Leeds, United Kingdom
Terms      : FOB Port Klang, T/T 30% deposit received, balance before release of B/L

Description                               Qty (ctn)   Unit Price (USD)   Amount (USD)
Nitrile Exam Gloves PF Blue - S              400          21.60            8,640.00
Nitrile Exam Gloves PF Blue - M              900          21.60           19,440.00
Nitrile Exam Gloves PF Blue - L              500          21.60           10,800.00
(1 ctn = 10 boxes x 100 pcs)
                                          TOTAL FOB USD                  38,880.00

Say: US Dollars Thirty Eight Thousand Eight Hundred Eighty Only.

Bank details:
Malayan Banking Berhad, Klang Branch
A/C No: 5123 4700 8812 (USD account)
SWIFT: MBBEMYKL

Thank you for your continued support.

Best regards,
Ms. Tan Mei Ling
Export Sales & Documentation
Selangor GloveTech Sdn Bhd
Tel: +603-3344 8812
"""
    raw = build(frm=address("Tan Mei Ling", "meiling.tan@selangorglovetech.example"), to=address("Daniel Okafor", f"daniel.okafor@{DOM}"),
                cc=ACCOUNTS, subject="COMMERCIAL INVOICE SGT-INV-2026-0933 // MMS-PO-7731", date=D("2026-10-06 17:45", "+0800", 50), text=text)
    write(CO, "invoice", "selangor_gloves_usd_commercial_invoice", raw,
          {"invoice_number": "SGT-INV-2026-0933", "issue_date": "2026-10-05", "seller": "Selangor GloveTech Sdn Bhd", "currency": "USD",
           "gross_total": "38880.00"})


def inv_vitasense_usd_html():
    html = """<!DOCTYPE html><html><body style="margin:0;background:#f4f6f8;font-family:Helvetica,Arial,sans-serif">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;margin-top:20px">
<tr><td style="padding:20px;border-bottom:3px solid #1a7f64"><span style="font-size:20px;color:#1a7f64"><b>VitaSense</b> Monitoring Inc.</span></td></tr>
<tr><td style="padding:20px;font-size:14px;color:#333333">
<p>Hi Meridian Medical Supplies Ltd,</p>
<p>Here's your invoice. Thanks for your business!</p>
<table width="100%" cellpadding="4" style="font-size:13px">
<tr><td>Invoice number</td><td align="right"><b>INV-00048213</b></td></tr>
<tr><td>Invoice date</td><td align="right">November 3, 2026</td></tr>
<tr><td>Due date</td><td align="right">December 3, 2026</td></tr>
<tr><td>PO number</td><td align="right">MMS-PO-7802</td></tr>
</table>
<hr>
<table width="100%" cellpadding="4" style="font-size:13px">
<tr style="color:#777777"><td>Item</td><td align="right">Qty</td><td align="right">Rate</td><td align="right">Amount</td></tr>
<tr><td>VS-300 Patient Monitor (UK plug, GB firmware)</td><td align="right">10</td><td align="right">$1,085.00</td><td align="right">$10,850.00</td></tr>
<tr><td>VS-WM2 Wall Mount Kit</td><td align="right">10</td><td align="right">$62.00</td><td align="right">$620.00</td></tr>
<tr><td>Freight &amp; insurance (CIP Leeds)</td><td align="right">1</td><td align="right">$475.00</td><td align="right">$475.00</td></tr>
<tr><td colspan="3" align="right">Subtotal</td><td align="right">$11,945.00</td></tr>
<tr><td colspan="3" align="right">Sales tax (export, 0%)</td><td align="right">$0.00</td></tr>
<tr><td colspan="3" align="right"><b>Amount due (USD)</b></td><td align="right"><b>$11,945.00</b></td></tr>
</table>
<p style="text-align:center;margin:24px"><a href="https://billing.vitasense.example/pay/INV-00048213" style="background:#1a7f64;color:#ffffff;padding:12px 24px;text-decoration:none;border-radius:4px">Pay invoice</a></p>
<p style="font-size:12px;color:#777777">Wire transfer: First Lakes Bank, Minneapolis MN &middot; ABA 091000022 &middot; Account 104 778 2291 &middot; SWIFT FLKBUS44</p>
<p style="font-size:12px;color:#777777">VitaSense Monitoring Inc. &middot; 800 Washington Ave N, Minneapolis, MN 55401 &middot; ar@vitasense.example</p>
</td></tr></table></body></html>"""
    raw = build(frm=address("VitaSense Monitoring Inc.", "billing@vitasense.example"), to=ACCOUNTS,
                subject="Invoice INV-00048213 from VitaSense Monitoring Inc.", date=D("2026-11-03 14:30", "-0600", 0), html=html)
    write(CO, "invoice", "vitasense_usd_html_billing", raw,
          {"invoice_number": "INV-00048213", "issue_date": "2026-11-03", "seller": "VitaSense Monitoring Inc.", "currency": "USD",
           "gross_total": "11945.00", "net_total": "11945.00", "tax_total": "0.00"})


def inv_pennine_freight_pdf():
    text = """Good afternoon,

Please find attached our invoice PFS-77120 for the import of your Kassel consignment (our job ref J-26-4410).

Regards,
Accounts Department
Pennine Freight Services Ltd
"""
    lines = [
        "PENNINE FREIGHT SERVICES LTD",
        "Unit 12, Wakefield Europort, Normanton WF6 1TN   VAT Reg No: GB 284 6619 07",
        "",
        "SALES INVOICE",
        "Invoice no:   PFS-77120          Tax point / Date: 30 Sep 2026",
        "Account:      MERI001 - Meridian Medical Supplies Ltd",
        "Job ref:      J-26-4410          Consignment: Kassel DE > Leeds, 11 pallets",
        "",
        "Description                                              Net GBP",
        "Import customs clearance entry                             65.00",
        "Road haulage Felixstowe - Leeds, 40ft                     780.00",
        "Fuel surcharge 12% on haulage                              93.60",
        "",
        "                                    Net total             938.60",
        "                                    VAT @ 20%             187.72",
        "                                    Invoice total GBP   1,126.32",
        "",
        "Payment terms: 30 days from invoice date.",
        "BACS: Pennine Freight Services Ltd   Sort code: 20-45-77   Account no: 53381946",
    ]
    raw = build(frm=address("Pennine Freight Accounts", "accounts@penninefreight.example"), to=ACCOUNTS,
                subject="Invoice PFS-77120", date=D("2026-09-30 15:55", sec=20), text=text,
                attachments=[("PFS-77120.pdf", "application/pdf", pdf(lines, "Invoice PFS-77120"))])
    write(CO, "invoice", "pennine_freight_gbp_pdf_sortcode", raw,
          {"invoice_number": "PFS-77120", "issue_date": "2026-09-30", "seller": "Pennine Freight Services Ltd", "currency": "GBP",
           "gross_total": "1126.32", "net_total": "938.60", "tax_total": "187.72", "sort_code": "20-45-77", "account_number": "53381946"})


def inv_calder_reminder():
    text = """Dear Sir/Madam

REMINDER - OVERDUE ACCOUNT

Our records show that the following invoice is now overdue for payment. We would be grateful if you could
arrange payment at your earliest convenience or let us know if there is a query.

Invoice number:   CP-031874
Invoice date:     28/08/2026
Due date:         27/09/2026
Your order ref:   MMS-PO-7688

  1,000  Double wall carton 457x305x305mm     @ £0.74      £740.00
    144  Packing tape 48mm x 66m brown        @ £0.89      £128.16
     10  Paper void fill, 450m roll           @ £18.50     £185.00
                                           Goods total  £1,053.16
                                           VAT 20%        £210.63
                                           Amount due   £1,263.79

Payment can be made by BACS to:
Calder Packaging Ltd, sort code 30-96-26, account 01847263, quoting the invoice number.

If you have already paid, please accept our thanks and disregard this reminder.

Yours faithfully

Joanne Priestley
Credit Controller
Calder Packaging Ltd, Mytholmroyd Mills, Hebden Bridge HX7 5JS
Registered in England No. 04118273
"""
    raw = build(frm=address("Joanne Priestley", "joanne.priestley@calderpackaging.example"), to=ACCOUNTS,
                subject="Overdue invoice CP-031874", date=D("2026-10-12 10:12", sec=41), text=text,
                charset="windows-1252", cte="quoted-printable")
    write(CO, "invoice", "calder_packaging_overdue_reminder", raw,
          {"invoice_number": "CP-031874", "issue_date": "2026-08-28", "seller": "Calder Packaging Ltd", "currency": "GBP",
           "gross_total": "1263.79", "net_total": "1053.16", "tax_total": "210.63", "sort_code": "30-96-26", "account_number": "01847263"})


def inv_northgate_credit_note():
    text = """Hi Tom,

As agreed with Gemma, here's the credit note for the 12 cases of hand towels that arrived water damaged.
It will be offset against your next statement.

CREDIT NOTE  CN-4471
Date: 20/11/2026
Against invoice: NOH-118823 (06/11/2026)
Customer: Meridian Medical Supplies Ltd

12 x Interfold hand towel 2-ply white (case 3000)  @ £18.20   = -£218.40
VAT @ 20%                                                      =  -£43.68
Total credit                                                   = -£262.08

Thanks
Marie

Marie Lund
Customer Accounts
Northgate Office & Hygiene Supplies Ltd
Pudsey, West Yorkshire LS28 6QW
"""
    raw = build(frm=address("Marie Lund", "marie.lund@northgate-supplies.example"), to=address("Tom Haworth", f"tom.haworth@{DOM}"),
                subject="Credit note CN-4471", date=D("2026-11-20 11:48", "+0000", 7), text=text)
    write(CO, "invoice", "northgate_credit_note_gbp", raw,
          {"invoice_number": "CN-4471", "issue_date": "2026-11-20", "seller": "Northgate Office & Hygiene Supplies Ltd", "currency": "GBP",
           "gross_total": "-262.08", "net_total": "-218.40", "tax_total": "-43.68"})


def inv_kestrel_csv():
    text = """Hello,

Your December invoice KIT-2026-1211 is attached (CSV for your accounts package). The amount of £1,737.00
will be collected by Direct Debit on or around 15 December.

If you pay by BACS instead: sort code 60-83-71, account 24019955 (Kestrel IT Solutions Ltd).

Thanks,
Kestrel IT Solutions - Billing
"""
    csv = """Invoice Number,Invoice Date,Supplier,Customer,Description,Quantity,Unit Price,Net,VAT Rate,VAT,Gross
KIT-2026-1211,01/12/2026,Kestrel IT Solutions Ltd,Meridian Medical Supplies Ltd,Managed IT support per user (Dec 2026),25,38.00,950.00,20%,190.00,1140.00
KIT-2026-1211,01/12/2026,Kestrel IT Solutions Ltd,Meridian Medical Supplies Ltd,Microsoft 365 Business Premium licence,25,18.10,452.50,20%,90.50,543.00
KIT-2026-1211,01/12/2026,Kestrel IT Solutions Ltd,Meridian Medical Supplies Ltd,Offsite backup 500GB,1,45.00,45.00,20%,9.00,54.00
KIT-2026-1211,01/12/2026,Kestrel IT Solutions Ltd,Meridian Medical Supplies Ltd,TOTAL,,,1447.50,,289.50,1737.00
"""
    raw = build(frm=address("Kestrel IT Billing", "billing@kestrel-it.example"), to=ACCOUNTS,
                subject="Your invoice from Kestrel IT Solutions", date=D("2026-12-01 06:05", "+0000", 31), text=text,
                attachments=[("KIT-2026-1211.csv", "text/csv", csv.encode())])
    write(CO, "invoice", "kestrel_it_csv_direct_debit", raw,
          {"invoice_number": "KIT-2026-1211", "issue_date": "2026-12-01", "seller": "Kestrel IT Solutions Ltd", "currency": "GBP",
           "gross_total": "1737.00", "net_total": "1447.50", "tax_total": "289.50", "sort_code": "60-83-71", "account_number": "24019955"})


def invoices():
    inv_corrib_ireland_pdf()
    inv_infutec_germany_pdf()
    inv_rhonemed_france_body()
    inv_selangor_usd_body()
    inv_vitasense_usd_html()
    inv_pennine_freight_pdf()
    inv_calder_reminder()
    inv_northgate_credit_note()
    inv_kestrel_csv()

# --------------------------------------------------------------------------------------------------
# support_ticket
# --------------------------------------------------------------------------------------------------

def st_urgent_giving_sets_leaking():
    text = """URGENT - please call the ward asap on 01924 541 882

We have had three of your IV giving sets leak at the roller clamp on Ward 14 this morning, one during a
potassium infusion. We've quarantined the remaining stock (batch IVG2608-114, from Trust PO 4500287731,
delivered 1st October) and switched to our backup stock, but we only have about a day's supply left.

I've raised a Datix (ref W-55810). We need:
- someone to confirm whether the batch is affected / being recalled
- replacement stock from a different batch TODAY please

Sister Karen Boothroyd
Ward Manager, Ward 14 (Acute Medicine)
Pinderfields Hospital, Five Towns NHS Trust
bleep 2216
""" + NHS_DISCLAIMER
    raw = build(frm=address("BOOTHROYD, Karen (FIVE TOWNS NHS TRUST)", "karen.boothroyd@nhs.example"), to=SERVICE,
                cc=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="URGENT - giving sets leaking Ward 14 - batch IVG2608-114", date=D("2026-10-07 07:52", sec=3), text=text,
                headers=[("Importance", "high"), ("X-Priority", "1")])
    write(CO, "support_ticket", "nhs_ward_urgent_giving_sets_leak", raw, {"customer_email": "karen.boothroyd@nhs.example"})


def st_care_home_wrong_gloves_angry():
    text = """Priya

This is the THIRD time now. I ordered MEDIUM gloves (order CH-2291, it's in black and white in my email) and
we've been sent 30 boxes of extra large AGAIN. My carers cannot use these, they slip off and it's an infection
control risk. I had to send someone to the chemist this morning and pay retail.

I want the right ones delivered tomorrow and someone to collect these, and frankly I want to know what you
are going to do to stop it happening again because I am close to taking our business elsewhere.

Bev Nuttall
Home Manager
Hollins Park Care Home
"""
    raw = build(frm=address("Bev Nuttall", "manager@hollinsparkcare.example"), to=address("Priya Chauhan", f"priya.chauhan@{DOM}"),
                subject="wrong gloves AGAIN", date=D("2026-10-16 10:26", sec=12), text=text)
    write(CO, "support_ticket", "care_home_wrong_size_gloves_angry", raw, {"customer_email": "manager@hollinsparkcare.example"})


def st_vet_spo2_cats():
    text = """Hi Aisha,

Hope you're well. Quick technical one - the two handheld pulse oximeters we bought last month (PVG/26/3317)
work fine on the dogs but on cats under GA we're getting no reading at all or it jumps around 60-80%
with a pleth that looks like noise. Tongue clip, tried both sensors. Probe placement looks OK to us.

Is there a setting for small patients / low perfusion we're missing? Or do we need a different clip?
Manual didn't help much.

Thanks,
Ellie

Ellie Haigh RVN
Practice Manager | Penistone Veterinary Group | 01226 763 900
"""
    raw = build(frm=address("Ellie Haigh", "ellie.haigh@penistonevets.example"), to=address("Aisha Rahman", f"aisha.rahman@{DOM}"),
                subject="Pulse ox not reading on cats", date=D("2026-12-02 13:14", "+0000", 47), text=text)
    write(CO, "support_ticket", "vet_pulse_ox_no_reading_cats", raw, {"customer_email": "ellie.haigh@penistonevets.example"})


def st_gp_thermometers_vague():
    text = """Hello,

Sorry to bother you, I'm not sure if this is the right address. A couple of our nurses have mentioned that
the new ear thermometers we got from you a few weeks ago don't seem quite right - they think they're reading
a bit low compared to the old ones? It may well be us using them wrong. Is there anything we should check,
or could someone give us a ring?

Kind regards,
Sue Ackroyd
Reception Team Leader
Kirkstall Lane Surgery
0113 278 0041
"""
    raw = build(frm=address("ACKROYD, Susan (KIRKSTALL LANE SURGERY)", "susan.ackroyd@nhs.example"), to=SALES,
                subject="Thermometers", date=D("2026-12-09 11:03", "+0000", 35), text=text)
    write(CO, "support_ticket", "gp_thermometers_reading_low_vague", raw, {"customer_email": "susan.ackroyd@nhs.example"})


def st_belgian_damaged_parcel_fr():
    text = """Bonjour,

Nous avons réceptionné ce matin la livraison correspondant à notre bon de commande BC-2026-0612.
Malheureusement, deux palettes sur cinq sont arrivées endommagées (film déchiré, cartons écrasés et humides).
Environ 600 perfuseurs sont inutilisables, les emballages stériles étant abîmés.

Nous avons émis des réserves sur le bon du transporteur (photos en pièce jointe sur demande).
Merci de nous indiquer la marche à suivre pour le remplacement de la marchandise et l'avoir éventuel.

Cordialement,
Céline Dewulf
Responsable achats - Clinique Sainte-Aldegonde
Tél. +32 81 22 47 90
"""
    raw = build(frm=address("Céline Dewulf", "c.dewulf@clinique-aldegonde.example", "iso-8859-1"), to=SERVICE,
                subject=encoded("Réclamation - livraison endommagée BC-2026-0612", "iso-8859-1", "Q"),
                date=D("2026-10-28 11:40", "+0100", 19), text=text, charset="iso-8859-1", cte="quoted-printable")
    write(CO, "support_ticket", "belgian_clinic_reclamation_damaged", raw, {"customer_email": "c.dewulf@clinique-aldegonde.example"})


def st_us_vetox_error():
    text = """Hi Rob / Meridian support,

We've had 5 customer returns this week on the VetOx units from PO GPV-20931. All show error "E-03" right after
power-on and then shut off. Fresh AA batteries, tried factory reset per page 22 of the manual - no change.
Serial numbers below:

VX24-118803, VX24-118811, VX24-118840, VX24-118857, VX24-118902

Can you advise if this is a known firmware issue and how you want to handle the RMA? We have a vet show in
Kansas City next week and don't want to demo units that fail.

Thanks,
Tyler Brandt
Great Plains Vet Supply LLC
tbrandt@greatplainsvet.example | (316) 555-0192
"""
    raw = build(frm=address("Tyler Brandt", "tbrandt@greatplainsvet.example"), to=SERVICE, cc=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="VetOx E-03 error - RMA needed", date=D("2026-12-10 09:58", "-0600", 25), text=text)
    write(CO, "support_ticket", "us_distributor_vetox_error_rma", raw, {"customer_email": "tbrandt@greatplainsvet.example"})


def st_theatre_seal_broken():
    text = """Dear Meridian Medical Supplies,

Re: Sterile dressing packs - compromised packaging (our order HPH-PO-22614 / your delivery 23/11/2026)

During pre-list checks this morning, theatre staff identified that 7 of 40 sterile dressing packs (lot
SDP-26-0931, expiry 09/2029) had visibly broken peel seals. The packs were not used and no patient was
affected. All packs from this lot have been withdrawn from theatre stock and are held in quarantine.

Please could you:
 1. investigate with the manufacturer and provide a written response;
 2. arrange collection of the quarantined stock and replacement from an unaffected lot;
 3. advise whether other customers have reported the same issue.

Our incident reference is HPH-INC-2026-311. I would be grateful for an acknowledgement within 48 hours in
line with our supplier quality agreement.

Yours sincerely,

Chris Lowe
Theatre Manager / Medical Devices Lead
Harrogate Private Hospital
chris.lowe@harrogateprivate.example

DISCLAIMER: This e-mail and any attachments are confidential and intended solely for the use of the
individual or entity to whom they are addressed. If you have received this e-mail in error please notify
the sender immediately and delete it. Any views or opinions expressed are solely those of the author and do
not necessarily represent those of Harrogate Private Hospital Ltd. Registered in England No. 02215583.
"""
    raw = build(frm=address("Chris Lowe", "chris.lowe@harrogateprivate.example"), to=SERVICE,
                subject="Quality incident HPH-INC-2026-311 - dressing packs seal failure", date=D("2026-11-25 08:19", "+0000", 0), text=text)
    write(CO, "support_ticket", "private_hospital_sterile_seal_broken", raw, {"customer_email": "chris.lowe@harrogateprivate.example"})


def st_ecg_thread_gmail():
    text = """Hi Aisha,

I'm afraid it's still doing it. Changed the paper like you said (shiny side towards the print head) and it's
printing the header and patient details but the trace section is blank. Screen shows the trace fine.

We've got a GP trainee doing ECGs on Thursday clinic so really need it sorted or a loan machine.

Nadia

On Tue, 1 Dec 2026 at 14:22, Aisha Rahman <aisha.rahman@meridian-medical.example> wrote:
> Hi Nadia,
>
> Sorry to hear that. Nine times out of ten a blank trace on the printout is the thermal paper loaded the
> wrong way round. Could you try flipping the roll so the shiny side faces the print head and run a test
> print (Menu > Setup > Printer > Test)?
>
> If that doesn't fix it let me know and I'll book an engineer visit.
>
> Kind regards
> Aisha Rahman
> Technical Service Engineer, Meridian Medical Supplies Ltd
>
> > On 1 Dec 2026, at 11:05, Nadia Qureshi <nadia.qureshi@nhs.example> wrote:
> >
> > Hi, the new ECG machine you installed last week prints blank traces. Can you help?
"""
    raw = build(frm=address("Nadia Qureshi", "nadia.qureshi@nhs.example"), to=address("Aisha Rahman", f"aisha.rahman@{DOM}"),
                subject="Re: ECG printing blank", date=D("2026-12-02 09:41", "+0000", 14), text=text,
                in_reply_to=f"<ecg-blank.ar.1201@{DOM}>")
    write(CO, "support_ticket", "gp_ecg_blank_trace_thread", raw, {"customer_email": "nadia.qureshi@nhs.example"})


def st_suction_iphone():
    text = """The suction unit you delivered tues won't power on. Charged it overnight, green light comes on but nothing when you press start. We've got a resident on end of life care who needs it, can someone come out today please. Call me on 07700 900 412

Sharon
Deputy Manager, Hollins Park

Sent from my iPhone"""
    raw = build(frm=address("Sharon Firth", "sharon.firth@hollinsparkcare.example"), to=SERVICE,
                subject="suction machine", date=D("2026-11-05 07:12", "+0000", 40), text=text)
    write(CO, "support_ticket", "care_home_suction_wont_power_iphone", raw, {"customer_email": "sharon.firth@hollinsparkcare.example"})


def support_tickets():
    st_urgent_giving_sets_leaking()
    st_care_home_wrong_gloves_angry()
    st_vet_spo2_cats()
    st_gp_thermometers_vague()
    st_belgian_damaged_parcel_fr()
    st_us_vetox_error()
    st_theatre_seal_broken()
    st_ecg_thread_gmail()
    st_suction_iphone()


# --------------------------------------------------------------------------------------------------
# approval
# --------------------------------------------------------------------------------------------------

def ap_md_approve_quote():
    subj = "Approval needed: Quote Q-2026-1811 for Aire Valley Teaching Hospitals NHS Foundation Trust – 48,260.00 GBP [APR-2026-0231]"
    text = """Approved - happy to approve at that margin. Please make sure the glove prices are held for the full call-off to March - Selangor have
told Dan there's a price rise coming in Q1.

Sarah

Sarah Whitfield
Managing Director
Meridian Medical Supplies Ltd

-----Original Message-----
From: Mailroom <mailroom@meridian-medical.example>
Sent: 01 October 2026 09:14
To: Sarah Whitfield <sarah.whitfield@meridian-medical.example>
Subject: Approval needed: Quote Q-2026-1811 for Aire Valley Teaching Hospitals NHS Foundation Trust – 48,260.00 GBP [APR-2026-0231]

Approval needed

Quote:     Q-2026-1811
Customer:  Aire Valley Teaching Hospitals NHS Foundation Trust
Amount:    48,260.00 GBP
Prepared:  Rob Kellett

Reference: APR-2026-0231
Reply with Approved or Rejected.
"""
    raw = build(frm=address("Sarah Whitfield", f"sarah.whitfield@{DOM}"), to=address("Mailroom", f"mailroom@{DOM}"),
                subject=encoded("RE: " + subj, "utf-8", "Q"), date=D("2026-10-01 09:40", sec=3), text=text,
                in_reply_to=f"<approval.apr-2026-0231@{DOM}>", headers=[("Thread-Topic", encoded(subj, "utf-8", "Q"))])
    write(CO, "approval", "md_approves_nhs_quote", raw, {"decision": "approve", "reference": "APR-2026-0231"})


def ap_finance_rejects_po():
    subj = "Approval needed: Purchase order MMS-PO-7840 for Selangor GloveTech Sdn Bhd – 41,040.00 USD [APR-2026-0247]"
    text = """Rejected - I'm going to reject this one for now.

We're still holding ~6 weeks of medium and large in the warehouse (checked with Gemma) and cash is tight
until the NHS quarter-end payments land. Resubmit in the first week of January please.

Tom

> Reference: APR-2026-0247
> Purchase order MMS-PO-7840, supplier Selangor GloveTech Sdn Bhd, 41,040.00 USD
> Requested by: Daniel Okafor
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Tom Haworth", f"tom.haworth@{DOM}"), to=address("Mailroom", f"mailroom@{DOM}"),
                cc=address("Daniel Okafor", f"daniel.okafor@{DOM}"),
                subject=encoded("Re: " + subj, "utf-8", "B"), date=D("2026-11-24 17:02", "+0000", 55), text=text,
                in_reply_to=f"<approval.apr-2026-0247@{DOM}>")
    write(CO, "approval", "finance_rejects_glove_po", raw, {"decision": "reject", "reference": "APR-2026-0247"})


def ap_conditional_iphone():
    subj = "Approval needed: Quote Q-2026-1893 for Harbor Light Medical Relief – 27,415.50 USD [APR-2026-0262]"
    text = """OK as long as it's payment before shipment like the quote says, no credit terms for them. Fine to approve. Approved.

S

Sent from my iPhone

> On 3 Dec 2026, at 08:05, Mailroom <mailroom@meridian-medical.example> wrote:
>
> Approval needed: Quote Q-2026-1893 for Harbor Light Medical Relief – 27,415.50 USD
> Reference: APR-2026-0262
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Sarah Whitfield", f"sarah.whitfield@{DOM}"), to=address("Mailroom", f"mailroom@{DOM}"),
                subject=encoded("Re: " + subj, "utf-8", "Q"), date=D("2026-12-03 12:31", "+0000", 20), text=text,
                in_reply_to=f"<approval.apr-2026-0262@{DOM}>")
    write(CO, "approval", "md_conditional_approve_iphone", raw, {"decision": "approve", "reference": "APR-2026-0262"})


def approvals():
    ap_md_approve_quote()
    ap_finance_rejects_po()
    ap_conditional_iphone()

# --------------------------------------------------------------------------------------------------
# auto_reply
# --------------------------------------------------------------------------------------------------

def ar_nhs_ooo():
    text = """Thank you for your email. I am on annual leave from Monday 5 October returning Monday 12 October 2026
with limited access to email.

For urgent procurement queries please contact the Procurement Helpdesk on 0113 392 4400 or
procurement.helpdesk@nhs.example. For RFQ AVT/PROC/2026/0417 please contact my colleague Imran Bashir.

Helen Marsden
Senior Buyer - Clinical Consumables
""" + NHS_DISCLAIMER
    raw = build(frm=address("MARSDEN, Helen (AIRE VALLEY TEACHING HOSPITALS NHS FOUNDATION TRUST)", "helen.marsden1@nhs.example"),
                to=address("Rob Kellett", f"rob.kellett@{DOM}"), subject="Automatic reply: Quotation Q-2026-1811 - AVT/PROC/2026/0417",
                date=D("2026-10-06 09:01", sec=9), text=text,
                headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"), ("Precedence", "auto_reply")])
    write(CO, "auto_reply", "nhs_buyer_annual_leave", raw)


def ar_french_absence():
    text = """Bonjour,

Je suis absente du bureau jusqu'au lundi 2 novembre inclus (vacances de la Toussaint).
Pour toute question concernant la facturation, merci de contacter compta@rhonemed.example.
Pour les commandes : adv@rhonemed.example ou +33 4 72 80 15 00.

Cordialement,
Élodie Marchand
Laboratoires Rhônemed SAS
"""
    raw = build(frm=address("Élodie Marchand", "e.marchand@rhonemed.example", "iso-8859-1"), to=address("Daniel Okafor", f"daniel.okafor@{DOM}"),
                subject=encoded("Réponse automatique : RE: Délai livraison compresses commande MMS-PO-7821", "iso-8859-1", "Q"),
                date=D("2026-10-26 10:33", "+0100", 44), text=text, charset="iso-8859-1", cte="quoted-printable")
    write(CO, "auto_reply", "rhonemed_absence_toussaint_fr", raw)


def ar_dsn_postfix():
    raw = """From: MAILER-DAEMON@mx1.meridian-medical.example (Mail Delivery System)
To: priya.chauhan@meridian-medical.example
Subject: Undelivered Mail Returned to Sender
Date: Thu, 15 Oct 2026 14:22:08 +0100
Message-ID: <20261015132208.7D4F21A03B@mx1.meridian-medical.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="7D4F21A03B.1760534528/mx1.meridian-medical.example"

This is a MIME-encapsulated message.

--7D4F21A03B.1760534528/mx1.meridian-medical.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx1.meridian-medical.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<manger@hollinsparkcare.example>: host mx.hollinsparkcare.example[203.0.113.45]
    said: 550 5.1.1 <manger@hollinsparkcare.example>: Recipient address
    rejected: User unknown in virtual mailbox table (in reply to RCPT TO
    command)

--7D4F21A03B.1760534528/mx1.meridian-medical.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.meridian-medical.example
X-Postfix-Queue-ID: 7D4F21A03B
X-Postfix-Sender: rfc822; priya.chauhan@meridian-medical.example
Arrival-Date: Thu, 15 Oct 2026 14:22:06 +0100 (BST)

Final-Recipient: rfc822; manger@hollinsparkcare.example
Original-Recipient: rfc822;manger@hollinsparkcare.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.hollinsparkcare.example
Diagnostic-Code: smtp; 550 5.1.1 <manger@hollinsparkcare.example>: Recipient
    address rejected: User unknown in virtual mailbox table

--7D4F21A03B.1760534528/mx1.meridian-medical.example
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Priya Chauhan <priya.chauhan@meridian-medical.example>
To: manger@hollinsparkcare.example
Subject: Your order CH-2291 - delivery Thursday
Date: Thu, 15 Oct 2026 14:22:05 +0100
Message-ID: <ch2291.pc.1015@meridian-medical.example>

--7D4F21A03B.1760534528/mx1.meridian-medical.example--
"""
    write(CO, "auto_reply", "postfix_dsn_user_unknown", raw.encode())


def ar_malaysia_plain_bounce():
    text = """Delivery has failed to these recipients or groups:

export.docs@selangorglovetech.example
The recipient's mailbox is full and can't accept messages now. Please try resending this message later, or
contact the recipient directly.


Diagnostic information for administrators:

Generating server: MY1PR04MB2210.apcprd04.prod.outlook.example

export.docs@selangorglovetech.example
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot open mailbox.[EndDiagnosticData]'

Original message headers:

From: Daniel Okafor <daniel.okafor@meridian-medical.example>
To: "export.docs@selangorglovetech.example" <export.docs@selangorglovetech.example>
Subject: RE: COMMERCIAL INVOICE SGT-INV-2026-0933 // MMS-PO-7731 - B/L copy
Date: Wed, 7 Oct 2026 08:14:51 +0100
Message-ID: <bl-copy.do.1007@meridian-medical.example>
"""
    raw = build(frm=address("Microsoft Outlook", "postmaster@selangorglovetech.example"), to=address("Daniel Okafor", f"daniel.okafor@{DOM}"),
                subject="Undeliverable: RE: COMMERCIAL INVOICE SGT-INV-2026-0933 // MMS-PO-7731 - B/L copy",
                date=D("2026-10-07 15:15", "+0800", 2), text=text)
    write(CO, "auto_reply", "malaysia_mailbox_full_plain_bounce", raw)


def ar_read_receipt():
    raw = """From: Lucy Ambler <lucy.ambler@harrogateprivate.example>
To: Rob Kellett <rob.kellett@meridian-medical.example>
Subject: Read: Quotation Q-2026-1702 - HPH-RFQ-00981
Date: Tue, 10 Nov 2026 08:03:17 +0000
Message-ID: <mdn.5521.la@harrogateprivate.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification;
 boundary="----=_NextPart_mdn_01DC5521"

------=_NextPart_mdn_01DC5521
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 7bit

Your message

  To: Lucy Ambler
  Subject: Quotation Q-2026-1702 - HPH-RFQ-00981
  Sent: 09 November 2026 16:48:02 (UTC+00:00) Dublin, Edinburgh, Lisbon, London

was read on 10 November 2026 08:03:11 (UTC+00:00) Dublin, Edinburgh, Lisbon, London.

------=_NextPart_mdn_01DC5521
Content-Type: message/disposition-notification

Reporting-UA: mail.harrogateprivate.example; Microsoft Outlook 16.0
Final-Recipient: rfc822;lucy.ambler@harrogateprivate.example
Original-Message-ID: <q-2026-1702.rk@meridian-medical.example>
Disposition: manual-action/MDN-sent-manually; displayed

------=_NextPart_mdn_01DC5521--
"""
    write(CO, "auto_reply", "outlook_read_receipt_quote", raw.encode())


def ar_us_thanksgiving():
    text = """Hi there,

Thanks for your note! I'm out of the office for the Thanksgiving holiday and will be back Monday, November 30.
I'll have limited access to email. For order status or shipping questions, please contact
orders@greatplainsvet.example or call (316) 555-0100.

Have a great holiday,
Tyler
"""
    raw = build(frm=address("Tyler Brandt", "tbrandt@greatplainsvet.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="Out of Office: Commercial invoice & packing list - PO GPV-20931", date=D("2026-11-25 06:40", "-0600", 33), text=text,
                headers=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")])
    write(CO, "auto_reply", "us_customer_thanksgiving_ooo", raw)


def auto_replies():
    ar_nhs_ooo()
    ar_french_absence()
    ar_dsn_postfix()
    ar_malaysia_plain_bounce()
    ar_read_receipt()
    ar_us_thanksgiving()

# --------------------------------------------------------------------------------------------------
# other
# --------------------------------------------------------------------------------------------------

def ot_wholesaler_newsletter_html():
    html = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>MedStock Direct</title></head>
<body style="margin:0;padding:0;background:#eeeeee">
<table width="100%" bgcolor="#eeeeee"><tr><td align="center">
<table width="600" cellpadding="0" cellspacing="0" bgcolor="#ffffff" style="font-family:Arial,sans-serif">
<tr><td style="background:#c8102e;padding:18px;color:#ffffff;font-size:24px;font-weight:bold">MedStock Direct &ndash; Winter PPE Event</td></tr>
<tr><td style="padding:20px;font-size:15px;color:#222222">
<p>Stock up before the winter surge! Trade prices for registered resellers, this week only.</p>
<table width="100%" cellpadding="8" style="font-size:14px;border-collapse:collapse">
<tr style="background:#f7f7f7"><td>Nitrile gloves PF, box 100 (S&ndash;XL)</td><td align="right"><s>&pound;3.49</s> <b>&pound;2.99</b></td><td><a href="https://medstock-direct.example/p/ng100?utm_source=nl47" style="background:#c8102e;color:#fff;padding:6px 12px;text-decoration:none">ORDER NOW</a></td></tr>
<tr><td>Type IIR face masks, box 50</td><td align="right"><b>&pound;2.15</b></td><td><a href="https://medstock-direct.example/p/iir50?utm_source=nl47" style="background:#c8102e;color:#fff;padding:6px 12px;text-decoration:none">ORDER NOW</a></td></tr>
<tr style="background:#f7f7f7"><td>Aprons on a roll, 200</td><td align="right"><b>&pound;3.60</b></td><td><a href="https://medstock-direct.example/p/apr200?utm_source=nl47" style="background:#c8102e;color:#fff;padding:6px 12px;text-decoration:none">ORDER NOW</a></td></tr>
<tr><td>Alcohol hand gel 500ml pump</td><td align="right"><b>&pound;1.89</b></td><td><a href="https://medstock-direct.example/p/gel500?utm_source=nl47" style="background:#c8102e;color:#fff;padding:6px 12px;text-decoration:none">ORDER NOW</a></td></tr>
</table>
<p style="font-size:13px">Free next-day delivery on orders over &pound;250 ex VAT. Prices exclude VAT. While stocks last.</p>
</td></tr>
<tr><td style="padding:14px;font-size:11px;color:#888888;background:#f4f4f4">You are receiving this because you registered for a MedStock Direct trade account.
<a href="https://medstock-direct.example/unsubscribe?u=8812aa">Unsubscribe</a> | MedStock Direct Ltd, Trafford Park, Manchester M17 1PY</td></tr>
</table></td></tr></table></body></html>"""
    raw = build(frm=address("MedStock Direct", "offers@news.medstock-direct.example"), to=f"purchasing@{DOM}",
                subject=encoded("Winter PPE Event: gloves from £2.99 - this week only", "utf-8", "B"), date=D("2026-11-09 07:30", "+0000", 0), html=html,
                headers=[("List-Id", "MedStock Direct Offers <offers.medstock-direct.example>"),
                         ("List-Unsubscribe", "<https://medstock-direct.example/unsubscribe?u=8812aa>, <mailto:unsub-8812aa@news.medstock-direct.example>"),
                         ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")])
    write(CO, "other", "wholesaler_ppe_newsletter_html", raw)


def ot_medica_invitation():
    text = """Dear Mr Okafor,

MEDICA 2026 is almost here! We would be delighted to welcome you and your colleagues at our stand
in Hall 9, Stand D41 from 16 to 19 November 2026 in Düsseldorf.

On display for the first time: our new DEHP-free infusion line range and the Infutec SafeClamp roller clamp.

Please book a meeting slot with your account manager (Jonas Berger) via the link below; we will also be
happy to provide you with a free exhibitor ticket.

  > Book a meeting: https://infutec.example/medica2026/meeting
  > Free ticket code: MED26-INF-4471

We look forward to seeing you!

Best regards / Mit freundlichen Grüßen
Your Infutec team

Infutec Medizintechnik GmbH · Wilhelmshöher Allee 271 · 34131 Kassel
If you no longer wish to receive event invitations, reply with "unsubscribe".
"""
    raw = build(frm=address("Infutec Events", "events@infutec.example"), to=address("Daniel Okafor", f"daniel.okafor@{DOM}"),
                subject="Invitation: Meet Infutec at MEDICA 2026, Hall 9 / D41", date=D("2026-10-20 10:00", "+0200", 0), text=text,
                charset="utf-8", cte="quoted-printable")
    write(CO, "other", "infutec_medica_trade_fair_invitation", raw)


def ot_internal_where_is_file():
    text = """Rob where did you save the Aire Valley tender pricing sheet? It's not in Sales > Tenders > 2026 and
Sarah wants to look at the glove margins before Friday. Is it still on your desktop?? :)

Priya
"""
    raw = build(frm=address("Priya Chauhan", f"priya.chauhan@{DOM}"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="AVT tender file", date=D("2026-09-28 14:47", sec=26), text=text)
    write(CO, "other", "internal_where_is_tender_file", raw)


def ot_carrier_inbound_parcel():
    text = """Your parcel is on its way!

Hi Meridian Medical Supplies Ltd,

Your delivery from CORRIB WOUND CARE LTD is due tomorrow, Thursday 24 September, between 10:15 and 11:15.

Tracking number: 15501998776204
Parcels: 3 (total weight 41.5 kg)
Delivery address: Unit 4, Aire Valley Business Park, Leeds LS10 1RT

Not going to be in? Change your delivery at https://track.swiftparcel.example/15501998776204

SwiftParcel UK | This is an automated message, please do not reply.
"""
    raw = build(frm=address("SwiftParcel", "notifications@swiftparcel.example"), to=f"goodsin@{DOM}",
                subject="Your SwiftParcel delivery from CORRIB WOUND CARE LTD is due tomorrow", date=D("2026-09-23 18:02", sec=49), text=text)
    write(CO, "other", "carrier_inbound_delivery_notice", raw)


def ot_supplier_order_confirmation():
    text = """Dear Mr Okafor,

Thank you for your order MMS-PO-7849. We confirm the order as follows:

AUFTRAGSBESTÄTIGUNG / ORDER CONFIRMATION  AB-2026-5521       Date: 26.11.2026

Pos  Item                                        Qty       Unit EUR    Total EUR
1    IV gravity giving set 180 cm (DEHP-free)    15,000    0.43        6,450.00
2    Extension line 150 cm, 3-way tap             4,000    0.37        1,480.00
                                                 Net total EUR         7,930.00

Planned dispatch: week 50 (07.12.2026), delivery Incoterms FCA Kassel.
Invoice will follow with the shipment. No action required unless the above is incorrect.

Mit freundlichen Grüßen / Kind regards
Jonas Berger
Vertrieb International / International Sales
Infutec Medizintechnik GmbH
"""
    raw = build(frm=address("Jonas Berger", "j.berger@infutec.example"), to=address("Daniel Okafor", f"daniel.okafor@{DOM}"),
                subject=encoded("Auftragsbestätigung AB-2026-5521 zu Ihrer Bestellung MMS-PO-7849", "iso-8859-1", "Q"),
                date=D("2026-11-26 13:25", "+0100", 10), text=text, charset="iso-8859-1")
    write(CO, "other", "infutec_order_confirmation_to_us", raw)


def ot_customer_thanks_received():
    text = """Hi Rob,

Just to let you know the monitors arrived safely this morning and Chris has checked them in. Thanks for
sorting the delivery slot, much appreciated.

Best,
Lucy

Lucy Ambler | Materials Manager | Harrogate Private Hospital
"""
    raw = build(frm=address("Lucy Ambler", "lucy.ambler@harrogateprivate.example"), to=address("Rob Kellett", f"rob.kellett@{DOM}"),
                subject="RE: Delivery slot - HPH-PO-22614", date=D("2026-11-23 11:05", "+0000", 22), text=text,
                in_reply_to=f"<slot.hph22614.rk@{DOM}>")
    write(CO, "other", "private_hospital_thanks_received", raw)


def ot_phishing_mailbox():
    html = """<html><body style="font-family:Segoe UI,Arial;font-size:14px">
<p><img src="https://cdn-0365-secure.example/logo.png" alt="Microsoft"></p>
<p>Dear accounts@meridian-medical.example,</p>
<p>Your mailbox storage is <b style="color:#c00">98% full</b> (49.1 GB / 50 GB). Incoming messages, including
<b>3 pending invoices</b> and <b>1 remittance advice</b>, are on hold and will be deleted in 24 hours.</p>
<p><a href="https://meridian-medical.example.account-verify.example/owa/upgrade?id=acc0unts" style="background:#0078d4;color:#fff;padding:10px 18px;text-decoration:none">Release pending messages</a></p>
<p style="font-size:11px;color:#999">Microsoft Corporation, One Microsoft Way, Redmond, WA 98052<br>This is a mandatory service communication.</p>
</body></html>"""
    raw = build(frm=address("Microsoft 365 Admin", "no-reply@m365-notice.example"), to=ACCOUNTS,
                subject="Action Required: 3 pending invoices on hold - mailbox full", date=D("2026-10-29 03:12", "+0000", 7), html=html)
    write(CO, "other", "phishing_mailbox_full_pending_invoices", raw)


def ot_job_application():
    text = """Dear Hiring Manager,

I am writing to apply for the Warehouse Operative (Goods In) position advertised on Indeed. I have three years'
experience in a pharmaceutical distribution warehouse in Wakefield, including handling temperature-controlled
stock, RF scanning, and FIFO/FEFO rotation. I hold a counterbalance and reach truck licence (both valid until 2028).

I am available for interview any day and can start with one week's notice. My CV is attached.

Kind regards,
Kieran Walsh
07700 900 338
"""
    cv = pdf(["Kieran Walsh - CV", "12 Grange Avenue, Rothwell, Leeds LS26 0QP", "",
              "2023-2026  Warehouse Operative, Calderpharm Distribution, Wakefield",
              "2021-2023  Picker/Packer, Fulfil North Ltd, Leeds",
              "Licences: Counterbalance, Reach (RTITB, valid to 2028)"], "CV Kieran Walsh")
    raw = build(frm=address("Kieran Walsh", "kieranwalsh94@mailbox.example"), to=f"jobs@{DOM}",
                subject="Application - Warehouse Operative (Goods In)", date=D("2026-09-14 21:37", sec=51), text=text,
                attachments=[("Kieran_Walsh_CV.pdf", "application/pdf", cv)])
    write(CO, "other", "job_application_warehouse", raw)


def ot_bank_payment_received():
    text = """Northern Mercantile Bank - Business Banking

Payment received

We have received a payment into your account ending 4471.

Amount:      £2,608.80
From:        FIVE TOWNS NHS TRUST
Reference:   4500287731 SI-260198
Date:        05/11/2026

You can view full details by logging in to Business Online. We will never ask you for your PIN or full password
by email.

This is an automated service message. Please do not reply.
"""
    raw = build(frm=address("Northern Mercantile Bank", "alerts@nmb-business.example"), to=ACCOUNTS,
                subject="Payment received on account ending 4471", date=D("2026-11-05 06:02", "+0000", 15), text=text)
    write(CO, "other", "bank_payment_received_alert", raw)


def ot_remittance_advice():
    text = """REMITTANCE ADVICE

Supplier:  Meridian Medical Supplies Ltd (100482)
Payment date: 04/11/2026     Payment method: BACS     Payment ref: 0009918824

Invoice No     Invoice Date   PO Number      Amount
SI-260198      01/10/2026     4500287731     2,608.80
                                      Total  2,608.80 GBP

This payment will reach your account within 3 working days. Please contact the Accounts Payable team on
01924 541 377 quoting your supplier number if you have any queries.

Five Towns NHS Trust - Accounts Payable (Shared Services)
"""
    raw = build(frm=address("Five Towns AP Remittances", "ap.remittance.noreply@nhs.example"), to=ACCOUNTS,
                subject="Remittance Advice - Payment ref 0009918824", date=D("2026-11-04 02:15", "+0000", 0), text=text)
    write(CO, "other", "nhs_remittance_advice", raw)


def ot_delivery_question():
    text = """Hi, any ETA on WPG-118204? Driffield say nothing's turned up yet and we're low on thermometers at
3 branches. Was due Weds. Just need a day, no panic.

Mark
Wolds Pharmacy Group - Purchasing
"""
    raw = build(frm=address("Mark Holtby", "purchasing@woldspharmacy.example"), to=ORDERS,
                subject="Re: WPG PO WPG-118204", date=D("2026-10-23 12:18", sec=4), text=text,
                in_reply_to=f"<ack.wpg118204@{DOM}>")
    write(CO, "other", "pharmacy_delivery_eta_question", raw)


def ot_field_safety_notice():
    text = """URGENT FIELD SAFETY NOTICE - FSN-2026-07
VS-300 Patient Monitor - software version 3.2.0 and 3.2.1

To: Distributors of VitaSense Monitoring Inc. products

Dear Distributor,

VitaSense has identified that on VS-300 monitors running software 3.2.0 or 3.2.1, the NIBP alarm limits may
revert to factory defaults after a power cycle. No adverse events have been reported.

Actions for distributors:
1. Identify the customers to whom you supplied VS-300 units (serial range VS3-26-0001 to VS3-26-2400).
2. Forward the enclosed customer letter to them within 10 days.
3. Return the acknowledgement form to fsn@vitasense.example.

A field update to software 3.2.2 will be made available free of charge. The competent authority (MHRA) has been
informed of this action.

Regards,
Jennifer Olsen
Director, Quality & Regulatory Affairs
VitaSense Monitoring Inc.
"""
    raw = build(frm=address("VitaSense Quality", "fsn@vitasense.example"), to=f"quality@{DOM}",
                cc=address("Aisha Rahman", f"aisha.rahman@{DOM}"),
                subject="URGENT FIELD SAFETY NOTICE FSN-2026-07 - VS-300 alarm limits", date=D("2026-12-04 15:00", "-0600", 0), text=text)
    write(CO, "other", "supplier_field_safety_notice", raw)


def ot_internal_stocktake():
    text = """Hi all,

Year-end stock take is booked for Saturday 19 December, 7:30 start, bacon butties provided.
Teams as below - if you can't make it let me know by Friday 11th so I can swap people round.

  Aisle       Team
  A-C         Gemma, Kofi
  D-F         Priya, Liam
  Cold room   Aisha, Dan
  Goods in    Rob, Tom (Tom doing the reconciliation)

No deliveries in or out that day - Priya, can you warn the care homes that use the Saturday slot?

Christmas do is the same night at the Corn Exchange, 7pm, taxis booked back at 11:30.

Thanks
Gemma
"""
    raw = build(frm=address("Gemma Lister", f"gemma.lister@{DOM}"), to=f"allstaff@{DOM}",
                subject="Stock take 19/12 + Christmas do", date=D("2026-12-03 16:44", "+0000", 37), text=text)
    write(CO, "other", "internal_stocktake_christmas", raw)


def others():
    ot_wholesaler_newsletter_html()
    ot_medica_invitation()
    ot_internal_where_is_file()
    ot_carrier_inbound_parcel()
    ot_supplier_order_confirmation()
    ot_customer_thanks_received()
    ot_phishing_mailbox()
    ot_job_application()
    ot_bank_payment_received()
    ot_remittance_advice()
    ot_delivery_question()
    ot_field_safety_notice()
    ot_internal_stocktake()


if __name__ == "__main__":
    quote_requests()
    purchase_orders()
    invoices()
    support_tickets()
    approvals()
    auto_replies()
    others()
