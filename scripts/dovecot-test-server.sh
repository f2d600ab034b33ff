#!/usr/bin/env bash
# A private Dovecot IMAP server on 127.0.0.1 for Mailroom's tests and the IMAP benchmark.
#
#   scripts/dovecot-test-server.sh start DIR [PASSWORD]   make DIR, start a server, write DIR/server.env
#   scripts/dovecot-test-server.sh stop DIR               stop it (DIR is kept; `rm -rf` it yourself)
#   scripts/dovecot-test-server.sh restart DIR            stop and start on the same ports and mail
#   scripts/dovecot-test-server.sh deliver DIR USER FOLDER < MAIL    save one mail (as a delivery agent would)
#
# DIR/server.env holds shell assignments the tests read:
#   IMAP_PORT   plaintext with STARTTLS offered     IMAPS_PORT  implicit TLS
#   PASSWORD    the one password every user has (a static passdb; any user name works)
#   CERT_SHA256 the SHA-256 of the throwaway self-signed certificate (DER), for pinning
#   CONFIG      the dovecot.conf, for `doveadm -c CONFIG …`
# The XOAUTH2 mechanism is on too: the "access token" is checked like a password.
#
# Works as root (mail files owned by Debian's `mail` user, login processes as dovenull/dovecot) and as a
# normal user (everything runs as that user). Ports are picked free at start.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop|restart DIR [PASSWORD] | deliver DIR USER FOLDER < MAIL" >&2
  exit 2
fi
dovecot_bin=$(command -v dovecot || echo /usr/sbin/dovecot)
if [ ! -x "$dovecot_bin" ]; then
  echo "dovecot-test-server: dovecot is not installed (apt-get install dovecot-imapd, or bash deploy/install-deps.sh)" >&2
  exit 3
fi

# True when something accepts connections on 127.0.0.1:PORT (bash's /dev/tcp; no python start-up cost).
listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A port nothing listens on, from the range above the usual ephemeral-port floor's neighbours.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! listening "$port"; then echo "$port"; return 0; fi
  done
  echo "dovecot-test-server: found no free port" >&2
  return 1
}

wait_listening() {
  local port=$1
  for _ in $(seq 1 100); do
    if listening "$port"; then
      return 0
    fi
    sleep 0.05
  done
  echo "dovecot-test-server: nothing listens on 127.0.0.1:$port after 5 s; see $dir/dovecot.log" >&2
  tail -20 "$dir/dovecot.log" >&2 || true
  return 1
}

