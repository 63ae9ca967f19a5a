/** Where one element of a JSON array sits in the file, as 1-based lines. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/**
 * The line ranges of the elements of the top-level object's `key` array, in
 * order, for text that JSON.parse has already accepted (so warnings and
 * `source` can point at a story's real lines). Empty if the key is absent.
 */
export function jsonArrayElementLines(text: string, key: string): LineRange[] {
  const ranges: LineRange[] = [];
  let depth = 0;
  let line = 1;
  let inArray = false;
  let arrayDepth = -1;
  let elementStart = -1;
  let lastKey: string | null = null;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === "\n") line++;
    else if (char === '"') {
      const end = endOfString(text, at);
      const value = text.slice(at + 1, end);
      for (let k = at; k < end; k++) if (text[k] === "\n") line++;
      if (!inArray && depth === 1) lastKey = value;
      if (inArray && depth === arrayDepth && elementStart < 0) elementStart = line;
      at = end;
    } else if (char === "{" || char === "[") {
      if (!inArray && char === "[" && depth === 1 && lastKey === key) {
        inArray = true;
        arrayDepth = depth + 1;
      } else if (inArray && depth === arrayDepth && elementStart < 0) elementStart = line;
      depth++;
    } else if (char === "}" || char === "]") {
      depth--;
      if (inArray && depth === arrayDepth - 1) {
        if (elementStart >= 0) ranges.push({ startLine: elementStart, endLine: line });
        return ranges;
      }
      if (inArray && depth === arrayDepth && elementStart >= 0) {
        ranges.push({ startLine: elementStart, endLine: line });
        elementStart = -1;
      }
    } else if (char === "," && inArray && depth === arrayDepth && elementStart >= 0) {
      // A scalar element ends at its comma.
      ranges.push({ startLine: elementStart, endLine: line });
      elementStart = -1;
    } else if (inArray && depth === arrayDepth && elementStart < 0 && !/\s|,/.test(char)) elementStart = line;
  }
  return ranges;
}

/** Index of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === "\\") at++;
    else if (text[at] === '"') return at;
  }
  return text.length;
}
