import { exitCodeFor, isCoachError, UsageError } from "../errors/index.js";
import { COMMANDS } from "./commands/index.js";
import { notice, printLine, type CommandIO } from "./io.js";
import { packageVersion } from "./package-paths.js";
import { parseCommandArgs } from "./parse-command-args.js";

const MAIN_HELP = () => `coach ${packageVersion()}: an offline-first coach for behavioral interviews (STAR stories, Amazon Leadership Principles).

Usage: coach <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Options for every command:
  --store DIR        Where the index, caches and sessions live (default ./.coach, or COACH_HOME)
  --provider NAME    local (default, offline) or openai (any OpenAI-compatible server)
  --base-url URL     The OpenAI-compatible server's URL (or OPENAI_BASE_URL; with --provider openai)
  --config FILE      A coach.config.json (default ./coach.config.json when present)
  -h, --help         Help for a command: coach <command> --help

Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 input error.
Nothing leaves this machine unless you choose --provider openai.`;

/** Runs one `coach` invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    // No command is a missing argument (exit 2): the help goes to stderr so a script's output stays clean.
    if (name === undefined) {
      notice(io, MAIN_HELP());
      return exitCodeFor(new UsageError("no command"));
    }
    if (name === "help" || name === "--help" || name === "-h") {
      const topic = name === "help" ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
      printLine(io, topic ? (await topic.load()).help : MAIN_HELP());
      return 0;
    }
    if (name === "--version" || name === "-v") {
      printLine(io, packageVersion());
      return 0;
    }
    if (name.startsWith("-")) {
      const command = rest.find((word) => COMMANDS.some((candidate) => candidate.name === word)) ?? "match";
      throw new UsageError(`${name} goes after the command, e.g. coach ${command} ${name} ... (see coach --help).`);
    }
    const entry = COMMANDS.find((candidate) => candidate.name === name);
    if (!entry) throw new UsageError(`unknown command "${name}". Commands: ${COMMANDS.map((candidate) => candidate.name).join(", ")}. See coach --help.`);
    const command = await entry.load();
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      printLine(io, command.help);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    const code = exitCodeFor(error);
    if (isCoachError(error)) {
      notice(io, `coach: ${error.message}`);
    } else {
      notice(io, `coach: internal error: ${(error as Error)?.message ?? String(error)}`);
      if (io.env.COACH_DEBUG) notice(io, String((error as Error)?.stack ?? ""));
    }
    return code;
  }
}
