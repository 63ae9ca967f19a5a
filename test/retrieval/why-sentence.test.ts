import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { judge, type WhyLabel } from "../../src/evals/why-eval.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type QuotedEvidence } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";

const BANK = `## Pushing back on weekly releases

**Situation:** Our team had a long-running disagreement about release cadence, and the argument came up in every retro.
**Task:** As the release owner I had to settle it before the holiday freeze.
**Action:** I told my manager I thought her weekly release plan was wrong, and showed her three months of rollback data to make the case. I also set up a trial of two-week releases for one service.
**Result:** She agreed to a two-week cadence for all services, and rollbacks fell by half in the next quarter.
`;

describe("the line a match quotes as its fit (the why-sentence model)", () => {
  it("quotes the candidate's own pushback, not the scene's word for an argument", async () => {
    const stories = withInferredPrinciples(parseBankFiles([{ path: "bank.md", sha256: "x", bytes: Buffer.from(BANK) }]).stories);
    const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    const [match] = (await matcher.match("Tell me about a time you disagreed with your manager")).matches;
    // The theme cues alone quote the situation's "disagreement"; a reader quotes what the candidate did about it.
    expect(match!.why).toMatch(/^Shows conflict or disagreement; the line to point to: "I told my manager I thought her weekly release plan was wrong…"; lead with the situation: /);
  });
});

describe("the theme a quoted line is said to show", () => {
  it("is the theme the cues found in the story, not another asked theme the picked line happens to cue", async () => {
    const bank = "## Shipped the billing migration on a tight deadline\n\n**Situation:** Finance needed the new billing system live before the end of the quarter, six weeks away.\n**Task:** I owned the migration plan.\n**Action:** I cut the scope to the three invoice types that covered 90% of revenue and ran the cutover over a weekend.\n**Result:** We never missed a deadline that year, and the cutover finished two days early.\n";
    const stories = withInferredPrinciples(parseBankFiles([{ path: "b.md", sha256: "x", bytes: Buffer.from(bank) }]).stories);
    const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    const [match] = (await matcher.match("Tell me about a time you missed a deadline")).matches;
    // Before (review): 'Shows missed goal or commitment: "We never missed a deadline..."', the quote contradicting the claim.
    expect(match!.why).toMatch(/^Shows tight deadline or pressure; the line to point to: /);
  });
});

describe("judging a why against a reader's labels", () => {
  const label: WhyLabel = {
    case: "c1",
    bank: "corpus/sample-bank",
    question: "Tell me about a time you failed",
    story: "s",
    heading: false,
    shows: ["I skipped the load test.", "Checkout slowed for 47 minutes."],
    best: "I skipped the load test.",
    misleading: ["No one missed the launch."],
  };
  const sentence = (text: string) => ({ text, part: "action" as const, words: [], strength: 1, focusStart: 0, focusEnd: text.length });
  const competency = { id: "failure", name: "Failure or mistake", description: "", principles: [], cues: [], quoteUnless: [] };

  it("counts a quoted line the reader marked as fair, and one they marked misleading as misleading", () => {
    expect(judge({ kind: "theme", competency, sentence: sentence("Checkout slowed for 47 minutes.") }, label)).toEqual({ claims: "line", sentence: "Checkout slowed for 47 minutes.", fair: true, misleading: false });
    expect(judge({ kind: "line", competency, sentence: sentence("No one missed the launch.") }, label)).toEqual({ claims: "line", sentence: "No one missed the launch.", fair: false, misleading: true });
  });

  it("reads 'no line shows it' as a claim of lack, and a heading as fair only when the reader says it names the theme", () => {
    const lacking: QuotedEvidence = { kind: "words", sentence: sentence("I skipped the load test."), lacking: true };
    expect(judge(lacking, label).claims).toBe("lack");
    expect(judge({ kind: "none", lacking: false }, label).claims).toBe("nothing");
    expect(judge({ kind: "heading", competency, line: { text: "Failure", kind: "title" } }, label)).toEqual({ claims: "line", fair: false });
    expect(judge({ kind: "heading", competency, line: { text: "Failure", kind: "title" } }, { ...label, heading: true })).toEqual({ claims: "line", fair: true });
  });
});

