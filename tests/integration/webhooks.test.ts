import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { relayOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner/runner";
import { loadSessionUser } from "@/server/auth/session-user";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { submitText } from "@/server/interview/answers";
import { openInterview } from "@/server/interview/state";
import { createInvitations } from "@/server/invitations/create";
import { expireInvitations } from "@/server/invitations/expire";
import { createInvitationsInput } from "@/server/invitations/invitations.schema";
import { cancelInvitation } from "@/server/invitations/manage";
import { deleteInterviewData } from "@/server/retention/delete-interview";
import { overrideAnalysisInput } from "@/server/review/analysis.schema";
import { overrideAnalysis } from "@/server/review/overrides";
import { metrics } from "@/server/metrics/registry";
import { setResolverForTests } from "@/server/webhooks/address-guard";
import { WEBHOOK_EVENT_TYPES, type WebhookPayload } from "@/server/webhooks/catalog";
import { resendDelivery, sendTestEvent } from "@/server/webhooks/deliveries";
import { RETRY_WAITS, waitMs } from "@/server/webhooks/deliver";
import { createEndpoint, enableEndpoint, rotateEndpointSecret, updateEndpoint } from "@/server/webhooks/endpoints";
import { createEndpointInput, updateEndpointInput } from "@/server/webhooks/webhooks.schema";
import { makeInterview } from "../fixtures/interview";
import { makeOrg, makeUser } from "../helpers/actors";
import { startWebhookReceiver } from "../helpers/webhook-receiver";
import { makeTemplate } from "./authz/invitations.cases";

/**
 * Outgoing webhooks end to end: the app's own code makes each domain event, the in-process runner
 * fans it out and delivers it to a real HTTP receiver on 127.0.0.1, and the receiver verifies it
 * with the standardwebhooks library. Waiting between retries is replaced by moving a sleeping
 * run's wake-up time, never by a timer.
 */

const db = () => getDb();
const runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 5, backoffMaxMs: 20, log: () => {} });
const HOUR = 60 * 60 * 1000;
const receivers: { close: () => Promise<void> }[] = [];

beforeAll(() => {
  process.env.WEBHOOKS_ALLOW_LOOPBACK = "true";
  resetEnvForTests();
});
afterEach(() => {
  process.env.WEBHOOKS_ALLOW_LOOPBACK = "true";
  resetEnvForTests();
  setResolverForTests(null);
});
afterAll(async () => {
  await runner.stop();
  for (const r of receivers) await r.close();
});

