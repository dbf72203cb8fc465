// Runs once when a Next.js server starts, before it serves a request: open the database, migrate,
// seed on first start. A database that cannot be reached stops the server with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/system/boot");
  await bootServer();
}
