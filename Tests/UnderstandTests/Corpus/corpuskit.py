#!/usr/bin/env python3
"""Packs the hand-written mails of the evaluation corpus into .eml files.

Each company's folder has a `mails.py` in which every mail is written out as its own text; this module only
does the MIME packing (charsets, transfer encodings, HTML, attachments, forwards) so that the text, not the
packing, is what differs between mails. Standard library only; deterministic (same input, same bytes).

    corpus/<company>/<kind>/<name>.eml             the mail
    corpus/<company>/<kind>/<name>.expected.json   {"fields": {...}} for the fields an evaluation checks

All companies, people, numbers and domains are fictional (domains end in .example).
"""
from __future__ import annotations

import base64
import email.policy
import hashlib
import importlib.util
import json
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
_POLICY = email.policy.default.clone(linesep="\n", max_line_length=78)


def _examples_module():
    path = HERE.parents[2] / "rules" / "examples" / "make_examples.py"
    spec = importlib.util.spec_from_file_location("make_examples", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pdf(lines: list[str], title: str = "Document") -> bytes:
    """A one-page PDF with these lines (Helvetica, WinAnsi: Latin scripts only; the first line in bold)."""
    return _examples_module().make_pdf(lines, title)


def encoded(text: str, charset: str = "utf-8", method: str = "B") -> str:
    """A header value as RFC 2047 encoded words in `charset` (gb2312, iso-8859-1, shift_jis, big5…), `method`
    B (base64) or Q, folded over several lines as mailers do. ASCII text is returned as it is."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        pass
    words, chunk = [], ""

    def word(s: str) -> str:
        data = s.encode(charset)
        if method.upper() == "B":
            return f"=?{charset}?B?{base64.b64encode(data).decode()}?="
        q = "".join(chr(b) if (chr(b).isalnum() and b < 128) else ("_" if b == 32 else f"={b:02X}") for b in data)
        return f"=?{charset}?Q?{q}?="

    for ch in text:
        if len(word(chunk + ch)) > 70 and chunk:
            words.append(word(chunk))
            chunk = ""
        chunk += ch
    words.append(word(chunk))
    return "\n ".join(words)


def address(name: str | None, addr: str, charset: str = "utf-8") -> str:
    """`Name <addr>`, the name encoded as RFC 2047 words in `charset` when it is not ASCII."""
    if not name:
        return addr
    try:
        name.encode("ascii")
        return formataddr((name, addr))
    except UnicodeEncodeError:
        return f"{encoded(name, charset)} <{addr}>"


def build(*, frm: str, to: str, subject: str, date: str, text: str | None = None, html: str | None = None,
          charset: str = "utf-8", cte: str | None = None, attachments: list[tuple[str, str, bytes]] = (),
          forward: bytes | None = None, headers: list[tuple[str, str]] = (), message_id: str | None = None,
          in_reply_to: str | None = None, cc: str | None = None) -> bytes:
    """A mail's bytes. `text` and/or `html` (both: multipart/alternative); `charset` for the body (utf-8,
    iso-8859-1, windows-1252, gb2312, gbk, gb18030, big5, shift_jis, iso-2022-jp, euc-kr…) and `cte`
    (quoted-printable, base64, 8bit, 7bit or None for the library's choice). `attachments` are (filename,
    mime type, bytes); `forward` is a whole earlier mail (bytes) attached as message/rfc822.

    Header values are written exactly as given, so they must already be encoded: use `address` and
    `encoded` for non-ASCII names and subjects (in whatever charset the sender's mailer would use)."""
    body = EmailMessage(policy=_POLICY)
    kw = {"charset": charset}
    if cte:
        kw["cte"] = cte
    if text is not None and html is not None:
        body.set_content(text, **kw)
        body.add_alternative(html, subtype="html", **kw)
    elif html is not None:
        body.set_content(html, subtype="html", **kw)
    else:
        body.set_content(text or "", **kw)
    for filename, mime, data in attachments:
        maintype, subtype = mime.split("/", 1)
        if maintype == "text":
            body.add_attachment(data.decode("utf-8"), subtype=subtype, filename=filename)
        else:
            body.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    if forward is not None:
        body.add_attachment(email.message_from_bytes(forward, policy=_POLICY))
    seed = hashlib.sha1((frm + subject + date).encode()).hexdigest()
    for n, part in enumerate(body.walk()):
        if part.is_multipart():
            part.set_boundary(f"----=_Part_{seed[:12]}_{n}")
    domain = frm.rsplit("@", 1)[-1].strip("> ")
    top = [("From", frm), ("To", to)]
    if cc:
        top.append(("Cc", cc))
    top += [("Subject", subject), ("Date", date), ("Message-ID", message_id or f"<{seed[:16]}@{domain}>")]
    if in_reply_to:
        top += [("In-Reply-To", in_reply_to), ("References", in_reply_to)]
    top += list(headers)
    head = "".join(f"{k}: {v}\n" for k, v in top).encode("ascii")
    return head + body.as_bytes(policy=_POLICY)


def write(company: str, kind: str, name: str, raw: bytes, expected: dict | None = None,
          starter: bool = False) -> Path:
    """Writes corpus/<company>/<kind>/<name>.eml (and .expected.json when `expected` is given).

    `starter=True` writes into the shipped rule set's examples instead: rules/examples/<kind>/<company>-<name>.eml
    (what a customer starts from; never part of the evaluation corpus)."""
    if starter:
        folder = HERE.parents[2] / "rules" / "examples" / kind
        name = f"{company}-{name}"
    else:
        folder = HERE / company / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.eml"
    path.write_bytes(raw)
    if expected is not None:
        (folder / f"{name}.expected.json").write_text(
            json.dumps({"fields": expected}, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
