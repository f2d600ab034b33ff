#!/usr/bin/env python3
"""A fake OpenAI-compatible chat-completions server for Mailroom's tests and token benchmark (stdlib only).

    python3 scripts/fake-openai-server.py [--port 0]      prints "listening on PORT" once ready

POST /v1/chat/completions   answers deterministically (below) unless a scripted response is queued
POST /_script               {"model": M, "responses": [R, ...]} queue responses for model M, each R one of
                              {"status": 429, "retry_after": "1"}            an HTTP error (503 likewise)
                              {"delay": 5}                                   sleep before answering normally
                              {"content": "text"}                            this text as the answer
                              {"content": "...", "usage": [in, out]}         with this usage
GET  /_received             every request body received so far, as a JSON list
POST /_reset                forget queues and received requests
GET  /health                {"status": "ok"}

The deterministic answer: the kinds come from the JSON schema (response_format) or the system prompt; the
kind is chosen by keyword votes over the user text (English, German, Chinese), fields that the schema asks
for are filled from simple patterns (first e-mail address, IBAN, "PO-…"/"APR-…" references, amounts after
"total"). The model name sets how sure the fake is: names containing "small" are unsure when the keyword
votes are close (confidence 0.55) and sure otherwise (0.9); other models answer 0.95. Usage counts tokens
with the same heuristic as Mailroom (CJK character = 1 token, other text 4 characters per token).
"""
import argparse
import json
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEYWORDS = {
    "quote_request": ["quote", "quotation", "price for", "prices for", "offer", "angebot", "preisanfrage", "anfrage",
                      "报价", "询价", "please quote", "how much would"],
    "support_ticket": ["broken", "not working", "error", "defect", "problem", "issue", "support", "fehler", "defekt",
                       "funktioniert nicht", "störung", "故障", "问题", "无法", "ticket"],
    "approval": ["approve", "approved", "reject", "rejected", "genehmigt", "freigegeben", "abgelehnt", "批准", "同意",
                 "拒绝", "apr-"],
    "invoice": ["invoice", "rechnung", "发票", "amount due", "due date", "zahlbar", "iban", "payment terms"],
    "purchase_order": ["purchase order", "bestellung", "order number", "we order", "订单", "采购", "po-"],
    "auto_reply": ["out of office", "abwesenheit", "auto-reply", "automatic reply", "undeliverable", "delivery status",
                   "mail delivery failed", "自动回复", "not be delivered"],
    "other": ["newsletter", "unsubscribe", "webinar", "sale ends", "lunch", "party", "digest"],
}

LOCK = threading.Lock()
QUEUES = {}
RECEIVED = []


def tokens(text):
    cjk = sum(1 for ch in text if 0x3000 <= ord(ch) <= 0x9FFF or 0xAC00 <= ord(ch) <= 0xD7AF or 0xFF00 <= ord(ch) <= 0xFFEF)
    return cjk + (len(text) - cjk + 3) // 4


def schema_of(body):
    rf = body.get("response_format") or {}
    return ((rf.get("json_schema") or {}).get("schema")) if rf.get("type") == "json_schema" else None


def kinds_and_fields(body, system):
    schema = schema_of(body)
    if schema:
        props = schema.get("properties", {})
        kinds = props.get("kind", {}).get("enum", [])
        fields = list((props.get("fields", {}).get("properties") or {}).keys())
        return kinds, fields
    kinds = re.findall(r"^- ([a-z_]+)(?::|$)", system, re.M)
    m = re.search(r"This mail is of kind ([a-z_]+)", system)
    if m:
        kinds = [m.group(1)]
    fields = re.findall(r"^\s*- ([a-z_]+): ", system.split("Fields:", 1)[1], re.M) if "Fields:" in system else []
    return kinds, fields


def classify(text, kinds):
    low = text.lower()
    votes = {k: sum(low.count(w) for w in KEYWORDS.get(k, [])) for k in kinds}
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kinds.index(kv[0])))
    if not ranked:
        return "other", 0, 0
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top == 0:
        best = "other" if "other" in kinds else ranked[0][0]
    return best, top, second


