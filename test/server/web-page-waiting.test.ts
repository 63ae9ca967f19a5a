import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { startServe, type RunningServer } from "../support/serve.js";
import { startTestLlmServer, type TestLlmServer } from "../support/test-llm-server.js";

const ANSWER = "Last year our cloud bill doubled. I owned the platform budget, so I found idle clusters and rightsized the databases. The bill fell by 40% within a month.";
const CRITIQUE_JSON = {
  parts: { situation: { feedback: "ok" }, task: { feedback: "ok" }, action: { feedback: "ok" }, result: { feedback: "ok" }, lesson: { feedback: "n/a" } },
  strengths: ["Specific steps"],
  improvements: ["Say what it cost before."],
  followUps: ["How did you find the idle clusters?"],
  improvedAnswer: "I rightsized the databases and the bill fell by 40%.",
};

describe.skipIf(!HAVE_CHROMIUM)("what the page shows while a slow model answers, and when the server stops mid-request", () => {
  let browser: Browser;
  let llm: TestLlmServer;
  beforeAll(async () => {
    [browser, llm] = await Promise.all([chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }), startTestLlmServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await llm?.close();
  });
  const serveWithModel = () =>
    startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-page-waiting-"))], { COACH_PROVIDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: llm.url, COACH_MAX_RETRIES: "0", COACH_TIMEOUT_MS: "30000" });

  it("says the coach is thinking until the reply starts, and that a critique is under way, one at a time", async () => {
    const server = await serveWithModel();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      llm.reply({ content: "Lead with your result." });
      llm.fault("chat", { kind: "latency", ms: 3000 });
      await page.fill("#chat-input", "How should I open my answer?");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#log .msg.waiting").allInnerTexts()).toEqual(["The coach is thinking…"]);
      await page.waitForSelector(".msg.coach[data-done]");
      expect(await page.locator(".msg.coach[data-done]").innerText()).toBe("Lead with your result.");
      expect(await page.locator("#log .msg.waiting").count()).toBe(0);

      llm.reply({ json: CRITIQUE_JSON });
      llm.fault("chat", { kind: "latency", ms: 3000 });
      await page.fill("#critique-question", "Tell me about a time you cut costs.");
      await page.fill("#critique-answer", ANSWER);
      await page.click("#critique-form button");
      // Both read at once: the critique lasts about 3 s, and a busy runner can take longer than that between two reads.
      await expect.poll(() => page.evaluate(() => [document.getElementById("critique-status")!.innerText, document.querySelector<HTMLButtonElement>("#critique-form button")!.disabled])).toEqual(["Critiquing your answer…", true]);
      await page.waitForSelector("#coaching:not([hidden])");
      expect(await page.locator("#critique-status").innerText()).toBe("");
      expect(await page.locator("#critique-form button").isEnabled()).toBe(true);
      expect(llm.requestsTo("chat")).toHaveLength(2);
    } finally {
      await context.close();
      await server.stop();
    }
  }, 60_000);

  it("says in words that the server cannot be reached, gives the message back, and shows only that in the critique panel", async () => {
    const server: RunningServer = await serveWithModel();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("33");
      llm.fault("chat", { kind: "latency", ms: 20_000 });
      await page.fill("#chat-input", "How should I open my answer?");
      await page.keyboard.press("Enter");
      await page.locator("#log .msg.waiting").waitFor();
      // The server stops while the reply is awaited.
      const exited = new Promise((resolve) => server.child.once("exit", resolve));
      server.child.kill("SIGKILL");
      await exited;
      await page.waitForSelector(".msg.coach[data-done]");
      expect(await page.locator(".msg.coach[data-done]").innerText()).toBe("Not answered: the coach server cannot be reached: is coach serve still running? Your message is back in the box to send again.");
      expect(await page.inputValue("#chat-input")).toBe("How should I open my answer?");
      expect(await page.locator("#log .msg.waiting").count()).toBe(0);
      expect(await page.locator("#server-down").innerText()).toMatch(/^Cannot reach the coach server at 127\.0\.0\.1:\d+\. Is coach serve still running\? Start it again/);

      await page.fill("#critique-question", "Tell me about a time you cut costs.");
      await page.fill("#critique-answer", ANSWER);
      await page.click("#critique-form button");
      await expect.poll(() => page.locator("#score").innerText()).toBe("Could not critique it: the coach server cannot be reached: is coach serve still running?");
      // No empty legend, answer box or headings around the message.
      expect(await page.locator("#critique-result").innerText()).toBe("Could not critique it: the coach server cannot be reached: is coach serve still running?");

      await page.setInputFiles("#bank-file", { name: "mine.md", mimeType: "text/markdown", buffer: Buffer.from("## Cut CI time\nSituation: CI took 40 minutes. Action: I cached dependencies. Result: 18 minutes.\n") });
      await page.click("#bank-form button");
      await expect.poll(() => page.locator("#bank-status").innerText()).toBe("Upload failed: the coach server cannot be reached: is coach serve still running?");
    } finally {
      await context.close();
      await server.stop();
    }
  }, 60_000);
});
