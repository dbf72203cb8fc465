"""Training datasets built by unigap from a run's own verdicts: build, read the pool, pull the export."""

import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request

from ._http import Transport, UnigapError

_RECIPE_KEYS = {
    "max_per_prompt": "maxPerPrompt", "min_prob": "minProb", "max_pairs_per_prompt": "maxPairsPerPrompt",
    "min_margin": "minMargin", "external_judge": "externalJudge", "previous_dataset_id": "previousDatasetId",
    "acknowledge_risk": "acknowledgeRisk",
}


def _transport(url=None, api_key=None):
    url = url or os.environ.get("UNIGAP_URL") or "http://localhost:3000"
    api_key = api_key or os.environ.get("UNIGAP_API_KEY")
    if not api_key:
        raise ValueError("no API key: pass api_key= or set UNIGAP_API_KEY")
    return Transport(url, api_key)


def recipe_body(kind, step, **recipe):
    """The request body: snake_case parameters become the API's names; None values are left out."""
    body = {"kind": kind, "step": int(step)}
    for key, value in recipe.items():
        if value is not None:
            body[_RECIPE_KEYS.get(key, key)] = value
    return body


class Dataset:
    """A built dataset: `.id`, `.gate`, `.risk`, `.counts` and the rest of the API's answer in `.data`."""

    def __init__(self, data, transport):
        self.data = data
        self.id = data["id"]
        self.gate = data.get("gate")
        self.risk = data.get("risk")
        self.counts = data.get("counts")
        self._transport = transport

    def pool(self):
        """The discard pool's prompts to re-sample: dicts with id, externalId, text, benchmark, subtask, spec."""
        return self._transport.request("GET", "/api/v1/datasets/%s/pool" % self.id)[1]["prompts"]

    def pull(self, directory, gzip=False, acknowledge_risk=False):
        return pull_dataset(self.id, directory, gzip=gzip, acknowledge_risk=acknowledge_risk, transport=self._transport)


def build_dataset(run_id, kind, step, preview=False, transport=None, **recipe):
    """Builds (or with preview=True only previews) a dataset from a run's construction round."""
    transport = transport or _transport()
    path = "/api/v1/runs/%s/datasets%s" % (run_id, "/preview" if preview else "")
    _, data = transport.request("POST", path, recipe_body(kind, step, **recipe))
    return data if preview else Dataset(data, transport)


def get_dataset(dataset_id, url=None, api_key=None):
    transport = _transport(url, api_key)
    return Dataset(transport.request("GET", "/api/v1/datasets/%s" % dataset_id)[1], transport)


def pull_dataset(dataset_id, directory, gzip=False, acknowledge_risk=False, url=None, api_key=None, transport=None):
    """Downloads the export (streamed to a temporary file, never held in memory) and unpacks it into directory."""
    transport = transport or _transport(url, api_key)
    query = "?format=%s%s" % ("tar.gz" if gzip else "tar", "&acknowledgeRisk=true" if acknowledge_risk else "")
    req = urllib.request.Request(transport.url + "/api/v1/datasets/%s/export%s" % (dataset_id, query),
                                 headers={"Authorization": "Bearer %s" % transport.api_key})
    os.makedirs(directory, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".tar", delete=False) as tmp:
        try:
            with urllib.request.urlopen(req, timeout=transport.timeout) as response:
                shutil.copyfileobj(response, tmp, 1024 * 1024)
        except urllib.error.HTTPError as error:
            raise UnigapError(error.code, "HTTP_ERROR", error.read().decode("utf-8", "replace")[:500])
    try:
        with tarfile.open(tmp.name, "r:*") as archive:
            for member in archive.getmembers():
                if member.name.startswith("/") or ".." in member.name.split("/"):
                    raise UnigapError(0, "BAD_ARCHIVE", "unsafe path in archive: %s" % member.name)
            archive.extractall(directory)
    finally:
        os.unlink(tmp.name)
    return os.path.join(directory, "manifest.json")
