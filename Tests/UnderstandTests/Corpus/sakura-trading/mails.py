#!/usr/bin/env python3
"""Hand-written mails received by Sakura Shoji K.K. (sakura-shoji.example), Osaka.

Every mail below is written out as its own text; only packing helpers are shared."""
import datetime
import sys
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpuskit import address, build, encoded, pdf, write  # noqa: E402

C = "sakura-trading"
D = "sakura-shoji.example"
MAILS = []


def mail(fn):
    MAILS.append(fn)
    return fn


def dt(month, day, hour, minute, tz=9, year=2026):
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
def qr_handsmart_enamel_pots():
    text = """株式会社さくら商事
営業部 中村様

いつもお世話になっております。
株式会社ハンズマート 商品部 家庭用品バイヤーの岡田でございます。

来春の「新生活キッチン」売場の展開に向けまして、下記商品のお見積りをお願いしたく
ご連絡いたしました。

　品番　　　　品名　　　　　　　　　　　　　想定数量（初回）
　SK-EN-20　　鋳物ホーロー両手鍋 20cm　　　　48個
　SK-EN-24　　鋳物ホーロー両手鍋 24cm　　　　24個
　SK-EN-SK　　鋳物ホーロースキレット 16cm　　96個

・納品先：弊社 茨木物流センター（センター納品）
・納期：2027年2月中旬
・カラー展開（赤／白／グレー）ごとの単価差があればご教示ください。
・販促用のPOP・什器のご提供可否もあわせてお知らせいただけますと幸いです。

恐れ入りますが、10月30日（金）までにご回答いただけますでしょうか。
お忙しいところ恐縮ですが、何卒よろしくお願い申し上げます。

――――――――――――――――――
株式会社ハンズマート
商品部 家庭用品課　岡田 直樹
〒530-0012 大阪市北区芝田1-4-17
TEL 06-6375-2210 / FAX 06-6375-2299
Mail: n.okada@handsmart.example
――――――――――――――――――
"""
    raw = build(frm=address("岡田 直樹", "n.okada@handsmart.example", "iso-2022-jp"),
                to=address("中村 美咲", "m.nakamura@" + D, "iso-2022-jp"),
                subject=encoded("【見積依頼】鋳物ホーロー鍋 3品番の件", "iso-2022-jp"),
                date=dt(10, 19, 11, 4), text=text, charset="iso-2022-jp")
    write(C, "quote_request", "handsmart_enamel_pots", raw,
          {"customer_company": "株式会社ハンズマート", "contact_email": "n.okada@handsmart.example"})


@mail
def qr_miyabi_knives_terse():
    text = """さくら商事さま

お世話になります。京都のキッチン工房みやびです。
ドイツの包丁（ケッセルベルク）の三徳とペティ、それぞれ10本ずつだといくらになりますか？
あと木箱入りのギフト仕様があれば、それも知りたいです。

よろしくお願いします。

有限会社キッチン工房みやび　宮本
075-221-3318
"""
    raw = build(frm=address("キッチン工房みやび", "info@kitchen-miyabi.example", "shift_jis"),
                to="info@" + D, subject=encoded("包丁の見積もり", "shift_jis"),
                date=dt(9, 14, 15, 20), text=text, charset="shift_jis", cte="base64")
    write(C, "quote_request", "miyabi_knives_terse", raw,
          {"customer_company": "有限会社キッチン工房みやび", "contact_email": "info@kitchen-miyabi.example"})


@mail
def qr_kurashi_csv_jan():
    text = """さくら商事 中村様

いつも大変お世話になっております。くらしの森 仕入担当の藤井です。

楽天・Yahoo!店の年末セール用に、添付CSVの商品の卸価格をお見積りいただけますでしょうか。
数量は目安ですので、ロット割引などあればご提案いただけると助かります。
（JANコードも併記しております）

ご多忙のところ恐れ入りますが、11月6日までにいただけますと幸いです。
よろしくお願いいたします。

--
株式会社くらしの森
EC事業部 仕入担当　藤井 沙織
fujii@kurashinomori.example
"""
    csv = """JANコード,品番,商品名,希望数量
4580123450017,CL-MK3,直火式エスプレッソメーカー 3カップ,60
4580123450024,CL-MK6,直火式エスプレッソメーカー 6カップ,40
4580123450116,SK-GC-3,耐熱ガラスキャニスター 3点セット,50
4580123450208,SK-KT-20,ステンレスケトル 2.0L,30
""".encode("utf-8")
    raw = build(frm=address("藤井 沙織", "fujii@kurashinomori.example"),
                to=address("中村 美咲", "m.nakamura@" + D),
                subject=encoded("年末セール商品 お見積りのお願い", "utf-8"),
                date=dt(10, 28, 13, 55), text=text, cte="base64",
                attachments=[("見積依頼リスト_くらしの森.csv", "text/csv", csv)])
    write(C, "quote_request", "kurashi_csv_jan", raw,
          {"customer_company": "株式会社くらしの森", "contact_email": "fujii@kurashinomori.example"})


@mail
def qr_grand_harbor_hotel_en():
    text = """Dear Sakura Shoji team,

I'm the new purchasing manager at Grand Harbor Hotel Kobe. We are renovating our banquet kitchen and
restaurant and would like a quotation for the following:

- Stainless steel stock pot 30 L with lid, induction compatible - 10 pcs
- Sauce pan 2 L, stainless, induction - 20 pcs
- Cutlery set (dinner knife, dinner fork, dinner spoon), 18/10 stainless, hotel grade - 200 sets

Please quote in JPY including consumption tax, with delivery to the hotel (Chuo-ku, Kobe) in January.
If you can send product sheets or samples of the cutlery, that would be great.

Apologies for writing in English - my Japanese is still a work in progress.

Best regards,
Daniel Whitfield
Purchasing Manager
Grand Harbor Hotel Kobe
1-2-3 Hatoba-cho, Chuo-ku, Kobe 650-0042
T +81 78 555 2100 | d.whitfield@grandharbor-kobe.example
"""
    raw = build(frm=address("Daniel Whitfield", "d.whitfield@grandharbor-kobe.example"), to="info@" + D,
                subject="Request for quotation - kitchen equipment & cutlery", date=dt(11, 11, 16, 2), text=text)
    write(C, "quote_request", "grand_harbor_hotel_en", raw,
          {"customer_company": "Grand Harbor Hotel Kobe", "contact_email": "d.whitfield@grandharbor-kobe.example"})


@mail
def qr_fukuya_gift_html():
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body><div style="font-family:'游ゴシック',Meiryo,sans-serif;font-size:10.5pt">
<p>株式会社さくら商事<br>営業部 佐藤課長様</p>
<p>いつもお世話になっております。<br>フクヤ百貨店 ギフトサロンの森田でございます。</p>
<p>先日はご来店いただき誠にありがとうございました。<br>
お打ち合わせの際にお話しいたしました、お歳暮ギフト用商品につきまして、下記の通りお見積りをお願い申し上げます。</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:10pt">
<tr style="background:#e8e0f0"><th>No.</th><th>商品</th><th>仕様</th><th>予定数</th></tr>
<tr><td>1</td><td>ホーロー ミルクパン ギフトセット</td><td>化粧箱・のし対応</td><td>120セット</td></tr>
<tr><td>2</td><td>ステンレス カトラリー 10本セット</td><td>化粧箱入り</td><td>80セット</td></tr>
<tr><td>3</td><td>イタリア製 エスプレッソメーカー</td><td>ギフト包装</td><td>30個</td></tr>
</table>
<p>納品は11月20日（金）までに本店ギフト配送センターへお願いできればと存じます。<br>
掛け率・送料条件につきましてもご教示いただけますと幸いです。</p>
<p>何卒よろしくお願い申し上げます。</p>
<p>―――――――――――――<br>株式会社フクヤ百貨店 本店<br>外商・ギフトサロン　森田 香織<br>
TEL 06-6251-0081（内線 4420）<br>k.morita@fukuya-dept.example</p>
</div></body></html>
"""
    raw = build(frm=address("森田 香織", "k.morita@fukuya-dept.example"),
                to=address("佐藤 大輔", "d.sato@" + D),
                subject=encoded("お歳暮ギフト商品 お見積りのお願い", "utf-8"),
                date=dt(10, 6, 10, 47), html=html, cte="quoted-printable",
                headers=[("X-Mailer", "Microsoft Outlook 16.0")])
    write(C, "quote_request", "fukuya_gift_html", raw,
          {"customer_company": "株式会社フクヤ百貨店", "contact_email": "k.morita@fukuya-dept.example"})


@mail
def qr_daiki_forwarded_by_sato():
    text = """中村さん

ダイキホームの西川さんから見積依頼が来ています。
来週私が不在なので、対応お願いできますか。掛け率は前回と同じ 58% で大丈夫です。

佐藤

-------- 転送メッセージ --------
件名:	お見積りのお願い（キッチン雑貨）
日付:	Mon, 16 Nov 2026 09:12:40 +0900
差出人:	西川 亮 <r.nishikawa@daiki-home.example>
宛先:	佐藤 大輔 <d.sato@sakura-shoji.example>

さくら商事 佐藤様

いつもお世話になっております。ダイキホーム 商品部の西川です。

12月の店舗改装に合わせて、キッチン雑貨コーナーを拡大いたします。
下記3点のお見積りをお願いできますでしょうか。

1. ステンレスボウル 3点セット（SK-BW-3）　約 100セット
2. キッチンツール 5点セット（SK-KT-5）　約 80セット
3. 片手鍋 18cm（SK-SP-18）　約 50個

全32店舗への店舗直送の場合と、センター一括納品の場合の両方でお願いします。

よろしくお願いいたします。

株式会社ダイキホーム 商品部 西川 亮
TEL 072-645-8801
"""
    raw = build(frm=address("佐藤 大輔", "d.sato@" + D, "iso-2022-jp"),
                to=address("中村 美咲", "m.nakamura@" + D, "iso-2022-jp"),
                subject=encoded("Fwd: お見積りのお願い（キッチン雑貨）", "iso-2022-jp"),
                date=dt(11, 16, 18, 30), text=text, charset="iso-2022-jp")
    write(C, "quote_request", "daiki_forwarded_by_sato", raw,
          {"customer_company": "株式会社ダイキホーム", "contact_email": "r.nishikawa@daiki-home.example"})


@mail
def qr_natura_gmail_followup():
    text = """中村様

