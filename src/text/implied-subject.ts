import { splitSentences } from "./sentences.js";

// Irregular past forms people open note-style sentences with ("Built a model.", "Took it to the CFO.").
const IRREGULAR_PAST = new Set([
  "built", "wrote", "made", "took", "led", "ran", "set", "put", "got", "drove", "sent", "met", "brought", "chose", "found", "began", "spent",
  "gave", "told", "held", "kept", "did", "went", "rewrote", "rebuilt", "cut", "caught", "spoke", "won", "lost", "broke", "sat", "saw", "knew",
  "thought", "taught", "bought", "sold", "paid", "shut", "split", "hired", "dug", "fought", "left", "rode", "shipped", "swapped", "stood", "struck",
]);
// Capitalised words ending in -ed that are not verbs in the past.
const NOT_PAST = new Set([
  "need", "needed", "speed", "seed", "feed", "bed", "shed", "red", "indeed", "embed", "based", "hundred", "sacred", "naked", "wicked", "kindred",
  // adjectives that open notes ("Limited budget meant...") and names ("Jared joined...")
  "limited", "unexpected", "expected", "experienced", "automated", "dedicated", "detailed", "advanced", "integrated", "distributed", "unplanned",
  "unresolved", "unused", "outdated", "skilled", "talented", "interested", "qualified", "related", "required", "shared", "mixed", "tired",
  "ted", "fred", "ned", "med", "ed", "jared", "ahmed", "mohammed", "muhammad", "alfred", "winifred", "mildred", "reed", "creed",
]);

/** Whether a sentence opens with a verb in the past and no subject: note-style "Pulled the logs." */
export function opensWithImpliedI(sentence: string): boolean {
  // Notes start lower-case too ("- gave him a real project").
  const first = /^\W{0,4}([A-Za-z][a-z]+(?:-[a-z]+)?)\b/.exec(sentence)?.[1];
  if (!first) return false;
  const word = first.toLowerCase();
  if (NOT_PAST.has(word)) return false;
  if (IRREGULAR_PAST.has(word)) return true;
  if (word.length < 5 || !word.endsWith("ed")) return false;
  // "Jared joined from Google" and "Automated tests covered...": a verb follows, so the first word was its subject.
  // "Pushed updated configs" and "Reviewed failed jobs" keep theirs: there the -ed word describes the noun after it.
  // "Tested, reviewed and shipped it": a list of the author's verbs.
  if (/^\W{0,4}[A-Za-z-]+,/.test(sentence)) return true;
  const [next = "", after = ""] = sentence.toLowerCase().replace(/^\W*[a-z-]+\s*/, "").split(/\s+/);
  const nextIsVerb = isPastForm(next) && (after === "" || FUNCTION_WORDS.has(after.replace(/[^a-z]/g, "")));
  return !nextIsVerb && !isPastForm(after);
}

/** How many sentences of a text open with a past verb and no subject. */
export function countImpliedI(text: string): number {
  return splitSentences(text).filter((sentence) => opensWithImpliedI(sentence.text)).length;
}

/**
 * The text with "I" restored before note-style sentences ("Pulled the logs." ->
 * "I pulled the logs."), sentence for sentence, so role analysis reads them as
 * the speaker's actions.
 */
export function restoreImpliedI(text: string): string {
  let restored = "";
  let position = 0;
  for (const sentence of splitSentences(text)) {
    restored += text.slice(position, sentence.start);
    const lead = /^\W{0,4}/.exec(sentence.text)![0];
    restored += opensWithImpliedI(sentence.text) ? `${lead}I ${sentence.text[lead.length]!.toLowerCase()}${sentence.text.slice(lead.length + 1)}` : sentence.text;
    position = sentence.end;
  }
  return restored + text.slice(position);
}

// Irregular verbs that follow a subject in notes ("Limited budget meant..."); not "set" or "cut", which are nouns as often.
const PAST_AFTER_SUBJECT = new Set(["meant", "became", "left", "went", "took", "made", "got", "came"]);
const FUNCTION_WORDS = new Set(["", "from", "to", "in", "on", "at", "the", "a", "an", "and", "with", "for", "by", "up", "out", "over", "into", "our", "my", "his", "her", "their", "it", "them", "him", "us", "me", "this", "that", "as"]);

function isPastForm(word: string): boolean {
  const bare = word.replace(/[^a-z-]/g, "");
  return (bare.length >= 5 && bare.endsWith("ed") && !NOT_PAST.has(bare)) || PAST_AFTER_SUBJECT.has(bare);
}
