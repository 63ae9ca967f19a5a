/** What the bytes of a file without a byte-order mark say about UTF-16. */
export type BomlessUtf16 =
  /** Reads cleanly as UTF-16 in this byte order. */
  | { encoding: "utf-16le" | "utf-16be"; text: string }
  /** Has UTF-16's pattern of zero bytes but does not read cleanly: it cannot be decoded safely. */
  | { encoding: "unclear"; byteOrder: "little-endian" | "big-endian" }
  | null;

/**
 * Whether a file is UTF-16 saved without a byte-order mark: text in the
 * Latin range then has a zero byte in every other position (the second of
 * each pair for little-endian, the first for big-endian). It is decoded only
 * when it reads back as text: whole pairs, no stray surrogates, no NULs and
 * almost no control characters.
 */
export function detectBomlessUtf16(bytes: Uint8Array): BomlessUtf16 {
  const sample = bytes.subarray(0, 8192);
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let at = 0; at + 1 < sample.length; at += 2) {
    if (sample[at] === 0) evenZeros++;
    if (sample[at + 1] === 0) oddZeros++;
  }
  // Most characters of a bank are ASCII, so most pairs hold one zero, and always on the same side.
  const little = oddZeros >= pairs * 0.5 && evenZeros <= pairs * 0.02;
  const big = evenZeros >= pairs * 0.5 && oddZeros <= pairs * 0.02;
  if (!little && !big) return null;
  const encoding = little ? "utf-16le" : "utf-16be";
  const unclear = { encoding: "unclear", byteOrder: little ? "little-endian" : "big-endian" } as const;
  if (bytes.length % 2 !== 0) return unclear;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return unclear;
  }
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.includes("\u0000") || controls > text.length * 0.01 ? unclear : { encoding, text };
}
