import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { getInterviewReview } from "@/server/review/interview";
import { makeInterview } from "../fixtures/interview";

/**
 * After a crash, the status an answer shows was written by the runner that died. While another
 * runner has taken the work over and not yet finished the step it was in, HR's review says the
 * answer is resuming after a restart; once the step finishes (resumedAt cleared) the status is
 * shown as it is.
 */
describe("an answer whose background work was taken over after a crash", () => {
  it("is shown as resuming after a restart until the resumed step finishes", async () => {
    const { invitation, responses, organizationId } = await makeInterview({ consent: true, questions: [{ type: "VIDEO" }, { type: "VIDEO" }] });
    const db = getDb();
    const [taken, other] = responses;
    await db.response.updateMany({ where: { id: { in: [taken!.id, other!.id] } }, data: { status: "TRANSCRIBING", submittedAt: new Date() } });
    const run = await db.jobRun.create({
      data: {
        functionId: "ai-video-interview-process-response",
        eventId: `evt-${taken!.id}`,
        eventName: "response.submitted",
        event: { name: "response.submitted", data: { responseId: taken!.id, invitationId: invitation.id } },
        status: "RUNNING",
        owner: "host:/data#2-abc",
        resumedAt: new Date(),
      },
    });

    const review = await getInterviewReview(db, organizationId, invitation.id);
    expect(review.answers.map((a) => [a.response?.id, a.response?.status, a.response?.resuming])).toEqual([
      [taken!.id, "TRANSCRIBING", true],
      [other!.id, "TRANSCRIBING", false],
    ]);

    await db.jobRun.update({ where: { id: run.id }, data: { resumedAt: null } });
    const after = await getInterviewReview(db, organizationId, invitation.id);
    expect(after.answers.map((a) => a.response?.resuming)).toEqual([false, false]);
  });
});
