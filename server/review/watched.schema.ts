import { z } from "zod";
import { text } from "../validation/text";

/** Share of an answer's recording a reviewer must have played for it to count as reviewed. */
export const WATCHED_FRACTION = 0.9;

export const markWatchedInput = z.object({
  responseId: text().min(1),
  // The player's own measure (the union of the ranges actually played over the duration): a mark
  // for less than 90 % is refused, so no client can mark an answer it only opened.
  playedFraction: z
    .number()
    .min(WATCHED_FRACTION, `Watch at least ${WATCHED_FRACTION * 100} % of the answer to mark it reviewed.`)
    .max(1.05),
});

export const answerWatchInput = z.object({ responseId: text().min(1) });

export type MarkWatchedInput = z.infer<typeof markWatchedInput>;
export type AnswerWatchInput = z.infer<typeof answerWatchInput>;
