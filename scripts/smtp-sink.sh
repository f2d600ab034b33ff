#!/usr/bin/env bash
# A recording SMTP sink on loopback (aiosmtpd) for Mailroom's smtp connector tests.
#   scripts/smtp-sink.sh prepare                 venv with aiosmtpd under .cache/ (once; idempotent)
#   scripts/smtp-sink.sh start DIR [OPTIONS]     sink on 127.0.0.1:<free port>; each mail → DIR/mail/NNNN.eml
#                                                (+ NNNN.json envelope); prints "PORT <n>", "PID <p>".
#                                                OPTIONS go to smtp-sink.py (--starttls-cert/--starttls-key,
#                                                --reject-rcpt ADDRESS=CODE)
#   scripts/smtp-sink.sh stop DIR                stops the sink started in DIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${MAILROOM_CACHE:-$ROOT/.cache}"
VERSION=1.4.6
VENV="$CACHE/smtp-sink-venv-$VERSION"
PY="${PYTHON:-python3}"

log() { echo "smtp-sink: $*" >&2; }

prepare() {
    mkdir -p "$CACHE"
    exec 9>"$CACHE/smtp-sink-prepare.lock"
    flock 9
    if [ ! -f "$VENV/.complete" ]; then
        log "installing aiosmtpd $VERSION into $VENV"
        rm -rf "$VENV"
        "$PY" -m venv "$VENV"
        "$VENV/bin/pip" install -q --disable-pip-version-check "aiosmtpd==$VERSION" >&2
        touch "$VENV/.complete"
    fi
    # Release the lock: the sink started below must not inherit it (a second start would wait for it forever).
    flock -u 9
    exec 9>&-
}

start() {
    local dir="$1"; shift
    prepare
    mkdir -p "$dir/mail"
    rm -f "$dir/sink.out"
    nohup "$VENV/bin/python" "$ROOT/scripts/smtp-sink.py" "$dir/mail" "$@" > "$dir/sink.out" 2> "$dir/sink.log" < /dev/null &
    echo $! > "$dir/sink.pid"
    for _ in $(seq 1 100); do
        if grep -q '^PORT ' "$dir/sink.out" 2>/dev/null; then
            grep '^PORT ' "$dir/sink.out"; echo "PID $(cat "$dir/sink.pid")"
            return 0
        fi
        if ! kill -0 "$(cat "$dir/sink.pid")" 2>/dev/null; then log "the sink exited:"; tail -20 "$dir/sink.log" >&2; exit 1; fi
        sleep 0.1
    done
    log "the sink did not start within 10 s"; exit 1
}

stop() {
    local dir="$1"
    if [ -f "$dir/sink.pid" ]; then kill -KILL "$(cat "$dir/sink.pid")" 2>/dev/null || true; rm -f "$dir/sink.pid"; fi
}

case "${1:-}" in
    prepare) prepare ;;
    start) shift; start "$@" ;;
    stop) shift; stop "$1" ;;
    *) echo "usage: $0 prepare | start DIR [OPTIONS] | stop DIR" >&2; exit 2 ;;
esac
