import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const db = () => getDb();

async function ownedOrg(name: string) {
  const org = await makeOrg(name);
  const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  const member = await makeUser({ role: "HR", orgId: org.id });
  return { org, owner, member };
}

const join = async (userId: string, joinCode: string) => (await callerFor(userId)).users.selectRole({ role: "HR", organization: { mode: "join", joinCode } });

// Hardening finding 4: a join code alone gave HR access to every recording; now an owner decides.
describe("joining an organization waits for an owner's approval", () => {
  it("a join code makes a request, not a member; the owners are told; the newcomer sees it pending", async () => {
    const { org, owner, member } = await ownedOrg("Approve");
    const newcomer = await makeUser({ role: null });
    const result = await join(newcomer.id, org.joinCode);
    expect(result).toMatchObject({ role: null, pendingOrganization: org.name });

    expect(await db().membership.count({ where: { organizationId: org.id, userId: newcomer.id } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: newcomer.id } })).role).toBeNull();
    await expect((await callerFor(newcomer.id)).templates.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await (await callerFor(newcomer.id)).users.joinRequest()).toMatchObject({ organizationName: org.name, status: "PENDING" });

    const told = await db().notification.findMany({ where: { organizationId: org.id, type: "organization.join_requested" }, select: { userId: true } });
    expect(told.map((n) => n.userId)).toEqual([owner.id]);

    await expect((await callerFor(member.id)).organizations.joinRequests()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const pending = await (await callerFor(owner.id)).organizations.joinRequests();
    expect(pending).toMatchObject([{ userId: newcomer.id, email: newcomer.email, name: newcomer.name }]);

    await (await callerFor(owner.id)).organizations.approveJoin({ userId: newcomer.id });
    const membership = await db().membership.findUniqueOrThrow({ where: { userId_organizationId: { userId: newcomer.id, organizationId: org.id } } });
    expect(membership).toMatchObject({ role: "HR", orgRole: "MEMBER" });
    expect((await db().user.findUniqueOrThrow({ where: { id: newcomer.id } })).role).toBe("HR");
    expect(await (await callerFor(owner.id)).organizations.joinRequests()).toEqual([]);
    expect(await db().notification.count({ where: { userId: newcomer.id, type: "organization.join_approved" } })).toBe(1);
    expect(
      await db().auditLog.count({ where: { organizationId: org.id, action: { in: ["organization.join_requested", "organization.join_approved"] } } }),
    ).toBe(2);
    await (await callerFor(newcomer.id)).templates.list({});
  });

  it("a declined request gives nothing, and the newcomer may still choose another way", async () => {
    const { org, owner } = await ownedOrg("Decline");
    const newcomer = await makeUser({ role: null });
    await join(newcomer.id, org.joinCode);
    await (await callerFor(owner.id)).organizations.declineJoin({ userId: newcomer.id });
    expect(await db().membership.count({ where: { organizationId: org.id, userId: newcomer.id } })).toBe(0);
    expect(await (await callerFor(newcomer.id)).users.joinRequest()).toMatchObject({ status: "DECLINED" });
    await expect((await callerFor(owner.id)).organizations.approveJoin({ userId: newcomer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await (await callerFor(newcomer.id)).users.selectRole({ role: "CANDIDATE" });
    expect((await db().user.findUniqueOrThrow({ where: { id: newcomer.id } })).role).toBe("CANDIDATE");
  });

  it("a newcomer who chose another way meanwhile is not made a member, and may withdraw the request", async () => {
    const { org, owner } = await ownedOrg("Withdrawn");
    const changed = await makeUser({ role: null });
    await join(changed.id, org.joinCode);
    await (await callerFor(changed.id)).users.selectRole({ role: "HR", organization: { mode: "create", name: "Own company" } });
    // Choosing another way withdraws the request, so the owner has nothing left to approve.
    expect(await (await callerFor(owner.id)).organizations.joinRequests()).toEqual([]);
    await expect((await callerFor(owner.id)).organizations.approveJoin({ userId: changed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const withdrawing = await makeUser({ role: null });
    await join(withdrawing.id, org.joinCode);
    await (await callerFor(withdrawing.id)).users.cancelJoinRequest();
    expect(await (await callerFor(withdrawing.id)).users.joinRequest()).toBeNull();
    expect(await (await callerFor(owner.id)).organizations.joinRequests()).toEqual([]);
  });

  it("another organization's owner cannot approve", async () => {
    const { org } = await ownedOrg("Tenant");
    const other = await ownedOrg("Other");
    const newcomer = await makeUser({ role: null });
    await join(newcomer.id, org.joinCode);
    await expect((await callerFor(other.owner.id)).organizations.approveJoin({ userId: newcomer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { userId: newcomer.id } })).toBe(0);
  });

  it("approval takes an HR seat: two requests for the last seat, the second approval is refused", async () => {
    const org = await makeOrg("Seat", "PLUS");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    for (let i = 0; i < 3; i += 1) await makeUser({ role: "HR", orgId: org.id });
    const [first, second] = [await makeUser({ role: null }), await makeUser({ role: null })];
    await join(first.id, org.joinCode);
    await join(second.id, org.joinCode);
    const ownerCaller = await callerFor(owner.id);
    await ownerCaller.organizations.approveJoin({ userId: first.id });
    await expect(ownerCaller.organizations.approveJoin({ userId: second.id })).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
    expect(await db().membership.count({ where: { organizationId: org.id } })).toBe(5);
    expect(await db().joinRequest.findFirstOrThrow({ where: { userId: second.id } })).toMatchObject({ status: "PENDING" });
  });
});
