import type { TActor } from "@/lib/auth/actor";

// Double-blind review: an anonymized share link replaces the names of the project, its runs and its
// people. Runs become "Run A", "Run B", … in the order the link lists them, so a reviewer can still
// tell them apart and the labels stay the same on every visit.

const ANONYMOUS_PROJECT = "Anonymized project";
const ANONYMOUS_PERSON = "Anonymous";

export function isAnonymized(actor: TActor): boolean {
  return actor.kind === "share" && actor.anonymized;
}

export function anonymousRunLabel(index: number): string {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return index < letters.length ? `Run ${letters[index]}` : `Run ${index + 1}`;
}

export function displayRunName(actor: TActor, run: { id: string; name: string }): string {
  if (!isAnonymized(actor) || actor.kind !== "share") return run.name;
  const index = actor.runIds.indexOf(run.id);
  return anonymousRunLabel(index < 0 ? actor.runIds.length : index);
}

export function displayProjectName(actor: TActor, name: string): string {
  return isAnonymized(actor) ? ANONYMOUS_PROJECT : name;
}

export function displayPersonName(actor: TActor, name: string | null): string | null {
  return isAnonymized(actor) && name !== null ? ANONYMOUS_PERSON : name;
}
