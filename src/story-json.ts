import { STORY_PARTS, type Story } from "./core/story.js";

/** A story as `coach stories --json` and `GET /api/stories` show it (contracts). */
export function storyToJson(story: Story) {
  return {
    id: story.id,
    title: story.title,
    question: story.question,
    principles: story.principles,
    tags: story.tags,
    experience: story.experience,
    parts: Object.fromEntries(STORY_PARTS.map((part) => [part, Boolean(story.parts[part])])),
    source: story.source,
    questions: story.questions,
    principleSource: story.principleSource,
    partsInferred: story.partsInferred,
  };
}
