#!/usr/bin/env bash
# The target graph, read from Package.swift (swift package dump-package), checked against the architecture:
#   - a pipeline stage depends only on earlier stages (Ingest → Parse → Understand → Decide → Act);
#   - only the wrapper targets (LibEtpan, CurlTransport, Markup, Patterns, PasswordHashing) depend on a C module (CEtpan, CCurl,
#     CLibXML2, CRE2Shim, CArgon2);
#   - only Store depends on GRDB;
#   - Vocabulary depends on no other target of the package.
#
#   scripts/target-graph.sh            print the graph and the checks; exit 1 when a rule is broken
#   scripts/target-graph.sh --write    also rewrite the generated section of docs/ARCHITECTURE.md
#   scripts/target-graph.sh --check    exit 1 also when docs/ARCHITECTURE.md's graph differs from Package.swift
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
mode="${1:-}"
json=$(mktemp); trap 'rm -f "$json"' EXIT
swift package dump-package > "$json"
python3 - "$json" "$mode" <<'PY'
import json, sys, re

package = json.load(open(sys.argv[1]))
mode = sys.argv[2]
targets = {t["name"]: t for t in package["targets"]}

def dependencies(target):
    out = []
    for d in target.get("dependencies", []):
        for key in ("byName", "target", "product"):
            if key in d:
                out.append(d[key][0])
    return out

stages = ["Ingest", "Parse", "Understand", "Decide", "Act"]
wrappers = {"LibEtpan": "CEtpan", "CurlTransport": "CCurl", "Markup": "CLibXML2", "Patterns": "CRE2Shim",
            "PasswordHashing": "CArgon2"}
# CRE2Shim is a C++ target (RE2 is C++) with a C interface: a C module like the system libraries.
c_modules = {n for n, t in targets.items() if t["type"] == "system"} | {"CRE2Shim"}
own = {n for n, t in targets.items() if t["type"] != "system" and n not in c_modules}

problems = []
for name, target in targets.items():
    if target["type"] == "test":
        continue
    deps = dependencies(target)
    if name in stages:
        for d in deps:
            if d in stages and stages.index(d) > stages.index(name):
                problems.append(f"{name} depends on the later stage {d}")
            if d in ("Store", "Daemon", "mailroom", "Audit"):
                problems.append(f"{name} depends on {d}: a stage reaches the store through Vocabulary's protocols")
    for d in deps:
        if d in c_modules and wrappers.get(name) != d:
            problems.append(f"{name} depends on the C module {d}; only its wrapper may")
        if d == "GRDB" and name != "Store":
            problems.append(f"{name} depends on GRDB; only Store may")
    if name == "Vocabulary" and any(d in own for d in deps):
        problems.append("Vocabulary depends on " + ", ".join(d for d in deps if d in own))

def graph_lines():
    order = ["Vocabulary", "LibEtpan", "CurlTransport", "Markup", "Patterns", "Store"] + stages + ["Audit", "Daemon", "mailroom", "MailroomTesting"]
    names = [n for n in order if n in targets] + sorted(n for n in own if n not in order and targets[n]["type"] != "test")
    # The drawing leaves out an edge that a longer path already implies (transitive reduction); the table
    # below lists every direct dependency.
    inner = {n: [d for d in dependencies(targets[n]) if d in own or d in c_modules] for n in names}
    for c in c_modules:
        inner.setdefault(c, [])
    def reaches(a, b, skip):
        seen, stack = set(), [x for x in inner.get(a, []) if x != skip]
        while stack:
            x = stack.pop()
            if x == b: return True
            if x in seen: continue
            seen.add(x)
            stack.extend(inner.get(x, []))
        return False
    lines = ["```mermaid", "graph LR"]
    for n in names:
        for d in inner[n]:
            if not reaches(n, d, skip=d):
                lines.append(f"  {n} --> {d}")
    lines.append("```")
    lines.append("")
    lines.append("| target | depends on (package targets) | external libraries |")
    lines.append("|---|---|---|")
    for n in names:
        deps = dependencies(targets[n])
        inner = [d for d in deps if d in own or d in c_modules]
        outer = [d for d in deps if d not in own and d not in c_modules]
        lines.append(f"| {n} | {', '.join(inner) or '—'} | {', '.join(outer) or '—'} |")
    return lines

lines = graph_lines()
print("\n".join(lines))
print()
if problems:
    print("The graph breaks the architecture:")
    for p in problems:
        print("  - " + p)
else:
    print("The graph keeps the architecture: stages depend only forward, C modules only through their wrappers, GRDB only in Store.")

begin, end = "<!-- target-graph: begin (scripts/target-graph.sh --write) -->", "<!-- target-graph: end -->"
doc_path = "docs/ARCHITECTURE.md"
stale = False
if mode in ("--write", "--check"):
    doc = open(doc_path).read()
    if begin not in doc or end not in doc:
        print(f"{doc_path} has no generated section ({begin} … {end})")
        sys.exit(1)
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    fresh = head + begin + "\n" + "\n".join(lines) + "\n" + end + tail
    if mode == "--write":
        open(doc_path, "w").write(fresh)
        print(f"wrote the graph into {doc_path}")
    elif fresh != doc:
        stale = True
        print(f"{doc_path} shows another graph than Package.swift: run scripts/target-graph.sh --write")
sys.exit(1 if problems or stale else 0)
PY
