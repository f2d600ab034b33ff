#!/usr/bin/env python3
"""Hand-written mails received by Ningbo Kaiyuan Precision Machinery Co., Ltd. (kaiyuanprecision.example).

Every mail below is written out as its own text; only packing helpers are shared."""
import datetime
import sys
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

C = "kaiyuan-precision"
D = "kaiyuanprecision.example"
MAILS = []


def mail(fn):
    MAILS.append(fn)
    return fn


def dt(month, day, hour, minute, tz=8, year=2026):
    """RFC 5322 date with the right weekday; tz in hours (may be fractional)."""
    zone = datetime.timezone(datetime.timedelta(hours=tz))
    return format_datetime(datetime.datetime(year, month, day, hour, minute, 17 + day % 40, tzinfo=zone))


def report(head: list[tuple[str, str]], boundary: str, parts: list[tuple[str, str]], report_type="delivery-status") -> bytes:
    """A multipart/report (bounce or read receipt); parts are (content-type header + extra headers, body)."""
    out = "".join(f"{k}: {v}\n" for k, v in head)
    out += f'MIME-Version: 1.0\nContent-Type: multipart/report; report-type={report_type};\n\tboundary="{boundary}"\n\n'
    out += "This is a MIME-encapsulated message.\n\n"
    for ctype, body in parts:
        out += f"--{boundary}\n{ctype}\n\n{body.rstrip()}\n\n"
    out += f"--{boundary}--\n"
    return out.encode("ascii")


# ---------------------------------------------------------------- quote_request

