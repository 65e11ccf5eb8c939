import { z } from "zod";
import { text } from "../validation/text";
import { WEBHOOK_EVENT_TYPES } from "./catalog";

const id = text().min(1).max(64);

export const createEndpointInput = z.object({
  url: text()
    .trim()
    .min(1, "Enter the URL that receives the webhooks.")
    .max(2000, "Keep the URL under 2000 characters.")
    .pipe(z.url({ protocol: /^https?$/, message: "Enter a full URL such as https://hooks.example.com/interviews." })),
  description: text().trim().max(200, "Keep the description under 200 characters.").default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "Choose events from the list." }))
    .min(1, "Choose at least one event.")
    .transform((events) => [...new Set(events)]),
});

export const endpointIdInput = z.object({ endpointId: id });

/** The same fields as registering, on an existing endpoint: the form for both is one. */
export const updateEndpointInput = createEndpointInput.extend({ endpointId: id });

export const deliveriesInput = z.object({ endpointId: id, limit: z.number().int().min(1).max(100).default(50) });

export const deliveryIdInput = z.object({ deliveryId: id });

export type CreateEndpointInput = z.infer<typeof createEndpointInput>;
export type CreateEndpointValues = z.input<typeof createEndpointInput>;
export type UpdateEndpointInput = z.infer<typeof updateEndpointInput>;
export type EndpointIdInput = z.infer<typeof endpointIdInput>;
export type DeliveriesInput = z.infer<typeof deliveriesInput>;
export type DeliveryIdInput = z.infer<typeof deliveryIdInput>;
