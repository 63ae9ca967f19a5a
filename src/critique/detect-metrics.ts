import { LARGE_MULTIPLIERS } from "./llm/figure-units.js";

/** A measurable figure found in the answer. */
export interface MetricMatch {
  start: number;
  end: number;
  text: string;
  /** The time the work took or a date ("over three months", "in 2021"): not an outcome. */
  durationOfWork: boolean;
}

const NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen";
// Words that make "from X to Y" a measured change even without digits.
const SCALE_WORDS = "(?:same-day|real-time|instant|instantly|seconds|minutes|hours|days|weeks|months|years|hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|dozens|hundreds|thousands|millions)";
// A multiplier after a figure's digits, from the figure check's table: a word, spaced or not ("5 million", "2.5bn"),
// or a letter glued to them ("5M", "300k"); a spaced letter ("5 m") is more often metres or a typo.
const MULTIPLIER = String.raw`(?:[ \t]?(?:${LARGE_MULTIPLIERS.words.join("|")})|(?:${LARGE_MULTIPLIERS.letters.join("|")}))\b`;
// What a large figure counts ("5 million users", "300k requests"), so the figure reads as written.
const COUNTED = "people|users|customers|subscribers|members|visitors|downloads|installs|transactions|requests|orders|records|messages|events|views|tickets|bugs|incidents|pages|calls|dollars|euros|pounds";
const RATE = String.raw`(?:\s?(?:a|per)\s(?:month|year|week|day|quarter))?`;
const METRIC = new RegExp(
  [
    // Money: "$3 million", "$4B", "€3m", "$200k a year"; after a sign a spaced letter is the multiplier too ("$3 m").
    String.raw`[$€£¥₹]\s?\d[\d,.]*(?:${MULTIPLIER}|\s(?:${LARGE_MULTIPLIERS.letters.join("|")})\b)?\+?${RATE}`,
    // A large count: "5 million+ users", "2.5 million users", "5M users", "1.2 billion"; not the "2B" of "B2B".
    String.raw`(?<![A-Za-z])\d[\d,.]*${MULTIPLIER}\+?(?:[ \t](?:${COUNTED})\b)?${RATE}`,
    // Spelled large counts: "half a million (users)", "a million users" ("thanks a million" is no figure).
    String.raw`\bhalf\s+an?\s+(?:million|billion)\b(?:\s(?:${COUNTED})\b)?`,
    String.raw`\ban?\s+(?:thousand|million|billion)\s(?:${COUNTED})\b`,
    String.raw`\d[\d,.]*\+?\s?(?:%|percent|x\b|×|ms\b|s\b|sec(?:onds?)?\b|min(?:utes?)?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|points?\b|pp\b|people\b|users\b|customers\b|tickets\b|bugs\b|incidents\b|pages\b|calls\b|requests\b|orders\b|stars?\b|times\b)`,
    // "from 40 to 12", "from hours to minutes"; not "from Jenkins to GitHub".
    String.raw`from\s+(?:\S*\d\S*|${SCALE_WORDS}\b)\s+to\s+(?:\S*\d\S*|${SCALE_WORDS}\b)`,
    // The far end of "from 9 a month to 2": a bare figure after "to" in a from-to change.
    String.raw`(?<=\bfrom\s[^.;]{1,30}\sto\s)\d[\d,.]*`,
    // A small count given as a rate: "2 a month", "3 per sprint".
    String.raw`\b\d+\s(?:a|per)\s(?:day|week|month|year|quarter|sprint|release|deploy)\b`,
    String.raw`\b(?:half|halved|doubled|tripled|quadrupled|twice|three times|tenfold)\b`,
    String.raw`\b(?:${NUMBER_WORDS})(?:[\s-](?:${NUMBER_WORDS}))*\s(?:percent|hours?|days?|weeks?|months?|minutes?|seconds?|people|customers|users|times|points|incidents|tickets|dollars)\b`,
    // A spelled figure ending on its multiplier: "three million", "two hundred thousand".
    String.raw`\b(?:${NUMBER_WORDS})(?:[\s-](?:${NUMBER_WORDS}))*[\s-](?:thousand|million|billion)\b`,
    String.raw`\bzero\s+\w+`,
    String.raw`\b\d+(?:\.\d+)?\s?(?:out of|/)\s?\d+`,
    // A bare figure, with the "+" of "5,000+".
    String.raw`\b\d[\d,.]{1,}\b\+?`,
  ].join("|"),
  "gi",
);
const DURATION_OF_WORK = /^(over|for|within|in|during|after|about|around|nearly|almost|roughly|took|taking)\b/i;
const YEAR = /^(?:19|20)\d\d$/;

/** Figures in a text with their offsets; marks those that are only dates or how long the work took. */
export function detectMetrics(text: string, offset = 0): MetricMatch[] {
  const found: MetricMatch[] = [];
  for (const match of text.matchAll(METRIC)) {
    // A sentence's full stop or comma is not part of the figure.
    // Trimmed by hand: /[.,]+$/ retried from every comma of a long run of them, which was quadratic.
    let end = match[0].length;
    while (end > 0 && (match[0][end - 1] === "." || match[0][end - 1] === ",")) end--;
    const raw = match[0].slice(0, end);
    const value = raw.trim();
    if (YEAR.test(value)) continue;
    const window = text.slice(Math.max(0, match.index! - 40), match.index!);
    const previousWord = window.trim().split(/\s+/).at(-1) ?? "";
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 16);
    const isTimeUnit = /\b(hours?|days?|weeks?|months?|years?|minutes?|min|sprints?|quarters?)\b/i.test(value);
    // "over three months" is how long the work took; "saved about 5 hours a week" is an outcome.
    const outcomeWords = /\b(saved|saving|cut|reduced|from|to|by|down|faster|shaved|freed|dropped|fell|lost|gained|won)\b/i.test(window) || /^\s*(a|per|each|every)\s+(day|week|month|year|quarter|sprint)/i.test(after);
    const durationOfWork = isTimeUnit && DURATION_OF_WORK.test(previousWord) && !outcomeWords;
    found.push({ start: offset + match.index!, end: offset + match.index! + raw.length, text: value, durationOfWork });
  }
  return found;
}
