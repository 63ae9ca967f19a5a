/**
 * A fetch that rewraps an error reply carrying its message at the top level
 * (vLLM's `{"object": "error", "message": ...}`, FastAPI's `{"detail": ...}`)
 * in OpenAI's shape, `{"error": {"message": ...}}`, so the SDK keeps the
 * server's words ("maximum context length is 512 tokens") where it would say
 * "status code (no body)".
 */
export function readableErrorFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok || !(response.headers.get("content-type") ?? "").includes("json")) return response;
    let body: unknown;
    try {
      body = JSON.parse(await response.clone().text());
    } catch {
      return response;
    }
    if (body === null || typeof body !== "object" || Array.isArray(body) || "error" in body) return response;
    const fields = body as Record<string, unknown>;
    const said = typeof fields.message === "string" ? fields.message : typeof fields.detail === "string" ? fields.detail : undefined;
    if (said === undefined) return response;
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify({ error: { ...fields, message: said } }), { status: response.status, statusText: response.statusText, headers });
  };
}
