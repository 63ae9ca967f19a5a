import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { sendFromPage } from "../support/page-chat.js";
import { startServe, type RunningServer } from "../support/serve.js";


describe.skipIf(!HAVE_CHROMIUM)("the page's conversation across reloads, and its message box", () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }), startServe(["--store", mkdtempSync(path.join(os.tmpdir(), "coach-page-conversation-"))])]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the conversation again after a reload mid-interview, goes on with it, and starts afresh on New conversation", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on("response", (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(server.url);
      const question = /Question 1 of 2 \(Frugality\): (.+)$/m.exec(await sendFromPage(page, "interview me on Frugality and Ownership"))![1]!;
      const followUp = await sendFromPage(page, "We cut costs.");
      expect(followUp).toMatch(/\?$/);

      await page.reload();
      await expect.poll(() => page.locator("#log").innerText()).toContain(followUp);
      const shown = await page.locator("#log .msg").allInnerTexts();
      expect(shown[0]).toMatch(/^Your conversation from .+, resumed\. "New conversation" starts afresh\.$/);
      expect(shown.slice(1, 5)).toEqual(["interview me on Frugality and Ownership", expect.stringContaining(question), "We cut costs.", followUp]);
      // The interview goes on where it was: the answer to the follow-up moves to question 2.
      expect(await sendFromPage(page, "I turned off 40 idle build machines every night, which I found in the billing report, and the bill fell by 30% in a month.")).toMatch(/Question 2 of 2 \(Ownership\)/);
      const sessionId = await page.evaluate(() => localStorage.getItem("coach-session"));

      await page.click("#new-chat");
      await expect.poll(() => page.locator("#log .msg").allInnerTexts()).toEqual([expect.stringMatching(/^Hi! /)]);
      expect(await page.evaluate(() => localStorage.getItem("coach-session"))).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("chat-input");
      expect(await sendFromPage(page, "help")).toMatch(/^I can:/);
      expect(await page.evaluate(() => localStorage.getItem("coach-session"))).not.toBe(sessionId);
      // Nothing the page asks for is missing (the icon included).
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("keeps a pasted answer's lines, sends on Enter, takes Shift+Enter as a new line, and keeps the focus in the box after Send", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      // As copied from a text editor on Windows: CRLF line breaks and a bullet list.
      const pasted = "critique: At Basketly I owned the promo-code service.\r\n- I skipped the load test.\r\n- Checkout slowed and we lost 3,800 carts.\r\n- I rolled back in 40 minutes.\r\nI learned to book staging early.";
      await page.focus("#chat-input");
      await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
      await page.keyboard.press("Control+V");
      await page.keyboard.press("Shift+Enter");
      await page.keyboard.type("Ever since, I book it two weeks ahead.");
      const before = await page.locator(".msg.coach[data-done]").count();
      await page.keyboard.press("Enter");
      await page.waitForFunction((count) => document.querySelectorAll(".msg.coach[data-done]").length > count, before);
      const sent = pasted.replace(/\r\n/g, "\n") + "\nEver since, I book it two weeks ahead.";
      expect(await page.locator(".msg.user").last().innerText()).toBe(sent);
      const sessionId = await page.evaluate(() => localStorage.getItem("coach-session"));
      const transcript = await (await fetch(`${server.url}/api/sessions/${sessionId}`)).json();
      expect(transcript.messages.at(-2).text).toBe(sent);
      // The critique panel shows the answer with its lines.
      expect(await page.inputValue("#critique-answer")).toBe(sent.replace(/^critique: /, ""));

      await page.fill("#chat-input", "help");
      await page.click("#chat-form button[type=submit]");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("chat-input");
      expect(await page.inputValue("#chat-input")).toBe("");
    } finally {
      await context.close();
    }
  }, 60_000);
});
