// Whether a PNG's bytes are all there: its chunks, walked by their lengths from the signature, must
// reach an IEND chunk within the bytes, with image data (IDAT) before it. A PNG cut off in transit
// has a valid header (so its size reads fine) but no end. Pure; reads lengths, never pixels.

const SIGNATURE_BYTES = 8;

export function isCompletePng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = SIGNATURE_BYTES;
  let sawData = false;
  while (offset + 12 <= bytes.byteLength) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!);
    const end = offset + 12 + length;
    if (end > bytes.byteLength) return false;
    if (type === "IDAT") sawData = true;
    if (type === "IEND") return sawData && length === 0;
    offset = end;
  }
  return false;
}
