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

/**
 * Whether a token can be sent as a bearer token at all: visible ASCII only
 * (`!` to `~`), no spaces. A header carries one run of such characters, and a
 * browser cannot put anything outside Latin-1 in a header.
 */
export function isSendableToken(token: string): boolean {
  return /^[\x21-\x7e]+$/.test(token);
}

const digest = (text: string) => createHash("sha256").update(text).digest();
