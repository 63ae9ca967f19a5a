import type { StoryPart } from "../core/story.js";
import { splitSentences } from "../text/index.js";

const LESSON = /\b(i (have )?(learn(ed|t)|realized|realised)|lessons?\b|taught me|next time|in (hindsight|retrospect),? (i|i'd|i’d) (would|should|learned|realized|wish)|(would|'d|’d) (do|have done|handle) (it |this |that )?differently|since then|going forward|now i (always|make sure|check)|took away|my takeaway|the takeaway)/i;
const TASK = /\b(my (goal|task|job|role|responsibility|mandate)|i (needed|had|was asked|was tasked|was responsible|wanted|set out|decided|volunteered|offered|was expected|was supposed) to|the (goal|task|ask|mandate) was|our goal|we needed to|we had to|i owned|it was on me|it fell to me|i was in charge)\b/i;
const OUTCOME = /\b(result(ed|s)?|outcome|sav(ed|ing|es)|reduc(ed|ing|tion)|increas(ed|ing|e)|improv(ed|ing|ement)|dropped|drop(ped)? to|fell|grew|rose|doubled|tripled|halved|cut (it|the|our|down)|went (back )?(up|down)|delivered|launched|shipped|on time|succe(ss|ssful|ssfully|eded)|led to|which meant|as a result|in the end|ended up|eventually|finally|appreciated|adopted|renewed|won|praised|recogni[sz]ed|no longer|never (happened|broke|failed) again|passed|was (approved|accepted|promoted)|conversions?|churn)\b|\d\s*%|\$\s?\d/i;
const FIRST_PERSON_ACTION = /\b(i|we)\s+(\w+ed|built|wrote|made|took|led|ran|set|put|got|drove|sent|met|brought|chose|found|began|spent|gave|told|held|kept|sought|taught|thought|did|went|rewrote|rebuilt|split|shut|cut|dug|caught|paid|sold|bought|began|became|hired|fixed|also|then|quickly|personally|immediately|first)\b/i;
const BULLET_ACTION = /^(\w+ed|built|wrote|made|took|led|ran|set|put|got|drove|sent|met|brought|chose|found|began|spent|gave|held|kept|sought|taught|did|went|rewrote|rebuilt|split|cut|dug|caught|fixed|created|quickly|then|also)\b/i;

/**
 * Assigns each sentence of an unlabelled story to a STAR part with cue
 * phrases and position. A first guess for unlabelled banks; the critique
 * engine has its own, fuller analysis.
 */
export function inferPartsFromProse(text: string): Partial<Record<StoryPart, string>> {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return {};
  const roles: StoryPart[] = [];
  let seenAction = false;
  sentences.forEach((sentence, index) => {
    const position = sentences.length === 1 ? 1 : index / (sentences.length - 1);
    const line = sentence.text;
    let role: StoryPart;
    if (LESSON.test(line)) role = "lesson";
    else if (TASK.test(line) && !seenAction) role = "task";
    else if (OUTCOME.test(line) && seenAction && position >= 0.4) role = "result";
    else if (FIRST_PERSON_ACTION.test(line) || BULLET_ACTION.test(line)) role = "action";
    else if (!seenAction) role = "situation";
    else role = OUTCOME.test(line) || position === 1 ? "result" : "action";
    if (role === "action") seenAction = true;
    roles.push(role);
  });
  const parts: Partial<Record<StoryPart, string>> = {};
  sentences.forEach((sentence, index) => {
    const role = roles[index]!;
    parts[role] = parts[role] ? `${parts[role]} ${sentence.text}` : sentence.text;
  });
  return parts;
}

/** Moves sentences that state a lesson out of a labelled result ("...I learned to always check usage first."). */
export function splitLessonFromResult(result: string): { result: string; lesson: string } {
  const kept: string[] = [];
  const lesson: string[] = [];
  for (const sentence of splitSentences(result)) (LESSON.test(sentence.text) ? lesson : kept).push(sentence.text);
  return { result: kept.join(" "), lesson: lesson.join(" ") };
}
