import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { needsAttention } from "@/server/organizations/attention";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { invite, makeTemplate } from "./authz/invitations.cases";

const DAY = 86_400_000;
const db = () => getDb();

async function analysis(organizationId: string, invitationId: string, flagged: boolean) {
  return db().analysis.create({
    data: {
      organizationId,
      invitationId,
      status: "COMPLETE",
      engine: "offline",
      model: "m",
      promptVersion: "v1",
      inputHash: `${invitationId}-${flagged}`,
      flagged,
      overallScore: 3,
    },
  });
}

describe("the dashboard's needs-attention list", () => {
  let orgId: string;
  let hrId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const org = await makeOrg("Attention");
    orgId = org.id;
    hrId = (await makeUser({ role: "HR", orgId })).id;
    const template = await makeTemplate(orgId, { title: "Support Lead" });
    for (const key of ["reviewed", "unreviewed", "flagged", "expiring", "later", "failed"])
      ids[key] = await invite(hrId, orgId, template.id, `${key}-${Date.now()}@example.com`);

    const now = Date.now();
    for (const key of ["reviewed", "unreviewed", "flagged"]) {
      await db().invitation.update({
        where: { id: ids[key] },
        data: { status: "COMPLETED", completedAt: new Date(now - DAY), expiresAt: new Date(now - DAY) },
      });
    }
    const reviewed = await analysis(orgId, ids.reviewed!, false);
    await db().analysisOverride.create({
      data: { analysisId: reviewed.id, userId: hrId, field: "recommendation", aiValue: "yes", value: "no", reason: "Checked the answers." },
    });
    await analysis(orgId, ids.unreviewed!, false);
    await analysis(orgId, ids.flagged!, true);
    await db().invitation.update({ where: { id: ids.expiring }, data: { expiresAt: new Date(now + DAY) } });
    await db().invitation.update({ where: { id: ids.later }, data: { expiresAt: new Date(now + 20 * DAY) } });
    await db().invitation.update({ where: { id: ids.failed }, data: { status: "IN_PROGRESS", expiresAt: new Date(now + 20 * DAY) } });
    await db().response.create({
      data: { invitationId: ids.failed!, questionId: "q1", position: 0, type: "VIDEO", status: "FAILED", failureReason: "The recording is empty." },
    });
  });

  it("lists unreviewed completed interviews, flagged analyses, invitations expiring soon and failed processing, with links", async () => {
    const groups = await needsAttention(db(), orgId);
    const byKind = Object.fromEntries(groups.map((g) => [g.kind, g]));
    expect(byKind.unreviewed?.items.map((i) => i.href).sort()).toEqual([`/interviews/${ids.flagged}`, `/interviews/${ids.unreviewed}`].sort());
    expect(byKind.flagged?.items.map((i) => i.href)).toEqual([`/interviews/${ids.flagged}`]);
    expect(byKind.expiring?.items.map((i) => i.href)).toEqual([`/interviews/${ids.expiring}`]);
    expect(byKind.failed?.count).toBe(1);
    expect(byKind.failed?.items[0]).toMatchObject({ label: "Casey Candidate, question 1", detail: "The recording is empty." });
    expect(byKind.failed?.items[0]?.href).toMatch(new RegExp(`^/interviews/${ids.failed}\\?answer=`));
  });

  it("is empty for a new organization, and never shows another organization's work", async () => {
    const other = await makeOrg("Quiet");
    expect(await needsAttention(db(), other.id)).toEqual([]);
    const otherHr = await makeUser({ role: "HR", orgId: other.id });
    const overview = await (await callerFor(otherHr.id)).organizations.overview();
    expect(overview.attention).toEqual([]);
    expect(overview.recentTemplates).toEqual([]);
  });

  it("reaches the dashboard through organizations.overview", async () => {
    const overview = await (await callerFor(hrId)).organizations.overview();
    expect(overview.attention.map((g) => g.kind)).toEqual(["unreviewed", "flagged", "expiring", "failed"]);
  });
});
