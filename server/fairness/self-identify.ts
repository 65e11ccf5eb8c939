import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { invitationByToken } from "../interview/access";
import type { SelfIdentifyInput } from "./self-identification.schema";

/**
 * The candidate's voluntary answer, offered once the interview is complete so that it can never
 * weigh on the interview itself. Answering again replaces the earlier answer. It is stored in its
 * own table, which no review page, analysis engine or search reads; nothing is written to the audit
 * log, whose entries reviewers can see.
 */
export async function selfIdentify(db: Db, input: SelfIdentifyInput): Promise<{ saved: true }> {
  const invitation = await invitationByToken(db, input.token);
  if (!invitation.completedAt) throw new DomainError("BAD_REQUEST", "This optional question opens once you have completed the interview.");
  const answer = { sex: input.sex, raceEthnicity: input.raceEthnicity };
  await db.selfIdentification.upsert({
    where: { invitationId: invitation.id },
    create: { invitationId: invitation.id, organizationId: invitation.organizationId, ...answer },
    update: answer,
  });
  return { saved: true };
}
