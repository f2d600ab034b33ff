#!/usr/bin/env bash
# Parse-speed benchmark: Mailroom against CPython's email package, same directory, same run.
#
#   scripts/bench-parse.sh [--json] [--min-ratio R] [--count N] [--seed S] [--all-headers] [--no-build] [DIR]
#
# DIR            mails to parse (every file, recursively, except dot files). Default: a generated corpus of N
#                mails (default 500, seed 1) plus CPython's own test mails, made once by
#                scripts/make-bench-corpus.py under .build/bench-corpus/ and reused.
# --json         print one JSON object instead of the table
# --min-ratio R  target Mailroom/CPython throughput ratio (default 10, from issue 3); below it the exit status is 1
# --all-headers  CPython also decodes To/Cc/Reply-To/Date/Message-ID/In-Reply-To/References (see the Python script)
# --no-build     fail instead of building Mailroom when the binary is missing
#
# The Mailroom binary is $MAILROOM, else .build/release/mailroom, built with
# `swift build -c release --product mailroom` when missing. It must print exactly
# {"messages": N, "bytes": B, "seconds": S} for `mailroom bench parse DIR --json`.
#
# Exit status: 0 ratio reached, 1 ratio below the target, 2 could not measure (missing binary, build failure,
# bad output, bad arguments).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
json=0; min_ratio=10; count=500; seed=1; all_headers=(); build=1; dir=""

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "bench-parse: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --json) json=1 ;;
    --min-ratio) min_ratio=${2:?--min-ratio needs a value}; shift ;;
    --count) count=${2:?--count needs a value}; shift ;;
    --seed) seed=${2:?--seed needs a value}; shift ;;
    --all-headers) all_headers=(--all-headers) ;;
    --no-build) build=0 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) [ -z "$dir" ] || die "only one DIR, got '$dir' and '$1'"; dir=$1 ;;
  esac
  shift
done

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found (set PYTHON=…); it runs the CPython baseline"

# 1. The corpus.
if [ -z "$dir" ]; then
  dir="$ROOT/.build/bench-corpus/n$count-s$seed"
  if [ ! -d "$dir" ]; then
    mkdir -p "$ROOT/.build/bench-corpus"
    tmp="$dir.tmp.$$"
    rm -rf "$tmp"
    echo "bench-parse: generating the corpus ($count mails, seed $seed) in $dir" >&2
    "$PYTHON" "$ROOT/scripts/make-bench-corpus.py" "$tmp" "$count" --seed "$seed" >&2 || { rm -rf "$tmp"; die "corpus generation failed"; }
    mv "$tmp" "$dir"
  fi
fi
[ -d "$dir" ] || die "$dir is not a directory"

# 2. The Mailroom binary.
if [ -n "${MAILROOM:-}" ]; then
  mailroom=$MAILROOM
  [ -x "$mailroom" ] && [ -f "$mailroom" ] || die "MAILROOM=$mailroom is not an executable file"
else
  mailroom="$ROOT/.build/release/mailroom"
  if [ ! -x "$mailroom" ]; then
    if [ "$build" = 0 ]; then
      die "missing $mailroom (the release build of the mailroom CLI). Build it with:
    swift build -c release --product mailroom
or point MAILROOM at a mailroom binary."
    fi
    command -v swift >/dev/null 2>&1 || die "missing $mailroom and no 'swift' on PATH to build it; set MAILROOM=…"
    echo "bench-parse: $mailroom is missing; building it (swift build -c release --product mailroom)…" >&2
    (cd "$ROOT" && swift build -c release --product mailroom >&2) || die "the release build failed (see above)"
    [ -x "$mailroom" ] || die "the build finished but $mailroom does not exist"
  fi
fi

# 3. Mailroom.
err=$(mktemp); trap 'rm -f "$err"' EXIT
if ! mailroom_json=$("$mailroom" bench parse "$dir" --json 2>"$err"); then
  cat "$err" >&2
  die "'$mailroom bench parse $dir --json' failed (does this build have the 'bench parse' command?)"
fi

# 4. CPython.
cpython_json=$("$PYTHON" "$ROOT/scripts/bench_parse_cpython.py" "$dir" --json "${all_headers[@]}") \
  || die "the CPython baseline failed"

# 5. Compare.
"$PYTHON" - "$dir" "$mailroom" "$min_ratio" "$json" "$mailroom_json" "$cpython_json" <<'PY'
import json, sys

directory, binary, min_ratio, as_json, mailroom_raw, cpython_raw = sys.argv[1:]
min_ratio = float(min_ratio)
try:
    mr = json.loads(mailroom_raw)
    if not isinstance(mr, dict) or not {"messages", "bytes", "seconds"} <= mr.keys():
        raise ValueError("keys")
    mr = {k: mr[k] for k in ("messages", "bytes", "seconds")}
    if mr["seconds"] <= 0:
        raise ValueError("seconds")
except ValueError:
    print(f'bench-parse: mailroom printed {mailroom_raw.strip()[:300]!r}; expected exactly '
          f'{{"messages": N, "bytes": B, "seconds": S}} with S > 0', file=sys.stderr)
    sys.exit(2)
cp = json.loads(cpython_raw)

def rates(r):
    return r["bytes"] / 1e6 / r["seconds"], r["messages"] / r["seconds"]

mr_mbs, mr_mps = rates(mr)
cp_mbs, cp_mps = rates(cp)
ratio = mr_mbs / cp_mbs
warnings = []
if (mr["messages"], mr["bytes"]) != (cp["messages"], cp["bytes"]):
    warnings.append(f"the two parsers saw different input: Mailroom {mr['messages']} messages / {mr['bytes']} bytes, "
                    f"CPython {cp['messages']} / {cp['bytes']}; the ratio compares MB/s")
if cp.get("errors"):
    warnings.append(f"CPython raised on {cp['errors']} headers or parts (skipped)")
passed = ratio >= min_ratio
if as_json == "1":
    print(json.dumps({
        "directory": directory, "mailroom_binary": binary,
        "mailroom": {**mr, "mb_per_s": round(mr_mbs, 3), "messages_per_s": round(mr_mps, 1)},
        "cpython": {k: cp[k] for k in ("messages", "bytes", "seconds", "errors", "python", "headers")}
                   | {"mb_per_s": round(cp_mbs, 3), "messages_per_s": round(cp_mps, 1)},
        "ratio": round(ratio, 2), "target": min_ratio, "passed": passed, "warnings": warnings}, sort_keys=True))
else:
    print(f"corpus   {directory}: {cp['messages']} files, {cp['bytes'] / 1e6:.1f} MB")
    print(f"{'':10}{'messages':>9} {'MB':>8} {'seconds':>9} {'MB/s':>9} {'msgs/s':>10}")
    for name, r, mbs, mps in (("mailroom", mr, mr_mbs, mr_mps), (f"cpython", cp, cp_mbs, cp_mps)):
        print(f"{name:10}{r['messages']:>9} {r['bytes'] / 1e6:>8.1f} {r['seconds']:>9.3f} {mbs:>9.2f} {mps:>10.1f}")
    print(f"ratio    Mailroom/CPython = {ratio:.1f}x (target {min_ratio:g}x): {'PASS' if passed else 'BELOW TARGET'}")
    print(f"         (CPython {cp['python']}, email policy=default, headers decoded: {cp['headers']})")
    for w in warnings:
        print(f"warning: {w}")
sys.exit(0 if passed else 1)
PY
