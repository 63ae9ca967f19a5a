export * from "./coach-error.js";
export * from "./exit-codes.js";
export * from "./http-status.js";
export * from "./error-data.js";
export { plainIssueMessage } from "./plain-issue-message.js";