お世話になっております。ライフスタイル・ナチュラの上田です。
先日お願いしたお見積りの件、数量を変更したいので、再度お見積りいただけますでしょうか。

・木製カッティングボード M：60枚 → 100枚
・琺瑯保存容器 S：100個 → 150個
・琺瑯保存容器 L：80個（変更なし）

お手数をおかけしますが、よろしくお願いいたします。

上田

2026年11月2日(月) 14:21 上田 智子 <ueda@ls-natura.example>:
> 株式会社さくら商事
> 中村様
>
> はじめてご連絡いたします。雑貨店「ライフスタイル・ナチュラ」（関西に7店舗）の上田と申します。
> 展示会で拝見した木製カッティングボードと琺瑯保存容器について、卸価格をお見積りいただけますでしょうか。
> ・木製カッティングボード M：60枚
> ・琺瑯保存容器 S：100個
> ・琺瑯保存容器 L：80個
>
> 株式会社ライフスタイル・ナチュラ 仕入課 上田 智子
"""
    raw = build(frm=address("上田 智子", "ueda@ls-natura.example"), to="m.nakamura@" + D,
                subject=encoded("Re: 見積依頼（カッティングボード・琺瑯容器）", "utf-8"),
                date=dt(11, 6, 9, 8), text=text, in_reply_to="<CAFk8q2W9x-natura-1102@mail.ls-natura.example>")
    write(C, "quote_request", "natura_gmail_followup", raw,
          {"customer_company": "株式会社ライフスタイル・ナチュラ", "contact_email": "ueda@ls-natura.example"})


@mail
def qr_tsukuru_cafe_mobile():
    text = """はじめまして、神戸でカフェをやってます合同会社ツクルの坂本です。
インスタで見てエスプレッソメーカーとミルクパンが気になってます。
6カップのやつを5個、ミルクパンを5個、業務用で見積もりお願いできますか？
個人店なので少量ですみません…

iPhoneから送信
"""
    raw = build(frm=address("坂本 陽介", "sakamoto.tsukuru@icloud.example"), to="info@" + D,
                subject=encoded("見積もりお願いします", "utf-8"), date=dt(12, 2, 22, 17), text=text)
    write(C, "quote_request", "tsukuru_cafe_mobile", raw,
          {"customer_company": "合同会社ツクル", "contact_email": "sakamoto.tsukuru@icloud.example"})


@mail
def qr_sansui_web_form():
    text = """さくら商事 Webサイトのお問い合わせフォームから以下の内容で送信されました。

━━━━━━━━━━━━━━━━━━━━━━━━━━━━
■お問い合わせ種別：お見積り依頼
■会社名：株式会社ホテル山水
■部署：料飲部
■お名前：大西 誠
■メールアドレス：ohnishi@hotel-sansui.example
■電話番号：0790-62-1455
■お問い合わせ内容：
有馬の旅館です。冬季の鍋プラン用に、1人用の土鍋を80個、陶器のれんげを200本
検討しています。業務用の価格でお見積りをお願いします。1月10日までの納品希望です。
━━━━━━━━━━━━━━━━━━━━━━━━━━━━

送信日時：2026/11/27 14:03:51
送信元IP：198.51.100.27
"""
    raw = build(frm=address("さくら商事 Webフォーム", "noreply@" + D, "utf-8"), to="info@" + D,
                subject=encoded("【お問い合わせ】お見積り依頼 - 株式会社ホテル山水", "utf-8"),
                date=dt(11, 27, 14, 3), text=text, headers=[("Reply-To", "ohnishi@hotel-sansui.example")])
    write(C, "quote_request", "sansui_web_form", raw,
          {"customer_company": "株式会社ホテル山水", "contact_email": "ohnishi@hotel-sansui.example"})


# ---------------------------------------------------------------- purchase_order

@mail
def po_handsmart_edi_csv():
    text = """株式会社さくら商事 御中

ハンズマートEDIシステムより発注データを送信いたします。
添付CSVをご確認のうえ、納品をお願いいたします。

発注番号：HM-2611-04472
発注日：2026/11/09
納品先：茨木物流センター
納品指定日：2026/11/24
合計金額（税込）：254,100円

※本メールは送信専用アドレスから自動送信されています。
　ご不明点は商品部 家庭用品課 岡田（06-6375-2210）までお問い合わせください。

株式会社ハンズマート 商品部
"""
    csv = """発注番号,行,品番,JAN,品名,数量,単価(税抜),金額(税抜),納品日
HM-2611-04472,1,SK-EN-20,4580123450314,鋳物ホーロー両手鍋 20cm,24,4200,100800,2026/11/24
HM-2611-04472,2,SK-EN-24,4580123450321,鋳物ホーロー両手鍋 24cm,12,5300,63600,2026/11/24
HM-2611-04472,3,SK-KT-20,4580123450208,ステンレスケトル 2.0L,36,1850,66600,2026/11/24
,,,,税抜合計,,,231000,
,,,,消費税(10%),,,23100,
,,,,税込合計,,,254100,
""".encode("utf-8")
    raw = build(frm=address("ハンズマートEDI", "edi-noreply@handsmart.example", "iso-2022-jp"),
                to="eigyo@" + D, subject=encoded("【発注】HM-2611-04472 株式会社さくら商事様", "iso-2022-jp"),
                date=dt(11, 9, 6, 0), text=text, charset="iso-2022-jp",
                attachments=[("HM-2611-04472.csv", "text/csv", csv)])
    write(C, "purchase_order", "handsmart_edi_csv", raw,
          {"order_number": "HM-2611-04472", "total": "254100.00", "currency": "JPY", "buyer": "株式会社ハンズマート"})


@mail
def po_miyabi_body_small():
    text = """さくら商事 中村さま

お見積りありがとうございました。以下で注文させていただきます。

注文No. M-1024
・ケッセルベルク 三徳包丁 18cm　5本 × 9,800円 ＝ 49,000円
・ケッセルベルク ペティナイフ 13cm　5本 × 6,200円 ＝ 31,000円
　小計 80,000円　消費税 8,000円　合計 88,000円

ギフト用の木箱は今回は不要です。
お支払いはいつも通り月末締め翌月末振込でお願いします。

有限会社キッチン工房みやび　宮本
京都市中京区錦小路通柳馬場東入ル 85
075-221-3318
"""
    raw = build(frm=address("キッチン工房みやび", "info@kitchen-miyabi.example", "shift_jis"),
                to="m.nakamura@" + D, subject=encoded("注文します（包丁）", "shift_jis"),
                date=dt(9, 24, 11, 16), text=text, charset="shift_jis")
    write(C, "purchase_order", "miyabi_body_small", raw,
          {"order_number": "M-1024", "total": "88000.00", "currency": "JPY", "buyer": "有限会社キッチン工房みやび"})


@mail
def po_kurashi_body_table():
    text = """さくら商事 中村様

いつもお世話になっております。くらしの森の藤井です。
お見積りいただいた内容で、下記のとおり発注いたします。

【発注番号】KM-PO-20261021-01
【発注日】2026年11月9日

| 品番    | 商品名                           | 数量 | 単価(税抜) | 金額(税抜) |
|---------|----------------------------------|-----:|-----------:|-----------:|
| CL-MK3  | 直火式エスプレッソメーカー 3カップ |   60 |      2,750 |    165,000 |
| CL-MK6  | 直火式エスプレッソメーカー 6カップ |   40 |      3,400 |    136,000 |
| SK-GC-3 | 耐熱ガラスキャニスター 3点セット   |   50 |      1,280 |     64,000 |

税抜合計：365,000円
消費税（10%）：36,500円
税込合計：401,500円

納品先：株式会社くらしの森 尼崎倉庫（兵庫県尼崎市扶桑町 2-14）
納期：11月25日（水）必着でお願いします。

よろしくお願いいたします。

--
株式会社くらしの森
EC事業部 仕入担当　藤井 沙織
"""
    raw = build(frm=address("藤井 沙織", "fujii@kurashinomori.example"), to="m.nakamura@" + D,
                subject=encoded("発注書 KM-PO-20261021-01", "utf-8"),
                date=dt(11, 9, 17, 31), text=text, cte="quoted-printable")
    write(C, "purchase_order", "kurashi_body_table", raw,
          {"order_number": "KM-PO-20261021-01", "total": "401500.00", "currency": "JPY", "buyer": "株式会社くらしの森"})


@mail
def po_grand_harbor_html_en():
    html = """<html><body style="font-family:Segoe UI,Arial;font-size:13px">
<p>Dear Ms. Nakamura,</p>
<p>Thank you for the quotation and the cutlery samples - our chef was very happy with them.
Please accept the following purchase order:</p>
<table cellpadding="5" cellspacing="0" border="1" style="border-collapse:collapse;font-size:13px">
<tr><td colspan="5"><b>PURCHASE ORDER No. GHH-PUR-26-0389</b> &nbsp;&nbsp; Date: 30 November 2026</td></tr>
<tr style="background:#203864;color:#fff"><th>Item</th><th>Description</th><th>Qty</th><th>Unit price</th><th>Amount</th></tr>
<tr><td>1</td><td>Stainless stock pot 30 L with lid (IH)</td><td>10</td><td>&yen;18,500</td><td>&yen;185,000</td></tr>
<tr><td>2</td><td>Cutlery set 18/10 (knife, fork, spoon)</td><td>200 sets</td><td>&yen;1,450</td><td>&yen;290,000</td></tr>
<tr><td>3</td><td>Sauce pan 2 L stainless (IH)</td><td>20</td><td>&yen;4,100</td><td>&yen;82,000</td></tr>
<tr><td colspan="4" align="right">Subtotal</td><td>&yen;557,000</td></tr>
<tr><td colspan="4" align="right">Consumption tax 10%</td><td>&yen;55,700</td></tr>
<tr><td colspan="4" align="right"><b>Total</b></td><td><b>&yen;612,700</b></td></tr>
</table>
<p>Delivery: Grand Harbor Hotel Kobe, receiving dock (B1), by 15 January 2027, weekdays 9:00-16:00.<br>
Invoice to: Accounts Payable, Grand Harbor Hotel Kobe. Payment: end of following month.</p>
<p>Kind regards,<br>Daniel Whitfield<br>Purchasing Manager | Grand Harbor Hotel Kobe</p>
</body></html>
"""
    raw = build(frm=address("Daniel Whitfield", "d.whitfield@grandharbor-kobe.example"), to="m.nakamura@" + D,
                cc="ap@grandharbor-kobe.example", subject="PO GHH-PUR-26-0389 - kitchen equipment & cutlery",
                date=dt(11, 30, 14, 12), html=html)
    write(C, "purchase_order", "grand_harbor_html_en", raw,
          {"order_number": "GHH-PUR-26-0389", "total": "612700.00", "currency": "JPY", "buyer": "Grand Harbor Hotel Kobe"})


@mail
def po_fukuya_reply_thread():
    text = """さくら商事 佐藤課長様

