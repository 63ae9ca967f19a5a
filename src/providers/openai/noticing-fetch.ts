// The openai SDK counts its attempts in this request header (0 for the first).
const RETRY_COUNT_HEADER = "x-stainless-retry-count";
// Past a minute the SDK ignores Retry-After and uses its own backoff.
const LONGEST_HONOURED_WAIT_SECONDS = 60;

/**
 * A fetch that says when the provider answered 429 or 5xx and the client is
 * about to wait and ask again, so a rate-limited provider is not a silent
 * pause of up to a minute.
 */
export function noticingFetch(maxRetries: number, onRetry: (message: string) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 429 || response.status >= 500) {
      const attempt = Number(new Headers(init?.headers).get(RETRY_COUNT_HEADER) ?? 0);
      if (Number.isInteger(attempt) && attempt < maxRetries) {
        const seconds = Number(response.headers.get("retry-after"));
        const when = Number.isFinite(seconds) && seconds > 0 && seconds <= LONGEST_HONOURED_WAIT_SECONDS ? `in ${Math.ceil(seconds)} s` : "shortly";
        const why = response.status === 429 ? "is rate-limiting requests (HTTP 429)" : `answered HTTP ${response.status}`;
        onRetry(`the provider ${why}; asking again ${when} (retry ${attempt + 1} of ${maxRetries}).`);
      }
    }
    return response;
  };
}
