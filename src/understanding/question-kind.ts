/** Interview questions that are not asking for a story, and what they ask for instead. */
export type NonBehaviouralKind = "introduction" | "motivation" | "career goals" | "practical" | "technical";

/** What kind of interview question this is: a story question, or one of the kinds a story does not answer. */
export interface QuestionKind {
  kind: "behavioural" | NonBehaviouralKind;
  /** For a non-behavioural question: what to answer with instead of a story. */
  answerWith?: string;
}

// "Tell me about a time", "have you ever": whatever else the question says, it asks for a story.
const STORY_REQUEST = /\b(a time|an example|an instance|a situation|a moment|have you ever|when did you|how did you|what did you|walk me through (a|how|when)|describe a|tell me about (how|when|that|it))\b/;

// Each pattern is a fixed phrase with small alternations: no nested repetition, so it stays linear on any input.
const KINDS: ReadonlyArray<{ kind: NonBehaviouralKind; answerWith: string; patterns: RegExp[] }> = [
  {
    kind: "introduction",
    answerWith: "a short summary of your background: what you do now, what you did before, and why this role",
    patterns: [
      /^(please |so |ok |okay )?(can you |could you |would you )?(tell|talk) (me|us) (a little |a bit |a little bit )?about yourself\b/,
      /\bintroduce yourself\b/,
      /\bwalk (me|us) through your (resume|cv|background|career)\b/,
      /^(how would you )?describe yourself\b/,
    ],
  },
  {
    kind: "motivation",
    answerWith: "what draws you to the company and the role",
    patterns: [
      /\bwhy (do|would) you (want|like) to (work|join|be)\b/,
      // "Why do you want this job?": the role itself, not a thing wanted done ("Why do you want the job done this way?").
      /\bwhy (do|would) you (want|like) (this|the|that|a|our) (job|role|position|opportunity)( ?[?.!,]| at | with | here| in | on |$)/,
      // Leaving the current job is the other side of wanting this one: answered with what draws you, not a story. Only
      // as the whole question: "change your team's mind" and "change roles in the middle of a launch" ask about events.
      /\bwhy (do|would) you (want|like) to (leave|change|move on from) (your|this|my) (current |present )?(job|role|position|company|employer|team)( now| so soon)? ?([?.!]|$)/,
      /\bwhy (do|would) you (want|like) to (leave|change|switch) (jobs|roles|companies|employers|careers)( now| so soon)? ?([?.!]|$)/,
      /\bwhat makes you want to (work|join|be)\b/,
      /\bwhy (amazon|aws|us|our company|this company|this role|this job|this position|this team)\b/,
      /\bwhy are you (interested in|applying|leaving|looking)\b/,
      /\bwhy (did|have) you (apply|applied)\b/,
      /\bwhy should (we|i) hire you\b/,
      /\bwhat (attracts|draws|interests|excites) you (to|about) (amazon|aws|us|our|this|the role|the job|the company|the position|working)\b/,
      /\bwhat do you know about (amazon|aws|us|our company)\b/,
    ],
  },
  {
    kind: "career goals",
    answerWith: "where you want your career to go and how this role fits",
    patterns: [
      /\bwhere do you see yourself\b/,
      /\bwhat are your (long-term |long term |career |professional )?(career )?(goals|aspirations)\b/,
      /\bwhat are you looking for in (a|your next|this) (role|job|position|company|team)\b/,
    ],
  },
  {
    // Knowledge and design questions ("What is a hash table?", "How would you design a URL shortener?") are
    // answered with the knowledge itself. Only impersonal wordings: one about "you" or "your" work asks for a story.
    kind: "technical",
    answerWith: "the knowledge or design it asks for; a story of yours can follow as an example",
    // Every pattern is anchored and refuses "you", "your", "my" and "our" anywhere: a question about anyone's own work
    // ("Describe how you reduced the time complexity of...", "design a system for my team") asks for a story.
    patterns: [
      /^(?!.*\b(?:you|your|my|our)\b)(what is|what's|what are|whats) (the differences? between|the (time|space) complexity of|the big-?o of)\b/,
      // A definition: one or two words after the article, and nothing more ("What is a hash table?", not "What's a decision that went wrong?").
      /^(?!.*\b(?:you|your|my|our)\b)(what is|what's|what are|whats) (a|an) [a-z0-9+#./-]+( [a-z0-9+#./-]+)? ?\??$/,
      /^(?!.*\b(?:you|your|my|our)\b)(explain|define) (the differences? between|the concept of|what (a|an) [a-z0-9+#./ -]{1,30} is\b|how (a|an|the)? ?[a-z0-9+#./ -]{1,30} works?\b)/,
      /^(?!.*\b(?:you|your|my|our)\b)how (does|do|is|are) ((a|an|the) )?[a-z0-9 ./+#-]{1,40} (work|implemented|stored|computed)\b/,
      /^(?!.*\b(?:my|our|your)\b)(how would you |how do you |can you |could you |please )?(design|architect|implement|code|write) (a|an) (system|service|url|rate|cache|function|program|algorithm|class|method|query|api|database|schema|parking|chat|news ?feed|web ?crawler|key-value|distributed|scalable|load balancer|queue)\b/,
      /^(?!.*\b(?:you|your|my|our)\b)design [a-z0-9 .-]{1,30} ?[?.]?$/,
      // A design named by what it is for ("How would you design a hospital bed management system?", "...a sepsis
      // early-warning alert for an EHR?"): up to four words before the kind of thing built.
      /^(?!.*\b(?:my|our|your)\b)(how would you |how do you |how should you )?(design|architect|implement|build) (a|an) ([a-z0-9+#./-]+ ){0,4}(system|service|platform|app|application|alert|alerting|dashboard|pipeline|api|database|schema|cache|queue|feature|interface|algorithm|engine|architecture)s?\b/,
      // A definition with its point asked too ("What is HL7 FHIR and why does it matter?").
      /^(?!.*\b(?:you|your|my|our)\b)(what is|what's|what are|whats) [a-z0-9+#./ -]{1,30} and (why|how) (does|do|is|are|would|should) (it|they|this|that)\b/,
    ],
  },
  {
    kind: "practical",
    answerWith: "the facts asked for",
    patterns: [
      /\b(salary|compensation|pay) (expectations?|requirements?|range)\b/,
      /\bnotice period\b/,
      /\bwhen (can|could) you start\b/,
      /\bdo you have any questions for (me|us)\b/,
    ],
  },
];

/**
 * Whether an interview question asks for a story ("Tell me about a time...")
 * or is one a story does not answer: an introduction, motivation ("Why
 * Amazon?"), career goals, or a practical question.
 */
export function questionKind(question: string): QuestionKind {
  // Accents dropped ("résumé" reads as "resume"), so every pattern can be plain ASCII.
  const text = question.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
  if (STORY_REQUEST.test(text)) return { kind: "behavioural" };
  for (const entry of KINDS) {
    if (entry.patterns.some((pattern) => pattern.test(text))) return { kind: entry.kind, answerWith: entry.answerWith };
  }
  return { kind: "behavioural" };
}
