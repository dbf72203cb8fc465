import { describe, expect, it } from "vitest";

import { ZCreateRunRequest } from "@/lib/api/contracts/runs";
import type { TActor, TApiKeyScope } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { uploadBlob } from "@/lib/ingest/blob-service";
import { createRun, getRun } from "@/lib/ingest/run-service";
import { getProjectsForActor } from "@/lib/projects/service";
import { createTestApiKey, createTestProject } from "@/prisma/factories";

import { authenticateApiKey, createApiKey, getApiKeys, getApiKeysOfProject, revokeApiKey } from "./service";

setupTestDatabase();

async function projectWithKeys() {
  const project = await createTestProject();
  const owner: TActor = { kind: "user", userId: project.ownerId };
  const keys = {} as Record<TApiKeyScope, TActor>;
  for (const scope of ["ingest", "read", "admin"] as const) {
    const key = await createApiKey(owner, project.id, `${scope} key`, scope);
    expect(key.scope).toBe(scope);
    keys[scope] = await authenticateApiKey(key.secret);
  }
  return { project, owner, keys };
}

const newRun = (actor: TActor) => createRun(actor, ZCreateRunRequest.parse({ name: "scoped run" }));

describe("API key scopes", () => {
  it("carries the scope from creation to the authenticated actor and the keys list", async () => {
    const { project, owner, keys } = await projectWithKeys();
    expect(keys.ingest).toMatchObject({ kind: "apiKey", scope: "ingest", projectId: project.id });
    const listed = await getApiKeys(owner, project.id);
    expect(listed.map((k) => [k.name, k.scope]).sort()).toEqual([
      ["admin key", "admin"],
      ["ingest key", "ingest"],
      ["read key", "read"],
    ]);
    // A key's own project shows the role its scope acts with.
    expect((await getProjectsForActor(keys.read))[0]?.role).toBe("viewer");
    expect((await getProjectsForActor(keys.ingest))[0]?.role).toBe("editor");
  });

  it("lets ingest write runs and read them, read only read, and says which scope is missing", async () => {
    const { keys } = await projectWithKeys();
    const run = await newRun(keys.ingest);
    await expect(getRun(keys.read, run.id)).resolves.toMatchObject({ id: run.id });
    await expect(getRun(keys.ingest, run.id)).resolves.toMatchObject({ id: run.id });
    await expect(newRun(keys.read)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs an API key with the ingest scope; this key has the read scope.",
    });
    await expect(uploadBlob(keys.read, "0".repeat(64), new Uint8Array([1]))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("ingest scope"),
    });
    await expect(newRun(keys.admin)).resolves.toMatchObject({ created: true });
  });

  it("lets only admin keys (and owners) manage keys", async () => {
    const { project, keys } = await projectWithKeys();
    for (const scope of ["ingest", "read"] as const) {
      await expect(getApiKeysOfProject(keys[scope], project.slug)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: `This needs an API key with the admin scope; this key has the ${scope} scope.`,
      });
      await expect(createApiKey(keys[scope], project.id, "escalation", "admin")).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const made = await createApiKey(keys.admin, project.id, "made by a key", "read");
    expect(made).toMatchObject({ scope: "read", secret: expect.stringMatching(/^ugk_/) });
    await revokeApiKey(keys.admin, project.id, made.id);
    await expect(authenticateApiKey(made.secret)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Another project's admin key sees nothing of this one.
    const other = await createTestProject();
    const otherKey = await authenticateApiKey((await createTestApiKey(other.id)).secret);
    await expect(getApiKeysOfProject(otherKey, project.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("makes keys without a stated scope admin (seeded keys and keys from before the migration)", async () => {
    const project = await createTestProject();
    const seeded = await authenticateApiKey((await createTestApiKey(project.id)).secret);
    expect(seeded.scope).toBe("admin");
  });
});
