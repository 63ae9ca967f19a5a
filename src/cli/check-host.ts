import { createServer } from "node:net";
import { ListenError } from "../errors/index.js";
import { listenError } from "./listen-error.js";

/**
 * Refuses a --host this machine cannot listen on (not one of its addresses,
 * or a name that does not resolve) with LISTEN_FAILED, found by listening on
 * it briefly on any free port. `needsToken` adds that such a host would also
 * need COACH_TOKEN, so one run names both problems.
 */
export async function checkHostIsThisMachine(host: string, needsToken: boolean): Promise<void> {
  const error = await new Promise<unknown>((resolve) => {
    const probe = createServer();
    probe.once("error", resolve);
    probe.listen(0, host, () => probe.close(() => resolve(undefined)));
  });
  if (error === undefined) return;
  const refusal = listenError(error, 0, host);
  // Only the host is judged here: any other failure is left to the real listen, which names its port.
  if (!(refusal instanceof ListenError) || refusal.location.flag !== "--host") return;
  const token = needsToken ? " Any address other than loopback also needs COACH_TOKEN set, since other machines can reach it." : "";
  throw new ListenError("LISTEN_FAILED", `${refusal.message}${token}`, { cause: error, flag: "--host" });
}
