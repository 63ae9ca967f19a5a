import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { predictLogistic, readModelFile, type LogisticModel } from "../../learning/index.js";
import { PACKAGE_ROOT } from "../../package-root.js";

export const STORY_PRINCIPLE_MODEL_FILE = path.join(PACKAGE_ROOT, "corpus", "models", "story-principles.json");

let cached: LogisticModel | null | undefined;
let version: string | undefined;

/** The trained story-principle model, or null when no model file is present. */
export function loadStoryPrincipleModel(): LogisticModel | null {
  if (cached === undefined) cached = readModelFile<LogisticModel>(STORY_PRINCIPLE_MODEL_FILE, "npm run train:principles");
  return cached;
}

/**
 * Identifies the model file ("none" without one), so a store that keeps
 * inferred principles is rebuilt when the model changes. Hashes the bytes
 * without parsing them: every command that opens a store asks.
 */
export function storyPrincipleModelVersion(): string {
  if (version === undefined) {
    version = existsSync(STORY_PRINCIPLE_MODEL_FILE) ? createHash("sha256").update(readFileSync(STORY_PRINCIPLE_MODEL_FILE)).digest("hex").slice(0, 12) : "none";
  }
  return version;
}

/** Learned probability of each principle for a story's features (empty without a model). */
export function predictStoryPrinciples(features: readonly string[]): Map<string, number> {
  const model = loadStoryPrincipleModel();
  return model ? predictLogistic(model, features) : new Map();
}
