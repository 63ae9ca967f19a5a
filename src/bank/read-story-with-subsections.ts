import { STORY_PARTS } from "../core/story.js";
import { readStoryRegion, readStoryRegionDeferred, type RegionLine, type RegionReading } from "./read-story-region.js";
import type { SubsectionKind } from "./story-subsections.js";

/**
 * Reads a story whose heading has sub-sections ("### Short version",
 * "### Long version", "### Likely follow-ups"). The parts, and what decides
 * whether it is a story, come from its fullest telling: the heading's own
 * text or a version, the one with the most STAR parts, then the most words
 * (its details when it has no other text). The body holds every sub-section,
 * so all of it is searched; the question comes from the tellings, and tags
 * from anywhere in the story.
 *
 * With no sub-sections and no labels, `reading` leaves out the parts of its unlabelled prose (whether it is a
 * story or a pointer does not depend on them, and reading them is slow on a long text); `complete()` adds them.
 */
export function readStoryWithSubsections(
  own: RegionLine[],
  subsections: ReadonlyArray<{ kind: SubsectionKind; lines: RegionLine[] }>,
): { reading: RegionReading; body: string; complete: () => RegionReading } {
  if (subsections.length === 0) {
    const deferred = readStoryRegionDeferred(own);
    // A labelled entry's parts decide whether it is a pointer (see readPointer).
    const reading = deferred.reading.labelled ? deferred.withInferredParts() : deferred.reading;
    return { reading, body: reading.body, complete: deferred.withInferredParts };
  }
  const ownReading = readStoryRegion(own);
  const sections = [{ kind: "own" as const, reading: ownReading }, ...subsections.map((section) => ({ kind: section.kind, reading: readStoryRegion(section.lines) }))];
  const tellings = sections.filter((section) => section.kind !== "notes");
  const versions = tellings.filter((section) => section.kind !== "details" && section.reading.words > 0);
  const candidates = versions.length > 0 ? versions : tellings;
  const fullest = candidates.reduce((best, section) => (fullness(section.reading) > fullness(best.reading) ? section : best)).reading;

  const taggedPrinciples = [...new Set(sections.flatMap((section) => section.reading.taggedPrinciples))];
  const otherTags = [...new Set(sections.flatMap((section) => section.reading.otherTags))];
  const reading: RegionReading = {
    ...fullest,
    // A "Q:" among the follow-ups is a question the interviewer may ask next, not the story's question.
    question: tellings.find((section) => section.reading.question !== null)?.reading.question ?? null,
    taggedPrinciples,
    otherTags,
    unknownPrinciples: sections.flatMap((section) => section.reading.unknownPrinciples),
    experienceKey: sections.find((section) => section.reading.experienceKey !== null)?.reading.experienceKey ?? null,
  };
  return {
    reading,
    body: sections
      .map((section) => section.reading.body)
      .filter(Boolean)
      .join(" "),
    complete: () => reading,
  };
}

// More STAR parts first, then more words: a 30-second version loses to the 2-minute one.
function fullness(reading: RegionReading): number {
  const parts = STORY_PARTS.filter((part) => reading.parts[part]).length;
  return parts * 1_000_000 + reading.words;
}
