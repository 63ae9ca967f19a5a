import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { startServe } from "../support/serve.js";

const newStore = () => mkdtempSync(path.join(os.tmpdir(), "coach-page-banks-"));

// Two stories, the second a pointer to the first: the upload has one warning, on the pointer entry (its heading is line 4).
const POINTER_BANK = [
  "## 1. Cut CI time in half",
  "Situation: CI took 40 minutes. Task: I owned the build. Action: I split the suites and cached dependencies. Result: CI fell to 18 minutes.",
  "",
  "## 2. Sped up the build",
  "Same as #1.",
  "",
].join("\n");

// One title with no place to break: a file name or a slug used as a heading.
const LONG_TITLE = "Migration_of_the_payments_reconciliation_service_to_kubernetes_without_any_downtime_at_all";
const LONG_TITLE_BANK = `## ${LONG_TITLE}\n\nSituation: reconciliation ran on one VM. Task: I had to move it. Action: I containerised it and ran both in parallel for a week. Result: zero downtime, and the nightly run fell from 4 hours to 40 minutes.\n`;

describe.skipIf(!HAVE_CHROMIUM)("the page's story bank panel", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  /** A fresh server and store, its page open in a new browser context; both closed after `use`. */
  async function withPage(use: (page: Page, serverUrl: string) => Promise<void>, viewport?: { width: number; height: number }): Promise<void> {
    const server = await startServe(["--store", newStore()]);
    const context = await browser.newContext(viewport ? { viewport } : {});
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await use(page, server.url);
    } finally {
      await context.close();
      await server.stop();
    }
  }

  it("says the sample bank is the sample, lists an upload's warnings, and deletes the upload from the page", async () => {
    await withPage(async (page, serverUrl) => {
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("33");
      expect(await page.locator("#bank-sample").innerText()).toMatch(/bundled sample bank: the stories of Jordan Okafor, a fictional engineer/);
      // The bank list comes from its own request, which may answer after the story count's.
      await expect.poll(() => page.locator("#banks li").allInnerTexts()).toEqual([expect.stringMatching(/^sample-bank\s+33 stories · bundled sample$/)]);
      expect(await page.locator("#banks button").count()).toBe(0);

      await page.setInputFiles("#bank-file", { name: "my stories.md", mimeType: "text/markdown", buffer: Buffer.from(POINTER_BANK) });
      await page.click("#bank-form button");
      await expect.poll(() => page.locator("#bank-status").innerText()).toMatch(/^Uploaded my-stories: 1 story, 1 warning \(listed below\)\. The coach now uses 1 story from 1 bank\.$/);
      // The warning itself, with its line: the pointer entry of line 4 names the story it points to.
      await page.click("#bank-warnings-box summary");
      const warnings = await page.locator("#bank-warnings li").allInnerTexts();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^line 4: .*Cut CI time in half/);
      expect(await page.locator("#bank-sample").isHidden()).toBe(true);
      await expect.poll(() => page.locator("#banks li").allInnerTexts()).toEqual([expect.stringMatching(/^my-stories\s+1 story · uploaded\s+Delete$/)]);

      // Deleting asks first; declined, nothing changes.
      page.once("dialog", (dialog) => void dialog.dismiss());
      await page.click("#banks button[data-delete='my-stories']");
      expect((await (await fetch(`${serverUrl}/api/banks`)).json()).banks.map((bank: { name: string }) => bank.name)).toEqual(["my-stories"]);
      page.once("dialog", (dialog) => void dialog.accept());
      await page.click("#banks button[data-delete='my-stories']");
      await expect.poll(() => page.locator("#bank-status").innerText()).toBe("Deleted my-stories. The coach now uses 33 stories from 1 bank (the bundled sample).");
      expect((await (await fetch(`${serverUrl}/api/banks`)).json()).banks).toEqual([expect.objectContaining({ name: "sample-bank", kind: "sample" })]);
      expect(await page.locator("#story-count").innerText()).toBe("33");
      expect(await page.locator("#bank-sample").isVisible()).toBe(true);
      expect(await page.locator("#bank-warnings-box").isHidden()).toBe(true);
    });
  }, 60_000);

  it("says an upload is done, and to reload, when the stories it now uses cannot be shown", async () => {
    await withPage(async (page, serverUrl) => {
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("33");
      // The upload itself goes through; only the refresh of the page's story list fails.
      await page.route("**/api/stories", (route) => route.abort());
      await page.setInputFiles("#bank-file", { name: "slugs.md", mimeType: "text/markdown", buffer: Buffer.from(LONG_TITLE_BANK) });
      await page.click("#bank-form button");
      await expect.poll(() => page.locator("#bank-status").innerText()).toMatch(/^Uploaded slugs: 1 story, 0 warnings\. The coach now uses 1 story from 1 bank\. Reload the page to see the stories it now uses\.$/);
      expect((await (await fetch(`${serverUrl}/api/banks`)).json()).banks.map((bank: { name: string }) => bank.name)).toEqual(["slugs"]);
      await page.unroute("**/api/stories");
      await page.reload();
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("1");
    });
  }, 60_000);

  it("keeps a long unbroken story title inside a 375 px phone screen, in the stories, the coverage and the chat", async () => {
    await withPage(async (page) => {
      await page.setInputFiles("#bank-file", { name: "slugs.md", mimeType: "text/markdown", buffer: Buffer.from(LONG_TITLE_BANK) });
      await page.click("#bank-form button");
      await expect.poll(() => page.locator("#story-count").innerText()).toBe("1");
      // The coverage is asked for after the stories: the status says the upload is done once both are shown.
      await expect.poll(() => page.locator("#bank-status").innerText()).toMatch(/^Uploaded slugs: 1 story/);
      await page.click("summary >> text=Stories");
      await page.click("summary >> text=Coverage");
      await page.fill("#chat-input", "Which story for: tell me about a migration you led");
      await page.keyboard.press("Enter");
      await page.waitForSelector(".msg.coach[data-done]");
      expect(await page.locator("#stories").innerText()).toContain(LONG_TITLE.slice(0, 20));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // Buttons keep their word whole beside a long name.
      const deleteButton = await page.locator("#banks button").boundingBox();
      expect(deleteButton!.height).toBeLessThan(40);
    }, { width: 375, height: 740 });
  }, 60_000);
});
