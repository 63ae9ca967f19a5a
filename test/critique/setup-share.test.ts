import { describe, expect, it } from "vitest";
import { critiqueReport } from "../../src/cli/critique-report.js";
import { critiqueAnswer, setupShareOfParts } from "../../src/critique/index.js";

const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);

// The first sentence (23 words) sets the scene and states the goal, so it is both situation and task.
const OPENING = "Last year I owned the billing service at a payments startup, and my goal was to stop the nightly invoice job from failing.";
// 26 + 8 + 19 words.
const REST = "I traced the failures to a race between two workers, added a lock around the invoice batch and wrote a replay tool for the failed runs. I also added alerts on the queue depth. After the change the job ran cleanly for six months and support tickets about missing invoices fell by 80%.";
// 33 words of context.
const CONTEXT = "The job had failed on eleven of the previous thirty nights, finance had to chase every late invoice by hand, and two large customers had already complained to their account managers about it.";

describe("the setup's share counts each word once", () => {
  it("counts a sentence that is both situation and task once: 23 of 76 words, not too long", () => {
    const critique = critiqueAnswer("Tell me about a time you improved reliability", `${OPENING} ${REST}`);
    expect(critique.words).toBe(76);
    expect(critique.star.situation.spans.map((span) => span.text)).toEqual([OPENING]);
    expect(critique.star.task.spans.map((span) => span.text)).toEqual([OPENING]);
    expect(codes(critique)).not.toContain("SETUP_TOO_LONG");
    expect(critique.breakdown.structure).toBe(1);
    // Each part's share is still the fraction of the answer's words in it (the contract's): 23/76 each.
    expect(critique.star.situation.share).toBe(0.303);
    expect(critique.star.task.share).toBe(0.303);
    expect(setupShareOfParts(critique.star)).toBe(0.303);
  });

  it("still finds a long setup too long, giving its share with each word once: (23 + 33) of 109 words is 51%", () => {
    const critique = critiqueAnswer("Tell me about a time you improved reliability", `${OPENING} ${CONTEXT} ${REST}`);
    expect(critique.words).toBe(109);
    expect(critique.issues.find((issue) => issue.code === "SETUP_TOO_LONG")?.message).toMatch(/^Setup takes 51% of the answer;/);
    expect(setupShareOfParts(critique.star)).toBe(0.514);
  });

  it("says in the report why the shares pass 100% and what the setup is, unless scores are hidden", () => {
    const answer = `${OPENING} ${REST}`;
    const critique = critiqueAnswer("Tell me about a time you improved reliability", answer);
    const report = critiqueReport(critique, answer);
    expect(report.filter((line) => /^ {2}(situation|task) +✓ 30% /.test(line))).toHaveLength(2);
    expect(report).toContain("  (a sentence playing two parts counts in each, so these add up to over 100%; setup, situation and task counted once: 30%)");
    expect(critiqueReport(critique, answer, { hideScores: true }).join("\n")).not.toMatch(/add up to over 100%/);
  });

  it("adds no note when no sentence plays two parts", () => {
    const answer = "Situation: Our nightly invoice job kept failing.\nTask: I had to make it reliable before the audit.\nAction: I traced the failures to a race between two workers and added a lock.\nResult: It has run cleanly for six months.";
    const critique = critiqueAnswer("Tell me about a time you improved reliability", answer);
    expect(critiqueReport(critique, answer).join("\n")).not.toMatch(/add up to over 100%/);
  });
});
