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
import itertools
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir, reject):
        self.maildir = maildir
        self.reject = {a.lower() for a in reject}
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address,
                          rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        env = "MAIL FROM:<%s>\n" % envelope.mail_from
        env += "".join("RCPT TO:<%s>\n" % r for r in envelope.rcpt_tos)
        self._write("%d.env" % n, env.encode("ascii", "replace"))
        self._write("%d.eml" % n, envelope.original_content)
        return "250 2.0.0 queued as %d" % n

    def _write(self, name, data):
        tmp = os.path.join(self.maildir, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.maildir, name))


def make_authenticator(user, password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode()
              and auth_data.password == password.encode())
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
    args = ap.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key):
        ap.error("--tls-cert and --tls-key go together")
    if args.smtps and not args.tls_cert:
        ap.error("--smtps needs --tls-cert/--tls-key")

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
        kwargs.update(authenticator=make_authenticator(user, password),
                      auth_required=True, auth_require_tls=not args.smtps)

    controller = Controller(Handler(args.maildir, args.reject),
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
