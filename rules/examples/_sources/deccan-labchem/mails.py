#!/usr/bin/env python3
"""Deccan LabChem Pvt. Ltd. (Hyderabad) — hand-written starter example mails. Run: python3 mails.py

Every mail is written out as its own text; only packing helpers and signatures are shared."""
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "Tests" / "UnderstandTests" / "Corpus"))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

CO = "deccan-labchem"
DOM = "deccanlabchem.example"
MAILS = []


def mail(fn):
    MAILS.append(fn)
    return fn


def save(kind, name, raw, expected=None):
    write(CO, kind, name, raw, expected, starter=True)


def D(stamp, tz="+0530", sec=0):
    """'2026-09-15 09:12' -> RFC 5322 date with the right weekday."""
    dt = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    return dt.strftime("%a, %d %b %Y %H:%M:") + f"{sec:02d} {tz}"


def report(head, boundary, parts, report_type="delivery-status"):
    """A multipart/report (bounce or read receipt); parts are (content-type + part headers, body)."""
    out = "".join(f"{k}: {v}\n" for k, v in head)
    out += f'MIME-Version: 1.0\nContent-Type: multipart/report; report-type={report_type};\n\tboundary="{boundary}"\n\n'
    out += "This is a MIME-encapsulated message.\n\n"
    for ctype, body in parts:
        out += f"--{boundary}\n{ctype}\n\n{body.rstrip()}\n\n"
    out += f"--{boundary}--\n"
    return out.encode("utf-8")


SALES = address("Deccan LabChem Sales", f"sales@{DOM}")
EXPORT = address("Deccan LabChem Export", f"export@{DOM}")
PURCHASE = address("Purchase Dept - Deccan LabChem", f"purchase@{DOM}")
ACCOUNTS = address("Accounts - Deccan LabChem", f"accounts@{DOM}")
QC = address("QC Deccan LabChem", f"qc@{DOM}")
FARHAN = address("Farhan Qureshi", f"farhan.qureshi@{DOM}")
RAHUL = address("Rahul Sharma", f"rahul.sharma@{DOM}")
LAKSHMI = address("Lakshmi Narayanan", f"lakshmi.n@{DOM}")
ANJALI = address("Dr. Anjali Menon", f"anjali.menon@{DOM}")
MAILROOM = address("Mailroom", f"mailroom@{DOM}")

SIG_FARHAN = """
Best regards,
Farhan Qureshi
Export Sales Manager
Deccan LabChem Pvt. Ltd.
Plot 42, IDA Cherlapally, Hyderabad 500051, India
M: +91 98490 31877 | export@deccanlabchem.example"""

SIG_RAHUL = """
Thanks & Regards,
Rahul Sharma
Sales Executive (Domestic)
Deccan LabChem Pvt. Ltd., Hyderabad
Ph: 040-2726 4410 | Mob: 90000 58213"""


# ================================================================================================
# quote_request
# ================================================================================================

@mail
def qr_university_chemistry_dept():
    text = """To,
The Sales Manager,
M/s Deccan LabChem Pvt. Ltd.,
Hyderabad.

Sub: Request for quotation for supply of laboratory chemicals - reg.
Ref: Indent No. OU/CHEM/IND/2026-27/118 dated 14.09.2026

Respected Sir/Madam,

With reference to the above, kindly quote your lowest rates for the supply of the following chemicals
(AR grade unless mentioned) to the Department of Chemistry, University College of Science,
Deccan Central University, Hyderabad.

Sl.  Name of the chemical                    CAS No.       Pack     Qty
1    Potassium permanganate AR               7722-64-7     500 g    10
2    Sodium hydroxide pellets AR             1310-73-2     500 g    25
3    Hydrochloric acid 35-38% AR             7647-01-0     2.5 L    20
4    Silver nitrate AR                       7761-88-8     25 g     6
5    Ethanol absolute (excise free cert.)    64-17-5       2.5 L    12
6    Ninhydrin LR                            485-47-2      25 g     4

Terms and conditions:
1. Rates to be quoted inclusive of GST, F.O.R. Department.
2. Quotation should be valid for 90 days.
3. Make/brand to be mentioned against each item.
4. The sealed quotation / scanned copy on letterhead may be sent to this e-mail on or before 30.09.2026.

Kindly do the needful at the earliest.

Yours faithfully,

Prof. K. Ramachandra Rao
Head, Department of Chemistry
University College of Science, Deccan Central University
Hyderabad - 500007
Ph: 040-2709 8812
"""
    raw = build(frm=address("HOD Chemistry DCU", "hod.chemistry@dcu.example"), to=SALES,
                subject="Request for quotation - Laboratory chemicals - Indent No. OU/CHEM/IND/2026-27/118",
                date=D("2026-09-16 11:22", sec=41), text=text)
    save("quote_request", "university-chemistry-indent", raw,
         {"customer_company": "Deccan Central University", "contact_email": "hod.chemistry@dcu.example"})


@mail
def qr_pharma_terse():
    text = """pls quote HPLC grade acetonitrile 4x2.5L - 50 nos and methanol HPLC 2.5L - 30 nos. delivery our Pashamylaram site, need by 2nd week Oct. mention make & lead time

Suresh
QC Stores, Sunvale Pharma Ltd
"""
    raw = build(frm=address("Suresh Kumar B", "suresh.kb@sunvalepharma.example"), to=address("Rahul Sharma", f"rahul.sharma@{DOM}"),
                subject="rates", date=D("2026-09-24 17:48", sec=9), text=text)
    save("quote_request", "pharma-qc-terse-solvents", raw,
         {"customer_company": "Sunvale Pharma Ltd", "contact_email": "suresh.kb@sunvalepharma.example"})


@mail
def qr_hospital_hinglish():
    text = """Namaste Rahul ji,

Humare hospital lab ke liye kuch stains aur reagents chahiye the, pichli baar aapne supply kiya tha Leishman stain, wo theek tha.
Is baar ye items ka rate bhej dijiye please:

- Leishman stain 500 ml - 20 bottle
- Giemsa stain 500 ml - 10 bottle
- Gram stain kit (4 x 125 ml) - 15 kit
- Ziehl-Neelsen stain kit - 8 kit
- Immersion oil 30 ml - 24 nos

GST alag se mention karna aur delivery kitne din mein hogi wo bhi batana. Management ko Friday tak comparison dena hai, to thoda jaldi revert kijiye.

Dhanyavaad,
Meena Kumari
Lab Incharge (Pathology)
Sri Venkateswara Multispeciality Hospital, Kukatpally
Ph: 040-2305 6677 Extn 214

Sent from my Android phone
"""
    raw = build(frm=address("Meena Kumari", "lab.svmh@svmhospital.example"), to=address("Rahul Sharma", f"rahul.sharma@{DOM}"),
                subject="Stains ka rate chahiye", date=D("2026-10-07 13:05", sec=52), text=text)
    save("quote_request", "hospital-stains-hinglish", raw,
         {"customer_company": "Sri Venkateswara Multispeciality Hospital", "contact_email": "lab.svmh@svmhospital.example"})


@mail
def qr_dubai_diagnostics():
    text = """Dear Farhan,

Greetings from Al Noor Diagnostics.

We are setting up a second branch in Sharjah and need to stock the haematology and microbiology section.
Please send your best offer in AED, CIF Jebel Ali, for the below:

1. Field stain A & B, 1 L each  - 40 sets
2. Gram stain kit               - 60 kits
3. Crystal violet 1% 500ml      - 30 btl
4. Formalin 10% buffered 5L     - 50 cans   (please confirm if you can ship this, DG?)
5. Xylene histology grade 2.5L  - 24 btl

Kindly also mention shelf life on arrival (min. 18 months required as per our policy), payment terms and
whether you can provide MSDS + COA with each batch. Certificate of Origin legalised by Indian Chamber needed.

Looking forward to your quick response.

Warm regards,
Rashid Al Mansoori
Procurement Officer
Al Noor Diagnostics LLC
Office 1204, Al Barsha Heights, Dubai, UAE
Tel: +971 4 388 2150 | Mob: +971 50 712 4483
"""
    raw = build(frm=address("Rashid Al Mansoori", "procurement@alnoordiag.example"), to=FARHAN, cc=EXPORT,
                subject="RFQ - Stains and reagents for Sharjah branch", date=D("2026-10-12 10:14", "+0400", 27), text=text)
    save("quote_request", "dubai-diagnostics-rfq-aed", raw,
         {"customer_company": "Al Noor Diagnostics LLC", "contact_email": "procurement@alnoordiag.example"})


@mail
def qr_kenya_tender():
    text = """RIFT VALLEY UNIVERSITY COLLEGE
PROCUREMENT DEPARTMENT
P.O. Box 1288-20100, Nakuru, Kenya

REQUEST FOR QUOTATION No. RVUC/RFQ/073/2026-2027

Closing date: 6th November 2026 at 10.00 a.m. (East Africa Time)

You are invited to submit your quotation for the supply and delivery of the following laboratory
reagents to the School of Pure and Applied Sciences. Prices to be quoted in USD, CIP Nairobi (JKIA),
inclusive of all charges. Quotations must include delivery period and validity (min. 60 days).

ITEM  DESCRIPTION                                   UNIT      QTY
1     Sulphuric acid 98% AR, 2.5 L                  Bottle    40
2     Nitric acid 69% AR, 2.5 L                     Bottle    30
3     Sodium chloride AR, 500 g                     Tin       50
4     Methyl orange indicator, 25 g                 Bottle    10
5     Buffer solution pH 4.00 / 7.00 / 9.20, 500 ml  Set       20
6     Copper(II) sulphate pentahydrate AR, 500 g    Tin       25

Bidders are required to attach: Certificate of Incorporation, Tax Compliance (or foreign equivalent),
product catalogue. Incomplete quotations will be disqualified.

Please acknowledge receipt of this RFQ by return e-mail.

Signed,
Grace W. Njoroge
For: Head of Procurement, Rift Valley University College
Email: procurement@rvuc.example  Tel: +254 51 221 0399
"""
    raw = build(frm=address("RVUC Procurement", "procurement@rvuc.example"), to=EXPORT,
                subject="RFQ No. RVUC/RFQ/073/2026-2027 - SUPPLY OF LABORATORY REAGENTS",
                date=D("2026-10-20 09:37", "+0300", 3), text=text)
    save("quote_request", "kenya-university-rfq-usd", raw,
         {"customer_company": "Rift Valley University College", "contact_email": "procurement@rvuc.example"})


