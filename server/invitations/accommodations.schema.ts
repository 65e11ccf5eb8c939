import { z } from "zod";
import { text } from "../validation/text";

export const MAX_EXTRA_TIME_PCT = 200;
export const MAX_EXTRA_RETAKES = 5;

const percent = (what: string) =>
  z
    .number({ message: `Enter the extra ${what} as a whole number of percent.` })
    .int(`Enter the extra ${what} as a whole number of percent.`)
    .min(0, `The extra ${what} cannot be negative.`)
    .max(MAX_EXTRA_TIME_PCT, `The extra ${what} can be at most ${MAX_EXTRA_TIME_PCT} %.`);

/** Per-candidate accommodations, shared by the review page's form and the procedure. */
export const accommodationsFields = z.object({
  extraThinkPct: percent("think time"),
  extraAnswerPct: percent("answer time"),
  extraRetakes: z
    .number({ message: "Enter the extra retakes as a whole number." })
    .int("Enter the extra retakes as a whole number.")
    .min(0, "The extra retakes cannot be negative.")
    .max(MAX_EXTRA_RETAKES, `At most ${MAX_EXTRA_RETAKES} extra retakes per question.`),
});

export const setAccommodationsInput = accommodationsFields.extend({ invitationId: text().min(1) });

export type AccommodationsFields = z.infer<typeof accommodationsFields>;
export type SetAccommodationsInput = z.infer<typeof setAccommodationsInput>;
