import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCoach } from "../support/run-coach.js";

const BANK = `# My stories

## Fixed the production outage
**Situation:** Our payments service went down during a holiday sale and customers could not check out.
**Task:** As the on-call engineer I had to restore service quickly.
**Action:** I rolled back the faulty deploy, added a circuit breaker, and wrote a runbook for the team.
**Result:** Service was back in 12 minutes and we had no repeat outage that quarter.
`;

describe("coach match on a bank of one story", () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-one-story-"));
    writeFileSync(path.join(cwd, "one.md"), BANK);
  });

  const notices = async (question: string) => {
    const run = await runCoach(["match", "--bank", "one.md", question], { cwd });
    expect(run.code).toBe(0);
    return run.stderr.split("\n").filter((line) => line.startsWith("coach: ") && !line.includes("provider local"));
  };

  it("says the bank has one experience when its story shares the question's words", async () => {
    expect(await notices("Tell me about a production outage you fixed")).toEqual(["coach: Your bank has 1 experience (tellings of the same events count once), so 1 is shown, not 3."]);
  });

  it("says no story shares a word or a theme only when none does", async () => {
    expect(await notices("Tell me about zebras")).toEqual(["coach: No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 3."]);
  });

  it("coach index counts one story, one experience and one file in the singular", async () => {
    const run = await runCoach(["index", "one.md", "--store", path.join(cwd, ".coach-index")], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Indexed 1 story \(1 experience\) from 1 file into /);
    const again = await runCoach(["index", "one.md", "--store", path.join(cwd, ".coach-index")], { cwd });
    expect(again.stdout).toMatch(/^Index is up to date: 1 story \(1 experience\) from 1 file in /);
  });
});
