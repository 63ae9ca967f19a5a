import type { Clause, Role } from "./segment-answer.js";

/** A clause with the STAR roles it plays (one, sometimes two). */
export interface RoledClause extends Clause {
  roles: Role[];
}

const I_SUBJECT = /\b(i|i've|i'd|i’ve|i’d)\b/i;
const WE_SUBJECT = /\b(we|we've|we’ve|our team|the team)\b/i;
const PAST_VERB = /\b(\w{3,}ed|built|wrote|made|took|led|ran|set|put|got|drove|sent|met|brought|chose|found|began|spent|gave|told|held|kept|sought|taught|did|went|rewrote|rebuilt|split|shut|cut|dug|caught|paid|sold|bought|became|hired|fixed|pulled|pushed|called|ran|sat|stood|spoke|read|won|lost|broke|left|came|saw|knew|thought|felt|drew|flew|grew|threw|shook|rode|froze|bent|lent|sent|spun|swept|taught|understood|undertook|withdrew)\b/i;
const STATIVE_ONLY = /^(i|we)\s+(was|were|had|felt|thought|knew|wanted|needed|liked|hoped|believed|realized|realised|noticed|saw)\b/i;

const TASK_CUES =
  /\b(my (goal|task|job|role|responsibility|mandate|mission|challenge|assignment)|i (needed|had|was asked|was tasked|was responsible|wanted|set out|volunteered|offered|was expected|was supposed|was brought in|was hired|decided|chose|committed|agreed|promised) to|the (goal|task|ask|mandate|challenge|objective) was|our goal|we needed to|we had to|i owned|it was on me|fell to me|i was in charge|i took (it )?on|my (own )?target|i was assigned|i took ownership)\b/i;
const RESULT_CUES =
  /\b(as a result|in the end|ultimately|eventually|the result|the outcome|in total|overall|by the end|that meant|this meant|which meant|this led|that led|led to|resulted in|resulting|end result|afterwards|after that|since then|from then on|the next (quarter|month|year|release)|within (a|two|three|\d+) (days?|weeks?|months?)|saved|saving|reduc(ed|ing|tion)|increas(ed|ing)|improv(ed|ing|ement)|cut|dropp(ed|ing)|fell|rose|grew|doubled|tripled|halved|went (up|down|from|back)|shipped|launched|delivered|passed|renewed|signed|won|promoted|approved|adopted|stopped|no longer|never (happened|broke|came|recurred)|zero|on time|ahead of schedule|late|delayed|missed|lost|churned|thanked|praised|recogni[sz]ed|became (the|a|our)|is (still )?used|still (use|runs)|(has|have|had) (not|never) (failed|broken|happened|recurred|come back)|not (failed|broken|recurred) since|ever since|since\.?$|went live|succeeded|successful|worked|paid off|closed|complaints|feedback was|rating|satisfaction)\b/i;
const LESSON_CUES =
  /\b(i (have )?(learn(ed|t)|realized|realised) (that|how|to|the|a|my)|lessons?\b|taught me|next time|in hindsight|in retrospect|looking back|(would|'d|’d) (do|have done|handle) (it |this |that |things )?differently|would have|should have|since then,? i|going forward|now i (always|make sure|check|ask|start|try|insist|write|build)|i now\b|my takeaway|the takeaway|if i (did|could do) it again|i'd (now )?(start|insist|ask|check))/i;
const SITUATION_CUES =
  /\b(when i (joined|started|was)|at (my )?(last|previous|current|old) (job|company|role)|in (19|20)\d\d|last (year|quarter|month|summer|spring|fall|winter)|a few (years|months) ago|years ago|while (i was|we were|working)|our (team|company|product|app|site|system|service|client|customer)s?\b|the (team|company|project|product|client|customer|system|service|app)\b|there was|there were|we had|we were|was (slow|failing|broken|late|behind|struggling|losing|rising|growing)|kept (failing|crashing|breaking)|had been|were (complaining|frustrated|unhappy)|customers|users)\b/i;
const AT_COMPANY = /\b[Aa]t [A-Z][\w&.-]+/;
const CONTEXT_START = /^(when|while|at|in|during|last|a few|about|back|our|the|my (team|company|manager|previous)|there|as (a|the|our)|before|after (joining|i joined))\b/i;
const FINDING = /^(i|we) (found|discovered|noticed|realized|realised|learned|saw) (that|out)\b/i;

interface RoleScores {
  situation: number;
  task: number;
  action: number;
  result: number;
  lesson: number;
}

function scoreClause(clause: Clause, seenAction: boolean): RoleScores {
  const text = clause.text;
  const lower = text.toLowerCase();
  const firstPersonAction = (I_SUBJECT.test(text) || WE_SUBJECT.test(text)) && PAST_VERB.test(text) && !STATIVE_ONLY.test(lower);
  const scores: RoleScores = { situation: 0, task: 0, action: 0, result: 0, lesson: 0 };
  if (LESSON_CUES.test(text)) scores.lesson += 3;
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
  if (SITUATION_CUES.test(text) || AT_COMPANY.test(text)) scores.situation += 1.2;
  if (CONTEXT_START.test(text)) scores.situation += 0.8;
  if (!firstPersonAction && !seenAction) scores.situation += 0.6;
  // Position priors: context comes first, outcomes last.
  scores.situation += clause.position < 0.3 ? 0.6 : clause.position > 0.6 ? -0.8 : 0;
  scores.result += clause.position > 0.65 ? 0.5 : clause.position < 0.3 ? -0.6 : 0;
  scores.lesson += clause.position > 0.6 ? 0.2 : 0;
  return scores;
}

/**
 * Gives each clause its STAR roles: an explicit label wins; otherwise cue
 * phrases, grammatical person, tense and position decide, and a clause close
 * to two roles (context and goal, action and outcome) keeps both.
 */
export function assignRoles(clauses: readonly Clause[]): RoledClause[] {
  let seenAction = false;
  return clauses.map((clause) => {
    if (clause.labelled && clause.labelled.length > 0) {
      if (clause.labelled.includes("action")) seenAction = true;
      // Inside a labelled Result, a sentence stating the lesson is a lesson too.
      const extra: Role[] = clause.labelled.includes("result") && LESSON_CUES.test(clause.text) ? ["lesson"] : [];
      return { ...clause, roles: [...clause.labelled, ...extra] };
    }
    const scores = scoreClause(clause, seenAction);
    const ranked = (Object.entries(scores) as Array<[Role, number]>).sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    const roles: Role[] = [best![0]];
    if (second && second[1] > 1 && second[1] >= best![1] * 0.85) roles.push(second[0]);
    if (roles.includes("action")) seenAction = true;
    return { ...clause, roles };
  });
}
