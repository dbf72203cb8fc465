"""HTTP to the unigap API with the standard library only.

Retries connection errors, 5xx and 429 with exponential backoff (honouring Retry-After). Retrying
is safe because every write is idempotent on the server: natural keys for points, samples and
judgments, a client-chosen externalId for the run.
"""

import json
import time
import urllib.error
import urllib.request


class UnigapError(Exception):
    """The server refused a request (4xx): retrying the same data would not help."""

    def __init__(self, status, code, message, details=None):
        super().__init__("%s %s: %s" % (status, code, message))
        self.status = status
        self.code = code
        self.details = details


class Unreachable(Exception):
    """The server could not be reached (or kept failing) after every retry."""


class Transport:
    def __init__(self, url, api_key, attempts=5, backoff=0.5, timeout=60.0):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        # A time.time() after which no attempt starts and no retry waits; None: no limit. With
        # idle_timeout set (`Run.finish(timeout=)`), every answer from the server moves the deadline
        # that far ahead: the limit is on silence, not on how long a large upload takes.
        self.deadline = None
        self.idle_timeout = None

    def _answered(self):
        if self.idle_timeout is not None:
            self.deadline = time.time() + self.idle_timeout

    def _left(self):
        return None if self.deadline is None else self.deadline - time.time()

    def request(self, method, path, body=None, raw=None, url=None):
        """`url` instead of `path`: an absolute URL that carries its own authorization (a presigned
        object-storage URL), sent without the API key."""
        headers = {} if url else {"Authorization": "Bearer %s" % self.api_key}
        target = url or (self.url + path)
        data = None
        if raw is not None:
            headers["Content-Type"] = "application/octet-stream"
            data = raw
            if hasattr(raw, "path"):  # a FileBody: streamed from disk, its length known up front
                headers["Content-Length"] = str(raw.size())
        elif body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, allow_nan=False).encode("utf-8")
        last = None
        tried = 0
        for attempt in range(self.attempts):
            delay = self.backoff * (2 ** attempt)
            left = self._left()
            if left is not None and left <= 0:
                last = "the deadline passed"
                break
            stream = open(data.path, "rb") if hasattr(data, "path") else None
            req = urllib.request.Request(target, data=stream or data, method=method, headers=headers)
            tried += 1
            try:
                with urllib.request.urlopen(req, timeout=self.timeout if left is None else max(0.1, min(self.timeout, left))) as response:
                    text = response.read().decode("utf-8")
                    self._answered()
                    return response.status, (json.loads(text) if text else None)
            except urllib.error.HTTPError as error:
                text = error.read().decode("utf-8", "replace")
                self._answered()
                if error.code >= 500 or error.code == 429:
                    last = "HTTP %s" % error.code
                    retry_after = error.headers.get("Retry-After")
                    if retry_after and retry_after.isdigit():
                        delay = float(retry_after)
                elif error.code == 404 and method == "HEAD":
                    return 404, None
                else:
                    payload = _json_or_none(text) or {}
                    err = payload.get("error", {}) if isinstance(payload, dict) else {}
                    raise UnigapError(error.code, err.get("code", "HTTP_ERROR"), err.get("message", text[:200]), err.get("details"))
            except (urllib.error.URLError, OSError) as error:
                last = str(getattr(error, "reason", error))
            finally:
                if stream:
                    stream.close()
            if attempt + 1 < self.attempts:
                left = self._left()
                if left is not None and left < delay:
                    last = "%s (no time left for a retry before the deadline)" % last
                    break
                time.sleep(delay)
        raise Unreachable("%s %s failed after %d attempt(s): %s" % (method, (target.split("?")[0]), tried, last))


def _json_or_none(text):
    try:
        return json.loads(text)
    except ValueError:
        return None
