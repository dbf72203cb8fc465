"use client";

import { useState } from "react";

import { Button } from "./button";
import { Input } from "./input";

/** A read-only value with a copy button: secrets that are shown once, links to hand on. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const [isCopied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
  }
  return (
    <div className="flex items-center gap-2">
      <Input readOnly aria-label={label} value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      <Button type="button" variant="secondary" onClick={copy}>
        {isCopied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
