import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const texts = (spans: Array<{ text: string }>) => spans.map((span) => span.text);
const FAILURE =
  "Last year I was so sure of a checkout redesign that I skipped the A/B test and rolled it out to 100% of users on a Friday. Over the weekend conversion dropped by 7% because the new payment button didn't render on older Android phones. On Monday I rolled it back and wrote up the incident. We lost about $40,000 in sales.";

describe("a step told late in the answer", () => {
  it("reads \"On Monday I rolled it back...\" as the action, not the result, though it comes after the outcome", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", FAILURE);
    expect(texts(critique.star.action.spans)).toEqual(["On Monday I rolled it back and wrote up the incident."]);
    expect(texts(critique.star.result.spans)).toEqual([
      "Over the weekend conversion dropped by 7% because the new payment button didn't render on older Android phones.",
      "We lost about $40,000 in sales.",
    ]);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_ACTION");
  });

  it("keeps a lesson told as a habit kept since as the lesson", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", `${FAILURE} Now I always stage rollouts behind a flag.`);
    expect(texts(critique.star.lesson.spans)).toEqual(["Now I always stage rollouts behind a flag."]);
    expect(critique.lesson).toEqual({ required: true, present: true });
  });
});
