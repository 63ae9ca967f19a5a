const OPEN = "<!--";
const CLOSE = "-->";

/**
 * The text with every closed HTML comment ("<!-- draft ... -->", over one
 * line or several) blanked out, line breaks kept so line numbers stay. A
 * comment that starts on a code line is code and stays; an unclosed one stays
 * too, rather than hiding the rest of the file.
 */
export function blankHtmlComments(text: string, isCodeLine: (line: number) => boolean): string {
  if (!text.includes(OPEN)) return text;
  const pieces: string[] = [];
  let copied = 0;
  let searchFrom = 0;
  let line = 1;
  let lineCountedTo = 0;
  for (;;) {
    const start = text.indexOf(OPEN, searchFrom);
    if (start === -1) break;
    line += countLineBreaks(text, lineCountedTo, start);
    lineCountedTo = start;
    if (isCodeLine(line)) {
      searchFrom = start + OPEN.length;
      continue;
    }
    const close = text.indexOf(CLOSE, start + OPEN.length);
    if (close === -1) break;
    const end = close + CLOSE.length;
    pieces.push(text.slice(copied, start), "\n".repeat(countLineBreaks(text, start, end)));
    copied = end;
    searchFrom = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", from); index !== -1 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
