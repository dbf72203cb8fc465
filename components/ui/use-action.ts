import { useState, useTransition } from "react";

import type { TAction } from "@/lib/http/action-result";

/**
 * Runs a server action from a client form: pending state, field errors by input name, and one
 * message for everything else (including a server that could not be reached).
 */
export function useAction<I, T>(action: TAction<I, T>) {
  const [isPending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);

  function run(input: I, onSuccess?: (data: T) => void | Promise<void>) {
    startTransition(async () => {
      setError(null);
      setFieldErrors({});
      try {
        const result = await action(input);
        if (result.ok) return void (await onSuccess?.(result.data));
        if ("fieldErrors" in result) setFieldErrors(result.fieldErrors);
        else setError(result.error.message);
      } catch {
        setError("The server could not be reached. Try again.");
      }
    });
  }

  return { run, isPending, fieldErrors, error, fieldError: (name: string) => fieldErrors[name]?.[0] ?? null };
}
