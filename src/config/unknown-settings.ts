import { ConfigFileSchema } from "./config-schema.js";

// Names a key or secret might be given under in a config file.
const SECRET_KEY = /key|token|secret|password/i;

/**
 * What to say about keys a config file may not hold: a secret is never read
 * from a file (the API key comes from OPENAI_API_KEY only); any other key is
 * an unknown setting, with the settings a file may hold.
 */
export function unknownSettingsMessage(keys: readonly PropertyKey[]): string {
  const names = keys.map(String);
  const secret = names.find((name) => SECRET_KEY.test(name));
  if (secret) {
    return `"${secret}": the API key is read only from the environment variable OPENAI_API_KEY, never from a file; remove "${secret}" from this file and set OPENAI_API_KEY instead.`;
  }
  const known = Object.keys(ConfigFileSchema.shape).join(", ");
  return `unknown setting${names.length > 1 ? "s" : ""} ${names.map((name) => `"${name}"`).join(", ")}; a config file may set ${known}.`;
}
