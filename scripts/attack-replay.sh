#!/usr/bin/env bash
# Issue 14's hostile mails against the built binary (part of `make attack`): each is read by `mailroom parse`
# and `mailroom classify` (rules and kinds of this repository, nothing stored) and must finish within
# ATTACK_SECONDS without a crash; mail text never becomes a template or a pattern. Also replays the
# prompt-injection fixtures and the saved MIME fuzz corpus (crash fixtures included).
#
#   scripts/attack-replay.sh [MAILROOM]      default .build/release/mailroom
set -euo pipefail
cd "$(dirname "$0")/.."
MAILROOM="${1:-.build/release/mailroom}"
ATTACK_SECONDS="${ATTACK_SECONDS:-300}"
[ -x "$MAILROOM" ] || { echo "attack: $MAILROOM is not built (make release)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import io, os, sys, zipfile
out = sys.argv[1]
def mail(name, subject, body, headers="", ctype="text/plain; charset=utf-8"):
    head = (f"From: Attacker <attacker@example.net>\r\nTo: office@example.com\r\nSubject: {subject}\r\n"
            f"Date: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <{name}@example.net>\r\n{headers}"
            f"MIME-Version: 1.0\r\nContent-Type: {ctype}\r\n\r\n")
    data = head.encode() + (body if isinstance(body, bytes) else body.encode())
    open(os.path.join(out, name + ".eml"), "wb").write(data)
def multipart(name, subject, parts):
    b = "BOUNDARY-attack"
    body = "".join(f"--{b}\r\n{p}\r\n" for p in parts) + f"--{b}--\r\n"
    mail(name, subject, body, ctype=f'multipart/mixed; boundary="{b}"')
# 1. A template and a catastrophic pattern in the subject (shipped rules/support.yaml templates the subject).
mail("template-subject", 'Help {{ "captured" + "" }}{{ "' + "a" * 60 + '" matches "(a|aa)*c" }}', "My printer is broken.\r\n")
# 2. One long line of A-A-A… in a quote request (quadratic for a backtracking engine).
quote = "Dear sales team,\r\n\r\nplease quote:\r\n\r\nBW-6205-2RS  Deep groove ball bearing  500 pcs\r\n\r\n"
mail("line-80k", "Request for quotation", quote + "A-" * 40_000 + "\r\n\r\nBest regards\r\nJane\r\n")
mail("line-1m", "Request for quotation " + "A-" * 1_000, quote + "A-" * 500_000 + "\r\n")
# 3. 200 tiny PDFs.
pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
import base64
parts = [f'Content-Type: application/pdf; name="p{i}.pdf"\r\nContent-Disposition: attachment; filename="p{i}.pdf"\r\n'
         f"Content-Transfer-Encoding: base64\r\n\r\n{base64.b64encode(pdf).decode()}" for i in range(200)]
multipart("pdfs-200", "Invoices", ["Content-Type: text/plain\r\n\r\nSee attached."] + parts)
# 4. A 64 KB DOCX holding 30 MB of XML.
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
               + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 900_000 + "</w:body></w:document>")
docx = base64.b64encode(buf.getvalue()).decode()
multipart("docx-bomb", "Order", ["Content-Type: text/plain\r\n\r\nOrder attached.",
    'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="o.docx"\r\n'
    "Content-Transfer-Encoding: base64\r\n\r\n" + docx])
# 5. 8 MB of HTML.
mail("html-8mb", "Newsletter", "<html><body>" + "<div><p>Offer <b>now</b></p></div>" * 240_000 + "</body></html>",
     ctype="text/html; charset=utf-8")
# 6. 20 nested message/rfc822 parts.
inner = "From: a@example.net\r\nSubject: level 0\r\n\r\nInnermost.\r\n"
for level in range(1, 21):
    inner = (f"From: a@example.net\r\nSubject: level {level}\r\nMIME-Version: 1.0\r\n"
             f"Content-Type: message/rfc822\r\n\r\n{inner}")
open(os.path.join(out, "nested-20.eml"), "w").write(inner)
# 7. 100,000 header lines.
mail("headers-100k", "Many headers", "Body.\r\n", headers="".join(f"X-Junk-{i}: {i}\r\n" for i in range(100_000)))
PY
cp Tests/DaemonTests/Fixtures/injection/*.eml "$work"/ 2>/dev/null || true
for f in Tests/Fuzz/Corpus/mime/*; do cp "$f" "$work/fuzz-$(basename "$f").eml"; done

failed=0; count=0
for f in "$work"/*.eml; do
    for command in parse classify; do
        count=$((count + 1))
        start=$(date +%s)
        set +e
        timeout "$ATTACK_SECONDS" "$MAILROOM" "$command" "$f" >"$work/out" 2>&1
        status=$?
        set -e
        seconds=$(( $(date +%s) - start ))
        # 0: read; 1: refused with a message (a file that is no mail). 124: over the time; >= 128: a signal.
        if [ "$status" -ge 2 ]; then
            echo "attack: FAILED $command $(basename "$f"): exit $status after ${seconds}s"; tail -5 "$work/out"; failed=$((failed + 1))
        elif [ "$seconds" -ge 20 ]; then
            echo "attack: $command $(basename "$f"): ${seconds}s"
        fi
    done
done
echo "attack: $count runs of parse/classify over $(ls "$work"/*.eml | wc -l) hostile mails, $failed failed"
[ "$failed" -eq 0 ]
