import { Command, Option } from "commander";

import { UnigapApiError } from "../lib/api-client/http";

import { createContext, type TGlobalOptions } from "./context";
import { datasetPreviewOrBuild, datasetPull, type TDatasetOptions } from "./dataset";
import { importGeneval, type TGenevalOptions } from "./import-geneval";
import { importJudgments, type TJudgmentsOptions } from "./import-judgments";
import { importMetrics } from "./import-metrics";
import { importSamples, type TSamplesOptions } from "./import-samples";
import { importScores, type TScoresOptions } from "./import-scores";
import { importT2iCompBench, type TCompBenchOptions } from "./import-t2i-compbench";

// `unigap …`: the command line of the ingest API. Configured by UNIGAP_URL and UNIGAP_API_KEY;
// flags override. Every import is idempotent: running it twice adds nothing the second time.

const program = new Command("unigap")
  .description("Send training and evaluation results to unigap.")
  .option("--url <url>", "unigap server (default $UNIGAP_URL or http://localhost:3000)")
  .option("--api-key <key>", "project API key (default $UNIGAP_API_KEY)")
  .option("--json", "print one machine-readable JSON line instead of a progress bar and a sentence");

const runOptions = (command: Command) =>
  command
    .requiredOption("--run <name|id>", "the run: its id, or its name (created when no run has it)")
    .option("--project <slug>", "the project (default: the API key's)")
    .option("--method <method>", "method of a run created by this import")
    .option("--overwrite", "replace stored data that differs instead of refusing with a conflict");

const importCommand = program.command("import").description("import results files");

runOptions(importCommand.command("geneval <results.jsonl>").description("GenEval evaluator output, one JSON object per image"))
  .requiredOption("--step <n>", "the checkpoint step the images were generated at")
  .option("--images <dir>", "upload the images the results name, found under this folder (also when the evaluator ran elsewhere)")
  .option("--metadata <file>", "GenEval's evaluation_metadata.jsonl (default: the shipped one)")
  .action((file: string, options: TGenevalOptions) => importGeneval(createContext(program.opts<TGlobalOptions>()), file, options));

runOptions(importCommand.command("samples <file.jsonl>").description("samples with judgments, one per line, in the API's sample schema"))
  .addOption(new Option("--images <dir>", "folder the lines' \"image\" paths are relative to (default: the file's)"))
  .action((file: string, options: TSamplesOptions) => importSamples(createContext(program.opts<TGlobalOptions>()), file, options));

runOptions(
  importCommand.command("metrics <file>").description("metric points from a CSV or JSONL file (long: key,step,value; or wide: step + one column per key)"),
).action((file: string, options) => importMetrics(createContext(program.opts<TGlobalOptions>()), file, options));

runOptions(
  importCommand
    .command("t2i-compbench <category-dir>")
    .description("a T2I-CompBench category folder as its evaluators leave it (samples/ + the category's vqa_result.json)"),
)
  .requiredOption("--category <c>", "color, shape, texture, spatial, non_spatial, complex, 3d_spatial or numeracy")
  .requiredOption("--step <n>", "the checkpoint step the images were generated at")
  .option("--no-images", "do not upload the images in samples/")
  .option("--prompts <file>", "the category's prompt list (default: the shipped <category>_val.txt)")
  .action((dir: string, options: TCompBenchOptions) => importT2iCompBench(createContext(program.opts<TGlobalOptions>()), dir, options));

runOptions(
  importCommand
    .command("judgments <file.jsonl>")
    .description("verdicts from their own file (one line per image: filename or prompt_id + candidate; verdict, correct or response; prob, score, reason)"),
)
  .requiredOption("--step <n>", "the step of the judged images")
  .requiredOption("--kind <self|external|human>", "who judged")
  .option("--judge <name>", "the judge's name (external and human judges)")
  .option("--judge-step <n>", "the judging checkpoint of a self judge (default: --step)")
  .option("--onto-run <baseline>", "the judged images are this run's (the baseline's): --run's checkpoint --judge-step judged them")
  .option("--skip-unmatched", "import the lines that name an image of the run and skip the others (counted)")
  .action((file: string, options: TJudgmentsOptions) => importJudgments(createContext(program.opts<TGlobalOptions>()), file, options));

