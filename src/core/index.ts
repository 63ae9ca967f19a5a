export type * from "./story.js";
export { STORY_PARTS } from "./story.js";
export type * from "./embedder.js";
export type * from "./chat-model.js";
export type * from "./story-index.js";
export type * from "./critique.js";
