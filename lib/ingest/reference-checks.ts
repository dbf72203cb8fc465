import "server-only";

import type { TJudgmentInput } from "@/lib/api/contracts/samples";
import { findExistingBlobHashes } from "@/lib/storage/blob-repository";

import { findRunIdsInProject } from "./run-repository";
import { unresolvedError } from "./sample-batch";

// References a batch makes outside itself, checked before its transaction opens (the embedded
// database has one connection: reads through another handle would wait for the transaction).

/** Every image must have been uploaded (PUT /api/v1/blobs/{sha256}) before the samples that show it. */
export async function assertImagesUploaded(images: readonly { sha256: string | null | undefined; path: string }[]): Promise<void> {
  const wanted = images.filter((i): i is { sha256: string; path: string } => !!i.sha256);
  const present = await findExistingBlobHashes([...new Set(wanted.map((i) => i.sha256))]);
  const missing = wanted.filter((i) => !present.has(i.sha256));
  if (missing.length > 0) {
    throw unresolvedError(
      `${missing.length} images are not uploaded yet; PUT /api/v1/blobs/{sha256} first`,
      missing.map((i) => ({ path: i.path, message: `no image ${i.sha256}` })),
    );
  }
}

/** A judgment "by another run" names a run of the same project. */
export async function assertJudgeRuns(projectId: string, judgments: readonly { judgment: TJudgmentInput; path: string }[]): Promise<void> {
  const wanted = judgments.filter((j) => j.judgment.judgeRunId);
  if (wanted.length === 0) return;
  const known = await findRunIdsInProject(projectId, [...new Set(wanted.map((j) => j.judgment.judgeRunId!))]);
  const unknown = wanted.filter((j) => !known.has(j.judgment.judgeRunId!));
  if (unknown.length > 0) {
    throw unresolvedError(
      "judgeRunId names no run of this project",
      unknown.map((j) => ({ path: `${j.path}.judgeRunId`, message: `unknown run ${j.judgment.judgeRunId}` })),
    );
  }
}
