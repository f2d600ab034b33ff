#!/usr/bin/env python3
"""What CPython's `email` package (policy=default) says about each mail in a directory.

Usage: cpython_reference.py DIR [GLOB]   (GLOB defaults to msg_*.txt)
Prints one JSON object: {file name: {"subject": str|null, "from": str|null,
"attachments": [file names of every part that names one, walk order], "error": str|null}}.
The Mailroom parse tests compare their own reading of the same files against this.
"""
import email
import email.policy
import glob
import json
import os
import sys


def describe(path):
    out = {"subject": None, "from": None, "attachments": [], "error": None}
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    try:
        subject = msg["subject"]
        out["subject"] = None if subject is None else str(subject)
    except Exception as e:  # CPython itself can fail on broken headers
        out["error"] = "subject: %s" % e
    try:
        sender = msg["from"]
        if sender is not None:
            addresses = getattr(sender, "addresses", ())
            if addresses:
                out["from"] = addresses[0].addr_spec
            else:
                out["from"] = ""
    except Exception as e:
        out["error"] = "from: %s" % e
    try:
        for part in msg.walk():
            name = part.get_filename()
            if name is not None:
                out["attachments"].append(str(name))
    except Exception as e:
        out["error"] = "attachments: %s" % e
    return out


def main():
    directory = sys.argv[1]
    pattern = sys.argv[2] if len(sys.argv) > 2 else "msg_*.txt"
    result = {}
    for path in sorted(glob.glob(os.path.join(directory, pattern))):
        try:
            result[os.path.basename(path)] = describe(path)
        except Exception as e:
            result[os.path.basename(path)] = {"subject": None, "from": None, "attachments": [],
                                              "error": "parse: %s" % e}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
