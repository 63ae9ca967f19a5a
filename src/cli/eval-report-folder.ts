import path from "node:path";
import { UsageError } from "../errors/index.js";
import { PACKAGE_ROOT } from "./package-paths.js";

/** Where `coach eval` writes its report, and whether the user named the folder. */
export interface ReportFolder {
  folder: string;
  explicit: boolean;
}

/**
 * The eval report's folder: `--report DIR` when given; run from inside the
 * checkout (as CI and `npm run eval` do), its `evals/report/`; anywhere else
 * (an installed `coach`), `evals/report/` in the current folder, as the
 * contract names it, never inside the installed package.
 */
export function evalReportFolder(flag: string | undefined, cwd: string): ReportFolder {
  if (flag !== undefined) {
    if (flag.trim() === "") throw new UsageError("--report: the value is empty; give a folder or leave the flag out.", { flag: "--report" });
    return { folder: path.resolve(cwd, flag), explicit: true };
  }
  const fromPackage = path.relative(PACKAGE_ROOT, cwd);
  const insideCheckout = !fromPackage.startsWith("..") && !path.isAbsolute(fromPackage);
  return { folder: insideCheckout ? path.join(PACKAGE_ROOT, "evals", "report") : path.join(cwd, "evals", "report"), explicit: false };
}

/** A folder as a message shows it: from the current folder when under it, else in full. */
export function shownPath(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : folder;
}
