import { z } from "zod";
import { text } from "../validation/text";

const id = text().min(1).max(64);

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const NOTE_MAX = 2000;
export const COMMENT_MAX = 4000;
export const MENTIONS_MAX = 20;

export const rateAnswerInput = z.object({
  responseId: id,
  score: z
    .number({ message: "Choose a rating from 1 to 5." })
    .int("Choose a rating from 1 to 5.")
    .min(RATING_MIN, "Choose a rating from 1 to 5.")
    .max(RATING_MAX, "Choose a rating from 1 to 5."),
  note: text()
    .trim()
    .max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`)
    .optional()
    .transform((v) => (v ? v : null)),
});

/** One interview, for the team's ratings, comments and the reviewer's own state. */
export const teamInterviewInput = z.object({ invitationId: id });

export const markReviewedInput = z.object({ invitationId: id, reviewed: z.boolean().default(true) });

export const commentInput = z.object({
  invitationId: id,
  body: text().trim().min(1, "Write a comment first.").max(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX} characters.`),
  // The members picked from the @ list; only those still named in the body are notified.
  mentions: z.array(id).max(MENTIONS_MAX, `Mention at most ${MENTIONS_MAX} people in one comment.`).default([]),
});

export const INBOX_FILTERS = ["all", "not-reviewed-by-me"] as const;
export const inboxInput = z.object({ filter: z.enum(INBOX_FILTERS).default("all") });

export type RateAnswerInput = z.infer<typeof rateAnswerInput>;
export type RateAnswerForm = z.input<typeof rateAnswerInput>;
export type TeamInterviewInput = z.infer<typeof teamInterviewInput>;
export type MarkReviewedInput = z.infer<typeof markReviewedInput>;
export type CommentInput = z.infer<typeof commentInput>;
export type CommentForm = z.input<typeof commentInput>;
export type InboxInput = z.infer<typeof inboxInput>;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
