import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { filedFirst, principleOnlyQuestion } from "../../src/retrieval/filed-first.js";
import { computeStoryFeatures } from "../../src/retrieval/story-features.js";
import { loadTaxonomy, withInferredPrinciples } from "../../src/understanding/index.js";
import { PROJECT_ROOT } from "../support/run-coach.js";

// From a user audit: a bank's own "Principles:" line barely counted when the question named the principle outright (the
// story filed under Insist on the Highest Standards ranked 13th of 15 for "Describe how you showed Insist..."), and
// success questions were answered with setback stories ("Proudest achievement?" -> a missed goal, "lead with: We
// finished five weeks late").
const BANK = path.join(PROJECT_ROOT, "test", "fixtures", "outcome-bank.md");
const templateWords = () => loadTaxonomy().templateWords;
function writeBank(body: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-outcome-")), "bank.md");
  writeFileSync(file, `# Stories\n\n## Sales turnaround\n\n${body}\n`);
  return file;
}

let matcher: StoryMatcher;
beforeAll(async () => {
  matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([BANK])).stories), new InterviewEmbedder());
});
const titles = async (question: string, k = 3) => (await matcher.match(question, { k })).matches.map((match) => match.title);

describe("a question that names a principle and nothing else", () => {
  it.each([
    ["Describe how you showed Insist on the Highest Standards.", ["Insist on the Highest Standards"]],
    ["Customer Obsession?", ["Customer Obsession"]],
    ["Tell me about a time you demonstrated Ownership at work.", ["Ownership"]],
    ["Give me an example of Bias for Action.", ["Bias for Action"]],
    ["Which principle resonates most: Frugality?", ["Frugality"]],
    ["Tell me about your most recent example of Ownership.", ["Ownership"]],
    // "Could you..." is a polite request, not "could have shown".
    ["Could you describe how you demonstrated Customer Obsession?", ["Customer Obsession"]],
  ])("is read as asking for the principle alone: %j", (question, principles) => {
    expect(principleOnlyQuestion(question, templateWords())).toEqual(principles);
  });

  it.each([
    // Review: asked about the principle's absence, where the stories filed under it are the bank's successes.
    "Tell me about a time you didn't deliver results.",
    "Tell me about a time you could have shown more Ownership.",
    "Tell me about a time you showed too much Bias for Action.",
    "Have Backbone: tell me about pushing back on a product manager's plan.",
    "Ownership often means not letting go. Tell me about a problem you kept working on.",
    "Tell me about a time you missed a deadline.",
  ])("is not %j, which asks about something besides, or names no principle", (question) => {
    expect(principleOnlyQuestion(question, templateWords())).toEqual([]);
  });

  it("puts the story the bank files under it first, ahead of one whose words merely sound like it", async () => {
    // "Blocking the hard delete" is filed under Insist on the Highest Standards as its second principle; "Growing the
    // activation rate" is filed under nothing and talks of "a high standard" and "a strict bar".
    const first = (await matcher.match("Describe how you showed Insist on the Highest Standards.", { k: 5 })).matches;
    expect(first[0]!.title).toBe("Blocking the hard delete");
    // Still in score order, so the list reads as ranked.
    for (let index = 1; index < first.length; index++) expect(first[index - 1]!.score).toBeGreaterThanOrEqual(first[index]!.score);
  });

  it("keeps content first when the question asks about more than the principle", async () => {
    expect(principleOnlyQuestion("Insist on the Highest Standards: tell me about onboarding a junior engineer.", templateWords())).toEqual([]);
    expect((await titles("Insist on the Highest Standards: tell me about onboarding a junior engineer.", 1))[0]).toBe("Mentoring a new hire");
  });
});

describe("filedFirst", () => {
  const item = (index: number, fused: number) => ({ index, fused, averageRank: index });
  const story = (principles: string[], principleSource: "tags" | "headings" | "inferred" | "none") => ({ principles, principleSource }) as never;

  it("moves filed stories to the front in their order, raising their scores just above the rest", () => {
    const stories = [story(["Ownership"], "inferred"), story(["Ownership"], "tags"), story([], "none"), story(["Frugality", "Ownership"], "headings")];
    const ordered = filedFirst([item(0, 3), item(2, 2), item(1, 1), item(3, 0.5)], stories, ["Ownership"]);
    expect(ordered.map((entry) => entry.index)).toEqual([1, 3, 0, 2]);
    expect(ordered[0]!.fused).toBeGreaterThan(ordered[1]!.fused);
    expect(ordered[1]!.fused).toBeGreaterThan(3);
    expect(ordered.slice(2).map((entry) => entry.fused)).toEqual([3, 2]);
  });

  it("changes nothing when no story, or every story, is filed under the principle", () => {
    const fused = [item(0, 2), item(1, 1)];
    expect(filedFirst(fused, [story([], "none"), story(["Frugality"], "tags")], ["Ownership"])).toBe(fused);
    expect(filedFirst(fused, [story(["Ownership"], "tags"), story(["Ownership"], "tags")], ["Ownership"])).toBe(fused);
    expect(filedFirst(fused, [story(["Ownership"], "tags"), story([], "none")], [])).toBe(fused);
  });
});

describe("the outcome a question asks for", () => {
  it.each(["Proudest achievement?", "Tell me about a time you exceeded expectations.", "Tell me about a time you delivered under a tight deadline."])(
    "a success question (%j) puts the success before the stories of a missed goal",
    async (question) => {
      const ranked = await titles(question, 5);
      const success = ranked.indexOf("Shipping the partner API before the trade show");
      expect(success).toBeGreaterThanOrEqual(0);
      expect(success).toBeLessThan(ranked.indexOf("Billing migration ran six weeks late"));
      expect(success).toBeLessThan(ranked.indexOf("Growing the activation rate"));
    },
  );

  it("a question about a missed deadline still finds the late story first", async () => {
    expect((await titles("Tell me about a time you missed a deadline.", 1))[0]).toBe("Billing migration ran six weeks late");
    expect((await titles("Tell me about a time you couldn't finish a project on time.", 1))[0]).toBe("Billing migration ran six weeks late");
  });
});

describe("a story's setback", () => {
  const setbackOf = async (body: string) => {
    const [story] = withInferredPrinciples((await loadBank([writeBank(body)])).stories);
    return computeStoryFeatures([story!])[0]!.setback;
  };
  it("is lower for a turnaround that ends in a success than for a plain miss (review)", async () => {
    const miss = await setbackOf("Q1 revenue was well short of the plan. I rebuilt the pipeline review. We still missed the target for the year.");
    const turnaround = await setbackOf("Q1 revenue was well short of the plan. I rebuilt the pipeline review. By Q3 we exceeded the target by 40%, our best quarter ever.");
    expect(miss).toBeGreaterThan(0.5);
    expect(turnaround).toBeLessThan(miss * 0.75);
  });
});
