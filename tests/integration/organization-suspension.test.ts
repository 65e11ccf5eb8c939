import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { callerFor, cookieFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

const db = () => getDb();

/** A request carrying this cookie: the context loads the user afresh, as every request does. */
const requestWith = async (cookie: string) => createCaller(await createContext({ headers: new Headers({ cookie }) }));

describe("the operator's organizations", () => {
  it("lists each organization with its plan, members, usage this month and storage used", async () => {
    const org = await makeOrg("Listed Acme", "PLUS");
    await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    await makeUser({ role: "HR", orgId: org.id });
    const done = await makeInterview({ organizationId: org.id });
    await db().invitation.update({ where: { id: done.invitation.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    await makeInterview({ organizationId: org.id });
    await db().mediaAsset.create({
      data: {
        organizationId: org.id,
        responseId: done.responses[0]!.id,
        kind: "RECORDING",
        storageDriver: "local",
        storageKey: `k-${org.id}`,
        contentType: "video/webm",
        sizeBytes: 1_500_000n,
      },
    });
    const admin = await makeUser({ role: "ADMIN" });
    const rows = await (await callerFor(admin.id)).organizations.adminList({ query: "listed acme" });
    expect(rows).toEqual([
      expect.objectContaining({ id: org.id, plan: "PLUS", members: 2, completedThisMonth: 1, openInvitations: 1, storageBytes: 1_500_000, suspendedAt: null }),
    ]);
  });

  it("suspends an organization: its HR are signed out, its candidates see a paused interview, it is audited, and reactivating undoes it", async () => {
    const org = await makeOrg("Suspended Co");
    const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const hrCookie = await cookieFor(hr.id);
    await (await requestWith(hrCookie)).users.me();
    const interview = await makeInterview({ organizationId: org.id, consent: true, questions: [{ type: "TEXT" }] });
    const admin = await makeUser({ role: "ADMIN", orgId: org.id, membershipRole: "ADMIN" });
    const adminCaller = await callerFor(admin.id);

    const suspended = await adminCaller.organizations.suspend({ organizationId: org.id });
    expect(suspended.sessionsEnded).toBe(1);
    expect(await db().session.count({ where: { userId: hr.id } })).toBe(0);
    await expect((await requestWith(hrCookie)).users.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // A session made afterwards (a sign-in path that missed the check) is refused and removed too.
    await expect((await callerFor(hr.id)).users.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db().session.count({ where: { userId: hr.id } })).toBe(0);
    // The operator keeps access even as a member.
    await adminCaller.users.me();

    const candidate = await callerFor(null);
    expect(await candidate.interview.state({ token: interview.token })).toMatchObject({ availability: "UNAVAILABLE", reason: "SUSPENDED" });
    await expect(candidate.interview.submitText({ token: interview.token, responseId: interview.responses[0]!.id, text: "My answer." })).rejects.toThrow(
      /paused because the hiring organization's account is suspended/,
    );
    await expect(adminCaller.organizations.suspend({ organizationId: org.id })).rejects.toThrow(/already suspended/);

    await adminCaller.organizations.reactivate({ organizationId: org.id });
    expect(await candidate.interview.state({ token: interview.token })).toMatchObject({ availability: "OPEN" });
    await (await callerFor(hr.id)).users.me();
    const audits = await db().auditLog.findMany({ where: { targetId: org.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audits).toEqual([
      { action: "organization.suspended", actorId: admin.id },
      { action: "organization.reactivated", actorId: admin.id },
    ]);
    await expect(adminCaller.organizations.reactivate({ organizationId: org.id })).rejects.toThrow(/not suspended/);
    await expect(adminCaller.organizations.suspend({ organizationId: "missing" })).rejects.toThrow(/organization was not found/);
  });
});
