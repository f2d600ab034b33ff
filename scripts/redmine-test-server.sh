#!/usr/bin/env bash
# A real Redmine 5.0.4 (Debian's `redmine` package, SQLite) for Mailroom's redmine connector tests.
#   scripts/redmine-test-server.sh prepare      Debian packages (once), a private copy of the application and a
#                                               template database (once; cached outside git, keyed by version)
#   scripts/redmine-test-server.sh start DIR    a copy of the template in DIR, Redmine on 127.0.0.1:<free port>;
#                                               prints PORT, API_KEY, PROJECT, TRACKER, KEY_FIELD,
#                                               REQUESTER_FIELD and, last, PID
#   scripts/redmine-test-server.sh stop DIR     stops the server started in DIR
#
# How it runs privately: Debian's Redmine is multi-tenant (REDMINE_INSTANCE=<name> reads its database.yml,
# tmp/, log/ and files/ from <app>/instances/<name>). The system's copy keeps instances in /var/lib/redmine,
# which only root may write, so `prepare` copies the application (15 MB) into the cache with an instances/
# folder of its own and a Gemfile.local that adds WEBrick (Debian runs Redmine under Passenger; WEBrick is
# enough for tests). Each `start DIR` links instances/<name> to DIR. Nothing outside the cache and DIR is
# written after the packages are installed.
#
# Facts (2 cores): packages ≈ 40 s once per machine; application copy + template (migrate, default data,
# project/user/fields) ≈ 50 s once per cache; each start (Rails boot) ≈ 10–25 s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=5.0.4
CACHE="${MAILROOM_CACHE:-$ROOT/.cache}"
SETUP="$ROOT/scripts/redmine_setup.rb"
KEY="$( (cat "$SETUP" "${BASH_SOURCE[0]}"; echo "$VERSION") | sha256sum | cut -c1-12)"
APP="$CACHE/redmine-app-$VERSION-$KEY"
TEMPLATE="$CACHE/redmine-template-$VERSION-$KEY"
API_KEY=5d41402abc4b2a76b9719d911017c592mailroom
export BUNDLER_VERSION=2.3.15   # Debian bookworm's bundler refuses to run without it
export RAILS_ENV=production
PY="${PYTHON:-python3}"

log() { echo "redmine-test-server: $*" >&2; }

write_instance() {  # DIR: the per-instance folders Debian's multi-tenancy expects
    mkdir -p "$1/config" "$1/tmp/pids" "$1/tmp/cache" "$1/log" "$1/files" "$1/public"
    printf 'production:\n  adapter: sqlite3\n  database: %s/redmine.sqlite3\n  timeout: 10000\n' "$1" > "$1/config/database.yml"
}

install_packages() {
    if dpkg-query -W -f='${Status}' redmine 2>/dev/null | grep -q "install ok installed" &&
       dpkg-query -W -f='${Status}' redmine-sqlite 2>/dev/null | grep -q "install ok installed"; then
        return 0
    fi
    log "installing Debian's redmine and redmine-sqlite (once, about 40 s)"
    bash "$ROOT/deploy/install-deps.sh" >&2
}

prepare() {
    install_packages
    mkdir -p "$CACHE"
    exec 9>"$CACHE/redmine-prepare.lock"
    flock 9
    if [ ! -f "$APP/.complete" ]; then
        log "copying the application into $APP"
        rm -rf "$APP"
        cp -a /usr/share/redmine "$APP"
        rm -f "$APP/instances" "$APP/Gemfile.lock" "$APP/config/database.yml"
        mkdir -p "$APP/instances"
        printf '%s\n' 'gem "webrick"' \
            'gem "sqlite3", "~> 1.4.0" unless @dependencies.any? { |d| d.name == "sqlite3" }' > "$APP/Gemfile.local"
        (cd "$APP" && bundle lock --local >/dev/null)
        touch "$APP/.complete"
    fi
    if [ ! -f "$TEMPLATE/redmine.sqlite3" ]; then
        log "setting up the template database in $TEMPLATE (once, about a minute)"
        local work="$TEMPLATE.work" name="template-$KEY"
        rm -rf "$work"
        write_instance "$work"
        sed -i "s#$work#$APP/instances/$name#" "$work/config/database.yml"
        head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/config/secret_key.txt"
        ln -sfn "$work" "$APP/instances/$name"
        (
            cd "$APP"
            export REDMINE_INSTANCE="$name"
            bundle exec rake db:migrate >"$work/log/setup.log" 2>&1
            REDMINE_LANG=en bundle exec rake redmine:load_default_data >>"$work/log/setup.log" 2>&1
            MAILROOM_REDMINE_API_KEY="$API_KEY" bundle exec rails runner "$SETUP" > "$work/fields.txt" 2>>"$work/log/setup.log"
        ) || { log "setting up the template failed:"; tail -30 "$work/log/setup.log" >&2; rm -f "$APP/instances/$name"; exit 1; }
        rm -f "$APP/instances/$name"
        mv "$work" "$TEMPLATE"
    fi
    echo "TEMPLATE $TEMPLATE/redmine.sqlite3"
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

instance_name() { echo "test-$(echo -n "$1" | sha256sum | cut -c1-16)"; }

start() {
    local dir; dir="$(mkdir -p "$1" && cd "$1" && pwd)"
    prepare >/dev/null
    write_instance "$dir"
    cp "$TEMPLATE/redmine.sqlite3" "$dir/redmine.sqlite3"
    cp "$TEMPLATE/config/secret_key.txt" "$dir/config/secret_key.txt"
    local name; name="$(instance_name "$dir")"
    ln -sfn "$dir" "$APP/instances/$name"
    # The caller may hand over a port it allocated (MAILROOM_TEST_PORT); otherwise one is picked here.
    local port; port="${MAILROOM_TEST_PORT:-$(free_port)}"
    (
        cd "$APP"
        export REDMINE_INSTANCE="$name"
        exec nohup bundle exec rails server -u webrick -e production -b 127.0.0.1 -p "$port" -P "$dir/tmp/pids/server.pid" \
            > "$dir/server.log" 2>&1 < /dev/null
    ) &
    echo $! > "$dir/redmine.pid"
    for _ in $(seq 1 900); do
        if curl -s -o /dev/null -f -H "X-Redmine-API-Key: $API_KEY" "http://127.0.0.1:$port/projects/support.json"; then
            echo "PORT $port"
            echo "API_KEY $API_KEY"
            cat "$TEMPLATE/fields.txt"
            echo "PID $(cat "$dir/redmine.pid")"
            return 0
        fi
        if ! kill -0 "$(cat "$dir/redmine.pid")" 2>/dev/null; then log "redmine exited:"; tail -20 "$dir/server.log" >&2; exit 1; fi
        sleep 0.1
    done
    log "redmine did not answer on port $port within 90 s"; tail -20 "$dir/server.log" >&2; exit 1
}

stop() {
    local dir; dir="$(cd "$1" 2>/dev/null && pwd)" || return 0
    if [ -f "$dir/redmine.pid" ]; then
        # SIGKILL: a test runner may start us with SIGTERM blocked, and children inherit the mask.
        kill -9 "$(cat "$dir/redmine.pid")" 2>/dev/null || true
        rm -f "$dir/redmine.pid"
    fi
    rm -f "$APP/instances/$(instance_name "$dir")"
}

case "${1:-}" in
    prepare) prepare ;;
    start) start "${2:?start DIR}" ;;
    stop) stop "${2:?stop DIR}" ;;
    *) echo "usage: $0 prepare | start DIR | stop DIR" >&2; exit 2 ;;
esac
