import { describe, expect, it } from "vitest";
import { listItemsOf, openingSentence, readsAsNoteFragments } from "../../src/text/index.js";

describe("readsAsNoteFragments", () => {
  it("reads short topics with no person, figure or tensed verb as jotted notes", () => {
    expect(readsAsNoteFragments("Airflow upgradation to support pyspark pipeline.")).toBe(true);
    expect(readsAsNoteFragments("Airflow upgradation to support pyspark pipeline. first partner onboarding for kiview as sonata.")).toBe(true);
    expect(readsAsNoteFragments("Fino bank api integration changes.")).toBe(true);
  });

  it("reads a line as told when it names a person, a figure or a verb with tense", () => {
    expect(readsAsNoteFragments("I owned the promo-code service.")).toBe(false);
    expect(readsAsNoteFragments("p90 4.1s -> 1.3s.")).toBe(false);
    expect(readsAsNoteFragments("Revenue fell sharply.")).toBe(false);
    expect(readsAsNoteFragments("Checkout crashed twice.")).toBe(false);
    expect(readsAsNoteFragments("The on-call rotation was burning people out.")).toBe(false);
    // Nine words: longer than a jotted topic.
    expect(readsAsNoteFragments("Migration of the legacy billing system onto the new platform.")).toBe(false);
  });
});

describe("openingSentence", () => {
  const told = "At Kaleidofin, I was responsible for upgrading our microservices.";
  // Every sentence a list item of the story: the rule on the sentences alone.
  const listed = (): boolean => true;

  it("passes two or more jotted topics to the first told sentence that names a person", () => {
    expect(openingSentence(["Airflow upgradation to support pyspark pipeline. first partner onboarding.", "Fino bank api changes.", told], listed)).toBe(told);
    expect(openingSentence(["Airflow upgradation.", "Fino bank api changes.", told], listed)).toBe(told);
  });

  it("keeps a lone scene-setter, a told first sentence, and topics followed by nobody", () => {
    expect(openingSentence(["Coinfold.", told], listed)).toBe("Coinfold.");
    expect(openingSentence([told, "Airflow upgradation."], listed)).toBe(told);
    expect(openingSentence(["Coinfold redesign.", "Design review.", "Lena wanted a custom picker."], listed)).toBe("Coinfold redesign.");
    expect(openingSentence([], listed)).toBeUndefined();
  });

  it("passes jotted topics only where the story lists them, not short lines of prose (review)", () => {
    const bulleted = listItemsOf("## Failed\n**Situation:**\n- Airflow upgradation to support pyspark pipeline\n- first partner onboarding\n* Fino bank api changes\nAt Kaleidofin, I was responsible.");
    expect(openingSentence(["Airflow upgradation to support pyspark pipeline. first partner onboarding.", "Fino bank api changes.", told], bulleted)).toBe(told);
    const prose = listItemsOf("Support tickets pile up every Monday. Customers complain about slow pages. I was the on-call lead.");
    const opening = ["Support tickets pile up every Monday.", "Customers complain about slow pages.", "I was the on-call lead."];
    expect(opening.slice(0, 2).every(readsAsNoteFragments)).toBe(true);
    expect(openingSentence(opening, prose)).toBe("Support tickets pile up every Monday.");
  });
});
