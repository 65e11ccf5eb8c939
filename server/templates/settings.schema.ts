import { z } from "zod";
import { text } from "../validation/text";

export const TIME_LIMIT_MIN = { min: 5, max: 600 } as const;

const timeLimitMessage = `Set an overall limit from ${TIME_LIMIT_MIN.min} to ${TIME_LIMIT_MIN.max} minutes`;
const minutes = z
  .number({ message: timeLimitMessage })
  .int(timeLimitMessage)
  .min(TIME_LIMIT_MIN.min, timeLimitMessage)
  .max(TIME_LIMIT_MIN.max, timeLimitMessage);

/** A template's interview settings, as the settings card saves them and a version's snapshot keeps them. */
export const interviewSettingsFields = z.object({
  randomOrder: z.boolean(),
  /** null: no overall limit, only each question's own. */
  timeLimitMin: minutes.nullable(),
  allowPause: z.boolean(),
  showTimer: z.boolean(),
});

export const setTemplateSettingsInput = interviewSettingsFields.extend({ templateId: text().min(1) });

/**
 * What HR changes for the candidates of one invite, over the template's settings; a key left out
 * follows the template. An overall limit of 0 minutes means none for these candidates.
 */
export const settingsOverrideFields = z
  .object({
    randomOrder: z.boolean().optional(),
    timeLimitMin: z
      .number({ message: timeLimitMessage })
      .int(timeLimitMessage)
      .refine(
        (v) => v === 0 || (v >= TIME_LIMIT_MIN.min && v <= TIME_LIMIT_MIN.max),
        `Enter 0 for no overall limit, or ${TIME_LIMIT_MIN.min} to ${TIME_LIMIT_MIN.max} minutes`,
      )
      .optional(),
    allowPause: z.boolean().optional(),
    showTimer: z.boolean().optional(),
  })
  .transform(({ timeLimitMin, ...rest }) => {
    const out: Partial<z.output<typeof interviewSettingsFields>> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (timeLimitMin !== undefined) out.timeLimitMin = timeLimitMin === 0 ? null : timeLimitMin;
    return out;
  });

/** Settings as stored (Template.settings, a snapshot's, an invitation's override): JSON the app did not write reads as none. */
export const storedSettingsSchema = z
  .object({ randomOrder: z.boolean(), timeLimitMin: z.number().int().nullable(), allowPause: z.boolean(), showTimer: z.boolean() })
  .partial();

export function readStoredSettings(json: unknown): z.output<typeof storedSettingsSchema> {
  const parsed = storedSettingsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

export type InterviewSettingsFields = z.output<typeof interviewSettingsFields>;
export type SetTemplateSettingsInput = z.output<typeof setTemplateSettingsInput>;
export type SettingsOverrideForm = z.input<typeof settingsOverrideFields>;
