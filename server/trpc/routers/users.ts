import { adminProcedure, candidateProcedure, onboardingProcedure, router } from "../init";
import { cancelJoinRequest, myJoinRequest } from "../../organizations/join-requests";
import { activateUser, listUsers, setUserRole, suspendUser } from "../../users/admin";
import { uploadAvatar } from "../../users/avatar";
import { selectRole } from "../../users/onboarding";
import { getMe, updateProfile } from "../../users/profile";
import { mySkills, updateSkills } from "../../users/skills";
import {
  adminListUsersInput,
  adminSetRoleInput,
  adminUserIdInput,
  selectRoleInput,
  updateProfileInput,
  updateSkillsInput,
  uploadAvatarInput,
} from "../../users/users.schema";

export const usersRouter = router({
  me: onboardingProcedure.query(({ ctx }) => getMe(ctx.user)),
  updateProfile: onboardingProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.user, input)),
  uploadAvatar: onboardingProcedure.input(uploadAvatarInput).mutation(({ ctx, input }) => uploadAvatar(ctx.db, ctx.user, input)),
  selectRole: onboardingProcedure.input(selectRoleInput).mutation(({ ctx, input }) => selectRole(ctx.db, ctx.user, input)),
  skills: candidateProcedure.query(({ ctx }) => mySkills(ctx.db, ctx.user)),
  updateSkills: candidateProcedure.input(updateSkillsInput).mutation(({ ctx, input }) => updateSkills(ctx.db, ctx.user, input)),
  joinRequest: onboardingProcedure.query(({ ctx }) => myJoinRequest(ctx.db, ctx.user)),
  cancelJoinRequest: onboardingProcedure.mutation(({ ctx }) => cancelJoinRequest(ctx.db, ctx.user)),
  list: adminProcedure.input(adminListUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  suspend: adminProcedure.input(adminUserIdInput).mutation(({ ctx, input }) => suspendUser(ctx.db, ctx.user, input.userId)),
  activate: adminProcedure.input(adminUserIdInput).mutation(({ ctx, input }) => activateUser(ctx.db, ctx.user, input.userId)),
  setRole: adminProcedure.input(adminSetRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.user, input.userId, input.role)),
});
