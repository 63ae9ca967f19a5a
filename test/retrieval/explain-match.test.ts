import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBank, parseBankFiles } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";

// Three stories, each filed under one principle by its section heading.
const BANK = path.join(import.meta.dirname, "..", "fixtures", "explanation-bank.md");
const DASHBOARD = "explanation-bank-fixed-the-stale-inventory-dashboard";
const MIGRATION = "explanation-bank-botched-the-loyalty-data-migration";
const CHECKS = "explanation-bank-argued-against-dropping-the-data-quality-checks";

describe("why each match fits, in the candidate's own lines", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    matcher = await createInMemoryMatcher(withInferredPrinciples((await loadBank([BANK])).stories), new InterviewEmbedder());
  });
  const byId = async (question: string, k = 3) => {
    const result = await matcher.match(question, { k });
    return { result, why: (id: string) => result.matches.find((match) => match.id === id)!.why };
  };

  it("quotes the sentence that shows a failure, and says of a story that only mentions a failed system that no line shows one", async () => {
    const { why } = await byId("Tell me about a time you failed");
    expect(why(MIGRATION)).toBe('Shows failure or mistake (Learn and Be Curious): "I misjudged how long the backfill would take and I skipped the dry run…"; lead with the situation: "I moved our loyalty points data to a new warehouse".');
    expect(why(DASHBOARD)).toBe(
      'Shares "failed" with the question: "At Harbor Foods the store inventory dashboard failed to refresh most mornings and buyers ordered from stale…", but no line shows failure or mistake: if it does, add a line that says so; lead with the situation, from that line.',
    );
  });

  it("quotes no line for a vague word it shares beside what the story lacks, but does for a telling one", async () => {
    // The checks story shares only "wanted" with this question ("my director wanted to switch off..."): no evidence of customer focus.
    const { why } = await byId("Tell me about a time you helped a customer who wanted something different");
    expect(why(CHECKS)).toBe('No line shows customer focus: if it does, add a line that says so; lead with the situation: "Before the holiday launch my director wanted to switch off our data quality checks to…".');
    const warehouse = await byId("Give me an example of a warehouse problem you found the cause of");
    expect(warehouse.why(MIGRATION)).toMatch(/^Shares "warehouse" with the question: "I moved our loyalty points data to a new warehouse", but no line shows root cause/);
  });

  it("treats a vague word's other forms as vague too (\"trying\", \"says\", \"goes\", not only \"try\", \"say\", \"go\")", async () => {
    const stories = withInferredPrinciples(
      parseBankFiles([
        {
          path: "plain.md",
          sha256: "x",
          bytes: Buffer.from("## Rebuilt the release train\nS: We kept trying to ship weekly and it never stuck; the release manager says it goes wrong every Friday.\nA: I wrote a release checklist and ran a dry run every Thursday.\nR: We shipped 11 weeks in a row.\n"),
        },
      ]).stories,
    );
    const plain = await createInMemoryMatcher(stories, new InterviewEmbedder());
    for (const question of ["Tell me about a time you were trying to win back an unhappy customer.", "Tell me about a time a customer says your product goes down too often."]) {
      const [match] = (await plain.match(question)).matches;
      expect(match!.why).toMatch(/^No line shows customer focus: if it does, add a line that says so/);
    }
  });

  it("quotes the saving, not the goal, and leads with the result from that line", async () => {
    const { why } = await byId("Tell me about a time you saved money");
    expect(why(MIGRATION)).toBe('Shows cost and frugality: "…added a dry-run step to our checklist, and finished the move a month later, cutting storage spend by 40%"; lead with the result, from that line.');
  });

  it("claims no theme the question does not ask about", async () => {
    const { why } = await byId("Describe a conflict with a peer");
    expect(why(CHECKS)).toBe(
      'Shows conflict or disagreement (Have Backbone; Disagree and Commit): "I disagreed and showed him the three incidents the checks had caught that quarter"; lead with the situation: "Before the holiday launch my director wanted to switch off our data quality checks to…".',
    );
    expect(why(MIGRATION)).toBe('No line shows conflict or disagreement: if it does, add a line that says so; lead with the situation: "I moved our loyalty points data to a new warehouse".');
  });

  it("shows each story's principles as the bank files them, with nothing added from its content", async () => {
    const { result } = await byId("Tell me about a time you failed");
    expect(Object.fromEntries(result.matches.map((match) => [match.id, match.principles]))).toEqual({
      [DASHBOARD]: ["Dive Deep"],
      [MIGRATION]: ["Learn and Be Curious"],
      [CHECKS]: ["Have Backbone; Disagree and Commit"],
    });
  });

  it("shows the inferred principles of a bank that names none, as coach stories does", async () => {
    const stories = withInferredPrinciples(parseBankFiles([{ path: "plain.md", sha256: "x", bytes: Buffer.from("## Cut the cloud bill\nS: Our AWS bill doubled.\nA: I rightsized the databases and moved batch jobs to spot instances.\nR: The bill fell by 38%, about $40k a month.\n") }]).stories);
    const plain = await createInMemoryMatcher(stories, new InterviewEmbedder());
    const [match] = (await plain.match("Tell me about a time you saved money")).matches;
    expect(stories[0]!.principleSource).toBe("inferred");
    expect(match!.principles).toEqual(stories[0]!.principles);
  });

  it("says a motivation question needs no story, and reports no themes for it", async () => {
    const { result } = await byId("Why do you want to work at Harbor Foods?");
    expect(result.competencies).toEqual([]);
    expect(result.principles).toEqual([]);
    expect(result.notices).toEqual([
      {
        code: "NO_STORY_NEEDED",
        message: `This is a motivation question, not a behavioural one: answer with what draws you to the company and the role. No story is needed, though "${result.matches[0]!.title}" could support it.`,
      },
    ]);
    for (const match of result.matches) expect(match.why).toMatch(/^Optional for a motivation question: use it only as a short example; lead with the /);
  });

  it("says why fewer stories than asked for are shown", async () => {
    expect((await matcher.match("Tell me about a time you failed", { k: 5 })).notices).toEqual([{ code: "SMALL_BANK", message: "Your bank has 3 experiences (tellings of the same events count once), so 3 are shown, not 5." }]);
    // Only the checks story says "holiday": fusing ranks of the words alone, the other two score nothing.
    const lexical = await matcher.match("Tell me about the holiday", { k: 3, signals: ["lexical"], expandVocabulary: false, fusion: "rank" });
    expect(lexical.matches.map((match) => match.id)).toEqual([CHECKS]);
    expect(lexical.notices).toEqual([{ code: "FEW_SHARED", message: "Only 1 experience of the 3 in your bank shares a word or a theme with this question, so 1 is shown, not 3." }]);
    const yourself = await matcher.match("Tell me about yourself", { k: 5 });
    expect(yourself.matches).toHaveLength(1);
    // Audit: it used to add "lead with the result: ..." (a failure story's late shipments, for an introduction).
    expect(yourself.matches[0]!.why).toBe("Optional for an introduction question, and nothing in the question points to this story or any other: keep it for a question that asks for one.");
    expect(yourself.notices).toEqual([
      {
        code: "NO_STORY_NEEDED",
        message: "This is an introduction question, not a behavioural one: answer with a short summary of your background: what you do now, what you did before, and why this role. No story is needed.",
      },
      { code: "UNMATCHED", message: "No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not 5." },
    ]);
  });

  it("adds no notice when a story question gets as many stories as it asked for", async () => {
    for (const k of [2, 3]) {
      const result = await matcher.match("Describe a conflict with a peer", { k });
      expect(result.notices).toEqual([]);
      expect(result.matches).toHaveLength(k);
      expect(result.competencies[0]!.name).toBe("conflict");
    }
  });
});

