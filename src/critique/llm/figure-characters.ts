// A digit of any script ("٥", "५", "５"): decimal digits come in runs of ten, zero first, so its value is its place in its run.
const DECIMAL_DIGIT = /\p{Nd}/u;
// Separators of Arabic-script figures, which NFKC leaves alone: "٥٠٪" is "50%", "١٬٢٠٠" is "1,200".
const ARABIC_SEPARATORS: Record<string, string> = { "\u066a": "%", "\u066b": ".", "\u066c": "," };
// Full-width and small forms ("５０％", "＄", "﹪"): NFKC folds each to the one character it is a wide or small copy of.
const isWideOrSmallForm = (code: number) => (code >= 0xfe50 && code <= 0xfe6f) || (code >= 0xff00 && code <= 0xffef);
const ASCII_OR_CURRENCY = /^[\x20-\x7e¥£₩¢]$/u;
// The characters that may fold: digits, the forms and separators above, and the spaces NFKC makes plain spaces.
const FOLDABLE = /[\p{Nd}\u00a0\u066a-\u066c\u2000-\u200a\u202f\u205f\u3000\ufe50-\ufe6f\uff00-\uffef]/gu;

const folded = new Map<number, string>();

function digitValue(code: number): string {
  let start = code;
  // The run may hold several sets of ten (the mathematical digits hold five); walking to its start is a few steps at most.
  while (start > 0 && code - start < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((code - start) % 10);
}

function foldCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  let result = folded.get(code);
  if (result !== undefined) return result;
  const compatible = char.normalize("NFKC");
  if (DECIMAL_DIGIT.test(char)) result = /^[0-9]$/.test(compatible) ? compatible : digitValue(code);
  else if (ARABIC_SEPARATORS[char]) result = ARABIC_SEPARATORS[char];
  else if (isWideOrSmallForm(code) && ASCII_OR_CURRENCY.test(compatible)) result = compatible;
  // No-break, thin and ideographic spaces between a number and its unit ("40 %") are spaces.
  else if (compatible === " ") result = " ";
  else result = char;
  folded.set(code, result);
  return result;
}

/**
 * A text as the figure check reads it, with where each of its characters
 * came from: every script's decimal digits become ASCII digits ("٥٠" and
 * "５０" are "50"), full-width and small forms their ASCII or currency
 * character ("％", "＄"), Arabic percent and separators "%", "." and ",", and
 * no-break spaces spaces. Everything else is kept, so the two have the same
 * letters and a figure found in one can be replaced in the other.
 */
export function foldFigureCharacters(text: string): { text: string; origins: number[] } {
  const parts: string[] = [];
  const origins: number[] = [];
  let offset = 0;
  for (const char of text) {
    const fold = char.charCodeAt(0) < 0x80 ? char : foldCharacter(char);
    parts.push(fold);
    for (let unit = 0; unit < fold.length; unit++) origins.push(offset + Math.min(unit, char.length - 1));
    offset += char.length;
  }
  origins.push(offset);
  return { text: parts.join(""), origins };
}

/** A text as the figure check reads it (see `foldFigureCharacters`), without the way back. */
export function foldFigures(text: string): string {
  return text.replace(FOLDABLE, foldCharacter);
}

/**
 * Replaces, in `text`, what `pattern` finds in its folded form: `replace`
 * sees the folded match, its offset, the folded text and the original
 * characters, and returns the replacement, or null to keep them.
 */
export function replaceFolded(text: string, pattern: RegExp, replace: (match: string, offset: number, folded: string, original: string) => string | null): string {
  const view = foldFigureCharacters(text);
  let result = "";
  let kept = 0;
  for (const match of view.text.matchAll(pattern)) {
    const start = view.origins[match.index]!;
    const end = view.origins[match.index + match[0].length]!;
    const replacement = replace(match[0], match.index, view.text, text.slice(start, end));
    if (replacement === null) continue;
    result += text.slice(kept, start) + replacement;
    kept = end;
  }
  return result + text.slice(kept);
}