いつもお世話になっております。フクヤ百貨店の森田でございます。
お見積りありがとうございました。社内決裁がおりましたので、下記の通りご注文申し上げます。

　ご注文番号：FK-G-26-0155
　1. ホーロー ミルクパン ギフトセット（SK-GF-01）　120セット × 3,600円 ＝ 432,000円
　2. ステンレス カトラリー 10本セット（SK-GF-05）　80セット × 2,900円 ＝ 232,000円
　　税抜合計 664,000円　／　消費税 66,400円　／　税込合計 730,400円

エスプレッソメーカーは今回見送らせていただきます。
納品は11月20日（金）午前中、本店ギフト配送センター（搬入口B）へお願いいたします。
注文書原本は本日郵送いたします。

何卒よろしくお願い申し上げます。

株式会社フクヤ百貨店 本店 外商・ギフトサロン　森田 香織

-----Original Message-----
From: 佐藤 大輔 <d.sato@sakura-shoji.example>
Sent: Friday, October 9, 2026 5:40 PM
To: 森田 香織 <k.morita@fukuya-dept.example>
Subject: RE: お歳暮ギフト商品 お見積りのお願い

森田様

いつもお世話になっております。さくら商事の佐藤でございます。
ご依頼いただきました件、下記の通りお見積り申し上げます。

1. ホーロー ミルクパン ギフトセット　3,600円（税抜）
2. ステンレス カトラリー 10本セット　2,900円（税抜）
3. イタリア製 エスプレッソメーカー　4,300円（税抜）
送料：弊社負担（本店一括納品の場合）

ご検討のほど、よろしくお願い申し上げます。
"""
    raw = build(frm=address("森田 香織", "k.morita@fukuya-dept.example", "iso-2022-jp"),
                to=address("佐藤 大輔", "d.sato@" + D, "iso-2022-jp"),
                subject=encoded("RE: お歳暮ギフト商品 お見積りのお願い【ご注文】", "iso-2022-jp"),
                date=dt(10, 15, 15, 8), text=text, charset="iso-2022-jp",
                in_reply_to="<mitsumori-fukuya-1009.sato@sakura-shoji.example>")
    write(C, "purchase_order", "fukuya_reply_thread", raw,
          {"order_number": "FK-G-26-0155", "total": "730400.00", "currency": "JPY", "buyer": "株式会社フクヤ百貨店"})


@mail
def po_daiki_fixed_width():
    text = """株式会社さくら商事 御中

いつもお世話になっております。ダイキホーム商品部です。
下記の通り発注いたします。店舗改装分のため、納期厳守でお願いいたします。

発注No.  : DK-0004815
発注日   : 2026.11.24
納品先   : ダイキホーム 摂津物流センター
納品日   : 2026.12.03

品番        品名                      入数   数量   原単価    原価金額
SK-BW-3     ステンレスボウル3点        12     48     980      47,040
SK-KT-5     キッチンツール5点          12     36   1,150      41,400
SK-SP-18    片手鍋18cm                  6     24   1,680      40,320
--------------------------------------------------------------------------
                                     原価合計（税抜）        128,760
                                     消費税（10%）            12,876
                                     合計（税込）            141,636

株式会社ダイキホーム 商品部 西川 亮
"""
    raw = build(frm=address("西川 亮", "r.nishikawa@daiki-home.example", "shift_jis"),
                to="eigyo@" + D, cc="m.nakamura@" + D,
                subject=encoded("発注書送付 DK-0004815", "shift_jis"),
                date=dt(11, 24, 10, 2), text=text, charset="shift_jis", cte="quoted-printable")
    write(C, "purchase_order", "daiki_fixed_width", raw,
          {"order_number": "DK-0004815", "total": "141636.00", "currency": "JPY", "buyer": "株式会社ダイキホーム"})


@mail
def po_pacific_wholesale_pdf():
    text = """Hello,

Attached is Purchase Order 7700451928 for Sakura Shoji. Please confirm receipt and the delivery
appointment with our Amagasaki DC (booking via the vendor portal).

Regards,
Emily Tanaka-Ross
Buyer, Kitchen & Dining
Pacific Wholesale Japan G.K.
"""
    lines = [
        "PURCHASE ORDER",
        "Pacific Wholesale Japan G.K.   3-5-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023",
        "",
        "PO Number: 7700451928                 Order Date: 2026-12-01",
        "Vendor: Sakura Shoji K.K. (Vendor ID 300871)   Osaka",
        "Ship to: PWJ Amagasaki DC, 6-8 Nishi-Mukojima-cho, Amagasaki, Hyogo",
        "Delivery window: 2026-12-14 to 2026-12-18          Currency: JPY",
        "",
        "Line  Item #      Description                           Qty     Unit Cost     Ext. Cost",
        "1     1180442     Enamel cast iron casserole 24cm         144      5,100       734,400",
        "2     1180459     Stovetop espresso maker 6-cup (Italy)   240      3,250       780,000",
        "",
        "                                           Merchandise total         1,514,400",
        "                                           Consumption tax 10%         151,440",
        "                                           PO Total (JPY)            1,665,840",
        "",
        "Terms: Net 60. Vendor must comply with PWJ Vendor Routing Guide rev. 2026-04.",
        "Each carton must carry GS1-128 label with PO number.",
    ]
    raw = build(frm=address("Emily Tanaka-Ross", "etanakaross@pacificwholesale-jp.example"), to="eigyo@" + D,
                subject="PWJ PO 7700451928 - Sakura Shoji", date=dt(12, 1, 9, 44),
                text=text, attachments=[("PO_7700451928.pdf", "application/pdf", pdf(lines, "PO 7700451928"))])
    write(C, "purchase_order", "pacific_wholesale_pdf", raw,
          {"order_number": "7700451928", "total": "1665840.00", "currency": "JPY", "buyer": "Pacific Wholesale Japan G.K."})


@mail
def po_natura_terse_csv():
    text = """中村様

お世話になっております。PO-NT-26-1130 で発注します。明細は添付のとおりです。
合計 264,000円（税込）、12/10 納品でお願いします。

上田
株式会社ライフスタイル・ナチュラ 仕入課
"""
    csv = """発注番号,品番,品名,数量,単価,金額
PO-NT-26-1130,SK-CB-M,木製カッティングボード M,60,1400,84000
PO-NT-26-1130,SK-HC-S,琺瑯保存容器 S,100,720,72000
PO-NT-26-1130,SK-HC-L,琺瑯保存容器 L,80,1050,84000
,,小計,,,240000
,,消費税10%,,,24000
,,合計,,,264000
""".encode("utf-8")
    raw = build(frm=address("上田 智子", "ueda@ls-natura.example"), to="m.nakamura@" + D,
                subject="PO-NT-26-1130", date=dt(11, 30, 19, 2), text=text,
                attachments=[("PO-NT-26-1130.csv", "text/csv", csv)])
    write(C, "purchase_order", "natura_terse_csv", raw,
          {"order_number": "PO-NT-26-1130", "total": "264000.00", "currency": "JPY", "buyer": "株式会社ライフスタイル・ナチュラ"})


@mail
def po_sansui_fax_style():
    text = """　　　　　　　　　　　　注　文　書

株式会社さくら商事 御中　　　　　　　　　　　　　　　　2026年12月3日
　　　　　　　　　　　　　　　　　　　　　　　株式会社ホテル山水 料飲部
　　　　　　　　　　　　　　　　　　　　　　　担当：大西 誠

下記の通り注文いたします。（FAXと同内容をメールでもお送りします）

注文番号：SS-261203

　品名　　　　　　　　　　品番　　　　数量　　単価　　　金額
　土鍋（1人用）　　　　　SK-DN-1　　80個　 1,900円　152,000円
　陶器れんげ　　　　　　　SK-RG　　 200本　　 160円　 32,000円

　　　　　　　　　　　　　　　小計　184,000円
　　　　　　　　　　　　　　　消費税　18,400円
　　　　　　　　　　　　　　　合計　202,400円

納品場所：兵庫県神戸市北区有馬町 1290 ホテル山水 厨房
納品希望日：2027年1月8日
以上
"""
    raw = build(frm=address("大西 誠", "ohnishi@hotel-sansui.example", "shift_jis"), to="info@" + D,
                subject=encoded("注文書（土鍋・れんげ）", "shift_jis"),
                date=dt(12, 3, 11, 20), text=text, charset="shift_jis", cte="base64")
    write(C, "purchase_order", "sansui_fax_style", raw,
          {"order_number": "SS-261203", "total": "202400.00", "currency": "JPY", "buyer": "株式会社ホテル山水"})


# ---------------------------------------------------------------- invoice

@mail
def inv_jiahe_commercial_pdf():
    text = """Dear Mr. Kimura,

Good day! Your order SK-PO-2026-104 goods already loaded, vessel ETD Shenzhen 15th Oct.
Attached commercial invoice JH-CI-261015 and packing list, please check. B/L copy will send after
telex release. Please arrange the balance payment 70% by T/T, thank you!

