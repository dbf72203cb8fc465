"""The run's journal on disk: every batch is written here before it is sent, and deleted once the
server acknowledged it, so neither a slow or unreachable server nor a killed process costs memory or data.

Layout: <spool>/<run externalId>/run.json (the run's creation request), numbered batch files
(`<ms>-<seq>-metrics.json`, `-samples.json`, `-finish.json`; they sort in the order they were written)
and blobs/<sha256> (image bytes). A batch the server refused (4xx) is renamed `….refused` and kept
for inspection, never re-sent. The live run and `python -m unigap sync` drain the same folder the
same way; replaying a batch twice is harmless because the server is idempotent.
"""

import itertools
import json
import os
import threading
import time

_counter = itertools.count()
_counter_lock = threading.Lock()
_KINDS = ("metrics", "samples", "finish")


def default_spool_dir():
    return os.environ.get("UNIGAP_SPOOL_DIR") or os.path.join(os.path.expanduser("~"), ".unigap", "spool")


def batch_kind(name):
    """`metrics`, `samples` or `finish` for a batch file name, else None."""
    if not name.endswith(".json"):
        return None
    kind = name[:-len(".json")].rsplit("-", 1)[-1]
    return kind if kind in _KINDS else None


class Spool:
    def __init__(self, root, run_key):
        self.dir = os.path.join(root, run_key)
        self.blobs = os.path.join(self.dir, "blobs")

    def _write(self, name, payload):
        os.makedirs(self.dir, exist_ok=True)
        path = os.path.join(self.dir, name)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(payload, f, allow_nan=False)
        os.replace(tmp, path)  # a batch file is whole or absent, even if the process dies mid-write
        return name

    def has_run(self):
        return os.path.isfile(os.path.join(self.dir, "run.json"))

    def save_run(self, create_request, url):
        self._write("run.json", {"create": create_request, "url": url})

    def read_run(self):
        return self.read("run.json")

    def save_batch(self, kind, payload):
        """Writes a batch file; names sort in the order batches were saved (time, then a process-wide sequence)."""
        with _counter_lock:
            name = "%013d-%08d-%s.json" % (int(time.time() * 1000), next(_counter), kind)
        return self._write(name, payload)

    def pending(self):
        """The batch files still to send, oldest first."""
        try:
            names = os.listdir(self.dir)
        except FileNotFoundError:
            return []
        return sorted(n for n in names if batch_kind(n))

    def read(self, name):
        with open(os.path.join(self.dir, name), encoding="utf-8") as f:
            return json.load(f)

    def done(self, name):
        try:
            os.remove(os.path.join(self.dir, name))
        except FileNotFoundError:
            pass

    def refused(self, name):
        os.replace(os.path.join(self.dir, name), os.path.join(self.dir, name + ".refused"))

    def blob_path(self, sha):
        return os.path.join(self.blobs, sha)

    def drop_blobs(self, shas):
        for sha in shas:
            try:
                os.remove(self.blob_path(sha))
            except FileNotFoundError:
                pass

    def remove_if_drained(self):
        """Deletes the run's folder once nothing is left to send (refused batches keep it); True if gone."""
        if not os.path.isdir(self.dir):
            return True
        if self.pending() or any(n.endswith(".refused") for n in os.listdir(self.dir)):
            return False
        if os.path.isdir(self.blobs):
            for name in os.listdir(self.blobs):
                os.remove(os.path.join(self.blobs, name))
            os.rmdir(self.blobs)
        for name in ("run.json",):
            try:
                os.remove(os.path.join(self.dir, name))
            except FileNotFoundError:
                pass
        try:
            os.rmdir(self.dir)
        except OSError:
            return False  # a batch saved meanwhile, or a stray temporary file
        return True
