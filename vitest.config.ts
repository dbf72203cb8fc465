import path from "node:path";

import { defineConfig } from "vitest/config";

// unit: pure code, no database. integration-*: every *.integration.test.ts runs twice, once on the
// embedded database and once on real PostgreSQL (see lib/db/testing).
const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside React's server build; tests are server code by definition.
  "server-only": path.join(root, "lib/db/testing/server-only-stub.ts"),
};
const exclude = ["node_modules/**", ".next/**", "e2e/**", "clients/**"];

function integration(kind: "embedded" | "postgres") {
  return {
    resolve: { alias },
    test: {
      name: `integration-${kind}`,
      include: ["**/*.integration.test.ts"],
      exclude,
      environment: "node",
      env: { UNIGAP_TEST_DB: kind },
      globalSetup: ["lib/db/testing/global-setup.ts"],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.integration.test.ts"], environment: "node" } },
      integration("embedded"),
      integration("postgres"),
    ],
  },
});
