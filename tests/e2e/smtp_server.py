#!/usr/bin/python3
"""smtp_server.py — a real SMTP server for dondoc's delivery tests.

tests/unit/test_smtp.c starts it (and the end-to-end tests may too) to
drive notifiers/smtp.c against an actual protocol implementation rather
than a mock: aiosmtpd (Debian: python3-aiosmtpd) on 127.0.0.1.

    /usr/bin/python3 smtp_server.py PORT --maildir DIR
        [--tls-cert PEM --tls-key KEY]   offer STARTTLS and require it
        [--smtps]                        implicit TLS instead (needs cert)
        [--auth USER:PASSWORD]           require AUTH PLAIN/LOGIN (after TLS)
        [--reject ADDRESS]...            550 on RCPT TO for that address
        [--defer ADDRESS]...             450 on RCPT TO for that address
        [--reject-sender ADDRESS]...     553 on MAIL FROM for that sender
        [--refuse-data "554 …"]          that reply to the end of every
                                         message (content refused)
        [--delay-ms MS]                  wait MS before answering the end of
                                         each message (a hanging relay)
        [--max-per-session N]            after N messages in one session,
                                         answer MAIL FROM with 421 and close
                                         the connection (a relay's limit)
        [--events FILE]                  append one line per event: "auth
                                         ok|fail", "mail <a>", "rcpt <b>",
                                         "data <n>" (tests count them)

Each accepted message is written as DIR/<n>.eml (n = 1, 2, …: the bytes
received after dot-unstuffing, CRLF line ends kept) with a sidecar
DIR/<n>.env holding the envelope ("MAIL FROM:<a>" then one "RCPT TO:<b>"
per recipient). The sidecar is written first and both files appear by
rename, so a reader that sees <n>.eml sees complete files.

Prints "READY <port>" on stdout once it accepts connections; stops cleanly
on SIGTERM or SIGINT. Run it with Debian's /usr/bin/python3: a python3
earlier on PATH (pyenv…) may lack aiosmtpd.
"""

import argparse
import asyncio
import itertools
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Events:
    """One line per event, appended and flushed at once (or nothing)."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    def __call__(self, line):
        if not self.path:
            return
        with self.lock, open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")


class Handler:
    def __init__(self, args, events):
        self.maildir = args.maildir
        self.reject = {a.lower() for a in args.reject}
        self.defer = {a.lower() for a in args.defer}
        self.reject_sender = {a.lower() for a in args.reject_sender}
        self.refuse_data = args.refuse_data
        self.delay = args.delay_ms / 1000
        self.max_per_session = args.max_per_session
        self.events = events
        self.counter = itertools.count(1)

    async def handle_MAIL(self, server, session, envelope, address,
                          mail_options):
        self.events("mail %s" % address)
        if (self.max_per_session
                and getattr(session, "messages", 0) >= self.max_per_session):
            asyncio.get_running_loop().call_later(0.05,
                                                  server.transport.close)
            return "421 4.7.0 too many messages in this session, closing"
        if address.lower() in self.reject_sender:
            return "553 5.7.1 sender address rejected: not owned by user"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address,
                          rcpt_options):
        self.events("rcpt %s" % address)
        if address.lower() in self.reject:
            return "550 5.1.1 mailbox unavailable"
        if address.lower() in self.defer:
            return "450 4.2.1 mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        if self.refuse_data:
            self.events("data refused")
            return self.refuse_data
        n = next(self.counter)
        self.events("data %d" % n)
        env = "MAIL FROM:<%s>\n" % envelope.mail_from
        env += "".join("RCPT TO:<%s>\n" % r for r in envelope.rcpt_tos)
        self._write("%d.env" % n, env.encode("ascii", "replace"))
        self._write("%d.eml" % n, envelope.original_content)
        session.messages = getattr(session, "messages", 0) + 1
        return "250 2.0.0 queued as %d" % n

    def _write(self, name, data):
        tmp = os.path.join(self.maildir, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.maildir, name))


def make_authenticator(user, password, events):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        events("auth %s" % ("ok" if ok else "fail"))
        # handled=False: let aiosmtpd send the 535 itself (with the default
        # handled=True it sends nothing and the client waits forever).
        return AuthResult(success=ok, handled=ok)
    return authenticator


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("port", type=int)
    ap.add_argument("--maildir", required=True)
    ap.add_argument("--tls-cert")
    ap.add_argument("--tls-key")
    ap.add_argument("--smtps", action="store_true")
    ap.add_argument("--auth", metavar="USER:PASSWORD")
    ap.add_argument("--reject", action="append", default=[])
    ap.add_argument("--defer", action="append", default=[])
    ap.add_argument("--reject-sender", action="append", default=[])
    ap.add_argument("--refuse-data")
    ap.add_argument("--delay-ms", type=int, default=0)
    ap.add_argument("--max-per-session", type=int, default=0)
    ap.add_argument("--events")
    args = ap.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key):
        ap.error("--tls-cert and --tls-key go together")
    if args.smtps and not args.tls_cert:
        ap.error("--smtps needs --tls-cert/--tls-key")

    events = Events(args.events)
    kwargs = {}
    ssl_context = None
    if args.tls_cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        if args.smtps:
            ssl_context = ctx
        else:
            kwargs.update(tls_context=ctx, require_starttls=True)
    if args.auth:
        user, sep, password = args.auth.partition(":")
        if not sep:
            ap.error("--auth wants USER:PASSWORD")
        # AUTH only over TLS: aiosmtpd's auth_require_tls (default True)
        # checks for STARTTLS and does not see implicit TLS, so with --smtps
        # the connection itself is the guarantee.
        kwargs.update(authenticator=make_authenticator(user, password, events),
                      auth_required=True, auth_require_tls=not args.smtps)

    controller = Controller(Handler(args, events),
                            hostname="127.0.0.1", port=args.port,
                            ssl_context=ssl_context, ready_timeout=10.0,
                            **kwargs)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller.start()
    print("READY %d" % args.port, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
