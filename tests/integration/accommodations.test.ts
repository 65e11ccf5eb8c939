import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { makeTemplate } from "./authz/invitations.cases";

const codeOf = (p: Promise<unknown>) => p.then(() => "OK").catch((e: { code?: string }) => e.code ?? "NO_CODE");

async function hrWithInterview() {
  const org = await makeOrg("Accommodations");
  const hr = await makeUser({ role: "HR", orgId: org.id });
  const interview = await makeInterview({
    organizationId: org.id,
    consent: true,
    questions: [
      { type: "VIDEO", thinkTimeSec: 30, timeLimitSec: 90, retakes: 0 },
      { type: "TEXT", thinkTimeSec: 0, timeLimitSec: 120, retakes: 0 },
    ],
  });
  return { org, hr: await callerFor(hr.id), interview };
}

describe("accommodations set by HR", () => {
  it("lengthen the think and answer times and add retakes in the candidate's state, and the server hands out the extra takes", async () => {
    const { hr, interview } = await hrWithInterview();
    const candidate = await callerFor(null);
    const { token } = interview;
    const video = interview.responses[0]!.id;

    const before = await candidate.interview.state({ token });
    if (before.availability === "UNAVAILABLE") throw new Error("unexpected");
    expect(before.questions[0]).toMatchObject({ thinkTimeSec: 30, timeLimitSec: 90, takesAllowed: 1 });
    expect(before.accommodations).toEqual({ extraThinkPct: 0, extraAnswerPct: 0, extraRetakes: 0 });

    await hr.invitations.setAccommodations({ invitationId: interview.invitation.id, extraThinkPct: 50, extraAnswerPct: 25, extraRetakes: 1 });
    const after = await candidate.interview.state({ token });
    if (after.availability === "UNAVAILABLE") throw new Error("unexpected");
    // 90 s + 25 % = 112.5 s, rounded up: never less than granted.
    expect(after.questions[0]).toMatchObject({ thinkTimeSec: 45, timeLimitSec: 113, takesAllowed: 2 });
    expect(after.accommodations).toEqual({ extraThinkPct: 50, extraAnswerPct: 25, extraRetakes: 1 });

    // Two recordings now, not one; a third is refused by the server whatever the page does.
    expect(await candidate.interview.startTake({ token, responseId: video })).toMatchObject({ take: 1, takesAllowed: 2 });
    await getDb().uploadSession.create({ data: { responseId: video, take: 1, contentType: "video/webm", receivedBytes: BigInt(10), storageKey: "staging/x" } });
    expect(await candidate.interview.startTake({ token, responseId: video })).toMatchObject({ take: 2, takesAllowed: 2 });
    await getDb().uploadSession.create({ data: { responseId: video, take: 2, contentType: "video/webm", receivedBytes: BigInt(10), storageKey: "staging/y" } });
    expect(await codeOf(candidate.interview.startTake({ token, responseId: video }))).toBe("PRECONDITION_FAILED");

    const log = await getDb().auditLog.findFirstOrThrow({ where: { targetId: interview.invitation.id, action: "invitation.accommodations" } });
    expect(log.data).toMatchObject({ from: { extraRetakes: 0 }, to: { extraRetakes: 1 } });
  });

  it("refuses values out of range with the form's message and leaves the invitation as it was", async () => {
    const { hr, interview } = await hrWithInterview();
    const bad = await hr.invitations
      .setAccommodations({ invitationId: interview.invitation.id, extraThinkPct: 500, extraAnswerPct: -5, extraRetakes: 9 })
      .catch((e: Error) => e);
    expect((bad as { code?: string }).code).toBe("BAD_REQUEST");
    expect((bad as Error).message).toContain("at most 200 %");
    expect(await getDb().invitation.findUniqueOrThrow({ where: { id: interview.invitation.id } })).toMatchObject({
      extraThinkPct: 0,
      extraAnswerPct: 0,
      extraRetakes: 0,
    });
  });

  it("cannot change once the interview is completed, nor for another organization", async () => {
    const { hr, interview } = await hrWithInterview();
    const other = await makeOrg("Other");
    const outsider = await callerFor((await makeUser({ role: "HR", orgId: other.id })).id);
    const input = { invitationId: interview.invitation.id, extraThinkPct: 10, extraAnswerPct: 10, extraRetakes: 0 };
    expect(await codeOf(outsider.invitations.setAccommodations(input))).toBe("NOT_FOUND");
    await getDb().invitation.update({ where: { id: interview.invitation.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    expect(await codeOf(hr.invitations.setAccommodations(input))).toBe("PRECONDITION_FAILED");
  });

  it("can be given with the invitation itself, applied from the candidate's first visit and audited", async () => {
    const org = await makeOrg("Invite with accommodations");
    const hr = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    const template = await makeTemplate(org.id, { title: "Dispatcher" });
    const result = await hr.invitations.create({
      templateId: template.id,
      candidates: { mode: "one", name: "Ada Ames", email: `ames-${Date.now()}@example.com` },
      accommodations: { extraThinkPct: 100, extraAnswerPct: 50, extraRetakes: 2 },
    });
    const invitationId = result.created[0]!.id;
    expect(await getDb().invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({
      extraThinkPct: 100,
      extraAnswerPct: 50,
      extraRetakes: 2,
    });
    const log = await getDb().auditLog.findFirstOrThrow({ where: { targetId: invitationId, action: "invitation.accommodations" } });
    expect(log.data).toMatchObject({ from: { extraRetakes: 0 }, to: { extraThinkPct: 100, extraAnswerPct: 50, extraRetakes: 2 } });

    // Without them nothing is audited, and out-of-range values are the form's messages with nothing sent.
    const plain = await hr.invitations.create({
      templateId: template.id,
      candidates: { mode: "one", name: "Bo Brand", email: `brand-${Date.now()}@example.com` },
    });
    expect(await getDb().auditLog.count({ where: { targetId: plain.created[0]!.id, action: "invitation.accommodations" } })).toBe(0);
    const email = `carr-${Date.now()}@example.com`;
    const bad = await hr.invitations
      .create({
        templateId: template.id,
        candidates: { mode: "one", name: "Cy Carr", email },
        accommodations: { extraThinkPct: 0, extraAnswerPct: 0, extraRetakes: 9 },
      })
      .catch((e: Error) => e);
    expect((bad as Error).message).toContain("At most 5 extra retakes");
    expect(await getDb().invitation.count({ where: { candidateEmail: email } })).toBe(0);
  });
});
