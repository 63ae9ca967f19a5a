import { describe, expect, it } from "vitest";
import type { Story } from "../../src/core/story.js";
import type { Principle } from "../../src/principles/index.js";
import { assessCoverage, type StoryFeatures } from "../../src/retrieval/index.js";

// 45 words: long enough that length does not lower a story's fit.
const BODY = Array.from({ length: 45 }, (_, index) => `word${index}`).join(" ");

function features(id: string, filed: Principle[], source: Story["principleSource"], shown: Array<[Principle, number]>, parts: Story["parts"] = { action: "A.", result: "R." }, themes: Array<[string, number]> = []): StoryFeatures {
  const story: Story = { id, experience: id, title: `Story ${id}`, question: null, questions: [], principles: filed, principleSource: source, tags: [], parts, partsInferred: false, body: BODY, text: BODY, source: { file: "b.md", startLine: 1, endLine: 2 } };
  // Coverage reads the story and what its content shows, nothing else.
  return { story, profile: { principles: new Map(shown), competencies: new Map(themes) } } as unknown as StoryFeatures;
}

const line = (coverage: ReturnType<typeof assessCoverage>, principle: Principle) => coverage.find((entry) => entry.principle === principle)!;

describe("coverage fit levels", () => {
  const coverage = assessCoverage([
    // Filed under Ownership, its content shows Ownership at 0.6 and Earn Trust at 1.
    features("a", ["Ownership"], "headings", [["Ownership", 0.6], ["Earn Trust", 1]]),
    // Filed under Earn Trust by a Tags line; its content barely shows it (0.2).
    features("b", ["Earn Trust"], "tags", [["Earn Trust", 0.2]]),
    // Filed under Frugality and shows it fully, but has no result yet.
    features("c", ["Frugality"], "headings", [["Frugality", 1]], { action: "A." }),
    // The bank names no principle: Think Big is inferred from its content (1.0), Dive Deep shown at 0.3 and Customer Obsession at 0.2.
    features("d", ["Think Big"], "inferred", [["Think Big", 1], ["Dive Deep", 0.3], ["Customer Obsession", 0.2]]),
  ]);

  it("is strong only for a story the bank files under the principle, whose content shows it, with an action and a result", () => {
    // 0.55 + 0.35 x 0.6 = 0.76.
    expect(line(coverage, "Ownership")).toEqual({ principle: "Ownership", fit: "strong", stories: [{ id: "a", title: "Story a", score: 0.76 }] });
    // Content alone, 0.75 x 1 = 0.75, reaches the strong threshold but is workable; the filed story b (0.55 + 0.35 x 0.2 = 0.62) is workable too, and ranks below.
    // Filed under Earn Trust, story a would be strong (0.55 + 0.35 x 1 = 0.9): the line says which story to file.
    expect(line(coverage, "Earn Trust")).toEqual({
      principle: "Earn Trust",
      fit: "workable",
      stories: [{ id: "a", title: "Story a", score: 0.75 }, { id: "b", title: "Story b", score: 0.62 }],
      strongIfFiled: { id: "a", title: "Story a" },
    });
    // Principles inferred for an unlabelled bank are the content speaking, not the bank's filing: 0.75 x 1, workable.
    expect(line(coverage, "Think Big")).toMatchObject({ fit: "workable", stories: [{ id: "d", score: 0.75 }], strongIfFiled: { id: "d" } });
  });

  it("names no story to file where filing would not make the fit strong, or the story is filed already", () => {
    // Filed already, workable for its missing result.
    expect(line(coverage, "Frugality").strongIfFiled).toBeUndefined();
    // Strong already.
    expect(line(coverage, "Ownership").strongIfFiled).toBeUndefined();
    // A stretch: filed, 0.55 + 0.35 x 0.3 = 0.655 would still be short of strong.
    expect(line(coverage, "Dive Deep").strongIfFiled).toBeUndefined();
  });

  it("keeps the other levels as they were: an incomplete story is workable, a passing signal a stretch, less is none", () => {
    // (0.55 + 0.35) x 0.75 for the missing result = 0.675.
    expect(line(coverage, "Frugality")).toMatchObject({ fit: "workable", stories: [{ id: "c", score: 0.675 }] });
    // 0.75 x 0.3 = 0.225.
    expect(line(coverage, "Dive Deep")).toMatchObject({ fit: "stretch", stories: [{ id: "d", score: 0.225 }] });
    // 0.75 x 0.2 = 0.15, under the 0.2 a stretch needs.
    expect(line(coverage, "Customer Obsession")).toEqual({ principle: "Customer Obsession", fit: "none", stories: [] });
  });
});