@mail
def qr_german_importer():
    text = """Sehr geehrter Herr Qureshi,

wir sind ein Laborfachhändler im Ruhrgebiet und beliefern Schulen, Berufskollegs und Umweltlabore.
Auf der Suche nach einer zweiten Bezugsquelle für Standardchemikalien sind wir auf Ihr Unternehmen
aufmerksam geworden.

Bitte senden Sie uns ein Angebot (FCA Hyderabad und CIP Düsseldorf) für folgende Artikel:

  Pos. 1  Kaliumhydrogenphthalat p.a., 1 kg           ca. 100 Stück / Jahr
  Pos. 2  Natriumthiosulfat-Maßlösung 0,1 mol/l, 1 L  ca. 300 Stück / Jahr
  Pos. 3  Eriochromschwarz T, 25 g                    ca. 60 Stück / Jahr
  Pos. 4  EDTA-Dinatriumsalz p.a., 500 g              ca. 80 Stück / Jahr

Wichtig für uns: Etikettierung nach CLP (deutsch), Sicherheitsdatenblätter in deutscher Sprache,
Analysenzertifikat je Charge, Mindesthaltbarkeit bei Lieferung. Bitte nennen Sie auch Ihre
Mindestbestellmenge und die Lieferzeit ab Auftragseingang.

Mit freundlichen Grüßen

Dr. Katrin Bergmann
Einkauf / Produktmanagement
LabHandel Ruhr GmbH
Westfalendamm 211, 44141 Dortmund
Tel. +49 231 5580 4412
www.labhandel-ruhr.example

Geschäftsführer: Dr. Michael Sauer | Amtsgericht Dortmund HRB 28814 | USt-IdNr. DE298765432
"""
    raw = build(frm=address("Katrin Bergmann", "k.bergmann@labhandel-ruhr.example"), to=FARHAN,
                subject="Anfrage Standardchemikalien / zweite Bezugsquelle",
                date=D("2026-09-29 14:51", "+0200", 36), text=text, charset="iso-8859-1", cte="quoted-printable")
    save("quote_request", "german-importer-anfrage", raw,
         {"customer_company": "LabHandel Ruhr GmbH", "contact_email": "k.bergmann@labhandel-ruhr.example"})


@mail
def qr_dutch_importer():
    text = """Beste heer Qureshi,

Dank voor de catalogus die u ons op de beurs in Utrecht heeft gegeven.

Graag ontvangen wij een offerte voor de volgende producten, levering DAP Rotterdam:

- Bufferoplossing pH 4,01 - 500 ml - 200 flessen
- Bufferoplossing pH 7,00 - 500 ml - 300 flessen
- Bufferoplossing pH 10,01 - 500 ml - 150 flessen
- Broomthymolblauw indicator 0,04% - 100 ml - 120 flessen

Kunt u ook aangeven of de buffers traceerbaar zijn naar NIST of PTB, en wat de houdbaarheid is?
Onze klanten zijn vooral zuiveringsinstallaties en zwembadtechnici.

Met vriendelijke groet,

Joost van Dam
Inkoop
Biochemie Import Nederland B.V.
Industrieweg 14, 3044 AS Rotterdam
T +31 10 415 2290
"""
    raw = build(frm=address("Joost van Dam", "j.vandam@biochemie-import.example"), to=FARHAN,
                subject="Offerteaanvraag bufferoplossingen", date=D("2026-11-03 10:02", "+0100", 18), text=text)
    save("quote_request", "dutch-importer-offerteaanvraag", raw,
         {"customer_company": "Biochemie Import Nederland B.V.", "contact_email": "j.vandam@biochemie-import.example"})


@mail
def qr_forwarded_nigeria():
    text = """Farhan bhai, this came to the general sales id. Nigeria party, looks genuine - pls handle and cc me.

Rahul

---------- Forwarded message ---------
From: Chukwuemeka Obi <emeka.obi@lagoslabsupplies.example>
Date: Mon, 9 Nov 2026 at 15:12
Subject: Enquiry for reagents
To: <sales@deccanlabchem.example>


Good day Sir,

I am the MD of Lagos Lab Supplies Nig. Ltd, we distribute laboratory consumables to teaching hospitals
and private labs in the South West. I got your contact from a colleague at LUTH.

We want to import the following, please give me your best price CFR Apapa port in USD:

* Sodium hypochlorite 5% - 5L x 200 jerrycans
* Glacial acetic acid AR - 2.5L x 100
* Hydrogen peroxide 30% - 500ml x 300
* Ethanol 96% - 2.5L x 150

Also let me know if you can give us sole distributorship for Lagos and Ogun. We pay by LC at sight.

Thanks and God bless.

Chukwuemeka Obi
Managing Director
Lagos Lab Supplies Nig. Ltd
14 Adeola Odeku Street, Victoria Island, Lagos
+234 803 411 2087
"""
    raw = build(frm=RAHUL, to=FARHAN, subject="Fwd: Enquiry for reagents",
                date=D("2026-11-10 09:41", sec=5), text=text)
    save("quote_request", "forwarded-nigeria-distributor", raw,
         {"customer_company": "Lagos Lab Supplies Nig. Ltd", "contact_email": "emeka.obi@lagoslabsupplies.example"})


@mail
def qr_institute_proforma_html():
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font-family:Calibri,sans-serif;font-size:11pt">
<p>Dear Sir,</p>
<p>Our lab has received sanction under the DST-SERB project <b>CRG/2026/004417</b>. For the purchase committee we
require a <b>proforma invoice / quotation</b> for the following items. Kindly send the same on your letterhead
with GSTIN, HSN codes and GST rates (we are eligible for concessional GST 5% under notification 45/2017 &ndash;
please confirm).</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#d9e2f3"><th>S.No</th><th>Item</th><th>Specification</th><th>Qty</th></tr>
<tr><td>1</td><td>Dimethyl sulfoxide</td><td>HPLC, &ge;99.9%, 1 L</td><td>6</td></tr>
<tr><td>2</td><td>Deuterated chloroform (CDCl3)</td><td>99.8 atom % D, 100 g</td><td>4</td></tr>
<tr><td>3</td><td>Silica gel 60-120 mesh</td><td>for column chromatography, 500 g</td><td>20</td></tr>
<tr><td>4</td><td>TLC plates silica gel 60 F254</td><td>aluminium, 20x20 cm, pk/25</td><td>5</td></tr>
</table>
<p>Delivery to: Lab 214, Department of Medicinal Chemistry, Godavari Institute of Pharmaceutical Sciences,
Rajahmundry, Andhra Pradesh.</p>
<p>Please revert by 25 Nov 2026.</p>
<p>Regards,<br>
Dr. Swathi Pothula<br>
Assistant Professor &amp; PI<br>
Godavari Institute of Pharmaceutical Sciences<br>
Mob: 94407 22318</p>
<p style="font-size:8pt;color:#888">This e-mail and any attachments are confidential and intended only for the addressee.</p>
</body></html>"""
    raw = build(frm=address("Dr. Swathi Pothula", "swathi.p@gips.example"), to=SALES,
                subject="Proforma invoice required - DST project", date=D("2026-11-18 16:20", sec=44), html=html)
    save("quote_request", "institute-proforma-request-html", raw,
         {"customer_company": "Godavari Institute of Pharmaceutical Sciences", "contact_email": "swathi.p@gips.example"})


# ================================================================================================
# purchase_order
# ================================================================================================

@mail
def po_pharma_pdf():
    lines = [
        "SUNVALE PHARMA LTD - PURCHASE ORDER",
        "Unit-II, Sy. No. 118, IDA Pashamylaram, Sangareddy Dist., Telangana 502307   GSTIN: 36AAKCS7719R1ZQ",
        "",
        "PO No.   : SPL/QC/PO/2026-27/01874                 PO Date : 05/10/2026",
        "Vendor   : Deccan LabChem Pvt. Ltd., Cherlapally, Hyderabad   (Vendor code V-20417)",
        "Ref      : Your quotation DLC/Q/26-27/0398 dt. 28/09/2026",
        "Delivery : QC Stores, Unit-II, within 10 days     Payment: 45 days from receipt of material",
        "",
        "Sl  Material code  Description                           Qty   UOM    Rate (Rs.)      Amount (Rs.)",
        "1   QC-SOL-0012    Acetonitrile HPLC grade, 2.5 L        48    BTL    2,450.00        1,17,600.00",
        "2   QC-SOL-0014    Methanol HPLC grade, 2.5 L            24    BTL    1,180.00          28,320.00",
        "3   QC-CHE-0231    Potassium dihydrogen orthophosphate   20    PKT      640.00          12,800.00",
        "                   AR, 500 g",
        "",
        "                                                      Sub Total           1,58,720.00",
        "                                                      CGST @ 9%             14,284.80",
        "                                                      SGST @ 9%             14,284.80",
        "                                                      Grand Total (Rs.)   1,87,289.60",
        "",
        "Amount in words: Rupees One Lakh Eighty Seven Thousand Two Hundred Eighty Nine and Paise Sixty Only",
        "",
        "Terms: COA of each batch to accompany material. Shelf life min. 80% on receipt. Invoice must quote PO no.",
        "Prepared by: B. Suresh Kumar          Approved by: N. Padmaja (Head QC)",
    ]
    text = """Dear Rahul,

PFA PO no. SPL/QC/PO/2026-27/01874 against your quotation DLC/Q/26-27/0398. Kindly arrange supply at the earliest
and send the invoice with COAs. Acknowledge receipt of PO.

Regards,
B. Suresh Kumar
Stores & Purchase (QC)
Sunvale Pharma Ltd, Unit-II
"""
    raw = build(frm=address("Suresh Kumar B", "suresh.kb@sunvalepharma.example"), to=address("Rahul Sharma", f"rahul.sharma@{DOM}"),
                cc=SALES, subject="PO - SPL/QC/PO/2026-27/01874", date=D("2026-10-05 12:33", sec=14), text=text,
                attachments=[("PO_01874.pdf", "application/pdf", pdf(lines, "Purchase Order SPL/QC/PO/2026-27/01874"))])
    save("purchase_order", "pharma-po-pdf-cgst-sgst", raw,
         {"order_number": "SPL/QC/PO/2026-27/01874", "total": "187289.60", "currency": "INR", "buyer": "Sunvale Pharma Ltd"})


@mail
def po_university_body():
    text = """KAVERI UNIVERSITY
Department of Biochemistry, Manasagangotri Campus, Mysuru - 570006, Karnataka
GSTIN: 29AAAJK0441L1ZS

PURCHASE ORDER

No. KU/BIOCHEM/PUR/112/2026-27                                  Date: 21-10-2026

To
M/s Deccan LabChem Pvt. Ltd.
Hyderabad

Sir,
With reference to your quotation No. DLC/Q/26-27/0421 dated 12-10-2026 and the approval of the
Purchase Committee, you are requested to supply the following items:

Sl. Item                                       Qty    Rate (Rs.)   Amount (Rs.)
1   Tris base, molecular biology grade, 500 g   10    2,850.00     28,500.00
2   SDS (sodium dodecyl sulphate), 100 g          6    1,420.00      8,520.00
3   Coomassie Brilliant Blue R-250, 25 g          4    3,960.00     15,840.00
                                                          -------------
                                      Total                          52,860.00
                                      IGST 18%                        9,514.80
                                      Grand Total                    62,374.80

(Rupees Sixty Two Thousand Three Hundred Seventy Four and Paise Eighty only)

Conditions:
1. Delivery within 3 weeks, F.O.R. Department.
2. Payment will be made after receipt and satisfactory inspection of goods, against bill in triplicate.
3. Please quote the PO number in all correspondence and on the invoice.

Yours faithfully,

