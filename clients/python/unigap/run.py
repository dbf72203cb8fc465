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
    """A run being logged. Everything logged is buffered in memory up to `max_buffered_points` /
    `max_buffered_samples`, then written to the run's journal on disk (see _spool.py) before it is
    sent; the background thread sends the journal oldest first and deletes each batch once the
    server acknowledged it. A slow or unreachable server therefore costs disk, never memory, and
    whatever the process had not sent when it ended is in the spool for `python -m unigap sync`."""

    def __init__(self, name, project=None, config=None, method=None, tags=None, notes=None, baseline_run_id=None,
                 external_id=None, url=None, api_key=None, spool_dir=None, flush_interval=2.0, trained_on=None,
                 heartbeat_interval=30.0, retry_attempts=5, retry_backoff=0.5, upload_workers=None,
                 stop_on_alert=False, alert_poll_interval=5.0, max_buffered_points=4 * _sender.MAX_POINTS,
                 max_buffered_samples=4 * _sender.MAX_SAMPLES):
        url = url or os.environ.get("UNIGAP_URL") or "http://localhost:3000"
        api_key = api_key or os.environ.get("UNIGAP_API_KEY")
        if not api_key:
            raise ValueError("no API key: pass api_key= or set UNIGAP_API_KEY")
        self.external_id = external_id or uuid.uuid4().hex
        self._transport = Transport(url, api_key, attempts=retry_attempts, backoff=retry_backoff)
        self._spool = Spool(spool_dir or default_spool_dir(), self.external_id)
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
        self._step = 0
        self._max_points = max(1, int(max_buffered_points))
        self._max_samples = max(1, int(max_buffered_samples))
        self._lock = threading.Lock()  # the in-memory buffers
        self._journal_lock = threading.Lock()  # moving buffers to disk, so batch files keep the order they were logged in
        self._send_lock = threading.Lock()  # one sender of the journal at a time
        self._wake = threading.Event()
        self._stopping = False
        self._spooled = False
        self._flush_interval = flush_interval
        self._heartbeat_interval = heartbeat_interval
        self._stop_on_alert = stop_on_alert
        self._alert_poll_interval = alert_poll_interval
        self._alerts_checked_at = 0.0
        self._alerts_raised = set()
        self._spool.save_run(self._create, self._transport.url)  # first: a crash from here on leaves a syncable spool
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
            buffered = len(self._points)
        self._after_buffering(buffered >= _sender.MAX_POINTS, buffered >= self._max_points)

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
            sample["imageSha256"] = _blobs.stage(self._spool.blobs, image)
        with self._lock:
            self._samples[(sample["step"], external_id, sample["candidate"])] = sample
            buffered = len(self._samples)
        self._after_buffering(buffered >= _sender.MAX_SAMPLES, buffered >= self._max_samples)

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

    def flush(self, timeout=None):
        """Sends everything logged so far now, in the caller's thread; True if nothing is left to send
        (False: the server answered nothing for `timeout` s, and the rest waits in the spool)."""
        self._to_journal()
        with self._send_lock:
            self._limit_silence(timeout)
            try:
                return self._drain()
            finally:
                self._limit_silence(None)

    def finish(self, status="finished", timeout=60.0):
        """Sends what is left, marks the run `status` (finished or failed) and stops the thread.

        Returns once everything is sent, or once the server has answered nothing for `timeout`
        seconds (unreachable, or stuck): what was not sent then stays in the spool (a warning names
        the folder) for `python -m unigap sync`. A long upload that keeps getting answers is not cut
        short. A batch the server refused is raised here (the first one)."""
        self._limit_silence(timeout)
        self._stopping = True
        self._to_journal()
        self._spool.save_batch("finish", {"status": status})
        self._wake.set()
        left = self._silence_left
        while self._thread.is_alive() and left() > 0:
            self._thread.join(min(1.0, left()))
        drained = False
        # The thread has stopped, or is still inside a request the server never answers: then its
        # batches stay in the journal (a file is deleted only after the server acknowledged it).
        while left() > 0:
            if self._send_lock.acquire(timeout=min(1.0, left())):
                try:
                    drained = self._drain()
                finally:
                    self._send_lock.release()
                break
        if not drained:
            self._spooled = True
            log.warning("unigap: the server was unreachable; data is kept in %s — run `python -m unigap sync` to upload it", self._spool.dir)
        if self.errors:
            raise self.errors[0]

    def _limit_silence(self, timeout):
        self._transport.idle_timeout = timeout
        self._transport.deadline = None if timeout is None else time.time() + timeout

    def _silence_left(self):
        deadline = self._transport.deadline
        return float("inf") if deadline is None else deadline - time.time()

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
            if not self._spooled:
                log.warning("unigap: cannot create the run yet (%s); logging to the local spool %s", error, self._spool.dir)
            self._spooled = True
            return False

    def _after_buffering(self, batch_ready, over_limit):
        if over_limit:  # the sender is behind (slow or unreachable server): memory goes to disk, not up
            self._to_journal()
        if batch_ready or over_limit:
            self._wake.set()

    def _to_journal(self):
        """Moves the in-memory buffers into batch files on disk, in the order they were logged."""
        with self._journal_lock:
            with self._lock:
                points, samples = list(self._points.values()), list(self._samples.values())
                self._points, self._samples = {}, {}
            for i in range(0, len(points), _sender.MAX_POINTS):
                self._spool.save_batch("metrics", {"points": points[i:i + _sender.MAX_POINTS]})
            for i in range(0, len(samples), _sender.MAX_SAMPLES):
                self._spool.save_batch("samples", {"samples": samples[i:i + _sender.MAX_SAMPLES]})

    def _buffered_blobs(self):
        with self._lock:
            return {s.get("imageSha256") for s in self._samples.values()}

    def _refused(self, name, error):
        log.error("unigap: the server refused a batch (kept as %s.refused): %s", name, error)
        self.errors.append(error)

    def _drain(self):
        """Sends the journal (caller holds _send_lock); True once it is empty, False if the server is unreachable."""
        try:
            if not self._ensure_created():
                return False
            _sender.drain(self._spool, self._transport, self.id, self._upload_workers, keep_blobs=self._buffered_blobs, on_refused=self._refused)
        except Unreachable as error:
            if not self._spooled:
                log.warning("unigap: the server is unreachable (%s); batches wait in %s and are retried", error, self._spool.dir)
            self._spooled = True
            return False
        self._spooled = False
        if self._stopping:
            self._spool.remove_if_drained()
        return True

    def _loop(self):
        last_beat = time.time()
        while not self._stopping:
            self._wake.wait(self._flush_interval)
            self._wake.clear()
            if self._stopping:
                return
            try:
                self._to_journal()
                with self._send_lock:
                    self._drain()
                if self.id and time.time() - last_beat > self._heartbeat_interval:
                    last_beat = time.time()
                    self._transport.request("POST", "/api/v1/runs/%s/heartbeat" % self.id)
            except Exception as error:  # the training loop must never die of logging
                log.error("unigap: background send failed: %s", error)
