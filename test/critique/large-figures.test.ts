import { describe, expect, it } from "vitest";
import { critiqueAnswer } from "../../src/critique/index.js";

const codes = (critique: ReturnType<typeof critiqueAnswer>) => critique.issues.map((issue) => issue.code);
const SETUP = "At Acme I owned the payments service, which was expected to serve 3 million users. I optimized the Docker images, added autoscaling and stress-tested with simulated load.";

describe("figures written with million, M, billion, B or k in the critique", () => {
  it("counts the result's \"5 million+ users\" as its measured outcome, with the setup's \"3 million users\" left out", () => {
    const critique = critiqueAnswer("Tell me about a time you exceeded expectations", `${SETUP} We handled 5 million+ users without latency spikes.`);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual(["We handled 5 million+ users without latency spikes."]);
    expect(critique.quantified).toBe(true);
    expect(critique.metrics).toEqual(["5 million+ users"]);
    expect(codes(critique)).not.toContain("NUMBERS_ONLY_IN_SETUP");
  });

  it.each([
    ["Revenue grew by $3 million.", "$3 million"],
    ["It now serves 5 million users.", "5 million users"],
    ["It now serves 2.5 million users.", "2.5 million users"],
    ["It now serves 5M users.", "5M users"],
    ["It now serves 300k users.", "300k users"],
  ])("reads %j as the result, with its figure whole", (result, figure) => {
    const critique = critiqueAnswer("Tell me about a time you exceeded expectations", `${SETUP} ${result}`);
    expect(critique.star.result.spans.map((span) => span.text)).toEqual([result]);
    expect(critique.metrics).toEqual([figure]);
    expect(critique.quantified).toBe(true);
    expect(codes(critique)).not.toContain("MISSING_RESULT");
  });

  it("still reads a team's size and its users in the situation as setup, not as the outcome", () => {
    const answer = "Our team of 5 engineers supported 3 million users. I spent three months rewriting the billing jobs and moved them to a queue. The jobs became much more reliable and the finance team was happy.";
    const critique = critiqueAnswer("Tell me about a time you improved reliability.", answer);
    expect(critique.quantified).toBe(false);
    expect(critique.metrics).toEqual([]);
    const setup = critique.issues.find((issue) => issue.code === "NUMBERS_ONLY_IN_SETUP")!;
    expect(setup.message).toContain('"3 million users"');
    expect(answer.slice(setup.span!.start, setup.span!.end)).toBe("3 million users");
  });
});
