#!/usr/bin/env bash
# IMAP arrival-to-stored latency against a private Dovecot on loopback:
# starts scripts/dovecot-test-server.sh, points `mailroom bench imap` at it (STARTTLS with the throwaway
# certificate pinned, as an operator would for a private server), delivers COUNT mails one by one, prints
# p50/p99, stops the server.
#
#   scripts/bench-imap.sh [COUNT]          (default 100; MAILROOM=path/to/mailroom to choose the binary)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
count=${1:-100}
mailroom=${MAILROOM:-$root/.build/release/mailroom}
if [ ! -x "$mailroom" ]; then mailroom=$root/.build/debug/mailroom; fi
if [ ! -x "$mailroom" ]; then
  echo "bench-imap: build mailroom first (swift build -c release --product mailroom)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/mailroom-bench-imap.XXXXXX)
chmod 755 "$work"   # the mail processes (another user when run as root) must traverse it
cleanup() { bash "$here/dovecot-test-server.sh" stop "$work/dovecot" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
bash "$here/dovecot-test-server.sh" start "$work/dovecot" >/dev/null
# shellcheck disable=SC1091
. "$work/dovecot/server.env"

cat > "$work/mailroom.yaml" <<YAML
store:
  path: mailroom.sqlite
spool:
  path: spool
sources:
  imap:
    - name: bench
      host: 127.0.0.1
      port: $IMAP_PORT
      tls: starttls
      pinned_sha256: $CERT_SHA256
      user: bench
      password_env: MAILROOM_BENCH_IMAP_PASSWORD
      folders: [INBOX]
YAML
echo "bench-imap: $count mail(s) one by one into Dovecot 127.0.0.1:$IMAP_PORT (STARTTLS, pinned), using $mailroom"
MAILROOM_BENCH_IMAP_PASSWORD=$PASSWORD "$mailroom" bench imap --config "$work/mailroom.yaml" --count "$count" "${@:2}"
