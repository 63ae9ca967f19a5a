import { readFigure, UNIT_WORDS, unitNamed, type ParsedFigure } from "./figure-units.js";
import { decimalValue, NUMBER_WORD, spelledValue } from "./figure-value.js";

/**
 * A spelled-out number ("ninety-five", "five thousand", "two hundred and
 * ten"), with the unit that says what it counts ("three months").
 */
export const SPELLED = new RegExp(
  String.raw`\b${NUMBER_WORD}(?:(?:[ \t-]|(?<=hundred|thousand|million|billion)[ \t]and[ \t])${NUMBER_WORD})*\b(?:[ \t-](?:${UNIT_WORDS}))?`,
  "gi",
);

const UNIT_AT_END = new RegExp(String.raw`[ \t-](?:${UNIT_WORDS})$`, "i");

/** The unit word a spelled-out number SPELLED matched ends on ("months" in "three months"), if any. */
export function spelledUnit(spelled: string): string | null {
  return UNIT_AT_END.exec(spelled)?.[0].slice(1) ?? null;
}

/**
 * Reads a spelled-out number SPELLED matched as a figure, like its digits
 * ("three months" is "3 months", "five thousand dollars" is "5,000 dollars"),
 * or null for a multiplier with no value of its own ("halved", "twice").
 */
export function parseSpelled(spelled: string, after = ""): ParsedFigure | null {
  const unit = spelledUnit(spelled);
  const value = spelledValue(unit ? spelled.slice(0, -unit.length - 1) : spelled);
  if (value === null || !Number.isSafeInteger(value)) return null;
  return readFigure(null, decimalValue(String(value)), unit ? unitNamed(unit) : null, after);
}