describe("the line quoted without the why-sentence model (its file missing)", () => {
  it("falls back to the sentence with the strongest cues, or the heading line that names the theme", async () => {
    const { chooseEvidence, askedThemes } = await import("../../src/retrieval/explain-match.js");
    const { profileStory } = await import("../../src/retrieval/story-features.js");
    const { lexicalTerms, loadTaxonomy, profileText } = await import("../../src/understanding/index.js");
    const [story] = parseBankFiles([{ path: "bank.md", sha256: "x", bytes: Buffer.from(BANK) }]).stories;
    const taxonomy = loadTaxonomy();
    const read = (question: string) => {
      const profile = profileText(question, "question");
      return { profile, asked: askedThemes(profile, taxonomy.competencies), terms: new Set(lexicalTerms(question, taxonomy.templateWords)) };
    };
    const disagreed = chooseEvidence(story!, profileStory(story!), read("Tell me about a time you disagreed with your manager"), null);
    expect(disagreed.kind === "theme" && disagreed.sentence.text).toBe("Our team had a long-running disagreement about release cadence, and the argument came up in every retro.");
    // A story titled for pushing back, with no line that says so in the cues' words.
    const [titled] = parseBankFiles([{ path: "t.md", sha256: "y", bytes: Buffer.from("## Disagreed with my manager about the launch\n\n**Action:** I wrote up the risks and asked for one more week.\n**Result:** We launched a week later with no incidents.\n") }]).stories;
    const heading = chooseEvidence(titled!, profileStory(titled!), read("Tell me about a time you disagreed with your manager"), null);
    expect(heading.kind === "heading" && heading.line).toEqual({ text: "Disagreed with my manager about the launch", kind: "title" });
  });
});

describe("a cue after a negator", () => {
  it("shows nothing: 'we never missed a deadline' is no missed deadline, 'no one pushed back' no disagreement", async () => {
    const { themeSentence } = await import("../../src/retrieval/quote-evidence.js");
    const story = (text: string) => parseBankFiles([{ path: "n.md", sha256: text, bytes: Buffer.from(`## A year of releases\n\n**Result:** ${text}\n`) }]).stories[0]!;
    expect(themeSentence(story("We never missed a deadline that year."), "missed-goal")).toBeUndefined();
    expect(themeSentence(story("We missed the deadline by two weeks."), "missed-goal")?.text).toBe("We missed the deadline by two weeks.");
    expect(themeSentence(story("No one pushed back on the plan."), "conflict")).toBeUndefined();
  });
});

describe("quotes cut to fit", () => {
  it("never end mid-word, and a lead line keeps its figure", async () => {
    // Questions whose whys cut "lower-carbon gri…" and "“some cust…" before (user audit), on the sample bank.
    const { loadBank } = await import("../../src/bank/index.js");
    const { SAMPLE_BANK_PATH } = await import("../../src/cli/package-paths.js");
    const sample = withInferredPrinciples((await loadBank([SAMPLE_BANK_PATH])).stories);
    const sampleMatcher = await createInMemoryMatcher(sample, new InterviewEmbedder());
    for (const question of ["Frugality: tell me about a time you did more with less.", "Tell me about your biggest professional failure."]) {
      for (const match of (await sampleMatcher.match(question)).matches) {
        const text = match.text.replace(/\*\*|__|`/g, "").replace(/\s+/g, " ");
        for (const [, quoted] of match.why.matchAll(/"…?([^"]+?)…"/g)) {
          const at = text.indexOf(quoted!);
          expect(at, match.why).toBeGreaterThanOrEqual(0);
          // What follows the cut is a space or a stop, never the rest of a word.
          expect(text[at + quoted!.length] ?? " ", match.why).toMatch(/[\s,;:.—–-]/);
        }
      }
    }
    const bank = "## Cheaper test environments\n\n**Situation:** Partner teams waited days for a shared staging slot.\n**Action:** I built ephemeral environments that shut down after 4 idle hours.\n**Result:** Partners got a fresh environment whenever they needed one, and the bill came to around $900 a month.\n";
    const stories = withInferredPrinciples(parseBankFiles([{ path: "f.md", sha256: "f", bytes: Buffer.from(bank) }]).stories);
    const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    const [match] = (await matcher.match("Tell me about a time you saved money")).matches;
    expect(match!.why).toContain('"…and the bill came to around $900 a month"');
  });
});

describe("a principle the writer noted in brackets", () => {
  it("is left out of a quote, other brackets kept", async () => {
    const { quoteSentence } = await import("../../src/retrieval/quote-evidence.js");
    expect(quoteSentence({ text: "Fixed the schema mapping the same night to unblock the pipeline (Bias for Action).", part: "action" })).toBe("Fixed the schema mapping the same night to unblock the pipeline");
    expect(quoteSentence({ text: "Took it on (Ownership) and shipped the (POC) in a week.", part: "action" })).toBe("Took it on and shipped the (POC) in a week");
  });
});
