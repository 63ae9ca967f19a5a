import type { Server } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { BankFileWatcher } from "./bank-file-watcher.js";
import type { ServedBanks } from "./served-banks.js";

/** How long requests under way (an upload being indexed) may take to finish once the server is told to stop. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** How long the answers to the uploads stopped at the end of the grace period have to reach their clients. */
const LAST_ANSWERS_MS = 1_000;

/**
 * Stops a server (SIGTERM, Ctrl-C): it stops watching its banks on disk,
 * takes no new connection, and requests under way may finish within the
 * grace period. After it, indexing stops: an upload still being indexed is
 * answered 503 INDEX_STOPPED and changes nothing, and a connection still
 * open after that is closed. Resolves once the server is closed.
 */
export async function stopServer(server: Server, banks: ServedBanks, options: { graceMs?: number; watcher?: BankFileWatcher } = {}): Promise<void> {
  const { graceMs = SHUTDOWN_GRACE_MS, watcher } = options;
  // First: a bank saved now is not read again, and the watches do not keep the process alive.
  watcher?.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Unreferenced waits: once everything else is done, the process need not sit out the grace period.
  const finished = (ms: number) => Promise.race([closed.then(() => true), delay(ms, false, { ref: false })]);
  const inTime = await finished(graceMs);
  await banks.stop();
  if (!inTime && !(await finished(LAST_ANSWERS_MS))) server.closeAllConnections();
  await closed;
}
