import type { Command } from "../command.js";

/** A sub-command's name and summary, with its module loaded only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every sub-command, in the order `coach --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "stories",
    summary: "List the stories parsed from your bank, and every parse warning",
    load: async () => (await import("./stories.js")).storiesCommand,
  },
  {
    name: "index",
    summary: "Parse, embed and index your story banks into the store",
    load: async () => (await import("./index-command.js")).indexCommand,
  },
  {
    name: "match",
    summary: "Find the stories that best fit an interview question",
    load: async () => (await import("./match.js")).matchCommand,
  },
  {
    name: "coverage",
    summary: "How well your stories cover the 16 Leadership Principles",
    load: async () => (await import("./coverage.js")).coverageCommand,
  },
  {
    name: "critique",
    summary: "Critique a drafted answer: STAR parts, numbers, ownership, lesson, length",
    load: async () => (await import("./critique.js")).critiqueCommand,
  },
  {
    name: "chat",
    summary: "Coach in the terminal: find stories, critique answers, mock interviews",
    load: async () => (await import("./chat.js")).chatCommand,
  },
  {
    name: "serve",
    summary: "Serve the HTTP API (match, critique, chat) on this machine",
    load: async () => (await import("./serve.js")).serveCommand,
  },
  {
    name: "eval",
    summary: "Measure retrieval, critique and coaching against labelled data; --check gates regressions",
    load: async () => (await import("./eval.js")).evalCommand,
  },
  {
    name: "doctor",
    summary: "Show the configuration in use and check the provider connection",
    load: async () => (await import("./doctor.js")).doctorCommand,
  },
];
