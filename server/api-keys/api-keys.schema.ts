import { z } from "zod";
import { text } from "../validation/text";

export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const createApiKeyInput = z.object({
  name: text().trim().min(1, "Name the key, e.g. after the system that uses it").max(80, "Keep the name under 80 characters"),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "Choose at least one scope")
    .transform((scopes) => API_KEY_SCOPES.filter((s) => scopes.includes(s))),
});

export const apiKeyIdInput = z.object({ id: text().min(1) });

export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;
export type CreateApiKeyForm = z.input<typeof createApiKeyInput>;
