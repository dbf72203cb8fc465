"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import type { TDatasetRecipe } from "@/lib/api/contracts/datasets";
import type { TBuildSource, TDatasetPreview } from "@/lib/datasets/types";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";

import { PreviewPanel } from "./preview-panel";

type TRequest = { runId: string; recipe: TDatasetRecipe };
type TPrevious = { id: string; name: string; runId: string; step: number; kind: "sft" | "dpo" };
type TProps = {
  slug: string;
  sources: TBuildSource[];
  previous: TPrevious[];
  canBuild: boolean;
  preview: TAction<TRequest, TDatasetPreview>;
  build: TAction<TRequest, { id: string; created: boolean }>;
};

const DEBOUNCE_MS = 350;

type TForm = {
  runId: string;
  step: string;
  kind: "sft" | "dpo";
  judge: NonNullable<TDatasetRecipe["judge"]>;
  maxPerPrompt: string;
  minProb: string;
  pairing: "most_confident" | "all";
  maxPairsPerPrompt: string;
  minMargin: string;
  subtasks: string[];
  previousDatasetId: string;
  name: string;
};

/** The form's fields as the API's recipe, or the first field that is not a valid number. */
function toRecipe(f: TForm): { recipe: TDatasetRecipe } | { field: string; message: string } {
  const num = (field: string, raw: string, { int, min, max }: { int: boolean; min: number; max: number }) => {
    if (raw.trim() === "") return { value: undefined };
    const v = Number(raw);
    if (!Number.isFinite(v) || (int && !Number.isInteger(v)) || v < min || v > max)
      return { error: { field, message: `${int ? "A whole number" : "A number"} from ${min} to ${max}.` } };
    return { value: v };
  };
  const recipe: TDatasetRecipe = { kind: f.kind, step: Number(f.step), judge: f.judge };
  const fields =
    f.kind === "sft"
      ? ([
          ["maxPerPrompt", f.maxPerPrompt, { int: true, min: 1, max: 10_000 }],
          ["minProb", f.minProb, { int: false, min: 0, max: 1 }],
        ] as const)
      : ([
          ["maxPairsPerPrompt", f.maxPairsPerPrompt, { int: true, min: 1, max: 10_000 }],
          ["minMargin", f.minMargin, { int: false, min: -1, max: 1 }],
        ] as const);
  for (const [field, raw, bounds] of fields) {
    const parsed = num(field, raw, bounds);
    if ("error" in parsed) return parsed.error!;
    if (parsed.value !== undefined) (recipe as Record<string, unknown>)[field] = parsed.value;
  }
  if (f.kind === "dpo") recipe.pairing = f.pairing;
  if (f.subtasks.length > 0) recipe.subtasks = f.subtasks;
  if (f.previousDatasetId) recipe.previousDatasetId = f.previousDatasetId;
  if (f.name.trim()) recipe.name = f.name.trim();
  return { recipe };
}

