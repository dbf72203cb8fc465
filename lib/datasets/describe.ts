// Words for a dataset's recipe, shared by the list and the dataset page. Pure.

type TRecipeLike = Partial<{
  kind: "sft" | "dpo";
  judge: string;
  maxPerPrompt: number | null;
  minProb: number | null;
  pairing: string;
  maxPairsPerPrompt: number | null;
  minMargin: number | null;
  benchmarks: string[] | null;
  subtasks: string[] | null;
  roles: string[] | null;
}>;

/** "judge self · ≤ 2 per prompt · self p ≥ 0.70 · subtasks color, counting": every parameter that differs from taking everything. */
export function describeRecipe(recipe: TRecipeLike): string {
  const parts = [`judge ${recipe.judge ?? "self"}`];
  if (recipe.kind === "dpo") {
    parts.push(
      recipe.pairing === "all"
        ? `all accepted × rejected pairs${recipe.maxPairsPerPrompt ? `, ≤ ${recipe.maxPairsPerPrompt} per prompt` : ""}`
        : "most confident pair",
    );
    if (recipe.minMargin !== null && recipe.minMargin !== undefined) parts.push(`margin ≥ ${recipe.minMargin.toFixed(2)}`);
  } else {
    parts.push(recipe.maxPerPrompt ? `≤ ${recipe.maxPerPrompt} per prompt` : "every accepted image");
    if (recipe.minProb !== null && recipe.minProb !== undefined) parts.push(`self p ≥ ${recipe.minProb.toFixed(2)}`);
  }
  if (recipe.benchmarks?.length) parts.push(`benchmarks ${recipe.benchmarks.join(", ")}`);
  if (recipe.subtasks?.length) parts.push(`subtasks ${recipe.subtasks.join(", ")}`);
  return parts.join(" · ");
}