Prof. H. S. Manjunath
Chairman, DOS in Biochemistry
Kaveri University, Mysuru
"""
    raw = build(frm=address("Chairman Biochemistry", "chairman.biochem@kaveriuniv.example"), to=SALES,
                subject="Purchase order", date=D("2026-10-21 15:07", sec=30), text=text)
    save("purchase_order", "university-po-igst-body", raw,
         {"order_number": "KU/BIOCHEM/PUR/112/2026-27", "total": "62374.80", "currency": "INR", "buyer": "Kaveri University"})


@mail
def po_dubai_thread():
    text = """Hi Farhan,

Approved by management. Please proceed with below as per your offer, our PO No. EBS-PO-26-0917.

Item                              Qty     Unit price (AED)   Total (AED)
Giemsa stain 500 ml               60      38.50              2,310.00
Leishman stain 500 ml             40      34.00              1,360.00
Field stain A+B kit               30      52.00              1,560.00
                                                   TOTAL AED 5,230.00  CIF Jebel Ali

Payment 30 days from B/L as agreed. Pls share shipping schedule & draft docs before loading.
Consignee: Emirates BioLab Supplies FZE, Warehouse B-14, Jebel Ali Free Zone (South), Dubai.

Thanks
Imran Sheikh
Purchase Manager | Emirates BioLab Supplies FZE
+971 4 881 9034

-----Original Message-----
From: Farhan Qureshi <farhan.qureshi@deccanlabchem.example>
Sent: Tuesday, October 27, 2026 11:40 AM
To: Imran Sheikh <imran@emiratesbiolab.example>
Subject: RE: Stains offer - DLC/Q/26-27/0440

Dear Imran,

As discussed over phone, please find our revised offer (CIF Jebel Ali):

Giemsa stain 500 ml ........ AED 38.50
Leishman stain 500 ml ...... AED 34.00
Field stain A+B kit ........ AED 52.00

Validity 30 days, shipment 2-3 weeks from PO.

Best regards,
Farhan
"""
    raw = build(frm=address("Imran Sheikh", "imran@emiratesbiolab.example"), to=FARHAN,
                subject="RE: Stains offer - DLC/Q/26-27/0440", date=D("2026-10-29 09:18", "+0400", 51), text=text,
                in_reply_to="<dlcq0440.rev1@deccanlabchem.example>")
    save("purchase_order", "dubai-po-reply-thread-aed", raw,
         {"order_number": "EBS-PO-26-0917", "total": "5230.00", "currency": "AED", "buyer": "Emirates BioLab Supplies FZE"})


@mail
def po_german_csv():
    csv = """Bestellnummer;Pos;Artikelnr. Lieferant;Bezeichnung;Menge;Einheit;Einzelpreis EUR;Gesamt EUR
B-2026-3318;1;DLC-KHP-1K;Kaliumhydrogenphthalat p.a. 1 kg;20;Stk;34,80;696,00
B-2026-3318;2;DLC-THIO-01;Natriumthiosulfat-Lösung 0,1 mol/l 1 L;50;Stk;12,40;620,00
B-2026-3318;3;DLC-EBT-25;Eriochromschwarz T 25 g;10;Stk;18,90;189,00
;;;;;;Summe;1.505,00
"""
    text = """Sehr geehrter Herr Qureshi,

anbei unsere Bestellung B-2026-3318 als CSV (für Ihr System) gemäß Ihrem Angebot DLC/Q/26-27/0433.
Lieferbedingung FCA Hyderabad, unser Spediteur ist Rhenus (Kontakt folgt). Bestellwert 1.505,00 EUR netto.

Bitte bestätigen Sie den Liefertermin. Etiketten bitte wie besprochen zweisprachig DE/EN.

Mit freundlichen Grüßen
Katrin Bergmann
LabHandel Ruhr GmbH
"""
    raw = build(frm=address("Katrin Bergmann", "k.bergmann@labhandel-ruhr.example"), to=FARHAN,
                subject="Bestellung B-2026-3318", date=D("2026-10-26 08:44", "+0100", 2), text=text,
                charset="iso-8859-1", cte="quoted-printable",
                attachments=[("Bestellung_B-2026-3318.csv", "text/csv", csv.encode("utf-8"))])
    save("purchase_order", "german-bestellung-csv", raw,
         {"order_number": "B-2026-3318", "total": "1505.00", "currency": "EUR", "buyer": "LabHandel Ruhr GmbH"})


@mail
def po_dutch_pdf():
    lines = [
        "Biochemie Import Nederland B.V.",
        "Industrieweg 14, 3044 AS Rotterdam, NL  -  BTW NL859321744B01  -  KvK 24451188",
        "",
        "PURCHASE ORDER  BIN-PO-26114",
        "Date: 24-11-2026        Supplier: Deccan LabChem Pvt. Ltd., Hyderabad, India",
        "Incoterm: DAP Rotterdam        Payment: 60 days net",
        "",
        "Art.     Description                              Qty    Price EUR    Amount EUR",
        "BPB25    Bromophenol blue, 25 g                    12      21.50        258.00",
        "PHP500   Phenolphthalein indicator 1%, 500 ml      40       6.75        270.00",
        "BUF7     Buffer solution pH 7.00, 500 ml           60       4.90        294.00",
        "",
        "                                                   Total EUR           822.00",
        "",
        "VAT: intra-community / import - reverse charge",
        "Please confirm delivery date. Labels in English, batch and expiry on every bottle.",
        "Ordered by: J. van Dam",
    ]
    text = """Hello Farhan,

Please find attached our order BIN-PO-26114. Prices as per your offer of 10 November.
Kindly send order confirmation.

Met vriendelijke groet / kind regards,
Joost van Dam
Biochemie Import Nederland B.V.
"""
    raw = build(frm=address("Joost van Dam", "j.vandam@biochemie-import.example"), to=FARHAN,
                subject="Order BIN-PO-26114", date=D("2026-11-24 14:26", "+0100", 39), text=text,
                attachments=[("BIN-PO-26114.pdf", "application/pdf", pdf(lines, "Purchase Order BIN-PO-26114"))])
    save("purchase_order", "dutch-importer-po-pdf", raw,
         {"order_number": "BIN-PO-26114", "total": "822.00", "currency": "EUR", "buyer": "Biochemie Import Nederland B.V."})


@mail
def po_hospital_hinglish():
    text = """Rahul ji,

Management ne approve kar diya hai. Please is mail ko hi PO samjhiye, hard copy courier se aa jayegi.

PO No: CMH/LAB/2026/0456   Date: 11/11/2026

1) Leishman stain 500 ml     - 20 btl x Rs. 310.00 = Rs. 6,200.00
2) Sodium citrate 3.8% 500ml - 10 btl x Rs. 145.00 = Rs. 1,450.00
                               Sub total            Rs. 7,650.00
                               CGST 9%              Rs.   688.50
                               SGST 9%              Rs.   688.50
                               Total                Rs. 9,027.00

Delivery Monday tak ho jaye to accha hai, stock khatam ho raha hai. Bill mein PO number zaroor likhna warna accounts wale payment rok dete hain.

Thanks,
Syed Abdul Rahman
Purchase Officer
Charminar Medicare Hospital, Hyderabad
"""
    raw = build(frm=address("Syed Abdul Rahman", "purchase@charminarmedicare.example"), to=address("Rahul Sharma", f"rahul.sharma@{DOM}"),
                subject="PO for Leishman stain", date=D("2026-11-11 18:02", sec=25), text=text)
    save("purchase_order", "hospital-po-hinglish", raw,
         {"order_number": "CMH/LAB/2026/0456", "total": "9027.00", "currency": "INR", "buyer": "Charminar Medicare Hospital"})


@mail
def po_ghana_mobile():
    text = """Farhan,

Kindly supply the following under our PO AAS/PO/0342:

Silver nitrate AR 100g  x10 @ $64.00 = $640.00
Sulphuric acid AR 2.5L  x24 @ $11.50 = $276.00
Freight to Accra (air, DG)         = $184.00
TOTAL                                $1,100.00

Payment: TT 100% before dispatch, send PI for the bank. Our clearing agent is Kotoka Freight.

Regards
Kwame Asante
Accra Analytical Services Ltd

Sent from my Samsung Galaxy smartphone.
"""
    raw = build(frm=address("Kwame Asante", "kwame.asante@accraanalytical.example"), to=FARHAN,
                subject="PO", date=D("2026-11-16 07:55", "+0000", 12), text=text)
    save("purchase_order", "ghana-po-mobile-usd", raw,
         {"order_number": "AAS/PO/0342", "total": "1100.00", "currency": "USD", "buyer": "Accra Analytical Services Ltd"})


@mail
def po_sap_html():
    html = """<html><body style="font-family:Arial;font-size:10pt">
<table width="100%" style="background:#0a3d62;color:#fff"><tr><td style="padding:8px"><b>ARAVALLI LIFE SCIENCES LTD</b> &mdash; Purchase Order</td></tr></table>
<p>This Purchase Order has been released from our SAP system. Please do not reply to this mailbox; contact the buyer named below.</p>
<table cellpadding="3" style="font-size:10pt">
<tr><td>PO Number</td><td><b>4500078213</b></td><td>PO Date</td><td>2026.12.02</td></tr>
<tr><td>Vendor</td><td>0000310457 DECCAN LABCHEM PVT LTD</td><td>Plant</td><td>1210 Tarapur QC</td></tr>
<tr><td>Buyer</td><td>Nilesh Patil (nilesh.patil@aravallils.example)</td><td>Payment terms</td><td>Z060 - 60 days</td></tr>
</table>
<br>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:10pt">
<tr style="background:#dfe6ee"><th>Item</th><th>Material</th><th>Short text</th><th>Qty</th><th>UoM</th><th>Net price INR</th><th>Net value INR</th><th>Deliv. date</th></tr>
<tr><td>00010</td><td>RM-LAB-1180</td><td>WATER HPLC GRADE 4L</td><td align="right">30</td><td>EA</td><td align="right">980.00</td><td align="right">29,400.00</td><td>2026.12.14</td></tr>
<tr><td>00020</td><td>RM-LAB-1194</td><td>TRIFLUOROACETIC ACID HPLC 100ML</td><td align="right">12</td><td>EA</td><td align="right">2,240.00</td><td align="right">26,880.00</td><td>2026.12.14</td></tr>
<tr><td>00030</td><td>RM-LAB-1207</td><td>AMMONIUM ACETATE LC-MS 250G</td><td align="right">8</td><td>EA</td><td align="right">4,150.00</td><td align="right">33,200.00</td><td>2026.12.14</td></tr>
<tr><td colspan="6" align="right">Total net value</td><td align="right">89,480.00</td><td></td></tr>
<tr><td colspan="6" align="right">IGST 18%</td><td align="right">16,106.40</td><td></td></tr>
<tr><td colspan="6" align="right"><b>Total PO value INR</b></td><td align="right"><b>105,586.40</b></td><td></td></tr>
</table>
<p>Ship-to: Aravalli Life Sciences Ltd, Plot E-22, MIDC Tarapur, Boisar 401506, Maharashtra. GSTIN 27AABCA5528M1Z3.</p>
<p style="font-size:8pt;color:#666">Terms and conditions of purchase available at the supplier portal. Supplier must mention PO number and item number on invoice and delivery challan. E-way bill mandatory.</p>
</body></html>"""
    raw = build(frm=address("ALS SAP Procurement", "sap-noreply@aravallils.example"), to=SALES,
                subject="Purchase Order 4500078213 from Aravalli Life Sciences Ltd", date=D("2026-12-02 10:03", sec=0), html=html)
    save("purchase_order", "pharma-sap-po-html", raw,
         {"order_number": "4500078213", "total": "105586.40", "currency": "INR", "buyer": "Aravalli Life Sciences Ltd"})


@mail
def po_oman_against_pi():
    text = """Dear Mr. Farhan,

