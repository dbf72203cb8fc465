"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Mounts its children once the placeholder comes near the viewport, so a page of twenty panels
 * only fetches and draws what is looked at. The placeholder keeps the final height.
 */
export function LazyMount({ children, placeholder, rootMargin = "300px" }: { children: ReactNode; placeholder: ReactNode; rootMargin?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isVisible, setVisible] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (!node || isVisible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [isVisible, rootMargin]);
  return (
    <div ref={ref} className="min-w-0">
      {isVisible ? children : placeholder}
    </div>
  );
}
