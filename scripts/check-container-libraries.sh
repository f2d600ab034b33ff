#!/usr/bin/env bash
# Static check of deploy/Containerfile (no container engine runs here): every shared library the binary
# needs (ldd) is provided by a package of the runtime stage, by a package those depend on, or by Debian's
# required base that debian:*-slim already has. The Swift runtime (the toolchain's own libraries) must be
# linked statically, so the build stage must say --static-swift-stdlib.
#   bash scripts/check-container-libraries.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/mailroom}
FILE=deploy/Containerfile
[ -x "$BIN" ] || { echo "check-container-libraries: no binary at $BIN"; exit 1; }

# The runtime stage's packages: the lines between the markers that name a package (word, then " \").
listed=$(sed -n '/runtime-packages-begin/,/runtime-packages-end/p' "$FILE" \
  | grep -E '^[[:space:]]+[a-z0-9][a-z0-9.+-]+[[:space:]]*\\$' | tr -d ' \\' | sort -u)
[ -n "$listed" ] || { echo "check-container-libraries: no runtime package list in $FILE"; exit 1; }
grep -q -- '--static-swift-stdlib' "$FILE" || { echo "check-container-libraries: the build stage does not link the Swift runtime statically"; exit 1; }

# What the runtime image has: those packages with everything they depend on, and the required base.
available=$( { echo "$listed"
  # shellcheck disable=SC2086
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
    $listed 2>/dev/null | grep -v '^ ' | tr -d '<>'
  dpkg-query -W -f '${Package} ${Priority} ${Essential}\n' | awk '$2 == "required" || $3 == "yes" { print $1 }'
} | sed 's/:.*//' | sort -u)

# Each library the binary loads, and the Debian package that ships it (one dpkg -S for all: it is slow).
declare -A owner=()
libraries=()
candidates=()
while read -r name path; do
  case "$path" in "" | "(0x"*) continue ;; esac    # the vDSO and the loader itself
  real=$(readlink -f "$path")
  case "$real" in */lib/swift/linux/*) continue ;; esac   # the Swift runtime: linked statically in the image
  libraries+=("$name=$path=$real")
  candidates+=("$path" "$real" "${path/#\/lib\//\/usr\/lib\/}" "${real/#\/usr\/lib\//\/lib\/}")
done < <(ldd "$BIN" | awk '/=>/ { print $1, $3; next } { print $1, "" }')
while IFS= read -r line; do
  owner["${line#*: }"]=${line%%: *}
done < <(dpkg -S "${candidates[@]}" 2>/dev/null | grep -v '^diversion' || true)

missing=0
for entry in "${libraries[@]}"; do
  IFS== read -r name path real <<<"$entry"
  package=""
  for candidate in "$path" "$real" "${path/#\/lib\//\/usr\/lib\/}" "${real/#\/usr\/lib\//\/lib\/}"; do
    package=${owner[$candidate]:-}
    [ -n "$package" ] && break
  done
  package=${package%%:*}
  if [ -z "$package" ]; then
    echo "check-container-libraries: $name ($path) belongs to no Debian package"; missing=$((missing + 1)); continue
  fi
  if ! grep -qx "$package" <<<"$available"; then
    echo "check-container-libraries: $name comes from $package, which the runtime stage of $FILE does not install"
    missing=$((missing + 1))
  fi
done

# The tools the daemon runs.
for tool in poppler-utils util-linux; do
  grep -qx "$tool" <<<"$listed" || { echo "check-container-libraries: $tool (pdftotext, prlimit) is not installed"; missing=$((missing + 1)); }
done
[ "$missing" -eq 0 ] || exit 1
echo "check-container-libraries: every library of $BIN is in the runtime stage ($(wc -w <<<"$listed") packages listed)"