async function deliver() {
  for (let i = 0; i < 40; i++) {
    await relayOutbox(db(), {}, new Date(Date.now() + HOUR));
    await runner.drain();
    const due = await db().jobRun.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
    if (!due && !(await db().outboxEvent.count({ where: { sentAt: null } }))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("background work did not settle");
}

const deliveryRuns = () => db().jobRun.findMany({ where: { functionId: { endsWith: "webhook-deliver" } }, orderBy: { createdAt: "asc" } });

/** Wakes every delivery waiting for its next attempt now, instead of in minutes or hours; returns how long they were to wait. */
async function wakeDeliveries(): Promise<number[]> {
  const waits: number[] = [];
  for (const run of await deliveryRuns()) {
    if (run.status !== "SLEEPING") continue;
    waits.push(run.runAfter.getTime() - run.updatedAt.getTime());
    await db().jobRun.update({ where: { id: run.id }, data: { runAfter: new Date() } });
  }
  await deliver();
  return waits;
}

async function receiver(script: number[] = []) {
  const r = await startWebhookReceiver({ script });
  receivers.push(r);
  return r;
}

async function ownerOf(name: string, plan: "FREE" | "PLUS" | "PRO" = "PLUS") {
  const org = await makeOrg(name, plan);
  const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER", email: `owner-${name.toLowerCase()}-${Date.now()}@example.com` });
  return { org, owner };
}

function verify(secret: string, r: { headers: Record<string, unknown>; body: string }): WebhookPayload {
  return new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as WebhookPayload;
}

describe("each event reaches the receiver, signed", () => {
  it("sends every subscribed event once, verifiable with the library's verifier, with ids and a link and nothing personal", async () => {
    const { org, owner } = await ownerOf("Events");
    const hook = await receiver();
    const { secret, endpoint } = await createEndpoint(
      db(),
      owner,
      org.id,
      createEndpointInput.parse({ url: hook.url, description: "ATS sync", events: [...WEBHOOK_EVENT_TYPES] }),
    );
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    // invitation.sent, then invitation.cancelled, through the invitations module.
    const template = await makeTemplate(org.id, { title: "Site Foreman" });
    const input = createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Rita Reyes", email: "rita@example.com" } });
    const sent = (await createInvitations(db(), owner, org.id, input)).created[0]!.id;
    await cancelInvitation(db(), owner, org.id, sent);
    // invitation.expired, by the scheduled expiry.
    await makeInterview({ organizationId: org.id, expiresAt: new Date(Date.now() - 1000) });
    await expireInvitations(db());
    // invitation.opened, interview.completed, then (in the background) analysis.completed.
    const { token, invitation, responses } = await makeInterview({ organizationId: org.id, questions: [{ type: "TEXT" }], consent: true });
    await openInterview(db(), token);
    await submitText(db(), { token, responseId: responses[0]!.id, text: "I split the design into services and measured each trade-off before choosing." });
    await deliver();
    // analysis.overridden, then candidate.deleted.
    await overrideAnalysis(
      db(),
      owner,
      org.id,
      overrideAnalysisInput.parse({
        invitationId: invitation.id,
        field: "recommendation",
        value: "strong_no",
        reason: "The answer does not show the design work.",
      }),
    );
    await deliver();
    await deleteInterviewData(db(), (await loadSessionUser(db(), owner.id))!, org.id, { invitationId: invitation.id, confirm: "DELETE" });
    await deliver();

    const payloads = hook.received.map((r) => ({ payload: verify(secret, r), headers: r.headers, body: r.body }));
    expect(payloads.map((p) => p.payload.type).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    const deliveries = await db().webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    for (const { payload, headers, body } of payloads) {
      expect(payload).toMatchObject({ version: 1, timestamp: expect.any(String), data: { organizationId: org.id, invitationId: expect.any(String) } });
      expect(deliveries.map((d) => d.id)).toContain(headers["webhook-id"]);
      expect(body).not.toMatch(/Rita|Casey|@example\.com|trade-off/);
      if (payload.type === "candidate.deleted") expect(payload.data).toMatchObject({ invitationId: invitation.id, reason: "hr" });
      else expect(payload.data.url).toBe(`http://localhost:3000/interviews/${payload.data.invitationId}`);
    }
    const byType = Object.fromEntries(payloads.map((p) => [p.payload.type, p.payload.data]));
    expect(byType["analysis.overridden"]).toMatchObject({ invitationId: invitation.id, analysisId: expect.any(String), field: "recommendation" });
    expect(byType["analysis.completed"]).toMatchObject({ invitationId: invitation.id, analysisId: byType["analysis.overridden"]!.analysisId });
    expect(deliveries.every((d) => d.status === "DELIVERED" && d.attemptCount === 1)).toBe(true);

    // A signature under another secret, or an altered body, does not verify.
    const first = hook.received[0]!;
    expect(() => verify("whsec_" + Buffer.alloc(32, 7).toString("base64"), first)).toThrow();
    expect(() => verify(secret, { ...first, body: first.body.replace('"version":1', '"version":2') })).toThrow();
  });

  it("sends nothing to an endpoint not subscribed to the event, nor to another organization's", async () => {
    const { org, owner } = await ownerOf("Picky");
    const other = await ownerOf("Other");
    const hook = await receiver();
    const otherHook = await receiver();
    await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: hook.url, events: ["interview.completed"] }));
    await createEndpoint(db(), other.owner, other.org.id, createEndpointInput.parse({ url: otherHook.url, events: ["invitation.sent"] }));
    const template = await makeTemplate(org.id);
    const input = createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Sam", email: "sam@example.com" } });
    await createInvitations(db(), owner, org.id, input);
    await deliver();
    expect(hook.received).toHaveLength(0);
    expect(otherHook.received).toHaveLength(0);
  });
});