We confirm our order against your Proforma Invoice No. DLC/PI/26-27/0088 dated 30 Nov 2026 for
USD 3,640.00 (CFR Muscat). Our purchase order reference is MCL/PROC/2026/221 - please mention it on
the commercial invoice, packing list and certificate of origin.

Payment will be released by TT within 30 days of receipt of the original documents.

Kindly arrange the earliest available sailing. Expected delivery in Muscat before 10 January 2027 would be
much appreciated as our stock is running low.

Regards,
Fatma Al Balushi
Procurement Section
Muscat Clinical Laboratories LLC
P.O. Box 412, PC 112, Ruwi, Sultanate of Oman

> From: Farhan Qureshi
> Sent: 30 November 2026 16:02
> Subject: Proforma Invoice DLC/PI/26-27/0088
>
> Dear Ms. Fatma, please find attached our PI for the reagents discussed, total USD 3,640.00 CFR Muscat.
> Kindly confirm the order with your PO.
"""
    raw = build(frm=address("Fatma Al Balushi", "procurement@muscatclinlab.example"), to=FARHAN,
                subject="RE: Proforma Invoice DLC/PI/26-27/0088", date=D("2026-12-03 11:47", "+0400", 20), text=text)
    save("purchase_order", "oman-po-against-proforma", raw,
         {"order_number": "MCL/PROC/2026/221", "total": "3640.00", "currency": "USD", "buyer": "Muscat Clinical Laboratories LLC"})


# ================================================================================================
# invoice
# ================================================================================================

@mail
def inv_glass_bottles_pdf():
    lines = [
        "GODAVARI GLASS PRODUCTS - TAX INVOICE",
        "Plot 7, Phase II, IDA Mallapur, Hyderabad 500076, Telangana   GSTIN: 36AAGFG2210D1Z9",
        "",
        "Invoice No : GGP/2026-27/0412                 Invoice Date : 18-09-2026",
        "Buyer      : Deccan LabChem Pvt. Ltd., Plot 42, IDA Cherlapally, Hyderabad 500051",
        "Buyer GSTIN: 36AADCD4821K1Z7        Place of supply: Telangana (36)       Your PO: DLC/PUR/26-27/0287",
        "",
        "Sl  Description                       HSN       Qty     Rate      Taxable value",
        "1   Amber glass bottle 500 ml, 28mm   70109000  2,000   18.50        37,000.00",
        "2   HDPE screw cap 28mm with liner    39235010  2,000    2.75         5,500.00",
        "3   Corrugated carton 5-ply (12 btl)  48191010    100   42.00         4,200.00",
        "",
        "                                     Total taxable value            46,700.00",
        "                                     CGST 9%                         4,203.00",
        "                                     SGST 9%                         4,203.00",
        "                                     Total tax                       8,406.00",
        "                                     Invoice total (Rs.)            55,106.00",
        "",
        "Rupees Fifty Five Thousand One Hundred Six Only",
        "Bank: State Bank of India, Mallapur Branch   A/c No. 38291047756   IFSC: SBIN0011873",
        "Payment: 30 days. Interest @18% p.a. on delayed payment. Subject to Hyderabad jurisdiction.",
        "For GODAVARI GLASS PRODUCTS - Authorised Signatory",
    ]
    text = """Dear Sir,

PFA tax invoice no. GGP/2026-27/0412 dt. 18-09-2026 for the amber bottles delivered today vide DC 1187.
Kindly acknowledge and process payment as per terms.

Regards,
Accounts Dept.
Godavari Glass Products
Ph: 040-2712 5530
"""
    raw = build(frm=address("Godavari Glass Accounts", "accounts@godavariglass.example"), to=PURCHASE, cc=ACCOUNTS,
                subject="Invoice GGP/2026-27/0412", date=D("2026-09-18 17:15", sec=8), text=text,
                attachments=[("GGP_2026-27_0412.pdf", "application/pdf", pdf(lines, "Tax Invoice GGP/2026-27/0412"))])
    save("invoice", "glass-bottles-tax-invoice-pdf", raw,
         {"invoice_number": "GGP/2026-27/0412", "issue_date": "2026-09-18", "seller": "Godavari Glass Products",
          "currency": "INR", "net_total": "46700.00", "tax_total": "8406.00", "gross_total": "55106.00"})


@mail
def inv_courier_body():
    text = """Dear Customer,

Your invoice for courier services for the month of September 2026 is given below. The digitally signed
copy can be downloaded from the customer portal.

TAX INVOICE
Invoice No.      : SKL/TS/2610/004871
Invoice Date     : 01 Oct 2026
Customer         : Deccan LabChem Pvt. Ltd. (A/c code HYD-C-88214)
Supplier         : SwiftKart Logistics Pvt. Ltd., Gurugram, Haryana - GSTIN 06AAJCS3391P1ZB
Place of supply  : Telangana (36)

Description                                   Amount (Rs.)
Air express shipments (38 consignments)          24,860.00
Fuel surcharge                                    3,729.00
DG handling charges (12 x 450.00)                 5,400.00
                                              ------------
Taxable value                                    33,989.00
IGST @ 18%                                        6,118.02
Total invoice value                              40,107.02

Due date: 16 Oct 2026. Pay by NEFT/RTGS to SwiftKart Logistics Pvt. Ltd., HDFC Bank, A/c 50200038817264,
IFSC HDFC0000431, or via the portal.

This is a system generated mail, please do not reply. For queries write to billing.south@swiftkart.example.
"""
    raw = build(frm=address("SwiftKart Billing", "no-reply-billing@swiftkart.example"), to=ACCOUNTS,
                subject="Your SwiftKart invoice SKL/TS/2610/004871 - Sep 2026", date=D("2026-10-01 06:12", sec=33), text=text)
    save("invoice", "courier-monthly-invoice-body", raw,
         {"invoice_number": "SKL/TS/2610/004871", "issue_date": "2026-10-01", "seller": "SwiftKart Logistics Pvt. Ltd.",
          "currency": "INR", "net_total": "33989.00", "tax_total": "6118.02", "gross_total": "40107.02"})


@mail
def inv_german_reference_pdf():
    lines = [
        "Rheinland Referenzmaterialien GmbH",
        "Alfred-Nobel-Str. 18, 50769 Koeln, Germany   VAT ID DE314428771",
        "",
        "RECHNUNG / INVOICE   Nr. RM-26-10873",
        "Datum / Date: 14.10.2026         Kunden-Nr. / Customer no.: 40912",
        "Kunde / Customer: Deccan LabChem Pvt. Ltd., Plot 42, IDA Cherlapally, Hyderabad 500051, India",
        "Ihre Bestellung / Your order: DLC/IMP/26-27/019",
        "",
        "Pos  Artikel / Item                                   Menge   Preis EUR   Betrag EUR",
        "1    CRM Caffeine, 1 g, ISO 17034                         4     186.00       744.00",
        "2    CRM Paracetamol, 500 mg, ISO 17034                   2     142.50       285.00",
        "3    Verpackung + Versand / Packing + freight (courier)   1      95.00        95.00",
        "",
        "     Nettobetrag / Net amount                                          1,124.00",
        "     USt. 0% - steuerfreie Ausfuhrlieferung / VAT exempt export          0.00",
        "     Gesamtbetrag / Total EUR                                          1,124.00",
        "",
        "Zahlbar innerhalb 30 Tagen netto / Payment within 30 days net",
        "Bank: Sparkasse KoelnBonn   IBAN DE72 6005 0101 0002 8745 19   BIC COKSDE33XXX",
        "Geschaeftsfuehrer: Dr. Anna Lindner  |  HRB 71102 Amtsgericht Koeln",
    ]
    text = """Dear Mrs. Narayanan,

please find attached invoice RM-26-10873 for the reference materials shipped today (DHL Express AWB 4417 2290 83).
The certificates of analysis are included in the parcel.

Kind regards
Julia Hoffmann
Order Management | Rheinland Referenzmaterialien GmbH
"""
    raw = build(frm=address("Julia Hoffmann", "orders@rheinland-rm.example"), to=LAKSHMI, cc=ACCOUNTS,
                subject="Rechnung / Invoice RM-26-10873", date=D("2026-10-14 15:40", "+0200", 1), text=text,
                attachments=[("RM-26-10873.pdf", "application/pdf", pdf(lines, "Rechnung RM-26-10873"))])
    save("invoice", "german-crm-invoice-eur-pdf", raw,
         {"invoice_number": "RM-26-10873", "issue_date": "2026-10-14", "seller": "Rheinland Referenzmaterialien GmbH",
          "currency": "EUR", "net_total": "1124.00", "tax_total": "0.00", "gross_total": "1124.00",
          "iban": "DE72600501010002874519"})


@mail
def inv_chinese_proforma_advance():
    lines = [
        "JIANGSU HENGRUN FINE CHEMICAL CO., LTD.",
        "No. 88 Binjiang Road, Taixing Economic Development Zone, Jiangsu, China",
        "",
        "PROFORMA INVOICE",
        "PI No.: HR-PI-20261023          Date: Oct. 23, 2026",
        "Buyer: DECCAN LABCHEM PVT. LTD., HYDERABAD, INDIA",
        "Terms: CFR Nhava Sheva, India. Payment: 30% T/T advance, 70% against B/L copy",
        "",
        "No.  Description                                      Qty        Unit price USD   Amount USD",
        "1    Sodium sulfate anhydrous AR, 25 kg bag           80 bags        28.50         2,280.00",
        "2    Potassium dihydrogen phosphate AR, 25 kg bag     40 bags        46.00         1,840.00",
        "3    Ocean freight to Nhava Sheva (1 x 20GP LCL)      1               380.00         380.00",
        "",
        "                                                        TOTAL USD                 4,500.00",
        "SAY US DOLLARS FOUR THOUSAND FIVE HUNDRED ONLY",
        "",
        "Advance 30% due now: USD 1,350.00",
        "Beneficiary bank: Bank of China, Taixing Sub-branch   SWIFT: BKCHCNBJ95H",
        "Account No.: 4872 5631 0092   Beneficiary: Jiangsu Hengrun Fine Chemical Co., Ltd.",
    ]
    text = """Dear Lakshmi,

Good day! Attached is the PI for your order of sodium sulfate and KH2PO4. Please arrange the 30% advance
payment (USD 1,350.00) so we can start production, shipment can be in 15 days after receiving the money.
Please send us the bank slip after remittance.

