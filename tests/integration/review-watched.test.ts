import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

async function setup() {
  const org = await makeOrg("Watch");
  const [hr, colleague] = [await makeUser({ role: "HR", orgId: org.id }), await makeUser({ role: "HR", orgId: org.id })];
  const interview = await makeInterview({ organizationId: org.id, questions: [{ type: "VIDEO" }] });
  return { org, hr, colleague, responseId: interview.responses[0]!.id };
}

describe("the reviewer's 'watched to 90 %' mark", () => {
  it("is stored per reviewer and answer once, and read back by that reviewer only", async () => {
    const { hr, colleague, responseId } = await setup();
    const mine = await callerFor(hr.id);
    expect(await mine.playback.watched({ responseId })).toEqual({ watchedAt: null });

    const first = await mine.playback.markWatched({ responseId, playedFraction: 0.93 });
    const again = await mine.playback.markWatched({ responseId, playedFraction: 1 });
    expect(again.watchedAt).toEqual(first.watchedAt);
    expect(await getDb().answerWatch.count({ where: { responseId } })).toBe(1);
    expect((await mine.playback.watched({ responseId })).watchedAt).toEqual(first.watchedAt);

    expect(await (await callerFor(colleague.id)).playback.watched({ responseId })).toEqual({ watchedAt: null });
  });

  it("refuses a mark for less than 90 % with a readable message, and another organization's answer as not found", async () => {
    const { hr, responseId } = await setup();
    const mine = await callerFor(hr.id);
    const short = await mine.playback.markWatched({ responseId, playedFraction: 0.5 }).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(TRPCError);
    expect((short as TRPCError).code).toBe("BAD_REQUEST");
    expect((short as TRPCError).message).toContain("Watch at least 90 %");

    const other = await makeOrg("Elsewhere");
    const outsider = await callerFor((await makeUser({ role: "HR", orgId: other.id })).id);
    await expect(outsider.playback.markWatched({ responseId, playedFraction: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.playback.watched({ responseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().answerWatch.count({ where: { responseId } })).toBe(0);
  });
});
