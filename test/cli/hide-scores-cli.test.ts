import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SessionStore } from "../../src/coach/session-store.js";
import { describe, expect, it } from "vitest";
import { jsonLines, PROJECT_ROOT, runCoach } from "../support/run-coach.js";

// 38 words: the setup (6), the actions (16) and the result (16); 38 / 150 words a minute = 15.2 s, under 20 s: far too short (high).
const ANSWER = "When our nightly report kept failing, I traced it to a schema change upstream, patched the parser and added a contract test. The report has not failed since, and it saved the analysts about 5 hours a week.";
const QUESTION = "Tell me about a fix.";
const critique = (extra: string[] = [], options: Parameters<typeof runCoach>[1] = {}) => runCoach(["critique", "--question", QUESTION, "--answer", ANSWER, ...extra], options);

/** The readable report in low-anxiety mode: every line of the usual one but the score and the parts' shares. */
const HIDDEN_REPORT = [
  "38 words, about 15 s spoken",
  "",
  '  situation ✓ "When our nightly report kept failing"',
  "  task      ✗ missing",
  '  action    ✓ "I traced it to a schema change upstream, patched the parser and added …"',
  '  result    ✓ "The report has not failed since"',
  "  lesson    ✗ missing",
  "",
  "  result quantified: yes (5 hours)   I/we in actions: 1/0",
  "",
  "Issues:",
  "  [high] TOO_SHORT: About 15 s spoken: far too short for an interview answer, with room for a clause on each part at most. Aim for 1-2 minutes: the situation in a sentence or two, then your steps, then how it turned out.",
  "  [low] MISSING_TASK: Say what your goal or responsibility was, so the listener knows what success looked like.",
  "",
  "An interviewer would ask:",
  "  - What was your specific goal or responsibility there?",
  "",
].join("\n");
const SCORE_LINE = /^Score \d+\/100 {3}structure \d+% · results \d+% · ownership \d+% · relevance \d+% · delivery \d+%\n/;

const hidden = (stdout: string) => stdout === HIDDEN_REPORT;
const shown = (stdout: string) => SCORE_LINE.test(stdout) && stdout.includes('situation ✓ 16%  "When our nightly') && stdout.includes("result    ✓ 42%");

