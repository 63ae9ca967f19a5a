/** What the openai client needs of a base URL: the part each API path is added to, and the query sent with every request. */
export interface ClientBaseUrl {
  baseURL: string;
  query: Record<string, string>;
}

/**
 * Splits a base URL that carries a query (`http://host/v1?api-key=K`, as some
 * OpenAI-compatible proxies and Azure's api-version want) into the URL the
 * client adds each path to and the query it sends with every request. Given
 * whole, the client would add `/chat/completions` after the query, so every
 * request went to the base path with a garbled query. A fragment is dropped.
 */
export function splitBaseUrl(baseUrl: string): ClientBaseUrl {
  const url = new URL(baseUrl);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  url.search = "";
  url.hash = "";
  return { baseURL: url.toString().replace(/\/+$/, ""), query };
}
