import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { functions } from "@/inngest/functions";
import { relayOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { ORG_DAILY_LIMIT } from "@/server/invitations/create";
import { expireInvitations } from "@/server/invitations/expire";
import { hashInvitationToken } from "@/server/invitations/token";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { invite, makeTemplate } from "./authz/invitations.cases";

// Switches for the outbox write and the mail call, so a test can make one of them fail; both
// otherwise run the real code (the dev mail driver writes to email_messages).
const faults = vi.hoisted(() => ({ bounceOnce: new Set<string>(), failOutboxAfter: Number.POSITIVE_INFINITY }));

vi.mock("@/server/mail/send", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/mail/send")>();
  return {
    ...real,
    sendEmail: async (msg: Parameters<typeof real.sendEmail>[0]) => {
      if (faults.bounceOnce.delete(msg.to)) throw new Error("Mailbox unavailable");
      return real.sendEmail(msg);
    },
  };
});

vi.mock("@/server/events/outbox", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/events/outbox")>();
  let calls = 0;
  return {
    ...real,
    enqueueEvent: ((...args: Parameters<typeof real.enqueueEvent>) => {
      calls += 1;
      if (calls > faults.failOutboxAfter) throw new Error("outbox write failed");
      return real.enqueueEvent(...args);
    }) as typeof real.enqueueEvent,
  };
});

const db = () => getDb();
const runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 5, backoffMaxMs: 20, log: () => {} });
afterAll(() => runner.stop());

