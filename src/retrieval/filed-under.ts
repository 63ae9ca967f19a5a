import type { Story } from "../core/story.js";
import type { Principle } from "../principles/index.js";

/** Whether the bank files the story under the principle (a Tags line or its headings); inferred principles are the content speaking, not the bank. */
export function filedUnder(story: Story, principle: Principle): boolean {
  return story.principles.includes(principle) && story.principleSource !== "inferred";
}
