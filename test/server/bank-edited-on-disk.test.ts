import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type RunningServer } from "../support/serve.js";

const BILLING = "# Led the billing migration\n**Situation:** Billing ran on a database that failed weekly.\n**Task:** I had to stop the outages before the holiday peak.\n**Action:** I moved it to Postgres with dual writes and a shadow read check.\n**Result:** Outages fell from four a month to none.\n";
const MENTOR = "# Coached a struggling new hire\n**Situation:** A new engineer on my team missed three deadlines in his first month.\n**Task:** I wanted him to succeed rather than be managed out.\n**Action:** I paired with him twice a week and broke his work into small tickets.\n**Result:** He shipped the search feature on time and was promoted a year later.\n";
const SOURDOUGH = "# Baked sourdough to fund the robotics club\n**Situation:** Our school robotics club lost its sponsor two months before the regional contest.\n**Task:** I volunteered to raise the 800 dollars we needed for parts.\n**Action:** I baked and sold sourdough loaves every Saturday at the farmers market.\n**Result:** We raised 950 dollars and the team placed third.\n";
const PRICING = "# Pushed back on a launch date\n**Situation:** Sales had promised a customer a pricing feature in two weeks that needed six.\n**Task:** I owned the delivery plan and had to reset expectations.\n**Action:** I showed the customer a staged plan and shipped the core discount rules first.\n**Result:** The customer renewed for two years and the full feature shipped in five weeks.\n";

// Polling must not run into the 120 requests a minute one client may make.
const NO_RATE_LIMIT = ["--rate-limit", "1000000"];
/** Long enough for a re-index on a loaded 2-core machine; a pass takes a second or two. */
const WAIT_MS = 60_000;
const TEST_MS = 120_000;

/** Polls until `check` gives a value (not undefined or false), or fails naming what was awaited. */
async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Saves as most editors do: the new text to a temporary file beside it, renamed over the file. */
function saveLikeAnEditor(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

async function titles(server: RunningServer): Promise<string[]> {
  const body = await (await fetch(`${server.url}/api/stories`)).json();
  return (body.stories as Array<{ title: string }>).map((story) => story.title).sort();
}

async function matchedTitles(server: RunningServer, question: string): Promise<string[]> {
  const response = await fetch(`${server.url}/api/match`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question, k: 5 }) });
  expect(response.status).toBe(200);
  return ((await response.json()).matches as Array<{ title: string }>).map((match) => match.title);
}

async function listing(server: RunningServer): Promise<Array<{ name: string; stories: number; error?: { code: string; message: string } }>> {
  return (await (await fetch(`${server.url}/api/banks`)).json()).banks;
}

const exited = (server: RunningServer) =>
  new Promise<number | null>((resolve, reject) => {
    if (server.child.exitCode !== null) return resolve(server.child.exitCode);
    const timer = setTimeout(() => reject(new Error(`coach serve had not exited ${WAIT_MS / 1000} s after SIGTERM:\n${server.stderr()}`)), WAIT_MS);
    server.child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

/** Stops the server; one that will not stop (the watches left open) is killed, so no test leaves it running. */
async function stopOrKill(server: RunningServer | undefined): Promise<void> {
  if (!server) return;
  const stopped = server.stop();
  const late = await Promise.race([stopped.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20_000).unref())]);
  if (late) server.child.kill("SIGKILL");
}

describe("a --bank file edited on disk while coach serve runs", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-edited-bank-"));
  const bank = path.join(folder, "my-stories.md");
  let server: RunningServer;
  beforeAll(async () => {
    writeFileSync(bank, `${BILLING}\n${MENTOR}`);
    server = await startServe(["--bank", bank, "--store", path.join(folder, "store"), ...NO_RATE_LIMIT]);
  });
  afterAll(() => stopOrKill(server), 30_000);

  const fundraiser = "Tell me about a time you raised money for a club by selling sourdough bread";

  it("serves a story saved into it (a temporary file renamed over it, as editors save) without a restart", { timeout: TEST_MS }, async () => {
    expect(await matchedTitles(server, fundraiser)).not.toContain("Baked sourdough to fund the robotics club");
    saveLikeAnEditor(bank, `${BILLING}\n${MENTOR}\n${SOURDOUGH}`);
    await until("the saved story to be matched", async () => (await matchedTitles(server, fundraiser)).includes("Baked sourdough to fund the robotics club"));
    expect(await titles(server)).toEqual(["Baked sourdough to fund the robotics club", "Coached a struggling new hire", "Led the billing migration"]);
    expect(server.stderr()).toContain("coach: my-stories.md changed on disk; now serving 3 stories (2 before).");
  });

  it("keeps serving the stories read before when it is saved empty, and says why in the log and in GET /api/banks", { timeout: TEST_MS }, async () => {
    writeFileSync(bank, "");
    const said = "coach: my-stories.md on disk holds no story (INPUT_EMPTY); the banks as read before are still served (3 stories): fix it and save it again.";
    await until("the log to say the bank holds no story", async () => server.stderr().includes(said));
    // The stories read before, the one saved last among them, are still matched.
    expect(await matchedTitles(server, fundraiser)).toContain("Baked sourdough to fund the robotics club");
    expect(await titles(server)).toHaveLength(3);
    const [entry] = await listing(server);
    expect(entry).toEqual({ name: "my-stories.md", kind: "command-line", deletable: false, stories: 3, error: { code: "INPUT_EMPTY", message: said.replace("coach: ", "") } });
    // One line, naming the file but not where the server keeps it; no story text.
    expect(server.stderr().split(said).length - 1).toBe(1);
    expect(server.stderr()).not.toContain(folder);
  });

  it("is still watched once deleted and written anew: served as written, the error gone, and SIGTERM then ends the process", { timeout: TEST_MS * 2 }, async () => {
    rmSync(bank);
    await until("the log to say the bank is missing", async () => server.stderr().includes("coach: my-stories.md on disk is missing or cannot be read (INPUT_UNREADABLE)"));
    writeFileSync(bank, `${BILLING}\n${PRICING}`);
    await until("the bank written anew to be served", async () => (await titles(server)).includes("Pushed back on a launch date"));
    expect(await titles(server)).toEqual(["Led the billing migration", "Pushed back on a launch date"]);
    expect(await listing(server)).toEqual([{ name: "my-stories.md", kind: "command-line", deletable: false, stories: 2 }]);

    // The watches are closed on the way out: none keeps the process alive.
    server.child.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
  });
});

