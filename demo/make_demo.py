#!/usr/bin/env python3
"""Generate the Brightwater Components demo mailbox (demo/Maildir/new/*) deterministically.

Brightwater Components GmbH (Hamburg) and its subsidiary in Suzhou sell bearings, timing pulleys, linear
guides, couplings, seals and gearboxes. Every mail below was written for this project: customers asking for
quotes and placing orders, suppliers sending invoices (PDF, UBL 2.1, UN/CEFACT CII, Factur-X), support cases,
managers answering approval requests, newsletters, mailing lists, auto-replies and personal mail, in English,
German and Chinese (plus two mails from a Japanese partner), in the charsets and MIME shapes real mail uses.

Usage:
    python3 demo/make_demo.py            # write demo/Maildir, demo/manifest.json, demo/README.md, then validate
    python3 demo/make_demo.py --check    # only validate what is on disk (parse, defects, PDFs, XML, sums)

Standard library only. Output is byte-identical on every run: fixed dates, boundaries, Message-IDs, PDF IDs.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email
import email.policy
import email.utils
import hashlib
import json
import quopri
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
MAILDIR = HERE / "Maildir"

# ----------------------------------------------------------------------------------------------------------
# Money, identifiers with real check digits
# ----------------------------------------------------------------------------------------------------------

D = Decimal
CENT = D("0.01")


def money(x) -> Decimal:
    return D(x).quantize(CENT, ROUND_HALF_UP)


def fmt_en(x) -> str:
    return f"{money(x):,.2f}"


def fmt_de(x) -> str:
    return f"{money(x):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def qty_en(n: int) -> str:
    return f"{n:,}"


def qty_de(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def iban_grouped(i: str) -> str:
    return " ".join(i[k:k + 4] for k in range(0, len(i), 4))


def iban_valid(i: str) -> bool:
    i = i.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in i[4:] + i[:4])) % 97 == 1


def de_vat(eight: str) -> str:
    """German USt-IdNr. with its ISO 7064 MOD 11,10 check digit."""
    product = 10
    for c in eight:
        s = (int(c) + product) % 10 or 10
        product = (2 * s) % 11
    check = (11 - product) % 10
    return f"DE{eight}{check}"


def luhn_complete(partial: str) -> str:
    for d in "0123456789":
        n = partial + d
        total = 0
        for k, c in enumerate(reversed(n)):
            v = int(c) * (2 if k % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return n
    raise AssertionError


def fr_vat(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def fr_rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97):02d}"


def pl_nip(nine: str) -> str:
    weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
    check = sum(int(c) * w for c, w in zip(nine, weights)) % 11
    assert check != 10
    return nine + str(check)


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def cn_uscc(seventeen: str) -> str:
    """Chinese unified social credit code (GB 32100-2015) with its check character."""
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(seventeen, weights))
    return seventeen + USCC_CHARS[(31 - total % 31) % 31]


CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def rmb_upper(amount: Decimal) -> str:
    """Amount in Chinese financial capitals as printed on a fapiao, e.g. 肆万陆仟陆佰陆拾玖元整."""
    cents = int(money(amount) * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)

    def four(n: int) -> str:
        out, zero = "", False
        for power, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
            d = n // power % 10
            if d == 0:
                zero = bool(out)
            else:
                if zero:
                    out += "零"
                    zero = False
                out += CN_DIGITS[d] + unit
        return out

    text = ""
    if yuan:
        groups = [(yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")]
        pending_zero = False
        for value, unit in groups:
            if value == 0:
                pending_zero = bool(text)
                continue
            if text and (pending_zero or value < 1000):
                text += "零"
            text += four(value) + unit
            pending_zero = False
        text += "元"
    if jiao == 0 and fen == 0:
        return (text or "零元") + "整"
    if jiao:
        text += CN_DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += CN_DIGITS[fen] + "分"
    return text


assert rmb_upper(D("46669.00")) == "肆万陆仟陆佰陆拾玖元整"
assert rmb_upper(D("10.05")) == "壹拾元零伍分"
assert rmb_upper(D("100200.30")) == "壹拾万零贰佰元叁角"

# ----------------------------------------------------------------------------------------------------------
# The company, its people, products, partners
# ----------------------------------------------------------------------------------------------------------

BW = "brightwater-components.example"
MX = f"mx1.{BW}"

BW_VAT = de_vat("31684207")
BW_IBAN = iban("DE", "20070711" + "0004417260")
BW_CN_USCC = cn_uscc("91320594MA1W3K7Q2")


@dataclass(frozen=True)
class Product:
    sku: str
    en: str
    de: str
    zh: str
    eur: Decimal
    unit_en: str = "pcs"
    unit_de: str = "Stk."


PRODUCTS = {p.sku: p for p in [
    Product("BW-6205-2RS", "Deep groove ball bearing 6205-2RS, 25x52x15 mm, sealed",
            "Rillenkugellager 6205-2RS, 25x52x15 mm, beidseitig gedichtet", "深沟球轴承 6205-2RS，25×52×15，双面密封", D("3.85")),
    Product("BW-6308-ZZ", "Deep groove ball bearing 6308-ZZ, 40x90x23 mm, shielded",
            "Rillenkugellager 6308-ZZ, 40x90x23 mm, Deckscheiben", "深沟球轴承 6308-ZZ，40×90×23，双面防尘盖", D("9.40")),
    Product("BW-UCF208", "Flange bearing unit UCF208, 4-bolt, bore 40 mm",
            "Flanschlagereinheit UCF208, 4-Loch, Bohrung 40 mm", "带座外球面轴承 UCF208，四螺栓方形座，内径40", D("18.90")),
    Product("BW-HTD8M-40-30", "Timing pulley HTD 8M, 40 teeth, for 30 mm belt",
            "Zahnriemenscheibe HTD 8M, 40 Zähne, für 30-mm-Riemen", "同步带轮 HTD 8M，40齿，带宽30", D("42.50")),
    Product("BW-LG20-1000", "Linear guide rail size 20, length 1000 mm",
            "Profilschiene Baugröße 20, Länge 1000 mm", "直线导轨 20型，长1000毫米", D("64.00"), "pcs", "Stk."),
    Product("BW-LB20-FL", "Linear guide carriage size 20, flanged",
            "Führungswagen Baugröße 20, Flanschausführung", "直线导轨滑块 20型，法兰型", D("38.70")),
    Product("BW-CPL-J28", "Jaw coupling 28 mm, elastomer spider 92 Shore A",
            "Klauenkupplung 28 mm, Zahnkranz 92 Shore A", "梅花联轴器 28，弹性体 92 Shore A", D("21.60")),
    Product("BW-KEY-A8x7x40", "Parallel key DIN 6885 A 8x7x40, C45",
            "Passfeder DIN 6885 A 8x7x40, C45", "平键 DIN 6885 A 8×7×40，C45", D("0.48")),
    Product("BW-SEAL-40x62x8", "Radial shaft seal 40x62x8, NBR",
            "Radialwellendichtring 40x62x8, NBR", "骨架油封 40×62×8，丁腈橡胶", D("1.95")),
    Product("BW-GB-PB42", "Planetary gearbox 42 mm, ratio 10:1",
            "Planetengetriebe 42 mm, Übersetzung i=10", "行星减速机 42，减速比 10:1", D("189.00"), "pcs", "Stk."),
    Product("BW-SLB-3040", "Sleeve bearing, PTFE composite, 30x34x40 mm",
            "Gleitlager, PTFE-Verbund, 30x34x40 mm", "自润滑轴套 PTFE复合，30×34×40", D("2.30")),
]}


def line_total(qty, price) -> Decimal:
    return money(D(qty) * D(price))


# ----------------------------------------------------------------------------------------------------------
# RFC 2047 / RFC 2231 / transfer encodings
# ----------------------------------------------------------------------------------------------------------

CODEC = {  # MIME charset name -> Python codec
    "UTF-8": "utf-8", "ISO-8859-1": "latin-1", "ISO-8859-15": "iso8859_15", "WINDOWS-1252": "cp1252",
    "WINDOWS-1250": "cp1250", "GB2312": "gb2312", "GBK": "gbk", "GB18030": "gb18030", "BIG5": "big5",
    "ISO-2022-JP": "iso2022_jp", "SHIFT_JIS": "shift_jis", "KOI8-R": "koi8_r", "US-ASCII": "ascii",
}


def encode_text(text: str, charset: str) -> bytes:
    return text.encode(CODEC[charset.upper()])  # strict: a character the charset lacks is a bug here


Q_SAFE = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/")


def _encoded_word(text: str, charset: str, enc: str) -> str:
    raw = encode_text(text, charset)
    if enc == "B":
        payload = base64.b64encode(raw).decode("ascii")
    else:
        payload = "".join("_" if b == 0x20 else chr(b) if b in Q_SAFE else f"={b:02X}" for b in raw)
    return f"=?{charset}?{enc}?{payload}?="


def encoded_words(text: str, charset: str = "UTF-8", enc: str = "B") -> list[str]:
    """Split text into encoded words of at most 75 characters, never splitting a character (each word is
    encoded on its own, so stateful charsets such as ISO-2022-JP start and end every word in ASCII)."""
    words, chunk = [], ""
    for ch in text:
        if chunk and len(_encoded_word(chunk + ch, charset, enc)) > 75:
            words.append(_encoded_word(chunk, charset, enc))
            chunk = ch
        else:
            chunk += ch
    if chunk:
        words.append(_encoded_word(chunk, charset, enc))
    return words


def fold(tokens: list[str], first_len: int) -> str:
    """Join header tokens with spaces, folding before a token when the line would pass 76 characters."""
    out, line_len = "", first_len
    for k, tok in enumerate(tokens):
        if k == 0:
            out, line_len = tok, line_len + len(tok)
        elif line_len + 1 + len(tok) > 76:
            out += "\n " + tok
            line_len = 1 + len(tok)
        else:
            out += " " + tok
            line_len += 1 + len(tok)
    return out


def enc_header(text: str, charset: str = "UTF-8", enc: str = "B", prefix: str = "") -> list[str]:
    """Tokens for a header: an optional plain prefix (e.g. 'AW:') then the text as encoded words."""
    return ([prefix] if prefix else []) + encoded_words(text, charset, enc)


SPECIALS = set('()<>[]:;@\\,."')


def addr(name: str | None, address: str, charset: str = "UTF-8", enc: str = "B") -> list[str]:
    if not name:
        return [address]
    if all(ord(c) < 128 for c in name):
        shown = f'"{name}"' if any(c in SPECIALS for c in name) else name
        return shown.split(" ") + [f"<{address}>"]
    return encoded_words(name, charset, enc) + [f"<{address}>"]


def addr_list(*entries: list[str]) -> list[str]:
    tokens: list[str] = []
    for k, e in enumerate(entries):
        e = list(e)
        if k < len(entries) - 1:
            e[-1] += ","
        tokens += e
    return tokens


def rfc2231(name: str, value: str, charset: str = "UTF-8", max_len: int = 60) -> str:
    """name*=charset''percent-encoded, split into name*0*, name*1*, … continuations when long (at character
    boundaries, as Thunderbird does)."""
    pieces, cur = [], ""
    for ch in value:
        tok = "".join(chr(b) if (chr(b).isalnum() and b < 128) or chr(b) in "-._~" else f"%{b:02X}"
                      for b in encode_text(ch, charset))
        if cur and len(cur) + len(tok) > max_len:
            pieces.append(cur)
            cur = ""
        cur += tok
    pieces.append(cur)
    if len(pieces) == 1:
        return f"{name}*={charset.lower()}''{pieces[0]}"
    parts = [f"{name}*{k}*={charset.lower()}''{p}" if k == 0 else f"{name}*{k}*={p}" for k, p in enumerate(pieces)]
    return ";\n\t".join(parts)


def qp(data: bytes) -> bytes:
    out = quopri.encodestring(data)
    return out if out.endswith(b"\n") else out + b"\n"


def b64(data: bytes) -> bytes:
    return base64.encodebytes(data)


# ----------------------------------------------------------------------------------------------------------
# MIME tree
# ----------------------------------------------------------------------------------------------------------

@dataclass
class Part:
    headers: list[tuple[str, str]]
    body: bytes = b""
    parts: list["Part"] = field(default_factory=list)
    boundary: str | None = None
    preamble: bytes = b""
    epilogue: bytes = b""

    def render_headers(self) -> bytes:
        return b"".join(f"{k}: {v}\n".encode("utf-8") for k, v in self.headers)

    def render_body(self) -> bytes:
        if self.boundary is None:
            return self.body
        b = self.boundary.encode()
        out = self.preamble
        for p in self.parts:
            out += b"--" + b + b"\n" + p.render_headers() + b"\n" + p.render_body()
            if not out.endswith(b"\n"):
                out += b"\n"
        out += b"--" + b + b"--\n" + self.epilogue
        return out


def text_part(text: str, charset: str = "UTF-8", cte: str = "quoted-printable", subtype: str = "plain",
              extra: str = "", headers: list[tuple[str, str]] | None = None) -> Part:
    raw = encode_text(text, charset)
    body = {"quoted-printable": qp, "base64": b64, "8bit": lambda x: x, "7bit": lambda x: x}[cte](raw)
    ctype = f"text/{subtype}; charset={charset}" if not extra else f"text/{subtype}; charset={charset}; {extra}"
    if charset == "US-ASCII" and cte == "7bit":
        ctype = f"text/{subtype}; charset=us-ascii" + (f"; {extra}" if extra else "")
    return Part([("Content-Type", ctype), ("Content-Transfer-Encoding", cte)] + (headers or []), body)


def attachment(data: bytes, ctype: str, filename: str | None, *, disposition: str = "attachment",
               name_style: str = "plain", charset: str = "UTF-8", cte: str = "base64",
               content_id: str | None = None, description: str | None = None) -> Part:
    """name_style: plain (ASCII name), rfc2231 (standard), rfc2047 (what Foxmail/Outlook do in practice)."""
    if filename is None:
        ct, cd = ctype, disposition
    elif name_style == "plain":
        ct, cd = f'{ctype}; name="{filename}"', f'{disposition}; filename="{filename}"'
    elif name_style == "rfc2231":
        ct, cd = f"{ctype};\n\t{rfc2231('name', filename, charset)}", f"{disposition};\n\t{rfc2231('filename', filename, charset)}"
    elif name_style == "rfc2047":
        word = " ".join(encoded_words(filename, charset, "B"))
        ct, cd = f'{ctype};\n\tname="{word}"', f'{disposition};\n\tfilename="{word}"'
    else:
        raise ValueError(name_style)
    headers = [("Content-Type", ct)]
    if description:
        headers.append(("Content-Description", description))
    headers += [("Content-Transfer-Encoding", cte), ("Content-Disposition", cd)]
    if content_id:
        headers.append(("Content-ID", f"<{content_id}>"))
    body = b64(data) if cte == "base64" else data
    return Part(headers, body)


def multipart(subtype: str, boundary: str, parts: list[Part], extra: str = "", preamble: bool = True) -> Part:
    ct = f'multipart/{subtype};\n\tboundary="{boundary}"' + (f";\n\t{extra}" if extra else "")
    pre = b"This is a multi-part message in MIME format.\n" if preamble else b""
    return Part([("Content-Type", ct)], parts=parts, boundary=boundary, preamble=pre)


def message_bytes(headers: list[tuple[str, str]], root: Part, mime: bool = True) -> bytes:
    top = Part(headers + ([("MIME-Version", "1.0")] if mime else []) + root.headers, root.body, root.parts,
               root.boundary, root.preamble, root.epilogue)
    return top.render_headers() + b"\n" + top.render_body()


def rfc822_part(raw: bytes, description: str | None = None, filename: str | None = None) -> Part:
    headers = [("Content-Type", "message/rfc822" + (f'; name="{filename}"' if filename else ""))]
    if description:
        headers.append(("Content-Description", description))
    headers += [("Content-Disposition", "attachment" + (f'; filename="{filename}"' if filename else ""))]
    return Part(headers, raw)


def hdr(name: str, tokens: list[str] | str) -> tuple[str, str]:
    if isinstance(tokens, str):
        return (name, tokens)
    return (name, fold(tokens, len(name) + 2))


# ----------------------------------------------------------------------------------------------------------
# Dates, transport headers
# ----------------------------------------------------------------------------------------------------------

def tz(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


CET, CST, JST, GMT, EST, MSK = tz(1), tz(8), tz(9), tz(0), tz(-5), tz(3)


def when(day: int, hh: int, mm: int, ss: int, zone: dt.timezone) -> dt.datetime:
    return dt.datetime(2026, 11, day, hh, mm, ss, tzinfo=zone)


def rfc_date(t: dt.datetime) -> str:
    return email.utils.format_datetime(t)


def queue_id(seed: str) -> str:
    alphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
    h = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    out = ""
    for _ in range(12):
        h, r = divmod(h, len(alphabet))
        out += alphabet[r]
    return "4" + out


def transport(t: dt.datetime, *, rcpt: str, mail_from: str, helo: str, ip: str, seed: str,
              auth: str | None = "pass", extra_hop: tuple[str, str] | None = None) -> list[tuple[str, str]]:
    """Return-Path, Delivered-To, Received (our MX, optionally the sender's relay) and Authentication-Results."""
    arrive = (t + dt.timedelta(seconds=2 + int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 40)).astimezone(CET)
    domain = mail_from.split("@")[-1]
    headers = [("Return-Path", f"<{mail_from}>" if mail_from else "<>"), ("Delivered-To", rcpt)]
    headers.append(("Received", f"from {helo} ({helo} [{ip}])\n\tby {MX} (Postfix) with ESMTPS id {queue_id(seed)}\n"
                                f"\tfor <{rcpt}>; {rfc_date(arrive)} (CET)"))
    if extra_hop:
        inner_host, inner_ip = extra_hop
        hop = t + dt.timedelta(seconds=1)
        headers.append(("Received", f"from {inner_host} ([{inner_ip}])\n\tby {helo} with ESMTPSA id "
                                    f"{queue_id(seed + 'hop').lower()[:10]}\n\t{rfc_date(hop)}"))
    if auth:
        headers.append(("Authentication-Results", f"{MX};\n\tspf={auth} smtp.mailfrom={domain};\n"
                                                  f"\tdkim={auth} header.d={domain};\n\tdmarc={auth} header.from={domain}"))
    return headers


# ----------------------------------------------------------------------------------------------------------
# PDF writer: text layer with Helvetica (WinAnsi) or STSong-Light (Identity-H, Adobe-GB1 CIDs, ToUnicode), optional
# embedded file (Factur-X). Fonts are the standard ones and are not embedded.
# ----------------------------------------------------------------------------------------------------------

HELVETICA_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278] + [556] * 10 +
    [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
     778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
     556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500,
     500, 500, 334, 260, 334, 584]))


def is_latin(s: str) -> bool:
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def text_width(s: str, size: float) -> float:
    if is_latin(s):
        return sum(HELVETICA_WIDTHS.get(c, 556) for c in s) * size / 1000
    return sum(500 if ord(c) < 128 else 1000 for c in s) * size / 1000


def pdf_latin_string(s: str) -> str:
    out = "("
    for b in s.encode("cp1252"):
        c = chr(b)
        if c in "()\\":
            out += "\\" + c
        elif 32 <= b < 127:
            out += c
        else:
            out += f"\\{b:03o}"
    return out + ")"


GB1_CID: dict[str, int] = {  # Unicode character -> Adobe-GB1 CID (from UniGB-UTF16-H), only what the PDFs draw
    " ": 1, "%": 6, "(": 9, ")": 10, "*": 11, "-": 14, ".": 15, "/": 16,
    "0": 17, "1": 18, "2": 19, "3": 20, "4": 21, "5": 22, "6": 23, "7": 24,
    "8": 25, "9": 26, "A": 34, "B": 35, "D": 37, "H": 41, "K": 44, "L": 45,
    "M": 46, "O": 48, "P": 49, "Q": 50, "S": 52, "T": 53, "W": 56, "Z": 59,
    "¥": 22354, "。": 96, "一": 4162, "万": 3747, "下": 3887, "专": 4613, "业": 4156, "个": 1777,
    "中": 4559, "丽": 2529, "买": 2713, "于": 4287, "交": 2188, "人": 3238, "仑": 2687, "付": 1713,
    "仟": 3111, "代": 1405, "件": 2161, "价": 2126, "会": 2038, "伟": 3775, "传": 1326, "位": 3786,
    "作": 4692, "佰": 998, "供": 1794, "信": 3984, "值": 4532, "元": 4333, "公": 1796, "具": 2318,
    "内": 2877, "写": 3967, "减": 2152, "出": 1307, "别": 1113, "到": 1438, "前": 3117, "力": 2543,
    "动": 1518, "化": 1988, "北": 1050, "区": 3189, "单": 1414, "厂": 1228, "参": 1173, "发": 1599,
    "台": 3579, "号": 1916, "司": 3507, "合": 1926, "名": 2816, "后": 1962, "含": 1891, "告": 1761,
    "员": 4340, "售": 3442, "商": 3333, "回": 2029, "园": 4339, "国": 1875, "块": 2422, "型": 3992,
    "城": 1260, "增": 4409, "备": 1057, "大": 1398, "天": 3647, "套": 3626, "子": 4656, "宁": 2913,
    "审": 3372, "密": 2785, "导": 1437, "小": 3948, "州": 4572, "工": 1789, "币": 1083, "市": 3431,
    "带": 1403, "年": 2893, "序": 4029, "应": 4235, "座": 4694, "开": 2359, "式": 3412, "张": 4454,
    "徐": 4023, "恒": 1946, "息": 3855, "户": 1980, "承": 1269, "技": 2095, "报": 1041, "担": 1412,
    "拾": 3399, "按": 959, "提": 3636, "支": 4518, "收": 3436, "数": 3476, "整": 4508, "方": 1626,
    "日": 3248, "明": 2812, "星": 3986, "晓": 3947, "月": 4357, "有": 4277, "期": 3065, "本": 1063,
    "术": 3468, "机": 2063, "柒": 3073, "样": 4130, "核": 1922, "根": 1780, "格": 1772, "检": 2143,
    "款": 2427, "民": 2806, "水": 3491, "求": 3184, "江": 2174, "沟": 1806, "波": 1135, "注": 4607,
    "浙": 4484, "海": 1882, "深": 3367, "港": 1750, "滑": 1985, "燕": 4105, "率": 2673, "王": 3750,
    "玖": 2288, "球": 3183, "理": 2520, "用": 4264, "由": 4270, "电": 1480, "盖": 1730, "目": 2850,
    "直": 4528, "省": 3384, "码": 2706, "确": 3218, "社": 3360, "票": 3024, "称": 1259, "税": 3493,
    "章": 4451, "精": 2266, "系": 3874, "纳": 2860, "线": 3916, "经": 2268, "结": 2226, "统": 3684,
    "联": 2547, "肆": 3510, "腾": 3629, "自": 4657, "苏": 3530, "行": 3995, "要": 4145, "规": 1855,
    "计": 2105, "订": 1512, "认": 3242, "设": 3361, "识": 3405, "话": 1989, "请": 3176, "账": 4460,
    "货": 2058, "质": 4553, "购": 1811, "费": 1646, "路": 2654, "轨": 1861, "轴": 4576, "达": 1394,
    "运": 4366, "送": 3522, "速": 3534, "部": 1158, "采": 1168, "量": 2568, "金": 2241, "银": 4223,
    "销": 3943, "陆": 2660, "限": 3915, "随": 3547, "项": 3931, "顾": 1828, "额": 1581, "验": 4114,
    "（": 269, "）": 270, "，": 273, "：": 287,
}

