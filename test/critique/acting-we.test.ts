import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { countActors } from "../../src/critique/analyze-language.js";

const QUESTION = "Tell me about a time you delivered despite a setback.";

describe("who takes the steps", () => {
  it("counts 'we' as the team acting only as a step's subject", () => {
    expect(countActors("I rented two washers so we had a buffer, and I split the work so that we weren't relying on one supplier.").we).toBe(0);
    expect(countActors("We mapped every step, we wrote the scripts, and our team ran the cutover.").we).toBe(3);
    expect(countActors("I wrote a guide for our team, ran workshops for our team and set up a rota with our department.").we).toBe(0);
    // A "so" that opens a sentence or follows a comma tells the team's next step, not a purpose.
    expect(countActors("So we rolled it back. I found the bug, so we rewrote the parser, and so we shipped.").we).toBe(3);
  });

  it("does not call the speaker's own steps 'we'-heavy for the 'we' in their purpose", () => {
    const answer =
      "Two weeks before opening, our linen supplier went bust, and it was on me to open with clean rooms. I called every laundry within an hour's drive so we had options, I split the work between two so that we weren't relying on one again, and I rented a washer for our basement so we could cover the Saturday peak. We opened on time and our laundry cost per room came out 12 percent lower than the year before.";
    const critique = critiqueAnswer(QUESTION, answer);
    expect(critique.ownership.weHeavy).toBe(false);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("WE_HEAVY");
  });

  it("calls steps told as 'So we ...' 'we'-heavy", () => {
    const answer =
      "Last spring our checkout service at a mid-size retailer started timing out every evening, and as the on-call engineer I had to get it stable before the holiday sale. I pulled the logs. So we rolled back the last release. So we rewrote the retry logic. So we added load tests to the pipeline, and then we watched it for a week. Timeouts fell from 300 a night to under 10, and the sale ran without an outage.";
    expect(critiqueAnswer(QUESTION, answer).ownership.weHeavy).toBe(true);
  });

  it("still calls steps told as 'we' 'we'-heavy", () => {
    const answer =
      "Two weeks before opening, our linen supplier went bust. We called every laundry within an hour's drive, we split the work between two of them, and we rented a washer for the basement. We opened on time and laundry cost per room came out 12 percent lower.";
    expect(critiqueAnswer(QUESTION, answer).ownership.weHeavy).toBe(true);
  });
});
