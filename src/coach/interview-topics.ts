import { normalizePrinciple, type Principle } from "../principles/index.js";
import { shorten } from "../text/index.js";
import { loadTaxonomy, profileText } from "../understanding/index.js";

/** One thing a mock interview was asked to cover: a Leadership Principle, or a topic read as one of the coach's competencies. */
export type InterviewTopic = { kind: "principle"; principle: Principle } | { kind: "competency"; asked: string; competency: string; name: string; principles: Principle[] };

/** What "interview me on ..." asks for: the topics understood, in order, and the words understood as neither. */
export interface InterviewRequest {
  topics: InterviewTopic[];
  unknown: string[];
}

// Interview topics people name that are not principles and that the question classifier cannot read from one word.
const TOPIC_WORDS: Record<string, string> = {
  teamwork: "collaboration",
  "team work": "collaboration",
  "team player": "collaboration",
  "working in a team": "collaboration",
  "working with others": "collaboration",
  collaboration: "collaboration",
  leadership: "influence",
  leading: "influence",
  "leading a team": "influence",
  "people management": "mentoring",
  management: "mentoring",
  coaching: "mentoring",
  negotiation: "influence",
  persuasion: "influence",
  resilience: "obstacles",
  adaptability: "ambiguity",
  change: "ambiguity",
  initiative: "ownership-beyond-role",
  "problem solving": "root-cause",
  "time management": "prioritization",
  creativity: "innovation",
  stakeholders: "communication",
  "stakeholder management": "communication",
  mistakes: "failure",
  pressure: "deadline",
  stress: "deadline",
  "decision making": "judgement",
  feedback: "feedback-received",
};
// A topic the classifier reads with at least this confidence is taken as that competency.
const CLASSIFIER_CONFIDENCE = 0.5;
// A request names a few topics of a few words each; past these it is not a list of topics, and reading it all would be slow.
const MAX_TOPICS = 16;
const MAX_TOPIC_WORDS = 5;
const MAX_TOPIC_CHARACTERS = 60;
const MAX_UNKNOWN_CHARACTERS = 40;
const SEPARATOR = /(\s*(?:,|;|&|\/|\+|\band\b|\bplus\b)\s*)/i;
// Words around a topic that are not part of it: "interview me on teamwork questions, please".
const FILLER = /^(?:the|my|some|a few|questions?|please|principles?|lps?|leadership principles?)$/i;

/** The topics named after "on", "for", "about" or "covering" in an interview request. */
export function readInterviewRequest(text: string): InterviewRequest {
  // Whitespace runs become one space first: the separators' spaces could otherwise split a long run many ways.
  const asked = /\b(?:on|for|about|covering) (.+)$/i.exec(text.replace(/\s+/g, " ").trim())?.[1] ?? "";
  const pieces = asked.split(SEPARATOR).slice(0, 2 * MAX_TOPICS);
  const topics: InterviewTopic[] = [];
  const unknown: string[] = [];
  // pieces alternate words and separators; a principle may span a separator ("Learn and Be Curious", "Have Backbone; Disagree and Commit").
  for (let start = 0; start < pieces.length; start += 2) {
    const principle = longestPrinciple(pieces, start);
    if (principle) {
      topics.push({ kind: "principle", principle: principle.principle });
      start = principle.end;
      continue;
    }
    const words = cleanTopic(pieces[start]!);
    if (words === "") continue;
    const competency = words.length <= MAX_TOPIC_CHARACTERS && words.split(" ").length <= MAX_TOPIC_WORDS ? competencyFor(words) : null;
    if (competency) topics.push(competency);
    else unknown.push(shorten(words, MAX_UNKNOWN_CHARACTERS));
  }
  return { topics: uniqueTopics(topics), unknown };
}

function longestPrinciple(pieces: readonly string[], start: number): { principle: Principle; end: number } | null {
  for (let end = Math.min(pieces.length - 1, start + 8); end >= start; end -= 2) {
    const joined = pieces.slice(start, end + 1).join("");
    // "the" is a filler before a topic ("the Ownership one") but part of "Hire and Develop the Best".
    for (const words of [cleanTopic(joined, { keepFillers: true }), cleanTopic(joined)]) {
      // No principle's name is longer than six words or sixty characters.
      const principle = words.length <= MAX_TOPIC_CHARACTERS && words.split(" ").length <= 6 ? normalizePrinciple(words) : null;
      if (principle) return { principle, end };
    }
  }
  return null;
}

function cleanTopic(text: string, options: { keepFillers?: boolean } = {}): string {
  // Closing punctuation is cut by hand: /[.!?]+$/ retries from every dot of a long run of dots.
  let end = text.length;
  while (end > 0 && ".!?".includes(text[end - 1]!)) end--;
  return text
    .slice(0, end)
    .split(/\s+/)
    .filter((word) => word !== "" && (options.keepFillers || !FILLER.test(word)))
    .join(" ");
}

function competencyFor(words: string): InterviewTopic | null {
  const id = TOPIC_WORDS[words.toLowerCase()] ?? classifiedCompetency(words);
  const competency = id ? loadTaxonomy().competencies.find((candidate) => candidate.id === id) : undefined;
  return competency ? { kind: "competency", asked: words, competency: competency.id, name: competency.name, principles: competency.principles } : null;
}

function classifiedCompetency(words: string): string | undefined {
  const [best] = [...profileText(words, "question").competencies].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= CLASSIFIER_CONFIDENCE ? best[0] : undefined;
}

function uniqueTopics(topics: readonly InterviewTopic[]): InterviewTopic[] {
  const seen = new Set<string>();
  return topics.filter((topic) => {
    const key = topic.kind === "principle" ? topic.principle : topic.competency;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
