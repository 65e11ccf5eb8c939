import { Prisma, type Db } from "../db/client";
import { audit } from "../audit/log";
import { enqueueEvent } from "../events/outbox";
import { STAGING_DRIVER } from "./storage-deletions";
import { RECOMMENDATION_FIELD } from "../review/effective";

/** The scheduled deletion's function id (inngest/functions/retention-sweep.ts). */
export const RETENTION_SWEEP_FUNCTION = "retention-sweep";

export type PurgeReason = "retention" | "candidate-request" | "hr" | "organization-deleted";

export type PurgeOutcome = { invitationId: string; candidateEmail: string; organizationName: string; filesQueued: number } | null;

type Tx = Prisma.TransactionClient;

/**
 * What was decided: HR's advance / hold / reject when one was recorded (ADVANCE, HOLD, REJECT), else
 * the recommendation that stood: HR's latest override of it, else the AI's.
 */
async function finalDecision(tx: Tx, invitationId: string): Promise<string | null> {
  const decided = await tx.hiringDecision.findUnique({ where: { invitationId }, select: { decision: true } });
  if (decided) return decided.decision;
  const analysis = await tx.analysis.findFirst({
    where: { invitationId, responseId: null, status: "COMPLETE" },
    orderBy: { createdAt: "desc" },
    select: { recommendation: true, overrides: { where: { field: RECOMMENDATION_FIELD }, orderBy: { createdAt: "desc" }, take: 1, select: { value: true } } },
  });
  return analysis?.overrides[0]?.value ?? analysis?.recommendation ?? null;
}

/**
 * Deletes everything held about one interview, in one transaction, and leaves a tombstone and an
 * audit entry. Rows go at once (the invitation's delete cascades to answers, uploads, media
 * records, transcripts, analyses with their overrides, consent and deletion request); what refers
 * to the interview without a foreign key (search passages and their vectors, notifications, mail,
 * background runs and events that carry its answers, audit details) is deleted or emptied by hand.
 * Stored files are queued in storage_deletions in the same transaction and deleted from their
 * drivers afterwards (deleteQueuedFiles), so a failed file delete is retried, never forgotten.
 * Returns null when the interview is already gone.
 */
export async function purgeInterview(db: Db, opts: { invitationId: string; reason: PurgeReason; actorId: string | null; now?: Date }): Promise<PurgeOutcome> {
  const now = opts.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const invitation = await tx.invitation.findUnique({
        where: { id: opts.invitationId },
        select: {
          id: true,
          organizationId: true,
          templateId: true,
          candidateEmail: true,
          status: true,
          sentAt: true,
          completedAt: true,
          organization: { select: { name: true } },
          templateVersion: { select: { snapshot: true } },
          responses: {
            select: {
              id: true,
              mediaAssets: { select: { kind: true, storageDriver: true, storageKey: true } },
              uploads: { select: { id: true, storageKey: true } },
            },
          },
          analyses: { select: { id: true } },
        },
      });
      if (!invitation) return null;
      const responseIds = invitation.responses.map((r) => r.id);
      const ids = [invitation.id, ...responseIds, ...invitation.analyses.map((a) => a.id)];

      const files = new Map<string, { driver: string; key: string }>();
      for (const r of invitation.responses) {
        for (const asset of r.mediaAssets) files.set(`${asset.storageDriver}:${asset.storageKey}`, { driver: asset.storageDriver, key: asset.storageKey });
        for (const upload of r.uploads) {
          // Every take's upload (deleting a file a retake already replaced succeeds), where the recording's
          // record says it went, and its chunks still on local disk if it never finished.
          const driver = r.mediaAssets.find((a) => a.kind === "RECORDING")?.storageDriver ?? "local";
          files.set(`${driver}:${upload.storageKey}`, { driver, key: upload.storageKey });
          files.set(`${STAGING_DRIVER}:${upload.id}`, { driver: STAGING_DRIVER, key: upload.id });
        }
      }
      await tx.storageDeletion.createMany({
        data: [...files.values()].map((f) => ({ organizationId: invitation.organizationId, driver: f.driver, key: f.key })),
        skipDuplicates: true,
      });

      const snapshot = invitation.templateVersion.snapshot as { title?: unknown };
      await tx.interviewTombstone.create({
        data: {
          organizationId: invitation.organizationId,
          invitationId: invitation.id,
          templateTitle: typeof snapshot.title === "string" ? snapshot.title : "",
          sentAt: invitation.sentAt,
          completedAt: invitation.completedAt,
          finalStatus: invitation.status,
          finalDecision: await finalDecision(tx, invitation.id),
          reason: opts.reason,
          deletedById: opts.actorId,
          deletedAt: now,
        },
      });

      await tx.embeddingChunk.deleteMany({
        where: { OR: [{ invitationId: invitation.id }, { responseId: { in: responseIds } }, { sourceId: { in: responseIds } }] },
      });
      await tx.notification.deleteMany({ where: { OR: ids.map((id) => ({ link: { contains: id } })) } });
      const patterns = ids.map((id) => `%${id}%`);
      // Background runs memoize their steps' results (transcripts, analyses) and events carry ids.
      // The sweep doing this deletion names the interview by id only, and must keep its own run.
      await tx.$executeRaw`DELETE FROM "job_runs" WHERE "functionId" NOT LIKE ${`%${RETENTION_SWEEP_FUNCTION}`}
        AND ("event"::text LIKE ANY(${patterns}::text[]) OR "steps"::text LIKE ANY(${patterns}::text[]))`;
      await tx.$executeRaw`DELETE FROM "outbox_events" WHERE "payload"::text LIKE ANY(${patterns}::text[])`;
      // The mail log: HR's notices link to the interview; the candidate's own mail from this organization names it.
      await tx.$executeRaw`DELETE FROM "email_messages" WHERE "html" LIKE ANY(${patterns}::text[])
        OR (lower("to") = lower(${invitation.candidateEmail}) AND "template" <> 'magic-link' AND strpos("html", ${invitation.organization.name}) > 0)`;
      // The audit trail keeps who did what and when; its details (emails, override reasons) go.
      await tx.auditLog.updateMany({ where: { targetId: { in: ids } }, data: { data: Prisma.DbNull } });

      await tx.invitation.delete({ where: { id: invitation.id } });
      // After the outbox rows naming the interview are gone: this one tells webhook receivers it went.
      await enqueueEvent(
        tx,
        "candidate.deleted",
        { invitationId: invitation.id, organizationId: invitation.organizationId, templateId: invitation.templateId, reason: opts.reason },
        invitation.organizationId,
      );
      await audit(tx, {
        organizationId: invitation.organizationId,
        actorId: opts.actorId,
        action: "interview.data_deleted",
        targetType: "invitation",
        targetId: invitation.id,
        data: { reason: opts.reason, files: files.size },
      });
      return {
        invitationId: invitation.id,
        candidateEmail: invitation.candidateEmail,
        organizationName: invitation.organization.name,
        filesQueued: files.size,
      };
    },
    { timeout: 60_000 },
  );
}
