import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../../helpers/actors";
import { makeTemplate } from "../authz/invitations.cases";

describe("list cursors resolve inside the caller's organization (finding 10)", () => {
  it("another organization's id as a cursor answers like a made-up one", async () => {
    const mine = await makeOrg("Mine");
    const theirs = await makeOrg("Theirs");
    const hr = await makeUser({ role: "HR", orgId: mine.id });
    const other = await makeUser({ role: "HR", orgId: theirs.id });
    const db = getDb();
    const later = new Date("2100-01-01T00:00:00Z");
    for (let i = 0; i < 3; i++)
      await db.auditLog.create({ data: { organizationId: mine.id, actorId: hr.id, action: "test.mine", targetType: "t", targetId: String(i) } });
    const foreign = await db.auditLog.create({
      data: { organizationId: theirs.id, actorId: other.id, action: "test.theirs", targetType: "t", targetId: "x", createdAt: later },
    });
    await makeTemplate(mine.id);
    const foreignTemplate = await makeTemplate(theirs.id);
    await db.template.update({ where: { id: foreignTemplate.id }, data: { updatedAt: later } });

    const api = await callerFor(hr.id);
    const madeUp = await api.analysis.auditLog({ cursor: "c".repeat(25) });
    expect(madeUp.items).toEqual([]);
    expect((await api.analysis.auditLog({ cursor: foreign.id })).items).toEqual(madeUp.items);
    expect((await api.templates.list({ cursor: foreignTemplate.id })).items).toEqual((await api.templates.list({ cursor: "c".repeat(25) })).items);

    const own = await api.analysis.auditLog({ take: 1 });
    expect(own.nextCursor).not.toBeNull();
    expect((await api.analysis.auditLog({ take: 1, cursor: own.nextCursor })).items).toHaveLength(1);
  });
});
