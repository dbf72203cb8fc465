"""Sending batches within the server's limits; shared by the live run and `unigap sync`."""

MAX_POINTS = 10000
MAX_SAMPLES = 2000
MAX_BLOB_CHECK = 2000


def _chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def send_metrics(transport, run_id, points):
    for part in _chunks(points, MAX_POINTS):
        transport.request("POST", "/api/v1/runs/%s/metrics" % run_id, {"points": part})


def upload_blobs(transport, shas, load):
    """Uploads the images the server lacks; `load(sha)` gives the bytes."""
    unique = sorted(set(shas))
    for part in _chunks(unique, MAX_BLOB_CHECK):
        _, answer = transport.request("POST", "/api/v1/blobs/check", {"sha256": part})
        for sha in answer["missing"]:
            transport.request("PUT", "/api/v1/blobs/%s" % sha, raw=load(sha))


def send_samples(transport, run_id, samples, load_blob):
    upload_blobs(transport, [s["imageSha256"] for s in samples if s.get("imageSha256")], load_blob)
    ids = []
    for part in _chunks(samples, MAX_SAMPLES):
        _, answer = transport.request("POST", "/api/v1/runs/%s/samples" % run_id, {"samples": part})
        ids.extend(answer["sampleIds"])
    return ids


def create_run(transport, create_request):
    _, run = transport.request("POST", "/api/v1/runs", create_request)
    return run
