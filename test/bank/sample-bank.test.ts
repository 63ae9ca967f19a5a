import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import type { ParsedBank, Story } from "../../src/core/story.js";
import { normalizePrinciple } from "../../src/principles/index.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";

// The oracle was written by hand by the bank's author, from the markdown, without the parser.
const oracle = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "test/fixtures/sample-bank-expected.json"), "utf8"));
type OracleStory = { headingLine: number; title: string; question: string | null; principles: string[]; parts: Record<string, boolean>; experience: string };

describe("the bundled sample bank against its hand-written oracle", () => {
  let bank: ParsedBank;
  const rows: Array<{ file: string; expected: OracleStory; story: Story | undefined }> = [];

  beforeAll(async () => {
    bank = await loadBank([SAMPLE_BANK]);
    for (const [file, entry] of Object.entries<any>(oracle.files)) {
      for (const expected of entry.stories as OracleStory[]) {
        rows.push({ file, expected, story: bank.stories.find((story) => path.basename(story.source.file) === file && story.source.startLine === expected.headingLine) });
      }
    }
  });

  it("finds exactly the oracle's stories, at their heading lines, with their titles and questions", () => {
    expect(bank.stories).toHaveLength(rows.length);
    for (const { expected, story } of rows) {
      expect(story, `story at line ${expected.headingLine}`).toBeDefined();
      expect(story!.title).toBe(expected.title);
      expect(story!.question).toBe(expected.question);
    }
  });

  it("has at least 30 stories covering all 16 principles", () => {
    expect(bank.stories.length).toBeGreaterThanOrEqual(30);
    expect(new Set(bank.stories.flatMap((story) => story.principles)).size).toBe(16);
  });

  it("reads labelled parts as the author marked them; unlabelled stories are flagged as inferred", () => {
    for (const { expected, story } of rows) {
      if (Object.values(expected.parts).some(Boolean)) {
        expect(Object.fromEntries(Object.keys(expected.parts).map((part) => [part, Boolean(story!.parts[part as keyof Story["parts"]])])), story!.title).toEqual(expected.parts);
      } else {
        expect(story!.partsInferred, story!.title).toBe(true);
      }
    }
  });

  it("takes principles from headings, and exactly from the Tags line where there is one", () => {
    for (const { file, expected, story } of rows) {
      const lines = readFileSync(path.join(SAMPLE_BANK, file), "utf8").split("\n").slice(story!.source.startLine - 1, story!.source.endLine);
      const tagsLine = lines.find((line) => /^Tags:/i.test(line.trim()));
      if (tagsLine) {
        const tagged = tagsLine.replace(/^Tags:/i, "").split(",").map((name) => normalizePrinciple(name.trim()));
        expect(story!.principles, story!.title).toEqual(tagged);
      } else {
        expect([...story!.principles].sort(), story!.title).toEqual([...expected.principles].sort());
      }
    }
  });

  it("groups the retold experience and keeps every other story on its own", () => {
    const byLabel = new Map<string, Set<string>>();
    for (const { expected, story } of rows) byLabel.set(expected.experience, (byLabel.get(expected.experience) ?? new Set()).add(story!.experience));
    for (const [label, experiences] of byLabel) expect(experiences.size, label).toBe(1);
    expect(new Set(bank.stories.map((story) => story.experience)).size).toBe(byLabel.size);
  });

  it("resolves the pointer entry into its target and accounts for every non-story heading", () => {
    const pointer = oracle.files["numbered.md"].pointers[0];
    const target = bank.stories.find((story) => story.source.file.endsWith("numbered.md") && story.source.startLine === pointer.target)!;
    expect(target.questions).toContain(pointer.title);
    for (const [file, entry] of Object.entries<any>(oracle.files)) {
      for (const heading of entry.nonStoryHeadings) {
        const account = bank.headings.find((item) => item.file.endsWith(file) && item.line === heading.line);
        expect(account?.kind, `${file}:${heading.line} ${heading.text}`).toMatch(/^(section|prose)$/);
      }
    }
  });

  it("repairs the one mojibake dash and leaves the real typography alone", () => {
    const { file, line } = oracle.mojibake;
    expect(bank.warnings.filter((warning) => warning.code === "MOJIBAKE_REPAIRED")).toEqual([expect.objectContaining({ line, file: expect.stringContaining(file) })]);
    const raw = readFileSync(path.join(SAMPLE_BANK, file), "utf8");
    const story = bank.stories.find((candidate) => candidate.source.file.endsWith(file) && candidate.source.startLine <= line && candidate.source.endLine >= line)!;
    expect(story.text).not.toContain("\u00e2\u20ac");
    expect(story.text).toContain("\u2014");
    // Curly quotes elsewhere in the bank survive untouched.
    const curly = (raw.match(/[\u2018\u2019\u201c\u201d]/g) ?? []).length;
    expect(curly).toBeGreaterThan(0);
    expect(bank.stories.filter((candidate) => candidate.source.file.endsWith(file)).map((candidate) => candidate.text).join("\n")).toMatch(/[\u2019\u201c\u201d]/);
  });
});
