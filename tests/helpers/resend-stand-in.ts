import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ResendRequest = { url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/**
 * A local server that answers the real `resend` SDK like Resend's API: each POST /emails is
 * recorded and answered with the next queued failure, or accepted with a fresh message id.
 */
export async function startResendStandIn() {
  const requests: ResendRequest[] = [];
  const failures: { status: number; message: string }[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown> });
      const failure = failures.shift();
      if (failure) {
        res
          .writeHead(failure.status, { "content-type": "application/json" })
          .end(JSON.stringify({ name: "application_error", message: failure.message, statusCode: failure.status }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `re_msg_${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext: (status: number, message: string) => failures.push({ status, message }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