Best regards
Cindy Zhou 周欣
Sales Dept. | Jiangsu Hengrun Fine Chemical Co., Ltd.
Tel/WhatsApp: +86 139 5268 4417
"""
    raw = build(frm=address("Cindy Zhou", "cindy@hengrunchem.example"), to=LAKSHMI,
                subject="PI HR-PI-20261023 for your order - pls arrange advance", date=D("2026-10-23 16:28", "+0800", 45),
                text=text, attachments=[("PI HR-PI-20261023.pdf", "application/pdf", pdf(lines, "Proforma Invoice HR-PI-20261023"))])
    save("invoice", "chinese-supplier-proforma-usd", raw,
         {"invoice_number": "HR-PI-20261023", "issue_date": "2026-10-23", "seller": "Jiangsu Hengrun Fine Chemical Co., Ltd.",
          "currency": "USD", "gross_total": "4500.00"})


@mail
def inv_packaging_reminder():
    text = """Dear Sir/Madam,

This is a gentle reminder that the following invoice is overdue for payment. We request you to kindly
do the needful and release the payment at the earliest.

  Invoice No.     : SBP/1187/26-27
  Invoice Date    : 14.08.2026
  Taxable value   : Rs. 1,21,000.00
  CGST 9%         : Rs.    10,890.00
  SGST 9%         : Rs.    10,890.00
  Total GST       : Rs.    21,780.00
  Invoice amount  : Rs. 1,42,780.00
  Due date        : 13.09.2026  (overdue by 42 days)

Bank details for your reference:
  Sai Balaji Packaging Industries, Canara Bank, Balanagar Branch
  A/c No. 0619201004387, IFSC CNRB0000619

If the payment has already been made, please share the UTR number so that we can reconcile. Ignore this
mail in that case.

Thanking you,
K. Venugopal
Accounts, Sai Balaji Packaging Industries
Balanagar, Hyderabad | 98481 22093
"""
    raw = build(frm=address("Sai Balaji Packaging", "saibalajipack@mailbox.example"), to=ACCOUNTS,
                subject="Payment reminder - Inv SBP/1187/26-27 - overdue", date=D("2026-10-25 11:09", sec=58), text=text)
    save("invoice", "packaging-overdue-reminder-lakh", raw,
         {"invoice_number": "SBP/1187/26-27", "issue_date": "2026-08-14", "seller": "Sai Balaji Packaging Industries",
          "currency": "INR", "net_total": "121000.00", "tax_total": "21780.00", "gross_total": "142780.00"})


@mail
def inv_solvent_credit_note():
    text = """Dear Lakshmi madam,

As discussed, we have issued a credit note against the 4 leaking acetone carboys returned by you.
Details below, signed copy will follow by courier. Kindly adjust against our outstanding.

CREDIT NOTE
Credit Note No.   : CN/KSC/26-27/044
Date              : 09/11/2026
Against Invoice   : KSC/INV/26-27/1318 dt. 22/10/2026
Issued by         : Kutch Solvents & Chemicals Pvt. Ltd., GIDC Ankleshwar, Gujarat (GSTIN 24AAECK6120H1Z4)
Issued to         : Deccan LabChem Pvt. Ltd., Hyderabad (GSTIN 36AADCD4821K1Z7)

Returned: Acetone AR, 30 L carboy - 4 nos x Rs. 3,150.00     Rs. 12,600.00
IGST @ 18%                                                  Rs.  2,268.00
Total credit                                                Rs. 14,868.00

Regards,
Hitesh Patel
Commercial Dept., Kutch Solvents & Chemicals Pvt. Ltd.
+91 98250 66710
"""
    raw = build(frm=address("Hitesh Patel", "hitesh@kutchsolvents.example"), to=LAKSHMI, cc=ACCOUNTS,
                subject="Credit note for returned carboys", date=D("2026-11-09 12:52", sec=17), text=text)
    save("invoice", "solvent-credit-note-igst", raw,
         {"invoice_number": "CN/KSC/26-27/044", "issue_date": "2026-11-09", "seller": "Kutch Solvents & Chemicals Pvt. Ltd.",
          "currency": "INR", "net_total": "-12600.00", "tax_total": "-2268.00", "gross_total": "-14868.00"})


@mail
def inv_dubai_clearing_html():
    html = """<html><body style="font-family:Segoe UI,Arial;font-size:10pt">
<p>Dear Farhan,</p>
<p>Please find below our tax invoice for clearing and delivery of your DDP shipment to Al Noor Diagnostics (BL MSKU7712048).</p>
<table border="0" cellpadding="3">
<tr><td><b>TAX INVOICE</b></td><td></td></tr>
<tr><td>Invoice No.</td><td>GCF/INV/26/3381</td></tr>
<tr><td>Date</td><td>19/11/2026</td></tr>
<tr><td>Supplier</td><td>Gulf Crescent Freight Services LLC, Deira, Dubai &ndash; TRN 100384726500003</td></tr>
<tr><td>Customer</td><td>Deccan LabChem Pvt. Ltd., Hyderabad, India</td></tr>
</table>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#eee"><th>Description</th><th>Amount AED</th></tr>
<tr><td>Customs clearance &amp; documentation</td><td align="right">650.00</td></tr>
<tr><td>Delivery order charges</td><td align="right">850.00</td></tr>
<tr><td>Terminal handling (THC)</td><td align="right">480.00</td></tr>
<tr><td>Transport Jebel Ali &ndash; Al Barsha</td><td align="right">720.00</td></tr>
<tr><td align="right">Taxable amount</td><td align="right">2,700.00</td></tr>
<tr><td align="right">VAT 5%</td><td align="right">135.00</td></tr>
<tr><td align="right"><b>Total AED</b></td><td align="right"><b>2,835.00</b></td></tr>
</table>
<p>Bank: Emirates Islamic Bank, Deira &ndash; IBAN AE31 0260 0010 1573 8294 601 &ndash; SWIFT MEBLAEAD<br>
Payment within 15 days please.</p>
<p>Regards,<br>Sanjay Menon<br>Accounts | Gulf Crescent Freight Services LLC<br>+971 4 295 6610</p>
</body></html>"""
    raw = build(frm=address("Sanjay Menon", "accounts@gulfcrescent.example"), to=FARHAN, cc=ACCOUNTS,
                subject="Invoice GCF/INV/26/3381 - clearing charges", date=D("2026-11-19 13:30", "+0400", 6), html=html)
    save("invoice", "dubai-clearing-agent-aed-html", raw,
         {"invoice_number": "GCF/INV/26/3381", "issue_date": "2026-11-19", "seller": "Gulf Crescent Freight Services LLC",
          "currency": "AED", "net_total": "2700.00", "tax_total": "135.00", "gross_total": "2835.00",
          "iban": "AE310260001015738294601"})


@mail
def inv_dutch_csv():
    csv = """Factuurnummer,Factuurdatum,Artikel,Omschrijving,Aantal,Prijs,Bedrag
2026-40217,2026-11-27,VH-PT200,Pipetpunten 200 ul ongesteriliseerd (doos 1000),20,38.40,768.00
2026-40217,2026-11-27,VH-CT15,Centrifugebuizen 15 ml PP (doos 500),15,24.60,369.00
2026-40217,2026-11-27,VERZ,Verzendkosten luchtvracht,1,85.00,85.00
2026-40217,2026-11-27,,Totaal excl. BTW,,,1222.00
2026-40217,2026-11-27,,BTW 0% (export buiten EU),,,0.00
2026-40217,2026-11-27,,Totaal EUR,,,1222.00
"""
    text = """Geachte heer/mevrouw,

In de bijlage vindt u factuur 2026-40217 (CSV, PDF volgt via ons portaal) voor de levering van laboratoriumplastics.
Totaal te betalen: EUR 1.222,00, binnen 30 dagen op IBAN NL24 RABO 0317 4892 56 t.n.v. Van der Heijden Labplastics B.V.
o.v.v. het factuurnummer.

Met vriendelijke groet,
Debiteurenadministratie
Van der Heijden Labplastics B.V. - Zoetermeer
"""
    raw = build(frm=address("Van der Heijden Labplastics", "facturen@vdh-labplastics.example"), to=ACCOUNTS,
                subject="Factuur 2026-40217", date=D("2026-11-27 09:05", "+0100", 30), text=text,
                attachments=[("factuur_2026-40217.csv", "text/csv", csv.encode("utf-8"))])
    save("invoice", "dutch-labplastics-factuur-csv", raw,
         {"invoice_number": "2026-40217", "issue_date": "2026-11-27", "seller": "Van der Heijden Labplastics B.V.",
          "currency": "EUR", "net_total": "1222.00", "tax_total": "0.00", "gross_total": "1222.00",
          "iban": "NL24RABO0317489256"})


@mail
def inv_amc_hinglish_pdf():
    lines = [
        "HI-TECH LAB SERVICES",
        "3-4-512, Narayanguda, Hyderabad 500029   GSTIN 36ABKPH3318E1Z2   Ph 040-2475 1182",
        "",
        "TAX INVOICE                                  Inv. No. HTLS/AMC/2026/219",
        "Date: 02/12/2026",
        "Bill to: Deccan LabChem Pvt. Ltd., Plot 42, IDA Cherlapally, Hyderabad 500051 (GSTIN 36AADCD4821K1Z7)",
        "",
        "S.No  Description                                        SAC      Qty   Rate       Amount",
        "1     AMC fume hood (Dec 2026 - Nov 2027)                998729   6     7,500.00   45,000.00",
        "2     AMC laminar air flow unit incl. HEPA test          998729   2     9,000.00   18,000.00",
        "",
        "                                                 Taxable value           63,000.00",
        "                                                 CGST 9%                  5,670.00",
        "                                                 SGST 9%                  5,670.00",
        "                                                 Total GST               11,340.00",
        "                                                 Total                   74,340.00",
        "Rupees Seventy Four Thousand Three Hundred Forty Only",
        "Bank: ICICI Bank, Himayatnagar  A/c 018405006612  IFSC ICIC0000184",
    ]
    text = """Sir,

AMC renewal ka bill attach kar raha hoon, PFA. Quarterly visit schedule bhi next week bhej denge.
Payment 15 days mein kar dijiye please.

Regards,
Mohd. Irfan
Hi-Tech Lab Services
9391 044 872
"""
    raw = build(frm=address("Hi-Tech Lab Services", "hitechlabservices@mailbox.example"), to=PURCHASE,
                subject="AMC bill", date=D("2026-12-02 19:22", sec=49), text=text,
                attachments=[("HTLS-AMC-2026-219.pdf", "application/pdf", pdf(lines, "Tax Invoice HTLS/AMC/2026/219"))])
    save("invoice", "amc-service-invoice-hinglish-pdf", raw,
         {"invoice_number": "HTLS/AMC/2026/219", "issue_date": "2026-12-02", "seller": "Hi-Tech Lab Services",
          "currency": "INR", "net_total": "63000.00", "tax_total": "11340.00", "gross_total": "74340.00"})


# ================================================================================================
# support_ticket
# ================================================================================================

@mail
def st_pharma_coa_mismatch():
    text = """Dear Dr. Anjali,

