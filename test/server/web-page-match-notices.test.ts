import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { sendFromPage } from "../support/page-chat.js";
import { PROJECT_ROOT } from "../support/run-coach.js";
import { startServe, type RunningServer } from "../support/serve.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

// Three stories, three experiences; the first in the bank is the dashboard story.
const BANK = path.join(PROJECT_ROOT, "test", "fixtures", "explanation-bank.md");
const newStore = () => mkdtempSync(path.join(os.tmpdir(), "coach-page-notices-"));


/** The conversation as shown, one entry per message: its kind (user, coach, notice) and its text. */
const shownLog = (page: Page) => page.locator("#log .msg").evaluateAll((nodes) => nodes.map((node) => ({ kind: node.className.replace(/^msg | muted$/g, ""), text: (node as HTMLElement).innerText })));

describe.skipIf(!HAVE_CHROMIUM)("the page shows a story search's notices above the stories", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  it("offline: the reply opens with the notices, then lists the stories, each notice shown once", async () => {
    const server = await startServe(["--store", newStore(), "--bank", BANK]);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await sendFromPage(page, "Which story for: why Amazon?");
      const log = await shownLog(page);
      expect(log.map((entry) => entry.kind)).toEqual(["coach", "user", "coach"]);
      // "Why Amazon?" asks for no story and shares no word or theme with any: only the bank's first, at 1 / (1 + e^0) = 0.50.
      const opening = [
        "This is a motivation question, not a behavioural one: answer with what draws you to the company and the role. No story is needed.",
        "No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 3.",
        "",
        'For "why Amazon?" (no clear theme):',
        "1. Fixed the stale inventory dashboard (0.50)",
      ].join("\n");
      expect(log[2]!.text.slice(0, opening.length)).toBe(opening);
    } finally {
      await context.close();
      await server.stop();
    }
  }, 60_000);

  describe("with a provider whose model leaves the notices out", () => {
    let llm: TestLlmServer;
    let server: RunningServer;
    beforeAll(async () => {
      llm = await startTestLlmServer();
      server = await startServe(["--store", newStore(), "--bank", BANK], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
    });
    afterAll(async () => {
      await server?.stop();
      await llm?.close();
    });

    it("shows a notice the model did not say as a note above its reply, and none the model said, once per reply", async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(server.url);
        llm.reply({ toolCalls: [{ name: "find_stories", arguments: { question: "Tell me about a time you failed", k: 5 } }] }, { content: "Lead with the migration story and what you learned." });
        await sendFromPage(page, "Which story for: tell me about a time you failed?");
        const log = await shownLog(page);
        // The bank has three experiences and the model asked for five.
        expect(log.slice(1)).toEqual([
          { kind: "user", text: "Which story for: tell me about a time you failed?" },
          { kind: "notice", text: "Your bank has 3 experiences (tellings of the same events count once), so 3 are shown, not 5." },
          { kind: "coach", text: "Lead with the migration story and what you learned." },
        ]);

        // A model that says the notice itself gets no second copy of it.
        const said = "Your bank has 3 experiences (tellings of the same events count once), so 3 are shown, not 5. Lead with the migration story.";
        llm.reply({ toolCalls: [{ name: "find_stories", arguments: { question: "Tell me about a time you failed", k: 5 } }] }, { content: said });
        await sendFromPage(page, "And for a failure?");
        expect((await shownLog(page)).slice(4)).toEqual([
          { kind: "user", text: "And for a failure?" },
          { kind: "coach", text: said },
        ]);

        // Two searches with the same notice in one reply: one note.
        const search = { name: "find_stories", arguments: { question: "Tell me about a time you failed", k: 5 } };
        llm.reply({ toolCalls: [search, search] }, { content: "Lead with the migration story." });
        await sendFromPage(page, "Once more?");
        expect((await shownLog(page)).slice(6)).toEqual([
          { kind: "user", text: "Once more?" },
          { kind: "notice", text: "Your bank has 3 experiences (tellings of the same events count once), so 3 are shown, not 5." },
          { kind: "coach", text: "Lead with the migration story." },
        ]);
      } finally {
        await context.close();
      }
    }, 60_000);
  });
});
