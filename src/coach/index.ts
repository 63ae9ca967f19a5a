export { CoachEngine, type CoachReply, type CoachParts } from "./coach-engine.js";
export { SessionStore } from "./session-store.js";
export { SessionSchema, type Session } from "./session.js";