def fill(fields, text):
    out = {}
    emails = re.findall(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|\[EMAIL_\d+\]", text)
    for f in fields:
        v = None
        if "email" in f or f == "approver":
            v = emails[-1] if emails else None
        elif f == "iban":
            m = re.search(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b|\[IBAN_\d+\]", text)
            v = m.group(0).replace(" ", "") if m else None
        elif f in ("reference", "order_reference", "order_number", "invoice_number"):
            m = re.search(r"\b(?:APR|PO|INV|RE|ORD|SO)-[\w-]+\b", text)
            v = m.group(0) if m else None
        elif f in ("gross_total", "total"):
            m = re.search(r"(?i)(?:total|gesamt|summe|合计)[^\d]{0,20}(\d[\d.,]*)", text)
            if m:
                try:
                    v = float(m.group(1).replace(",", ""))
                except ValueError:
                    v = None
        elif f in ("customer_company", "seller", "buyer"):
            companies = re.findall(r"^(?:Seller: |Buyer: )?([^\n:]{2,60}?(?:GmbH|AG|Ltd|Inc|Traders|有限公司))\s*$", text, re.M)
            if f == "seller":
                m = re.search(r"Seller: (.+)", text)
                v = m.group(1).strip() if m else None
            elif f == "buyer":
                m = re.search(r"Buyer: (.+)", text)
                v = m.group(1).strip() if m else None
            else:
                v = companies[0] if companies else None
        elif f == "currency":
            v = "EUR" if "EUR" in text else ("CNY" if "元" in text else None)
        elif f in ("issue_date", "order_date"):
            m = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", text)
            v = m.group(1) if m else None
        elif f in ("net_total", "tax_total"):
            m = re.search(r"(?i)(?:net total|netto)[^\d]{0,20}(\d[\d.,]*)" if f == "net_total" else r"(?i)(?:VAT|MwSt|tax)\b.{0,20}?(\d[\d,]*\.\d{2})", text)
            v = float(m.group(1).replace(",", "")) if m else None
        elif f == "lines":
            m = re.search(r"(\d+)\s*(?:units of|Stück|台|x)\s*([^\n,.]{3,60})", text)
            v = [{"description": m.group(2).strip(), "quantity": int(m.group(1))}] if m else None
        elif f == "decision":
            low = text.lower()
            v = "reject" if any(w in low for w in ["reject", "abgelehnt", "拒绝"]) else "approve"
        out[f] = v
    return out


def answer(body):
    messages = body.get("messages", [])
    system = next((m.get("content", "") for m in messages if m.get("role") == "system"), "")
    users = [m.get("content", "") for m in messages if m.get("role") == "user"]
    text = users[0] if users else ""
    kinds, fields = kinds_and_fields(body, system)
    kind, top, second = classify(text, kinds or ["other"])
    model = body.get("model", "")
    if "small" in model:
        confidence = 0.55 if top - second < 2 else 0.9
    else:
        confidence = 0.95
    return json.dumps({"kind": kind, "confidence": confidence, "fields": fill(fields, text)}, ensure_ascii=False)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, status, obj, headers=None):
        data = json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            return self.send_json(200, {"status": "ok"})
        if self.path == "/_received":
            with LOCK:
                return self.send_json(200, RECEIVED)
        self.send_json(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.send_json(400, {"error": {"message": "the body is not JSON"}})
        if self.path == "/_script":
            with LOCK:
                QUEUES.setdefault(body["model"], []).extend(body["responses"])
            return self.send_json(200, {"queued": len(body["responses"])})
        if self.path == "/_reset":
            with LOCK:
                QUEUES.clear()
                RECEIVED.clear()
            return self.send_json(200, {"reset": True})
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self.send_json(404, {"error": {"message": "unknown path " + self.path}})
        with LOCK:
            RECEIVED.append({"body": body, "authorization": self.headers.get("Authorization")})
            queue = QUEUES.get(body.get("model", ""), [])
            scripted = queue.pop(0) if queue else None
        if scripted and "status" in scripted:
            headers = {"Retry-After": scripted["retry_after"]} if "retry_after" in scripted else {}
            return self.send_json(scripted["status"], {"error": {"message": "scripted %d" % scripted["status"]}}, headers)
        if scripted and "delay" in scripted:
            time.sleep(scripted["delay"])
            scripted = None
        content = scripted["content"] if scripted and "content" in scripted else answer(body)
        prompt = "".join(m.get("content", "") for m in body.get("messages", []))
        if schema_of(body):
            prompt += json.dumps(schema_of(body))
        usage = scripted.get("usage") if scripted else None
        pin, pout = usage if usage else (tokens(prompt) + 4 * len(body.get("messages", [])), tokens(content))
        self.send_json(200, {
            "id": "fake-%d" % len(RECEIVED), "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": pin, "completion_tokens": pout, "total_tokens": pin + pout},
        })


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    # A parent that blocks or ignores SIGTERM (Swift programs handling signals themselves do) passes that on
    # through exec; undo it so terminate() ends this server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("listening on %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
