import { hrProcedure, router } from "../init";
import { reviewInbox } from "../../review/inbox";
import { getInterviewReview } from "../../review/interview";
import { interviewReviewInput } from "../../review/review.schema";
import { markReviewed, reviewerState } from "../../review/reviewer-state";
import { addComment, listComments } from "../../review/team-comments";
import { rateAnswer, submitRatings, teamRatings } from "../../review/team-ratings";
import { commentInput, inboxInput, markReviewedInput, rateAnswerInput, teamInterviewInput } from "../../review/team.schema";

export const reviewRouter = router({
  interview: hrProcedure.input(interviewReviewInput).query(({ ctx, input }) => getInterviewReview(ctx.db, ctx.organizationId, input.invitationId)),
  // The team review: each reviewer's ratings (others' hidden until one's own are submitted), the discussion, and "reviewed by me".
  inbox: hrProcedure.input(inboxInput).query(({ ctx, input }) => reviewInbox(ctx.db, ctx.user.id, ctx.organizationId, input)),
  rate: hrProcedure.input(rateAnswerInput).mutation(({ ctx, input }) => rateAnswer(ctx.db, ctx.user.id, ctx.organizationId, input)),
  submitRatings: hrProcedure.input(teamInterviewInput).mutation(({ ctx, input }) => submitRatings(ctx.db, ctx.user.id, ctx.organizationId, input)),
  ratings: hrProcedure.input(teamInterviewInput).query(({ ctx, input }) => teamRatings(ctx.db, ctx.user.id, ctx.organizationId, input)),
  state: hrProcedure.input(teamInterviewInput).query(({ ctx, input }) => reviewerState(ctx.db, ctx.user.id, ctx.organizationId, input.invitationId)),
  markReviewed: hrProcedure.input(markReviewedInput).mutation(({ ctx, input }) => markReviewed(ctx.db, ctx.user.id, ctx.organizationId, input)),
  comment: hrProcedure.input(commentInput).mutation(({ ctx, input }) => addComment(ctx.db, ctx.user, ctx.organizationId, input)),
  comments: hrProcedure.input(teamInterviewInput).query(({ ctx, input }) => listComments(ctx.db, ctx.organizationId, input)),
});
