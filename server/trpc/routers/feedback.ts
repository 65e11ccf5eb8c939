import { hrProcedure, router } from "../init";
import { candidateFeedback, sendFeedback } from "../../feedback/feedback";
import { feedbackInput, sendFeedbackInput } from "../../feedback/feedback.schema";

// Written feedback to a candidate: drafted from the analysis, edited and approved by HR.
export const feedbackRouter = router({
  get: hrProcedure.input(feedbackInput).query(({ ctx, input }) => candidateFeedback(ctx.db, ctx.user, ctx.organizationId, input)),
  send: hrProcedure.input(sendFeedbackInput).mutation(({ ctx, input }) => sendFeedback(ctx.db, ctx.user, ctx.organizationId, input)),
});
