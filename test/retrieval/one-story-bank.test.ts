import { beforeAll, describe, expect, it } from "vitest";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { parseText } from "../support/parse-text.js";

// A bank of one story: its scores never differ from another story's, so score fusion gives it 0 on every question.
const ONE_STORY_BANK = `# My stories

## Fixed the production outage
**Situation:** Our payments service went down during a holiday sale and customers could not check out.
**Task:** As the on-call engineer I had to restore service quickly.
**Action:** I rolled back the faulty deploy, added a circuit breaker, and wrote a runbook for the team.
**Result:** Service was back in 12 minutes and we had no repeat outage that quarter.
`;

const ONE_EXPERIENCE = { code: "SMALL_BANK", message: "Your bank has 1 experience (tellings of the same events count once), so 1 is shown, not 3." };
const NOTHING_SHARED = { code: "UNMATCHED", message: "No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 3." };

describe("a bank of one story", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    matcher = await createInMemoryMatcher(withInferredPrinciples(parseText(ONE_STORY_BANK).stories), new InterviewEmbedder());
  });

  it("says the bank has one experience when the story shares the question's words, and explains the fit", async () => {
    const result = await matcher.match("Tell me about a production outage you fixed");
    expect(result.matches.map((match) => match.title)).toEqual(["Fixed the production outage"]);
    expect(result.notices).toEqual([ONE_EXPERIENCE]);
    expect(result.matches[0]!.why).toBe(
      // The result's "outage" and the situation's "went down" show the theme by its cues; the line quoted is the one the
      // why-sentence model picks, what the speaker did (readers quote the action for "an outage you fixed"). Its Ownership
      // is inferred (the bank names no principle), so it is not shown in brackets as if the writer had filed the story there.
      'Shows production incident; the line to point to: "I rolled back the faulty deploy, added a circuit breaker, and wrote a runbook for the team"; lead with the action, from that line.',
    );
  });

  it("says the bank has one experience when the story shares only a theme, and that no line shows the theme asked", async () => {
    const result = await matcher.match("Tell me about a time you mentored a junior colleague");
    // Its one story, an outage fixed, is a stretch for a mentoring question, and the user is told so.
    expect(result.matches[0]!.fit).toBe("stretch");
    expect(result.notices.map((notice) => notice.code)).toEqual(["NO_CLEAR_FIT", "SMALL_BANK"]);
    expect(result.notices[1]).toEqual(ONE_EXPERIENCE);
    expect(result.matches[0]!.why).toMatch(/^No line shows mentoring and developing others: if it does, add a line that says so; /);
  });

  it("says no story shares anything only when none does", async () => {
    const result = await matcher.match("Tell me about zebras");
    expect(result.notices).toEqual([NOTHING_SHARED]);
    expect(result.matches[0]!.why).toMatch(/^Nothing in the question's words or themes points to this story or any other; /);
  });
});
