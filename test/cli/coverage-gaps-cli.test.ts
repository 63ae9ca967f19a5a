import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PRINCIPLES } from "../../src/principles/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { jsonLines, runCoach } from "../support/run-coach.js";

// One story: most principles have none, a few only a stretch.
const ONE_STORY = `# Cut the CI pipeline time in half
**Situation:** Our CI took 40 minutes per merge and engineers batched changes to avoid it.
**Task:** As the build owner, I was asked to bring it under 20 minutes without dropping tests.
**Action:** I profiled the pipeline, found three test suites that rebuilt the same Docker image, cached the image layers, and split the slowest suite across four runners. I wrote a dashboard so the team could see each stage's time.
**Result:** CI fell from 40 to 18 minutes, merges per day rose from 12 to 30, and flaky failures dropped by a third.
`;

/** The bullet lines of a gaps list: principle, the question suggested, and the closest story when there is one. */
function bullets(text: string): Array<{ principle: string; question: string; closest?: string }> {
  return [...text.matchAll(/^ {2}- (.+?): "(.+?)"(?: \(closest now: "(.+)"\))?$/gm)].map((match) => ({ principle: match[1]!, question: match[2]!, closest: match[3] }));
}

describe("coach coverage and the chat's coverage name each thin principle on its own line, with a question to write its story for", () => {
  let cwd: string;
  let coverage: Array<{ principle: string; fit: string; stories: Array<{ title: string }> }>;
  beforeAll(async () => {
    cwd = mkdtempSync(path.join(os.tmpdir(), "coach-coverage-gaps-"));
    writeFileSync(path.join(cwd, "one.md"), ONE_STORY);
    coverage = jsonLines((await runCoach(["coverage", "--bank", "one.md", "--json"], { cwd })).stdout);
  });

  function expectGapsListed(text: string): void {
    const listed = bullets(text);
    // The gaps first, then the stretches, each in the principles' order.
    const thin = [...coverage.filter((line) => line.fit === "none"), ...coverage.filter((line) => line.fit === "stretch")];
    // The bank has both kinds, and "Have Backbone; Disagree and Commit" among the gaps: its ";" once split it in two.
    expect(coverage.filter((line) => line.fit === "none").length).toBeGreaterThan(0);
    expect(coverage.filter((line) => line.fit === "stretch").length).toBeGreaterThan(0);
    expect(coverage.find((line) => line.principle === "Have Backbone; Disagree and Commit")?.fit).toBe("none");
    expect(listed.map((line) => line.principle)).toEqual(thin.map((line) => line.principle));
    for (const line of listed) expect(PRINCIPLES).toContain(line.principle);
    const questions = readQuestionBank();
    for (const line of listed) {
      // A real interview question on that very principle.
      const asked = questions.find((question) => question.question === line.question);
      expect(asked?.principles[0], line.question).toBe(line.principle);
      const fit = coverage.find((entry) => entry.principle === line.principle)!;
      expect(line.closest).toBe(fit.fit === "stretch" ? fit.stories[0]!.title : undefined);
    }
  }

  it("in the readable coverage", async () => {
    const run = await runCoach(["coverage", "--bank", "one.md"], { cwd });
    expect(run.code).toBe(0);
    expectGapsListed(run.stdout);
    expect(run.stdout).toMatch(/then run coach coverage again\.\n$/);
  });

  it("in the chat", async () => {
    const run = await runCoach(["chat", "--bank", "one.md"], { cwd, input: "coverage\nquit\n" });
    expect(run.code).toBe(0);
    expectGapsListed(run.stdout);
    expect(run.stdout).toContain('then say "coverage" again.');
  });
});

describe("coach coverage says which stories would be strong if filed under the principle their content reads as", () => {
  it("lists each such story once, with its principles, as --json's strongIfFiled names them", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-coverage-filing-"));
    // Filed under nothing: every principle it shows is the coach's reading, so a plain one is workable, not strong.
    writeFileSync(path.join(cwd, "one.md"), ONE_STORY);
    const lines = jsonLines((await runCoach(["coverage", "--bank", "one.md", "--json"], { cwd })).stdout) as Array<{ principle: string; fit: string; strongIfFiled?: { id: string; title: string } }>;
    const hinted = lines.filter((line) => line.strongIfFiled);
    expect(hinted.length).toBeGreaterThan(0);
    for (const line of hinted) expect(line.fit).toBe("workable");
    const run = await runCoach(["coverage", "--bank", "one.md"], { cwd });
    expect(run.stdout).toContain(`  - "Cut the CI pipeline time in half": ${hinted.map((line) => line.principle).join(" / ")}\n`);
    expect(run.stdout).toMatch(/Workable only because these stories are not filed under the principles their content reads as/);
    // The chat's coverage says the same.
    const chat = await runCoach(["chat", "--bank", "one.md"], { cwd, input: "coverage\nquit\n" });
    expect(chat.stdout).toContain(`  - "Cut the CI pipeline time in half": ${hinted.map((line) => line.principle).join(" / ")}\n`);
  });
});
