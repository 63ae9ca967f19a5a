import { Worker } from "node:worker_threads";

/**
 * Starts an index worker. In the bundle the worker is dist/cli/index-worker.mjs,
 * beside the code that starts it; run from source (tsx, vitest), it is
 * index-worker.ts, loaded through tsx as the main thread's TypeScript is.
 */
export function startIndexWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./index-worker.mjs", here));
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./index-worker.ts", here).href;
  // tsx's loader is registered in the worker before its entry is imported: given as --import it comes too late for the entry.
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
