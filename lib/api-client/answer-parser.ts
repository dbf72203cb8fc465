// The understanding branch's raw answer to the paper's question ("… Does this image describe
// {prompt}? … Please answer in the following format: The score is {your score}.") as a verdict:
// 1 aligned, 0 misaligned, null unparseable — never guessed into either side.
// NOTE for the lead: lib/metrics/answer-parser.ts (metrics engine) parses the same answers on the
// server; this copy lives in the client because the client may not import server code. Unify them
// into one pure module both can import when merging.

const SCORE = /\bthe\s+score\s+is\s*[:=]?\s*\{?\s*([01])(?:\.0+)?\s*\}?(?![\d.]*\d)/i;
const LEADING_YES_NO = /^\W*(yes|no)\b/i;

export function parseSelfAnswer(response: string | null | undefined): 0 | 1 | null {
  if (!response) return null;
  const text = response.trim();
  const scores = [...text.matchAll(new RegExp(SCORE.source, "gi"))].map((m) => Number(m[1]));
  if (scores.length > 0) return new Set(scores).size === 1 ? (scores[0] as 0 | 1) : null;
  const yesNo = LEADING_YES_NO.exec(text);
  if (yesNo) return yesNo[1]!.toLowerCase() === "yes" ? 1 : 0;
  return null;
}
