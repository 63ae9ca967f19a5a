import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { runCoach } from "../support/run-coach.js";
import { startTestLlmServer } from "../support/test-llm-server.js";

const THIN = "We fixed it.";
const FOLLOW_UP = "I rewrote the retry logic myself and the errors dropped from 40 a day to 2.";
const COMPLETE =
  "At my last job our nightly billing export failed twice a week and finance could not close the books on time. I owned the export, so I traced the failures to a schema change upstream, wrote a contract test, and added an alert. The export has not failed since, saving finance about 6 hours a week. I learned to add a contract test whenever we depend on another team's data.";

describe("coach chat through piped stdin", () => {
  const store = mkdtempSync(path.join(os.tmpdir(), "coach-chat-"));

  it("runs a full mock interview: bank questions, one follow-up for a thin answer, then a summary", async () => {
    const run = await runCoach(["chat", "--store", store], { input: ["interview me on Ownership and Dive Deep", THIN, FOLLOW_UP, COMPLETE, ""].join("\n") });
    expect(run.code).toBe(0);
    const bank = readQuestionBank();
    const asked = [...run.stdout.matchAll(/Question (\d) of 2 \(([^)]+)\): (.+)/g)].map((match) => ({ principle: match[2], question: match[3] }));
    expect(asked.map((entry) => entry.principle)).toEqual(["Ownership", "Dive Deep"]);
    for (const entry of asked) expect(bank.find((question) => question.question === entry.question)?.principles[0]).toBe(entry.principle);
    expect(new Set(asked.map((entry) => entry.question)).size).toBe(2);
    // The thin answer (a line: not yet a story) gets exactly one follow-up about its gap, then the interview moves on.
    expect(run.stdout).toMatch(/That's only a line or two\. Can you walk me through one specific time that happened\?/);
    expect(run.stdout).toMatch(/Interview summary:\n- Ownership: \d+\/100\n- Dive Deep: \d+\/100/);
    expect(run.stdout).toMatch(/Practise next:/);
    const sessionId = /session (s-[0-9a-f]+)/.exec(run.stderr)![1]!;
    const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${sessionId}.json`), "utf8"));
    expect(saved.interview.turns.map((turn: any) => turn.followUp !== null)).toEqual([true, false]);
    expect(saved.interview.turns[0].answer).toBe(`${THIN}\n${FOLLOW_UP}`);
    expect(saved.messages).toHaveLength(8);
  });

  it("takes an interview answer that opens with 'Next' as the answer, not as 'skip'", async () => {
    const answer = "Next quarter our biggest customer threatened to churn, so I flew out, mapped their open tickets with their team, fixed the top three myself, and they renewed for 2 years.";
    const run = await runCoach(["chat", "--store", store], { input: ["interview me on Ownership and Frugality", answer, "next question", ""].join("\n") });
    expect(run.code).toBe(0);
    const sessionId = /session (s-[0-9a-f]+)/.exec(run.stderr)![1]!;
    const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${sessionId}.json`), "utf8"));
    expect(saved.interview.turns[0].answer).toBe(answer);
    expect(saved.messages[3].text).not.toMatch(/^Skipped/);
    expect(saved.messages[5].text).toMatch(/^Skipped/);
  });

  it("resumes a session, and finds stories for a pasted question", async () => {
    const first = await runCoach(["chat", "--store", store], { input: "Which story for: tell me about a time you failed?\n" });
    const id = /session (s-[0-9a-f]+)/.exec(first.stderr)![1]!;
    expect(first.stdout).toMatch(/1\. Tell Me About a Time You Failed/);
    const resumed = await runCoach(["chat", "--store", store, "--session", id], { input: "help\n" });
    expect(resumed.stderr).toMatch(new RegExp(`session ${id} resumed \\(2 messages\\)`));
    expect(resumed.stdout).toMatch(/mock interview/);
    const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${id}.json`), "utf8"));
    expect(saved.messages.map((message: any) => message.role)).toEqual(["user", "coach", "user", "coach"]);
    expect(readdirSync(path.join(store, "sessions")).length).toBeGreaterThanOrEqual(2);
  });

  it("critiques the answer sent on its own after an empty 'critique:', also in the session resumed; 'quit' drops the request", async () => {
    // 11 words: under the 60 that are critiqued as they are.
    const answer = "I rewrote the paging rules and cut false pages by 60%.";
    const critiqued = /Against "Tell me about a time you made a difference at work\.": score \d+\/100 \(situation/;
    const run = await runCoach(["chat", "--store", store], { input: ["critique:", answer, ""].join("\n") });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Which answer? Just send it as your next message");
    expect(run.stdout).toMatch(critiqued);
    expect(run.stdout).not.toMatch(/\n1\. /);

    // Asked for, then left with the input's end: the resumed session takes its first message as the answer.
    const asked = await runCoach(["chat", "--store", store], { input: "/critique\n" });
    const id = /session (s-[0-9a-f]+)/.exec(asked.stderr)![1]!;
    const file = path.join(store, "sessions", `${id}.json`);
    expect(JSON.parse(readFileSync(file, "utf8")).awaitingCritique).toBe(true);
    const resumed = await runCoach(["chat", "--store", store, "--session", id], { input: `${answer}\n` });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(critiqued);
    expect(JSON.parse(readFileSync(file, "utf8")).awaitingCritique).toBe(false);

    // "quit" is a command like the others: it drops the request before leaving.
    const left = await runCoach(["chat", "--store", store], { input: "critique:\nquit\n" });
    const leftId = /session (s-[0-9a-f]+)/.exec(left.stderr)![1]!;
    const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${leftId}.json`), "utf8"));
    expect(saved.awaitingCritique).toBe(false);
    expect(saved.messages).toHaveLength(2);
  });

  it("shows a story title's escape sequences as text in chat, never sends them to the terminal", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-chat-escapes-"));
    const bank = path.join(folder, "bank.md");
    writeFileSync(bank, "# Fixed the \u001b[31mred\u001b]0;pwned\u0007 outage\n\nSituation: Checkout failed for 5% of users.\nAction: I rolled back the release and added a canary.\nResult: Failures fell to zero within an hour.\n");
    const indexed = await runCoach(["index", bank, "--store", path.join(folder, "store")]);
    expect(indexed.code, indexed.stderr).toBe(0);
    const run = await runCoach(["chat", "--store", path.join(folder, "store")], { input: "Tell me about a time you fixed an outage\n" });
    expect(run.stdout).toContain("\ufffd[31mred");
    expect(run.stdout).not.toMatch(/[\u001b\u0007]/);
  });

  it("refuses an over-long message with a clear line and goes on; the session it named resumes", async () => {
    const tooLong = `critique: ${"a ".repeat(5001)}`;
    const run = await runCoach(["chat", "--store", store], { input: [tooLong, "coverage", ""].join("\n") });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/coach: not taken: the answer is 5001 words; the limit is 5000/);
    expect(run.stdout).toMatch(/Customer Obsession: /);
    const id = /resume later with --session (s-[0-9a-f]+)/.exec(run.stderr)![1]!;
    const saved = JSON.parse(readFileSync(path.join(store, "sessions", `${id}.json`), "utf8"));
    expect(saved.messages.map((message: any) => message.text)[0]).toBe("coverage");
    expect(saved.messages).toHaveLength(2);

    // Refused as the first and only message: the id it printed still resumes.
    const only = await runCoach(["chat", "--store", store], { input: `${tooLong}\n` });
    expect(only.code).toBe(0);
    const onlyId = /resume later with --session (s-[0-9a-f]+)/.exec(only.stderr)![1]!;
    const resumed = await runCoach(["chat", "--store", store, "--session", onlyId], { input: "help\n" });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`session ${onlyId} resumed \\(0 messages\\)`));
  });

  it("a store where sessions cannot be written is STORE_INACCESSIBLE naming the store, not an internal error", async () => {
    const blocked = mkdtempSync(path.join(os.tmpdir(), "coach-chat-blocked-"));
    writeFileSync(path.join(blocked, "sessions"), "a file where the sessions folder should be");
    const run = await runCoach(["chat", "--store", blocked], { input: "help\n" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot write to the store ${blocked}: a file stands where a folder should be`);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it("an unknown session is a clear input error", async () => {
    const run = await runCoach(["chat", "--store", store, "--session", "s-doesnotexist"], { input: "" });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/no session "s-doesnotexist"/);
    // The message names the flag at fault (contracts: exit codes).
    expect(run.stderr).toMatch(/--session: no session "s-doesnotexist"/);
  });

  it("--session with a value that is no session id, or none, is a usage error naming the flag (exit 2), and starts no session", async () => {
    const before = readdirSync(path.join(store, "sessions")).length;
    for (const value of ["../../etc/passwd", "", "  "]) {
      const run = await runCoach(["chat", "--store", store, "--session", value], { input: "help\n" });
      expect(run.code, JSON.stringify(value)).toBe(2);
      expect(run.stderr).toMatch(/^coach: --session: /m);
      expect(run.stdout).toBe("");
    }
    expect(readdirSync(path.join(store, "sessions")).length).toBe(before);
  });

  it("with a provider, a model stream that stalls part-way times out and the offline coach answers; the chat goes on", async () => {
    const llm = await startTestLlmServer();
    try {
      llm.fault("chat", { kind: "stall-stream", afterChunks: 4 });
      llm.reply({ content: "Lead with your result. Then say what you did yourself." }, { content: "Practise it aloud." });
      const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "1000" };
      const run = await runCoach(["chat", "--store", mkdtempSync(path.join(os.tmpdir(), "coach-chat-stall-"))], { env, input: "Which story for: tell me about a time you failed?\nAnd then?\n", timeoutMs: 15_000 });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/1\. Tell Me About a Time You Failed/);
      expect(run.stdout).toContain("Practise it aloud.");
      expect(run.stderr).toMatch(/sent nothing for 1000 ms.*the offline coach answers instead/);
    } finally {
      await llm.close();
    }
  }, 20_000);

  it("with a provider, a malformed model stream gets our one-line notice, never the SDK's dump of the provider's output", async () => {
    const llm = await startTestLlmServer();
    try {
      llm.fault("chat", { kind: "bad-chunk", afterChunks: 6 });
      llm.reply({ content: "Lead with your result. Then say what you did yourself." });
      const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" };
      const run = await runCoach(["chat", "--store", mkdtempSync(path.join(os.tmpdir(), "coach-chat-bad-"))], { env, input: "Which story for: tell me about a time you failed?\n" });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/1\. Tell Me About a Time You Failed/);
      expect(run.stderr).not.toMatch(/Could not parse|From chunk|not json/);
      expect(run.stderr).toMatch(/a piece of the model's stream was not JSON.*unfinished reply is dropped; the offline coach answers instead/);
      // The model's unfinished sentence cannot be unprinted, but the offline answer is not glued to it.
      expect(run.stdout).toMatch(/Lead with your result\.\nFor "tell me about a time you failed\?"/);
    } finally {
      await llm.close();
    }
  });

  it("with a provider, a mock-interview answer is scored offline at once: a stalling model is never asked", async () => {
    const llm = await startTestLlmServer();
    try {
      llm.fault("chat", { kind: "stall-body" }, { kind: "stall-body" });
      const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "1000" };
      const run = await runCoach(["chat", "--store", mkdtempSync(path.join(os.tmpdir(), "coach-chat-critic-stall-"))], { env, input: ["interview me on Frugality", COMPLETE, ""].join("\n"), timeoutMs: 15_000 });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Interview summary:\n- Frugality: \d+\/100/);
      expect(run.stderr).not.toMatch(/sent nothing|unavailable/);
      expect(llm.requestsTo("chat")).toHaveLength(0);
    } finally {
      await llm.close();
    }
  }, 20_000);
});
