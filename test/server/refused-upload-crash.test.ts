import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startServe } from "../support/serve.js";

const BANK = "# Cut the cloud bill\n\n**Situation:** Our cloud bill doubled while traffic stayed flat.\n\n**Action:** I found idle clusters and shut them down.\n\n**Result:** The bill fell by 40% within a month.\n";
const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("a refused upload never reaches the store", () => {
  it("leaves the upload it would replace as it was, even when the server is killed while it is being read", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-refused-upload-"));
    const first = await startServe(["--store", store]);
    const file = path.join(store, "uploads", "mine.md");
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    try {
      expect((await post(`${first.url}/api/banks`, { name: "mine", content: BANK })).status).toBe(200);
      // 200,000 empty headings: seconds of reading, and no story in the end.
      void post(`${first.url}/api/banks`, { name: "mine", content: "#\n".repeat(200_000) }).catch(() => undefined);
      await sleep(1_500);
    } finally {
      first.child.kill("SIGKILL");
      await exited;
    }
    expect(readFileSync(file, "utf8")).toBe(BANK);
    // The store serves the bank it held before the refused upload.
    const second = await startServe(["--store", store]);
    try {
      const banks = await (await fetch(`${second.url}/api/banks`)).json();
      expect(banks.banks).toEqual([{ name: "mine", kind: "upload", deletable: true, stories: 1 }]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
