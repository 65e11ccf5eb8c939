import { hrProcedure, perUserLimit, router } from "../init";
import { searchInterviews } from "../../search/search";
import { searchInput } from "../../search/search.schema";
import { quickFind } from "../../quick-find/quick-find";
import { quickFindInput } from "../../quick-find/quick-find.schema";

export const searchRouter = router({
  interviews: hrProcedure
    .use(perUserLimit("searchPerUser"))
    .input(searchInput)
    .query(({ ctx, input }) => searchInterviews(ctx.db, ctx.organizationId, input)),
  quickFind: hrProcedure.input(quickFindInput).query(({ ctx, input }) => quickFind(ctx.db, ctx.organizationId, input.query)),
});