function folderWith(config?: unknown): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "coach-hide-scores-"));
  if (config !== undefined) writeFileSync(path.join(folder, "coach.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return folder;
}

describe("coach critique in low-anxiety mode (--hide-scores, COACH_HIDE_SCORES, hideScores)", () => {
  it("without the setting, the report opens with the score and gives each part's share (6/38 = 16%, 16/38 = 42%)", async () => {
    const run = await critique();
    expect(run.code).toBe(0);
    expect(shown(run.stdout)).toBe(true);
    expect(run.stdout.slice(run.stdout.indexOf("\n") + 1)).not.toBe(HIDDEN_REPORT);
  });

  it("--hide-scores leaves out the score, its breakdown and the shares, and keeps the parts, issues and follow-ups", async () => {
    const run = await critique(["--hide-scores"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(HIDDEN_REPORT);
    expect(run.stdout).not.toMatch(/\/100|%/);
  });

  it("--json stays complete with it: the contract's score, breakdown and shares", async () => {
    const [line] = jsonLines((await critique(["--hide-scores", "--json"])).stdout);
    expect(line.score).toBeGreaterThan(0);
    expect(Object.keys(line.breakdown)).toEqual(["structure", "results", "ownership", "relevance", "delivery"]);
    expect(line.star.situation.share).toBeCloseTo(6 / 38, 2);
    expect(line.words).toBe(38);
  });

  it("COACH_HIDE_SCORES turns it on with 1 or true (any case) and off with 0 or false", async () => {
    for (const value of ["1", "true", "TRUE", " true "]) expect(hidden((await critique([], { env: { COACH_HIDE_SCORES: value } })).stdout), value).toBe(true);
    for (const value of ["0", "false", ""]) expect(shown((await critique([], { env: { COACH_HIDE_SCORES: value } })).stdout), value).toBe(true);
  });

  it('"hideScores" in the config file, found in the folder or given with --config', async () => {
    const folder = folderWith({ hideScores: true });
    expect(hidden((await critique([], { cwd: folder })).stdout)).toBe(true);
    const elsewhere = folderWith();
    const file = path.join(elsewhere, "settings.json");
    writeFileSync(file, JSON.stringify({ hideScores: true }));
    expect(hidden((await critique(["--config", file])).stdout)).toBe(true);
    expect(shown((await critique([], { cwd: folderWith({ hideScores: false }) })).stdout)).toBe(true);
  });

  it("precedence: the flag beats the environment, which beats the file", async () => {
    expect(hidden((await critique(["--hide-scores"], { env: { COACH_HIDE_SCORES: "0" } })).stdout)).toBe(true);
    expect(shown((await critique([], { cwd: folderWith({ hideScores: true }), env: { COACH_HIDE_SCORES: "false" } })).stdout)).toBe(true);
    expect(hidden((await critique([], { cwd: folderWith({ hideScores: false }), env: { COACH_HIDE_SCORES: "1" } })).stdout)).toBe(true);
    // --show-scores turns the mode off whatever the variable and the file say.
    expect(shown((await critique(["--show-scores"], { cwd: folderWith({ hideScores: true }), env: { COACH_HIDE_SCORES: "1" } })).stdout)).toBe(true);
    const both = await critique(["--hide-scores", "--show-scores"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--hide-scores and --show-scores: give one or the other.");
  });

  it("a bad value is a usage error (exit 2) naming the variable or the file's key", async () => {
    const run = await critique([], { env: { COACH_HIDE_SCORES: "yes" } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('coach: COACH_HIDE_SCORES: "yes" is not a switch; use 1 or true (on), 0 or false (off), or --hide-scores or --show-scores instead.');
    const folder = folderWith({ hideScores: "yes" });
    const fromFile = await critique([], { cwd: folder });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`${path.join(folder, "coach.config.json")}: hideScores: `);
  });

  it("a batch and a bank audit print their rows without the score column", async () => {
    const folder = folderWith();
    const batch = path.join(folder, "drafts.jsonl");
    writeFileSync(batch, `${JSON.stringify({ id: "a1", question: QUESTION, answer: ANSWER })}\n`);
    expect((await runCoach(["critique", "--batch", batch, "--hide-scores"])).stdout).toBe("a1           TOO_SHORT\n");
    expect((await runCoach(["critique", "--batch", batch])).stdout).toMatch(/^a1 +\d+ {2}TOO_SHORT\n$/);
    const audit = await runCoach(["critique", "--bank", path.join(PROJECT_ROOT, "test", "fixtures", "explanation-bank.md"), "--hide-scores"]);
    expect(audit.stdout.split("\n").map((row) => row.replace(/ +/g, " "))).toEqual([
      "Argued against dropping the data quality checks NUMBERS_ONLY_IN_SETUP",
      "Botched the loyalty data migration TOO_SHORT",
      "Fixed the stale inventory dashboard TOO_SHORT",
      "",
    ]);
  });
});

describe("coach doctor shows the setting and where it came from", () => {
  it("default, environment and config file", async () => {
    expect((await runCoach(["doctor"])).stdout).toMatch(/^scores {7}shown \(default\)$/m);
    expect((await runCoach(["doctor"], { env: { COACH_HIDE_SCORES: "1" } })).stdout).toMatch(/^scores {7}hidden: coaching in words, no scores \(COACH_HIDE_SCORES\)$/m);
    const folder = folderWith({ hideScores: true });
    expect((await runCoach(["doctor"], { cwd: folder })).stdout).toContain(`scores       hidden: coaching in words, no scores (${path.join(folder, "coach.config.json")})`);
    const [line] = jsonLines((await runCoach(["doctor", "--json"], { env: { COACH_HIDE_SCORES: "true" } })).stdout);
    expect(line).toMatchObject({ hideScores: true, sources: { hideScores: "env" } });
  });
});

describe("coach chat --hide-scores", () => {
  it("runs a mock interview whose feedback and summary carry no score", async () => {
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-hide-scores-chat-"));
    // The interview's question follows from the session id: a saved session with a known id asks a known question
    // ("a project on a shoestring budget"), which wants no lesson: the answer is probed only for being far too short.
    const sessions = new SessionStore(path.join(store, "sessions"));
    await sessions.save({ ...sessions.create(), id: "s-hidescores02" });
    // Situation, task, action and a result with a figure, in 32 words (13 s): complete but far too short.
    const answer = "Last year our cloud bill doubled while traffic stayed flat. I owned the platform budget, so I found idle clusters and rightsized the databases. The bill fell by 40% within a month.";
    const run = await runCoach(["chat", "--store", store, "--session", "s-hidescores02", "--hide-scores"], { input: ["interview me on Frugality", answer, "skip", ""].join("\n") });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Question 1 of 1 (Frugality): Tell me about a time you delivered a project on a shoestring budget.");
    expect(run.stdout).toContain(
      [
        "That's very brief. Walk me through it in more detail: what was going on, what did you do step by step, and how did it end?",
        "",
        "Skipped the follow-up; your first answer stands as you gave it.",
        "",
        "Interview summary:",
        "- Frugality: answered; work on: give enough detail for a minute or two (follow-up not answered)",
        "Practise next: give enough detail for a minute or two.",
      ].join("\n"),
    );
    expect(run.stdout).not.toMatch(/\/100|Score/);
  });
});