Best regards
Coco Liang 梁可可
Guangdong Jiahe Kitchenware Co., Ltd.
Tel: +86 757 2833 6612  Wechat: coco_jiahe
"""
    lines = [
        "COMMERCIAL INVOICE",
        "Guangdong Jiahe Kitchenware Co., Ltd.   No. 8 Xingye Road, Shunde, Foshan, Guangdong, China",
        "",
        "Invoice No.: JH-CI-261015              Date: Oct. 15, 2026",
        "Buyer: Sakura Shoji K.K., 2-3-8 Honmachi, Chuo-ku, Osaka 541-0053, Japan",
        "Order No.: SK-PO-2026-104              Terms: FOB Shenzhen, 30% deposit / 70% against B/L copy",
        "Vessel: WAN HAI 316 V.N112   From Shekou to Osaka",
        "",
        "Item  Description                          Qty          Unit price USD   Amount USD",
        "1     Stainless kettle 2.0L SK-KT-20       1,200 pcs        7.85           9,420.00",
        "2     Stainless bowl set 3pcs SK-BW-3      1,500 sets       4.30           6,450.00",
        "3     Kitchen tool set 5pcs SK-KT-5        1,000 sets       5.12           5,120.00",
        "",
        "                                           TOTAL FOB SHENZHEN   USD 20,990.00",
        "Less deposit received (30%)                                     USD  6,297.00",
        "Balance due                                                     USD 14,693.00",
        "",
        "Beneficiary bank: Bank of China, Foshan Shunde Branch   SWIFT: BKCHCNBJ400",
        "A/C No.: 6232 8870 1234 5678",
    ]
    raw = build(frm=address("Coco Liang", "coco@jiahe-kitchen.example"), to=address("Kimura Shota", "import@" + D),
                subject="CI & PL for order SK-PO-2026-104 / JH-CI-261015", date=dt(10, 15, 17, 22, 8), text=text,
                attachments=[("JH-CI-261015.pdf", "application/pdf", pdf(lines, "Commercial Invoice JH-CI-261015"))])
    write(C, "invoice", "jiahe_commercial_pdf", raw,
          {"invoice_number": "JH-CI-261015", "issue_date": "2026-10-15", "seller": "Guangdong Jiahe Kitchenware Co., Ltd.",
           "currency": "USD", "gross_total": "20990.00"})


@mail
def inv_kesselberg_rechnung_pdf():
    text = """Dear Mr. Kimura,

attached you will find our invoice no. 2026-31877 for your order SK-PO-2026-097.
The goods were handed over to your forwarder (Nippon Express Düsseldorf) today.

Mit freundlichen Grüßen / Kind regards
Anja Hartmann
Export Sales
Kesselberg Haushaltswaren GmbH
Wuppertaler Str. 120 · 42651 Solingen · Germany
"""
    lines = [
        "RECHNUNG / INVOICE",
        "Kesselberg Haushaltswaren GmbH, Wuppertaler Str. 120, 42651 Solingen, Germany",
        "",
        "Invoice no.:  2026-31877                    Date: 22.09.2026",
        "Customer:     Sakura Shoji K.K., Osaka, Japan        Customer no. 40218",
        "Your order:   SK-PO-2026-097                Delivery: FCA Duesseldorf",
        "",
        "Pos  Art.-No.   Description                       Qty    Price EUR    Amount EUR",
        "1    KB-SA18    Santoku 18 cm                      120       32,50      3.900,00",
        "2    KB-PE13    Paring knife 13 cm                 120       21,80      2.616,00",
        "3    KB-BL5     Knife block set 5 pcs               30       88,00      2.640,00",
        "                                         Subtotal                      9.156,00",
        "                                         Packing                          64,00",
        "                                         Net amount                    9.220,00",
        "                                         VAT 0 % (export delivery)         0,00",
        "                                         Invoice total EUR             9.220,00",
        "",
        "Payment: 30 days net.  Deutsche Bank Solingen",
        "IBAN DE24500400000590132876   BIC DEUTDEDB342",
        "USt-IdNr. DE129873341",
    ]
    raw = build(frm=address("Anja Hartmann", "a.hartmann@kesselberg-hw.example"), to="import@" + D,
                cc="keiri@" + D, subject="Invoice 2026-31877 / your order SK-PO-2026-097",
                date=dt(9, 22, 15, 48, 2), text=text, charset="iso-8859-1",
                attachments=[("Rechnung_2026-31877.pdf", "application/pdf", pdf(lines, "Rechnung 2026-31877"))])
    write(C, "invoice", "kesselberg_rechnung_pdf", raw,
          {"invoice_number": "2026-31877", "issue_date": "2026-09-22", "seller": "Kesselberg Haushaltswaren GmbH",
           "currency": "EUR", "net_total": "9220.00", "tax_total": "0.00", "gross_total": "9220.00",
           "iban": "DE24500400000590132876"})


@mail
def inv_casa_lombarda_body():
    text = """Dear Mr. Kimura,

please find below the details of our invoice for the goods shipped today from Genova.

FATTURA / INVOICE n. 1452/2026 del 03/11/2026
Cliente: Sakura Shoji K.K. - Osaka (JP)
Vs. ordine / your order: SK-PO-2026-121

Articolo                            Q.ta      Prezzo       Importo
CL-MK3  Caffettiera 3 tazze          600      8,90 EUR     5.340,00 EUR
CL-MK6  Caffettiera 6 tazze          400     11,40 EUR     4.560,00 EUR
CL-GR   Guarnizioni ricambio       1.000      0,35 EUR       350,00 EUR

Totale imponibile                                         10.250,00 EUR
IVA - non imponibile art. 8 DPR 633/72                         0,00 EUR
TOTALE DOCUMENTO                                          10.250,00 EUR

Pagamento: bonifico bancario 60 gg data fattura
UniCredit S.p.A. - Filiale di Omegna
IBAN IT40K0200811770000104578392 - BIC UNCRITM1J11

The original invoice (fattura elettronica) will follow by courier with the documents.

Cordiali saluti / Best regards
Giulia Ferraris
Export Department - Casa Lombarda S.r.l.
Via Novara 212, 28887 Omegna (VB), Italia - P.IVA IT01938470036
"""
    raw = build(frm=address("Giulia Ferraris", "export@casalombarda.example"), to="import@" + D,
                subject="Fattura 1452/2026 - Sakura Shoji", date=dt(11, 3, 16, 12, 1), text=text,
                charset="windows-1252", cte="quoted-printable")
    write(C, "invoice", "casa_lombarda_body", raw,
          {"invoice_number": "1452/2026", "issue_date": "2026-11-03", "seller": "Casa Lombarda S.r.l.",
           "currency": "EUR", "net_total": "10250.00", "tax_total": "0.00", "gross_total": "10250.00",
           "iban": "IT40K0200811770000104578392"})


@mail
def inv_hanshin_logistics_sjis():
    text = """株式会社さくら商事
経理部 田中様

いつもお世話になっております。阪神ロジスティクス 業務課の谷口です。
2026年11月分のご請求書をお送りいたします。

━━━━━━━━━━━━━━━━━━━━━━━━━━
　請　求　書
　請求書番号：HL-2611-0213
　請求日：2026年11月30日
　登録番号：T3120001098765
━━━━━━━━━━━━━━━━━━━━━━━━━━
　保管料（11月分 2期制）　　　　　　　 86,400円
　入出庫料　　　　　　　　　　　　　　 42,350円
　配送料（近畿圏）　　　　　　　　　　 63,800円
　―――――――――――――――――――――――――
　小計（10%対象）　　　　　　　　　　192,550円
　消費税（10%）　　　　　　　　　　　 19,255円
　ご請求金額合計　　　　　　　　　　 211,805円

お振込先：なにわ銀行 本町支店 普通 1234567 ハンシンロジスティクス（カ
お支払期限：2026年12月25日

ご確認のほど、よろしくお願いいたします。

阪神ロジスティクス株式会社
〒660-0833 兵庫県尼崎市南初島町 10-3
TEL 06-6488-3100
"""
    raw = build(frm=address("谷口 哲也", "gyomu@hanshin-logi.example", "shift_jis"),
                to=address("田中 由美", "keiri@" + D, "shift_jis"),
                subject=encoded("【ご請求書】2026年11月分 保管・荷役料", "shift_jis"),
                date=dt(11, 30, 16, 35), text=text, charset="shift_jis")
    write(C, "invoice", "hanshin_logistics_sjis", raw,
          {"invoice_number": "HL-2611-0213", "issue_date": "2026-11-30", "seller": "阪神ロジスティクス株式会社",
           "currency": "JPY", "net_total": "192550.00", "tax_total": "19255.00", "gross_total": "211805.00"})


@mail
def inv_kansai_customs_jis():
    text = """さくら商事株式会社　輸入部　木村様

お世話になっております。関西通関サービスの吉川です。
10/19 輸入許可分（B/L No. WHLC316N11287、ケッセルベルク社 包丁）の通関諸掛のご請求です。

請求No.　KTS-26-04471
請求日　2026/10/20
適格請求書発行事業者登録番号　T8120001055512

　通関料　　　　　　　　　　　11,800円
　取扱手数料　　　　　　　　　 5,000円
　書類作成料　　　　　　　　　 3,000円
　配送手配料　　　　　　　　　 2,500円
　　小計（10%対象）　　　　　 22,300円
　　消費税　　　　　　　　　　 2,230円
　　合計　　　　　　　　　　　24,530円

※関税・輸入消費税はリアルタイム口座より引き落とし済みのため、本請求には含まれておりません。
お振込は月末締め翌月末までにお願いいたします（振込先は従来通り）。

関西通関サービス株式会社
大阪市港区築港 2-8-24　TEL 06-6576-1180
"""
    raw = build(frm=address("吉川 恵子", "yoshikawa@kansai-tsukan.example", "iso-2022-jp"),
                to="import@" + D, cc="keiri@" + D,
                subject=encoded("通関諸掛ご請求 KTS-26-04471", "iso-2022-jp"),
                date=dt(10, 20, 14, 10), text=text, charset="iso-2022-jp")
    write(C, "invoice", "kansai_customs_jis", raw,
          {"invoice_number": "KTS-26-04471", "issue_date": "2026-10-20", "seller": "関西通関サービス株式会社",
           "currency": "JPY", "net_total": "22300.00", "tax_total": "2230.00", "gross_total": "24530.00"})


@mail
def inv_kesselberg_credit_note():
    text = """Dear Mr. Kimura,

