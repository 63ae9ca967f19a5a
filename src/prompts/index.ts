export { loadPrompt, type Prompt } from "./load-prompt.js";
export { parseJsonReply } from "./parse-json-reply.js";
export { askForJson, type JsonReply, type JsonRequest } from "./ask-for-json.js";
