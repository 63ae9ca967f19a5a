import type { Story } from "../../core/story.js";
import { familyRelatives, loadTaxonomy, stem, type Competency, type TextProfile } from "../../understanding/index.js";
import { FIGURE, profiledSentences, themeStrength, type StorySentence } from "../quote-evidence.js";

/** What the question brings to choosing the line that shows a story's fit. */
export interface WhyQuestionView {
  profile: TextProfile;
  /** The themes the question asks about, strongest first. */
  asked: readonly Competency[];
  /** The question's content words, stemmed. */
  terms: ReadonlySet<string>;
}

/** A story's sentence with what the choice is made from. */
export interface WhyCandidate {
  sentence: StorySentence;
  profile: TextProfile;
  features: Map<string, number>;
}

const FIRST_PERSON = /\b(I|I'm|I've|I'd|me|my|myself)\b|\bMy\b/;
const MAX_STRENGTH = 3;

/**
 * Each sentence of the story with its features for the why-sentence model:
 * how strongly it shows the asked themes, the question's words and their
 * relatives it uses, and where it stands in the story.
 */
export function whyCandidates(story: Story, question: WhyQuestionView): WhyCandidate[] {
  const related = new Set<string>();
  for (const term of question.terms) for (const other of familyRelatives(loadTaxonomy()).get(term) ?? []) if (!question.terms.has(other)) related.add(other);
  const sentences = profiledSentences(story);
  return sentences.map(({ sentence, profile }, index) => {
    const features = new Map<string, number>();
    const add = (name: string, value: number) => {
      if (value !== 0) features.set(name, value);
    };
    const strengths = question.asked.map((competency) => Math.min(MAX_STRENGTH, themeStrength(profile, competency.id)));
    add("theme.first", strengths[0] ?? 0);
    add("theme.other", Math.max(0, ...strengths.slice(1)));
    add("theme.shown", strengths.some((strength) => strength >= 1) ? 1 : 0);
    let overlap = 0;
    for (const [id, weight] of question.profile.competencies) overlap += weight * (profile.competencies.get(id) ?? 0);
    add("theme.overlap", Math.min(MAX_STRENGTH, overlap));
    const stems = new Set(profile.tokens.map((token) => stem(token.text)));
    const shared = [...question.terms].filter((term) => stems.has(term)).length;
    add("words.shared", Math.min(4, shared));
    add("words.share", question.terms.size > 0 ? shared / question.terms.size : 0);
    add("words.related", Math.min(4, [...related].filter((term) => stems.has(term)).length));
    add(`part.${sentence.part ?? "body"}`, 1);
    add("first-in-part", index === 0 || sentences[index - 1]!.sentence.part !== sentence.part ? 1 : 0);
    add("figure", FIGURE.test(sentence.text) ? 1 : 0);
    add("first-person", FIRST_PERSON.test(sentence.text) ? 1 : 0);
    add("length", Math.min(2, profile.tokens.length / 20));
    add("short", profile.tokens.length < 6 ? 1 : 0);
    return { sentence, profile, features };
  });
}
