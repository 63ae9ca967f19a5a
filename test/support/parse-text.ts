import { parseBankFiles } from "../../src/bank/index.js";

/** Parses bank text as one file of that name (its ending decides markdown, text or JSON). */
export function parseText(text: string, name = "bank.md") {
  return parseBankFiles([{ path: name, bytes: Buffer.from(text, "utf8"), sha256: "x" }]);
}

/**
 * CPU seconds a piece of work takes. Bounds in tests use CPU time, not wall
 * time: on a loaded machine the wall clock measures the neighbours.
 */
export function cpuSeconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}
