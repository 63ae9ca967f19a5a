import type { NextFunction, Request, Response } from "express";

/** A fixed-window request limit per client address (default 120 a minute); answers 429 with Retry-After. */
export function rateLimit(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return (request: Request, response: Response, next: NextFunction) => {
    const key = request.ip ?? "unknown";
    const now = Date.now();
    const window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      windows.set(key, { start: now, count: 1 });
      return next();
    }
    window.count++;
    if (window.count <= options.limit) return next();
    const retryAfter = Math.ceil((window.start + options.windowMs - now) / 1000);
    response.setHeader("Retry-After", String(retryAfter));
    response.status(429).json({ error: { code: "RATE_LIMITED", message: `Too many requests: at most ${options.limit} a minute. Retry in ${retryAfter} s.` } });
  };
}
