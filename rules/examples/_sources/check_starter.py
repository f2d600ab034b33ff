#!/usr/bin/env python3
"""Runs check_corpus's checks on one company's starter examples (rules/examples/<kind>/<company>-*.eml).
Also accepts Indian lakh grouping (1,23,456.00) as a written form of an amount.

    python3 rules/examples/_sources/check_starter.py COMPANY"""
import email
import email.policy
import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "Tests" / "UnderstandTests" / "Corpus"))
import check_corpus  # noqa: E402


def lakh(value):
    m = re.fullmatch(r"-?(\d+)\.(\d\d)", value.strip())
    if not m:
        return []
    i, f = m.groups()
    head, tail = i[:-3], i[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    g = ",".join(groups + [tail])
    return [f"{g}.{f}", f"{g}/-"]


def main(company):
    problems, counts = [], Counter()
    for kind in sorted(check_corpus.KINDS):
        for eml in sorted((HERE.parent / kind).glob(f"{company}-*.eml")):
            counts[kind] += 1
            msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
            for part in msg.walk():
                if part.defects:
                    problems.append(f"{eml.name}: MIME defects {part.defects}")
            try:
                str(msg["subject"] or "")
                text = check_corpus.text_of(msg)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{eml.name}: {e}")
                continue
            exp = eml.with_name(eml.name[:-4] + ".expected.json")
            if kind in ("quote_request", "purchase_order", "invoice", "support_ticket", "approval") and not exp.exists():
                problems.append(f"{eml.name}: no expected.json")
            if exp.exists():
                fields = json.loads(exp.read_text())["fields"]
                flat = re.sub(r"\s+", " ", text)
                for name, value in fields.items():
                    if name in ("currency", "decision"):  # codes, not text
                        continue
                    if name == "iban" and value in re.sub(r"\s", "", text):
                        continue  # IBANs are mostly written in groups of four
                    if not any(f in text or f in flat for f in check_corpus.forms(value) + lakh(value)):
                        problems.append(f"{eml.name}: expected {name} = {value!r} does not occur")
                if all(k in fields for k in ("net_total", "tax_total", "gross_total")):
                    if Decimal(fields["net_total"]) + Decimal(fields["tax_total"]) != Decimal(fields["gross_total"]):
                        problems.append(f"{eml.name}: net + tax != gross")
    print(f"{company}: {sum(counts.values())} mails " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(max(main(c) for c in sys.argv[1:]))
