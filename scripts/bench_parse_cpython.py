#!/usr/bin/env python3
"""Parse-speed baseline: CPython's email package over every mail in a directory.

    scripts/bench_parse_cpython.py DIR [--json] [--all-headers] [--repeat K]

Reads every regular file under DIR (recursively, skipping names that start with a dot) into memory first, then
times only the parsing: each file is parsed from bytes with email.policy.default; the Subject and From headers
are decoded (From down to its addresses); every leaf part is decoded — get_content() for text parts (falling
back to get_payload(decode=True) when the charset is unknown), get_payload(decode=True) for all others; parts
inside attached message/rfc822 messages are included (Message.walk descends into them).

--all-headers also decodes To, Cc, Reply-To, Date, Message-ID, In-Reply-To and References, which is closer to
what `mailroom parse` normalises; it is off by default so the baseline is the one the issue describes.
--repeat K runs the timed pass K times and reports the fastest (kinder to CPython).

Prints messages, bytes, seconds, MB/s and messages/s; --json prints
{"messages": N, "bytes": B, "seconds": S, "mb_per_s": …, "messages_per_s": …, "errors": E, "python": "3.x.y", …}
where errors counts parts or headers that raised (they are skipped, as a careful caller would).
"""

from __future__ import annotations

import argparse
import email.policy
import json
import os
import platform
import sys
import time
from email.parser import BytesParser
from pathlib import Path


def mail_files(root: Path) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files += [Path(dirpath) / f for f in sorted(filenames) if not f.startswith(".")]
    return [f for f in files if f.is_file()]


EXTRA_HEADERS = ("to", "cc", "reply-to", "date", "message-id", "in-reply-to", "references")


def parse_all(blobs: list[bytes], all_headers: bool) -> tuple[int, int]:
    """Parse and decode everything; return (leaf parts decoded, errors)."""
    parser = BytesParser(policy=email.policy.default)
    parts = errors = 0
    for blob in blobs:
        msg = parser.parsebytes(blob)
        try:
            str(msg["subject"] or "")
            sender = msg["from"]
            if sender is not None:
                [a.addr_spec for a in sender.addresses]
            if all_headers:
                for name in EXTRA_HEADERS:
                    value = msg[name]
                    if value is not None:
                        getattr(value, "addresses", None)
                        getattr(value, "datetime", None)
                        str(value)
        except Exception:  # noqa: BLE001 - a header the package cannot decode counts as an error, then go on
            errors += 1
        for part in msg.walk():
            if part.is_multipart():
                continue
            parts += 1
            try:
                if part.get_content_maintype() == "text":
                    try:
                        part.get_content()
                    except LookupError:  # unknown charset: take the bytes
                        part.get_payload(decode=True)
                else:
                    part.get_payload(decode=True)
            except Exception:  # noqa: BLE001
                errors += 1
    return parts, errors


def main() -> int:
    ap = argparse.ArgumentParser(description="Parse-speed baseline with CPython's email package")
    ap.add_argument("dir", type=Path)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--all-headers", action="store_true", help="also decode address, date and id headers")
    ap.add_argument("--repeat", type=int, default=1, metavar="K", help="timed passes; report the fastest")
    args = ap.parse_args()
    if not args.dir.is_dir():
        print(f"error: {args.dir} is not a directory", file=sys.stderr)
        return 2
    files = mail_files(args.dir)
    if not files:
        print(f"error: no mail files in {args.dir}", file=sys.stderr)
        return 2
    blobs = [f.read_bytes() for f in files]
    total = sum(len(b) for b in blobs)
    if not args.json and sys.stderr.isatty():
        print(f"parsing {len(blobs)} files ({total / 1e6:.1f} MB) with CPython {platform.python_version()} email…",
              file=sys.stderr)
    best = None
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        parts, errors = parse_all(blobs, args.all_headers)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    result = {
        "messages": len(blobs), "bytes": total, "seconds": round(best, 6),
        "mb_per_s": round(total / 1e6 / best, 3), "messages_per_s": round(len(blobs) / best, 1),
        "parts": parts, "errors": errors, "python": platform.python_version(),
        "headers": "all" if args.all_headers else "subject+from", "repeat": max(1, args.repeat),
    }
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(f"CPython {result['python']} email (policy=default, headers: {result['headers']})")
        print(f"  messages {result['messages']}, bytes {total} ({total / 1e6:.1f} MB), leaf parts {parts}, errors {errors}")
        print(f"  {best:.3f} s  ->  {result['mb_per_s']:.2f} MB/s, {result['messages_per_s']:.1f} messages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
