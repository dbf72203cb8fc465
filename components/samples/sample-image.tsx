"use client";

import { useState } from "react";

import { cn } from "@/lib/ui/cn";

/** A sample's picture; no image, or one that fails to load, becomes a placeholder that says so. */
export function SampleImage({ src, alt, className, missingText = "no image" }: { src: string | null; alt: string; className?: string; missingText?: string }) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div
        role="img"
        aria-label={`${alt} (${failed ? "image missing" : missingText})`}
        className={cn("flex items-center justify-center bg-slate-100 text-xs text-[var(--muted)] dark:bg-slate-800", className)}
      >
        {failed ? "image missing" : missingText}
      </div>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- authorized, already-sized thumbnails: next/image would re-encode them
    <img
      src={src}
      alt={alt}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
      className={cn("bg-slate-100 object-contain dark:bg-slate-800", className)}
    />
  );
}
