import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCoach, PROJECT_ROOT } from "../support/run-coach.js";

// Three stories, filed under Dive Deep, Learn and Be Curious, and Have Backbone; Disagree and Commit.
const BANK = path.join(PROJECT_ROOT, "test", "fixtures", "explanation-bank.md");

describe("coach match, stories and coverage agree on a bank's principles, and match says what users need to know", () => {
  let store: string;
  beforeAll(async () => {
    store = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-explain-")), "store");
    expect((await runCoach(["index", BANK, "--store", store])).code).toBe(0);
  });

  it("shows the same principles in match as in stories: the bank's own", async () => {
    const stories = jsonLines((await runCoach(["stories", "--store", store, "--json"])).stdout);
    const match = await runCoach(["match", "--store", store, "-k", "3", "--json", "Tell me about a time you failed"]);
    const filed = Object.fromEntries(stories.map((story) => [story.id, story.principles]));
    expect(filed).toEqual({
      "explanation-bank-fixed-the-stale-inventory-dashboard": ["Dive Deep"],
      "explanation-bank-botched-the-loyalty-data-migration": ["Learn and Be Curious"],
      "explanation-bank-argued-against-dropping-the-data-quality-checks": ["Have Backbone; Disagree and Commit"],
    });
    for (const shown of jsonLines(match.stdout)[0].matches) expect(shown.principles).toEqual(filed[shown.id]);
  });

  it("coverage calls strong only a principle the bank files a story under", async () => {
    const coverage = jsonLines((await runCoach(["coverage", "--store", store, "--json"])).stdout);
    expect(coverage.filter((line) => line.fit === "strong").map((line) => [line.principle, line.stories[0].id])).toEqual([
      ["Learn and Be Curious", "explanation-bank-botched-the-loyalty-data-migration"],
      ["Dive Deep", "explanation-bank-fixed-the-stale-inventory-dashboard"],
      ["Have Backbone; Disagree and Commit", "explanation-bank-argued-against-dropping-the-data-quality-checks"],
    ]);
    // The dashboard story's strongest principle is Customer Obsession: its buyers ("buyers" and "buyer*", twice each:
    // 1 - e^(-0.45 x 2 x (1 + ln 2)) = 0.782). It is filed under Dive Deep, and its tracing shows root cause ("traced",
    // "found that": 1 - e^(-0.45 x 2) = 0.593), Dive Deep's only theme here: 0.593 / 0.782 = 0.759 of the strongest,
    // so 0.55 + 0.35 x 0.759 = 0.816, strong.
    expect(coverage.find((line) => line.principle === "Dive Deep")).toMatchObject({ fit: "strong", stories: [{ id: "explanation-bank-fixed-the-stale-inventory-dashboard", score: 0.816 }] });
    // The dashboard story's content shows Customer Obsession fully (0.75 x 1), but the bank files it under Dive Deep only.
    const customers = coverage.find((line) => line.principle === "Customer Obsession");
    expect(customers).toMatchObject({ fit: "workable" });
    expect(customers.stories[0]).toMatchObject({ id: "explanation-bank-fixed-the-stale-inventory-dashboard", score: 0.75 });
    // Its "inventory" is no invention: "invent*" took it, the cue now lists invent's own forms.
    expect(coverage.find((line) => line.principle === "Invent and Simplify").stories.map((story: { id: string }) => story.id)).not.toContain("explanation-bank-fixed-the-stale-inventory-dashboard");
  });

  it("says on stderr why fewer stories than -k are shown, and that a motivation question needs no story", async () => {
    const short = await runCoach(["match", "--store", store, "-k", "5", "Tell me about a time you failed"]);
    expect(short.code).toBe(0);
    expect(short.stderr).toContain("coach: Your bank has 3 experiences (tellings of the same events count once), so 3 are shown, not 5.");
    const why = await runCoach(["match", "--store", store, "--json", "Why do you want to work here?"]);
    expect(why.stderr).toMatch(/coach: This is a motivation question, not a behavioural one: answer with what draws you to the company and the role\. No story is needed, though ".+" could support it\./);
    expect(jsonLines(why.stdout)[0]).toMatchObject({ principles: [], competencies: [] });
  });
});
