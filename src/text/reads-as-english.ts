/**
 * Whether a text is written mostly in Latin letters, as the offline
 * critique's English reading needs: an answer in Chinese, Japanese, Arabic or
 * Cyrillic gets no STAR parts from it, and should be told so.
 */
export function readsAsEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return true;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin / letters >= 0.5;
}

/** What the coach says above a critique of an answer it cannot read in English. */
export const NOT_ENGLISH_NOTE = "I read answers in English only: the parts and issues below may miss what this answer says. The word count and speaking time still hold.";
