/** A text cut to at most `max` characters at a word boundary, with "…" when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  // A single long word is cut where it must be.
  return `${(cut.replace(/\s+\S*$/, "") || cut).replace(/[\s.;:,]+$/, "")}…`;
}
