import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

const QUESTION = "Tell me about a time you improved an old system.";

// Audit (session 19): in a long, hedged answer the result shown was "which is fine" (an aside on the speaker's
// liking for legacy work, hanging from the lesson), while the real outcome, "it was faster, I believe, although I
// don't remember by how much", was neither the result nor a vague claim.
const ANSWER = [
  "So, this was a few years ago, at a small logistics firm, and the invoicing tool was old and slow and people complained about it constantly.",
  "I was one of the developers there, and honestly nobody wanted to touch it.",
  "Eventually I rewrote the export module and added an index on the invoices table, and I also wrote the first tests it ever had.",
  "I think the accountants were generally happier after that, and it was faster, I believe, though I can't say by how much.",
  "Looking back, I learned a lot about working with old code, and I kind of became the go-to person for it, which is fine.",
].join(" ");

describe("a hedged, vague outcome", () => {
  it("is the result, and an aside on the lesson is not", () => {
    const critique = critiqueAnswer(QUESTION, ANSWER);
    const result = critique.star.result.spans.map((span) => span.text);
    expect(result).toContain("and it was faster, I believe, though I can't say by how much.");
    expect(result.some((text) => text.includes("which is fine"))).toBe(false);
    expect(critique.star.lesson.spans.map((span) => span.text)).toContain("which is fine.");
  });

  it("is a vague claim, quoted where the critique asks for a figure", () => {
    const critique = critiqueAnswer(QUESTION, ANSWER);
    expect(critique.quantified).toBe(false);
    const vague = critique.issues.filter((issue) => issue.code === "VAGUE_CLAIM").map((issue) => issue.message);
    expect(vague.some((message) => message.startsWith('"it was faster"'))).toBe(true);
    expect(critique.issues.find((issue) => issue.code === "NOT_QUANTIFIED")!.message).toMatch(/^"it was faster" does not say what changed\./);
  });

  it("reads a change told with its size as the result too, and leaves an aside with a figure on the lesson as it was", () => {
    const clauses = readClauses("Our nightly export took four hours. I added an index and rewrote the export query. It was faster than the old one by 70%. I learned to profile first, which saved me 2 days on the next project.");
    expect(clauses.find((clause) => clause.text.startsWith("It was faster"))!.roles).toEqual(["result"]);
    expect(clauses.find((clause) => clause.text.startsWith("which saved"))!.roles).not.toEqual(["lesson"]);
  });

  it("keeps a change hung from the lesson as the result, though it has no digit (review)", () => {
    const answer =
      "Last spring I pushed a database migration on a Friday without testing it against a copy of production. The migration locked the orders table and checkout failed. I rolled it back and apologised to the support team. I learned to rehearse every migration on a staging copy, which cut our failed deploys by half that year.";
    const critique = critiqueAnswer("Tell me about a time you made a mistake.", answer);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual(["which cut our failed deploys by half that year."]);
    expect(critique.quantified).toBe(true);
  });

  it("raises a vague claim for every change the roles read as a vague result: one phrase list (review)", () => {
    for (const outcome of ["It was clearly faster.", "It looked faster.", "It was more reliable."]) {
      const critique = critiqueAnswer("Tell me about a time you improved something.", `Our nightly export kept timing out. I added an index and rewrote the export query. ${outcome}`);
      expect(critique.star.result.spans.map((span) => span.text), outcome).toEqual([outcome]);
      expect(critique.issues.map((issue) => issue.code), outcome).toContain("VAGUE_CLAIM");
    }
  });
});
