import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";
import { readClauses } from "../../src/star/index.js";

const rolesOf = (answer: string) => readClauses(answer).map((clause) => [clause.text, clause.roles]);

describe("short steps told in the first person", () => {
  const failure = "I led our Kubernetes migration, skipped the soak test, and the service crashed at month end. I rolled back in an hour. Reports were 4 hours late for 30 clients.";

  it("reads a short first-person step as an action, so the answer is not missing one", () => {
    const critique = critiqueAnswer("Tell me about a time you failed", failure);
    expect(critique.star.action.present).toBe(true);
    expect(critique.star.action.spans.map((span) => span.text)).toContain("I rolled back in an hour.");
    expect(critique.issues.map((issue) => issue.code)).not.toContain("MISSING_ACTION");
    expect(critique.ownership).toEqual({ i: 1, we: 0, weHeavy: false });
  });

  it("still gives short effort talk no role: the model reads its words, not its length, as effort", () => {
    const answer = "Our warehouse was behind on orders in March. I worked my socks off. I hustled like crazy. Orders were back on schedule by April.";
    expect(rolesOf(answer)).toEqual([
      ["Our warehouse was behind on orders in March.", ["situation"]],
      ["I worked my socks off.", []],
      ["I hustled like crazy.", []],
      ["Orders were back on schedule by April.", ["result"]],
    ]);
    expect(critiqueAnswer("Tell me about a time you delivered under pressure.", answer).issues.map((issue) => issue.code)).toContain("MISSING_ACTION");
  });

  it("splits an outcome told after 'and afterwards' from the step before it", () => {
    expect(rolesOf("I personally called the customer, and afterwards our NPS rose from 20 to 45.")).toEqual([
      ["I personally called the customer", ["action"]],
      ["and afterwards our NPS rose from 20 to 45.", ["result"]],
    ]);
  });

  it("leaves 'and' followed by a possessive inside its clause, as before", () => {
    expect(readClauses("I joined the depot in May, and our supplier changed the contract.").map((clause) => clause.text)).toEqual(["I joined the depot in May, and our supplier changed the contract."]);
  });
});
