// The rooms of ARCHITECTURE.md, as rules on the import graph. `npm run lint` fails on any violation.
// The pure metric core: every module of lib/metrics/ except its SQL (repositories), use cases
// (services), the per-process cache and the test helpers.
const PURE_METRICS = "^lib/metrics/(?!.*(repository|service|cache)[.]ts$)(?!testing/)(?!.*[.]test[.]ts$)[^/]+[.]ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles make load order matter; restructure instead.",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "lib-is-the-domain",
      severity: "error",
      comment: "lib/ never depends on routing or presentation.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-are-presentation",
      severity: "error",
      comment: "Components take prepared data as props; they never reach the database, services or sessions.",
      from: { path: "^components/" },
      to: {
        path: "^(lib/db/|lib/[^/]+/[^/]*(repository|service)[.]ts$|lib/auth/(session|options|permissions)[.]ts$|lib/http/route[.]ts$|lib/storage/|prisma/|app/)",
      },
    },
    {
      name: "only-repositories-touch-the-database",
      severity: "error",
      comment: "SQL and Prisma live in repository modules; services use lib/db/transaction.ts for transactions.",
      from: {
        path: "^(app|components|lib)/",
        pathNot: "^lib/(db/|system/|[^/]+/[^/]*repository[.]ts$)|[.]test[.]ts$",
      },
      to: { path: "^lib/db/(client|open|start|sql-pg|sql-pglite)\\.ts$" },
    },
    {
      name: "prisma-client-values-in-repositories",
      severity: "error",
      comment: "Generated Prisma values (not types) are imported by repositories and lib/db only.",
      from: { pathNot: "^(lib/db/|lib/[^/]+/[^/]*repository[.]ts$|prisma/)" },
      to: { path: "^lib/db/generated/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "app-does-not-import-seed",
      severity: "error",
      comment:
        "The app runs without the demo simulator: the seed (prisma/) is handed to the server by its entry point (instrumentation.ts), never imported by pages or routes.",
      from: { path: "^(app|components)/" },
      to: { path: "^prisma/" },
    },
    {
      name: "app-goes-through-services",
      severity: "error",
      comment: "Pages, actions and routes call services, which authorize; a repository or the database reached from app/ skips authorization.",
      from: { path: "^app/" },
      to: { path: "^(lib/db/|lib/.+/[^/]*repository[.]ts$)" },
    },
    {
      name: "lib-does-not-import-the-seed",
      severity: "error",
      comment:
        "The server must not know the demo simulator (the seed may import lib/, not the other way round); only tests and test helpers use prisma/factories.",
      from: { path: "^lib/", pathNot: "([.]test[.]ts$|/testing/)" },
      to: { path: "^prisma/" },
    },
    {
      name: "pure-metrics-stay-pure",
      severity: "error",
      comment:
        "The metric definitions are the reference every SQL aggregate is tested against and run in the browser: no database, no Node built-ins, nothing server-only.",
      from: { path: PURE_METRICS },
      to: { path: "^(lib/db/|lib/.+/[^/]*(repository|service)[.]ts$|node_modules/server-only/)" },
    },
    {
      name: "pure-metrics-use-no-node",
      severity: "error",
      comment: "The metric definitions are client-safe: no Node built-ins.",
      from: { path: PURE_METRICS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "test-code-only-in-tests",
      severity: "error",
      comment: "Test helpers (testing/ folders, prisma/factories.ts) write rows without the app's rules; only tests, benches and the seed may use them.",
      from: { pathNot: "([.]test[.]ts$|/testing/|^scripts/bench/|^prisma/)" },
      to: { path: "(/testing/|^prisma/factories[.]ts$)" },
    },
    {
      name: "clients-stand-alone",
      severity: "error",
      comment: "The CLI and the TypeScript client talk HTTP; they share only the pure API contracts with the server.",
      from: { path: "^(cli|lib/api-client)/" },
      to: { path: "^(app|components|prisma|lib/(?!api/|api-client/))" },
    },
    {
      name: "e2e-is-black-box",
      severity: "error",
      comment: "End-to-end tests drive the app over HTTP and the browser, not its internals.",
      from: { path: "^e2e/" },
      to: { path: "^(app|components|lib/(?!validation/|api/))" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|lib/db/generated)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
