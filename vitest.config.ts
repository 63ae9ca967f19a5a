import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // One TMPDIR per run, removed at the end (test/support/temporary-folder.ts).
    globalSetup: ["test/support/temporary-folder.ts"],
  },
});
