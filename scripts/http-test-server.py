#!/usr/bin/env python3
"""A tiny HTTP(S) server for Mailroom's HTTP client and http connector tests (loopback only).

Prints "PORT <n>" on its first stdout line once it listens, then serves until killed.

  --tls CERT KEY     serve HTTPS with this (self-signed) certificate
  --secret S         the HMAC-SHA256 secret /hook checks (header X-Signature: sha256=<hex of body>)
  --record FILE      durable /hook: each POST's key is appended to FILE as "created|repeat<TAB>KEY<TAB>SUBJECT"
                     (SUBJECT: the body's "subject", if any) and fsynced before the answer; keys already in FILE
                     are known at start, so a restarted server still answers a repeat as a repeat

Endpoints:
  /status/<n>        answers status n (body "status n"); header X-Test: yes
  /echo              answers 200 with {"method","path","query","headers":{lower-case name: value},"body"}
  /slow?seconds=<s>  waits, then 200
  /busy?status=<n>&retry_after=<s>   answers n (429, 503) with Retry-After
  /hook              POST: checks X-Signature, records Idempotency-Key; a repeated key gets the first
                     answer again (status 200 instead of 201) and is not counted twice.
                     Answers {"id": <n>, "received": <body json>, "key": <key>}
  /hook/lookup?key=K 200 with the first answer for K, 404 when unknown
  /hook/count        {"created": <distinct keys>, "requests": <POSTs>}
  /oauth/token       POST form grant_type=refresh_token&refresh_token=R&client_id=C: R "good-refresh" gets
                     {"access_token": "access-for-C", "expires_in": 3600, "token_type": "Bearer"}, any other
                     R a 400 {"error": "invalid_grant", ...} (RFC 6749 section 5.2)
"""
import hashlib
import hmac
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SECRET = None
RECORD = None
LOCK = threading.Lock()
BY_KEY = {}
STATE = {"next_id": 100, "requests": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Type", "application/json" if not isinstance(body, bytes) else "text/plain")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def route(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        body = self.read_body()
        parts = url.path.strip("/").split("/")
        if parts[0] == "status" and len(parts) == 2:
            n = int(parts[1])
            return self.answer(n, f"status {n}".encode(), [("X-Test", "yes")])
        if parts[0] == "echo":
            return self.answer(200, {
                "method": self.command, "path": url.path, "query": query,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            }, [("X-Echo", "1"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")])
        if parts[0] == "slow":
            time.sleep(float(query.get("seconds", "5")))
            return self.answer(200, {"slept": True})
        if parts[0] == "busy":
            return self.answer(int(query.get("status", "429")), {"error": "busy"},
                               [("Retry-After", query.get("retry_after", "7"))])
        if parts[0] == "hook":
            if len(parts) == 2 and parts[1] == "count":
                with LOCK:
                    return self.answer(200, {"created": len(BY_KEY), "requests": STATE["requests"]})
            if len(parts) == 2 and parts[1] == "lookup":
                with LOCK:
                    found = BY_KEY.get(query.get("key", ""))
                return self.answer(200, found) if found else self.answer(404, {"error": "unknown key"})
            if self.command != "POST":
                return self.answer(405, {"error": "POST only"})
            if SECRET is not None:
                expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
                given = self.headers.get("X-Signature", "")
                if not hmac.compare_digest(expected, given):
                    return self.answer(401, {"error": "bad signature", "given": given})
            key = self.headers.get("Idempotency-Key")
            if not key:
                return self.answer(400, {"error": "Idempotency-Key missing"})
            try:
                received = json.loads(body.decode() or "null")
            except ValueError:
                return self.answer(400, {"error": "body is not JSON"})
            with LOCK:
                STATE["requests"] += 1
                if key in BY_KEY:
                    remember("repeat", key, received)
                    return self.answer(200, BY_KEY[key])
                STATE["next_id"] += 1
                record = {"id": STATE["next_id"], "received": received, "key": key,
                          "links": {"self": f"/hook/{STATE['next_id']}"}}
                BY_KEY[key] = record
                remember("created", key, received)
            return self.answer(201, record)
        if parts[0] == "oauth" and len(parts) == 2 and parts[1] == "token" and self.command == "POST":
            form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
            if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != "good-refresh":
                return self.answer(400, {"error": "invalid_grant", "error_description": "refresh token expired or revoked"})
            return self.answer(200, {"access_token": "access-for-" + form.get("client_id", ""), "expires_in": 3600,
                                     "token_type": "Bearer"})
        return self.answer(404, {"error": "no such endpoint"})

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = route


def remember(what, key, received):
    """Appends one line to the --record file and makes it durable before the caller answers."""
    if RECORD is None:
        return
    subject = received.get("subject", "") if isinstance(received, dict) else ""
    line = "\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in (what, key, subject)) + "\n"
    RECORD.write(line.encode())
    RECORD.flush()
    os.fsync(RECORD.fileno())


def load_record(path):
    """The keys an earlier run of this server recorded in PATH (each becomes a known key again)."""
    if not os.path.exists(path):
        return
    with open(path, "rb") as f:
        for raw in f:
            parts = raw.decode("utf-8", "replace").rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] == "created" and parts[1] not in BY_KEY:
                STATE["next_id"] += 1
                BY_KEY[parts[1]] = {"id": STATE["next_id"], "received": None, "key": parts[1],
                                    "links": {"self": f"/hook/{STATE['next_id']}"}}


def main():
    global SECRET, RECORD
    args = sys.argv[1:]
    cert = key = None
    while args:
        a = args.pop(0)
        if a == "--tls":
            cert, key = args.pop(0), args.pop(0)
        elif a == "--secret":
            SECRET = args.pop(0)
        elif a == "--record":
            path = args.pop(0)
            load_record(path)
            RECORD = open(path, "ab")
        else:
            sys.exit(f"unknown argument {a}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
