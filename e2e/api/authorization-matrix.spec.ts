import { expect, test } from "../support/fixtures";

import { appSurface } from "./authz/app-surface";
import { ROWS } from "./authz/rows";
import { buildWorld, CALLERS, disposeWorld, type TWorld } from "./authz/world";

// Every route handler, page and server action (./authz/rows.ts) × every kind of caller
// (./authz/world.ts): anonymous; viewer, editor and owner of the project; a member of another
// project; share links in and out of scope, revoked and expired; this project's API key, another
// project's, a revoked one. Each row reports all its mismatches at once, as "caller: expected → got".

let world: TWorld | undefined;

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(120_000);
  world = await buildWorld(playwright, String(testInfo.project.use.baseURL), String(testInfo.project.metadata.dataDir));
});

test.afterAll(async () => {
  await disposeWorld(world);
});

test("[AUTHZ]: every route, page and server action of the app has a row in the matrix", () => {
  const listed = new Set(ROWS.map((row) => row.key));
  const surface = appSurface();
  expect(
    surface.filter((key) => !listed.has(key)),
    "add these to e2e/api/authz/rows.ts",
  ).toEqual([]);
  expect(
    [...listed].filter((key) => !surface.includes(key)),
    "these rows name nothing that exists",
  ).toEqual([]);
});

for (const row of ROWS) {
  test(`[AUTHZ]: ${row.key}`, async () => {
    const w = world!;
    const mismatches: string[] = [];
    for (const caller of CALLERS) {
      const result = await row.call(w, caller);
      const expected = row.expected[caller];
      if (result.outcome !== expected) {
        mismatches.push(`${caller}: expected ${expected} → got ${result.outcome} ${result.text.slice(0, 160)}`);
        continue;
      }
      const isRefusal = !/^(2\d\d|ok|fieldErrors|→.*)$/.test(result.outcome);
      const leaked = isRefusal ? w.secrets.filter((secret) => result.text.includes(secret)) : [];
      if (leaked.length > 0) mismatches.push(`${caller}: a refusal mentions ${leaked.join(", ")}`);
      if (!isRefusal && row.check) {
        try {
          await row.check(w, caller, result);
        } catch (error) {
          mismatches.push(`${caller}: ${(error as Error).message.split("\n").slice(0, 4).join(" ")}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
}
