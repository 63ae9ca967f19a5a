import { describe, expect, it } from "vitest";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../../src/retrieval/index.js";
import { parseText } from "../support/parse-text.js";

// The body never says "migration": only the question the story was written for does.
const BANK = `# Stories

**Q1: Tell me about a large migration you led.**

Situation: Card data lived in the main database, which put the whole monolith in audit scope.
Task: I was the lead engineer for moving card storage into a separate vault service, with zero downtime.
Action: I designed a four-phase plan: dual writes, a backfill, shadow reads, then the cut-over, one region at a time.
Result: We cut over with zero downtime, and the yearly audit went from 6 weeks to 10 days.

**Q2: Tell me about a time you simplified a process.**

Situation: Releasing the monolith took a 14-step checklist and about 3 hours.
Action: I scripted the steps in a pipeline with a canary and an automatic undo.
Result: Releases took 25 minutes instead of 3 hours.
`;

describe("a story written for the question asked", () => {
  it("says it was written for this question, quoting it, where no line shares the question's words", async () => {
    const matcher = await createInMemoryMatcher(parseText(BANK).stories, new InterviewEmbedder());
    const { matches } = await matcher.match("Tell me about a large migration you led.", { k: 2 });
    expect(matches[0]!.title).toBe("Tell me about a large migration you led.");
    expect(matches[0]!.why).toMatch(/^Written for this question: "Tell me about a large migration you led"; lead with /);
    expect(matches[0]!.fit).not.toBe("stretch");
    // One word of the heading in common is no sign the story was written for the question.
    expect(matches[1]!.why).not.toContain("Written for this question");
  });

  it("does not claim it for a question that shares only some of the heading's words", async () => {
    const matcher = await createInMemoryMatcher(parseText(BANK).stories, new InterviewEmbedder());
    const { matches } = await matcher.match("Tell me about a large customer you lost.", { k: 2 });
    expect(matches.map((match) => match.why).join(" ")).not.toContain("Written for this question");
  });

  it("does not claim it for a question that asks for a theme the heading lacks, nor for a topic title", async () => {
    const matcher = await createInMemoryMatcher(parseText(BANK).stories, new InterviewEmbedder());
    // Three in four words shared, but the failure is what it asks for (code review).
    const failed = await matcher.match("Tell me about a large migration that failed.", { k: 1 });
    expect(failed.matches[0]!.why).not.toContain("Written for this question");
    const topic = await createInMemoryMatcher(parseText(BANK.replace("**Q1: Tell me about a large migration you led.**", "## Card vault migration")).stories, new InterviewEmbedder());
    const plain = await topic.match("Tell me about the card vault migration.", { k: 1 });
    expect(plain.matches[0]!.title).toBe("Card vault migration");
    expect(plain.matches[0]!.why).not.toContain("Written for this question");
  });

  it("says so where the question asks a theme its heading asks too, though no line has the theme's cues (user audit)", async () => {
    // The story's own question asks for a data-driven decision; its body never says "decision" or "judgement".
    const bank = `${BANK}
**Q3: Tell me about a time you used data to drive a decision.**

Situation: Sales wanted a second shift of agents for the launch week.
Action: I pulled six months of tickets by hour and found 80% came between 8am and 6pm.
Result: We kept one shift and moved four agents to mornings; wait times fell 30%.
`;
    const matcher = await createInMemoryMatcher(parseText(bank).stories, new InterviewEmbedder());
    const { matches } = await matcher.match("Tell me about a time you used data to make a decision.", { k: 3 });
    const written = matches.find((match) => match.title.startsWith("Tell me about a time you used data"))!;
    expect(written.why).toMatch(/^Written for this question: "Tell me about a time you used data to drive a decision"/);
    expect(written.why).not.toContain("No line shows");
    expect(written.fit).not.toBe("stretch");
  });
});
