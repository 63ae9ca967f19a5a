import { rm } from "node:fs/promises";
import path from "node:path";
import { parseBankFiles } from "../bank/index.js";
import type { Embedder } from "../core/embedder.js";
import type { ParsedBank } from "../core/story.js";
import { InputError } from "../errors/index.js";
import { computeStoryFeatures, createMatcher, type StoryFeatures, type StoryMatcher } from "../retrieval/index.js";
import { ensureIndex, writeFileAtomic, type EnsureIndexResult } from "../store/index.js";
import { withInferredPrinciples } from "../understanding/index.js";

/** What the server answers from: the indexed stories and a matcher over them. */
export interface BankState {
  indexed: EnsureIndexResult;
  matcher: StoryMatcher;
  features: StoryFeatures[];
}

/**
 * The banks a server serves: those it started with plus uploaded ones (kept as
 * files in the store, so a restart serves them again). Changes are applied one
 * at a time and the index is rebuilt atomically after each.
 */
export class ServedBanks {
  private state: BankState | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: string,
    private readonly embedder: Embedder,
    private banks: string[],
    private readonly sample: string | null,
  ) {}

  private get uploads(): string {
    return path.join(this.store, "uploads");
  }

  async load(): Promise<BankState> {
    return this.exclusive(() => this.rebuild());
  }

  current(): BankState {
    if (!this.state) throw new Error("banks not loaded");
    return this.state;
  }

  uploadedNames(): string[] {
    return this.banks.filter((bank) => path.dirname(bank) === this.uploads).map((bank) => path.basename(bank).replace(/\.(md|json)$/, ""));
  }

  /** Adds or replaces a named bank; refuses one with no story without changing anything. */
  async upload(name: string, content: string, format: "markdown" | "json"): Promise<ParsedBank> {
    return this.exclusive(async () => {
      const file = path.join(this.uploads, `${name}.${format === "json" ? "json" : "md"}`);
      const parsed = parseBankFiles([{ path: file, bytes: Buffer.from(content, "utf8"), sha256: "upload" }]);
      if (parsed.stories.length === 0) throw new InputError("INPUT_EMPTY", `bank "${name}": no stories found (a story is a heading followed by Situation/Task/Action/Result text).`);
      await writeFileAtomic(file, content);
      const others = this.banks.filter((bank) => bank !== this.sample && path.join(path.dirname(bank), path.basename(bank).replace(/\.(md|json)$/, "")) !== path.join(this.uploads, name));
      this.banks = [...others, file];
      await this.rebuild();
      return { ...parsed, stories: withInferredPrinciples(parsed.stories) };
    });
  }

  async remove(name: string): Promise<boolean> {
    return this.exclusive(async () => {
      const matches = this.banks.filter((bank) => path.dirname(bank) === this.uploads && path.basename(bank).replace(/\.(md|json)$/, "") === name);
      if (matches.length === 0) return false;
      this.banks = this.banks.filter((bank) => !matches.includes(bank));
      if (this.banks.length === 0 && this.sample) this.banks = [this.sample];
      if (this.banks.length === 0) throw new InputError("INPUT_EMPTY", "cannot remove the last bank the server serves.");
      await this.rebuild();
      for (const file of matches) await rm(file, { force: true });
      return true;
    });
  }

  private async rebuild(): Promise<BankState> {
    const indexed = await ensureIndex({ store: this.store, banks: this.banks, embedder: this.embedder });
    this.state = { indexed, matcher: createMatcher(indexed.stories, indexed.index, this.embedder), features: computeStoryFeatures(indexed.stories) };
    return this.state;
  }

  // One change at a time: two uploads at once must not interleave their index builds.
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
