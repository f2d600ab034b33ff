#!/usr/bin/env python3
"""A small legacy-style web application for Mailroom's webform connector tests (Python stdlib only, loopback).

Prints "PORT <n>" on its first stdout line once it listens, then serves until killed.

  --user U --password P     the one account (default mailroom / secret)
  --record FILE             every accepted order is appended to FILE as one JSON line
  --session-seconds S       a session expires S seconds after its last use (default 600)

Pages:
  GET  /login            login form: username, password, hidden csrf (tied to a pre-session cookie)
  POST /login            checks csrf + credentials; new session cookie; 303 to /orders
  GET  /orders/new       (session) order form: customer, amount, reference, comment, priority (select),
                         hidden csrf and form_build_id
  POST /orders           (session) checks csrf and form_build_id; records; 303 to /orders/<id>
  GET  /orders/<id>      (session) "Order <id> saved"
  GET  /orders?q=TEXT    (session) the list of orders whose reference or comment contains TEXT
  Without a valid session every page redirects (302) to /login. A wrong or missing csrf answers 403.
"""
import argparse
import html
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

ARGS = None
LOCK = threading.Lock()
PRE = {}        # pre-session id -> csrf for the login form
SESSIONS = {}   # session id -> {"user", "csrf", "last", "builds": set()}
ORDERS = []


def page(title, body):
    return ("<!DOCTYPE html><html><head><title>%s</title></head><body><h1>%s</h1>%s</body></html>"
            % (html.escape(title), html.escape(title), body)).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def cookies(self):
        out = {}
        for part in (self.headers.get("Cookie") or "").split(";"):
            if "=" in part:
                k, v = part.strip().split("=", 1)
                out[k] = v
        return out

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where, status=302, headers=()):
        self.send(status, b"", [("Location", where)] + list(headers))

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length).decode() if length else ""
        return {k: v[0] for k, v in parse_qs(data, keep_blank_values=True).items()}

    def session(self):
        sid = self.cookies().get("LEGACYSESSION")
        with LOCK:
            s = SESSIONS.get(sid)
            if s is None:
                return None, None
            if time.time() - s["last"] > ARGS.session_seconds:
                del SESSIONS[sid]
                return None, None
            s["last"] = time.time()
            return sid, s

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/login":
            pre = secrets.token_hex(8)
            csrf = secrets.token_hex(16)
            with LOCK:
                PRE[pre] = csrf
            body = page("Sign in", '<form id="login" method="post" action="/login">'
                        '<input type="hidden" name="csrf" value="%s">'
                        '<label>User <input name="username"></label>'
                        '<label>Password <input type="password" name="password"></label>'
                        '<input type="submit" name="go" value="Sign in"></form>' % csrf)
            return self.send(200, body, [("Set-Cookie", "PRELOGIN=%s; Path=/; HttpOnly" % pre)])
        sid, s = self.session()
        if s is None:
            return self.redirect("/login")
        if url.path == "/orders/new":
            build = secrets.token_hex(6)
            with LOCK:
                s["builds"].add(build)
            body = page("New order", '<form id="order" method="post" action="/orders">'
                        '<input type="hidden" name="csrf" value="%s">'
                        '<input type="hidden" name="form_build_id" value="%s">'
                        '<input name="customer"> <input name="amount"> <input name="reference">'
                        '<textarea name="comment"></textarea>'
                        '<select name="priority"><option value="low">low</option>'
                        '<option value="normal" selected>normal</option><option value="high">high</option></select>'
                        '<input type="checkbox" name="urgent" value="yes">'
                        '<input type="submit" name="save" value="Save"></form>' % (s["csrf"], build))
            return self.send(200, body)
        if url.path == "/orders":
            q = parse_qs(url.query).get("q", [""])[0]
            with LOCK:
                rows = [o for o in ORDERS if q in o["reference"] or q in o["comment"]]
            items = "".join("<tr><td>%d</td><td>%s</td><td>%s</td></tr>"
                            % (o["id"], html.escape(o["customer"]), html.escape(o["reference"])) for o in rows)
            return self.send(200, page("Orders", "<table>%s</table><p>%d order(s)</p>" % (items, len(rows))))
        if url.path.startswith("/orders/"):
            try:
                n = int(url.path.rsplit("/", 1)[1])
            except ValueError:
                return self.send(404, page("Not found", ""))
            with LOCK:
                found = [o for o in ORDERS if o["id"] == n]
            if not found:
                return self.send(404, page("Not found", ""))
            return self.send(200, page("Order %d saved" % n, "<p>Customer: %s</p>" % html.escape(found[0]["customer"])))
        if url.path == "/":
            return self.redirect("/orders")
        return self.send(404, page("Not found", ""))

    def do_POST(self):
        url = urlparse(self.path)
        fields = self.form()
        if url.path == "/login":
            pre = self.cookies().get("PRELOGIN")
            with LOCK:
                expected = PRE.pop(pre, None)
            if expected is None or fields.get("csrf") != expected:
                return self.send(403, page("Forbidden", "<p>CSRF check failed</p>"))
            if fields.get("username") != ARGS.user or fields.get("password") != ARGS.password:
                return self.send(200, page("Sign in", "<p>Invalid credentials</p>"))
            sid = secrets.token_hex(16)
            with LOCK:
                SESSIONS[sid] = {"user": ARGS.user, "csrf": secrets.token_hex(16), "last": time.time(), "builds": set()}
            return self.redirect("/orders", 303, [("Set-Cookie", "LEGACYSESSION=%s; Path=/; HttpOnly" % sid),
                                                  ("Set-Cookie", "PRELOGIN=; Path=/; Max-Age=0")])
        sid, s = self.session()
        if s is None:
            return self.redirect("/login")
        if url.path == "/orders":
            with LOCK:
                ok = fields.get("csrf") == s["csrf"] and fields.get("form_build_id") in s["builds"]
                if ok:
                    s["builds"].discard(fields.get("form_build_id"))
            if not ok:
                return self.send(403, page("Forbidden", "<p>CSRF check failed</p>"))
            for required in ("customer", "amount", "reference"):
                if not fields.get(required):
                    return self.send(200, page("New order", "<p>%s is required</p>" % required))
            with LOCK:
                order = {"id": len(ORDERS) + 1, "customer": fields["customer"], "amount": fields["amount"],
                         "reference": fields["reference"], "comment": fields.get("comment", ""),
                         "priority": fields.get("priority", ""), "urgent": fields.get("urgent", "")}
                ORDERS.append(order)
                if ARGS.record:
                    with open(ARGS.record, "a") as f:
                        f.write(json.dumps(order) + "\n")
                        f.flush()
            return self.redirect("/orders/%d" % order["id"], 303)
        return self.send(404, page("Not found", ""))


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="mailroom")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--record")
    parser.add_argument("--session-seconds", type=float, default=600)
    ARGS = parser.parse_args()
    if ARGS.record:
        try:
            with open(ARGS.record) as f:
                for line in f:
                    if line.strip():
                        ORDERS.append(json.loads(line))
        except FileNotFoundError:
            pass
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
