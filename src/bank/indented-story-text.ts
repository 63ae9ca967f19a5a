import { markdownInlineToPlain, stripBlockMarkers } from "../text/index.js";
import { matchLabel } from "./part-labels.js";

// Punctuation that prose does not use: braces and semicolons ending a line, operators, empty calls, tags, prompts.
const CODE_SIGNS = /[{};]\s*$|^(?:[}\])]|#\s|>>>\s|\$\s)|=>|==|!=|&&|\|\||::|\(\)|<\/?[a-z][\w-]*>|\s=\s/;
const SENTENCE_END = /[.!?:"”)]\s*$/;

/**
 * Whether an indented block reads as story text ("    Situation: ...",
 * sentences) rather than code: no line looks like code, every line is a
 * label or runs to three words or more, and at least one is a label or ends
 * like a sentence.
 */
export function readsAsStoryText(lines: readonly string[]): boolean {
  const content = lines.map((line) => line.trim()).filter(Boolean);
  if (content.length === 0) return false;
  let labelOrSentence = false;
  for (const line of content) {
    if (CODE_SIGNS.test(line)) return false;
    const plain = markdownInlineToPlain(stripBlockMarkers(line));
    const label = matchLabel(plain) !== null || matchLabel(plain, { standalone: true }) !== null;
    if (!label && plain.split(/\s+/).length < 3) return false;
    labelOrSentence = labelOrSentence || label || SENTENCE_END.test(plain);
  }
  return labelOrSentence;
}
