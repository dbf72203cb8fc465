// Draws a prompt's picture: aligned (the spec as asked) or with one named error. Rasterised with
// resvg without system fonts (labels are paths), so the bytes depend only on the inputs; encoded by
// sharp (zlib level 3: as small as resvg's own PNG at half the time, and off the JS thread).
import { Resvg } from "@resvg/resvg-js";
import sharp from "sharp";

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

export async function renderImage(request: TImageRequest): Promise<TRenderedImage> {
  const { svg, detail, drawn } = drawScene(request);
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, shapeRendering: 2 }).render();
  const png = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toBuffer();
  return { png, detail, drawn };
}
