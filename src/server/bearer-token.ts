import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether an Authorization header carries this bearer token. The scheme is
 * matched in any case (RFC 7235), the token exactly.
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const given = /^bearer +(\S+) *$/i.exec(header ?? "")?.[1];
  if (given === undefined) return false;
  // Compared as digests in constant time: how long a wrong guess takes says nothing about the token.
  return timingSafeEqual(digest(given), digest(token));
}

const digest = (text: string) => createHash("sha256").update(text).digest();
