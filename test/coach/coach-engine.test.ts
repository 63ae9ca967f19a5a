import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, SessionStore } from "../../src/coach/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

async function engineForSampleBank() {
  const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
  const embedder = new InterviewEmbedder();
  const matcher = await createInMemoryMatcher(stories, embedder);
  return { stories, engine: new CoachEngine({ matcher, critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() }) };
}

describe("the coach engine", () => {
  it("warns when one experience answers two questions of a mock interview, and names the story", async () => {
    const { stories, engine } = await engineForSampleBank();
    const tellings = stories.filter((story) => story.experience === stories.find((candidate) => candidate.id === "numbered-traced-missed-on-call-pages-to-a-daylight-saving-bug")!.experience);
    expect(tellings).toHaveLength(2);
    const session = new SessionStore("/nonexistent").create();
    await engine.respond(session, "interview me on Ownership and Dive Deep");
    for (const telling of tellings) {
      const reply = await engine.respond(session, telling.body);
      if (session.interview?.awaitingFollowUp) await engine.respond(session, "The fix cut missed pages to zero.");
      expect(reply.text.length).toBeGreaterThan(0);
    }
    const summary = session.messages.at(-1)!.text;
    expect(summary).toMatch(/Interview summary/);
    expect(summary).toMatch(/same experience for more than one question/);
    expect(session.interview!.turns.map((turn) => turn.storyId).sort()).toEqual(tellings.map((story) => story.id).sort());
    // The candidate knows their stories by title, not by id.
    for (const telling of tellings) expect(summary).toContain(`(story: "${telling.title}")`);
    expect(summary).toContain(`same experience for more than one question ("${tellings.find((story) => story.experience === tellings[0]!.experience)!.title}")`);
    expect(summary).not.toContain("numbered-traced-missed-on-call-pages");
  });

  it("credits no bank story to a short answer that shares a few words with one", async () => {
    const { engine } = await engineForSampleBank();
    const session = { ...new SessionStore("/nonexistent").create(), id: "s-short-answer" };
    await engine.respond(session, "interview me on Ownership");
    await engine.respond(session, "I rolled back the release myself within 10 minutes and wrote the postmortem; errors dropped to zero.");
    if (session.interview?.awaitingFollowUp) await engine.respond(session, "skip");
    expect(session.interview!.turns[0]!.storyId).toBeNull();
    expect(session.messages.at(-1)!.text).not.toContain("(story:");
  });

  it("answers 'which story fits?' mid-interview with stories for the question asked, and keeps the question open", async () => {
    const { engine } = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    await engine.respond(session, "interview me on Frugality");
    const asked = session.interview!.turns[0]!.question;
    const reply = await engine.respond(session, "which of my stories fits this?");
    expect(reply.cards[0]?.type).toBe("matches");
    expect((reply.cards[0]!.data as { question: string }).question).toBe(asked);
    expect(reply.text).toContain(`Still on question 1 of 1: ${asked}`);
    // Not taken as the answer: nothing scored, no follow-up pending.
    expect(session.interview!.turns[0]!.answer).toBe("");
    expect(session.interview!.awaitingFollowUp).toBe(false);
  });

  it("restates the open follow-up, not the first question, when a hint is asked after one", async () => {
    const { engine } = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    await engine.respond(session, "interview me on Dive Deep");
    // No result: the interviewer probes for the outcome.
    await engine.respond(session, "Our reports disagreed with finance, so I traced both queries back to the source tables and found they used different date fields.");
    const followUp = session.interview!.turns[0]!.followUp!;
    expect(session.interview!.awaitingFollowUp).toBe(true);
    const reply = await engine.respond(session, "hint");
    expect(reply.cards[0]?.type).toBe("matches");
    expect(reply.text).toContain(`Still on the follow-up to question 1 of 1: ${followUp}`);
    // The follow-up stays open for the answer that comes next.
    expect(session.interview!.awaitingFollowUp).toBe(true);
  });

  it("explains 'hint' outside a mock interview instead of searching for the word", async () => {
    const { engine } = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    const reply = await engine.respond(session, "hint");
    expect(reply.cards).toEqual([]);
    expect(reply.text).toMatch(/interview me/);
  });

  it("answers '?' with help, and 'stop' or a wordless message outside an interview without searching stories", async () => {
    const { engine } = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    expect((await engine.respond(session, "?")).text).toMatch(/interview me/);
    for (const text of ["stop", "skip", "12345", "!!"]) {
      const reply = await engine.respond(session, text);
      expect(reply.cards).toEqual([]);
      expect(reply.text).toMatch(/interview me/);
    }
  });

  it("never asks the same question twice across interviews in one session", async () => {
    const { engine } = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    const asked = new Set<string>();
    // Frugality has about 20 questions in the bank; five interviews must use five different ones.
    for (let round = 0; round < 5; round++) {
      await engine.respond(session, "interview me on Frugality");
      const turn = session.interview!.turns[0]!;
      expect(asked.has(turn.questionId)).toBe(false);
      asked.add(turn.questionId);
      await engine.respond(session, "stop");
    }
  });

  it("takes an answer that opens with a command word as the answer; a command is the whole, short message", async () => {
    const { engine } = await engineForSampleBank();
    const answers = [
      "Next quarter our biggest customer threatened to churn, so I flew out, mapped their open tickets with their team, fixed the top three myself, and they renewed for 2 years.",
      "End of year our billing export kept failing, so I traced it to a schema change, added a contract test myself, and it has not failed since.",
      "Stop-the-line bugs kept reaching production, so I added a canary stage myself and escaped bugs fell by 60% in a quarter.",
      "Finish dates kept slipping on my team, so I split the work into weekly milestones myself and we shipped 2 weeks early.",
      "Pass rates on our test suite were 70%, so I rewrote the flaky tests myself and got them to 99% in a month.",
      "Help desk tickets doubled after a release, so I wrote a triage script myself and cut response time from 2 days to 4 hours.",
      "Quit is what half my team wanted to do after a reorg, so I met each of them myself and kept all but one.",
      "Which story we pitched to the board decided the budget, so I rebuilt the forecast myself and we won 3 more engineers.",
    ];
    for (const answer of answers) {
      const session = new SessionStore("/nonexistent").create();
      await engine.respond(session, "interview me on Ownership and Frugality");
      const reply = await engine.respond(session, answer);
      expect(session.interview!.turns[0]!.answer, answer).toBe(answer);
      expect(reply.text, answer).not.toMatch(/^(Skipped|Stopping here|I can:)/);
      expect(reply.cards[0]?.type, answer).toBe("critique");
    }
    const commands: Array<[string, RegExp]> = [
      ["skip", /^Skipped\./],
      ["Next question, please.", /^Skipped\./],
      ["skip this one", /^Skipped\./],
      ["pass", /^Skipped\./],
      ["which story fits?", /Still on question 1 of 2/],
      ["hint", /Still on question 1 of 2/],
      ["help", /^I can:/],
      ["stop the interview", /^Stopping here\./],
    ];
    for (const [command, expected] of commands) {
      const session = new SessionStore("/nonexistent").create();
      await engine.respond(session, "interview me on Ownership and Frugality");
      expect((await engine.respond(session, command)).text, command).toMatch(expected);
      expect(session.interview!.turns[0]!.answer, command).toBe("");
    }
  });

  it("critiques a long pasted answer that mentions coverage or a mock interview instead of taking it as a command", async () => {
    const { engine } = await engineForSampleBank();
    const answer =
      "Last spring our checkout service kept breaking after releases and test coverage was only 40%. I owned the service, so I wrote a plan, paired with two engineers on the riskiest modules, and added contract tests for every payment path. I also ran a mock interview style review with support to hear the failures they saw. Coverage rose to 85%, release rollbacks fell from 6 a quarter to 1, and support tickets about checkout dropped by half.";
    const session = new SessionStore("/nonexistent").create();
    const reply = await engine.respond(session, answer);
    expect(reply.cards.map((card) => card.type)).toEqual(["critique"]);
    expect(session.interview).toBeNull();
  });

  it("keeps the first answer's score when the follow-up is skipped or the interview stopped; only the follow-up goes unanswered", async () => {
    const { engine } = await engineForSampleBank();
    // No result: the interviewer asks a follow-up about the outcome.
    const thin = "Our reports disagreed with finance, so I traced both queries back to the source tables and found they used different date fields.";
    const skipped = new SessionStore("/nonexistent").create();
    await engine.respond(skipped, "interview me on Dive Deep and Frugality");
    const critiqued = await engine.respond(skipped, thin);
    const firstScore = (critiqued.cards[0]!.data as { score: number }).score;
    expect(skipped.interview!.awaitingFollowUp).toBe(true);
    const moved = await engine.respond(skipped, "skip");
    expect(moved.text).toMatch(/Question 2 of 2/);
    expect(skipped.interview!.turns[0]!.score).toBe(firstScore);
    const summary = (await engine.respond(skipped, "stop")).text;
    expect(summary).toContain(`- Dive Deep: ${firstScore}/100 (follow-up not answered)`);
    expect(summary).toMatch(/- Frugality: not answered/);

    const stopped = new SessionStore("/nonexistent").create();
    await engine.respond(stopped, "interview me on Dive Deep");
    const onlyScore = ((await engine.respond(stopped, thin)).cards[0]!.data as { score: number }).score;
    const end = (await engine.respond(stopped, "stop")).text;
    expect(end).toContain(`- Dive Deep: ${onlyScore}/100 (follow-up not answered)`);
    expect(end).not.toMatch(/answer at least one question/);
    expect(stopped.interview!.turns[0]!.issues.length).toBeGreaterThan(0);
  });

  it("a message it refuses (over the answer limit) leaves the session as it was, mid-interview too", async () => {
    const { engine } = await engineForSampleBank();
    const session = new SessionStore("/nonexistent").create();
    await engine.respond(session, "interview me on Dive Deep");
    const before = structuredClone(session);
    await expect(engine.respond(session, "a ".repeat(5001))).rejects.toMatchObject({ code: "INPUT_TOO_LARGE" });
    expect(session).toEqual(before);
    const reply = await engine.respond(session, "skip");
    expect(reply.text).toMatch(/Interview summary/);
  });
});
