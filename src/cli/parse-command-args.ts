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
    // An empty value (an unset shell variable) is a usage error naming the flag, never a silent default: "--session ''" started a
    // new session, "--port ''" took any free port, "--questions ''" was reported as a missing file named "".
    for (const [name, value] of Object.entries(values)) {
      if (OWN_EMPTY_MESSAGE.has(name)) continue;
      if (listFlag(value as ParsedArgs["values"][string]).some((given) => given.trim() === "")) {
        const flag = name.length === 1 ? `-${name}` : `--${name}`;
        throw new UsageError(`${flag}: the value is empty; give one or leave the flag out.`, { flag });
      }
    }
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const ambiguous = missingValue(error, argv);
    if (ambiguous) throw new UsageError(`coach ${command.name}: ${ambiguous} See coach ${command.name} --help.`, { flag: ambiguous.split(" ")[0], cause: error });
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1];
    const plain = plainParseMessage(message, { ...GLOBAL_OPTIONS, ...command.options });
    throw new UsageError(`coach ${command.name}: ${plain ?? message}. See coach ${command.name} --help.`, { flag, cause: error });
  }
}

// Flags whose command says itself what an empty value means ("the question is empty", "-k: \"\" is not a whole number").
const OWN_EMPTY_MESSAGE = new Set(["question", "answer", "k", "bank", "host"]);

/**
 * Node's message for a flag followed by another flag ("-k --json"), in words:
 * it takes the next argument for a flag, so this one has no value.
 */
function missingValue(error: unknown, argv: string[]): string | undefined {
  const flag = /^Option '(-{1,2}[\w-]+)' argument is ambiguous/.exec((error as Error).message)?.[1];
  if (!flag) return undefined;
  const index = argv.findIndex((argument, position) => argument === flag && argv[position + 1]?.startsWith("-"));
  const next = index >= 0 ? argv[index + 1] : undefined;
  const said = `${flag} needs a value, but the argument after it${next === undefined ? "" : `, "${next}",`} starts with a dash and is read as a flag; give the value right after ${flag}`;
  // A flag after it ("-k --json") was meant as a flag: the value was forgotten. Anything else may be a value that starts with a dash.
  if (next === undefined || /^--?[a-zA-Z][\w-]*$/.test(next)) return `${said}.`;
  const attached = flag.startsWith("--") ? `${flag}="${next}"` : `${flag}${next}`;
  return `${said} (a value that starts with a dash is written ${attached}).`;
}

/**
 * Node's parse errors in the coach's words: an unknown flag with the known
 * one it is likely a typo of ("--bnak": did you mean --bank?), a flag given
 * no value ("-k needs a value"); undefined for any other.
 */
function plainParseMessage(message: string, options: OptionSpec): string | undefined {
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown) {
    const closest = closestFlag(unknown.replace(/^-+/, "").split("=")[0]!, Object.keys(options));
    return `unknown option ${unknown}${closest ? ` (did you mean --${closest}?)` : ""}`;
  }
  const missing = /^Option '(?:-\w, )?(-{1,2}[\w-]+)(?: <value>)?' argument missing/.exec(message)?.[1];
  if (missing) return `${missing === "--k" ? "-k" : missing} needs a value; give it right after the flag`;
  return undefined;
}

// The known flag a typo most likely meant: within two edits, or one the typed name starts (an abbreviation).
function closestFlag(typed: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (name.length < 2) continue;
    const distance = typed.length >= 3 && name.startsWith(typed) ? 1 : editDistance(typed.toLowerCase(), name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  // Flag names are short: the full table costs nothing.
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
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
