// The understanding branch's raw answer to the paper's question ("… Does this image describe
// {prompt}? If it describes the scene, score 1; if it does not fully describe, score 0. Please answer
// in the following format: The score is {your score}.") as a verdict: 1 aligned, 0 misaligned, null
// unparseable — counted as such, never guessed into either side. One pure module for the server's
// metrics, the TypeScript client and the CLI (the clients may import lib/api/, nothing else).

export type TParsedAnswer = {
  verdict: 0 | 1 | null;
  /** The answer exactly as the model gave it. */
  raw: string;
  /** Which rule decided: the template's score sentence, a leading yes/no, or none. */
  rule: "score" | "yes-no" | "unparseable";
};

// "The score is 1." / "the score is: 0" / "The score is **1**" / "The score is {1}" / "The score is 1.0"; not "0.5" or "5".
const SCORE = /\bthe\s+score\s+is\s*[:=]?\s*[*"'`{]*\s*([01])(?:\.0+)?(?![\d.]*\d)/gi;
// "Yes, the image shows …" / "No. …" — only as the first word, where it answers the question.
const LEADING_YES_NO = /^\W*(yes|no)\b/i;

/**
 * The template's "The score is N" wins over a leading yes/no (it is what the prompt asked for); score
 * sentences that disagree, or neither form, make the answer unparseable.
 */
export function parseSelfAnswer(raw: string): TParsedAnswer {
  const scores = new Set([...raw.matchAll(SCORE)].map((m) => m[1]));
  if (scores.size === 1) return { verdict: scores.has("1") ? 1 : 0, raw, rule: "score" };
  if (scores.size > 1) return { verdict: null, raw, rule: "unparseable" };
  const yesNo = LEADING_YES_NO.exec(raw)?.[1]?.toLowerCase();
  if (yesNo) return { verdict: yesNo === "yes" ? 1 : 0, raw, rule: "yes-no" };
  return { verdict: null, raw, rule: "unparseable" };
}

/** Just the verdict of an answer that may be missing (null: none, or unparseable). */
export function parseSelfVerdict(raw: string | null | undefined): 0 | 1 | null {
  return raw ? parseSelfAnswer(raw).verdict : null;
}
