import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatchApiResponseSchema, PlanApiResponseSchema } from "../../src/server/api-response-schemas.js";
import { SAMPLE_BANK } from "../support/run-coach.js";
import { startServe, type RunningServer } from "../support/serve.js";

const FAILURE_STORY = "by-principle-tell-me-about-a-time-you-failed";
const FAILED = "Tell me about a time you failed.";
const MISTAKE = "Tell me about a time you made a mistake.";

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("POST /api/plan (an interview loop with no story told twice)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-plan-")), "--bank", SAMPLE_BANK]);
  });
  afterAll(async () => server.stop());

  it("leads each question with a different experience, where /api/match leads both with the failure story", async () => {
    const single = async (question: string) => MatchApiResponseSchema.parse(await (await post(`${server.url}/api/match`, { question, k: 3 })).json());
    const [failed, mistake] = [await single(FAILED), await single(MISTAKE)];
    expect([failed.matches[0]!.id, mistake.matches[0]!.id]).toEqual([FAILURE_STORY, FAILURE_STORY]);

    const response = await post(`${server.url}/api/plan`, { questions: [FAILED, MISTAKE], k: 3 });
    expect(response.status).toBe(200);
    const { results } = PlanApiResponseSchema.parse(await response.json());
    expect(results.map((result) => result.question)).toEqual([FAILED, MISTAKE]);
    expect(new Set(results.map((result) => result.matches[0]!.experience)).size).toBe(2);
    expect(results.map((result) => result.matches[0]!.id)).toContain(FAILURE_STORY);
    // The question that gave up the failure story is told where it went, by number and text.
    const [giver, keeper] = results[0]!.matches[0]!.id === FAILURE_STORY ? [2, 1] : [1, 2];
    const keeperQuestion = keeper === 1 ? FAILED : MISTAKE;
    expect(results[giver - 1]!.notices).toContain(`Question ${giver}: "Tell Me About a Time You Failed" fits it best but is kept for question ${keeper} ("${keeperQuestion}"), so no story is told twice.`);
  });

  it("refuses a question with no words, naming which one, and an empty list", async () => {
    const refused = await post(`${server.url}/api/plan`, { questions: [FAILED, "?"] });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/^questions\[1\] \(question 2\): /);
    // An empty string is refused by the body's schema, and named the same way.
    const empty = await post(`${server.url}/api/plan`, { questions: [FAILED, ""] });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ code: "INVALID_BODY", message: expect.stringMatching(/^questions\[1\] \(question 2\): /) });
    expect((await post(`${server.url}/api/plan`, { questions: [] })).status).toBe(400);
  });

  it("refuses more than one loop's 50 questions, saying why and what to do", async () => {
    const refused = await post(`${server.url}/api/plan`, { questions: Array.from({ length: 51 }, (_, index) => `Tell me about a time you failed, take ${index + 1}.`) });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toEqual({
      code: "INVALID_BODY",
      message: "questions: at most 50 questions: a plan is one interview loop (usually 4 to 8); send each loop on its own, or ask POST /api/match for each question",
    });
  });

  it("is in the OpenAPI document", async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(document.paths["/api/plan"].post.requestBody.content["application/json"].schema.required).toEqual(["questions"]);
  });
});
