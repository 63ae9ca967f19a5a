import { describe, expect, it } from "vitest";
import { baselineWriteError } from "../../src/cli/baseline-write-error.js";
import { exitCodeFor, UsageError } from "../../src/errors/index.js";

const refused = (code: string) => Object.assign(new Error(`${code}: refused`), { code });

describe("a refused write of the eval baseline (an installed package is read-only)", () => {
  it("EACCES, EPERM and EROFS are usage errors naming the file, the reason and where to update the baseline", () => {
    for (const [code, reason] of [["EACCES", "permission denied"], ["EPERM", "operation not permitted"], ["EROFS", "the disk is read-only"]] as const) {
      const error = baselineWriteError(refused(code), "/usr/lib/node_modules/coach/evals/baseline.json");
      expect(error).toBeInstanceOf(UsageError);
      const message = (error as UsageError).message;
      expect(message).toContain("/usr/lib/node_modules/coach/evals/baseline.json");
      expect(message).toContain(reason);
      expect(message).toContain("checkout");
      expect(exitCodeFor(error)).toBe(2);
    }
  });

  it("other failures pass through unchanged", () => {
    const full = refused("ENOSPC");
    expect(baselineWriteError(full, "/x/evals/baseline.json")).toBe(full);
    const plain = new Error("boom");
    expect(baselineWriteError(plain, "/x/evals/baseline.json")).toBe(plain);
  });
});
