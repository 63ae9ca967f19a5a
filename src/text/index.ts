export * from "./markdown-inline-to-plain.js";
export * from "./slug.js";
export * from "./sentences.js";
export * from "./json-lines.js";
export * from "./shorten.js";
export * from "./implied-subject.js";
export * from "./quote-for-shell.js";
export * from "./count-words.js";
