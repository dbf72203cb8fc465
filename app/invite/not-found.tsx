import Link from "next/link";

export default function InviteNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">This invitation is not valid</h1>
      <p className="text-sm text-[var(--muted)]">It was already used, revoked, or it has expired. Ask a project owner for a new link.</p>
      <Link href="/projects" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        Go to your projects
      </Link>
    </main>
  );
}
