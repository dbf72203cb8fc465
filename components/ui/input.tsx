import type { InputHTMLAttributes } from "react";

import { cn } from "@/lib/ui/cn";

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className={cn(
        "h-9 w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-3 text-sm placeholder:text-[var(--muted)] focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30",
        className,
      )}
      {...props}
    />
  );
}
