#!/usr/bin/env bash
# Fetches talon 1.4.4's test fixtures (real replies from Gmail, Outlook, Apple Mail, Thunderbird, …; used to
# test Mailroom's quote and signature stripping) from PyPI at test time, into a git-ignored cache; prints the
# fixtures folder. Never committed: they are talon's (Apache-2.0), fetched with
# `pip download --no-deps --no-binary :all: talon==1.4.4`. Idempotent.
set -euo pipefail
VERSION=1.4.4
CACHE="${MAILROOM_CACHE_DIR:-$HOME/.cache/mailroom}"
DIR="$CACHE/talon-$VERSION"
PYTHON="${PYTHON:-python3}"
if [[ -d "$DIR/tests/fixtures" ]]; then echo "$DIR/tests/fixtures"; exit 0; fi
mkdir -p "$CACHE"
exec 9>"$CACHE/.talon-$VERSION.lock"
flock 9
if [[ -d "$DIR/tests/fixtures" ]]; then echo "$DIR/tests/fixtures"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# talon's setup.py needs `wheel` to describe itself; a private venv keeps the system Python untouched.
"$PYTHON" -m venv "$work/venv" >&2
"$work/venv/bin/pip" install --quiet wheel setuptools >&2
"$work/venv/bin/pip" download --quiet --no-deps --no-binary :all: --no-build-isolation "talon==$VERSION" -d "$work" >&2
tar -xzf "$work/talon-$VERSION.tar.gz" -C "$work"
rm -rf "$DIR.partial" && mv "$work/talon-$VERSION" "$DIR.partial"
rm -rf "$DIR" && mv "$DIR.partial" "$DIR"
echo "$DIR/tests/fixtures"
