"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * Grid keys: j / → / ↓ focus the next `[data-nav-item]`, k / ← / ↑ the previous one, Enter opens
 * the focused card (a link), Esc goes to `backHref` when there is one.
 */
export function GridKeys({ backHref }: { backHref?: string }) {
  const router = useRouter();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const items = [...document.querySelectorAll<HTMLElement>("[data-nav-item]")];
      const index = items.indexOf(document.activeElement as HTMLElement);
      const move = ["j", "ArrowRight", "ArrowDown"].includes(event.key) ? 1 : ["k", "ArrowLeft", "ArrowUp"].includes(event.key) ? -1 : 0;
      if (move !== 0 && items.length > 0) {
        event.preventDefault();
        const next = items[index < 0 ? (move > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + move))]!;
        next.focus();
        next.scrollIntoView({ block: "nearest" });
      } else if (event.key === "Escape" && backHref) {
        router.push(backHref);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router, backHref]);
  return null;
}

/** Page keys: j / → / ↓ go to `nextHref`, k / ← / ↑ to `prevHref`, Esc to `backHref`. */
export function PageKeys({ prevHref, nextHref, backHref }: { prevHref: string | null; nextHref: string | null; backHref: string }) {
  const router = useRouter();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const href = ["j", "ArrowRight", "ArrowDown"].includes(event.key)
        ? nextHref
        : ["k", "ArrowLeft", "ArrowUp"].includes(event.key)
          ? prevHref
          : event.key === "Escape"
            ? backHref
            : null;
      if (!href) return;
      event.preventDefault();
      router.push(href);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router, prevHref, nextHref, backHref]);
  return null;
}
