import { adminProcedure, hrProcedure, ownerProcedure, router } from "../init";
import { listOrganizations, reactivateOrganization, suspendOrganization } from "../../organizations/admin";
import { approveJoin, declineJoin, listJoinRequests } from "../../organizations/join-requests";
import { makeOwner, removeMember } from "../../organizations/members";
import { getOrganization, renameOrganization, rotateJoinCode } from "../../organizations/organization";
import { adminListOrganizationsInput, adminOrganizationInput, memberInput, renameOrganizationInput } from "../../organizations/organizations.schema";
import { organizationOverview } from "../../organizations/overview";

export const organizationsRouter = router({
  overview: hrProcedure.query(({ ctx }) => organizationOverview(ctx.db, ctx.organizationId)),
  current: hrProcedure.query(({ ctx }) => getOrganization(ctx.db, ctx.organizationId)),
  rename: hrProcedure.input(renameOrganizationInput).mutation(({ ctx, input }) => renameOrganization(ctx.db, ctx.user, ctx.organizationId, input.name)),
  rotateJoinCode: hrProcedure.mutation(({ ctx }) => rotateJoinCode(ctx.db, ctx.user, ctx.organizationId)),
  makeOwner: ownerProcedure.input(memberInput).mutation(({ ctx, input }) => makeOwner(ctx.db, ctx.user, ctx.organizationId, input.userId)),
  joinRequests: ownerProcedure.query(({ ctx }) => listJoinRequests(ctx.db, ctx.organizationId)),
  approveJoin: ownerProcedure.input(memberInput).mutation(({ ctx, input }) => approveJoin(ctx.db, ctx.user, ctx.organizationId, input.userId)),
  declineJoin: ownerProcedure.input(memberInput).mutation(({ ctx, input }) => declineJoin(ctx.db, ctx.user, ctx.organizationId, input.userId)),
  removeMember: ownerProcedure.input(memberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.user, ctx.organizationId, input.userId)),
  // The platform's operators: every organization.
  adminList: adminProcedure.input(adminListOrganizationsInput).query(({ ctx, input }) => listOrganizations(ctx.db, input)),
  suspend: adminProcedure.input(adminOrganizationInput).mutation(({ ctx, input }) => suspendOrganization(ctx.db, ctx.user, input.organizationId)),
  reactivate: adminProcedure.input(adminOrganizationInput).mutation(({ ctx, input }) => reactivateOrganization(ctx.db, ctx.user, input.organizationId)),
});
