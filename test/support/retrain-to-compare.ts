import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./run-coach.js";

/** Runs a training script with its output redirected (by `outputVariable`) and returns what it wrote beside the committed file's text. */
export function retrainToCompare(script: string, outputVariable: string, committedFile: string): { committed: string; retrained: string } {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), "coach-retrain-")), path.basename(committedFile));
  execFileSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, script)], { cwd: PROJECT_ROOT, env: { ...process.env, [outputVariable]: copy } });
  return { committed: readFileSync(committedFile, "utf8"), retrained: readFileSync(copy, "utf8") };
}
