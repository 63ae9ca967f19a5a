import { decodeWindows1252 } from "./repair-mojibake.js";

/** UTF-8 text read with its stray bytes (those that are not UTF-8) taken as Windows-1252. */
export interface StrayByteReading {
  text: string;
  /** Bytes that are not part of valid UTF-8. */
  strays: number;
  /** Strays Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as U+FFFD. */
  undefinedStrays: number;
  /** Valid multi-byte UTF-8 characters: none means the file is Windows-1252 through and through. */
  utf8Characters: number;
  /** The first stray: its 1-based line, its byte and what it was read as. */
  first: { line: number; byte: number; char: string } | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
// Every byte's Windows-1252 character (all in the Basic Multilingual Plane), looked up once.
const WINDOWS_1252_UNITS = Array.from(decodeWindows1252(Uint8Array.from({ length: 256 }, (_, byte) => byte)), (char) => char.charCodeAt(0));

/**
 * Decodes bytes as UTF-8, reading each byte that is not part of a valid UTF-8
 * sequence as its Windows-1252 character ("\x92" as "’", "\x96" as "–"), so a
 * file that is UTF-8 but for a few pasted characters keeps them. Each stray
 * byte becomes exactly one character.
 */
export function decodeUtf8WithStrays(bytes: Uint8Array): StrayByteReading {
  const pieces: string[] = [];
  let strays = 0;
  let undefinedStrays = 0;
  let utf8Characters = 0;
  let first: StrayByteReading["first"] = null;
  // Bytes from runStart to strayStart are valid UTF-8; from strayStart to `at`, strays.
  let runStart = 0;
  let strayStart = 0;
  let at = 0;
  const flushStrays = () => {
    if (strayStart < at) pieces.push(windows1252(bytes.subarray(strayStart, at)));
  };
  while (at < bytes.length) {
    const byte = bytes[at]!;
    const length = byte < 0x80 ? 1 : validSequenceLength(bytes, at);
    if (length > 0) {
      if (strayStart < at) {
        flushStrays();
        runStart = at;
        strayStart = at;
      }
      if (length > 1) utf8Characters++;
      at += length;
      strayStart = at;
      continue;
    }
    if (runStart < strayStart) pieces.push(utf8.decode(bytes.subarray(runStart, strayStart)));
    runStart = strayStart;
    strays++;
    if (UNDEFINED.has(byte)) undefinedStrays++;
    first ??= { line: lineAt(bytes, at), byte, char: windows1252(bytes.subarray(at, at + 1)) };
    at++;
  }
  flushStrays();
  if (runStart < strayStart) pieces.push(utf8.decode(bytes.subarray(runStart, strayStart)));
  return { text: pieces.join(""), strays, undefinedStrays, utf8Characters, first };
}

// Windows-1252 leaves these undefined: read as U+FFFD.
const UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function windows1252(strayBytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < strayBytes.length; start += 8192) {
    const units = Array.from(strayBytes.subarray(start, start + 8192), (byte) => (UNDEFINED.has(byte) ? 0xfffd : WINDOWS_1252_UNITS[byte]!));
    text += String.fromCharCode(...units);
  }
  return text;
}

// The length of the valid multi-byte UTF-8 sequence at `at` (lead byte and continuation ranges as in RFC 3629), or 0.
function validSequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const next = bytes[at + k];
    if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let k = 0; k < at; k++) if (bytes[k] === 0x0a) line++;
  return line;
}
