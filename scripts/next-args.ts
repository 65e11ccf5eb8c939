/**
 * The `next` command line the launcher runs. Development binds to 127.0.0.1 unless HOST says
 * otherwise: it serves the dev mailbox (every magic link) and one-click sign-in, which must not be
 * reachable from the network. Production listens where HOST says, or on every interface.
 */
export function nextArgs(mode: "dev" | "start", env: Record<string, string | undefined>): string[] {
  const port = env.PORT ?? "3000";
  const host = env.HOST?.trim() || (mode === "dev" ? "127.0.0.1" : undefined);
  return [mode, "--port", port, ...(host ? ["--hostname", host] : [])];
}
