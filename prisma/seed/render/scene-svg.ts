// Turns a laid-out scene into SVG text: flat shapes with a dark outline, material patterns drawn over
// the fill, labels in the built-in pixel font, and an arrow for an action.
import type { TTexture } from "../prompts/spec";
import { measureText, textPath } from "./bitmap-font";
import type { TScene, TSceneItem } from "./layout";
import { shapeMarkup } from "./shapes";

const PATTERNS: Record<TTexture, string> = {
  wooden: `<pattern id="t-wooden" width="14" height="8" patternUnits="userSpaceOnUse"><path d="M0 4 Q3.5 1 7 4 T14 4" fill="none" stroke="#6b4320" stroke-width="1.4"/></pattern>`,
  metallic: `<linearGradient id="t-metallic" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.85"/><stop offset="0.45" stop-color="#6f747a" stop-opacity="0.5"/><stop offset="0.6" stop-color="#ffffff" stop-opacity="0.7"/><stop offset="1" stop-color="#4a4f55" stop-opacity="0.6"/></linearGradient>`,
  glass: `<linearGradient id="t-glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.9"/><stop offset="0.3" stop-color="#ffffff" stop-opacity="0"/><stop offset="1" stop-color="#5aa7d6" stop-opacity="0.35"/></linearGradient>`,
  fluffy: `<pattern id="t-fluffy" width="7" height="7" patternUnits="userSpaceOnUse"><circle cx="3.5" cy="3.5" r="2.4" fill="#ffffff" fill-opacity="0.85"/></pattern>`,
  rubber: `<pattern id="t-rubber" width="6" height="6" patternUnits="userSpaceOnUse"><rect x="2" y="2" width="2" height="2" fill="#777"/></pattern>`,
  leather: `<pattern id="t-leather" width="5" height="5" patternUnits="userSpaceOnUse"><circle cx="1" cy="1" r="0.8" fill="#3d2212"/><circle cx="3.5" cy="3" r="0.6" fill="#a0673e"/></pattern>`,
  fabric: `<pattern id="t-fabric" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 0L6 6M6 0L0 6" stroke="#4a5f7e" stroke-width="0.9"/></pattern>`,
  plastic: `<linearGradient id="t-plastic" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.75"/><stop offset="0.35" stop-color="#ffffff" stop-opacity="0"/></linearGradient>`,
};

function itemMarkup(item: TSceneItem): string {
  const { shape, cx, cy, rx, ry } = item;
  const opacity = item.texture === "glass" ? ` fill-opacity="0.6"` : "";
  const stroke = item.texture === "rubber" ? 4 : 2;
  let out = shapeMarkup(shape, cx, cy, rx, ry, `fill="${item.fill}"${opacity} stroke="#262626" stroke-width="${stroke}" stroke-linejoin="round"`);
  if (item.texture) out += shapeMarkup(shape, cx, cy, rx, ry, `fill="url(#t-${item.texture})" stroke="none"`);
  if (item.texture === "leather")
    out += shapeMarkup(shape, cx, cy, rx * 0.8, ry * 0.8, `fill="none" stroke="#f3d7ad" stroke-width="1.2" stroke-dasharray="3 2"`);
  return out;
}

function arrowMarkup(a: TScene["arrows"][number]): string {
  const angle = Math.atan2(a.y2 - a.y1, a.x2 - a.x1);
  const head = [angle + 2.6, angle - 2.6].map((t) => `${(a.x2 + 9 * Math.cos(t)).toFixed(1)},${(a.y2 + 9 * Math.sin(t)).toFixed(1)}`);
  return `<path d="M${a.x1.toFixed(1)} ${a.y1.toFixed(1)} L${a.x2.toFixed(1)} ${a.y2.toFixed(1)}" stroke="#444" stroke-width="2.2"/><polygon points="${a.x2.toFixed(1)},${a.y2.toFixed(1)} ${head.join(" ")}" fill="#444"/>`;
}

export function sceneToSvg(scene: TScene): string {
  const textures = [...new Set(scene.items.map((i) => i.texture).filter((t): t is TTexture => !!t))].sort();
  const labelPaths = scene.labels.map((l) => textPath(l.text, l.cx - measureText(l.text, l.scale) / 2, l.y, l.scale)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.size}" height="${scene.size}" viewBox="0 0 ${scene.size} ${scene.size}">` +
    `<defs>${textures.map((t) => PATTERNS[t]).join("")}</defs>` +
    `<rect width="${scene.size}" height="${scene.size}" fill="#f6f4ef"/>` +
    scene.items.map(itemMarkup).join("") +
    scene.arrows.map(arrowMarkup).join("") +
    `<path d="${labelPaths}" fill="#1f1f1f"/>` +
    `</svg>`
  );
}
