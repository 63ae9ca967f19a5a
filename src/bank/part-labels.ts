import type { StoryPart } from "../core/story.js";

/** What a label at the start of a line introduces. */
export type LabelKind = StoryPart | "question" | "narrative" | "tags" | "principles" | "experience";

export interface LabelMatch {
  /** One kind per component: "Result & What I'd Do Differently" gives result and lesson. */
  kinds: LabelKind[];
  /** Text after the label on the same line (may be empty). */
  rest: string;
}

const LABEL_WORDS: Record<string, LabelKind> = {
  situation: "situation", context: "situation", background: "situation", setting: "situation", scenario: "situation",
  problem: "situation", challenge: "situation", "the situation": "situation", "the problem": "situation",
  task: "task", tasks: "task", goal: "task", goals: "task", objective: "task", "my role": "task", role: "task",
  responsibility: "task", mission: "task", "the task": "task", "the goal": "task", "my task": "task", "my goal": "task",
  action: "action", actions: "action", "what i did": "action", approach: "action", steps: "action",
  "steps taken": "action", "actions taken": "action", "my actions": "action", "the action": "action", solution: "action",
  result: "result", results: "result", outcome: "result", outcomes: "result", impact: "result", "the result": "result",
  "results and impact": "result", "what happened": "result", "the outcome": "result", "business impact": "result",
  lesson: "lesson", lessons: "lesson", "lesson learned": "lesson", "lessons learned": "lesson", learning: "lesson",
  learnings: "lesson", "what i learned": "lesson", "what i learnt": "lesson", learned: "lesson", learnt: "lesson",
  takeaway: "lesson", takeaways: "lesson", "key takeaway": "lesson", reflection: "lesson", hindsight: "lesson",
  "in hindsight": "lesson", "what id do differently": "lesson", "what i would do differently": "lesson",
  "id do differently": "lesson", "do differently": "lesson", "next time": "lesson",
  "what i would change": "lesson", "what id change": "lesson",
  question: "question", "interview question": "question", prompt: "question", q: "question",
  answer: "narrative", sample: "narrative", "sample answer": "narrative", story: "narrative", response: "narrative",
  "my answer": "narrative", "star answer": "narrative", "short version": "narrative", summary: "narrative",
  tags: "tags", tag: "tags", themes: "tags", competencies: "tags", "good for": "tags", "use for": "tags", "use it for": "tags", "best for": "tags",
  principles: "principles", principle: "principles", lp: "principles", lps: "principles",
  "leadership principles": "principles", "leadership principle": "principles",
  experience: "experience", "experience id": "experience",
};

const SINGLE_LETTERS: Record<string, LabelKind> = { S: "situation", T: "task", A: "action", R: "result", L: "lesson", Q: "question" };

function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function kindsOf(labelText: string): LabelKind[] | null {
  const whole = LABEL_WORDS[foldLabel(labelText)];
  if (whole) return [whole];
  const components = labelText.split(/\s*(?:&|\+|\/|,|\band\b)\s*/i).filter((part) => part.trim() !== "");
  if (components.length < 2) return null;
  const kinds: LabelKind[] = [];
  for (const component of components) {
    const kind = LABEL_WORDS[foldLabel(component)];
    if (!kind) return null;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

const LABEL_LINE = /^([A-Za-z][A-Za-z'\u2019 &+/,]{0,48}?)\s*(?:(\([^)]{0,60}\))\s*)?(?::|：|\s[-–—]\s|\s?[–—])\s*(.*)$/s;

/**
 * Recognises a label that opens a line of a story ("Situation:", "**Task:**",
 * "S:", "Result & What I'd Do Differently:", "Tags:"). `plain` is the line with
 * markdown markers removed; `standalone` says the line was a bold or heading
 * label with nothing after it, which may omit the colon ("**Situation**").
 * In a Q/A story "A:" means the answer, not the action.
 */
export function matchLabel(plain: string, options: { standalone?: boolean; questionAndAnswer?: boolean } = {}): LabelMatch | null {
  const letter = /^([STARLQ])\s?[:.)]\s*(.*)$/s.exec(plain);
  if (letter && !/^[A-Z]\.\s*[A-Z]\./.test(plain)) {
    const symbol = letter[1]!;
    if (symbol === "A" && options.questionAndAnswer) return { kinds: ["narrative"], rest: letter[2]!.trim() };
    // "A." or "S)" style only when clearly a label: a colon, or a single letter then a space.
    if (plain[1] === ":" || plain[2] === ":" || plain[1] === ")") return { kinds: [SINGLE_LETTERS[symbol]!], rest: letter[2]!.trim() };
  }
  const match = LABEL_LINE.exec(plain);
  if (match) {
    const kinds = kindsOf(match[1]!);
    if (kinds) return { kinds, rest: match[3]!.trim() };
  }
  if (options.standalone) {
    const bare = plain.replace(/\([^()]*\)/g, "").replace(/[:.]\s*$/, "").trim();
    const kinds = kindsOf(bare);
    if (kinds) return { kinds, rest: "" };
  }
  return null;
}

/** True when the label kinds open part of the story text (not metadata like tags). */
export function isContentLabel(kind: LabelKind): kind is StoryPart | "narrative" {
  return kind === "situation" || kind === "task" || kind === "action" || kind === "result" || kind === "lesson" || kind === "narrative";
}
