import { describe, expect, it } from "vitest";
import { readClauses } from "../../src/star/index.js";

// An answer that labels one part only ("Context: ...", then plain prose) was read as that part from the label to the end.
describe("a lone part label", () => {
  it("labels its own sentence; the rest is read as prose", () => {
    const clauses = readClauses(
      "Context: I ran the front desk of a 40-room hotel whose check-in queue stretched out the door every Friday. Moved key-card encoding to the night shift. Printed the arrival list before noon. By the next month the Friday queue had dropped to under five minutes.",
    );
    expect(clauses[0]!.roles).toEqual(["situation"]);
    const roles = clauses.slice(1).flatMap((clause) => clause.roles);
    expect(roles).toContain("action");
    expect(roles).toContain("result");
    expect(roles).not.toContain("situation");
  });

  it("still runs to the next label where the answer labels several parts", () => {
    const clauses = readClauses("Situation: The queue was long. It annoyed guests. Action: I moved key encoding to nights. Result: The queue fell to five minutes.");
    expect(clauses.map((clause) => clause.roles)).toEqual([["situation"], ["situation"], ["action"], ["result"]]);
  });

  it("runs to the end when it is a lone Lesson or Result near the close (review)", () => {
    const clauses = readClauses("I moved key encoding to nights and printed the arrival list before noon. Lesson: Fix the flow, not the people. Queues are a process problem. Now I map the flow first.");
    expect(clauses.map((clause) => clause.roles)).toEqual([["action"], ["lesson"], ["lesson"], ["lesson"]]);
  });
});
