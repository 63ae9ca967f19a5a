export { critiqueAnswer } from "./critique-answer.js";
export { CRITIQUE_CONFIG } from "./critique-config.js";
export { OfflineCritic } from "./offline-critic.js";
