"""A run being logged from training code: buffered, sent by a background thread, never duplicated."""

import hashlib
import logging
import math
import os
import threading
import time
import uuid

from . import _blobs, _sender
from ._http import Transport, UnigapError, Unreachable
from ._spool import Spool, default_spool_dir
from .answer import parse_self_answer

log = logging.getLogger("unigap")

_JUDGMENT_KEYS = {"judge_step": "judgeStep", "judge_run_id": "judgeRunId"}


def _metric_value(value, key):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)  # numpy scalars, tensors with __float__
        except (TypeError, ValueError):
            raise TypeError("metric %r: %r is not a number" % (key, value))
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _judgment(j):
    out = {_JUDGMENT_KEYS.get(k, k): v for k, v in j.items() if v is not None}
    if out.get("kind", "self") == "self" and "verdict" not in out and out.get("response"):
        out["verdict"] = parse_self_answer(out["response"])
    out.setdefault("kind", "self")
    return out


class AlertRaised(Exception):
    """An alert opened on this run (co-degradation, data-quality alarm, a project rule); `.alert` is the alert as the API gives it."""

    def __init__(self, alert):
        reasons = "; ".join(alert.get("reasons") or [])
        super().__init__("unigap alert %s on run %s at step %s: %s" % (alert.get("signature"), alert.get("runName"), alert.get("step"), reasons))
        self.alert = alert


