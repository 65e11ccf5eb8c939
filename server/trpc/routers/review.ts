import { hrProcedure, router } from "../init";
import { getInterviewReview } from "../../review/interview";
import { interviewReviewInput } from "../../review/review.schema";

export const reviewRouter = router({
  interview: hrProcedure.input(interviewReviewInput).query(({ ctx, input }) => getInterviewReview(ctx.db, ctx.organizationId, input.invitationId)),
});
