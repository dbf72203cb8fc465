"""Images on their way to the server, kept on disk rather than in memory.

`log_sample(image=...)` copies the image once into <spool>/<run>/blobs/<sha256> while hashing it (a
training loop may overwrite its file right after), so memory stays flat however many images are
buffered; uploads stream from that copy, several at a time, and delete it once the server has it.
A copy the server never confirmed is exactly what `unigap sync` uploads later.
"""

import hashlib
import os
import uuid
from concurrent.futures import ThreadPoolExecutor

CHUNK = 1 << 20


def default_workers():
    return max(1, int(os.environ.get("UNIGAP_UPLOAD_WORKERS") or 6))


def stage(folder, image):
    """Copies `image` (a path or bytes) into `folder` under its sha256; returns the sha256."""
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, ".%s.tmp" % uuid.uuid4().hex)
    digest = hashlib.sha256()
    with open(tmp, "wb") as out:
        if isinstance(image, (bytes, bytearray, memoryview)):
            digest.update(image)
            out.write(image)
        else:
            with open(image, "rb") as src:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
    sha = digest.hexdigest()
    os.replace(tmp, os.path.join(folder, sha))
    return sha


class FileBody:
    """A request body read from a file at send time (reopened on every retry)."""

    def __init__(self, path):
        self.path = path

    def size(self):
        return os.path.getsize(self.path)


def upload_all(transport, shas, path_of, workers):
    """PUTs every sha256 in `shas` through the app, `workers` at a time; the first error is raised after all finish."""
    _each(lambda sha: transport.request("PUT", "/api/v1/blobs/%s" % sha, raw=FileBody(path_of(sha))), shas, workers)


def direct_upload_all(transport, uploads, path_of, workers):
    """With object storage: PUTs each image straight to its presigned URL (the app never carries the
    bytes), then asks the server to verify and record it (`confirm`), `workers` at a time."""

    def send(upload):
        sha = upload["sha256"]
        body = FileBody(path_of(sha))
        transport.request("PUT", None, raw=body, url=upload["url"])
        transport.request("POST", "/api/v1/blobs/%s/confirm" % sha, {"uploadId": upload["uploadId"], "byteSize": body.size()})

    _each(send, uploads, workers)


def _each(fn, items, workers):
    if not items:
        return
    if workers <= 1 or len(items) == 1:
        for item in items:
            fn(item)
        return
    with ThreadPoolExecutor(max_workers=min(workers, len(items))) as pool:
        for future in [pool.submit(fn, item) for item in items]:
            future.result()
