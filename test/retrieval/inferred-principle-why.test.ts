import { beforeAll, describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher, type StoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";

// A bank that names no principle: every story's principles are inferred from its content.
const BANK = `# Stories

## Rolled out a rota change without asking
I changed the weekend rota for the warehouse team without asking them first. Two leads complained and absences went up by 30%. I apologised at the next shift meeting, rolled the change back and asked each team to propose a rota. The rota they chose cut absences below where they started. I learned to ask the people affected before I change how they work.

## Coached a picker who kept missing rate
One of our pickers missed his rate for three weeks in a row. I wanted to understand why before writing him up. I walked his route with him and saw that his scanner kept dropping the wifi. I swapped his scanner and paired him with a fast picker for a week. He was above rate within ten days.

## Cut mis-shipped orders
Our site mis-shipped 0.8% of orders, double the goal. I pulled a month of errors and found most came from two similar barcodes. I added a second scan at packing for those items. Mis-ships fell to 0.3% in six weeks.
`;

const ROTA = "plain-rolled-out-a-rota-change-without-asking";
const COACHING = "plain-coached-a-picker-who-kept-missing-rate";
const MIS_SHIPS = "plain-cut-mis-shipped-orders";

describe("the why of a story whose principles were inferred", () => {
  let matcher: StoryMatcher;
  beforeAll(async () => {
    const stories = withInferredPrinciples(parseBankFiles([{ path: "plain.md", sha256: "x", bytes: Buffer.from(BANK) }]).stories);
    expect(stories.map((story) => [story.id, story.principleSource])).toEqual([
      [ROTA, "inferred"],
      [COACHING, "inferred"],
      [MIS_SHIPS, "inferred"],
    ]);
    expect(stories.map((story) => story.principles)).toEqual([["Learn and Be Curious"], ["Deliver Results", "Hire and Develop the Best"], ["Deliver Results", "Dive Deep"]]);
    matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
  });
  // What the why says before it says where to start.
  const whyOf = async (question: string, id: string) => (await matcher.match(question, { k: 3 })).matches.find((match) => match.id === id)!.why.split("; lead with")[0];

  it("never says the story is filed under a principle the coach inferred", async () => {
    // Before: "Filed under Learn and Be Curious, which the question asks about, but no line shows failure or mistake: ...".
    expect(await whyOf("Tell me about a time you made a mistake", ROTA)).toBe("No line shows failure or mistake: if it does, add a line that says so");
    // Before: "Your closest Deliver Results story".
    expect(await whyOf("How have you shown Deliver Results?", MIS_SHIPS)).toBe("Its content reads as Deliver Results, which the question asks about");
    // A question with no clear theme that names no principle asks about none, as its "asks about" line says (user audit:
    // "Its content reads as Dive Deep, which the question asks about" beside "asks about: no clear theme").
    expect(await whyOf("Tell me about a time you went deep into data", MIS_SHIPS)).not.toContain("which the question asks about");
  });

  it("names no inferred principle in brackets beside the theme a line shows", async () => {
    // Before: "Shows mentoring and developing others (Hire and Develop the Best): its heading, ...". Only the heading names
    // the theme; the line that shows it is the one the why-sentence model picks: what the speaker did for him.
    expect(await whyOf("Tell me about a time you developed someone on your team", COACHING)).toBe(
      'Shows mentoring and developing others by its heading, "Coached a picker who kept missing rate"; the line to point to: "I swapped his scanner and paired him with a fast picker for a week"',
    );
    expect(await whyOf("Tell me about a time you learned something new quickly", ROTA)).toBe('Shows learning: "I learned to ask the people affected before I change how they work"');
  });
});
