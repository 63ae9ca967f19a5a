import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { jsonLines, runCoach, SAMPLE_BANK } from "../support/run-coach.js";

/** A folder with a one-file bank `b6/` indexed into the store `s6/`. */
async function indexedStore(): Promise<{ cwd: string; bank: string; store: string; file: string }> {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-store-cli-"));
  const bank = path.join(cwd, "b6");
  mkdirSync(bank);
  cpSync(path.join(SAMPLE_BANK, "numbered.md"), path.join(bank, "numbered.md"));
  const store = path.join(cwd, "s6");
  const run = await runCoach(["index", "b6", "--store", "s6"], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return { cwd, bank, store, file: path.join(bank, "numbered.md") };
}

const STORY_COUNT = 13; // numbered.md's stories

describe("a store whose bank is gone keeps working from its last good index", () => {
  for (const [how, remove] of [
    ["emptied of its files", (bank: string, cwd: string) => renameSync(path.join(bank, "numbered.md"), path.join(cwd, "numbered.md"))],
    ["deleted", (bank: string) => rmSync(bank, { recursive: true })],
  ] as const) {
    it(`bank folder ${how}: match, coverage and stories answer from the last index, with a notice naming the folder`, async () => {
      const { cwd, bank } = await indexedStore();
      remove(bank, cwd);
      const match = await runCoach(["match", "--store", "s6", "--json", "Tell me about a time you failed"], { cwd });
      expect(match.code, match.stderr).toBe(0);
      expect(match.stderr).toContain(bank);
      expect(match.stderr).toMatch(/Using the index built from it on/);
      expect(jsonLines(match.stdout)[0].matches.length).toBeGreaterThan(0);

      const coverage = await runCoach(["coverage", "--store", "s6", "--json"], { cwd });
      expect(coverage.code, coverage.stderr).toBe(0);
      expect(coverage.stderr).toContain(bank);
      expect(jsonLines(coverage.stdout)).toHaveLength(16);

      const stories = await runCoach(["stories", "--store", "s6", "--json"], { cwd });
      expect(stories.code, stories.stderr).toBe(0);
      expect(stories.stderr).toContain(bank);
      expect(stories.stderr).toMatch(/Using the index built from it on/);
      const lines = jsonLines(stories.stdout);
      expect(lines).toHaveLength(STORY_COUNT);
      expect(lines.every((line) => typeof line.id === "string" && line.source.file.endsWith("numbered.md"))).toBe(true);

      const table = await runCoach(["stories", "--store", "s6"], { cwd });
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toMatch(new RegExp(`${STORY_COUNT} stories .* from 1 file`));
    });
  }

  it("quotes a store path with a space in the command it suggests", async () => {
    const { cwd, bank } = await indexedStore();
    const spaced = path.join(cwd, "my store");
    expect((await runCoach(["index", "b6", "--store", spaced], { cwd })).code).toBe(0);
    rmSync(bank, { recursive: true });
    const match = await runCoach(["match", "--store", spaced, "Tell me about a time you failed"], { cwd });
    expect(match.code, match.stderr).toBe(0);
    expect(match.stderr).toContain(`run coach index <bank> --store '${spaced}' to point the store at your bank again`);
  });

  it("with nothing indexed to fall back on, stories and match are an input error naming the bank and the way out", async () => {
    const { cwd, bank, store } = await indexedStore();
    rmSync(path.join(store, "index"), { recursive: true });
    rmSync(bank, { recursive: true });
    for (const command of [["stories"], ["match", "Tell me about a time you failed"]]) {
      const run = await runCoach([...command, "--store", "s6"], { cwd });
      expect(run.code, command[0]).toBe(3);
      expect(run.stderr).toContain(`${bank}: no such file or folder`);
      expect(run.stderr).toMatch(/coach index/);
      expect(run.stderr).not.toMatch(/internal error/);
    }
  });

  it("a bank given with --bank that is gone is still an error, not a fallback", async () => {
    const { cwd, bank } = await indexedStore();
    rmSync(bank, { recursive: true });
    const run = await runCoach(["match", "--store", "s6", "--bank", "b6", "Tell me about a time you failed"], { cwd });
    expect(run.code).toBe(3);
  });
});

describe("a store whose last coach index was stopped after it recorded the new bank", () => {
  it("says so, and indexes the recorded bank", async () => {
    const { cwd, store } = await indexedStore();
    const other = path.join(cwd, "b7");
    mkdirSync(other);
    cpSync(path.join(SAMPLE_BANK, "by-principle.md"), path.join(other, "by-principle.md"));
    // What an index stopped between its two writes leaves: the record names the new bank, the index is the old one's.
    const indexed = JSON.parse(readFileSync(path.join(store, "index", "manifest.json"), "utf8")).banks;
    writeFileSync(path.join(store, "banks.json"), JSON.stringify({ banks: [other] }));
    const run = await runCoach(["match", "--store", "s6", "--json", "Tell me about a time you failed"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`coach: the store's index is of ${indexed.join(", ")}, not of ${other} as the store records (was the last coach index stopped?); indexing ${other} now.`);
    expect(jsonLines(run.stdout)[0].matches.every((match: { id: string }) => match.id.startsWith("by-principle-"))).toBe(true);
    // Indexed now: the next command has nothing to say.
    const next = await runCoach(["match", "--store", "s6", "Tell me about a time you failed"], { cwd });
    expect(next.stderr).not.toMatch(/was the last coach index stopped/);
  });

  it("when the recorded bank is gone too, promises no indexing and names the banks the stand-in index was built from (review)", async () => {
    const { cwd, store } = await indexedStore();
    const indexed = JSON.parse(readFileSync(path.join(store, "index", "manifest.json"), "utf8")).banks;
    const gone = path.join(cwd, "gone.md");
    writeFileSync(path.join(store, "banks.json"), JSON.stringify({ banks: [gone] }));
    const run = await runCoach(["match", "--store", "s6", "--json", "Tell me about a time you failed"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/indexing .* now/);
    expect(run.stderr).toContain(`Using the store's last index, built from ${indexed.join(", ")} on `);
    expect(jsonLines(run.stdout)[0].matches.every((match: { id: string }) => match.id.startsWith("numbered-"))).toBe(true);
  });
});

describe("a corrupt store", () => {
  it("an unreadable banks.json is STORE_CORRUPT (exit 1) naming the file and the way out, and is never overwritten", async () => {
    const { cwd, bank, store } = await indexedStore();
    const banksFile = path.join(store, "banks.json");
    writeFileSync(banksFile, "[1,2");
    // With the index intact, the way out names the bank the index was built from.
    const withIndex = await runCoach(["match", "--store", "s6", "Tell me about a time you failed"], { cwd });
    expect(withIndex.code).toBe(1);
    expect(withIndex.stderr).toContain(banksFile);
    expect(withIndex.stderr).toContain(`coach index ${bank}`);
    rmSync(path.join(store, "index"), { recursive: true });
    for (const command of [["match", "Tell me about a time you failed"], ["coverage"], ["stories"]]) {
      const run = await runCoach([...command, "--store", "s6"], { cwd });
      expect(run.code, command[0]).toBe(1);
      expect(run.stderr).toContain(banksFile);
      expect(run.stderr).toMatch(/coach index/);
      expect(run.stderr).not.toMatch(/sample bank/);
      expect(readFileSync(banksFile, "utf8")).toBe("[1,2");
    }
    // The way out works: indexing the bank again records it.
    const again = await runCoach(["index", "b6", "--store", "s6"], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(banksFile, "utf8")).banks).toEqual([bank]);
  });

  it("banks.json of the wrong shape is refused the same way", async () => {
    const { cwd, store } = await indexedStore();
    writeFileSync(path.join(store, "banks.json"), JSON.stringify({ banks: [] }));
    const run = await runCoach(["stories", "--store", "s6"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(store, "banks.json"));
  });

  it("a missing or corrupt index with banks.json intact is rebuilt from the bank", async () => {
    const { cwd, store } = await indexedStore();
    rmSync(path.join(store, "index"), { recursive: true });
    const missing = await runCoach(["match", "--store", "s6", "Tell me about a time you failed"], { cwd });
    expect(missing.code, missing.stderr).toBe(0);
    expect(missing.stderr).not.toMatch(/sample bank/);
    writeFileSync(path.join(store, "index", "manifest.json"), "{ not json");
    const corrupt = await runCoach(["match", "--store", "s6", "--json", "Tell me about a time you failed"], { cwd });
    expect(corrupt.code, corrupt.stderr).toBe(0);
    expect(corrupt.stderr).toMatch(/unreadable.*rebuilding it from the bank/);
    expect(jsonLines(corrupt.stdout)[0].matches[0].id).toMatch(/^numbered-/);
  });

  it("an unreadable index with no banks.json is STORE_CORRUPT, not the sample bank", async () => {
    const { cwd, store } = await indexedStore();
    rmSync(path.join(store, "banks.json"));
    const manifest = path.join(store, "index", "manifest.json");
    writeFileSync(manifest, "{ not json");
    const run = await runCoach(["match", "--store", "s6", "Tell me about a time you failed"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(store, "index"));
    expect(run.stderr).not.toMatch(/sample bank/);
    expect(readFileSync(manifest, "utf8")).toBe("{ not json");
  });
});

describe("a store folder that cannot be used names the flag", () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-store-flag-"));
    writeFileSync(path.join(cwd, "notadir"), "a file\n");
  });

  it("a file given as the store is a usage error (exit 2) naming --store or COACH_HOME", async () => {
    const file = path.join(cwd, "notadir");
    for (const command of [["match", "Tell me about a time you failed"], ["stories"], ["index", SAMPLE_BANK], ["doctor"]]) {
      const run = await runCoach([...command, "--store", "notadir"], { cwd });
      expect(run.code, command[0]).toBe(2);
      expect(run.stderr).toContain(`--store (COACH_HOME): ${file} is a file, not a folder`);
      expect(run.stderr).not.toMatch(/internal error/);
    }
    const fromEnv = await runCoach(["match", "Tell me about a time you failed"], { cwd, env: { COACH_HOME: "notadir/inside" } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/COACH_HOME.*notadir\/inside.*notadir is a file, not a folder/);
  });

  it('an empty --store is a usage error naming the flag, not a silent ./.coach', async () => {
    const run = await runCoach(["match", "--store", "", "Tell me about a time you failed"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--store: /);
    expect(existsSync(path.join(cwd, ".coach"))).toBe(false);
  });

  it("a store the command cannot write to is STORE_INACCESSIBLE (exit 1) naming the store and the flag", async () => {
    // A piece of the store that is a file stands in for a permission error when the tests run as root.
    mkdirSync(path.join(cwd, "s9"));
    writeFileSync(path.join(cwd, "s9", "cache"), "not a folder\n");
    const run = await runCoach(["index", SAMPLE_BANK, "--store", "s9"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--store \(COACH_HOME\): cannot write to the store .*s9/);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it.skipIf(process.getuid?.() === 0)("a read-only store is STORE_INACCESSIBLE (exit 1) naming the flag", async () => {
    const locked = path.join(cwd, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const run = await runCoach(["match", "--store", "locked", "Tell me about a time you failed"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--store \(COACH_HOME\): cannot write to the store .*locked.*permission denied/);
  });
});
