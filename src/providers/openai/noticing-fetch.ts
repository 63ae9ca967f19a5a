// The openai SDK counts its attempts in this request header (0 for the first).
const RETRY_COUNT_HEADER = "x-stainless-retry-count";
// Past a minute the SDK ignores Retry-After and uses its own backoff.
const LONGEST_HONOURED_WAIT_SECONDS = 60;

/**
 * A fetch that says when the provider answered 429 or 5xx, or did not answer
 * within the timeout, and the client is about to ask again, so a rate-limited
 * or hung provider is not a silent pause of up to a minute per attempt.
 * `timeoutMs` is the client's: an abort that comes at it is the timeout, one
 * before it the caller's own cancelling, which is not retried.
 */
export function noticingFetch(maxRetries: number, onRetry: (message: string) => void, timeoutMs?: number): typeof fetch {
  return async (input, init) => {
    const attempt = Number(new Headers(init?.headers).get(RETRY_COUNT_HEADER) ?? 0);
    const retrying = Number.isInteger(attempt) && attempt < maxRetries;
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      // Timers may fire a millisecond early; a caller's cancel comes well before the timeout, or not at all.
      const timedOut = timeoutMs !== undefined && init?.signal?.aborted === true && Date.now() - started >= timeoutMs - 10;
      if (timedOut && retrying) onRetry(`the provider did not answer within ${formatSeconds(timeoutMs)}; asking again (retry ${attempt + 1} of ${maxRetries}).`);
      throw error;
    }
    if (response.status === 429 || response.status >= 500) {
      if (retrying) {
        const seconds = Number(response.headers.get("retry-after"));
        const when = Number.isFinite(seconds) && seconds > 0 && seconds <= LONGEST_HONOURED_WAIT_SECONDS ? `in ${Math.ceil(seconds)} s` : "shortly";
        const why = response.status === 429 ? "is rate-limiting requests (HTTP 429)" : `answered HTTP ${response.status}`;
        onRetry(`the provider ${why}; asking again ${when} (retry ${attempt + 1} of ${maxRetries}).`);
      }
    }
    return response;
  };
}

/** A timeout as said to the user: "30 s", "1.5 s". */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