describe("coverage of a principle few themes lead to", () => {
  const BOTH_PARTS = { action: "A.", result: "R." };
  // Like the seed bank's "strongly disagreed with your manager" story: filed under Have Backbone, its conflict plain
  // (0.8), but customers, quality and feedback also show, so Earn Trust, which a dozen themes feed, leads its principles
  // and Have Backbone's share of it is 0.325.
  const disagreed = features("disagreed", ["Have Backbone; Disagree and Commit"], "headings", [["Earn Trust", 1], ["Have Backbone; Disagree and Commit", 0.325]], BOTH_PARTS, [["conflict", 0.8], ["customer", 0.95]]);
  // Filed under Have Backbone, but it shows only influence (0.9), whose second principle Have Backbone is.
  const persuaded = features("persuaded", ["Have Backbone; Disagree and Commit"], "headings", [["Earn Trust", 1], ["Have Backbone; Disagree and Commit", 0.2]], BOTH_PARTS, [["influence", 0.9]]);
  // Not filed under Have Backbone, though its conflict is as plain.
  const unfiled = features("unfiled", ["Customer Obsession"], "headings", [["Customer Obsession", 1], ["Have Backbone; Disagree and Commit", 0.3]], BOTH_PARTS, [["conflict", 0.8]]);

  it("is strong for a story filed under it whose theme shows it plainly, however many other themes the story shows", () => {
    // 0.55 + 0.35 x 0.8 (conflict, whose first principle is Have Backbone) = 0.83; the share alone gave 0.55 + 0.35 x 0.325 = 0.664, workable.
    expect(line(assessCoverage([disagreed]), "Have Backbone; Disagree and Commit")).toEqual({ principle: "Have Backbone; Disagree and Commit", fit: "strong", stories: [{ id: "disagreed", title: "Story disagreed", score: 0.83 }] });
  });

  it("calls workable a story whose theme shows the principle only second-hand, and at best workable one the bank does not file under it", () => {
    // 0.55 + 0.35 x (0.55 x 0.9 = 0.495) = 0.723: influence leads to Earn Trust first.
    expect(line(assessCoverage([persuaded]), "Have Backbone; Disagree and Commit")).toMatchObject({ fit: "workable", stories: [{ id: "persuaded", score: 0.723 }] });
    // Content alone: 0.75 x 0.8 = 0.6, workable however plain.
    expect(line(assessCoverage([unfiled]), "Have Backbone; Disagree and Commit")).toMatchObject({ fit: "workable", stories: [{ id: "unfiled", score: 0.6 }] });
  });
});

describe("coverage of a short story filed under a principle", () => {
  it("is workable when it has an action and a result, not a stretch that asks for a story the candidate already has", () => {
    const short = features("short", ["Ownership"], "tags", [], { action: "A.", result: "R." });
    short.story.body = "I owned the release checklist nobody kept and cut failed deploys from 6 to 1 a month.";
    // 0.55 (filed, content shows nothing) x 0.85 (under 40 words) = 0.4675: under the 0.5 workable needs by score alone.
    expect(line(assessCoverage([short]), "Ownership")).toEqual({ principle: "Ownership", fit: "workable", stories: [{ id: "short", title: "Story short", score: 0.468 }] });
    // Without its result it stays a stretch: 0.55 x 0.75 x 0.85 = 0.351.
    const unfinished = features("unfinished", ["Ownership"], "tags", [], { action: "A." });
    unfinished.story.body = short.story.body;
    expect(line(assessCoverage([unfinished]), "Ownership")).toMatchObject({ fit: "stretch", stories: [{ id: "unfinished", score: 0.351 }] });
  });
});
