#!/usr/bin/env bash
# A real Tryton ERP (trytond 8.2, SQLite) for Mailroom's tryton connector tests.
#   scripts/tryton-test-server.sh prepare        venv + template database (once; reused, keyed by version)
#   scripts/tryton-test-server.sh start DIR      copy of the template in DIR, trytond on 127.0.0.1:<free port>;
#                                                prints "PORT <n>", "DATABASE mailroom", "PID <p>";
#                                                DIR/rest-key holds the admin's REST application key
#   scripts/tryton-test-server.sh stop DIR       stops the server started in DIR
# pip packages go into a venv under .cache/ (git-ignored). Admin login: admin / admin.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=8.2.1
CACHE="${MAILROOM_CACHE:-$ROOT/.cache}"
VENV="$CACHE/tryton-venv-$VERSION"
SETUP="$ROOT/scripts/tryton_setup.py"
KEY="$( (cat "$SETUP" "$ROOT/rules/catalogue.csv"; echo "$VERSION") | sha256sum | cut -c1-12)"
TEMPLATE="$CACHE/tryton-template-$VERSION-$KEY"
DB=mailroom
PY="${PYTHON:-python3}"

log() { echo "tryton-test-server: $*" >&2; }

write_config() {  # DIR PORT
    cat > "$1/trytond.conf" <<CONF
[database]
uri = sqlite://
path = $1
[web]
listen = 127.0.0.1:$2
[session]
max_attempt = 5
CONF
}

prepare() {
    mkdir -p "$CACHE"
    exec 9>"$CACHE/tryton-prepare.lock"
    flock 9
    if [ ! -x "$VENV/bin/trytond" ] || [ ! -f "$VENV/.complete" ]; then
        log "installing trytond $VERSION into $VENV"
        rm -rf "$VENV"
        "$PY" -m venv "$VENV"
        "$VENV/bin/pip" install -q --disable-pip-version-check "trytond==$VERSION" 'trytond-party==8.2.*' \
            'trytond-product==8.2.*' 'trytond-sale==8.2.*' 'trytond-sale-opportunity==8.2.*' \
            'trytond-account-invoice==8.2.*' 'proteus==8.2.0' >&2
        touch "$VENV/.complete"
    fi
    if [ ! -f "$TEMPLATE/$DB.sqlite" ]; then
        log "setting up the template database in $TEMPLATE (once, about a minute)"
        local work="$TEMPLATE.work"
        rm -rf "$work" && mkdir -p "$work"
        write_config "$work" 0
        touch "$work/$DB.sqlite"
        echo admin > "$work/pass"
        TRYTONPASSFILE="$work/pass" "$VENV/bin/trytond-admin" -c "$work/trytond.conf" -d "$DB" --all --email admin@example.com >&2
        "$VENV/bin/trytond-admin" -c "$work/trytond.conf" -d "$DB" --activate-dependencies \
            -u party product sale sale_opportunity account_invoice >&2
        "$VENV/bin/python" "$SETUP" "$work/trytond.conf" "$DB" "$ROOT/rules/catalogue.csv" >&2
        rm -f "$work/pass"
        mv "$work" "$TEMPLATE"
    fi
    echo "TEMPLATE $TEMPLATE/$DB.sqlite"
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start() {
    local dir="$1"
    prepare >/dev/null
    mkdir -p "$dir"
    cp "$TEMPLATE/$DB.sqlite" "$dir/$DB.sqlite"
    cp "$TEMPLATE/rest-key" "$dir/rest-key"
    # The caller may hand over a port it allocated (MAILROOM_TEST_PORT); otherwise one is picked here.
    local port; port="${MAILROOM_TEST_PORT:-$(free_port)}"
    write_config "$dir" "$port"
    # 9>&-: trytond must not inherit prepare's lock, or a second start waits until this server ends.
    nohup "$VENV/bin/trytond" -c "$dir/trytond.conf" -d "$DB" > "$dir/trytond.log" 2>&1 < /dev/null 9>&- &
    echo $! > "$dir/trytond.pid"
    for _ in $(seq 1 150); do
        if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
            -d '{"method":"common.server.version","params":[]}' "http://127.0.0.1:$port/$DB/rpc/"; then
            echo "PORT $port"; echo "DATABASE $DB"; echo "PID $(cat "$dir/trytond.pid")"
            return 0
        fi
        if ! kill -0 "$(cat "$dir/trytond.pid")" 2>/dev/null; then log "trytond exited:"; tail -20 "$dir/trytond.log" >&2; exit 1; fi
        sleep 0.2
    done
    log "trytond did not answer on port $port within 30 s"; tail -20 "$dir/trytond.log" >&2; exit 1
}

stop() {
    local dir="$1"
    [ -f "$dir/trytond.pid" ] || return 0
    local pid; pid="$(cat "$dir/trytond.pid")"
    # SIGKILL: a test runner may start us with SIGTERM blocked, and children inherit the mask.
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/trytond.pid"
}

case "${1:-}" in
    prepare) prepare ;;
    start) start "${2:?start DIR}" ;;
    stop) stop "${2:?stop DIR}" ;;
    *) echo "usage: $0 prepare | start DIR | stop DIR" >&2; exit 2 ;;
esac
