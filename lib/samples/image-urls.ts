// The URLs of a sample's image and thumbnail. The blob's hash is in the URL, so a response may be
// cached as immutable: a sample re-ingested with another image gets another URL. Pure.
import type { TSampleImage } from "./types";

export const THUMB_SIZES = [128, 320] as const;
export type TThumbSize = (typeof THUMB_SIZES)[number];

export function sampleImageUrls(sampleId: string, sha256: string | null, thumbSize: TThumbSize = 320): TSampleImage {
  if (!sha256) return null;
  return { thumbUrl: `/api/samples/${sampleId}/thumbnail?size=${thumbSize}&v=${sha256}`, fullUrl: `/api/samples/${sampleId}/image?v=${sha256}` };
}
