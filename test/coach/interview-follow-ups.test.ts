import { describe, expect, it } from "vitest";
import { FOLLOW_UP_BY_ISSUE } from "../../src/critique/follow-ups.js";
import { ISSUE_CODES, critiqueAnswer } from "../../src/critique/index.js";
import { newSession } from "../../src/coach/session.js";
import { acknowledgeFollowUp } from "../../src/coach/follow-up-credit.js";
import { PRACTISE_BY_ISSUE, practiseAdvice } from "../../src/coach/practise-advice.js";
import { engineForSampleBank } from "../support/sample-engine.js";

// An issue code as it must never appear in a sentence for the candidate.
const ISSUE_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;

const WE_ANSWER =
  "So basically our team had a big customer who was really unhappy with the scheduling app. We got together and we decided to redesign the shift swap screen. We talked to some nurses, we built a new version and we shipped it with a guided tour. The customer was much happier afterwards and we kept the account. It was a great team effort and I think it really showed how much we care about customers.";

describe("follow-ups in a mock interview", () => {
  it("credits the 'I' steps a follow-up answer gives to 'what did you do yourself?', and does not ask for them again", async () => {
    const engine = await engineForSampleBank();
    const session = newSession("s-0000000000aa");
    await engine.respond(session, "interview me on Ownership");
    const probe = await engine.respond(session, WE_ANSWER);
    expect(probe.text).toMatch(/What was your own part in it/);
    expect(session.interview!.turns[0]!.probed).toBe("WE_HEAVY");
    const reply = await engine.respond(session, "I personally called the customer, and afterwards our NPS rose from 20 to 45.");
    expect(reply.text).toMatch(/^Score \d+\/100\. That makes your own part clear\. To improve: /);
    expect(reply.text).not.toMatch(/told as "we"/);
    expect(reply.text).toMatch(/Interview summary/);
    expect(reply.text).not.toMatch(/say "I" for what you did/);
    const turn = session.interview!.turns[0]!;
    expect(turn.followUpAnswered).toBe(true);
    expect(turn.issues).not.toContain("WE_HEAVY");
    // The two answers are read together.
    expect(turn.answer).toBe(`${WE_ANSWER}\nI personally called the customer, and afterwards our NPS rose from 20 to 45.`);
  });

  it("still says the actions are told as 'we' when the follow-up answer is 'we' again", async () => {
    const engine = await engineForSampleBank();
    const session = newSession("s-0000000000aa");
    await engine.respond(session, "interview me on Ownership");
    await engine.respond(session, WE_ANSWER);
    const reply = await engine.respond(session, "We called the customer together, and afterwards our NPS rose from 20 to 45.");
    expect(reply.text).toMatch(/^Score \d+\/100\. To improve: The actions are told as "we"/);
    expect(session.interview!.turns[0]!.issues).toContain("WE_HEAVY");
  });
});

describe("no issue code reaches a sentence", () => {
  it("every issue code has practice advice, and no advice, follow-up or acknowledgement names a code", () => {
    for (const code of ISSUE_CODES) {
      expect(practiseAdvice(code), code).toBe(PRACTISE_BY_ISSUE[code]);
      expect(PRACTISE_BY_ISSUE[code], code).not.toMatch(ISSUE_CODE);
      expect(acknowledgeFollowUp(code), code).not.toMatch(ISSUE_CODE);
    }
    for (const text of Object.values(FOLLOW_UP_BY_ISSUE)) expect(text).not.toMatch(ISSUE_CODE);
    expect(practiseAdvice("SOMETHING_NEW")).toBeUndefined();
  });

  it("no issue message names a code, over answers that raise every kind of issue", () => {
    const answers = [
      "At my last job I ...",
      WE_ANSWER,
      "Um, so, like, I think we basically sort of fixed it, you know, and maybe it went really well, kind of.",
      `${"I reviewed the plan with the team and then I checked every number again. ".repeat(60)}It shipped.`,
      "I always start by listening to the customer, and I would then make a plan with my team.",
    ];
    const seen = new Set<string>();
    for (const answer of answers) {
      for (const issue of critiqueAnswer("Tell me about a time you failed", answer).issues) {
        seen.add(issue.code);
        expect(issue.message, issue.code).not.toMatch(ISSUE_CODE);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  it("the interview summary's advice is words, never a code (OFF_TOPIC leaked into 'Practise next')", async () => {
    const engine = await engineForSampleBank();
    const raised = new Set<string>();
    // Questions are drawn per session: several sessions, so the summaries cover several sets of issues.
    for (const id of ["s-000000000001", "s-000000000002", "s-000000000003", "s-000000000004"]) {
      const session = newSession(id);
      const texts: string[] = [];
      for (const message of [
        "interview me on Ownership and Dive Deep",
        "hint",
        "We had a flaky billing export. We looked into it and fixed it and things got better.",
        "I personally read the logs and added retries. Failures dropped from 8 a month to 1.",
        "skip",
      ]) {
        texts.push((await engine.respond(session, message)).text);
      }
      expect(texts.at(-1)).toMatch(/Interview summary:[\s\S]*Practise next: /);
      for (const text of texts) expect(text, id).not.toMatch(ISSUE_CODE);
      for (const code of session.interview!.turns.flatMap((turn) => turn.issues)) raised.add(code);
    }
    expect(raised).toContain("OFF_TOPIC");
  });
});
