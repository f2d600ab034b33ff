#!/usr/bin/env python3
"""Checks the evaluation corpus: every mail parses without defects, every text part decodes in its charset,
every expected value occurs in the mail in some written form, invoices add up.

    python3 Tests/UnderstandTests/Corpus/check_corpus.py [COMPANY…]     (default: every company)
"""
from __future__ import annotations

import email
import email.policy
import json
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"quote_request", "purchase_order", "invoice", "support_ticket", "approval", "auto_reply", "other"}


def text_of(msg) -> str:
    """Every decoded text of the mail: headers, text parts, PDF text (pdftotext), CSV, nested mails."""
    out = [str(v) for k, v in msg.items()]
    for part in msg.walk():
        ctype = part.get_content_type()
        if part.is_multipart():
            continue
        if ctype.startswith("text/") or ctype == "message/delivery-status":
            try:
                out.append(str(part.get_content()))
            except Exception as e:  # noqa: BLE001
                raise ValueError(f"a {ctype} part does not decode: {e}")
        elif ctype == "application/pdf":
            data = part.get_payload(decode=True)
            r = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True)
            out.append(r.stdout.decode("utf-8", "replace"))
        elif ctype == "message/rfc822":
            pass
    return "\n".join(out)


def forms(value: str) -> list[str]:
    """Written forms of an expected value to look for."""
    v = value.strip()
    out = {v, v.replace(" ", "")}
    m = re.fullmatch(r"-?(\d+)\.(\d\d)", v)
    if m:
        i, f = m.group(1), m.group(2)
        grouped = f"{int(i):,}"
        out |= {f"{i}.{f}", f"{i},{f}", f"{grouped}.{f}", grouped.replace(",", ".") + f",{f}",
                grouped.replace(",", " ") + f",{f}", grouped.replace(",", "\u202f") + f",{f}",
                grouped.replace(",", "'") + f".{f}", grouped.replace(",", "’") + f".{f}",
                grouped.replace(",", "\u00a0") + f",{f}", grouped.replace(",", " ") + f".{f}"}
        if f == "00":
            out |= {i, grouped, grouped.replace(",", "."), grouped.replace(",", " ")}
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v)
    if m:
        y, mo, d = m.groups()
        out |= {f"{d}.{mo}.{y}", f"{int(d)}.{int(mo)}.{y}", f"{mo}/{d}/{y}", f"{d}/{mo}/{y}", f"{y}年{int(mo)}月{int(d)}日",
                f"{y}/{mo}/{d}", f"{y}.{mo}.{d}", f"{int(mo)}/{int(d)}/{y}", f"{d}-{mo}-{y}", f"{y}{mo}{d}"}
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        out.add(months[int(mo) - 1])  # a written month: accept when the month name is there
    return [o for o in out if o]


def check_company(company: Path) -> list[str]:
    problems = []
    counts: Counter = Counter()
    for kind_dir in sorted(p for p in company.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        if kind_dir.name not in KINDS:
            problems.append(f"{kind_dir}: not a kind folder ({', '.join(sorted(KINDS))})")
            continue
        for eml in sorted(kind_dir.glob("*.eml")):
            counts[kind_dir.name] += 1
            data = eml.read_bytes()
            msg = email.message_from_bytes(data, policy=email.policy.default)
            for part in msg.walk():
                if part.defects:
                    problems.append(f"{eml}: MIME defects {part.defects}")
            try:
                subject = str(msg["subject"] or "")
                text = text_of(msg)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{eml}: {e}")
                continue
            exp_file = eml.with_suffix(".expected.json")
            if exp_file.exists():
                fields = json.loads(exp_file.read_text())["fields"]
                flat = re.sub(r"\s+", " ", text)
                compact = re.sub(r"\s+", "", text)  # IBANs printed in groups of four
                for name, value in fields.items():
                    if not isinstance(value, str) or name in ("currency", "decision"):  # labels, not text
                        continue
                    if not any(f in text or f in flat or (name == "iban" and f in compact) for f in forms(value)):
                        problems.append(f"{eml.name}: expected {name} = {value!r} does not occur in the mail")
                if all(k in fields for k in ("net_total", "tax_total", "gross_total")):
                    if Decimal(fields["net_total"]) + Decimal(fields["tax_total"]) != Decimal(fields["gross_total"]):
                        problems.append(f"{eml.name}: net + tax != gross")
    print(f"{company.name}: {sum(counts.values())} mails " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    return problems


def main() -> int:
    names = sys.argv[1:] or sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    problems = []
    for name in names:
        problems += check_company(HERE / name)
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
