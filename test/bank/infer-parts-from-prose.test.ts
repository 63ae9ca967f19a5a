import { describe, expect, it } from "vitest";
import { inferPartsFromProse } from "../../src/bank/infer-parts-from-prose.js";

// An unlabelled story is read with the critique's own clause reading, so a bank story and the same text pasted as an answer agree.
describe("inferring the parts of an unlabelled story", () => {
  it("reads a note's hyphenated verb as an action", () => {
    const parts = inferPartsFromProse(
      "Our software spend rose 40% in a year while headcount rose 15%. Pulled every card and vendor payment that looked like software: 112 tools. Cross-checked paid seats against SSO logins and found 30% unused. Worked with IT to drop unused seats at renewal. Spend fell 22% the next year.",
    );
    expect(parts.action).toContain("Cross-checked paid seats against SSO logins");
    expect(parts.result).toBe("Spend fell 22% the next year.");
  });

  it("takes a lesson named as one as the lesson, not the result", () => {
    const parts = inferPartsFromProse(
      "Our month-end numbers disagreed with finance by 3% and nobody trusted the dashboard. I traced the gap to a join that double-counted refunds and fixed it. The dashboard matched finance to the cent from then on. The lesson: never ship a metric you haven't reconciled against the source.",
    );
    expect(parts.result).toBe("The dashboard matched finance to the cent from then on.");
    expect(parts.lesson).toBe("The lesson: never ship a metric you haven't reconciled against the source.");
  });

  it("leaves a hyphenated adjective alone: an outcome that opens with one is still the result", () => {
    const parts = inferPartsFromProse(
      "Support kept getting course questions and nobody on design saw them. I sat in on support calls every Friday and kept a log of each design issue. We added time estimates to every lesson. Design-related tickets dropped by about a third the next quarter, and two other designers now do the Friday hour too.",
    );
    expect(parts.result).toContain("Design-related tickets dropped by about a third");
    expect(parts.action ?? "").not.toContain("Design-related");
  });
});
