import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import MagicLinkEmail, { subject } from "@/emails/magic-link";
import { getDb } from "@/server/db/client";

/** A stand-in for api.resend.com on loopback: the real `resend` SDK talks to it through RESEND_BASE_URL. */
let server: Server;
let requests: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
let nextStatus = 200;

async function readBody(req: IncomingMessage) {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return JSON.parse(raw || "{}") as Record<string, unknown>;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requests.push({ path: req.url ?? "", auth: req.headers.authorization, body: await readBody(req) });
    res.setHeader("content-type", "application/json");
    if (nextStatus === 200) {
      res.end(JSON.stringify({ id: "resend-msg-1" }));
    } else {
      res.statusCode = nextStatus;
      res.end(JSON.stringify({ statusCode: nextStatus, name: "validation_error", message: "The from address is not verified" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const url = "http://localhost:3000/api/auth/callback/email?token=abc&email=a%40example.com";
const message = (to: string) => ({ to, subject: subject({ url, host: "localhost:3000" }), template: "magic-link", react: createElement(MagicLinkEmail, { url, host: "localhost:3000" }) });

describe("sendEmail", () => {
  it("without RESEND_API_KEY keeps the rendered message for the dev mailbox", async () => {
    vi.resetModules();
    delete process.env.RESEND_API_KEY;
    const { sendEmail } = await import("@/server/mail/send");
    const { latestMessageTo } = await import("@/server/mail/mailbox");
    const result = await sendEmail(message("dev@example.com"));
    expect(result.provider).toBe("dev");
    const stored = await latestMessageTo("dev@example.com");
    expect(stored).toMatchObject({ subject: "Sign in to AI Video Interview", provider: "dev", template: "magic-link" });
    expect(stored!.html).toContain(url.replace(/&/g, "&amp;"));
    expect(stored!.html).toMatch(/>\s*Sign in\s*</);
    expect(stored!.text).toContain("Sign in");
  });

  it("with RESEND_API_KEY sends through the Resend SDK and logs the provider's id", async () => {
    vi.resetModules();
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    requests = [];
    nextStatus = 200;
    const { sendEmail } = await import("@/server/mail/send");
    const result = await sendEmail(message("real@example.com"));
    expect(result.provider).toBe("resend");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe("/emails");
    expect(requests[0]!.auth).toBe("Bearer re_test_key");
    expect(requests[0]!.body).toMatchObject({ to: "real@example.com", subject: "Sign in to AI Video Interview", from: expect.stringContaining("AI Video Interview") });
    expect(String(requests[0]!.body.html)).toContain("Sign in");
    const row = await getDb().emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ provider: "resend", providerId: "resend-msg-1", error: null });
  });

  it("a refusal from Resend throws a clear error and the log keeps the reason", async () => {
    vi.resetModules();
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    nextStatus = 422;
    const { sendEmail } = await import("@/server/mail/send");
    await expect(sendEmail(message("refused@example.com"))).rejects.toThrow(/Resend refused the email to refused@example.com: The from address is not verified/);
    const row = await getDb().emailMessage.findFirstOrThrow({ where: { to: "refused@example.com" } });
    expect(row.error).toContain("not verified");
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
  });
});
