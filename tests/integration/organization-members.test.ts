import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

describe("organization owners", () => {
  it("a member who joins is no owner; an owner makes them one, and owners remove members", async () => {
    const org = await makeOrg("Owners");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const joiner = await makeUser({ role: null });
    await (await callerFor(joiner.id)).users.selectRole({ role: "HR", organization: { mode: "join", joinCode: org.joinCode } });
    await (await callerFor(owner.id)).organizations.approveJoin({ userId: joiner.id });
    const joined = await getDb().membership.findUniqueOrThrow({ where: { userId_organizationId: { userId: joiner.id, organizationId: org.id } } });
    expect(joined.orgRole).toBe("MEMBER");

    await expect((await callerFor(joiner.id)).organizations.removeMember({ userId: owner.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await (await callerFor(owner.id)).organizations.makeOwner({ userId: joiner.id });
    // Now an owner, the joiner may remove the first owner: one owner remains.
    await (await callerFor(joiner.id)).organizations.removeMember({ userId: owner.id });
    expect(await getDb().membership.findMany({ where: { organizationId: org.id }, select: { userId: true, orgRole: true } })).toEqual([
      { userId: joiner.id, orgRole: "OWNER" },
    ]);
  });

  it("never removes the last owner", async () => {
    const org = await makeOrg("Last owner");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    await expect((await callerFor(owner.id)).organizations.removeMember({ userId: owner.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/at least one owner/),
    });
  });
});
