import type { AddressInfo } from "node:net";
import path from "node:path";
import { SessionStore } from "../../coach/index.js";
import { ConfigError, UsageError } from "../../errors/index.js";
import { resolveProvider } from "../../providers/index.js";
import { createMatchJudge } from "../create-match-judge.js";
import { BankFileWatcher } from "../../server/bank-file-watcher.js";
import { isSendableToken } from "../../server/bearer-token.js";
import { createApp } from "../../server/create-app.js";
import { rereadNotice } from "../../server/reread-notice.js";
import { ServedBanks } from "../../server/served-banks.js";
import { stopServer } from "../../server/stop-server.js";
import { readStoredBanks, storeLayout } from "../../store/index.js";
import type { Command } from "../command.js";
import { createCoach } from "../create-coach.js";
import { createCritic } from "../create-critic.js";
import { notice } from "../io.js";
import { checkHostIsThisMachine } from "../check-host.js";
import { listenError } from "../listen-error.js";
import { isLoopbackHost, listenHost } from "../loopback-host.js";
import { announceProvider, configFromArgs } from "../open-story-index.js";
import { packageVersion, SAMPLE_BANK_PATH } from "../package-paths.js";
import { listFlag, stringFlag } from "../parse-command-args.js";
import { noticeSampleBank } from "../sample-bank-notice.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the HTTP API (match, critique, chat) on this machine",
  help: `Usage: coach serve [--port 3000] [--host 127.0.0.1] [--bank PATH]... [--store DIR] [--hide-scores | --show-scores] [--no-judge]

Serves the HTTP API (see GET /api/openapi.json): health, banks (upload, list,
delete), stories, match, critique, chat (server-sent events) and sessions.
With no --bank, the banks already in the store; with an empty store, the
bundled sample bank. Uploaded banks and chat sessions are kept in the store,
so a restart loses nothing: uploads are served beside the --bank banks (or
the store's), and in place of the sample bank. GET /api/banks lists every
served bank; only uploads can be deleted (the others are 409 BANK_READ_ONLY).
An upload may be named like a file ("My stories.md"): it is kept under a safe
name (letters, digits, - and _), which the reply gives.

--hide-scores (or COACH_HIDE_SCORES=1, or "hideScores": true in the config)
is a low-anxiety mode: the page hides the critique's score and breakdown, and
the chat's words carry no 0-100 scores. JSON bodies keep every field;
GET /api/settings says {"hideScores": true}, and so does each chat card.
--show-scores shows scores whatever the variable or the config says.

With a provider, POST /api/match has its chat model judge the first five
stories' fit, as coach match does; --no-judge (or COACH_MATCH_JUDGE=0, or
"matchJudge": false in the config) ranks by the embeddings alone.

Security: CORS is off (no cross-origin browser access). With COACH_TOKEN set,
every /api request needs Authorization: Bearer <token>; the token must be
visible ASCII (! to ~) with no spaces, or serve refuses to start. A --host
other than loopback must be one of this machine's addresses (else exit 1,
LISTEN_FAILED) and refuses to start without COACH_TOKEN. Loopback is
localhost, 127.0.0.0/8 and ::1, however written ([::1], ::ffff:127.0.0.1). Each client may
make 120 requests a minute (--rate-limit N); bodies are limited to 6 MB,
bank uploads to 30 MB of JSON (a 5 MB bank however escaped).

Indexing: uploads and deletions are indexed in a worker thread, one at a
time. One whose indexing shows no progress for COACH_INDEX_TIMEOUT_MS
("indexTimeoutMs" in the config; default 300000, 5 minutes) is stopped and
answered 503 INDEX_TIMEOUT; the banks and the index stay as they were, and
the next upload gets a fresh worker. On SIGTERM or Ctrl-C, requests under
way have 5 s to finish; an upload still being indexed is then stopped (503
INDEX_STOPPED, nothing changed).

Banks edited on disk: the --bank files and folders (or the store's own
banks) are watched while the server runs. Save one and, 0.3 s after the
last write, it is read and indexed again, in turn with uploads, and served
as saved; until then the banks as read before are served, and the log says
"<file> changed on disk; now serving N stories". A save that cannot be
served (deleted, unreadable, a JSON bank cut short, or a bank, file or
folder, left with no story, even beside others) changes nothing: the banks
as read before stay served, the log has one line naming the file and why,
and GET /api/banks gives that bank an "error" ({"code", "message"}) until
a good save; an upload or deletion meanwhile fails with 500
SERVED_BANK_UNREADABLE, changing nothing. Uploads and the bundled sample
bank are not watched.

Exit codes: 0 stopped (Ctrl-C), 1 the port is in use (PORT_IN_USE) or may
not be used, or --host is not this machine's (LISTEN_FAILED), or the banks
could not be indexed at start (INDEX_TIMEOUT, a store error), 2 bad flags
or a COACH_TOKEN with a space or a character outside visible ASCII,
3 a bank unreadable, empty or over 5 MB.`,
  options: { port: { type: "string" }, host: { type: "string" }, bank: { type: "string", multiple: true }, "rate-limit": { type: "string" }, "hide-scores": { type: "boolean" }, "show-scores": { type: "boolean" }, "no-judge": { type: "boolean" } },
  async run(args, io) {
    const port = Number(stringFlag(args.values.port) ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${stringFlag(args.values.port)}" is not a port number.`, { flag: "--port" });
    const hostFlag = stringFlag(args.values.host);
    // An empty --host (an unset shell variable) would listen on every address: refused, as an empty value is for any flag.
    if (hostFlag !== undefined && hostFlag.trim() === "") throw new UsageError("--host: the value is empty; give an address such as 127.0.0.1, or leave the flag out.", { flag: "--host" });
    // [::1] as in a URL is ::1 to listen on.
    const host = listenHost(hostFlag ?? "127.0.0.1");
    const rateLimitPerMinute = Number(stringFlag(args.values["rate-limit"]) ?? 120);
    if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) throw new UsageError(`--rate-limit: "${stringFlag(args.values["rate-limit"])}" is not a whole number of requests a minute.`, { flag: "--rate-limit" });
    // An empty COACH_TOKEN is no token; one of spaces, or with spaces around it, is refused below, not trimmed into another.
    const token = io.env.COACH_TOKEN === "" ? undefined : io.env.COACH_TOKEN;
    // A token no Authorization header can carry would lock every client out of a server that says it is serving. The token itself is never shown.
    if (token !== undefined && !isSendableToken(token)) {
      throw new ConfigError("COACH_TOKEN: the token holds a space or a character outside visible ASCII, which no client can send as Authorization: Bearer <token>; use visible ASCII characters only (! to ~), no spaces (for example, openssl rand -hex 32).");
    }
    if (!isLoopbackHost(host)) {
      // An address this machine does not have is the problem to fix first (exit 1, LISTEN_FAILED), a missing token the next.
      await checkHostIsThisMachine(host, !token);
      if (!token) throw new UsageError(`--host ${host} is reachable from other machines: set COACH_TOKEN first.`, { flag: "--host" });
    }
    const config = configFromArgs(args, io);
    announceProvider(config, io);
    const provider = resolveProvider(config, { onRetry: (message) => notice(io, `coach: ${message}`) });
    const embedder = await provider.createEmbedder();
    const given = listFlag(args.values.bank).map((bank) => path.resolve(io.cwd, bank));
    const banks = given.length > 0 ? given : ((await readStoredBanks(config.store)) ?? []);
    // The sample bank is the fallback when it was not asked for: an empty store, or one that holds only the sample bank (after `coach match` with no bank, or after every upload was deleted) with no --bank; it gives way to the first upload. Given with --bank, it is served beside uploads like any bank.
    const fallbackChosen = given.length === 0 && banks.length === 1 && banks[0] === SAMPLE_BANK_PATH;
    if (banks.length === 0) noticeSampleBank(io, config.store, "nothing", { serving: true });
    if (fallbackChosen) noticeSampleBank(io, config.store, "sample", { serving: true });
    const served = new ServedBanks(config.store, embedder, banks, SAMPLE_BANK_PATH, fallbackChosen, given.length > 0 ? "command-line" : "store", { indexTimeoutMs: config.indexTimeoutMs });
    const state = await served.load();
    const critic = await createCritic(config, io, () => {
      const current = served.current();
      return { stories: current.indexed.stories, matcher: current.matcher };
    });
    const coaches = new WeakMap<object, ReturnType<typeof createCoach>>();
    const app = createApp({
      banks: served,
      coach: (current) => {
        // One coach per bank state, not per request; a new upload makes a new state.
        let coach = coaches.get(current);
        if (!coach) {
          coach = createCoach(config, { matcher: current.matcher, critic, features: current.features, stories: current.indexed.stories }, (reason) => notice(io, `coach: ${reason}`));
          coaches.set(current, coach);
        }
        return coach;
      },
      critic,
      judge: await createMatchJudge(config, provider),
      sessions: new SessionStore(path.join(storeLayout(config.store).store, "sessions")),
      onServerError: (message) => notice(io, `coach: ${message}`),
      provider: config.provider,
      version: packageVersion(),
      token,
      rateLimitPerMinute,
      hideScores: config.hideScores,
    });
    const server = app.listen(port, host);
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", (error) => reject(listenError(error, port, host)));
    });
    const address = server.address() as AddressInfo;
    // Banks edited on disk are served as edited, without a restart (watched once listening, so a server that fails to start leaves no watch behind): read again, in turn with uploads, once the editor's save is done.
    const watcher = new BankFileWatcher(served.banksOnDisk(), {
      ignore: [config.store],
      onChange: async (changed) => {
        const line = rereadNotice(await served.reread(), changed);
        if (line) notice(io, `coach: ${line}`);
      },
      onWatchError: (message) => notice(io, `coach: ${message}`),
    });
    notice(io, `coach: serving ${state.indexed.stories.length} stories on http://${host.includes(":") ? `[${host}]` : host}:${address.port}${token ? " (token required)" : ""}`);
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void stopServer(server, served, { watcher }).then(resolve);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};