class Run:
    def __init__(self, name, project=None, config=None, method=None, tags=None, notes=None, baseline_run_id=None,
                 external_id=None, url=None, api_key=None, spool_dir=None, flush_interval=2.0, trained_on=None,
                 heartbeat_interval=30.0, retry_attempts=5, retry_backoff=0.5, upload_workers=None,
                 stop_on_alert=False, alert_poll_interval=5.0):
        url = url or os.environ.get("UNIGAP_URL") or "http://localhost:3000"
        api_key = api_key or os.environ.get("UNIGAP_API_KEY")
        if not api_key:
            raise ValueError("no API key: pass api_key= or set UNIGAP_API_KEY")
        self.external_id = external_id or uuid.uuid4().hex
        self._transport = Transport(url, api_key, attempts=retry_attempts, backoff=retry_backoff)
        self._spool = Spool(spool_dir or default_spool_dir(), self.external_id)
        self._staging = os.path.join(self._spool.dir, "blobs")
        self._upload_workers = upload_workers or _blobs.default_workers()
        self._create = {k: v for k, v in {
            "name": name, "project": project, "config": config or {}, "method": method, "tags": list(tags or []),
            "notes": notes, "baselineRunId": baseline_run_id, "externalId": self.external_id,
            "trainedOn": list(trained_on) if trained_on else None,
        }.items() if v is not None}
        self.id = None
        self.url = None
        self.errors = []
        self._points = {}
        self._samples = {}
        self._blobs = {}
        self._step = 0
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._spooled = False
        self._flush_interval = flush_interval
        self._heartbeat_interval = heartbeat_interval
        self._stop_on_alert = stop_on_alert
        self._alert_poll_interval = alert_poll_interval
        self._alerts_checked_at = 0.0
        self._alerts_raised = set()
        self._ensure_created()
        self._thread = threading.Thread(target=self._loop, name="unigap-sender", daemon=True)
        self._thread.start()

    # -- what training code calls -------------------------------------------------------------

    def log(self, metrics, step=None, wall_time=None):
        """Logs scalars at a step (default: one past the last step logged)."""
        self._raise_on_alert()
        step = self._step if step is None else int(step)
        now = time.time() if wall_time is None else wall_time
        with self._lock:
            for key, value in metrics.items():
                self._points[(str(key), step)] = {"key": str(key), "step": step, "value": _metric_value(value, key), "wallTime": now}
            self._step = step + 1
            full = len(self._points) >= _sender.MAX_POINTS
        if full:
            self._wake.set()

    def log_sample(self, step, prompt, subtask="", image=None, candidate=0, judgments=(), benchmark="", prompt_id=None,
                   spec=None, role=None, gen_log_lik=None, candidates=None, epoch=None):
        """Logs one generated image with its judgments; `image` is a file path or the bytes.

        The image is copied into the spool folder as it is hashed (the file may change right after);
        the background thread uploads it, `upload_workers` at a time, streaming from that copy."""
        self._raise_on_alert()
        external_id = prompt_id or "%s/%s" % (benchmark or "prompt", hashlib.sha256(("%s\0%s" % (subtask, prompt)).encode("utf-8")).hexdigest()[:16])
        sample = {"step": int(step), "candidate": int(candidate), "judgments": [_judgment(j) for j in judgments],
                  "prompt": {k: v for k, v in {"externalId": external_id, "text": prompt, "benchmark": benchmark, "subtask": subtask, "spec": spec}.items() if v is not None}}
        for key, value in (("role", role), ("genLogLik", gen_log_lik), ("candidates", candidates), ("epoch", epoch)):
            if value is not None:
                sample[key] = value
        if image is not None:
            sha = _blobs.stage(self._staging, image)
            sample["imageSha256"] = sha
        with self._lock:
            if image is not None:
                self._blobs[sha] = True
            self._samples[(sample["step"], external_id, sample["candidate"])] = sample
            full = len(self._samples) >= _sender.MAX_SAMPLES
        if full:
            self._wake.set()

    def alerts(self, status=None):
        """The run's alerts (newest first): signature, step, figures with n and 95% intervals, reasons, status."""
        if not self._ensure_created():
            return []
        path = "/api/v1/runs/%s/alerts" % self.id + ("?status=%s" % status if status else "")
        return self._transport.request("GET", path)[1]["alerts"]

    def _raise_on_alert(self):
        """With stop_on_alert: raises AlertRaised for an unresolved alert not raised before, polling at most every alert_poll_interval s."""
        if not self._stop_on_alert or not self.id:
            return
        now = time.time()
        if now - self._alerts_checked_at < self._alert_poll_interval:
            return
        self._alerts_checked_at = now
        try:
            status, body = Transport(self._transport.url, self._transport.api_key, attempts=1, timeout=10.0).request("GET", "/api/v1/runs/%s/alerts?status=open" % self.id)
        except (Unreachable, UnigapError) as error:  # a missed check is retried at the next call; training goes on
            log.warning("unigap: cannot check alerts: %s", error)
            return
        fresh = [a for a in (body or {}).get("alerts", []) if a["id"] not in self._alerts_raised]
        if fresh:
            alert = fresh[-1]  # the oldest open one
            self._alerts_raised.add(alert["id"])
            raise AlertRaised(alert)

    def build_dataset(self, kind, step, preview=False, **recipe):
        """Builds an SFT or DPO dataset from this run's construction round; returns a Dataset (its .gate, .risk)."""
        from .datasets import build_dataset
        self._ensure_created()
        return build_dataset(self.id, kind, step, preview=preview, transport=self._transport, **recipe)

    def flush(self):
        """Sends everything buffered now (also what the background thread would send later)."""
        self._send_pending()

    def finish(self, status="finished"):
        """Sends what is left, marks the run finished (or failed) and stops the thread."""
        self._stopping = True
        self._wake.set()
        self._thread.join()
        self._send_pending()
        try:
            if self.id:
                self._transport.request("PATCH", "/api/v1/runs/%s" % self.id, {"status": status})
            else:
                self._spool.save_batch("finish", {"status": status})
        except Unreachable:
            self._spool.save_batch("finish", {"status": status})
            self._spooled = True
        if self._spooled:
            log.warning("unigap: the server was unreachable; data is kept in %s — run `python -m unigap sync` to upload it", self._spool.dir)
        if self.errors:
            raise self.errors[0]

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.finish("failed" if exc_type else "finished")
        return False

    # -- sending ---------------------------------------------------------------------------------

    def _ensure_created(self):
        if self.id:
            return True
        try:
            run = _sender.create_run(self._transport, self._create)
            self.id, self.url = run["id"], run["url"]
            return True
        except Unreachable as error:
            log.warning("unigap: cannot create the run yet (%s); logging to the local spool", error)
            self._spool.save_run(self._create, self._transport.url)
            self._spooled = True
            return False

    def _take(self):
        with self._lock:
            points, samples, blobs = list(self._points.values()), list(self._samples.values()), self._blobs
            self._points, self._samples, self._blobs = {}, {}, {}
        return points, samples, blobs

    def _send_pending(self):
        points, samples, blobs = self._take()
        if not points and not samples:
            return
        online = self._ensure_created()
        try:
            if not online:
                raise Unreachable("run not created")
            if points:
                _sender.send_metrics(self._transport, self.id, points)
                points = []
            if samples:
                _sender.send_samples(self._transport, self.id, samples, self._staged_path, self._upload_workers)
                self._unstage(blobs)
        except Unreachable:
            self._spool.save_run(self._create, self._transport.url)
            if points:
                self._spool.save_batch("metrics", {"points": points})
            if samples:  # their images are already in the spool's blobs folder
                self._spool.save_batch("samples", {"samples": samples})
            self._spooled = True
        except UnigapError as error:
            log.error("unigap: the server refused a batch: %s", error)
            self.errors.append(error)

    def _staged_path(self, sha):
        return os.path.join(self._staging, sha)

    def _unstage(self, shas):
        """Drops the staged copies the server now holds (a copy logged again meanwhile is re-made)."""
        with self._lock:
            still_buffered = {s.get("imageSha256") for s in self._samples.values()}
        for sha in shas:
            if sha not in still_buffered:
                try:
                    os.remove(self._staged_path(sha))
                except FileNotFoundError:
                    pass
        try:
            os.rmdir(self._staging)
            os.rmdir(self._spool.dir)
        except OSError:
            pass  # not empty: spooled batches or images of the next batch

    def _loop(self):
        last_beat = time.time()
        while not self._stopping:
            self._wake.wait(self._flush_interval)
            self._wake.clear()
            if self._stopping:
                return
            try:
                self._send_pending()
                if self.id and time.time() - last_beat > self._heartbeat_interval:
                    last_beat = time.time()
                    self._transport.request("POST", "/api/v1/runs/%s/heartbeat" % self.id)
            except Exception as error:  # the training loop must never die of logging
                log.error("unigap: background send failed: %s", error)
