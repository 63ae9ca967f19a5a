import type { LabelKind } from "./part-labels.js";

// The words people write as part labels, by language, each as it is usually written. Lookups fold case,
// accents and "ß" (see foldLabel), so "ACCION", "Acción" and "accion" all find "acción".
const ENGLISH: Record<string, LabelKind> = {
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

const SPANISH: Record<string, LabelKind> = {
  situación: "situation", contexto: "situation",
  tarea: "task", tareas: "task", objetivo: "task",
  acción: "action", acciones: "action",
  resultado: "result", resultados: "result",
  aprendizaje: "lesson", aprendizajes: "lesson", lección: "lesson", lecciones: "lesson",
  "lección aprendida": "lesson", "lecciones aprendidas": "lesson", "lo que aprendí": "lesson",
};

const GERMAN: Record<string, LabelKind> = {
  // "Situation" is the English word too.
  ausgangslage: "situation", kontext: "situation",
  aufgabe: "task", ziel: "task",
  handlung: "action", handlungen: "action", maßnahme: "action", maßnahmen: "action", vorgehen: "action",
  ergebnis: "result", ergebnisse: "result",
  lektion: "lesson", gelernt: "lesson", "was ich gelernt habe": "lesson", erkenntnis: "lesson", erkenntnisse: "lesson",
};

/** A label as it is looked up: lower case, without accents, apostrophes or repeated spaces ("What I’d" as "what id"). */
export function foldLabel(text: string): string {
  const lower = text.toLowerCase();
  // Most labels are plain ASCII: decomposing accents is needed only for the others.
  return (/[^\x00-\x7f]/.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "").replace(/ß/g, "ss") : lower)
    .replace(/[\u2018\u2019']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every label word in every language, folded, with what it introduces. */
export const LABEL_WORDS: ReadonlyMap<string, LabelKind> = new Map(
  [ENGLISH, SPANISH, GERMAN].flatMap((words) => Object.entries(words)).map(([word, kind]) => [foldLabel(word), kind]),
);

/** Single-letter labels: "S:", "T -", "(A)", "### R", "L." */
export const SINGLE_LETTERS: Readonly<Record<string, LabelKind>> = { S: "situation", T: "task", A: "action", R: "result", L: "lesson", Q: "question" };