CJK_CHARS_USED: set[str] = set()   # every character drawn with the CID font, for --gb1-table


def gb1_cid(ch: str) -> int:
    try:
        return GB1_CID[ch]
    except KeyError:
        raise SystemExit(f"no Adobe-GB1 CID known for {ch!r} (U+{ord(ch):04X}); regenerate the table with "
                         f"`make_demo.py --gb1-table /usr/share/poppler/cMap/Adobe-GB1/UniGB-UTF16-H` (Debian "
                         f"poppler-data) and paste it into GB1_CID") from None


class Page:
    """One A4 page (595 x 842 pt) of positioned text and rules."""

    def __init__(self):
        self.ops: list[str] = []
        self.used_cjk: set[str] = set()

    def text(self, x: float, y: float, s: str, size: float = 9, bold: bool = False, align: str = "left"):
        if align == "right":
            x -= text_width(s, size)
        if is_latin(s):
            font, operand = ("F2" if bold else "F1"), pdf_latin_string(s)
        else:
            CJK_CHARS_USED.update(s)
            font, operand = "F3", "<" + "".join(f"{gb1_cid(c):04X}" for c in s) + ">"
            self.used_cjk.update(s)
        self.ops.append(f"BT /{font} {size:g} Tf {x:.2f} {y:.2f} Td {operand} Tj ET")

    def rule(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5):
        self.ops.append(f"{width:g} w {x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S")

    def content(self) -> bytes:
        return ("\n".join(self.ops) + "\n").encode("ascii")


def pdf_date(t: dt.datetime) -> str:
    off = t.utcoffset() or dt.timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return t.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def pdf_text_string(s: str) -> str:
    if is_latin(s) and all(ord(c) < 128 for c in s):
        return pdf_latin_string(s)
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


def make_pdf(pages: list[Page], *, title: str, author: str, created: dt.datetime,
             producer: str = "Brightwater demo PDF writer",
             embedded: tuple[str, bytes, str] | None = None, xmp: bytes | None = None) -> bytes:
    objects: list[bytes | None] = [None]

    def reserve() -> int:
        objects.append(None)
        return len(objects) - 1

    def put(n: int, body: bytes | str):
        objects[n] = body.encode("latin-1") if isinstance(body, str) else body

    def add(body: bytes | str) -> int:
        n = reserve()
        put(n, body)
        return n

    def stream(dictionary: str, data: bytes) -> bytes:
        return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode("latin-1") + data + b"\nendstream"

    catalog, pages_obj = reserve(), reserve()
    f1 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    fonts = f"/F1 {f1} 0 R /F2 {f2} 0 R"
    if any(p.used_cjk for p in pages):
        cjk_chars = sorted(set().union(*(p.used_cjk for p in pages)), key=gb1_cid)
        # Identity-H with Adobe-GB1 CIDs (the glyph collection of the standard STSong-Light font, which viewers
        # substitute): any viewer with CJK support draws the glyphs, and the ToUnicode map gives the text layer
        # without needing CMap files (poppler-data), which a predefined encoding such as UniGB-UCS2-H would.
        descriptor = add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                         "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
        descendant = add(f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                         f"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor {descriptor} 0 R "
                         f"/DW 1000 /W [1 95 500] >>")
        lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                 "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                 "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        for k in range(0, len(cjk_chars), 100):
            chunk = cjk_chars[k:k + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines += [f"<{gb1_cid(c):04X}> <{ord(c):04X}>" for c in chunk]
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        to_unicode = add(stream("", ("\n".join(lines) + "\n").encode("ascii")))
        f3 = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
                 f"/DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R >>")
        fonts += f" /F3 {f3} 0 R"
    page_ids = []
    for p in pages:
        content = add(stream("", p.content()))
        page_ids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                            f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>"))
    put(pages_obj, f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(page_ids)} >>")
    extra = ""
    if xmp is not None:
        meta = add(stream("/Type /Metadata /Subtype /XML", xmp))
        extra += f" /Metadata {meta} 0 R"
    if embedded is not None:
        name, data, desc = embedded
        ef = add(stream(f"/Type /EmbeddedFile /Subtype /text#2Fxml /Params << /Size {len(data)} /ModDate "
                        f"({pdf_date(created)}) /CheckSum <{hashlib.md5(data).hexdigest().upper()}> >>", data))
        spec = add(f"<< /Type /Filespec /F ({name}) /UF ({name}) /Desc ({desc}) /AFRelationship /Data "
                   f"/EF << /F {ef} 0 R /UF {ef} 0 R >> >>")
        extra += f" /Names << /EmbeddedFiles << /Names [({name}) {spec} 0 R] >> >> /AF [{spec} 0 R]"
    put(catalog, f"<< /Type /Catalog /Pages {pages_obj} 0 R{extra} >>")
    info = add(f"<< /Title {pdf_text_string(title)} /Author {pdf_text_string(author)} /Producer ({producer}) "
               f"/CreationDate ({pdf_date(created)}) /ModDate ({pdf_date(created)}) >>")

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n in range(1, len(objects)):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + objects[n] + b"\nendobj\n"
    xref = len(out)
    doc_id = hashlib.md5(bytes(out)).hexdigest().upper()
    out += f"xref\n0 {len(objects)}\n".encode() + b"0000000000 65535 f \n"
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (f"trailer\n<< /Size {len(objects)} /Root {catalog} 0 R /Info {info} 0 R /ID [<{doc_id}> <{doc_id}>] >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def table_page(page: Page, y: float, columns: list[tuple[float, str]], header: list[str], rows: list[list[str]],
               size: float = 8.5) -> float:
    """Draw a simple table; columns are (x, 'l'|'r'). Returns the y below the table."""
    page.rule(50, y + 11, 545, y + 11)
    for (x, al), cell in zip(columns, header):
        page.text(x, y, cell, size, bold=True, align="right" if al == "r" else "left")
    y -= 6
    page.rule(50, y, 545, y)
    y -= 13
    for row in rows:
        for (x, al), cell in zip(columns, row):
            page.text(x, y, cell, size, align="right" if al == "r" else "left")
        y -= 13
    page.rule(50, y + 7, 545, y + 7)
    return y - 8


def letterhead(page: Page, name: str, lines: list[str]):
    page.text(50, 790, name, 15, bold=True)
    for k, line in enumerate(lines):
        page.text(50, 774 - 11 * k, line, 8)


# ----------------------------------------------------------------------------------------------------------
# PNG (for the inline photo)
# ----------------------------------------------------------------------------------------------------------

def png(width: int, height: int, pixel: Callable[[int, int], tuple[int, int, int]]) -> bytes:
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + (binascii.crc32(kind + data) & 0xFFFFFFFF).to_bytes(4, "big")

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


def bearing_photo() -> bytes:
    """A small 'photo' of a worn bearing: outer ring, balls, a rust-brown patch and a crack."""
    import math
    w, h = 160, 120
    cx, cy = 80, 60

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        dx, dy = x - cx, y - cy
        r = math.hypot(dx, dy)
        noise = (x * 7919 + y * 104729) % 17 - 8
        base = 70 + (y * 40) // h + noise  # dim workshop background
        colour = (base, base + 4, base + 10)
        if 18 <= r <= 52:
            g = 150 + int(40 * math.cos(math.atan2(dy, dx) * 2)) + noise
            colour = (g, g, g + 6)
            for k in range(9):
                a = 2 * math.pi * k / 9
                bx, by = cx + 35 * math.cos(a), cy + 35 * math.sin(a)
                if math.hypot(x - bx, y - by) < 7:
                    s = 200 - int(6 * math.hypot(x - bx + 2, y - by + 2)) + noise
                    colour = (s, s, s)
            if dx > 10 and dy < -5 and r > 40:
                colour = (140 + noise, 72 + noise // 2, 30)  # corrosion on the outer ring
        if 18 <= r <= 52 and abs(dy - 0.6 * dx + 6) < 1.2 and dx < 0:
            colour = (25, 22, 20)  # crack through the inner ring
        if r < 18:
            colour = (35, 35, 38)
        return tuple(max(0, min(255, c)) for c in colour)

    return png(w, h, pixel)


# ----------------------------------------------------------------------------------------------------------
# E-invoices: UBL 2.1 and UN/CEFACT CII (EN 16931 / Factur-X), with consistent sums
# ----------------------------------------------------------------------------------------------------------

@dataclass
class InvoiceParty:
    name: str
    street: str
    city: str
    postcode: str
    country: str
    vat: str
    email_address: str
    contact: str = ""
    phone: str = ""


@dataclass
class InvoiceLine:
    sku: str
    name: str
    qty: Decimal
    unit: str  # UN/ECE rec 20: H87 piece, KGM kilogram, HUR hour, C62 one
    price: Decimal

    @property
    def total(self) -> Decimal:
        return line_total(self.qty, self.price)


@dataclass
class Invoice:
    number: str
    issue: dt.date
    due: dt.date
    delivery: dt.date
    currency: str
    seller: InvoiceParty
    buyer: InvoiceParty
    lines: list[InvoiceLine]
    vat_rate: Decimal
    vat_category: str  # S standard, K intra-community (reverse charge)
    iban: str
    bic: str
    order_ref: str
    buyer_ref: str
    terms: str
    note: str = ""
    exemption: str = ""

    @property
    def net(self) -> Decimal:
        return sum((l.total for l in self.lines), D("0.00"))

    @property
    def tax(self) -> Decimal:
        return money(self.net * self.vat_rate / 100)

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


def xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def ubl_invoice(inv: Invoice) -> bytes:
    e = xml_escape

    def party(p: InvoiceParty, tag: str) -> str:
        return f"""  <cac:{tag}>
    <cac:Party>
      <cbc:EndpointID schemeID="EM">{e(p.email_address)}</cbc:EndpointID>
      <cac:PartyName>
        <cbc:Name>{e(p.name)}</cbc:Name>
      </cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>{e(p.street)}</cbc:StreetName>
        <cbc:CityName>{e(p.city)}</cbc:CityName>
        <cbc:PostalZone>{e(p.postcode)}</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>{p.country}</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>{p.vat}</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>{e(p.name)}</cbc:RegistrationName>
      </cac:PartyLegalEntity>
      <cac:Contact>
        <cbc:Name>{e(p.contact)}</cbc:Name>
        <cbc:Telephone>{e(p.phone)}</cbc:Telephone>
        <cbc:ElectronicMail>{e(p.email_address)}</cbc:ElectronicMail>
      </cac:Contact>
    </cac:Party>
  </cac:{tag}>
"""

    lines = ""
    for k, l in enumerate(inv.lines, 1):
        lines += f"""  <cac:InvoiceLine>
    <cbc:ID>{k}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="{l.unit}">{l.qty}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="{inv.currency}">{l.total}</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>{e(l.name)}</cbc:Name>
      <cac:SellersItemIdentification>
        <cbc:ID>{e(l.sku)}</cbc:ID>
      </cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>{inv.vat_category}</cbc:ID>
        <cbc:Percent>{inv.vat_rate}</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="{inv.currency}">{l.price}</cbc:PriceAmount>
    </cac:Price>
  </cac:InvoiceLine>
"""
    c = inv.currency
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>{e(inv.number)}</cbc:ID>
  <cbc:IssueDate>{inv.issue.isoformat()}</cbc:IssueDate>
  <cbc:DueDate>{inv.due.isoformat()}</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>{e(inv.note)}</cbc:Note>
  <cbc:DocumentCurrencyCode>{c}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>{e(inv.buyer_ref)}</cbc:BuyerReference>
  <cac:OrderReference>
    <cbc:ID>{e(inv.order_ref)}</cbc:ID>
  </cac:OrderReference>
{party(inv.seller, "AccountingSupplierParty")}{party(inv.buyer, "AccountingCustomerParty")}  <cac:Delivery>
    <cbc:ActualDeliveryDate>{inv.delivery.isoformat()}</cbc:ActualDeliveryDate>
  </cac:Delivery>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cbc:PaymentID>{e(inv.number)}</cbc:PaymentID>
    <cac:PayeeFinancialAccount>
      <cbc:ID>{inv.iban}</cbc:ID>
      <cbc:Name>{e(inv.seller.name)}</cbc:Name>
      <cac:FinancialInstitutionBranch>
        <cbc:ID>{inv.bic}</cbc:ID>
      </cac:FinancialInstitutionBranch>
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms>
    <cbc:Note>{e(inv.terms)}</cbc:Note>
  </cac:PaymentTerms>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="{c}">{inv.tax}</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="{c}">{inv.net}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="{c}">{inv.tax}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>{inv.vat_category}</cbc:ID>
        <cbc:Percent>{inv.vat_rate}</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="{c}">{inv.net}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="{c}">{inv.net}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="{c}">{inv.gross}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="{c}">{inv.gross}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
{lines}</Invoice>
"""
    return xml.encode("utf-8")


def cii_invoice(inv: Invoice) -> bytes:
    e = xml_escape

    def d102(d: dt.date) -> str:
        return f'<udt:DateTimeString format="102">{d.strftime("%Y%m%d")}</udt:DateTimeString>'

    def party(p: InvoiceParty, tag: str) -> str:
        return f"""      <ram:{tag}>
        <ram:Name>{e(p.name)}</ram:Name>
        <ram:DefinedTradeContact>
          <ram:PersonName>{e(p.contact)}</ram:PersonName>
          <ram:TelephoneUniversalCommunication>
            <ram:CompleteNumber>{e(p.phone)}</ram:CompleteNumber>
          </ram:TelephoneUniversalCommunication>
          <ram:EmailURIUniversalCommunication>
            <ram:URIID>{e(p.email_address)}</ram:URIID>
          </ram:EmailURIUniversalCommunication>
        </ram:DefinedTradeContact>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>{e(p.postcode)}</ram:PostcodeCode>
          <ram:LineOne>{e(p.street)}</ram:LineOne>
          <ram:CityName>{e(p.city)}</ram:CityName>
          <ram:CountryID>{p.country}</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication>
          <ram:URIID schemeID="EM">{e(p.email_address)}</ram:URIID>
        </ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">{p.vat}</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:{tag}>
"""

    exemption = f"\n          <ram:ExemptionReason>{e(inv.exemption)}</ram:ExemptionReason>" if inv.exemption else ""
    items = ""
    for k, l in enumerate(inv.lines, 1):
        items += f"""    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>{k}</ram:LineID>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:SellerAssignedID>{e(l.sku)}</ram:SellerAssignedID>
        <ram:Name>{e(l.name)}</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>{l.price}</ram:ChargeAmount>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="{l.unit}">{l.qty}</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>{inv.vat_category}</ram:CategoryCode>
          <ram:RateApplicablePercent>{inv.vat_rate}</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>{l.total}</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
"""
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>{e(inv.number)}</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime>
      {d102(inv.issue)}
    </ram:IssueDateTime>
    <ram:IncludedNote>
      <ram:Content>{e(inv.note)}</ram:Content>
    </ram:IncludedNote>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
{items}    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>{e(inv.buyer_ref)}</ram:BuyerReference>
{party(inv.seller, "SellerTradeParty")}{party(inv.buyer, "BuyerTradeParty")}      <ram:BuyerOrderReferencedDocument>
        <ram:IssuerAssignedID>{e(inv.order_ref)}</ram:IssuerAssignedID>
      </ram:BuyerOrderReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime>
          {d102(inv.delivery)}
        </ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>{e(inv.number)}</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>{inv.currency}</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>{inv.iban}</ram:IBANID>
        </ram:PayeePartyCreditorFinancialAccount>
        <ram:PayeeSpecifiedCreditorFinancialInstitution>
          <ram:BICID>{inv.bic}</ram:BICID>
        </ram:PayeeSpecifiedCreditorFinancialInstitution>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>{inv.tax}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>{exemption}
        <ram:BasisAmount>{inv.net}</ram:BasisAmount>
        <ram:CategoryCode>{inv.vat_category}</ram:CategoryCode>
        <ram:RateApplicablePercent>{inv.vat_rate}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>{e(inv.terms)}</ram:Description>
        <ram:DueDateDateTime>
          {d102(inv.due)}
        </ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{inv.net}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>{inv.net}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="{inv.currency}">{inv.tax}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{inv.gross}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>{inv.gross}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"""
    return xml.encode("utf-8")


def facturx_xmp(title: str, created: dt.datetime) -> bytes:
    stamp = created.isoformat()
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(title)}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
      xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>fx</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq>
     <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
     <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
     <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
     <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
    </rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
""".encode("utf-8")


# ----------------------------------------------------------------------------------------------------------
# The mails
# ----------------------------------------------------------------------------------------------------------

@dataclass
class Mail:
    key: str                 # short id used in README (Q1, S2, …)
    kind: str                # kind intended for issue 5's demo rules
    language: str
    charset: str             # what the body (and headers) use
    special: str             # what is special about it, for the README
    sent: dt.datetime        # Date header
    raw: bytes
    subject: str             # decoded subject, for validation
    sender: str              # From address
    attachments: list[tuple[str, str]] = field(default_factory=list)   # (filename, content type), nested too
    pdf_expect: dict[str, list[str]] = field(default_factory=dict)     # PDF name -> text its layer must hold
    xml: dict[str, str] = field(default_factory=dict)                   # XML name -> "ubl" | "cii"
    defects: tuple[str, ...] = ()    # defects Python's email package reports on purpose (header:DefectName)
    number: int = 0
    filename: str = ""


MAILS: list[Callable[[], Mail]] = []


def mail(fn: Callable[[], Mail]) -> Callable[[], Mail]:
    MAILS.append(fn)
    return fn


def envelope(*, frm: list[str], to: list[str], subject: list[str], sent: dt.datetime, msgid: str,
             cc: list[str] | None = None, reply_to: list[str] | None = None, in_reply_to: str | None = None,
             references: list[str] | None = None, extra: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    h = [hdr("From", frm), hdr("To", to)]
    if cc:
        h.append(hdr("Cc", cc))
    if reply_to:
        h.append(hdr("Reply-To", reply_to))
    h += [hdr("Subject", subject), ("Date", rfc_date(sent)), ("Message-ID", f"<{msgid}>")]
    if in_reply_to:
        h.append(("In-Reply-To", f"<{in_reply_to}>"))
    if references:
        h.append(hdr("References", [f"<{r}>" for r in references]))
    return h + list(extra)


def items_table(rows: list[tuple], widths: list[int], right: set[int] = frozenset()) -> str:
    out = []
    for row in rows:
        cells = []
        for k, (cell, w) in enumerate(zip(row, widths)):
            cell = str(cell)
            cells.append(cell.rjust(w) if k in right else cell.ljust(w))
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def html_page(body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


# -- people and partners ----------------------------------------------------------------------------------

SALES = f"sales@{BW}"
SALES_CN = f"sales.cn@{BW}"
SUPPORT = f"support@{BW}"
INVOICES = f"rechnungen@{BW}"
APPROVALS = f"approvals@{BW}"
INFO = f"info@{BW}"

NORDHAFEN = dict(name="Becker, Thomas", email="t.becker@nordhafen-maschinenbau.example",
                 host="mail.nordhafen-maschinenbau.example", ip="198.51.100.41")

QUOTE_1187 = [("BW-UCF208", 120), ("BW-HTD8M-40-30", 80), ("BW-LG20-1000", 60), ("BW-LB20-FL", 120)]
QUOTE_1187_NET = sum(line_total(q, PRODUCTS[s].eur) for s, q in QUOTE_1187)

USD_LIST = {"BW-LG20-1000": D("69.50"), "BW-LB20-FL": D("41.90"), "BW-CPL-J28": D("23.40")}
QUOTE_1203 = [("BW-LG20-1000", 200), ("BW-LB20-FL", 400), ("BW-CPL-J28", 150)]
QUOTE_1203_LIST = sum(line_total(q, USD_LIST[s]) for s, q in QUOTE_1203)
QUOTE_1203_NET_PRICE = {s: money(p * D("0.92")) for s, p in USD_LIST.items()}
QUOTE_1203_NET = sum(line_total(q, QUOTE_1203_NET_PRICE[s]) for s, q in QUOTE_1203)

CNY_PRICE = {"BW-LG20-1000": D("468.00"), "BW-LB20-FL": D("285.00"), "BW-GB-PB42": D("1380.00")}
HAITENG_ITEMS = [("BW-LG20-1000", 40, "根"), ("BW-LB20-FL", 80, "个"), ("BW-GB-PB42", 24, "台")]
HAITENG_TOTAL = sum(line_total(q, CNY_PRICE[s]) for s, q, _ in HAITENG_ITEMS)

# Suzhou's purchase from Hengli (approved in A2, invoiced in I5); prices net of 13 % VAT
HENGLI_LINES = [("6205-2RS", "深沟球轴承", 10000, D("2.35")), ("6308-ZZ", "深沟球轴承", 2000, D("6.10")),
                ("UCF208", "带座轴承", 500, D("11.20"))]
HENGLI_NET = sum(line_total(q, p) for _, _, q, p in HENGLI_LINES)
HENGLI_TAX = sum(money(line_total(q, p) * D("0.13")) for _, _, q, p in HENGLI_LINES)
HENGLI_GROSS = HENGLI_NET + HENGLI_TAX


# -- quote requests ------------------------------------------------------------------------------------------

@mail
def q1_lindqvist() -> Mail:
    sent = when(2, 9, 14, 27, CET)
    items = [("BW-6205-2RS", 2400, "11 Jan 2027"), ("BW-6308-ZZ", 600, "11 Jan 2027"),
             ("BW-UCF208", 150, "25 Jan 2027"), ("BW-CPL-J28", 200, "25 Jan 2027")]
    short = {"BW-6205-2RS": "Deep groove ball bearing 6205-2RS", "BW-6308-ZZ": "Deep groove ball bearing 6308-ZZ",
             "BW-UCF208": "Flange bearing unit UCF208", "BW-CPL-J28": "Jaw coupling 28 mm, spider 92 Shore A"}
    table = items_table([("Item", "Your SKU", "Description", "Qty", "Wanted by")] +
                        [(k, s, short[s], qty_en(q), d) for k, (s, q, d) in enumerate(items, 1)],
                        [4, 13, 38, 6, 12], right={3})
    text = f"""Hello Brightwater sales team,

We are retrofitting packaging line 4 at our Norrköping plant during the Christmas shutdown and would
like your best price and lead time for the following items:

{table}

Delivery: DAP Norrköping (Incoterms® 2020); partial deliveries are fine.
Please quote in EUR and state your payment terms. Our reference: RFQ 2026-118.

We would appreciate your quotation by Friday, 13 November.

Best regards / Med vänliga hälsningar

