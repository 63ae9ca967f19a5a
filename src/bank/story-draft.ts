import type { StoryPart } from "../core/story.js";
import type { Principle } from "../principles/index.js";

/** A story as read from one file, before ids, pointers and experiences are settled across the bank. */
export interface StoryDraft {
  file: string;
  /** The heading's number ("92" in "#### 92. Title"), used by pointer entries. */
  number: number | null;
  title: string;
  question: string | null;
  questions: string[];
  principles: Principle[];
  principleSource: "tags" | "headings" | "none";
  tags: string[];
  parts: Partial<Record<StoryPart, string>>;
  partsInferred: boolean;
  body: string;
  text: string;
  startLine: number;
  endLine: number;
  experienceKey: string | null;
}

/** A "See Q92" entry: not a story, but its question belongs to the story it points at. */
export interface PointerDraft {
  file: string;
  line: number;
  /** The entry's own heading number ("3" in "## Q3: ..."), so a pointer to it can follow on. */
  number: number | null;
  title: string;
  question: string | null;
  targetNumber: number | null;
  targetTitle: string | null;
  /** Words describing the target without quoting it ("the failover story above"). */
  targetDescription: string | null;
  /** The principles whose section holds the target ("Same story as under Ownership"): it must hold only one story. */
  targetSection?: Principle[];
  /** Where the pointer says the target is, relative to itself. */
  direction: "above" | "below" | null;
  /** The heading is the pointer, with nothing under it ("## 9. Same as story 2, but lead with the numbers"): it names no question. */
  inHeading?: boolean;
}
