import { markdownInlineToPlain } from "../text/index.js";
import { matchLabel } from "./part-labels.js";

// "- Vendor renegotiation": a list item near the margin, as Notion exports a toggle.
const TOGGLE = /^( {0,3})[-*+•]\s+(\S.*)$/;
// "    - Situation" (or "    - Situation: ..."): a part of the story, one level in.
const NESTED_ITEM = /^(\s+)[-*+•]\s+(\S.*)$/;

/**
 * The title of a toggle that holds a story, as Notion exports one: a list
 * item ("- Vendor renegotiation") whose first nested item names its
 * Situation or Task ("    - Situation", its text indented below, or
 * "    - Situation: ..."). Null for any other line, so a list of notes or a
 * toggle of plain text is not taken for a title.
 */
export function readToggleTitle(lines: readonly string[], index: number): string | null {
  const toggle = TOGGLE.exec(lines[index]!);
  if (!toggle) return null;
  let next = index + 1;
  while (next < lines.length && lines[next]!.trim() === "") next++;
  const child = next < lines.length ? NESTED_ITEM.exec(lines[next]!) : null;
  if (!child || child[1]!.replace(/\t/g, "    ").length <= toggle[1]!.length) return null;
  const text = markdownInlineToPlain(child[2]!.trim());
  const label = matchLabel(text) ?? matchLabel(text, { standalone: true });
  const opens = label?.kinds[0];
  return opens === "situation" || opens === "task" ? toggle[2]!.trim() : null;
}
