import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemeToggle } from "@/components/layout/theme-toggle";

export type TBreadcrumb = { label: string; href?: string };

export function AppHeader({ crumbs, userEmail }: { crumbs: TBreadcrumb[]; userEmail: string | null }) {
  return (
    <header className="sticky top-0 z-20 border-b border-[var(--border)] bg-[var(--panel)]/90 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-[1400px] items-center gap-3 px-4">
        <Link href="/projects" className="font-semibold tracking-tight text-indigo-600 dark:text-indigo-400">
          unigap
        </Link>
        <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-2 text-sm text-[var(--muted)]">
          {crumbs.map((crumb, i) => (
            <span key={`${crumb.label}-${i}`} className="flex min-w-0 items-center gap-2">
              <span aria-hidden>/</span>
              {crumb.href ? (
                <Link href={crumb.href} className="truncate hover:text-[var(--text)]">
                  {crumb.label}
                </Link>
              ) : (
                <span className="truncate text-[var(--text)]">{crumb.label}</span>
              )}
            </span>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2 text-sm">
          <ThemeToggle />
          {userEmail ? (
            <Link href="/account" className="hidden text-[var(--muted)] hover:text-[var(--text)] sm:inline" title="Account and password">
              {userEmail}
            </Link>
          ) : null}
          {userEmail ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
