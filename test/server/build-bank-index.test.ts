import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { buildBankIndex } from "../../src/server/build-bank-index.js";

const OLD = "# Cut the build time\n\n**Situation:** Builds took 40 minutes.\n**Action:** I split the test suite across four runners.\n**Result:** Builds took 9 minutes.\n";
const NEW = "# Fixed the flaky deploys\n\n**Situation:** One deploy in five failed.\n**Action:** I added retries and a canary stage.\n**Result:** Failed deploys fell to one in fifty.\n";

function bankIn(folder: string, text: string): string {
  const file = path.join(folder, "mine.md");
  writeFileSync(file, text);
  return file;
}
const indexedTitles = (store: string) => (JSON.parse(readFileSync(path.join(store, "index", "stories.json"), "utf8")) as Array<{ title: string }>).map((story) => story.title);

describe("building a served bank's index", () => {
  it("profiles the new stories before writing anything: a build stopped then leaves the last good index", async () => {
    const embedder = new InterviewEmbedder();
    // How many steps a build of the new bank over the old one takes, measured in a store of its own.
    let steps = 0;
    const dry = mkdtempSync(path.join(os.tmpdir(), "coach-build-dry-"));
    await buildBankIndex({ store: dry, banks: [bankIn(dry, OLD)] }, embedder);
    await buildBankIndex({ store: dry, banks: [bankIn(dry, NEW)] }, embedder, () => steps++);
    expect(steps).toBeGreaterThan(2);

    const store = mkdtempSync(path.join(os.tmpdir(), "coach-build-"));
    const bank = bankIn(store, OLD);
    await buildBankIndex({ store, banks: [bank] }, embedder);
    expect(indexedTitles(store)).toEqual(["Cut the build time"]);
    // The watchdog stops a build between steps; here the last step (profiling, the slowest) is where it stops.
    bankIn(store, NEW);
    let seen = 0;
    const stopped = buildBankIndex({ store, banks: [bank] }, embedder, () => {
      if (++seen === steps) throw new Error("stopped by the watchdog");
    });
    await expect(stopped).rejects.toThrow("stopped by the watchdog");
    expect(indexedTitles(store)).toEqual(["Cut the build time"]);
  });

  it("refuses banks in which a bank that held stories holds none now, naming it, and leaves the last good index", async () => {
    const embedder = new InterviewEmbedder();
    const store = mkdtempSync(path.join(os.tmpdir(), "coach-build-held-"));
    const emptied = path.join(store, "emptied.md");
    const other = path.join(store, "other.md");
    writeFileSync(emptied, OLD);
    writeFileSync(other, NEW);
    await buildBankIndex({ store, banks: [emptied, other] }, embedder);
    expect(indexedTitles(store)).toEqual(["Cut the build time", "Fixed the flaky deploys"]);

    writeFileSync(emptied, "");
    const refused = buildBankIndex({ store, banks: [emptied, other], held: [emptied, other] }, embedder);
    await expect(refused).rejects.toMatchObject({ code: "INPUT_EMPTY", location: { file: emptied } });
    expect(indexedTitles(store)).toEqual(["Cut the build time", "Fixed the flaky deploys"]);
    // Not held (it held no story when last served, or the caller does not ask): the other bank's stories are indexed alone, as before.
    await buildBankIndex({ store, banks: [emptied, other], held: [other] }, embedder);
    expect(indexedTitles(store)).toEqual(["Fixed the flaky deploys"]);
  });
});
