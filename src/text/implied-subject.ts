import { IRREGULAR_PAST_FORMS } from "./irregular-past.js";
import { splitSentences } from "./sentences.js";

// Past forms people open note-style sentences with ("Built a model.", "Took it to the CFO."): the irregular ones, a few that are
// as often nouns but open notes as verbs, and regular ones that would otherwise read as describing the noun after them;
// not "meant", which opens a note as the rest of the sentence before ("Meant we had to wait").
const OPENING_PAST = new Set([...[...IRREGULAR_PAST_FORMS].filter((word) => word !== "meant"), "set", "put", "cut", "split", "shut", "hired", "shipped", "swapped"]);
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
  // "Failed payments dropped to 0.5%", "Lost deals fell by half": the word describes the noun after it, the subject of the verb after that.
  if (opensWithSubjectPhrase(sentence)) return false;
  if (OPENING_PAST.has(word)) return true;
  if (word.length < 5 || !word.endsWith("ed")) return false;
  // "Jared joined from Google" and "Automated tests covered...": a verb follows, so the first word was its subject.
  // "Pushed updated configs" and "Reviewed failed jobs" keep theirs: there the -ed word describes the noun after it.
  // "Tested, reviewed and shipped it": a list of the author's verbs.
  if (/^\W{0,4}[A-Za-z-]+,/.test(sentence)) return true;
  const [next = "", after = ""] = sentence.toLowerCase().replace(/^\W*[a-z-]+\s*/, "").split(/\s+/);
  const nextIsVerb = isPastForm(next) && (after === "" || FUNCTION_WORDS.has(after.replace(/[^a-z]/g, "")));
  // A verb after the noun ("Automated tests covered...") was caught above, as a subject phrase.
  return !nextIsVerb;
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

// Verbs that say how a figure or a count moved ("Failed payments dropped by half"), and the forms of "be" and "have":
// after a noun they are its verb, whatever follows.
const CHANGE_VERBS = new Set([
  "was", "were", "is", "are", "has", "have", "had", "fell", "rose", "grew", "shrank", "sank", "went", "came", "dropped", "declined", "decreased",
  "increased", "doubled", "tripled", "halved", "improved", "stopped", "ended", "disappeared", "vanished", "plummeted", "plunged", "dipped",
  "climbed", "jumped", "soared", "spiked", "recovered", "settled", "averaged", "hit", "reached", "stayed", "remained", "shrunk", "slowed", "sped",
]);
// Words between a subject and its verb: "Failed payments now average...", "Missed deliveries also went down".
const BETWEEN = /^(?:now|also|then|soon|quickly|finally|never|rarely|seldom|still|all|both|each|nearly|almost|\p{L}+ly)$/u;
// After these, whatever word comes is the verb: "Broken builds no longer block releases".
const VERB_NEXT = /^(?:now|never|rarely|seldom|still|longer)$/;
// Connectives a clause can open with ("and then talked him through it").
const CONNECTIVE = /^\W{0,4}(?:(?:and|then|also|plus|so)\s+)*/i;

/**
 * Whether a sentence (or clause) opens with a noun phrase that is the subject
 * of the verb after it, its first word a past form describing the noun:
 * "Failed payments dropped from 3% to 0.5%", "Abandoned carts fell by 20%",
 * "Lost-edit tickets are down 90%". Not a step told without its "I" ("Rebuilt
 * the retry logic", "Pushed updated configs to every host"), nor a noun with a
 * passive participle after it ("Fixed bugs reported by users"). After a first
 * word that is a past form only when irregular ("Built", "Lost") the verb must
 * be a change verb or a form of "be" or "have": "Found jobs left running" is a
 * step.
 */
export function opensWithSubjectPhrase(sentence: string): boolean {
  const words = sentence.replace(CONNECTIVE, "").split(/\s+/).slice(0, 7);
  const first = /^([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)$/.exec(words[0] ?? "")?.[1]?.toLowerCase();
  if (!first) return false;
  const irregular = OPENING_PAST.has(first);
  let nouns = 0;
  for (let at = 1; at < words.length; at++) {
    const raw = words[at]!;
    const word = raw.toLowerCase().replace(/[^a-z'’-]/g, "");
    const lastWord = /[,;:.!?)]$/.test(raw);
    if (nouns > 0 && (CHANGE_VERBS.has(word) || (!irregular && isPastForm(word) && !passiveBy(words, at)))) return true;
    if (nouns > 0 && (BETWEEN.test(word) || word === "no")) {
      if (VERB_NEXT.test(word) || (word === "no" && words[at + 1]?.toLowerCase() === "longer")) return !lastWord && at + 1 < words.length;
      continue;
    }
    // The noun phrase: one to three words, none a word of grammar, a figure or the end of a clause.
    if (!/^[a-z][a-z'’-]*$/.test(word) || word !== raw.toLowerCase() || FUNCTION_WORDS.has(word) || nouns === 3) return false;
    nouns++;
    if (lastWord) return false;
  }
  return false;
}

// "Fixed bugs reported by users": a participle with its agent, not the sentence's verb.
function passiveBy(words: readonly string[], at: number): boolean {
  return words[at + 1]?.toLowerCase() === "by" && !/^(?:[\d$€£~]|half|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|nearly|almost|about|around|over|roughly|more|less|up|well)/i.test(words[at + 2] ?? "");
}
