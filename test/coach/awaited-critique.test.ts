import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, SessionStore, type CoachReply } from "../../src/coach/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

// A real answer, pasted on its own: 11 words, so under the 60 that are critiqued whatever comes before them.
const ANSWER = "I rewrote the paging rules and cut false pages by 60%.";

let engine: CoachEngine;
beforeAll(async () => {
  const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
  engine = new CoachEngine({ matcher: await createInMemoryMatcher(stories, new InterviewEmbedder()), critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() });
});
const newSession = () => ({ ...new SessionStore("/nonexistent").create(), id: "s-awaitedcritique1" });
const cardTypes = (reply: CoachReply) => reply.cards.map((card) => card.type);

describe("the answer sent after an empty 'critique:'", () => {
  it("is critiqued, after each way of asking with no answer", async () => {
    for (const empty of ["critique:", "/critique", "Review my answer:", "feedback"]) {
      const session = newSession();
      const asked = await engine.respond(session, empty);
      expect(asked.text, empty).toMatch(/^Which answer\? Just send it as your next message and I'll critique it/);
      const reply = await engine.respond(session, ANSWER);
      expect(cardTypes(reply), empty).toEqual(["critique"]);
      expect((reply.cards[0]!.data as { words: number }).words).toBe(11);
      expect(session.awaitingCritique).toBe(false);
    }
  });

  it("is critiqued exactly as 'critique: <answer>' would be, against the question asked before", async () => {
    const question = "Tell me about a time you reduced toil for your team?";
    const inTwo = newSession();
    await engine.respond(inTwo, question);
    await engine.respond(inTwo, "critique:");
    const inOne = newSession();
    await engine.respond(inOne, question);
    expect(await engine.respond(inTwo, ANSWER)).toEqual(await engine.respond(inOne, `critique: ${ANSWER}`));
    expect(inTwo.messages.at(-1)!.text).toMatch(/^Against "Tell me about a time you reduced toil for your team\?": score \d+\/100/);
  });

  it("is only the next message: the one after it is read as usual", async () => {
    const session = newSession();
    await engine.respond(session, "critique:");
    await engine.respond(session, ANSWER);
    expect(cardTypes(await engine.respond(session, ANSWER))).toEqual(["matches"]);
  });

  it("gives way to a command, which runs and drops the request", async () => {
    const cases: Array<[string, (reply: CoachReply) => void]> = [
      ["coverage", (reply) => expect(cardTypes(reply)).toEqual(["summary"])],
      ["help", (reply) => expect(reply.text).toMatch(/^I can:/)],
      ["/hint", (reply) => expect(reply.text).toMatch(/^A hint is for a mock interview question/)],
      ["stop", (reply) => expect(reply.text).toMatch(/^No mock interview is running/)],
      ["thanks", (reply) => expect(reply.text).toMatch(/^You're welcome/)],
      ["Which story for: tell me about a time you failed?", (reply) => expect(cardTypes(reply)).toEqual(["matches"])],
    ];
    for (const [command, check] of cases) {
      const session = newSession();
      await engine.respond(session, "critique:");
      check(await engine.respond(session, command));
      expect(session.awaitingCritique, command).toBe(false);
      // Dropped: a short answer now is read as it always was, as a question to find stories for.
      expect(cardTypes(await engine.respond(session, ANSWER)), command).toEqual(["matches"]);
    }
  });

  it("gives way to 'interview me': the next message answers the interview's question", async () => {
    const session = newSession();
    await engine.respond(session, "critique:");
    const started = await engine.respond(session, "interview me on Ownership");
    expect(started.text).toMatch(/Question 1 of 1 \(Ownership\)/);
    await engine.respond(session, ANSWER);
    expect(session.interview!.turns[0]!.answer).toBe(ANSWER);
  });

  it("mid-interview is the answer to the interview's question, as every message there is", async () => {
    const session = newSession();
    await engine.respond(session, "interview me on Ownership");
    const question = session.interview!.turns[0]!.question;
    expect((await engine.respond(session, "critique:")).text).toMatch(/^Just answer the question/);
    const reply = await engine.respond(session, ANSWER);
    expect(session.interview!.turns[0]!.answer).toBe(ANSWER);
    expect(reply.cards[0]).toMatchObject({ type: "critique", question });

    // A request left waiting when an interview is on (no reply of the coach's leaves one) is read the same way.
    const waiting = newSession();
    await engine.respond(waiting, "interview me on Ownership");
    waiting.awaitingCritique = true;
    await engine.respond(waiting, ANSWER);
    expect(waiting.interview!.turns[0]!.answer).toBe(ANSWER);
    expect(waiting.awaitingCritique).toBe(false);
  });

  it("asked for again, or given with 'critique: <answer>', is still the critique asked for", async () => {
    const again = newSession();
    await engine.respond(again, "critique:");
    expect((await engine.respond(again, "critique:")).text).toMatch(/^Which answer\?/);
    expect(cardTypes(await engine.respond(again, ANSWER))).toEqual(["critique"]);

    const given = newSession();
    await engine.respond(given, "critique:");
    const reply = await engine.respond(given, `critique: ${ANSWER}`);
    // The answer is what follows "critique:", not the whole message.
    expect((reply.cards[0]!.data as { words: number }).words).toBe(11);
  });

  it("is still awaited after a message the coach refuses (an answer over the word limit)", async () => {
    const session = newSession();
    await engine.respond(session, "critique:");
    await expect(engine.respond(session, "a ".repeat(5001))).rejects.toThrow(/limit is 5000/);
    expect(session.awaitingCritique).toBe(true);
    expect(cardTypes(await engine.respond(session, ANSWER))).toEqual(["critique"]);
  });

  it("is critiqued in a session saved while it was awaited and resumed", async () => {
    const store = new SessionStore(mkdtempSync(path.join(os.tmpdir(), "coach-awaited-")));
    const session = store.create();
    await engine.respond(session, "critique:");
    await store.save(session);
    const resumed = await store.load(session.id);
    expect(resumed.awaitingCritique).toBe(true);
    expect(cardTypes(await engine.respond(resumed, ANSWER))).toEqual(["critique"]);
  });

  it("a session saved before the coach waited for answers loads, waiting for none", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-old-session-"));
    const store = new SessionStore(folder);
    const session = store.create();
    await engine.respond(session, "Tell me about a time you failed?");
    await store.save(session);
    const file = path.join(folder, `${session.id}.json`);
    const { awaitingCritique, ...old } = JSON.parse(readFileSync(file, "utf8"));
    expect(awaitingCritique).toBe(false);
    writeFileSync(file, JSON.stringify(old, null, 2));
    const loaded = await store.load(session.id);
    expect(loaded.awaitingCritique).toBe(false);
    expect(loaded.messages).toHaveLength(2);
    expect(cardTypes(await engine.respond(loaded, ANSWER))).toEqual(["matches"]);
  });
});

describe("a message after an empty 'critique:' that is not the answer (review)", () => {
  it("an interview question sent instead is searched for stories, not critiqued against itself", async () => {
    for (const question of ["Tell me about a time you failed?", "Describe a conflict with a peer.", "What was your biggest mistake?"]) {
      const session = newSession();
      await engine.respond(session, "critique:");
      const reply = await engine.respond(session, question);
      expect(cardTypes(reply), question).toEqual(["matches"]);
      expect(session.awaitingCritique).toBe(false);
    }
  });

  it("an answer that only ends on a question of its own is still the answer", async () => {
    const session = newSession();
    await engine.respond(session, "critique:");
    const reply = await engine.respond(session, "I automated the release checklist and we never missed a step again, so why had nobody done it sooner?");
    expect(cardTypes(reply)).toEqual(["critique"]);
  });

  it("'cancel', 'never mind' or a message with no words takes the request back, critiquing nothing", async () => {
    for (const withdrawal of ["cancel", "Never mind.", "oops, wrong window", "..."]) {
      const session = newSession();
      await engine.respond(session, "critique:");
      const reply = await engine.respond(session, withdrawal);
      expect(reply.cards, withdrawal).toEqual([]);
      expect(reply.text, withdrawal).toMatch(/^All right, nothing to critique\./);
      expect(session.awaitingCritique).toBe(false);
      // And the next short answer is matched as usual, no longer critiqued.
      expect(cardTypes(await engine.respond(session, "Tell me about a time you failed?"))).toEqual(["matches"]);
    }
  });
});