Annika Holm
Strategic Sourcing Manager
Lindqvist Packaging AB
Industrigatan 14, 602 23 Norrköping, Sweden
+46 11 400 2718
"""
    rows = "".join(f'<tr><td>{k}</td><td>{s}</td><td>{short[s]}</td><td align="right">{qty_en(q)}</td><td>{d}</td></tr>\n'
                   for k, (s, q, d) in enumerate(items, 1))
    html = html_page(f"""<div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">
<p>Hello Brightwater sales team,</p>
<p>We are retrofitting packaging line 4 at our Norrköping plant during the Christmas shutdown and would like your
best price and lead time for the following items:</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tr><th>Item</th><th>Your SKU</th><th>Description</th><th>Qty</th><th>Wanted by</th></tr>
{rows}</table>
<p>Delivery: DAP Norrköping (Incoterms&reg; 2020); partial deliveries are fine.<br>
Please quote in EUR and state your payment terms. Our reference: <b>RFQ 2026-118</b>.</p>
<p>We would appreciate your quotation by Friday, 13 November.</p>
<p>Best regards / Med vänliga hälsningar</p>
<p><b>Annika Holm</b><br>Strategic Sourcing Manager<br>Lindqvist Packaging AB<br>
Industrigatan 14, 602 23 Norrköping, Sweden<br>+46 11 400 2718</p>
</div>""")
    subject = "RFQ 2026-118 – bearings and couplings for line 4 retrofit"
    frm = "annika.holm@lindqvist-packaging.example"
    root = multipart("alternative", "_000_AM0PR07MB4417E1A0C3D2B11F9A2C4E52A1_",
                     [text_part(text, "UTF-8", "quoted-printable"),
                      text_part(html, "UTF-8", "quoted-printable", "html")])
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo="mail.lindqvist-packaging.example", ip="198.51.100.23",
                        seed="q1") + envelope(
        frm=addr("Annika Holm", frm), to=addr("Brightwater Sales", SALES),
        subject=enc_header(subject, "UTF-8", "Q"), sent=sent,
        msgid="AM0PR07MB4417E1A0C3D2B11F9A2C4E52A1@AM0PR07MB4417.eurprd07.lindqvist-packaging.example",
        extra=[("Thread-Topic", "RFQ 2026-118"), ("X-Mailer", "Microsoft Outlook 16.0")])
    return Mail("Q1", "quote_request", "en", "UTF-8 (quoted-printable)",
                "multipart/alternative (text + HTML table); RFC 2047 Q subject with an en dash; item list with wanted dates",
                sent, message_bytes(headers, root), subject, frm)


@mail
def q2_nordhafen() -> Mail:
    sent = when(3, 8, 41, 5, CET)
    table = items_table([("Pos.", "Artikel-Nr.", "Bezeichnung", "Menge", "Wunschtermin")] +
                        [((k + 1) * 10, s, d, f"{q} Stk.", "14.12.2026") for k, (s, q, d) in enumerate([
                            ("BW-UCF208", 120, "Flanschlagereinheit UCF208, Bohrung 40 mm"),
                            ("BW-HTD8M-40-30", 80, "Zahnriemenscheibe HTD 8M, 40 Zähne, 30 mm"),
                            ("BW-LG20-1000", 60, "Profilschiene Baugröße 20, 1000 mm"),
                            ("BW-LB20-FL", 120, "Führungswagen Baugröße 20, Flansch")])],
                        [5, 15, 42, 9, 12], right={3})
    text = f"""Sehr geehrte Damen und Herren,

für unser Projekt NH-2231 (Verpackungsmaschine VMX 40) bitten wir um Ihr Angebot über folgende Positionen:

{table}

Lieferung frei Haus an unser Werk Bremen, Hafenrandstraße 31, 28217 Bremen.
Bitte nennen Sie uns Ihre Lieferzeit und die Zahlungsbedingungen. Ein Angebot bis zum
06.11.2026 wäre ideal, da wir die Bestellung noch in KW 46 auslösen möchten.

Mit freundlichen Grüßen

i. A. Thomas Becker
Strategischer Einkauf

Nordhafen Maschinenbau AG
Hafenrandstraße 31 · 28217 Bremen
Telefon +49 421 690 44-213
t.becker@nordhafen-maschinenbau.example

Sitz der Gesellschaft: Bremen · Amtsgericht Bremen HRB 31877
Vorstand: Dr. Claudia Wenzel (Vors.), Jörg Haller · Aufsichtsratsvorsitzender: Peter Olsen
"""
    subject = "Anfrage: Angebot für Flanschlager, Zahnriemenscheiben und Linearführungen (Projekt NH-2231)"
    n = NORDHAFEN
    headers = transport(sent, rcpt=SALES, mail_from=n["email"], helo=n["host"], ip=n["ip"], seed="q2") + envelope(
        frm=addr(n["name"], n["email"]), to=addr(None, SALES), subject=enc_header(subject, "ISO-8859-1", "Q"),
        sent=sent, msgid="OF5A3C1E02.7B1D4F60-ONC1258C3A.002F1B7E-C1258C3A.002F9D11@nordhafen-maschinenbau.example",
        extra=[("X-Mailer", "HCL Notes Release 12.0.2 FP3 May 15, 2024"), ("X-Priority", "3 (Normal)")])
    root = text_part(text, "ISO-8859-1", "quoted-printable")
    return Mail("Q2", "quote_request", "de", "ISO-8859-1 (quoted-printable)",
                "HCL Notes; ISO-8859-1 Q-encoded subject; 'Becker, Thomas' quoted display name; German item table",
                sent, message_bytes(headers, root), subject, n["email"])


@mail
def q3_haiteng() -> Mail:
    sent = when(4, 10, 23, 41, CST)
    table = items_table([("序号", "型号", "名称", "数量", "要求交货期")] + [
        (1, "BW-LG20-1000", "直线导轨 20型 1000mm", "40 根", "2026年12月20日前"),
        (2, "BW-LB20-FL", "直线导轨滑块 20型 法兰型", "80 个", "2026年12月20日前"),
        (3, "BW-GB-PB42", "行星减速机 42 i=10", "24 台", "2026年12月20日前")], [4, 14, 24, 6, 16])
    text = f"""王经理，您好！

我司新项目（锂电池极片分切机，共 12 台）需采购以下部件，请报含税价（13%增值税）及交货期：

{table}

交货地点：浙江省宁波市北仑区大港工业城海腾路 9 号
付款方式：月结 60 天（可商议）
请于 11 月 10 日前回复报价单，谢谢！

祝好

张伟
采购部
宁波海腾自动化设备有限公司
电话：0574-8688 2316  手机：139 5742 0186
"""
    subject = "询价：直线导轨、滑块及行星减速机（海腾 HT-RFQ-2611-03）"
    frm = "zhangwei@haiteng-auto.example"
    headers = transport(sent, rcpt=SALES_CN, mail_from=frm, helo="smtp.haiteng-auto.example", ip="203.0.113.58",
                        seed="q3") + envelope(
        frm=addr("张伟", frm, "GB2312"), to=addr("明水苏州 销售部", SALES_CN, "GB2312"),
        cc=addr("王丽", f"wang.li@{BW}", "GB2312"), subject=enc_header(subject, "GB2312", "B"), sent=sent,
        msgid="202611041023412839107@haiteng-auto.example",
        extra=[("X-Priority", "3"), ("X-Mailer", "Foxmail 7.2.25.375[cn]")])
    root = text_part(text, "GB2312", "base64")
    return Mail("Q3", "quote_request", "zh", "GB2312 (base64)",
                "Foxmail; GB2312 B-encoded subject and names; Chinese item list with 2026年12月20日 dates",
                sent, message_bytes(headers, root), subject, frm)


@mail
def q4_alpenland() -> Mail:
    sent = when(10, 13, 55, 12, CET)
    table = items_table([("Pos", "Artikel", "Bezeichnung", "Jahresmenge", "erster Abruf")] + [
        (1, "BW-SLB-3040", "Gleitlager PTFE 30x34x40", "5.000 Stk", "1.250 Stk"),
        (2, "BW-SEAL-40x62x8", "Radialwellendichtring 40x62x8 NBR", "3.000 Stk", "750 Stk"),
        (3, "BW-KEY-A8x7x40", "Passfeder DIN 6885 A 8x7x40", "10.000 Stk", "2.500 Stk")],
        [3, 15, 34, 11, 12], right={3, 4})
    volume = 5000 * PRODUCTS["BW-SLB-3040"].eur + 3000 * PRODUCTS["BW-SEAL-40x62x8"].eur + 10000 * PRODUCTS["BW-KEY-A8x7x40"].eur
    text = f"""Grüß Gott Herr Albers,

wie telefonisch besprochen möchten wir für 2027 einen Rahmenvertrag über die unten angeführten
Positionen abschließen. Abrufe erfolgen quartalsweise, der erste Abruf wäre am 15.01.2027 fällig.

{table}

Die Stückliste mit unseren Materialnummern hängt als CSV an. Nach Ihrer Preisliste ergibt das ein
Jahresvolumen von rund {fmt_de(volume)[:-3]} €; wir würden uns über einen entsprechenden Mengenrabatt freuen.

Lieferadresse: Alpenland Fördertechnik GmbH, Industriezeile 47, 4020 Linz, Österreich.

Mit freundlichen Grüßen

Ing. Markus Hofer
Einkauf & Disposition
Alpenland Fördertechnik GmbH
Industriezeile 47 · 4020 Linz · Österreich
T +43 732 77 40 19-22
"""
    csv = """Pos;Unsere Mat.-Nr.;Ihre Art.-Nr.;Bezeichnung;Jahresmenge;Einheit;Erster Abruf;Abrufdatum;Zielpreis €
1;AF-100-4471;BW-SLB-3040;Gleitlager PTFE-Verbund 30x34x40;5000;Stk;1250;15.01.2027;2,05
2;AF-100-4472;BW-SEAL-40x62x8;Radialwellendichtring 40x62x8 NBR;3000;Stk;750;15.01.2027;1,75
3;AF-100-5120;BW-KEY-A8x7x40;Passfeder DIN 6885 A 8x7x40 C45;10000;Stk;2500;15.01.2027;0,42
""".replace("\n", "\r\n")
    subject = "Preisanfrage Rahmenvertrag 2027: Gleitlager, Wellendichtringe, Passfedern (ca. 22.000 €)"
    frm = "m.hofer@alpenland-foerdertechnik.example"
    fname = "Stückliste_Rahmenvertrag_2027.csv"
    root = multipart("mixed", "------------B7iE5VZ0c3FQqkK4yT9n2Xw1", [
        text_part(text, "ISO-8859-15", "quoted-printable", extra="format=flowed"),
        attachment(encode_text(csv, "ISO-8859-15"), "text/csv; charset=ISO-8859-15", fname, name_style="rfc2231",
                   charset="ISO-8859-15", cte="quoted-printable")])
    root.parts[1].body = qp(encode_text(csv, "ISO-8859-15"))
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo="mx.alpenland-foerdertechnik.example",
                        ip="192.0.2.77", seed="q4") + envelope(
        frm=addr("Ing. Markus Hofer", frm), to=addr("Jonas Albers", f"jonas.albers@{BW}"), cc=addr(None, SALES),
        subject=enc_header(subject, "ISO-8859-15", "Q"), sent=sent,
        msgid="5f3b1c9e-8a27-4d0f-b6e1-2c7d94a03f55@alpenland-foerdertechnik.example",
        extra=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "de-AT")])
    return Mail("Q4", "quote_request", "de", "ISO-8859-15 (quoted-printable, format=flowed)",
                "Euro sign in ISO-8859-15 subject; CSV attachment with an RFC 2231 ISO-8859-15 file name (Stückliste)",
                sent, message_bytes(headers, root), subject, frm, [(fname, "text/csv")])


@mail
def q5_hokuto() -> Mail:
    sent = when(11, 9, 30, 8, JST)
    text = """ブライトウォーター・コンポーネンツ社
営業部　御中

いつもお世話になっております。
北斗トランスミッションの佐藤でございます。

下記部品につきまして、お見積りをお願いできますでしょうか。

品番　　　　　　　品名　　　　　　　　　　　　　数量　　希望納期
BW-HTD8M-40-30　　タイミングプーリー HTD 8M 40T　300個　2027年1月29日
BW-CPL-J28　　　　ジョーカップリング 28mm　　　 300個　2027年1月29日

納入場所：名古屋市港区金城ふ頭2丁目　弊社物流センター
価格条件：CIP 名古屋（インコタームズ2020）
お手数ですが、11月20日までにご回答いただけますと幸いです。

(English)
Dear Brightwater sales team,
please quote 300 pcs BW-HTD8M-40-30 and 300 pcs BW-CPL-J28, delivery by 29 January 2027,
CIP Nagoya. We would appreciate your offer by 20 November.

何卒よろしくお願い申し上げます。

--------------------------------------------
株式会社北斗トランスミッション
購買部　佐藤 健一
〒455-0848 愛知県名古屋市港区金城ふ頭2丁目
TEL 052-000-4471
--------------------------------------------
"""
    subject = "【見積依頼】タイミングプーリー及びジョーカップリング（北斗トランスミッション）"
    frm = "k.sato@hokuto-tm.example"
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo="mail.hokuto-tm.example", ip="203.0.113.19",
                        seed="q5") + envelope(
        frm=addr("佐藤 健一", frm, "ISO-2022-JP"), to=addr(None, SALES),
        subject=enc_header(subject, "ISO-2022-JP", "B"), sent=sent,
        msgid="20261111093008.7C2E.8B4A1D6E@hokuto-tm.example",
        extra=[("X-Mailer", "Becky! ver. 2.81.04 [ja]")])
    root = text_part(text, "ISO-2022-JP", "7bit")
    return Mail("Q5", "quote_request", "ja+en", "ISO-2022-JP (7bit)",
                "Japanese partner: ISO-2022-JP body and encoded words (stateful charset), English summary below",
                sent, message_bytes(headers, root), subject, frm)


@mail
def q6_hongsheng() -> Mail:
    sent = when(17, 9, 48, 33, CST)
    text = """明水精密部件 王經理 您好：

敝公司因應明年第一季 CNC 車床出貨計畫，擬採購下列軸承，敬請報價（含運費至台中港）：

項次  料號          品名                  數量       希望交期
1     BW-6308-ZZ    深溝滾珠軸承 6308-ZZ  1,000 個   115年12月31日前
2     BW-UCF208     帶座軸承 UCF208       400 個     115年12月31日前

（註：115年即西元2026年）
報價請以美金或歐元計價，並註明付款條件及報價有效期限。

如有任何問題，歡迎來電。謝謝！

林志明 敬上
採購課 課長
宏昇機械股份有限公司
台中市西屯區工業區三十八路 66 號
電話：(04) 2350-1188 分機 215
"""
    subject = "詢價：深溝滾珠軸承及帶座軸承（宏昇機械 RFQ-1151117）"
    frm = "cm.lin@hongsheng-mach.example"
    headers = transport(sent, rcpt=SALES_CN, mail_from=frm, helo="mail.hongsheng-mach.example", ip="203.0.113.140",
                        seed="q6") + envelope(
        frm=addr("林志明", frm, "BIG5"), to=addr("王經理", f"wang.li@{BW}", "BIG5"), cc=addr(None, SALES_CN),
        subject=enc_header(subject, "BIG5", "B"), sent=sent,
        msgid="000201db5871$8f2c1d40$ad8557c0$@hongsheng-mach.example",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-tw")])
    root = text_part(text, "BIG5", "base64")
    return Mail("Q6", "quote_request", "zh-Hant", "Big5 (base64)",
                "Traditional Chinese from Taiwan; Big5; wanted date in the Minguo calendar (115年12月31日 = 2026-12-31)",
                sent, message_bytes(headers, root), subject, frm)


@mail
def q7_webform() -> Mail:
    sent = when(20, 9, 40, 2, CET)
    text = """A new enquiry was submitted on www.brightwater-components.example/en/contact

Enquiry type:  Request for quotation
Name:          Sofia Marques
Company:       Técnica Lusa, Lda.
Country:       Portugal
E-mail:        s.marques@tecnica-lusa.example
Phone:         +351 22 000 4417
Preferred language: English

Message:
Good morning, we maintain bottling lines in Porto and Braga and are looking for a second
source for seals and keys. Could you send us prices for:
  - BW-SEAL-40x62x8 radial shaft seal, 500 pcs, needed by 15 January 2027
  - BW-KEY-A8x7x40 parallel key, 2,000 pcs, needed by 15 January 2027
  - BW-6205-2RS bearing, 800 pcs, delivery in February 2027 is fine
Delivery to Rua do Freixo 1071, 4300-219 Porto. Thank you!

--
Sent by the contact form (form id 7, submission 2026-11-20 09:39:58 CET, IP 192.0.2.201).
Reply to this message to answer the customer directly.
"""
    subject = "Website enquiry: Request for quotation (Técnica Lusa, Lda.)"
    frm = f"website@{BW}"
    headers = [("Return-Path", f"<{frm}>"), ("Delivered-To", SALES),
               ("Received", f"from web1.{BW} (web1.{BW} [10.20.0.15])\n\tby {MX} (Postfix) with ESMTP id "
                            f"{queue_id('q7')}\n\tfor <{SALES}>; {rfc_date(sent + dt.timedelta(seconds=1))} (CET)")]
    headers += envelope(frm=addr("Brightwater Website", frm), to=addr(None, SALES),
                        reply_to=addr("Sofia Marques", "s.marques@tecnica-lusa.example"),
                        subject=enc_header(subject, "UTF-8", "Q"), sent=sent,
                        msgid=f"form7.20261120093958.4417@web1.{BW}", extra=[("X-Mailer", "Brightwater website (contact form)")])
    root = text_part(text, "UTF-8", "quoted-printable")
    return Mail("Q7", "quote_request", "en", "UTF-8 (quoted-printable)",
                "generated by the company's own web form: From is the website, Reply-To is the customer",
                sent, message_bytes(headers, root), subject, frm)


# -- support tickets -------------------------------------------------------------------------------------

MERIDIAN_S1_ID = "000f01db5a2e$1c4b7d20$54e27760$@meridian-fluid.example"
OLE_REPLY_ID = f"c3a1f0b2-5d7e-4a8e-9b61-0e2d7a9f4c11@{BW}"
S1_SUBJECT = "Premature failure of BW-6205-2RS bearings – pump skid PS-12 (our PO 4471)"


@mail
def s1_meridian() -> Mail:
    sent = when(9, 10, 12, 51, GMT)
    cid = "image001.png@01DB5A2E.1C4B7D20"
    intro = """We’re seeing premature failures of the 6205-2RS bearings you supplied in September (your delivery
note LS-2026-08812, our PO 4471). Three bearings on the circulation pump skid PS-12 failed after roughly
200 running hours – the rated life for this duty should be well over 20,000 hours."""
    text = f"""Hello,

{intro}

Symptoms:
• rising noise and temperature (up to 78 °C at the housing) before failure
• brown discolouration on the outer ring, see photo below
• one inner ring cracked

Operating conditions: 2,900 rpm, radial load approx. 1.2 kN, ambient 35 °C, splash water nearby.

Could you please
1. tell us whether the seals on this batch (lot no. 26-0734) are known to have problems, and
2. arrange for replacements and a failure analysis?

We have 40 bearings from the same lot left in stock and have quarantined them for now.

[cid:{cid}]

Kind regards,

Gareth Hughes
Maintenance Engineer
Meridian Fluid Systems Ltd
Unit 7, Tyseley Industrial Estate, Birmingham B11 2AA, United Kingdom
T +44 121 496 0734
"""
    html = html_page(f"""<div class="WordSection1">
<p class="MsoNormal">Hello,</p>
<p class="MsoNormal">{intro.replace(chr(10), ' ')}</p>
<p class="MsoNormal">Symptoms:</p>
<ul>
<li>rising noise and temperature (up to 78&nbsp;°C at the housing) before failure</li>
<li>brown discolouration on the outer ring, see photo below</li>
<li>one inner ring cracked</li>
</ul>
<p class="MsoNormal">Operating conditions: 2,900&nbsp;rpm, radial load approx. 1.2&nbsp;kN, ambient 35&nbsp;°C, splash water nearby.</p>
<p class="MsoNormal">Could you please</p>
<ol>
<li>tell us whether the seals on this batch (lot no. 26-0734) are known to have problems, and</li>
<li>arrange for replacements and a failure analysis?</li>
</ol>
<p class="MsoNormal">We have 40 bearings from the same lot left in stock and have quarantined them for now.</p>
<p class="MsoNormal"><img width="160" height="120" src="cid:{cid}" alt="Failed bearing PS-12"></p>
<p class="MsoNormal">Kind regards,</p>
<p class="MsoNormal"><b>Gareth Hughes</b><br>Maintenance Engineer<br>Meridian Fluid Systems Ltd<br>
Unit 7, Tyseley Industrial Estate, Birmingham B11 2AA, United Kingdom<br>T +44 121 496 0734</p>
</div>""", "windows-1252")
    frm = "gareth.hughes@meridian-fluid.example"
    photo = bearing_photo()
    root = multipart("related", "_007_000f01db5a2e1c4b7d2054e27760meridianfluidexample_", [
        multipart("alternative", "_000_000f01db5a2e1c4b7d2054e27760meridianfluidexample_", [
            text_part(text, "WINDOWS-1252", "quoted-printable"),
            text_part(html, "WINDOWS-1252", "quoted-printable", "html")], preamble=False),
        attachment(photo, "image/png", "image001.png", disposition="inline", content_id=cid,
                   description="image001.png")], extra='type="multipart/alternative"')
    root.parts[0].parts[0].headers[0] = ("Content-Type", 'text/plain; charset="windows-1252"')
    root.parts[0].parts[1].headers[0] = ("Content-Type", 'text/html; charset="windows-1252"')
    headers = transport(sent, rcpt=SUPPORT, mail_from=frm, helo="mail.meridian-fluid.example", ip="198.51.100.120",
                        seed="s1") + envelope(
        frm=addr("Gareth Hughes", frm), to=addr("Brightwater Support", SUPPORT),
        subject=enc_header(S1_SUBJECT, "windows-1252", "Q"), sent=sent, msgid=MERIDIAN_S1_ID,
        extra=[("Thread-Index", "AdtaLhxLfSBU4ndgTqOa0y8Xh2c1Ag=="), ("X-Mailer", "Microsoft Outlook 16.0"),
               ("Content-Language", "en-gb")])
    return Mail("S1", "support_ticket", "en", "Windows-1252 (quoted-printable)",
                "Outlook multipart/related: text + HTML alternative and an inline PNG photo referenced by Content-ID",
                sent, message_bytes(headers, root), S1_SUBJECT, frm, [("image001.png", "image/png")])


@mail
def s2_meridian_followup() -> Mail:
    sent = when(12, 15, 20, 17, GMT)
    subject = f"RE: [BW-T-20931] {S1_SUBJECT}"
    text = f"""Hi Ole,

Thanks for the quick reply and for the RMA number. The 40 quarantined bearings from lot 26-0734 went out
today by DHL Express (waybill 4471 0837 26) with RMA-2026-0457 on the box.

