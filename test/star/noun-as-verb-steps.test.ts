import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

// Non-native speakers write a phrasal verb as its one-word noun, in the present: "I rollback the release", "I setup a
// server", "I login to the server" (audit). Told among past-tense steps, such a step was read as no role at all.

const inPastStory = (step: string) =>
  `Last year I deployed a new version on a Friday and the payment service went down for two hours. ${step} Then I checked the logs and found a wrong config value. After the fix the service was stable and we lost only 30 orders.`;

describe("a noun written as a verb after 'I'", () => {
  it.each(["I rollback the release.", "I rollback.", "I setup a second server.", "I login to the server.", "We rollback the release.", "I hotfix the config.", "I shutdown the old nodes.", "I followup with the customers."])(
    "is a step of the speaker's: %j",
    (step) => {
      const clause = readClauses(inPastStory(step)).find((candidate) => candidate.text === step);
      expect(clause?.roles).toEqual(["action"]);
    },
  );

  it("counts in the critique's actions", () => {
    const critique = critiqueAnswer("Tell me about a time you made a mistake.", inPastStory("I rollback the release."));
    expect(critique.star.action.spans.map((span) => span.text)).toContain("I rollback the release.");
  });

  it("leaves the noun a noun where no subject comes before it", () => {
    const answer = "Our setup was fragile: every rollback took an hour. I rewrote the deploy script and rollbacks dropped to 5 minutes.";
    const clauses = readClauses(answer);
    expect(clauses.find((clause) => clause.text.startsWith("Our setup"))?.roles).not.toContain("action");
  });
});
