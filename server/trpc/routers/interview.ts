import { router, tokenProcedure } from "../init";
import { startTake, submitText, submitVideo } from "../../interview/answers";
import { giveConsent } from "../../interview/consent";
import { consentInput, interviewTokenInput, startTakeInput, submitTextInput, submitVideoInput } from "../../interview/interview.schema";
import { loadInterviewState, openInterview } from "../../interview/state";

// The candidate's side of an interview. No sign-in: every procedure takes the emailed link's token
// and reaches only the invitation that token opens (server/interview/access.ts).
export const interviewRouter = router({
  state: tokenProcedure.input(interviewTokenInput).query(({ ctx, input }) => loadInterviewState(ctx.db, input.token)),
  open: tokenProcedure.input(interviewTokenInput).mutation(({ ctx, input }) => openInterview(ctx.db, input.token)),
  consent: tokenProcedure.input(consentInput).mutation(({ ctx, input }) => giveConsent(ctx.db, input)),
  startTake: tokenProcedure.input(startTakeInput).mutation(({ ctx, input }) => startTake(ctx.db, input)),
  submitVideo: tokenProcedure.input(submitVideoInput).mutation(({ ctx, input }) => submitVideo(ctx.db, input)),
  submitText: tokenProcedure.input(submitTextInput).mutation(({ ctx, input }) => submitText(ctx.db, input)),
});
