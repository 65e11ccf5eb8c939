import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { POST } from "@/app/api/webhooks/resend/route";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";

/**
 * Resend reports delivery through a Svix-signed webhook. The payloads are signed here with the
 * Standard Webhooks library Svix and the resend SDK use, exactly as Resend signs them.
 */

const SECRET = `whsec_${Buffer.from("resend-webhook-test-secret-32byt").toString("base64")}`;
const db = () => getDb();

beforeAll(() => {
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.RESEND_WEBHOOK_SECRET;
  resetEnvForTests();
});

let n = 0;
function signed(event: object, secret = SECRET, at = new Date()) {
  const body = JSON.stringify(event);
  const id = `msg_${++n}`;
  const signature = new Webhook(secret).sign(id, at, body);
  return new Request("http://localhost:3000/api/webhooks/resend", {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature },
    body,
  });
}

async function storedMessage(providerId: string) {
  return db().emailMessage.create({
    data: {
      to: "rita@example.com",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
      template: "invitation",
      provider: "resend",
      providerId,
      statusAt: new Date(Date.now() - 60_000),
    },
  });
}

const event = (type: string, emailId: string, at: Date, extra: object = {}) => ({
  type,
  created_at: at.toISOString(),
  data: { email_id: emailId, created_at: at.toISOString(), from: "a@example.com", to: ["rita@example.com"], subject: "s", ...extra },
});

describe("Resend delivery webhook", () => {
  it("records delivered, then a bounce with its reason, and ignores an older event arriving late", async () => {
    const row = await storedMessage("re_1");
    const t = Date.now();
    expect((await POST(signed(event("email.delivered", "re_1", new Date(t))))).status).toBe(200);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "delivered" });

    await POST(
      signed(event("email.bounced", "re_1", new Date(t + 1000), { bounce: { message: "Mailbox does not exist", type: "Permanent", subType: "General" } })),
    );
    await POST(signed(event("email.sent", "re_1", new Date(t - 1000))));
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "bounced", error: "Mailbox does not exist" });
  });

  it("refuses an unsigned, wrongly signed or altered payload and changes nothing", async () => {
    const row = await storedMessage("re_2");
    const good = signed(event("email.delivered", "re_2", new Date()));
    const wrongKey = signed(event("email.delivered", "re_2", new Date()), `whsec_${Buffer.from("another-secret-another-secret-32").toString("base64")}`);
    const altered = new Request(good.url, { method: "POST", headers: good.headers, body: JSON.stringify(event("email.complained", "re_2", new Date())) });
    const unsigned = new Request(good.url, { method: "POST", body: JSON.stringify(event("email.delivered", "re_2", new Date())) });
    for (const req of [wrongKey, altered, unsigned]) expect((await POST(req)).status).toBe(400);
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });

  it("refuses a correctly signed payload sent long after it was signed (replay)", async () => {
    const row = await storedMessage("re_3");
    const old = new Date(Date.now() - 60 * 60_000);
    expect((await POST(signed(event("email.delivered", "re_3", old), SECRET, old))).status).toBe(400);
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });
});
