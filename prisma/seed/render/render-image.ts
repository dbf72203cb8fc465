// Draws a prompt's picture: aligned (the spec as asked) or with one named error. Rasterised with
// resvg without system fonts (labels are paths), so the bytes depend only on the inputs.
import { Resvg } from "@resvg/resvg-js";

import type { TErrorKind, TPromptSpec } from "../prompts/spec";
import { applyError } from "./apply-error";
import { layoutScene } from "./layout";
import { sceneToSvg } from "./scene-svg";

export type TImageRequest = { spec: TPromptSpec; variant: number; error: TErrorKind | null };
export type TRenderedImage = { png: Buffer; detail: string | null; drawn: TPromptSpec };

export function drawScene(request: TImageRequest): { svg: string; detail: string | null; drawn: TPromptSpec } {
  const { spec, detail } = request.error ? applyError(request.spec, request.error, request.variant) : { spec: request.spec, detail: null };
  return { svg: sceneToSvg(layoutScene(spec, request.variant)), detail, drawn: spec };
}

export function renderImage(request: TImageRequest): TRenderedImage {
  const { svg, detail, drawn } = drawScene(request);
  const png = new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: 2 }).render().asPng();
  return { png, detail, drawn };
}
