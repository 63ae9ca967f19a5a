import { opensWithSubjectPhrase } from "../text/index.js";
import type { Clause } from "./segment-answer.js";

// The hand-written cue rules for STAR roles: used alone when no learned model is
// installed, and as features of the learned model.

const I_SUBJECT = /\b(i|i've|i'd|i’ve|i’d)\b/i;
const PAST_VERB = /\b(\w{3,}ed|built|wrote|made|took|led|ran|set|put|got|drove|sent|met|brought|chose|found|began|spent|gave|told|held|kept|sought|taught|did|went|rewrote|rebuilt|split|shut|cut|dug|caught|paid|sold|bought|became|hired|fixed|pulled|pushed|called|ran|sat|stood|spoke|read|won|lost|broke|left|came|saw|knew|thought|felt|drew|flew|grew|threw|shook|rode|froze|bent|lent|sent|spun|swept|taught|understood|undertook|withdrew)\b/i;
const STATIVE_ONLY = /^(i|we)\s+(was|were|had|felt|thought|knew|wanted|needed|liked|hoped|believed|realized|realised|noticed|saw)\b/i;
// Learning and realising are not actions taken in the story.
const MENTAL_VERB = /\b(I|we)\s+(learned|learnt|realized|realised|understood|discovered that|felt|thought|knew|wished|regretted)\b/i;
// Where the speaker ended up, not what they did: "I finished at $940,000", "we ended the year at 78%".
const OUTCOME_VERB = /\b(I|we)\s+(finished|ended|closed|landed|came in|hit|reached|achieved|exceeded|missed|beat)\b[^.]{0,40}(\d|%|\$|target|quota|goal)/i;
// The speaker (or the team) as the subject of a past-tense verb: "I rewrote", "we then moved", "I quickly set up",
// "I single-handedly rebuilt".
const ACTOR_VERB = new RegExp(String.raw`\b(I|we|my team and I|the team and I)\s+(?:\w+(?:-\w+)*ly\s+|also\s+|then\s+|just\s+|first\s+|finally\s+|personally\s+|immediately\s+)?` + "(" + PAST_VERB.source.slice(3, -3) + ")\\b", "i");
// Effort and attitude are not actions: "I worked really hard", "I had to be scrappy", "it was an intense few weeks".
export const EFFORT_ONLY = /^(so,? )?(i|we) (really |basically |just )*(worked (really |very |so )?hard|tried (my|our) best|did (my|our) best|gave it (my|our) all|stayed (persistent|focused|positive|calm|on it)|had to be (really |very )?\w+( and \w+)?( with it)?|put in (a lot of|long|extra) (hours|effort|work)|kept (at it|pushing|going)|focused on (it|that|this)( and got (the|my) team behind (it|me))?|got (the|my) team behind (it|me)|made it (a|my) (top )?priority|worked on it|stayed on top of it)\b[^,;]*$|^(it|that) was (an? )?(intense|busy|hard|tough|crazy|stressful|long|difficult)\b|^(and )?(it|that) took (a lot of|lots of|real|some|a great deal of) \w+( and (a lot of )?[\w ]+)?\.?$|^(and )?it was a lot of work\b|^(right|so|okay|ok|well|um+|uh+|yeah|honestly|basically)[.,!]?$/i;
/**
 * A bare admission, with nothing done in it: "I failed.", "I messed up.", "We dropped the ball." It tells how things
 * went, not a step: as a step, "I failed." alone read as an answer with an action, owned in full.
 */
export const BARE_ADMISSION =
  /^(?:(?:and|so|but|well|honestly|basically|yeah|in short|in the end|ultimately),?\s+)*(?:I|we)\s+(?:(?:just|really|completely|totally|simply|badly|kind of|sort of)\s+)?(?:failed|messed up|screwed up|blew it|slipped up|fell short|dropped the ball|got it wrong|was wrong|were wrong|made (?:a|one|some|the|an?\s+(?:big|huge|bad|serious|costly))\s+mistakes?|made mistakes|let (?:everyone|everybody|the team|my team|them|us|people) down)(?:\s+(?:badly|completely|there|again|that time|big time))?[\s.!]*$/i;