One more observation: the failed bearings were all on the non-drive end, where the splash guard had been
removed during the last service. We have refitted the guard, so that may be part of the story.

Can you confirm when we can expect the 40 replacement bearings? PS-12 is running on a spare set until then.

Best regards,
Gareth

From: Ole Petersen <ole.petersen@{BW}>
Sent: 10 November 2026 14:06
To: Gareth Hughes <gareth.hughes@meridian-fluid.example>
Cc: Brightwater Support <{SUPPORT}>
Subject: [BW-T-20931] {S1_SUBJECT}

Dear Mr Hughes,

thank you for the detailed report and the photo. I have opened ticket BW-T-20931 for this case.

The discolouration and the crack point to water ingress rather than a seal defect, but we will check
lot 26-0734 in our lab. Please send the 40 quarantined bearings back to our Hamburg warehouse with
return authorisation RMA-2026-0457; we will ship 40 replacement bearings from a different lot at no charge.

Kind regards
Ole Petersen
Technical Support · Brightwater Components GmbH
"""
    frm = "gareth.hughes@meridian-fluid.example"
    headers = transport(sent, rcpt=SUPPORT, mail_from=frm, helo="mail.meridian-fluid.example", ip="198.51.100.120",
                        seed="s2") + envelope(
        frm=addr("Gareth Hughes", frm), to=addr("Ole Petersen", f"ole.petersen@{BW}"),
        cc=addr("Brightwater Support", SUPPORT), subject=enc_header(subject, "windows-1252", "Q", ), sent=sent,
        msgid="001a01db5c83$9e0f4a10$da2dde30$@meridian-fluid.example", in_reply_to=OLE_REPLY_ID,
        references=[MERIDIAN_S1_ID, OLE_REPLY_ID],
        extra=[("Thread-Index", "AdtaLhxLfSBU4ndgTqOa0y8Xh2c1AgBpZ3MA"), ("X-Mailer", "Microsoft Outlook 16.0")])
    root = text_part(text, "WINDOWS-1252", "quoted-printable")
    root.headers[0] = ("Content-Type", 'text/plain; charset="windows-1252"')
    return Mail("S2", "support_ticket", "en", "Windows-1252 (quoted-printable)",
                "follow-up in the same thread: In-Reply-To and References to S1 and our reply, ticket number "
                "[BW-T-20931] in the subject, Outlook 'From:/Sent:' quoted block",
                sent, message_bytes(headers, root), subject, frm)


@mail
def s3_weser() -> Mail:
    sent = when(18, 11, 11, 40, CET)
    text = """Sehr geehrte Damen und Herren,

mit Ihrer Lieferung LS-2026-09417 vom 16.11.2026 (Ihre Auftragsbestätigung AB-2026-3318, unsere
Bestellung WA-B-77410) haben wir statt der bestellten Passfedern DIN 6885 A 8x7x40 (BW-KEY-A8x7x40)
2.000 Stück in der Ausführung 8x7x45 erhalten. Die Etiketten auf den Kartons sind korrekt, der Inhalt
nicht – offenbar eine Verwechslung beim Kommissionieren.

Da die Teile in unserer Montage für die Getriebebaureihe WG 300 fest eingeplant sind, bitten wir um
  1. eine Ersatzlieferung bis spätestens 24.11.2026,
  2. die Abholung der Falschlieferung und
  3. einen 8D-Report bis zum 04.12.2026.

Fotos der Kartons und der Teile reichen wir gern nach.

Mit freundlichen Grüßen

Frank Meyer
Qualitätssicherung Wareneingang
Weser Antriebstechnik KG
Ringstraße 12 · 32427 Minden
Tel. 0571 8890-341
"""
    subject = "Reklamation: Lieferung LS-2026-09417 – falsche Passfedern geliefert"
    frm = "f.meyer@weser-antriebstechnik.example"
    headers = transport(sent, rcpt=SUPPORT, mail_from=frm, helo="mail.weser-antriebstechnik.example",
                        ip="192.0.2.33", seed="s3") + envelope(
        frm=addr("Frank Meyer", frm), to=addr(None, SUPPORT), cc=addr("Jonas Albers", f"jonas.albers@{BW}"),
        subject=enc_header(subject, "UTF-8", "B"), sent=sent,
        msgid="1d7c44f0-0b6e-4c5e-a7f3-6f1de22b9a80@weser-antriebstechnik.example",
        extra=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "de-DE")])
    root = text_part(text, "UTF-8", "8bit")
    return Mail("S3", "support_ticket", "de", "UTF-8 (8bit)",
                "complaint (Reklamation) with a numbered list of demands; 8bit body; UTF-8 B-encoded subject",
                sent, message_bytes(headers, root), subject, frm)


@mail
def s4_pengyuan() -> Mail:
    sent = when(25, 14, 2, 19, CST)
    text = """陈工，您好！

我司 9 月从贵司苏州公司采购的行星减速机 BW-GB-PB42（订单号 BWS-SO-2026-0921，共 30 台），
目前有 4 台在运行约 300 小时后出现以下问题：

1. 运行时有明显的周期性异响，转速 3000 rpm 时尤为明显；
2. 外壳温度达到 85℃，比其他设备高约 25℃；
3. 输出轴端有少量漏油。

设备型号：鹏远 PY-LX600 激光切管机，减速机用于送料轴。
序列号：PB42-2609-0117、PB42-2609-0121、PB42-2609-0122、PB42-2609-0130

请尽快安排技术人员到现场检查，或告知是否可以先寄回检测。
现场联系人：黄䶮，手机 138 2654 7190
地址：广东省深圳市宝安区福海街道新田大道 71 号 鹏远工业园 3 栋

谢谢！
黄䶮
设备部 工程师
深圳市鹏远智能装备有限公司
"""
    subject = "设备故障：行星减速机 BW-GB-PB42 异响、温升过高（报修单 PY-2611-027）"
    frm = "huangyan@pengyuan-zb.example"
    headers = transport(sent, rcpt=SUPPORT, mail_from=frm, helo="mail.pengyuan-zb.example", ip="203.0.113.201",
                        seed="s4") + envelope(
        frm=addr("黄䶮", frm, "GB18030"), to=addr("陈志强", f"chen.zhiqiang@{BW}", "GB18030"),
        cc=addr(None, SUPPORT), subject=enc_header(subject, "GB18030", "B"), sent=sent,
        msgid="6a2f0e1c.3b41.19b5f7d2e11.Coremail.huangyan@pengyuan-zb.example",
        extra=[("X-Mailer", "Coremail Webmail Server Version XT5.0.14"), ("X-Priority", "1")])
    root = text_part(text, "GB18030", "base64")
    return Mail("S4", "support_ticket", "zh", "GB18030 (base64)",
                "GB18030 needed: the sender's name 黄䶮 has a character outside GBK; urgent (X-Priority 1)",
                sent, message_bytes(headers, root), subject, frm)


@mail
def s5_greatlakes() -> Mail:
    sent = when(23, 15, 35, 44, EST)
    text = """Hi Brightwater support,

We installed 24 of your BW-LB20-FL carriages on BW-LG20-1000 rails (our PO PO-GLC-76544 from
October) on a new transfer conveyor three weeks ago. Four of the carriages already feel notchy
when moved by hand, and one rail shows fretting marks.

Questions:
- Which lubricant and re-lubrication interval do you recommend at 60 m/min, 16 h/day?
- Were the carriages greased at the factory, or should we have greased them before start-up?
- What parallelism tolerance do you allow between the two rails?

We would also appreciate the CAD models (STEP) for the carriage and rail if you have them.

Thanks,
Mike Denton
Applications Engineer
Great Lakes Conveyor Inc.
2750 Patterson Ave SE, Grand Rapids, MI 49512
(616) 555-0147
"""
    subject = "Rough running linear carriages BW-LB20-FL - lubrication interval?"
    frm = "mike.denton@greatlakes-conveyor.example"
    headers = transport(sent, rcpt=SUPPORT, mail_from=frm, helo="mail.greatlakes-conveyor.example",
                        ip="198.51.100.7", seed="s5") + envelope(
        frm=addr("Mike Denton", frm), to=addr(None, SUPPORT), subject=subject, sent=sent,
        msgid="CAJ4kd9QvT3ZcM2yq7B0xR8nWf1pLs6e=Hq@mail.greatlakes-conveyor.example")
    root = text_part(text, "US-ASCII", "7bit")
    return Mail("S5", "support_ticket", "en", "US-ASCII (7bit)",
                "plain ASCII, no MIME surprises; mentions a PO number without being an order",
                sent, message_bytes(headers, root), subject, frm)


# -- approvals -------------------------------------------------------------------------------------------------

@mail
def a1_lange_approved() -> Mail:
    sent = when(5, 16, 48, 3, CET)
    notify = when(5, 16, 31, 0, CET)
    net = fmt_de(QUOTE_1187_NET)
    subject_orig = f"Freigabe erforderlich: Angebot Q-2026-1187 – Nordhafen Maschinenbau AG – {net} EUR [APR-2026-0041]"
    subject = "AW: " + subject_orig
    text = f"""Genehmigt.

Skonto 2 % bei Zahlung binnen 14 Tagen ist in Ordnung.

Henrik Lange

--
Dr. Henrik Lange · Geschäftsführer
Brightwater Components GmbH · Brooktorkai 22 · 20457 Hamburg

-----Ursprüngliche Nachricht-----
Von: Mailroom Freigaben <{APPROVALS}>
Gesendet: Donnerstag, 5. November 2026 16:31
An: Lange, Henrik Dr. <henrik.lange@{BW}>
Betreff: {subject_orig}

Freigabe erforderlich (Referenz APR-2026-0041)

Regel:       angebote-ueber-10000-eur (rules/quotes.yaml)
Aktion:      Angebot Q-2026-1187 an den Kunden senden
Kunde:       Nordhafen Maschinenbau AG, Bremen (Thomas Becker)
Nettowert:   {net} EUR
Positionen:  4 (BW-UCF208, BW-HTD8M-40-30, BW-LG20-1000, BW-LB20-FL)
Anlass:      Anfrage vom 03.11.2026, Projekt NH-2231

Antworten Sie auf diese Nachricht mit „genehmigt“ oder „abgelehnt“ (gern mit Begründung).
"""
    frm = f"henrik.lange@{BW}"
    notify_id = f"apr-2026-0041.{int(notify.timestamp())}@mailroom.{BW}"
    headers = transport(sent, rcpt=APPROVALS, mail_from=frm, helo=f"exch01.{BW}", ip="10.20.0.31", seed="a1") + envelope(
        frm=addr("Lange, Henrik Dr.", frm), to=addr("Mailroom Freigaben", APPROVALS),
        subject=enc_header(subject_orig, "UTF-8", "Q", prefix="AW:"), sent=sent,
        msgid=f"FR3P281MB1842C7D0A11E44B9B2E03FD1A1432@exch01.{BW}", in_reply_to=notify_id,
        references=[notify_id], extra=[("Thread-Topic", "Freigabe erforderlich: Angebot Q-2026-1187"),
                                       ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "de-DE")])
    root = text_part(text, "UTF-8", "quoted-printable")
    return Mail("A1", "approval", "de", "UTF-8 (quoted-printable)",
                "manager's 'Genehmigt.' to a Mailroom approval request: reference [APR-2026-0041] in the subject, "
                "In-Reply-To the notification; plain 'AW:' prefix before encoded words",
                sent, message_bytes(headers, root), subject, frm)


@mail
def a2_zhou_approved() -> Mail:
    sent = when(12, 11, 5, 26, CST)
    total = fmt_en(HENGLI_GROSS)
    subject_orig = f"待审批：采购申请 PR-SZ-2026-0318 苏州恒力轴承 ¥{total} [APR-2026-0044]"
    subject = "回复：" + subject_orig
    text = f"""同意。请采购部尽快下单，要求恒力 11 月 24 日前到货。

周建国
明水精密部件（苏州）有限公司 总经理

------------------ 原始邮件 ------------------
发件人: "Mailroom 审批" <{APPROVALS}>
发送时间: 2026年11月12日(星期四) 上午10:47
收件人: "周建国" <zhou.jianguo@{BW}>
主题: {subject_orig}

需要您审批（编号 APR-2026-0044）

规则：采购金额超过 30,000 元需总经理审批（rules/purchasing.yaml）
申请人：孙浩（采购部），采购申请 PR-SZ-2026-0318
供应商：苏州恒力轴承有限公司
内容：深沟球轴承 6205-2RS 10,000 套、6308-ZZ 2,000 套，带座轴承 UCF208 500 套
金额：¥{total}（含 13% 增值税）

请直接回复“同意”或“不同意”（可附理由）。
"""
    frm = f"zhou.jianguo@{BW}"
    notify_id = f"apr-2026-0044.{int(when(12, 10, 47, 0, CST).timestamp())}@mailroom.{BW}"
    headers = transport(sent, rcpt=APPROVALS, mail_from=frm, helo=f"sz-mail.{BW}", ip="10.30.0.12", seed="a2") + envelope(
        frm=addr("周建国", frm), to=addr("Mailroom 审批", APPROVALS), subject=enc_header(subject, "UTF-8", "B"),
        sent=sent, msgid=f"tencent_4E1B7A0C92D85F13A6B0E2D47C91F3A8E509@qq.{BW}", in_reply_to=notify_id,
        references=[notify_id], extra=[("X-Mailer", "Foxmail 7.2.25.375[cn]")])
    root = text_part(text, "UTF-8", "base64")
    return Mail("A2", "approval", "zh", "UTF-8 (base64)",
                "general manager's '同意' with reference [APR-2026-0044]; Foxmail '原始邮件' quoted block",
                sent, message_bytes(headers, root), subject, frm)


@mail
def a3_vogel_approved() -> Mail:
    sent = when(10, 14, 31, 48, CET)
    subject_orig = (f"Approval needed: special discount 8% on Q-2026-1203 – Great Lakes Conveyor – "
                    f"USD {fmt_en(QUOTE_1203_NET)} [APR-2026-0047]")
    subject = "Re: " + subject_orig
    text = f"""Approved. They committed to 400 carriages a year, so 8% is fine.

Katrin

Sent from my iPhone

> On 10. Nov 2026, at 14:02, Mailroom Approvals <{APPROVALS}> wrote:
>
> Approval needed (reference APR-2026-0047)
>
> Rule:        discounts-above-5-percent (rules/quotes.yaml)
> Action:      send quotation Q-2026-1203 with a special discount of 8%
> Customer:    Great Lakes Conveyor Inc., Grand Rapids MI (Rachel Kowalski)
> List value:  USD {fmt_en(QUOTE_1203_LIST)}
> Discounted:  USD {fmt_en(QUOTE_1203_NET)}
>
> Reply "approved" or "rejected" (optionally with a reason).
"""
    frm = f"katrin.vogel@{BW}"
    notify_id = f"apr-2026-0047.{int(when(10, 14, 2, 0, CET).timestamp())}@mailroom.{BW}"
    headers = transport(sent, rcpt=APPROVALS, mail_from=frm, helo=f"exch01.{BW}", ip="10.20.0.31", seed="a3") + envelope(
        frm=addr("Katrin Vogel", frm), to=addr("Mailroom Approvals", APPROVALS),
        subject=enc_header(subject_orig, "UTF-8", "Q", prefix="Re:"), sent=sent,
        msgid=f"2B7E6A51-0C44-4F1D-9E3A-8D5C1B27F604@{BW}", in_reply_to=notify_id, references=[notify_id],
        extra=[("X-Mailer", "iPhone Mail (22B83)")])
    root = text_part(text, "UTF-8", "quoted-printable")
    root.headers[0] = ("Content-Type", "text/plain;\n\tcharset=utf-8")
    return Mail("A3", "approval", "en", "UTF-8 (quoted-printable)",
                "'Approved.' from a phone, Apple Mail '> On … wrote:' quoting; reference [APR-2026-0047]",
                sent, message_bytes(headers, root), subject, frm)


@mail
def a4_lange_rejected() -> Mail:
    sent = when(20, 17, 10, 55, CET)
    subject_orig = "Freigabe erforderlich: Sonderrabatt 15 % auf Rahmenvertrag Q-2026-1214 - Alpenland Fördertechnik GmbH [APR-2026-0049]"
    subject = "AW: " + subject_orig
    text = f"""Abgelehnt.

15 % liegen unter unserer Preisuntergrenze für Gleitlager. Bitte mit höchstens 10 % und
Staffelpreisen ab 2.500 Stück neu anbieten, dann gebe ich frei.

H. Lange

-----Ursprüngliche Nachricht-----
Von: Mailroom Freigaben <{APPROVALS}>
Gesendet: Freitag, 20. November 2026 15:12
An: Lange, Henrik Dr. <henrik.lange@{BW}>
Betreff: {subject_orig}

Freigabe erforderlich (Referenz APR-2026-0049)

Regel:       rabatte-ueber-10-prozent (rules/quotes.yaml)
Aktion:      Angebot Q-2026-1214 (Rahmenvertrag 2027) mit 15 % Sonderrabatt senden
Kunde:       Alpenland Fördertechnik GmbH, Linz (Ing. Markus Hofer)

Antworten Sie auf diese Nachricht mit »genehmigt« oder »abgelehnt« (gern mit Begründung).
"""
    frm = f"henrik.lange@{BW}"
    notify_id = f"apr-2026-0049.{int(when(20, 15, 12, 0, CET).timestamp())}@mailroom.{BW}"
    headers = transport(sent, rcpt=APPROVALS, mail_from=frm, helo=f"exch01.{BW}", ip="10.20.0.31", seed="a4") + envelope(
        frm=addr("Lange, Henrik Dr.", frm), to=addr("Mailroom Freigaben", APPROVALS),
        subject=enc_header(subject_orig, "ISO-8859-1", "Q", prefix="AW:"), sent=sent,
        msgid=f"FR3P281MB1842D92F0B3C47A1A4E1B7C5A1432@exch01.{BW}", in_reply_to=notify_id, references=[notify_id],
        extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    root = text_part(text, "ISO-8859-1", "quoted-printable")
    return Mail("A4", "approval", "de", "ISO-8859-1 (quoted-printable)",
                "a rejection ('Abgelehnt.' with a reason) to [APR-2026-0049]",
                sent, message_bytes(headers, root), subject, frm)


# -- business documents as PDF -----------------------------------------------------------------------------

def business_pdf(*, sender: str, sender_lines: list[str], window_line: str, recipient: list[str],
                 meta: list[tuple[str, str]], title: str, intro: list[str], columns: list[tuple[float, str]],
                 header: list[str], rows: list[list[str]], totals: list[tuple[str, str, bool]], notes: list[str],
                 footer: list[str], created: dt.datetime, author: str,
                 embedded: tuple[str, bytes, str] | None = None, xmp: bytes | None = None) -> bytes:
    page = Page()
    letterhead(page, sender, sender_lines)
    page.text(50, 712, window_line, 6.5)
    for k, line in enumerate(recipient):
        page.text(50, 696 - 12 * k, line, 10)
    for k, (label, value) in enumerate(meta):
        page.text(340, 696 - 12 * k, label, 8.5)
        page.text(545, 696 - 12 * k, value, 8.5, align="right")
    page.text(50, 596, title, 13, bold=True)
    y = 576
    for line in intro:
        page.text(50, y, line, 9)
        y -= 12
    y -= 16
    y = table_page(page, y, columns, header, rows)
    for label, value, bold in totals:
        page.text(340, y, label, 9, bold=bold)
        page.text(545, y, value, 9, bold=bold, align="right")
        y -= 13
    y -= 12
    for line in notes:
        page.text(50, y, line, 8.5)
        y -= 11
    page.rule(50, 74, 545, 74)
    for k, line in enumerate(footer):
        page.text(50, 64 - 9 * k, line, 6.5)
    return make_pdf([page], title=title, author=author, created=created, embedded=embedded, xmp=xmp)


INVOICE_COLUMNS = [(50, "l"), (72, "l"), (150, "l"), (400, "r"), (406, "l"), (488, "r"), (545, "r")]

BRIGHTWATER_PARTY = InvoiceParty("Brightwater Components GmbH", "Brooktorkai 22", "Hamburg", "20457", "DE", BW_VAT,
                                 INVOICES, "Mia Schröder", "+49 40 3861 770-40")


def invoice_mail_pdf_rows(inv: Invoice, unit_names: dict[str, str], lang: str) -> list[list[str]]:
    f = fmt_de if lang == "de" else fmt_en
    q = (lambda x: fmt_de(x).rstrip("0").rstrip(",")) if lang == "de" else (lambda x: fmt_en(x).rstrip("0").rstrip("."))
    return [[str(k), l.sku, l.name, q(l.qty), unit_names[l.unit], f(l.price), f(l.total)]
            for k, l in enumerate(inv.lines, 1)]


@mail
def i1_elbe() -> Mail:
    sent = when(6, 11, 37, 20, CET)
    seller = InvoiceParty("Elbe Stahlhandel GmbH", "Großmoorbogen 9", "Hamburg", "21079", "DE", de_vat("24785301"),
                          "debitoren@elbe-stahlhandel.example", "Sandra Wilkens", "+49 40 7090 118-40")
    inv = Invoice("RE-2026-11873", dt.date(2026, 11, 6), dt.date(2026, 12, 6), dt.date(2026, 11, 4), "EUR", seller,
                  BRIGHTWATER_PARTY, [
                      InvoiceLine("RS-C45-40", "Rundstahl C45+C Ø 40 mm, blank, 6 m", D("1240"), "KGM", D("1.38")),
                      InvoiceLine("RS-42CM-60", "Rundstahl 42CrMo4+QT Ø 60 mm", D("860"), "KGM", D("2.14")),
                      InvoiceLine("SZ-01", "Sägezuschnitt nach Liste", D("48"), "H87", D("1.98")),
                      InvoiceLine("FR-HH", "Fracht Harburg - HafenCity", D("1"), "C62", D("120.00"))],
                  D("19"), "S", iban("DE", "20069130" + "0071184402"), "ELSTDEH1XXX", "BW-E-2026-0412", "BW-E-2026-0412",
                  "Zahlbar bis 06.12.2026 ohne Abzug.")
    pdf = business_pdf(
        sender="Elbe Stahlhandel GmbH", sender_lines=["Blankstahl · Rundstahl · Zuschnitt", "Großmoorbogen 9 · 21079 Hamburg"],
        window_line="Elbe Stahlhandel GmbH · Großmoorbogen 9 · 21079 Hamburg",
        recipient=["Brightwater Components GmbH", "Kreditorenbuchhaltung", "Brooktorkai 22", "20457 Hamburg"],
        meta=[("Rechnungsnummer", inv.number), ("Rechnungsdatum", "06.11.2026"), ("Kundennummer", "K-20417"),
              ("Ihre Bestellung", inv.order_ref), ("Lieferschein", "LS-88120 vom 04.11.2026"),
              ("Leistungsdatum", "04.11.2026")],
        title=f"Rechnung {inv.number}",
        intro=["Sehr geehrte Damen und Herren,", "wir berechnen Ihnen für unsere Lieferung wie folgt:"],
        columns=INVOICE_COLUMNS, header=["Pos.", "Artikel", "Bezeichnung", "Menge", "Einh.", "Preis €", "Betrag €"],
        rows=invoice_mail_pdf_rows(inv, {"KGM": "kg", "H87": "Stk.", "C62": "psch."}, "de"),
        totals=[("Nettobetrag", f"{fmt_de(inv.net)} €", False), ("zzgl. 19 % USt.", f"{fmt_de(inv.tax)} €", False),
                ("Rechnungsbetrag", f"{fmt_de(inv.gross)} €", True)],
        notes=["Zahlungsbedingungen: zahlbar bis 06.12.2026 ohne Abzug.",
               f"Bitte überweisen Sie unter Angabe der Rechnungsnummer auf das Konto IBAN {iban_grouped(inv.iban)}, BIC {inv.bic}."],
        footer=["Elbe Stahlhandel GmbH · Sitz Hamburg · Amtsgericht Hamburg HRB 74411 · Geschäftsführer: Ralf Dierks",
                f"USt-IdNr. {seller.vat} · Hanseatische Handelsbank · IBAN {iban_grouped(inv.iban)} · BIC {inv.bic}"],
        created=dt.datetime(2026, 11, 6, 11, 30, 0, tzinfo=CET), author="Elbe Stahlhandel GmbH")
    text = f"""Sehr geehrte Damen und Herren,

