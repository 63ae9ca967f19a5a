import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

// contracts: with no --bank and an empty store, the bundled sample bank is used, with a notice on stderr.
// The first run records the sample bank in the store; every later run on it must still say whose stories these are.
describe("the sample bank's notice", () => {
  it("is given on every run while the store holds only the sample bank, and not once it holds the user's bank", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-sample-notice-"));
    const first = await runCoach(["match", "Tell me about a time you failed", "--json"], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/store is empty and no --bank was given; using the bundled sample bank/);
    const stored = /the store holds only the bundled sample bank \(.*corpus[\\/]sample-bank\), no bank of yours/;
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
});
