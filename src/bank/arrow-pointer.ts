// "→ Q1", "-> Q1", "=> Q12": an arrow where "See" would be; a list bullet may come first.
const ARROW = /^(?:[-*+•]\s+)?(?:→|->|=>|⇒|⟶|➔|➜|➡\ufe0f?)\s*/;
// What may follow the arrow, and nothing else: a number ("Q1", "story #3", "12"), a quoted title, or an Obsidian link.
const BY_NUMBER = /^(?:(?:q(?:uestion)?|story|answer|no\.?|number)\s*)?#?\s*(\d{1,4})$/i;
const BY_TITLE = /^["“']([^"”']{3,200})["”']$/;
const BY_WIKI_LINK = /^\[\[(?:[^[\]|#\n]{0,200}#)?([^[\]|#\n]{3,200})(?:\|[^[\]\n]{0,200})?\]\]$/;

/**
 * Where an entry whose whole text is an arrow and a reference ("→ Q1",
 * "-> Q1", "=> Q12", `→ "Title"`, "→ [[Title]]") points; null for any
 * other text, so an arrow in a longer note is not a pointer.
 */
export function readArrowPointer(text: string): { number: number } | { title: string } | null {
  const arrow = ARROW.exec(text.trim());
  if (!arrow) return null;
  // Trimmed, not /\s*[.;!]$/: that pattern retries from every space of a long run.
  const rest = text.trim().slice(arrow[0].length).replace(/[.;!]$/, "").trimEnd();
  const byNumber = BY_NUMBER.exec(rest);
  if (byNumber) return { number: Number(byNumber[1]) };
  const byTitle = BY_TITLE.exec(rest) ?? BY_WIKI_LINK.exec(rest);
  return byTitle ? { title: byTitle[1]!.trim() } : null;
}
