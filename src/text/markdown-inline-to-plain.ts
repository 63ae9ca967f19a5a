/**
 * Plain text of one line of inline markdown: emphasis, code ticks, links,
 * images and HTML tags removed, entities for quotes decoded.
 */
export function markdownInlineToPlain(line: string): string {
  // Most lines hold no markup at all: only the spacing changes, and a bank may hold millions of lines.
  if (!/[[<*_`&\\]/.test(line)) return line.replace(/[ \t]+/g, " ").trim();
  // Each scan stops at the next opener ("[", "(", "<", "**"): on a line of 30,000 "[" or "**a " the open-ended
  // scans took seconds (every opener scanned to the end of the line). A step whose opener is not in the text is skipped.
  let text = line;
  if (text.includes("[")) {
    text = text.replace(/!\[([^[\]]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "$1").replace(/\[([^[\]]+)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "$1");
  }
  // An escaped "\<" opens no tag: "\<vendor\>" is the text "<vendor>".
  if (text.includes("<")) text = text.replace(/(?<!\\)<\/?[a-zA-Z][^<>]*>/g, "");
  if (/[*_]/.test(text)) {
    text = text.replace(/(\*\*|__)(?=\S)((?:(?!\1)[\s\S])*?\S)\1/g, "$2").replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?!\w)/g, "$1$2");
  }
  if (text.includes("`")) text = text.replace(/`+([^`]*)`+/g, "$1");
  if (/[*_]/.test(text)) text = text.replace(/\*\*|__/g, "");
  if (text.includes("&")) {
    text = text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, " ");
  }
  // Any ASCII punctuation may be escaped ("\$184,000", "\>", "\|"): the plain text is the character.
  if (text.includes("\\")) text = text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
  return text.replace(/[ \t]+/g, " ").trim();
}

/** Removes a leading list marker, blockquote marker or table pipe from a source line. */
export function stripBlockMarkers(line: string): string {
  // Trim first: patterns anchored at the end of a long run of spaces would otherwise backtrack quadratically.
  let stripped = line
    .trim()
    .replace(/^(?:>\s?)+/, "")
    .replace(/^(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/, "")
    // An empty list item ("- " at the end of jotted notes) holds nothing: not a "-" to be read as a sentence.
    .replace(/^[-*+•]$/, "")
    .replace(/^\|\s*/, "");
  if (stripped.endsWith("|")) stripped = stripped.slice(0, -1).trimEnd();
  return stripped;
}
