import { z } from "zod";
import { text } from "../validation/text";

export const renameOrganizationInput = z.object({
  name: text().trim().min(2, "The organization's name needs at least 2 characters").max(100, "Keep the name under 100 characters"),
});

export const memberInput = z.object({ userId: text().min(1) });
export type MemberInput = z.infer<typeof memberInput>;

/** The operator's list of organizations: an optional search on the name or slug. */
export const adminListOrganizationsInput = z.object({ query: text().trim().max(100, "Keep the search under 100 characters").optional() });
export type AdminListOrganizationsInput = z.infer<typeof adminListOrganizationsInput>;

export const adminOrganizationInput = z.object({ organizationId: text().min(1).max(64) });
export type AdminOrganizationInput = z.infer<typeof adminOrganizationInput>;