as agreed on the phone, we credit you the 8 Santoku knives that arrived damaged (your claim of 02.11.2026).

GUTSCHRIFT / CREDIT NOTE  GS-2026-00912
Date: 10.11.2026
Reference invoice: 2026-31877 of 22.09.2026

  8 x KB-SA18 Santoku 18 cm  a EUR 32,50     = EUR -260,00
  VAT 0 % (export)                            = EUR    0,00
  Total credit                                = EUR -260,00

The amount will be offset against your next payment. Alternatively we can transfer it to your account -
please let us know. Our bank details for reference: IBAN DE24500400000590132876.

Mit freundlichen Grüßen / Kind regards
Anja Hartmann
Kesselberg Haushaltswaren GmbH
"""
    raw = build(frm=address("Anja Hartmann", "a.hartmann@kesselberg-hw.example"), to="import@" + D,
                cc="keiri@" + D, subject="Gutschrift / Credit note GS-2026-00912",
                date=dt(11, 10, 11, 5, 1), text=text)
    write(C, "invoice", "kesselberg_credit_note", raw,
          {"invoice_number": "GS-2026-00912", "issue_date": "2026-11-10", "seller": "Kesselberg Haushaltswaren GmbH",
           "currency": "EUR", "net_total": "-260.00", "tax_total": "0.00", "gross_total": "-260.00",
           "iban": "DE24500400000590132876"})


@mail
def inv_huasheng_reminder():
    text = """Dear Mr. Kimura,

Hope you are doing well.

Kindly remind you the payment of below invoice is overdue already 2 weeks, our finance dept ask me
every day. Please help to check and arrange soon, thanks a lot!

Invoice No.: HS2026-0917
Invoice date: 2026-09-17
Goods: 1,250 pcs enamel milk pan 16cm x USD 6.35 = USD 7,937.50
       900 pcs enamel casserole 20cm x USD 7.25 = USD 6,525.00
Total amount: USD 14,462.50 (FOB Ningbo)
Due date: 2026-10-17 (30 days after invoice)

Bank info:
Beneficiary: Yongkang Huasheng Cookware Co., Ltd.
Bank: Agricultural Bank of China, Yongkang Branch
SWIFT: ABOCCNBJ110   A/C: 1959 0101 0400 12345

If already paid, please send us bank slip. Thank you!

Best regards,
Jessie Hu
Sales Manager
Yongkang Huasheng Cookware Co., Ltd.
"""
    raw = build(frm=address("Jessie Hu", "jessie@huasheng-cookware.example"), to="import@" + D,
                subject="Payment reminder - Invoice HS2026-0917 overdue", date=dt(10, 31, 10, 20, 8), text=text)
    write(C, "invoice", "huasheng_reminder", raw,
          {"invoice_number": "HS2026-0917", "issue_date": "2026-09-17", "seller": "Yongkang Huasheng Cookware Co., Ltd.",
           "currency": "USD", "gross_total": "14462.50"})


@mail
def inv_kinki_transport_html():
    html = """<html><body style="font-family:'Meiryo',sans-serif;font-size:13px">
<p>株式会社さくら商事 御中</p>
<p>平素より近畿運輸をご利用いただき、誠にありがとうございます。<br>2026年11月分のご請求金額が確定いたしましたのでお知らせいたします。</p>
<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;font-size:13px">
<tr><th style="background:#e3efe3">請求書番号</th><td>KU-202611-55081</td></tr>
<tr><th style="background:#e3efe3">請求日</th><td>2026年12月5日</td></tr>
<tr><th style="background:#e3efe3">登録番号</th><td>T6120001033421</td></tr>
<tr><th style="background:#e3efe3">宅配便運賃（312個）</th><td align="right">187,200円</td></tr>
<tr><th style="background:#e3efe3">代引手数料</th><td align="right">4,400円</td></tr>
<tr><th style="background:#e3efe3">小計（10%対象）</th><td align="right">191,600円</td></tr>
<tr><th style="background:#e3efe3">消費税</th><td align="right">19,160円</td></tr>
<tr><th style="background:#e3efe3">ご請求金額</th><td align="right"><b>210,760円</b></td></tr>
</table>
<p>明細は<a href="https://biz.kinki-unyu.example/invoice">法人向けWebサービス</a>からダウンロードいただけます。<br>
お支払期日：2026年12月28日（口座振替）</p>
<p>近畿運輸株式会社 法人営業部<br>お問い合わせ：0120-555-781（平日9:00〜18:00）</p>
</body></html>
"""
    raw = build(frm=address("近畿運輸 法人サービス", "billing@kinki-unyu.example", "utf-8"), to="keiri@" + D,
                subject=encoded("【近畿運輸】2026年11月分 ご請求金額確定のお知らせ", "utf-8"),
                date=dt(12, 5, 8, 0), html=html, cte="base64")
    write(C, "invoice", "kinki_transport_html", raw,
          {"invoice_number": "KU-202611-55081", "issue_date": "2026-12-05", "seller": "近畿運輸株式会社",
           "currency": "JPY", "net_total": "191600.00", "tax_total": "19160.00", "gross_total": "210760.00"})


@mail
def inv_yamato_package_csv():
    text = """さくら商事 経理ご担当者様

いつもありがとうございます。大和パッケージの石田です。
10月分の請求書（No. YP-2610-0387、請求日 2026年10月31日）の明細をCSVでお送りします。
請求書原本（PDF）は別途郵送いたします。

ご請求金額：42,790円（税込）
（内訳：税抜 38,900円、消費税 3,890円）

お振込先：大阪信用金庫 船場支店 当座 0098765 カ）ヤマトパツケージ

株式会社大和パッケージ
営業部 石田 浩二
登録番号：T9120001077123
"""
    csv = """品名,数量,単価,金額
化粧箱 ミルクパン用,120,185,22200
化粧箱 カトラリー用,80,160,12800
のし紙 印刷,200,12,2400
配送料,1,1500,1500
小計,,,38900
消費税(10%),,,3890
合計,,,42790
""".encode("utf-8")
    raw = build(frm=address("石田 浩二", "ishida@yamato-pkg.example", "shift_jis"), to="keiri@" + D,
                subject=encoded("10月分 ご請求明細（大和パッケージ）", "shift_jis"),
                date=dt(11, 2, 13, 33), text=text, charset="shift_jis",
                attachments=[("請求明細_YP-2610-0387.csv", "text/csv", csv)])
    write(C, "invoice", "yamato_package_csv", raw,
          {"invoice_number": "YP-2610-0387", "issue_date": "2026-10-31", "seller": "株式会社大和パッケージ",
           "currency": "JPY", "net_total": "38900.00", "tax_total": "3890.00", "gross_total": "42790.00"})


# ---------------------------------------------------------------- support_ticket

@mail
def st_handsmart_coating():
    text = """株式会社さくら商事
営業部 中村様

いつもお世話になっております。ハンズマート商品部の岡田でございます。

標記の件、9月に納品いただきましたフッ素加工フライパン 26cm（SK-FP-26）につきまして、
店舗にお客様から「2〜3週間の使用でコーティングが剥がれてきた」とのお申し出が相次いでおります。
現時点で、茨木店・高槻店・吹田店の3店舗で計7件の返品がございました。

お手数ですが、以下についてご確認いただけますでしょうか。
　1. 同ロット（ロットNo. 26-0812）で同様の報告が他にあるか
　2. 原因の調査と、メーカーへの確認
　3. 店頭在庫（約140個）の取扱い（販売継続可否）

返品現品は本部でお預かりしておりますので、必要であればお送りいたします。
ご多用のところ恐縮ですが、ご対応のほどよろしくお願い申し上げます。

株式会社ハンズマート
商品部 家庭用品課　岡田 直樹
TEL 06-6375-2210
"""
    raw = build(frm=address("岡田 直樹", "n.okada@handsmart.example", "iso-2022-jp"),
                to=address("中村 美咲", "m.nakamura@" + D, "iso-2022-jp"), cc="quality@" + D,
                subject=encoded("フライパン（SK-FP-26）コーティング剥がれについて", "iso-2022-jp"),
                date=dt(10, 22, 13, 48), text=text, charset="iso-2022-jp")
    write(C, "support_ticket", "handsmart_coating", raw, {"customer_email": "n.okada@handsmart.example"})


@mail
def st_miyabi_vague_polite():
    text = """さくら商事 中村さま

いつもお世話になっております。みやびの宮本です。
先日の包丁、お客様に大変好評です。ありがとうございます。

ただ一点だけ少し気になることがありまして…。ペティナイフのうち1本、
刃元のあたりに小さな点のようなものがあります。サビなのか汚れなのか、私では判断がつきません。
写真を撮ってみたのですがうまく写らず、すみません。

急ぎではありませんので、お手すきの際にご確認いただけますと嬉しいです。

宮本
"""
    raw = build(frm=address("キッチン工房みやび", "info@kitchen-miyabi.example", "shift_jis"),
                to="m.nakamura@" + D, subject=encoded("ペティナイフのこと", "shift_jis"),
                date=dt(10, 8, 17, 5), text=text, charset="shift_jis")
    write(C, "support_ticket", "miyabi_vague_polite", raw, {"customer_email": "info@kitchen-miyabi.example"})


@mail
def st_kurashi_broken_lids():
    text = """さくら商事 中村様

お世話になっております。くらしの森の藤井です。

本日入荷した発注番号 KM-PO-20261021-01 の耐熱ガラスキャニスター 3点セット（SK-GC-3）ですが、
検品したところ50セット中6セットでフタのガラスが割れていました。外箱に潰れはありませんでしたので、
梱包の問題かと思われます。破損写真を添付します。

セール開始が11/27なので、それまでに代替品6セットをお送りいただけますでしょうか。
破損品の返送方法もご指示ください。

よろしくお願いいたします。
藤井
"""
    img = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4 + b"\xff\xd9"
    raw = build(frm=address("藤井 沙織", "fujii@kurashinomori.example"), to="m.nakamura@" + D,
                subject=encoded("破損品のご連絡（SK-GC-3）", "utf-8"), date=dt(11, 25, 15, 40), text=text,
                attachments=[("IMG_4821.jpg", "image/jpeg", img)])
    write(C, "support_ticket", "kurashi_broken_lids", raw, {"customer_email": "fujii@kurashinomori.example"})


@mail
def st_grand_harbor_handles_urgent():
    text = """Ms. Nakamura,

