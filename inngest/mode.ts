/**
 * Where the background functions run. With an Inngest server (the dev server with INNGEST_DEV,
 * or Inngest Cloud / self-hosted with INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY) it calls
 * /api/inngest and keeps the state; without one the same functions run inside the app, driven by
 * inngest/runner with their state in Postgres. Read from process.env directly: the client is built
 * when the module loads, also during `next build`, before the server's env is validated.
 */
export type InngestMode = "in-process" | "dev-server" | "cloud";

export function inngestMode(source: Record<string, string | undefined> = process.env): InngestMode {
  const dev = source.INNGEST_DEV?.trim();
  if (dev && dev !== "0" && dev !== "false") return "dev-server";
  if (source.INNGEST_EVENT_KEY?.trim() || source.INNGEST_SIGNING_KEY?.trim()) return "cloud";
  return "in-process";
}

export const INNGEST_MODE_LABELS: Record<InngestMode, string> = {
  "in-process": "in-process runner (state in Postgres)",
  "dev-server": "Inngest dev server",
  cloud: "Inngest",
};
