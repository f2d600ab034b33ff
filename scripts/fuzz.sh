#!/usr/bin/env bash
# The libFuzzer targets of issue 14 (Sources/FuzzTargets, driver in Tests/Fuzz/Driver).
#
#   scripts/fuzz.sh build               build .build/fuzz/release/mailroom-fuzz (release, coverage-instrumented)
#   scripts/fuzz.sh run [TARGET…]       fuzz each target (all by default) for FUZZ_RUNS executions or
#                                       FUZZ_SECONDS seconds, starting from Tests/Fuzz/Corpus/TARGET and the fixture folders in TARGET.seeds;
#                                       new inputs go to .build/fuzz/corpus/TARGET, never into the repository
#   scripts/fuzz.sh replay [TARGET…]    run the saved corpus and crash fixtures once through the fuzz binary
#
# The build is separate from the normal one (its own build path; the driver target exists only with
# MAILROOM_FUZZ=1), so `swift build` and `make test` never pay for it. A crash, a timeout (FUZZ_TIMEOUT
# seconds per input) or running out of memory (FUZZ_RSS_MB) stops the run with exit status 1 and leaves the
# input in .build/fuzz/crashes/TARGET/; save it under Tests/Fuzz/Corpus/TARGET/ once the bug is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
SWIFT="${SWIFT:-swift}"
FUZZ_RUNS="${FUZZ_RUNS:-}"
FUZZ_SECONDS="${FUZZ_SECONDS:-}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"
FUZZ_RSS_MB="${FUZZ_RSS_MB:-2048}"
FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-65536}"
BIN=.build/fuzz/release/mailroom-fuzz
TARGETS=(mime html einvoice rtf tnef expression template rules kinds connectors configuration)

runtime_dir() {
    # libFuzzer's library without its main, from the toolchain's clang resource folder.
    local resource
    resource=$(dirname "$(dirname "$(command -v swiftc)")")/lib/swift/clang/lib/linux
    [ -f "$resource/libclang_rt.fuzzer_no_main-x86_64.a" ] || resource=$(ls -d "$(dirname "$(dirname "$(command -v swiftc)")")"/lib/clang/*/lib/linux | head -1)
    echo "$resource"
}

build() {
    local rt
    rt="$(runtime_dir)/libclang_rt.fuzzer_no_main-$(uname -m).a"
    [ -f "$rt" ] || { echo "fuzz: libFuzzer's library is not in this toolchain ($rt)" >&2; exit 1; }
    # -sanitize=fuzzer goes to the frontend only (coverage instrumentation); given to the driver it would also
    # link libFuzzer's own main, which clashes with the driver's.
    MAILROOM_FUZZ=1 "$SWIFT" build --build-path .build/fuzz -c release --product mailroom-fuzz \
        -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer \
        -Xlinker "$rt" -Xlinker -lstdc++
}

targets() { if [ $# -gt 0 ]; then echo "$@"; else echo "${TARGETS[@]}"; fi; }

# The target's saved inputs, then the test fixture folders listed in Tests/Fuzz/Corpus/TARGET.seeds (the parser
# fixtures are seeds too, kept once; FuzzReplayTests reads the same list).
seeds() {
    echo "Tests/Fuzz/Corpus/$1"
    [ -f "Tests/Fuzz/Corpus/$1.seeds" ] && grep -v '^\s*\(#\|$\)' "Tests/Fuzz/Corpus/$1.seeds"
    return 0
}

run() {
    [ -x "$BIN" ] || build
    local status=0 t
    for t in $(targets "$@"); do
        local work=.build/fuzz/corpus/$t crashes=.build/fuzz/crashes/$t
        mkdir -p "$work" "$crashes"
        local limit=(-runs="${FUZZ_RUNS:-10000}")
        [ -n "$FUZZ_SECONDS" ] && limit=(-max_total_time="$FUZZ_SECONDS")
        [ -n "$FUZZ_SECONDS" ] && [ -n "$FUZZ_RUNS" ] && limit=(-runs="$FUZZ_RUNS" -max_total_time="$FUZZ_SECONDS")
        local dict=()
        [ -f "Tests/Fuzz/Corpus/$t.dict" ] && dict=(-dict="Tests/Fuzz/Corpus/$t.dict")
        echo "== fuzz $t (${limit[*]})"
        local rc=0
        SWIFT_BACKTRACE=enable=no "$BIN" "$t" "${limit[@]}" "${dict[@]}" -timeout="$FUZZ_TIMEOUT" \
            -rss_limit_mb="$FUZZ_RSS_MB" -max_len="$FUZZ_MAX_LEN" -print_final_stats=1 \
            -artifact_prefix="$crashes/" "$work" $(seeds "$t") >".build/fuzz/$t.log" 2>&1 || rc=$?
        grep -E '^(#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+== ERROR|SUMMARY|Test unit written)' \
            ".build/fuzz/$t.log" || true
        [ "$rc" -eq 0 ] || { echo "fuzz $t: FAILED (exit $rc) — see .build/fuzz/$t.log and $crashes/"; tail -5 ".build/fuzz/$t.log"; status=1; }
    done
    return $status
}

replay() {
    [ -x "$BIN" ] || build
    local status=0 t
    for t in $(targets "$@"); do
        echo "== replay $t"
        local rc=0
        SWIFT_BACKTRACE=enable=no "$BIN" "$t" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" \
            -runs=0 $(seeds "$t") >".build/fuzz/$t.replay.log" 2>&1 || rc=$?
        grep -E '^#[0-9]+ +(INITED|DONE)|ERROR|SUMMARY' ".build/fuzz/$t.replay.log" || true
        [ "$rc" -eq 0 ] || { echo "replay $t: FAILED (exit $rc)"; status=1; }
    done
    return $status
}

mode="${1:-run}"; shift || true
case "$mode" in
    build) build ;;
    run) run "$@" ;;
    replay) replay "$@" ;;
    *) echo "usage: scripts/fuzz.sh build | run [TARGET…] | replay [TARGET…]" >&2; exit 2 ;;
esac
