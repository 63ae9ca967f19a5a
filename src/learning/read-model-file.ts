import { existsSync, readFileSync } from "node:fs";
import { CoachError } from "../errors/index.js";

/**
 * A trained model shipped as JSON, or null when the file is absent (the
 * caller then works without it). A damaged file is an error naming the script
 * that rebuilds it, never a silent fallback.
 */
export function readModelFile<Model>(file: string, retrainWith: string): Model | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Model;
  } catch (cause) {
    throw new CoachError("INTERNAL", `${file} is not a readable model file; reinstall, or rebuild it with ${retrainWith}.`, { cause, location: { file } });
  }
}
