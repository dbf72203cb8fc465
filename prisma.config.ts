// Prisma CLI configuration. The app itself never reads this file: it builds its client with a
// driver adapter in lib/db/client.ts. `?? ''` because the config's env() helper throws when unset,
// and `prisma generate` needs no database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