describe("retries", () => {
  it("retries a receiver that fails twice with the backoff's waits, logs each attempt, and keeps one webhook-id", async () => {
    const counted = async (result: string) => (await metrics().webhookAttempts.get()).values.find((v) => v.labels.result === result)?.value ?? 0;
    const [deliveredBefore, failedBefore] = [await counted("delivered"), await counted("failed")];
    const { org, owner } = await ownerOf("Retry");
    const hook = await receiver([500, 503]);
    const { endpoint, secret } = await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: hook.url, events: ["invitation.sent"] }));
    await sendTestEvent(db(), owner, org.id, { endpointId: endpoint.id });
    await deliver();
    expect(hook.received).toHaveLength(1);
    const [delivery] = await db().webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: "PENDING", attemptCount: 1, responseStatus: 500 });
    expect(delivery!.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(25_000);

    expect(await wakeDeliveries()).toEqual([expect.closeTo(waitMs(RETRY_WAITS[0]), -3)]);
    expect(await wakeDeliveries()).toEqual([expect.closeTo(waitMs(RETRY_WAITS[1]), -3)]);
    expect(hook.received).toHaveLength(3);
    const ids = new Set(hook.received.map((r) => r.headers["webhook-id"]));
    expect([...ids]).toEqual([delivery!.id]);
    for (const r of hook.received) expect(verify(secret, r)).toMatchObject({ type: "webhook.test", data: { endpointId: endpoint.id } });

    const attempts = await db().webhookAttempt.findMany({ where: { deliveryId: delivery!.id }, orderBy: { number: "asc" } });
    expect(attempts.map((a) => [a.number, a.ok, a.responseStatus])).toEqual([
      [1, false, 500],
      [2, false, 503],
      [3, true, 200],
    ]);
    // The first 2 KB of each answer, and how long it took.
    expect(attempts[0]!.responseBody).toHaveLength(2048);
    expect(attempts[0]!.responseBody).toMatch(/^receiver says no \(500\)/);
    expect(attempts.every((a) => a.durationMs >= 0)).toBe(true);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: "DELIVERED", attemptCount: 3 });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ failingSince: null, active: true });
    // /api/metrics counts the attempts by result.
    expect([(await counted("delivered")) - deliveredBefore, (await counted("failed")) - failedBefore]).toEqual([1, 2]);
  });

  it("gives up after ten attempts over about a day, and a resend sends the same message again", async () => {
    const { org, owner } = await ownerOf("GiveUp");
    const hook = await receiver(Array<number>(10).fill(500));
    const { endpoint } = await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: hook.url, events: ["invitation.sent"] }));
    await sendTestEvent(db(), owner, org.id, { endpointId: endpoint.id });
    await deliver();
    const waits: number[] = [];
    for (let i = 0; i < RETRY_WAITS.length; i++) waits.push(...(await wakeDeliveries()));
    expect(waits.reduce((a, b) => a + b, 0) / HOUR).toBeGreaterThan(20);
    expect(waits.reduce((a, b) => a + b, 0) / HOUR).toBeLessThan(26);
    const [delivery] = await db().webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: "FAILED", attemptCount: 10, nextAttemptAt: null });
    expect(hook.received).toHaveLength(10);

    await resendDelivery(db(), owner, org.id, { deliveryId: delivery!.id });
    await deliver();
    expect(hook.received).toHaveLength(11);
    expect(hook.received[10]!.headers["webhook-id"]).toBe(delivery!.id);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: "DELIVERED", attemptCount: 11 });
  });

  it("disables an endpoint failing for 3 days in a row and emails its owners once", async () => {
    const { org, owner } = await ownerOf("Disable");
    const member = await makeUser({ role: "HR", orgId: org.id });
    const hook = await receiver(Array<number>(20).fill(502));
    const { endpoint } = await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: hook.url, events: ["invitation.sent"] }));
    await sendTestEvent(db(), owner, org.id, { endpointId: endpoint.id });
    await deliver();
    const failing = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(failing.failingSince).not.toBeNull();
    // Three days of failures, as the clock would have it: the streak started three days ago.
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(Date.now() - 3 * 24 * HOUR) } });
    await wakeDeliveries();

    const disabled = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled).toMatchObject({ active: false, disabledAt: expect.any(Date), disabledReason: expect.stringContaining("3 days") });
    const mails = await db().emailMessage.findMany({ where: { template: "webhook-disabled" } });
    expect(mails.map((m) => m.to)).toEqual([owner.email]);
    expect(mails[0]!.subject).toBe(`A webhook endpoint of ${org.name} was disabled`);
    expect(mails[0]!.html).toContain(hook.url);
    expect(mails.map((m) => m.to)).not.toContain(member.email);
    expect((await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).status).toBe("FAILED");

    // A disabled endpoint gets no new deliveries.
    const template = await makeTemplate(org.id);
    await createInvitations(
      db(),
      owner,
      org.id,
      createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Kim", email: "kim@example.com" } }),
    );
    await deliver();
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);

    // An owner enables it again: its failure streak starts afresh.
    await enableEndpoint(db(), owner, org.id, { endpointId: endpoint.id });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      active: true,
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
    });
  });
});

