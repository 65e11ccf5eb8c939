import { hrProcedure, router } from "../init";
import { answerWatch, markWatched } from "../../review/watched";
import { answerWatchInput, markWatchedInput } from "../../review/watched.schema";

// The reviewer's own "watched to 90 %" mark on an answer.
export const playbackRouter = router({
  watched: hrProcedure.input(answerWatchInput).query(({ ctx, input }) => answerWatch(ctx.db, ctx.user.id, ctx.organizationId, input)),
  markWatched: hrProcedure.input(markWatchedInput).mutation(({ ctx, input }) => markWatched(ctx.db, ctx.user.id, ctx.organizationId, input)),
});
