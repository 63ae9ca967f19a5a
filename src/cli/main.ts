#!/usr/bin/env node
import { processIO } from "./io.js";
import { runCli } from "./run-cli.js";

// The installed command is a bundle: with COACH_DEBUG, stack traces point at src/ through its source maps.
if (process.env.COACH_DEBUG) process.setSourceMapsEnabled(true);

// A closed pipe (coach ... | head) is a normal end, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIO());
