/**
 * Bundles the `coach` command into dist/cli/ (run by `npm run build`).
 * One bundle loads in a fraction of the time of ~200 separate ES modules plus
 * zod's own files, which is most of a short command's start-up. Packages that
 * are native (hnswlib-node), a CommonJS server (express) or only loaded once a
 * provider is configured (openai) stay outside. `coach serve` indexes banks
 * in a worker thread, whose entry is index-worker.mjs beside coach.mjs
 * (sharing its chunks).
 */
import { chmodSync, renameSync, rmSync } from "node:fs";
import { build } from "esbuild";

const target = "dist/cli";
// Built beside the live folder and swapped in with two renames, so a `coach` started during a build finds a whole
// folder, not a half-written one (one already running that loads a changed chunk later can still miss it).
const staging = `${target}.building-${process.pid}`;
const retired = `${target}.old-${process.pid}`;

try {
  await build({
    entryPoints: { coach: "src/cli/main.ts", "index-worker": "src/server/index-worker.ts" },
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    keepNames: true,
    sourcemap: "linked",
    external: ["hnswlib-node", "express", "openai"],
    // Bundled CommonJS code may still call require().
    banner: { js: 'import { createRequire as __coachCreateRequire } from "node:module"; const require = __coachCreateRequire(import.meta.url);' },
    logLevel: "warning",
  });
  chmodSync(`${staging}/coach.mjs`, 0o755);
  try {
    renameSync(target, retired);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  renameSync(staging, target);
} finally {
  rmSync(staging, { recursive: true, force: true });
  rmSync(retired, { recursive: true, force: true });
}
