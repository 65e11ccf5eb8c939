import { adminProcedure, hrProcedure, router } from "../init";
import { listRunsInput, retryResponseInput, runIdInput } from "../../pipeline/pipeline.schema";
import { retryResponse } from "../../pipeline/retry";
import { listRuns, rerunJob } from "../../pipeline/runs";

export const pipelineRouter = router({
  retryResponse: hrProcedure.input(retryResponseInput).mutation(({ ctx, input }) => retryResponse(ctx.db, ctx.user, ctx.organizationId, input)),
  runs: adminProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx.db, input)),
  rerun: adminProcedure.input(runIdInput).mutation(({ ctx, input }) => rerunJob(ctx.db, ctx.user, input.runId)),
});
