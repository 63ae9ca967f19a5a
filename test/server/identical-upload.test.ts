import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startServe, type RunningServer } from "../support/serve.js";

// A story and a pointer to a story the bank does not have: the upload has a warning to tell.
const MINE = "# Cut the build time\n\n**Situation:** Builds took 40 minutes.\n**Action:** I split the test suite across four runners.\n**Result:** Builds took 9 minutes.\n\n# See Q3\n\nSee Q3\n";
const OTHER = "# Mentored a new grad\n\n**Situation:** A new grad on my team had 40+ review comments per PR.\n**Action:** I paired with her twice a week and wrote a review checklist with her.\n**Result:** Her PRs averaged 5 comments by the end of the quarter.\n";
const MINE_WARNINGS = [{ code: "POINTER_UNRESOLVED", message: '"See Q3" points to number 3, which is not a story in this bank; it was skipped.', file: "mine.md", line: 7 }];

const upload = async (server: RunningServer, name: string, content: string) => {
  const response = await fetch(`${server.url}/api/banks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, content }) });
  return { status: response.status, body: (await response.json()) as { name: string; stories: Array<{ id: string }>; warnings: unknown[] } };
};
const listing = async (server: RunningServer) => ((await (await fetch(`${server.url}/api/banks`)).json()) as { banks: Array<{ name: string }> }).banks.map((bank) => bank.name);

/** The index as stored: a rebuild writes a new manifest (a new createdAt) and new files. */
function indexOnDisk(store: string) {
  const file = (name: string) => path.join(store, "index", name);
  return {
    manifest: readFileSync(file("manifest.json"), "utf8"),
    modified: ["manifest.json", "stories.json", "vectors.hnsw"].map((name) => statSync(file(name)).mtimeMs),
    upload: statSync(path.join(store, "uploads", "mine.md")).mtimeMs,
  };
}

describe("uploading the bytes already stored", () => {
  it("is a no-op answered as a rebuild would answer it, wherever the upload is among the banks and after a restart; other bytes rebuild", async () => {
    const store = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-identical-")), ".coach");
    let server = await startServe(["--store", store]);
    try {
      const other = await upload(server, "other", OTHER);
      expect(other.status).toBe(200);
      const first = await upload(server, "mine", MINE);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ name: "mine", warnings: MINE_WARNINGS });
      expect(first.body.stories.map((story) => story.id)).toEqual(["mine-cut-the-build-time"]);
      expect(Object.keys(first.body)).toEqual(["name", "stories", "warnings"]);
      expect(await listing(server)).toEqual(["other", "mine"]);
      const built = indexOnDisk(store);

      // The same bytes: the same answer, and nothing written.
      const again = await upload(server, "mine", MINE);
      expect(again).toEqual(first);
      expect(indexOnDisk(store)).toEqual(built);
      // The first of two uploads, again: it keeps its place, so the banks, and the index, are as they were.
      const otherAgain = await upload(server, "other", OTHER);
      expect(otherAgain).toEqual(other);
      expect(await listing(server)).toEqual(["other", "mine"]);
      expect(indexOnDisk(store)).toEqual(built);

      // A restarted server serves the stored index, and the same bytes are still a no-op.
      await server.stop();
      server = await startServe(["--store", store]);
      expect(await upload(server, "mine", MINE)).toEqual(first);
      expect(indexOnDisk(store)).toEqual(built);

      // Other bytes under the same name are indexed, in the same place.
      const changed = await upload(server, "mine", MINE.replace("9 minutes", "8 minutes"));
      expect(changed.status).toBe(200);
      expect(changed.body.stories.map((story) => story.id)).toEqual(["mine-cut-the-build-time"]);
      expect(await listing(server)).toEqual(["other", "mine"]);
      expect(indexOnDisk(store).manifest).not.toBe(built.manifest);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
