#!/usr/bin/python3
"""webhook_server.py — a scriptable Standard Webhooks receiver for tests.

Used by tests/unit/test_webhook.c and bench/webhook_throughput.c (they start
it themselves) and handy by hand. Python standard library only, so it runs on
any machine with python3 and nothing else.

    python3 tests/e2e/webhook_server.py --port 0 --secret whsec_... \
        --log deliveries.jsonl --script 500,500,timeout,200

It listens on 127.0.0.1 only and prints "READY <port>" once listening (port 0
picks a free one). SIGTERM (or Ctrl-C) stops it; it then prints the stats.

Every POST is checked first: with --secret, the webhook-id/-timestamp/
-signature headers must carry a valid Standard Webhooks v1 signature with a
timestamp within --tolerance-s of now (default 300 s, the 5 minutes of the
Standard Webhooks libraries), else 401 (counted as rejected_signature, and
as rejected_timestamp when the timestamp was the reason). Like those
libraries, the answer says why: "timestamp too old" / "timestamp too new"
when the timestamp is out of tolerance, "bad signature" otherwise. Then its
behaviour decides the answer:

  * the path, if it asks for something:
      /status/CODE        answer CODE (3xx adds "Location: /hook")
      /status/CODE/SECS   … with "Retry-After: SECS"
      /sleep/MS           wait MS milliseconds, then 200
  * otherwise the next step of --script (comma separated, in arrival order):
      CODE, CODE/SECS as above; "timeout" sleeps --timeout-sleep-ms, then
      200 — and logs it as accepted, as a real receiver would have processed
      it though the client gave up: the retry then shows as a duplicate
  * otherwise --mode (always200), after --delay-ms.

Each delivery answered with 2xx is appended to --log as one JSON line
{"webhook-id", "path", "timestamp", "status", "body"}, flushed at once
(dondoc sends one message to several endpoints with one webhook-id: the
path tells the endpoints apart). GET /stats
answers plain "name value" lines: connections (TCP connections accepted, to
see keep-alive and the client's connection cap), requests (POSTs), accepted,
rejected_signature, rejected_timestamp, distinct_ids, duplicates (accepted
deliveries whose id was already seen). GET /stats itself counts as a
connection.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def parse_step(token):
    """'500' -> (500, None); '503/7' -> (503, 7); 'timeout' -> ('timeout',)."""
    token = token.strip()
    if token == "timeout":
        return ("timeout", None)
    code, _, retry = token.partition("/")
    return (int(code), int(retry) if retry else None)


class State:
    """Counters and the script cursor, shared by the handler threads."""

    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.script = [parse_step(t) for t in args.script.split(",")] if args.script else []
        self.cursor = 0
        self.connections = 0
        self.requests = 0
        self.accepted = 0
        self.rejected_signature = 0
        self.rejected_timestamp = 0
        self.ids = set()
        self.duplicates = 0
        self.key = None
        if args.secret:
            if not args.secret.startswith("whsec_"):
                sys.exit("--secret must start with whsec_")
            self.key = base64.b64decode(args.secret[len("whsec_"):], validate=True)
        self.log = open(args.log, "a", encoding="utf-8") if args.log else None

    def count_request(self):
        with self.lock:
            self.requests += 1

    def next_step(self):
        with self.lock:
            if self.cursor < len(self.script):
                step = self.script[self.cursor]
                self.cursor += 1
                return step
            return None

    def record(self, msg_id, path, timestamp, status, body):
        with self.lock:
            self.accepted += 1
            if msg_id in self.ids:
                self.duplicates += 1
            self.ids.add(msg_id)
            if self.log:
                line = {"webhook-id": msg_id, "path": path,
                        "timestamp": timestamp,
                        "status": status, "body": body.decode("utf-8", "replace")}
                self.log.write(json.dumps(line, ensure_ascii=False) + "\n")
                self.log.flush()

    def stats(self):
        with self.lock:
            return {"connections": self.connections,
                    "requests": self.requests, "accepted": self.accepted,
                    "rejected_signature": self.rejected_signature,
                    "rejected_timestamp": self.rejected_timestamp,
                    "distinct_ids": len(self.ids), "duplicates": self.duplicates}

    def verify(self, headers, body):
        """None when the request carries a valid, fresh v1 signature, else
        why not (the body of the 401), as the reference libraries say it."""
        if self.key is None:
            return None
        msg_id = headers.get("webhook-id")
        ts = headers.get("webhook-timestamp")
        sigs = headers.get("webhook-signature")
        if not msg_id or not ts or not sigs or not ts.isdigit():
            return "bad signature: missing headers"
        if self.args.tolerance_s > 0:
            now = time.time()
            if int(ts) < now - self.args.tolerance_s:
                return "timestamp too old"
            if int(ts) > now + self.args.tolerance_s:
                return "timestamp too new"
        mac = hmac.new(self.key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256)
        expected = base64.b64encode(mac.digest()).decode()
        # A space-separated list, to allow secret rotation; any v1 may match.
        for sig in sigs.split(" "):
            version, _, value = sig.partition(",")
            if version == "v1" and hmac.compare_digest(value, expected):
                return None
        return "bad signature"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so clients reuse connections
    # Headers and body leave in separate writes; with Nagle on, the body
    # waits for the client's delayed ACK (~40 ms) on every kept-alive request.
    disable_nagle_algorithm = True
    server_version = "webhook-test-server/1"

    def setup(self):
        super().setup()
        with self.server.state.lock:  # one handler per TCP connection
            self.server.state.connections += 1

    def log_message(self, fmt, *args):  # quiet unless asked
        if self.server.state.args.verbose:
            super().log_message(fmt, *args)

    def answer(self, status, text="", extra=()):
        data = text.encode()
        try:
            self.send_response(status)
            for name, value in extra:
                self.send_header(name, value)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. its timeout); nothing to tell it

    def do_GET(self):
        if self.path == "/stats":
            text = "".join(f"{k} {v}\n" for k, v in self.server.state.stats().items())
            self.answer(200, text)
        else:
            self.answer(404, "only POST deliveries and GET /stats\n")

    def do_POST(self):
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        state.count_request()
        # Verify before anything else, so a forged request neither uses up a
        # script step nor gets to make the server sleep.
        why = state.verify(self.headers, body)
        if why is not None:
            with state.lock:
                state.rejected_signature += 1
                if why.startswith("timestamp"):
                    state.rejected_timestamp += 1
            self.answer(401, why + "\n")
            return
        status, retry = self.behaviour(state)
        if status == "timeout":
            time.sleep(state.args.timeout_sleep_ms / 1000)
            status = 200
        extra = []
        if retry is not None:
            extra.append(("Retry-After", str(retry)))
        if 300 <= status < 400:
            extra.append(("Location", "/hook"))
        if 200 <= status < 300:
            state.record(self.headers.get("webhook-id", ""), self.path,
                         self.headers.get("webhook-timestamp", ""), status, body)
        self.answer(status, f"{status}\n", extra)

    def behaviour(self, state):
        """(status or 'timeout', retry_after) for this verified request."""
        parts = self.path.strip("/").split("/")
        if parts[0] == "status" and len(parts) in (2, 3):
            return (int(parts[1]), int(parts[2]) if len(parts) == 3 else None)
        if parts[0] == "sleep" and len(parts) == 2:
            time.sleep(int(parts[1]) / 1000)
            return (200, None)
        scripted = state.next_step()
        if scripted is not None:
            return scripted
        if state.args.delay_ms > 0:
            time.sleep(state.args.delay_ms / 1000)
        return (200, None)


class Server(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: a client opening 8 or 32
    # connections at once would see SYNs dropped and retried after 1 s.
    request_queue_size = 128
    # Sleeping handlers must not keep the process alive at SIGTERM.
    daemon_threads = True
    block_on_close = False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=0, help="0 picks a free port")
    ap.add_argument("--secret", help="whsec_… ; without it nothing is verified")
    ap.add_argument("--log", help="append accepted deliveries here (JSON lines)")
    ap.add_argument("--script", help='e.g. "500,503/7,timeout,200"')
    ap.add_argument("--mode", choices=["always200"], default="always200",
                    help="answer once the script is used up")
    ap.add_argument("--delay-ms", type=int, default=0, help="delay of always200")
    ap.add_argument("--timeout-sleep-ms", type=int, default=3000,
                    help='how long a "timeout" step sleeps before its 200')
    ap.add_argument("--tolerance-s", type=int, default=300,
                    help="max |now - webhook-timestamp|; 0 disables the check")
    ap.add_argument("--verbose", action="store_true", help="log every request")
    args = ap.parse_args()

    server = Server(("127.0.0.1", args.port), Handler)
    server.state = State(args)

    def stop(_signum, _frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)

    print(f"READY {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if server.state.log:
            server.state.log.close()
        try:
            print("STATS " + json.dumps(server.state.stats()), flush=True)
        except OSError:
            # Whoever started us stopped reading stdout; point it at
            # /dev/null so the interpreter's final flush stays quiet.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)


if __name__ == "__main__":
    main()
