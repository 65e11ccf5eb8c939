import { getDb } from "@/server/db/client";
import { createShareLink } from "@/server/share/links";
import { makeInterview } from "../../fixtures/interview";
import type { Cases, Fixture } from "./fixture";

type Records = { invitationId: string; responseId: string; shareLinkId: string; shareToken: string };
const records = new WeakMap<Fixture, Promise<Records>>();

// A completed interview of organization A with its answers submitted, and a live share link to it.
function recordsOf(fx: Fixture): Promise<Records> {
  let r = records.get(fx);
  if (!r) {
    r = (async () => {
      const { invitation, responses } = await makeInterview({ organizationId: fx.orgA.id, status: "COMPLETED", consent: true });
      const now = new Date();
      await getDb().invitation.update({ where: { id: invitation.id }, data: { completedAt: now, startedAt: now } });
      await getDb().response.updateMany({ where: { invitationId: invitation.id }, data: { submittedAt: now, status: "ANALYZED", textAnswer: "An answer." } });
      const link = await createShareLink(getDb(), fx.users.hr.id, fx.orgA.id, { invitationId: invitation.id, days: 7 });
      return { invitationId: invitation.id, responseId: responses[0]!.id, shareLinkId: link.id, shareToken: link.path.split("/").pop()! };
    })();
    records.set(fx, r);
  }
  return r;
}

const byInvitation = async (fx: Fixture) => ({ invitationId: (await recordsOf(fx)).invitationId });

export const reviewCases: Cases = {
  "review.inbox": {
    input: () => ({ filter: "not-reviewed-by-me" }),
    crossTenant: "Lists only the caller's organization; review-inbox.test.ts shows another's interviews stay out.",
  },
  "review.rate": {
    input: async (fx) => ({ responseId: (await recordsOf(fx)).responseId, score: 4, note: "Clear." }),
    crossTenant: async (fx) => ({ responseId: (await recordsOf(fx)).responseId, score: 1 }),
  },
  "review.submitRatings": { input: byInvitation, crossTenant: byInvitation },
  "review.ratings": { input: byInvitation, crossTenant: byInvitation },
  "review.state": { input: byInvitation, crossTenant: byInvitation },
  "review.markReviewed": { input: byInvitation, crossTenant: byInvitation },
  "review.comment": {
    input: async (fx) => ({ ...(await byInvitation(fx)), body: "Strong on the second answer." }),
    crossTenant: async (fx) => ({ ...(await byInvitation(fx)), body: "Looking from outside.", mentions: [fx.users.hr.id] }),
  },
  "review.comments": { input: byInvitation, crossTenant: byInvitation },
  "share.create": {
    input: async (fx) => ({ ...(await byInvitation(fx)), days: 3 }),
    crossTenant: async (fx) => ({ ...(await byInvitation(fx)), days: 3 }),
  },
  "share.list": { input: byInvitation, crossTenant: byInvitation },
  "share.revoke": {
    // Its own link, so the walk's revocation never stops share.view's link.
    input: async (fx) => ({ shareLinkId: (await createShareLink(getDb(), fx.users.hr.id, fx.orgA.id, { ...(await byInvitation(fx)), days: 1 })).id }),
    crossTenant: async (fx) => ({ shareLinkId: (await recordsOf(fx)).shareLinkId }),
  },
  // The token decides what is reached: anyone holding it sees that one interview and nothing else.
  "share.view": { input: async (fx) => ({ token: (await recordsOf(fx)).shareToken }) },
};
