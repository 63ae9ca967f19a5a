import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCoach, SEEDS_PATH } from "../support/run-coach.js";

// Expected values below were read off the seed files by hand (line numbers from the
// files themselves), not copied from the parser's output.
const SEED_000 = "000_1d67621a947f9fae.txt";
const SEED_002 = "002_710e9f5f632bee20.txt";
const STORY_LINES_000 = [120, 143, 162, 183, 201, 223, 244, 263, 281, 301, 319, 337, 357, 375, 393, 411, 431, 449, 467, 487, 505, 523, 541, 560, 581, 601, 619, 637, 657, 675, 693, 710, 727];
const STORY_LINES_002 = [11, 17, 26, 32, 40, 46, 49, 55, 60, 69, 73];
const NOTE_LINES_000 = [3, 9, 15, 21, 29, 34, 39, 44, 51, 57, 63, 69, 78, 83, 87, 92, 97, 104, 750];

// The seed banks live in ../shared beside the checkout (as in CI); a bare clone skips these.
describe.skipIf(!existsSync(SEEDS_PATH))("coach stories --bank ../shared/seeds --json", () => {
  let stories: any[];
  let warnings: any[];
  let exitCode: number | null;

  beforeAll(async () => {
    const run = await runCoach(["stories", "--bank", SEEDS_PATH, "--json"]);
    exitCode = run.code;
    const lines = jsonLines(run.stdout);
    stories = lines.filter((line) => !("warning" in line));
    warnings = lines.filter((line) => "warning" in line).map((line) => line.warning);
  });

  const inFile = (name: string) => stories.filter((story) => path.basename(story.source.file) === name);
  const at = (name: string, line: number) => inFile(name).find((story) => story.source.startLine === line);

  it("finds every story of both banks at its heading line, and nothing else", () => {
    expect(exitCode).toBe(0);
    expect(inFile(SEED_000).map((story) => story.source.startLine)).toEqual(STORY_LINES_000);
    expect(inFile(SEED_002).map((story) => story.source.startLine)).toEqual(STORY_LINES_002);
    expect(stories).toHaveLength(44);
  });

  it("uses the contract's id scheme and fields for story 99", () => {
    const story = at(SEED_002, 55);
    expect(story.id).toBe("002-710e9f5f632bee20-automated-a-manual-process");
    expect(story.title).toBe("Automated a manual process.");
    expect(story.question).toBeNull();
    expect(story.parts).toEqual({ situation: true, task: false, action: true, result: true, lesson: false });
    expect(story.principles).toEqual(expect.arrayContaining(["Bias for Action", "Deliver Results"]));
    expect(story.source.endLine).toBe(58);
  });

  it("reads question headings, labelled parts and lessons in the principle-organised bank", () => {
    const first = at(SEED_000, 120);
    expect(first.question).toMatch(/^Describe a difficult interaction you had with a customer\./);
    expect(first.principles).toEqual(["Customer Obsession"]);
    expect(first.parts).toEqual({ situation: true, task: true, action: true, result: true, lesson: true });
    expect(first.source.endLine).toBe(139);
    expect(at(SEED_000, 143).parts.lesson).toBe(false);
    // "Action (What Happened):" and "Result & What I'd Do Differently:"
    expect(at(SEED_000, 541).parts).toEqual({ situation: true, task: true, action: true, result: true, lesson: true });
    // "I learned to always confirm usage statistics" inside the Result
    expect(at(SEED_000, 693).parts.lesson).toBe(true);
    expect(at(SEED_000, 560).principles).toEqual(["Have Backbone; Disagree and Commit"]);
    expect(at(SEED_000, 657).principles).toEqual(["Are Right, A Lot"]);
  });

  it("reads the section with no sub-heading as one story", () => {
    const failed = at(SEED_000, 727);
    expect(failed.title).toBe("Tell Me About a Time You Failed");
    expect(failed.question).toBe("Tell Me About a Time You Failed");
    expect(failed.parts).toEqual({ situation: true, task: true, action: true, result: true, lesson: true });
    expect(failed.source.endLine).toBe(746);
  });

  it("reads principle-only headings with a Question line, and principles named in parentheses", () => {
    const customer = at(SEED_002, 69);
    expect(customer.title).toBe("Customer Obsession");
    expect(customer.question).toBe("Tell me about a time you pushed back on a requirement because it wasn't in the best interest of the customer.");
    expect(customer.principles).toEqual(["Customer Obsession"]);
    const critical = at(SEED_002, 73);
    expect(critical.question).toBe("Pipeline broke at 2 AM.");
    expect(critical.principles).toEqual(expect.arrayContaining(["Ownership", "Bias for Action", "Dive Deep"]));
    expect(at(SEED_002, 11).principles).toEqual(["Ownership", "Dive Deep", "Bias for Action"]);
  });

  it("resolves the 'See Q92' pointer into story 92 and does not list it as a story", () => {
    const story92 = at(SEED_002, 17);
    expect(story92.title).toBe("Debugged a data discrepancy.");
    expect(story92.questions).toContain("Found root cause of incorrect metrics.");
    expect(stories.some((story) => story.title.startsWith("Found root cause"))).toBe(false);
    expect(warnings).toContainEqual(expect.objectContaining({ code: "POINTER_RESOLVED", line: 23 }));
  });

  it("repairs the mojibake dash and reports where", () => {
    const story97 = at(SEED_002, 46);
    expect(story97.title).toBe("Chose speed over perfection \u2014 why?");
    expect(warnings).toContainEqual(expect.objectContaining({ code: "MOJIBAKE_REPAIRED", line: 46 }));
    expect(JSON.stringify(stories)).not.toContain("\u00e2\u20ac");
  });

  it("groups the two tellings of the 33-hours-to-10-hours pipeline and nothing unrelated", () => {
    expect(at(SEED_000, 162).experience).toBe(at(SEED_000, 301).experience);
    expect(at(SEED_000, 263).experience).not.toBe(at(SEED_002, 73).experience);
    expect(new Set(stories.map((story) => story.experience)).size).toBeGreaterThanOrEqual(40);
  });

  it("reports the coverage notes, final note and tips as skipped prose", () => {
    const skipped000 = warnings.filter((warning) => warning.code === "SKIPPED_PROSE" && path.basename(warning.file) === SEED_000);
    expect(skipped000.map((warning) => warning.line)).toEqual(NOTE_LINES_000);
    expect(warnings).toContainEqual(expect.objectContaining({ code: "SKIPPED_PROSE", line: 1, file: expect.stringContaining(SEED_002) }));
  });

  it("accounts for every heading: story, pointer, skipped prose, or a section holding stories", () => {
    for (const name of [SEED_000, SEED_002]) {
      const text = readFileSync(path.join(SEEDS_PATH, name), "utf8");
      const headingLines = text.split("\n").flatMap((line, index) => (/^#{1,6}\s/.test(line) ? [index + 1] : []));
      const storyLines = inFile(name).map((story) => story.source.startLine);
      const reported = warnings.filter((warning) => path.basename(warning.file) === name && ["SKIPPED_PROSE", "POINTER_RESOLVED"].includes(warning.code)).map((warning) => warning.line);
      const sections = name === SEED_000 ? [118, 181, 242, 299, 355, 429, 485, 558, 599, 655] : [7, 9, 38, 67];
      expect([...storyLines, ...reported, ...sections].sort((a, b) => a - b)).toEqual(headingLines);
    }
  });
});
