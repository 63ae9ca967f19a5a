import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";
import { opensWithImpliedI, opensWithSubjectPhrase } from "../../src/text/index.js";

const rolesOf = (answer: string) => readClauses(answer).map((clause) => [clause.text, clause.roles]);

// Situation, task and one action in the first person; the outcome is told with a subject that opens on a past form.
const setup = "Our depot shipped about 3,000 parcels a night and too many left late. I was the night-shift lead, so fixing it was my job. I moved the first pick wave an hour earlier and added a second label printer.";

describe("a result whose subject opens with a participle", () => {
  it.each([
    ["Delayed parcels fell from 9% to 2% by the end of the month.", "from 9% to 2%"],
    ["Cancelled orders dropped by 40% that quarter.", "40%"],
    ["Rejected scans were down 75% in a week.", "75%"],
    ["Mislabelled boxes went from about 60 a night to 5.", "60"],
    ["Re-opened claims halved to 14 a month.", "14"],
  ])("reads %j as the result, not as the speaker's step", (outcome, figure) => {
    const critique = critiqueAnswer("Tell me about a time you improved a process.", `${setup} ${outcome}`);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual([outcome]);
    expect(critique.star.action.spans.map((span) => span.text)).toEqual(["I moved the first pick wave an hour earlier and added a second label printer."]);
    expect(critique.quantified).toBe(true);
    expect(critique.metrics.join(" ")).toContain(figure);
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_RESULT");
  });

  it("reads an irregular past form or a hyphenated one opening the subject the same way", () => {
    const answer = `${setup} Lost parcels fell to a handful. Double-booked vans stopped completely.`;
    expect(rolesOf(answer).slice(-2)).toEqual([
      ["Lost parcels fell to a handful.", ["result"]],
      ["Double-booked vans stopped completely.", ["result"]],
    ]);
  });

  it("reads a step told without its \"I\" as an action, and the outcome after it, whose subject opens on a past form, as the result", () => {
    const answer = `${setup} Rewired the scanner alerts to page me. Missed scans fell from 9% to 2%.`;
    expect(rolesOf(answer).slice(-2)).toEqual([
      ["Rewired the scanner alerts to page me.", ["action"]],
      ["Missed scans fell from 9% to 2%.", ["result"]],
    ]);
  });
});

describe("opensWithSubjectPhrase and note-style steps", () => {
  it.each(["Expired coupons no longer reach checkout.", "Stolen-card disputes stopped within a week.", "Unpaid orders were cancelled after a day.", "Broken builds are rare now."])(
    "%j opens with its subject: not a step told without 'I'",
    (sentence) => {
      expect(opensWithSubjectPhrase(sentence)).toBe(true);
      expect(opensWithImpliedI(sentence)).toBe(false);
    },
  );

  it.each(["Fixed tickets reported by customers first.", "Found orders left unpaid for weeks.", "Drafted release notes for every team.", "Rebuilt the retry logic."])(
    "%j is a step told without 'I'",
    (sentence) => {
      expect(opensWithSubjectPhrase(sentence)).toBe(false);
      expect(opensWithImpliedI(sentence)).toBe(true);
    },
  );
});