start() {
  local password=${1:-secret}
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # Mail processes must reach the mail store: every folder on the path needs +x for the mail user.
  chmod 755 "$dir"
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  if [ ! -f "$dir/cert.pem" ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3 \
      -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
    chmod 600 "$dir/key.pem"
  fi
  local imap_port imaps_port
  if [ -f "$dir/server.env" ]; then
    # shellcheck disable=SC1091
    . "$dir/server.env"
    imap_port=$IMAP_PORT
    imaps_port=$IMAPS_PORT
    password=$PASSWORD
  else
    # The caller may hand over ports it allocated (MAILROOM_TEST_IMAP_PORT, MAILROOM_TEST_IMAPS_PORT).
    imap_port=${MAILROOM_TEST_IMAP_PORT:-$(free_port)}
    imaps_port=${MAILROOM_TEST_IMAPS_PORT:-$(free_port)}
    while [ "$imaps_port" = "$imap_port" ]; do imaps_port=$(free_port); done
  fi

  local mail_uid mail_gid login_user internal_user
  if [ "$(id -u)" -eq 0 ]; then
    mail_uid=$(id -u mail); mail_gid=$(id -g mail)
    login_user=dovenull; internal_user=dovecot
    chown -R mail:mail "$dir/mail"
  else
    mail_uid=$(id -u); mail_gid=$(id -g)
    login_user=$(id -un); internal_user=$(id -un)
  fi

  cat > "$dir/dovecot.conf" <<EOF
# Written by scripts/dovecot-test-server.sh; a throwaway test instance.
instance_name = mailroom-test-$(basename "$dir")-$imap_port
base_dir = $dir/run
state_dir = $dir/state
listen = 127.0.0.1
protocols = imap
log_path = $dir/dovecot.log
info_log_path = $dir/dovecot.log
default_login_user = $login_user
default_internal_user = $internal_user
ssl = yes
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
auth_failure_delay = 0
mail_location = maildir:$dir/mail/%u:LAYOUT=fs
mail_uid = $mail_uid
mail_gid = $mail_gid
first_valid_uid = 1
passdb {
  driver = static
  args = password=$password
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
protocol imap {
  mail_max_userip_connections = 50
}
# Every flag change, save, copy and expunge is logged per UID, so tests can prove an action happened once.
mail_plugins = \$mail_plugins notify mail_log
plugin {
  mail_log_events = flag_change save copy expunge
  mail_log_fields = uid box msgid flags
}
EOF
  local sha
  sha=$(openssl x509 -in "$dir/cert.pem" -outform DER | sha256sum | cut -d' ' -f1)
  cat > "$dir/server.env" <<EOF
IMAP_PORT=$imap_port
IMAPS_PORT=$imaps_port
PASSWORD=$password
CERT_SHA256=$sha
CONFIG=$dir/dovecot.conf
EOF
  # Detached from our stdout/stderr: a caller reading them to the end must not wait for the daemon.
  # On a restart the old instance's login processes may still hold the ports for a moment after its master
  # ended ("Address already in use"; or its master is not gone yet, "already running"; exit 89): try again for
  # up to 5 s before giving up. The old instance's processes may still be writing to the same log, so look at
  # what this attempt wrote, not at the log's last lines.
  local tries=0 offset
  offset=$(stat -c %s "$dir/dovecot.log" 2>/dev/null || echo 0)
  until "$dovecot_bin" -c "$dir/dovecot.conf" </dev/null >>"$dir/dovecot.log" 2>&1; do
    tries=$((tries + 1))
    if [ $tries -ge 25 ] || ! tail -c +$((offset + 1)) "$dir/dovecot.log" | grep -qiE 'address already in use|is already running'; then
      echo "dovecot-test-server: dovecot did not start; see $dir/dovecot.log:" >&2
      tail -c +$((offset + 1)) "$dir/dovecot.log" | grep -iv ' Info: ' | tail -n 5 >&2
      exit 89
    fi
    offset=$(stat -c %s "$dir/dovecot.log" 2>/dev/null || echo 0)
    sleep 0.2
  done
  wait_listening "$imap_port"
  wait_listening "$imaps_port"
  echo "dovecot-test-server: IMAP on 127.0.0.1:$imap_port (STARTTLS offered), IMAPS on 127.0.0.1:$imaps_port, config $dir/dovecot.conf"
}

# True while the process runs; a zombie (ended, not yet reaped by a parent that may never reap it) counts as ended.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo Z)
  [ "$state" != "Z" ]
}

stop() {
  [ -f "$dir/dovecot.conf" ] || return 0
  local pidfile="$dir/run/master.pid"
  if [ -f "$pidfile" ] && alive "$(cat "$pidfile")"; then
    local pid
    pid=$(cat "$pidfile")
    "$dovecot_bin" -c "$dir/dovecot.conf" stop </dev/null >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    local waited=0
    while alive "$pid" && [ $waited -lt 100 ]; do sleep 0.05; waited=$((waited + 1)); done
    if alive "$pid"; then
      kill -9 "$pid" 2>/dev/null || true
      while alive "$pid"; do sleep 0.05; done
    fi
  fi
  # Dovecot refuses to start while master.pid names a live process; a zombie's pid still answers kill -0.
  rm -f "$pidfile"
}

case "$command" in
  start) start "${3:-secret}" ;;
  stop) stop ;;
  restart) stop; start ;;
  deliver)
    user=${3:?user}; folder=${4:?folder}
    doveadm -c "$dir/dovecot.conf" save -u "$user" -m "$folder"
    ;;
  *) echo "unknown command $command" >&2; exit 2 ;;
esac