URGENT - USFDA audit from Monday.

We received Potassium dihydrogen orthophosphate AR (your batch DLC/KDP/2609/14) against our PO SPL/QC/PO/2026-27/01874.
The COA says assay 99.6% but our in-house testing gives 98.1% (spec NLT 99.0%). Also the COA is not signed
and the mfg. date on the label (08/2026) does not match the COA (07/2026).

We have put the material on HOLD. Kindly send a corrected/signed COA and your investigation report by
tomorrow EOD, otherwise we will have to reject the lot and raise a deviation against the vendor.

Regards,
N. Padmaja
Head - Quality Control
Sunvale Pharma Ltd, Unit-II, Pashamylaram
Ph: 08455-224 410 | padmaja.n@sunvalepharma.example
"""
    raw = build(frm=address("Padmaja N", "padmaja.n@sunvalepharma.example"), to=ANJALI, cc=RAHUL,
                subject="URGENT: COA mismatch - KH2PO4 batch DLC/KDP/2609/14", date=D("2026-10-15 18:41", sec=22), text=text,
                headers=[("Importance", "High"), ("X-Priority", "1")])
    save("support_ticket", "pharma-coa-mismatch-urgent", raw, {"customer_email": "padmaja.n@sunvalepharma.example"})


@mail
def st_university_broken_bottles():
    text = """Dear Sir,

We received the consignment against our PO No. KU/BIOCHEM/PUR/112/2026-27 today through VRL Logistics.
On opening the cartons we found that two bottles of SDS (100 g) were broken - the plastic jars cracked and
the powder has spilled inside the carton. The outer carton was also found damaged and wet.

Photos of the damaged items and the LR copy are attached for your reference. Kindly arrange replacement
of the 2 jars at the earliest. We have accepted the remaining items.

Regards,
Dr. Sowmya Gowda
Asst. Professor, DOS in Biochemistry
Kaveri University, Mysuru
"""
    jpg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + b"\x08" * 64 + bytes.fromhex("ffd9")
    raw = build(frm=address("Sowmya Gowda", "sowmya.g@kaveriuniv.example"), to=SALES,
                subject="Damaged items received - PO KU/BIOCHEM/PUR/112/2026-27", date=D("2026-11-06 12:14", sec=3), text=text,
                attachments=[("IMG_20261106_115322.jpg", "image/jpeg", jpg)])
    save("support_ticket", "university-broken-jars", raw, {"customer_email": "sowmya.g@kaveriuniv.example"})


@mail
def st_hospital_wrong_stain_angry():
    text = """Rahul ji,

Ye kya bheja hai aapne?? Humne Leishman stain order kiya tha (PO CMH/LAB/2026/0456) aur box mein 10 bottle GIEMSA stain aaye hain.
Morning se CBC smears pending hain, patients wait kar rahe hain. Doctors complain kar rahe hain.

Aaj shaam tak sahi material nahi aaya to hum order cancel kar denge aur local dealer se le lenge. Galat material wapas le jaiye.

This is very unprofessional. Please call me immediately.

Syed Abdul Rahman
Purchase Officer, Charminar Medicare Hospital
9849 112 604
"""
    raw = build(frm=address("Syed Abdul Rahman", "purchase@charminarmedicare.example"), to=address("Rahul Sharma", f"rahul.sharma@{DOM}"),
                cc=SALES, subject="WRONG MATERIAL DELIVERED!!!", date=D("2026-11-17 10:26", sec=40), text=text)
    save("support_ticket", "hospital-wrong-stain-angry-hinglish", raw, {"customer_email": "purchase@charminarmedicare.example"})


@mail
def st_dubai_customs_documents():
    text = """Dear Farhan,

Our shipment (your invoice DLC/EXP/26-27/0117, BL MSKU7712048) is held at Jebel Ali customs since
Sunday. The clearing agent says:

1. Certificate of Origin is not legalised by the UAE Embassy - only chamber stamp.
2. MSDS for Formalin 10% is missing, and the DG declaration mentions UN 2209 but the packing list says non-DG.

Demurrage is now running at AED 350 per day. Please send the corrected documents by courier TODAY and
confirm who will bear the demurrage - we are not accepting this cost.

Regards,
Rashid Al Mansoori
Procurement Officer, Al Noor Diagnostics LLC
"""
    raw = build(frm=address("Rashid Al Mansoori", "procurement@alnoordiag.example"), to=FARHAN, cc=EXPORT,
                subject="Shipment held at customs - documents wrong", date=D("2026-11-24 09:03", "+0400", 11), text=text)
    save("support_ticket", "dubai-shipment-held-documents", raw, {"customer_email": "procurement@alnoordiag.example"})


@mail
def st_german_reklamation_labels():
    text = """Sehr geehrter Herr Qureshi,

zur Lieferung vom 18.11.2026 (unsere Bestellung B-2026-3318, Ihre Rechnung DLC/EXP/26-27/0121) müssen wir
leider eine Reklamation anmelden (unsere Reklamationsnummer RK-26-0412):

- Auf den Flaschen Natriumthiosulfat-Lösung fehlen die deutschen Gefahrenhinweise; die Etiketten sind nur
  englisch, obwohl wir zweisprachige Etiketten vereinbart hatten.
- Bei 3 Flaschen Kaliumhydrogenphthalat fehlt die Chargennummer auf dem Etikett komplett.

In diesem Zustand dürfen wir die Ware nicht an unsere Kunden (Schulen) ausliefern. Bitte senden Sie uns
umgehend CLP-konforme Etiketten zum Überkleben (50 + 20 Stück) und eine Stellungnahme.

Die Ware ist bis zur Klärung gesperrt.

Mit freundlichen Grüßen
Dr. Katrin Bergmann
LabHandel Ruhr GmbH
"""
    raw = build(frm=address("Katrin Bergmann", "k.bergmann@labhandel-ruhr.example"), to=FARHAN, cc=QC,
                subject=encoded("Reklamation RK-26-0412 – Etiketten nicht CLP-konform", "windows-1252", "Q"),
                date=D("2026-11-23 11:15", "+0100", 7), text=text, charset="windows-1252", cte="quoted-printable")
    save("support_ticket", "german-reklamation-clp-labels", raw, {"customer_email": "k.bergmann@labhandel-ruhr.example"})


@mail
def st_nigeria_hplc_solvent_technical():
    text = """Dear Dr. Menon,

We need your technical help. One of our customers (a pharma QC lab in Ikeja) is using the HPLC grade
methanol we bought from you in October (lot DLC/MEOH-H/2610/03). They report a high and noisy baseline at
210 nm and ghost peaks in blank injections since they opened the new bottles. With their old stock the
baseline was fine.

Can you tell us the UV cutoff / absorbance spec for this lot and whether there is any known issue? Do you
recommend any filtration? They are asking whether they should stop using it.

Thank you,
Adaeze Nwosu (Mrs)
Technical Sales
Lagos Lab Supplies Nig. Ltd
adaeze@lagoslabsupplies.example
"""
    raw = build(frm=address("Adaeze Nwosu", "adaeze@lagoslabsupplies.example"), to=ANJALI,
                subject="HPLC methanol - baseline problem", date=D("2026-12-01 14:38", "+0100", 56), text=text)
    save("support_ticket", "nigeria-hplc-methanol-baseline", raw, {"customer_email": "adaeze@lagoslabsupplies.example"})


@mail
def st_polite_vague_buffer():
    text = """Respected Madam,

Good morning. The pH 7.00 buffer solution we received last week seems somewhat different from the earlier
lots - slightly yellowish in colour and our pH meter calibration is also taking more time to stabilise.
May be it is our meter problem only, but kindly advise whether anything has changed.

Thanking you,
Yours sincerely,
B. Lavanya
Lab Technician, Water Testing Laboratory
Rural Water Supply Dept., Nalgonda
"""
    raw = build(frm=address("Lavanya B", "rws.nalgonda.lab@govmail.example"), to=QC,
                subject="regarding buffer solution", date=D("2026-10-28 10:21", sec=31), text=text)
    save("support_ticket", "polite-vague-buffer-colour", raw, {"customer_email": "rws.nalgonda.lab@govmail.example"})


@mail
def st_follow_up_thread():
    text = """Dear Team,

This is the THIRD reminder. No response from your side till now on the below complaint. Our auditors have
noted it as an open vendor issue. Please have someone from QC call me today.

Regards,
Dr. P. Kavitha
Microbiology Lab, Sri Venkateswara Multispeciality Hospital
040-2305 6677 Extn 231

-----Original Message-----
From: Dr. P. Kavitha <micro.svmh@svmhospital.example>
Sent: Friday, November 20, 2026 4:12 PM
To: qc@deccanlabchem.example
Cc: sales@deccanlabchem.example
Subject: RE: Complaint - Gram stain kit, crystal violet precipitate

Dear Sir/Madam,

Gentle reminder. Kindly respond.

-----Original Message-----
From: Dr. P. Kavitha <micro.svmh@svmhospital.example>
Sent: Tuesday, November 17, 2026 11:05 AM
To: qc@deccanlabchem.example
Subject: Complaint - Gram stain kit, crystal violet precipitate

Dear Sir/Madam,

In the Gram stain kits supplied on 12.11.2026 (invoice DLC/26-27/2287, lot GSK-2610-08) the crystal violet
bottles show heavy precipitate and the smears are showing stain deposits, making reporting difficult.
We request replacement of 15 kits and your root cause analysis.

Regards,
Dr. P. Kavitha
"""
    raw = build(frm=address("Dr. P. Kavitha", "micro.svmh@svmhospital.example"), to=QC, cc=SALES,
                subject="RE: Complaint - Gram stain kit, crystal violet precipitate", date=D("2026-11-26 09:50", sec=14), text=text,
                in_reply_to="<svmh.micro.1117@svmhospital.example>")
    save("support_ticket", "hospital-third-reminder-thread", raw, {"customer_email": "micro.svmh@svmhospital.example"})


@mail
def st_ivory_coast_french_expiry():
    text = """Bonjour Monsieur Qureshi,

Nous avons bien reçu la commande (votre facture DLC/EXP/26-27/0109). Malheureusement, les solutions tampons
pH 4 et pH 10 ont une date de péremption en février 2027, soit moins de 4 mois après réception. Notre
contrat prévoit une durée de vie minimale de 12 mois à la livraison.

Pouvez-vous nous proposer un remplacement ou un avoir ? Nous ne pouvons pas revendre ces produits à nos
clients dans ces conditions.

Cordialement,

Aminata Koné
Responsable Qualité
Ivoire Labo Distribution SARL
Abidjan-Plateau, Côte d'Ivoire
Tél. +225 27 20 31 48 55
"""
    raw = build(frm=address("Aminata Koné", "a.kone@ivoirelabo.example", "iso-8859-1"), to=FARHAN,
                subject=encoded("Réclamation - date de péremption trop courte", "iso-8859-1", "Q"),
                date=D("2026-12-04 10:32", "+0000", 48), text=text, charset="iso-8859-1", cte="8bit")
    save("support_ticket", "ivory-coast-short-expiry-french", raw, {"customer_email": "a.kone@ivoirelabo.example"})


# ================================================================================================
# approval
# ================================================================================================

@mail
def ap_md_approves():
    text = """Approved.

