import type { ReactNode } from "react";

import { CopyField } from "./copy-field";
import { Notice } from "./notice";

/** A secret or one-time link right after it was made: what it is, and the value to copy now. */
export function ShownOnce({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  return (
    <Notice className="flex flex-col gap-2">
      <span>{children}</span>
      <CopyField label={label} value={value} />
    </Notice>
  );
}
