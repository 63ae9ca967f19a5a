import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from "../support/chromium.js";
import { PROJECT_ROOT } from "../support/run-coach.js";
import { startServe } from "../support/serve.js";

// Three stories; the page lists them and counts them.
const FIXTURE = path.join(PROJECT_ROOT, "test", "fixtures", "explanation-bank.md");
// The page asks every 10 s; the server's own test of re-reading an edited bank allows it 60 s on a slow machine.
const SIXTY_SECONDS = 60_000;

/** Saves a file the way editors do: a temporary file renamed over it. */
function saveAsEditor(file: string, content: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

describe.skipIf(!HAVE_CHROMIUM)("the page follows a bank edited on disk while the server runs", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  it("says which bank cannot be served (its last stories still are), then shows the stories of a good save without a reload", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-page-bank-edits-"));
    const bank = path.join(folder, "my-stories.md");
    const original = readFileSync(FIXTURE, "utf8");
    writeFileSync(bank, original);
    const server = await startServe(["--store", path.join(folder, ".coach"), "--bank", bank, "--rate-limit", "1000"]);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById("story-count")!.textContent === "3");
      expect(await page.locator("#bank-errors").isHidden()).toBe(true);

      saveAsEditor(bank, "");
      await page.waitForFunction(() => !document.getElementById("bank-errors")!.hidden, undefined, { timeout: SIXTY_SECONDS });
      expect(await page.locator("#bank-errors li").innerText()).toMatch(/^my-stories\.md: /);
      expect(await page.locator("#story-count").innerText()).toBe("3");

      const added = "\n## Rebuilt the release checklist\nSituation: Releases kept shipping with missed steps.\nAction: I rewrote the checklist as a script that blocks the release until each step passes.\nResult: Missed steps fell from 6 a quarter to 0.\n";
      saveAsEditor(bank, original + added);
      await page.waitForFunction(() => document.getElementById("story-count")!.textContent === "4", undefined, { timeout: SIXTY_SECONDS });
      expect(await page.locator("#bank-errors").isHidden()).toBe(true);
      // The list sits in a closed details element: its text, not its rendering.
      expect(await page.locator("#stories").textContent()).toContain("Rebuilt the release checklist");
    } finally {
      await context.close();
      await server.stop();
    }
  }, 180_000);
});
