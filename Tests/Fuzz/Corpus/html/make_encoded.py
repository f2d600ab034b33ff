#!/usr/bin/env python3
"""Writes the HTML fixtures that are not UTF-8 (GB2312/GBK, ISO-8859-1/Windows-1252, Shift_JIS, ISO-2022-JP).
Deterministic; run from anywhere: python3 make_encoded.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, text, codec):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode(codec))


# GB2312 label, with one character (镕, U+9555) that only GBK has: senders label GBK text as GB2312.
write("chinese-gb2312.html", """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>报价请求</title></head>
<body>
<p>您好，王经理：</p>
<p>我们需要以下产品的报价：</p>
<table><tr><td>产品</td><td>数量</td></tr>
<tr><td>不锈钢螺丝 M6</td><td>500 个</td></tr></table>
<p>请于本周五前回复。谢谢！</p>
<p>朱镕基路 88 号</p>
</body></html>
""", "gbk")

# A <meta charset> (HTML5 form) in ISO-8859-1, with a Windows-1252-only byte (the euro sign, 0x80).
write("german-latin1.html", """<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>x</title></head>
<body><p>Sehr geehrte Damen und Herren,</p>
<p>die Lieferung für Bestellung 4711 verzögert sich um zwei Tage. Der Preis bleibt bei 1.299,00 €.</p>
<p>Mit freundlichen Grüßen<br>Jürgen Weiß</p></body></html>
""", "cp1252")

# Shift_JIS with no meta at all: only the MIME charset says what it is.
write("japanese-sjis.html", """<html><body><p>お世話になっております。</p>
<p>見積書を添付いたしましたので、ご確認ください。</p><p>株式会社サンプル　営業部　ｶﾀｶﾅ</p></body></html>
""", "cp932")

# ISO-2022-JP, declared in a meta.
write("japanese-iso2022jp.html", """<html><head><meta http-equiv="content-type" content="text/html;charset=ISO-2022-JP"></head>
<body><p>請求書をお送りします。</p><p>よろしくお願いいたします。</p></body></html>
""", "iso2022_jp")
