import { describe, expect, it } from "vitest";
import { storeAccessError } from "../../src/store/index.js";
import { exitCodeFor } from "../../src/errors/index.js";

const refused = (code: string, where: string) => Object.assign(new Error(`${code}: refused, mkdir '${where}'`), { code, path: where });

describe("a store the file system refuses", () => {
  it("is STORE_INACCESSIBLE (exit 1) naming the setting, the store, the reason and the path refused", () => {
    const error = storeAccessError(refused("EACCES", "/srv/coach/cache"), "/srv/coach", "write");
    expect(error).toMatchObject({ code: "STORE_INACCESSIBLE", location: { file: "/srv/coach/cache", flag: "--store" } });
    expect((error as Error).message).toBe(
      "--store (COACH_HOME): cannot write to the store /srv/coach: permission denied (/srv/coach/cache); point --store or COACH_HOME at a folder you can write to.",
    );
    expect(exitCodeFor(error)).toBe(1);
    expect((storeAccessError(refused("ENOSPC", "/srv/coach/index"), "/srv/coach", "write") as Error).message).toMatch(/the disk is full .*free some space/);
    expect((storeAccessError(refused("EROFS", "/srv/coach"), "/srv/coach", "read") as Error).message).toMatch(/^--store \(COACH_HOME\): cannot read the store \/srv\/coach: the disk is read-only;/);
  });

  it("leaves other failures as they are", () => {
    const other = new Error("boom");
    expect(storeAccessError(other, "/srv/coach", "write")).toBe(other);
    const missing = refused("ENOENT", "/srv/coach/x");
    expect(storeAccessError(missing, "/srv/coach", "write")).toBe(missing);
  });
});
