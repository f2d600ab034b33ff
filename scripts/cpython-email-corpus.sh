#!/usr/bin/env bash
# Print the directory that holds CPython's own email test messages (msg_01.txt … msg_47.txt: nested
# messages, broken boundaries, odd charsets). Tests and scripts/bench-parse.sh use it as a corpus that
# nobody on this project wrote.
#
#   scripts/cpython-email-corpus.sh            # prints e.g. /usr/lib/python3.11/test/test_email/data
#   scripts/cpython-email-corpus.sh --files    # prints the msg_*.txt paths, one a line
#
# The interpreter tried first is $PYTHON, then python3 and the versioned names. Exit status 1 (and a
# message on stderr saying which package provides the files) when no interpreter has them.
set -euo pipefail

mode=dir
case "${1:-}" in
  "") ;;
  --files) mode=files ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--files]" >&2; exit 2 ;;
esac

found=""
for py in "${PYTHON:-}" python3 python3.13 python3.12 python3.11 python3.10 /usr/bin/python3; do
  [ -n "$py" ] && command -v "$py" >/dev/null 2>&1 || continue
  dir=$("$py" -c 'import os, test.test_email as t; print(os.path.join(os.path.dirname(t.__file__), "data"))' \
        2>/dev/null) || continue
  if compgen -G "$dir/msg_*.txt" >/dev/null; then found=$dir; break; fi
done

if [ -z "$found" ]; then
  for dir in /usr/lib/python3*/test/test_email/data /usr/local/lib/python3*/test/test_email/data; do
    if compgen -G "$dir/msg_*.txt" >/dev/null; then found=$dir; break; fi
  done
fi

if [ -z "$found" ]; then
  version=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "3.x")
  echo "error: CPython's email test messages (test/test_email/data/msg_*.txt) were not found." >&2
  echo "       Debian ships them in the package libpython${version}-testsuite:" >&2
  echo "       sudo apt-get install libpython${version}-testsuite" >&2
  exit 1
fi

if [ "$mode" = files ]; then
  ls -1 "$found"/msg_*.txt
else
  echo "$found"
fi