/** Build an SFT or DPO set from a construction round; every change re-runs the preview (debounced) before anything is stored. */
export function BuildDatasetForm({ slug, sources, previous, canBuild, preview, build }: TProps) {
  const router = useRouter();
  const first = sources[0];
  const [form, setForm] = useState<TForm>({
    runId: first?.runId ?? "",
    step: String(first?.steps[0]?.step ?? ""),
    kind: "sft",
    judge: "self",
    maxPerPrompt: "",
    minProb: "",
    pairing: "most_confident",
    maxPairsPerPrompt: "",
    minMargin: "",
    subtasks: [],
    previousDatasetId: "",
    name: "",
  });
  const [result, setResult] = useState<{ state: "idle" | "loading" | "ready" | "error"; preview?: TDatasetPreview; message?: string }>({ state: "idle" });
  const [knownSubtasks, setKnownSubtasks] = useState<string[]>([]);
  // The acknowledgement holds for the recipe it was given for: any change asks again.
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | null>(null);
  const building = useAction(build);
  const latest = useRef(0);

  const source = sources.find((s) => s.runId === form.runId);
  const parsed = useMemo(() => toRecipe(form), [form]);
  const recipeKey = "recipe" in parsed ? JSON.stringify({ runId: form.runId, ...parsed.recipe, name: undefined }) : null;
  const set = <K extends keyof TForm>(key: K, value: TForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    if (!recipeKey || !form.runId || form.step === "") return;
    const ticket = ++latest.current;
    const { runId, ...recipe } = JSON.parse(recipeKey) as TDatasetRecipe & { runId: string };
    const timer = setTimeout(async () => {
      setResult((r) => ({ ...r, state: "loading" }));
      try {
        const answer = await preview({ runId, recipe });
        if (ticket !== latest.current) return;
        if (answer.ok) {
          setResult({ state: "ready", preview: answer.data });
          if (!recipe.subtasks) setKnownSubtasks(answer.data.counts.subtasks.map((s) => s.subtask));
        } else {
          const message = "fieldErrors" in answer ? Object.values(answer.fieldErrors).flat().join(" ") : answer.error.message;
          setResult({ state: "error", message });
        }
      } catch {
        if (ticket === latest.current) setResult({ state: "error", message: "The server could not be reached. Try again." });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [recipeKey, form.runId, form.step, preview]);

  if (sources.length === 0) {
    return <p className="text-sm text-[var(--muted)]">No run of this project has training candidates yet (samples of a role other than eval).</p>;
  }

  const atRisk = result.preview?.risk.atRisk ?? false;
  const acknowledged = acknowledgedFor !== null && acknowledgedFor === recipeKey;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!("recipe" in parsed)) return;
    building.run({ runId: form.runId, recipe: { ...parsed.recipe, ...(atRisk && acknowledged ? { acknowledgeRisk: true } : {}) } }, (data) => {
      router.push(`/p/${slug}/datasets/${data.id}${data.created ? "" : "?existing=1"}`);
    });
  }
  const rounds = previous.filter((p) => p.runId === form.runId && p.kind === form.kind && p.step < Number(form.step));
  const fieldError = "field" in parsed ? parsed : null;

  return (
    <form onSubmit={onSubmit} className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]" aria-label="Build a dataset" noValidate>
      <fieldset className="flex flex-col gap-3">
        <Field label="Source run">
          <Select
            value={form.runId}
            onChange={(e) => {
              const next = sources.find((s) => s.runId === e.target.value);
              setForm((f) => ({ ...f, runId: e.target.value, step: String(next?.steps[0]?.step ?? ""), subtasks: [], previousDatasetId: "" }));
              setKnownSubtasks([]);
            }}
          >
            {sources.map((s) => (
              <option key={s.runId} value={s.runId}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Construction round (step)">
          <Select value={form.step} onChange={(e) => setForm((f) => ({ ...f, step: e.target.value, previousDatasetId: "" }))}>
            {source?.steps.map((s) => (
              <option key={s.step} value={s.step}>
                step {s.step} · {s.samples} candidates
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kind">
          <Select value={form.kind} onChange={(e) => setForm((f) => ({ ...f, kind: e.target.value as "sft" | "dpo", previousDatasetId: "" }))}>
            <option value="sft">SFT: the accepted images</option>
            <option value="dpo">DPO: accepted vs rejected pairs</option>
          </Select>
        </Field>
        <Field label="Judge" hint="Whose verdict accepts a candidate. The paper uses the round's own self verdicts.">
          <Select value={form.judge} onChange={(e) => set("judge", e.target.value as TForm["judge"])}>
            <option value="self">self (the round&apos;s own verdicts)</option>
            <option value="external">external judge</option>
            <option value="human">human labels</option>
            <option value="self_and_external">self and external agree (oracle control)</option>
          </Select>
        </Field>
        {form.kind === "sft" ? (
          <div className="grid grid-cols-2 gap-3">
            <Field label="Max per prompt" hint="empty: every accepted" error={fieldError?.field === "maxPerPrompt" ? fieldError.message : null}>
              <Input inputMode="numeric" value={form.maxPerPrompt} onChange={(e) => set("maxPerPrompt", e.target.value)} placeholder="all" />
            </Field>
            <Field label="Min self probability" hint="0–1, empty: none" error={fieldError?.field === "minProb" ? fieldError.message : null}>
              <Input inputMode="decimal" value={form.minProb} onChange={(e) => set("minProb", e.target.value)} placeholder="none" />
            </Field>
          </div>
        ) : (
          <>
            <Field label="Pairing">
              <Select value={form.pairing} onChange={(e) => set("pairing", e.target.value as TForm["pairing"])}>
                <option value="most_confident">most confident accepted vs rejected</option>
                <option value="all">all accepted × rejected pairs</option>
              </Select>
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Max pairs per prompt" hint="with all pairs" error={fieldError?.field === "maxPairsPerPrompt" ? fieldError.message : null}>
                <Input
                  inputMode="numeric"
                  value={form.maxPairsPerPrompt}
                  onChange={(e) => set("maxPairsPerPrompt", e.target.value)}
                  placeholder="all"
                  disabled={form.pairing !== "all"}
                />
              </Field>
              <Field label="Min probability margin" hint="−1–1, empty: none" error={fieldError?.field === "minMargin" ? fieldError.message : null}>
                <Input inputMode="decimal" value={form.minMargin} onChange={(e) => set("minMargin", e.target.value)} placeholder="none" />
              </Field>
            </div>
          </>
        )}
        {knownSubtasks.length > 0 ? (
          <fieldset className="text-sm">
            <legend className="font-medium">Subtasks</legend>
            <p className="text-xs text-[var(--muted)]">none ticked: all</p>
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
              {knownSubtasks.map((s) => (
                <label key={s} className="inline-flex items-center gap-1 text-xs">
                  <input
                    type="checkbox"
                    checked={form.subtasks.includes(s)}
                    onChange={(e) => set("subtasks", e.target.checked ? [...form.subtasks, s].sort() : form.subtasks.filter((x) => x !== s))}
                  />
                  {s}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {rounds.length > 0 ? (
          <Field label="Next curriculum round of" hint="Re-samples that dataset's discard pool at this step.">
            <Select value={form.previousDatasetId} onChange={(e) => set("previousDatasetId", e.target.value)}>
              <option value="">— none (a new round 0) —</option>
              {rounds.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {canBuild ? (
          <>
            <Field label="Name" hint="empty: run · kind @ step" error={building.fieldError("name")}>
              <Input value={form.name} maxLength={200} onChange={(e) => set("name", e.target.value)} placeholder="automatic" />
            </Field>
            {atRisk ? (
              <label className="flex items-start gap-2 rounded-md border border-rose-300 bg-rose-50 p-2 text-xs text-rose-900 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-100">
                <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledgedFor(e.target.checked ? recipeKey : null)} className="mt-0.5" />
                <span>I have read why this set is at risk of co-degradation and build it anyway (recorded on the dataset).</span>
              </label>
            ) : null}
            <Button
              type="submit"
              variant={atRisk ? "danger" : "primary"}
              disabled={building.isPending || result.state !== "ready" || (atRisk && !acknowledged)}
            >
              {building.isPending ? "Building…" : atRisk ? "Build anyway" : "Build dataset"}
            </Button>
            {building.error ? <Notice tone="error">{building.error}</Notice> : null}
            {Object.values(building.fieldErrors).flat().length > 0 ? (
              <Notice tone="error">{Object.values(building.fieldErrors).flat().join(" ")}</Notice>
            ) : null}
          </>
        ) : (
          <p className="text-xs text-[var(--muted)]">Viewers preview; editors and owners build.</p>
        )}
      </fieldset>
      <PreviewPanel state={result.state} preview={result.preview ?? null} message={fieldError ? fieldError.message : (result.message ?? null)} />
    </form>
  );
}
