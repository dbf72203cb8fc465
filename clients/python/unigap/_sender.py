"""Sending batches within the server's limits; shared by the live run and `unigap sync`."""

from . import _blobs
from ._http import UnigapError
from ._spool import batch_kind

MAX_POINTS = 10000
MAX_SAMPLES = 2000
MAX_BLOB_CHECK = 2000


def _chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def send_metrics(transport, run_id, points):
    for part in _chunks(points, MAX_POINTS):
        transport.request("POST", "/api/v1/runs/%s/metrics" % run_id, {"points": part})


def upload_blobs(transport, shas, blob_path, workers=None):
    """Uploads the images the server lacks (one existence check per 2,000), several at a time,
    streamed from `blob_path(sha)` on disk: straight to object storage when the check answers
    presigned URLs (`uploads`), through the app otherwise."""
    unique = sorted(set(shas))
    for part in _chunks(unique, MAX_BLOB_CHECK):
        _, answer = transport.request("POST", "/api/v1/blobs/check", {"sha256": part})
        if answer.get("uploads") is not None:
            _blobs.direct_upload_all(transport, answer["uploads"], blob_path, workers or _blobs.default_workers())
        else:
            _blobs.upload_all(transport, answer["missing"], blob_path, workers or _blobs.default_workers())


def send_samples(transport, run_id, samples, blob_path, workers=None):
    upload_blobs(transport, [s["imageSha256"] for s in samples if s.get("imageSha256")], blob_path, workers)
    ids = []
    for part in _chunks(samples, MAX_SAMPLES):
        _, answer = transport.request("POST", "/api/v1/runs/%s/samples" % run_id, {"samples": part})
        ids.extend(answer["sampleIds"])
    return ids


def create_run(transport, create_request):
    _, run = transport.request("POST", "/api/v1/runs", create_request)
    return run


def drain(spool, transport, run_id, workers=None, keep_blobs=frozenset, on_refused=None):
    """Sends the spool's batch files oldest first, deleting each once the server acknowledged it.

    A batch the server refuses (4xx), or whose image is gone from the spool, is set aside as
    `….refused` and reported to `on_refused(name, error)`; it never blocks the batches after it.
    `Unreachable` propagates with the unsent files left on disk. Returns (sent, refused)."""
    sent = refused = 0
    for name in spool.pending():
        kind = batch_kind(name)
        try:
            batch = spool.read(name)
        except FileNotFoundError:  # drained meanwhile by another sender (a concurrent sync)
            continue
        try:
            if kind == "metrics":
                send_metrics(transport, run_id, batch["points"])
            elif kind == "samples":
                try:
                    send_samples(transport, run_id, batch["samples"], spool.blob_path, workers)
                except FileNotFoundError as error:
                    raise UnigapError(0, "IMAGE_MISSING_FROM_SPOOL", "an image of this batch is no longer in %s: %s" % (spool.blobs, error))
            else:
                transport.request("PATCH", "/api/v1/runs/%s" % run_id, {"status": batch["status"]})
        except UnigapError as error:
            spool.refused(name)
            refused += 1
            if on_refused:
                on_refused(name, error)
            continue
        spool.done(name)
        sent += 1
        if kind == "samples":  # the server has these images now; a copy still buffered is kept
            keep = keep_blobs()
            spool.drop_blobs(s["imageSha256"] for s in batch["samples"] if s.get("imageSha256") and s["imageSha256"] not in keep)
    return sent, refused
