import { z } from "zod";
import { text } from "../validation/text";

export const SHARE_DAYS_MIN = 1;
export const SHARE_DAYS_MAX = 30;
export const SHARE_DAYS_DEFAULT = 7;

const daysMessage = `Choose between ${SHARE_DAYS_MIN} and ${SHARE_DAYS_MAX} days.`;

export const createShareInput = z.object({
  invitationId: text().min(1).max(64),
  days: z.number({ message: daysMessage }).int(daysMessage).min(SHARE_DAYS_MIN, daysMessage).max(SHARE_DAYS_MAX, daysMessage),
});

export const listSharesInput = z.object({ invitationId: text().min(1).max(64) });

export const revokeShareInput = z.object({ shareLinkId: text().min(1).max(64) });

// A token is 43 characters; anything far longer is not one and is refused before any lookup.
export const viewShareInput = z.object({ token: text().min(1).max(128) });

export type CreateShareInput = z.infer<typeof createShareInput>;
export type CreateShareForm = z.input<typeof createShareInput>;
export type ListSharesInput = z.infer<typeof listSharesInput>;
export type RevokeShareInput = z.infer<typeof revokeShareInput>;
export type ViewShareInput = z.infer<typeof viewShareInput>;