// "[^)\]]*" and "\s*" could share a run of spaces; the open-ended forms take no "\s*" after them.
export const PLACEHOLDER = /^[([]?\s*(?:(?:tbd|todo|tk|to do|to be written|\.\.\.|…|xxx)\s*|(?:still need to write|fill (?:this|in))[^)\]]*)[)\]]?\.?$/i;
const IMPLIED_ACTION = new RegExp("^(?:and |then |and then |also |plus )?(?:" + PAST_VERB.source.slice(3, -3) + ")\\b(?!\\s+(?:down|up|from|by)\\b)", "i");
/**
 * A clause that opens with a past verb and no subject ("...and then talked him
 * through it", "Rebuilt the index."): a step whose subject is the one before.
 * Not a past form describing the noun that is the subject ("Failed payments
 * dropped to 0.5%", "Lost deals fell by half": `opensWithSubjectPhrase`).
 */
export function impliesAction(text: string): boolean {
  return IMPLIED_ACTION.test(text) && !opensWithSubjectPhrase(text);
}
export const ROLE_INTRO = /\b((i was|i'm|i am|i worked as|i joined as|i was hired as|as)\s+(a|an|the)\s+[\w -]{2,40}?\s+(at|for|in|on|with)\s)|\b(at|for|with)\s+(a|an|our|my)\s+([\w-]+\s+){0,3}(company|startup|firm|agency|provider|business|retailer|bank|hospital|school|manufacturer|distributor|chain|platform|marketplace|consultancy|studio|nonprofit|charity|council|department|plant|warehouse|clinic|store|restaurant|lab|team)\b|\b(my (first|second|last|previous) (year|job|role)|that year|last year|in my (first|second|last) )/i;
export const EARLY_REMIT = /\b(i (managed|ran|handled|looked after|covered|led|oversaw|was in charge of|coordinated) (the|our|a|all)\b|(manager|director|boss|lead|vp|ceo|cto|cfo|head of \w+|client|customer|founders?) (wanted|needed|expected|asked for|set)\b|i decided (i'd|i would|to)|i wanted to)/i;
const RESULT_START = /^(in the end|eventually|ultimately|as a result|the result|by (the end|december|january|february|march|april|may|june|july|august|september|october|november|the next|then)|finally,? (the|it|we|they|our)|overall|since then,? (the|it|we|they|our)|within (a|two|three|\d+) (days?|weeks?|months?)|a (week|month|quarter|year) later|after (that|launch|the change|the fix),? (the|it|we|they|our))\b/i;

export const TASK_CUES =
  /\b((my|our|the|a|set myself an?|set an?|had an?|given an?)\s+(\w+\s+)?(goal|target|objective|aim|quota|mandate|brief|okrs?|kpis?)\b|my share|(asked|told|tasked|needed|wanted|assigned) me to|made it my (priority|goal|job|mission)|my (priority|deal|project|patch|area|remit)\b|signed up (for|to)|put my hand up|stepped up to|landed (with|on) me|(was|is|fell) on me|my (shift|call|account|project|responsibility|decision)\b|took (the \w+ |it |this |that )?over|i was (responsible|accountable) for|my (goal|task|job|role|responsibility|mandate|mission|challenge|assignment)|i (needed|had|was asked|was tasked|was responsible|wanted|set out|volunteered|offered|was expected|was supposed|was brought in|was hired|decided|chose|committed|agreed|promised) to|the (goal|task|ask|mandate|challenge|objective) was|our goal|we needed to|we had to|i owned|it was on me|fell to me|i was in charge|i took (it )?on|my (own )?target|i was assigned|i took ownership)\b/i;
export const RESULT_CUES =
  /\b(as a result|in the end|ultimately|eventually|the result|the outcome|in total|overall|by the end|that meant|this meant|which meant|this led|that led|led to|resulted in|resulting|end result|since then|from then on|the next (quarter|month|year|release)|within (a|two|three|\d+) (days?|weeks?|months?)|saved|saving|reduc(ed|ing|tion)|increas(ed|ing)|improv(ed|ing|ement)|cut|dropp(ed|ing)|fell|rose|grew|doubled|tripled|halved|went (up|down|from|back)|shipped|launched|delivered|passed|renewed|signed|won|promoted|approved|adopted|stopped|no longer|never (happened|broke|came|recurred)|zero|on time|ahead of schedule|late|delayed|missed|lost|churned|thanked|praised|recogni[sz]ed|became (the|a|our)|is (still )?used|still (use|runs)|(has|have|had) (not|never) (failed|broken|happened|recurred|come back)|not (failed|broken|recurred) since|ever since|since\.?$|went live|succeeded|successful|(it|this|that|the (fix|change|plan|approach)) worked|paid off|closed|complaints|feedback was|rating|satisfaction)\b/i;
export const LESSON_CUES =
  /\b(i (have )?(learn(ed|t)|realized|realised) (that|how|to|the|a|my)|lessons? (i |that i )?(learned|learnt|took)|(biggest|key|main|real|hard|important|valuable|big|first) lessons?\b|the lesson (here |for me )?(was|is)|taught me|next time|in hindsight|in retrospect|looking back|(would|'d|’d) (do|have done|handle) (it |this |that |things )?differently|i would have|i should have|i'd have|since then,? i|going forward|now i (always|make sure|check|ask|start|try|insist|write|build)|i now\b|my takeaway|the takeaway|what i (learned|learnt|took away)\s*(:|was\b|is\b|that\b|here\b)|if i (did|could do) it again|i'd (now )?(start|insist|ask|check)|(biggest|key|main|real) takeaway|ever since,? i|from then on,? i|these days,? i|i('ve| have) since\b|i came away (with|knowing)|(it|that|this) (reminded|showed) me (that|how)|made me (realize|realise|rethink)|i changed how i|i('ve| have) made it a (habit|rule|point)|now,? i (always|never|make|check|ask|start|write|build|insist|push|run|test)|i never again)/i;
const SITUATION_CUES =
  /\b(when i (joined|started|was)|at (my )?(last|previous|current|old) (job|company|role)|in (19|20)\d\d|last (year|quarter|month|summer|spring|fall|winter)|a few (years|months) ago|years ago|while (i was|we were|working)|our (team|company|product|app|site|system|service|client|customer)s?\b|the (team|company|project|product|client|customer|system|service|app)\b|there was|there were|we had|we were|was (slow|failing|broken|late|behind|struggling|losing|rising|growing)|kept (failing|crashing|breaking)|had been|were (complaining|frustrated|unhappy)|customers|users)\b/i;
const AT_COMPANY = /\b[Aa]t [A-Z][\w&.-]+/;
const CONTEXT_START = /^(when|while|at|in|during|last|a few|about|back|our|the|my (team|company|manager|previous)|there|as (a|the|our)|before|after (joining|i joined))\b/i;
// An outcome told without its size, hedged or not: "it was faster, I believe", "it got a lot better", "people were
// generally happier". The model, which learned hedges as talk with no role, read such clauses as none.
const VAGUE_MODIFIERS = String.raw`(?:(?:much|a lot|a bit|way|far|noticeably|definitely|clearly|generally|quite|so|even|really|somewhat|slightly)\s+)*`;
/**
 * A change said of "it" without its size ("it was faster", "it got a lot more reliable"): one phrase list for the
 * clause roles (the result) and the critique (a vague claim), so the two cannot drift apart.
 */
export const VAGUE_COMPARISON = String.raw`(?:was|got|became|ran|felt|seemed|looked)\s+${VAGUE_MODIFIERS}(?:faster|quicker|better|smoother|easier|cheaper|more\s+(?:reliable|stable|efficient|robust))`;
export const VAGUE_CHANGE = new RegExp(
  String.raw`\b(?:(?:it|things|everything)\s+(?:all\s+)?${VAGUE_COMPARISON}|(?:people|everyone|everybody|users|customers|the\s+team|they)\s+(?:were|was|seemed|felt)\s+${VAGUE_MODIFIERS}(?:happier|more\s+(?:satisfied|confident)))\b`,
  "i",
);
export const FINDING = /^(i|we) (found|discovered|noticed|realized|realised|learned|saw) (that|out)\b/i;

interface RoleScores {
  situation: number;
  task: number;
  action: number;
  result: number;
  lesson: number;
}

/**
 * Whether the speaker (or the team) is the subject of a past-tense verb of
 * doing ("I rolled back", "we then moved"): not a state ("I was"), a thought
 * ("I realised"), or where things ended up ("I finished at 94%").
 */
export function tellsOwnStep(text: string): boolean {
  return ACTOR_VERB.test(text) && !STATIVE_ONLY.test(text.toLowerCase()) && !(MENTAL_VERB.test(text) && !/,|\band\b/.test(text.replace(MENTAL_VERB, ""))) && !OUTCOME_VERB.test(text);
}

/** Cue-rule scores of a clause for each STAR role (higher is more likely); `seenAction` says whether an action came before. */
export function scoreClause(clause: Clause, seenAction: boolean): RoleScores {
  const text = clause.text;
  const firstPersonAction = tellsOwnStep(text);
  const scores: RoleScores = { situation: 0, task: 0, action: 0, result: 0, lesson: 0 };
  if (LESSON_CUES.test(text)) scores.lesson += 3;
  if (RESULT_START.test(text)) scores.result += 2.6;
  if (OUTCOME_VERB.test(text)) scores.result += 2;
  // "We cut our cloud bill by 38%": an outcome verb with a figure is a result wherever it stands (result-first answers).
  if (/\b(cut|reduced|saved|increased|improved|raised|dropped|grew|doubled|halved|tripled|lowered|boosted)\b[^.]{0,60}(\d|half|twice)/i.test(text)) scores.result += 1.8;
  if (TASK_CUES.test(text)) scores.task += 2.2;
  if (firstPersonAction) scores.action += 1.6;
  if (/^(then|next|first|after that|so|i also|we also|i then|finally,? i)\b/i.test(text) && firstPersonAction) scores.action += 0.6;
  if (RESULT_CUES.test(text)) scores.result += seenAction ? 1.6 : 0.6;
  if (/\d|%|\$|€|£|\b(half|twice|double|triple|dozen|hundreds?|thousands?|millions?)\b/i.test(text) && seenAction) scores.result += 0.6;
  if (/^(which|so|resulting|cutting|saving|reducing|bringing|raising|dropping|improving|increasing|leading|allowing|meaning|and (this|that|it))\b/i.test(text)) scores.result += 1.2;
  if (!I_SUBJECT.test(text) && seenAction && clause.position > 0.5) scores.result += 0.5;
  if (FINDING.test(text)) {
    scores.result -= 1.2;
    scores.action += 0.8;
  }
  // Context words inside a sentence about what the speaker did ("I pulled every unit from the last year") are not the setting.
  if (SITUATION_CUES.test(text) || AT_COMPANY.test(text)) scores.situation += firstPersonAction ? 0.5 : 1.2;
  if (CONTEXT_START.test(text)) scores.situation += 0.8;
  if (!firstPersonAction && !seenAction) scores.situation += 0.6;
  // Position priors: context comes first, outcomes last.
  scores.situation += clause.position < 0.3 ? 0.6 : clause.position > 0.6 ? -0.8 : 0;
  scores.result += clause.position > 0.65 ? 0.5 : clause.position < 0.3 ? -0.6 : 0;
  scores.lesson += clause.position > 0.6 ? 0.2 : 0;
  return scores;
}

const NAMED_CUES: Array<[string, RegExp]> = [
  ["task", TASK_CUES],
  ["result", RESULT_CUES],
  ["result-start", RESULT_START],
  ["lesson", LESSON_CUES],
  ["situation", SITUATION_CUES],
  ["at-company", AT_COMPANY],
  ["context-start", CONTEXT_START],
  ["finding", FINDING],
  ["role-intro", ROLE_INTRO],
  ["early-remit", EARLY_REMIT],
  ["actor-verb", ACTOR_VERB],
  ["stative", STATIVE_ONLY],
  ["mental", MENTAL_VERB],
  ["outcome-verb", OUTCOME_VERB],
];

/** Names of the cue rules a clause matches, and the role the rules score highest: features for the learned role model. */
export function cueFeatures(text: string, position: number): string[] {
  const trimmed = text.trim();
  const features = NAMED_CUES.filter(([, pattern]) => pattern.test(trimmed)).map(([name]) => `cue:${name}`);
  if (impliesAction(trimmed)) features.push("cue:implied-action");
  if (EFFORT_ONLY.test(trimmed)) features.push("cue:effort-only");
  if (PLACEHOLDER.test(trimmed)) features.push("cue:placeholder");
  const scores = scoreClause({ start: 0, end: trimmed.length, text: trimmed, sentence: 0, position, labelled: null }, position > 0.35);
  const best = (Object.entries(scores) as Array<[string, number]>).sort((a, b) => b[1] - a[1])[0]!;
  features.push(`rule-best:${best[0]}`);
  return features;
}
