export * from "./principles.js";
export * from "./list-principles.js";
