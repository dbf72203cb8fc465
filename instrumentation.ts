// Runs once when a Next.js server starts, before it serves a request: the boot sequence (open the
// database, migrate, first-start work). The server's own code does not know the demo simulator; this
// entry point hands it the seed side's seeders (loaded only when needed: an empty database's first
// start, or `npm run seed` against this running server). A database that cannot be reached stops the
// server with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/system/boot");
  await bootServer({ loadSeeders: async () => (await import("./prisma/seed/seeders")).seeders });
}
