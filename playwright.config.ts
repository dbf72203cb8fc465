import { defineConfig, devices } from "@playwright/test";

// Two production servers (`next start`), one per database: the embedded default and a fresh
// PostgreSQL database. API specs run against both; UI specs against the embedded one.
// `npm test` builds first; `npm run test:e2e` alone expects a build in .next/.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const servers = {
  embedded: { port: basePort, dataDir: ".unigap-e2e/embedded" },
  postgres: { port: basePort + 1, dataDir: ".unigap-e2e/postgres" },
} as const;

// UNIGAP_TEST_SKIP_PG=1 drops the PostgreSQL half on purpose (a laptop without a server).
const kinds = process.env.UNIGAP_TEST_SKIP_PG === "1" ? (["embedded"] as const) : (["embedded", "postgres"] as const);

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
  contextOptions: { reducedMotion: "reduce" as const },
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : [["list"]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    {
      name: "api-embedded",
      testDir: "e2e/api",
      use: { baseURL: `http://127.0.0.1:${servers.embedded.port}` },
      metadata: { database: "embedded", dataDir: servers.embedded.dataDir },
    },
    ...kinds
      .filter((kind) => kind === "postgres")
      .map((kind) => ({
        name: "api-postgres",
        testDir: "e2e/api",
        use: { baseURL: `http://127.0.0.1:${servers[kind].port}` },
        metadata: { database: kind, dataDir: servers[kind].dataDir },
      })),
    // System specs start their own servers, and a first start seeds the whole demo (≈ 40–90 s on a busy machine).
    { name: "system", testDir: "e2e/system", timeout: 300_000, metadata: {} },
    {
      name: "ui-setup",
      testDir: "e2e",
      testMatch: /ui-project\.setup\.ts$/,
      timeout: 300_000,
      use: { baseURL: `http://127.0.0.1:${servers.embedded.port}` },
      metadata: { database: "embedded", dataDir: servers.embedded.dataDir },
    },
    {
      name: "ui",
      testIgnore: ["api/**", "system/**"],
      dependencies: ["ui-setup"],
      use: { ...chromium, baseURL: `http://127.0.0.1:${servers.embedded.port}` },
      metadata: { database: "embedded", dataDir: servers.embedded.dataDir },
    },
  ],
  webServer: kinds.map((kind) => ({
    command: `node scripts/e2e-server.mjs ${kind} ${servers[kind].port} ${servers[kind].dataDir}`,
    url: `http://127.0.0.1:${servers[kind].port}/api/health`,
    // First start seeds the simulated demo (≈ 30–60 s on a busy 2-core machine) before /api/health answers.
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
