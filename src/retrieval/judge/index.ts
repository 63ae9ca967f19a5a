export type { MatchJudge, MatchJudgeReport } from "./match-judge.js";
export { LlmMatchJudge, type LlmMatchJudgeOptions } from "./llm-match-judge.js";
export { judgedMatch, JUDGED_STORIES, type Matcher } from "./judged-match.js";
export { MatchJudgementSchema, type MatchJudgement } from "./match-judgement-schema.js";
