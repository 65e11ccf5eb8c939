import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { BILLING_PATH } from "../billing/quota";
import { PLAN_NAMES } from "../billing/plans";
import { organizationCapabilities } from "../billing/usage";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import type { CreateApiKeyInput } from "./api-keys.schema";
import { newApiKeySecret } from "./secret";

/** The refusal when the organization's plan has no API: the same PAYMENT_REQUIRED as a quota's. */
export function apiKeysNotInPlan(planName: string): DomainError {
  return new DomainError(
    "PAYMENT_REQUIRED",
    `The ${planName} plan does not include the REST API. Upgrade to ${PLAN_NAMES.PLUS} or ${PLAN_NAMES.PRO} at ${env().APP_URL}${BILLING_PATH} to use API keys.`,
  );
}

const listSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
};

/** The organization's keys, newest first, revoked ones included (they say when). Never a secret. */
export async function listApiKeys(db: Db, organizationId: string) {
  const [keys, capabilities] = await Promise.all([
    db.apiKey.findMany({ where: { organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: listSelect }),
    organizationCapabilities(db, organizationId),
  ]);
  return { keys, planAllows: capabilities.apiKeys, planName: capabilities.name };
}

/**
 * Creates a key and returns its secret, which is never readable again. Refused on a plan without
 * the API; the plan is read inside the transaction that writes the key and its audit entry.
 */
export async function createApiKey(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: CreateApiKeyInput) {
  const { secret, prefix, hash } = newApiKeySecret();
  return db.$transaction(async (tx) => {
    const capabilities = await organizationCapabilities(tx, organizationId);
    if (!capabilities.apiKeys) throw apiKeysNotInPlan(capabilities.name);
    const key = await tx.apiKey.create({
      data: { organizationId, createdById: actor.id, name: input.name, prefix, hash, scopes: input.scopes },
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
    });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "api_key.created",
      targetType: "api_key",
      targetId: key.id,
      data: { name: key.name, scopes: key.scopes },
    });
    return { ...key, secret };
  });
}

/** Stops a key at once: its next request is refused. Revoking twice is harmless. */
export async function revokeApiKey(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, id: string) {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, organizationId }, select: { id: true, revokedAt: true } });
    if (!key) throw notFound("The API key");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revokedAt = new Date();
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt, revokedById: actor.id } });
    await audit(tx, { organizationId, actorId: actor.id, action: "api_key.revoked", targetType: "api_key", targetId: key.id });
    return { id: key.id, revokedAt };
  });
}
