// Unicode characters that Windows-1252 puts at bytes 0x80-0x9F.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const CP1252_CHAR_BY_BYTE = new Map<number, string>(Object.entries(CP1252_HIGH).map(([code, byte]) => [byte, String.fromCodePoint(Number(code))]));

/** Decodes Windows-1252 bytes (Node's TextDecoder treats this label as Latin-1, which gets 0x80-0x9F wrong). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += Array.from(chunk, (byte) => CP1252_CHAR_BY_BYTE.get(byte) ?? String.fromCharCode(byte)).join("");
  }
  return text;
}

function cp1252Byte(char: string): number | null {
  const code = char.codePointAt(0)!;
  if (code >= 0x80 && code <= 0xff) return code; // Latin-1 range (0x81, 0x8d, 0x8f, 0x90, 0x9d pass through as C1)
  return CP1252_HIGH[code] ?? null;
}

const CONTINUATION = "[\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122]";
// A UTF-8 lead byte (as its Windows-1252 character) followed by one to three continuation bytes.
const CANDIDATE = new RegExp(`[\\u00c2-\\u00f4]${CONTINUATION}{1,3}`, "g");
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 ("â€”" becomes "—",
 * "Ã©" becomes "é"). Real typographic characters are never touched: only
 * sequences that re-encode to one valid multi-byte UTF-8 character change.
 */
export function repairMojibake(text: string): { text: string; repairs: number; first?: { garbled: string; repaired: string } } {
  let repairs = 0;
  let first: { garbled: string; repaired: string } | undefined;
  const repaired = text.replace(CANDIDATE, (match) => {
    for (let length = match.length; length >= 2; length--) {
      const bytes: number[] = [];
      for (const char of match.slice(0, length)) {
        const byte = cp1252Byte(char);
        if (byte === null) break;
        bytes.push(byte);
      }
      if (bytes.length !== length || bytes.length !== expectedLength(bytes[0]!)) continue;
      try {
        const decoded = utf8.decode(Uint8Array.from(bytes));
        if ([...decoded].length !== 1) continue;
        repairs++;
        first ??= { garbled: match.slice(0, length), repaired: decoded };
        return decoded + match.slice(length);
      } catch {
        // not valid UTF-8: leave as written
      }
    }
    return match;
  });
  return { text: repaired, repairs, first };
}

function expectedLength(leadByte: number): number {
  if (leadByte >= 0xf0) return 4;
  if (leadByte >= 0xe0) return 3;
  return 2;
}
