import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

describe("skills on candidate profiles", () => {
  it("a candidate lists skills; HR sees them on the review page and filters the comparison by one", async () => {
    const db = getDb();
    const org = await makeOrg("Skills");
    const hr = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    const candidate = await makeUser({ role: "CANDIDATE" });
    const withSkills = await makeInterview({ organizationId: org.id, status: "COMPLETED" });
    await db.invitation.update({ where: { id: withSkills.invitation.id }, data: { candidateUserId: candidate.id } });
    // A second candidate for the same template, without an account: no skills.
    const other = await db.invitation.create({
      data: {
        organizationId: org.id,
        templateId: withSkills.invitation.templateId,
        templateVersionId: withSkills.invitation.templateVersionId,
        candidateName: "No Account",
        candidateEmail: `no-account-${Date.now()}@example.com`,
        tokenHash: `hash-${Date.now()}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    const me = await callerFor(candidate.id);
    expect(await me.users.updateSkills({ skills: [" Forklift licence ", "customer   service", "Forklift licence", "SQL"] })).toEqual([
      "Forklift licence",
      "customer service",
      "SQL",
    ]);
    await expect(me.users.updateSkills({ skills: ["x".repeat(41)] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await me.users.skills()).toEqual(["Forklift licence", "customer service", "SQL"]);

    const review = await hr.review.interview({ invitationId: withSkills.invitation.id });
    expect(review.invitation.candidateSkills).toEqual(["Forklift licence", "customer service", "SQL"]);

    const all = await hr.analysis.compare({ templateId: withSkills.invitation.templateId });
    expect(all.rows.map((r) => r.invitationId).sort()).toEqual([withSkills.invitation.id, other.id].sort());
    const filtered = await hr.analysis.compare({ templateId: withSkills.invitation.templateId, skill: "Customer Service" });
    expect(filtered.rows.map((r) => [r.invitationId, r.skills])).toEqual([[withSkills.invitation.id, ["Forklift licence", "customer service", "SQL"]]]);
    expect((await hr.analysis.compare({ templateId: withSkills.invitation.templateId, skill: "Welding" })).rows).toEqual([]);
  });
});
