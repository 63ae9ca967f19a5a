import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { createInMemoryMatcher } from "../../src/retrieval/index.js";
import { stem } from "../../src/understanding/normalize-text.js";

describe("nouns kept apart from the verb or word their suffix would merge them with", () => {
  it("keeps a meeting from meeting a goal, a manager from self-managed, a customer from custom", () => {
    expect(stem("meeting")).not.toBe(stem("meet"));
    expect(stem("meetings")).toBe(stem("meeting"));
    expect(stem("manager")).not.toBe(stem("managed"));
    expect(stem("managers")).toBe(stem("manager"));
    expect(stem("customers")).not.toBe(stem("custom"));
    expect(stem("customers")).toBe(stem("customer"));
    // Ordinary forms still meet.
    expect(stem("migrating")).toBe(stem("migrated"));
  });

  it("does not explain a match by a shared word that only looks like the question's (audit: 'a goal you didn't meet')", async () => {
    const bank = "## Kafka pushback\n\nS: My director wanted us on Kafka in a quarter. T: I owned the queueing layer. A: I asked for a meeting with the director and showed the load data. R: We kept SQS and saved two engineer-months.\n";
    const stories = parseBankFiles([{ path: "bank.md", bytes: Buffer.from(bank), sha256: "x" }]).stories;
    const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
    const result = await matcher.match("Give me an example of a goal you didn't meet.", { k: 1 });
    expect(result.matches[0]!.why).not.toMatch(/meeting/);
  });
});
