import { z } from "zod";

/** What an organization keeps when nobody has chosen: the consent screen's promise before this setting existed. */
export const DEFAULT_RETENTION_DAYS = 180;
/** The longest any plan allows; the organization's plan may allow less (server/retention/policy.ts). */
export const RETENTION_DAYS_CEILING = 365;
/** A candidate's deletion request is carried out by the sweep at the latest this many days after it was made. */
export const DELETION_REQUEST_DAYS = 30;
/** An owner's request to delete the organization waits this long, and can be cancelled meanwhile. */
export const ORGANIZATION_DELETION_GRACE_DAYS = 7;

export const retentionSettingsInput = z.object({
  retentionDays: z
    .number({ message: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Keep interviews for at least 1 day.")
    .max(RETENTION_DAYS_CEILING, `No plan keeps interviews longer than ${RETENTION_DAYS_CEILING} days.`),
});

export const deleteInterviewDataInput = z.object({
  invitationId: z.string().min(1, "Choose the interview to delete."),
  confirm: z.literal("DELETE", { message: "Type DELETE to confirm: the data cannot be recovered." }),
});

export const deleteOrganizationInput = z.object({
  confirmName: z.string().trim().min(1, "Type the organization's name to confirm."),
});

export type RetentionSettingsInput = z.output<typeof retentionSettingsInput>;
export type DeleteInterviewDataInput = z.output<typeof deleteInterviewDataInput>;
export type DeleteOrganizationInput = z.output<typeof deleteOrganizationInput>;
