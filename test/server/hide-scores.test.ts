import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SettingsResponseSchema } from "../../src/server/api-response-schemas.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { sendFromPage } from "../support/page-chat.js";
import { readEvents, startServe, type RunningServer } from "../support/serve.js";

// 38 words (6 of setup, 16 of actions, 16 of result): 15.2 s at 150 words a minute, under 20 s: far too short (high).
const ANSWER = "When our nightly report kept failing, I traced it to a schema change upstream, patched the parser and added a contract test. The report has not failed since, and it saved the analysts about 5 hours a week.";
const ISSUES = [
  "TOO_SHORT: About 15 s spoken: far too short for an interview answer, with room for a clause on each part at most. Aim for 1-2 minutes: the situation in a sentence or two, then your steps, then how it turned out.",
  "MISSING_TASK: Say what your goal or responsibility was, so the listener knows what success looked like.",
];
const FOLLOW_UP = "What was your specific goal or responsibility there?";
// The chat's critique reply in words: the question it falls back to, the parts, the issues and a follow-up.
const CHAT_REPLY = [
  'Against "Tell me about a time you made a difference at work.": situation yes, task no, action yes, result yes, lesson no.',
  "- About 15 s spoken: far too short for an interview answer, with room for a clause on each part at most. Aim for 1-2 minutes: the situation in a sentence or two, then your steps, then how it turned out.",
  "- Say what your goal or responsibility was, so the listener knows what success looked like.",
  `An interviewer would ask: ${FOLLOW_UP}`,
].join("\n");

const newStore = () => mkdtempSync(path.join(os.tmpdir(), "coach-hide-scores-serve-"));
const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("coach serve --hide-scores: the API says so and keeps every score field", () => {
  let hiding: RunningServer;
  let scoring: RunningServer;
  beforeAll(async () => {
    [hiding, scoring] = await Promise.all([startServe(["--store", newStore(), "--hide-scores"]), startServe(["--store", newStore()])]);
  });
  afterAll(async () => Promise.all([hiding?.stop(), scoring?.stop()]));

  it("GET /api/settings says whether scores are hidden, as the OpenAPI document describes; /api/health is as before", async () => {
    expect(SettingsResponseSchema.parse(await (await fetch(`${hiding.url}/api/settings`)).json())).toEqual({ hideScores: true });
    expect(await (await fetch(`${scoring.url}/api/settings`)).json()).toEqual({ hideScores: false });
    expect(await (await fetch(`${hiding.url}/api/health`)).json()).toEqual({ ok: true, provider: "local", stories: 33 });
    const wrongMethod = await post(`${hiding.url}/api/settings`, {});
    expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toEqual([405, "GET"]);
    const document = await (await fetch(`${hiding.url}/api/openapi.json`)).json();
    expect(document.paths["/api/settings"].get.responses["200"].content["application/json"].schema).toMatchObject({ properties: { hideScores: { type: "boolean" } }, required: ["hideScores"] });
  });

  it("POST /api/critique keeps the contract's score and breakdown", async () => {
    const critique = await (await post(`${hiding.url}/api/critique`, { question: "Tell me about a fix.", answer: ANSWER })).json();
    expect(critique.score).toBeGreaterThan(0);
    expect(Object.keys(critique.breakdown)).toEqual(["structure", "results", "ownership", "relevance", "delivery"]);
    expect(critique.issues.map((issue: { code: string; message: string }) => `${issue.code}: ${issue.message}`)).toEqual(ISSUES);
  });

  it("a chat critique's tokens say it in words; its card keeps the data and says the scores are hidden", async () => {
    const events = await readEvents(await post(`${hiding.url}/api/chat`, { message: `critique: ${ANSWER}` }));
    expect(events.filter((event) => event.event === "token").map((event) => event.data.text).join("")).toBe(CHAT_REPLY);
    const card = events.find((event) => event.event === "card")!.data;
    expect(card).toMatchObject({ type: "critique", hideScores: true });
    expect(typeof card.data.score).toBe("number");
    // Without the flag the same reply is scored, and its card is as before.
    const scored = await readEvents(await post(`${scoring.url}/api/chat`, { message: `critique: ${ANSWER}` }));
    expect(scored.filter((event) => event.event === "token").map((event) => event.data.text).join("")).toMatch(/^Against "Tell me about a time you made a difference at work\.": score \d+\/100 \(situation yes/);
    expect(scored.find((event) => event.event === "card")!.data).not.toHaveProperty("hideScores");
  });
});


/** What the critique view shows: the line under the answer, the breakdown, the issues and the follow-ups. */
const critiqueView = async (page: Page) => ({
  score: await page.locator("#score").innerText(),
  breakdownShown: await page.locator("#breakdown").isVisible(),
  bars: await page.locator("#breakdown div").count(),
  issues: await page.locator("#issues li").allInnerTexts(),
  followUps: await page.locator("#followups li").allInnerTexts(),
});

describe.skipIf(!HAVE_CHROMIUM)("the page of coach serve --hide-scores", () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }), startServe(["--store", newStore(), "--hide-scores"])]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the critique without its score or breakdown, with the issues and follow-ups, from the form and from the chat", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.fill("#critique-question", "Tell me about a fix.");
    await page.fill("#critique-answer", ANSWER);
    await page.click("#critique-form button");
    await expect.poll(() => page.locator("#critique-result").isVisible()).toBe(true);
    // The page says how serious each issue is in words, rather than showing its code: a high gap (far too short) and a low one (the task).
    const shownIssues = [ISSUES[0]!.replace(/^TOO_SHORT: /, "Fix first · "), ISSUES[1]!.replace(/^MISSING_TASK: /, "Polish · ")];
    const expected = { score: "38 words, about 15 s spoken", breakdownShown: false, bars: 0, issues: shownIssues, followUps: [FOLLOW_UP] };
    expect(await critiqueView(page)).toEqual(expected);
    expect(await page.locator("#critique-result").innerText()).not.toMatch(/\/100|%/);

    // A critique in the chat: its reply in words, and the view it fills hides the score too.
    await page.evaluate(() => {
      document.getElementById("score")!.textContent = "";
    });
    expect(await sendFromPage(page, `critique: ${ANSWER}`)).toBe(CHAT_REPLY);
    expect(await critiqueView(page)).toEqual(expected);
    expect(await page.locator("#log").innerText()).not.toMatch(/\/100|%/);
  }, 60_000);

  it("keeps scores hidden when the settings request fails, and asks again for the next critique", async () => {
    const page = await browser.newPage();
    let asked = 0;
    // The page's first request for the settings fails (as a 429 or a missing token would); later ones reach the server.
    await page.route("**/api/settings", (route) => (++asked === 1 ? route.abort() : route.continue()));
    await page.goto(server.url);
    const critique = async () => {
      await page.evaluate(() => {
        document.getElementById("critique-result")!.hidden = true;
      });
      await page.fill("#critique-question", "Tell me about a fix.");
      await page.fill("#critique-answer", ANSWER);
      await page.click("#critique-form button");
      await expect.poll(() => page.locator("#critique-result").isVisible()).toBe(true);
      return critiqueView(page);
    };
    for (let round = 0; round < 2; round++) expect(await critique()).toMatchObject({ score: "38 words, about 15 s spoken", breakdownShown: false, bars: 0 });
    expect(asked).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
