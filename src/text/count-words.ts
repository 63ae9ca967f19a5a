/** Words in a text: runs of letters or digits, with the apostrophes, points and hyphens inside them. */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}