anbei erhalten Sie unsere Rechnung {inv.number} vom 06.11.2026 über {fmt_de(inv.gross)} EUR
zu Ihrer Bestellung {inv.order_ref} (Lieferschein LS-88120 vom 04.11.2026).

Zahlbar bis 06.12.2026 ohne Abzug auf das unten genannte Konto.

Mit freundlichen Grüßen
Sandra Wilkens
Debitorenbuchhaltung

Elbe Stahlhandel GmbH
Großmoorbogen 9 · 21079 Hamburg
Tel. +49 40 7090 118-40
IBAN {iban_grouped(inv.iban)} · BIC {inv.bic}
USt-IdNr. {seller.vat}
"""
    fname = f"Rechnung {inv.number} für Brightwater.pdf"
    frm = seller.email_address
    subject = f"Rechnung {inv.number} – Elbe Stahlhandel GmbH"
    root = multipart("mixed", "=_alternative 0046C3A1C1258C3F_=", [
        text_part(text, "UTF-8", "quoted-printable"),
        attachment(pdf, "application/pdf", fname, name_style="rfc2231")])
    headers = transport(sent, rcpt=INVOICES, mail_from=frm, helo="smtp.elbe-stahlhandel.example", ip="192.0.2.140",
                        seed="i1") + envelope(
        frm=addr("Elbe Stahlhandel Debitoren", frm), to=addr(None, INVOICES), subject=enc_header(subject, "UTF-8", "Q"),
        sent=sent, msgid="20261106113720.0412.rechnung.RE-2026-11873@elbe-stahlhandel.example",
        extra=[("X-Mailer", "Sage 100 Mailversand 9.0")])
    return Mail("I1", "invoice", "de", "UTF-8 (quoted-printable)",
                f"PDF invoice with a text layer; RFC 2231 UTF-8 file name with an umlaut; gross {fmt_de(inv.gross)} EUR",
                sent, message_bytes(headers, root), subject, frm, [(fname, "application/pdf")],
                pdf_expect={fname: [inv.number, fmt_de(inv.gross), "Rechnungsbetrag", "Sägezuschnitt", seller.vat]})


@mail
def i2_kieler_ubl() -> Mail:
    sent = when(13, 10, 44, 9, CET)
    seller = InvoiceParty("Kieler Dichtungstechnik GmbH", "Wischhofstraße 3", "Kiel", "24148", "DE", de_vat("27540918"),
                          "buchhaltung@kieler-dichtungstechnik.example", "Birte Hansen", "+49 431 720 55-0")
    inv = Invoice("2026-40517", dt.date(2026, 11, 13), dt.date(2026, 12, 13), dt.date(2026, 11, 11), "EUR", seller,
                  BRIGHTWATER_PARTY, [
                      InvoiceLine("KD-RWDR-40628", "Radialwellendichtring 40x62x8 NBR (Ihre Art.-Nr. BW-SEAL-40x62x8)",
                                  D("5000"), "H87", D("0.71")),
                      InvoiceLine("KD-OR-3525", "O-Ring 35x2,5 NBR 70", D("3000"), "H87", D("0.09")),
                      InvoiceLine("KD-VP", "Verpackung und Versand", D("1"), "C62", D("18.50"))],
                  D("19"), "S", iban("DE", "21040010" + "0638201577"), "KIDBDEF1XXX", "BW-E-2026-0419", "BW-E-2026-0419",
                  "Zahlbar innerhalb von 30 Tagen ohne Abzug.", note="Lieferung gemäß Lieferschein 80331.")
    xml = ubl_invoice(inv)
    text = f"""Sehr geehrte Damen und Herren,

im Anhang übersenden wir Ihnen unsere Rechnung Nr. {inv.number} als elektronische Rechnung im
Format XRechnung (UBL 2.1). Eine zusätzliche PDF-Ausfertigung erhalten Sie nicht.

Rechnungsbetrag: {fmt_de(inv.gross)} EUR, fällig am 13.12.2026.

Diese E-Mail wurde automatisch erstellt. Bei Rückfragen wenden Sie sich bitte an
{seller.email_address} oder telefonisch an {seller.contact}, {seller.phone}.

Kieler Dichtungstechnik GmbH · Wischhofstraße 3 · 24148 Kiel
USt-IdNr. {seller.vat}
"""
    fname = f"xrechnung_{inv.number}.xml"
    frm = "noreply-rechnung@kieler-dichtungstechnik.example"
    subject = f"Rechnung {inv.number} (XRechnung) - Kieler Dichtungstechnik GmbH"
    root = multipart("mixed", "----=_Part_40517_1184390261.1794563049000", [
        text_part(text, "ISO-8859-1", "quoted-printable"),
        attachment(xml, "application/xml", fname)], preamble=False)
    headers = transport(sent, rcpt=INVOICES, mail_from=frm, helo="out.kieler-dichtungstechnik.example",
                        ip="198.51.100.88", seed="i2") + envelope(
        frm=addr("Kieler Dichtungstechnik Rechnungsversand", frm), to=addr(None, INVOICES),
        reply_to=addr(None, seller.email_address), subject=subject, sent=sent,
        msgid="1184390261.40517.1794563049000@out.kieler-dichtungstechnik.example",
        extra=[("Auto-Submitted", "auto-generated"), ("X-Mailer", "ERP-Mailer 4.2 (JavaMail)")])
    return Mail("I2", "invoice", "de", "ISO-8859-1 (quoted-printable)",
                f"XRechnung UBL 2.1 Invoice as XML attachment (no PDF); Auto-Submitted: auto-generated but a real "
                f"invoice; gross {fmt_de(inv.gross)} EUR",
                sent, message_bytes(headers, root), subject, frm, [(fname, "application/xml")], xml={fname: "ubl"})


@mail
def i3_rheinberg_cii() -> Mail:
    sent = when(17, 14, 20, 36, CET)
    seller = InvoiceParty("Rheinberg Werkzeugbau GmbH", "Xantener Straße 118", "Rheinberg", "47495", "DE",
                          de_vat("11938452"), "rechnung@rheinberg-werkzeugbau.example", "Jens Kurowski", "+49 2843 90 17-0")
    inv = Invoice("RW-26-0915", dt.date(2026, 11, 17), dt.date(2026, 12, 1), dt.date(2026, 11, 13), "EUR", seller,
                  BRIGHTWATER_PARTY, [
                      InvoiceLine("K-STD", "Änderung Folgeverbundwerkzeug FV-118: Konstruktion", D("14"), "HUR", D("92.00")),
                      InvoiceLine("FV118-SST", "Schneidstempel-Satz FV-118, gefertigt", D("2"), "H87", D("345.00")),
                      InvoiceLine("HS-01", "Härten und Schleifen", D("1"), "C62", D("210.00"))],
                  D("19"), "S", iban("DE", "35461106" + "1104528830"), "GENODED1RBW", "BW-E-2026-0398", "BW-E-2026-0398",
                  "Zahlbar innerhalb 14 Tagen ohne Abzug.", note="Werkzeugänderung gemäß Angebot RW-A-26-211.")
    xml = cii_invoice(inv)
    pdf = business_pdf(
        sender="Rheinberg Werkzeugbau GmbH", sender_lines=["Stanz- und Umformwerkzeuge", "Xantener Straße 118 · 47495 Rheinberg"],
        window_line="Rheinberg Werkzeugbau GmbH · Xantener Straße 118 · 47495 Rheinberg",
        recipient=["Brightwater Components GmbH", "Einkauf / Frau Krüger", "Brooktorkai 22", "20457 Hamburg"],
        meta=[("Rechnung Nr.", inv.number), ("Datum", "17.11.2026"), ("Ihre Bestellung", inv.order_ref),
              ("Leistungsdatum", "13.11.2026")],
        title=f"Rechnung {inv.number}",
        intro=["Für die Änderung des Folgeverbundwerkzeugs FV-118 berechnen wir:"],
        columns=INVOICE_COLUMNS, header=["Pos.", "Art.-Nr.", "Leistung", "Menge", "Einh.", "Preis €", "Betrag €"],
        rows=invoice_mail_pdf_rows(inv, {"HUR": "Std.", "H87": "Stk.", "C62": "psch."}, "de"),
        totals=[("Summe netto", f"{fmt_de(inv.net)} €", False), ("USt. 19 %", f"{fmt_de(inv.tax)} €", False),
                ("Gesamtbetrag", f"{fmt_de(inv.gross)} €", True)],
        notes=["Zahlbar innerhalb 14 Tagen ohne Abzug (bis 01.12.2026).",
               "Diese Rechnung liegt zusätzlich als ZUGFeRD/Factur-X-Datensatz (factur-x.xml, Profil EN 16931) bei."],
        footer=["Rheinberg Werkzeugbau GmbH · Amtsgericht Kleve HRB 9127 · Geschäftsführer: Jens Kurowski",
                f"USt-IdNr. {seller.vat} · Volksbank Niederrhein · IBAN {iban_grouped(inv.iban)} · BIC {inv.bic}"],
        created=dt.datetime(2026, 11, 17, 14, 12, 0, tzinfo=CET), author="Rheinberg Werkzeugbau GmbH")
    text = f"""Sehr geehrte Frau Krüger,

anbei unsere Rechnung {inv.number} über {fmt_de(inv.gross)} € für die Änderung am Werkzeug FV-118
(Ihre Bestellung {inv.order_ref}). Die Rechnung liegt als PDF sowie als ZUGFeRD-/Factur-X-Datensatz
(XML, Profil EN 16931) bei – bitte verarbeiten Sie die XML-Datei, sie ist das maßgebliche Original.

Mit freundlichen Grüßen

Jens Kurowski
Rheinberg Werkzeugbau GmbH
Tel. +49 2843 90 17-0
"""
    pdf_name = f"{inv.number}.pdf"
    frm = seller.email_address
    subject = f"Rechnung {inv.number} – Änderung Werkzeug FV-118"
    root = multipart("mixed", "_004_RW26091517112026_", [
        text_part(text, "WINDOWS-1252", "quoted-printable"),
        attachment(pdf, "application/pdf", pdf_name),
        attachment(xml, "application/xml", "factur-x.xml")])
    root.parts[0].headers[0] = ("Content-Type", 'text/plain; charset="Windows-1252"')
    headers = transport(sent, rcpt=INVOICES, mail_from=frm, helo="mail.rheinberg-werkzeugbau.example",
                        ip="192.0.2.18", seed="i3") + envelope(
        frm=addr("Jens Kurowski", frm), to=addr("Sabine Krüger", f"sabine.krueger@{BW}"), cc=addr(None, INVOICES),
        subject=enc_header(subject, "windows-1252", "Q"), sent=sent,
        msgid="000601db5894$b8d2e5a0$2a78b0e0$@rheinberg-werkzeugbau.example",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "de")])
    return Mail("I3", "invoice", "de", "Windows-1252 (quoted-printable)",
                f"UN/CEFACT CII (ZUGFeRD/Factur-X EN 16931) XML attachment plus the same invoice as PDF; gross "
                f"{fmt_de(inv.gross)} EUR",
                sent, message_bytes(headers, root), subject, frm,
                [(pdf_name, "application/pdf"), ("factur-x.xml", "application/xml")],
                pdf_expect={pdf_name: [inv.number, fmt_de(inv.gross), "Gesamtbetrag"]}, xml={"factur-x.xml": "cii"})


@mail
def i4_rhone_facturx() -> Mail:
    sent = when(27, 10, 16, 52, CET)
    siren = luhn_complete("84215063")
    bank, branch, account = "14508", "00041", "00031874215"
    seller = InvoiceParty("Atelier Mécanique du Rhône SAS", "12 rue des Tanneurs", "Lyon", "69007", "FR", fr_vat(siren),
                          "compta@atelier-rhone.example", "Élodie Fabre", "+33 4 78 00 61 20")
    inv = Invoice("FA-2026-00731", dt.date(2026, 11, 27), dt.date(2026, 12, 27), dt.date(2026, 11, 24), "EUR", seller,
                  BRIGHTWATER_PARTY, [
                      InvoiceLine("BH-62", "Machined bearing housing BH-62, EN AW-6082", D("400"), "H87", D("11.35")),
                      InvoiceLine("ANO-25", "Hard anodising 25 µm, housing BH-62", D("400"), "H87", D("0.82"))],
                  D("0"), "K", iban("FR", bank + branch + account + fr_rib_key(bank, branch, account)), "AMRHFRP1XXX",
                  "BW-E-2026-0433", "BW-E-2026-0433", "30 days net", note="Intra-community supply.",
                  exemption="Intra-community supply - VAT reverse charge (art. 138 Directive 2006/112/EC)")
    xml = cii_invoice(inv)
    created = dt.datetime(2026, 11, 27, 10, 5, 0, tzinfo=CET)
    pdf = business_pdf(
        sender="Atelier Mécanique du Rhône SAS", sender_lines=["Usinage de précision · Precision machining",
                                                              "12 rue des Tanneurs · 69007 Lyon · France"],
        window_line="Atelier Mécanique du Rhône SAS · 12 rue des Tanneurs · 69007 Lyon · France",
        recipient=["Brightwater Components GmbH", "Accounts payable", "Brooktorkai 22", "20457 Hamburg", "Germany"],
        meta=[("Invoice / Facture", inv.number), ("Date", "27/11/2026"), ("Your order", inv.order_ref),
              ("Delivery date", "24/11/2026"), ("Customer VAT", BW_VAT)],
        title=f"Invoice / Facture {inv.number}",
        intro=["Machined bearing housings according to drawing BW-Z-0662 rev. C."],
        columns=INVOICE_COLUMNS, header=["No.", "Ref.", "Description", "Qty", "Unit", "Price EUR", "Amount EUR"],
        rows=invoice_mail_pdf_rows(inv, {"H87": "pcs"}, "en"),
        totals=[("Total excl. VAT", f"EUR {fmt_en(inv.net)}", False), ("VAT 0 % (reverse charge)", "EUR 0.00", False),
                ("Total due", f"EUR {fmt_en(inv.gross)}", True)],
        notes=["Intra-community supply, VAT reverse charge - autoliquidation (art. 138 Directive 2006/112/EC).",
               f"Payment: 30 days net, by 27/12/2026. IBAN {iban_grouped(inv.iban)} - BIC {inv.bic}",
               "Factur-X invoice (EN 16931): the structured data is embedded in this PDF as factur-x.xml."],
        footer=[f"Atelier Mécanique du Rhône SAS au capital de 150 000 EUR · RCS Lyon {siren} · TVA {seller.vat}",
                "Pénalités de retard : 3 fois le taux d'intérêt légal · indemnité forfaitaire pour frais de recouvrement : 40 EUR"],
        created=created, author="Atelier Mécanique du Rhône SAS",
        embedded=("factur-x.xml", xml, "Factur-X invoice"), xmp=facturx_xmp(f"Invoice {inv.number}", created))
    text = f"""Dear Ms Schröder,

Please find attached our invoice {inv.number} for the 400 machined bearing housings BH-62
delivered on 24 November 2026 (your purchase order {inv.order_ref}).

The PDF is a Factur-X invoice (profile EN 16931): the structured XML data (factur-x.xml) is
embedded in the PDF file, so your accounting system can import it directly.

Amount due: EUR {fmt_en(inv.gross)} - intra-community supply, VAT reverse charge (autoliquidation).
Payment: 30 days net, by 27 December 2026.

Best regards / Cordialement,

Élodie Fabre
Comptabilité clients
Atelier Mécanique du Rhône SAS
12 rue des Tanneurs, 69007 Lyon, France
"""
    fname = f"{inv.number}.pdf"
    frm = seller.email_address
    subject = f"Facture / Invoice {inv.number} - Atelier Mécanique du Rhône"
    root = multipart("mixed", "Apple-Mail=_8D2C41F7-5B0E-4E61-A9C3-0F27E6D1B845", [
        text_part(text, "ISO-8859-1", "quoted-printable"),
        attachment(pdf, "application/pdf", fname)], preamble=False)
    headers = transport(sent, rcpt=INVOICES, mail_from=frm, helo="smtp.atelier-rhone.example", ip="198.51.100.204",
                        seed="i4") + envelope(
        frm=addr("Élodie Fabre", frm, "ISO-8859-1", "Q"), to=addr("Mia Schröder", f"mia.schroeder@{BW}", "ISO-8859-1", "Q"),
        cc=addr(None, INVOICES), subject=enc_header(subject, "ISO-8859-1", "Q"), sent=sent,
        msgid="8D2C41F7-5B0E-4E61-A9C3-0F27E6D1B845@atelier-rhone.example",
        extra=[("X-Mailer", "Apple Mail (2.3826.300.87)")])
    return Mail("I4", "invoice", "en", "ISO-8859-1 (quoted-printable)",
                "Factur-X: PDF with text layer and an embedded factur-x.xml (CII, reverse charge, tax 0); French "
                "sender, ISO-8859-1 Q-encoded names",
                sent, message_bytes(headers, root), subject, frm, [(fname, "application/pdf")],
                pdf_expect={fname: [inv.number, fmt_en(inv.gross), "reverse charge"]}, xml={f"{fname}#factur-x.xml": "cii"})


def fapiao_pdf(created: dt.datetime) -> bytes:
    page = Page()
    seller_uscc = cn_uscc("91320594MA1T8H4L6")
    page.text(297 - text_width("电子发票（增值税专用发票）", 16) / 2, 790, "电子发票（增值税专用发票）", 16)
    page.text(400, 760, "发票号码：26322000000104571846", 9)
    page.text(400, 746, "开票日期：2026年11月26日", 9)
    page.rule(40, 735, 555, 735)
    page.text(48, 718, "购买方信息", 9)
    page.text(48, 702, "名称：明水精密部件（苏州）有限公司", 9)
    page.text(48, 688, f"统一社会信用代码/纳税人识别号：{BW_CN_USCC}", 9)
    page.text(300, 718, "销售方信息", 9)
    page.text(300, 702, "名称：苏州恒力轴承有限公司", 9)
    page.text(300, 688, f"统一社会信用代码/纳税人识别号：{seller_uscc}", 9)
    page.rule(40, 676, 555, 676)
    cols = [(48, "l"), (150, "l"), (232, "l"), (290, "r"), (350, "r"), (420, "r"), (462, "r"), (550, "r")]
    rows = []
    for model, name, qty, price in HENGLI_LINES:
        amount = line_total(qty, price)
        rows.append([f"*轴承*{name}", model, "套", f"{qty}", f"{price}", f"{amount}", "13%", f"{money(amount * D('0.13'))}"])
    y = table_page(page, 660, cols, ["项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"], rows)
    page.text(48, y, "合计", 9)
    page.text(420, y, f"¥{HENGLI_NET}", 9, align="right")
    page.text(550, y, f"¥{HENGLI_TAX}", 9, align="right")
    y -= 18
    page.text(48, y, f"价税合计（大写）  {rmb_upper(HENGLI_GROSS)}", 10)
    page.text(550, y, f"（小写）¥{HENGLI_GROSS}", 10, align="right")
    y -= 24
    page.text(48, y, "备注：订单号 PO-SZ-2026-0318，送货单号 SD-20261123-08", 9)
    page.text(48, y - 14, "开户银行：中国工商银行苏州工业园区支行  银行账号：1102020709200081456", 9)
    page.rule(40, y - 26, 555, y - 26)
    page.text(48, y - 44, "开票人：顾晓燕", 9)
    return make_pdf([page], title="电子发票 26322000000104571846", author="苏州恒力轴承有限公司", created=created)


@mail
def i5_hengli() -> Mail:
    sent = when(26, 9, 27, 3, CST)
    text = f"""刘会计，您好！

附件为我司开具的数电发票（增值税专用发票），请查收：

发票号码：26322000000104571846
开票日期：2026年11月26日
对应订单：PO-SZ-2026-0318
金额：{fmt_en(HENGLI_NET)} 元　税额：{fmt_en(HENGLI_TAX)} 元（税率 13%）
价税合计：{fmt_en(HENGLI_GROSS)} 元（大写：{rmb_upper(HENGLI_GROSS)}）

货物已于 11 月 23 日送达贵司仓库，签收单号 SD-20261123-08。
请按合同约定于 30 天内付款。如有疑问请与我联系。

