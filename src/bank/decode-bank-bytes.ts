import type { ParseWarning } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { decodeUtf8WithStrays } from "./decode-utf8-with-strays.js";
import { detectBomlessUtf16 } from "./detect-bomless-utf16.js";

// ignoreBOM keeps a mark the decoder would drop: the first one is read here, and any other is the text's own.
const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** How a file's text is handed on. */
export interface DecodeOptions {
  /** What the file should be, for messages. */
  kind?: string;
  /**
   * Keep the text as the file holds it: line endings, runs of spaces and the
   * byte-order mark (as U+FEFF, where a script reading the file finds it), so
   * offsets into it are offsets into the file's text. Otherwise line endings
   * become LF and long runs of spaces one space.
   */
  verbatim?: boolean;
}

/**
 * Decodes a bank file's bytes to text: UTF-8 (with or without a byte-order
 * mark), UTF-16 (with a byte-order mark, or without one when it reads back
 * cleanly), or, when the bytes are not valid UTF-8, Windows-1252: the whole
 * file, or only the stray bytes of a file that is otherwise UTF-8. Binary
 * files are refused.
 */
export function decodeBankBytes(bytes: Uint8Array, file: string, options: DecodeOptions = {}): { text: string; warnings: ParseWarning[] } {
  const { kind = "a markdown, text or JSON story bank", verbatim = false } = options;
  const warnings: ParseWarning[] = [];
  let text: string;
  const mark = verbatim ? "\uFEFF" : "";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = mark + decodeUtf8OrFallback(bytes.subarray(3), file, warnings);
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    text = mark + new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(2));
    warnings.push({ code: "DECODED_AS_UTF16", message: `${file} is UTF-16 (${encoding}); read it as such.`, file, line: 1 });
  } else {
    const utf16 = bytes.includes(0) ? detectBomlessUtf16(bytes) : null;
    if (utf16?.encoding === "unclear") {
      throw new InputError(
        "INPUT_BINARY",
        `${file} looks like UTF-16 (${utf16.byteOrder}) without a byte-order mark, and does not read cleanly as such; save it as UTF-8 (or as UTF-16 with a byte-order mark: "Unicode" in Notepad's Save As).`,
        { file },
      );
    }
    if (utf16) {
      warnings.push({ code: "DECODED_AS_UTF16", message: `${file} is UTF-16 (${utf16.encoding}) without a byte-order mark; read it as such. Save it as UTF-8 to silence this.`, file, line: 1 });
      text = utf16.text;
    } else {
      if (looksBinary(bytes)) {
        throw new InputError("INPUT_BINARY", `${file} looks like a binary file, not ${kind}.`, { file });
      }
      text = decodeUtf8OrFallback(bytes, file, warnings);
    }
  }
  if (verbatim) return { text, warnings };
  // A bank is read as text: byte-order marks repeated at its start (a file saved twice with one) are not part of it.
  return { text: calmBankWhitespace(text.replace(/^\uFEFF+/, "").replace(/\r\n?/g, "\n")), warnings };
}

/**
 * A bank's text with every run of 64 or more spaces, tabs or other blanks
 * (not line breaks) read as one space: such a run carries no meaning in a bank,
 * and some patterns would take quadratic time on it.
 */
export function calmBankWhitespace(text: string): string {
  return text.replace(/[^\S\n]{64,}/g, " ");
}

// Stray bytes are read as Windows-1252, one character each (U+FFFD, before, was one too): in verbatim text (an
// answer) the offsets after a lone stray byte are unchanged, and they are the offsets of the file once saved as
// UTF-8 with those characters. A broken sequence of two or three bytes ("\xE9\x92s": "é’s") gives two or three
// characters where a plain UTF-8 reader gives one U+FFFD, as a whole-file Windows-1252 reading always has.
function decodeUtf8OrFallback(bytes: Uint8Array, file: string, warnings: ParseWarning[]): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    const reading = decodeUtf8WithStrays(bytes);
    const line = reading.first?.line ?? firstInvalidUtf8Line(bytes);
    // A stray that Windows-1252 leaves undefined means the file is in some other encoding: guess nothing.
    if (reading.undefinedStrays === 0 && reading.utf8Characters === 0) {
      warnings.push({
        code: "DECODED_AS_WINDOWS_1252",
        message: `${file} is not valid UTF-8; read it as Windows-1252. Save it as UTF-8 to silence this.`,
        file,
        line,
      });
      return reading.text;
    }
    if (reading.undefinedStrays === 0 && reading.first) {
      const { byte, char } = reading.first;
      const count = reading.strays === 1 ? "1 byte" : `${reading.strays} bytes`;
      warnings.push({
        code: "DECODED_AS_WINDOWS_1252",
        message: `${file} is UTF-8 except for ${count} that ${reading.strays === 1 ? "is" : "are"} not (first at line ${line}: 0x${byte.toString(16).toUpperCase()}, read as "${char}"); read ${reading.strays === 1 ? "it" : "them"} as Windows-1252. Save the file as UTF-8 to silence this.`,
        file,
        line,
      });
      return reading.text;
    }
    warnings.push({
      code: "INVALID_BYTES_REPLACED",
      message: `${file} has bytes that are not valid UTF-8 (first at line ${line}); they were replaced with U+FFFD.`,
      file,
      line,
    });
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  }
}

// Text files have few control bytes; a NUL byte or many controls means binary.
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return line;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return line;
    }
    if (byte === 0x0a) line++;
    i += length;
  }
  return line;
}
