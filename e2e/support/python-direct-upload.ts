// A Python program for the object-storage specs: logs `count` samples with images through the Python
// client (the clients/python folder is its cwd) and prints, as JSON, the run id, how many images went
// straight to the bucket and how many through the app, the sample ids and the images' sha256.

export function directUploadScript(options: { runName: string; count: number; seed: number; logSample: string }): string {
  return `
import hashlib, json, sys
sys.path.insert(0, ".")
import unigap
from unigap import _blobs, _sender
from tests.helpers import png
calls = {"direct": 0, "app": 0}
ids = []
direct, app, send = _blobs.direct_upload_all, _blobs.upload_all, _sender.send_samples
def count(kind, fn):
    def wrapped(transport, items, *rest):
        calls[kind] += len(items)
        return fn(transport, items, *rest)
    return wrapped
_blobs.direct_upload_all, _blobs.upload_all = count("direct", direct), count("app", app)
def record(*args, **kwargs):
    out = send(*args, **kwargs)
    ids.extend(out)
    return out
_sender.send_samples = record
run = unigap.init(name=${JSON.stringify(options.runName)}, spool_dir=sys.argv[1])
for i in range(${options.count}):
    ${options.logSample}
run.finish()
print(json.dumps({"runId": run.id, "calls": calls, "sampleIds": ids, "sha256": [hashlib.sha256(png(${options.seed} + i)).hexdigest() for i in range(${options.count})]}))
`;
}
