import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { organizationRetention, type Retention } from "./policy";
import type { RetentionSettingsInput } from "./retention.schema";

/** An owner sets how long interviews are kept; more than the plan allows is refused with the plan's limit. */
export async function setRetentionDays(db: Db, actor: SessionUser, organizationId: string, input: RetentionSettingsInput): Promise<Retention> {
  return db.$transaction(async (tx) => {
    const current = await organizationRetention(tx, organizationId);
    if (input.retentionDays > current.planMaxDays) {
      throw new DomainError(
        "BAD_REQUEST",
        `The ${current.planName} plan keeps interviews for at most ${current.planMaxDays} days; choose ${current.planMaxDays} or fewer, or change the plan.`,
      );
    }
    await tx.organization.update({ where: { id: organizationId }, data: { retentionDays: input.retentionDays } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "organization.retention_changed",
      targetType: "organization",
      targetId: organizationId,
      data: { from: current.configuredDays, to: input.retentionDays },
    });
    return organizationRetention(tx, organizationId);
  });
}
