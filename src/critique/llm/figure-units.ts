import { decimalValue } from "./figure-value.js";

/**
 * One table of the units a figure can carry, driving what counts as a figure,
 * what a source figure must share with it, and its placeholder.
 */
interface FigureUnit {
  kind: string;
  /** The ways of writing it after a number, longest first; words are whole words. */
  forms: readonly string[];
  placeholder: "[X%]" | "[timeframe]" | "[N]";
  /** Counted nouns: a source count of the same number will do ("1,200 customers" for "1,200 users"). */
  counted?: boolean;
  /** A ratio, not an amount: a bare figure is no source for it, nor it for a bare one ("5" is not "5%" or "5x"). */
  ratio?: boolean;
  /** Multiplies the number ("5k" is 5,000): part of the value, not a unit ("$500" is not "$500k", "5k" is "5,000"). */
  factor?: number;
}

const UNITS: readonly FigureUnit[] = [
  { kind: "percent", forms: ["%", "percent", "per cent", "percentage points", "pp"], placeholder: "[X%]", ratio: true },
  { kind: "dozen", forms: ["dozen"], placeholder: "[N]", factor: 12 },
  { kind: "hundred", forms: ["hundred"], placeholder: "[N]", factor: 100 },
  { kind: "thousand", forms: ["thousand", "k"], placeholder: "[N]", factor: 1e3 },
  { kind: "million", forms: ["million", "mn", "m"], placeholder: "[N]", factor: 1e6 },
  { kind: "billion", forms: ["billion", "bn", "b"], placeholder: "[N]", factor: 1e9 },
  { kind: "times", forms: ["times", "fold", "x"], placeholder: "[N]", ratio: true },
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

// Currency words after a figure ("5,000 dollars", "5 million USD"): the dollar, euro and pound words are the same money
// as their signs; another currency's words are money of their own, never a count ("200 rupees" is not "200 engineers").
const CURRENCY_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["$", ["dollars", "dollar", "bucks", "usd"]],
  ["€", ["euros", "euro", "eur"]],
  ["£", ["pounds", "pound", "gbp", "quid"]],
  ["rupee", ["rupees", "rupee", "inr"]],
  ["yen", ["yen", "jpy"]],
  ["yuan", ["yuan", "rmb", "cny"]],
  ["peso", ["pesos", "peso", "mxn"]],
  ["franc", ["francs", "franc", "chf"]],
  ["krona", ["kronor", "krona", "kroner", "krone", "sek", "nok", "dkk"]],
  ["rouble", ["roubles", "rouble", "rubles", "ruble", "rub"]],
  ...["aud", "cad", "sgd", "hkd", "nzd", "lira", "dirhams", "ringgit", "baht", "rupiah", "naira", "shekels", "zloty"].map((word) => [word, [word]] as const),
];
const MONEY_WORDS = new Map(CURRENCY_WORDS.flatMap(([currency, words]) => words.map((word) => [word, currency] as const)));
// Signs with words of their own: "₹200" is "200 rupees". The yen and the yuan share "¥", so "¥200" is either, but
// "200 yen" is not "200 yuan". "₩" has no word here ("won" is the verb far more often).
const SIGN_MONEY: ReadonlyMap<string, readonly string[]> = new Map([
  ["₹", ["rupee"]],
  ["¥", ["yen", "yuan"]],
]);

