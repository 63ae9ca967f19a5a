export { CoachEngine, type Coach, type CoachReply, type CoachParts, type ReplyEvents } from "./coach-engine.js";
export { isSessionId, SessionStore } from "./session-store.js";
export { SessionSchema, type Session } from "./session.js";
export { LlmCoach, type LlmCoachParts } from "./llm-coach.js";
export { describeCoverageGaps } from "./coverage-gaps.js";
export { describeFilingHints } from "./coverage-filing-hints.js";
export { chooseProbe, type ProbedGap } from "./choose-probe.js";
export { isLeaveCommand, readTypedCommand, type TypedCommand } from "./typed-commands.js";
