import path from "node:path";

import { expect, test } from "../support/fixtures";
import { runProcess } from "../support/spawn";

// The Python client's own unittest suite (clients/python/tests), against this project's server:
// logging, retries that do not duplicate, spooling while unreachable and `python -m unigap sync`; under
// faults (test_faults.py): memory bounded with the server down, finish() on time when it hangs, a sync
// killed halfway resumed without duplicates.
test("[PYTHON]: the Python client's tests pass against the live server", async ({ apiHeaders }, testInfo) => {
  test.setTimeout(420_000);
  const env = {
    UNIGAP_URL: String(testInfo.project.use.baseURL),
    UNIGAP_API_KEY: apiHeaders.authorization!.slice("Bearer ".length),
    PYTHONDONTWRITEBYTECODE: "1",
  };
  const result = await runProcess("python3", ["-m", "unittest", "discover", "-s", "tests", "-t", "."], env, {
    cwd: path.resolve("clients/python"),
    timeoutMs: 400_000,
  });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toMatch(/Ran \d+ tests/);
  expect(result.stderr).not.toContain("skipped");
});
