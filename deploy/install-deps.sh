#!/usr/bin/env bash
# Installs, idempotently, every Debian package Mailroom's build, demo and tests need.
# Safe to run again: it asks apt only for what is missing.
#
# Note: libetpan-dev pulls libcurl4-gnutls-dev, which conflicts with libcurl4-openssl-dev.
# The curl headers are identical; we never ask for the OpenSSL -dev flavour here.
set -euo pipefail

packages=(
  pkg-config
  libetpan-dev        # MIME parsing, IMAP/SMTP clients (brings the curl headers)
  libcurl4            # OpenSSL-flavoured libcurl runtime, the one Foundation loads
  libxml2-dev         # HTML to text, XPath over e-invoices
  libre2-dev          # RE2: rule, kind and recogniser patterns run in linear time (no catastrophic backtracking)
  libargon2-dev       # Argon2id hashes of the web UI users' passwords
  chromium            # the real headless browser the web UI tests drive
  chromium-driver     # WebDriver for that browser (the UI tests speak WebDriver over loopback)
  python3-prometheus-client  # the tests check /metrics with Prometheus's own parser
  libsqlite3-dev      # the store (GRDB links the system libsqlite3)
  poppler-utils       # pdftotext / pdfdetach for PDF attachments
  util-linux          # prlimit: time and memory limits for pdftotext / pdfdetach (essential on Debian)
  tnef                # a third-party TNEF decoder, used by the tests to cross-check ours
  python3             # the parse-speed comparison script and test servers
  libpython3.11-testsuite  # CPython's own email test messages (a third-party corpus for the parser tests)
  golang-github-jhillyerd-enmime-dev  # enmime's test mails, some broken on purpose (the malformed-mail sweep test)
  inotify-tools       # not needed at run time; handy for operators debugging Maildir watches
  dovecot-imapd       # the real IMAP server the IMAP tests and scripts/bench-imap.sh start privately on loopback
  openssl             # the throwaway self-signed certificate of that test server
  python3-venv        # private venvs of the test servers (Tryton) and the llama-server build
  curl                # scripts/tryton-test-server.sh waits for the server with it
  python3-seccomp     # scripts/test-sandbox.sh runs the daemon under the systemd unit's seccomp filters
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- helpdesk (issue 8): Redmine 5.0.4 with SQLite, the real helpdesk the redmine connector tests start
# privately (scripts/redmine-test-server.sh). Preseeded so dbconfig-common asks nothing and sets up no
# system database (the tests make their own); Debian bookworm's bundler needs BUNDLER_VERSION during the
# post-install. About 40 s and 100 MB, once.
redmine_missing=()
for p in redmine redmine-sqlite; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    redmine_missing+=("$p")
  fi
done
if [ ${#redmine_missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${redmine_missing[*]} (the helpdesk for the redmine connector tests)"
  printf '%s\n' 'redmine redmine/dbconfig-install boolean false' 'redmine redmine/database-type select sqlite3' \
    | $SUDO debconf-set-selections
  [ ${#missing[@]} -eq 0 ] && $SUDO apt-get update -qq
  $SUDO env BUNDLER_VERSION=2.3.15 DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends redmine redmine-sqlite
fi
