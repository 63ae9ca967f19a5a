/** A count with its noun in the right number: "1 story", "3 stories", "1 file". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
