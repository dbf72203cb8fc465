import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "../support/fixtures";
import { uniquePng } from "../support/ingest";
import { runProcess } from "../support/spawn";

// The `unigap` bin against the live server: a GenEval results file with images, imported twice.
const FIXTURE = path.resolve("e2e/fixtures/geneval/results.jsonl");

test("[CLI]: importing a GenEval results file with images twice adds everything once", async ({ apiHeaders, uniqueName }, testInfo) => {
  const name = uniqueName("cli-geneval");
  const imagesDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-geneval-"));
  const lines = fs
    .readFileSync(FIXTURE, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { filename: string });
  for (const line of lines) {
    fs.mkdirSync(path.dirname(path.join(imagesDir, line.filename)), { recursive: true });
    fs.writeFileSync(path.join(imagesDir, line.filename), (await uniquePng(`${name}/${line.filename}`)).bytes);
  }
  const env = { UNIGAP_URL: String(testInfo.project.use.baseURL), UNIGAP_API_KEY: apiHeaders.authorization!.slice("Bearer ".length) };
  const args = ["bin/unigap.mjs", "import", "geneval", FIXTURE, "--run", name, "--step", "100", "--images", imagesDir, "--json"];

  const first = await runProcess("node", args, env);
  expect(first.code, first.stderr + first.stdout).toBe(0);
  const firstResult = JSON.parse(first.stdout);
  expect(firstResult).toMatchObject({ runId: expect.any(String), samples: 6, judgments: 12, images: 6 });

  const second = await runProcess("node", args, env);
  expect(second.code, second.stderr + second.stdout).toBe(0);
  expect(JSON.parse(second.stdout)).toMatchObject({ runId: firstResult.runId, samples: 0, judgments: 0, images: 0, unchanged: { samples: 6, judgments: 12 } });
});

test("[CLI]: a metrics CSV is imported once, and a broken line is reported with its number", async ({ apiHeaders, uniqueName }, testInfo) => {
  const name = uniqueName("cli-metrics");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-metrics-"));
  const csv = path.join(dir, "history.csv");
  fs.writeFileSync(csv, ["step,train/loss,lr", ...Array.from({ length: 50 }, (_, i) => `${i},${i === 7 ? "nan" : 2 - i / 50},1e-5`)].join("\n"));
  const env = { UNIGAP_URL: String(testInfo.project.use.baseURL), UNIGAP_API_KEY: apiHeaders.authorization!.slice("Bearer ".length) };
  const args = ["bin/unigap.mjs", "--json", "import", "metrics", csv, "--run", name];
  const first = await runProcess("node", args, env);
  expect(first.code, first.stderr).toBe(0);
  expect(JSON.parse(first.stdout)).toMatchObject({ points: 100, inserted: 100 });
  const second = await runProcess("node", args, env);
  expect(JSON.parse(second.stdout)).toMatchObject({ points: 100, inserted: 0, unchanged: 100 });

  fs.appendFileSync(csv, "\n51,oops,1e-5");
  const broken = await runProcess("node", args, env);
  expect(broken.code).toBe(1);
  expect(broken.stdout).toContain("history.csv:52");
});