@mail
def qr_midwest_pump_housings():
    text = """Hello Lina,

Hope all is well in Ningbo. We are sourcing a second supplier for the impeller housing
family on our MP-300 series pumps and your name came up through Dave at Ridgeline.

Could you please quote the following (drawings attached to the next mail - our server
limits attachments to 10 MB so I will send them separately):

  Part No.        Description                    Material        Annual Qty   Lot size
  MP300-HSG-02    Impeller housing, machined     ASTM A536 65-45-12  4,800      400
  MP300-CVR-05    Front cover, machined          ASTM A536 65-45-12  4,800      400
  MP300-BRG-11    Bearing carrier                6061-T6 bar         9,600      800

Please state:
 - unit price FOB Ningbo, USD
 - tooling / pattern cost (one time) for the castings
 - lead time for FAI samples and for production
 - PPAP level 3 capability (yes/no)

We would need the quotation by September 25 if possible since our sourcing review is the week after.

Best regards,

Kevin Brandt
Senior Buyer, Strategic Sourcing
Midwest Pump Components Inc.
4410 Industrial Pkwy, Dayton, OH 45414, USA
Tel +1 (937) 555-0142 | kbrandt@midwestpump.example

CONFIDENTIALITY NOTICE: This e-mail and any attachments are for the exclusive and confidential use of the
intended recipient. If you are not the intended recipient, please do not read, distribute or take action in
reliance upon this message. If you have received this in error, please notify us immediately by return e-mail
and promptly delete this message and its attachments from your computer system.
"""
    raw = build(frm=address("Brandt, Kevin", "kbrandt@midwestpump.example"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject="RFQ - MP300 housing family (3 P/N) - 2nd source",
                date=dt(9, 15, 21, 47, -4), text=text, cte="quoted-printable",
                headers=[("X-Mailer", "Microsoft Outlook 16.0")])
    write(C, "quote_request", "midwest_pump_housings", raw,
          {"customer_company": "Midwest Pump Components Inc.", "contact_email": "kbrandt@midwestpump.example"})


@mail
def qr_hoffmann_terse_din933():
    text = """Hi Mrs. Wang,

pls quote

5.000 pcs  M12x40 DIN 933 8.8 zinc plated (Fe/Zn 8 transp.)
10.000 pcs M10x30 DIN 933 8.8 zinc plated
2.000 pcs  M16x60 DIN 931 10.9 black

delivery KW 48 to Bremen, incoterm FOB Ningbo or CFR Bremerhaven - both pls.
Mill cert 3.1 required.

Thx + BR
Jürgen Hoffmann
Einkauf / Purchasing
Hoffmann Antriebstechnik GmbH
Am Hafen 12, 28217 Bremen
Tel. +49 421 555 3810
"""
    raw = build(frm=address("Hoffmann, Jürgen", "j.hoffmann@hoffmann-antriebe.example", "iso-8859-1"),
                to="sales@" + D, subject="Anfrage", date=dt(10, 13, 8, 12, 2),
                text=text, charset="iso-8859-1", cte="quoted-printable")
    write(C, "quote_request", "hoffmann_terse_din933", raw,
          {"customer_company": "Hoffmann Antriebstechnik GmbH", "contact_email": "j.hoffmann@hoffmann-antriebe.example"})


@mail
def qr_suzhou_aluminium_housings():
    text = """刘经理：

您好！

我司目前有一批铝合金壳体需要外协加工，请贵司帮忙报个价，具体如下：

1. 零件号 SZ-EV-0317 电机端盖，材料 6061-T6，阳极氧化（黑色），月用量约 3000 件
2. 零件号 SZ-EV-0318 电机壳体，材料 ADC12 压铸毛坯由我司提供，贵司负责 CNC 精加工，月用量约 3000 件
3. 零件号 SZ-EV-0421 安装支架，材料 6063-T5，自然色氧化，月用量约 6000 件

图纸（STEP + PDF）已放在附件压缩包里，密码另发微信。

报价请注明：含税单价（13%增值税）、是否含包装运输（送到苏州工业园区）、打样周期和批量交期。
另外请附上贵司的设备清单和 IATF 16949 证书复印件，我们供应商导入需要。

希望本周五（9月25日）前能收到报价，谢谢！

--
顾敏
采购部 高级采购工程师
苏州瑞驰新能源科技有限公司
地址：苏州工业园区星湖街 328 号
手机：138 6215 0447
邮箱：gumin@ruichi-ev.example
"""
    raw = build(frm=address("顾敏", "gumin@ruichi-ev.example", "gb2312"),
                to=address("刘洋", "liuyang@" + D, "gb2312"),
                subject=encoded("询价：铝合金壳体 SZ-EV-0317/0318/0421 CNC加工", "gb2312"),
                date=dt(9, 21, 14, 5), text=text, charset="gb2312", cte="base64",
                headers=[("X-Mailer", "Foxmail 7.2.25.228[cn]")])
    write(C, "quote_request", "suzhou_aluminium_housings", raw,
          {"customer_company": "苏州瑞驰新能源科技有限公司", "contact_email": "gumin@ruichi-ev.example"})


@mail
def qr_taiwan_big5_castings():
    text = """王經理 您好：

敝公司為台中的油壓機械製造商，目前正在尋找大陸的鑄件加工廠商，
經友人介紹得知貴公司，想請貴公司協助報價以下品項：

  品名            料號          材質        單重      年需求量
  油壓泵浦本體    HP-2204-B     FC250       3.6 kg    2,400 pcs
  閥座            HP-2204-V     FCD450      1.2 kg    2,400 pcs
  端蓋            HP-2204-E     FC250       0.8 kg    4,800 pcs

以上需鑄造＋CNC加工，表面需噴漆（黑色），出貨至台中港。
請以美金報價（FOB寧波），並註明模具費、交期及最小訂購量。

圖面請參閱附件，如有問題請與我聯絡。

謝謝！

林志明
採購課長
勝弘油壓機械股份有限公司
台中市西屯區工業區三十八路 66 號
TEL: 04-2359-0871 分機 215
E-mail: zm.lin@shenghong-hyd.example
"""
    raw = build(frm=address("林志明", "zm.lin@shenghong-hyd.example", "big5"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject=encoded("詢價 - 油壓泵浦鑄件 HP-2204 系列", "big5"),
                date=dt(10, 20, 10, 31), text=text, charset="big5",
                headers=[("X-Mailer", "Microsoft Outlook 16.0")])
    write(C, "quote_request", "taiwan_big5_castings", raw,
          {"customer_company": "勝弘油壓機械股份有限公司", "contact_email": "zm.lin@shenghong-hyd.example"})


@mail
def qr_india_flanges_followup():
    text = """Dear Madam,

Good day. This is reminder to my below mail, still we are not received your offer.
Kindly send your best price at earliest as our customer is pushing for the same.
Also please mention the payment terms, we prefer LC at sight.

Thanks & Regards
Rajesh Kumar Nair
Manager - Import Purchase
Shreeji Engineering Works Pvt. Ltd.
Plot No. 47, GIDC Phase II, Vatva, Ahmedabad - 382445, Gujarat, India
Mob: +91 98250 55317

On Tue, 3 Nov 2026 at 11:42, Rajesh Nair <rajesh.nair@shreeji-eng.example> wrote:
> Dear Sir/Madam,
>
> We are interested to import CNC machined components from China. Please quote your best
> CIF Nhava Sheva price for below items:
>
> 1) Blind flange 4" class 150, A105, machined as per drg. SEW-BF-04 - qty 1500 nos
> 2) Hub for coupling, EN8, OD 120 x ID 45 keyway as per drg. SEW-HB-120 - qty 800 nos
> 3) Shaft sleeve SS304, as per drg. SEW-SL-55 - qty 1200 nos
>
> Required material test certificate and third party inspection (TPI) before dispatch.
> Kindly revert with your lowest price and delivery time.
>
> Regards
> Rajesh
"""
    raw = build(frm=address("Rajesh Nair", "rajesh.nair@shreeji-eng.example"),
                to="sales@" + D, subject="Re: Enquiry for CNC machined components - urgent",
                date=dt(11, 9, 13, 18, 5.5), text=text,
                in_reply_to="<CAH7x2kQ0b3aYw9@mail.shreeji-eng.example>")
    write(C, "quote_request", "india_flanges_followup", raw,
          {"customer_company": "Shreeji Engineering Works Pvt. Ltd.", "contact_email": "rajesh.nair@shreeji-eng.example"})


@mail
def qr_vietnam_shafts():
    text = """Dear Kaiyuan team,

My name is Nguyen Thi Thu Ha, purchasing staff of Viet Hung Machinery JSC in Hai Phong.
We see your company on website and want to ask quotation for these shaft:

- Drive shaft VH-DS-25, material S45C, induction hardening HRC 50-55, length 420mm : 2,000 pcs
- Pin shaft VH-PS-12, material SUS304, length 85mm : 5,000 pcs

Please quote price CIF Hai Phong port in USD, and also tell me the delivery time, packing way.
We plan to order on December if the price is good.

Can you send the quotation to me and cc my manager Mr. Tran Van Long (long.tv@viethung-mach.example)?

Thank you very much and best regards,
Thu Ha (Ms.)
Purchasing Dept. - Viet Hung Machinery JSC
Lot B5, Nomura Industrial Zone, An Duong, Hai Phong, Vietnam
Tel: +84 225 3743 219
"""
    raw = build(frm=address("Nguyen Thi Thu Ha", "ha.ntt@viethung-mach.example"),
                to="info@" + D, cc="long.tv@viethung-mach.example",
                subject="Request quotation for shaft", date=dt(11, 17, 9, 3, 7), text=text)
    write(C, "quote_request", "vietnam_shafts", raw,
          {"customer_company": "Viet Hung Machinery JSC", "contact_email": "ha.ntt@viethung-mach.example"})


@mail
def qr_qq_oneliner_csv():
    text = """刘工，附件是下个月要的几个件，麻烦报个价，含税含运到常州。急，明天要给老板看

发自我的iPhone
"""
    csv = """序号,图号,名称,材料,表面处理,数量
1,CZ-JX-1102,导向轴,45#钢,镀硬铬,200
2,CZ-JX-1105,轴承座,HT200,发黑,120
3,CZ-JX-1118,连接板,Q235,镀锌,500
4,CZ-JX-1120,定位销,GCr15,淬火,1000
""".encode("utf-8")
    raw = build(frm=address("常州金鑫自动化 许工", "1845523067@qq.example", "gb18030"),
                to="liuyang@" + D, subject=encoded("报价", "gb18030"),
                date=dt(10, 27, 22, 41), text=text, charset="gb18030",
                attachments=[("CZ-JX询价清单.csv", "text/csv", csv)],
                headers=[("X-QQ-Mid", "xmsza29t1761575702t5fjy8k2p")])
    write(C, "quote_request", "qq_oneliner_csv", raw,
          {"customer_company": "常州金鑫自动化", "contact_email": "1845523067@qq.example"})


@mail
def qr_hongkong_forwarded_by_sales():
    text = """刘洋，

这个是香港客户发到我私人邮箱的询价，我下周出差德国，你帮忙跟一下，报价前先让我看一眼。

Lina

---------- Forwarded message ---------
From: Raymond Cheung <raymond.cheung@pearlriver-ind.example>
Date: Wed, Oct 7, 2026 at 4:52 PM
Subject: Enquiry - SS316 valve stems
To: Lina Wang <wanglina_nb@163.example>

Dear Lina,

Nice meeting you at the Canton Fair. As discussed, pls find below our enquiry:

Item: Valve stem, SS316, dia 18 x 210 mm, thread M16x1.5 one end, polished Ra 0.4
Qty: 3,000 pcs first order, approx 12,000 pcs/yr
Packing: individual PE sleeve, 50 pcs per carton
Delivery: to our HK warehouse in Kwai Chung

Please quote in USD, DDP Hong Kong, and advise MOQ.

Thanks & regards,
Raymond Cheung 張偉文
Sourcing Manager
Pearl River Industrial Supplies Ltd. 珠江工業供應有限公司
Unit 1203, 12/F, Kwai Chung Plaza, 7-11 Kwai Foo Road, Kwai Chung, N.T., Hong Kong
T: +852 2555 8127
"""
    raw = build(frm=address("王丽娜", "lina.wang@" + D, "utf-8"),
                to=address("刘洋", "liuyang@" + D, "utf-8"),
                subject=encoded("Fwd: Enquiry - SS316 valve stems", "utf-8"),
                date=dt(10, 8, 8, 55), text=text, cte="base64")
    write(C, "quote_request", "hongkong_forwarded_by_sales", raw,
          {"customer_company": "Pearl River Industrial Supplies Ltd.", "contact_email": "raymond.cheung@pearlriver-ind.example"})


@mail
def qr_us_html_investment_castings():
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>p.MsoNormal{margin:0;font-size:11pt;font-family:Calibri,sans-serif}
table.t td{border:1px solid #999;padding:3px 6px;font-size:10pt}</style></head>
<body lang="EN-US">
<div class="WordSection1">
<p class="MsoNormal">Good morning,</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Atlas Marine Hardware is requesting a quote on the investment cast parts below. All parts
316 stainless, electropolished, 100% visual inspection. Please complete the attached price sheet or send your
own quotation format, whichever is easier.</p>
<p class="MsoNormal">&nbsp;</p>
<table class="t" cellspacing="0">
<tr style="background:#1F4E79;color:white"><td><b>Line</b></td><td><b>P/N</b></td><td><b>Description</b></td><td><b>EAU</b></td><td><b>Target price</b></td></tr>
<tr><td>1</td><td>AMH-CL-0650</td><td>Deck cleat 6-1/2"</td><td>10,000</td><td>$3.85</td></tr>
<tr><td>2</td><td>AMH-HG-0210</td><td>Hatch hinge pair</td><td>6,000</td><td>$2.40</td></tr>
<tr><td>3</td><td>AMH-BW-0118</td><td>Bow eye 3/8"</td><td>8,000</td><td>$1.95</td></tr>
</table>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Quote due: <b>Friday 12/04/2026</b>. Pricing FOB Ningbo and DDP Jacksonville FL please.
Payment terms Net 60.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Thank you,</p>
<p class="MsoNormal"><b>Tiffany Morales</b><br>Purchasing Coordinator | Atlas Marine Hardware LLC<br>
2200 Talleyrand Ave, Jacksonville, FL 32206<br>o: 904-555-0178 | <a href="mailto:tmorales@atlasmarinehw.example">tmorales@atlasmarinehw.example</a></p>
</div></body></html>
"""
    raw = build(frm=address("Tiffany Morales", "tmorales@atlasmarinehw.example"),
                to="sales@" + D, subject="Quote request 11-2026-07 / investment castings",
                date=dt(11, 23, 10, 26, -5), html=html, cte="quoted-printable",
                headers=[("X-MS-Has-Attach", ""), ("Thread-Topic", "Quote request 11-2026-07 / investment castings")])
    write(C, "quote_request", "us_html_investment_castings", raw,
          {"customer_company": "Atlas Marine Hardware LLC", "contact_email": "tmorales@atlasmarinehw.example"})


# ---------------------------------------------------------------- purchase_order

@mail
def po_greatlakes_pdf():
    text = """Lina,

Please find attached PO 4500-88217 for the valve bodies, plugs and spacers per your quote QT-KY-2026-0962.
Kindly acknowledge within 48 hrs with confirmed ship date.

Thanks
Mark
"""
    lines = [
        "PURCHASE ORDER",
        "Great Lakes Fluid Power Inc.           1850 Harbor View Dr, Muskegon, MI 49441, USA",
        "",
        "PO Number:      4500-88217                 PO Date:    09/28/2026",
        "Supplier:       Ningbo Kaiyuan Precision Machinery Co., Ltd.",
        "Supplier No.:   V-20931                    Buyer:      Mark Jablonski",
        "Ship To:        GLFP Receiving Dock 3, Muskegon MI       Incoterm:  FOB Ningbo",
        "Payment:        T/T 30 days after B/L      Currency:   USD",
        "",
        "Ln  Item No.      Description                 Qty      Unit Price      Ext. Price",
        "1   GLF-VB-220    Valve body, machined        1,200    14.3500         17,220.00",
        "2   GLF-PL-045    End plug 3/4 NPT            2,400     1.1200          2,688.00",
        "3   GLF-SC-310    Spacer, zinc plated         3,000     0.4800          1,440.00",
        "",
        "                                              Order Total USD:         21,348.00",
        "",
        "Required ship date: 11/20/2026.  Ref. supplier quote QT-KY-2026-0962.",
        "All shipments must reference the PO number on packing list and commercial invoice.",
        "Terms and conditions: www.glfluidpower.example/po-terms",
    ]
    raw = build(frm=address("Mark Jablonski", "mjablonski@glfluidpower.example"),
                to=address("Lina Wang", "lina.wang@" + D), subject="PO 4500-88217",
                date=dt(9, 28, 15, 2, -4), text=text,
                attachments=[("PO_4500-88217.pdf", "application/pdf", pdf(lines, "PO 4500-88217"))])
    write(C, "purchase_order", "greatlakes_pdf", raw,
          {"order_number": "4500-88217", "total": "21348.00", "currency": "USD", "buyer": "Great Lakes Fluid Power Inc."})


@mail
def po_kessler_body_table():
    text = """Dear Mrs. Wang,

thank you for your offer from 02.10.2026. We hereby order as follows:

Bestellung / Purchase order no.: BE-2026-10417
Date: 12.10.2026

Pos  Art.-Nr.     Bezeichnung / description      Menge     Preis/Stk    Betrag
 1   KF-NH-40     Kettenradnabe / sprocket hub    800 Stk    6,85 €      5.480,00 €
 2   KF-W-220     Welle / shaft D30x220           400 Stk   12,40 €      4.960,00 €
 3   KF-B-30      Buchse / bushing                1.500 Stk  0,92 €      1.380,00 €
                                                          --------------------------
                                                  Summe netto           11.820,00 €

Delivery: CFR Hamburg, latest arrival KW 49 (30.11.2026)
Payment: 30 days after arrival of goods, 2% Skonto within 10 days
Please mark all cartons with our order no. and Art.-Nr.

Please send us order confirmation (Auftragsbestätigung) by return.

Mit freundlichen Grüßen / best regards

i.A. Sabine Krämer
Einkauf
Kessler Fördertechnik GmbH
Industriestraße 44 · 73037 Göppingen · Germany
Tel. +49 7161 555 220 · s.kraemer@kessler-foerdertechnik.example
Geschäftsführer: Thomas Kessler · Amtsgericht Ulm HRB 530117 · USt-IdNr. DE814552307
"""
    raw = build(frm=address("Sabine Krämer", "s.kraemer@kessler-foerdertechnik.example", "iso-8859-1"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject=encoded("Bestellung BE-2026-10417 / order", "iso-8859-1"),
                date=dt(10, 12, 9, 44, 2), text=text, charset="windows-1252", cte="quoted-printable")
    write(C, "purchase_order", "kessler_body_table", raw,
          {"order_number": "BE-2026-10417", "total": "11820.00", "currency": "EUR", "buyer": "Kessler Fördertechnik GmbH"})


@mail
def po_hangzhou_hengli_gbk():
    text = """刘经理您好：

根据贵司10月8日报价单（编号 KY-BJ-2026-0388），我司现正式下单，订单内容如下：

订单号：HL-PO-20261012-03
下单日期：2026年10月12日

序号  物料编码     名称       规格/图号        数量    含税单价(元)   金额(元)
1     HL-GC-80     油缸端盖   GC80-A02         500     38.50          19,250.00
2     HL-HS-40     活塞杆     HS40-500 镀铬    500     62.00          31,000.00
3     HL-DX-40     导向套     DX40-B01         500     21.80          10,900.00
                                               合计（含13%增值税）：   61,150.00

交货日期：2026年11月10日前，分两批交货亦可
交货地点：杭州市萧山区经济技术开发区建设二路 1588 号 恒力液压仓库
付款方式：月结60天，收到增值税专用发票后付款
质量要求：每批随货附出厂检验报告及材质证明

请收到订单后两个工作日内回传盖章确认，谢谢！

杭州恒力液压件有限公司
采购部  赵雪梅
电话：0571-8269 3350
"""
    raw = build(frm=address("赵雪梅", "zhaoxm@hengli-hyd.example", "gbk"),
                to=address("刘洋", "liuyang@" + D, "gbk"),
                subject=encoded("采购订单 HL-PO-20261012-03", "gbk"),
                date=dt(10, 12, 16, 20), text=text, charset="gbk", cte="base64",
                headers=[("X-Mailer", "Foxmail 7.2.23.121[cn]")])
    write(C, "purchase_order", "hangzhou_hengli_gbk", raw,
          {"order_number": "HL-PO-20261012-03", "total": "61150.00", "currency": "CNY", "buyer": "杭州恒力液压件有限公司"})


@mail
def po_wuxi_csv():
    text = """刘工好，

附件是本月订单 BY20261105-017 的明细（CSV格式，从我们ERP导出的），共三项，合计 24,690.00 元（含税）。
交期 11月30日，送货到无锡新区长江路 21 号。有问题随时电话联系。

谢谢
钱晓峰
无锡博远自动化设备有限公司 采购部
0510-8522 7713
"""
    csv = """订单号,行号,物料编码,物料名称,数量,单位,含税单价,含税金额,交货日期
BY20261105-017,1,BY-HK-20,直线导轨滑块座,300,件,27.60,8280.00,2026-11-30
BY20261105-017,2,BY-MB-57,电机安装板,200,件,45.00,9000.00,2026-11-30
BY20261105-017,3,BY-TB-30,同步轮,600,件,12.35,7410.00,2026-11-30
合计,,,,1100,,,24690.00,
""".encode("utf-8")
    raw = build(frm=address("钱晓峰", "qianxf@boyuan-auto.example", "gb18030"),
                to="liuyang@" + D, cc="purchase@boyuan-auto.example",
                subject=encoded("订单 BY20261105-017", "gb18030"),
                date=dt(11, 5, 11, 7), text=text, charset="gb18030",
                attachments=[("PO_BY20261105-017.csv", "text/csv", csv)])
    write(C, "purchase_order", "wuxi_csv", raw,
          {"order_number": "BY20261105-017", "total": "24690.00", "currency": "CNY", "buyer": "无锡博远自动化设备有限公司"})


@mail
def po_india_kaveri_pdf():
    text = """Dear Sir,

Please find enclosed herewith our Purchase Order no. KPV/IMP/2026-27/0142 dated 19.10.2026 for your
needful action. Kindly send the Proforma Invoice for opening LC.

Please ensure material test certificate EN 10204 3.1 and dimensional report accompany the shipment.

Thanking you,
Yours faithfully,
for Kaveri Pumps & Valves Ltd.

S. Venkataraman
Sr. Manager (Purchase)
No. 12, SIDCO Industrial Estate, Ambattur, Chennai - 600098
Ph: +91 44 2625 5130
"""
    lines = [
        "KAVERI PUMPS & VALVES LTD.",
        "No. 12, SIDCO Industrial Estate, Ambattur, Chennai - 600098, Tamil Nadu, India   GSTIN 33AABCK5512R1Z4",
        "",
        "PURCHASE ORDER (IMPORT)",
        "PO No.: KPV/IMP/2026-27/0142                      PO Date: 19.10.2026",
        "To: Ningbo Kaiyuan Precision Machinery Co., Ltd., Beilun, Ningbo, China",
        "Your Ref.: Offer KY/EXP/2026/211 dt. 07.10.2026",
        "",
        "Sl.  Description                              Drg. No.       Qty (Nos)  Rate (USD)   Amount (USD)",
        "1    Impeller, CF8M, cast + machined          KPV-IMP-150    600        18.50        11,100.00",
        "2    Casing cover, WCB, cast + machined       KPV-CC-150     600        22.75        13,650.00",
        "",
        "                                              TOTAL CIF CHENNAI  USD 24,750.00",
        "Amount in words: US Dollars Twenty Four Thousand Seven Hundred Fifty Only",
        "",
        "Terms: Price CIF Chennai. Payment by irrevocable LC at 60 days from B/L date.",
        "Delivery: within 10 weeks from LC date. Part shipment not allowed.",
        "Inspection: TPI by our nominated agency at supplier works.",
        "",
        "For Kaveri Pumps & Valves Ltd.          Authorised Signatory",
    ]
    raw = build(frm=address("S. Venkataraman", "purchase@kaveripumps.example"),
                to="sales@" + D, subject="Purchase Order - KPV/IMP/2026-27/0142",
                date=dt(10, 19, 17, 36, 5.5), text=text,
                attachments=[("KPV_PO_0142.pdf", "application/pdf", pdf(lines, "Purchase Order KPV/IMP/2026-27/0142"))])
    write(C, "purchase_order", "india_kaveri_pdf", raw,
          {"order_number": "KPV/IMP/2026-27/0142", "total": "24750.00", "currency": "USD", "buyer": "Kaveri Pumps & Valves Ltd."})


@mail
def po_taiwan_big5_dingtai():
    text = """王小姐 您好：

感謝貴司上週的報價，經內部評估後決定下單，訂購內容如下，麻煩確認：

訂單編號：DT-1151102
訂購日期：2026/11/02

項次  品名        料號          數量      單價(USD)   金額(USD)
1     主軸套筒    DT-SP-65      400 pcs   23.40       9,360.00
2     軸承蓋      DT-BC-65      400 pcs    5.10       2,040.00
                              合計：USD 11,400.00

交貨條件：FOB 寧波
付款條件：T/T 出貨前付 30%，餘款見提單副本付清
交期：12 月 15 日前出貨

請回傳 PI，謝謝！

陳怡君
鼎泰精機股份有限公司 採購部
TEL: 04-2532-1866  FAX: 04-2532-1870
"""
    raw = build(frm=address("陳怡君", "yijun.chen@dingtai-mach.example", "big5"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject=encoded("訂購單 DT-1151102", "big5"),
                date=dt(11, 2, 9, 15), text=text, charset="big5", cte="quoted-printable")
    write(C, "purchase_order", "taiwan_big5_dingtai", raw,
          {"order_number": "DT-1151102", "total": "11400.00", "currency": "USD", "buyer": "鼎泰精機股份有限公司"})


@mail
def po_vietnam_reply_thread():
    text = """Dear Ms Lina,

Thank you for your quotation. We agree with the price and want to place the order as below:

PO No.: TC-PO-2611-025
Date: 24/11/2026

1. Bushing TC-BU-30 (CuSn8) - 10,000 pcs x USD 0.36 = USD 3,600.00
2. Flange TC-FL-80 (S355, zinc) - 2,000 pcs x USD 2.85 = USD 5,700.00
Total amount: USD 9,300.00 (CIF Ho Chi Minh)

Please send us the PI for payment deposit 30%. Delivery please before 20/01/2027 because Tet holiday.

Best regards,
Pham Minh Tuan
Purchasing Manager
Thanh Cong Precision Co., Ltd.
Tan Binh Industrial Park, Ho Chi Minh City, Vietnam

-----Original Message-----
From: Lina Wang <lina.wang@kaiyuanprecision.example>
Sent: Thursday, November 19, 2026 4:12 PM
To: Pham Minh Tuan <tuan.pm@thanhcong-prec.example>
Subject: Quotation QT-KY-2026-1187 - bushing & flange

Dear Mr. Tuan,

Thank you for your inquiry. Please find our best offer:

TC-BU-30 bushing, CuSn8: USD 0.36/pc, MOQ 5,000 pcs
TC-FL-80 flange, S355 zinc plated: USD 2.85/pc, MOQ 1,000 pcs
Price term: CIF Ho Chi Minh City. Lead time: 35 days after deposit.
Validity: 30 days.

Best regards,
Lina Wang
Export Sales Manager
Ningbo Kaiyuan Precision Machinery Co., Ltd.
"""
    raw = build(frm=address("Pham Minh Tuan", "tuan.pm@thanhcong-prec.example"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject="RE: Quotation QT-KY-2026-1187 - bushing & flange",
                date=dt(11, 24, 10, 48, 7), text=text,
                in_reply_to="<qt-ky-2026-1187.lina@kaiyuanprecision.example>")
    write(C, "purchase_order", "vietnam_reply_thread", raw,
          {"order_number": "TC-PO-2611-025", "total": "9300.00", "currency": "USD", "buyer": "Thanh Cong Precision Co., Ltd."})


@mail
def po_weidmann_terse_csv_semicolon():
    text = """Hello Lina,

PO 4500123987 attached as csv, pls confirm delivery dates.

Gruß
Markus Vogt
Weidmann Pumpen GmbH & Co. KG, Einkauf
"""
    csv = """Bestellnr.;Pos;Artikelnr.;Bezeichnung;Menge;Einheit;Preis EUR;Betrag EUR;Liefertermin
4500123987;10;WP-4711-02;Laufradnabe bearbeitet;1.200;Stk;4,65;5.580,00;07.12.2026
4500123987;20;WP-4711-08;Deckel bearbeitet;1.200;Stk;3,20;3.840,00;07.12.2026
4500123987;30;WP-4712-15;Welle D25x180;600;Stk;9,75;5.850,00;14.12.2026
;;;;;;Gesamt netto;15.270,00;
""".encode("utf-8")
    raw = build(frm=address("Vogt, Markus", "markus.vogt@weidmann-pumpen.example"),
                to="lina.wang@" + D, subject="PO 4500123987",
                date=dt(11, 3, 7, 58, 1), text=text,
                attachments=[("4500123987.csv", "text/csv", csv)],
                headers=[("X-Mailer", "Microsoft Outlook 16.0")])
    write(C, "purchase_order", "weidmann_terse_csv_semicolon", raw,
          {"order_number": "4500123987", "total": "15270.00", "currency": "EUR", "buyer": "Weidmann Pumpen GmbH & Co. KG"})


@mail
def po_dongrun_foxmail_reply():
    text = """刘经理：

报价已确认，按下面的价格下单，订单号 DR-2026-1208，合计 43,000.00 元（含税）。
制动钳支架 DR-ZJ-11 2000件 单价16.80元；导向销 DR-DX-06 4000件 单价2.35元。
12月20号之前送到我们北仑仓库，正式订单盖章版明天快递过去。

宁波东润汽车部件有限公司
采购 孙立军 13805746621


------------------ 原始邮件 ------------------
发件人: "刘洋"<liuyang@kaiyuanprecision.example>;
发送时间: 2026年12月7日(星期一) 下午3:26
收件人: "孙立军"<sunlj@dongrun-auto.example>;
主题: 报价单 KY-BJ-2026-0517

孙经理您好：

附上报价如下（含13%增值税，含运费送北仑）：
1. 制动钳支架 DR-ZJ-11   16.80 元/件   月产能 5000 件
2. 卡钳导向销 DR-DX-06    2.35 元/件   月产能 20000 件
交期：订单确认后 10 天
报价有效期：30 天

刘洋
宁波开元精密机械有限公司 国内销售部
"""
    raw = build(frm=address("孙立军", "sunlj@dongrun-auto.example", "gb2312"),
                to=address("刘洋", "liuyang@" + D, "gb2312"),
                subject=encoded("回复：报价单 KY-BJ-2026-0517", "gb2312"),
                date=dt(12, 8, 9, 12), text=text, charset="gb2312",
                in_reply_to="<202612071526.ky-bj-0517@kaiyuanprecision.example>",
                headers=[("X-Mailer", "Foxmail 7.2.25.228[cn]")])
    write(C, "purchase_order", "dongrun_foxmail_reply", raw,
          {"order_number": "DR-2026-1208", "total": "43000.00", "currency": "CNY", "buyer": "宁波东润汽车部件有限公司"})


# ---------------------------------------------------------------- invoice

@mail
def inv_yonggang_steel_vat():
    text = """开元精密财务 张会计：

您好！贵司9月份采购的原材料增值税专用发票（数电票）已开具，发票已推送至贵司税务数字账户，
PDF/OFD 版式文件也可在附件下载。发票信息如下，请核对：

发票号码：26332000000184217035
开票日期：2026年09月30日
购买方：宁波开元精密机械有限公司  税号 91330206MA2H7K3X5P
销售方：宁波甬钢金属材料有限公司  税号 91330203698215744C

货物名称              规格        数量(吨)   单价(不含税)   金额
*钢材*45#圆钢          Φ60         5.200      4,380.00       22,776.00
*铝材*6061-T6铝棒      Φ80         1.500     21,600.00       32,400.00

合计金额：￥55,176.00
合计税额（13%）：￥7,172.88
价税合计（大写）：陆万贰仟叁佰肆拾捌元捌角捌分   （小写）￥62,348.88

收款账户：中国工商银行宁波北仑支行  3901 1400 0900 1234 567
付款期限：按合同约定月结30天

如有疑问请与我联系，谢谢！

宁波甬钢金属材料有限公司 财务部
俞晓红  0574-8716 5520
"""
    raw = build(frm=address("俞晓红", "yuxh@yonggang-metal.example", "gbk"),
                to=address("张海燕", "finance@" + D, "gbk"),
                subject=encoded("【发票通知】宁波甬钢金属材料有限公司 9月增值税专用发票 26332000000184217035", "gbk"),
                date=dt(9, 30, 16, 42), text=text, charset="gbk", cte="base64")
    write(C, "invoice", "yonggang_steel_vat", raw,
          {"invoice_number": "26332000000184217035", "issue_date": "2026-09-30", "seller": "宁波甬钢金属材料有限公司",
           "currency": "CNY", "net_total": "55176.00", "tax_total": "7172.88", "gross_total": "62348.88"})


@mail
def inv_hengre_heat_treatment_csv():
    text = """张会计你好，

10月份热处理加工费对账单见附件CSV，请核对。发票已开好，数电专票号码 26332000000211458802，开票日期2026-10-31。

不含税金额 18,640.00
税额(13%) 2,423.20
价税合计 21,063.20 元

麻烦尽快安排付款，谢谢。

北仑恒热热处理 财务 方琳
"""
    csv = """日期,送货单号,工艺,材料,重量kg,单价元/kg,金额元
2026-10-08,HR-1008-03,淬火+回火,45#,3200,2.20,7040.00
2026-10-15,HR-1015-11,渗碳淬火,20CrMnTi,1800,4.50,8100.00
2026-10-27,HR-1027-06,调质,42CrMo,1400,2.50,3500.00
合计,,,,,,18640.00
税额13%,,,,,,2423.20
价税合计,,,,,,21063.20
""".encode("utf-8")
    raw = build(frm=address("方琳", "fanglin@hengre-ht.example", "gb2312"),
                to="finance@" + D, subject=encoded("10月对账单及发票", "gb2312"),
                date=dt(11, 2, 10, 3), text=text, charset="gb2312",
                attachments=[("恒热10月对账单.csv", "text/csv", csv)])
    write(C, "invoice", "hengre_heat_treatment_csv", raw,
          {"invoice_number": "26332000000211458802", "issue_date": "2026-10-31", "seller": "北仑恒热热处理",
           "currency": "CNY", "net_total": "18640.00", "tax_total": "2423.20", "gross_total": "21063.20"})


@mail
def inv_baumann_tools_pdf():
    text = """Dear Mr. Li,

please find attached our invoice RE-2026-04518 for the tools shipped on 14.10.2026 by DHL Express
(AWB 4471 2093 55).

Kind regards

Petra Lindner
Buchhaltung / Accounting
Baumann Präzisionswerkzeuge GmbH

--
Baumann Präzisionswerkzeuge GmbH | Carl-Zeiss-Str. 9 | 72555 Metzingen | Germany
Geschäftsführer: Dr. Ulrich Baumann | HRB 361204 Amtsgericht Stuttgart | USt-IdNr. DE147322580
Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte
sofort den Absender und vernichten Sie diese E-Mail. / This e-mail contains confidential information.
"""
    lines = [
        "RECHNUNG / INVOICE",
        "Baumann Praezisionswerkzeuge GmbH, Carl-Zeiss-Str. 9, 72555 Metzingen, Germany",
        "",
        "Invoice No.:   RE-2026-04518                 Invoice date:  14.10.2026",
        "Customer:      Ningbo Kaiyuan Precision Machinery Co., Ltd., Beilun, Ningbo, PR China",
        "Customer No.:  K-88410                        Your order:    PO-KY-2026-0733",
        "",
        "Pos  Article                                   Qty    Unit price EUR   Amount EUR",
        "1    VHM end mill D10 Z4 TiAlN  BPW-4010          60          38,40       2.304,00",
        "2    Thread mill M12x1.75  BPW-GF12               20          96,50       1.930,00",
        "3    Insert CNMG 120408-PM  BPW-C1204             500          6,12       3.060,00",
        "                                              Subtotal             7.294,00",
        "                                              Freight / packing       86,00",
        "                                              Total net            7.380,00",
        "                                              VAT 0 %                  0,00",
        "                                              TOTAL EUR            7.380,00",
        "",
        "Tax-free export delivery (Par. 4 Nr. 1a UStG).",
        "Payment: 30 days net, due 13.11.2026",
        "Commerzbank Stuttgart  IBAN DE80120300000018764022  BIC COBADEFFXXX",
    ]
    raw = build(frm=address("Petra Lindner", "buchhaltung@baumann-werkzeuge.example"),
                to=address("Li Qiang", "purchase@" + D), cc="finance@" + D,
                subject="Invoice RE-2026-04518", date=dt(10, 14, 14, 20, 2), text=text, cte="quoted-printable",
                attachments=[("RE-2026-04518.pdf", "application/pdf", pdf(lines, "Invoice RE-2026-04518"))])
    write(C, "invoice", "baumann_tools_pdf", raw,
          {"invoice_number": "RE-2026-04518", "issue_date": "2026-10-14", "seller": "Baumann Präzisionswerkzeuge GmbH",
           "currency": "EUR", "net_total": "7380.00", "tax_total": "0.00", "gross_total": "7380.00",
           "iban": "DE80120300000018764022"})


@mail
def inv_mesotec_chf_body():
    text = """Dear Sir or Madam,

We thank you for your order and invoice as follows:

RECHNUNG / INVOICE  Nr. 2026-11-0387
Date: 5 November 2026
Your order: PO-KY-2026-0801 (Mr. Zhou Jianping, Quality Dept.)

Qty  Article                                           Unit price CHF    Total CHF
 1   Height gauge MT-HG600 digital, 0-600 mm             4'850.00        4'850.00
 2   Bore gauge set MT-BG 50-160 mm                      1'275.50        2'551.00
 3   SCS calibration certificate                           120.00          360.00
                                                                     -------------
     Total (export, exempt from Swiss VAT)                           CHF 7'761.00

Terms of payment: 100% in advance - goods will be shipped after receipt of payment.
Bank: Zuger Kantonalbank, 6301 Zug
IBAN CH9000235412876309100, BIC KBZGCH22

Kind regards
Mesotec AG
Reto Imhof, Sales Administration
Baarerstrasse 71, CH-6300 Zug, Switzerland
"""
    raw = build(frm=address("Reto Imhof", "reto.imhof@mesotec.example"),
                to="qa@" + D, cc="finance@" + D,
                subject="Invoice 2026-11-0387 Mesotec AG", date=dt(11, 5, 11, 30, 1), text=text)
    write(C, "invoice", "mesotec_chf_body", raw,
          {"invoice_number": "2026-11-0387", "issue_date": "2026-11-05", "seller": "Mesotec AG",
           "currency": "CHF", "gross_total": "7761.00", "iban": "CH9000235412876309100"})


@mail
def inv_oceanlink_freight_html():
    html = """<html><body style="font-family:Arial;font-size:12px">
<p>Dear Kaiyuan Accounts,</p>
<p>Please find below our freight invoice for your shipment CFR Hamburg (consignee Kessler F&ouml;rdertechnik GmbH).
Kindly arrange payment within 15 days.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:12px">
<tr><td colspan="2"><b>INVOICE No.</b> OLN-INV-2611-0342</td><td colspan="2"><b>Date</b> 2026-11-26</td></tr>
<tr><td colspan="4">B/L No. OLNBHAM2611087 &nbsp; Vessel: MSC ARINA V.FE646W &nbsp; ETD Ningbo 2026-11-22</td></tr>
<tr style="background:#ddd"><th>Charge</th><th>Basis</th><th>Qty</th><th>Amount USD</th></tr>
<tr><td>Ocean freight Ningbo-Hamburg</td><td>40HQ</td><td>1</td><td align="right">1,850.00</td></tr>
<tr><td>BAF</td><td>40HQ</td><td>1</td><td align="right">220.00</td></tr>
<tr><td>Documentation fee</td><td>B/L</td><td>1</td><td align="right">45.00</td></tr>
<tr><td>Telex release</td><td>B/L</td><td>1</td><td align="right">35.00</td></tr>
<tr><td colspan="3" align="right"><b>TOTAL USD</b></td><td align="right"><b>2,150.00</b></td></tr>
</table>
<p>Beneficiary: Oceanlink Logistics (Ningbo) Co., Ltd.<br>
Bank of China Ningbo Branch, SWIFT BKCHCNBJ92A<br>USD A/C 3560 5812 3456</p>
<p>Best regards,<br>Amy Xu | Accounts Dept.<br>Oceanlink Logistics (Ningbo) Co., Ltd.<br>Tel 0574-8730 1262</p>
</body></html>
"""
    raw = build(frm=address("Amy Xu", "accounts@oceanlink-nb.example"), to="finance@" + D,
                subject="Freight invoice OLN-INV-2611-0342 / BL OLNBHAM2611087",
                date=dt(11, 26, 17, 5), html=html)
    write(C, "invoice", "oceanlink_freight_html", raw,
          {"invoice_number": "OLN-INV-2611-0342", "issue_date": "2026-11-26", "seller": "Oceanlink Logistics (Ningbo) Co., Ltd.",
           "currency": "USD", "gross_total": "2150.00"})


@mail
def inv_shunchang_logistics_freight():
    text = """宁波开元精密机械有限公司 财务部：

贵司2026年11月份国内运输费用已对账完毕，发票已开具（数电普票，运输服务税率9%）：

发票号码：26332000000309871144
开票日期：2026-12-02
项目：*运输服务*国内公路货物运输  11月共 37 票

不含税金额：8,450.00 元
税额：760.50 元
价税合计：9,210.50 元

开户行：宁波银行北仑支行  账号：5101 0122 0001 8836 4
请于12月15日前付款，谢谢合作！

宁波顺畅物流有限公司 结算中心
联系人：毛丽  0574-8690 3318
"""
    raw = build(frm=address("顺畅物流结算中心", "jiesuan@shunchang-wl.example", "gb2312"),
                to="finance@" + D, subject=encoded("11月运费发票-开元精密", "gb2312"),
                date=dt(12, 2, 9, 26), text=text, charset="gb2312", cte="quoted-printable")
    write(C, "invoice", "shunchang_logistics_freight", raw,
          {"invoice_number": "26332000000309871144", "issue_date": "2026-12-02", "seller": "宁波顺畅物流有限公司",
           "currency": "CNY", "net_total": "8450.00", "tax_total": "760.50", "gross_total": "9210.50"})


@mail
def inv_huarui_red_credit_note():
    text = """李经理、张会计：

关于10月批次 HR-1023 阀体铸件砂眼退货一事，双方已确认退回 400 件（单价 17.00 元不含税）。
我司已开具红字增值税专用发票冲减，信息如下：

红字发票号码：26332000000412003381
开票日期：2026年11月18日
对应蓝字发票：26332000000387650214
金额：-6,800.00
税额：-884.00
价税合计：-7,684.00 元

请在下次付款时直接扣减。给贵司添麻烦了，我们已经整改造型工艺，后续批次会加强检验。

浙江华瑞铸造有限公司
销售内勤 潘婷
电话 0576-8813 4402
"""
    raw = build(frm=address("潘婷", "panting@huarui-casting.example", "gbk"),
                to="purchase@" + D, cc="finance@" + D,
                subject=encoded("红字发票 - HR-1023 退货冲减", "gbk"),
                date=dt(11, 18, 15, 51), text=text, charset="gbk")
    write(C, "invoice", "huarui_red_credit_note", raw,
          {"invoice_number": "26332000000412003381", "issue_date": "2026-11-18", "seller": "浙江华瑞铸造有限公司",
           "currency": "CNY", "net_total": "-6800.00", "tax_total": "-884.00", "gross_total": "-7684.00"})


@mail
def inv_aurora_reminder_italy():
    text = """Spett.le Ningbo Kaiyuan Precision Machinery Co., Ltd.,
Dear Sirs,

SOLLECITO DI PAGAMENTO / PAYMENT REMINDER

According to our records the following invoice is still open. The due date was 15/10/2026.

Fattura n. / Invoice no.:   2026/FE/1187
Data / Date:                15/09/2026
Ordine / Your order:        PO-KY-2026-0615

  4 fusti AURO-CUT 800 (200 L)      x 612,00 EUR   =  2.448,00 EUR
  2 fusti AURO-SLIDE 68 (208 L)     x 484,00 EUR   =    968,00 EUR
  Totale imponibile                                   3.416,00 EUR
  IVA non imponibile art. 8 c.1 lett. a DPR 633/72        0,00 EUR
  TOTALE FATTURA                                      3.416,00 EUR

Please transfer the amount of EUR 3.416,00 to:
Banco BPM S.p.A. - Filiale di Reggio Emilia
IBAN: IT36B0503401633000000031877   BIC: BAPPIT21A84

If payment has already been made, please disregard this reminder and send us the remittance advice.

Distinti saluti / Best regards
Chiara Benedetti
Ufficio Amministrazione
Lubrificanti Aurora S.r.l.
Via dell'Industria 18, 42124 Reggio Emilia (RE), Italia - P.IVA IT02841570359
"""
    raw = build(frm=address("Chiara Benedetti", "amministrazione@lubrificanti-aurora.example"),
                to="finance@" + D, subject="Sollecito di pagamento - fattura 2026/FE/1187",
                date=dt(10, 29, 10, 2, 1), text=text, charset="windows-1252", cte="quoted-printable")
    write(C, "invoice", "aurora_reminder_italy", raw,
          {"invoice_number": "2026/FE/1187", "issue_date": "2026-09-15", "seller": "Lubrificanti Aurora S.r.l.",
           "currency": "EUR", "net_total": "3416.00", "tax_total": "0.00", "gross_total": "3416.00",
           "iban": "IT36B0503401633000000031877"})


@mail
def inv_hsinchuan_big5_pdf():
    text = """李先生 您好：

貴司訂購的主軸軸承及備品已於今日由順豐國際寄出，單號 SF1350 2281 9973。
附件為商業發票，請查收並安排匯款，謝謝。

新全機械零件有限公司
業務部 黃淑芬
TEL: 886-4-2271-5538
"""
    lines = [
        "COMMERCIAL INVOICE",
        "Hsin Chuan Machine Parts Co., Ltd.   No. 25, Lane 88, Sec. 2, Taiping Rd., Taichung 411, Taiwan",
        "",
        "Invoice No.: HC-INV-261204              Date: Dec. 4, 2026",
        "Sold to: Ningbo Kaiyuan Precision Machinery Co., Ltd., Beilun District, Ningbo, China",
        "Your P/O: PO-KY-2026-0955               Terms: T/T in advance",
        "",
        "Item  Description                              Qty   Unit Price (USD)   Amount (USD)",
        "1     Spindle bearing 7014 CTYNSULP4           4          186.00            744.00",
        "2     Drawbar assembly BT40                    1          412.00            412.00",
        "3     Coolant pump 0.4 kW                      1          265.00            265.00",
        "                                               Subtotal               1,421.00",
        "                                               Courier (SF Express)      38.00",
        "                                               TOTAL USD              1,459.00",
        "",
        "Bank: Mega International Commercial Bank, Taichung Branch   SWIFT: ICBCTWTP007",
        "A/C No.: 007-09-12345-6   Beneficiary: Hsin Chuan Machine Parts Co., Ltd.",
    ]
    raw = build(frm=address("黃淑芬", "sales@hsinchuan-parts.example", "big5"),
                to=address("李強", "purchase@" + D, "big5"),
                subject=encoded("Invoice HC-INV-261204 / 主軸軸承", "big5"),
                date=dt(12, 4, 16, 40), text=text, charset="big5",
                attachments=[("HC-INV-261204.pdf", "application/pdf", pdf(lines, "Invoice HC-INV-261204"))])
    write(C, "invoice", "hsinchuan_big5_pdf", raw,
          {"invoice_number": "HC-INV-261204", "issue_date": "2026-12-04", "seller": "Hsin Chuan Machine Parts Co., Ltd.",
           "currency": "USD", "gross_total": "1459.00"})


# ---------------------------------------------------------------- support_ticket

@mail
def st_greatlakes_line_down():
    text = """Lina - URGENT

Our assembly line 2 is DOWN since 6 am. The end plugs GLF-PL-045 from your last shipment (PO 4500-88217,
lot KY-2611-0457) will not thread into the valve bodies - the 3/4 NPT thread gauges out of tolerance,
L1 gauge fails on about 1 out of 3 parts we checked. We have 2,400 pcs on the floor and can't use them.

I need from you TODAY:
 1. containment - are other lots affected? do you have stock you can air freight?
 2. your inspection records for this lot (thread gauge results)
 3. someone on a call with our quality engineer, tonight your time is fine

Every shift down costs us real money and I have to explain this to my plant manager at 2pm.

Mark Jablonski
Great Lakes Fluid Power Inc.
cell 231-555-0166

Sent from my iPhone
"""
    raw = build(frm=address("Mark Jablonski", "mjablonski@glfluidpower.example"),
                to=address("Lina Wang", "lina.wang@" + D), cc="qa@" + D,
                subject="URGENT - line down - bad threads on GLF-PL-045",
                date=dt(12, 14, 8, 12, -5), text=text, headers=[("Importance", "high"), ("X-Priority", "1")])
    write(C, "support_ticket", "greatlakes_line_down", raw, {"customer_email": "mjablonski@glfluidpower.example"})


@mail
def st_kessler_reklamation_8d():
    text = """Dear Mrs. Wang,

we have to inform you about a complaint (Reklamation) for delivery to order BE-2026-10417.

At incoming inspection we found on item KF-W-220 (shaft D30x220) that the bearing seat diameter is
30,018-30,025 mm, drawing requires 30 k6 (+0,002/+0,015). 46 of 80 sampled parts are out of tolerance.
The complete lot of 400 pcs is blocked in our warehouse (Sperrlager).

Please send us within 24 h the immediate containment actions (D3) and within 10 working days a complete
8D report. Our complaint number is Q-RK-2026-0311, please refer to it in all correspondence.
Measurement report and photos are attached.

We expect a replacement delivery before KW 2/2027, otherwise we must charge the sorting costs to you.

Mit freundlichen Grüßen
Stefan Berger
Qualitätssicherung / Quality Assurance
Kessler Fördertechnik GmbH
Tel. +49 7161 555 245
"""
    raw = build(frm=address("Stefan Berger", "s.berger@kessler-foerdertechnik.example"),
                to=address("Lina Wang", "lina.wang@" + D), cc="s.kraemer@kessler-foerdertechnik.example",
                subject="Reklamation Q-RK-2026-0311 / Ihre Lieferung zu BE-2026-10417",
                date=dt(12, 9, 13, 27, 1), text=text, charset="iso-8859-1", cte="quoted-printable")
    write(C, "support_ticket", "kessler_reklamation_8d", raw, {"customer_email": "s.berger@kessler-foerdertechnik.example"})


@mail
def st_hengli_dimension_complaint():
    text = """周经理、刘经理：

你们好！

我司11月6日收到贵司送货（送货单号 KY-SH-261106-02）的活塞杆 HL-HS-40，共 500 件。
来料检验发现以下问题：

1. 镀铬层厚度不均，局部只有 8μm（要求 ≥20μm），抽检 32 件中有 9 件不合格；
2. 部分活塞杆表面有划伤，长度 5-15mm 不等；
3. 有 3 件螺纹端倒角漏加工。

目前这批货已全部隔离，装配线只能用库存顶着，最多撑到下周三。
请贵司尽快派人过来确认，并在 3 天内给出书面原因分析和整改措施。不良品照片见附件。

订单号：HL-PO-20261012-03

杭州恒力液压件有限公司 质量部
吴建国  0571-8269 3368
"""
    raw = build(frm=address("吴建国", "wujg@hengli-hyd.example", "gbk"),
                to="qa@" + D, cc="liuyang@" + D,
                subject=encoded("质量投诉：活塞杆 HL-HS-40 镀铬不良", "gbk"),
                date=dt(11, 9, 10, 45), text=text, charset="gbk", cte="base64")
    write(C, "support_ticket", "hengli_dimension_complaint", raw, {"customer_email": "wujg@hengli-hyd.example"})


@mail
def st_india_vague():
    text = """Dear Sir

We have received the material against our PO. Some problem is observed in the material,
our QC team is checking. Kindly look into the matter and do the needful.

Regards
S. Venkataraman
Kaveri Pumps & Valves Ltd.
"""
    raw = build(frm=address("S. Venkataraman", "purchase@kaveripumps.example"),
                to="sales@" + D, subject="Material problem", date=dt(12, 21, 12, 9, 5.5), text=text)
    write(C, "support_ticket", "india_vague", raw, {"customer_email": "purchase@kaveripumps.example"})


@mail
def st_dingtai_rust_big5():
    text = """王小姐 您好：

貴司 12/15 出貨的主軸套筒（訂單 DT-1151102）今天到廠，開箱後發現約有三分之一
表面有明顯鏽斑，內孔也有。紙箱內的防鏽紙好像沒有放，也沒有乾燥劑。

照片如附件。這批貨我們目前無法上線，請貴司說明原因並提出處理方式（重工或補貨）。
另外運費及重工費用需要由貴司負擔，請一併回覆。

謝謝

陳怡君
鼎泰精機股份有限公司 採購部
"""
    raw = build(frm=address("陳怡君", "yijun.chen@dingtai-mach.example", "big5"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject=encoded("主軸套筒生鏽問題 - DT-1151102", "big5"),
                date=dt(12, 28, 15, 3), text=text, charset="big5", cte="base64")
    write(C, "support_ticket", "dingtai_rust_big5", raw, {"customer_email": "yijun.chen@dingtai-mach.example"})


@mail
def st_vietnam_short_shipment():
    text = """Dear Ms Lina,

We received the container today for PO TC-PO-2611-025. But we count the bushing TC-BU-30 only
9,200 pcs, missing 800 pcs (2 cartons?). Packing list says 10,000 pcs / 25 cartons but we have 23 cartons.
Flange is OK.

Please check and send the missing quantity with next shipment, or credit note. Our production need it
before Tet so please hurry.

Thanks & best regards,
Pham Minh Tuan
Thanh Cong Precision Co., Ltd.
"""
    raw = build(frm=address("Pham Minh Tuan", "tuan.pm@thanhcong-prec.example"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject="Missing quantity TC-BU-30", date=dt(12, 30, 16, 22, 7), text=text)
    write(C, "support_ticket", "vietnam_short_shipment", raw, {"customer_email": "tuan.pm@thanhcong-prec.example"})


@mail
def st_qq_thread_gauge_mobile():
    text = """刘工，你们上周送的导向轴M16螺纹止规能拧进去，200根抽了20根有6根不行，这边客户明天验收，急！！！
赶紧安排人过来处理，电话打你没接

发自我的iPhone
"""
    raw = build(frm=address("许工", "1845523067@qq.example", "gb18030"),
                to="liuyang@" + D, subject=encoded("急！！导向轴螺纹不合格", "gb18030"),
                date=dt(11, 26, 19, 58), text=text, charset="gb18030", cte="base64")
    write(C, "support_ticket", "qq_thread_gauge_mobile", raw, {"customer_email": "1845523067@qq.example"})


@mail
def st_atlas_torque_question():
    text = """Hi Lina,

Quick technical question before we release the first production lot of the bow eyes (AMH-BW-0118).
Our assembly team wants to know the max. tightening torque for the 3/8-16 UNC stud on the 316 casting -
the drawing only gives thread class 2A. Also, can you confirm whether the studs were passivated after
threading? We had galling issues with another supplier's parts and want to avoid that.

If you have a test report or a recommendation (anti-seize compound yes/no) that would help a lot.

Thanks,
Tiffany

Tiffany Morales
Purchasing Coordinator | Atlas Marine Hardware LLC
o: 904-555-0178
"""
    raw = build(frm=address("Tiffany Morales", "tmorales@atlasmarinehw.example"),
                to=address("Lina Wang", "lina.wang@" + D),
                subject="bow eye - torque spec / galling?", date=dt(12, 16, 11, 40, -5), text=text)
    write(C, "support_ticket", "atlas_torque_question", raw, {"customer_email": "tmorales@atlasmarinehw.example"})


@mail
def st_weidmann_escalation_thread():
    text = """Lina,

this is now the third time I write. Still no answer on the porosity in the Laufradnabe WP-4711-02.
Our customer rejected 14 pumps because of leakage at the hub. I need a statement TODAY, otherwise
I have to escalate to our management and block you as supplier for new projects.

Markus Vogt
Weidmann Pumpen GmbH & Co. KG, Einkauf

-----Original Message-----
From: Vogt, Markus
Sent: Monday, December 14, 2026 9:05 AM
To: 'Lina Wang' <lina.wang@kaiyuanprecision.example>
Subject: AW: Porosity WP-4711-02 / PO 4500123987

Hello Lina,

any news? We need at least a first feedback about root cause.

Markus

-----Original Message-----
From: Vogt, Markus
Sent: Wednesday, December 9, 2026 2:31 PM
To: 'Lina Wang' <lina.wang@kaiyuanprecision.example>
Subject: Porosity WP-4711-02 / PO 4500123987

Hello Lina,

in the delivery for PO 4500123987 we found porosity (Lunker) in the bore of the Laufradnabe WP-4711-02
after machining. See photos. Pressure test at 16 bar leaks on approx. 5 %. Please check your casting
supplier and tell us how to proceed with the 1.200 pcs.

Gruß
Markus
"""
    raw = build(frm=address("Vogt, Markus", "markus.vogt@weidmann-pumpen.example"),
                to="lina.wang@" + D, cc="qa@" + D,
                subject="AW: AW: Porosity WP-4711-02 / PO 4500123987 - 3rd reminder!!",
                date=dt(12, 17, 8, 3, 1), text=text, headers=[("X-Mailer", "Microsoft Outlook 16.0")])
    write(C, "support_ticket", "weidmann_escalation_thread", raw, {"customer_email": "markus.vogt@weidmann-pumpen.example"})


# ---------------------------------------------------------------- approval

@mail
def ap_chen_approve_quote_cn():
    text = """同意。

陈国栋
发自我的华为手机


------------------ 原始邮件 ------------------
发件人: "Mailroom"<mailroom@kaiyuanprecision.example>;
发送时间: 2026年10月9日(星期五) 上午9:02
收件人: "陈国栋"<chen.guodong@kaiyuanprecision.example>;
主题: 需要审批：报价 Q-2026-0388 杭州恒力液压件有限公司 – 61,150.00 CNY [APR-2026-0231]

需要您的审批。

类型：报价
客户：杭州恒力液压件有限公司
金额：61,150.00 CNY（含税）
毛利率：18.6%
参考号：APR-2026-0231

请回复"同意"（Approved）或"拒绝"（Rejected）。
"""
    raw = build(frm=address("陈国栋", "chen.guodong@" + D, "gb2312"), to="mailroom@" + D,
                subject=encoded("回复：需要审批：报价 Q-2026-0388 杭州恒力液压件有限公司 – 61,150.00 CNY [APR-2026-0231]", "utf-8"),
                date=dt(10, 9, 9, 47), text=text, charset="gb18030",
                in_reply_to=f"<approval.apr-2026-0231@{D}>")
    write(C, "approval", "chen_approve_quote_cn", raw, {"decision": "approve", "reference": "APR-2026-0231"})


@mail
def ap_chen_reject_quote_en():
    text = """Rejected. 9.4% is too thin for investment castings, the 316 alloy surcharge went up again since September.
Lina please requote with at least +8% on the cleats and check the casting cost with Huarui first.

Chen

> -----Original Message-----
> From: Mailroom <mailroom@kaiyuanprecision.example>
> Sent: Monday, December 7, 2026 10:15 AM
> To: Chen Guodong <chen.guodong@kaiyuanprecision.example>
> Subject: Approval needed: Quote Q-2026-1302 for Atlas Marine Hardware LLC – 62,180.00 USD [APR-2026-0266]
>
> Approval needed
> Quote Q-2026-1302 for Atlas Marine Hardware LLC
> Amount: 62,180.00 USD
> Margin: 9.4 %
> Reference: APR-2026-0266
>
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Chen Guodong", "chen.guodong@" + D), to="mailroom@" + D, cc="lina.wang@" + D,
                subject="Re: Approval needed: Quote Q-2026-1302 for Atlas Marine Hardware LLC – 62,180.00 USD [APR-2026-0266]".replace("–", "-"),
                date=dt(12, 7, 11, 2), text=text, in_reply_to=f"<approval.apr-2026-0266@{D}>")
    write(C, "approval", "chen_reject_quote_en", raw, {"decision": "reject", "reference": "APR-2026-0266"})


@mail
def ap_zhang_conditional_invoice():
    text = """同意付款，但请先跟采购部确认这批刀具已经全部入库验收，入库单号补在付款申请里。

张海燕
财务部


> 需要审批：供应商发票 RE-2026-04518 Baumann Präzisionswerkzeuge GmbH – 7,380.00 EUR [APR-2026-0247]
>
> 参考号：APR-2026-0247
> 供应商：Baumann Präzisionswerkzeuge GmbH
> 金额：7,380.00 EUR，到期日 2026-11-13
>
> 请回复 Approved（同意）或 Rejected（拒绝）。
"""
    raw = build(frm=address("张海燕", "finance@" + D, "utf-8"), to="mailroom@" + D,
                subject=encoded("回复：需要审批：供应商发票 RE-2026-04518 – 7,380.00 EUR [APR-2026-0247]", "utf-8"),
                date=dt(11, 10, 14, 33), text=text, cte="base64",
                in_reply_to=f"<approval.apr-2026-0247@{D}>")
    write(C, "approval", "zhang_conditional_invoice", raw, {"decision": "approve", "reference": "APR-2026-0247"})


# ---------------------------------------------------------------- auto_reply

@mail
def ar_national_day_cn():
    text = """您好！

我司于2026年10月1日至10月8日放国庆假期，10月9日正常上班。假期期间邮件可能无法及时回复，
紧急事宜请致电 138 6215 0447。

祝节日快乐！
苏州瑞驰新能源科技有限公司 采购部 顾敏
"""
    raw = build(frm=address("顾敏", "gumin@ruichi-ev.example", "gb2312"), to="liuyang@" + D,
                subject=encoded("自动回复：回复：询价：铝合金壳体 SZ-EV-0317/0318/0421 CNC加工", "gb2312"),
                date=dt(10, 2, 10, 15), text=text, charset="gb2312",
                headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    write(C, "auto_reply", "national_day_cn", raw)


@mail
def ar_thanksgiving_ooo_en():
    text = """Thank you for your message. I am out of the office for the Thanksgiving holiday from
Thursday, November 26 through Monday, November 30, with limited access to email.

For urgent purchasing matters please contact Jenna Price (jprice@midwestpump.example, +1 937 555 0150).

Regards,
Kevin Brandt
Midwest Pump Components Inc.
"""
    raw = build(frm=address("Brandt, Kevin", "kbrandt@midwestpump.example"), to="lina.wang@" + D,
                subject="Automatic reply: Quotation MP300 housing family - revised", date=dt(11, 26, 20, 4, -5), text=text)
    write(C, "auto_reply", "thanksgiving_ooo_en", raw)


@mail
def ar_dsn_user_unknown():
    human = """This is the mail system at host mx1.kaiyuanprecision.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

<tran.long@viethung-mach.example>: host mail.viethung-mach.example[203.0.113.41]
    said: 550 5.1.1 <tran.long@viethung-mach.example>: Recipient address rejected:
    User unknown in virtual mailbox table (in reply to RCPT TO command)"""
    status = """Reporting-MTA: dns; mx1.kaiyuanprecision.example
X-Postfix-Queue-ID: 4QkX1m2Pz9z7Lw
Arrival-Date: Wed, 18 Nov 2026 10:21:44 +0800 (CST)

Final-Recipient: rfc822; tran.long@viethung-mach.example
Original-Recipient: rfc822;tran.long@viethung-mach.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.viethung-mach.example
Diagnostic-Code: smtp; 550 5.1.1 <tran.long@viethung-mach.example>: Recipient
    address rejected: User unknown in virtual mailbox table"""
    headers = """From: Lina Wang <lina.wang@kaiyuanprecision.example>
To: Nguyen Thi Thu Ha <ha.ntt@viethung-mach.example>
Cc: tran.long@viethung-mach.example
Subject: Quotation QT-KY-2026-1164 - drive shaft / pin shaft
Date: Wed, 18 Nov 2026 10:21:40 +0800
Message-ID: <qt-ky-2026-1164.lina@kaiyuanprecision.example>"""
    raw = report([("From", "MAILER-DAEMON@mx1.kaiyuanprecision.example (Mail Delivery System)"),
                  ("To", "lina.wang@" + D),
                  ("Subject", "Undelivered Mail Returned to Sender"),
                  ("Date", dt(11, 18, 10, 21)),
                  ("Message-ID", "<20261118022146.5C1F2A0412@mx1.kaiyuanprecision.example>"),
                  ("Auto-Submitted", "auto-replied")], "4QkX1m2Pz9z7Lw.1795054906/mx1.kaiyuanprecision.example",
                 [("Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii", human),
                  ("Content-Description: Delivery report\nContent-Type: message/delivery-status", status),
                  ("Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers", headers)])
    write(C, "auto_reply", "dsn_user_unknown", raw)


@mail
def ar_163_bounce_plain_cn():
    text = """您好，这是系统退信通知。

您发送的邮件未能成功投递到以下收件人：
    caigou_wxby@163.example

退信原因：收件人邮箱空间已满（552 Requested mail action aborted: exceeded mailsize limit）

原邮件信息：
    主题：报价单 KY-BJ-2026-0492
    发送时间：2026年11月12日 14:08

请联系收件人清理邮箱后重新发送。此邮件为系统自动发出，请勿直接回复。

网易邮件中心
"""
    raw = build(frm=address("系统退信", "postmaster@163.example", "gbk"), to="liuyang@" + D,
                subject=encoded("系统退信：报价单 KY-BJ-2026-0492", "gbk"),
                date=dt(11, 12, 14, 9), text=text, charset="gbk", cte="base64")
    write(C, "auto_reply", "163_bounce_plain_cn", raw)


@mail
def ar_read_receipt_de():
    human = """Ihre Nachricht

    An: Stefan Berger
    Betreff: RE: Reklamation Q-RK-2026-0311 / Ihre Lieferung zu BE-2026-10417
    Gesendet: Donnerstag, 10. Dezember 2026 03:12:40 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien

wurde am Donnerstag, 10. Dezember 2026 07:41:05 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien gelesen."""
    mdn = """Reporting-UA: kessler-foerdertechnik.example; Microsoft Outlook 16.0
Final-Recipient: rfc822;s.berger@kessler-foerdertechnik.example
Original-Message-ID: <8d-q-rk-2026-0311.lina@kaiyuanprecision.example>
Disposition: manual-action/MDN-sent-manually; displayed"""
    raw = report([("From", "Stefan Berger <s.berger@kessler-foerdertechnik.example>"),
                  ("To", "Lina Wang <lina.wang@kaiyuanprecision.example>"),
                  ("Subject", "Gelesen: RE: Reklamation Q-RK-2026-0311 / Ihre Lieferung zu BE-2026-10417"),
                  ("Date", dt(12, 10, 7, 41, 1)),
                  ("Message-ID", "<mdn.0a7731c2@kessler-foerdertechnik.example>")],
                 "----=_NextPart_MDN_01DB4A9E.2F6C1B30",
                 [("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 7bit", human),
                  ("Content-Type: message/disposition-notification", mdn)],
                 report_type="disposition-notification")
    write(C, "auto_reply", "read_receipt_de", raw)


# ---------------------------------------------------------------- other

@mail
def ot_tool_shop_newsletter():
    html = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>刀具商城 双十一特惠</title></head>
<body style="margin:0;background:#f2f2f2">
<table width="640" align="center" cellpadding="0" cellspacing="0" style="background:#fff;font-family:'Microsoft YaHei',sans-serif">
<tr><td style="background:#c8102e;color:#fff;padding:18px;font-size:22px"><b>锐刃工具商城 · 双十一金属加工刀具节</b></td></tr>
<tr><td style="padding:16px;font-size:14px">尊敬的宁波开元精密机械有限公司客户：<br>11月1日-11月11日，全场数控刀片低至<b>6.8折</b>，满 5,000 元再减 300 元！</td></tr>
<tr><td style="padding:0 16px">
<table width="100%" border="0" cellpadding="6" style="font-size:13px">
<tr style="background:#fbe9eb"><td>CNMG120408-PM 钢件车削刀片</td><td>原价 ￥32.00/片</td><td style="color:#c8102e"><b>￥21.80/片</b></td></tr>
<tr><td>APMT1604PDER 铣削刀片</td><td>原价 ￥18.50/片</td><td style="color:#c8102e"><b>￥12.60/片</b></td></tr>
<tr style="background:#fbe9eb"><td>4刃整硬立铣刀 D10 涂层</td><td>原价 ￥168.00/支</td><td style="color:#c8102e"><b>￥115.00/支</b></td></tr>
<tr><td>M12 螺纹铣刀</td><td>原价 ￥420.00/支</td><td style="color:#c8102e"><b>￥299.00/支</b></td></tr>
</table></td></tr>
<tr><td align="center" style="padding:20px"><a href="https://shop.ruiren-tools.example/d11?utm_source=edm" style="background:#c8102e;color:#fff;padding:12px 40px;text-decoration:none;font-size:16px">立即抢购</a></td></tr>
<tr><td style="padding:12px;font-size:11px;color:#888">本邮件由系统自动发送。如不希望再收到此类邮件，请<a href="https://shop.ruiren-tools.example/unsub?u=8841">退订</a>。<br>
苏州锐刃工具有限公司 | 客服热线 400-820-6617</td></tr>
</table></body></html>
"""
    raw = build(frm=address("锐刃工具商城", "edm@mail.ruiren-tools.example", "utf-8"), to="purchase@" + D,
                subject=encoded("双十一刀具节开启！数控刀片低至6.8折，满5000减300", "utf-8"),
                date=dt(10, 31, 10, 0), html=html, cte="base64",
                headers=[("List-Unsubscribe", "<https://shop.ruiren-tools.example/unsub?u=8841>"),
                         ("List-Id", "<edm.ruiren-tools.example>"), ("Precedence", "bulk")])
    write(C, "other", "tool_shop_newsletter", raw)


@mail
def ot_trade_fair_invitation():
    html = """<html><body style="font-family:Arial,sans-serif;font-size:13px;color:#222">
<div style="max-width:620px;margin:auto">
<img src="https://www.metalform-expo.example/img/banner2027.jpg" alt="MetalForm Asia 2027" width="620">
<h2 style="color:#004b87">You are invited: MetalForm Asia 2027, Shanghai, 9-12 March 2027</h2>
<p>Dear Ms. Lina Wang,</p>
<p>As a 2025 exhibitor, Ningbo Kaiyuan Precision Machinery is entitled to <b>early-bird booth rates until
15 January 2027</b>:</p>
<ul><li>Raw space: USD 310 / sqm (regular USD 365)</li>
<li>Shell scheme 9 sqm: USD 3,150 (regular USD 3,690)</li>
<li>Matchmaking program with 1,200+ pre-registered buyers from Europe, North America and ASEAN</li></ul>
<p style="text-align:center"><a href="https://www.metalform-expo.example/book" style="background:#004b87;color:#fff;padding:10px 30px;text-decoration:none">Book your booth now</a></p>
<p>Best regards,<br>Exhibitor Relations Team<br>MetalForm Asia Exhibitions Co., Ltd.</p>
</div></body></html>
"""
    raw = build(frm=address("MetalForm Asia 2027", "exhibitors@metalform-expo.example"), to="lina.wang@" + D,
                subject="Early-bird booth offer - MetalForm Asia 2027 Shanghai", date=dt(12, 1, 15, 30), html=html)
    write(C, "other", "trade_fair_invitation", raw)


@mail
def ot_colleague_where_is_drawing():
    text = """刘洋，

恒力那个活塞杆 HS40-500 的最新版图纸你放哪了？共享盘 \\\\fs01\\技术部\\客户图纸\\恒力 下面只有 A 版，
客户说现在是 C 版，镀铬厚度改过。我这边要做检验指导书，下午三点前要，谢谢。

建平
"""
    raw = build(frm=address("周建平", "qa@" + D, "gb2312"), to=address("刘洋", "liuyang@" + D, "gb2312"),
                subject=encoded("HS40图纸在哪", "gb2312"), date=dt(11, 10, 10, 12), text=text, charset="gb2312")
    write(C, "other", "colleague_where_is_drawing", raw)


@mail
def ot_internal_meeting_notice():
    text = """各位：

本周五（12月18日）下午2:00在三楼会议室召开12月质量例会，议题：
1. 恒力活塞杆镀铬不良 8D 进展（品质部）
2. Kessler 轴类尺寸超差 / Weidmann 铸件气孔 客诉处理情况（外贸部、品质部）
3. 年底设备保养计划（设备部）
4. 2027年一季度外协供应商评审安排（采购部）

请各部门负责人准时参加，不能参加的请提前和我说。

行政部 徐静
分机 8016
"""
    raw = build(frm=address("徐静", "xujing@" + D, "utf-8"), to="all-managers@" + D,
                subject=encoded("【会议通知】12月质量例会 周五下午2点", "utf-8"),
                date=dt(12, 15, 17, 48), text=text)
    write(C, "other", "internal_meeting_notice", raw)


@mail
def ot_dhl_shipment_notification():
    text = """Your shipment is on its way

Waybill: 1938 4470 62
From: Ningbo Kaiyuan Precision Machinery Co., Ltd., Ningbo, CN
To: Atlas Marine Hardware LLC, Jacksonville, FL, US
Pieces: 2   Weight: 14.6 kg
Content: FAI samples AMH-CL-0650 / AMH-HG-0210 / AMH-BW-0118

Status: Processed at SHANGHAI - CHINA MAINLAND, 02 Dec 2026 23:14
Estimated delivery: Monday, 07 Dec 2026 by end of day

Track your shipment: https://track.expressparcel.example/?AWB=1938447062

This is an automatically generated email, please do not reply.
ExpressParcel International | Privacy notice: https://www.expressparcel.example/privacy
"""
    raw = build(frm=address("ExpressParcel Notification", "noreply@notify.expressparcel.example"),
                to="lina.wang@" + D, subject="ExpressParcel shipment 1938447062 is on its way",
                date=dt(12, 3, 0, 5), text=text)
    write(C, "other", "dhl_shipment_notification", raw)


@mail
def ot_bank_inward_remittance():
    text = """尊敬的客户：

您的账户有一笔境外汇入汇款已到账，详情如下：

收款人：宁波开元精密机械有限公司
收款账号：3560****8812
汇款人：GREAT LAKES FLUID POWER INC.
汇款行：JPMORGAN CHASE BANK N.A.
币种及金额：USD 21,348.00
附言：PO 4500-88217 INV KY-EX-2611-018
入账日期：2026-12-11

请登录企业网银进行国际收支申报。如有疑问请拨打客服热线 95566。

中国银行宁波分行
（本邮件由系统自动发送，请勿回复）
"""
    raw = build(frm=address("中国银行", "noreply@ebank.boc-sample.example", "gbk"), to="finance@" + D,
                subject=encoded("【中国银行】境外汇入汇款到账通知", "gbk"),
                date=dt(12, 11, 11, 20), text=text, charset="gbk", cte="base64")
    write(C, "other", "bank_inward_remittance", raw)


@mail
def ot_phishing_mailbox_full():
    html = """<html><body style="font-family:SimSun">
<p>尊敬的用户 finance@kaiyuanprecision.example：</p>
<p>您的邮箱存储空间已使用 <b style="color:red">98%</b>，系统将于 24 小时内暂停收信并清空未读邮件。</p>
<p>请立即点击下方链接进行邮箱验证和扩容（免费）：</p>
<p><a href="http://kaiyuanprecision-mail.verify-login.example/owa/?u=finance">立即验证邮箱</a></p>
<p>另：附件中的《2026年第四季度工资调整明细.html》请查收。</p>
<p>邮件系统管理员</p></body></html>
"""
    raw = build(frm=address("邮件系统管理员", "admin@mail-secure-center.example", "gb2312"), to="finance@" + D,
                subject=encoded("【紧急】您的邮箱容量已满，请立即验证", "gb2312"),
                date=dt(11, 20, 3, 17), html=html, charset="gb2312")
    write(C, "other", "phishing_mailbox_full", raw)


@mail
def ot_customer_thanks_received():
    text = """Hi Lina,

Goods received in good order this morning, all 60 cartons. Thanks for the quick turnaround.
Will let you know once QC releases them.

Cheers,
Raymond

Sent from my iPhone

> On 25 Nov 2026, at 17:40, Lina Wang <lina.wang@kaiyuanprecision.example> wrote:
>
> Dear Raymond, the valve stems were delivered to your Kwai Chung warehouse by our HK agent today,
> DN no. HK-261125-07. Please check and confirm. Best regards, Lina
"""
    raw = build(frm=address("Raymond Cheung", "raymond.cheung@pearlriver-ind.example"), to="lina.wang@" + D,
                subject="Re: Delivery - SS316 valve stems", date=dt(11, 26, 9, 55), text=text,
                in_reply_to="<dn-hk-261125-07.lina@kaiyuanprecision.example>")
    write(C, "other", "customer_thanks_received", raw)


@mail
def ot_supplier_order_confirmation():
    text = """李经理：

贵司采购单 PO-KY-2026-1012 已收到，确认如下：

45#圆钢 Φ60   6.000 吨   单价 4,420.00 元/吨（含税）   金额 26,520.00 元
40Cr圆钢 Φ45  3.000 吨   单价 4,860.00 元/吨（含税）   金额 14,580.00 元
合计：41,100.00 元（含13%税）

交货日期：12月10日，送货到贵司北仑厂区，随货附材质单。
货到后按月结方式付款，发票月底统一开具。

宁波甬钢金属材料有限公司 销售部
钱伟  138 0574 2291
"""
    raw = build(frm=address("钱伟", "qianwei@yonggang-metal.example", "gbk"), to="purchase@" + D,
                subject=encoded("订单确认 PO-KY-2026-1012", "gbk"), date=dt(12, 3, 13, 40), text=text, charset="gbk")
    write(C, "other", "supplier_order_confirmation", raw)


@mail
def ot_customer_delivery_question():
    text = """刘经理，

订单 HL-PO-20261012-03 第二批（剩余的端盖和导向套）什么时候能发出？我们这边排产需要，麻烦给个确切日期。

赵雪梅
杭州恒力液压件有限公司 采购部
"""
    raw = build(frm=address("赵雪梅", "zhaoxm@hengli-hyd.example", "gbk"), to="liuyang@" + D,
                subject=encoded("第二批发货时间？", "gbk"), date=dt(11, 4, 8, 52), text=text, charset="gbk",
                headers=[("X-Mailer", "Foxmail 7.2.23.121[cn]")])
    write(C, "other", "customer_delivery_question", raw)


@mail
def ot_job_application():
    text = """尊敬的人事部领导：

您好！我叫黄志鹏，今年28岁，湖南邵阳人，数控技术专业大专毕业，有6年数控车床和加工中心操作经验，
熟悉 FANUC、三菱系统，能看懂机械图纸，会用 UG 编程，持有数控车工中级证书。

在网上看到贵公司招聘 CNC 技术员，希望能有机会加入贵公司。简历附在下面，期望月薪 8000-9000 元，
可随时到岗。

联系电话：152 8745 3319

此致
敬礼！

黄志鹏
2026年9月22日

【个人简历】
2020.03-至今  宁波某汽配公司  加工中心操作/编程（FANUC 0i-MF）
2018.07-2020.02  东莞某五金厂  数控车工
"""
    raw = build(frm=address("黄志鹏", "hzp_cnc1998@126.example", "gbk"), to="hr@" + D,
                subject=encoded("应聘CNC技术员-黄志鹏-6年经验", "gbk"), date=dt(9, 22, 21, 33), text=text, charset="gbk")
    write(C, "other", "job_application", raw)


@mail
def ot_erp_backup_failed():
    text = """[U8 备份任务告警]

服务器：KY-ERP01 (192.168.10.21)
任务：UFDATA_001_2026 每日自动备份
状态：失败
开始时间：2026-12-06 02:00:00
结束时间：2026-12-06 02:00:41
错误信息：磁盘空间不足 (D:\\ 可用 1.2 GB，需要 18.6 GB)

请系统管理员及时处理。

-- 此邮件由 ERP 监控服务自动发送
"""
    raw = build(frm="erp-monitor@" + D, to="it@" + D, subject=encoded("[告警] U8 账套备份失败 KY-ERP01", "utf-8"),
                date=dt(12, 6, 2, 1), text=text, headers=[("Auto-Submitted", "auto-generated")])
    write(C, "other", "erp_backup_failed", raw)


@mail
def ot_competitor_sales_pitch():
    text = """Dear Purchasing Manager,

Good day! This is Vicky from Dongguan Hongxin Hardware Co., Ltd., a professional manufacturer of CNC
turned parts, stamping parts and fasteners with 15 years experience, ISO 9001 / IATF 16949 certified.

Our advantage:
- 120 sets CNC lathes, 40 sets machining centers
- Tolerance +/-0.005 mm
- Price: from USD 0.05/pc, MOQ 500 pcs
- Free samples within 3 days

If you have any drawings, feel free to send to us for a quick quotation!

Best regards,
Vicky Chen
Sales Manager | Dongguan Hongxin Hardware Co., Ltd.
WhatsApp/WeChat: +86 139 2xxx 8812
"""
    raw = build(frm=address("Vicky Chen", "vicky@hongxin-hardware.example"), to="info@" + D,
                subject="CNC parts supplier - competitive price & fast delivery",
                date=dt(10, 15, 9, 38), text=text)
    write(C, "other", "competitor_sales_pitch", raw)


if __name__ == "__main__":
    for fn in MAILS:
        fn()
    print(len(MAILS), "mails")
