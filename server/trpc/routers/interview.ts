import { router, tokenProcedure } from "../init";
import { startTake, submitChoices, submitText, submitVideo } from "../../interview/answers";
import { giveConsent } from "../../interview/consent";
import { setPaused } from "../../interview/pause";
import {
  consentInput,
  interviewTokenInput,
  setPausedInput,
  startTakeInput,
  submitChoicesInput,
  submitTextInput,
  submitVideoInput,
} from "../../interview/interview.schema";
import { recordHeartbeat } from "../../interview/heartbeat";
import { completeInterview, startInterview } from "../../interview/progress";
import { loadInterviewState, openInterview } from "../../interview/state";
import { requestDeletion } from "../../privacy/deletion-request";
import { requestHumanReview } from "../../privacy/human-review";
import { clientAddress, hashAddress } from "../../privacy/ip-hash";
import { linkRightsInput } from "../../privacy/privacy.schema";

// The candidate's side of an interview. No sign-in: every procedure takes the emailed link's token
// and reaches only the invitation that token opens (server/interview/access.ts).
export const interviewRouter = router({
  state: tokenProcedure.input(interviewTokenInput).query(({ ctx, input }) => loadInterviewState(ctx.db, input.token)),
  open: tokenProcedure.input(interviewTokenInput).mutation(({ ctx, input }) => openInterview(ctx.db, input.token)),
  consent: tokenProcedure.input(consentInput).mutation(({ ctx, input }) => giveConsent(ctx.db, input, { ipHash: hashAddress(clientAddress(ctx.headers)) })),
  start: tokenProcedure.input(interviewTokenInput).mutation(({ ctx, input }) => startInterview(ctx.db, input)),
  complete: tokenProcedure.input(interviewTokenInput).mutation(({ ctx, input }) => completeInterview(ctx.db, input)),
  heartbeat: tokenProcedure.input(interviewTokenInput).mutation(({ ctx, input }) => recordHeartbeat(ctx.db, input)),
  startTake: tokenProcedure.input(startTakeInput).mutation(({ ctx, input }) => startTake(ctx.db, input)),
  submitVideo: tokenProcedure.input(submitVideoInput).mutation(({ ctx, input }) => submitVideo(ctx.db, input)),
  submitText: tokenProcedure.input(submitTextInput).mutation(({ ctx, input }) => submitText(ctx.db, input)),
  submitChoices: tokenProcedure.input(submitChoicesInput).mutation(({ ctx, input }) => submitChoices(ctx.db, input)),
  setPaused: tokenProcedure.input(setPausedInput).mutation(({ ctx, input }) => setPaused(ctx.db, input)),
  requestDeletion: tokenProcedure.input(linkRightsInput).mutation(({ ctx, input }) => requestDeletion(ctx.db, { token: input.token })),
  requestHumanReview: tokenProcedure.input(linkRightsInput).mutation(({ ctx, input }) => requestHumanReview(ctx.db, { token: input.token })),
});
