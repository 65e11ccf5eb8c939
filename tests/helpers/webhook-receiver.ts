import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; at: Date };

/**
 * A webhook receiver on 127.0.0.1: records every request's headers and exact body, and answers
 * with the next status of `script` (then 200), so a test can have it fail before it succeeds.
 */
export async function startWebhookReceiver(opts: { script?: number[]; path?: string } = {}) {
  const received: ReceivedWebhook[] = [];
  const script = [...(opts.script ?? [])];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: new Date() });
      const status = script.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "ok" : `receiver says no (${status}) ${"x".repeat(3000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${opts.path ?? "/hooks"}`,
    received,
    /** The next statuses to answer with, in order. */
    answer: (...statuses: number[]) => script.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
