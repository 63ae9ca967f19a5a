import type { Principle } from "../principles/principles.js";

/** The parts of a STAR story, plus the reflection some answers add. */
export const STORY_PARTS = ["situation", "task", "action", "result", "lesson"] as const;
export type StoryPart = (typeof STORY_PARTS)[number];

/** Where a story sits in its bank file (1-based, inclusive lines). */
export interface SourceRange {
  file: string;
  startLine: number;
  endLine: number;
}

/** One story of a user's bank, as parsed. */
export interface Story {
  /** Stable id: bank file name and title slug, suffixed on collision. */
  id: string;
  /** Tellings of the same events share this id. */
  experience: string;
  title: string;
  /** The interview question this story was written for, if the bank says. */
  question: string | null;
  /** Every question the bank attaches to this story, pointer entries included. */
  questions: string[];
  principles: Principle[];
  /** Where `principles` came from: a Tags line, the bank's headings, or nothing yet. */
  principleSource: "tags" | "headings" | "inferred" | "none";
  /** The bank's own tags that are not principles ("conflict", "metrics"). */
  tags: string[];
  /** Plain-text part bodies, keyed by part; missing parts are absent. */
  parts: Partial<Record<StoryPart, string>>;
  /** True when parts were inferred from unlabelled prose rather than labels. */
  partsInferred: boolean;
  /** The whole story as plain text (labels removed, encoding repaired). */
  body: string;
  /** The story's lines from its bank, heading to end, markdown kept, encoding repaired. */
  text: string;
  source: SourceRange;
}

/** Something the parser wants the user to know: skipped prose, a repaired encoding, a broken pointer. */
export interface ParseWarning {
  code: ParseWarningCode;
  message: string;
  file: string;
  line: number;
}

export type ParseWarningCode =
  | "SKIPPED_PROSE"
  | "POINTER_RESOLVED"
  | "POINTER_UNRESOLVED"
  | "MOJIBAKE_REPAIRED"
  | "DECODED_AS_WINDOWS_1252"
  | "DECODED_AS_UTF16"
  | "INVALID_BYTES_REPLACED"
  | "UNKNOWN_PRINCIPLE"
  | "EMPTY_STORY"
  | "SEVERAL_STORIES"
  | "DUPLICATE_ID"
  | "NO_STORIES_IN_FILE"
  | "FILE_SKIPPED"
  | "JSON_STORY_INVALID"
  | "UNCLOSED_CODE_FENCE"
  | "INSTRUCTION_TEXT";

/** How the parser accounted for one heading of a markdown bank. */
export interface HeadingAccount {
  file: string;
  line: number;
  text: string;
  kind: "story" | "pointer" | "section" | "prose" | "part-label";
}

/** Everything parsing a set of bank files produced. */
export interface ParsedBank {
  stories: Story[];
  warnings: ParseWarning[];
  headings: HeadingAccount[];
  /** Files read, in order, with a content hash each. */
  files: Array<{ path: string; sha256: string; bytes: number }>;
}
