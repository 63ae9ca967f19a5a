export * from "./principles.js";
