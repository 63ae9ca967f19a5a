import { beforeAll, describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";

// Lines from a user audit's banks whose cue words mean something else, or only set the scene, beside lines that do
// show the theme in words the cues took for a hint. The why must claim a theme only from a line that shows it.
const BANK = `# Stories

## Fixed slow search

Tags: Dive Deep

**Situation:** Search p99 latency hit 2 seconds.
**Task:** Bring it under 300 ms.
**Action:** I profiled queries, added an index, and added a latency budget check to CI.
**Result:** p99 fell to 250 ms.

## Latency regression after an upgrade

Tags: Dive Deep

**Situation:** p99 latency of the authorization API jumped from 180 ms to 900 ms after a routine dependency upgrade.
**Task:** Find the cause before the holiday traffic peak.
**Action:** I noticed that the new HTTP client version created a TLS connection per request because connection pooling was off by default. I turned pooling on.
**Result:** p99 went back to 170 ms.

## Changed the break schedule

Tags: Earn Trust

**Situation:** I rolled out a new break schedule without asking the associates first.
**Task:** Fix the damage.
**Action:** People were angry; two leads complained to HR. I apologised and ran a vote on the schedule.
**Result:** Absences fell back to normal in two weeks.

## Learned SQL to stop waiting on analysts

Tags: Learn and Be Curious

**Situation:** Every product question took 4 to 5 days because only two analysts could query the warehouse.
**Task:** I wanted to answer my own questions.
**Action:** I took an evening SQL course and rebuilt our funnel dashboard myself.
**Result:** My turnaround on product questions dropped to same-day.

## Onboarded an intern

Tags: Hire and Develop the Best

**Situation:** We got our first intern, with no payments background.
**Task:** Help her ship something real.
**Action:** I held daily check-ins in the first two weeks and weekly after that, and let her present her own work at the team demo.
**Result:** She shipped a report finance uses daily.

## Reduced mis-ships

Tags: Deliver Results

**Situation:** Our building mis-shipped 0.8% of orders.
**Task:** Get it under 0.4% in one quarter.
**Action:** I walked the pack line for three nights, found that multi-item orders were sealed before the last scan, and added a scan-to-seal step.
**Result:** Mis-ships fell to 0.3% in 9 weeks.

## Customer Obsession

**Question:** Tell me about a time you pushed back on a requirement because it wasn't in the best interest of the customer.
**Sample:** Product asked for a mandatory signup field that was causing 10% drop-off. I showed them the data and proposed making it optional. Conversions went back up.
`;

describe("the why quotes a line only for a theme it shows", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    matcher = await createInMemoryMatcher(withInferredPrinciples(parseBankFiles([{ path: "quotes.md", sha256: "x", bytes: Buffer.from(BANK) }]).stories), new InterviewEmbedder());
  });
  // What the why says before it says where to start.
  const whyOf = async (question: string, id: string) => {
    const match = (await matcher.match(question, { k: 10 })).matches.find((candidate) => candidate.id === id);
    expect(match, `${id} among the matches for "${question}"`).toBeDefined();
    return match!.why.split("; lead with")[0];
  };

  it("reads a latency budget as no money", async () => {
    // Before: 'Shows cost and frugality: "I profiled queries, added an index, and added a latency budget check to CI"'.
    expect(await whyOf("Tell me about a time you saved money for your company.", "quotes-fixed-slow-search")).toBe("No line shows cost and frugality: if it does, add a line that says so");
  });

  it("reads an HTTP client and staff complaining to HR as no customers", async () => {
    // Before: 'Shows customer focus: "I noticed that the new HTTP client version created a TLS connection per request…"'
    // and 'Shows customer focus: "People were angry; two leads complained to HR"'.
    expect(await whyOf("Describe how you showed Customer Obsession.", "quotes-latency-regression-after-an-upgrade")).toBe("No line shows customer focus: if it does, add a line that says so");
    expect(await whyOf("Describe how you showed Customer Obsession.", "quotes-changed-the-break-schedule")).toBe("No line shows customer focus: if it does, add a line that says so");
  });

  it("takes no two words that only set a scene as showing a theme", async () => {
    // "analysts" and "query" were two hints of root cause, 0.5 + 0.5; "two weeks" and "demo" two of a deadline.
    expect(await whyOf("Describe a time you went deep into data or logs to find a root cause.", "quotes-learned-sql-to-stop-waiting-on-analysts")).toBe(
      "No line shows root cause and deep investigation: if it does, add a line that says so",
    );
    expect(await whyOf("Tell me about a time you had to deliver under a tight deadline.", "quotes-onboarded-an-intern")).toBe("No line shows tight deadline or pressure: if it does, add a line that says so");
  });

  it("quotes a line that says what the speaker found as investigation", async () => {
    // Before: "No line shows root cause and deep investigation" ("found that" was a hint alone).
    expect(await whyOf("Describe a time you went deep into data or logs to find a root cause.", "quotes-reduced-mis-ships")).toBe(
      'Shows root cause and deep investigation: "I walked the pack line for three nights, found that multi-item orders were sealed before the last scan…"',
    );
  });

  it("names the question a story answers when that, not its title, names the theme, and the line that shows it", async () => {
    // Before: 'Shows conflict or disagreement: its heading, "Customer Obsession"'; then the question it answers alone.
    expect(await whyOf("Describe a disagreement with a colleague and how you handled it.", "quotes-customer-obsession")).toBe(
      'Shows conflict or disagreement by the question it answers, "Tell me about a time you pushed back on a requirement because it wasn\'t in the best…"; the line to point to: "I showed them the data and proposed making it optional"',
    );
  });
});
