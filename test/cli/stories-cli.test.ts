import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { ParseWarningSchema, StoryResponseSchema } from "../../src/server/api-response-schemas.js";
import { jsonLines, runCoach } from "../support/run-coach.js";

// The contract's `coach stories --json` story line.
const StoryLine = StoryResponseSchema;
const WarningLine = z.object({ warning: ParseWarningSchema });

describe("coach stories", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "coach-stories-"));
  });

  it("prints contract-shaped JSON Lines for the sample bank, stories then warnings, and a notice on stderr", async () => {
    const run = await runCoach(["stories", "--json"]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    const firstWarning = lines.findIndex((line) => "warning" in line);
    expect(firstWarning).toBeGreaterThan(29);
    for (const line of lines.slice(0, firstWarning)) StoryLine.parse(line);
    for (const line of lines.slice(firstWarning)) WarningLine.parse(line);
    expect(run.stderr).toContain("bundled sample bank");
    // The provider in use is named once, even by a command that calls none.
    expect(run.stderr.match(/coach: provider local \(offline; nothing leaves this machine\)/g)).toHaveLength(1);
  });

  it("prints a readable table with every warning on stderr", async () => {
    const run = await runCoach(["stories", "--bank", "corpus/sample-bank"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/33 stories \(32 distinct experiences\) from 2 files; 1 pointer entry folded in/);
    expect(run.stderr).toMatch(/numbered\.md:36: mojibake repaired/);
  });

  it("says which principles were read from a story's content rather than filed by the bank (user audit 25)", async () => {
    const bank = path.join(folder, "filed-and-not.md");
    writeFileSync(
      bank,
      "# Stories\n\n## Cut the cloud bill\nTags: Frugality\n**Situation:** Our bill doubled.\n**Action:** I moved batch jobs to spot instances.\n**Result:** The bill fell 40%.\n\n" +
        "## Mentored a new analyst\n**Situation:** A new analyst struggled with SQL.\n**Action:** I paired with him every week and reviewed his queries.\n**Result:** He shipped his first report alone by month three.\n",
    );
    const run = await runCoach(["stories", "--bank", bank]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const filedLine = lines[lines.findIndex((line) => line.includes("Cut the cloud bill")) + 1]!;
    const readLine = lines[lines.findIndex((line) => line.includes("Mentored a new analyst")) + 1]!;
    expect(filedLine).toContain("[Frugality]");
    expect(readLine).toMatch(/\[[^\]]+, read from its content\]/);
  });

  it("shows a title's terminal escape sequences as text, never sends them to the terminal", async () => {
    const bank = path.join(folder, "escapes.md");
    writeFileSync(bank, "# Fixed \u001b[31mthe\u001b]0;pwned\u0007 deploy \u202eevil\n\nSituation: Deploys failed weekly.\nAction: I rewrote the pipeline.\nResult: No failures for 6 months.\n");
    const run = await runCoach(["stories", "--bank", bank]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Fixed \ufffd[31mthe\ufffd]0;pwned\ufffd deploy \ufffdevil");
    expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it("exits 3 naming the file for an empty bank", async () => {
    const empty = path.join(folder, "empty.md");
    writeFileSync(empty, "");
    const run = await runCoach(["stories", "--bank", empty]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split("\n")).toEqual(["coach: provider local (offline; nothing leaves this machine)", expect.stringContaining("empty.md")]);
  });

  it("says the same of a bank with no story whichever command indexes it (audit: match said 'no stories found; nothing to index')", async () => {
    const empty = path.join(folder, "empty-again.md");
    writeFileSync(empty, "");
    const notes = path.join(folder, "notes.md");
    writeFileSync(notes, "just some notes about my week\n");
    for (const command of [["stories"], ["match", "Tell me about a time you failed"], ["coverage"], ["index"]]) {
      const bankFlag = command[0] === "index" ? [] : ["--bank"];
      const onEmpty = await runCoach([...command, ...bankFlag, empty, "--store", path.join(folder, `store-${command[0]}`)]);
      expect(onEmpty.code, command[0]).toBe(3);
      expect(onEmpty.stderr, command[0]).toContain("empty-again.md: the file is empty; a bank holds stories, each a heading followed by Situation/Task/Action/Result text");
      const onNotes = await runCoach([...command, ...bankFlag, notes, "--store", path.join(folder, `store-${command[0]}`)]);
      expect(onNotes.code, command[0]).toBe(3);
      expect(onNotes.stderr, command[0]).toContain("notes.md: no stories found. A story is a heading followed by Situation/Task/Action/Result text");
    }
  });

  it("exits 3 naming the path for a missing file and for a folder with no bank files", async () => {
    const missing = await runCoach(["stories", "--bank", path.join(folder, "nope.md")]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nope\.md: no such file or folder/);
    const bare = path.join(folder, "pictures");
    mkdirSync(bare);
    writeFileSync(path.join(bare, "a.png"), "x");
    const run = await runCoach(["stories", "--bank", bare]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/pictures: folder has no bank files/);
  });

  it("exits 3 naming the file for a bank over 5 MB", async () => {
    const big = path.join(folder, "huge.md");
    writeFileSync(big, "a".repeat(5 * 1024 * 1024 + 1));
    const run = await runCoach(["stories", "--bank", big]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/huge\.md: 5,242,881 bytes is over the 5 MB limit for a bank file \(5,242,880 bytes\)/);
    // The limit is documented in --help (contracts).
    expect((await runCoach(["stories", "--help"])).stdout).toMatch(/over 5 MB/);
  });

  it.skipIf(process.getuid?.() === 0)("exits 3 for an unreadable file", async () => {
    const locked = path.join(folder, "locked.md");
    writeFileSync(locked, "## x\nS: a. A: I did b. R: c.\n");
    chmodSync(locked, 0o000);
    const run = await runCoach(["stories", "--bank", locked]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("locked.md");
  });

  it("exits 3 for a file with no stories and 2 for a bad flag", async () => {
    const notes = path.join(folder, "notes.md");
    writeFileSync(notes, "# Notes\n\n- remember to smile\n");
    const run = await runCoach(["stories", "--bank", notes]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/notes\.md: no stories found/);
    const bad = await runCoach(["stories", "--bogus"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--bogus");
  });

  it("exits 3 for a bank of pointer entries, saying what they point at is not in it", async () => {
    const pointers = path.join(folder, "pointers.md");
    writeFileSync(pointers, "## 1. Took ownership\n*(See Q92)*\n\n## 2. Failure story\nSame as #1.\n\n## 3. Conflict\nSee the CI story above.\n");
    const run = await runCoach(["stories", "--bank", pointers]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${pointers}: no stories found: every entry is a pointer to a story that is not in the bank ("Took ownership", line 1; "Failure story", line 4; and 1 more).`);
    expect(run.stderr).not.toContain("A story is a heading followed by");
  });

  it("reads several banks and a JSON bank in one call", async () => {
    const json = path.join(folder, "extra.json");
    writeFileSync(json, JSON.stringify({ stories: [{ title: "Cut costs", principles: ["Frugality"], situation: "Bills rose.", action: "I cut them.", result: "Saved 30%." }] }));
    const run = await runCoach(["stories", "--bank", "corpus/sample-bank", "--bank", json, "--json"]);
    expect(run.code).toBe(0);
    const stories = jsonLines(run.stdout).filter((line) => !("warning" in line));
    expect(stories).toHaveLength(34);
    expect(stories.at(-1)).toMatchObject({ id: "extra-cut-costs", principles: ["Frugality"], parts: { situation: true, task: false, action: true, result: true, lesson: false } });
  });

  it("answers --help and unknown commands sensibly", async () => {
    const help = await runCoach(["stories", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("5 MB");
    const unknown = await runCoach(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it("treats no command as a usage error, and says where a flag before the command belongs", async () => {
    const bare = await runCoach([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toMatch(/Usage: coach <command>/);
    const early = await runCoach(["--store", "x", "stories"]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("--store goes after the command, e.g. coach stories --store");
    expect((await runCoach(["--help"])).code).toBe(0);
  });
});
