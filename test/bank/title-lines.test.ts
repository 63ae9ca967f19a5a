import { describe, expect, it } from "vitest";
import { parseText } from "../support/parse-text.js";

const parse = parseText;

describe("stories headed by title lines rather than markdown headings", () => {
  it("splits bold titles under a principle heading into their own stories, with the principle", () => {
    const bank = parse(`## DIVE DEEP

**Checkout timeouts after the 3.1 release**
- S: Checkout p95 jumped to 4 s after release 3.1.
- A: I bisected the release and found a synchronous fraud call.
- R: p95 back to 600 ms the same week.

**Why the crash-free rate lied**
- S: Crash-free sessions looked fine while reviews said the app died.
- A: I added out-of-memory reporting and found the image cache.
- R: One-star reviews about crashes fell by half.
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Checkout timeouts after the 3.1 release", "Why the crash-free rate lied"]);
    expect(bank.stories.every((story) => story.principles.includes("Dive Deep"))).toBe(true);
    // The first story no longer carries the second one's result.
    expect(bank.stories[0]!.parts.result).toBe("p95 back to 600 ms the same week.");
  });

  it("reads a bold title with a pointer after it as a pointer entry", () => {
    const bank = parse(`## Ownership

### Push outage (my fault)
S: A bad certificate stopped every push notification for six hours.
A: I rotated the certificate, then added expiry alerts.
R: No push outage since.

## Earn Trust

**Biggest mistake** - same as the push outage under Ownership
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Push outage (my fault)"]);
    expect(bank.warnings.some((warning) => warning.code === "POINTER_RESOLVED")).toBe(true);
  });

  it("takes a numbered line that continues the bank's numbering as the next story, and a numbered pointer as a pointer", () => {
    const bank = parse(`## 13. Vendor renegotiation
S: Our freight contract renewed at a 12% uplift.
A: I benchmarked three carriers and took the numbers to the incumbent.
R: Uplift cut to 3%, about $180k a year.

14. Intern mentoring
S: Our summer intern had never written SQL.
A: I gave him a real churn project and met him daily for two weeks.
R: His analysis moved $200k of marketing spend; he got a return offer.

15. Biggest failure - see #13
`);
    expect(bank.stories.map((story) => story.title)).toEqual(["Vendor renegotiation", "Intern mentoring"]);
    expect(bank.stories[0]!.parts.result).toBe("Uplift cut to 3%, about $180k a year.");
    expect(bank.warnings.find((warning) => warning.code === "POINTER_RESOLVED")?.message).toMatch(/number 13/);
  });

  it("leaves numbered steps and bold emphasis inside a story alone", () => {
    const bank = parse(`## 1. Cut the build time
S: CI took 40 minutes per push.
A: What I did:

2. Profiled the pipeline.
3. Cached dependencies between runs.

**This was the part I am proudest of.**

R: Builds went from 40 to 12 minutes.
`);
    expect(bank.stories).toHaveLength(1);
    expect(bank.stories[0]!.parts.result).toBe("Builds went from 40 to 12 minutes.");
    expect(bank.stories[0]!.parts.action).toMatch(/Cached dependencies/);
  });

  it("starts a story at each bold question line under a principle, and reads an answer that only points elsewhere as a pointer", () => {
    const bank = parse(`## Customer Obsession

**Q: Tell me about a time you handled a difficult customer.**

**Answer:** At Harbourline our biggest account emailed the CEO about five unanswered tickets. I read every ticket, called their director the same day and gave her one named contact. They renewed six weeks later.

**Q: Give me an example of how you used customer feedback to change something.**

**Answer:** I listened to calls on my lunch break and kept hearing the same confusion about pro-rated bills. I wrote a thirty-second explanation for agents and billing calls fell by a fifth.

## Are Right, A Lot

**Q: Tell me about a time you were wrong.**

**Answer:** Use the feedback story from Customer Obsession.
`);
    expect(bank.stories.map((story) => story.question)).toEqual([
      "Tell me about a time you handled a difficult customer.",
      "Give me an example of how you used customer feedback to change something.",
    ]);
    expect(bank.stories.every((story) => story.principles.includes("Customer Obsession"))).toBe(true);
    expect(bank.stories[1]!.questions).toContain("Tell me about a time you were wrong.");
  });

  it("splits a plain-text bank at 'STORY N -' lines, capitals titles and lines after separators", () => {
    const bank = parse(
      `INTERVIEW NOTES - keep it under 2 min

====================

STORY 1 - CAGE POWER (Customer Obsession)
S: A customer kept tripping breakers in their cage during month-end runs.
A: I pulled six weeks of circuit data and re-cabled their single-fed servers for free.
R: No trips since, and they added two racks.

--------------------

SPARE PARTS - FRUGALITY
S: We held $2M of spares, a third of them for retired hardware.
A: I matched every part to live fleet counts and returned the dead stock to vendors.
R: Spares cost fell by $600k a year.

--------------------

Q: Tell me about a time you missed a commitment?
S: I promised a hall would be live by the 1st.
A: I told the service team two weeks early and brought in a second shift.
R: We went live on the 9th, and they had planned around it.

--------------------

STORY 4 - BIGGEST MISTAKE
see story 1
`,
      "notes.txt",
    );
    expect(bank.stories.map((story) => story.title)).toEqual(["CAGE POWER (Customer Obsession)", "SPARE PARTS - FRUGALITY", "Tell me about a time you missed a commitment?"]);
    expect(bank.stories[0]!.principles).toEqual(["Customer Obsession"]);
    expect(bank.stories[0]!.parts.result).toBe("No trips since, and they added two racks.");
    expect(bank.stories[0]!.questions).toContain("BIGGEST MISTAKE");
  });

  it("warns when one heading holds what looks like several stories", () => {
    const bank = parse(`## Customer Obsession
Situation: Our biggest account emailed the CEO about five unanswered tickets.
Action: I called their director the same day.
Result: They renewed six weeks later.

Situation: Agents kept hearing the same confusion about pro-rated bills.
Action: I wrote a thirty-second explanation for agents.
Result: Billing calls fell by a fifth.

## Ownership
Situation: Nobody owned billing alerts.
Action: I took them over. Action: I also wrote runbooks.
Result: Pages fell from 40 a week to 3.
`);
    const warnings = bank.warnings.filter((warning) => warning.code === "SEVERAL_STORIES");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 1 });
    expect(warnings[0]!.message).toMatch(/2 Situations and 2 Results/);
  });
});
