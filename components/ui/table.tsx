import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

import { cn } from "@/lib/ui/cn";

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto">
      <table className={cn("w-full text-sm", className)} {...props} />
    </div>
  );
}

function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-[var(--border)] text-left text-xs uppercase tracking-wide text-[var(--muted)]", className)} {...props} />;
}

export function TR({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("border-b border-[var(--border)] last:border-0", className)} {...props} />;
}

function TH({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cn("px-3 py-2 font-medium", className)} {...props} />;
}

export function TD({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2 align-middle", className)} {...props} />;
}

/** A header row of plain column titles; `hasActions` adds a last, right-aligned column for buttons. */
export function TableHeader({ columns, hasActions = false, alignRight = [] }: { columns: string[]; hasActions?: boolean; alignRight?: string[] }) {
  return (
    <THead>
      <tr>
        {columns.map((column) => (
          <TH key={column} className={alignRight.includes(column) ? "text-right" : undefined}>
            {column}
          </TH>
        ))}
        {hasActions ? (
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        ) : null}
      </tr>
    </THead>
  );
}
