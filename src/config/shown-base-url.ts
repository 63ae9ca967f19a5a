// Query parameters whose values are not secret and help to read a configuration (Azure OpenAI's api-version).
const PLAIN_QUERY_NAMES = new Set(["api-version", "version"]);

/**
 * A base URL as it may be shown (stderr notices, `coach doctor`, error
 * messages, server logs): every query value masked as `***` but a version's,
 * and a fragment masked whole, so a key given as `?api-key=...` or `?key=...`
 * is never printed. Works on the text as given, so a value that is not a
 * valid URL is masked too.
 */
export function shownBaseUrl(baseUrl: string): string {
  const queryAt = baseUrl.search(/[?#]/);
  if (queryAt < 0) return baseUrl;
  const hashAt = baseUrl.indexOf("#", queryAt);
  const query = baseUrl.slice(queryAt, hashAt < 0 ? undefined : hashAt);
  const masked = query.startsWith("?") ? `?${query.slice(1).split("&").map(maskParameter).join("&")}` : "";
  return `${baseUrl.slice(0, queryAt)}${masked}${hashAt < 0 ? "" : "#***"}`;
}

// An http(s) URL, or a path with a query ("Cannot POST /v1/embeddings?api-key=...", as express and many proxies echo a
// request): a path starts with a slash that no word, dot or other path character comes straight before.
const URL_OR_PATH_WITH_QUERY = /\bhttps?:\/\/[^\s"'<>`]+|(?<![\w.~%/-])\/[^\s?#"'<>`]*\?[^\s"'<>`]+/gi;

/**
 * Text with every http(s) URL in it, and every path with a query, shown as
 * `shownBaseUrl` shows a base URL (for messages that quote a server's reply).
 */
export function maskUrlsIn(text: string): string {
  return text.replace(URL_OR_PATH_WITH_QUERY, (url) => shownBaseUrl(url));
}

function maskParameter(parameter: string): string {
  if (parameter === "") return parameter;
  const equals = parameter.indexOf("=");
  // A bare value (?SECRET) may be a key as much as a named one.
  if (equals < 0) return "***";
  const name = parameter.slice(0, equals);
  return PLAIN_QUERY_NAMES.has(safeDecode(name).toLowerCase()) ? parameter : `${name}=***`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