苏州恒力轴承有限公司 财务部
顾晓燕
电话：0512-6276 3318
开户行：中国工商银行苏州工业园区支行
账号：1102 0207 0920 0081 456
"""
    pdf = fapiao_pdf(dt.datetime(2026, 11, 26, 9, 15, 0, tzinfo=CST))
    fname = "数电发票_26322000000104571846.pdf"
    frm = "finance@hengli-bearing.example"
    subject = "恒力轴承 数电发票 26322000000104571846（订单 PO-SZ-2026-0318）"
    root = multipart("mixed", "----=_NextPart_6743A1F2_0B1C3D40_2E5F7A91", [
        text_part(text, "GBK", "base64"),
        attachment(pdf, "application/pdf", fname, name_style="rfc2047", charset="GBK")])
    root.parts[0].headers[0] = ("Content-Type", 'text/plain;\n\tcharset="gbk"')
    headers = transport(sent, rcpt=f"liu.fang@{BW}", mail_from=frm, helo="smtp.hengli-bearing.example",
                        ip="203.0.113.87", seed="i5") + envelope(
        frm=addr("苏州恒力轴承 财务部", frm, "GBK"), to=addr("刘芳", f"liu.fang@{BW}", "GBK"),
        cc=addr_list(addr("孙浩", f"sun.hao@{BW}", "GBK"), addr(None, f"finance.cn@{BW}")),
        subject=enc_header(subject, "GBK", "B"), sent=sent, msgid="202611260927035103164@hengli-bearing.example",
        extra=[("X-Priority", "3"), ("X-Mailer", "Foxmail 7.2.25.375[cn]")])
    return Mail("I5", "invoice", "zh", "GBK (base64)",
                "Chinese e-fapiao PDF (CJK text layer via ToUnicode), file name as RFC 2047 GBK inside the quoted "
                "name parameter (what Foxmail does, not RFC 2231); amount in Chinese capitals",
                sent, message_bytes(headers, root), subject, frm, [(fname, "application/pdf")],
                pdf_expect={fname: ["26322000000104571846", str(HENGLI_GROSS), rmb_upper(HENGLI_GROSS), "价税合计"]},
                defects=("Content-Disposition:InvalidHeaderDefect", "Content-Type:InvalidHeaderDefect"))


# -- purchase orders -----------------------------------------------------------------------------------------

@mail
def p1_nordhafen_order() -> Mail:
    sent = when(16, 10, 2, 44, CET)
    rows, net = [], D("0.00")
    for k, (sku, q) in enumerate(QUOTE_1187, 1):
        p = PRODUCTS[sku]
        rows.append([str(k * 10), sku, p.de.split(",")[0], qty_de(q), "Stk.", fmt_de(p.eur), fmt_de(line_total(q, p.eur))])
        net += line_total(q, p.eur)
    assert net == QUOTE_1187_NET
    pdf = business_pdf(
        sender="Nordhafen Maschinenbau AG", sender_lines=["Einkauf", "Hafenrandstraße 31 · 28217 Bremen"],
        window_line="Nordhafen Maschinenbau AG · Hafenrandstraße 31 · 28217 Bremen",
        recipient=["Brightwater Components GmbH", "Vertrieb", "Brooktorkai 22", "20457 Hamburg"],
        meta=[("Bestellnummer", "4500123456"), ("Bestelldatum", "16.11.2026"), ("Lieferantennr.", "70031188"),
              ("Ihr Angebot", "Q-2026-1187 vom 06.11.2026"), ("Ansprechpartner", "Thomas Becker"),
              ("Telefon", "+49 421 690 44-213")],
        title="Bestellung 4500123456",
        intro=["Wir bestellen zu den Bedingungen Ihres Angebots Q-2026-1187 und unseren Einkaufsbedingungen:"],
        columns=INVOICE_COLUMNS, header=["Pos.", "Material", "Bezeichnung", "Menge", "ME", "Preis €", "Wert €"],
        rows=rows, totals=[("Gesamtnettowert", f"{fmt_de(net)} EUR", True)],
        notes=["Liefertermin: 14.12.2026, Anlieferung Mo-Fr 7:00-14:00 Uhr, Tor 3.",
               "Lieferbedingung: DAP Bremen, Hafenrandstraße 31 (Incoterms 2020).",
               "Zahlungsbedingungen: 14 Tage 2 % Skonto, 30 Tage netto.",
               "Bitte Bestellnummer auf Lieferschein und Rechnung angeben. Projekt NH-2231."],
        footer=["Nordhafen Maschinenbau AG · Sitz Bremen · Amtsgericht Bremen HRB 31877",
                f"USt-IdNr. {de_vat('81145072')} · Vorstand: Dr. Claudia Wenzel (Vors.), Jörg Haller"],
        created=dt.datetime(2026, 11, 16, 9, 58, 0, tzinfo=CET), author="SAP")
    text = """Sehr geehrte Damen und Herren,

anbei erhalten Sie unsere Bestellung 4500123456 zu Ihrem Angebot Q-2026-1187 vom 06.11.2026.
Bitte senden Sie uns innerhalb von 3 Arbeitstagen eine Auftragsbestätigung mit verbindlichem
Liefertermin an einkauf@nordhafen-maschinenbau.example.

Bitte geben Sie unsere Bestellnummer auf Lieferschein und Rechnung an.

Mit freundlichen Grüßen
i. A. Thomas Becker
Strategischer Einkauf

Nordhafen Maschinenbau AG · Hafenrandstraße 31 · 28217 Bremen
"""
    fname = "4500123456.pdf"
    n = NORDHAFEN
    subject = "Bestellung 4500123456 zu Ihrem Angebot Q-2026-1187"
    root = multipart("mixed", "=_mixed 002F9D11C1258C3A_=", [
        text_part(text, "ISO-8859-1", "quoted-printable"),
        attachment(pdf, "application/octet-stream", fname)])
    headers = transport(sent, rcpt=SALES, mail_from=n["email"], helo=n["host"], ip=n["ip"], seed="p1") + envelope(
        frm=addr(n["name"], n["email"]), to=addr(None, SALES), cc=addr(None, "einkauf@nordhafen-maschinenbau.example"),
        subject=subject, sent=sent,
        msgid="OF7C21A9D4.0E55B3F2-ONC1258C42.0037A1B0-C1258C42.0037D6E4@nordhafen-maschinenbau.example",
        extra=[("X-Mailer", "HCL Notes Release 12.0.2 FP3 May 15, 2024")])
    return Mail("P1", "purchase_order", "de", "ISO-8859-1 (quoted-printable)",
                "order PDF sent as application/octet-stream (type must be sniffed from %PDF); refers to quote Q-2026-1187",
                sent, message_bytes(headers, root), subject, n["email"], [(fname, "application/octet-stream")],
                pdf_expect={fname: ["4500123456", fmt_de(net), "Gesamtnettowert", "Führungswagen"]})


@mail
def p2_greatlakes_order() -> Mail:
    sent = when(16, 8, 15, 30, EST)
    rows = [("Line", "Part number", "Description", "Qty", "Unit price", "Extended")]
    for k, (sku, q) in enumerate(QUOTE_1203, 1):
        p = QUOTE_1203_NET_PRICE[sku]
        rows.append((k, sku, PRODUCTS[sku].en.split(",")[0], q, f"USD {p}", f"USD {fmt_en(line_total(q, p))}"))
    table = items_table(rows, [4, 13, 36, 4, 11, 14], right={3, 4, 5})
    text = f"""PURCHASE ORDER PO-GLC-77120

Date:      November 16, 2026
Supplier:  Brightwater Components GmbH, Hamburg, Germany (vendor no. 30118)
Reference: your quotation Q-2026-1203 dated November 10, 2026 (8% project discount)

{table}
{"Total:".rjust(74)} USD {fmt_en(QUOTE_1203_NET)}

Requested ship date: December 18, 2026
Ship via:  ocean freight, FCA Hamburg (Incoterms 2020), our forwarder Lakeshore Logistics
Terms:     Net 45
Ship to:   Great Lakes Conveyor Inc., Receiving Dock 3, 2750 Patterson Ave SE,
           Grand Rapids, MI 49512, USA
Bill to:   Accounts Payable, same address, ap@greatlakes-conveyor.example

Please confirm receipt and ship date by reply.

Rachel Kowalski
Senior Buyer
Great Lakes Conveyor Inc.
(616) 555-0132
"""
    subject = "Purchase Order PO-GLC-77120 - Brightwater quote Q-2026-1203"
    frm = "rachel.kowalski@greatlakes-conveyor.example"
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo="mail.greatlakes-conveyor.example", ip="198.51.100.7",
                        seed="p2") + envelope(
        frm=addr("Rachel Kowalski", frm), to=addr(None, SALES), cc=addr("Katrin Vogel", f"katrin.vogel@{BW}"),
        subject=subject, sent=sent, msgid="CAJ4kd9R0xq8mN1pT5vB7yW3zK2cLh9eF4g@mail.greatlakes-conveyor.example")
    root = text_part(text, "US-ASCII", "7bit")
    return Mail("P2", "purchase_order", "en", "US-ASCII (7bit)",
                f"order as plain text in the body (no attachment), USD {fmt_en(QUOTE_1203_NET)} after the approved discount",
                sent, message_bytes(headers, root), subject, frm)


def cn_order_pdf(created: dt.datetime) -> bytes:
    page = Page()
    page.text(50, 790, "宁波海腾自动化设备有限公司", 15)
    page.text(50, 772, "浙江省宁波市北仑区大港工业城海腾路 9 号  电话 0574-8688 2316", 8)
    page.text(297 - text_width("采 购 订 单", 18) / 2, 735, "采 购 订 单", 18)
    page.text(50, 705, "供应商：明水精密部件（苏州）有限公司", 9)
    page.text(50, 691, "联系人：王丽  销售经理", 9)
    page.text(360, 705, "订单号：HT-PO-20261119-07", 9)
    page.text(360, 691, "下单日期：2026年11月19日", 9)
    page.text(360, 677, "报价单号：BWS-Q-2026-0388", 9)
    cols = [(50, "l"), (80, "l"), (170, "l"), (330, "r"), (350, "l"), (450, "r"), (545, "r")]
    rows = []
    for k, (sku, q, unit) in enumerate(HAITENG_ITEMS, 1):
        rows.append([str(k), sku, PRODUCTS[sku].zh.split("，")[0], str(q), unit, fmt_en(CNY_PRICE[sku]),
                     fmt_en(line_total(q, CNY_PRICE[sku]))])
    y = table_page(page, 650, cols, ["序号", "型号", "名称", "数量", "单位", "含税单价(元)", "含税金额(元)"], rows)
    page.text(340, y, "含税合计", 9)
    page.text(545, y, f"¥{fmt_en(HAITENG_TOTAL)}", 9, align="right")
    y -= 16
    page.text(50, y, f"合计金额（大写）：人民币{rmb_upper(HAITENG_TOTAL)}", 9)
    y -= 24
    for line in ["1. 交货期：2026年12月18日前送达宁波北仑工厂，运费由供方承担。",
                 "2. 付款方式：货到验收合格后月结 60 天，供方开具 13% 增值税专用发票。",
                 "3. 质量要求：按供方样本技术参数，随货提供出厂检验报告。",
                 "4. 请于收到订单后 2 个工作日内盖章回传确认。"]:
        page.text(50, y, line, 9)
        y -= 14
    page.text(50, y - 20, "采购员：张伟", 9)
    page.text(360, y - 20, "审核：徐明  （海腾采购专用章）", 9)
    return make_pdf([page], title="采购订单 HT-PO-20261119-07", author="宁波海腾自动化设备有限公司", created=created)


@mail
def p3_haiteng_order() -> Mail:
    sent = when(19, 16, 5, 11, CST)
    text = f"""王经理：

您好！贵司报价单 BWS-Q-2026-0388 已经我司审批通过，现正式下单，采购订单见附件（已盖章）。

订单号：HT-PO-20261119-07
含税总金额：¥{fmt_en(HAITENG_TOTAL)}
交货期：2026年12月18日前送达宁波北仑工厂
付款方式：货到验收合格后月结 60 天

请在收到订单后 2 个工作日内回传订单确认（盖章），谢谢！

张伟
采购部
宁波海腾自动化设备有限公司
电话：0574-8688 2316
"""
    pdf = cn_order_pdf(dt.datetime(2026, 11, 19, 15, 50, 0, tzinfo=CST))
    fname = "采购订单_HT-PO-20261119-07_明水精密部件（苏州）有限公司.pdf"
    frm = "zhangwei@haiteng-auto.example"
    subject = "采购订单 HT-PO-20261119-07（贵司报价 BWS-Q-2026-0388）"
    root = multipart("mixed", "----=_Part_20261119160511_7", [
        text_part(text, "UTF-8", "base64"),
        attachment(pdf, "application/pdf", fname, name_style="rfc2231")])
    headers = transport(sent, rcpt=SALES_CN, mail_from=frm, helo="smtp.haiteng-auto.example", ip="203.0.113.58",
                        seed="p3") + envelope(
        frm=addr("张伟", frm), to=addr("王丽", f"wang.li@{BW}"), cc=addr(None, SALES_CN),
        subject=enc_header(subject, "UTF-8", "B"), sent=sent, msgid="202611191605114471826@haiteng-auto.example",
        extra=[("X-Mailer", "Foxmail 7.2.25.375[cn]")])
    return Mail("P3", "purchase_order", "zh", "UTF-8 (base64)",
                "stamped order PDF with a long Chinese file name in RFC 2231 continuations (filename*0*=, *1*=, …)",
                sent, message_bytes(headers, root), subject, frm, [(fname, "application/pdf")],
                pdf_expect={fname: ["HT-PO-20261119-07", fmt_en(HAITENG_TOTAL), "采 购 订 单", rmb_upper(HAITENG_TOTAL)]})


@mail
def p4_hokuto_order() -> Mail:
    sent = when(24, 10, 0, 41, JST)
    lines = [("BW-HTD8M-40-30", "タイミングプーリー HTD 8M", 300, PRODUCTS["BW-HTD8M-40-30"].eur),
             ("BW-CPL-J28", "ジョーカップリング 28mm", 300, PRODUCTS["BW-CPL-J28"].eur)]
    total = sum(line_total(q, p) for _, _, q, p in lines)
    body_lines = "\n".join(f"{s:<16}  {n}　{q}個　{p}　{fmt_en(line_total(q, p))}" for s, n, q, p in lines)
    text = f"""ブライトウォーター・コンポーネンツ社
営業部　御中

いつも大変お世話になっております。
北斗トランスミッションの佐藤です。

先日はお見積り（BW-Q-2026-1209）をいただき、誠にありがとうございました。
下記の通り正式に注文いたします。

注文番号：HT-2026-1124
注文日　：2026年11月24日

注文明細表（品番　品名　数量　単価EUR　金額EUR）
{body_lines}
合計金額：EUR {fmt_en(total)}

納期　　：2027年1月29日　名古屋着
納入場所：名古屋市港区金城ふ頭2丁目　弊社物流センター
支払条件：月末締め翌月末払い（銀行振込）

お手数ですが、注文請書のご返送をお願いいたします。
今後ともよろしくお願い申し上げます。

株式会社北斗トランスミッション
購買部　佐藤 健一
TEL 052-000-4471
"""
    subject = "注文書送付の件（注文番号 HT-2026-1124／貴見積 BW-Q-2026-1209）"
    frm = "k.sato@hokuto-tm.example"
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo="mail.hokuto-tm.example", ip="203.0.113.19",
                        seed="p4") + envelope(
        frm=addr("佐藤 健一", frm, "SHIFT_JIS"), to=addr(None, SALES), subject=enc_header(subject, "SHIFT_JIS", "B"),
        sent=sent, msgid="20261124100041.E61F.8B4A1D6E@hokuto-tm.example",
        extra=[("X-Mailer", "Becky! ver. 2.81.04 [ja]")])
    root = text_part(text, "SHIFT_JIS", "8bit")
    assert b"\x95\x5c" in root.body  # 表: a Shift_JIS trail byte that is an ASCII backslash
    return Mail("P4", "purchase_order", "ja", "Shift_JIS (8bit)",
                f"Japanese order in raw 8bit Shift_JIS (表 has 0x5C, a backslash, as its trail byte); EUR {fmt_en(total)}",
                sent, message_bytes(headers, root), subject, frm)


@mail
def p5_wisla_order() -> Mail:
    sent = when(26, 11, 50, 18, CET)
    lines = [("BW-6205-2RS", "Ball bearing 6205-2RS", 3000), ("BW-SEAL-40x62x8", "Shaft seal 40x62x8 NBR", 3000),
             ("BW-KEY-A8x7x40", "Parallel key A 8x7x40", 5000)]
    rows = [("No.", "Your part no.", "Description", "Qty", "Unit price", "Value")]
    total = D("0.00")
    for k, (s, d, q) in enumerate(lines, 1):
        p = PRODUCTS[s].eur
        rows.append((k, s, d, qty_en(q), f"EUR {p}", f"EUR {fmt_en(line_total(q, p))}"))
        total += line_total(q, p)
    table = items_table(rows, [3, 16, 24, 6, 10, 13], right={3, 4, 5})
    nip = pl_nip("677210459")
    text = f"""Dear Mr Albers,

Thank you for your quotation Q-2026-1221. Please accept our purchase order ZMW/2026/11/0312:

{table}
{"Total net:".rjust(63)} EUR {fmt_en(total)}

Delivery: DAP Kraków, ul. Przemysłowa 18, 30-701 Kraków, Poland
Delivery date: 14 December 2026
Payment: 30 days from the invoice date
VAT: intra-community supply, our VAT number PL{nip}

Please send the order confirmation to zakupy@zm-wisla.example.

Z poważaniem / Best regards

Łukasz Wójcik
Specjalista ds. zakupów (Purchasing)
Zakłady Mechaniczne „Wisła” Sp. z o.o.
ul. Przemysłowa 18, 30-701 Kraków
tel. +48 12 000 41 77
"""
    subject = "Zamówienie / Purchase order ZMW/2026/11/0312"
    frm = "l.wojcik@zm-wisla.example"
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo="poczta.zm-wisla.example", ip="192.0.2.99",
                        seed="p5") + envelope(
        frm=addr("Łukasz Wójcik", frm, "WINDOWS-1250", "Q"), to=addr("Jonas Albers", f"jonas.albers@{BW}"),
        cc=addr(None, SALES), subject=enc_header(subject, "WINDOWS-1250", "Q"), sent=sent,
        msgid="009c01db5ff2$41a7e3b0$c4f7ab10$@zm-wisla.example",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "pl")])
    root = text_part(text, "WINDOWS-1250", "quoted-printable")
    return Mail("P5", "purchase_order", "en", "Windows-1250 (quoted-printable)",
                f"Polish customer: Windows-1250 Q-encoded name and subject, Polish signature; EUR {fmt_en(total)}",
                sent, message_bytes(headers, root), subject, frm)


# -- newsletters and mailing lists ---------------------------------------------------------------------------

@mail
def n1_motion_weekly() -> Mail:
    sent = when(5, 6, 0, 12, EST)
    track = "https://click.motioncontrol-weekly.example/t/8f2a61c0"
    stories = [
        ("Linear guide prices up 6% as steel surcharges return",
         "Three of the five largest rail makers announced surcharges for Q1 2027. What buyers can still negotiate."),
        ("Free tool: ISO 281 bearing life calculator with contamination factor",
         "Enter load, speed and lubricant and get L10 and L10m. Export the result as a PDF for your design review."),
        ("SPS 2026 recap: the ten drive innovations worth your time",
         "From integrated condition monitoring to 3D-printed gearbox housings."),
    ]
    text = "MOTION CONTROL WEEKLY · Issue 46/2026 · 5 November 2026\n\nView in browser: " + \
           "https://www.motioncontrol-weekly.example/issues/2026-46\n\n"
    for k, (title, teaser) in enumerate(stories, 1):
        text += f"{k}. {title}\n{teaser}\nRead more: {track}/{k}\n\n"
    text += f"""MARKETPLACE
Need parts fast? Request a quote from 200+ verified suppliers of bearings, couplings and gearboxes
in one step: {track}/rfq

---
You receive this newsletter because you subscribed as {INFO}.
Unsubscribe: https://www.motioncontrol-weekly.example/u/3KX9-QW21-{INFO.replace('@', '%40')}
Motion Control Weekly · Fieldstone Media LLC · 400 Commerce Drive, Suite 210 · Columbus, OH 43215 · USA
"""
    items_html = "".join(f'<tr><td style="padding:12px 0"><h2 style="font-size:18px;margin:0"><a href="{track}/{k}">{t}</a></h2>'
                         f'<p style="margin:4px 0;color:#444">{x}</p></td></tr>\n' for k, (t, x) in enumerate(stories, 1))
    html = html_page(f"""<table width="600" align="center" cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif">
<tr><td style="background:#0b3d5c;color:#fff;padding:16px"><b>MOTION CONTROL WEEKLY</b> &middot; Issue 46/2026</td></tr>
{items_html}<tr><td style="background:#f2f5f7;padding:12px"><b>Marketplace:</b> Need parts fast?
<a href="{track}/rfq">Request a quote</a> from 200+ verified suppliers.</td></tr>
<tr><td style="font-size:11px;color:#888;padding:12px">You receive this newsletter because you subscribed as {INFO}.
<a href="https://www.motioncontrol-weekly.example/u/3KX9-QW21">Unsubscribe</a> &middot; Fieldstone Media LLC,
400 Commerce Drive, Suite 210, Columbus, OH 43215, USA</td></tr>
</table>
<img src="https://open.motioncontrol-weekly.example/o/8f2a61c0.gif" width="1" height="1" alt="">""")
    subject = "This week: linear guide prices up 6%, a free ISO 281 calculator, SPS recap"
    frm = "newsletter@motioncontrol-weekly.example"
    root = multipart("alternative", "b1_8f2a61c0d94e4b7a9c1e2f3a4b5c6d7e", [
        text_part(text, "UTF-8", "quoted-printable"), text_part(html, "UTF-8", "quoted-printable", "html")],
        preamble=False)
    headers = transport(sent, rcpt=INFO, mail_from="bounce-46-3KX9QW21@mail.motioncontrol-weekly.example",
                        helo="o12.mail.motioncontrol-weekly.example", ip="198.51.100.250", seed="n1") + envelope(
        frm=addr("Motion Control Weekly", frm), to=addr(None, INFO), subject=subject, sent=sent,
        msgid="20261105110012.8f2a61c0d94e@mail.motioncontrol-weekly.example",
        extra=[("List-Id", "Motion Control Weekly <weekly.motioncontrol-weekly.example>"),
               ("List-Unsubscribe", f"<https://www.motioncontrol-weekly.example/u/3KX9-QW21>,\n "
                                    f"<mailto:unsubscribe-3KX9QW21@mail.motioncontrol-weekly.example>"),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk"),
               ("Feedback-ID", "46:weekly:fieldstone"), ("X-Campaign-ID", "mcw-2026-46")])
    return Mail("N1", "other", "en", "UTF-8 (quoted-printable)",
                "newsletter: List-Id, one-click List-Unsubscribe, Precedence: bulk, tracking links and pixel; "
                "says 'request a quote' without being a request",
                sent, message_bytes(headers, root), subject, frm)


@mail
def n2_fachverband() -> Mail:
    sent = when(12, 8, 0, 5, CET)
    text = """FACHVERBAND ANTRIEBSTECHNIK NORD e. V. - Newsletter 11/2026

Liebe Mitglieder,

in dieser Ausgabe:

1. Stahlpreise: Legierungszuschläge für Dezember leicht rückläufig
   Die Zuschläge für 42CrMo4 sinken im Dezember um rund 3 %. Blankstahl bleibt
   wegen hoher Energiekosten teuer. Übersicht im Mitgliederbereich.

2. CBAM: Ab 2027 Meldepflichten auch für kleine Importmengen
   Wer Stahlteile aus Drittländern einführt, muss die eingebetteten Emissionen
   melden. Unser Webinar am 02.12.2026 erklärt, was jetzt zu tun ist.

3. Einladung zum Jahresempfang am 10.12.2026 in der Handelskammer Hamburg
   Anmeldung bis 30.11. unter https://www.fv-antriebstechnik-nord.example/empfang
   (Kostenbeitrag 45 € pro Person, für Mitglieder frei).

4. Umfrage Lieferzeiten: Bitte machen Sie bis Ende November mit - 5 Minuten,
   anonym, Ergebnisse exklusiv für Mitglieder.

Mit freundlichen Grüßen
Ihre Geschäftsstelle

