#!/usr/bin/python3
"""Runs a command under the system-call sandbox of deploy/mailroom.service, as systemd would set it up.

    /usr/bin/python3 scripts/sandbox-run.py UNIT [--serve] -- COMMAND ARGS...

No systemd runs as PID 1 where the tests run, so `systemctl start` cannot try the unit. What can be tried
without it is the part most likely to break the daemon: the seccomp filters. This script reads
SystemCallFilter=, SystemCallErrorNumber= and MemoryDenyWriteExecute= from the unit, expands the groups
with `systemd-analyze syscall-filter` (systemd's own tables), loads the same two filters systemd loads
(libseccomp, Debian's python3-seccomp) and executes the command under them.

--serve: the command is the daemon; it is given NOTIFY_SOCKET (a socket this script binds) and the script
waits for READY=1, sends SIGTERM, waits for STOPPING=1 and the exit. Exit status: the command's, or 1.
"""
import os
import signal
import socket
import subprocess
import sys
import time
import errno as errnos

import seccomp


def unit_settings(path):
    filters, error, mdwe = [], "EPERM", False
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if line.startswith("SystemCallFilter="):
            filters.append(line.split("=", 1)[1].strip())
        elif line.startswith("SystemCallErrorNumber="):
            error = line.split("=", 1)[1].strip()
        elif line.startswith("MemoryDenyWriteExecute="):
            mdwe = line.split("=", 1)[1].strip() in ("yes", "true", "1", "on")
    return filters, error, mdwe


def groups():
    """Every @group with its members (names and nested @groups), from systemd-analyze."""
    out = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True, check=True).stdout
    table, current = {}, None
    for line in out.splitlines():
        if line.startswith("@"):
            current = line.split()[0]
            table[current] = []
        elif current and line.startswith("    ") and not line.strip().startswith("#"):
            table[current].append(line.split()[0])
        elif not line.strip():
            current = None
    return table


def expand(names, table, seen=None):
    seen = set() if seen is None else seen
    result = set()
    for name in names:
        if name.startswith("@"):
            if name in seen:
                continue
            seen.add(name)
            result |= expand(table.get(name, []), table, seen)
        else:
            result.add(name)
    return result


def allowed_syscalls(filters, table):
    """systemd's reading of SystemCallFilter= lines: the first line without ~ starts an allow list; a line
    with ~ takes its calls out of it."""
    allowed = None
    for entry in filters:
        deny = entry.startswith("~")
        names = entry.lstrip("~").split()
        calls = expand(names, table)
        if deny:
            if allowed is not None:
                allowed -= calls
        else:
            allowed = (allowed or set()) | calls
    return allowed


def apply_sandbox(unit):
    filters, error, mdwe = unit_settings(unit)
    errno = getattr(errnos, error)
    if mdwe:
        # MemoryDenyWriteExecute=: no mapping both writable and executable, no making memory executable later.
        w = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        both = 0x2 | 0x4  # PROT_WRITE | PROT_EXEC
        w.add_rule(seccomp.ERRNO(errnos.EPERM), "mmap", seccomp.Arg(2, seccomp.MASKED_EQ, both, both))
        w.add_rule(seccomp.ERRNO(errnos.EPERM), "mprotect", seccomp.Arg(2, seccomp.MASKED_EQ, 0x4, 0x4))
        w.add_rule(seccomp.ERRNO(errnos.EPERM), "pkey_mprotect", seccomp.Arg(2, seccomp.MASKED_EQ, 0x4, 0x4))
        w.add_rule(seccomp.ERRNO(errnos.EPERM), "shmat", seccomp.Arg(2, seccomp.MASKED_EQ, 0o100000, 0o100000))
        w.load()
    allowed = allowed_syscalls(filters, groups())
    if allowed is not None:
        f = seccomp.SyscallFilter(defaction=seccomp.ERRNO(errno))
        for name in sorted(allowed):
            try:
                f.add_rule(seccomp.ALLOW, name)
            except (RuntimeError, ValueError, OSError):
                pass  # not a system call of this architecture
        f.load()


def main():
    args = sys.argv[1:]
    unit = args.pop(0)
    serve = False
    if args and args[0] == "--serve":
        serve = True
        args.pop(0)
    if args and args[0] == "--":
        args.pop(0)
    if not serve:
        apply_sandbox(unit)
        os.execv(args[0], args)

    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    name = "\0mailroom-sandbox-%d" % os.getpid()
    notify.bind(name)
    env = dict(os.environ, NOTIFY_SOCKET="@" + name[1:])
    child = os.fork()
    if child == 0:
        notify.close()
        apply_sandbox(unit)
        os.execve(args[0], args, env)

    def wait_for(word, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            notify.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                message = notify.recv(4096).decode("utf-8", "replace")
            except socket.timeout:
                break
            if word in message.split("\n"):
                return message
        return None

    ready = wait_for("READY=1", 180)
    if ready is None:
        print("sandbox-run: the daemon never said READY=1", file=sys.stderr)
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        return 1
    print("sandbox-run: " + ready.replace("\n", " | "))
    os.kill(child, signal.SIGHUP)
    reloaded = wait_for("READY=1", 60)
    print("sandbox-run: after SIGHUP: " + (reloaded or "nothing").replace("\n", " | "))
    os.kill(child, signal.SIGTERM)
    stopping = wait_for("STOPPING=1", 60)
    _, status = os.waitpid(child, 0)
    code = os.waitstatus_to_exitcode(status)
    print("sandbox-run: STOPPING=1 %s; exit status %d" % ("seen" if stopping else "NOT seen", code))
    return 0 if (stopping and reloaded and code == 0) else 1


if __name__ == "__main__":
    sys.exit(main())
