import { makeInterview } from "../../fixtures/interview";
import type { Cases, Fixture } from "./fixture";
import { invite, makeTemplate } from "./invitations.cases";

type Records = { templateId: string; invitationId: string };
const records = new WeakMap<Fixture, Promise<Records>>();

// Organization A's template and one invitation, built once per fixture on first use.
function recordsOf(fx: Fixture): Promise<Records> {
  let r = records.get(fx);
  if (!r) {
    r = (async () => {
      const template = await makeTemplate(fx.orgA.id);
      return { templateId: template.id, invitationId: await invite(fx.users.hr.id, fx.orgA.id, template.id, "authz-fairness@example.com") };
    })();
    records.set(fx, r);
  }
  return r;
}

export const byInvitation = async (fx: Fixture) => ({ invitationId: (await recordsOf(fx)).invitationId });

export const fairnessCases: Cases = {
  "fairness.decision": { input: byInvitation, crossTenant: byInvitation },
  "fairness.decide": {
    input: async (fx) => ({ ...(await byInvitation(fx)), decision: "ADVANCE" }),
    crossTenant: async (fx) => ({ ...(await byInvitation(fx)), decision: "REJECT" }),
  },
  // The token decides what is reached: a fresh consented interview of organization A.
  "fairness.selfIdentify": {
    input: async (fx) => ({ token: (await makeInterview({ organizationId: fx.orgA.id, consent: true })).token, sex: "female", raceEthnicity: "asian" }),
  },
  "fairness.report": {
    input: () => ({ from: "2026-01-01", to: "2026-12-31" }),
    crossTenant: async (fx) => ({ templateId: (await recordsOf(fx)).templateId, from: "2026-01-01", to: "2026-12-31" }),
  },
};
