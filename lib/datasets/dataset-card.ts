// The dataset card (README.md of an export): how the set was built, the gate, and the prompts' licences, in words.
import type { TGate } from "./gate";

type TCardInput = {
  id: string;
  name: string;
  kind: "sft" | "dpo";
  sourceRunName: string;
  sourceStep: number;
  round: number;
  judge: string;
  itemCount: number;
  poolCount: number;
  gate: unknown;
  riskReasons: string[];
  atRisk: boolean;
  riskAcknowledgedAt: string | null;
};

const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);

export function datasetCard(d: TCardInput, rows: Record<string, number>, images: number): string {
  const gate = d.gate as TGate;
  const m = gate.overall.precision;
  const lines = [
    `# ${d.name}`,
    "",
    `A ${d.kind.toUpperCase()} dataset built by unigap from the candidates of run "${d.sourceRunName}" at step ${d.sourceStep}${d.round > 0 ? ` (curriculum round ${d.round})` : ""}, accepted by the ${d.judge} judge.`,
    `${d.itemCount} ${d.kind === "dpo" ? "pairs" : "images"} (${images} distinct image files); ${d.poolCount} prompts remain in the discard pool. Rows: ${Object.entries(
      rows,
    )
      .map(([f, n]) => `${f} ${n}`)
      .join(", ")}.`,
    "",
    "## Files",
    d.kind === "sft"
      ? "- `sft.jsonl` and `metadata.jsonl` (the same rows; the folder loads as a Hugging Face `imagefolder`): `file_name`, `prompt`, `prompt_id`, `benchmark`, `subtask`, `candidate`, `self_verdict`, `self_prob`, `external_verdict`, `sample_id`."
      : "- `dpo.jsonl` in diffusers' Diffusion-DPO columns: `caption`, `jpg_0`, `jpg_1` (paths), `label_0` (1 = `jpg_0` preferred), plus `chosen`, `rejected`, `prompt_id` and both images' verdicts.",
    "- `images/<sha256>.<ext>`: each image once, named by its SHA-256.",
    "- `manifest.json`: recipe, source, judge, counts, gate, risk and the SHA-256 of every file.",
    "",
    "## Gate",
    `Precision of the chosen images against the external judge: ${pct(m.value)} [${pct(m.lo)}, ${pct(m.hi)}] (n = ${m.n}); coverage by independent judges ${pct(gate.overall.coverage.value)}; threshold ${pct(gate.threshold)}.`,
    d.atRisk
      ? `**At risk of co-degradation.** ${d.riskReasons.join(" ")} Built and exported with the risk acknowledged${d.riskAcknowledgedAt ? ` (${d.riskAcknowledgedAt})` : ""}.`
      : "Not at risk.",
    "",
    "## Licences",
    "The prompts keep their benchmarks' licences (GenEval: MIT; T2I-CompBench: MIT — see each benchmark's LICENSE). The images are the source run's generations.",
    "",
    `Dataset id ${d.id}.`,
  ];
  return `${lines.join("\n")}\n`;
}
