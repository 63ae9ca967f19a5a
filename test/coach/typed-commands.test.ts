import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, SessionStore, isLeaveCommand, readTypedCommand } from "../../src/coach/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { runCoach, SAMPLE_BANK } from "../support/run-coach.js";

let engine: CoachEngine;
beforeAll(async () => {
  const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
  engine = new CoachEngine({ matcher: await createInMemoryMatcher(stories, new InterviewEmbedder()), critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() });
});
const newSession = () => ({ ...new SessionStore("/nonexistent").create(), id: "s-typedcommand1" });

describe("commands typed from habit in other tools", () => {
  it("reads '/quit', ':q', '/help' and '/critique <answer>' as the commands they stand for", () => {
    expect(readTypedCommand("/quit")).toEqual({ known: true, plain: "quit" });
    expect(readTypedCommand(":q")).toEqual({ known: true, plain: "quit" });
    expect(readTypedCommand(":wq")).toEqual({ known: true, plain: "quit" });
    expect(readTypedCommand("/help")).toEqual({ known: true, plain: "help" });
    expect(readTypedCommand("/critique I rewrote the retry logic.")).toEqual({ known: true, plain: "critique: I rewrote the retry logic." });
    expect(readTypedCommand("/interview Ownership")).toEqual({ known: true, plain: "interview me on Ownership" });
    expect(readTypedCommand("/frobnicate")).toEqual({ known: false, name: "/frobnicate" });
    // Not commands: a question, a smiley, a path with more after it.
    expect(readTypedCommand("Tell me about a time you failed.")).toBeNull();
    expect(readTypedCommand(":)")).toBeNull();
    expect(readTypedCommand("/r/cscareerquestions says hi")).toBeNull();
    for (const leave of ["quit", "exit", "bye", "/quit", "/exit", ":q", ":q!"]) expect(isLeaveCommand(leave)).toBe(true);
    expect(isLeaveCommand("/help")).toBe(false);
  });

  it("answers '/help' with the help and an unknown command with the list of commands, never with a story search", async () => {
    const help = await engine.respond(newSession(), "/help");
    expect(help.text).toMatch(/^I can:/);
    const unknown = await engine.respond(newSession(), "/frobnicate");
    expect(unknown.text).toMatch(/^There is no "\/frobnicate" command\. Commands: "help"/);
    expect(unknown.cards).toEqual([]);
    const quit = await engine.respond(newSession(), "/quit");
    expect(quit.cards).toEqual([]);
    expect(quit.text).toMatch(/^No mock interview is running/);
  });

  it("ends a mock interview on ':q' as on 'stop', with the summary", async () => {
    const session = newSession();
    await engine.respond(session, "interview me on Ownership");
    const reply = await engine.respond(session, ":q");
    expect(reply.text).toMatch(/^Stopping here\./);
    expect(reply.text).toMatch(/Interview summary:/);
    expect(session.interview!.current).toBeNull();
  });

  it("asks for the answer when 'critique:' comes with none, rather than searching for stories", async () => {
    for (const empty of ["critique:", "critique", "Review my answer:", "/critique"]) {
      const reply = await engine.respond(newSession(), empty);
      expect(reply.text).toMatch(/^Which answer\? Just send it as your next message and I'll critique it \(or in one message, after "critique:"/);
      expect(reply.cards).toEqual([]);
    }
  });

  it("does not take an empty 'critique:' mid-interview for the answer", async () => {
    const session = newSession();
    await engine.respond(session, "interview me on Ownership");
    const reply = await engine.respond(session, "critique:");
    expect(reply.text).toMatch(/^Just answer the question as you would out loud/);
    expect(session.interview!.turns[0]!.answer).toBe("");
  });

  it("leaves coach chat on '/quit' and ':q', as on 'quit'", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-typed-"));
    for (const leave of ["/quit", ":q"]) {
      const run = await runCoach(["chat", "--store", store], { input: [leave, "Tell me about a time you failed.", ""].join("\n") });
      expect(run.code).toBe(0);
      const id = /session (s-[0-9a-f]+)/.exec(run.stderr)![1]!;
      const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${id}.json`), "utf8"));
      // Left before the question: nothing was said, and nothing searched.
      expect(saved.messages).toEqual([]);
    }
  });
});
