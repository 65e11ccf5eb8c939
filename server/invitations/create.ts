import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { auditAccommodations } from "./accommodations";
import type { Db, Prisma } from "../db/client";
import { requireQuota } from "../billing/quota";
import { DomainError } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { lockTemplate } from "../templates/editor";
import { ensureTemplateVersion, templateSnapshotSchema } from "../templates/versions";
import { NO_ACCOMMODATIONS, type CreateInvitationsInput } from "./invitations.schema";
import { OPEN_STATUSES } from "./status";
import { env } from "../config/env";
import { issueInvitationLink } from "./token";

/**
 * A guard against runaway scripts and pasted mailing lists, not a billing quota: an organization
 * sends at most this many invitations in any 24 hours.
 */
export const ORG_DAILY_LIMIT = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// A batch writes a few rows per candidate; the default 5 s interactive-transaction limit is too tight for 200.
const BATCH_TX = { timeout: 60_000, maxWait: 20_000 };

export type CreatedInvitation = { id: string; candidateName: string; candidateEmail: string };

export type CreateInvitationsResult = {
  templateVersionId: string;
  version: number;
  expiresAt: Date;
  created: CreatedInvitation[];
  /** Candidates left out because an open invitation to the same template already reaches them. */
  alreadyInvited: { name: string; email: string }[];
  /** Emails listed more than once; each got one invitation. */
  duplicates: string[];
};

// Locked before the status is read, so the template cannot be unpublished or edited between this
// check and the snapshot the invitations point at.
async function requirePublishedTemplate(tx: Prisma.TransactionClient, organizationId: string, templateId: string) {
  const template = await lockTemplate(tx, organizationId, templateId);
  if (template.status === "DRAFT") throw new DomainError("PRECONDITION_FAILED", "This template is still a draft: publish it before inviting candidates.");
  if (template.status === "ARCHIVED") throw new DomainError("PRECONDITION_FAILED", "This template is archived: candidates can no longer be invited to it.");
}

/**
 * Invites a batch of candidates to a published template. Everything is written in one transaction,
 * so a batch exists whole or not at all, with one `invitation.sent` event per invitation: the
 * emails leave from the invitation-email function (inngest/functions/invitation-email.ts), never
 * from this request, so a slow or failing mail service neither holds HR up nor loses an email.
 */
export async function createInvitations(
  db: Db,
  actor: Pick<SessionUser, "id">,
  organizationId: string,
  input: CreateInvitationsInput,
): Promise<CreateInvitationsResult> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);

  const batch = await db.$transaction(async (tx) => {
    await requirePublishedTemplate(tx, organizationId, input.templateId);
    const sentToday = await tx.invitation.count({ where: { organizationId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } });
    if (sentToday + input.candidates.list.length > ORG_DAILY_LIMIT) {
      throw new DomainError(
        "TOO_MANY_REQUESTS",
        `Your organization can send ${ORG_DAILY_LIMIT} invitations a day and has sent ${sentToday} in the last 24 hours. Try a smaller batch later.`,
      );
    }

    const version = await ensureTemplateVersion(tx, input.templateId);
    const snapshot = templateSnapshotSchema.parse(version.snapshot);
    if (!snapshot.questions.length) throw new DomainError("PRECONDITION_FAILED", "This template has no questions to answer.");

    const open = await tx.invitation.findMany({
      where: {
        organizationId,
        templateId: input.templateId,
        candidateEmail: { in: input.candidates.list.map((c) => c.email) },
        status: { in: [...OPEN_STATUSES] },
        expiresAt: { gt: now },
      },
      select: { candidateEmail: true },
    });
    const openEmails = new Set(open.map((o) => o.candidateEmail));
    const alreadyInvited = input.candidates.list.filter((c) => openEmails.has(c.email));
    const toInvite = input.candidates.list.filter((c) => !openEmails.has(c.email)).map((c) => ({ ...c, ...issueInvitationLink(env().NEXTAUTH_SECRET) }));
    if (toInvite.length) await requireQuota(tx, organizationId, "completedInterviewsPerMonth", toInvite.length);

    const hasOverride = Object.keys(input.settings).length > 0;
    const rows = toInvite.length
      ? await tx.invitation.createManyAndReturn({
          data: toInvite.map((c) => ({
            organizationId,
            templateId: input.templateId,
            templateVersionId: version.id,
            createdById: actor.id,
            candidateName: c.name,
            candidateEmail: c.email,
            tokenHash: c.hash,
            linkNonce: c.nonce,
            message: input.message,
            ...input.accommodations,
            ...(hasOverride ? { settingsOverride: input.settings } : {}),
            expiresAt,
            sentAt: now,
          })),
          select: { id: true, tokenHash: true },
        })
      : [];
    const idByHash = new Map(rows.map((r) => [r.tokenHash, r.id]));
    const invited = toInvite.map((c) => ({ ...c, id: idByHash.get(c.hash)! }));

    if (invited.length) {
      await tx.response.createMany({
        data: invited.flatMap((inv) =>
          snapshot.questions.map((q) => ({ invitationId: inv.id, questionId: q.id, position: q.position, type: q.type, status: "PENDING" as const })),
        ),
      });
    }
    const hasAccommodations = Object.values(input.accommodations).some((v) => v > 0);
    for (const inv of invited) {
      await audit(tx, {
        organizationId,
        actorId: actor.id,
        action: "invitation.sent",
        targetType: "invitation",
        targetId: inv.id,
        data: {
          templateId: input.templateId,
          templateVersionId: version.id,
          candidateEmail: inv.email,
          expiresAt: expiresAt.toISOString(),
          ...(hasOverride ? { settings: input.settings } : {}),
        },
      });
      if (hasAccommodations)
        await auditAccommodations(tx, { organizationId, actorId: actor.id, invitationId: inv.id }, NO_ACCOMMODATIONS, input.accommodations);
      await enqueueEvent(tx, "invitation.sent", { invitationId: inv.id }, organizationId);
    }
    return { version, invited, alreadyInvited };
  }, BATCH_TX);

  return {
    templateVersionId: batch.version.id,
    version: batch.version.version,
    expiresAt,
    created: batch.invited.map((inv) => ({ id: inv.id, candidateName: inv.name, candidateEmail: inv.email })),
    alreadyInvited: batch.alreadyInvited,
    duplicates: input.candidates.duplicates,
  };
}
