// Longer runs of digits are no real figure; they are compared as written, never multiplied.
const LONGEST_DIGITS = 64;

/**
 * A number as one canonical string, so that every way of writing the same
 * value compares equal: "5,000", "5000.0" and "5" times 1,000 (from "5k") are
 * all "5e3"; "1.5" times a million is "15e5". A number with more than one
 * point ("1.2.3", a version) is kept as written.
 */
export function decimalValue(number: string, factor = 1): string {
  const plain = number.replace(/,/g, "");
  const [whole = "", fraction, ...rest] = plain.split(".");
  if (rest.length > 0) return factor === 1 ? plain : `${plain}*${factor}`;
  let digits = whole + (fraction ?? "");
  let exponent = -(fraction ?? "").length;
  // A power of ten moves the point; any other factor (a dozen) multiplies.
  if (/^10*$/.test(String(factor))) exponent += String(factor).length - 1;
  else if (digits.length <= LONGEST_DIGITS) digits = (BigInt(digits) * BigInt(factor)).toString();
  else return `${plain}*${factor}`;
  let first = 0;
  while (first < digits.length - 1 && digits[first] === "0") first++;
  let last = digits.length;
  while (last > first + 1 && digits[last - 1] === "0") last--;
  const significant = digits.slice(first, last);
  return significant === "0" ? "0" : `${significant}e${exponent + digits.length - last}`;
}

const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** The spelled-out number words, and the multipliers that are spelled numbers too ("halved", "twice"). */
export const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|halved|double|doubled|triple|tripled|quadrupled|tenfold|twice)`;

/**
 * The value of a spelled-out number ("ninety-five", "five thousand", "two
 * hundred and ten", "dozen"), or null when it has none a figure could match:
 * a multiplier ("halved", "twice") or words that make no one number ("ten two").
 */
export function spelledValue(phrase: string): number | null {
  let total = 0;
  let current = 0;
  // What the last word was: after "twenty" a unit may follow ("twenty-five"), after "five" only a scale ("five thousand").
  let last: "none" | "tens" | "small" | "scale" = "none";
  for (const word of phrase.toLowerCase().split(/[ \t-]+/)) {
    if (word === "and") continue;
    const small = SMALL[word];
    if (small !== undefined) {
      if (last === "small" || (last === "tens" && small >= 10)) return null;
      current += small;
      last = "small";
    } else if (TENS[word] !== undefined) {
      if (last === "small" || last === "tens") return null;
      current += TENS[word];
      last = "tens";
    } else if (word === "hundred" || word === "dozen") {
      current = (current || 1) * (word === "hundred" ? 100 : 12);
      last = "scale";
    } else if (SCALES[word] !== undefined) {
      total += (current || 1) * SCALES[word];
      current = 0;
      last = "scale";
    } else {
      return null;
    }
  }
  return total + current;
}