--
Fachverband Antriebstechnik Nord e. V. · Große Elbstraße 145 · 22767 Hamburg
Sie erhalten diesen Newsletter als Mitglied. Abmelden: Antwort mit »Abmelden« an
newsletter-abmelden@fv-antriebstechnik-nord.example
"""
    subject = "Newsletter 11/2026: Legierungszuschläge, CBAM-Meldepflicht, Jahresempfang"
    frm = "newsletter@fv-antriebstechnik-nord.example"
    headers = transport(sent, rcpt=INFO, mail_from="newsletter-bounces@fv-antriebstechnik-nord.example",
                        helo="list.fv-antriebstechnik-nord.example", ip="192.0.2.60", seed="n2") + envelope(
        frm=addr("Fachverband Antriebstechnik Nord", frm), to=addr("Mitglieder", "mitglieder@fv-antriebstechnik-nord.example"),
        subject=enc_header(subject, "ISO-8859-15", "Q"), sent=sent,
        msgid="newsletter-2026-11.4417@fv-antriebstechnik-nord.example",
        extra=[("List-Id", "Mitglieder-Newsletter <newsletter.fv-antriebstechnik-nord.example>"),
               ("List-Unsubscribe", "<mailto:newsletter-abmelden@fv-antriebstechnik-nord.example?subject=Abmelden>"),
               ("Precedence", "bulk"), ("X-Mailer", "phpList 3.6.15")])
    root = text_part(text, "ISO-8859-15", "quoted-printable")
    return Mail("N2", "other", "de", "ISO-8859-15 (quoted-printable)",
                "association newsletter, text only, To: a list address (our address only in the envelope), mailto unsubscribe",
                sent, message_bytes(headers, root), subject, frm)


@mail
def n3_chuandong_weekly() -> Mail:
    sent = when(19, 7, 30, 0, CST)
    html = html_page("""<div style="max-width:640px;margin:0 auto;font-family:'Microsoft YaHei',SimSun,sans-serif">
<h1 style="background:#b22222;color:#fff;padding:10px;font-size:20px">传动与控制周刊　第46期</h1>
<p>尊敬的读者，您好！以下是本周行业要闻：</p>
<h2><a href="https://www.chuandong-weekly.example/news/20261119-1">轴承钢价格连续三周回落，GCr15 报价跌破每吨 5,800 元</a></h2>
<p>受铁矿石价格下行影响，华东地区轴承钢现货价格本周继续走低……</p>
<h2><a href="https://www.chuandong-weekly.example/news/20261119-2">直线导轨国产化率突破 60%，高精度产品仍依赖进口</a></h2>
<p>行业协会最新数据显示，2026 年前三季度国产直线导轨市场份额达到 61.3%。</p>
<h2><a href="https://www.chuandong-weekly.example/news/20261119-3">展会预告：2027 中国国际传动展 3 月在上海举行</a></h2>
<p>展商报名已开启，早鸟优惠截至 12 月 31 日。<a href="https://www.chuandong-weekly.example/expo">立即询价展位</a></p>
<hr>
<p style="font-size:12px;color:#888">您收到此邮件是因为您订阅了传动与控制周刊。
<a href="https://www.chuandong-weekly.example/unsubscribe?u=bw-sz-0417">退订</a>｜
<a href="https://www.chuandong-weekly.example/">访问网站</a><br>
上海传讯文化传播有限公司　上海市闵行区虹梅南路 1755 号</p>
</div>""", "gbk")
    subject = "【传动周刊】第46期：轴承钢价格回落，直线导轨国产化率突破60%"
    frm = "weekly@chuandong-weekly.example"
    headers = transport(sent, rcpt=SALES_CN, mail_from="bounce@edm.chuandong-weekly.example",
                        helo="edm3.chuandong-weekly.example", ip="203.0.113.230", seed="n3") + envelope(
        frm=addr("传动与控制周刊", frm, "GBK"), to=addr(None, SALES_CN), subject=enc_header(subject, "GBK", "B"),
        sent=sent, msgid="edm.20261119073000.46.bw-sz-0417@chuandong-weekly.example",
        extra=[("List-Unsubscribe", "<https://www.chuandong-weekly.example/unsubscribe?u=bw-sz-0417>"),
               ("Precedence", "bulk"), ("X-Mailer", "EDM Sender 3.2")])
    root = text_part(html, "GBK", "base64", "html")
    return Mail("N3", "other", "zh", "GBK (base64)",
                "HTML-only mail (no text/plain part): the readable text must come from the HTML; charset also in <meta>",
                sent, message_bytes(headers, root), subject, frm)


@mail
def n4_list_post() -> Mail:
    sent = when(21, 22, 47, 31, MSK)
    text = """On 20.11.2026 18:02, Pieter Janssens wrote:
> Does anyone have a good source for size-20 linear guides in Europe? Our usual
> supplier quotes 14 weeks.

We got a quote from Brightwater Components in Hamburg last spring: about EUR 64 per
1000 mm rail (BW-LG20-1000) and EUR 39 per flanged carriage, 4 weeks delivery. Quality
was fine on our two retrofits. If you need small quantities, ask for their stock list.

I would also be interested if someone can share a cheaper source for 20 carriages -
please reply to the list, not to me directly.

Dmitry

_______________________________________________
cnc-retrofit mailing list
cnc-retrofit@lists.opencnc.example
https://lists.opencnc.example/mailman/listinfo/cnc-retrofit
"""
    subject = "[cnc-retrofit] Re: Recommendations for linear guide suppliers in Europe?"
    frm = "d.sokolov@mashinostroenie.example"
    lst = "cnc-retrofit@lists.opencnc.example"
    headers = transport(sent, rcpt=INFO, mail_from="cnc-retrofit-bounces+info=brightwater-components.example@lists.opencnc.example",
                        helo="lists.opencnc.example", ip="192.0.2.222", seed="n4") + envelope(
        frm=addr("Дмитрий Соколов", frm, "KOI8-R"), to=addr(None, lst), subject=subject, sent=sent,
        msgid="f1c9a2e4-77b0-4d1e-9a5f-3c2b8e6d0a14@mashinostroenie.example",
        in_reply_to="CAB7x2Lq0pZ4mN8vR1tY6eW3aK9dF5gH2jS@mail.janssens-automation.example",
        references=["CAB7x2Lq0pZ4mN8vR1tY6eW3aK9dF5gH2jS@mail.janssens-automation.example"],
        extra=[("Sender", '"cnc-retrofit" <cnc-retrofit-bounces@lists.opencnc.example>'),
               ("Errors-To", "cnc-retrofit-bounces@lists.opencnc.example"),
               ("List-Id", "CNC retrofit discussion <cnc-retrofit.lists.opencnc.example>"),
               ("List-Post", f"<mailto:{lst}>"),
               ("List-Help", "<mailto:cnc-retrofit-request@lists.opencnc.example?subject=help>"),
               ("List-Archive", "<https://lists.opencnc.example/pipermail/cnc-retrofit/>"),
               ("List-Subscribe", "<https://lists.opencnc.example/mailman/listinfo/cnc-retrofit>,\n "
                                  "<mailto:cnc-retrofit-request@lists.opencnc.example?subject=subscribe>"),
               ("List-Unsubscribe", "<https://lists.opencnc.example/mailman/options/cnc-retrofit>,\n "
                                    "<mailto:cnc-retrofit-request@lists.opencnc.example?subject=unsubscribe>"),
               ("Precedence", "list"), ("X-BeenThere", lst), ("X-Mailman-Version", "2.1.39")])
    root = text_part(text, "US-ASCII", "7bit")
    return Mail("N4", "other", "en", "US-ASCII (7bit); KOI8-R in From",
                "mailing-list post that talks about quotes, SKUs and prices but asks nothing of us (Precedence: list, "
                "List-*); sender's Russian name RFC 2047 KOI8-R",
                sent, message_bytes(headers, root), subject, frm)


# -- auto-replies ----------------------------------------------------------------------------------------------

@mail
def r1_becker_ooo() -> Mail:
    sent = when(6, 9, 2, 18, CET)
    quote_id = f"q-2026-1187.{int(when(6, 9, 1, 40, CET).timestamp())}@{BW}"
    text = """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich Freitag, 13.11.2026, nicht im Büro und habe nur eingeschränkt Zugriff
auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an meinen Kollegen Sven Rohde
(s.rohde@nordhafen-maschinenbau.example, Tel. +49 421 690 44-214). Angebote und
Auftragsbestätigungen senden Sie bitte an einkauf@nordhafen-maschinenbau.example.

Thank you for your message. I am out of the office until Friday, 13 November 2026, with limited
access to e-mail. For urgent matters please contact my colleague Sven Rohde
(s.rohde@nordhafen-maschinenbau.example, phone +49 421 690 44-214).

Thomas Becker
"""
    subject = "Automatische Antwort: Ihr Angebot Q-2026-1187 zu Projekt NH-2231"
    n = NORDHAFEN
    headers = transport(sent, rcpt=SALES, mail_from=n["email"], helo=n["host"], ip=n["ip"], seed="r1") + envelope(
        frm=addr(n["name"], n["email"]), to=addr("Brightwater Vertrieb", SALES), subject=subject, sent=sent,
        msgid="OFA2B4C6D8.E0F1A2B3-ONC1258C3B.0031C2D4-C1258C3B.0031C2D5@nordhafen-maschinenbau.example",
        in_reply_to=quote_id, references=[quote_id],
        extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
               ("X-Mailer", "HCL Notes Release 12.0.2 FP3 May 15, 2024")])
    root = text_part(text, "UTF-8", "quoted-printable")
    return Mail("R1", "auto_reply", "de+en", "UTF-8 (quoted-printable)",
                "out-of-office (Auto-Submitted: auto-replied, X-Auto-Response-Suppress) mentioning 'Angebote' and "
                "a quote number; in reply to our quote",
                sent, message_bytes(headers, root), subject, n["email"])


@mail
def r2_bounce() -> Mail:
    sent = when(13, 17, 32, 41, CET)
    original_sent = when(13, 17, 32, 2, CET)
    bad = "anika.holm@lindqvist-packaging.example"
    qid = queue_id("r2-original")
    orig_headers = f"""Return-Path: <{SALES}>
Received: from exch01.{BW} (exch01.{BW} [10.20.0.31])
\tby {MX} (Postfix) with ESMTPS id {qid}
\tfor <{bad}>; {rfc_date(original_sent)} (CET)
From: Jonas Albers <jonas.albers@{BW}>
Sender: Brightwater Sales <{SALES}>
To: Annika Holm <{bad}>
Subject: Quotation Q-2026-1192 for your RFQ 2026-118
Date: {rfc_date(original_sent - dt.timedelta(seconds=3))}
Message-ID: <q-2026-1192.{int(original_sent.timestamp())}@{BW}>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="_002_Q20261192_"
"""
    notification = f"""This is the mail system at host {MX}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<{bad}>: host mx.lindqvist-packaging.example[198.51.100.23] said:
    550 5.1.1 <{bad}>: Recipient address rejected: User unknown in
    virtual mailbox table (in reply to RCPT TO command)
"""
    status = f"""Reporting-MTA: dns; {MX}
X-Postfix-Queue-ID: {qid}
X-Postfix-Sender: rfc822; {SALES}
Arrival-Date: {rfc_date(original_sent)}

Final-Recipient: rfc822; {bad}
Original-Recipient: rfc822;{bad}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.lindqvist-packaging.example
Diagnostic-Code: smtp; 550 5.1.1 <{bad}>: Recipient address rejected: User
    unknown in virtual mailbox table
"""
    root = multipart("report", f"{qid}.1794587561/{MX}", [
        Part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")],
             notification.encode("ascii")),
        Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")],
             status.encode("ascii")),
        Part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")],
             orig_headers.encode("ascii"))], extra="report-type=delivery-status",
        preamble=False)
    root.preamble = b"This is a MIME-encapsulated message.\n\n"
    subject = "Undelivered Mail Returned to Sender"
    frm = f"MAILER-DAEMON@{MX}"
    headers = [("Return-Path", "<>"), ("Delivered-To", SALES),
               ("Received", f"by {MX} (Postfix)\n\tid {queue_id('r2')}; {rfc_date(sent)} (CET)")]
    headers += envelope(frm=addr("Mail Delivery System", frm), to=addr(None, SALES), subject=subject, sent=sent,
                        msgid=f"20261113163241.{queue_id('r2')}@{MX}",
                        extra=[("Auto-Submitted", "auto-replied")])
    return Mail("R2", "auto_reply", "en", "US-ASCII (7bit)",
                "DSN bounce: multipart/report; report-type=delivery-status with message/delivery-status and "
                "text/rfc822-headers; empty Return-Path",
                sent, message_bytes(headers, root), subject, frm)


@mail
def r3_zhang_ooo() -> Mail:
    sent = when(20, 18, 22, 9, CST)
    text = """您好！

我于 11 月 20 日至 11 月 27 日在外地出差，期间邮件回复可能不及时。
紧急事务请联系采购部 李娜，电话 0574-8688 2317，邮箱 lina@haiteng-auto.example。

谢谢！
张伟
（此邮件为自动回复）
"""
    subject = "自动回复：订单确认 HT-PO-20261119-07 / BWS-SO-2026-1187"
    frm = "zhangwei@haiteng-auto.example"
    confirm_id = f"bws-so-2026-1187.{int(when(20, 18, 20, 0, CST).timestamp())}@{BW}"
    headers = transport(sent, rcpt=SALES_CN, mail_from=frm, helo="smtp.haiteng-auto.example", ip="203.0.113.58",
                        seed="r3") + envelope(
        frm=addr("张伟", frm, "GB2312"), to=addr("王丽", f"wang.li@{BW}", "GB2312"), cc=addr(None, SALES_CN),
        subject=enc_header(subject, "GB2312", "B"), sent=sent,
        msgid="202611201822091182733@haiteng-auto.example", in_reply_to=confirm_id, references=[confirm_id],
        extra=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"), ("X-Mailer", "Foxmail 7.2.25.375[cn]")])
    root = text_part(text, "GB2312", "base64")
    return Mail("R3", "auto_reply", "zh", "GB2312 (base64)",
                "Chinese out-of-office (Auto-Submitted and X-Autoreply) quoting an order number in its subject",
                sent, message_bytes(headers, root), subject, frm)


# -- other: internal, personal, forwarded, calendar ------------------------------------------------------------

@mail
def o1_weihnachtsfeier() -> Mail:
    sent = when(16, 12, 30, 27, CET)
    text = """Liebe Kolleginnen und Kollegen,

auch dieses Jahr lassen wir das Jahr gemeinsam ausklingen: Unsere Weihnachtsfeier findet am
Freitag, 11. Dezember 2026, ab 18:00 Uhr im »Zollhaus am Sandtorkai« statt. Für Essen und
Getränke ist gesorgt, vegetarische und vegane Gerichte gibt es natürlich auch.

Die Kolleginnen und Kollegen aus Suzhou sind um 18:30 Uhr per Video dabei (dort ist es dann
halb zwei nachts - danke an Wang Li und ihr Team für die Geduld!).

Bitte tragt euch bis Montag, 30. November, in die Liste im Intranet ein oder antwortet mir
kurz, ob ihr kommt und ob ihr eine Begleitung mitbringt.

Wer beim Wichteln mitmachen möchte, bringt bitte ein Geschenk im Wert von höchstens 15 € mit.

Viele Grüße
Mia

Mia Schröder · Buchhaltung & Personal · Brightwater Components GmbH
"""
    text = text.replace("15 €", "15 EUR")  # ISO-8859-1 has no euro sign
    subject = "Weihnachtsfeier 2026 am 11.12. – bitte bis 30.11. anmelden 🎄"
    frm = f"mia.schroeder@{BW}"
    headers = transport(sent, rcpt=f"alle@{BW}", mail_from=frm, helo=f"exch01.{BW}", ip="10.20.0.31", seed="o1") + envelope(
        frm=addr("Mia Schröder", frm, "ISO-8859-1", "Q"), to=addr("Alle Hamburg", f"alle@{BW}"),
        cc=addr("Team Suzhou", f"all-suzhou@{BW}"), subject=enc_header(subject, "UTF-8", "B"), sent=sent,
        msgid=f"87y1qx3k2n.fsf@mia-laptop.{BW}", extra=[("User-Agent", "Gnus/5.13 (Gnus v5.13)")])
    root = text_part(text, "ISO-8859-1", "8bit")
    return Mail("O1", "other", "de", "ISO-8859-1 (8bit); UTF-8 subject",
                "internal invitation; raw 8bit Latin-1 body but the subject is UTF-8 with an emoji (4-byte UTF-8 "
                "inside an encoded word); From name Q-encoded in ISO-8859-1",
                sent, message_bytes(headers, root), subject, frm)


def spec_sheet_pdf(created: dt.datetime) -> bytes:
    page = Page()
    letterhead(page, "Orient Automation Pte. Ltd.", ["Engineering specification", "18 Boon Lay Way, #07-112, Singapore 609966"])
    page.text(50, 720, "Specification OA-SPEC-0419 rev. B - Planetary gearbox for pick-and-place axis", 11, bold=True)
    rows = [["Frame size", "42 mm (Brightwater BW-GB-PB42 or equivalent)"], ["Ratio", "10:1, single stage"],
            ["Nominal output torque", ">= 9 Nm"], ["Backlash", "<= 15 arcmin"],
            ["Input", "NEMA 17 stepper, shaft 5 mm, flange 31 mm bolt circle"],
            ["Output", "shaft 12 mm with key, IP54"], ["Duty", "3 shifts, 5 days, 25 cycles/min"],
            ["Quantity", "50 pcs pilot, 200-250 pcs/year from Q3 2027"],
            ["Coupling", "jaw coupling 28 mm, spider 92 Shore A (BW-CPL-J28)"],
            ["Delivery", "end of February 2027, DAP Singapore"]]
    y = table_page(page, 690, [(50, "l"), (200, "l")], ["Parameter", "Requirement"], rows, size=9)
    page.text(50, y - 6, "Approved: Tan Wei Ming, Head of Procurement, 25 Nov 2026", 8.5)
    return make_pdf([page], title="OA-SPEC-0419 rev. B", author="Orient Automation Pte. Ltd.", created=created)


@mail
def o2_forward() -> Mail:
    sent = when(27, 15, 45, 7, CET)
    inner_sent = when(26, 16, 20, 44, CST)
    spec = spec_sheet_pdf(dt.datetime(2026, 11, 25, 17, 0, 0, tzinfo=CST))
    inner_text = """Dear Ms Vogel,

It was a pleasure meeting you at SPS in Nuremberg this week. As discussed, we would like to receive
your quotation for:

- 50 x BW-GB-PB42 planetary gearbox 42 mm, ratio 10:1 (see the attached spec sheet for our motor flange)
- 50 x BW-CPL-J28 jaw coupling 28 mm, spider 92 Shore A

Required delivery: end of February 2027, DAP Singapore.
If the pilot goes well, we expect 200-250 gearboxes per year from Q3 2027.

Best regards,
Tan Wei Ming
Head of Procurement
Orient Automation Pte. Ltd.
18 Boon Lay Way, #07-112, Singapore 609966
+65 6000 4417
"""
    inner_root = multipart("mixed", "000000000000c4a1e905f2b7d3a8", [
        text_part(inner_text, "UTF-8", "quoted-printable"),
        attachment(spec, "application/pdf", "OA-SPEC-0419_revB.pdf")], preamble=False)
    inner_from = "weiming.tan@orient-automation.example"
    inner = message_bytes([hdr("From", addr("Tan Wei Ming", inner_from)),
                           hdr("To", addr("Katrin Vogel", f"katrin.vogel@{BW}")),
                           ("Subject", "Enquiry: planetary gearboxes BW-GB-PB42 and jaw couplings"),
                           ("Date", rfc_date(inner_sent)),
                           ("Message-ID", "<CAM9x4Tq2Lp7vN0mR3sY8eW1aK6dF2gH5jQ@mail.orient-automation.example>")],
                          inner_root)
    note = """Hi all,

please prepare a quotation for Mr Tan (Orient Automation, Singapore) - I met him at SPS in Nuremberg.
His enquiry and spec sheet are attached. He mentioned 200+ gearboxes a year from Q3 2027, so please
price it carefully and copy me on the quote.

Thanks,
Katrin

Katrin Vogel · Head of Sales · Brightwater Components GmbH
"""
    subject = "Fwd: Enquiry: planetary gearboxes BW-GB-PB42 and jaw couplings"
    frm = f"katrin.vogel@{BW}"
    root = multipart("mixed", "Apple-Mail=_2F61D0A4-93B7-4C85-8E1F-6A0B2C9D7E31", [
        text_part(note, "UTF-8", "quoted-printable"),
        rfc822_part(inner, filename="Enquiry planetary gearboxes.eml")], preamble=False)
    headers = transport(sent, rcpt=SALES, mail_from=frm, helo=f"exch01.{BW}", ip="10.20.0.31", seed="o2") + envelope(
        frm=addr("Katrin Vogel", frm), to=addr("Brightwater Sales", SALES), subject=subject, sent=sent,
        msgid=f"2F61D0A4-93B7-4C85-8E1F-6A0B2C9D7E31@{BW}", extra=[("X-Mailer", "Apple Mail (2.3826.300.87)")])
    return Mail("O2", "quote_request", "en", "UTF-8 (quoted-printable)",
                "internal forward: the customer's enquiry is attached as message/rfc822 with its own PDF spec sheet "
                "inside (nested parse); the business request is in the attached message",
                sent, message_bytes(headers, root), subject, frm,
                [("Enquiry planetary gearboxes.eml", "message/rfc822"), ("OA-SPEC-0419_revB.pdf", "application/pdf")],
                pdf_expect={"OA-SPEC-0419_revB.pdf": ["OA-SPEC-0419", "BW-GB-PB42", "arcmin"]})


@mail
def o3_suzhou_teambuilding() -> Mail:
    sent = when(23, 13, 0, 54, CST)
    text = """各位同事：

为感谢大家今年的辛苦付出，公司定于本周六（11 月 28 日）组织团建活动：

时间：上午 8:30 在公司门口集合，大巴出发，下午 5 点左右返回
内容：太湖环湖骑行（约 25 公里，可选 10 公里轻松线）+ 农家乐午餐
费用：公司承担，家属每人 100 元（可带一位家属）
装备：请穿运动鞋，自带水杯；头盔和自行车由场地提供

请于本周三（11 月 25 日）下班前在企业微信群里接龙报名，注明是否携带家属及选择的路线。
如遇雨天改为室内活动，周五另行通知。

