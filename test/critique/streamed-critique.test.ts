import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { critiqueAnswer, LlmCritic } from "../../src/critique/index.js";
import { openaiTestProvider } from "../support/openai-test-provider.js";
import { INVOICE_ANSWER, INVOICE_QUESTION, invoiceRunCoaching } from "../support/invoice-run-coaching.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const QUESTION = INVOICE_QUESTION;
const ANSWER = INVOICE_ANSWER;
const COACHING = invoiceRunCoaching("At Acme Freight our invoice run took all night. I owned billing... The run now finishes in 40 minutes.");

// Audit: a model on a laptop's CPU that needed longer than COACH_TIMEOUT_MS to write the whole critique was cut off,
// asked twice more from scratch by the client's retries, and the user got the offline critique alone.
describe("the LLM critique is streamed, so COACH_TIMEOUT_MS bounds each wait, not the whole reply", () => {
  let llm: TestLlmServer;
  let fallbacks: string[];
  beforeAll(async () => {
    llm = await startTestLlmServer();
  });
  afterAll(async () => llm.close());
  afterEach(() => {
    llm.requests.length = 0;
    llm.pace = undefined;
    llm.refuseStreams = false;
    llm.ignoreStreams = false;
  });

  const { chat } = openaiTestProvider(() => llm, { COACH_TIMEOUT_MS: "300", COACH_MAX_RETRIES: "2" });
  async function critic(): Promise<LlmCritic> {
    fallbacks = [];
    return new LlmCritic({ chat: await chat(), onFallback: (message) => fallbacks.push(message) });
  }

  it("a reply written in pieces 150 ms apart, 900 ms in all, is the model's coaching, asked for once", async () => {
    llm.pace = { pieces: 6, gapMs: 150 };
    llm.reply({ json: COACHING });
    const started = Date.now();
    const critique = await (await critic()).critique(QUESTION, ANSWER);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fallbacks).toEqual([]);
    expect(critique.llm).toMatchObject({ fallback: false, strengths: COACHING.strengths });
    expect(critique.followUps).toEqual(COACHING.followUps);
    const requests = llm.requestsTo("chat");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toMatchObject({ stream: true, response_format: { type: "json_schema", json_schema: { name: "critique" } } });
  });

  it("a reply that stalls part-way for longer than COACH_TIMEOUT_MS falls back, naming it, and is not asked again", async () => {
    llm.pace = { pieces: 6, gapMs: 150 };
    llm.reply({ json: COACHING });
    llm.fault("chat", { kind: "stall-stream", afterChunks: 4 });
    const critique = await (await critic()).critique(QUESTION, ANSWER);
    expect(critique.llm).toMatchObject({ fallback: true });
    expect(String(critique.llm!.reason)).toMatch(/^LLM critique unavailable \(chat \(gpt-4o-mini\): the model sent nothing for 300 ms \(COACH_TIMEOUT_MS\) after \d+ characters; stopped waiting\); showing the offline critique alone\.$/);
    expect(fallbacks).toEqual([critique.llm!.reason]);
    expect(critique.score).toBe(critiqueAnswer(QUESTION, ANSWER).score);
    // Neither the client's retries (COACH_MAX_RETRIES is 2) nor the critic asked the stalled model again.
    expect(llm.requestsTo("chat")).toHaveLength(1);
  }, 10_000);

  it("a server that refuses streamed requests (HTTP 400) is asked for the reply whole, and only whole after that", async () => {
    llm.refuseStreams = true;
    llm.reply({ json: COACHING });
    const critiquing = await critic();
    const first = await critiquing.critique(QUESTION, ANSWER);
    expect(first.llm).toMatchObject({ fallback: false, strengths: COACHING.strengths });
    expect(fallbacks).toEqual([]);
    const asked = () => llm.requestsTo("chat").map((request) => ({ stream: Boolean(request.body.stream), format: request.body.response_format?.type }));
    expect(asked()).toEqual([
      { stream: true, format: "json_schema" },
      { stream: false, format: "json_schema" },
    ]);
    const second = await critiquing.critique(QUESTION, `${ANSWER} I also wrote a runbook.`);
    expect(second.llm).toMatchObject({ fallback: false });
    expect(asked().slice(2)).toEqual([{ stream: false, format: "json_schema" }]);
  });

  it("a server that ignores streaming and sends the reply whole, as JSON, gives the coaching, asked for once", async () => {
    llm.ignoreStreams = true;
    llm.reply({ content: `<think>Plan it.</think>${JSON.stringify(COACHING)}` });
    const critique = await (await critic()).critique(QUESTION, ANSWER);
    expect(fallbacks).toEqual([]);
    expect(critique.llm).toMatchObject({ fallback: false, strengths: COACHING.strengths });
    expect(llm.requestsTo("chat")).toHaveLength(1);
  });

  it("shows a chat reply that a server sent whole, though streaming was asked for, as one piece", async () => {
    llm.ignoreStreams = true;
    llm.reply({ content: "<think>Be kind.</think>What was your part in it?" });
    const pieces: string[] = [];
    const reply = await (await chat()).stream({ messages: [{ role: "user", content: "hi" }] }, (piece) => pieces.push(piece));
    expect(pieces).toEqual(["What was your part in it?"]);
    expect(reply.content).toBe("What was your part in it?");
  });

  it("leaves out a reasoning model's <think> block written in pieces before the critique", async () => {
    llm.pace = { pieces: 6, gapMs: 20 };
    // Braces in the reasoning: were it left in, the reply would not parse as the critique.
    llm.reply({ content: `<think>\nThe user wants {"strengths": []} filled in. Be brief.\n</think>\n\n${JSON.stringify(COACHING)}` });
    const critique = await (await critic()).critique(QUESTION, ANSWER);
    expect(fallbacks).toEqual([]);
    expect(critique.llm).toMatchObject({ fallback: false, strengths: COACHING.strengths });
    expect(JSON.stringify(critique.llm)).not.toContain("The user wants");
    expect(llm.requestsTo("chat")).toHaveLength(1);
    expect(llm.requestsTo("chat")[0]!.body.stream).toBe(true);
  });
});