describe("a --bank folder edited on disk while coach serve runs", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "coach-edited-folder-"));
  const bank = path.join(root, "stories");
  let server: RunningServer;
  beforeAll(async () => {
    mkdirSync(path.join(bank, "work"), { recursive: true });
    writeFileSync(path.join(bank, "work", "billing.md"), BILLING);
    // The store inside the folder: its own writes are not edits to the bank.
    server = await startServe(["--bank", bank, "--store", path.join(bank, "store"), ...NO_RATE_LIMIT]);
  });
  afterAll(() => stopOrKill(server), 30_000);

  it("serves a file added in a subfolder", { timeout: TEST_MS }, async () => {
    expect(await titles(server)).toEqual(["Led the billing migration"]);
    writeFileSync(path.join(bank, "work", "mentor.md"), MENTOR);
    await until("the added file's story to be served", async () => (await titles(server)).includes("Coached a struggling new hire"));
    expect(server.stderr()).toContain("coach: stories changed on disk; now serving 2 stories (1 before).");
  });

  it("follows the folder when it is replaced by a new one of the same name, and edits inside the new one", { timeout: TEST_MS * 2 }, async () => {
    const replacement = path.join(root, "stories-new");
    mkdirSync(replacement);
    writeFileSync(path.join(replacement, "pricing.md"), PRICING);
    renameSync(bank, path.join(root, "stories-old"));
    renameSync(replacement, bank);
    await until("the new folder's story to be served", async () => JSON.stringify(await titles(server)) === JSON.stringify(["Pushed back on a launch date"]));
    saveLikeAnEditor(path.join(bank, "pricing.md"), `${PRICING}\n${SOURDOUGH}`);
    await until("an edit inside the new folder to be served", async () => (await titles(server)).includes("Baked sourdough to fund the robotics club"));
  });
});

describe("one of two --bank files saved empty while coach serve runs", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-edited-banks-"));
  const first = path.join(folder, "first.md");
  const second = path.join(folder, "second.md");
  let server: RunningServer;
  beforeAll(async () => {
    writeFileSync(first, `${BILLING}\n${MENTOR}`);
    writeFileSync(second, PRICING);
    server = await startServe(["--bank", first, "--bank", second, "--store", path.join(folder, "store"), ...NO_RATE_LIMIT]);
  });
  afterAll(() => stopOrKill(server), 30_000);

  it("keeps that bank's stories served beside the other's, not the other's alone, until it is saved with stories again", { timeout: TEST_MS * 2 }, async () => {
    const all = ["Coached a struggling new hire", "Led the billing migration", "Pushed back on a launch date"];
    expect(await titles(server)).toEqual(all);
    writeFileSync(first, "");
    await until("the log to say first.md holds no story", async () => server.stderr().includes("coach: first.md on disk holds no story (INPUT_EMPTY); the banks as read before are still served (3 stories)"));
    expect(await titles(server)).toEqual(all);
    expect((await listing(server)).map(({ name, stories, error }) => ({ name, stories, code: error?.code }))).toEqual([
      { name: "first.md", stories: 2, code: "INPUT_EMPTY" },
      { name: "second.md", stories: 1, code: undefined },
    ]);

    saveLikeAnEditor(first, SOURDOUGH);
    await until("the bank saved with a story again to be served", async () => (await titles(server)).includes("Baked sourdough to fund the robotics club"));
    expect(await titles(server)).toEqual(["Baked sourdough to fund the robotics club", "Pushed back on a launch date"]);
    expect((await listing(server)).every((entry) => entry.error === undefined)).toBe(true);
  });
});