行政部 孙悦
"""
    subject = "周六团建活动：太湖骑行 + 农家乐午餐（请于周三前报名）"
    frm = f"sun.yue@{BW}"
    headers = transport(sent, rcpt=f"all-suzhou@{BW}", mail_from=frm, helo=f"sz-mail.{BW}", ip="10.30.0.12",
                        seed="o3") + envelope(
        frm=['"行政部 孙悦"', f"<{frm}>"], to=['苏州全体员工', f"<all-suzhou@{BW}>"], subject=subject, sent=sent,
        msgid=f"e5b7c1d2-4f60-4a8b-9d3e-7c1a2b0f9e84@sz-mail.{BW}",
        extra=[("User-Agent", "Mozilla Thunderbird")])
    root = text_part(text, "UTF-8", "8bit")
    return Mail("O3", "other", "zh", "UTF-8 (8bit), raw UTF-8 headers",
                "internal announcement with raw UTF-8 in Subject, From and To (RFC 6532 style, no encoded words)",
                sent, message_bytes(headers, root), subject, frm,
                defects=("From:UndecodableBytesDefect", "To:UndecodableBytesDefect"))


@mail
def o4_calendar() -> Mail:
    sent = when(24, 12, 15, 38, CET)
    uid = "040000008200E00074C5B7101A82E00800000000B0C7E4D2F35DDB01000000000000000010000000"
    organizer = f"katrin.vogel@{BW}"
    attendees = [("Wang Li", f"wang.li@{BW}"), ("Jonas Albers", f"jonas.albers@{BW}"),
                 ("Henrik Lange", f"henrik.lange@{BW}"), ("Brightwater Sales", SALES)]
    ics_lines = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0",
                 "METHOD:REQUEST", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD",
                 "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZOFFSETFROM:+0200",
                 "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010325T020000",
                 "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
                 "END:VTIMEZONE", "BEGIN:VEVENT", f"ORGANIZER;CN=Katrin Vogel:mailto:{organizer}"]
    ics_lines += [f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={n}:mailto:{a}" for n, a in attendees]
    ics_lines += ["DESCRIPTION:Agenda: 1) 2026 results by region 2) 2027 targets Hamburg/Suzhou 3) price",
                  " list 2027 4) key accounts (Nordhafen\\, Haiteng\\, Great Lakes)\\nTeams link in",
                  " the invitation.", f"UID:{uid}", "SUMMARY:Sales planning 2027 Hamburg/Suzhou",
                  "DTSTART;TZID=Europe/Berlin:20261203T090000", "DTEND;TZID=Europe/Berlin:20261203T103000",
                  "DTSTAMP:20261124T111538Z", "LOCATION:Hamburg room Elbe / Microsoft Teams", "SEQUENCE:0",
                  "STATUS:CONFIRMED", "TRANSP:OPAQUE", "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:REMINDER",
                  "TRIGGER;RELATED=START:-PT15M", "END:VALARM", "END:VEVENT", "END:VCALENDAR"]
    ics = "\r\n".join(ics_lines) + "\r\n"
    text = """When: Thursday, 3 December 2026 09:00-10:30 (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna
Where: Hamburg room Elbe / Microsoft Teams

Hi all,

let's plan 2027 together: results by region, targets for Hamburg and Suzhou, the 2027 price list
and our key accounts (Nordhafen, Haiteng, Great Lakes). Suzhou joins via Teams (16:00 local time).

Katrin
"""
    subject = "Invitation: Sales planning 2027 Hamburg/Suzhou - Thu 3 Dec 2026 09:00-10:30 (CET)"
    root = multipart("alternative", "_000_FR3P281MB0917A4B2C6D8E0F1A3B5C7D9E1F3FR3P281MB0917_", [
        text_part(text, "UTF-8", "quoted-printable"),
        Part([("Content-Type", 'text/calendar; charset="utf-8"; method=REQUEST'),
              ("Content-Transfer-Encoding", "base64")], b64(ics.encode("utf-8")))])
    headers = transport(sent, rcpt=SALES, mail_from=organizer, helo=f"exch01.{BW}", ip="10.20.0.31", seed="o4") + envelope(
        frm=addr("Katrin Vogel", organizer), to=addr_list(*[addr(n, a) for n, a in attendees]),
        subject=subject, sent=sent, msgid=f"FR3P281MB0917A4B2C6D8E0F1A3B5C7D9E1F3@exch01.{BW}",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Class", "urn:content-classes:calendarmessage")])
    return Mail("O4", "other", "en", "UTF-8 (quoted-printable); calendar base64",
                "meeting invitation: multipart/alternative with text/calendar; method=REQUEST (iCalendar with CRLF)",
                sent, message_bytes(headers, root), subject, organizer)


# ----------------------------------------------------------------------------------------------------------
# Writing the Maildir, the manifest and the README
# ----------------------------------------------------------------------------------------------------------

def build() -> list[Mail]:
    mails = [fn() for fn in MAILS]
    keys = [m.key for m in mails]
    assert len(set(keys)) == len(keys), keys
    mails.sort(key=lambda m: (m.sent.astimezone(dt.timezone.utc), m.key))
    for n, m in enumerate(mails, 1):
        delivered = int(m.sent.timestamp()) + 3 + n % 7
        m.number = n
        m.filename = f"{delivered}.M{n}P1.demo"
    return mails


def manifest_entry(m: Mail) -> dict:
    msg = email.message_from_bytes(m.raw, policy=email.policy.default)
    return {
        "file": f"new/{m.filename}", "key": m.key, "kind": m.kind, "language": m.language, "charset": m.charset,
        "special": m.special, "date": m.sent.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "subject": m.subject, "from": m.sender, "message_id": msg["Message-ID"].strip("<>"),
        "in_reply_to": (msg["In-Reply-To"] or "").strip("<>") or None,
        "attachments": [{"filename": f, "content_type": c} for f, c in m.attachments],
        "size": len(m.raw),
        "python_email_defects": sorted(m.defects),
    }


README_HEAD = """# The Brightwater demo mailbox

`Maildir/new/` holds {count} mails that a shared company mailbox of **Brightwater Components GmbH** received in
November 2026. Brightwater (Hamburg, with a subsidiary in Suzhou, 明水精密部件（苏州）有限公司) sells bearings,
timing pulleys, linear guides, couplings, seals and gearboxes to machine builders. Everything here was written
for this project: people, companies, numbers and documents are fictional; all domains end in `.example`,
outside IP addresses are documentation addresses (internal hops use 10.x).

The mails are raw RFC 5322 files (LF line endings, as a local delivery agent writes them), all unread
(in `new/`). `make demo` runs the daemon over a *copy* of this Maildir, because the daemon moves what it
has stored from `new/` to `cur/`. `cur/` and `tmp/` hold only a `.gitkeep` (Maildir readers skip dot files).

**Regenerate** with `python3 demo/make_demo.py` (standard library only): it rewrites `Maildir/new/`,
`manifest.json` and this README byte for byte identically (fixed dates, boundaries, Message-IDs, PDF IDs)
and then validates every mail: it parses with Python's `email` package (policy `default`) without defects
other than the two intended ones below (`python_email_defects` in the manifest), the decoded subject, sender and attachment names match the manifest, every part decodes, every PDF has the
expected text layer (`pdftotext`), the e-invoices' sums, IBANs and VAT ids are consistent.
`python3 demo/make_demo.py --check` only validates.

`manifest.json` lists the same facts per file for tests: kind, language, charset, decoded subject, sender,
Message-ID, attachments (nested ones too).

## The mails

Kinds are the demo kinds of issue 5: `quote_request`, `support_ticket`, `approval`, `invoice`,
`purchase_order`, `auto_reply`, `other`.

| # | File | Key | Kind | Lang | Charset / encoding | Subject (decoded) | What is special |
|---|------|-----|------|------|--------------------|-------------------|-----------------|
"""

README_TAIL = """
Kinds: {kinds}.

## The story behind the mails

- **Nordhafen Maschinenbau AG** (Bremen, Thomas Becker) asks for a quote (Q2); Mailroom's approval request for
  quote Q-2026-1187 ({q1187} EUR net) is approved by the managing director (A1); Becker's out-of-office
  answers the quote (R1); he orders with PO 4500123456 (P1).
- **Great Lakes Conveyor** (Grand Rapids): an 8 % discount on Q-2026-1203 is approved from a phone (A3), the PO
  follows in plain text (P2, USD {q1203}); an engineer asks about rough-running carriages (S5).
- **Meridian Fluid Systems** (Birmingham) reports failing bearings with a photo (S1) and follows up in the
  same thread after our reply opened ticket BW-T-20931 (S2).
- **宁波海腾自动化** asks the Suzhou office for a quote (Q3), orders (P3, ¥{haiteng}), and its buyer's
  out-of-office answers our order confirmation (R3).
- **Alpenland Fördertechnik** (Linz) asks for a 2027 frame contract (Q4); a 15 % discount is rejected (A4).
- **北斗トランスミッション** (Nagoya) asks for a quote in ISO-2022-JP (Q5) and orders in Shift_JIS (P4).
- Suzhou's purchase from **苏州恒力轴承** is approved by the general manager (A2) and invoiced with an e-fapiao
  (I5, ¥{hengli} incl. 13 % VAT).
- Supplier invoices: Elbe Stahlhandel (I1, PDF), Kieler Dichtungstechnik (I2, XRechnung UBL), Rheinberg
  Werkzeugbau (I3, PDF + CII XML), Atelier Mécanique du Rhône (I4, Factur-X PDF with embedded XML).
- A sales colleague forwards an enquiry from a trade fair as an attached message (O2).
- Noise that must never trigger business actions: newsletters (N1–N3), a mailing-list post that discusses
  prices and SKUs (N4), auto-replies and a bounce (R1–R3), internal announcements (O1, O3), a meeting
  invitation (O4).

## Brightwater's catalogue (list prices used in the mails)

| SKU | English | Deutsch | 中文 | EUR |
|-----|---------|---------|------|-----|
{catalogue}

Company data: Brightwater Components GmbH, Brooktorkai 22, 20457 Hamburg, VAT {vat}, IBAN {iban};
Suzhou subsidiary's unified social credit code {uscc}.

## Notes for the parser and the classifiers

- Japanese mails (Q5, P4) go beyond the three demo languages on purpose: a partner writes in Japanese.
- I5 carries its file name as an RFC 2047 encoded word inside a quoted `name=` / `filename=` parameter —
  not standard, but what Foxmail, Outlook and many webmails send; a lenient parser should decode it (Python
  reports `InvalidHeaderDefect` and leaves it encoded).
- P1 sends its PDF as `application/octet-stream`; the type has to be sniffed from the `%PDF` magic bytes.
- O3 has raw UTF-8 in its headers (no encoded words, RFC 6532 style); Python decodes the subject but reports
  `UndecodableBytesDefect` for the display names in From and To. O1 mixes a UTF-8 subject with a Latin-1 body.
- The PDFs use the standard fonts without embedding them (a real PDF/A-3 would embed them); their text
  layers are exact (`pdftotext -layout`). I4's Factur-X XML comes out with `pdfdetach -saveall`.
- Money in the e-invoices: line totals sum to the net total, tax = net × rate rounded half-up to cents,
  gross = net + tax; IBANs pass mod-97 and VAT ids their national check digits.
"""


def write_readme(mails: list[Mail]):
    rows = []
    for m in mails:
        subj = m.subject.replace("|", "\\|")
        rows.append(f"| {m.number} | `new/{m.filename}` | {m.key} | {m.kind} | {m.language} | {m.charset} | {subj} | "
                    f"{m.special.replace('|', '/')} |")
    kinds: dict[str, int] = {}
    for m in mails:
        kinds[m.kind] = kinds.get(m.kind, 0) + 1
    catalogue = "\n".join(f"| {p.sku} | {p.en} | {p.de} | {p.zh} | {p.eur} |" for p in PRODUCTS.values())
    text = README_HEAD.format(count=len(mails)) + "\n".join(rows) + "\n" + README_TAIL.format(
        kinds=", ".join(f"{k} {v}" for k, v in sorted(kinds.items())), q1187=fmt_de(QUOTE_1187_NET),
        q1203=fmt_en(QUOTE_1203_NET), haiteng=fmt_en(HAITENG_TOTAL), hengli=fmt_en(HENGLI_GROSS),
        catalogue=catalogue, vat=BW_VAT, iban=iban_grouped(BW_IBAN), uscc=BW_CN_USCC)
    (HERE / "README.md").write_text(text, encoding="utf-8")


def generate() -> list[Mail]:
    mails = build()
    new = MAILDIR / "new"
    new.mkdir(parents=True, exist_ok=True)
    for sub in ("cur", "tmp"):
        (MAILDIR / sub).mkdir(parents=True, exist_ok=True)
        (MAILDIR / sub / ".gitkeep").write_bytes(b"")
    for old in new.iterdir():
        if old.is_file():
            old.unlink()
    for m in mails:
        (new / m.filename).write_bytes(m.raw)
    manifest = {"mailbox": "Brightwater Components GmbH demo mailbox", "generator": "demo/make_demo.py",
                "mails": [manifest_entry(m) for m in mails]}
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
    write_readme(mails)
    return mails


# ----------------------------------------------------------------------------------------------------------
# Validation
# ----------------------------------------------------------------------------------------------------------

def decoded_filename(part) -> str | None:
    name = part.get_filename()
    if name and "=?" in name:  # RFC 2047 inside a parameter (I5): decode like a lenient reader does
        name = str(email.header.make_header(email.header.decode_header(name)))
    return name


def all_defects(msg) -> list[str]:
    found = []
    for part in msg.walk():
        found += [type(d).__name__ for d in part.defects]
        for name, value in part.items():
            found += [f"{name}:{type(d).__name__}" for d in getattr(value, "defects", ())]
    return found


def attachments_of(msg) -> list[tuple[str, str]]:
    out = []
    for part in msg.walk():
        if part is msg:
            continue
        name = decoded_filename(part)
        if name:
            out.append((name, part.get_content_type()))
    return out


def decode_every_part(msg) -> dict[str, bytes]:
    """Decode all leaves; return the bytes of every named leaf (PDFs, XML) for the content checks."""
    named = {}
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_maintype() == "text":
            part.get_content()
        data = part.get_payload(decode=True)
        name = decoded_filename(part)
        if name and data is not None:
            named[name] = data
    return named


def check_xml(kind: str, data: bytes) -> list[str]:
    problems = []
    root = ET.fromstring(data)
    if kind == "ubl":
        ns = {"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
              "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
        get = lambda path: D(root.find(path, ns).text)
        lines = root.findall("cac:InvoiceLine", ns)
        for l in lines:
            qty, price = D(l.find("cbc:InvoicedQuantity", ns).text), D(l.find("cac:Price/cbc:PriceAmount", ns).text)
            if money(qty * price) != D(l.find("cbc:LineExtensionAmount", ns).text):
                problems.append("UBL line total != quantity x price")
        net = sum(D(l.find("cbc:LineExtensionAmount", ns).text) for l in lines)
        rate = D(root.find("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent", ns).text)
        tax = get("cac:TaxTotal/cbc:TaxAmount")
        iban_text = root.find("cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID", ns).text
        vats = [e.text for e in root.findall(".//cac:PartyTaxScheme/cbc:CompanyID", ns)]
        checks = [(net == get("cac:LegalMonetaryTotal/cbc:LineExtensionAmount"), "UBL lines do not sum to the net total"),
                  (tax == money(net * rate / 100), "UBL tax != net x rate"),
                  (get("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount") == net + tax, "UBL gross != net + tax"),
                  (get("cac:LegalMonetaryTotal/cbc:PayableAmount") == net + tax, "UBL payable != gross")]
    else:
        ns = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
              "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
        summ = root.find(".//ram:SpecifiedTradeSettlementHeaderMonetarySummation", ns)
        get = lambda tag: D(summ.find(f"ram:{tag}", ns).text)
        items = root.findall(".//ram:IncludedSupplyChainTradeLineItem", ns)
        for it in items:
            qty = D(it.find(".//ram:BilledQuantity", ns).text)
            price = D(it.find(".//ram:NetPriceProductTradePrice/ram:ChargeAmount", ns).text)
            if money(qty * price) != D(it.find(".//ram:LineTotalAmount", ns).text):
                problems.append("CII line total != quantity x price")
        net = sum(D(it.find(".//ram:LineTotalAmount", ns).text) for it in items)
        header_tax = root.find("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", ns)
        rate = D(header_tax.find("ram:RateApplicablePercent", ns).text)
        tax = get("TaxTotalAmount")
        iban_text = root.find(".//ram:IBANID", ns).text
        vats = [e.text for e in root.findall(".//ram:SpecifiedTaxRegistration/ram:ID", ns)]
        checks = [(net == get("LineTotalAmount") == get("TaxBasisTotalAmount"), "CII lines do not sum to the net total"),
                  (tax == money(net * rate / 100) == D(header_tax.find("ram:CalculatedAmount", ns).text),
                   "CII tax != net x rate"),
                  (get("GrandTotalAmount") == net + tax, "CII grand total != net + tax"),
                  (get("DuePayableAmount") == net + tax, "CII due payable != grand total")]
    problems += [msg for ok, msg in checks if not ok]
    if not iban_valid(iban_text):
        problems.append(f"IBAN {iban_text} fails mod-97")
    for v in vats:
        if v.startswith("DE") and de_vat(v[2:10]) != v:
            problems.append(f"VAT id {v} has a wrong check digit")
        if v.startswith("FR") and fr_vat(v[4:]) != v:
            problems.append(f"VAT id {v} has a wrong key")
    return problems


def pdf_text(data: bytes) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    r = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode(errors="replace"))
    return r.stdout.decode("utf-8")


def pdf_embedded(data: bytes, name: str) -> bytes | None:
    if not shutil.which("pdfdetach"):
        return None
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        listing = subprocess.run(["pdfdetach", "-list", str(src)], capture_output=True, text=True, timeout=30).stdout
        if name not in listing:
            return b""
        subprocess.run(["pdfdetach", "-saveall", "-o", tmp, str(src)], capture_output=True, timeout=30, check=True)
        return (Path(tmp) / name).read_bytes()


def validate() -> bool:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    expectations = {m.key: m for m in build()}
    files = sorted(p.name for p in (MAILDIR / "new").iterdir() if p.is_file())
    listed = sorted(e["file"].split("/", 1)[1] for e in manifest["mails"])
    ok = True
    if files != listed:
        print(f"FAIL: Maildir/new and manifest.json disagree: {sorted(set(files) ^ set(listed))}")
        ok = False
    tools = [t for t in ("pdftotext", "pdfdetach") if not shutil.which(t)]
    if tools:
        print(f"note: {', '.join(tools)} not installed (Debian package poppler-utils): PDF checks skipped")
    print(f"{'#':>2}  {'key':3}  {'kind':15} {'lang':7} {'size':>7}  {'parts':>5}  attachments / checks")
    kinds: dict[str, int] = {}
    for entry in manifest["mails"]:
        problems: list[str] = []
        raw = (MAILDIR / entry["file"]).read_bytes()
        exp = expectations[entry["key"]]
        if raw != exp.raw:
            problems.append("file differs from what the generator produces now (rerun make_demo.py)")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        defects = sorted(set(all_defects(msg)))
        if defects != sorted(exp.defects):
            problems.append(f"defects {defects}, intended {sorted(exp.defects)}")
        subject = str(msg["subject"])
        if subject != entry["subject"]:
            problems.append(f"subject decodes to {subject!r}, expected {entry['subject']!r}")
        sender = msg["from"].addresses[0].addr_spec
        if sender != entry["from"]:
            problems.append(f"From is {sender!r}, expected {entry['from']!r}")
        atts = attachments_of(msg)
        expected_atts = [(a["filename"], a["content_type"]) for a in entry["attachments"]]
        if atts != expected_atts:
            problems.append(f"attachments {atts}, expected {expected_atts}")
        try:
            named = decode_every_part(msg)
        except Exception as exc:  # noqa: BLE001 - report whatever failed to decode
            problems.append(f"a part does not decode: {exc!r}")
            named = {}
        checks = []
        for name, needles in exp.pdf_expect.items():
            data = named.get(name, b"")
            if not data.startswith(b"%PDF-"):
                problems.append(f"{name} is not a PDF")
                continue
            text = pdf_text(data)
            if text is None:
                continue
            missing = [n for n in needles if n not in text]
            if missing:
                problems.append(f"{name}: text layer lacks {missing}")
            else:
                checks.append(f"pdf text ok ({len(text.split())} words)")
        for name, kind in exp.xml.items():
            if "#" in name:
                pdf_name, inner = name.split("#")
                data = pdf_embedded(named.get(pdf_name, b""), inner)
                if data is None:
                    continue
                if not data:
                    problems.append(f"{pdf_name} has no embedded {inner}")
                    continue
            else:
                data = named.get(name, b"")
            xml_problems = check_xml(kind, data)
            problems += xml_problems
            if not xml_problems:
                checks.append(f"{kind.upper()} sums/IBAN/VAT ok")
        kinds[entry["kind"]] = kinds.get(entry["kind"], 0) + 1
        parts = sum(1 for _ in msg.walk())
        names = ", ".join(f for f, _ in atts) or "-"
        status = "; ".join(checks)
        print(f"{exp.number:>2}  {entry['key']:3}  {entry['kind']:15} {entry['language']:7} {len(raw):>7}  {parts:>5}  "
              f"{names}{'  [' + status + ']' if status else ''}")
        for p in problems:
            print(f"      FAIL: {p}")
        ok = ok and not problems
    print(f"\n{len(manifest['mails'])} mails; kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("all mails parse (with only the intended defects) and match the manifest" if ok else "VALIDATION FAILED")
    return ok


def print_gb1_table(cmap_path: str):
    """Print GB1_CID for every character the Chinese PDFs draw, from an Adobe CMap such as UniGB-UTF16-H."""
    import re
    CJK_CHARS_USED.clear()
    GB1_CID.clear()
    GB1_CID.update({c: 0 for c in map(chr, range(0x20, 0x10000)) if not 0xD800 <= ord(c) < 0xE000})
    build()
    wanted = {ord(c): c for c in CJK_CHARS_USED}
    table: dict[str, int] = {}
    text = Path(cmap_path).read_text(encoding="latin-1")
    for a, b, cid in re.findall(r"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>\s*(\d+)", text):
        for code in range(int(a, 16), int(b, 16) + 1):
            if code in wanted:
                table[wanted[code]] = int(cid) + code - int(a, 16)
    for code, cid in re.findall(r"<([0-9a-fA-F]{4})>\s+(\d+)\s*$", text, re.M):
        if int(code, 16) in wanted:
            table[wanted[int(code, 16)]] = int(cid)
    missing = sorted(set(wanted.values()) - set(table))
    if missing:
        raise SystemExit(f"not in {cmap_path}: {missing}")
    items = sorted(table.items(), key=lambda kv: ord(kv[0]))
    print("GB1_CID = {  # Unicode character -> Adobe-GB1 CID (from UniGB-UTF16-H), only what the PDFs draw")
    for k in range(0, len(items), 8):
        print("    " + " ".join(f"{json.dumps(c, ensure_ascii=False)}: {cid}," for c, cid in items[k:k + 8]))
    print("}")


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--gb1-table":
        print_gb1_table(argv[2])
        return 0
    if argv[1:] not in ([], ["--check"]):
        print(__doc__)
        return 2
    if not argv[1:]:
        mails = generate()
        print(f"wrote {len(mails)} mails to {MAILDIR / 'new'}, manifest.json and README.md\n")
    return 0 if validate() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
