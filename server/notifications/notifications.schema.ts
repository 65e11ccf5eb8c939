import { z } from "zod";
import { EMAIL_KIND_IDS } from "./email-preferences";
import { text } from "../validation/text";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const listNotificationsInput = z.object({
  unreadOnly: z.boolean().default(false),
  cursor: text().min(1).nullish(),
  take: z.number().int().min(1).max(100).default(NOTIFICATIONS_PAGE_SIZE),
});

export type ListNotificationsInput = z.infer<typeof listNotificationsInput>;

export const markReadInput = z.union([
  z.object({ ids: z.array(text().min(1)).min(1, "Choose a notification").max(100, "Mark at most 100 at a time") }),
  z.object({ all: z.literal(true) }),
]);

export type MarkReadInput = z.infer<typeof markReadInput>;

export const setEmailPreferenceInput = z.object({
  kind: z.enum(EMAIL_KIND_IDS, { message: "Choose a kind of email" }),
  enabled: z.boolean({ message: "Say whether to send it" }),
});

export type SetEmailPreferenceInput = z.infer<typeof setEmailPreferenceInput>;
