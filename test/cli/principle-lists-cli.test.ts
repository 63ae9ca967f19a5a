import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
  it("coverage's gaps keep 'Are Right, A Lot' and 'Have Backbone; Disagree and Commit' whole", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "coach-principle-lists-"));
    const bank = path.join(folder, "bank.md");
    writeFileSync(bank, BANK);
    const run = await runCoach(["coverage", "--bank", bank, "--store", path.join(folder, ".coach")]);
    expect(run.code).toBe(0);
    const gaps = run.stdout.match(/^No story yet: (.*)\.$/m)?.[1];
    expect(gaps).toBeDefined();
    const names = gaps!.split(" / ");
    expect(names).toContain("Are Right, A Lot");
    expect(names).toContain("Have Backbone; Disagree and Commit");
    expect(names).not.toContain("Ownership");
  });
});
