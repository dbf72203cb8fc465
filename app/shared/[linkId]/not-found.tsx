export default function SharedNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">This share link is not valid</h1>
      <p className="text-sm text-[var(--muted)]">
        It may have expired or been revoked. If someone sent you a link, open that link itself; ask them for a new one if it still does not work.
      </p>
    </main>
  );
}
