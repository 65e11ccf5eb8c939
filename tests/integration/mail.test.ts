import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import MagicLinkEmail, { subject as magicLinkSubject } from "@/emails/magic-link";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { getMessage, latestMessageTo, listMessages } from "@/server/mail/mailbox";
import { sendEmail } from "@/server/mail/send";

type Reply = { status: number; body: string };
type Received = { method?: string; url?: string; authorization?: string; body: Record<string, unknown> };

let server: Server;
let resendUrl: string;
const received: Received[] = [];
const replies: Reply[] = [];

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function close(s: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => s.close((err) => (err ? reject(err) : resolve())));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// A stand-in for the Resend API that the real SDK talks to: it records each request and answers
// with the next queued reply.
beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      received.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body: JSON.parse(raw) as Record<string, unknown> });
      const reply = replies.shift() ?? { status: 500, body: "no reply queued" };
      res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body);
    });
  });
  resendUrl = await listen(server);
});

afterAll(() => close(server));

const MAIL_VARS = ["RESEND_API_KEY", "RESEND_BASE_URL", "EMAIL_FROM"] as const;
const saved = Object.fromEntries(MAIL_VARS.map((k) => [k, process.env[k]]));

function useResend() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resendUrl;
  process.env.EMAIL_FROM = "Hiring Team <hiring@example.com>";
  resetEnvForTests();
}

function useDevMailbox() {
  for (const k of MAIL_VARS) delete process.env[k];
  resetEnvForTests();
}

afterEach(() => {
  for (const k of MAIL_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
  received.length = 0;
  replies.length = 0;
});

function magicLink(to: string) {
  const props = { url: `http://localhost:3000/api/auth/callback/email?token=tok-${to}&email=${encodeURIComponent(to)}`, host: "localhost:3000" };
  return { props, msg: { to, subject: magicLinkSubject(props), template: "magic-link", react: createElement(MagicLinkEmail, props) } };
}

describe("sendEmail without RESEND_API_KEY", () => {
  it("stores the rendered message for the dev mailbox", async () => {
    useDevMailbox();
    const { props, msg } = magicLink("dev@example.com");

    const result = await sendEmail(msg);

    expect(result).toEqual({ id: expect.any(String), provider: "dev", repeated: false });
    const row = await getDb().emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      to: "dev@example.com",
      subject: "Sign in to AI Video Interview",
      template: "magic-link",
      provider: "dev",
      providerId: null,
      error: null,
    });
    expect(row.html).toContain(`href="${props.url.replaceAll("&", "&amp;")}"`);
    expect(row.html).toMatch(/>Sign in<\/span>/);
    expect(row.text).toContain(props.url);
    expect(received).toEqual([]);
  });
});

describe("sendEmail with RESEND_API_KEY", () => {
  it("posts the message to Resend through the SDK and records the provider id", async () => {
    useResend();
    replies.push({ status: 200, body: JSON.stringify({ id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c" }) });
    const { props, msg } = magicLink("hr@example.com");

    const result = await sendEmail(msg);

    expect(result).toEqual({ id: expect.any(String), provider: "resend", repeated: false });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: "POST", url: "/emails", authorization: "Bearer re_test_key" });
    expect(request!.body).toMatchObject({
      from: "Hiring Team <hiring@example.com>",
      to: "hr@example.com",
      subject: "Sign in to AI Video Interview",
    });
    expect(request!.body.html).toEqual(expect.stringContaining(`href="${props.url.replaceAll("&", "&amp;")}"`));
    expect(request!.body.text).toEqual(expect.stringContaining(props.url));

    const row = await getDb().emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ provider: "resend", providerId: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c", error: null });
    expect(row.html).toBe(request!.body.html);
  });

  it("throws a clear error on a 4xx and records Resend's reason on the stored row", async () => {
    useResend();
    replies.push({
      status: 422,
      body: JSON.stringify({ statusCode: 422, name: "validation_error", message: "The hiring@example.com domain is not verified." }),
    });

    await expect(sendEmail(magicLink("rejected@example.com").msg)).rejects.toThrow(
      'Resend did not send the "magic-link" email to rejected@example.com: 422 validation_error: The hiring@example.com domain is not verified.',
    );

    const row = await getDb().emailMessage.findFirstOrThrow({ where: { to: "rejected@example.com" } });
    expect(row).toMatchObject({ provider: "resend", providerId: null, error: "422 validation_error: The hiring@example.com domain is not verified." });
  });

  it("throws on a 5xx without a JSON body and records the status", async () => {
    useResend();
    replies.push({ status: 503, body: "upstream unavailable" });

    await expect(sendEmail(magicLink("outage@example.com").msg)).rejects.toThrow(/Resend did not send the "magic-link" email to outage@example.com: 503/);

    const row = await getDb().emailMessage.findFirstOrThrow({ where: { to: "outage@example.com" } });
    expect(row.provider).toBe("resend");
    expect(row.providerId).toBeNull();
    expect(row.error).toMatch(/^503 application_error: /);
  });

  it("throws when Resend cannot be reached and records why", async () => {
    // A port that was just free: nothing answers there.
    const gone = createServer();
    const goneUrl = await listen(gone);
    await close(gone);
    useResend();
    process.env.RESEND_BASE_URL = goneUrl;
    resetEnvForTests();

    await expect(sendEmail(magicLink("unreachable@example.com").msg)).rejects.toThrow(
      /Resend did not send .* unreachable@example.com: application_error: Unable to fetch data/,
    );

    const row = await getDb().emailMessage.findFirstOrThrow({ where: { to: "unreachable@example.com" } });
    expect(row.error).toMatch(/Unable to fetch data/);
  });
});

describe("mailbox", () => {
  it("lists newest first without bodies, filters by recipient whatever the case, and reads one message", async () => {
    useDevMailbox();
    const first = await sendEmail(magicLink("Box@Example.com").msg);
    const second = await sendEmail(magicLink("box@example.com").msg);
    await sendEmail(magicLink("other@example.com").msg);

    const mine = await listMessages({ to: " box@example.COM ", take: 10 });
    expect(mine.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(mine[0]).not.toHaveProperty("html");

    expect(await listMessages({ take: 2 })).toHaveLength(2);
    expect((await latestMessageTo("BOX@example.com"))?.id).toBe(second.id);
    expect(await latestMessageTo("nobody@example.com")).toBeNull();

    const message = await getMessage(first.id);
    expect(message).toMatchObject({ id: first.id, to: "Box@Example.com", template: "magic-link" });
    expect(message?.html).toContain(">Sign in</span>");
    expect(await getMessage("missing")).toBeNull();
  });
});
