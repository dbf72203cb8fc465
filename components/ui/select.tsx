import type { SelectHTMLAttributes } from "react";

import { cn } from "@/lib/ui/cn";

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "h-9 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
