import { parseArgs } from "node:util";
import { UsageError } from "../errors/index.js";
import type { Command, OptionSpec, ParsedArgs } from "./command.js";

/** Flags every command accepts. */
export const GLOBAL_OPTIONS: OptionSpec = {
  help: { type: "boolean", short: "h" },
  store: { type: "string" },
  provider: { type: "string" },
  config: { type: "string" },
  "base-url": { type: "string" },
};

/** Parses a command's arguments strictly; a bad flag is a usage error naming it. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (!command.positionals && positionals.length > 0) {
      throw new UsageError(`coach ${command.name}: unexpected argument "${positionals[0]}". See coach ${command.name} --help.`);
    }
    // An empty --bank would be read as the current folder's name "" and reported as a missing file (exit 3).
    if (listFlag(values.bank as ParsedArgs["values"][string]).some((bank) => bank.trim() === "")) {
      throw new UsageError("--bank: the value is empty; give a bank file or folder, or leave the flag out.", { flag: "--bank" });
    }
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1];
    throw new UsageError(`coach ${command.name}: ${message}. See coach ${command.name} --help.`, { flag, cause: error });
  }
}

/** A string flag's values as a list (for repeatable flags like --bank). */
export function listFlag(value: string | boolean | string[] | undefined): string[] {
  if (value === undefined || typeof value === "boolean") return [];
  return Array.isArray(value) ? value : [value];
}

/** A string flag's value, or undefined. */
export function stringFlag(value: string | boolean | string[] | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.at(-1);
  return undefined;
}
