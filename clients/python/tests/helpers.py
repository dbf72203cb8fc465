"""Talks to the live server the tests run against (UNIGAP_URL, UNIGAP_API_KEY)."""

import json
import os
import struct
import threading
import urllib.error
import urllib.request
import uuid
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

URL = os.environ.get("UNIGAP_URL", "")
KEY = os.environ.get("UNIGAP_API_KEY", "")


def live():
    return bool(URL and KEY)


def api(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(URL + path, data=data, method=method, headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:10])


def png(seed):
    """A valid 2x2 RGB PNG whose colour comes from `seed` (so its sha256 is unique)."""
    r, g, b = seed % 256, (seed // 256) % 256, (seed // 65536) % 256
    raw = b"".join(b"\x00" + bytes([r, g, b]) * 2 for _ in range(2))

    def chunk(tag, payload):
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", zlib.crc32(tag + payload) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


class FlakyProxy:
    """Forwards to the server, but answers 502 after forwarding the first request whose path
    contains `fail_path` — the server stored it, the client believes it failed and retries."""

    def __init__(self, fail_path):
        proxy = self
        self.failed = 0
        self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "content-type")}
                req = urllib.request.Request(URL + self.path, data=body, method=self.command, headers=headers)
                try:
                    with urllib.request.urlopen(req, timeout=30) as r:
                        status, payload = r.status, r.read()
                except urllib.error.HTTPError as e:
                    status, payload = e.code, e.read()
                proxy.requests.append((self.command, self.path, status))
                if fail_path in self.path and proxy.failed == 0:
                    proxy.failed += 1
                    status, payload = 502, b'{"error":{"code":"BAD_GATEWAY","message":"lost"}}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_HEAD = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class SwitchProxy:
    """Forwards to the server while `mode` is "up"; "down" drops every connection unanswered (a dead
    server or network), "hang" holds it open without an answer (a stuck server). `delay` slows each
    forwarded request. `forwarded` counts requests the server answered."""

    def __init__(self, mode="up", delay=0.0):
        proxy = self
        self.mode = mode
        self.delay = delay
        self.forwarded = 0
        self._released = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self):
                if proxy.mode == "down":
                    self.close_connection = True
                    return
                if proxy.mode == "hang":
                    proxy._released.wait(120)
                    self.close_connection = True
                    return
                if proxy.delay:
                    proxy._released.wait(proxy.delay)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "content-type")}
                req = urllib.request.Request(URL + self.path, data=body, method=self.command, headers=headers)
                try:
                    with urllib.request.urlopen(req, timeout=60) as r:
                        status, payload = r.status, r.read()
                except urllib.error.HTTPError as e:
                    status, payload = e.code, e.read()
                proxy.forwarded += 1
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client was killed mid-request (the resumable-sync test)

            do_GET = do_POST = do_PUT = do_PATCH = do_HEAD = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self._released.set()
        self.server.shutdown()
        self.server.server_close()


def count_samples(run_id, step):
    """How many samples the server holds for a run at a step (following the listing's cursor)."""
    total, cursor = 0, None
    while True:
        status, body = api("GET", "/api/v1/runs/%s/samples?step=%d%s" % (run_id, step, "&cursor=" + cursor if cursor else ""))
        assert status == 200, body
        total += len(body["samples"])
        cursor = body.get("nextCursor")
        if not cursor:
            return total
