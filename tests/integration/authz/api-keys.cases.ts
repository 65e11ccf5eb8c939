import { getDb } from "@/server/db/client";
import { newApiKeySecret } from "@/server/api-keys/secret";
import type { Cases, Fixture } from "./fixture";

const keys = new WeakMap<Fixture, Promise<string>>();

// Organization A's key, written once per fixture, for the revoke cases.
function keyOfOrgA(fx: Fixture): Promise<string> {
  let k = keys.get(fx);
  if (!k) {
    const { prefix, hash } = newApiKeySecret();
    k = getDb()
      .apiKey.create({ data: { organizationId: fx.orgA.id, createdById: fx.users.hr.id, name: "ATS", prefix, hash, scopes: ["read"] }, select: { id: true } })
      .then((key) => key.id);
    keys.set(fx, k);
  }
  return k;
}

const ownOrg = "works on the caller's own organization only; takes no id";

export const apiKeysCases: Cases = {
  "apiKeys.list": { crossTenant: ownOrg },
  "apiKeys.create": { input: () => ({ name: "ATS", scopes: ["read", "write"] }), crossTenant: ownOrg },
  "apiKeys.revoke": {
    input: async (fx) => ({ id: await keyOfOrgA(fx) }),
    crossTenant: async (fx) => ({ id: await keyOfOrgA(fx) }),
  },
};
