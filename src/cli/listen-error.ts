import { ListenError } from "../errors/index.js";

/**
 * Why `coach serve` could not listen, as a ListenError naming the flag to
 * change; an error of any other kind is returned as it is.
 */
export function listenError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") {
    return new ListenError("PORT_IN_USE", `--port: port ${port} on ${host} is already in use; pick another with --port (--port 0 takes any free one), or stop what is using it.`, { cause: error, flag: "--port" });
  }
  if (code === "EACCES" || code === "EPERM") {
    const why = port < 1024 ? "ports below 1024 need administrator rights" : "permission denied";
    return new ListenError("LISTEN_FAILED", `--port: not allowed to listen on port ${port} (${why}); pick another with --port.`, { cause: error, flag: "--port" });
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_FAIL") {
    return new ListenError("LISTEN_FAILED", `--host: ${host} is not an address of this machine; leave --host out for 127.0.0.1, or give one of this machine's addresses.`, { cause: error, flag: "--host" });
  }
  return error;
}
