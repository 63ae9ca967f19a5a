import { PRINCIPLES } from "../principles/index.js";
import { CRITIQUE_CONFIG } from "./critique-config.js";

/**
 * Figures the coach's own advice uses, which are no claim about the
 * candidate ("keep it to 1-2 minutes", "about 150-300 words", "all 16
 * Leadership Principles"): advice is checked against them as well as
 * against the candidate's words. Never a source for an improved answer.
 */
export const COACHING_FIGURES = [
  `${PRINCIPLES.length} Leadership Principles`,
  "1-2 minutes, 2-3 minutes, 2 minutes, 3 minutes, 60-90 seconds, 90 seconds, 30 seconds",
  `${CRITIQUE_CONFIG.shortestSeconds} seconds, ${CRITIQUE_CONFIG.longestSeconds} seconds, ${CRITIQUE_CONFIG.wordsPerMinute} words a minute, ${CRITIQUE_CONFIG.charactersPerMinute} characters a minute`,
  // The critique prompt's length guidance, and the sentence counts advice gives per part.
  "150-300 words, 150-450 words, 1-2 sentences, 2-3 sentences, 3 or 4 sentences, 3-4 sentences",
].join("\n");
