import { existsSync } from "node:fs";

/** Debian's Chromium, which .ci/run installs; tests that need a browser skip where it is absent. */
export const CHROMIUM_PATH = process.env.COACH_CHROMIUM ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

/** Launch flags for a sandboxed, offline machine (no background networking, no first-run UI). */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
