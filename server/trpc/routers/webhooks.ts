import { ownerProcedure, router } from "../init";
import { listDeliveries, resendDelivery, sendTestEvent } from "../../webhooks/deliveries";
import { createEndpoint, deleteEndpoint, enableEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint } from "../../webhooks/endpoints";
import { createEndpointInput, deliveriesInput, deliveryIdInput, endpointIdInput, updateEndpointInput } from "../../webhooks/webhooks.schema";

// Outgoing webhooks: an organization's owners register endpoints and read their delivery log.
export const webhooksRouter = router({
  list: ownerProcedure.query(({ ctx }) => listEndpoints(ctx.db, ctx.organizationId)),
  create: ownerProcedure.input(createEndpointInput).mutation(({ ctx, input }) => createEndpoint(ctx.db, ctx.user, ctx.organizationId, input)),
  update: ownerProcedure.input(updateEndpointInput).mutation(({ ctx, input }) => updateEndpoint(ctx.db, ctx.user, ctx.organizationId, input)),
  rotateSecret: ownerProcedure.input(endpointIdInput).mutation(({ ctx, input }) => rotateEndpointSecret(ctx.db, ctx.user, ctx.organizationId, input)),
  enable: ownerProcedure.input(endpointIdInput).mutation(({ ctx, input }) => enableEndpoint(ctx.db, ctx.user, ctx.organizationId, input)),
  delete: ownerProcedure.input(endpointIdInput).mutation(({ ctx, input }) => deleteEndpoint(ctx.db, ctx.user, ctx.organizationId, input)),
  deliveries: ownerProcedure.input(deliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.db, ctx.organizationId, input)),
  sendTest: ownerProcedure.input(endpointIdInput).mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.user, ctx.organizationId, input)),
  resend: ownerProcedure.input(deliveryIdInput).mutation(({ ctx, input }) => resendDelivery(ctx.db, ctx.user, ctx.organizationId, input)),
});
