import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // expect.poll waits 1 s by default: too short on a busy 2-core CI runner for what the browser tests poll for
    // (an upload indexed, a critique or chat turn answered). A poll that passes returns as soon as it does.
    expect: { poll: { timeout: 15_000 } },
    pool: "forks",
    // One TMPDIR per run, removed at the end (test/support/temporary-folder.ts).
    globalSetup: ["test/support/temporary-folder.ts"],
  },
});
