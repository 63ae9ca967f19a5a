import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatchResponseSchema } from "../../src/server/api-response-schemas.js";
import { jsonLines, runCoach, SAMPLE_BANK } from "../support/run-coach.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const FAILURE_STORY = "by-principle-tell-me-about-a-time-you-failed";

describe("coach match --distinct (planning a loop without telling a story twice)", () => {
  let cwd: string;
  let questions: string;
  beforeAll(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-distinct-"));
    questions = path.join(cwd, "loop.txt");
    // Two failure questions, a blank line and a line with no words (an error line that must not stop the plan).
    writeFileSync(questions, "Tell me about a time you failed.\n\n?\nTell me about a time you made a mistake.\n");
  });

  it("gives each question a different lead story and says where the shared one went", async () => {
    const plain = await runCoach(["match", "--bank", SAMPLE_BANK, "--questions", questions, "--json"], { cwd });
    const [failed, , mistake] = jsonLines(plain.stdout);
    // Without planning, both failure questions lead with the bank's failure story: the case --distinct is for.
    expect(failed.matches[0].id).toBe(FAILURE_STORY);
    expect(mistake.matches[0].id).toBe(FAILURE_STORY);

    const run = await runCoach(["match", "--bank", SAMPLE_BANK, "--questions", questions, "--json", "--distinct"], { cwd });
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[1].error.code).toBe("USAGE");
    expect(run.code).toBe(2);
    const [first, , second] = lines;
    for (const line of [first, second]) MatchResponseSchema.parse(line);
    const leads = [first.matches[0].experience, second.matches[0].experience];
    expect(new Set(leads).size).toBe(2);
    // One keeps the failure story; the other leads with what was its own runner-up, and is told why.
    // Questions are counted as asked: the blank line is skipped, the line with no words counts (it is the second).
    const keeper = first.matches[0].id === FAILURE_STORY ? 1 : 3;
    const other = keeper === 1 ? second : first;
    const otherPlain = keeper === 1 ? mistake : failed;
    expect([first, second].map((line) => line.matches[0].id)).toContain(FAILURE_STORY);
    expect(other.matches[0].id).toBe(otherPlain.matches[1].id);
    expect(other.matches.map((match: any) => match.id)).not.toContain(FAILURE_STORY);
    const otherNumber = keeper === 1 ? 3 : 1;
    expect(run.stderr).toContain(`Question ${otherNumber}: "Tell Me About a Time You Failed" fits it best but is kept for question ${keeper} (`);
  });

  it("is documented in --help", async () => {
    const run = await runCoach(["match", "--help"], { cwd });
    expect(run.stdout).toMatch(/--distinct\s+Plan an interview loop/);
  });
});

describe("coach match --distinct with a provider (test LLM server)", () => {
  let llm: TestLlmServer;
  beforeAll(async () => {
    llm = await startTestLlmServer({ dimensions: 16 });
  });
  afterAll(async () => llm.close());

  it("embeds each question once, though a plan asks the matcher about it twice", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-distinct-provider-"));
    const questions = path.join(cwd, "loop.txt");
    writeFileSync(questions, "Tell me about a time you failed.\nTell me about a time you made a mistake.\n");
    const env = { COACH_PROVIDER: "openai", OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.url };
    const run = await runCoach(["match", "--bank", SAMPLE_BANK, "--questions", questions, "--json", "--distinct"], { cwd, env });
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout)).toHaveLength(2);
    const inputs = llm.requestsTo("embeddings").flatMap((request) => request.body.input);
    // The sample bank's 33 stories, then each question once.
    expect(inputs).toHaveLength(35);
    expect(inputs.slice(-2)).toEqual(["Tell me about a time you failed.", "Tell me about a time you made a mistake."]);
  });
});
