import { describe, expect, it } from "vitest";
import { loadTaxonomy, OTHER_SENSE, senseTaggedTerms } from "../../src/understanding/index.js";

const terms = (text: string) => senseTaggedTerms(text, loadTaxonomy().templateWords);

describe("senseTaggedTerms", () => {
  it("marks a word the taxonomy's sense rules rule out as another term", () => {
    // "failed" beside "export" (failure cue's unless list) is a system failing, not the speaker.
    expect(terms("The nightly export failed twice a week.")).toEqual(["night", "export", `fail${OTHER_SENSE}`, "twice"]);
    expect(terms("Tell me about a time tests failed in CI.")).toContain(`fail${OTHER_SENSE}`);
  });

  it("leaves the speaker's own failure, and words with no sense rules, as they are", () => {
    const own = terms("I failed to warn the team.");
    expect(own).toContain("fail");
    expect(own).not.toContain(`fail${OTHER_SENSE}`);
    expect(terms("Tell me about a time you failed.")).toEqual(["fail"]);
  });
});
