"""The Python client when the server is down, stuck or slow: bounded memory, a finish() that returns
on time, and a `sync` that can be killed halfway and run again without losing or duplicating anything."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unittest
import zlib

import unigap

from .helpers import URL, SwitchProxy, api, count_samples, live, png, unique

CLIENT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pending_batches(spool):
    return sorted(name for folder, _, names in os.walk(spool) for name in names if name.endswith(("-metrics.json", "-samples.json", "-finish.json")))


def resend_points(run_id, points):
    """Re-sends points the client logged: what the server answers shows each arrived exactly once."""
    totals = {"inserted": 0, "unchanged": 0, "updated": 0}
    for i in range(0, len(points), 10000):
        status, body = api("POST", "/api/v1/runs/%s/metrics" % run_id, {"points": points[i:i + 10000]})
        assert status == 200, body
        for key in totals:
            totals[key] += body[key]
    return totals


def run_by_name(name):
    status, body = api("GET", "/api/v1/runs?name=" + name)
    assert status == 200, body
    return body["runs"]


@unittest.skipUnless(live(), "needs UNIGAP_URL and UNIGAP_API_KEY of a running server")
class ClientUnderFaultsTest(unittest.TestCase):
    def setUp(self):
        self.spool = tempfile.mkdtemp(prefix="unigap-spool-")
        self.proxies = []

    def tearDown(self):
        for proxy in self.proxies:
            proxy.close()

    def proxy(self, **options):
        proxy = SwitchProxy(**options)
        self.proxies.append(proxy)
        return proxy

    def test_memory_stays_bounded_while_the_server_is_down_and_the_run_catches_up_when_it_returns(self):
        proxy = self.proxy()
        name = unique("py-down")
        run = unigap.init(name=name, url=proxy.url, spool_dir=self.spool, retry_attempts=2, retry_backoff=0.01, flush_interval=0.05,
                          max_buffered_points=1000, max_buffered_samples=50)
        self.assertIsNotNone(run.id)
        proxy.mode = "down"
        keys = ["train/loss", "train/lr", "train/grad_norm", "eval/reward", "eval/kl"]
        tracemalloc.start()
        largest = 0
        for step in range(20000):  # 100,000 points
            run.log({key: (step % 97) / 97.0 + i for i, key in enumerate(keys)}, step=step)
            largest = max(largest, len(run._points))
        for i in range(400):
            run.log_sample(step=1, prompt="prompt %d" % i, subtask="counting", benchmark="geneval", image=png(zlib.crc32(("%s/%d" % (name, i)).encode()) % 2**24),
                           judgments=[{"kind": "self", "verdict": i % 2}])
            largest = max(largest, len(run._samples))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # Unbounded, 100,000 points and 400 samples would hold about 40 MB of dicts; the limit keeps it to one buffer's worth.
        self.assertLessEqual(largest, 1000)
        self.assertLess(peak, 8 * 2**20, "peak Python allocations while logging: %.1f MB" % (peak / 2**20))
        self.assertGreaterEqual(len(pending_batches(self.spool)), 100, "the backlog waits on disk")
        proxy.mode = "up"
        started = time.time()
        run.finish(timeout=180)
        self.assertLess(time.time() - started, 180)
        self.assertEqual(pending_batches(self.spool), [])
        self.assertFalse(os.listdir(self.spool), "the run's spool folder is gone once everything arrived")
        [stored] = run_by_name(name)
        self.assertEqual(stored["status"], "finished")
        points = [{"key": key, "step": step, "value": (step % 97) / 97.0 + i} for step in range(20000) for i, key in enumerate(keys)]
        self.assertEqual(resend_points(run.id, points), {"inserted": 0, "unchanged": 100000, "updated": 0})
        self.assertEqual(count_samples(run.id, 1), 400)

    def test_finish_returns_within_its_timeout_when_the_server_hangs_and_sync_sends_the_rest_once(self):
        proxy = self.proxy()
        name = unique("py-hang")
        run = unigap.init(name=name, url=proxy.url, spool_dir=self.spool, retry_attempts=3, retry_backoff=0.05, flush_interval=0.05)
        self.assertIsNotNone(run.id)
        proxy.mode = "hang"
        for step in range(50):
            run.log({"loss": 1.0 / (step + 1)}, step=step)
        run.log_sample(step=49, prompt="a blue car", subtask="color_attr", benchmark="geneval", image=png(zlib.crc32(name.encode()) % 2**24),
                       judgments=[{"kind": "self", "verdict": 1}])
        started = time.time()
        run.finish(timeout=3)
        took = time.time() - started
        self.assertLess(took, 6, "finish(timeout=3) took %.1f s" % took)
        self.assertTrue(any(n.endswith("-finish.json") for n in pending_batches(self.spool)))
        self.assertEqual(run_by_name(name)[0]["status"], "running")
        proxy.close()
        env = dict(os.environ, PYTHONPATH=CLIENT_ROOT, UNIGAP_URL=URL)
        out = subprocess.run([sys.executable, "-m", "unigap", "sync", "--spool-dir", self.spool], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(pending_batches(self.spool), [])
        [stored] = run_by_name(name)
        self.assertEqual(stored["status"], "finished")
        self.assertEqual(resend_points(run.id, [{"key": "loss", "step": s, "value": 1.0 / (s + 1)} for s in range(50)]), {"inserted": 0, "unchanged": 50, "updated": 0})
        self.assertEqual(count_samples(run.id, 49), 1)

    def test_sync_killed_halfway_resumes_and_stores_everything_exactly_once(self):
        name = unique("py-resume")
        run = unigap.init(name=name, url="http://127.0.0.1:9", spool_dir=self.spool, retry_attempts=1, flush_interval=0.05, max_buffered_points=100)
        for step in range(3000):
            run.log({"loss": step / 3000.0}, step=step)
        run.finish(timeout=10)
        self.assertIsNone(run.id)
        before = len(pending_batches(self.spool))
        self.assertGreaterEqual(before, 30)
        slow = self.proxy(delay=0.15)
        env = dict(os.environ, PYTHONPATH=CLIENT_ROOT, UNIGAP_URL=slow.url)
        sync = subprocess.Popen([sys.executable, "-m", "unigap", "sync", "--spool-dir", self.spool], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while len(pending_batches(self.spool)) > before - 5 and time.time() < deadline:
            time.sleep(0.05)
        sync.send_signal(signal.SIGKILL)
        sync.wait(10)
        left = len(pending_batches(self.spool))
        self.assertTrue(0 < left < before, "killed halfway: %d of %d batches left" % (left, before))
        again = subprocess.run([sys.executable, "-m", "unigap", "sync", "--spool-dir", self.spool], env=dict(env, UNIGAP_URL=URL), capture_output=True, text=True, timeout=120)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout.strip(), '{"runs": 1, "batches": %d, "refused": 0}' % left)
        [stored] = run_by_name(name)
        self.assertEqual(stored["status"], "finished")
        self.assertEqual(resend_points(stored["id"], [{"key": "loss", "step": s, "value": s / 3000.0} for s in range(3000)]), {"inserted": 0, "unchanged": 3000, "updated": 0})
        self.assertFalse(os.listdir(self.spool))


if __name__ == "__main__":
    unittest.main()
