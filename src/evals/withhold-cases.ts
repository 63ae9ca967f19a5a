import type { RetrievalDatasetReport } from "./run-retrieval-eval.js";

/**
 * A held-out set's report with its cases withheld: the totals stay, every
 * question, miss and hit goes. Reading a held-out set's misses is how it stops
 * being held out, so the report never shows them.
 */
export function withholdCases(report: RetrievalDatasetReport): RetrievalDatasetReport {
  return { ...report, configurations: report.configurations.map((entry) => ({ ...entry, cases: [] })), heldOut: true };
}
