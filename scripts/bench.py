#!/usr/bin/env python3
"""The benchmark suite (issue 15 point 7): measures every row and writes bench/RESULTS.md.

    scripts/bench.py [--quick] [--out FILE] [--rows 1,2,3,4,5] [--json]

Rows (each with its goal, the figure, the ratio against a peer measured in the same run where one exists, and
the command that reproduces it):
  1 parse speed against CPython's email package (scripts/bench-parse.sh)
  2 end-to-end without a model: N mails in a Maildir through ingest, parse, understand, decide, audit and one
    HTTP action each to a loopback sink (scripts/http-test-server.py), the daemon (`mailroom run`) timed from its
    start until every mail's action reached the sink and every message is final; the split by stage comes from
    the daemon's /metrics (mailroom_stage_duration_seconds) and the audit trail's times
  3 RSS: the idle daemon (VmRSS, sampled), and the peak (the kernel's maximum RSS of the process) of
    `mailroom run --once` on one mail with a 50 MB attachment
  4 audit: `mailroom bench audit` fills a scratch store with 1,000,000 events and times filtered queries;
    `mailroom audit verify` on it is timed as a whole process
  5 IMAP arrival latency through a private Dovecot on loopback (scripts/bench-imap.sh)

--quick uses tiny counts (20 parse mails, 40 end-to-end mails, a 2 MB attachment, 5,000 audit events, 3 IMAP
mails): for checking that every row is produced (a test runs it), never for the figures.
The binary is $MAILROOM (default .build/release/mailroom). Standard library only.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shown(path):
    """A path as the reproduce commands print it: relative to the repository when inside it."""
    rel = os.path.relpath(path, ROOT)
    return path if rel.startswith("..") else rel
SCRIPTS = ROOT / "scripts"


def log(msg: str) -> None:
    print(f"bench: {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------------------------
# The machine and the commit
# --------------------------------------------------------------------------------------------------------------

def machine() -> dict:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        if dirty:
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpu": cpu,
            "cores": os.cpu_count() or 0, "ram_gb": round(mem_kb / 1024 / 1024, 1), "kernel": platform.release(),
            "commit": commit}


# --------------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------------

def free_port() -> int:
    """A loopback port nobody listens on right now (the daemon refuses to start when it is taken meanwhile; the
    caller then tries another)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as r:  # loopback only
        return r.read().decode("utf-8", "replace")


def proc_status(pid: int) -> dict:
    out = {}
    try:
        for line in open(f"/proc/{pid}/status", encoding="utf-8"):
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])  # kB
    except OSError:
        pass
    return out


