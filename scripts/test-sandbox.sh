#!/usr/bin/env bash
# Does the daemon still work inside the system-call sandbox of deploy/mailroom.service?
#   bash scripts/test-sandbox.sh [BINARY]      (part of `make test`; about a minute with the debug build)
# systemd is not PID 1 where the tests run, so the unit cannot be started; scripts/sandbox-run.py loads the
# unit's own SystemCallFilter= (@system-service without @privileged and @resources) and
# MemoryDenyWriteExecute= filters with libseccomp and runs the binary under them:
#   1. `run --once` on the demo mailbox (MIME, PDFs through pdftotext under prlimit, SQLite, the classifier,
#      rules, the outbox) gives the same result per message as without the sandbox;
#   2. the daemon (`run`) says READY=1, reloads on SIGHUP (READY=1 again), says STOPPING=1 on SIGTERM and
#      exits 0;
#   3. the sandbox bites: nice() (setpriority, in @resources) and a writable+executable mapping are refused.
# What this cannot show without systemd: ProtectSystem=, PrivateUsers=, the other namespace settings.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(readlink -f "${1:-.build/debug/mailroom}")
UNIT=$(readlink -f deploy/mailroom.service)
RUN="/usr/bin/python3 $(readlink -f scripts/sandbox-run.py) $UNIT"
if ! /usr/bin/python3 -c 'import seccomp' 2>/dev/null; then
  echo "test-sandbox: python3-seccomp is missing (make deps installs it)"; exit 1
fi
SCRATCH=$(mktemp -d /tmp/mailroom-sandbox.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
for copy in plain sandboxed; do
  mkdir -p "$SCRATCH/$copy"
  cp -r demo/Maildir rules connectors "$SCRATCH/$copy/"
  # The embedded default's folders, named in a file (no /etc/mailroom/mailroom.yaml on this machine is read);
  # one worker, so that both runs number the actions alike.
  printf 'store: {path: mailroom.sqlite}\nspool: {path: spool}\nsources:\n  maildir: [{name: inbox, path: Maildir}]\nrules: {path: rules, connectors: connectors}\npipeline: {workers: 1}\n' \
    > "$SCRATCH/$copy/mailroom.yaml"
done

# 3 first: it takes no time, and without it 1 and 2 prove nothing.
if $RUN -- /usr/bin/python3 -c 'import os; os.nice(5)' 2>/dev/null; then echo "test-sandbox: FAIL: nice() was allowed"; exit 1; fi
if $RUN -- /usr/bin/python3 -c 'import mmap; mmap.mmap(-1, 4096, prot=7)' 2>/dev/null; then
  echo "test-sandbox: FAIL: a writable and executable mapping was allowed"; exit 1
fi

# 1. The same mail, with and without the sandbox (both at once: the machine has two cores).
(cd "$SCRATCH/plain" && "$BIN" run --once --json --config mailroom.yaml > once.json 2> stderr.txt) &
plain=$!
(cd "$SCRATCH/sandboxed" && $RUN -- "$BIN" run --once --json --config mailroom.yaml > once.json 2> stderr.txt) || {
  echo "test-sandbox: FAIL: run --once failed in the sandbox:"; tail -20 "$SCRATCH/sandboxed/stderr.txt"; exit 1; }
wait $plain || { echo "test-sandbox: FAIL: run --once failed without the sandbox"; tail -20 "$SCRATCH/plain/stderr.txt"; exit 1; }
# Approval codes are random; everything else must be equal.
mask() { sed -E 's/APR-[0-9]+-[A-Z0-9]+/APR-N-CODE/g' "$1"; }
if ! diff <(mask "$SCRATCH/plain/once.json") <(mask "$SCRATCH/sandboxed/once.json") > "$SCRATCH/diff.txt"; then
  echo "test-sandbox: FAIL: the sandbox changed what happened to the demo mail:"; head -40 "$SCRATCH/diff.txt"; exit 1
fi
if grep -qi 'operation not permitted' "$SCRATCH/sandboxed/stderr.txt"; then
  echo "test-sandbox: FAIL: something was refused in the sandbox:"; grep -i 'operation not permitted' "$SCRATCH/sandboxed/stderr.txt" | head; exit 1
fi
messages=$(grep -c '"id" :' "$SCRATCH/sandboxed/once.json" || true)

# 2. The daemon under the sandbox, talking to a notify socket.
(cd "$SCRATCH/sandboxed" && $RUN --serve -- "$BIN" run --config mailroom.yaml > serve.txt 2> serve-stderr.txt) || {
  echo "test-sandbox: FAIL: the daemon in the sandbox:"; cat "$SCRATCH/sandboxed/serve.txt"; tail -20 "$SCRATCH/sandboxed/serve-stderr.txt"; exit 1; }
grep '^sandbox-run: READY=1' "$SCRATCH/sandboxed/serve.txt" >/dev/null || { echo "test-sandbox: FAIL: no READY=1"; exit 1; }
cat "$SCRATCH/sandboxed/serve.txt"
echo "test-sandbox: OK: $messages demo messages handled alike with and without the unit's seccomp filters;" \
  "the daemon said READY=1, reloaded, stopped cleanly in them"
