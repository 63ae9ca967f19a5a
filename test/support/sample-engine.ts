import { loadBank } from "../../src/bank/index.js";
import { CoachEngine } from "../../src/coach/index.js";
import { OfflineCritic } from "../../src/critique/index.js";
import { InterviewEmbedder } from "../../src/providers/local/interview-embedder.js";
import { computeStoryFeatures, createInMemoryMatcher } from "../../src/retrieval/index.js";
import { withInferredPrinciples } from "../../src/understanding/index.js";
import { readQuestionBank } from "../../src/understanding/question-bank.js";
import { SAMPLE_BANK } from "./run-coach.js";

/** The offline coach over the bundled sample bank, as `coach chat` builds it. */
export async function engineForSampleBank(): Promise<CoachEngine> {
  const stories = withInferredPrinciples((await loadBank([SAMPLE_BANK])).stories);
  const matcher = await createInMemoryMatcher(stories, new InterviewEmbedder());
  return new CoachEngine({ matcher, critic: new OfflineCritic(), features: computeStoryFeatures(stories), questions: readQuestionBank() });
}
