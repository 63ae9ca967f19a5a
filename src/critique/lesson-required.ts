import type { TextProfile } from "../understanding/index.js";

// The speaker's own failure, mistake, bad call or miss, named outright. "Wrong" and "fail" count only as the
// speaker's ("you got it wrong", "a time you failed"): "a customer who was wrong", "a plan you thought was wrong"
// and "a vendor fail to deliver" ask about someone else. One wording per line, any of them a match.
const OWN_FAILURE = new RegExp(
  `\\b(?:${[
    String.raw`(?:you|your\s+(?:team|project|plan|idea|launch|decision|estimate|code|design|change|approach))\s+(?:\w+\s+)?fail(?:ed|s)?\b`,
    String.raw`(?<!intermittent |system |service |build |test |job |hardware |component |disk |network |node |single point of |vendor |supplier |fewer |reduced |reduce |less |no |zero |avoid |prevent |cut |of |with )failures?\b(?! (?:rate|mode|over|safe)s?\b)`,
    String.raw`mistakes?`,
    String.raw`(?:made|make|making) (?:an|a) (?:error|blunder|misjudg\w*|slip-up)`,
    String.raw`your (?:own )?(?:error|blunder|oversight)`,
    String.raw`an (?:error|oversight) (?:you|of yours)`,
    String.raw`you(?:'d| had| have|'ve)? (?:got|gotten|had|been|were|was) (?:\w+ )?wrong`,
    String.raw`(?:got|get|getting) (?:it|something|things|that|\w+) wrong`,
    String.raw`you were doing wrong`,
    String.raw`(?:wrong|bad) (?:decision|call|choice|bet|judg(?:e)?ment|hire|estimate|assumption)s?`,
    String.raw`the wrong (?:things|priorities|problem|path|tool|vendor|technology|direction|approach|person|hire|call|bet)`,
    String.raw`you missed`,
    String.raw`missed (?:a|the|your) (?:deadline|goal|target|commitment|quota|date)`,
    String.raw`miss(?:ing)? (?:a|the|your) (?:deadline|goal|target|commitment|quota)`,
    String.raw`regret`,
    String.raw`fell short`,
    String.raw`fall short`,
    String.raw`done better`,
    String.raw`wish you had`,
    String.raw`didn'?t (?:go|work)`,
    String.raw`did not (?:go|work)`,
    String.raw`went badly`,
    String.raw`screwed up`,
    String.raw`messed up`,
    String.raw`dropped the ball`,
    String.raw`weakness`,
    String.raw`let (?:\w+ )?(?:team|manager|customer|client|someone|people|them|\w+) down`,
    String.raw`disappointed (?:your|a|the|someone|people)`,
    String.raw`underestimat\w*`,
    String.raw`overcommit\w*`,
    String.raw`unsuccessful`,
    String.raw`backfired`,
    String.raw`(?:you|your \w+) (?:didn'?t|did not) (?:meet|hit|reach|land|pay off)`,
    String.raw`(?:didn'?t|did not) pay off`,
    String.raw`setbacks?`,
    String.raw`(?:project|launch|release|initiative|product|feature|deal|bet|experiment|idea|migration|rollout|plan)s? (?:that |which )?(?:\w+ )?fail(?:ed|s)?`,
    String.raw`(?<!habits? )you (?:caused|broke(?! (?:a|the|your|that|this|an old|old) habits?)|shipped (?:a |an )?(?:\w+ )?(?:bug|defect|regression|outage|something))`,
    String.raw`(?:you|your \w+) lost (?:a|an|the|your|one of your)? ?(?:\w+ )?(?:customer|client|deal|account|bid|pitch|sale|contract|key \w+)s?`,
    String.raw`(?:picked|chose|choose|took|made|gave|used|went down|built|hired|backed) (?:\w+ ){0,2}wrong`,
    String.raw`(?:proved|prove|showed|shown) (?:you |your (?:\w+ ){0,2})wrong`,
    String.raw`led you (?:\w+ ){0,2}wrong`,
    String.raw`fell flat`,
    String.raw`(?:customer|client|deal|account|bid|pitch|sale|contract)s? (?:that )?you (?:\w+ )?lost`,
    String.raw`you (?:made|took|chose|backed|pushed|set)(?: \w+){0,2} (?:that |which )?turned out (?:to be )?(?:wrong|a mistake|badly)`,
    String.raw`(?:your|you) (?:\w+ ){0,4}(?:was|were|turned out to be|proved) (?:wrong|mistaken|late|a mistake)`,
    String.raw`(?:goal|target|deadline|quota|commitment|date|number)s? (?:that )?you(?:'ve| have| had)? missed`,
    String.raw`(?:deal with|handle|cope with) (?:failing|failure)`,
    String.raw`(?:weren'?t|were not|wasn'?t|was not) going to (?:hit|meet|make|reach)`,
    String.raw`worst (?:\w+ )?(?:decision|call|mistake|hire|bet|idea|project|moment)`,
    String.raw`screw-?ups?`,
    String.raw`misjudg\w*`,
    String.raw`flopped`,
    String.raw`(?:you )?tried and failed`,
    String.raw`(?:risk|bet|gamble|decision|call|idea|plan|change|experiment|approach)s? you (?:took|made|chose|pushed|backed|proposed|tried|placed)(?: \w+)? (?:that|which) (?:failed|backfired|went wrong|went badly|didn'?t work|did not work)`,
    String.raw`you slipped`,
    String.raw`you let (?:\w+ ){1,2}slip`,
    String.raw`you (?:delivered|shipped|launched|finished|submitted|handed in)(?: \w+){0,2} late`,
    String.raw`you (?:brought|took) down (?:production|prod|the site|the service|the app|the system|a \w+|the \w+)`,
    String.raw`you did (?:the|something|it|things) wrong`,
    String.raw`(?:project|launch|release|deadline|date|milestone|delivery|schedule|plan)s? (?:that |which )?(?:you (?:\w+ ){0,2})?slipped`,
    String.raw`you let (?:a|the|your) (?:\w+ )?(?:deadline|date|milestone|launch|project|release|schedule) slip`,
    String.raw`(?:deadline|date|milestone|launch|project|release) (?:was|were) going to slip`,
    String.raw`you (?:were responsible for|owned|led|ran|managed|built|shipped|launched) (?:\w+ )?went (?:wrong|badly)`,
    String.raw`(?:messed|screwed) (?:\w+ )?up`,
    String.raw`(?:couldn'?t|could not|didn'?t|did not|failed to) keep`,
    String.raw`blown (?:through|past) (?:a |the )?(?:due date|deadline)`,
    String.raw`turned out you (?:weren'?t|were not|were wrong)`,
    String.raw`walk(?:ed)? back (?:a|the|your) (?:decision|call|plan)`,
    String.raw`reverse if you could`,
    String.raw`(?:didn'?t|did not) pan out`,
    String.raw`came up short`,
    String.raw`you (?:blew it|botched|bungled|fumbled)`,
    String.raw`(?:you|your \w+) (?:went|ran) (?:over|past) (?:budget|the deadline|schedule)`,
    String.raw`turned out (?:badly|poorly)`,
    String.raw`(?:were|was) careless`,
  ].join("|")})\\b`,
  "i",
);
// "What would you do differently?", "What did you learn?": a request for the lesson, whatever the story.
const REFLECTION =
  /\b(?:handle|do|approach|run|tackle)\s+(?:it\s+|that\s+|this\s+|things\s+)?differently\s+(?:if|next\s+time|now|in\s+hindsight|with\s+hindsight)\b|\byou(?:'d|\s+would)\s+(?:handle|do|approach|run|tackle)\s+(?:\w+\s+)?differently|\b(?:what|anything)\s+(?:would|will)\s+you\s+(?:do|have\s+done|change)\s+differently|\b(?:would|will)\s+you\s+(?:do|have\s+done)\s+(?:anything|something|it)\s+differently|\bwhat\s+(?:lessons?\s+)?(?:did|have|do)\s+you\s+(?:learn|learned|learnt|take\s+away)|\bwhat\s+you\s+(?:learned|learnt|took\s+away)|\bin\s+hindsight|\blooking\s+back\b/i;
// Questions that name a miss or a target but ask about a success: catching others' errors, beating a goal.
const SUCCESS_QUESTION =
  /\b(?:exceed(?:ed)?|surpass(?:ed)?|beat|blew\s+past|smash(?:ed)?)\s+(?:the\s+|your\s+|a\s+|an\s+)?(?:\w+\s+)?(?:target|goal|quota|expectations?|forecast|plan)\b|\b(?:others|someone else|nobody else|everyone else|other people)(?: had)? (?:missed|overlooked)\b|\bcaught (?:an?|the) (?:error|mistake|bug|issue|problem)\b|\bslipped past\b/i;
// Someone else's mistake or setback, mistakes as a process problem, or a wrong the speaker saw in others' plans: cut from the question before looking
// for the speaker's own ("let someone make a mistake so they'd learn", "help a colleague after a setback").
const OTHERS_FAILURE =
  /\blet (?:someone|them|him|her|a \w+) make (?:a )?mistakes?|\b(?:coworker|co-worker|colleague|teammate|peer|report|manager|boss|vendor|supplier|partner|client|customer|someone|somebody|team member|they|he|she)(?: \w+){0,2} (?:made|makes|had made|has made) (?:a |an )?(?:\w+ )?(?:mistake|error|blunder)s?|\b(?:someone else'?s|somebody else'?s|others'?|other people'?s|another (?:team|person|engineer)'?s|(?:a|your) (?:colleague|teammate|coworker|co-worker|peer|report|manager|boss|vendor|supplier)'?s) (?:\w+ )?(?:mistakes?|errors?|failures?)|\blet you down|\b(?:it|they|their \w+|the \w+) fell short|\b(?:they|he|she|it) (?:was|were) wrong|\bavoid(?:ing)? (?:a |the )?(?:bigger |costly |serious )?mistakes?|\b(?:same|recurring|repeated) (?:kind of |sort of |type of )?mistakes?|\byou (?:thought|believed|felt|knew|suspected|argued|considered|said|insisted) (?:\w+ ){0,2}(?:was|were|is|are|to be) wrong|\b(?:colleague|teammate|report|peer|junior|mentee|someone)\b[^.?!]{0,40}?\bafter (?:a|the|their|his|her) setback/gi;
const LESSON_COMPETENCIES = ["failure", "missed-goal", "bad-decision"];
// How sure the question's profile must be that it is about a failure, a miss or a bad call.
const THEME_THRESHOLD = 0.6;
// Theme cues that say something went wrong but not that the speaker did it ("a customer who was wrong",
// "your own team", "working late", "a vendor fail"): for the lesson they count only through OWN_FAILURE's wording.
const WHOSE_FAILURE_UNSAID = new Set([
  "my own", "my code", "lost", "late", "delay*", "wasted", "brought down", "was wrong", "turned out to be wrong",
  "should not have", "i recommended", "did not meet", "fell short", "missed", "commitment*", "fail|fails|failed|failing|failure|failures", "mistake*",
  "target", "went wrong", "do differently", "did not work", "got wrong", "goal i", "i broke", "backfired", "slip*", "slipping",
]);

/**
 * Whether a question asks about the speaker's own failure, mistake, bad
 * decision or missed goal, or asks outright what they learned, so that an
 * answer without a lesson falls short.
 */
export function questionAsksForLesson(question: string, profile: TextProfile): boolean {
  if (REFLECTION.test(question)) return true;
  // The speaker's own failure named outright counts even beside a success ("a mistake of yours that others had missed").
  const own = question.replace(OTHERS_FAILURE, " ");
  if (OWN_FAILURE.test(own)) return true;
  if (SUCCESS_QUESTION.test(question)) return false;
  // A question about someone else's mistake is read by its words alone: its theme is still "failure".
  if (own !== question) return false;
  return LESSON_COMPETENCIES.some((id) => {
    if ((profile.competencies.get(id) ?? 0) < THEME_THRESHOLD) return false;
    const cues = profile.evidence.get(id) ?? [];
    // With no cue behind it, the score is the learned classifier's own reading of the whole question.
    return cues.length === 0 || cues.some((match) => !WHOSE_FAILURE_UNSAID.has(match.cue.source));
  });
}
