import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

// Audit: an answer told in the passive, with no "we" in it, was asked "You said "we" a lot. What was your own part...?".
describe("the follow-up for actions no one owns", () => {
  const question = "Tell me about a time you took ownership.";

  it("does not say the answer said \"we\" when it never did", () => {
    for (const answer of [
      "The billing system at my last company was failing every night and the finance team was angry. The migration plan was written and reviewed by the architects. The cutover was done over a weekend, with the dashboards monitored around the clock. Processing costs fell by 30% and the project finished two weeks early.",
      "当时我们的系统经常崩溃。我负责找出原因。我分析了日志，发现了内存泄漏，并修复了它。结果，崩溃次数减少了百分之八十。",
    ]) {
      const critique = critiqueAnswer(question, answer);
      expect(critique.ownership.we).toBe(0);
      expect(critique.issues.map((issue) => issue.code)).toContain("WE_HEAVY");
      expect(critique.followUps.join("\n")).not.toMatch(/said "we"/);
      expect(critique.followUps.length).toBeGreaterThan(0);
    }
  });

  it("asks for the speaker's part once: with no action told, 'What did you personally do' is that question", () => {
    const critique = critiqueAnswer(question, "The billing system at my last company was failing every night and the finance team was angry. The migration plan was written and reviewed by the architects. The cutover was done over a weekend, with the dashboards monitored around the clock. Processing costs fell by 30% and the project finished two weeks early.");
    expect(critique.followUps.filter((text) => /personally do|your own part/.test(text))).toEqual(["What did you personally do, step by step?"]);
  });

  it("still says so when the actions are told as \"we\"", () => {
    const critique = critiqueAnswer(question, "Our team was tasked with migrating the billing system. We analyzed the flows, we wrote a migration plan, and we coordinated with finance. We ran the cutover over a weekend. In the end we cut processing costs by 30%.");
    expect(critique.followUps).toContain('You said "we" a lot. What was your own part in it: what did you decide or do yourself?');
  });
});
