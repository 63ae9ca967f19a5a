import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRINCIPLES } from "../../src/principles/index.js";
import { runCoach } from "../support/run-coach.js";

// One story, filed under Ownership: fifteen principles are left without one, two of them with a comma or a semicolon in their names.
const BANK = `## Took over the abandoned billing migration
Principle: Ownership
Situation: The billing migration had stalled for two months after its owner left, and invoices were going out late.
Task: Nobody was assigned, but our team depended on it, so I took it on.
Action: I read the old design, split the work into six steps, and moved one customer group a week while keeping the old path running.
Result: All 4,000 accounts moved in six weeks with no late invoices, and the old system was switched off.
`;

describe("principle names in lists a person reads", () => {
  it("stories and match keep 'Are Right, A Lot' and 'Have Backbone; Disagree and Commit' whole", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-principle-lists-"));
    const bank = path.join(folder, "bank.md");
    writeFileSync(bank, BANK);
    const store = path.join(folder, ".coach");
    // The question asks about both principles; the list after the themes names them.
    const run = await runCoach(["match", "Tell me about a time you disagreed with a decision but committed to it, and were proven right.", "--bank", bank, "--store", store]);
    expect(run.code).toBe(0);
    const asked = run.stdout.match(/^  asks about: .*\((.*)\)$/m)?.[1];
    expect(asked).toBeDefined();
    const names = asked!.split(" / ");
    expect(names).toContain("Have Backbone; Disagree and Commit");
    for (const name of names) expect(PRINCIPLES as readonly string[]).toContain(name);
  });

  it("names no theme or principle for a question that asks for none clearly, and names what one asks", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-principle-lists-"));
    const bank = path.join(folder, "bank.md");
    writeFileSync(bank, BANK);
    const store = path.join(folder, ".coach");
    // Audit: "Tell me about your experience with DynamoDB." showed "asks about: performance, mentoring, collaboration
    // (Earn Trust / ...)", the classifier's faintest guesses, as if the question asked for them.
    const technical = await runCoach(["match", "Tell me about your experience with DynamoDB.", "--bank", bank, "--store", store]);
    expect(technical.code).toBe(0);
    expect(technical.stdout).toMatch(/^  asks about: no clear theme$/m);
    // A principle named outright is still said, as is a clear theme.
    // Named outright with no clear theme: only the principle named, not the classifier's faint others (0.05 of it).
    const named = await runCoach(["match", "Give me an example that shows you Are Right, A Lot.", "--bank", bank, "--store", store]);
    expect(named.stdout).toMatch(/^  asks about: no clear theme {2}\(Are Right, A Lot\)$/m);
    const failed = await runCoach(["match", "Tell me about a time you failed.", "--bank", bank, "--store", store]);
    expect(failed.stdout).toMatch(/^  asks about: failure\b/m);
  });
});
