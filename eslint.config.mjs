import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import rules that the folder layout depends on are enforced twice: here for editors, and by
// dependency-cruiser (.dependency-cruiser.cjs) for the whole graph, cycles included.
const SERVER_ONLY_MODULES = [
  "@/lib/db/*",
  "@/lib/*/repository",
  "@/lib/*/*-repository",
  "@/lib/*/service",
  "@/lib/*/*-service",
  "@/lib/auth/session",
  "@/lib/auth/options",
  "@/lib/auth/permissions",
  "@/lib/http/route",
  "@/lib/storage/*",
  "@/prisma/*",
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "clients/**", "test-results/**", "playwright-report/**", ".unigap*/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "Use a seeded PRNG (prisma/seed/rng.ts) or node:crypto.",
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: SERVER_ONLY_MODULES, message: "Components render prepared data; server modules stay on the server (see ARCHITECTURE.md)." }] },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*", "next/navigation"],
              message: "lib/ is the domain: it never imports app/, components/ or navigation helpers; throw AppError instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
  {
    // Playwright fixtures call `use`, which is not React's.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.test.ts", "e2e/**/*.ts", "scripts/**/*.ts", "prisma/seed/**/*.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
];

export default config;