Srinivas

Sent from my iPhone

> On 08-Oct-2026, at 3:14 PM, Mailroom <mailroom@deccanlabchem.example> wrote:
>
> Approval needed: Quote DLC/Q/26-27/0412 for Sunvale Pharma Ltd - 4,86,250.00 INR
>
> Reference: APR-2026-0311
> Customer: Sunvale Pharma Ltd (QC, Pashamylaram)
> Quote: DLC/Q/26-27/0412, HPLC solvents annual rate contract
> Amount: Rs. 4,86,250.00 (incl. GST)
> Margin: 14.2 % (below 18 % threshold)
>
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Srinivas Reddy", f"srinivas.reddy@{DOM}"), to=MAILROOM,
                subject=encoded("Re: Approval needed: Quote DLC/Q/26-27/0412 for Sunvale Pharma Ltd – 4,86,250.00 INR [APR-2026-0311]", "utf-8", "Q"),
                date=D("2026-10-08 15:31", sec=2), text=text, in_reply_to=f"<approval.apr-2026-0311@{DOM}>")
    save("approval", "md-approved-iphone", raw, {"decision": "approve", "reference": "APR-2026-0311"})


@mail
def ap_accounts_rejects():
    text = """Rejected.

This party already has Rs. 3.2 lakh outstanding beyond 90 days (bills from July/Aug). No further credit
supply till they clear at least 50%. Rahul pls inform them.

Priya Deshpande
Accounts

-----Original Message-----
From: Mailroom <mailroom@deccanlabchem.example>
Sent: 13 November 2026 10:02
To: Priya Deshpande <priya.deshpande@deccanlabchem.example>
Subject: Approval needed: Order SO-26-01944 for Charminar Medicare Hospital – 38,940.00 INR [APR-2026-0317]

Reference: APR-2026-0317
Customer credit limit exceeded: order SO-26-01944, Rs. 38,940.00, payment terms 30 days.
Reply with Approved or Rejected.
"""
    raw = build(frm=address("Priya Deshpande", f"priya.deshpande@{DOM}"), to=MAILROOM, cc=RAHUL,
                subject=encoded("RE: Approval needed: Order SO-26-01944 for Charminar Medicare Hospital – 38,940.00 INR [APR-2026-0317]", "utf-8", "Q"),
                date=D("2026-11-13 10:47", sec=35), text=text, in_reply_to=f"<approval.apr-2026-0317@{DOM}>")
    save("approval", "accounts-rejected-credit-limit", raw, {"decision": "reject", "reference": "APR-2026-0317"})


@mail
def ap_md_conditional_hinglish():
    text = """Ok approved hai, lekin 50% advance ke bina dispatch mat karna. Farhan ko bolo PI bhej de.

- SR

On Wed, 2 Dec 2026 at 11:20, Mailroom <mailroom@deccanlabchem.example> wrote:
> Approval needed: Quote DLC/Q/26-27/0468 for Lagos Lab Supplies Nig. Ltd – 18,420.00 USD [APR-2026-0324]
>
> Reference: APR-2026-0324
> New export customer, first order, payment terms requested: LC at sight.
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Srinivas Reddy", f"srinivas.reddy@{DOM}"), to=MAILROOM, cc=FARHAN,
                subject=encoded("Re: Approval needed: Quote DLC/Q/26-27/0468 for Lagos Lab Supplies Nig. Ltd – 18,420.00 USD [APR-2026-0324]", "utf-8", "Q"),
                date=D("2026-12-02 12:05", sec=50), text=text, in_reply_to=f"<approval.apr-2026-0324@{DOM}>")
    save("approval", "md-conditional-advance-hinglish", raw, {"decision": "approve", "reference": "APR-2026-0324"})


# ================================================================================================
# auto_reply
# ================================================================================================

@mail
def ar_german_ooo():
    text = """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 13.11.2026 nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails.
In dringenden Fällen wenden Sie sich bitte an einkauf@labhandel-ruhr.example oder +49 231 5580 4400.

Thank you for your e-mail. I am out of the office until 13 November 2026. For urgent matters please contact
einkauf@labhandel-ruhr.example.

Mit freundlichen Grüßen
Dr. Katrin Bergmann
"""
    raw = build(frm=address("Katrin Bergmann", "k.bergmann@labhandel-ruhr.example"), to=FARHAN,
                subject=encoded("Abwesenheitsnotiz: AW: Auftragsbestätigung SO-26-01902", "iso-8859-1", "Q"),
                date=D("2026-11-05 16:02", "+0100", 12), text=text, charset="iso-8859-1",
                headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    save("auto_reply", "german-abwesenheit", raw)


@mail
def ar_bounce_dsn():
    raw = report(
        [("From", "Mail Delivery System <MAILER-DAEMON@mx1.deccanlabchem.example>"), ("To", f"export@{DOM}"),
         ("Subject", "Undelivered Mail Returned to Sender"), ("Date", D("2026-10-21 10:15", sec=44)),
         ("Message-ID", "<20261021044544.7A1F2C0049@mx1.deccanlabchem.example>"), ("Auto-Submitted", "auto-replied")],
        "7A1F2C0049.1792560344/mx1.deccanlabchem.example",
        [("Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii",
          """This is the mail system at host mx1.deccanlabchem.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

<tenders@rvuc.example>: host mail.rvuc.example[196.201.44.10] said: 550 5.1.1
    <tenders@rvuc.example>: Recipient address rejected: User unknown in virtual
    mailbox table (in reply to RCPT TO command)"""),
         ("Content-Description: Delivery report\nContent-Type: message/delivery-status",
          """Reporting-MTA: dns; mx1.deccanlabchem.example
X-Postfix-Queue-ID: 7A1F2C0049
Arrival-Date: Wed, 21 Oct 2026 10:15:40 +0530

Final-Recipient: rfc822; tenders@rvuc.example
Original-Recipient: rfc822;tenders@rvuc.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.rvuc.example
Diagnostic-Code: smtp; 550 5.1.1 <tenders@rvuc.example>: Recipient address
    rejected: User unknown in virtual mailbox table"""),
         ("Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers",
          """From: Farhan Qureshi <farhan.qureshi@deccanlabchem.example>
To: tenders@rvuc.example
Subject: Our quotation against RFQ No. RVUC/RFQ/073/2026-2027
Date: Wed, 21 Oct 2026 10:15:38 +0530""")])
    save("auto_reply", "postfix-bounce-user-unknown", raw)


@mail
def ar_plain_bounce_foreign():
    text = """Hi. This is the qmail-send program at mail.lagoslabsupplies.example.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<accounts@lagoslabsupplies.example>:
