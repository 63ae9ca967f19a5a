import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);

describe("the offline critique of thin answers", () => {
  it("flags a five-word non-answer as too short as well as no story, and praises no ownership it never showed", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", "At my last job I ...");
    expect(critique.words).toBe(5);
    expect(critique.notAStory).toBe(true);
    expect(codes(critique)).toEqual(["NOT_A_STORY", "MISSING_LESSON", "TOO_SHORT", "OFF_TOPIC"]);
    expect(critique.star.action.present).toBe(false);
    expect(critique.breakdown.ownership).toBe(0.5);
  });

  it("scores ownership from the actions when there are some", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", "I led our Kubernetes migration, skipped the soak test, and the service crashed at month end. I rolled back in an hour. Reports were 4 hours late for 30 clients.");
    expect(critique.breakdown.ownership).toBe(1);
  });

  it("asks for a figure without pointing at a placeholder that only the language model's rewrite has", () => {
    const answer =
      "So basically our team had a big customer who was really unhappy with the scheduling app. We got together and we decided to redesign the shift swap screen. We talked to some nurses, we built a new version and we shipped it with a guided tour. The customer was much happier afterwards and we kept the account. It was a great team effort and I think it really showed how much we care about customers.";
    const critique = critiqueAnswer("Tell me about a time you went above and beyond for a customer", answer);
    const notQuantified = critique.issues.find((issue) => issue.code === "NOT_QUANTIFIED");
    expect(notQuantified?.message).toBe("The result has no number. If you have one, give it (time saved, % change, money, count); if not, say how you knew it worked (what you saw or heard that showed it).");
    for (const issue of critique.issues) expect(issue.message).not.toMatch(/\[(?:X%|N|\$X|timeframe|name)\]/);
  });
});