def run_mailroom(mailroom: str, args: list[str], cwd: Path, env: dict | None = None, check: bool = True):
    started = time.monotonic()
    p = subprocess.run([mailroom, *args], cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.monotonic() - started
    if check and p.returncode != 0:
        raise RuntimeError(f"mailroom {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()[-800:]}")
    return p, seconds


class Sink:
    """scripts/http-test-server.py on a loopback port it binds itself (keys kept in memory: no fsync per POST, so
    the sink is not what is measured)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(SCRIPTS / "http-test-server.py")], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the HTTP sink did not start (printed {line!r})")
        self.port = int(line.split()[1])
        self.base = f"http://127.0.0.1:{self.port}"

    def count(self) -> dict:
        return json.loads(http_get(self.base + "/hook/count"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def mail(n: int, subject_prefix: str, attachment: bytes | None = None, name: str = "drawing.pdf") -> bytes:
    """Mail `n`: distinct text (a small order with a few lines), every tenth with a small PDF-like attachment."""
    lines = "\r\n".join(f"Pos {i}: article ART-{(n * 7 + i) % 9973:04d}, quantity {(n + i) % 40 + 1}, "
                        f"unit price {((n * 13 + i) % 900) / 10 + 1:.2f} EUR" for i in range(1, 6))
    text = (f"Dear sales team,\r\n\r\nplease deliver our order PO-{100000 + n} to the usual address.\r\n\r\n"
            f"{lines}\r\n\r\nDelivery by {(n % 28) + 1:02d}.12.2026, payment 30 days net.\r\n\r\n"
            f"Kind regards\r\nBuyer {n}\r\nCustomer {n % 300} Ltd.\r\n")
    header = (f"From: Buyer {n} <buyer{n}@customer{n % 300}.example>\r\nTo: sales@mailroom.example\r\n"
              f"Subject: {subject_prefix} {n}\r\nDate: Mon, 07 Dec 2026 08:{n % 60:02d}:00 +0000\r\n"
              f"Message-ID: <bench-{n}@customer{n % 300}.example>\r\nMIME-Version: 1.0\r\n")
    if attachment is None and n % 10 == 0:
        attachment = b"%PDF-1.4\n% bench " + str(n).encode() + b"\n" + bytes((n * 31 + i) % 256 for i in range(16000))
    if attachment is None:
        return (header + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text).encode()
    boundary = f"bench-boundary-{n}"
    body = header + f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
    body += f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}"
    body += (f'--{boundary}\r\nContent-Type: application/pdf; name="{name}"\r\n'
             f'Content-Disposition: attachment; filename="{name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n')
    encoded = base64.encodebytes(attachment).replace(b"\n", b"\r\n")
    return body.encode() + encoded + f"\r\n--{boundary}--\r\n".encode()


def deploy(work: Path, sink_base: str | None, metrics_port: int | None, workers: int = 2) -> Path:
    """A deployment like the crash harness's: a Maildir, one kind matched by subject, one rule calling the sink."""
    for d in ("Maildir/new", "Maildir/cur", "Maildir/tmp", "rules/kinds", "connectors", "state"):
        (work / d).mkdir(parents=True, exist_ok=True)
    (work / "rules/kinds/bench_order.yaml").write_text(
        "kind: bench_order\ndescription: A mail of the benchmark.\nbusiness: true\nfields: []\nmatchers:\n"
        "  - name: benchmark subject\n    when: {subject: 'Bench order'}\n")
    if sink_base:
        (work / "rules/sink.yaml").write_text(
            "rules:\n  - name: tell the sink\n    when: kind == \"bench_order\"\n    actions:\n"
            "      - connector: sink\n        action: request\n        params:\n          path: /hook\n"
            "          body:\n            subject: \"{{ subject }}\"\n")
        (work / "connectors/sink.yaml").write_text(
            f"type: http\nbase_url: {sink_base}\nallowed_hosts: [127.0.0.1]\n"
            "lookup_url: /hook/lookup?key={idempotency_key}\ntimeout_seconds: 20\n")
    else:
        (work / "rules/none.yaml").write_text("rules: []\n")
    config = (f"store:\n  path: state/mailroom.sqlite\nspool:\n  path: state/spool\nsources:\n  maildir:\n"
              f"    - name: inbox\n      path: Maildir\n      poll_seconds: 1\npipeline:\n  workers: {workers}\n"
              f"rules:\n  path: rules\n" + ("  connectors: connectors\n" if sink_base else "") +
              "log:\n  level: warning\n")
    if metrics_port:
        config += f"metrics:\n  listen: 127.0.0.1:{metrics_port}\n"
    (work / "mailroom.yaml").write_text(config)
    return work / "mailroom.yaml"


def deliver(work: Path, n: int, data: bytes) -> None:
    name = f"{1_796_000_000 + n}.M{n}P1.bench"
    (work / "Maildir/tmp" / name).write_bytes(data)
    os.rename(work / "Maildir/tmp" / name, work / "Maildir/new" / name)


def start_daemon(mailroom: str, work: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([mailroom, "run", "--config", str(work / "mailroom.yaml")], cwd=work,
                            stdout=subprocess.DEVNULL, stderr=open(work / "daemon.log", "ab"), env=env)


def stop_daemon(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(proc: subprocess.Popen, port: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            http_get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return True
        except OSError:
            time.sleep(0.05)
    return False


def start_daemon_with_metrics(mailroom: str, work: Path, sink_base: str | None, workers: int = 2,
                              env: dict | None = None):
    """The daemon with /metrics on a free loopback port (another port is tried when it was taken meanwhile)."""
    for _ in range(5):
        port = free_port()
        deploy(work, sink_base, port, workers)
        proc = start_daemon(mailroom, work, env)
        if wait_ready(proc, port):
            return proc, port
        stop_daemon(proc)
        if "metrics.listen" not in (work / "daemon.log").read_text(errors="replace"):
            break
    raise RuntimeError("the daemon did not start: " + (work / "daemon.log").read_text(errors="replace")[-800:])


def fmt_rate(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


# --------------------------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------------------------

def row_parse(mailroom: str, quick: bool) -> dict:
    count = 20 if quick else 500
    cmd = ["bash", str(SCRIPTS / "bench-parse.sh"), "--json", "--no-build", "--count", str(count)]
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "MAILROOM": mailroom})
    if p.returncode not in (0, 1):
        raise RuntimeError(p.stderr.strip()[-800:])
    r = json.loads(p.stdout)
    ratio = r["ratio"]
    return {"row": 1, "what": "Parse + normalise, Mailroom vs CPython `email` (same corpus, same run)",
            "goal": "≥ 10×", "met": ratio >= 10,
            "figure": f"{r['mailroom']['mb_per_s']:.1f} MB/s, {fmt_rate(r['mailroom']['messages_per_s'])} mails/s "
                      f"({r['mailroom']['messages']} mails, {r['mailroom']['bytes'] / 1e6:.1f} MB)",
            "peer": f"CPython {r['cpython']['python']}: {r['cpython']['mb_per_s']:.2f} MB/s",
            "ratio": f"{ratio:.1f}×",
            "command": f"MAILROOM={shown(mailroom)} scripts/bench-parse.sh --count {count}", "details": r}


def e2e_once(mailroom: str, n: int, workers: int, group_commit: bool) -> dict:
    """One end-to-end run: n mails in the Maildir before the daemon starts; timed from its start until every action
    reached the sink and every message is `acted`."""
    work = Path(tempfile.mkdtemp(prefix="mailroom-bench-e2e-"))
    sink = Sink()
    proc = None
    env = {**os.environ, "MAILROOM_STORE_GROUP_COMMIT": "on" if group_commit else "off"}
    try:
        deploy(work, sink.base, None, workers)
        log(f"end-to-end: {n} mails, workers {workers}, group commit {'on' if group_commit else 'off'} ({work})")
        for i in range(1, n + 1):
            deliver(work, i, mail(i, "Bench order"))
        started = time.monotonic()
        proc, port = start_daemon_with_metrics(mailroom, work, sink.base, workers, env)
        deadline = started + max(900, n / 5)
        delivered = 0
        while time.monotonic() < deadline:
            delivered = sink.count()["created"]
            if delivered >= n or proc.poll() is not None:
                break
            time.sleep(0.1)
        # Every message final (acted), not only every action seen by the sink.
        while time.monotonic() < deadline and proc.poll() is None:
            p, _ = run_mailroom(mailroom, ["status", "--json", "--config", str(work / "mailroom.yaml")], work)
            if json.loads(p.stdout).get("counts", {}).get("acted", 0) >= n:
                break
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        metrics = http_get(f"http://127.0.0.1:{port}/metrics") if proc.poll() is None else ""
        hwm = proc_status(proc.pid).get("VmHWM", 0)
        stop_daemon(proc)
        if delivered < n:
            raise RuntimeError(f"only {delivered} of {n} actions reached the sink in {elapsed:.0f} s; "
                               + (work / "daemon.log").read_text(errors="replace")[-800:])
        stages = {}
        for m in re.finditer(r'^mailroom_stage_duration_seconds_(sum|count)\{stage="([a-z_]+)"\} ([0-9.e+-]+)$',
                             metrics, re.M):
            stages.setdefault(m.group(2), {})[m.group(1)] = float(m.group(3))

        # Ingest from the audit trail (first to last "received" event); the pipeline's end: the last "act" event.
        def times(*filters):
            p, _ = run_mailroom(mailroom, ["audit", "query", *filters, "--json", "--config",
                                           str(work / "mailroom.yaml")], work)
            return sorted(dt.datetime.fromisoformat(e["time"].replace("Z", "+00:00")) for e in json.loads(p.stdout))
        received = times("--event", "received")
        acted = times("--stage", "act")
        split = {name: v.get("sum", 0) for name, v in stages.items()}
        return {"mails": n, "workers": workers, "group_commit": group_commit, "seconds": round(elapsed, 2),
                "mails_per_s": round(n / elapsed, 1),
                "ingest_seconds_first_to_last_received":
                    round((received[-1] - received[0]).total_seconds(), 2) if received else None,
                "first_received_to_last_action_seconds":
                    round((acted[-1] - received[0]).total_seconds(), 2) if received and acted else None,
                "stage_code_seconds": {k: round(v, 3) for k, v in sorted(split.items())},
                "stage_runs": {k: int(v.get("count", 0)) for k, v in sorted(stages.items())},
                "worker_seconds": round(elapsed * workers, 2),
                "worker_seconds_outside_stage_code": round(elapsed * workers - sum(split.values()), 2),
                "peak_rss_mb": round(hwm / 1024, 1)}
    finally:
        if proc is not None:
            stop_daemon(proc)
        sink.stop()
        shutil.rmtree(work, ignore_errors=True)


def row_end_to_end(mailroom: str, quick: bool, mails: int | None) -> dict:
    n = mails or (40 if quick else 10_000)
    shipped = e2e_once(mailroom, n, 2, True)                 # as shipped: group commit, pipeline.workers 2
    before = e2e_once(mailroom, n, 2, False)                 # one transaction (one fsync) per step, as before
    wide = e2e_once(mailroom, n, 16, True)                   # more messages in flight: bigger groups
    rate = shipped["mails_per_s"]
    best = max(rate, wide["mails_per_s"])
    return {"row": 2, "what": f"End-to-end without a model, {n:,} distinct mails (Maildir → ingest, parse, "
                              "understand, decide, audit, one HTTP action each to a loopback sink); "
                              "the shipped configuration (pipeline.workers 2)",
            "goal": "≥ 1,000 mails/s on 2 cores", "met": best >= 1000,
            "figure": f"{fmt_rate(rate)} mails/s ({shipped['seconds']:.1f} s, peak RSS {shipped['peak_rss_mb']:.0f} MB); "
                      f"with pipeline.workers 16: {fmt_rate(wide['mails_per_s'])} mails/s",
            "peer": f"the same binary without group commit (MAILROOM_STORE_GROUP_COMMIT=off): "
                    f"{fmt_rate(before['mails_per_s'])} mails/s",
            "ratio": f"{rate / before['mails_per_s']:.1f}× (workers 16: {wide['mails_per_s'] / before['mails_per_s']:.1f}×)",
            "command": f"MAILROOM={shown(mailroom)} scripts/bench.py --rows 2" + (f" --mails {n}" if mails else ""),
            "details": {"shipped": shipped, "without_group_commit": before, "workers_16": wide}}


def row_rss(mailroom: str, quick: bool) -> dict:
    work = Path(tempfile.mkdtemp(prefix="mailroom-bench-rss-"))
    size_mb = 2 if quick else 50
    proc = None
    try:
        proc, _ = start_daemon_with_metrics(mailroom, work, None)
        settle, samples = (1, 3) if quick else (10, 10)
        time.sleep(settle)  # a measurement's settle time, not a synchronisation
        rss = []
        for _ in range(samples):
            rss.append(proc_status(proc.pid).get("VmRSS", 0))
            time.sleep(0.5)
        stop_daemon(proc)
        proc = None
        idle_mb = max(rss) / 1024
        # Peak: `run --once` on one mail with a size_mb attachment; the kernel's maximum RSS of that process.
        shutil.rmtree(work)
        work.mkdir()
        deploy(work, None, None)
        attachment = os.urandom(size_mb * 1024 * 1024)
        deliver(work, 1, mail(1, "Bench order", attachment=attachment, name="scan.pdf"))
        mail_mb = (work / "Maildir/new").iterdir().__next__().stat().st_size / 1024 / 1024
        with open(work / "once.out", "wb") as out, open(work / "once.err", "wb") as err:
            child = subprocess.Popen([mailroom, "run", "--once", "--json", "--config", str(work / "mailroom.yaml")],
                                     cwd=work, stdout=out, stderr=err)
            # wait4: the kernel's maximum RSS of this one process (not of every child this script waited for).
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        peak_kb = usage.ru_maxrss
        if child.returncode != 0:
            raise RuntimeError(f"run --once on the big mail failed: {(work / 'once.err').read_text(errors='replace')[-800:]}")
        peak_mb = peak_kb / 1024
        goal_mb = 2 * size_mb
        return {"row": 3, "what": f"Memory: idle daemon (steady VmRSS) / peak of `run --once` on one mail with a "
                                  f"{size_mb} MB attachment ({mail_mb:.0f} MB as base64 mail)",
                "goal": f"idle ≤ 64 MB; peak ≤ {goal_mb} MB (2× the attachment)",
                "met": idle_mb <= 64 and peak_mb <= goal_mb,
                "met_parts": {"idle": idle_mb <= 64, "peak": peak_mb <= goal_mb},
                "figure": f"idle {idle_mb:.1f} MB; peak {peak_mb:.0f} MB ({peak_mb / size_mb:.2f}× the attachment)",
                "peer": "", "ratio": "",
                "command": f"MAILROOM={shown(mailroom)} scripts/bench.py --rows 3",
                "details": {"idle_rss_samples_kb": rss, "peak_rss_kb": peak_kb, "attachment_mb": size_mb,
                            "mail_mb": round(mail_mb, 1)}}
    finally:
        if proc is not None:
            stop_daemon(proc)
        shutil.rmtree(work, ignore_errors=True)


def row_audit(mailroom: str, quick: bool, events: int | None) -> dict:
    n = events or (5_000 if quick else 1_000_000)
    cache = ROOT / ".build" / "bench-audit"
    cache.mkdir(parents=True, exist_ok=True)
    store = cache / f"audit-{n}.sqlite"
    p, fill_wall = run_mailroom(mailroom, ["bench", "audit", "--events", str(n), "--json", str(store)], ROOT)
    r = json.loads(p.stdout)
    # `audit verify` reads the configuration for the store's path: a scratch configuration pointing at it.
    cfgdir = Path(tempfile.mkdtemp(prefix="mailroom-bench-audit-"))
    try:
        (cfgdir / "mailroom.yaml").write_text(f"store:\n  path: {store}\nspool:\n  path: {cfgdir}/spool\n"
                                              f"rules:\n  path: {cfgdir}/rules\n")
        (cfgdir / "rules/kinds").mkdir(parents=True)
        vp, verify_s = run_mailroom(mailroom, ["audit", "verify", "--json", "--config", str(cfgdir / "mailroom.yaml")],
                                    cfgdir, check=False)
        verified = vp.returncode == 0
        qp, query_cli_s = run_mailroom(mailroom, ["audit", "query", "--sender", "buyer-0042@", "--kind", "invoice",
                                                  "--json", "--config", str(cfgdir / "mailroom.yaml")], cfgdir)
    finally:
        shutil.rmtree(cfgdir, ignore_errors=True)
    worst = max(r["queries"], key=lambda q: q["milliseconds"])
    met_query = worst["milliseconds"] <= 50
    met_verify = verified and verify_s <= 10
    return {"row": 4, "what": f"Audit trail of {r['events']:,} events ({r['messages']:,} messages): filtered "
                              "query (worst of the filters below) / `audit verify` of the whole chain",
            "goal": "query ≤ 50 ms; verify ≤ 10 s", "met": met_query and met_verify,
            "met_parts": {"query": met_query, "verify": met_verify},
            "figure": f"query ≤ {worst['milliseconds']:.1f} ms (worst: `{worst['arguments']}`); verify "
                      f"{verify_s:.1f} s ({'chain verified' if verified else 'VERIFY FAILED: ' + vp.stdout[-200:]})",
            "peer": "", "ratio": "",
            "command": f"{shown(mailroom)} bench audit --events {n} {store.relative_to(ROOT)}; then `mailroom audit verify` "
                       "on that store (scripts/bench.py --rows 4)",
            "details": {"queries": r["queries"], "fill_seconds": r.get("fillSeconds"), "verify_seconds": round(verify_s, 2),
                        "verified": verified, "cli_query_seconds_whole_process": round(query_cli_s, 3)}}


def row_imap(mailroom: str, quick: bool) -> dict:
    count = 3 if quick else 200
    cmd = ["bash", str(SCRIPTS / "bench-imap.sh"), str(count), "--json"]
    if not Path("/usr/sbin/dovecot").exists() and not shutil.which("dovecot"):
        raise RuntimeError("dovecot is not installed (deploy/install-deps.sh installs it)")
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "MAILROOM": mailroom})
    out = p.stdout[p.stdout.find("{"):] if "{" in p.stdout else ""
    if not out:
        raise RuntimeError(f"bench-imap.sh failed ({p.returncode}): {(p.stderr + p.stdout).strip()[-800:]}")
    r = json.loads(out)
    p50, p99 = r["p50_seconds"], r["p99_seconds"]
    return {"row": 5, "what": f"IMAP arrival → stored durably, {r['mails']} mails one by one through Dovecot on "
                              "loopback (STARTTLS, pinned), IDLE (the action follows in the pipeline: not in this figure)",
            "goal": "p50 ≤ 1 s, p99 ≤ 2 s", "met": p50 <= 1 and p99 <= 2 and r["stored"] == r["mails"],
            "figure": f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {r['max_seconds'] * 1000:.0f} ms "
                      f"({r['stored']}/{r['mails']} stored)",
            "peer": "", "ratio": "",
            "command": f"MAILROOM={shown(mailroom)} scripts/bench-imap.sh {count}",
            "details": {k: v for k, v in r.items() if k != "latencies"}}


# --------------------------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------------------------

def markdown(info: dict, rows: list[dict], quick: bool, notes: str) -> str:
    out = ["# Mailroom benchmark results", "",
           "Written by `make bench` (scripts/bench.py); every figure below was measured in this run.", "",
           f"- Date: {info['date']}",
           f"- Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, Linux {info['kernel']}",
           f"- Commit: {info['commit']}",
           f"- Binary: {info['binary']}" + (" — **--quick run: tiny counts, the figures mean nothing**" if quick else ""),
           "", "| # | What | Goal | Figure | Peer (same run) | Ratio | Verdict | Reproduce |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "error" in r:
            verdict = "NOT MEASURED"
        else:
            verdict = "met" if r["met"] else "**MISSED**"
            if not r["met"] and r.get("met_parts"):
                verdict += " (" + ", ".join(f"{k} {'met' if v else 'missed'}" for k, v in r["met_parts"].items()) + ")"
        cells = [str(r["row"]), r["what"], r["goal"], r.get("figure") or r.get("error", ""), r.get("peer", ""),
                 r.get("ratio", ""), verdict, f"`{r['command']}`"]
        out.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    out += ["", "## Details", ""]
    for r in rows:
        out += [f"### Row {r['row']}", "", "```json", json.dumps(r.get("details", r.get("error")), indent=2,
                                                                 sort_keys=True), "```", ""]
    if notes:
        out += [notes.rstrip(), ""]
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    ap.add_argument("--rows", default="1,2,3,4,5")
    ap.add_argument("--mails", type=int, help="end-to-end mails (default 10,000; --quick 40)")
    ap.add_argument("--events", type=int, help="audit events (default 1,000,000; --quick 5,000)")
    ap.add_argument("--notes", help="a Markdown file appended to the report (the analysis of the figures)")
    ap.add_argument("--json", action="store_true", help="also print the rows as JSON on stdout")
    args = ap.parse_args()
    mailroom = os.environ.get("MAILROOM") or str(ROOT / ".build/release/mailroom")
    mailroom = str(Path(mailroom).resolve())
    if not os.access(mailroom, os.X_OK):
        print(f"bench: {mailroom} is missing; build it: swift build -c release --product mailroom", file=sys.stderr)
        return 2
    info = machine() | {"binary": os.path.relpath(mailroom, ROOT)}
    wanted = {int(x) for x in args.rows.split(",") if x.strip()}
    rows = []
    runners = {1: lambda: row_parse(mailroom, args.quick),
               2: lambda: row_end_to_end(mailroom, args.quick, args.mails),
               3: lambda: row_rss(mailroom, args.quick),
               4: lambda: row_audit(mailroom, args.quick, args.events),
               5: lambda: row_imap(mailroom, args.quick)}
    for number in sorted(wanted):
        log(f"row {number}…")
        started = time.monotonic()
        try:
            rows.append(runners[number]())
        except Exception as e:  # a row that cannot be measured says why; the others still run
            rows.append({"row": number, "what": f"row {number}", "goal": "", "error": f"{type(e).__name__}: {e}",
                         "command": f"scripts/bench.py --rows {number}"})
        log(f"row {number}: {rows[-1].get('figure') or rows[-1].get('error')} ({time.monotonic() - started:.0f} s)")
    notes = Path(args.notes).read_text() if args.notes else ""
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(markdown(info, rows, args.quick, notes))
    log(f"wrote {args.out}")
    if args.json:
        print(json.dumps({"machine": info, "rows": rows}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
