import { apiKeysNotInPlan } from "../api-keys/keys";
import type { ApiKeyScope } from "../api-keys/api-keys.schema";
import { hashApiKey, KEY_PREFIX } from "../api-keys/secret";
import { loadSessionUser } from "../auth/session-user";
import { organizationCapabilities } from "../billing/usage";
import type { Db } from "../db/client";
import { decideAccess } from "../trpc/access";
import { problem, type Problem } from "./problem";

export type ApiCaller = { apiKeyId: string; organizationId: string; scopes: ApiKeyScope[]; actor: { id: string } };

const LAST_USED_RESOLUTION_MS = 60_000;

function bearer(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

/**
 * Who a REST request acts as: the organization of its `Authorization: Bearer <key>`, as the key's
 * creator. The creator must still pass the rule an HR procedure applies (an active HR member of that
 * organization), so suspending or removing a person stops their keys too, and the organization's
 * plan must still include the API.
 */
export async function authenticate(
  db: Db,
  headers: Headers,
  now: Date = new Date(),
): Promise<{ ok: true; caller: ApiCaller } | { ok: false; problem: Problem }> {
  const secret = bearer(headers);
  if (!secret)
    return { ok: false, problem: problem("unauthorized", "Send an API key as `Authorization: Bearer <key>`. Owners create keys at /settings/api-keys.") };
  const key = secret.startsWith(KEY_PREFIX)
    ? await db.apiKey.findUnique({
        where: { hash: hashApiKey(secret) },
        select: { id: true, organizationId: true, createdById: true, scopes: true, revokedAt: true, lastUsedAt: true },
      })
    : null;
  if (!key) return { ok: false, problem: problem("unauthorized", "This API key is not valid.") };
  if (key.revokedAt) return { ok: false, problem: problem("unauthorized", "This API key was revoked.") };

  const creator = await loadSessionUser(db, key.createdById);
  const access = decideAccess({ who: "hr", tenant: "organization" }, creator);
  if (!access.ok || access.membership?.organizationId !== key.organizationId) {
    return {
      ok: false,
      problem: problem("unauthorized", "The person who created this API key no longer has access to the organization: an owner must create a new key."),
    };
  }
  const capabilities = await organizationCapabilities(db, key.organizationId);
  if (!capabilities.apiKeys) return { ok: false, problem: problem("plan-required", apiKeysNotInPlan(capabilities.name).message) };

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Once a minute at most: the list shows when a key was last used, not every request.
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, caller: { apiKeyId: key.id, organizationId: key.organizationId, scopes: key.scopes as ApiKeyScope[], actor: { id: key.createdById } } };
}
