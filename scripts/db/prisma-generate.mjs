// Runs `prisma generate` offline. Every Prisma CLI command first looks for a native schema engine
// (and tries to download one); generate does not use it, so any executable satisfies the check.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const stub = path.join(os.tmpdir(), "unigap-schema-engine-stub");
if (!fs.existsSync(stub)) fs.writeFileSync(stub, "#!/bin/sh\nexit 1\n", { mode: 0o755 });

const result = spawnSync("npx", ["prisma", "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
