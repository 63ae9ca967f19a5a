import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCoach, SAMPLE_BANK } from "../support/run-coach.js";

describe("coach index: the command it suggests for the parse warnings", () => {
  it("quotes a bank path with spaces, so the suggestion can be pasted into a shell as it is", async () => {
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-index-warnings-")), "my banks", "Résumé");
    mkdirSync(folder, { recursive: true });
    const bank = path.join(folder, "my stories.md");
    copyFileSync(path.join(SAMPLE_BANK, "numbered.md"), bank);
    const run = await runCoach(["index", bank, "--store", path.join(folder, "store")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`see them with: coach stories --bank '${bank}'\n`);
    const plain = await runCoach(["index", path.join(SAMPLE_BANK, "numbered.md"), "--store", path.join(folder, "store")]);
    expect(plain.stderr).toContain(`see them with: coach stories --bank ${path.join(SAMPLE_BANK, "numbered.md")}\n`);
  }, 30_000);
});
