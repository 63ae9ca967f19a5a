import { clearThemes, type MatchResult } from "../retrieval/index.js";

/** The stories found for a question, as the reply says them: the match's notices first, then the stories. */
export function describeMatches(result: MatchResult): string {
  // Above the list, as coach match prints them before its results: "no story is needed" changes how to read every match below.
  const notes = result.notices.length > 0 ? `${result.notices.map((notice) => notice.message).join("\n")}\n\n` : "";
  if (result.matches.length === 0) return `${notes}No story in your bank fits that yet.`;
  const lines = result.matches.map((match, index) => `${index + 1}. ${match.title} (${match.score.toFixed(2)}${match.fit ? `, ${match.fit} fit` : ""})\n   ${match.why}`);
  return `${notes}For "${result.question}" (${clearThemes(result).themes.join(", ") || "no clear theme"}):\n${lines.join("\n")}`;
}