const collect = (value: string, previous: string[] = []) => [...previous, value];
runOptions(
  importCommand
    .command("scores <file>")
    .description("one score per image from a CSV or JSONL file (filename or prompt_id + candidate, score, optional verdict)"),
)
  .requiredOption("--step <n>", "the step of the scored images")
  .requiredOption("--judge <name>", "the evaluator's name (e.g. sciscore)")
  .requiredOption("--benchmark <b>", "the benchmark of the scored images")
  .option("--subtask <s>", "every line is of this subtask (checked against the images)")
  .option("--subtask-column <c>", "the column naming each line's subtask (checked against the images)")
  .option("--score-column <c>", "the column holding the score (default: score)")
  .option("--missing-value <v>", 'a value meaning "no score" (999, 9.9, NaN); repeatable', collect)
  .option("--skip-unmatched", "import the lines that name an image of the run and skip the others (counted)")
  .action((file: string, options: TScoresOptions) => importScores(createContext(program.opts<TGlobalOptions>()), file, options));

const datasetCommand = program.command("dataset").description("build training datasets from a run's own verdicts");
const recipeOptions = (command: Command) =>
  command
    .requiredOption("--kind <sft|dpo>", "dataset kind")
    .requiredOption("--step <step>", "the construction round")
    .option("--judge <judge>", "self (default), external, human or self_and_external")
    .option("--max-per-prompt <k>", "SFT: at most k images per prompt")
    .option("--min-prob <p>", "SFT: minimum self probability")
    .option("--pairing <most_confident|all>", "DPO pairing")
    .option("--min-margin <m>", "DPO: minimum probability margin")
    .option("--previous <datasetId>", "build the next curriculum round of this dataset")
    .option("--acknowledge-risk", "build even when the gate flags the set")
    .option("--name <name>", "dataset name");
recipeOptions(datasetCommand.command("preview <runId>").description("counts, gate and risk; nothing stored")).action((runId: string, o: TDatasetOptions) =>
  datasetPreviewOrBuild(program.opts<TGlobalOptions>(), runId, o, false),
);
recipeOptions(datasetCommand.command("build <runId>").description("build the dataset (identical recipes give the same one)")).action(
  (runId: string, o: TDatasetOptions) => datasetPreviewOrBuild(program.opts<TGlobalOptions>(), runId, o, true),
);
datasetCommand
  .command("pull <datasetId> <dir>")
  .description("download the export and unpack it")
  .option("--acknowledge-risk", "export an at-risk set")
  .action((id: string, dir: string, o: { acknowledgeRisk?: boolean }) => datasetPull(program.opts<TGlobalOptions>(), id, dir, o));

const DETAILS_SHOWN = 5;

/** The server's details, a few entries at most and each cut short: a 409 can carry 100 conflicts of 20 KB texts. */
function describeDetails(details: unknown): string {
  if (details === undefined) return "";
  const cut = (v: unknown) => {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  };
  const list = Array.isArray(details)
    ? details
    : details && typeof details === "object" && Array.isArray((details as { conflicts?: unknown }).conflicts)
      ? (details as { conflicts: unknown[] }).conflicts
      : null;
  if (!list) return `\n  ${cut(details)}`;
  const total = (details as { total?: number }).total ?? list.length;
  return [...list.slice(0, DETAILS_SHOWN).map((d) => `\n  ${cut(d)}`), total > DETAILS_SHOWN ? `\n  … ${total - DETAILS_SHOWN} more` : ""].join("");
}

function describeError(error: unknown): string {
  if (error instanceof UnigapApiError)
    return `unigap: ${error.status ? `${error.status} ${error.code}: ` : ""}${error.message}${describeDetails(error.details)}`;
  return `unigap: ${error instanceof Error ? error.message : String(error)}`;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (program.opts<TGlobalOptions>().json) {
    const e =
      error instanceof UnigapApiError
        ? { status: error.status, code: error.code, message: error.message, details: error.details }
        : { message: String((error as Error).message ?? error) };
    process.stdout.write(`${JSON.stringify({ error: e })}\n`);
  } else process.stderr.write(`${describeError(error)}\n`);
  process.exitCode = 1;
});