We have a problem with the 30 L stock pots (PO GHH-PUR-26-0389), which you kindly delivered early on
14 December. After only two weeks two of the
handles have come loose - the rivets are moving and one pot nearly dropped during service. Our chef
has taken all 10 pots out of use for safety reasons.

We have a 400-guest New Year's Eve banquet on Thursday 31 December and need working pots before then.
Can you send replacements or a technician this week? Please call me at 078-555-2100 (ext. 301).

Daniel Whitfield
Purchasing Manager | Grand Harbor Hotel Kobe
"""
    raw = build(frm=address("Daniel Whitfield", "d.whitfield@grandharbor-kobe.example"), to="m.nakamura@" + D,
                cc="quality@" + D, subject="URGENT: stock pot handles loose - safety issue",
                date=dt(12, 29, 10, 15), text=text,
                headers=[("Importance", "High")])
    write(C, "support_ticket", "grand_harbor_handles_urgent", raw, {"customer_email": "d.whitfield@grandharbor-kobe.example"})


@mail
def st_fukuya_short_and_dirty():
    text = """さくら商事 佐藤課長様

フクヤ百貨店の森田でございます。
本日納品いただきましたお歳暮ギフト（ご注文番号 FK-G-26-0155）につきまして、至急ご確認をお願いいたします。

・ステンレス カトラリー 10本セット：納品数 72セット（ご注文 80セット）→ 8セット不足
・ミルクパン ギフトセット：化粧箱の角に汚れ・へこみがあるものが 15セット

ギフトセンターでの発送開始が11月24日のため、それまでに不足分と交換品のご手配をお願いできますでしょうか。
本日中にお電話いただけますと幸いです。

株式会社フクヤ百貨店 本店 外商・ギフトサロン　森田 香織
TEL 06-6251-0081（内線 4420）
"""
    raw = build(frm=address("森田 香織", "k.morita@fukuya-dept.example", "iso-2022-jp"),
                to=address("佐藤 大輔", "d.sato@" + D, "iso-2022-jp"),
                subject=encoded("【至急】納品数不足および外箱汚損のご連絡", "iso-2022-jp"),
                date=dt(11, 20, 14, 26), text=text, charset="iso-2022-jp")
    write(C, "support_ticket", "fukuya_short_and_dirty", raw, {"customer_email": "k.morita@fukuya-dept.example"})


@mail
def st_daiki_angry_second_time():
    text = """さくら商事 佐藤様

ダイキホームの西川です。

正直に申し上げて、困っています。
先月に続いて、今回納品の片手鍋18cm（SK-SP-18、発注No. DK-0004815）でも、取っ手のネジが緩んで
ぐらつくというクレームが店舗から上がってきました。すでに5店舗から計11件です。

前回「工場に指導しました」とご回答いただきましたが、全く改善されていないということですよね？
改装オープンのセールの目玉商品だったのに、店長たちからも苦情が来ています。

・全数検品のうえ、不良品の交換
・原因と再発防止策を書面で
・今後の対応次第では取引の見直しも検討せざるを得ません

明日中にご回答ください。

株式会社ダイキホーム 商品部 西川 亮
"""
    raw = build(frm=address("西川 亮", "r.nishikawa@daiki-home.example", "shift_jis"),
                to=address("佐藤 大輔", "d.sato@" + D, "shift_jis"), cc="quality@" + D,
                subject=encoded("再発です（片手鍋 取っ手ぐらつき）", "shift_jis"),
                date=dt(12, 10, 19, 41), text=text, charset="shift_jis", cte="base64")
    write(C, "support_ticket", "daiki_angry_second_time", raw, {"customer_email": "r.nishikawa@daiki-home.example"})


@mail
def st_consumer_kettle_webform():
    text = """さくら商事 Webサイトのお問い合わせフォームから以下の内容で送信されました。

━━━━━━━━━━━━━━━━━━━━━━━━━━━━
■お問い合わせ種別：商品の不具合
■会社名：（個人）
■お名前：松井 里美
■メールアドレス：satomi.matsui@mail-box.example
■電話番号：090-5521-7730
■お問い合わせ内容：
くらしの森さんの楽天店で購入したステンレスケトル 2.0L（SK-KT-20）ですが、
IHで使うと底から「カチカチ」と大きな音がして、2回目から沸くまでの時間が倍くらいになりました。
底が少し膨らんでいるようにも見えます。交換していただけるのでしょうか。
購入日：2026年11月28日
━━━━━━━━━━━━━━━━━━━━━━━━━━━━

送信日時：2026/12/08 21:47:12
"""
    raw = build(frm=address("さくら商事 Webフォーム", "noreply@" + D, "utf-8"), to="quality@" + D,
                subject=encoded("【お問い合わせ】商品の不具合 - 松井 里美 様", "utf-8"),
                date=dt(12, 8, 21, 47), text=text, headers=[("Reply-To", "satomi.matsui@mail-box.example")])
    write(C, "support_ticket", "consumer_kettle_webform", raw, {"customer_email": "satomi.matsui@mail-box.example"})


@mail
def st_natura_ih_question():
    text = """中村様

お世話になっております。ライフスタイル・ナチュラの上田です。

琺瑯保存容器（SK-HC-S / SK-HC-L）について、店頭でお客様からよく聞かれるので教えてください。
・直火やIHにかけても大丈夫でしょうか？
・食洗機、オーブンは使えますか？
・付属の木蓋は水洗いしても問題ないでしょうか（反りやカビが心配とのこと）

スタッフ向けに簡単な説明POPを作りたいので、メーカーの取扱説明書やスペック表があれば
いただけますと助かります。

よろしくお願いいたします。
上田
株式会社ライフスタイル・ナチュラ 仕入課
"""
    raw = build(frm=address("上田 智子", "ueda@ls-natura.example"), to="m.nakamura@" + D,
                subject=encoded("琺瑯容器の使い方について", "utf-8"), date=dt(12, 14, 11, 3), text=text)
    write(C, "support_ticket", "natura_ih_question", raw, {"customer_email": "ueda@ls-natura.example"})


@mail
def st_kurashi_wrong_label_urgent():
    text = """中村様

至急のご相談です！！
明日10時からの楽天スーパーSALEで販売する直火式エスプレッソメーカー 6カップ（CL-MK6）ですが、
入荷した40個の外箱のJANラベルが3カップ（4580123450017）のものになっています。
このままだと出荷時に検品エラーになり発送できません。

正しいJANラベル（4580123450024）を今日中にPDFで送っていただけませんか？
こちらで貼り替えます。夕方まで倉庫スタッフが待機しています。

藤井（くらしの森）
携帯 080-4412-9038

Sent from Outlook for Android
"""
    raw = build(frm=address("藤井 沙織", "fujii@kurashinomori.example"), to="m.nakamura@" + D,
                subject=encoded("【至急】JANラベル間違い CL-MK6", "utf-8"), date=dt(12, 3, 12, 58), text=text,
                headers=[("X-Priority", "1")])
    write(C, "support_ticket", "kurashi_wrong_label_urgent", raw, {"customer_email": "fujii@kurashinomori.example"})


# ---------------------------------------------------------------- approval

@mail
def ap_yamamoto_approve_jp():
    text = """承認します。
Pacific Wholesale は初回なので、納品時の検品だけ念入りにお願いします。

山本

> 承認が必要です：見積 Q-2026-0412 Pacific Wholesale Japan G.K. - 1,665,840 JPY [APR-2026-0318]
>
> 種別：見積
> 顧客：Pacific Wholesale Japan G.K.
> 金額：1,665,840 円（税込）
> 参照番号：APR-2026-0318
>
> 「承認」（Approved）または「却下」（Rejected）でご返信ください。
"""
    raw = build(frm=address("山本 健一", "k.yamamoto@" + D, "iso-2022-jp"), to="mailroom@" + D,
                subject=encoded("Re: 承認が必要です：見積 Q-2026-0412 Pacific Wholesale Japan G.K. – 1,665,840 JPY [APR-2026-0318]", "utf-8"),
                date=dt(11, 27, 8, 41), text=text, charset="iso-2022-jp",
                in_reply_to=f"<approval.apr-2026-0318@{D}>")
    write(C, "approval", "yamamoto_approve_jp", raw, {"decision": "approve", "reference": "APR-2026-0318"})


@mail
def ap_tanaka_reject_payment():
    text = """却下でお願いします。
この請求書（HS2026-0917）は、9月入荷分のホーロー鍋の欠け 86個の件が未解決のため、
減額の合意ができるまで支払いを保留します。木村さんから華盛さんに連絡済みです。

経理部 田中

-----Original Message-----
From: Mailroom <mailroom@sakura-shoji.example>
Sent: Monday, November 2, 2026 9:00 AM
To: 田中 由美 <y.tanaka@sakura-shoji.example>
Subject: 承認が必要です：支払 請求書 HS2026-0917 Yongkang Huasheng Cookware Co., Ltd. - 14,462.50 USD [APR-2026-0297]

参照番号：APR-2026-0297
支払先：Yongkang Huasheng Cookware Co., Ltd.
金額：14,462.50 USD（支払期日 2026-10-17 超過）

「承認」（Approved）または「却下」（Rejected）でご返信ください。
"""
    raw = build(frm=address("田中 由美", "y.tanaka@" + D, "shift_jis"), to="mailroom@" + D, cc="import@" + D,
                subject=encoded("RE: 承認が必要です：支払 請求書 HS2026-0917 - 14,462.50 USD [APR-2026-0297]", "shift_jis"),
                date=dt(11, 2, 10, 26), text=text, charset="shift_jis",
                in_reply_to=f"<approval.apr-2026-0297@{D}>")
    write(C, "approval", "tanaka_reject_payment", raw, {"decision": "reject", "reference": "APR-2026-0297"})


@mail
def ap_sato_conditional_en():
    text = """Approved - on condition that delivery to Grand Harbor is split (pots in December, cutlery in January),
otherwise the 30L pots won't be in stock in time. Nakamura-san please confirm with Mr. Whitfield.