/** Whether two currencies (signs, or the signs and words `MONEY_WORDS` reads) are the same money. */
function sameCurrency(model: string, source: string): boolean {
  return model === source || SIGN_MONEY.get(model)?.includes(source) === true || SIGN_MONEY.get(source)?.includes(model) === true;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNIT_BY_FORM = new Map(UNITS.flatMap((unit) => unit.forms.map((form) => [form, unit] as const)));
const UNIT_PATTERN = [...UNIT_BY_FORM.keys()]
  .sort((a, b) => b.length - a.length)
  .map((form) => (/^\p{L}/u.test(form) ? `${escape(form)}\\b` : escape(form)))
  .join("|");
const wordPattern = (forms: Iterable<string>) => [...forms].sort((a, b) => b.length - a.length).map((form) => `${escape(form)}\\b`).join("|");
const UNIT_WORD_FORMS = [...UNIT_BY_FORM.entries()].filter(([form, unit]) => /^\p{L}{2,}/u.test(form) && !unit.factor).map(([form]) => form);

/**
 * The multipliers of a thousand and up as written after a number, longest
 * first: the words ("million", "bn") and the one-letter abbreviations ("k",
 * "M", "B"), which a figure writes glued to its digits ("5M", "300k").
 */
export const LARGE_MULTIPLIERS: { words: readonly string[]; letters: readonly string[] } = (() => {
  const forms = UNITS.filter((unit) => (unit.factor ?? 0) >= 1e3).flatMap((unit) => unit.forms).sort((a, b) => b.length - a.length);
  return { words: forms.filter((form) => form.length > 1), letters: forms.filter((form) => form.length === 1) };
})();

/** The units written as words ("months", "percent"), as a pattern to follow a spelled-out number; counted nouns aside. */
export const UNIT_WORDS = wordPattern(UNIT_WORD_FORMS.filter((form) => !UNIT_BY_FORM.get(form)!.counted));

// A word after a figure's number and any multiplier that says what it counts: "5k users", "5 million dollars", "seventy engineers".
const TRAILING_UNIT = new RegExp(String.raw`^[ \t-]?(${wordPattern([...UNIT_WORD_FORMS, ...MONEY_WORDS.keys()])})`, "i");

/**
 * A figure: an optional currency sign or code ("$5", "€ 40", "USD 5"), a number that ends on a digit (the full
 * stop after "$31,337." belongs to the sentence), and an optional unit, spaced
 * or hyphenated ("5 million", "3-week"). Digits glued to letters (p99, S3) are
 * names, not figures; a sign may follow letters (US$40k). Read on text whose
 * digits are folded to ASCII (`foldFigureCharacters`).
 */
export const FIGURE = new RegExp(String.raw`(?:[$€£¥₹₩][ \t]?|(?<![\p{L}\p{N}])(?:(?:usd|eur|gbp)[ \t]?)?)\d(?:[\d,.]*\d)?(?:[ \t-]?(?:${UNIT_PATTERN}))?`, "giu");

/** A figure taken apart: what money it is, its value, its unit, and what replaces it when nobody gave it. */
export interface ParsedFigure {
  /** A currency sign, or the sign or word a currency word stands for. */
  currency: string | null;
  /** The number with any multiplier applied, canonical (`decimalValue`). */
  value: string;
  unit: FigureUnit | null;
  placeholder: string;
}

/** What follows a figure ending at `end`, as far as a word naming its unit reaches: the `after` of `readFigure`. */
export function textAfter(text: string, end: number): string {
  return text.slice(end, end + 24);
}

function currencyCode(code: string | undefined): string | null {
  return (code && MONEY_WORDS.get(code.toLowerCase())) || null;
}

/**
 * Reads a figure: its sign, number and unit, and, after a multiplier or none,
 * the word that follows (`after`) when it names a unit or currency ("5k
 * users", "5 million dollars"). That word stays in the text, so a figure it
 * describes becomes "[N]" ("[N] dollars").
 */
export function readFigure(sign: string | null, value: string, unit: FigureUnit | null, after: string): ParsedFigure {
  const word = unit ? undefined : TRAILING_UNIT.exec(after)?.[1]?.toLowerCase();
  const described = word === undefined ? null : (UNIT_BY_FORM.get(word) ?? null);
  const currency = sign ?? currencyCode(word);
  const placeholder = word !== undefined ? "[N]" : unit?.placeholder === "[X%]" ? "[X%]" : sign ? `[${sign}X]` : (unit?.placeholder ?? "[N]");
  return { currency, value, unit: unit ?? described, placeholder };
}

/** Splits a figure FIGURE matched into its sign, value and unit; `after` is the text that follows it. */
export function parseFigure(figure: string, after = ""): ParsedFigure {
  const match = /^(?:([$€£¥₹₩])|(usd|eur|gbp))?[ \t]?([\d,.]*\d)[ \t-]?(.*)$/iu.exec(figure)!;
  const written = UNIT_BY_FORM.get(match[4]!.toLowerCase()) ?? null;
  const sign = match[1] ?? currencyCode(match[2]);
  return readFigure(sign, decimalValue(match[3]!, written?.factor ?? 1), written?.factor ? null : written, after);
}

/**
 * Whether the candidate's figure backs the model's: the same value, and the
 * same money, or the same unit. A count backs a count ("1,200 customers" for
 * "1,200 users") and is backed by a bare number, never by money, time or a
 * percentage; a bare number is backed by any figure but a ratio.
 */
export function sameFigure(model: ParsedFigure, source: ParsedFigure): boolean {
  if (model.value !== source.value) return false;
  if (model.currency) return source.currency !== null && sameCurrency(model.currency, source.currency);
  if (model.unit?.counted) return !source.currency && (!source.unit || source.unit.counted === true);
  if (model.unit) return !source.currency && source.unit?.kind === model.unit.kind;
  return !source.unit?.ratio;
}

/** The unit a word names ("months", "percent"), if any. */
export function unitNamed(word: string): FigureUnit | null {
  return UNIT_BY_FORM.get(word.toLowerCase()) ?? null;
}
