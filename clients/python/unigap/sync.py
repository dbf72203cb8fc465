"""Uploads what runs left in the spool (the server was unreachable, or the process died first)."""

import os
import sys

from . import _sender
from ._http import Transport
from ._spool import Spool, default_spool_dir


def sync(spool_dir=None, url=None, api_key=None):
    """Sends every spooled run; returns {"runs", "batches", "refused"}.

    Safe to run twice and to kill at any point: each batch file is deleted only after the server
    acknowledged it, and the server is idempotent, so a re-run sends what is left and duplicates nothing."""
    root = spool_dir or default_spool_dir()
    api_key = api_key or os.environ.get("UNIGAP_API_KEY")
    if not api_key:
        raise ValueError("no API key: pass api_key= or set UNIGAP_API_KEY")
    sent = {"runs": 0, "batches": 0, "refused": 0}
    if not os.path.isdir(root):
        return sent
    for run_key in sorted(os.listdir(root)):
        spool = Spool(root, run_key)
        if not spool.has_run():
            continue
        spooled = spool.read_run()
        transport = Transport(url or os.environ.get("UNIGAP_URL") or spooled["url"], api_key)
        run = _sender.create_run(transport, spooled["create"])
        batches, refused = _sender.drain(spool, transport, run["id"], on_refused=lambda name, error, spool=spool: print(
            "unigap sync: the server refused %s (kept as .refused): %s" % (os.path.join(spool.dir, name), error), file=sys.stderr))
        sent["batches"] += batches
        sent["refused"] += refused
        spool.remove_if_drained()
        sent["runs"] += 1
    return sent
