import { markdownInlineToPlain } from "../text/index.js";
import { foldLabel } from "./label-words.js";
import type { MarkdownTable } from "./markdown-outline.js";
import { isStoryPart, matchLabel, type LabelKind } from "./part-labels.js";

const LETTERS: ReadonlyMap<string, LabelKind> = new Map([["s", "situation"], ["t", "task"], ["a", "action"], ["r", "result"], ["l", "lesson"]]);

/**
 * Two-column tables that tell one story a part per row ("| Part | Notes |", then "| Situation | ... |",
 * "| **Task** | ... |"), rewritten as the labelled lines they stand for ("Situation: ..."), one per row, so the
 * story they sit in reads them as labelled parts, without the pipes. A table counts when its first column
 * names two or more STAR parts (the header row too: a table may open on "| **Situation** | ... |"), one of
 * them a Situation, Action or Result. Returns each rewritten line (1-based) with its text; the header row
 * when it names no part, and the "|---|" row, become blank.
 */
export function readPartTables(tables: readonly MarkdownTable[], isStoryTable: (table: MarkdownTable) => boolean): Map<number, string> {
  const rewritten = new Map<number, string>();
  for (const table of tables) {
    if (isStoryTable(table) || table.rows.length === 0 || table.rows.some((row) => row.cells.length !== 2)) continue;
    const kinds = table.rows.map((row) => partOf(row.cells[0]!));
    const parts = new Set(kinds.filter((kind): kind is LabelKind => kind !== null && isStoryPart(kind)));
    if (parts.size < 2 || !(parts.has("situation") || parts.has("action") || parts.has("result"))) continue;
    for (let line = table.startLine; line <= table.endLine; line++) rewritten.set(line, "");
    table.rows.forEach((row, index) => {
      const [key = "", value = ""] = row.cells.map((cell) => cell.trim());
      const name = markdownInlineToPlain(key.replace(/<br\s*\/?>/gi, " ")).replace(/[:.]\s*$/, "");
      // "| Part | Notes |" names the columns, not a part.
      if (index === 0 && kinds[0] === null) return;
      const text = value.replace(/<br\s*\/?>/gi, " ").replace(/\s+/g, " ").trim();
      rewritten.set(row.line, name ? `${name}: ${text}` : text);
    });
  }
  return rewritten;
}

/** The label a first-column cell is ("Situation", "**Task**", "S", "Result & Impact"), if any. */
function partOf(cell: string): LabelKind | null {
  const name = markdownInlineToPlain(cell).replace(/[:.]\s*$/, "").trim();
  const letter = LETTERS.get(foldLabel(name));
  if (letter) return letter;
  const label = matchLabel(name, { standalone: true });
  return label && label.rest === "" ? label.kinds[0]! : null;
}
