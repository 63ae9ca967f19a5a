import { describe, expect, it } from "vitest";
import { parseBankFiles } from "../../src/bank/index.js";

function parse(text: string, name = "bank.md") {
  return parseBankFiles([{ path: name, bytes: Buffer.from(text, "utf8"), sha256: "x" }]);
}

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
});
