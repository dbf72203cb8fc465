// SVG markup of the shapes objects are drawn as, centred at (cx, cy) with half-width rx and half-height ry.
import type { TShape } from "../prompts/spec";

const r2 = (v: number) => Math.round(v * 10) / 10;

function polygon(points: [number, number][], style: string): string {
  return `<polygon points="${points.map(([x, y]) => `${r2(x)},${r2(y)}`).join(" ")}" ${style}/>`;
}

function regular(n: number, cx: number, cy: number, rx: number, ry: number, rotate: number): [number, number][] {
  return Array.from({ length: n }, (_, k) => {
    const a = rotate + (2 * Math.PI * k) / n;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as [number, number];
  });
}

/** The outline of one object; `style` carries fill and stroke attributes. */
export function shapeMarkup(shape: TShape, cx: number, cy: number, rx: number, ry: number, style: string): string {
  const up = -Math.PI / 2;
  switch (shape) {
    case "circle":
      return `<ellipse cx="${r2(cx)}" cy="${r2(cy)}" rx="${r2(Math.min(rx, ry))}" ry="${r2(Math.min(rx, ry))}" ${style}/>`;
    case "oval":
      return `<ellipse cx="${r2(cx)}" cy="${r2(cy)}" rx="${r2(rx)}" ry="${r2(ry * 0.62)}" ${style}/>`;
    case "square": {
      const s = Math.min(rx, ry);
      return `<rect x="${r2(cx - s)}" y="${r2(cy - s)}" width="${r2(2 * s)}" height="${r2(2 * s)}" rx="3" ${style}/>`;
    }
    case "rectangle":
      return `<rect x="${r2(cx - rx)}" y="${r2(cy - ry * 0.55)}" width="${r2(2 * rx)}" height="${r2(1.1 * ry)}" rx="3" ${style}/>`;
    case "triangle":
      return polygon(
        [
          [cx, cy - ry],
          [cx + rx, cy + ry],
          [cx - rx, cy + ry],
        ],
        style,
      );
    case "pentagon":
      return polygon(regular(5, cx, cy, rx, ry, up), style);
    case "hexagon":
      return polygon(regular(6, cx, cy, rx, ry, 0), style);
    case "diamond":
      return polygon(
        [
          [cx, cy - ry],
          [cx + rx * 0.75, cy],
          [cx, cy + ry],
          [cx - rx * 0.75, cy],
        ],
        style,
      );
    case "star":
      return polygon(
        regular(10, cx, cy, rx, ry, up).map(([x, y], k) => (k % 2 ? [cx + (x - cx) * 0.45, cy + (y - cy) * 0.45] : [x, y])),
        style,
      );
    case "teardrop":
      return `<path d="M${r2(cx)} ${r2(cy - ry)} C${r2(cx + rx * 0.35)} ${r2(cy - ry * 0.35)} ${r2(cx + rx)} ${r2(cy)} ${r2(cx + rx)} ${r2(cy + ry * 0.35)} A${r2(rx)} ${r2(ry * 0.65)} 0 1 1 ${r2(cx - rx)} ${r2(cy + ry * 0.35)} C${r2(cx - rx)} ${r2(cy)} ${r2(cx - rx * 0.35)} ${r2(cy - ry * 0.35)} ${r2(cx)} ${r2(cy - ry)}Z" ${style}/>`;
    case "heart":
      return `<path d="M${r2(cx)} ${r2(cy + ry)} C${r2(cx - rx * 1.3)} ${r2(cy)} ${r2(cx - rx)} ${r2(cy - ry * 1.1)} ${r2(cx)} ${r2(cy - ry * 0.45)} C${r2(cx + rx)} ${r2(cy - ry * 1.1)} ${r2(cx + rx * 1.3)} ${r2(cy)} ${r2(cx)} ${r2(cy + ry)}Z" ${style}/>`;
    case "cylinder": {
      const cap = ry * 0.25;
      return (
        `<path d="M${r2(cx - rx * 0.7)} ${r2(cy - ry + cap)} V${r2(cy + ry - cap)} A${r2(rx * 0.7)} ${r2(cap)} 0 0 0 ${r2(cx + rx * 0.7)} ${r2(cy + ry - cap)} V${r2(cy - ry + cap)}Z" ${style}/>` +
        `<ellipse cx="${r2(cx)}" cy="${r2(cy - ry + cap)}" rx="${r2(rx * 0.7)}" ry="${r2(cap)}" ${style}/>`
      );
    }
    case "cone":
      return `<path d="M${r2(cx)} ${r2(cy - ry)} L${r2(cx + rx * 0.8)} ${r2(cy + ry * 0.8)} A${r2(rx * 0.8)} ${r2(ry * 0.2)} 0 0 1 ${r2(cx - rx * 0.8)} ${r2(cy + ry * 0.8)}Z" ${style}/>`;
  }
}
