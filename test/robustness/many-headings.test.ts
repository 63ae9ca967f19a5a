import { describe, expect, it } from "vitest";
import { cpuSeconds, parseText } from "../support/parse-text.js";

const parse = parseText;

// Banks far under the 5 MB limit but with more headings or stories than any person writes: the parse must finish,
// linearly, with no crash (lists of them were spread into call arguments, and ids and retellings compared every pair).
describe("a bank of very many headings or stories", () => {
  it("125,000 empty headings parse to no stories, with no stack overflow", () => {
    const text = "## a\n".repeat(125_000);
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(text)));
    expect(bank!.stories).toEqual([]);
    expect(seconds).toBeLessThan(40); // a guard against a crash or runaway complexity, not a benchmark
  }, 300_000);

  it("a million empty headings (2 MB) parse to no stories, each accounted as a section", () => {
    const text = "#\n".repeat(1_048_576);
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(text)));
    expect(bank!.stories).toEqual([]);
    expect(bank!.headings).toHaveLength(1_048_576);
    expect(bank!.headings.every((heading) => heading.kind === "section" && heading.text === "")).toBe(true);
    expect(bank!.headings.at(-1)!.line).toBe(1_048_576);
    expect(bank!.warnings.map((warning) => warning.code)).toEqual(["NO_STORIES_IN_FILE"]);
    // About 6 s of CPU here (each empty heading was read as a title, a label and a story region: 34 s).
    expect(seconds).toBeLessThan(20);
  }, 300_000);

  it("30,000 one-line stories with one title get ids -2 ... -30000 and stay separate experiences", () => {
    const text = "## a\nS: x. A: I did. R: ok.\n".repeat(30_000);
    let bank: ReturnType<typeof parse> | undefined;
    const seconds = cpuSeconds(() => (bank = parse(text)));
    expect(bank!.stories).toHaveLength(30_000);
    expect(bank!.stories[0]!.id).toBe("bank-a");
    expect(bank!.stories[1]!.id).toBe("bank-a-2");
    expect(bank!.stories[29_999]!.id).toBe("bank-a-30000");
    // They share no rare name or figure: nothing says they are one experience.
    expect(new Set(bank!.stories.map((story) => story.experience)).size).toBe(30_000);
    // About 2 s of CPU here; comparing every pair of stories took over 30.
    expect(seconds).toBeLessThan(15);
  }, 300_000);
});
