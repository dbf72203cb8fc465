import { describe, expect, it } from "vitest";
import { z } from "zod";

import { errorResponse } from "./errors";

async function detailsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  const body = (await errorResponse(result.error).json()) as { error: { message: string; details: { path: string; message: string }[] } };
  return body.error;
}

describe("errorResponse for zod errors", () => {
  const ZPrompt = z.union([z.string().min(1), z.object({ externalId: z.string().min(1), text: z.string().max(10) })]);
  const ZBatch = z.object({ samples: z.array(z.object({ prompt: ZPrompt })) });

  it("names the field inside the union branch the input was meant for", async () => {
    const error = await detailsOf(ZBatch, { samples: [{ prompt: { externalId: "p", text: 42 } }] });
    expect(error.details.map((d) => d.path)).toEqual(["samples.0.prompt.text"]);
    expect(error.message).toMatch(/^Invalid input at samples\.0\.prompt\.text: /);
  });

  it("prefers the branch whose complaints are about values that are there over missing keys", async () => {
    const ZRef = z.union([z.object({ id: z.string() }), z.object({ step: z.number(), prompt: z.string() })]);
    const error = await detailsOf(z.object({ sample: ZRef }), { sample: { step: 0, prompt: 5 } });
    expect(error.details.map((d) => d.path)).toEqual(["sample.prompt"]);
  });

  it("names an unknown key as its own path", async () => {
    const error = await detailsOf(z.object({ notes: z.string().optional() }).strict(), { notes: "x", name: "renamed" });
    expect(error.details).toEqual([{ path: "name", message: '"name" is not a field here' }]);
  });
});
