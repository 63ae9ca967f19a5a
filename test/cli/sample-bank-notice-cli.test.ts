import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// contracts: with no --bank and an empty store, the bundled sample bank is used, with a notice on stderr.
// The first run records the sample bank in the store; every later run on it must still say whose stories these are.
describe("the sample bank's notice", () => {
  it("is given on every run while the store holds only the sample bank, and not once it holds the user's bank", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-sample-notice-"));
    const first = await runCoach(["match", "Tell me about a time you failed", "--json"], { cwd });
    expect(first.code).toBe(0);
    // It names the store folder it looked in and how to point at another: two lines, nothing more.
    const store = path.join(cwd, ".coach");
    const hint = "coach: your banks are in another store? Point at it with --store DIR or COACH_HOME=DIR; or give them with --bank (coach index <bank> keeps them in this store).";
    expect(first.stderr).toContain(`coach: the store ${store} is empty and no --bank was given; using the bundled sample bank (`);
    expect(first.stderr).toContain(hint);
    const stored = new RegExp(`the store ${escapeRegExp(store)} holds only the bundled sample bank \\(.*corpus[\\\\/]sample-bank\\), no bank of yours; using it\\.\\n${escapeRegExp(hint)}\\n`);
    for (const args of [["match", "Describe a conflict with a peer", "--json"], ["stories", "--json"], ["coverage", "--json"]]) {
      const run = await runCoach(args, { cwd });
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stderr, args.join(" ")).toMatch(stored);
      // A notice, never a result: stdout stays JSON Lines.
      expect(run.stdout).not.toMatch(/sample bank/);
    }
    const chat = await runCoach(["chat"], { cwd, input: "help\n" });
    expect(chat.stderr).toMatch(stored);
    const bank = path.join(cwd, "mine.md");
    writeFileSync(bank, "## Cut CI time\nSituation: CI took 40 minutes.\nAction: I split the tests into shards.\nResult: CI fell to 18 minutes.\n");
    expect((await runCoach(["index", bank], { cwd })).code).toBe(0);
    const own = await runCoach(["match", "Tell me about a time you made something faster"], { cwd });
    expect(own.code).toBe(0);
    expect(own.stderr).not.toMatch(/sample bank/);
  }, 60_000);

  it("run from another folder, names the store it looked in; --store or COACH_HOME at the first folder's store finds the user's bank", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "coach-sample-elsewhere-"));
    const project = path.join(root, "proj");
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(project);
    mkdirSync(elsewhere);
    const bank = path.join(root, "mine.md");
    writeFileSync(bank, "## Cut CI time\nSituation: CI took 40 minutes.\nAction: I split the tests into shards.\nResult: CI fell to 18 minutes.\n");
    expect((await runCoach(["index", bank], { cwd: project })).code).toBe(0);
    const listed = await runCoach(["stories", "--json"], { cwd: elsewhere });
    expect(listed.stderr).toContain(`coach: the store ${path.join(elsewhere, ".coach")} is empty and no --bank was given; using the bundled sample bank`);
    const lost = await runCoach(["match", "Tell me about a time you made something faster", "--json"], { cwd: elsewhere });
    expect(lost.code).toBe(0);
    expect(lost.stderr).toContain(`coach: the store ${path.join(elsewhere, ".coach")} is empty and no --bank was given; using the bundled sample bank`);
    expect(lost.stderr).toMatch(/--store DIR or COACH_HOME=DIR/);
    for (const pointed of [{ args: ["--store", path.join(project, ".coach")] }, { args: [], env: { COACH_HOME: path.join(project, ".coach") } }]) {
      const found = await runCoach(["match", "Tell me about a time you made something faster", "--json", ...pointed.args], { cwd: elsewhere, env: pointed.env });
      expect(found.code).toBe(0);
      expect(found.stderr).not.toMatch(/sample bank/);
      expect(JSON.parse(found.stdout.split("\n")[0]!).matches[0].title).toBe("Cut CI time");
    }
  }, 60_000);
});
