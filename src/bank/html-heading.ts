// "<h2>Cut CI time in half</h2>" or "<h3 id="ci">...</h3>" on a line of its own, as HTML exports and hand-written HTML banks have.
// The attributes cannot hold ">" and the text cannot hold "<", so each part is matched in one pass.
const HTML_HEADING = /^\s{0,3}<h([1-6])(?:\s[^<>]*)?>([^<]*(?:<(?!\/h[1-6]>)[^<]*)*)<\/h\1>\s*$/i;

/** A line that is one HTML heading (`<h2>Title</h2>`): its level and inner text, or null. */
export function readHtmlHeading(line: string): { level: number; source: string } | null {
  const match = HTML_HEADING.exec(line);
  if (!match) return null;
  const source = match[2]!.trim();
  return source ? { level: Number(match[1]), source } : null;
}
