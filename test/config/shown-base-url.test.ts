import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, maskUrlsIn, shownBaseUrl } from "../../src/config/index.js";

describe("a base URL as it is shown: query values masked", () => {
  it("masks every query value but api-version's, a bare value and a fragment; a URL without a query is shown as given", () => {
    expect(shownBaseUrl("http://127.0.0.1:1234/v1")).toBe("http://127.0.0.1:1234/v1");
    expect(shownBaseUrl("http://127.0.0.1:1234/v1?api-key=SECRET")).toBe("http://127.0.0.1:1234/v1?api-key=***");
    expect(shownBaseUrl("https://proxy.example/v1?key=SECRET&api-version=2024-06-01&token=T2")).toBe("https://proxy.example/v1?key=***&api-version=2024-06-01&token=***");
    // A name spelled another way is still a name: "Api-Version" is plain, "api%2Dkey" is masked like any other.
    expect(shownBaseUrl("http://h/v1?Api-Version=1&api%2Dkey=S")).toBe("http://h/v1?Api-Version=1&api%2Dkey=***");
    expect(shownBaseUrl("http://h/v1?SECRET")).toBe("http://h/v1?***");
    expect(shownBaseUrl("http://h/v1?a=1#SECRET")).toBe("http://h/v1?a=***#***");
  });

  it("masks the query of every URL in a message, and nothing else", () => {
    expect(maskUrlsIn('no route for "http://h/v1/models?key=SECRET", see https://docs.example/x')).toBe('no route for "http://h/v1/models?key=***", see https://docs.example/x');
    // A server that echoes only the path and query ("Cannot POST /v1/embeddings?api-key=..."), as express and many proxies do.
    expect(maskUrlsIn("404 <pre>Cannot POST /v1/embeddings?api-key=SECRET&api-version=1</pre>")).toBe("404 <pre>Cannot POST /v1/embeddings?api-key=***&api-version=1</pre>");
    expect(maskUrlsIn("GET /v1/models?SECRET failed")).toBe("GET /v1/models?*** failed");
    // Not a path: a slash inside a word, a question after a path with none.
    expect(maskUrlsIn("either/or?maybe=yes, see /docs. Why?")).toBe("either/or?maybe=yes, see /docs. Why?");
  });

  it("a base URL refused by the configuration is named with its query masked", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-shown-url-"));
    expect(() => loadConfig({}, { OPENAI_BASE_URL: "ftp://h/v1?key=SECRET" }, cwd)).toThrow('OPENAI_BASE_URL: "ftp://h/v1?key=***" is not an http(s) URL.');
    expect(() => loadConfig({ baseUrl: "http://user:pw@h/v1?key=SECRET" }, {}, cwd)).toThrow(/^--base-url: the URL holds a user name or password \(http:\/\/\*\*\*:\*\*\*@h\/v1\?key=\*\*\*\)/);
  });

  it("keeps the query when it drops the path's trailing slash", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "coach-shown-url-"));
    expect(loadConfig({}, { OPENAI_BASE_URL: "http://h/v1/?key=a/" }, cwd).baseUrl).toBe("http://h/v1?key=a/");
    expect(loadConfig({}, { OPENAI_BASE_URL: "http://h/v1//" }, cwd).baseUrl).toBe("http://h/v1");
  });
});
