import { z } from "zod";
import { text } from "../validation/text";

export const renameOrganizationInput = z.object({
  name: text().trim().min(2, "The organization's name needs at least 2 characters").max(100, "Keep the name under 100 characters"),
});

export const memberInput = z.object({ userId: text().min(1) });
export type MemberInput = z.infer<typeof memberInput>;
