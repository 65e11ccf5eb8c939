import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/server/db/client";
import { createInvitationsInput } from "@/server/invitations/invitations.schema";
import { templateInput } from "@/server/templates/templates.schema";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeTemplate } from "./authz/invitations.cases";

const db = () => getDb();
const content = templateInput.parse({
  title: "Support Engineer",
  description: "Help customers run our product.",
  rubric: [{ competency: "Empathy", weight: 1, looksFor: "Listens before answering" }],
  questions: [{ prompt: "Tell us about a hard customer conversation.", type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1 }],
});

async function freeOrg(name: string) {
  const org = await makeOrg(name, "FREE");
  const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  return { org, hr, caller: await callerFor(hr.id) };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

// What the form sends; the procedure parses it with createInvitationsInput.
const inviteInput = (templateId: string, emails: string[]): z.input<typeof createInvitationsInput> => ({
  templateId,
  candidates: { mode: "list", text: emails.map((e, i) => `Candidate ${i}, ${e}`).join("\n") },
});

describe("quotas", () => {
  it("refuses a sixth active template on Free, names the limit, the plan and where to upgrade, and writes nothing", async () => {
    const { org, caller } = await freeOrg("Templates");
    for (let i = 0; i < 5; i += 1) await caller.templates.create(content);
    const before = await db().auditLog.count({ where: { organizationId: org.id } });
    const error = await refusal(caller.templates.create(content));
    expect(error.code).toBe("PAYMENT_REQUIRED");
    expect(error.message).toMatch(/Free plan allows 5 templates that are not archived; your organization uses 5/);
    expect(error.message).toContain("http://localhost:3000/settings/billing");
    expect(await db().template.count({ where: { organizationId: org.id } })).toBe(5);
    expect(await db().auditLog.count({ where: { organizationId: org.id } })).toBe(before);

    const first = (await db().template.findFirstOrThrow({ where: { organizationId: org.id } })).id;
    expect((await refusal(caller.templates.duplicate({ id: first }))).code).toBe("PAYMENT_REQUIRED");
    // Archived templates do not count, and bringing one back needs a free slot again.
    await caller.templates.setStatus({ id: first, status: "ARCHIVED" });
    await caller.templates.create(content);
    expect((await refusal(caller.templates.setStatus({ id: first, status: "DRAFT" }))).code).toBe("PAYMENT_REQUIRED");
  });

  it("counts interviews completed this month plus invitations still open, and a batch passes whole or not at all", async () => {
    const { org, caller } = await freeOrg("Invitations");
    const template = await makeTemplate(org.id);
    await caller.invitations.create(inviteInput(template.id, ["a@example.com", "b@example.com"]));
    const events = await db().outboxEvent.count({ where: { organizationId: org.id } });
    const error = await refusal(caller.invitations.create(inviteInput(template.id, ["c@example.com", "d@example.com"])));
    expect(error.code).toBe("PAYMENT_REQUIRED");
    expect(error.message).toMatch(/Free plan allows 3 interviews a billing month.*uses 2 and this would add 2/);
    expect(await db().invitation.count({ where: { organizationId: org.id } })).toBe(2);
    expect(await db().outboxEvent.count({ where: { organizationId: org.id } })).toBe(events);

    // A cancelled invitation frees its slot; one completed last month takes none of this month's.
    const [a, b] = await db().invitation.findMany({ where: { organizationId: org.id }, orderBy: { candidateEmail: "asc" } });
    await caller.invitations.cancel({ invitationId: a!.id });
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) - 1000);
    await db().invitation.update({ where: { id: b!.id }, data: { status: "COMPLETED", completedAt: lastMonth } });
    await caller.invitations.create(inviteInput(template.id, ["c@example.com", "d@example.com", "e@example.com"]));
    expect((await refusal(caller.invitations.create(inviteInput(template.id, ["f@example.com"])))).code).toBe("PAYMENT_REQUIRED");
    // Completing an interview already sent is never refused: it was counted when it was sent.
    const c = await db().invitation.findFirstOrThrow({ where: { organizationId: org.id, candidateEmail: "c@example.com" } });
    await db().invitation.update({ where: { id: c.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    expect((await refusal(caller.invitations.create(inviteInput(template.id, ["f@example.com"])))).code).toBe("PAYMENT_REQUIRED");
  });

  it("refuses a second HR seat on Free and leaves the newcomer as they were", async () => {
    const { org } = await freeOrg("Seats");
    const newcomer = await makeUser({ role: null });
    const error = await refusal((await callerFor(newcomer.id)).users.selectRole({ role: "HR", organization: { mode: "join", joinCode: org.joinCode } }));
    expect(error.code).toBe("PAYMENT_REQUIRED");
    expect(error.message).toMatch(/Free plan allows 1 HR seats/);
    expect(await db().user.findUniqueOrThrow({ where: { id: newcomer.id }, select: { role: true } })).toEqual({ role: null });
    expect(await db().membership.count({ where: { organizationId: org.id } })).toBe(1);
  });

  // The embedded engine runs one transaction at a time; tests/postgres/billing-quota.test.ts races them on a real server.
  it("lets only one of two concurrent requests take the last slot", async () => {
    const { org, caller } = await freeOrg("Race");
    for (let i = 0; i < 4; i += 1) await caller.templates.create(content);
    const other = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    const results = await Promise.allSettled([caller.templates.create(content), other.templates.create(content)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().template.count({ where: { organizationId: org.id } })).toBe(5);

    const template = await makeTemplate(org.id);
    await caller.invitations.create(inviteInput(template.id, ["one@example.com", "two@example.com"]));
    const invites = await Promise.allSettled([
      caller.invitations.create(inviteInput(template.id, ["three@example.com"])),
      other.invitations.create(inviteInput(template.id, ["four@example.com"])),
    ]);
    expect(invites.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().invitation.count({ where: { organizationId: org.id } })).toBe(3);
  });

  it("follows the plan: Pro has no limit", async () => {
    const org = await makeOrg("Pro");
    const caller = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    for (let i = 0; i < 6; i += 1) await caller.templates.create(content);
    expect(await db().template.count({ where: { organizationId: org.id } })).toBe(6);
  });
});
