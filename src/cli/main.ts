#!/usr/bin/env node
import { processIO } from "./io.js";
import { runCli } from "./run-cli.js";

// A closed pipe (coach ... | head) is a normal end, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIO());
