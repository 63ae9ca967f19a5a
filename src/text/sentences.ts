/** A sentence and where it sits in the text it came from (UTF-16 offsets, end exclusive). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "inc", "approx", "no", "st", "jr", "sr", "u.s", "a.m", "p.m"]);

/** Splits prose into sentences, keeping offsets; newlines that end list items or lines end sentences too. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) spans.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\n") {
      push(i);
      continue;
    }
    if (char !== "." && char !== "!" && char !== "?") continue;
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end]!)) end++;
    const next = text[end];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (char === ".") {
      const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase();
      if (before && ABBREVIATIONS.has(before)) continue;
      if (/\d/.test(text[i - 1] ?? "") && /\d/.test(text[end] ?? "")) continue;
    }
    push(end);
  }
  push(text.length);
  return spans;
}
