"""Sending batches within the server's limits; shared by the live run and `unigap sync`."""

from . import _blobs

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
