/**
 * One table of the units a figure can carry, driving what counts as a figure,
 * what a source figure must share with it, and its placeholder.
 */
interface FigureUnit {
  kind: string;
  /** The ways of writing it after a number, longest first; words are whole words. */
  forms: readonly string[];
  placeholder: "[X%]" | "[timeframe]" | "[N]";
  /** Counted nouns: any source figure of the same number will do ("1,200 customers" for "1,200 users"). */
  counted?: boolean;
  /** Multiplies the number: a bare figure never matches a source figure with one ("$500" is not "$500k"). */
  magnitude?: boolean;
}

const UNITS: readonly FigureUnit[] = [
  { kind: "percent", forms: ["%", "percent", "per cent", "percentage points", "pp"], placeholder: "[X%]", magnitude: true },
  { kind: "dozen", forms: ["dozen"], placeholder: "[N]", magnitude: true },
  { kind: "hundred", forms: ["hundred"], placeholder: "[N]", magnitude: true },
  { kind: "thousand", forms: ["thousand", "k"], placeholder: "[N]", magnitude: true },
  { kind: "million", forms: ["million", "mn", "m"], placeholder: "[N]", magnitude: true },
  { kind: "billion", forms: ["billion", "bn", "b"], placeholder: "[N]", magnitude: true },
  { kind: "times", forms: ["times", "fold", "x"], placeholder: "[N]", magnitude: true },
  { kind: "millisecond", forms: ["milliseconds", "millisecond", "ms"], placeholder: "[timeframe]" },
  { kind: "second", forms: ["seconds", "second", "secs", "sec", "s"], placeholder: "[timeframe]" },
  { kind: "minute", forms: ["minutes", "minute", "mins", "min"], placeholder: "[timeframe]" },
  { kind: "hour", forms: ["hours", "hour", "hrs", "hr", "h"], placeholder: "[timeframe]" },
  { kind: "day", forms: ["days", "day"], placeholder: "[timeframe]" },
  { kind: "week", forms: ["weeks", "week", "wks", "wk"], placeholder: "[timeframe]" },
  { kind: "month", forms: ["months", "month"], placeholder: "[timeframe]" },
  { kind: "quarter", forms: ["quarters", "quarter"], placeholder: "[timeframe]" },
  { kind: "year", forms: ["years", "year", "yrs", "yr"], placeholder: "[timeframe]" },
  { kind: "count", forms: ["people", "users", "customers", "engineers", "points", "pts"], placeholder: "[N]", counted: true },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNIT_BY_FORM = new Map(UNITS.flatMap((unit) => unit.forms.map((form) => [form, unit] as const)));
const UNIT_PATTERN = [...UNIT_BY_FORM.keys()]
  .sort((a, b) => b.length - a.length)
  .map((form) => (/^\p{L}/u.test(form) ? `${escape(form)}\\b` : escape(form)))
  .join("|");

/** The units written as words ("months", "million"), as a pattern to follow a spelled-out number; counted nouns aside. */
export const UNIT_WORDS = [...UNIT_BY_FORM.entries()]
  .filter(([form, unit]) => /^\p{L}{2,}/u.test(form) && !unit.counted)
  .map(([form]) => form)
  .sort((a, b) => b.length - a.length)
  .map((form) => `${escape(form)}\\b`)
  .join("|");

/**
 * A figure: an optional currency sign ("$5", "€ 40"), a number that ends on a digit (the full
 * stop after "$31,337." belongs to the sentence), and an optional unit, spaced
 * or hyphenated ("5 million", "3-week"). Digits glued to letters (p99, S3) are
 * names, not figures; a sign may follow letters (US$40k).
 */
export const FIGURE = new RegExp(String.raw`(?:[$€£¥₹₩][ \t]?|(?<![\p{L}\p{N}]))\d(?:[\d,.]*\d)?(?:[ \t-]?(?:${UNIT_PATTERN}))?`, "giu");

/** A figure taken apart: sign, number (no thousands commas) and unit. */
export interface ParsedFigure {
  currency: string | null;
  number: string;
  unit: FigureUnit | null;
}

/** Splits a figure FIGURE matched into its sign, number and unit. */
export function parseFigure(figure: string): ParsedFigure {
  const match = /^([$€£¥₹₩])?[ \t]?([\d,.]*\d)[ \t-]?(.*)$/u.exec(figure)!;
  return { currency: match[1] ?? null, number: match[2]!.replace(/,/g, ""), unit: UNIT_BY_FORM.get(match[3]!.toLowerCase()) ?? null };
}

/** Whether the candidate's figure backs the model's: the same number, sign and unit (counted nouns aside). */
export function sameFigure(model: ParsedFigure, source: ParsedFigure): boolean {
  if (model.number !== source.number) return false;
  if (model.currency && model.currency !== source.currency) return false;
  if (model.unit && !model.unit.counted) return source.unit?.kind === model.unit.kind;
  // A bare or counted figure: any source figure of that number, unless the source multiplies it.
  return !source.unit?.magnitude;
}

/** The unit a word names ("months", "million"), if any. */
export function unitNamed(word: string): FigureUnit | null {
  return UNIT_BY_FORM.get(word.toLowerCase()) ?? null;
}

/** The placeholder an invented figure becomes. */
export function placeholderFor(figure: ParsedFigure): string {
  if (figure.unit?.placeholder === "[X%]") return "[X%]";
  if (figure.currency) return `[${figure.currency}X]`;
  return figure.unit?.placeholder ?? "[N]";
}
