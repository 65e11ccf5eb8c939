import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { effectiveSettings } from "../interview/interview-settings";
import { lockTemplate } from "./editor";
import { readStoredSettings, type SetTemplateSettingsInput } from "./settings.schema";

/**
 * Sets a template's interview settings. They are part of the template's versions like its questions:
 * candidates already invited keep the settings they were sent, and the next invitation gets a new
 * version. Archived templates keep theirs but cannot change them.
 */
export async function setTemplateSettings(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: SetTemplateSettingsInput) {
  const { templateId, ...settings } = input;
  return db.$transaction(async (tx) => {
    const template = await lockTemplate(tx, organizationId, templateId);
    if (template.status === "ARCHIVED") throw new DomainError("PRECONDITION_FAILED", "This template is archived: its interview settings can no longer change.");
    const before = await tx.template.findUniqueOrThrow({ where: { id: templateId }, select: { settings: true } });
    await tx.template.update({ where: { id: templateId }, data: { settings } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "template.settings",
      targetType: "template",
      targetId: templateId,
      data: { from: effectiveSettings(readStoredSettings(before.settings), null), to: settings },
    });
    return { id: templateId, settings };
  });
}
