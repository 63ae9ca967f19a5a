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

  it("lets only the words right around a word, in its own sentence, decide its sense", () => {
    // Each has a word from a sense rule further away ("new", "job", "run", "tests"), which theme scoring weighs.
    for (const text of ["Tell me about a time you hired a new engineer.", "Tell me about a time you failed at your job.", "I failed. Nobody had run the tests."]) {
      expect(terms(text).filter((term) => term.endsWith(OTHER_SENSE)), text).toEqual([]);
    }
  });
});
