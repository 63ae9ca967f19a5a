/** The 16 Amazon Leadership Principles, spelled exactly as the contracts fix them. */
export const PRINCIPLES = [
  "Customer Obsession",
  "Ownership",
  "Invent and Simplify",
  "Are Right, A Lot",
  "Learn and Be Curious",
  "Hire and Develop the Best",
  "Insist on the Highest Standards",
  "Think Big",
  "Bias for Action",
  "Frugality",
  "Earn Trust",
  "Dive Deep",
  "Have Backbone; Disagree and Commit",
  "Deliver Results",
  "Strive to be Earth's Best Employer",
  "Success and Scale Bring Broad Responsibility",
] as const;

export type Principle = (typeof PRINCIPLES)[number];

/** Lower-case, ASCII-folded form used to compare spellings. */
export function foldPrincipleText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z' ]+/g, " ")
    .replace(/'/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Other spellings people use for each principle, folded. Full names are added
 * automatically; these cover short forms and common variants.
 */
const ALIASES: Record<Principle, string[]> = {
  "Customer Obsession": ["customer obsessed", "customer focus", "customer first"],
  Ownership: ["owner", "owning it", "take ownership"],
  "Invent and Simplify": ["invent simplify", "invent", "simplify", "innovation"],
  "Are Right, A Lot": ["are right a lot", "right a lot", "be right a lot", "judgment", "judgement"],
  "Learn and Be Curious": ["learn be curious", "learn and be curious", "curiosity", "curious"],
  "Hire and Develop the Best": ["hire and develop", "develop the best", "hire develop the best", "hiring and developing"],
  "Insist on the Highest Standards": ["highest standards", "insist on highest standards", "high standards"],
  "Think Big": ["thinking big"],
  "Bias for Action": ["bias to action", "bias towards action", "bias toward action"],
  Frugality: ["frugal"],
  "Earn Trust": ["earning trust", "earns trust"],
  "Dive Deep": ["deep dive", "dives deep", "diving deep"],
  "Have Backbone; Disagree and Commit": [
    "backbone",
    "have backbone",
    "disagree and commit",
    "disagree commit",
    "have backbone disagree and commit",
  ],
  "Deliver Results": ["delivering results", "delivers results", "deliver result"],
  "Strive to be Earth's Best Employer": ["earths best employer", "best employer", "strive to be earths best employer"],
  "Success and Scale Bring Broad Responsibility": [
    "success and scale",
    "broad responsibility",
    "success scale bring broad responsibility",
    "success and scale brings broad responsibility",
  ],
};

const PRINCIPLE_BY_FOLDED = new Map<string, Principle>();
for (const principle of PRINCIPLES) {
  PRINCIPLE_BY_FOLDED.set(foldPrincipleText(principle), principle);
  for (const alias of ALIASES[principle]) PRINCIPLE_BY_FOLDED.set(foldPrincipleText(alias), principle);
}

/** Maps any accepted spelling of a principle to its canonical name, or null. */
export function normalizePrinciple(text: string): Principle | null {
  return PRINCIPLE_BY_FOLDED.get(foldPrincipleText(text)) ?? null;
}

/**
 * Full principle names (and the short forms that cannot be mistaken for
 * ordinary words) mentioned anywhere in a text, in order of first mention.
 */
export function findPrincipleMentions(text: string): Principle[] {
  const folded = ` ${foldPrincipleText(text)} `;
  const found: Array<{ principle: Principle; at: number }> = [];
  for (const { principle, names } of MENTION_NAMES) {
    let best = -1;
    for (const name of names) {
      const at = folded.indexOf(name);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    if (best >= 0) found.push({ principle, at: best });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.principle);
}

// Short forms that, written in a heading or a parenthesis, only ever mean the principle.
const UNAMBIGUOUS_SHORT_FORMS: Record<Principle, string[]> = {
  "Customer Obsession": [],
  Ownership: [],
  "Invent and Simplify": [],
  "Are Right, A Lot": ["are right a lot"],
  "Learn and Be Curious": [],
  "Hire and Develop the Best": [],
  "Insist on the Highest Standards": ["highest standards"],
  "Think Big": [],
  "Bias for Action": [],
  Frugality: [],
  "Earn Trust": [],
  "Dive Deep": [],
  "Have Backbone; Disagree and Commit": ["disagree and commit", "have backbone", "backbone"],
  "Deliver Results": [],
  "Strive to be Earth's Best Employer": ["earths best employer"],
  "Success and Scale Bring Broad Responsibility": ["success and scale"],
};

// Folded once, with the spaces that make them whole words: headings are read by the hundred thousand.
const MENTION_NAMES = PRINCIPLES.map((principle) => ({
  principle,
  names: [foldPrincipleText(principle), ...UNAMBIGUOUS_SHORT_FORMS[principle]].map((name) => ` ${name} `),
}));

// Every principle's name and short forms, longest first, as patterns: every match takes them out of its question.
const MENTION_PATTERNS = [...PRINCIPLES.flatMap((principle) => [principle, ...UNAMBIGUOUS_SHORT_FORMS[principle]]), "Earth's Best Employer"]
  .sort((a, b) => b.length - a.length)
  .map((name) => {
    const pattern = name
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/'/g, "'?")
      .replace(/[,;]\s*/g, "[,;]?\\s*")
      .replace(/\s+/g, "\\s+")
      .replace(/\band\b/g, "(?:and|&)");
    return new RegExp(`\\b${pattern}\\b`, "gi");
  });

/** The text with principle names taken out, so "Think Big" does not match "big data" word by word. */
export function removePrincipleMentions(text: string): string {
  let result = text.replace(/[\u2018\u2019]/g, "'");
  for (const pattern of MENTION_PATTERNS) result = result.replace(pattern, " ");
  return result;
}
