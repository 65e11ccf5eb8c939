import { z } from "zod";

export const renameOrganizationInput = z.object({
  name: z.string().trim().min(2, "The organization's name needs at least 2 characters").max(100, "Keep the name under 100 characters"),
});

export const memberInput = z.object({ userId: z.string().min(1) });
export type MemberInput = z.infer<typeof memberInput>;
