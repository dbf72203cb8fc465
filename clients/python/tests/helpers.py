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


def _forward(handler, timeout):
    """Sends the handler's request on to the server; returns (status, body)."""
    length = int(handler.headers.get("Content-Length") or 0)
    body = handler.rfile.read(length) if length else None
    headers = {k: v for k, v in handler.headers.items() if k.lower() in ("authorization", "content-type")}
    req = urllib.request.Request(URL + handler.path, data=body, method=handler.command, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _reply(handler, status, payload):
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client was killed mid-request (the resumable-sync test)


class _Proxy:
    """A local HTTP server in front of the test server; subclasses decide what each request gets (`handle`)."""

    def __init__(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                proxy.handle(self)

            do_GET = do_POST = do_PUT = do_PATCH = do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def handle(self, handler):
        raise NotImplementedError

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class FlakyProxy(_Proxy):
    """Forwards to the server, but answers 502 after forwarding the first request whose path
    contains `fail_path` — the server stored it, the client believes it failed and retries."""

    def __init__(self, fail_path):
        self.fail_path = fail_path
        self.failed = 0
        self.requests = []
        super().__init__()

    def handle(self, handler):
        status, payload = _forward(handler, 30)
        self.requests.append((handler.command, handler.path, status))
        if self.fail_path in handler.path and self.failed == 0:
            self.failed += 1
            status, payload = 502, b'{"error":{"code":"BAD_GATEWAY","message":"lost"}}'
        _reply(handler, status, payload)


class SwitchProxy(_Proxy):
    """Forwards to the server while `mode` is "up"; "down" drops every connection unanswered (a dead
    server or network), "hang" holds it open without an answer (a stuck server). `delay` slows each
    forwarded request. `forwarded` counts requests the server answered."""

    def __init__(self, mode="up", delay=0.0):
        self.mode = mode
        self.delay = delay
        self.forwarded = 0
        self._released = threading.Event()
        super().__init__()

    def handle(self, handler):
        if self.mode in ("down", "hang"):
            if self.mode == "hang":
                self._released.wait(120)
            handler.close_connection = True
            return
        if self.delay:
            self._released.wait(self.delay)
        status, payload = _forward(handler, 60)
        self.forwarded += 1
        _reply(handler, status, payload)

    def close(self):
        self._released.set()
        super().close()


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
