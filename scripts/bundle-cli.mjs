/**
 * Bundles the `coach` command into dist/cli/ (run by `npm run build`).
 * One bundle loads in a fraction of the time of ~200 separate ES modules plus
 * zod's own files, which is most of a short command's start-up. Packages that
 * are native (hnswlib-node), CommonJS servers (express) or only loaded once a
 * provider is configured (openai, langchain) stay outside and load on demand.
 */
import { chmodSync, rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: clear the old ones rather than let them pile up.
rmSync("dist/cli", { recursive: true, force: true });

await build({
  entryPoints: { coach: "src/cli/main.ts" },
  outdir: "dist/cli",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  keepNames: true,
  sourcemap: "linked",
  external: ["hnswlib-node", "express", "openai", "langchain", "@langchain/*", "playwright-core"],
  // Bundled CommonJS code may still call require().
  banner: { js: 'import { createRequire as __coachCreateRequire } from "node:module"; const require = __coachCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
chmodSync("dist/cli/coach.mjs", 0o755);
