import { copyFileSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type RunningServer } from "../support/serve.js";
import { SAMPLE_BANK } from "../support/run-coach.js";

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const UPLOAD = "# Led the billing migration\n**Situation:** Billing ran on a database that failed weekly.\n**Action:** I moved it to Postgres with dual writes.\n**Result:** Outages fell from four a month to none.\n";

describe("a bank the server was started with that goes missing or bad on disk while it runs", () => {
  let server: RunningServer;
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-served-bank-"));
  const bank = path.join(folder, "numbered.md");
  const moved = path.join(folder, "numbered.md.moved");
  beforeAll(async () => {
    copyFileSync(path.join(SAMPLE_BANK, "numbered.md"), bank);
    server = await startServe(["--bank", bank, "--store", path.join(folder, "store")]);
  });
  afterAll(async () => server.stop());

  const stories = async () => (await (await fetch(`${server.url}/api/health`)).json()).stories as number;

  it("is the server's error (500 SERVED_BANK_UNREADABLE, logged with its path), not the client's 400 naming the server's files; nothing changes", async () => {
    expect((await post(`${server.url}/api/banks`, { name: "mine", content: UPLOAD })).status).toBe(200);
    const served = await stories();
    renameSync(bank, moved);

    const upload = await post(`${server.url}/api/banks`, { name: "other", content: UPLOAD });
    expect(upload.status).toBe(500);
    const uploadError = (await upload.json()).error;
    expect(uploadError.code).toBe("SERVED_BANK_UNREADABLE");
    // Named as the listing names it, never by where the server keeps it.
    expect(uploadError.message).toMatch(/^the server's own bank numbered\.md can no longer be read \(INPUT_UNREADABLE\), so bank "other" was not uploaded; the banks served before are still served\./);
    expect(uploadError.message).not.toContain(folder);

    const removal = await fetch(`${server.url}/api/banks/mine`, { method: "DELETE" });
    expect(removal.status).toBe(500);
    expect((await removal.json()).error.message).toMatch(/^the server's own bank numbered\.md can no longer be read \(INPUT_UNREADABLE\), so nothing was deleted;/);

    // A bank left with no story is as unusable.
    writeFileSync(bank, "just a note\n");
    const emptied = await fetch(`${server.url}/api/banks/mine`, { method: "DELETE" });
    expect(emptied.status).toBe(500);
    expect((await emptied.json()).error.message).toContain("(INPUT_EMPTY), so nothing was deleted");

    expect(await stories()).toBe(served);
    expect((await (await fetch(`${server.url}/api/banks`)).json()).banks.map((entry: { name: string }) => entry.name)).toEqual(["numbered.md", "mine"]);
    // The operator's log has the path and the parser's own words.
    expect(server.stderr()).toContain(`${bank}: no such file or folder`);

    // Put back, the bank serves again and the deletion goes through.
    renameSync(moved, bank);
    const retried = await fetch(`${server.url}/api/banks/mine`, { method: "DELETE" });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ removed: "mine" });
  });
});
