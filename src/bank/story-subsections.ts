import { isNonStoryTitle, principlesOfHeading, readHeadingTitle } from "./heading-text.js";
import type { OutlineHeading } from "./markdown-outline.js";

/**
 * What a sub-heading inside a story holds: the story told again at another
 * length ("version"), more of its narrative ("details"), or notes kept with
 * it that are not part of the telling ("notes").
 */
export type SubsectionKind = "version" | "details" | "notes";

/** A sub-heading folded into the story heading above it. */
export interface StorySubsection {
  heading: OutlineHeading;
  kind: SubsectionKind;
}

// Names as compared: lower case, numbers as "N", punctuation and parentheses ("(30 seconds)") dropped.
const SUBSECTION_NAMES: Record<SubsectionKind, readonly string[]> = {
  version: [
    "short version", "shorter version", "long version", "longer version", "full version", "brief version", "quick version",
    "detailed version", "extended version", "expanded version", "condensed version", "complete version", "star version",
    "N second version", "N seconds version", "N sec version", "N minute version", "N minutes version", "N min version",
    "one minute version", "two minute version", "one sentence version", "version N", "short answer", "long answer",
    "full answer", "detailed answer", "N second answer", "N minute answer", "full story", "the full story",
    "elevator pitch", "tl dr", "tldr", "one liner", "short form", "long form",
  ],
  details: ["details", "detail", "more details", "more detail", "full details", "the details", "in detail", "extra details", "additional details", "additional context"],
  notes: [
    "notes", "note", "my notes", "extra notes", "follow ups", "follow up", "followups", "followup", "follow up questions",
    "likely follow ups", "likely follow up questions", "possible follow ups", "expected follow ups", "anticipated follow ups",
    "likely questions", "numbers to remember", "numbers", "key numbers", "key metrics", "metrics", "figures", "key figures",
    "figures to remember", "stats", "key stats", "key facts", "key points", "talking points", "points to hit",
    "things to mention", "what to emphasize", "what to emphasise", "delivery notes", "questions to expect", "links",
    "sources", "references",
  ],
};

const KIND_BY_NAME = new Map<string, SubsectionKind>(
  (Object.entries(SUBSECTION_NAMES) as Array<[SubsectionKind, readonly string[]]>).flatMap(([kind, names]) => names.map((name) => [name, kind] as const)),
);

// A part's name is a few words; longer headings are never looked up.
const MAX_NAME_LENGTH = 60;

/** The kind of story part a heading names ("Long version", "2-minute version", "Likely follow-ups"), or null. */
export function subsectionKind(title: string): SubsectionKind | null {
  if (title.length > MAX_NAME_LENGTH) return null;
  const name = title
    .toLowerCase()
    .replace(/\([^()]*\)/g, " ")
    .replace(/\d+/g, "N")
    .replace(/[^a-zN]+/g, " ")
    .trim();
  return KIND_BY_NAME.get(name) ?? null;
}

/**
 * Finds headings that are parts of the story heading above them rather than
 * stories of their own: when every heading under a heading has a part's name
 * ("### Short version", "### Likely follow-ups"), they all belong to it. A
 * principle or section heading ("## Ownership", "## Notes") keeps its
 * sub-headings as stories, as does a heading with any other sub-heading.
 */
export function findStorySubsections(headings: readonly OutlineHeading[]): Map<OutlineHeading, StorySubsection[]> {
  const found = new Map<OutlineHeading, StorySubsection[]>();
  for (let index = 0; index < headings.length; index++) {
    const parent = headings[index]!;
    const parts: StorySubsection[] = [];
    let next = index + 1;
    for (; next < headings.length && headings[next]!.level > parent.level; next++) {
      const kind = subsectionKind(readHeadingTitle(headings[next]!.source).title);
      if (!kind) break;
      parts.push({ heading: headings[next]!, kind });
    }
    const allParts = parts.length > 0 && (next === headings.length || headings[next]!.level <= parent.level);
    if (!allParts || isSectionTitle(readHeadingTitle(parent.source).title)) continue;
    found.set(parent, parts);
    index = next - 1;
  }
  return found;
}

// A section's sub-headings are its stories: "## Ownership", "## Notes", or a heading that is itself a part's name.
function isSectionTitle(title: string): boolean {
  return principlesOfHeading(title).only || isNonStoryTitle(title) || subsectionKind(title) !== null;
}
