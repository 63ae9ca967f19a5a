import { isContentLabel, matchLabel } from "./part-labels.js";

/** What a file's YAML front matter says about its story. */
export interface FrontMatter {
  title: string | null;
  /** Entries of `tags:` and of `principles:`, each with the line of its key. */
  tags: { items: string[]; line: number } | null;
  principles: { items: string[]; line: number } | null;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
// "title: Billing migration", "created: 2025-01-04", "related stories:": a key of a few words, then a colon.
const KEY_LINE = /^([A-Za-z_][\w -]{0,40}?):(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^[ \t]+-[ \t]+(.*)$|^-[ \t]+(.*)$/;
const STAR_PARTS = new Set(["situation", "task", "action", "result", "lesson"]);

/**
 * Reads YAML front matter ("---" on the first line, "key: value" lines, a
 * closing "---") and returns the text with it blanked out, line breaks kept.
 * A block between rules that holds STAR labels of its own ("Situation: ...",
 * "Result: ...") or nothing but story labels ("Q: ... A: ...") is a story,
 * not front matter.
 */
export function readFrontMatter(text: string): { text: string; frontMatter: FrontMatter | null } {
  const none = { text, frontMatter: null };
  if (!text.startsWith("---")) return none;
  const lines = text.split("\n", 500);
  if (!FENCE.test(lines[0]!)) return none;
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closing === -1) return none;
  const entries = new Map<string, { value: string; items: string[]; line: number }>();
  let current: { value: string; items: string[]; line: number } | null = null;
  const starParts = new Set<string>();
  let metadataKeys = 0;
  for (let index = 1; index < closing; index++) {
    const line = lines[index]!;
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const item = LIST_ITEM.exec(line);
    if (item && current) {
      current.items.push(item[1] ?? item[2] ?? "");
      continue;
    }
    const key = KEY_LINE.exec(line);
    if (key) {
      current = { value: (key[2] ?? "").trim(), items: [], line: index + 1 };
      entries.set(key[1]!.trim().toLowerCase().replace(/[\s_-]+/g, " "), current);
      const label = matchLabel(line);
      if (!label?.kinds.some((kind) => isContentLabel(kind) || kind === "question")) metadataKeys++;
      for (const kind of label?.kinds ?? []) if (STAR_PARTS.has(kind)) starParts.add(kind);
      continue;
    }
    // An indented line continues the value above it; anything else is not YAML.
    if (!/^[ \t]/.test(line) || !current) return none;
  }
  if (metadataKeys === 0 || starParts.size >= 2) return none;
  const blanked = "\n".repeat(closing) + text.slice(lines.slice(0, closing + 1).join("\n").length);
  const list = (...keys: string[]) => {
    const entry = keys.map((key) => entries.get(key)).find(Boolean);
    if (!entry) return null;
    const items = (entry.items.length > 0 ? entry.items : splitInlineList(entry.value)).map(unquote).filter(Boolean);
    return items.length > 0 ? { items, line: entry.line } : null;
  };
  const title = entries.get("title") ? unquote(entries.get("title")!.value) : "";
  return {
    text: blanked,
    frontMatter: { title: title || null, tags: list("tags", "tag"), principles: list("principles", "principle", "leadership principles", "lp", "lps") },
  };
}

// "[ownership, deliver-results]", "ownership, deliver-results" or ["Are Right, A Lot", "Ownership"]: commas inside quotes stay.
function splitInlineList(value: string): string[] {
  const inner = /^\[(.*)\]$/.exec(value.trim())?.[1] ?? value;
  const items: string[] = [];
  let quote: string | null = null;
  let item = "";
  for (const character of inner) {
    if (quote) quote = character === quote ? null : quote;
    else if (character === '"' || character === "'") quote = item.trim() === "" ? character : null;
    else if (character === ",") {
      items.push(item);
      item = "";
      continue;
    }
    item += character;
  }
  return [...items, item];
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? quoted[2]! : trimmed).trim();
}
