import { makeOrg } from "../../helpers/actors";
import type { Cases } from "./fixture";

const ownOrg = "works on the caller's own organization only; takes no id";

export const usersCases: Cases = {
  "users.me": {},
  "users.updateProfile": { input: () => ({ name: "Renamed" }) },
  // A 1x1 PNG.
  "users.uploadAvatar": {
    input: () => ({ contentType: "image/png", dataBase64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" }),
  },
  "users.selectRole": { input: () => ({ role: "CANDIDATE" }) },
  "users.joinRequest": {},
  "users.skills": {},
  "users.updateSkills": { input: () => ({ skills: ["SQL"] }) },
  "users.cancelJoinRequest": {},
  "users.list": { input: () => ({}) },
  "users.suspend": { input: (fx) => ({ userId: fx.target.id }) },
  "users.activate": { input: (fx) => ({ userId: fx.target.id }) },
  "users.setRole": { input: (fx) => ({ userId: fx.target.id, role: "CANDIDATE" }) },
  "organizations.overview": { crossTenant: ownOrg },
  "organizations.current": { crossTenant: ownOrg },
  "organizations.rename": { input: () => ({ name: "Renamed Org" }), crossTenant: ownOrg },
  "organizations.rotateJoinCode": { crossTenant: ownOrg },
  // The target belongs to no organization: an owner's call is allowed and finds no such member.
  "organizations.makeOwner": { input: (fx) => ({ userId: fx.target.id }), crossTenant: (fx) => ({ userId: fx.users.hr.id }) },
  "organizations.joinRequests": { crossTenant: ownOrg },
  // tests/integration/join-approval.test.ts has another organization's owner try a real pending request.
  "organizations.approveJoin": { input: (fx) => ({ userId: fx.users.newcomer.id }), crossTenant: (fx) => ({ userId: fx.users.newcomer.id }) },
  "organizations.declineJoin": { input: (fx) => ({ userId: fx.users.newcomer.id }), crossTenant: (fx) => ({ userId: fx.users.newcomer.id }) },
  "organizations.removeMember": { input: (fx) => ({ userId: fx.target.id }), crossTenant: (fx) => ({ userId: fx.users.hrMember.id }) },
  "organizations.adminList": { input: () => ({}) },
  // A throwaway organization each call: suspending organization A would sign out the walk's own HR.
  "organizations.suspend": { input: async () => ({ organizationId: (await makeOrg("Suspendable")).id }) },
  "organizations.reactivate": {
    input: async () => ({ organizationId: (await makeOrg("Reactivatable")).id }),
  },
  "candidate.invitations": {},
};
