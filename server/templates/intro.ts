import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { lockTemplate } from "./editor";
import type { SetTemplateIntroInput } from "./intro.schema";

/**
 * Sets the welcome candidates read before the consent screen. It is the template's current text,
 * not part of a version: a fixed typo reaches candidates already invited, while their questions
 * stay as they were sent. Archived templates keep theirs but cannot change it.
 */
export async function setTemplateIntro(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: SetTemplateIntroInput) {
  return db.$transaction(async (tx) => {
    const template = await lockTemplate(tx, organizationId, input.templateId);
    if (template.status === "ARCHIVED") throw new DomainError("PRECONDITION_FAILED", "This template is archived: its introduction can no longer change.");
    const before = await tx.template.findUniqueOrThrow({ where: { id: input.templateId }, select: { introText: true } });
    const updated = await tx.template.update({ where: { id: input.templateId }, data: { introText: input.introText }, select: { id: true, introText: true } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "template.intro",
      targetType: "template",
      targetId: input.templateId,
      data: { from: before.introText, to: input.introText },
    });
    return updated;
  });
}
