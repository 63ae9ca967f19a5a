import { describe, expect, it } from "vitest";
import { cpuSeconds, parseText } from "../support/parse-text.js";

const parse = parseText;

// A wide guard against runaway complexity, not a benchmark: each bank here takes about 1 s of CPU (under 3 s on a
// busy machine), and took 20-40 s before, when every sentence was compared with every clause of the text around it.
const BOUND_SECONDS = 15;
const REAL_STORY = "## Real story\nSituation: The build took 40 minutes.\nAction: I cached the dependencies.\nResult: It took 10 minutes.\n";

// Tens of thousands of one short line (far under the 5 MB limit), then a blank line and a real story: the lines
// are text before the first heading with no labels, skipped with one warning; the story after them is read as ever.
const LINES: Array<[name: string, line: string, count: number]> = [
  ["plain title lines", "Cutting CI time\n", 32_768],
  ["bold lines", "**Title**\n", 32_000],
  ["bold question lines", "**Question?**\n", 36_000],
  ["numbered lines", "1. Step\n", 36_000],
  ["Q1: question lines", "Q1: Tell me about a time?\n", 32_000],
  ["Question 1 - question lines", "Question 1 - Tell me about a time?\n", 24_000],
];

describe("a bank of one short line repeated parses in linear time", () => {
  for (const [name, line, count] of LINES) {
    it(`${count.toLocaleString("en-US")} ${name} before a story`, () => {
      let bank: ReturnType<typeof parse> | undefined;
      const seconds = cpuSeconds(() => (bank = parse(`${line.repeat(count)}\n${REAL_STORY}`)));
      expect(bank!.stories).toHaveLength(1);
      const story = bank!.stories[0]!;
      expect(story.title).toBe("Real story");
      expect(story.parts).toEqual({ situation: "The build took 40 minutes.", action: "I cached the dependencies.", result: "It took 10 minutes." });
      // The lines, a blank line, then the heading.
      expect(story.source).toEqual({ file: "bank.md", startLine: count + 2, endLine: count + 5 });
      expect(bank!.warnings.map((warning) => [warning.code, warning.line])).toEqual([["SKIPPED_PROSE", 1]]);
      expect(seconds).toBeLessThan(BOUND_SECONDS);
    }, 120_000);
  }

  it("32,000 bold lines under a notes heading are skipped as notes", () => {
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(`## Notes\n${"**Title**\n".repeat(32_000)}\n${REAL_STORY}`)));
    expect(bank!.stories.map((story) => story.title)).toEqual(["Real story"]);
    expect(bank!.headings.map((heading) => [heading.line, heading.kind])).toEqual([
      [1, "prose"],
      [32_003, "story"],
    ]);
    expect(bank!.warnings.map((warning) => [warning.code, warning.line])).toEqual([["SKIPPED_PROSE", 1]]);
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);

  it("a story told in 20,000 lines of prose has every sentence in one of its parts", () => {
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(`## A long story\n${"I fixed the build. We shipped it.\n".repeat(20_000)}`)));
    expect(bank!.stories).toHaveLength(1);
    const story = bank!.stories[0]!;
    expect(story.partsInferred).toBe(true);
    expect(story.source).toEqual({ file: "bank.md", startLine: 1, endLine: 20_001 });
    // 40,000 sentences of 18 and 14 characters, each in exactly one part, joined by single spaces within a part.
    const parts = Object.values(story.parts);
    const sentences = parts.join(" ").split(/(?<=\.) /);
    expect(sentences).toHaveLength(40_000);
    expect(new Set(sentences)).toEqual(new Set(["I fixed the build.", "We shipped it."]));
    expect(parts.join("").length).toBe(20_000 * 18 + 20_000 * 14 + (40_000 - parts.length));
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);

  it("a line of 14,000 sentences each labelled Context is one situation", () => {
    const line = "I fixed it. Context - x. ".repeat(14_000);
    let bank: ReturnType<typeof parse> | undefined;
    // Labels were looked up for every sentence and clause among all the line's labels.
    const seconds = cpuSeconds(() => (bank = parse(`## A story\n${line}\n`)));
    expect(bank!.stories).toHaveLength(1);
    expect(bank!.stories[0]!.parts).toEqual({ situation: line.trim() });
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  }, 120_000);
});
