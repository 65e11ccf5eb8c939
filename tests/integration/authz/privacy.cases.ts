import { getDb } from "@/server/db/client";
import { makeInterview } from "../../fixtures/interview";
import type { Cases, Fixture } from "./fixture";

const ownOrg = "works on the caller's own organization only; takes no id";

// A fresh interview of organization A for each call: an allowed call deletes it or records a request on it.
const freshInterview = async (fx: Fixture) => (await makeInterview({ organizationId: fx.orgA.id, consent: true })).invitation.id;
// One addressed to the fixture's candidate, so their call reaches a record of their own.
const candidatesInterview = async (fx: Fixture) => {
  const { invitation } = await makeInterview({ organizationId: fx.orgA.id, consent: true });
  await getDb().invitation.update({ where: { id: invitation.id }, data: { candidateEmail: fx.users.candidate.email } });
  return { invitationId: invitation.id };
};
const linkOf = async (fx: Fixture) => ({ token: (await makeInterview({ organizationId: fx.orgA.id, consent: true })).token });

export const privacyCases: Cases = {
  "privacy.overview": { crossTenant: ownOrg },
  "privacy.deleteInterview": {
    input: async (fx) => ({ invitationId: await freshInterview(fx), confirm: "DELETE" }),
    crossTenant: async (fx) => ({ invitationId: await freshInterview(fx), confirm: "DELETE" }),
  },
  "privacy.setRetention": { input: () => ({ retentionDays: 90 }), crossTenant: ownOrg },
  // The name does not match, so an allowed call is refused as BAD_REQUEST and nothing is scheduled.
  "privacy.requestOrganizationDeletion": { input: () => ({ confirmName: "not the name" }), crossTenant: ownOrg },
  "privacy.cancelOrganizationDeletion": { crossTenant: ownOrg },
  "privacy.failedFileDeletions": {},
  "interview.requestDeletion": { input: linkOf },
  "interview.requestHumanReview": { input: linkOf },
  "candidate.requestDeletion": { input: candidatesInterview },
  "candidate.requestHumanReview": { input: candidatesInterview },
};