/** What the app does in the background after a request: relay its events and run their functions. */
async function deliver() {
  for (let i = 0; i < 20; i++) {
    await relayOutbox(db(), {}, new Date(Date.now() + 60 * 60_000));
    await runner.drain();
    const due = await db().jobRun.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
    if (!due && !(await db().outboxEvent.count({ where: { sentAt: null } }))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("background work did not settle");
}

const APP_URL = process.env.APP_URL!.replace(/\/+$/, "");
const DAY = 24 * 60 * 60 * 1000;

/** The token in the newest invitation email to `to`, read from the stored message as a candidate would. */
async function linkTokenFor(to: string) {
  await deliver();
  const mail = await db().emailMessage.findFirst({ where: { to, template: "invitation" }, orderBy: { createdAt: "desc" } });
  expect(mail, `an invitation email to ${to}`).not.toBeNull();
  const match = new RegExp(`${APP_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/i/([A-Za-z0-9_-]{43})`).exec(`${mail!.html}\n${mail!.text}`);
  expect(match, "the link in the email").not.toBeNull();
  return match![1]!;
}

async function hrIn(orgName: string) {
  const org = await makeOrg(orgName);
  const hr = await makeUser({ role: "HR", orgId: org.id });
  return { org, hr, caller: await callerFor(hr.id) };
}

async function zodIssues(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  return ((error as TRPCError).cause as unknown as { issues: { path: PropertyKey[]; message: string }[] }).issues.map(
    (i) => `${i.path.join(".")}: ${i.message}`,
  );
}

describe("inviting a batch", () => {
  let ctx: Awaited<ReturnType<typeof hrIn>>;
  let templateId: string;
  beforeAll(async () => {
    ctx = await hrIn("Batch");
    templateId = (await makeTemplate(ctx.org.id)).id;
  });

  it("writes invitations, one response per question of the version, audit and outbox rows; the function then emails each link", async () => {
    const before = Date.now();
    const result = await ctx.caller.invitations.create({
      templateId,
      candidates: { mode: "list", text: "Ann Archer, ann@example.com\nBob Baker\tbob@example.com\nAnn again, ANN@example.com" },
      expiresInDays: 7,
      message: "Looking forward to it!",
    });
    expect(result.created.map((c) => c.candidateEmail)).toEqual(["ann@example.com", "bob@example.com"]);
    // Nothing leaves from inside the request.
    expect(await db().emailMessage.count({ where: { to: { in: ["ann@example.com", "bob@example.com"] } } })).toBe(0);
    expect(result.duplicates).toEqual(["ann@example.com"]);
    expect(result.alreadyInvited).toEqual([]);

    const version = await db().templateVersion.findUniqueOrThrow({ where: { id: result.templateVersionId } });
    expect(version.templateId).toBe(templateId);
    const snapshotQuestions = (version.snapshot as { questions: { id: string; position: number; type: string }[] }).questions;
    expect(snapshotQuestions).toHaveLength(2);

    const invitations = await db().invitation.findMany({
      where: { organizationId: ctx.org.id },
      include: { responses: { orderBy: { position: "asc" } } },
      orderBy: { candidateEmail: "asc" },
    });
    expect(invitations).toHaveLength(2);
    for (const inv of invitations) {
      expect(inv).toMatchObject({ templateId, templateVersionId: version.id, status: "SENT", message: "Looking forward to it!", createdById: ctx.hr.id });
      expect(inv.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(inv.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * DAY - 1000);
      expect(inv.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * DAY);
      expect(inv.responses.map((r) => ({ questionId: r.questionId, position: r.position, type: r.type, status: r.status }))).toEqual(
        snapshotQuestions.map((q) => ({ questionId: q.id, position: q.position, type: q.type, status: "PENDING" })),
      );
    }

    const events = await db().outboxEvent.findMany({ where: { organizationId: ctx.org.id, name: "invitation.sent" } });
    expect(events.map((e) => (e.payload as { invitationId: string }).invitationId).sort()).toEqual(invitations.map((i) => i.id).sort());
    expect(await db().auditLog.count({ where: { organizationId: ctx.org.id, action: "invitation.sent", actorId: ctx.hr.id } })).toBe(2);

    for (const inv of invitations) {
      const token = await linkTokenFor(inv.candidateEmail);
      expect(hashInvitationToken(token)).toBe(inv.tokenHash);
    }
    const mail = await db().emailMessage.findFirstOrThrow({ where: { to: "ann@example.com", template: "invitation" } });
    expect(mail.html).toContain("Looking forward to it!");
  });

  it("leaves out candidates who already hold an open invitation to the template", async () => {
    const result = await ctx.caller.invitations.create({ templateId, candidates: { mode: "list", text: "Ann, ann@example.com\nCleo, cleo@example.com" } });
    expect(result.created.map((c) => c.candidateEmail)).toEqual(["cleo@example.com"]);
    expect(result.alreadyInvited).toEqual([{ name: "Ann", email: "ann@example.com" }]);
    expect(await db().invitation.count({ where: { organizationId: ctx.org.id, candidateEmail: "ann@example.com" } })).toBe(1);
  });

  it("keeps the invitation when its email fails, and the function sends it on a retry, once", async () => {
    faults.bounceOnce.add("dora@example.com");
    const result = await ctx.caller.invitations.create({ templateId, candidates: { mode: "list", text: "Dora, dora@example.com\nEd, ed@example.com" } });
    await deliver();
    expect(faults.bounceOnce.size).toBe(0);
    const dora = await db().invitation.findUniqueOrThrow({ where: { id: result.created[0]!.id } });
    expect(dora.status).toBe("SENT");
    expect(await db().emailMessage.count({ where: { to: "dora@example.com", template: "invitation" } })).toBe(1);
    expect(hashInvitationToken(await linkTokenFor("dora@example.com"))).toBe(dora.tokenHash);
    const run = await db().jobRun.findFirstOrThrow({
      where: { functionId: { endsWith: "invitation-email" }, event: { path: ["data", "invitationId"], equals: dora.id } },
    });
    expect(run.status).toBe("COMPLETED");
  });

  it("writes nothing when part of the batch fails inside the transaction", async () => {
    const { org, caller } = await hrIn("Atomic");
    const t = await makeTemplate(org.id);
    faults.failOutboxAfter = 1;
    try {
      await expect(
        caller.invitations.create({ templateId: t.id, candidates: { mode: "list", text: "Fay, fay@example.com\nGus, gus@example.com" } }),
      ).rejects.toThrow();
    } finally {
      faults.failOutboxAfter = Number.POSITIVE_INFINITY;
    }
    expect(await db().invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db().response.count({ where: { invitation: { organizationId: org.id } } })).toBe(0);
    expect(await db().outboxEvent.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db().emailMessage.count({ where: { to: { in: ["fay@example.com", "gus@example.com"] } } })).toBe(0);
  });

  it("refuses a pasted list with bad lines, naming each, and writes nothing", async () => {
    const { org, caller } = await hrIn("Lines");
    const t = await makeTemplate(org.id);
    const issues = await zodIssues(
      caller.invitations.create({ templateId: t.id, candidates: { mode: "list", text: "Hal, hal@example.com\nIvy, ivy@\n\nbob@" } }),
    );
    expect(issues).toEqual(["candidates.text: line 2: 'ivy@' is not an email", 'candidates.text: line 4: write it as "name, email"']);
    expect(await db().invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db().templateVersion.count({ where: { templateId: t.id } })).toBe(0);
    expect(await db().emailMessage.count({ where: { to: "hal@example.com" } })).toBe(0);
  });

  it("takes a full batch of 200 in one go", async () => {
    const { org, caller } = await hrIn("Full");
    const t = await makeTemplate(org.id);
    const text = Array.from({ length: 200 }, (_, i) => `Candidate ${i}, full${i}@example.com`).join("\n");
    const result = await caller.invitations.create({ templateId: t.id, candidates: { mode: "list", text } });
    expect(result.created).toHaveLength(200);
    expect(await db().response.count({ where: { invitation: { organizationId: org.id } } })).toBe(400);
    expect(await db().outboxEvent.count({ where: { organizationId: org.id } })).toBe(200);
  });

  it("enforces the batch size, the expiry range and the message length", async () => {
    const tooMany = Array.from({ length: 201 }, (_, i) => `C${i}, c${i}@example.com`).join("\n");
    expect(await zodIssues(ctx.caller.invitations.create({ templateId, candidates: { mode: "list", text: tooMany } }))).toEqual([
      "candidates.text: 201 candidates: invite at most 200 at once, and split the list",
    ]);
    expect(
      await zodIssues(
        ctx.caller.invitations.create({
          templateId,
          candidates: { mode: "one", name: "J", email: "j@example.com" },
          expiresInDays: 0,
          message: "m".repeat(1001),
        }),
      ),
    ).toEqual(["expiresInDays: The link must stay valid at least 1 day", "message: Keep the message under 1000 characters"]);
  });

  it("refuses draft and archived templates without creating a version", async () => {
    for (const status of ["DRAFT", "ARCHIVED"] as const) {
      const t = await makeTemplate(ctx.org.id, { status });
      await expect(
        ctx.caller.invitations.create({ templateId: t.id, candidates: { mode: "one", name: "Kim", email: "kim@example.com" } }),
      ).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining(status === "DRAFT" ? "draft" : "archived"),
      });
      expect(await db().templateVersion.count({ where: { templateId: t.id } })).toBe(0);
    }
    expect(await db().invitation.count({ where: { candidateEmail: "kim@example.com" } })).toBe(0);
  });

  it("stops an organization at its daily sanity limit", async () => {
    const { org, hr, caller } = await hrIn("Busy");
    const t = await makeTemplate(org.id);
    const versionId = (await db().templateVersion.create({ data: { templateId: t.id, version: 99, snapshot: {}, hash: "bulk" } })).id;
    await db().invitation.createMany({
      data: Array.from({ length: ORG_DAILY_LIMIT - 1 }, (_, i) => ({
        organizationId: org.id,
        templateId: t.id,
        templateVersionId: versionId,
        createdById: hr.id,
        candidateName: `Bulk ${i}`,
        candidateEmail: `bulk${i}@example.com`,
        tokenHash: `bulk-${org.id}-${i}`,
        expiresAt: new Date(Date.now() + DAY),
      })),
    });
    await expect(
      caller.invitations.create({ templateId: t.id, candidates: { mode: "list", text: "Lee, lee@example.com\nMo, mo@example.com" } }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    const one = await caller.invitations.create({ templateId: t.id, candidates: { mode: "one", name: "Lee", email: "lee@example.com" } });
    expect(one.created).toHaveLength(1);
  });
});

describe("resending and cancelling", () => {
  let ctx: Awaited<ReturnType<typeof hrIn>>;
  let templateId: string;
  beforeAll(async () => {
    ctx = await hrIn("Manage");
    templateId = (await makeTemplate(ctx.org.id)).id;
  });

  it("resend replaces the token, so only the newly emailed link works, and extends the expiry when asked", async () => {
    const id = await invite(ctx.hr.id, ctx.org.id, templateId, "nina@example.com");
    const oldToken = await linkTokenFor("nina@example.com");
    const before = await db().invitation.findUniqueOrThrow({ where: { id } });
    expect(before.tokenHash).toBe(hashInvitationToken(oldToken));

    const kept = await ctx.caller.invitations.resend({ invitationId: id });
    expect(kept).toMatchObject({ id, status: "SENT", expiresAt: before.expiresAt });
    // The old link stops working at once, before the new email has left.
    expect(await db().invitation.count({ where: { tokenHash: hashInvitationToken(oldToken) } })).toBe(0);
    const newToken = await linkTokenFor("nina@example.com");
    expect(newToken).not.toBe(oldToken);
    const after = await db().invitation.findUniqueOrThrow({ where: { id } });
    expect(after.tokenHash).toBe(hashInvitationToken(newToken));
    expect(await db().invitation.count({ where: { tokenHash: hashInvitationToken(oldToken) } })).toBe(0);
    expect(after.remindedAt).not.toBeNull();

    const extended = await ctx.caller.invitations.resend({ invitationId: id, expiresInDays: 30 });
    expect(extended.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(extended.expiresAt);
    expect(await db().auditLog.count({ where: { targetId: id, action: "invitation.resent" } })).toBe(2);
  });

  it("an expired invitation comes back only with a new expiry, where the candidate had got to", async () => {
    const id = await invite(ctx.hr.id, ctx.org.id, templateId, "omar@example.com");
    await db().invitation.update({
      where: { id },
      data: { status: "EXPIRED", openedAt: new Date(Date.now() - 3 * DAY), expiresAt: new Date(Date.now() - DAY) },
    });
    await expect(ctx.caller.invitations.resend({ invitationId: id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const result = await ctx.caller.invitations.resend({ invitationId: id, expiresInDays: 5 });
    expect(result).toMatchObject({ status: "OPENED" });
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).status).toBe("OPENED");
  });

  it("cancel closes an open invitation once; completed ones can be neither cancelled nor resent", async () => {
    const open = await invite(ctx.hr.id, ctx.org.id, templateId, "pia@example.com");
    const first = await ctx.caller.invitations.cancel({ invitationId: open });
    expect(first).toMatchObject({ id: open, status: "CANCELLED" });
    const again = await ctx.caller.invitations.cancel({ invitationId: open });
    expect(again.cancelledAt).toEqual(first.cancelledAt);
    expect(await db().auditLog.count({ where: { targetId: open, action: "invitation.cancelled" } })).toBe(1);
    await expect(ctx.caller.invitations.resend({ invitationId: open })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const done = await invite(ctx.hr.id, ctx.org.id, templateId, "quinn@example.com");
    await db().invitation.update({ where: { id: done }, data: { status: "COMPLETED", completedAt: new Date() } });
    await expect(ctx.caller.invitations.cancel({ invitationId: done })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("completed"),
    });
    await expect(ctx.caller.invitations.resend({ invitationId: done })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await db().invitation.findUniqueOrThrow({ where: { id: done } })).status).toBe("COMPLETED");

    const expired = await invite(ctx.hr.id, ctx.org.id, templateId, "rae@example.com");
    await db().invitation.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(ctx.caller.invitations.cancel({ invitationId: expired })).resolves.toMatchObject({ status: "CANCELLED" });
  });
});

describe("expiry and listing", () => {
  let ctx: Awaited<ReturnType<typeof hrIn>>;
  let backend: string;
  let frontend: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await hrIn("List");
    backend = (await makeTemplate(ctx.org.id, { title: "Backend" })).id;
    frontend = (await makeTemplate(ctx.org.id, { title: "Frontend" })).id;
    for (const [name, t] of [
      ["sam", backend],
      ["tara", backend],
      ["uma", frontend],
      ["vic", frontend],
      ["wes", backend],
    ] as const) {
      ids[name] = await invite(ctx.hr.id, ctx.org.id, t, `${name}@example.com`);
    }
    const past = new Date(Date.now() - 60_000);
    await db().invitation.update({ where: { id: ids.tara }, data: { expiresAt: past } });
    await db().invitation.update({ where: { id: ids.uma }, data: { status: "IN_PROGRESS", startedAt: new Date(), expiresAt: past } });
    await db().invitation.update({ where: { id: ids.vic }, data: { status: "COMPLETED", completedAt: new Date(), expiresAt: past } });
    await db().invitation.update({ where: { id: ids.wes }, data: { status: "OPENED", openedAt: new Date() } });
    // Another organization's invitation to a look-alike candidate, which no filter may return.
    const other = await hrIn("Elsewhere");
    await invite(other.hr.id, other.org.id, (await makeTemplate(other.org.id)).id, "sam.other@example.com");
  });

  const emails = (r: { items: { candidateEmail: string }[] }) => r.items.map((i) => i.candidateEmail).sort();

  it("shows past-due invitations as expired before the clean-up has run", async () => {
    const all = await ctx.caller.invitations.list({});
    expect(all.total).toBe(5);
    expect(Object.fromEntries(all.items.map((i) => [i.candidateEmail, i.status]))).toEqual({
      "sam@example.com": "SENT",
      "tara@example.com": "EXPIRED",
      "uma@example.com": "EXPIRED",
      "vic@example.com": "COMPLETED",
      "wes@example.com": "OPENED",
    });
    expect(emails(await ctx.caller.invitations.list({ status: "EXPIRED" }))).toEqual(["tara@example.com", "uma@example.com"]);
    expect(emails(await ctx.caller.invitations.list({ status: "SENT" }))).toEqual(["sam@example.com"]);
    expect(emails(await ctx.caller.invitations.list({ status: "IN_PROGRESS" }))).toEqual([]);
  });

  it("filters by template and status, searches names and emails, and pages", async () => {
    expect(emails(await ctx.caller.invitations.list({ templateId: frontend }))).toEqual(["uma@example.com", "vic@example.com"]);
    expect(emails(await ctx.caller.invitations.list({ templateId: backend, status: "OPENED" }))).toEqual(["wes@example.com"]);
    expect(emails(await ctx.caller.invitations.list({ query: "SAM" }))).toEqual(["sam@example.com"]);
    expect(emails(await ctx.caller.invitations.list({ query: "casey" }))).toHaveLength(5);
    expect(emails(await ctx.caller.invitations.list({ query: "nobody" }))).toEqual([]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.caller.invitations.list({ take: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(Object.values(ids).sort());
  });

  it("never lists another organization's invitations, even given its template id", async () => {
    const elsewhere = await db().invitation.findFirstOrThrow({ where: { candidateEmail: "sam.other@example.com" } });
    expect((await ctx.caller.invitations.list({ templateId: elsewhere.templateId })).items).toEqual([]);
    expect(emails(await ctx.caller.invitations.list({ query: "sam" }))).toEqual(["sam@example.com"]);
  });

  it("offers published templates, and templates with invitations for the filter", async () => {
    const draft = await makeTemplate(ctx.org.id, { title: "Draft", status: "DRAFT" });
    const options = await ctx.caller.invitations.templates();
    expect(options.map((o) => o.title)).toEqual(["Backend", "Frontend"]);
    expect(options.every((o) => o.questionCount === 2)).toBe(true);
    expect(options.map((o) => o.id)).not.toContain(draft.id);
  });

  it("expireInvitations stores the expiry of past-due open invitations only, each with its invitation.expired event", async () => {
    expect(await expireInvitations(db(), new Date())).toBeGreaterThanOrEqual(2);
    const statuses = Object.fromEntries(
      (await db().invitation.findMany({ where: { organizationId: ctx.org.id }, select: { candidateEmail: true, status: true } })).map((i) => [
        i.candidateEmail,
        i.status,
      ]),
    );
    expect(statuses).toEqual({
      "sam@example.com": "SENT",
      "tara@example.com": "EXPIRED",
      "uma@example.com": "EXPIRED",
      "vic@example.com": "COMPLETED",
      "wes@example.com": "OPENED",
    });
    const expiredEvents = async () =>
      (await db().outboxEvent.findMany({ where: { name: "invitation.expired", organizationId: ctx.org.id } }))
        .map((e) => (e.payload as { invitationId: string }).invitationId)
        .sort();
    expect(await expiredEvents()).toEqual([ids.tara, ids.uma].sort());
    expect(await expireInvitations(db(), new Date())).toBe(0);
    // As of a later time, the rest of the open ones are due.
    expect(await expireInvitations(db(), new Date(Date.now() + 15 * DAY))).toBeGreaterThanOrEqual(2);
    expect((await db().invitation.findUniqueOrThrow({ where: { id: ids.wes } })).status).toBe("EXPIRED");
    expect(await expiredEvents()).toEqual([ids.tara, ids.uma, ids.sam, ids.wes].sort());
  });
});
