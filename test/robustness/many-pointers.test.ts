import { describe, expect, it } from "vitest";
import { cpuSeconds, parseText } from "../support/parse-text.js";

const parse = parseText;

function codeCounts(warnings: ReadonlyArray<{ code: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const warning of warnings) counts[warning.code] = (counts[warning.code] ?? 0) + 1;
  return counts;
}

// Each pointer entry looked through every story and every other pointer (and a "Same as above" chain did so at each
// step): 20-30 s of CPU for these banks of a few hundred kilobytes. Indexed once, each takes about 1 s.
const BOUND_SECONDS = 15;
const STORY = "S: x. A: I did. R: ok.\n\n";

describe("a bank of very many pointer entries resolves them in linear time", () => {
  it('2,500 "Same as above" entries: the first 50 reach the story, a longer chain is not followed', () => {
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(`## Cutting CI time\n${STORY}${"## A\nSame as above.\n\n".repeat(2_500)}`)));
    expect(bank!.stories.map((story) => [story.title, story.questions])).toEqual([["Cutting CI time", ["A"]]]);
    // Entry k passes k - 1 entries above it before the story; a chain stops after 50 steps.
    expect(codeCounts(bank!.warnings)).toEqual({ POINTER_RESOLVED: 50, POINTER_UNRESOLVED: 2_450 });
    expect(bank!.warnings[0]!.line).toBe(4);
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);

  it('28,000 "See Q1" entries all point at story 1', () => {
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(`## Q1: Cutting CI time\n${STORY}${"## Q2\nSee Q1\n\n".repeat(28_000)}`)));
    expect(bank!.stories.map((story) => [story.title, story.questions])).toEqual([["Cutting CI time", ["Q2"]]]);
    expect(codeCounts(bank!.warnings)).toEqual({ POINTER_RESOLVED: 28_000 });
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);

  it("8,000 entries pointing at a title no story has stay unresolved", () => {
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(`## Cutting CI time\n${STORY}${'## B\nSee "Nothing here"\n\n'.repeat(8_000)}`)));
    expect(bank!.stories.map((story) => [story.title, story.questions])).toEqual([["Cutting CI time", []]]);
    expect(codeCounts(bank!.warnings)).toEqual({ POINTER_UNRESOLVED: 8_000 });
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);

  it("4,300 stories each followed by a pointer describing it: each pointer finds the story just above", () => {
    const pair = "## The pipeline\nS: the pipeline broke. A: I did. R: ok.\n\n## B\nSee the pipeline story above.\n\n";
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(pair.repeat(4_300))));
    expect(bank!.stories).toHaveLength(4_300);
    // Every story shares "pipeline"; the nearest above wins, so each story gets one pointer's heading as a question.
    expect(bank!.stories.every((story) => story.questions.length === 1 && story.questions[0] === "B")).toBe(true);
    expect(codeCounts(bank!.warnings)).toEqual({ POINTER_RESOLVED: 4_300 });
    // The last pointer (line 6 * 4,299 + 4) names the last story (line 6 * 4,299 + 1).
    expect(bank!.warnings.at(-1)!.line).toBe(25_798);
    expect(bank!.warnings.at(-1)!.message).toContain('("The pipeline", line 25795)');
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);
});
