#!/usr/bin/env python3
"""A recording SMTP sink for Mailroom's tests (aiosmtpd): every accepted mail is written to DIR as
NNNN.eml (the bytes as received) plus NNNN.json (envelope sender, recipients, peer).

    smtp-sink.py DIR [--port N] [--starttls-cert CERT --starttls-key KEY [--implicit-tls]] [--reject-rcpt ADDRESS=CODE]...

Prints "PORT <n>" once it listens on 127.0.0.1. With a certificate, STARTTLS is offered and required
before MAIL FROM (with --implicit-tls: TLS from the first byte instead). --reject-rcpt answers RCPT TO for that address with CODE (e.g. 451 or 550).
"""
import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


class Recorder:
    def __init__(self, directory, rejections, implicit_tls=False):
        self.directory = directory
        self.implicit_tls = implicit_tls
        self.rejections = rejections
        self.count = len([n for n in os.listdir(directory) if n.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.rejections.get(address.lower())
        if code:
            return f"{code} {'4.2.0 try again later' if code.startswith('4') else '5.1.1 no such user'}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, f"{self.count:04d}")
        tmp = base + ".tmp"
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "peer": str(session.peer),
                       "tls": self.implicit_tls or session.ssl is not None}, f)
        os.rename(tmp, base + ".eml")
        return f"250 2.0.0 Ok: queued as SINK{self.count:04d}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--starttls-cert")
    parser.add_argument("--starttls-key")
    parser.add_argument("--reject-rcpt", action="append", default=[])
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps) with the --starttls-cert/key pair")
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    port = args.port
    if port == 0:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
    rejections = {}
    for item in args.reject_rcpt:
        address, code = item.rsplit("=", 1)
        rejections[address.lower()] = code
    kwargs = {}
    if args.starttls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.starttls_cert, args.starttls_key)
        kwargs = {"ssl_context": context} if args.implicit_tls else {"tls_context": context, "require_starttls": True}
    controller = Controller(Recorder(args.directory, rejections, args.implicit_tls and bool(args.starttls_cert)), hostname="127.0.0.1", port=port,
                            decode_data=False, enable_SMTPUTF8=True, **kwargs)
    controller.start()
    print(f"PORT {port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
