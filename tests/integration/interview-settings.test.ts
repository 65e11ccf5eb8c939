import { DomainError } from "@/server/errors";
import { describe, expect, it } from "vitest";
import { env } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { createInvitations } from "@/server/invitations/create";
import { createInvitationsInput } from "@/server/invitations/invitations.schema";
import { linkTokenFromNonce } from "@/server/invitations/token";
import { startTake, submitText } from "@/server/interview/answers";
import { questionOrder } from "@/server/interview/interview-settings";
import { setPaused } from "@/server/interview/pause";
import { loadInterviewState } from "@/server/interview/state";
import { PAUSED_MESSAGE, TIME_UP_MESSAGE } from "@/server/interview/time-limit";
import { setTemplateSettings } from "@/server/templates/settings";
import { setTemplateSettingsInput } from "@/server/templates/settings.schema";
import { makeInterview } from "../fixtures/interview";
import { makeOrg, makeUser } from "../helpers/actors";
import { makeTemplate } from "./authz/invitations.cases";

/**
 * Interview settings through the real modules and database: the template's settings travel in the
 * version, an invitation's override wins key by key, the overall limit refuses answers started after
 * it, the clock stands still while paused, and a candidate's random order is the same on every load.
 */

const MIN = 60_000;

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function tokenOf(invitationId: string) {
  const { linkNonce } = await getDb().invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { linkNonce: true } });
  return linkTokenFromNonce(linkNonce!, env().NEXTAUTH_SECRET);
}

describe("interview settings", () => {
  it("takes the template version's settings, with the invitation's override winning key by key", async () => {
    const org = await makeOrg("Settings");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const template = await makeTemplate(org.id, { title: "Night Nurse" });
    await setTemplateSettings(
      getDb(),
      hr,
      org.id,
      setTemplateSettingsInput.parse({ templateId: template.id, randomOrder: true, timeLimitMin: 45, allowPause: false, showTimer: true }),
    );
    const invite = async (email: string, settings?: unknown) => {
      const input = createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Nia Noor", email }, settings });
      return (await createInvitations(getDb(), hr, org.id, input)).created[0]!.id;
    };

    const plain = await loadInterviewState(getDb(), await tokenOf(await invite("plain@example.com")));
    expect(plain.availability === "OPEN" && plain.settings).toEqual({ randomOrder: true, timeLimitMin: 45, allowPause: false, showTimer: true });

    const overridden = await invite("over@example.com", { timeLimitMin: 0, showTimer: false });
    const state = await loadInterviewState(getDb(), await tokenOf(overridden));
    // 0 minutes is "no overall limit" for this candidate; the keys left out follow the template.
    expect(state.availability === "OPEN" && state.settings).toEqual({ randomOrder: true, timeLimitMin: null, allowPause: false, showTimer: false });

    // A later change to the template reaches new invitations only: the ones sent keep their version.
    await setTemplateSettings(
      getDb(),
      hr,
      org.id,
      setTemplateSettingsInput.parse({ templateId: template.id, randomOrder: false, timeLimitMin: null, allowPause: true, showTimer: true }),
    );
    const again = await loadInterviewState(getDb(), await tokenOf(await invite("later@example.com")));
    expect(again.availability === "OPEN" && again.settings.randomOrder).toBe(false);
    const before = await loadInterviewState(getDb(), await tokenOf(overridden));
    expect(before.availability === "OPEN" && before.settings.randomOrder).toBe(true);
    expect(await getDb().templateVersion.count({ where: { templateId: template.id } })).toBe(2);
  });

  it("refuses an override outside the limits with the field's message", () => {
    const parsed = createInvitationsInput.safeParse({
      templateId: "t",
      candidates: { mode: "one", name: "A", email: "a@example.com" },
      settings: { timeLimitMin: 2 },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["settings", "timeLimitMin"], message: expect.stringContaining("0 for no overall limit") });
  });

  it("keeps a candidate's random order across loads and new sessions", async () => {
    const questions = Array.from({ length: 8 }, (_, i) => ({ type: "TEXT" as const, prompt: `Question ${i + 1}?` }));
    const { token, invitation, questions: sent } = await makeInterview({ consent: true, questions, settings: { randomOrder: true } });
    const first = await loadInterviewState(getDb(), token);
    const second = await loadInterviewState(getDb(), token, new Date(Date.now() + 3 * 24 * 3600 * 1000));
    const ids = (s: typeof first) => (s.availability === "OPEN" ? s.questions.map((q) => q.questionId) : []);
    expect(ids(second)).toEqual(ids(first));
    expect(ids(first)).toEqual(questionOrder(sent, invitation.id, true).map((q) => q.id));
    expect(ids(first)).not.toEqual(sent.map((q) => q.id));
    expect(first.availability === "OPEN" && first.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses answers started after the overall limit, and lets a take started in time stand", async () => {
    const { token, responses } = await makeInterview({ consent: true, settings: { timeLimitMin: 10 } });
    const consentAt = (await getDb().invitation.findFirstOrThrow({ where: { id: responses[0]!.invitationId } })).consentAt!;
    const inTime = new Date(consentAt.getTime() + 9 * MIN);
    const late = new Date(consentAt.getTime() + 10 * MIN + 1000);

    expect(await startTake(getDb(), { token, responseId: responses[0]!.id }, inTime)).toMatchObject({ take: 1 });
    const state = await loadInterviewState(getDb(), token, inTime);
    expect(state.availability === "OPEN" && state.clock).toEqual({ timeLeftMs: MIN, paused: false });

    expect(await failure(submitText(getDb(), { token, responseId: responses[1]!.id, text: "Too late" }, late))).toEqual({
      code: "PRECONDITION_FAILED",
      message: TIME_UP_MESSAGE,
    });
    expect(await failure(startTake(getDb(), { token, responseId: responses[0]!.id }, late))).toMatchObject({ message: TIME_UP_MESSAGE });
    expect((await getDb().response.findUniqueOrThrow({ where: { id: responses[1]!.id } })).textAnswer).toBeNull();
  });

  it("stops the clock while paused, and refuses pausing where the interview does not allow it", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "TEXT" }], settings: { timeLimitMin: 10 } });
    const consentAt = (await getDb().invitation.findFirstOrThrow({ where: { id: responses[0]!.invitationId } })).consentAt!;
    const at = (min: number) => new Date(consentAt.getTime() + min * MIN);

    expect(await setPaused(getDb(), { token, paused: true }, at(4))).toEqual({ paused: true });
    expect(await failure(submitText(getDb(), { token, responseId: responses[0]!.id, text: "While paused" }, at(5)))).toMatchObject({ message: PAUSED_MESSAGE });
    expect(await setPaused(getDb(), { token, paused: false }, at(30))).toEqual({ paused: false });
    // Four minutes ran before the pause and five after it: one is left.
    const state = await loadInterviewState(getDb(), token, at(35));
    expect(state.availability === "OPEN" && state.clock).toEqual({ timeLeftMs: MIN, paused: false });
    expect(await submitText(getDb(), { token, responseId: responses[0]!.id, text: "In time" }, at(35))).toMatchObject({ status: "UPLOADED" });

    const noPause = await makeInterview({ consent: true, settings: { timeLimitMin: 10 }, settingsOverride: { allowPause: false } });
    expect(await failure(setPaused(getDb(), { token: noPause.token, paused: true }))).toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
