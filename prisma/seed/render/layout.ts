// Places a drawn spec on a square canvas: one group per object (its count as a row or grid of
// instances), arranged by the relation when there is one, a label under each group, and an arrow for
// an action. Pure: the same spec and variant always give the same scene.
import { COLORS, type TPromptSpec, type TSceneObject, type TShape, type TTexture } from "../prompts/spec";
import { measureText } from "./bitmap-font";

export const CANVAS = 256;

export type TSceneItem = { shape: TShape; cx: number; cy: number; rx: number; ry: number; fill: string; texture?: TTexture };
export type TSceneLabel = { text: string; cx: number; y: number; scale: number };
export type TSceneArrow = { x1: number; y1: number; x2: number; y2: number };
export type TScene = { size: number; items: TSceneItem[]; labels: TSceneLabel[]; arrows: TSceneArrow[]; groups: { noun: string; count: number }[] };

const NEUTRALS = ["#b9b1a3", "#a6b0ba", "#b6a993", "#a7b5a4", "#b7a6ad"];
const DEFAULT_SHAPES: TShape[] = ["circle", "square", "hexagon", "oval", "pentagon"];
export const TEXTURE_BASE: Record<TTexture, string> = {
  wooden: "#b07a43",
  metallic: "#b8bcc2",
  glass: "#bfe3f5",
  fluffy: "#f1e4d3",
  rubber: "#3b3b3b",
  leather: "#7a4a2a",
  fabric: "#9fb6d4",
  plastic: "#2fb0dc",
};

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type TCell = { cx: number; cy: number; w: number; h: number };

function cellsFor(spec: TPromptSpec): TCell[] {
  const n = spec.objects.length;
  const r = spec.relation;
  if (r && n >= 2) {
    // Objects outside the relation go where the pair's labels are not: beside a vertical pair, under a horizontal one.
    const vertical = r.kind === "above" || r.kind === "below";
    const spare: TCell = vertical ? { cx: 220, cy: 196, w: 60, h: 36 } : { cx: 128, cy: 216, w: 70, h: 24 };
    const cells: TCell[] = spec.objects.map(() => spare);
    const pair: Record<typeof r.kind, [TCell, TCell]> = {
      left: [
        { cx: 70, cy: 104, w: 100, h: 110 },
        { cx: 186, cy: 104, w: 100, h: 110 },
      ],
      right: [
        { cx: 186, cy: 104, w: 100, h: 110 },
        { cx: 70, cy: 104, w: 100, h: 110 },
      ],
      above: [
        { cx: 128, cy: 50, w: 110, h: 62 },
        { cx: 128, cy: 158, w: 110, h: 62 },
      ],
      below: [
        { cx: 128, cy: 158, w: 110, h: 62 },
        { cx: 128, cy: 50, w: 110, h: 62 },
      ],
      near: [
        { cx: 80, cy: 104, w: 86, h: 100 },
        { cx: 176, cy: 104, w: 86, h: 100 },
      ],
    };
    [cells[r.subject], cells[r.object]] = pair[r.kind];
    return cells;
  }
  if (n === 1) return [{ cx: 128, cy: 104, w: 150, h: 140 }];
  const two: TCell[] = [
    { cx: 70, cy: 104, w: 100, h: 110 },
    { cx: 186, cy: 104, w: 100, h: 110 },
  ];
  if (n === 2) return two;
  return [
    { cx: 66, cy: 74, w: 90, h: 70 },
    { cx: 190, cy: 74, w: 90, h: 70 },
    { cx: 128, cy: 176, w: 90, h: 62 },
  ].slice(0, n);
}

function sizeFactors(o: TSceneObject): [number, number] {
  switch (o.size) {
    case "small":
      return [0.5, 0.5];
    case "big":
      return [1.15, 1.15];
    case "long":
      return [1.35, 0.4];
    case "short":
      return [0.55, 0.45];
    case "tall":
      return [0.55, 1.2];
    default:
      return [1, 1];
  }
}

