// GenEval's evaluation metadata spells out each prompt's objects, counts, colours and positions;
// this maps one metadata line onto the shared prompt spec.
import type { TColor, TPromptSpec, TRelation } from "./spec";

export type TGenEvalMetadata = {
  tag: string;
  prompt: string;
  include: { class: string; count: number; color?: string; position?: [string, number] }[];
  exclude?: { class: string; count: number }[];
};

const POSITIONS: Record<string, TRelation["kind"]> = { "left of": "left", "right of": "right", above: "above", below: "below" };

export function specFromGenEval(meta: TGenEvalMetadata): TPromptSpec {
  const spec: TPromptSpec = {
    objects: meta.include.map((o) => ({ noun: o.class, count: o.count, ...(o.color ? { color: o.color as TColor } : {}) })),
  };
  meta.include.forEach((o, subject) => {
    const kind = o.position ? POSITIONS[o.position[0]] : undefined;
    if (kind && o.position) spec.relation = { kind, subject, object: o.position[1] };
  });
  return spec;
}
