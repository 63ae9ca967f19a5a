/** The text with its first character in upper case ("your answer to ..." opening a sentence). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
