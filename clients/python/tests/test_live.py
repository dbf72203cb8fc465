"""The Python client against a live unigap server (UNIGAP_URL, UNIGAP_API_KEY)."""

import os
import subprocess
import sys
import tempfile
import unittest
import zlib

import unigap

from .helpers import URL, FlakyProxy, api, live, png, unique

CLIENT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_run(name):
    status, body = api("GET", "/api/v1/runs?name=" + name)
    assert status == 200, body
    return body["runs"]


@unittest.skipUnless(live(), "needs UNIGAP_URL and UNIGAP_API_KEY of a running server")
class LiveClientTest(unittest.TestCase):
    def setUp(self):
        self.spool = tempfile.mkdtemp(prefix="unigap-spool-")

    def test_logs_metrics_samples_and_images_then_finishes(self):
        name = unique("py-run")
        with unigap.init(project=None, name=name, config={"lr": 1e-5}, method="sft", tags=["py"], spool_dir=self.spool, flush_interval=0.05) as run:
            for step in range(30):
                run.log({"train/loss": 1.0 / (step + 1), "lr": 1e-5}, step=step)
            run.log({"train/loss": float("nan")}, step=30)
            run.log_sample(step=30, prompt="a photo of a red bench", subtask="color_attr", benchmark="geneval", image=png(zlib.crc32(name.encode()) % 2**24), candidate=0,
                           judgments=[{"kind": "self", "response": "The score is 0."}, {"kind": "external", "judge": "geneval", "verdict": 1}])
            run.log_sample(step=30, prompt="a photo of a red bench", subtask="color_attr", benchmark="geneval", candidate=1,
                           judgments=[{"kind": "self", "verdict": 1, "prob": 0.9}])
        [stored] = find_run(name)
        self.assertEqual(stored["status"], "finished")
        self.assertEqual(stored["config"], {"lr": 1e-5})
        # Re-sending what the client sent adds nothing: it all arrived exactly once.
        points = [{"key": "train/loss", "step": s, "value": 1.0 / (s + 1)} for s in range(30)] + [{"key": "train/loss", "step": 30, "value": "NaN"}]
        self.assertEqual(api("POST", "/api/v1/runs/%s/metrics" % run.id, {"points": points}), (200, {"inserted": 0, "unchanged": 31, "updated": 0}))
        status, body = api("POST", "/api/v1/runs/%s/judgments" % run.id, {"judgments": [
            {"sample": {"step": 30, "prompt": run_prompt_id("geneval", "color_attr", "a photo of a red bench"), "candidate": 0}, "kind": "self", "verdict": 0}]})
        self.assertEqual((status, body), (200, {"inserted": 0, "unchanged": 1, "updated": 0}))

    def test_retries_a_lost_answer_without_duplicating(self):
        proxy = FlakyProxy("/metrics")
        try:
            name = unique("py-retry")
            run = unigap.init(name=name, url=proxy.url, spool_dir=self.spool, retry_backoff=0.01, flush_interval=0.05)
            run.log({"loss": 0.5}, step=0)
            run.log({"loss": 0.25}, step=1)
            run.finish()
        finally:
            proxy.close()
        metric_posts = [r for r in proxy.requests if "/metrics" in r[1]]
        self.assertEqual(proxy.failed, 1)
        self.assertEqual(len(metric_posts), 2)  # the first (stored, answer lost) and the retry
        self.assertEqual(api("POST", "/api/v1/runs/%s/metrics" % run.id, {"points": [{"key": "loss", "step": 0, "value": 0.5}, {"key": "loss", "step": 1, "value": 0.25}]})[1],
                         {"inserted": 0, "unchanged": 2, "updated": 0})
        self.assertFalse(os.listdir(self.spool))

    def test_spools_while_unreachable_and_sync_uploads_later_once(self):
        name = unique("py-offline")
        run = unigap.init(name=name, url="http://127.0.0.1:9", spool_dir=self.spool, retry_attempts=2, retry_backoff=0.01, flush_interval=0.05)
        run.log({"loss": 1.5}, step=0)
        run.log_sample(step=0, prompt="two dogs", subtask="counting", image=png(zlib.crc32(name.encode()) % 2**24), judgments=[{"kind": "self", "verdict": 1}])
        run.finish()
        self.assertIsNone(run.id)
        self.assertEqual(find_run(name), [])
        env = dict(os.environ, PYTHONPATH=CLIENT_ROOT, UNIGAP_URL=URL)
        out = subprocess.run([sys.executable, "-m", "unigap", "sync", "--spool-dir", self.spool], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), '{"runs": 1, "batches": 3, "refused": 0}')
        [stored] = find_run(name)
        self.assertEqual(stored["status"], "finished")
        again = subprocess.run([sys.executable, "-m", "unigap", "sync", "--spool-dir", self.spool], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(again.stdout.strip(), '{"runs": 0, "batches": 0, "refused": 0}')
        self.assertEqual(api("POST", "/api/v1/runs/%s/metrics" % stored["id"], {"points": [{"key": "loss", "step": 0, "value": 1.5}]})[1]["unchanged"], 1)

    def test_a_failing_block_marks_the_run_failed(self):
        name = unique("py-fail")
        with self.assertRaises(RuntimeError):
            with unigap.init(name=name, spool_dir=self.spool, flush_interval=0.05) as run:
                run.log({"loss": 3.0})
                raise RuntimeError("diverged")
        self.assertEqual(find_run(name)[0]["status"], "failed")

    def test_a_refused_batch_is_raised_at_finish(self):
        run = unigap.init(name=unique("py-refused"), spool_dir=self.spool, flush_interval=0.05)
        run.log_sample(step=0, prompt="x", judgments=[{"kind": "external", "verdict": 1}])  # no judge: 422
        with self.assertRaises(unigap.UnigapError) as caught:
            run.finish()
        self.assertEqual(caught.exception.status, 422)


def run_prompt_id(benchmark, subtask, text):
    import hashlib

    return "%s/%s" % (benchmark, hashlib.sha256(("%s\0%s" % (subtask, text)).encode()).hexdigest()[:16])


if __name__ == "__main__":
    unittest.main()
