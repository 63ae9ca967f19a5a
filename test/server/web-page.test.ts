import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { PROJECT_ROOT, SAMPLE_BANK } from "../support/run-coach.js";
import { startServe, type RunningServer } from "../support/serve.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");

describe.skipIf(!HAVE_CHROMIUM)("the web page in headless Chromium", () => {
  let server: RunningServer;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-page-"))]);
  });
  afterAll(async () => server.stop());

  async function send(page: Page, text: string) {
    const before = await page.locator(".msg.coach[data-done]").count();
    await page.fill("#chat-input", text);
    await page.keyboard.press("Enter");
    await page.waitForFunction((count) => document.querySelectorAll(".msg.coach[data-done]").length > count, before);
    return page.locator(".msg.coach[data-done]").last().innerText();
  }

  it("uploads a bank, finds a story, runs two interview turns and highlights an answer's parts", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const external: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url)) external.push(request.url());
      });
      await page.goto(server.url);
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("33");

      await page.setInputFiles("#bank-file", path.join(SAMPLE_BANK, "by-principle.md"));
      await page.click("#bank-form button");
      await expect.poll(() => page.locator("#bank-status").innerText()).toMatch(/Uploaded by-principle: 20 stories/);
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("20");

      const found = await send(page, "Which story for: tell me about a time you failed?");
      expect(found).toMatch(/1\. Tell Me About a Time You Failed/);

      const question = await send(page, "interview me on Frugality");
      expect(question).toMatch(/Question 1 of 1 \(Frugality\): .+/);
      const followUp = await send(page, "We cut some costs.");
      expect(followUp).toMatch(/\?/);
      await page.screenshot({ path: path.join(ARTIFACTS, "page-chat.png") });

      const answer = "Last year our cloud bill doubled while traffic stayed flat. I owned the platform budget, so I found idle clusters and rightsized the databases. The bill fell by 40% within a month.";
      await page.fill("#critique-answer", answer);
      await page.click("#critique-form button");
      await expect.poll(async () => (await page.locator("#highlighted").innerText()).replace(/\s+/g, " ").trim()).toBe(answer);
      for (const part of ["situation", "task", "action", "result"]) expect(await page.locator(`#highlighted .part-${part}`).count(), part).toBeGreaterThan(0);
      expect((await page.locator("#highlighted").innerText()).replace(/\s+/g, " ").trim()).toBe(answer);
      expect(await page.locator("#breakdown div").count()).toBe(5);
      expect(await page.locator("#followups li").count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(ARTIFACTS, "page-critique.png"), fullPage: true });

      await page.setViewportSize({ width: 390, height: 844 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(ARTIFACTS, "page-phone.png") });
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);

  it("forgets a stored session the server does not have and starts a new one; a new session whose first message is refused still works", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      // As after a restart with another --store: the id in localStorage is unknown to this server.
      await page.evaluate(() => localStorage.setItem("coach-session", "s-000000000000"));
      await page.reload();
      expect(await send(page, "help")).toMatch(/^I can:/);
      const fresh = await page.evaluate(() => localStorage.getItem("coach-session"));
      expect(fresh).toMatch(/^s-[0-9a-f]{12}$/);
      expect(fresh).not.toBe("s-000000000000");
      expect((await fetch(`${server.url}/api/sessions/${fresh}`)).status).toBe(200);
      expect(await page.locator(".msg.user").count()).toBe(1);

      await page.evaluate(() => localStorage.removeItem("coach-session"));
      await page.reload();
      expect(await send(page, `critique: ${"a ".repeat(5001)}`)).toMatch(/the limit is 5000/);
      const announced = await page.evaluate(() => localStorage.getItem("coach-session"));
      await page.reload();
      expect(await send(page, "help")).toMatch(/^I can:/);
      expect(await page.evaluate(() => localStorage.getItem("coach-session"))).toBe(announced);
      const transcript = await (await fetch(`${server.url}/api/sessions/${announced}`)).json();
      expect(transcript.messages.map((message: { text: string }) => message.text)[0]).toBe("help");
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe.skipIf(!HAVE_CHROMIUM)("the page's chat with a provider that fails", () => {
  let llm: TestLlmServer;
  let server: RunningServer;
  beforeAll(async () => {
    llm = await startTestLlmServer();
    server = await startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-page-llm-"))], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0" });
  });
  afterAll(async () => {
    await server.stop();
    await llm.close();
  });

  it("drops the model's unfinished reply, shows the notice, and shows what the session saved", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      llm.reply({ content: "Lead with your result. Then say what you did yourself, and end on the outcome." });
      llm.fault("chat", { kind: "drop-stream", afterChunks: 7 });
      await page.fill("#chat-input", "How should I open my answer?");
      await page.keyboard.press("Enter");
      await page.waitForSelector(".msg.coach[data-done]");
      const shown = await page.locator(".msg.coach[data-done]").last().textContent();
      expect(shown).not.toContain("Lead with your result.");
      expect(await page.locator(".msg.notice").last().innerText()).toMatch(/could not answer \(PROVIDER_BAD_RESPONSE\).*offline coach answers instead/);
      const sessionId = await page.evaluate(() => localStorage.getItem("coach-session"));
      const transcript = await (await fetch(`${server.url}/api/sessions/${sessionId}`)).json();
      expect(shown).toBe(transcript.messages.at(-1).text);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
