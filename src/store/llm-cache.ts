import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

/** Model responses on disk, keyed by prompt hash, model and input, so a repeated request costs nothing. */
export class LlmCache {
  constructor(private readonly folder: string) {}

  static key(parts: { promptHash: string; model: string; input: unknown }): string {
    return createHash("sha256").update(`${parts.promptHash}\n${parts.model}\n${JSON.stringify(parts.input)}`).digest("hex").slice(0, 40);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(path.join(this.folder, `${key}.json`), "utf8");
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    await writeFileAtomic(path.join(this.folder, `${key}.json`), value);
  }
}
