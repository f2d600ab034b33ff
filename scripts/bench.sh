#!/usr/bin/env bash
# The benchmark suite: scripts/bench.py (see its --help). `make bench` runs it on the release build and writes
# bench/RESULTS.md; `scripts/bench.sh --quick --out FILE` (tiny counts) is what the test suite runs.
exec "${PYTHON:-python3}" "$(dirname "${BASH_SOURCE[0]}")/bench.py" "$@"
