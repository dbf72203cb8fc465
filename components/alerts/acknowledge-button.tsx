"use client";

import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";

/** One click records who acknowledged the alert. */
export function AcknowledgeButton({ alertId, acknowledge }: { alertId: string; acknowledge: TAction<{ alertId: string }, null> }) {
  const router = useRouter();
  const action = useAction(acknowledge);
  return (
    <>
      <Button size="sm" variant="secondary" disabled={action.isPending} onClick={() => action.run({ alertId }, () => router.refresh())}>
        Acknowledge
      </Button>
      {action.error ? <span className="text-rose-600">{action.error}</span> : null}
    </>
  );
}
