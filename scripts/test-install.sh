#!/usr/bin/env bash
# `make install` into scratch folders, checked file by file (part of `make test`; a few seconds).
#   bash scripts/test-install.sh [BINARY]      BINARY defaults to .build/debug/mailroom
# Checks: every file lands where Debian expects it (PREFIX=/usr/local and PREFIX=/usr); an existing
# configuration is kept and the example goes beside it; the man page renders with groff without a warning
# and `man -l` shows it; the completions parse (bash -n; zsh -n and fish -n when those shells are present);
# systemd-analyze verify accepts the installed unit (installed a second time with PREFIX inside the scratch
# folder, so the binary the unit names exists); systemd-sysusers and systemd-tmpfiles accept their files in
# the scratch root; the library check of deploy/Containerfile; make uninstall removes everything but the
# configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/mailroom}
[ -x "$BIN" ] || { echo "test-install: build first ($BIN is missing)"; exit 1; }
SCRATCH=$(mktemp -d /tmp/mailroom-install.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
failures=0
fail() { echo "test-install: FAIL: $*"; failures=$((failures + 1)); }
check_file() { [ -s "$1" ] || fail "missing: $1"; }

# 1. PREFIX=/usr/local (the default), staged with DESTDIR.
D="$SCRATCH/dest"
make --no-print-directory -s install DESTDIR="$D" MAILROOM_BIN="$BIN" >/dev/null
for f in usr/local/bin/mailroom usr/local/lib/systemd/system/mailroom.service \
         usr/local/lib/sysusers.d/mailroom.conf usr/local/lib/tmpfiles.d/mailroom.conf \
         usr/local/share/man/man1/mailroom.1 usr/local/share/bash-completion/completions/mailroom \
         usr/local/share/zsh/site-functions/_mailroom usr/local/share/fish/vendor_completions.d/mailroom.fish \
         usr/local/share/doc/mailroom/README.md usr/local/share/doc/mailroom/mailroom.example.yaml \
         etc/mailroom/mailroom.yaml; do
  check_file "$D/$f"
done
[ -x "$D/usr/local/bin/mailroom" ] || fail "the binary is not executable"
cmp -s deploy/mailroom.example.yaml "$D/etc/mailroom/mailroom.yaml" || fail "etc/mailroom/mailroom.yaml is not the example"
[ "$(stat -c %a "$D/etc/mailroom/mailroom.yaml")" = 640 ] || fail "the configuration is not mode 0640"
grep -q '^ExecStart=/usr/local/bin/mailroom run --config /etc/mailroom/mailroom.yaml$' \
  "$D/usr/local/lib/systemd/system/mailroom.service" || fail "the unit does not start /usr/local/bin/mailroom"

# An edited configuration survives a second install; the example goes beside it.
echo "# edited" >> "$D/etc/mailroom/mailroom.yaml"
make --no-print-directory -s install DESTDIR="$D" MAILROOM_BIN="$BIN" >/dev/null
tail -1 "$D/etc/mailroom/mailroom.yaml" | grep -q '^# edited$' || fail "a second install overwrote the configuration"
cmp -s deploy/mailroom.example.yaml "$D/etc/mailroom/mailroom.yaml.example" || fail "no mailroom.yaml.example beside it"

# The man page: groff warns about nothing, man renders it, every subcommand is in it.
MAN="$D/usr/local/share/man/man1/mailroom.1"
warnings=$(groff -man -Tutf8 -ww -z "$MAN" 2>&1 || true)
[ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
rendered=$(MANWIDTH=100 man -l "$MAN" 2>&1) || fail "man -l failed: $rendered"
for sub in run status reload review outbox audit rules; do
  grep -q "mailroom $sub" <<<"$rendered" || fail "the man page does not describe 'mailroom $sub'"
done
grep -q -- "--config" <<<"$rendered" || fail "the man page names no --config option"

# The completions parse in their shells.
bash -n "$D/usr/local/share/bash-completion/completions/mailroom" || fail "bash -n rejects the bash completion"
grep -q 'complete .*mailroom' "$D/usr/local/share/bash-completion/completions/mailroom" || fail "the bash completion completes nothing"
if command -v zsh >/dev/null; then zsh -n "$D/usr/local/share/zsh/site-functions/_mailroom" || fail "zsh -n rejects _mailroom"; fi
if command -v fish >/dev/null; then fish -n "$D/usr/local/share/fish/vendor_completions.d/mailroom.fish" || fail "fish -n rejects mailroom.fish"; fi
head -1 "$D/usr/local/share/zsh/site-functions/_mailroom" | grep -q '^#compdef mailroom' || fail "_mailroom has no #compdef line"
grep -Eq "^complete -c '?mailroom'? " "$D/usr/local/share/fish/vendor_completions.d/mailroom.fish" || fail "mailroom.fish completes nothing"

# sysusers and tmpfiles, applied to the scratch root.
if command -v systemd-sysusers >/dev/null; then
  systemd-sysusers --root="$D" "$D/usr/local/lib/sysusers.d/mailroom.conf" >/dev/null 2>&1 || fail "systemd-sysusers refused its file"
  grep -q '^mailroom:x:[0-9]*:[0-9]*:.*:/var/lib/mailroom:/usr/sbin/nologin$' "$D/etc/passwd" || fail "no mailroom user in the scratch root"
  systemd-tmpfiles --root="$D" --create "$D/usr/local/lib/tmpfiles.d/mailroom.conf" >/dev/null 2>&1 || fail "systemd-tmpfiles refused its file"
  [ "$(stat -c %a "$D/var/lib/mailroom")" = 750 ] || fail "/var/lib/mailroom is not 0750"
  uid=$(grep '^mailroom:' "$D/etc/passwd" | cut -d: -f3)
  [ "$(stat -c %u "$D/var/lib/mailroom")" = "$uid" ] || fail "/var/lib/mailroom does not belong to mailroom"
  gid=$(grep '^mailroom:' "$D/etc/group" | cut -d: -f3)
  [ "$(stat -c %g "$D/etc/mailroom/mailroom.yaml")" = "$gid" ] || fail "the configuration is not readable by the group mailroom"
fi

# make uninstall: everything goes but the configuration.
make --no-print-directory -s uninstall DESTDIR="$D" >/dev/null
left=$(cd "$D" && find usr etc/mailroom -type f 2>/dev/null | sort | tr '\n' ' ')
[ "$left" = "etc/mailroom/mailroom.yaml " ] || fail "after make uninstall these remain: $left"

# 2. PREFIX=/usr as a Debian package would use it: zsh's vendor-completions, /usr/bin in the unit.
U="$SCRATCH/usr-dest"
make --no-print-directory -s install PREFIX=/usr DESTDIR="$U" MAILROOM_BIN="$BIN" >/dev/null
check_file "$U/usr/share/zsh/vendor-completions/_mailroom"
check_file "$U/usr/share/bash-completion/completions/mailroom"
check_file "$U/usr/share/fish/vendor_completions.d/mailroom.fish"
check_file "$U/usr/share/man/man1/mailroom.1"
grep -q '^ExecStart=/usr/bin/mailroom ' "$U/usr/lib/systemd/system/mailroom.service" || fail "PREFIX=/usr: the unit does not start /usr/bin/mailroom"

# 3. systemd-analyze verify on the installed unit: installed with PREFIX and SYSCONFDIR inside the scratch
# folder, the binary the unit names exists (systemd-analyze verify --root needs a whole system in the root).
if command -v systemd-analyze >/dev/null; then
  P="$SCRATCH/prefix"
  make --no-print-directory -s install PREFIX="$P/usr" SYSCONFDIR="$P/etc" MAILROOM_BIN="$BIN" >/dev/null
  grep -q "^ExecStart=$P/usr/bin/mailroom " "$P/usr/lib/systemd/system/mailroom.service" || fail "the unit names another binary"
  out=$(systemd-analyze verify --man=no "$P/usr/lib/systemd/system/mailroom.service" 2>&1) || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify says: $out"
  score=$(systemd-analyze security --offline=yes "$P/usr/lib/systemd/system/mailroom.service" 2>/dev/null | tail -1)
  echo "test-install: $score"
fi

# 4. The container file's runtime stage provides every shared library the binary needs.
bash scripts/check-container-libraries.sh "$BIN" || fail "deploy/Containerfile lacks a library the binary needs"

if [ "$failures" -gt 0 ]; then echo "test-install: $failures failure(s)"; exit 1; fi
echo "test-install: make install / uninstall OK (PREFIX=/usr/local with DESTDIR, PREFIX=/usr, unit verified)"
