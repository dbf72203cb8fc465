// T2I-CompBench prompts are free phrases ("a green bench and a blue bowl", "a mouse on side of a key",
// "A man is holding a book…"). A small noun-phrase reader turns them into the shared spec: objects
// with the colour, shape, size or material the phrase gives them, a spatial relation and an action.
// It is a heuristic for drawing pictures, not a parser: odd phrases still yield one or two objects.
import type { TColor, TPromptSpec, TRelation, TSceneObject, TShape, TSize, TTexture } from "./spec";

const COLOR_WORDS: Record<string, TColor> = {
  red: "red",
  orange: "orange",
  yellow: "yellow",
  gold: "yellow",
  green: "green",
  blue: "blue",
  purple: "purple",
  pink: "pink",
  brown: "brown",
  tan: "brown",
  beige: "brown",
  black: "black",
  white: "white",
  gray: "gray",
  grey: "gray",
  silver: "gray",
};
const SHAPE_WORDS: Record<string, TShape> = {
  round: "circle",
  circular: "circle",
  spherical: "circle",
  cubic: "square",
  square: "square",
  rectangular: "rectangle",
  triangular: "triangle",
  pyramidal: "triangle",
  oval: "oval",
  oblong: "oval",
  teardrop: "teardrop",
  pentagonal: "pentagon",
  hexagonal: "hexagon",
  octagonal: "hexagon",
  diamond: "diamond",
  cylindrical: "cylinder",
  conical: "cone",
  "star-shaped": "star",
  "heart-shaped": "heart",
};
const SIZE_WORDS: Record<string, TSize> = {
  small: "small",
  tiny: "small",
  little: "small",
  big: "big",
  large: "big",
  huge: "big",
  long: "long",
  short: "short",
  tall: "tall",
};
const TEXTURE_WORDS: Record<string, TTexture> = {
  wooden: "wooden",
  wood: "wooden",
  metallic: "metallic",
  metal: "metallic",
  steel: "metallic",
  glass: "glass",
  fluffy: "fluffy",
  furry: "fluffy",
  rubber: "rubber",
  leather: "leather",
  fabric: "fabric",
  silk: "fabric",
  silky: "fabric",
  knitted: "fabric",
  woolen: "fabric",
  cotton: "fabric",
  plastic: "plastic",
};
const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
const DETERMINERS = new Set(["a", "an", "the", "some", "their", "his", "her", "its", "one", ...Object.keys(COUNT_WORDS)]);
const STOP_WORDS = new Set([
  "is",
  "are",
  "was",
  "were",
  "and",
  "with",
  "on",
  "in",
  "of",
  "at",
  "to",
  "into",
  "onto",
  "from",
  "by",
  "near",
  "next",
  "beside",
  "under",
  "over",
  "above",
  "below",
  "behind",
  "while",
  "which",
  "that",
  "who",
  "for",
  "through",
  "past",
  "across",
  "against",
  "around",
  "between",
  "as",
  "sits",
  "sit",
  "lay",
  "lies",
  "stands",
  "rests",
  "side",
  "top",
  "bottom",
  "left",
  "right",
  "or",
  "has",
  "have",
  "had",
  "there",
  "it",
  "they",
  "them",
  "other",
  "each",
]);
// Longest phrases first so "on the top of" wins over "on".
const RELATIONS: [string, TRelation["kind"]][] = [
  ["on the right of", "right"],
  ["to the right of", "right"],
  ["on the left of", "left"],
  ["to the left of", "left"],
  ["on the top of", "above"],
  ["on top of", "above"],
  ["on the bottom of", "below"],
  ["underneath", "below"],
  ["beneath", "below"],
  ["under", "below"],
  ["below", "below"],
  ["above", "above"],
  ["next to", "near"],
  ["on side of", "near"],
  ["beside", "near"],
  ["near", "near"],
];

function isAttribute(word: string): boolean {
  return word in COLOR_WORDS || word in SHAPE_WORDS || word in SIZE_WORDS || word in TEXTURE_WORDS;
}

const VERBS = new Set([
  "made",
  "make",
  "hold",
  "holds",
  "held",
  "hung",
  "drove",
  "sat",
  "ran",
  "stood",
  "burst",
  "cast",
  "fell",
  "flew",
  "grew",
  "led",
  "cooked",
  "rolled",
  "swam",
  "sits",
  "lies",
]);
// -ing words end a noun phrase ("a jacket standing in…") except these nouns and -ling ones (duckling).
const ING_NOUNS = new Set([
  "painting",
  "building",
  "ceiling",
  "earring",
  "clothing",
  "pudding",
  "ring",
  "string",
  "wing",
  "king",
  "swing",
  "thing",
  "icing",
  "railing",
  "frosting",
  "wedding",
  "bedding",
  "stocking",
]);

