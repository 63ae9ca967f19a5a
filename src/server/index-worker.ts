/**
 * The index worker: the entry of the worker thread a server's BankIndexer
 * starts (dist/cli/index-worker.mjs in the bundle). It builds the indexes
 * the main thread asks for, one at a time, and sends back what the main
 * thread serves from, whose event loop meanwhile answers other requests.
 */
import { parentPort, type MessagePort } from "node:worker_threads";
import type { Embedder } from "../core/embedder.js";
import type { Story } from "../core/story.js";
import { errorToData } from "../errors/index.js";
import { InterviewEmbedder } from "../providers/local/interview-embedder.js";
import { withoutTokens, type StoryFeatures } from "../retrieval/index.js";
import { buildBankIndex } from "./build-bank-index.js";
import type { BuildAsk, CheckAsk, FromIndexWorker, ToIndexWorker } from "./index-worker-messages.js";
import { checkUpload } from "./uploaded-file-name.js";
import { RelayedEmbedder } from "./relayed-embedder.js";

// Stories go to the main thread in parts of about this many characters or stories: each part is copied in one
// piece on arrival, and between parts the main thread answers other requests.
const PART_CHARACTERS = 1_000_000;
const PART_STORIES = 500;

if (parentPort) listen(parentPort);

function listen(port: MessagePort): void {
  const send = (message: FromIndexWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const relays = new Map<number, RelayedEmbedder>();
  let local: InterviewEmbedder | undefined;
  let queue = Promise.resolve();
  port.on("message", (message: ToIndexWorker) => {
    if (message.type === "check") {
      queue = queue.then(() => check(message));
      return;
    }
    if (message.type !== "build") return relays.get(message.build)?.answer(message);
    // One build at a time, as the server asks them: two would interleave their writes to the store.
    queue = queue.then(() => build(message));
  });

  async function check({ build, upload, content }: CheckAsk): Promise<void> {
    try {
      checkUpload(upload, content);
      send({ type: "checked", build });
    } catch (error) {
      send({ type: "failed", build, error: errorToData(error) });
    }
  }

  async function build({ build, request }: BuildAsk): Promise<void> {
    try {
      local ??= new InterviewEmbedder();
      // Loading the local model is the first build's first step.
      send({ type: "progress", build });
      // The local embedder is CPU work and runs here; any other (a provider's) is asked of the main thread.
      let embedder: Embedder = local;
      if (local.fingerprint !== request.embedder.fingerprint) {
        const relayed = new RelayedEmbedder(send, build, request.embedder.id, request.embedder.fingerprint, request.embedder.dimensions);
        relays.set(build, relayed);
        embedder = relayed;
      }
      // Each step done tells the main thread's watchdog this build still moves.
      const built = await buildBankIndex(request, embedder, () => send({ type: "progress", build }));
      if ("stillServed" in built) return send({ type: "current", build, uploadWarnings: built.uploadWarnings });
      const { stories, index: _index, ...result } = built.indexed;
      sendStories(send, build, stories, built.features);
      const { lexical } = built;
      send({ type: "done", build, result, lexical, uploadWarnings: built.uploadWarnings }, [lexical.starts.buffer, lexical.docs.buffer, lexical.tfs.buffer, lexical.lengths.buffer] as ArrayBuffer[]);
    } catch (error) {
      send({ type: "failed", build, error: errorToData(error) });
    } finally {
      relays.delete(build);
    }
  }
}

function sendStories(send: (message: FromIndexWorker) => void, build: number, stories: Story[], features: StoryFeatures[]): void {
  let start = 0;
  let characters = 0;
  for (let end = 0; end < stories.length; end++) {
    characters += stories[end]!.text.length + stories[end]!.body.length;
    if (characters >= PART_CHARACTERS || end + 1 - start >= PART_STORIES || end === stories.length - 1) {
      // Each story is sent in the same message as its features, which refer to it, so the copy keeps them one object.
      send({ type: "stories", build, stories: stories.slice(start, end + 1), features: features.slice(start, end + 1).map(withoutTokens) });
      start = end + 1;
      characters = 0;
    }
  }
}
