import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

// Audit: "$120 000" written with a no-break space between the thousands (French and German style, and what word
// processors insert) was read as two figures, "$120" and "000 a year".
describe("figures grouped with no-break or thin spaces", () => {
  it("are read whole", () => {
    const answer = "Our cloud bill had doubled in a year. I was asked to bring it down. I rightsized the instances and moved batch jobs to spot capacity. We saved $120\u00a0000 a year, and the service now serves 1\u202f200\u202f000 users at the same cost.";
    const critique = critiqueAnswer("Tell me about a time you saved money.", answer);
    expect(critique.metrics).toEqual(["$120\u00a0000 a year", "1\u202f200\u202f000 users"]);
    expect(critique.quantified).toBe(true);
  });

  it("leaves a plain space between two numbers as it was", () => {
    const critique = critiqueAnswer("Tell me about a time you improved something.", "Our builds were slow. I cached the dependencies, and in 2 weeks 3 people had moved to the new pipeline, cutting builds to 8 minutes.");
    expect(critique.metrics.join(" | ")).not.toMatch(/2 weeks 3/);
  });
});
