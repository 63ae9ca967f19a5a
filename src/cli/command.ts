import type { ParseArgsConfig } from "node:util";
import type { CommandIO } from "./io.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** One `coach` sub-command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text (usage, options, examples). */
  help: string;
  options: OptionSpec;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  /** Returns the exit code; throws typed errors for failures. */
  run(args: ParsedArgs, io: CommandIO): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}
