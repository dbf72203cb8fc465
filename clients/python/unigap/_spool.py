"""A local folder that keeps what could not be sent, for `python -m unigap sync`.

Layout: <spool>/<run externalId>/run.json (the run's creation request), numbered batch files
(metrics, samples, finish) and blobs/<sha256> (image bytes). A file is deleted once the server took
it; replaying twice is harmless because the server is idempotent.
"""

import itertools
import json
import os
import time

_counter = itertools.count()


def default_spool_dir():
    return os.environ.get("UNIGAP_SPOOL_DIR") or os.path.join(os.path.expanduser("~"), ".unigap", "spool")


class Spool:
    def __init__(self, root, run_key):
        self.dir = os.path.join(root, run_key)

    def _write(self, name, payload):
        os.makedirs(self.dir, exist_ok=True)
        path = os.path.join(self.dir, name)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(payload, f, allow_nan=False)
        os.replace(tmp, path)

    def save_run(self, create_request, url):
        self._write("run.json", {"create": create_request, "url": url})

    def save_batch(self, kind, payload):
        self._write("%d-%06d-%s.json" % (int(time.time() * 1000), next(_counter), kind), payload)