Sato

On Mon, Nov 30, 2026 at 15:02, Mailroom <mailroom@sakura-shoji.example> wrote:
> Approval needed: Order GHH-PUR-26-0389 for Grand Harbor Hotel Kobe – 612,700 JPY [APR-2026-0331]
>
> Reference: APR-2026-0331
> Customer: Grand Harbor Hotel Kobe
> Amount: 612,700 JPY incl. 10% consumption tax
>
> Reply with Approved or Rejected.
"""
    raw = build(frm=address("Sato Daisuke", "d.sato@" + D), to="mailroom@" + D, cc="m.nakamura@" + D,
                subject="Re: Approval needed: Order GHH-PUR-26-0389 for Grand Harbor Hotel Kobe - 612,700 JPY [APR-2026-0331]",
                date=dt(11, 30, 16, 10), text=text, in_reply_to=f"<approval.apr-2026-0331@{D}>")
    write(C, "approval", "sato_conditional_en", raw, {"decision": "approve", "reference": "APR-2026-0331"})


# ---------------------------------------------------------------- auto_reply

@mail
def ar_nenmatsu_fuzai_jp():
    text = """※このメールは自動返信です。

いつもお世話になっております。
誠に勝手ながら、弊社は下記の期間を年末年始休業とさせていただきます。

　休業期間：2026年12月29日（火）〜 2027年1月4日（月）

休業期間中にいただいたメールにつきましては、1月5日（火）以降、順次対応させていただきます。
ご不便をおかけいたしますが、何卒ご了承くださいますようお願い申し上げます。

株式会社フクヤ百貨店 外商・ギフトサロン
"""
    raw = build(frm=address("森田 香織", "k.morita@fukuya-dept.example", "iso-2022-jp"), to="d.sato@" + D,
                subject=encoded("自動応答: 年始のご挨拶", "iso-2022-jp"), date=dt(12, 30, 9, 12), text=text,
                charset="iso-2022-jp", headers=[("Auto-Submitted", "auto-replied")])
    write(C, "auto_reply", "nenmatsu_fuzai_jp", raw)


@mail
def ar_kesselberg_betriebsurlaub():
    text = """Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 4. Januar 2027 nicht im Büro (Betriebsurlaub).
Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an export@kesselberg-hw.example.

Thank you for your message. I am out of the office until 4 January 2027 (company holidays).
Your e-mail will not be forwarded. For urgent matters please contact export@kesselberg-hw.example.

Anja Hartmann
Kesselberg Haushaltswaren GmbH
"""
    raw = build(frm=address("Anja Hartmann", "a.hartmann@kesselberg-hw.example"), to="import@" + D,
                subject=encoded("Abwesenheitsnotiz: Order SK-PO-2026-133 / Santoku restock", "iso-8859-1", "Q"),
                date=dt(12, 22, 2, 5, 1), text=text, charset="iso-8859-1", cte="quoted-printable",
                headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    write(C, "auto_reply", "kesselberg_betriebsurlaub", raw)


@mail
def ar_jiahe_national_day_cn_en():
    text = """您好，我们公司10月1日至10月7日国庆放假，10月8日恢复上班，邮件将在上班后回复。
Dear customer, our company is on National Day holiday from Oct 1 to Oct 7. We will reply your email
after Oct 8. Sorry for any inconvenience.

Coco Liang
Guangdong Jiahe Kitchenware Co., Ltd.
"""
    raw = build(frm=address("Coco Liang", "coco@jiahe-kitchen.example"), to="import@" + D,
                subject=encoded("自动回复: Re: shipping schedule SK-PO-2026-104", "gbk"),
                date=dt(10, 2, 9, 30, 8), text=text, charset="gbk")
    write(C, "auto_reply", "jiahe_national_day_cn_en", raw)


@mail
def ar_dsn_mailbox_full():
    human = """This is the mail system at host mail.sakura-shoji.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<order@tsukuru-cafe.example>: host mx.tsukuru-cafe.example[192.0.2.77] said:
    552 5.2.2 <order@tsukuru-cafe.example>: Mailbox full (in reply to RCPT TO command)"""
    status = """Reporting-MTA: dns; mail.sakura-shoji.example
X-Postfix-Queue-ID: 7B2C11E0A3F
Arrival-Date: Thu, 3 Dec 2026 10:02:11 +0900 (JST)

Final-Recipient: rfc822; order@tsukuru-cafe.example
Original-Recipient: rfc822;order@tsukuru-cafe.example
Action: failed
Status: 5.2.2
Remote-MTA: dns; mx.tsukuru-cafe.example
Diagnostic-Code: smtp; 552 5.2.2 <order@tsukuru-cafe.example>: Mailbox full"""
    headers = """From: =?UTF-8?B?5Lit5p2RIOe+juWSsg==?= <m.nakamura@sakura-shoji.example>
To: order@tsukuru-cafe.example
Subject: =?UTF-8?B?44GK6KaL56mN44KK5pu444Gu44GU6YCB5LuY?=
Date: Thu, 3 Dec 2026 10:02:09 +0900
Message-ID: <mitsumori-tsukuru-1203.nakamura@sakura-shoji.example>"""
    raw = report([("From", "MAILER-DAEMON@mail.sakura-shoji.example (Mail Delivery System)"),
                  ("To", "m.nakamura@" + D),
                  ("Subject", "Undelivered Mail Returned to Sender"),
                  ("Date", dt(12, 3, 10, 2)),
                  ("Message-ID", "<20261203010213.7B2C11E0A3F@mail.sakura-shoji.example>"),
                  ("Auto-Submitted", "auto-replied")], "7B2C11E0A3F.1796266933/mail.sakura-shoji.example",
                 [("Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii", human),
                  ("Content-Description: Delivery report\nContent-Type: message/delivery-status", status),
                  ("Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers", headers)])
    write(C, "auto_reply", "dsn_mailbox_full", raw)


@mail
def ar_read_receipt_jp():
    import base64
    human = """メッセージ

  宛先: 西川 亮
  件名: RE: 再発です（片手鍋 取っ手ぐらつき）
  送信日時: 2026/12/11 9:15

は 2026/12/11 9:32 に開封されました。
"""
    body = base64.encodebytes(human.encode("utf-8")).decode("ascii")
    mdn = """Reporting-UA: daiki-home.example; Microsoft Outlook 16.0
Final-Recipient: rfc822;r.nishikawa@daiki-home.example
Original-Message-ID: <re-daiki-handle.sato@sakura-shoji.example>
Disposition: manual-action/MDN-sent-automatically; displayed"""
    raw = report([("From", "=?utf-8?B?6KW/5bedIOS6rg==?= <r.nishikawa@daiki-home.example>"),
                  ("To", "d.sato@sakura-shoji.example"),
                  ("Subject", encoded("開封済み: RE: 再発です（片手鍋 取っ手ぐらつき）", "utf-8")),
                  ("Date", dt(12, 11, 9, 32)),
                  ("Message-ID", "<mdn.77c1a0f3@daiki-home.example>")],
                 "----=_NextPart_MDN_01DB4B7F.A0C3E210",
                 [("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64", body),
                  ("Content-Type: message/disposition-notification", mdn)],
                 report_type="disposition-notification")
    write(C, "auto_reply", "read_receipt_jp", raw)


# ---------------------------------------------------------------- other

@mail
def ot_kesselberg_newsletter_html():
    html = """<html><body style="margin:0;background:#eee">
<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#fff;font-family:Georgia,serif">
<tr><td style="background:#1c1c1c;color:#d4af37;padding:20px;font-size:24px;text-align:center">KESSELBERG · Solingen since 1908</td></tr>
<tr><td style="padding:20px;font-size:14px">
<h2 style="margin-top:0">New for 2027: the HIKARI Damascus series</h2>
<p>Dear trade partner,</p>
<p>Meet us at <b>Ambiente 2027, Frankfurt, 6-10 February, Hall 3.1 Booth C41</b> and discover our new
67-layer Damascus line. Pre-order before 31 December 2026 and receive 12% introductory discount:</p>
<table width="100%" cellpadding="6" style="font-size:13px;border-collapse:collapse">
<tr style="background:#f4efe1"><td>HIKARI Gyuto 21 cm</td><td align="right">EUR 74.00 <s>84.00</s></td></tr>
<tr><td>HIKARI Santoku 18 cm</td><td align="right">EUR 66.00 <s>75.00</s></td></tr>
<tr style="background:#f4efe1"><td>HIKARI Petty 13 cm</td><td align="right">EUR 44.00 <s>50.00</s></td></tr>
</table>
<p style="text-align:center;margin:28px 0"><a href="https://b2b.kesselberg-hw.example/hikari" style="background:#d4af37;color:#1c1c1c;padding:12px 36px;text-decoration:none;font-weight:bold">ORDER NOW</a></p>
<p style="font-size:11px;color:#777">Prices ex works Solingen, net, minimum order 24 pcs per item. You receive this newsletter
as a registered Kesselberg trade partner. <a href="https://b2b.kesselberg-hw.example/newsletter/unsubscribe?id=40218">Unsubscribe</a></p>
</td></tr></table></body></html>
"""
    raw = build(frm=address("Kesselberg Trade News", "news@kesselberg-hw.example"), to="import@" + D,
                subject="HIKARI Damascus - pre-order now & meet us at Ambiente 2027", date=dt(11, 18, 16, 0, 1),
                html=html, headers=[("List-Unsubscribe", "<https://b2b.kesselberg-hw.example/newsletter/unsubscribe?id=40218>"),
                                    ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")])
    write(C, "other", "kesselberg_newsletter_html", raw)


@mail
def ot_gift_show_invitation():
    text = """株式会社さくら商事
代表取締役 山本 健一 様

拝啓　晩秋の候、貴社ますますご清栄のこととお慶び申し上げます。

さて、来る2027年2月3日（水）〜5日（金）、東京ビッグサイトにて
「第103回 東京インターナショナル・ライフスタイルギフトショー 春2027」を開催いたします。
つきましては、出展者募集のご案内をお送りいたします。

　■出展料金：1小間（3m×3m）　税込 418,000円
　■早期申込割引：12月18日（金）までのお申込みで 10%割引
　■申込方法：同封の申込書、またはWebサイトよりお申込みください

