import { candidateProcedure, router } from "../init";
import { myInvitations } from "../../candidates/my-invitations";

export const candidateRouter = router({
  invitations: candidateProcedure.query(({ ctx }) => myInvitations(ctx.db, ctx.user)),
});
