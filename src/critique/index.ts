export type { RoleMethod } from "../star/index.js";
export { critiqueAnswer, scoreOf } from "./critique-answer.js";
export { CRITIQUE_CONFIG } from "./critique-config.js";
export { OfflineCritic } from "./offline-critic.js";
export { LlmCritic, type LlmCriticOptions, type LlmCritiqueResult } from "./llm/llm-critic.js";
export { enforceNoInvention } from "./llm/enforce-no-invention.js";
export { LlmCritiqueSchema } from "./llm/llm-critique-schema.js";
export { ISSUE_CODES, type IssueCode } from "./issue-codes.js";
export { setupShareOfParts } from "./setup-share.js";