describe("server-side request forgery", () => {
  const refused = async (url: string, message: RegExp) => {
    const { org, owner } = await ownerOf("Ssrf");
    await expect(createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url, events: ["invitation.sent"] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message,
    });
    expect(await db().webhookEndpoint.count({ where: { organizationId: org.id } })).toBe(0);
  };

  it("refuses loopback without the development setting, private, link-local and metadata addresses", async () => {
    process.env.WEBHOOKS_ALLOW_LOOPBACK = "false";
    resetEnvForTests();
    await refused("https://127.0.0.1/hook", /127\.0\.0\.1 is a loopback address/);
    await refused("https://localhost:8443/hook", /localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    await refused("https://[::ffff:127.0.0.1]/hook", /loopback/);
    await refused("https://10.1.2.3/hook", /10\.1\.2\.3 is a private, link-local or reserved address/);
    await refused("https://192.168.0.10/hook", /private/);
    await refused("https://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a cloud metadata address/);
    await refused("https://[fe80::1]/hook", /private, link-local/);
    await refused("http://hooks.example.com/hook", /https:\/\//);
  });

  it("refuses a host name that resolves to a private address, at registration and again at delivery", async () => {
    const names: Record<string, string> = { "internal.example": "10.0.0.5", "rebind.example": "93.184.215.14" };
    setResolverForTests(async (host) => (names[host] ? [{ address: names[host], family: 4 }] : Promise.reject(new Error("ENOTFOUND"))));
    await refused("https://internal.example/hook", /internal\.example resolves to 10\.0\.0\.5, a private, link-local or reserved address/);

    // Registered while it pointed to a public address; its name now points to the metadata service.
    const { org, owner } = await ownerOf("Rebind");
    const { endpoint } = await createEndpoint(
      db(),
      owner,
      org.id,
      createEndpointInput.parse({ url: "https://rebind.example/hook", events: ["invitation.sent"] }),
    );
    names["rebind.example"] = "169.254.169.254";
    await sendTestEvent(db(), owner, org.id, { endpointId: endpoint.id });
    await deliver();
    const [attempt] = await db().webhookAttempt.findMany({ where: { delivery: { endpointId: endpoint.id } } });
    expect(attempt).toMatchObject({
      ok: false,
      responseStatus: null,
      error: expect.stringMatching(/^Refused: rebind\.example resolves to 169\.254\.169\.254, a cloud metadata/),
    });
  });

  it("refuses WEBHOOKS_ALLOW_LOOPBACK in production, but for the test build with dev tools on", async () => {
    const { parseServerEnv } = await import("@/server/config/env");
    const base = { DATABASE_URL: "postgres://localhost/x", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(() => parseServerEnv({ ...base, NODE_ENV: "production", WEBHOOKS_ALLOW_LOOPBACK: "true" })).toThrow(/WEBHOOKS_ALLOW_LOOPBACK/);
    expect(parseServerEnv({ ...base, NODE_ENV: "development", WEBHOOKS_ALLOW_LOOPBACK: "true" }).WEBHOOKS_ALLOW_LOOPBACK).toBe("true");
    // The browser tests' production build, which has dev tools (one-click sign-in) on anyway.
    expect(parseServerEnv({ ...base, NODE_ENV: "production", DEV_TOOLS: "on", WEBHOOKS_ALLOW_LOOPBACK: "true" }).WEBHOOKS_ALLOW_LOOPBACK).toBe("true");
  });
});

describe("secret rotation", () => {
  it("signs with the new secret and, for 24 hours, the old one too; then with the new one only", async () => {
    const { org, owner } = await ownerOf("Rotate");
    const hook = await receiver();
    // By name, so each attempt goes through the connection's own guarded lookup.
    const byName = hook.url.replace("127.0.0.1", "localhost");
    const created = await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: byName, events: ["invitation.sent"] }));
    const rotated = await rotateEndpointSecret(db(), owner, org.id, { endpointId: created.endpoint.id });
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.endpoint.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * HOUR);

    await sendTestEvent(db(), owner, org.id, { endpointId: created.endpoint.id });
    await deliver();
    const during = hook.received.at(-1)!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(created.secret, during).type).toBe("webhook.test");
    expect(verify(rotated.secret, during).type).toBe("webhook.test");

    // A day later the old secret no longer signs.
    await db().webhookEndpoint.update({ where: { id: created.endpoint.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
    await sendTestEvent(db(), owner, org.id, { endpointId: created.endpoint.id });
    await deliver();
    const after = hook.received.at(-1)!;
    expect(verify(rotated.secret, after).type).toBe("webhook.test");
    expect(() => verify(created.secret, after)).toThrow();
    const actions = await db().auditLog.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual(
      ["webhook.endpoint_created", "webhook.secret_rotated", "webhook.test_sent", "webhook.test_sent"].map((action) => ({ action, actorId: owner.id })),
    );
  });
});

describe("editing an endpoint", () => {
  it("moves it to a new URL and event list, keeps its secret, and audits what changed", async () => {
    const { org, owner } = await ownerOf("Edit");
    const before = await receiver();
    const after = await receiver();
    const created = await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: before.url, events: ["invitation.sent"] }));
    const edited = await updateEndpoint(
      db(),
      owner,
      org.id,
      updateEndpointInput.parse({ endpointId: created.endpoint.id, url: after.url, description: " ATS bridge ", events: ["invitation.cancelled"] }),
    );
    expect(edited).toMatchObject({ id: created.endpoint.id, url: after.url, description: "ATS bridge", events: ["invitation.cancelled"] });
    expect(edited).not.toHaveProperty("secret");

    const template = await makeTemplate(org.id);
    const sent = await createInvitations(
      db(),
      owner,
      org.id,
      createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Ida", email: "ida@example.com" } }),
    );
    await cancelInvitation(db(), owner, org.id, sent.created[0]!.id);
    await deliver();
    expect(before.received).toHaveLength(0);
    expect(after.received.map((r) => verify(created.secret, r).type)).toEqual(["invitation.cancelled"]);

    const changed = await db().auditLog.findFirstOrThrow({ where: { organizationId: org.id, action: "webhook.endpoint_updated" } });
    expect(changed).toMatchObject({
      actorId: owner.id,
      targetId: created.endpoint.id,
      data: {
        before: { url: before.url, description: "", events: ["invitation.sent"] },
        after: { url: after.url, description: "ATS bridge", events: ["invitation.cancelled"] },
      },
    });
  });

  it("refuses a private address, another organization's endpoint and an empty event list, and changes nothing", async () => {
    setResolverForTests(async (host) => (host === "hooks.example.com" ? [{ address: "93.184.215.14", family: 4 }] : Promise.reject(new Error("ENOTFOUND"))));
    const { org, owner } = await ownerOf("EditRefused");
    const other = await ownerOf("EditOther");
    const { endpoint } = await createEndpoint(
      db(),
      owner,
      org.id,
      createEndpointInput.parse({ url: "https://hooks.example.com/edit", events: ["invitation.sent"] }),
    );
    process.env.WEBHOOKS_ALLOW_LOOPBACK = "false";
    resetEnvForTests();
    const to = (url: string) => updateEndpointInput.parse({ endpointId: endpoint.id, url, events: ["invitation.opened"] });
    await expect(updateEndpoint(db(), owner, org.id, to("https://10.1.2.3/hook"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: /private/ });
    await expect(updateEndpoint(db(), other.owner, other.org.id, to("https://hooks.example.com/mine"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(updateEndpointInput.safeParse({ endpointId: endpoint.id, url: "https://hooks.example.com/x", events: [] }).error?.issues[0]?.message).toBe(
      "Choose at least one event.",
    );
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      url: "https://hooks.example.com/edit",
      events: ["invitation.sent"],
    });
    expect(await db().auditLog.count({ where: { action: "webhook.endpoint_updated", targetId: endpoint.id } })).toBe(0);
  });
});

describe("the plan", () => {
  it("refuses registering an endpoint on Free, with the plan and where to upgrade, and writes nothing", async () => {
    const { org, owner } = await ownerOf("Free", "FREE");
    await expect(
      createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: "https://hooks.example.com/x", events: ["invitation.sent"] })),
    ).rejects.toMatchObject({ code: "PAYMENT_REQUIRED", message: expect.stringMatching(/Free plan does not include outgoing webhooks.*\/settings\/billing/) });
    expect(await db().webhookEndpoint.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("sends nothing once the organization's plan no longer includes webhooks", async () => {
    const { org, owner } = await ownerOf("Downgraded");
    const hook = await receiver();
    await createEndpoint(db(), owner, org.id, createEndpointInput.parse({ url: hook.url, events: ["invitation.sent"] }));
    await db().subscription.update({ where: { organizationId: org.id }, data: { plan: "FREE" } });
    const template = await makeTemplate(org.id);
    await createInvitations(
      db(),
      owner,
      org.id,
      createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Lee", email: "lee@example.com" } }),
    );
    await deliver();
    expect(hook.received).toHaveLength(0);
  });
});
