import { ownerProcedure, router } from "../init";
import { apiKeyIdInput, createApiKeyInput } from "../../api-keys/api-keys.schema";
import { createApiKey, listApiKeys, revokeApiKey } from "../../api-keys/keys";

// Keys of the public REST API: owners create, list and revoke them.
export const apiKeysRouter = router({
  list: ownerProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.organizationId)),
  create: ownerProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.user, ctx.organizationId, input)),
  revoke: ownerProcedure.input(apiKeyIdInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.user, ctx.organizationId, input.id)),
});