ご多忙中とは存じますが、ぜひご検討くださいますようお願い申し上げます。
敬具

ライフスタイルギフトショー事務局
TEL 03-5555-0817
"""
    raw = build(frm=address("ギフトショー事務局", "exhibit@lifestyle-giftshow.example", "iso-2022-jp"),
                to="info@" + D, subject=encoded("【出展のご案内】東京インターナショナル・ライフスタイルギフトショー 春2027", "iso-2022-jp"),
                date=dt(11, 13, 10, 30), text=text, charset="iso-2022-jp")
    write(C, "other", "gift_show_invitation", raw)


@mail
def ot_colleague_zaiko_file():
    text = """小林さん

お疲れさまです。中村です。
阪神倉庫の11月末の在庫表って、共有フォルダのどこにありますか？
「倉庫＞在庫表＞2026」を見たら10月分までしかなくて…
くらしの森さんに追加の在庫数を今日中に回答したいので、わかれば教えてください。

中村
"""
    raw = build(frm=address("中村 美咲", "m.nakamura@" + D, "iso-2022-jp"),
                to=address("小林 恵", "m.kobayashi@" + D, "iso-2022-jp"),
                subject=encoded("11月末在庫表の場所", "iso-2022-jp"), date=dt(12, 2, 10, 48), text=text,
                charset="iso-2022-jp")
    write(C, "other", "colleague_zaiko_file", raw)


@mail
def ot_tanaoroshi_meeting():
    text = """各位

お疲れさまです。総務の伊藤です。
年末の棚卸について、下記の通り実施いたします。

　日時：12月26日（土）9:00〜15:00
　場所：阪神ロジスティクス 尼崎倉庫 2F
　対象：営業部・輸入部・経理部の全員（品質管理は午前のみ）
　持ち物：社員証、動きやすい服装、軍手

事前打ち合わせを 12月21日（月）16:00 から本社 5F 会議室で行います。
昼食はこちらで手配しますので、アレルギーがある方は17日までにご連絡ください。

総務部 伊藤 亜希子
"""
    raw = build(frm=address("伊藤 亜希子", "a.ito@" + D, "utf-8"), to="all@" + D,
                subject=encoded("【お知らせ】年末棚卸の実施について（12/26）", "utf-8"),
                date=dt(12, 11, 17, 2), text=text)
    write(C, "other", "tanaoroshi_meeting", raw)


@mail
def ot_kinki_delivery_notice():
    text = """さくら商事 様

近畿運輸です。お荷物のお届け予定をお知らせします。

伝票番号：4281-5573-0926
お届け予定日：2026年12月4日（金）午前中
ご依頼主：関西通関サービス株式会社
品名：書類（輸入許可書 他）
個数：1個

お届け日時の変更はこちら：https://kinki-unyu.example/r/42815573
※このメールは送信専用です。ご返信いただいてもお答えできません。
"""
    raw = build(frm=address("近畿運輸", "info@notice.kinki-unyu.example", "utf-8"), to="import@" + D,
                subject=encoded("【近畿運輸】お届け予定のお知らせ", "utf-8"), date=dt(12, 3, 19, 5), text=text,
                headers=[("Auto-Submitted", "auto-generated")])
    write(C, "other", "kinki_delivery_notice", raw)


@mail
def ot_bank_furikomi_notice():
    text = """株式会社さくら商事 様

いつもなにわ銀行をご利用いただきありがとうございます。
お客さまの口座に以下の振込入金がありましたのでお知らせします。

入金日：2026年11月30日
口座：本町支店 普通 ＊＊＊4567
振込依頼人：カ）フクヤヒャッカテン
金額：730,400円

詳細はなにわビジネスWebにログインのうえご確認ください。
※本メールは送信専用アドレスから送信しています。

株式会社なにわ銀行
"""
    raw = build(frm=address("なにわ銀行", "info@naniwa-bank.example", "shift_jis"), to="keiri@" + D,
                subject=encoded("【なにわ銀行】振込入金のお知らせ", "shift_jis"), date=dt(11, 30, 10, 14), text=text,
                charset="shift_jis")
    write(C, "other", "bank_furikomi_notice", raw)


@mail
def ot_phishing_account_suspended():
    html = """<html><body style="font-family:Arial,sans-serif">
<div style="max-width:560px;margin:auto;border:1px solid #ddd;padding:20px">
<h3>【重要】アカウントの一時停止のお知らせ</h3>
<p>お客様のアカウントで異常なログインが検出されたため、アカウントを一時的に停止しました。</p>
<p>24時間以内にお支払い情報を更新しない場合、アカウントは永久に閉鎖されます。</p>
<p style="text-align:center"><a href="http://amaz0n-jp-secure.account-verify.example/login" style="background:#f0c14b;padding:10px 30px;color:#111;text-decoration:none">アカウントを確認する</a></p>
<p style="font-size:11px;color:#888">ご注文番号: 503-7781244-0098123 / 合計: ￥48,200</p>
</div></body></html>
"""
    raw = build(frm=address("Amazon.co.jp", "no-reply@amazon-co-jp.security-alert.example", "utf-8"), to="keiri@" + D,
                subject=encoded("【重要】お客様のアカウントが一時停止されました", "utf-8"), date=dt(10, 25, 4, 12),
                html=html)
    write(C, "other", "phishing_account_suspended", raw)


@mail
def ot_fukuya_thanks_received():
    text = """佐藤課長様

お世話になっております。フクヤ百貨店の森田でございます。
不足分のカトラリー8セットと交換品15セット、本日無事に届きました。
迅速にご対応いただき、誠にありがとうございました。おかげさまで発送にも間に合いそうです。

引き続きよろしくお願い申し上げます。

森田 香織
"""
    raw = build(frm=address("森田 香織", "k.morita@fukuya-dept.example", "iso-2022-jp"), to="d.sato@" + D,
                subject=encoded("RE: 【至急】納品数不足および外箱汚損のご連絡", "iso-2022-jp"),
                date=dt(11, 23, 11, 40), text=text, charset="iso-2022-jp",
                in_reply_to="<re-fukuya-shortage.sato@sakura-shoji.example>")
    write(C, "other", "fukuya_thanks_received", raw)


@mail
def ot_jiahe_order_confirmation_pi():
    text = """Dear Mr. Kimura,

Thank you for your new order SK-PO-2026-133! We confirm as below:

Item                              Qty          Unit price   Amount
Stainless kettle 2.0L SK-KT-20    1,500 pcs    USD 7.85     USD 11,775.00
Kitchen tool set 5pcs SK-KT-5     1,200 sets   USD 5.12     USD 6,144.00
Total FOB Shenzhen                                          USD 17,919.00

Delivery: around Jan 20, 2027 (before Chinese New Year)
Payment: 30% deposit, balance against B/L copy - PI attached for your record, deposit already received
yesterday, thank you!

We will update you the shipping schedule once booked.

Best regards
Coco Liang
Guangdong Jiahe Kitchenware Co., Ltd.
"""
    raw = build(frm=address("Coco Liang", "coco@jiahe-kitchen.example"), to="import@" + D,
                subject="Order confirmation SK-PO-2026-133", date=dt(12, 8, 15, 10, 8), text=text)
    write(C, "other", "jiahe_order_confirmation_pi", raw)


@mail
def ot_handsmart_delivery_question():
    text = """さくら商事 中村様

お世話になっております。ハンズマートの岡田です。
発注番号 HM-2611-04472 の件、センター入荷予定が11/24となっておりますが、
予定通りで問題ないでしょうか。売場の切り替え日を決めたいので、念のため確認させてください。

よろしくお願いいたします。
岡田
"""
    raw = build(frm=address("岡田 直樹", "n.okada@handsmart.example", "iso-2022-jp"), to="m.nakamura@" + D,
                subject=encoded("HM-2611-04472 入荷予定の確認", "iso-2022-jp"), date=dt(11, 17, 9, 22), text=text,
                charset="iso-2022-jp")
    write(C, "other", "handsmart_delivery_question", raw)


@mail
def ot_job_application_eigyo():
    text = """株式会社さくら商事
採用ご担当者様

はじめまして。求人サイトにて貴社の「法人営業（キッチン用品）」の募集を拝見し、
応募させていただきたくご連絡いたしました、長谷川 拓也と申します。

現在、神戸市内の食器卸売会社にて5年間、百貨店・専門店向けの営業を担当しております。
輸入商材を扱う貴社で、これまでの経験を活かしたいと考えております。
英語はTOEIC 780点です。

履歴書と職務経歴書を添付いたしますので、ご査収のほどよろしくお願い申し上げます。

長谷川 拓也
携帯：090-3318-4472
メール：t.hasegawa.job@mail-box.example
"""
    raw = build(frm=address("長谷川 拓也", "t.hasegawa.job@mail-box.example", "utf-8"), to="saiyo@" + D,
                subject=encoded("法人営業職への応募（長谷川 拓也）", "utf-8"), date=dt(9, 29, 20, 15), text=text,
                attachments=[("職務経歴書_長谷川.pdf", "application/pdf",
                              pdf(["Curriculum Vitae - Takuya Hasegawa", "Sales, tableware wholesale, Kobe, 2021-2026",
                                   "TOEIC 780"], "CV"))])
    write(C, "other", "job_application_eigyo", raw)


@mail
def ot_it_password_expiry():
    text = """田中 由美 様

お使いのアカウント（y.tanaka@sakura-shoji.example）のパスワードは 7 日後（2026/10/14）に有効期限が切れます。
社内ポータル（https://portal.sakura-shoji.example/password）から変更してください。

※外部からのリンク付きメールには十分ご注意ください。情報システム担当がメールでパスワードを尋ねることはありません。

情報システム担当（総務部）
"""
    raw = build(frm=address("情報システム", "it-notice@" + D, "utf-8"), to="y.tanaka@" + D,
                subject=encoded("パスワード有効期限のお知らせ（残り7日）", "utf-8"), date=dt(10, 7, 7, 0), text=text,
                headers=[("Auto-Submitted", "auto-generated")])
    write(C, "other", "it_password_expiry", raw)


if __name__ == "__main__":
    for fn in MAILS:
        fn()
    print(len(MAILS), "mails")
