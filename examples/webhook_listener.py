"""A local webhook receiver for trying unigap's alerts (README: "Alerts on a live run").

    python3 examples/webhook_listener.py --port 8787 --secret ugw_…

Prints each delivery as it arrives: whether X-Unigap-Signature verifies with the secret, the event,
run, step, rule, the figures (value, n, 95% interval) and the reasons. Answers 204.
"""

import argparse
import hashlib
import hmac
import json
from http.server import BaseHTTPRequestHandler, HTTPServer


def figure(f):
    if not isinstance(f, dict) or f.get("value") is None:
        return "—"
    return "%.3f [%.3f, %.3f] n=%d" % (f["value"], f["lo"], f["hi"], f["n"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8787)
    parser.add_argument("--secret", default="")
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            expected = "sha256=" + hmac.new(args.secret.encode(), body, hashlib.sha256).hexdigest()
            signed = hmac.compare_digest(self.headers.get("x-unigap-signature", ""), expected)
            self.send_response(204)
            self.end_headers()
            try:
                event = json.loads(body)
            except ValueError:
                event = {}
            figures = event.get("figures") or {}
            print(json.dumps({
                "signature": "verified" if signed else "DOES NOT VERIFY",
                "event": event.get("event"), "run": event.get("runName"), "step": event.get("step"), "rule": event.get("rule"),
                "deltaGen": figure(figures.get("deltaGen")), "und": figure(figures.get("und")), "deltaNon": figure(figures.get("deltaNon")),
                "reasons": event.get("reasons"), "link": event.get("link"),
            }), flush=True)

        def log_message(self, *_):
            pass

    print("listening on http://127.0.0.1:%d/hook" % args.port, flush=True)
    HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
