import { requireQuota } from "../billing/quota";
import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { DomainError } from "../errors";
import { lockTemplate } from "./editor";
import { getTemplate } from "./queries";
import { publishBlockers, templateInput, type SetTemplateStatusInput, type TemplateStatusValue } from "./templates.schema";

export type StatusAction = "published" | "unpublished" | "archived" | "unarchived";

const TRANSITIONS: Record<TemplateStatusValue, Partial<Record<TemplateStatusValue, StatusAction>>> = {
  DRAFT: { PUBLISHED: "published", ARCHIVED: "archived" },
  PUBLISHED: { DRAFT: "unpublished", ARCHIVED: "archived" },
  // Back to draft first, so nothing is offered to candidates again without HR looking at it.
  ARCHIVED: { DRAFT: "unarchived" },
};

/** The audit action of moving a template from one status to another; null when it already is there. */
export function statusChange(from: TemplateStatusValue, to: TemplateStatusValue): StatusAction | null {
  if (from === to) return null;
  const action = TRANSITIONS[from][to];
  // The table leaves out one move only: straight from the archive to published.
  if (!action) throw new DomainError("CONFLICT", "This template is archived: unarchive it, then publish it.");
  return action;
}

async function requirePublishable(tx: Prisma.TransactionClient, id: string) {
  const t = await tx.template.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      description: true,
      rubric: true,
      questions: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, prompt: true, type: true, timeLimitSec: true, thinkTimeSec: true, retakes: true, maxChars: true, criteria: true },
      },
    },
  });
  // Stored content is checked with the editor's rules, as templates written by other means (imports,
  // older releases) must not reach candidates unchecked either.
  const content = templateInput.safeParse(t);
  if (!content.success) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Some of this template's content is not valid: open it in the editor, correct the highlighted fields and save, then publish.",
    );
  }
  const blockers = Object.values(publishBlockers(content.data));
  if (blockers.length) throw new DomainError("PRECONDITION_FAILED", `${blockers.join(". ")}.`);
}

/** Publish, unpublish, archive or unarchive. Invitations already sent keep their version whatever the status. */
export async function setTemplateStatus(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: SetTemplateStatusInput) {
  return db.$transaction(async (tx) => {
    const current = await lockTemplate(tx, organizationId, input.id);
    const action = statusChange(current.status, input.status);
    if (action) {
      if (action === "published") await requirePublishable(tx, input.id);
      if (action === "unarchived") await requireQuota(tx, organizationId, "activeTemplates");
      await tx.template.update({ where: { id: input.id }, data: { status: input.status } });
      await audit(tx, {
        organizationId,
        actorId: actor.id,
        action: `template.${action}`,
        targetType: "template",
        targetId: input.id,
        data: { from: current.status, to: input.status },
      });
    }
    return getTemplate(tx, organizationId, input.id);
  });
}
