export { loadPrompt, type Prompt } from "./load-prompt.js";
export { parseJsonReply } from "./parse-json-reply.js";