Mailbox quota exceeded - mailbox is full (#5.2.2)

--- Below this line is a copy of the message.

Return-Path: <farhan.qureshi@deccanlabchem.example>
From: Farhan Qureshi <farhan.qureshi@deccanlabchem.example>
To: accounts@lagoslabsupplies.example
Subject: Proforma Invoice DLC/PI/26-27/0094 - advance payment
Date: Thu, 3 Dec 2026 15:20:11 +0530

Dear Sir, please find attached our proforma invoice ...
"""
    raw = build(frm="MAILER-DAEMON@mail.lagoslabsupplies.example", to=FARHAN, subject="failure notice",
                date=D("2026-12-03 10:51", "+0100", 0), text=text, charset="us-ascii")
    save("auto_reply", "qmail-failure-mailbox-full", raw)


@mail
def ar_read_receipt():
    raw = report(
        [("From", "Imran Sheikh <imran@emiratesbiolab.example>"), ("To", FARHAN),
         ("Subject", "Read: Commercial invoice and packing list - EBS-PO-26-0917"), ("Date", D("2026-11-12 08:34", "+0400", 19)),
         ("Message-ID", "<MN2PR11MB4410.read.0917@emiratesbiolab.example>")],
        "----=_NextPart_RR_0917",
        [("Content-Type: text/plain; charset=utf-8",
          """Your message

 To: Imran Sheikh
 Subject: Commercial invoice and packing list - EBS-PO-26-0917
 Sent: Wednesday, November 11, 2026 5:22:10 PM (UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi

was read on Thursday, November 12, 2026 8:34:19 AM (UTC+04:00) Abu Dhabi, Muscat."""),
         ("Content-Type: message/disposition-notification",
          """Reporting-UA: mail.emiratesbiolab.example; Microsoft Exchange Server
Final-Recipient: rfc822;imran@emiratesbiolab.example
Original-Message-ID: <dlc.ebs0917.ci@deccanlabchem.example>
Disposition: manual-action/MDN-sent-manually; displayed""")],
        report_type="disposition-notification")
    save("auto_reply", "outlook-read-receipt", raw)


@mail
def ar_indian_leave_no_header():
    text = """Dear Sender,

Thank you for your mail. I am on leave from 30th Oct to 9th Nov 2026 (Diwali holidays) with limited access to mails.
For PO related matters kindly contact Mr. B. Suresh Kumar (suresh.kb@sunvalepharma.example, 98850 41173).
For urgent QC matters please call the QC office on 08455-224 400.

Regards,
N. Padmaja
Head - QC, Sunvale Pharma Ltd
"""
    raw = build(frm=address("Padmaja N", "padmaja.n@sunvalepharma.example"), to=ANJALI,
                subject="Out of Office: Investigation report - KH2PO4 batch DLC/KDP/2609/14",
                date=D("2026-11-02 11:00", sec=4), text=text)
    save("auto_reply", "indian-diwali-leave-ooo", raw)


# ================================================================================================
# other
# ================================================================================================

@mail
def ot_glassware_newsletter_html():
    html = """<html><body style="margin:0;background:#f2f4f7;font-family:Arial,sans-serif">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff">
<tr><td style="background:#00558c;color:#fff;padding:18px;font-size:22px"><b>PRISMA GLASSWORKS</b><br><span style="font-size:13px">Precision glassware since 1984</span></td></tr>
<tr><td style="padding:20px">
<h2 style="color:#00558c">Diwali Dhamaka Offer &ndash; up to 25% off!</h2>
<p>Stock up before the new academic term. Offer valid till 15 November 2026 on all orders above &#8377;25,000.</p>
<table width="100%" border="0" cellpadding="6">
<tr><td>Volumetric flask 100 ml, Class A, with NABL cert</td><td align="right"><s>&#8377;640</s> <b>&#8377;499</b></td></tr>
<tr><td>Burette 50 ml, PTFE stopcock</td><td align="right"><s>&#8377;1,180</s> <b>&#8377;949</b></td></tr>
<tr><td>Beaker 250 ml (pack of 12)</td><td align="right"><s>&#8377;1,020</s> <b>&#8377;815</b></td></tr>
<tr><td>Desiccator 250 mm with plate</td><td align="right"><s>&#8377;6,400</s> <b>&#8377;5,120</b></td></tr>
</table>
<p style="text-align:center"><a href="https://shop.prismaglass.example/diwali?utm_source=newsletter" style="background:#f39c12;color:#fff;padding:12px 28px;text-decoration:none;border-radius:4px"><b>ORDER NOW</b></a></p>
<p style="font-size:12px">Free delivery across Telangana &amp; AP. Request a quote for bulk quantities from your account manager.</p>
</td></tr>
<tr><td style="padding:12px;font-size:10px;color:#888">Prisma Glassworks Pvt. Ltd., Vadodara, Gujarat. You are receiving this mail because you are a registered customer.
<a href="https://shop.prismaglass.example/unsubscribe?id=88213">Unsubscribe</a></td></tr>
</table></body></html>"""
    raw = build(frm=address("Prisma Glassworks", "offers@news.prismaglass.example"), to=PURCHASE,
                subject="Diwali Dhamaka: up to 25% off on Class A glassware!", date=D("2026-10-19 11:00", sec=0), html=html,
                headers=[("List-Id", "Prisma customer offers <offers.news.prismaglass.example>"),
                         ("List-Unsubscribe", "<https://shop.prismaglass.example/unsubscribe?id=88213>, <mailto:unsub@news.prismaglass.example>"),
                         ("Precedence", "bulk")])
    save("other", "glassware-supplier-newsletter-html", raw)


@mail
def ot_trade_fair_invite():
    text = """Dear Exhibitor / Visitor,

LabIndia Expo 2027 - 11th International Exhibition on Laboratory Technology, Analytical Instruments & Chemicals
Venue: Bombay Exhibition Centre, Goregaon (E), Mumbai | Dates: 18-20 February 2027

Early-bird stall booking is now open:
  - Shell scheme (9 sq.m): Rs. 1,62,000 + GST  (early bird Rs. 1,45,800 + GST till 31 Dec 2026)
  - Raw space: Rs. 16,500 per sq.m + GST

Co-located: Pharma QC Summit, Indian Chemical Distributors Meet.

Register as a visitor free of cost at www.labindiaexpo.example/visit

Warm regards,
Team LabIndia Expo
Orbis Exhibitions Pvt. Ltd., Mumbai
To stop receiving these mails reply with REMOVE.
"""
    raw = build(frm=address("LabIndia Expo 2027", "info@labindiaexpo.example"), to=SALES,
                subject="Book your stall at LabIndia Expo 2027 - early bird discount", date=D("2026-11-04 12:30", sec=10), text=text)
    save("other", "trade-fair-stall-invitation", raw)


@mail
def ot_internal_msds_folder_hinglish():
    text = """Anjali madam,

Dubai waale shipment ke liye Formalin ka latest MSDS chahiye, shared drive mein "QC > MSDS > 2026" folder mein nahi mil raha.
Kahin aur save kiya hai kya? Farhan sir ko aaj courier karna hai documents.

Aur ek baat - kal ki Diwali puja 11 baje hai godown mein, sab ko bol dena.

Venkat
Dispatch
"""
    raw = build(frm=address("Venkat Rao", f"venkat.rao@{DOM}"), to=ANJALI, subject="MSDS file kahan hai?",
                date=D("2026-11-07 16:44", sec=21), text=text)
    save("other", "internal-where-is-msds-file", raw)


@mail
def ot_job_application():
    text = """Respected Sir/Madam,

I am writing to apply for the post of QC Chemist / Trainee Chemist in your esteemed organisation, as advertised
on the Naukri portal. I have completed my M.Sc. in Analytical Chemistry from Osmania University in 2026 with
first class (78%) and have 6 months of internship experience in wet chemistry and HPLC at a bulk drug unit
in Jeedimetla.

I am familiar with volumetric analysis, preparation and standardisation of volumetric solutions, GLP and
documentation as per ISO 17025. I am ready to join immediately and willing to work in shifts.

My resume is attached for your kind perusal. I shall be highly obliged if you give me an opportunity.

Thanking you,
Yours faithfully,
K. Sai Teja
Mob: 7702 418 905
"""
    raw = build(frm=address("Sai Teja K", "saiteja.k1999@freemail.example"), to=SALES,
                subject="Application for the post of QC Chemist", date=D("2026-09-21 22:17", sec=6), text=text,
                attachments=[("Sai_Teja_Resume.pdf", "application/pdf",
                              pdf(["K. SAI TEJA - RESUME", "M.Sc. Analytical Chemistry, Osmania University (2026), 78%",
                                   "Internship: 6 months, QC wet lab & HPLC", "Skills: titrimetry, GLP, ISO 17025 documentation"], "Resume"))])
    save("other", "job-application-qc-chemist", raw)


@mail
def ot_gst_phishing():
    html = """<html><body style="font-family:Arial">
<p><img src="https://gst-refund-portal.example/logo.png" alt="GST"></p>
<p>Dear Taxpayer,</p>
<p>As per the records of Goods and Services Tax Network, your GST refund of <b>Rs. 48,620.00</b> for the period
Jul-Sep 2026 (GSTIN 36AADCD4821K1Z7) has been approved but is <b>on hold due to KYC mismatch</b>.</p>
<p>Please verify your bank account within 24 hours to avoid cancellation of the refund and penalty under Section 122.</p>
<p><a href="http://gst-refund-portal.example.verify-kyc.example/login">Click here to verify and claim refund</a></p>
<p>Regards,<br>GST Refund Cell<br>Government of India</p>
</body></html>"""
    raw = build(frm=address("GST Refund Cell", "refund@gst-gov-in.example"), to=ACCOUNTS,
                subject="GST Refund Approved - Action Required within 24 hrs", date=D("2026-10-30 02:13", "+0000", 55), html=html)
    save("other", "gst-refund-phishing", raw)


@mail
def ot_bank_credit_alert():
    text = """Dear Customer,

Your A/c No. XXXXXXXX4410 has been credited with INR 1,87,289.60 on 19-11-2026 by NEFT.
Info: NEFT/HDFCN52026111945188/SUNVALE PHARMA LTD/INV DLC-26-27-2214
Available balance: INR 24,61,882.35

If you have not done this transaction, please call 1800-425-0000 immediately.

Regards,
Kaveri Bank - Alerts
This is a system generated message. Please do not reply.
"""
    raw = build(frm=address("Kaveri Bank Alerts", "alerts@kaveribank.example"), to=ACCOUNTS,
                subject="Credit alert: A/c XXXXXXXX4410", date=D("2026-11-19 14:02", sec=38), text=text)
    save("other", "bank-neft-credit-alert", raw)


@mail
def ot_courier_shipment_notification():
    text = """Dear Deccan LabChem Pvt. Ltd.,

Your shipment has been picked up.

AWB No.        : 70418823341
Shipper ref    : DLC/26-27/2301 (Kaveri University, Mysuru)
Pieces / Weight: 3 / 18.4 kg
Origin         : Hyderabad (HYD)    Destination: Mysuru (MYQ)
Expected delivery: 26-Nov-2026

Track your shipment: https://track.swiftkart.example/70418823341

Thank you for shipping with SwiftKart Logistics.
"""
    raw = build(frm=address("SwiftKart Logistics", "tracking@swiftkart.example"), to=address("Venkat Rao", f"venkat.rao@{DOM}"),
                subject="Shipment picked up - AWB 70418823341", date=D("2026-11-24 18:09", sec=27), text=text)
    save("other", "courier-pickup-notification", raw)


@mail
def ot_supplier_order_confirmation():
    text = """Dear Mrs. Narayanan,

thank you for your order DLC/IMP/26-27/023 of 12.11.2026. We confirm as follows:

Auftragsbestätigung / Order confirmation AB-26-20517
  1 x 5 CRM Metformin HCl, 1 g            EUR 158.00 each   EUR 790.00
  1 x 2 CRM Ibuprofen, 500 mg             EUR 134.00 each   EUR 268.00
  Packing + courier                                         EUR  95.00
  Total                                                     EUR 1,153.00

Planned dispatch: 24.11.2026 by DHL Express. Invoice will follow with the shipment.
No action required from your side.

Kind regards
Julia Hoffmann
Order Management | Rheinland Referenzmaterialien GmbH
"""
    raw = build(frm=address("Julia Hoffmann", "orders@rheinland-rm.example"), to=LAKSHMI,
                subject=encoded("Auftragsbestätigung / Order confirmation AB-26-20517 - your order DLC/IMP/26-27/023", "utf-8", "B"),
                date=D("2026-11-13 09:12", "+0100", 42), text=text)
    save("other", "supplier-order-confirmation-to-us", raw)


@mail
def ot_customer_thanks_received():
    text = """Dear Farhan,

Goods received today in good condition, all 3 pallets, documents in order. Thank you for the quick turnaround
this time - much appreciated by our lab manager.

Will share the next requirement in January.

Best regards,
Imran Sheikh
Emirates BioLab Supplies FZE

Sent from Outlook for iOS
"""
    raw = build(frm=address("Imran Sheikh", "imran@emiratesbiolab.example"), to=FARHAN,
                subject="RE: Shipment details - EBS-PO-26-0917", date=D("2026-11-28 13:44", "+0400", 9), text=text)
    save("other", "customer-thanks-goods-received", raw)


@mail
def ot_customer_dispatch_query():
    text = """Hello Rahul,

Any update on dispatch of our PO 4500078213? Our planner is asking whether the TFA will come along with the
rest or separately. Please share the expected date and the LR/AWB once dispatched.

Thanks
Nilesh Patil
Procurement, Aravalli Life Sciences Ltd, Tarapur
"""
    raw = build(frm=address("Nilesh Patil", "nilesh.patil@aravallils.example"), to=address("Rahul Sharma", f"rahul.sharma@{DOM}"),
                subject="Dispatch status - PO 4500078213", date=D("2026-12-08 11:26", sec=13), text=text)
    save("other", "customer-dispatch-status-query", raw)


@mail
def ot_eway_bill_system():
    text = """E-Way Bill Generated

E-Way Bill No.     : 3610 2245 8871
Generated Date     : 05/12/2026 04:18 PM
Generated By       : 36AADCD4821K1Z7 - DECCAN LABCHEM PRIVATE LIMITED
Valid Upto         : 08/12/2026
Document           : Tax Invoice - DLC/26-27/2355 - 05/12/2026
Value of Goods     : 1,05,586.40
From               : Hyderabad, Telangana - 500051
To                 : Boisar, Maharashtra - 401506  (27AABCA5528M1Z3)
Transporter        : VRL Logistics Ltd
Vehicle No.        : TS08UB4417

This is an auto-generated alert from the E-Way Bill System. Do not reply to this mail.
"""
    raw = build(frm=address("EWB System", "donotreply@ewaybill-alerts.example"), to=ACCOUNTS,
                subject="E-Way Bill 361022458871 generated", date=D("2026-12-05 16:18", sec=50), text=text)
    save("other", "eway-bill-system-alert", raw)


if __name__ == "__main__":
    for fn in MAILS:
        fn()
    import subprocess
    subprocess.run([sys.executable, str(Path(__file__).resolve().parent.parent / "check_starter.py"), CO])
