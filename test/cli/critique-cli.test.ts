import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { CritiqueResponseSchema } from "../../src/server/api-response-schemas.js";
import { jsonLines, runCoach } from "../support/run-coach.js";

// The contract's `coach critique --json` line, offline: no LLM part, and one to three follow-ups.
const CritiqueLine = CritiqueResponseSchema.extend({ followUps: z.array(z.string()).min(1).max(3), llm: z.null() });

const ANSWER = "When our nightly report kept failing, I traced it to a schema change upstream, patched the parser and added a contract test. The report has not failed since, and it saved the analysts about 5 hours a week.";

describe("coach critique", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-critique-"));

  it("prints a contract-shaped JSON line whose spans slice back to the answer", async () => {
    const run = await runCoach(["critique", "--question", "Tell me about a time you fixed something broken.", "--answer", ANSWER, "--json"]);
    expect(run.code).toBe(0);
    const [line] = jsonLines(run.stdout);
    CritiqueLine.parse(line);
    for (const part of Object.values(line.star) as Array<{ spans: Array<{ start: number; end: number; text: string }> }>) {
      for (const span of part.spans) expect(ANSWER.slice(span.start, span.end)).toBe(span.text);
    }
    expect(line.quantified).toBe(true);
  });

  it("reads the answer from a file or stdin, and prints a readable report by default", async () => {
    const file = path.join(folder, "answer.txt");
    writeFileSync(file, ANSWER);
    const fromFile = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer-file", file]);
    expect(fromFile.stdout).toMatch(/^Score \d+\/100/);
    expect(fromFile.stdout).toMatch(/An interviewer would ask:/);
    const fromStdin = await runCoach(["critique", "--question", "Tell me about a fix.", "--json"], { input: ANSWER });
    expect(jsonLines(fromStdin.stdout)[0].words).toBe(jsonLines((await runCoach(["critique", "--question", "Tell me about a fix.", "--answer-file", file, "--json"])).stdout)[0].words);
  });

  it("gives offsets into an answer file's own text: Windows line ends and a byte-order mark are kept", async () => {
    const labelled = "Situation: At Acme checkout failed 5% of requests.\r\nTask: I had to fix it.\r\nAction: I profiled the service and patched the retry loop.\r\nResult: Errors dropped to 0.1% within a week.\r\n";
    for (const [name, bytes] of [
      ["crlf.txt", Buffer.from(labelled)],
      ["bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(labelled)])],
      // A file saved twice with a mark: Node keeps both.
      ["two-boms.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(labelled)])],
    ] as const) {
      const file = path.join(folder, name);
      writeFileSync(file, bytes);
      // What a script reading the file finds (Node keeps the mark as U+FEFF, as Python's "utf-8" does).
      const asRead = readFileSync(file, "utf8");
      const run = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer-file", file, "--json"]);
      expect(run.code).toBe(0);
      const [line] = jsonLines(run.stdout);
      expect(line.star.action.spans.map((span: { text: string }) => span.text)).toEqual(["I profiled the service and patched the retry loop."]);
      expect(line.star.task.spans.map((span: { text: string }) => span.text)).toEqual(["I had to fix it."]);
      for (const part of Object.values(line.star) as Array<{ spans: Array<{ start: number; end: number; text: string }> }>) {
        for (const span of part.spans) expect(asRead.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it("--batch keeps going past a malformed line, answers in order, and exits 1", async () => {
    const batch = path.join(folder, "batch.jsonl");
    writeFileSync(batch, [JSON.stringify({ id: "a", question: "Q1?", answer: ANSWER }), "{not json", JSON.stringify({ id: "c", question: "Q3?" }), JSON.stringify({ id: "d", question: "Q4?", answer: ANSWER })].join("\n"));
    const run = await runCoach(["critique", "--batch", batch, "--json"]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.id)).toEqual(["a", "line-2", "c", "d"]);
    expect(lines[1].error.code).toBe("INPUT_NOT_PARSEABLE");
    expect(lines[2].error.message).toMatch(/needs string fields/);
    expect(lines[3].score).toBe(lines[0].score);
  });

  it("--batch keeps output lines aligned with input lines: a blank line or a non-string id gets an error line", async () => {
    const batch = path.join(folder, "batch-aligned.jsonl");
    writeFileSync(batch, [JSON.stringify({ id: "a", question: "Q1?", answer: ANSWER }), "", JSON.stringify({ id: 5, question: "Q3?", answer: ANSWER }), JSON.stringify({ id: "d", question: "Q4?", answer: ANSWER }), "", ""].join("\n"));
    const run = await runCoach(["critique", "--batch", batch, "--json"]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.id)).toEqual(["a", "line-2", 5, "d"]);
    expect(lines[1].error).toEqual({ code: "INPUT_EMPTY", message: `${batch}:2: empty line; each line needs {"id", "question", "answer"}.` });
    expect(lines[2].error).toEqual({ code: "INPUT_NOT_PARSEABLE", message: `${batch}:3: "id" must be a string.` });
    expect(lines[3].score).toBe(lines[0].score);
  });

  it("--batch gives offsets into each answer as its JSON string holds it: runs of no-break spaces kept, CRLF lines and a byte-order mark read", async () => {
    const answer = `Our nightly billing job kept failing.${"\u00a0".repeat(70)}I rewrote the retry logic and added an alert. It has not failed since.`;
    const batch = path.join(folder, "batch-verbatim.jsonl");
    writeFileSync(batch, `\uFEFF${JSON.stringify({ id: "a", question: "Tell me about a fix.", answer })}\r\n${JSON.stringify({ id: "b", question: "Tell me about a fix.", answer })}\r\n`);
    const run = await runCoach(["critique", "--batch", batch, "--json"]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.id)).toEqual(["a", "b"]);
    for (const line of lines) {
      expect(line.star.action.spans.map((span: { text: string }) => span.text)).toEqual(["I rewrote the retry logic and added an alert."]);
      for (const part of Object.values(line.star) as Array<{ spans: Array<{ start: number; end: number; text: string }> }>) {
        for (const span of part.spans) expect(answer.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it("--batch answers a line that is JSON but not an object with an error line, and goes on", async () => {
    const batch = path.join(folder, "batch-null.jsonl");
    writeFileSync(batch, [JSON.stringify({ id: "a", question: "Q1?", answer: ANSWER }), "null", "[1, 2]", JSON.stringify({ id: "d", question: "Q4?", answer: ANSWER })].join("\n"));
    const run = await runCoach(["critique", "--batch", batch, "--json"]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.id)).toEqual(["a", "line-2", "line-3", "d"]);
    expect(lines[1].error).toEqual({ code: "INPUT_NOT_PARSEABLE", message: `${batch}:2: needs a JSON object {"id", "question", "answer"}.` });
  });

  it("--batch names the file and line of an empty field, and prints a row for every input line without --json", async () => {
    const batch = path.join(folder, "batch-empty.jsonl");
    writeFileSync(batch, [JSON.stringify({ id: "a", question: "Q1?", answer: ANSWER }), JSON.stringify({ id: "b", question: " ", answer: ANSWER })].join("\n"));
    const json = await runCoach(["critique", "--batch", batch, "--json"]);
    expect(json.code).toBe(1);
    expect(jsonLines(json.stdout)[1].error).toEqual({ code: "INPUT_EMPTY", message: `${batch}:2: "question" is empty.` });
    const table = await runCoach(["critique", "--batch", batch]);
    expect(table.stdout.trim().split("\n")).toHaveLength(2);
    expect(table.stdout).toMatch(/^b +ERR +INPUT_EMPTY$/m);
    expect(table.stderr).toContain(`${batch}:2: "question" is empty.`);
  });

  it("a binary or empty answer or batch file is an input error (exit 3); two ways in at once is a usage error (exit 2)", async () => {
    const binary = path.join(folder, "answer.bin");
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]));
    const empty = path.join(folder, "empty.jsonl");
    writeFileSync(empty, "");
    const fromBinary = await runCoach(["critique", "--question", "Q?", "--answer-file", binary]);
    expect(fromBinary.code).toBe(3);
    expect(fromBinary.stderr).toMatch(/answer\.bin looks like a binary file/);
    const emptyBatch = await runCoach(["critique", "--batch", empty, "--json"]);
    expect(emptyBatch.code).toBe(3);
    expect(emptyBatch.stderr).toMatch(/empty\.jsonl: is empty/);
    expect((await runCoach(["critique", "--question", "Q?", "--answer", "x", "--answer-file", binary])).code).toBe(2);
    const twoModes = await runCoach(["critique", "--question", "Q?", "--answer", ANSWER, "--batch", empty]);
    expect(twoModes.code).toBe(2);
    expect(twoModes.stderr).toMatch(/--question\/--answer and --batch cannot be used together/);
    expect((await runCoach(["critique", "--batch", empty, "--bank", "corpus/sample-bank"])).code).toBe(2);
  });

  it("--bank audits every story, worst first", async () => {
    const run = await runCoach(["critique", "--bank", "corpus/sample-bank", "--json"]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(33);
    for (let i = 1; i < lines.length; i++) expect(lines[i].score).toBeGreaterThanOrEqual(lines[i - 1].score);
  });

  it("--bank names the question and the answer each story was critiqued as, so its spans slice back to that answer", async () => {
    const bank = path.join(folder, "spans.md");
    writeFileSync(bank, "## Rolled back the 🚀 release\r\n\r\n**Situation:** The release broke checkout for 🛒 mobile users.\r\n**Action:** I rolled it back and added a canary stage.\r\n**Result:** Checkout errors fell from 4% to 0.1%.\r\n\r\n### 2) Tell me about a time you disagreed with your manager.\r\nI pushed back on the launch date with the bug counts; we moved it a week and shipped with no sev-1s.\r\n");
    const lines = jsonLines((await runCoach(["critique", "--bank", bank, "--json"])).stdout);
    expect(lines).toHaveLength(2);
    const byTitle = new Map(lines.map((line) => [line.title, line]));
    // A story with no question of its own is critiqued against one made from its title or principle; one headed by a question, against it.
    expect(byTitle.get("Tell me about a time you disagreed with your manager.")!.question).toBe("Tell me about a time you disagreed with your manager.");
    const rollback = byTitle.get("Rolled back the 🚀 release")!;
    expect(typeof rollback.question).toBe("string");
    expect(rollback.answer).toContain("I rolled it back and added a canary stage.");
    let spans = 0;
    for (const line of lines) {
      for (const part of Object.values(line.star) as Array<{ spans: Array<{ start: number; end: number; text: string }> }>) {
        for (const span of part.spans) {
          expect(line.answer.slice(span.start, span.end)).toBe(span.text);
          spans++;
        }
      }
    }
    expect(spans).toBeGreaterThanOrEqual(4);
  });

  it("--bank keeps the labels of a partly labelled story", async () => {
    const bank = path.join(folder, "partial.md");
    writeFileSync(bank, "## Fixed the payment retries\n\nCard payments failed every night and nobody owned the retry job.\n**Action:** I rewrote the retry queue with backoff and alerts.\n**Result:** Failed payments fell by 87% within a month.\n");
    const [line] = jsonLines((await runCoach(["critique", "--bank", bank, "--json"])).stdout);
    expect(line.star.action.spans.map((span: { text: string }) => span.text)).toEqual(["I rewrote the retry queue with backoff and alerts."]);
    expect(line.star.result.spans.map((span: { text: string }) => span.text)).toEqual(["Failed payments fell by 87% within a month."]);
    expect(line.quantified).toBe(true);
  });

  it("--bank grades each story's parts as the writer labelled them, as `coach stories` reads them", async () => {
    const bank = path.join(folder, "labelled.md");
    writeFileSync(bank, "## Automated the morning export\n\n**Situation:** Analysts downloaded CSV files by hand every morning.\n**Action:** I wrote a script that copies the files to S3 on a schedule.\n**Result:** Saved 5 hours of analyst time per week.\n");
    const [line] = jsonLines((await runCoach(["critique", "--bank", bank, "--json"])).stdout);
    expect(line.star.result.present).toBe(true);
    expect(line.star.result.spans.map((span: { text: string }) => span.text)).toEqual(["Saved 5 hours of analyst time per week."]);
    expect(line.quantified).toBe(true);
    expect(line.issues.map((issue: { code: string }) => issue.code)).not.toContain("MISSING_RESULT");
  });

  it("bad input: empty answer exits 2, unreadable answer file exits 3, a question over 2,000 characters exits 3 as for match", async () => {
    const empty = await runCoach(["critique", "--question", "Q?", "--answer", " "]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/the answer is empty: give it with --answer/);
    const long = await runCoach(["critique", "--question", "q".repeat(2001), "--answer", ANSWER]);
    expect(long.code).toBe(3);
    expect(long.stderr).toMatch(/the question is 2001 characters; the limit is 2000/);
    const missing = await runCoach(["critique", "--question", "Q?", "--answer-file", path.join(folder, "nope.txt")]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("nope.txt");
  });
});

import { afterAll, beforeAll } from "vitest";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

describe("coach critique with an OpenAI-compatible provider", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
    llm.reply({
      json: {
        parts: { situation: { feedback: "ok" }, task: { feedback: "ok" }, action: { feedback: "ok" }, result: { feedback: "ok" }, lesson: { feedback: "n/a" } },
        strengths: ["Clear fix"],
        improvements: ["Say how often it failed before."],
        followUps: ["How did you find the schema change?"],
        improvedAnswer: "I patched the parser, which saved the analysts 12 hours a week.",
      },
    });
  });
  afterAll(async () => llm.close());

  it("adds the model's coaching with invented figures replaced", async () => {
    const run = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer", ANSWER, "--json"], {
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url },
    });
    expect(run.code).toBe(0);
    const [line] = jsonLines(run.stdout);
    expect(line.llm).toMatchObject({ fallback: false, strengths: ["Clear fix"] });
    expect(line.llm.improvedAnswer).toBe("I patched the parser, which saved the analysts [timeframe] a week.");
  });

  it("shows the model the closest stories from the indexed bank, and keeps their figures", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-critique-bank-"));
    expect((await runCoach(["index", "corpus/sample-bank", "--store", store])).code).toBe(0);
    llm.requests.length = 0;
    const run = await runCoach(["critique", "--question", "Tell me about a time you cut costs.", "--answer", "I cut the reporting cluster bill by more than half.", "--json", "--store", store], {
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url },
    });
    expect(run.code).toBe(0);
    const content = llm.requestsTo("chat")[0]!.body.messages[1].content as string;
    const input = JSON.parse(content.slice(content.indexOf("{")));
    expect(input.storyBankExcerpts).toHaveLength(2);
    expect(input.storyBankExcerpts.join("\n")).toMatch(/reporting cluster/i);
    expect(llm.requestsTo("embeddings")).toHaveLength(0);
  });

  it("shows the model's coaching in the readable report, its improved answer with placeholders", async () => {
    // The reply queued in beforeAll (or, once used, repeated by the test server).
    const run = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer", ANSWER], {
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_HOME: mkdtempSync(path.join(os.tmpdir(), "coach-coaching-")) },
    });
    expect(run.code).toBe(0);
    const shown = run.stdout.slice(run.stdout.indexOf("Coaching ("));
    expect(shown).toMatch(/^Coaching \(openai:gpt-4o-mini\):\n  Situation ok\n  Task      ok\n  Action    ok\n  Result    ok\n  Lesson    n\/a\n/);
    expect(shown).toContain("Strengths:\n  - Clear fix");
    expect(shown).toContain("To improve:\n  - Say how often it failed before.\n  - The improved answer needs your real figure or name where it says [timeframe].");
    expect(shown).toContain("An improved answer (replace each [placeholder] with your real figure or name):\n  I patched the parser, which saved the analysts [timeframe] a week.");
  });

  it("says when it will ask a rate-limited provider again, rather than waiting in silence", async () => {
    const reply = {
      json: {
        parts: { situation: { feedback: "ok" }, task: { feedback: "ok" }, action: { feedback: "ok" }, result: { feedback: "ok" }, lesson: { feedback: "n/a" } },
        strengths: ["Clear fix"],
        improvements: ["Say how often it failed before."],
        followUps: ["How did you find the schema change?"],
        improvedAnswer: "I patched the parser.",
      },
    };
    llm.fault("chat", { kind: "status", status: 429, retryAfterSeconds: 1 });
    llm.reply(reply);
    const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "1" };
    const run = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer", ANSWER, "--json"], { env: { ...env, COACH_HOME: mkdtempSync(path.join(os.tmpdir(), "coach-retry-")) } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("coach: the provider is rate-limiting requests (HTTP 429); asking again in 1 s (retry 1 of 1).");
    expect(jsonLines(run.stdout)[0].llm).toMatchObject({ fallback: false, strengths: ["Clear fix"] });
    // With no retry left, nothing is promised: the fallback notice says what happened.
    llm.fault("chat", { kind: "status", status: 429, retryAfterSeconds: 1 });
    const last = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer", ANSWER, "--json"], { env: { ...env, COACH_MAX_RETRIES: "0", COACH_HOME: mkdtempSync(path.join(os.tmpdir(), "coach-retry-")) } });
    expect(last.stderr).not.toContain("asking again");
    expect(jsonLines(last.stdout)[0].llm).toMatchObject({ fallback: true });
  });

  it("falls back to the offline critique, with a notice, when the provider cannot be reached", async () => {
    const run = await runCoach(["critique", "--question", "Tell me about a fix.", "--answer", ANSWER, "--json"], {
      // A fresh store: the cached reply from the test above would otherwise (rightly) be reused.
      env: { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:1/v1", COACH_MAX_RETRIES: "0", COACH_HOME: mkdtempSync(path.join(os.tmpdir(), "coach-fresh-")) },
    });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0].llm).toMatchObject({ fallback: true });
    expect(run.stderr).toMatch(/LLM critique unavailable.*cannot reach the provider/);
  });
});
