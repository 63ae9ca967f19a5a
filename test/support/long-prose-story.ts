/**
 * One story of about `characters` characters of prose after a Situation label:
 * at a million characters, seconds of parsing, principle inference, embedding
 * and profiling for a server to index.
 */
export function longProseStory(characters: number): string {
  const words = "we shipped the release after fixing the failing build and the customer was happy so I led the team through it".split(" ");
  const parts = ["# One long story\n\n**Situation:** "];
  for (let index = 0, length = 0; length < characters; index++) {
    const word = `${words[index % words.length]}${index % 17 === 16 ? ". " : " "}${index % 400 === 399 ? "\n" : ""}`;
    parts.push(word);
    length += word.length;
  }
  return parts.join("");
}
