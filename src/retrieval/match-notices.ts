// Notices `coach match` prints beside its matches (stderr), about the question or the number of stories shown.

/** What to tell a candidate who asked a question no story answers, naming the story that could still support it. */
export function nonBehaviouralNotice(kind: string, answerWith: string, title: string | undefined): string {
  const support = title && kind !== "practical" ? `, though "${title}" could support it` : "";
  return `This is ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} question, not a behavioural one: answer with ${answerWith}. No story is needed${support}.`;
}

/** Why fewer stories than asked for are shown, if they are. */
export function fewerThanAsked(shown: number, asked: number, experiences: number, stoppedAtZero: boolean, unmatched: boolean): string | undefined {
  if (shown >= asked || experiences === 0) return undefined;
  const many = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  if (unmatched) return `No story shares a word or a theme with this question, so none fits better than another: only the first in your bank is shown, not ${asked}.`;
  if (stoppedAtZero) return `Only ${many(shown, "experience")} of the ${experiences} in your bank share${shown === 1 ? "s" : ""} a word or a theme with this question, so ${shown} ${shown === 1 ? "is" : "are"} shown, not ${asked}.`;
  return `Your bank has ${many(experiences, "experience")} (tellings of the same events count once), so ${shown} ${shown === 1 ? "is" : "are"} shown, not ${asked}.`;
}

/** Whether a notice is fewerThanAsked's (it ends naming the number asked for), for callers that re-cut the list. */
export function isShortfallNotice(text: string): boolean {
  return /, not \d+\.$/.test(text);
}
