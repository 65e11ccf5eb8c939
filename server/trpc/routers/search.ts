import { hrProcedure, router } from "../init";
import { searchInterviews } from "../../search/search";
import { searchInput } from "../../search/search.schema";

export const searchRouter = router({
  interviews: hrProcedure.input(searchInput).query(({ ctx, input }) => searchInterviews(ctx.db, ctx.organizationId, input)),
});
