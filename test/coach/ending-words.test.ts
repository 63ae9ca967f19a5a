import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "../../src/bank/index.js";
import { CoachEngine, SessionStore } from "../../src/coach/index.js";
import { isStopCommand } from "../../src/coach/chat-commands.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { SAMPLE_BANK, runCoach } from "../support/run-coach.js";

// Users end a mock interview with the words other apps taught them (audit with non-native speakers): "exit", "I'm
// done", "finish". Only the whole message is a command: an answer may well start "At the end of the sprint...".

const ENDINGS = ["end", "end it", "quit", "exit", "I'm done", "I’m done", "i am done", "finish", "done", "Exit.", "I'm done, thanks", "ok, end the interview"];
const ANSWERS = [
  "At the end of the sprint I found the release was missing two fixes, so I held it back a day.",
  "I'm done with the migration part, so I moved the reports next and cut their run time from 2 hours to 10 minutes.",
  "Finish line was close, and I asked two colleagues to review the last tickets with me.",
  "End of the quarter, we were 20% behind target.",
];

describe("ending a mock interview", () => {
  it("reads the usual ending words as 'stop', and an answer that contains them as an answer", () => {
    for (const text of ENDINGS) expect(isStopCommand(text), text).toBe(true);
    for (const text of ANSWERS) expect(isStopCommand(text), text).toBe(false);
  });

  it("ends the interview with its summary on \"I'm done\" and on \"exit\", as on \"stop\"", async () => {
    const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
    const engine = new CoachEngine({ matcher: await createInMemoryMatcher(stories, new InterviewEmbedder()), critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() });
    for (const ending of ["I'm done", "exit", "finish"]) {
      const session = new SessionStore("/nonexistent").create();
      await engine.respond(session, "interview me on Ownership and Dive Deep");
      const reply = await engine.respond(session, ending);
      expect(reply.text, ending).toMatch(/Interview summary/);
      expect(session.interview!.current, ending).toBeNull();
      // Not taken as an answer to the question on the table.
      expect(session.interview!.turns[0]!.answer, ending).toBe("");
    }
  });

  it("in coach chat, 'quit' mid-interview prints and saves the summary before leaving", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-chat-quit-"));
    const run = await runCoach(["chat", "--store", store], { input: ["interview me on Ownership", "quit", "this line is never read", ""].join("\n") });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Interview summary/);
    const sessionId = /session (s-[0-9a-f]+)/.exec(run.stderr)![1]!;
    const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${sessionId}.json`), "utf8"));
    expect(saved.interview.current).toBeNull();
    expect(saved.messages.map((message: { text: string }) => message.text)).not.toContain("this line is never read");
  });
});