function endsPhrase(word: string): boolean {
  if (STOP_WORDS.has(word) || DETERMINERS.has(word) || VERBS.has(word)) return true;
  if (word.endsWith("ing") && word.length > 5 && !ING_NOUNS.has(word) && !word.endsWith("ling")) return true;
  return word.endsWith("ed") && word.length > 4 && !(word in COLOR_WORDS) && !["striped", "spotted", "checkered"].includes(word);
}

function applyAttribute(object: TSceneObject, w: string): void {
  if (w in COLOR_WORDS) object.color ??= COLOR_WORDS[w];
  else if (w in SHAPE_WORDS) object.shape ??= SHAPE_WORDS[w];
  else if (w in SIZE_WORDS) object.size ??= SIZE_WORDS[w];
  else if (w in TEXTURE_WORDS) object.texture ??= TEXTURE_WORDS[w];
}

/**
 * Reads the noun phrases of a phrase, in order. A phrase starts at a determiner or an attribute word
 * and runs until a stop word or verb; its attributes are the known colour/shape/size/material words
 * in it and its noun the last two other words ("a sleek black sports car" → black "sports car"). A
 * phrase of attributes only takes its last word as the noun ("a green orange").
 */
function readNounPhrases(words: readonly string[]): { object: TSceneObject; end: number; start: number }[] {
  const phrases: { object: TSceneObject; end: number; start: number }[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (!DETERMINERS.has(word) && !isAttribute(word)) {
      i++;
      continue;
    }
    const start = i;
    if (DETERMINERS.has(word)) i++;
    const run: string[] = [];
    for (; i < words.length && run.length < 5 && !endsPhrase(words[i]!); i++) run.push(words[i]!);
    const plain = run.filter((w) => !isAttribute(w));
    const attrs = run.filter(isAttribute);
    if (plain.length === 0 && attrs.length > 0) plain.push(attrs.pop()!);
    if (plain.length === 0) {
      if (i === start) i++;
      continue;
    }
    const object: TSceneObject = { noun: plain.slice(-2).join(" "), count: COUNT_WORDS[word] ?? 1 };
    for (const w of attrs) applyAttribute(object, w);
    phrases.push({ object, start, end: i });
  }
  return phrases;
}

function findRelation(text: string): { kind: TRelation["kind"]; at: number } | null {
  for (const [phrase, kind] of RELATIONS) {
    const at = text.indexOf(` ${phrase} `);
    if (at >= 0) return { kind, at };
  }
  return null;
}

/** "is looking at", "are playing": the verb of a person-and-thing prompt, with its preposition. */
function findAction(words: readonly string[]): string | undefined {
  const i = words.findIndex((w, k) => (w === "is" || w === "are") && words[k + 1]?.endsWith("ing"));
  if (i < 0) return undefined;
  const verb = words[i + 1]!;
  const next = words[i + 2];
  return next && ["at", "on", "with", "to", "into", "for", "through", "in"].includes(next) ? `${verb} ${next}` : verb;
}

export function specFromCompBench(text: string): TPromptSpec {
  const clean = ` ${text
    .toLowerCase()
    .replace(/[^a-z\- ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
  const words = clean.trim().split(" ");
  let phrases = readNounPhrases(words).slice(0, 3);
  if (phrases.length === 0)
    phrases = [{ object: { noun: words.find((w) => !STOP_WORDS.has(w) && !DETERMINERS.has(w)) ?? "thing", count: 1 }, start: 0, end: 1 }];
  const spec: TPromptSpec = { objects: phrases.map((p) => p.object) };
  const relation = findRelation(clean);
  if (relation && phrases.length >= 2) {
    // Character offset of the relation → word index: the subject is the last phrase before it.
    const wordAt = clean.slice(0, relation.at).trim().split(" ").length;
    const subject = phrases.findLastIndex((p) => p.end <= wordAt);
    const object = phrases.findIndex((p) => p.start >= wordAt);
    if (subject >= 0 && object >= 0) spec.relation = { kind: relation.kind, subject, object };
  }
  const action = findAction(words);
  if (action && phrases.length >= 1) spec.action = action;
  return spec;
}
