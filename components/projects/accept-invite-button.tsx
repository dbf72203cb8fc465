"use client";

import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";

export function AcceptInviteButton({ label, action }: { label: string; action: TAction<Record<string, never>, { slug: string }> }) {
  const router = useRouter();
  const { run, isPending, error } = useAction(action);
  return (
    <div className="flex flex-col gap-3">
      <Button type="button" disabled={isPending} onClick={() => run({}, ({ slug }) => router.replace(`/p/${slug}`))}>
        {isPending ? "Joining…" : label}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
