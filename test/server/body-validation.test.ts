import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type RunningServer } from "../support/serve.js";

const post = (url: string, body: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("bodies the API refuses are told what is wrong with them, as an HTTP client fixes it", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-bodies-"))]);
  });
  afterAll(async () => server.stop());

  it("a body of valid JSON that is not an object is INVALID_BODY, not 'not valid JSON'", async () => {
    for (const [body, received] of [["null", "null"], ['"Tell me about a time you failed"', "a string"], ["5", "5"]] as const) {
      for (const route of ["match", "critique", "banks"]) {
        const response = await post(`${server.url}/api/${route}`, body);
        expect(response.status, `${route} ${body}`).toBe(400);
        expect(await response.json()).toEqual({ error: { code: "INVALID_BODY", message: `body: an object is needed, not ${received}` } });
      }
    }
    // Broken JSON stays INVALID_JSON.
    expect((await (await post(`${server.url}/api/match`, "{not json")).json()).error.code).toBe("INVALID_JSON");
  });

  it("a blank question (match, plan, critique) is INVALID_BODY naming the field, with no advice about command-line arguments or stdin", async () => {
    for (const question of ["", "   ", "\n\t"]) {
      const response = await post(`${server.url}/api/match`, JSON.stringify({ question }));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "INVALID_BODY", message: "question: the question is empty; send the interview question's text" } });
    }
    const critique = await post(`${server.url}/api/critique`, JSON.stringify({ question: "  ", answer: "I fixed the build." }));
    expect(critique.status).toBe(400);
    expect(await critique.json()).toEqual({ error: { code: "INVALID_BODY", message: "question: the question is empty; send the interview question's text" } });
    const plan = await post(`${server.url}/api/plan`, JSON.stringify({ questions: ["Tell me about a time you failed", "  "] }));
    expect(plan.status).toBe(400);
    expect(await plan.json()).toEqual({ error: { code: "INVALID_BODY", message: "questions[1] (question 2): the question is empty; send the interview question's text" } });
  });

  it("POST /api/plan asked with another method is 405 with Allow, as every other route", async () => {
    const response = await fetch(`${server.url}/api/plan`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("a field of the wrong kind, missing, or out of range is said in words a client can act on, not the validator's (audit)", async () => {
    const cases: Array<[string, string, string]> = [
      ["match", JSON.stringify({ question: "Tell me about a failure", k: 2.5 }), "k: a whole number is needed, not 2.5"],
      ["match", JSON.stringify({ question: "Tell me about a failure", k: 500 }), "k: too large (at most 50, not 500)"],
      ["match", JSON.stringify({ question: "Tell me about a failure", k: 0 }), "k: too small (at least 1, not 0)"],
      ["match", JSON.stringify({ question: "Tell me about a failure", k: "3" }), "k: a number is needed, not a string"],
      ["match", JSON.stringify({}), "question: missing: send a string"],
      ["critique", JSON.stringify({ question: "Tell me about a failure" }), "answer: missing: send a string"],
      ["plan", JSON.stringify({ questions: [] }), "questions: empty: send at least one"],
    ];
    for (const [route, body, message] of cases) {
      const response = await post(`${server.url}/api/${route}`, body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toEqual({ error: { code: "INVALID_BODY", message } });
    }
  });
});