describe("a story with no result", () => {
  it("is told to add one when its parts are labelled, but only that no sentence reads as one when they were read from prose", async () => {
    const bank = parseBankFiles([
      {
        path: "bank.md",
        sha256: "x",
        bytes: Buffer.from(`## Patched the remittance parser

A partner bank changed its remittance file format without warning, and auto-matching broke for its customers. I judged a week of manual reconciling worse than a narrow patch, so I wrote a small shim behind a flag and told support which accounts it covered.

## Pushed back on a rushed launch

**Situation:** Sales wanted the export feature live before a trade show.
**Action:** I showed my director the two failing data checks and asked for one more week.
`),
      },
    ]);
    const stories = withInferredPrinciples(bank.stories);
    expect(stories.map((story) => [story.partsInferred, Boolean(story.parts.result)])).toEqual([
      [true, false],
      [false, false],
    ]);
    const result = await (await createInMemoryMatcher(stories, new InterviewEmbedder())).match("Tell me about a time you acted quickly", { k: 2 });
    const why = (title: string) => result.matches.find((match) => match.title === title)!.why;
    expect(why("Patched the remittance parser")).toMatch(/; no sentence reads as its result: if it has one, say it plainly, with a figure if you have one\.$/);
    expect(why("Pushed back on a rushed launch")).toMatch(/; it has no result yet: add one before using it\.$/);
  });
});
