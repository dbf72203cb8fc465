"""Uploads what runs spooled while the server was unreachable."""

import json
import os

from . import _sender
from ._http import Transport
from ._spool import default_spool_dir


def _read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sync(spool_dir=None, url=None, api_key=None):
    """Sends every spooled run; returns {"runs", "batches"} sent. Safe to run twice."""
    root = spool_dir or default_spool_dir()
    api_key = api_key or os.environ.get("UNIGAP_API_KEY")
    if not api_key:
        raise ValueError("no API key: pass api_key= or set UNIGAP_API_KEY")
    sent = {"runs": 0, "batches": 0}
    if not os.path.isdir(root):
        return sent
    for run_key in sorted(os.listdir(root)):
        folder = os.path.join(root, run_key)
        run_file = os.path.join(folder, "run.json")
        if not os.path.isfile(run_file):
            continue
        spooled = _read(run_file)
        transport = Transport(url or os.environ.get("UNIGAP_URL") or spooled["url"], api_key)
        run = _sender.create_run(transport, spooled["create"])
        blobs = os.path.join(folder, "blobs")

        def blob_path(sha, blobs=blobs):
            return os.path.join(blobs, sha)

        for name in sorted(n for n in os.listdir(folder) if n.endswith(".json") and n != "run.json"):
            path = os.path.join(folder, name)
            batch = _read(path)
            if name.endswith("-metrics.json"):
                _sender.send_metrics(transport, run["id"], batch["points"])
            elif name.endswith("-samples.json"):
                _sender.send_samples(transport, run["id"], batch["samples"], blob_path)
            elif name.endswith("-finish.json"):
                transport.request("PATCH", "/api/v1/runs/%s" % run["id"], {"status": batch["status"]})
            os.remove(path)
            sent["batches"] += 1
        for name in os.listdir(blobs) if os.path.isdir(blobs) else []:
            os.remove(os.path.join(blobs, name))
        if os.path.isdir(blobs):
            os.rmdir(blobs)
        os.remove(run_file)
        os.rmdir(folder)
        sent["runs"] += 1
    return sent
