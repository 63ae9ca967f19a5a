import { describe, expect, it } from "vitest";
import { findPrincipleMentions, normalizePrinciple, PRINCIPLES } from "../../src/principles/index.js";

describe("principle names", () => {
  it("has the 16 canonical names, each normalising to itself", () => {
    expect(PRINCIPLES).toHaveLength(16);
    for (const principle of PRINCIPLES) expect(normalizePrinciple(principle)).toBe(principle);
  });

  it("normalises curly apostrophes, case, short forms and ampersands", () => {
    expect(normalizePrinciple("Strive to be Earth\u2019s Best Employer")).toBe("Strive to be Earth's Best Employer");
    expect(normalizePrinciple("backbone")).toBe("Have Backbone; Disagree and Commit");
    expect(normalizePrinciple("Disagree & Commit")).toBe("Have Backbone; Disagree and Commit");
    expect(normalizePrinciple("ARE RIGHT A LOT")).toBe("Are Right, A Lot");
    expect(normalizePrinciple("Success & Scale Bring Broad Responsibility")).toBe("Success and Scale Bring Broad Responsibility");
    expect(normalizePrinciple("Teamwork")).toBeNull();
  });

  it("finds principles named in running text, in order of mention", () => {
    expect(findPrincipleMentions("I upsized the cluster (Bias for Action), then fixed the leak (Dive Deep).")).toEqual(["Bias for Action", "Dive Deep"]);
    expect(findPrincipleMentions("I own my mistakes")).toEqual([]);
  });
});

import { removePrincipleMentions } from "../../src/principles/index.js";
describe("removing principle names from a question", () => {
  it("takes out full names and unambiguous short forms, whatever the apostrophes and ampersands", () => {
    expect(removePrincipleMentions("How have you shown Think Big?").replace(/\s+/g, " ")).toBe("How have you shown ?");
    expect(removePrincipleMentions("Earth’s Best Employer, Disagree & Commit").replace(/[\s,]+/g, " ").trim()).toBe("");
    expect(removePrincipleMentions("I worked on big data")).toBe("I worked on big data");
  });
});