function fillOf(o: TSceneObject): string {
  if (o.color) return COLORS[o.color];
  if (o.texture) return TEXTURE_BASE[o.texture];
  return NEUTRALS[hashString(o.noun) % NEUTRALS.length]!;
}

function placeGroup(o: TSceneObject, cell: TCell, jitter: number): TSceneItem[] {
  const cols = o.count <= 3 ? o.count : Math.ceil(o.count / 2);
  const rows = Math.ceil(o.count / cols);
  const step = Math.min(cell.w / cols, cell.h / rows);
  const [fx, fy] = sizeFactors(o);
  const base = step * 0.4;
  const shape = o.shape ?? DEFAULT_SHAPES[hashString(o.noun) % DEFAULT_SHAPES.length]!;
  return Array.from({ length: o.count }, (_, k) => {
    const col = k % cols;
    const row = Math.floor(k / cols);
    const inRow = Math.min(cols, o.count - row * cols);
    return {
      shape,
      cx: cell.cx + (col - (inRow - 1) / 2) * step + jitter,
      cy: cell.cy + (row - (rows - 1) / 2) * step - jitter / 2,
      rx: Math.min(base * fx, cell.w / 2 - 2),
      ry: Math.min(base * fy, cell.h / 2 - 2),
      fill: fillOf(o),
      ...(o.texture ? { texture: o.texture } : {}),
    };
  });
}

function fitScale(text: string, width: number, max: number): number {
  return Math.max(1, Math.min(max, width / Math.max(1, measureText(text, 1))));
}

/** Splits a two-word name onto two lines when one line would have to shrink below a readable size. */
function wrapName(noun: string, width: number): string[] {
  const space = noun.indexOf(" ");
  return space > 0 && fitScale(noun, width, 2) < 1.6 ? [noun.slice(0, space), noun.slice(space + 1)] : [noun];
}

function labelsFor(o: TSceneObject, cell: TCell): TSceneLabel[] {
  // Neighbouring cells' centres are at least cell width + 10 apart: labels never run into each other.
  const width = cell.w;
  // Small cells (a third object squeezed under a pair) get small labels so they stay on the canvas.
  const [nameMax, materialMax] = cell.h >= 60 ? [2, 1.4] : [1.2, 1];
  const lines = [...wrapName(o.noun, width).map((text) => ({ text, max: nameMax })), ...(o.texture ? [{ text: o.texture, max: materialMax }] : [])];
  let y = cell.cy + cell.h / 2 + 5;
  return lines.map(({ text, max }) => {
    const scale = fitScale(text, width, max);
    const label = { text, cx: cell.cx, y, scale };
    y += 7 * scale + 3;
    return label;
  });
}

/** Lays out the drawn spec; `variant` nudges positions so candidates of one prompt differ. */
export function layoutScene(spec: TPromptSpec, variant: number): TScene {
  const cells = cellsFor(spec);
  const jitter = ((hashString(`v${variant}`) % 13) - 6) * (variant > 0 ? 1 : 0);
  const items = spec.objects.flatMap((o, i) => placeGroup(o, cells[i]!, jitter));
  const labels = spec.objects.flatMap((o, i) => labelsFor(o, cells[i]!));
  const arrows: TSceneArrow[] = [];
  if (spec.action) {
    const [a, b] = [cells[0]!, cells[1]];
    if (b) {
      const dir = Math.sign(b.cx - a.cx) || 1;
      arrows.push({ x1: a.cx + (dir * a.w) / 2.6, y1: a.cy - a.h / 2 - 4, x2: b.cx - (dir * b.w) / 2.6, y2: b.cy - b.h / 2 - 4 });
    }
    const at = b ? { cx: (a.cx + b.cx) / 2, y: Math.min(a.cy - a.h / 2, b.cy - b.h / 2) - 26 } : { cx: a.cx, y: a.cy - a.h / 2 - 20 };
    labels.push({ text: spec.action, cx: at.cx, y: Math.max(4, at.y), scale: Math.min(1.6, 230 / measureText(spec.action, 1)) });
  }
  return { size: CANVAS, items, labels, arrows, groups: spec.objects.map((o) => ({ noun: o.noun, count: o.count })) };
}
