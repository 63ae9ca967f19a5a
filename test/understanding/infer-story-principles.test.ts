import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank, parseBankFiles } from "../../src/bank/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { PROJECT_ROOT } from "../support/run-coach.js";

const BANK = `## Cut the cloud bill
S: Our AWS bill had doubled in a year while traffic stayed flat.
A: I found idle clusters, rightsized the databases and moved batch jobs to spot instances.
R: The monthly bill fell by 38%, about $40k a month.

## Hired our first data engineer
S: The team had no data engineer and analysts were building pipelines by hand.
A: I wrote the job description, ran the interview loop and mentored the new hire through her first quarter.
R: She owned the pipeline platform within six months and was promoted a year later.

## Disagreed with the VP about launch scope
S: The VP wanted to launch with every feature in the spec.
A: I showed him the test failures and argued for a smaller launch; when he decided otherwise, I committed and helped ship it.
R: We launched on time; two features were pulled back a month later, as I had feared.

## Traced a memory leak
S: Our API servers restarted every few hours with out-of-memory errors.
A: I took heap dumps, compared allocations over time and found a cache that never evicted entries.
R: Restarts stopped and p99 latency fell by 30%.

## Called a customer the night of an outage
S: A bad deploy took down checkout for our biggest customer's store during their sale.
A: I called their operations lead directly, explained what broke and gave hourly updates until it was fixed.
R: They stayed with us and later told our CEO the calls were why.

## Took over an abandoned service
S: A billing service had no owner after its team was reorganised and alerts went unanswered.
A: I volunteered to own it, wrote runbooks and fixed the three alerts that fired most.
R: Pages for the service dropped from 40 a week to 3.
`;

describe("principles inferred from a story's content", () => {
  it("gives each story the principle it is about rather than the one every story touches", () => {
    const parsed = parseBankFiles([{ path: "bank.md", bytes: Buffer.from(BANK), sha256: "x" }]).stories;
    expect(parsed.every((story) => story.principleSource === "none")).toBe(true);
    const stories = withInferredPrinciples(parsed);
    const first = (title: string) => stories.find((story) => story.title === title)!.principles[0];
    expect(stories.every((story) => story.principleSource === "inferred")).toBe(true);
    expect(first("Cut the cloud bill")).toBe("Frugality");
    expect(first("Hired our first data engineer")).toBe("Hire and Develop the Best");
    expect(first("Disagreed with the VP about launch scope")).toBe("Have Backbone; Disagree and Commit");
    expect(first("Traced a memory leak")).toBe("Dive Deep");
    // Six different stories do not all lead with the same principle.
    expect(new Set(stories.map((story) => story.principles[0])).size).toBeGreaterThanOrEqual(5);
  });

  it("leaves principles the bank names alone", () => {
    const parsed = parseBankFiles([{ path: "bank.md", bytes: Buffer.from("## Ownership\n\n### Took over a service\nS: Nobody owned billing.\nA: I took it over and wrote runbooks.\nR: Pages fell from 40 a week to 3.\n"), sha256: "x" }]).stories;
    expect(withInferredPrinciples(parsed)[0]!.principles).toEqual(["Ownership"]);
  });

  it("gives a story the model was unsure of the principle its content shows, not none", async () => {
    // A user audit's bank (test/fixtures/payments-engineer-bank.md): the model trained with cues v18 gave no principle a
    // chance of 0.05 for the argument over event size, which showed "no principle" in every match; the cues' ranking
    // (Have Backbone, Earn Trust) stood in. The model retrained with cues v22 names Have Backbone itself.
    const stories = withInferredPrinciples((await loadBank([path.join(PROJECT_ROOT, "test/fixtures/payments-engineer-bank.md")])).stories);
    const argument = stories.find((story) => story.title === "Disagreement with Priya over ledger events")!;
    expect(argument.principleSource).toBe("inferred");
    expect(argument.principles[0]).toBe("Have Backbone; Disagree and Commit");
  });
});
