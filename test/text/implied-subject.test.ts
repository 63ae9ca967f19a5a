import { describe, expect, it } from "vitest";
import { countImpliedI, opensWithImpliedI, restoreImpliedI } from "../../src/text/index.js";

describe("note-style sentences without 'I'", () => {
  it("recognises a past verb opening a sentence, regular or not", () => {
    expect(opensWithImpliedI("Pulled the logs.")).toBe(true);
    expect(opensWithImpliedI("Built a capacity model.")).toBe(true);
    expect(opensWithImpliedI("- Cross-checked seats against logins")).toBe(true);
    expect(opensWithImpliedI("gave him a real project, not busywork")).toBe(true);
    // The irregular forms the bank reader knows open notes too.
    expect(opensWithImpliedI("Grew the team from 4 to 12.")).toBe(true);
    expect(opensWithImpliedI("Came in on a Saturday to rerun the migration.")).toBe(true);
    expect(opensWithImpliedI("Laid out three options for the VP.")).toBe(true);
    expect(opensWithImpliedI("Heard back from legal within a day.")).toBe(true);
  });

  it("does not take nouns, adjectives or subjects for one", () => {
    expect(opensWithImpliedI("Speed mattered more than polish.")).toBe(false);
    expect(opensWithImpliedI("Based on the logs, the cache was cold.")).toBe(false);
    expect(opensWithImpliedI("Red builds piled up.")).toBe(false);
    expect(opensWithImpliedI("I pulled the logs.")).toBe(false);
    expect(opensWithImpliedI("The team shipped it.")).toBe(false);
    // A name, and the rest of the sentence before.
    expect(opensWithImpliedI("Rose joined the team in May.")).toBe(false);
    expect(opensWithImpliedI("Meant we had to wait a week.")).toBe(false);
    // A noun phrase that is the subject of the change verb after it.
    expect(opensWithImpliedI("Lost deals fell by half.")).toBe(false);
  });

  it("restores the 'I' sentence by sentence and leaves other text as it was", () => {
    expect(restoreImpliedI("Spend was up 40%. Pulled every invoice. Found 112 tools.")).toBe("Spend was up 40%. I pulled every invoice. I found 112 tools.");
    expect(countImpliedI("Spend was up 40%. Pulled every invoice. Found 112 tools.")).toBe(2);
  });
});
