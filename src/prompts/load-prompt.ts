import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** A versioned prompt file from prompts/, with the hash that goes into every cache key. */
export interface Prompt {
  name: string;
  text: string;
  hash: string;
}

const cache = new Map<string, Prompt>();

/** Loads prompts/<name>.md once per process. */
export function loadPrompt(name: string): Prompt {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFileSync(path.join(PACKAGE_ROOT, "prompts", `${name}.md`), "utf8");
  const prompt = { name, text, hash: createHash("sha256").update(text).digest("hex").slice(0, 16) };
  cache.set(name, prompt);
  return prompt;
}
